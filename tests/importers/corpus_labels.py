"""What each corpus document holds, read from the document by hand: its items (number as
written and title), and how many resolutions and recorded or counted votes it records.

``number`` is the agenda number or the council's minute reference as printed ("" for an
item headed by its title alone); ``title`` is the start of the heading ("" where the
document gives the item no title, or the title is a long run-on sentence). ``given``
holds the committee and date a clerk would pass on the command line when the text does
not name them. ``resolutions`` and ``votes`` are ``None`` where the partial text stops
before the outcome, or where the count depends on how a reader splits run-on text.
Llanfair's "APOLOGIES" and "PRESENT" head its attendance, not items. Item numbers in
``abergavenny`` are the order of the agenda: its copy prints "1." for
every item (list numbering lost), which the importer numbers in order, with a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Expected:
    items: list[tuple[str, str]]
    resolutions: int | None = None
    votes: int | None = None
    given: dict[str, str] = field(default_factory=dict)


def _numbers(*numbers: str) -> list[tuple[str, str]]:
    return [(n, "") for n in numbers]


CLEVELAND = (
    [f"File No. {n}-96" for n in (*range(1, 18), 19, 21, 23, 25, 27, 26, 24, 22, 20, 18, 51, 28, 52)]
    + [f"Res. No. {n}-96" for n in range(53, 64)]
    + [f"Ord. No. {n}-96" for n in range(29, 42)]
    + ["Res. No. 42-96", "Ord. No. 43-96"]
    + [f"Res. No. {n}-96" for n in range(44, 51)]
    + [f"Ord. No. {n}" for n in ("398-95", "1667-95", "1826-95", "2014-95", "2146-95", "2187-95",
                                  "2194-95")]
)

LABELS: dict[str, Expected] = {
    "aberdeen-city-council_2024-08-21_council_minutes-partial.txt": Expected(
        [("1", "Admission of Burgesses"), ("2", "Determination of exempt business"),
         ("3", "Declarations of interest and transparency statements")],
        resolutions=1, votes=0, given={"committee": "council", "date": "2024-08-21"}),
    "abergavenny-town-council_2021-04-14_council_agenda-partial.txt": Expected(
        [("1", "To receive and approve apologies for absence"),
         ("2", "To receive declarations of interest for items on the agenda"),
         ("3", "To receive and approve the minutes of the last meeting"),
         ("4", "To receive and note the Town Clerk"),
         ("5", "To receive and approve the budget reports for Month 12"),
         ("6", "To receive and approve the CCTV Memorandum of Understanding"),
         ("7", "To receive and approve the feedback report from grant recipients"),
         ("8", "To receive and approve the letter to MCC"),
         ("9", "To receive details of the"),
         ("10", "To receive and approve the report on the Adopt a Garden scheme pilot"),
         ("11", "To receive and approve the application by Friends of Castle Meadows"),
         ("12", "To receive and note the OVW Briefing Note"),
         ("13", "To approve calendar of dates for Council meetings"),
         ("14", "To receive reports from Councillors attending meetings of External Bodies"),
         ("15", "To receive notification that there will be an election for a Mayor"),
         ("16", "To consider and approve the following planning applicati")],
        resolutions=0, votes=0, given={"committee": "council", "date": "2021-04-14"}),
    "bayham-municipal-council-on_1998-06-04_council_minutes-partial.txt": Expected(
        [("I", "CALL TO ORDER"), ("2", "DISCLOSURE OF PECUNIARY INTEREST AND THE GENERAL NATURE THEREOF"),
         ("3", "MINUTES & BUSINESS ARISING OUT OF THE MINUTES"), ("4", "DELEGATIONS")],
        resolutions=3, votes=0),
    "brooklyn-center-city-council-mn_2018-11-13_regular-session_minutes-partial.txt": Expected(
        [("1", "INFORMAL OPEN FORUM WITH CITY COUNCIL"), ("2", "INVOCATION"),
         ("3", "CALL TO ORDER REGULAR BUSINESS MEETING"), ("4", "ROLL CALL"),
         ("5", "PLEDGE OF ALLEGIANCE"), ("6", "APPROVAL OF AGENDA AND CONSENT AGENDA")],
        resolutions=1, votes=0),
    "cabonne-council_2012-05-21_ordinary-council_minutes-partial.txt": Expected(
        [("1", "APPLICATIONS FOR LEAVE OF ABSENCE"), ("2", "DECLARATIONS OF INTEREST"),
         ("3", "DECLARATIONS FOR POLITICAL DONATIONS"), ("4", "MAYORAL MINUTE - APPOINTMENTS"),
         ("5", "GROUPING OF REPORT ADOPTION"), ("6", "CONFIRMATION OF THE MINUTES"),
         ("7", "ECONOMIC DEVELOPMENT & TOURISM COMMITTEE MEETING"),
         ("8", "COMMUNITY SERVICES COMMITTEE MEETING"), ("9", "WORKS COMMITTEE MEETING"),
         ("10", "ENVIRONMENTAL SERVICES AND SUSTAINABILITY COMMITTEE MEETING"),
         ("11", "TRAFFIC COMMITTEE 26 APRIL 2012"), ("12", "YEOVAL WATER SUPPLY LICENCE AGREEMENT"),
         ("13", "EXCLUSIVE LICENCE TO QUARRY"), ("14", "ALGA BUDGET SUBMISSION 2012-2013"),
         ("15", "FLOOD INSURANCE MATTERS"),
         ("16", "LOCAL GOVERNMENT & SHIRES ASSOCIATION - ONE ASSOCIATION"),
         ("17", "CODE OF CONDUCT REVIEW"),
         ("18", "DONATIONS EQUAL TO THE REFUNDING OF COUNCIL DA FEES AND CHARGES POLICY"),
         ("19", "NOTICE OF RESCISSION MOTION"), ("20", "Quarterly Budget Review"),
         ("21", "CABONNE COUNCIL DRAFT TOURISM PLAN"), ("22", "MOLONG WATER SUPPLY EMERGENCY DROUGHT SOURCE"),
         ("23", "FINANCIAL ASSISTANCE TO MANILDRA SHOWGROUND TRUST"), ("24", "AMSAG FORBES/CABONNE RALLY"),
         ("25", "3 lot subdivision Lot 101"), ("26", "BUSINESS PAPER ITEMS FOR NOTING"),
         ("27", "QUESTIONS FOR NEXT MEETING"), ("28", "Yeoval Sewage Management")],
        resolutions=0, votes=0),
    "castor-parish-council_2023-03-02_parish-council_agenda-partial.txt": Expected(
        [("", "Note attendance and receive apologies for absence"),
         ("", "declarations of interest on items on this agenda"),
         ("", "Minutes of the previous meeting"), ("", "Matters arising from the minutes"),
         ("", "PUBLIC FORUM")],
        resolutions=0, votes=0),
    "choppington-parish-council_2023-11-22_parish-council_minutes-partial.txt": Expected(
        [("1", "APOLOGIES FOR ABSENCE"), ("2", "DECLARATIONS OF DISCLOSABLE PECUNIARY"),
         ("3", "PUBLIC QUESTIONS"), ("4", "PLANNING MATTERS FOR CONSIDERATION"),
         ("5", "TO RECEIVE AND ADOPT THE MINUTES OF THE PARISH COUNCIL MEETING"),
         ("6", "MATTERS ARISING"), ("7", "TO RECEIVE AND NOTE THE MINUTES OF THE COMMUNITY DEVELOPMENT"),
         ("8", "TO RECEIVE AND NOTE THE MINUTES OF THE ALLOTMENT COMMITTEE"),
         ("9", "TO RECEIVE AND NOTE THE MINUTES OF THE STAFFING AND POLICY COMMITTEE"),
         ("10", "TO RECEIVE AND NOTE THE MINUTES OF THE COMMUNITY DEVELOPMENT")],
        resolutions=0, votes=0),
    "cleveland-city-council_1996-01-08_city-council-regular_minutes.txt": Expected(_numbers(*CLEVELAND)),
    "cootamundra-gundagai-regional-council_2019-12-10_ordinary-council_minutes-partial.txt": Expected(
        [("", "ADJOURN MEETING FOR OPEN FORUM")], resolutions=1, votes=0),
    "cork-county-council_2018-11-26_county-council_minutes-partial.txt": Expected(
        [("", "CONFIRMATION OF MINUTES"), ("1(a)/11-2", ""), ("1(b)/11-2", "")], resolutions=2, votes=0),
    "far-north-district-council_2020-03-10_extraordinary-council_minutes-partial.txt": Expected(
        [("1", "Prayer"), ("2", "Apologies and Declarations of Interest"), ("3", "Deputation"),
         ("4", "Public Excluded"), ("4.1", "RESOLUTION TO EXCLUDE THE PUBLIC")],
        resolutions=1, votes=0),
    "flintshire-county-council_2007-11-06_county-council_agenda-partial.txt": Expected(
        [("1", "PRAYERS"), ("2", "APOLOGIES FOR ABSENCE"), ("3", "PUBLIC QUESTION TIME"),
         ("4", "COUNCIL MINUTES"), ("5", "DECLARATIONS OF INTEREST"), ("6", "NOTICE OF MOTION")],
        resolutions=0, votes=0),
    "groby-parish-council_2008-02-04_parish-council_minutes-partial.txt": Expected(
        [("Cou/285/07-08", "Present"), ("Cou/286/07-08", "Apologies for Absence"),
         ("Cou/287/07-08", "Declarations of Interest")], resolutions=1, votes=0),
    "guelph-city-council_2014-05-26_council_minutes.txt": Expected(
        _numbers(*(str(n) for n in range(1, 34))), votes=28),
    "haringey-council_2014-06-25_cabinet_minutes-partial.txt": Expected(
        [("650", "Apologies"), ("651", "Urgent Business"), ("652", "Declarations of Interest")],
        resolutions=0, votes=0),
    "kidwelly-town-council_2011-01-18_full-council-adjourned_minutes-partial.txt": Expected(
        [("557", "MEMBERS’ DECLARATIONS OF INTEREST"), ("558", "RATIFICATION OF BUDGET 2011 - 2012"),
         ("559", "MEMBERS’ DECLARATIONS OF INTEREST"), ("560", "POLICING MATTERS")],
        resolutions=1, votes=2),
    "lancaster-city-council_2019-02-04_planning-regulatory-committee_minutes-partial.txt": Expected(
        [("109", "Minutes"), ("110", "Items of Urgent Business authorised by the Chairman"),
         ("111", "Declarations of Interest")], resolutions=0, votes=0),
    "leitrim-county-council_2021-06-14_carrick-on-shannon-md-annual-meeting_minutes-partial.txt": Expected(
        [("CMD.74.21", "Election of the Cathaoirleach")], resolutions=0, votes=0),
    "llanfair-community-council_2024-12-04_community-council_minutes-partial.txt": Expected(
        [("", "MINUTES"), ("", "MATTERS ARISING")],
        given={"committee": "council", "date": "2024-12-04"}),
    "melton-borough-council_2018-05-15_annual-council_minutes-partial.txt": Expected(
        [("CO1", "APOLOGIES FOR ABSENCE"), ("CO2", "MAYOR'S ANNOUNCEMENTS AND REMARKS")],
        resolutions=0, votes=0),
    "melton-parish-council_2021-06-16_full-council_minutes-partial.txt": Expected(
        [("21.66", "TO RECEIVE APOLOGIES FOR ABSENCE"), ("21.67", "DECLARATIONS OF INTEREST"),
         ("21.67.01", "To receive Amendments to the Register"),
         ("21.67.02", "To receive Declarations of Pecuniary Interest"),
         ("21.67.03", "To receive Declarations of Non Pecuniary Interest"),
         ("21.67.04", "To Consider Full / Partial Dispensations"),
         ("21.68", "PUBLIC PARTICIPATION SESSION"),
         ("21.68.01", "To receive a report from District Councillor Rachel Smith-Lyte"),
         ("21.68.02", "To receive a report from County Councillor Alexander Nicoll")],
        resolutions=0, votes=0),
    "napier-city-council_2020-12-17_ordinary-council_minutes-partial.txt": Expected(
        [("", "Apologies"), ("", "Conflicts of interest"), ("", "Public forum")], resolutions=1, votes=0),
    "north-norfolk-district-council_2011-11-10_development-committee_minutes-partial.txt": Expected(
        [("139", "APOLOGIES FOR ABSENCE AND DETAILS OF SUBSTITUTE MEMBERS"), ("140", "MINUTES"),
         ("141", "ITEMS OF URGENT BUSINESS"), ("142", "DECLARATIONS OF INTEREST"), ("143", "LANGHAM")],
        resolutions=0, votes=0),
    "north-yorkshire-council_2024-07-24_full-council_agenda-partial.txt": Expected(
        [("", "Minutes of the meeting held on 15 May 2024"), ("", "Chairman's Announcements"),
         ("", "Statement by the Leader of the Council"), ("", "Public Questions or Statements"),
         ("", "Notices of Motion"), ("", "Motion calling for Support for a bathing water application")],
        resolutions=0, votes=0),
    "north-yorkshire-council_2024-07-24_full-council_minutes-partial.txt": Expected(
        [("", "Minutes of the meeting held on 15 May 2024"), ("", "Apologies for absence"),
         ("", "Declarations of Interest"), ("", "Chairman's Announcements")],
        resolutions=1, votes=0, given={"committee": "full-council", "date": "2024-07-24"}),
    "oro-medonte-township-council-on_2012-06-27_regular-council_minutes-partial.txt": Expected(
        [("1", "CALL TO ORDER - PRIVATE PRAYER/MOMENT OF REFLECTION"), ("2", "ADOPTION OF AGENDA"),
         ("3", "DISCLOSURE OF PECUNIARY INTEREST"), ("4", "CLOSED SESSION ITEMS")],
        resolutions=2, votes=0),
    "plymouth-city-council-mn_2002-07-09_regular-council_minutes-partial.txt": Expected(
        [("4.01", "Presentation by Cub Scout Pack 388"),
         ("4.02", "Presentation by Jim Steinhagen")], resolutions=0, votes=0),
    "salford-priors-parish-council_2019-05-15_annual-meeting_minutes-partial.txt": Expected(
        [("1", ""), ("2", "Election of Chairman"), ("3", "Chairman’s Declaration of Acceptance of Office"),
         ("4", "Election of Vice-Chairman"), ("5", ""), ("6", "Apologies for Absence"),
         ("7", "Disclosure of Interests")]),
    "san-francisco-board-of-supervisors_2025-11-04_regular-meeting_agenda.txt": Expected(
        [*_numbers(*(str(n) for n in range(1, 31))), ("31", "ROLL CALL FOR INTRODUCTIONS"),
         ("32", "PUBLIC COMMENT"), *_numbers("33", "34", "35", "36", "37"),
         ("38", "IMPERATIVE AGENDA")], resolutions=0, votes=0),
    "sebastian-city-council-fl_1990-09-26_regular-meeting_agenda-partial.txt": Expected(
        [("1", "CALL TO ORDER"), ("2", "PLEDGE OF ALLEGIANCE"), ("3", "INVOCATION"), ("4", "ROLL CALL"),
         ("5", "AGENDA MODIFICATIONS"), ("6", "PROCLAMATIONS AND/OR ANNOUNCEMENTS"),
         ("7", "PUBLIC HEARING, FINAL ACTION"), ("8", "PUBLIC INPUT"), ("9", "CONSENT AGENDA")],
        resolutions=0, votes=0),
    "sligo-county-council_2012-10-01_ordinary-meeting_minutes-partial.txt": Expected(
        [("", "SUSPEND STANDING ORDERS"), ("1", "MINUTES OF THE ORDINARY MEETING HELD ON 3RD SEPTEMBER")],
        resolutions=2, votes=0),
    "trefriw-community-council_2019-02-05_council_minutes-partial.txt": Expected(
        [("1", "To confirm that a Quorum of elected members is present"), ("2", "Apologies"),
         ("3", "Declarations of Interest"), ("4", "Minutes"), ("5", "Chair’s announcements")]),
    "walford-parish-council_2020-11-18_full-council_minutes-partial.txt": Expected(
        [("1", "Apologies for absence"), ("2", "Declarations of interests"), ("3", "Minutes"),
         ("4", "Public Participation Session"), ("5", "Projects"),
         ("6", "Safety/Environmental Working Group")]),
    "wilmot-township-council-on_2024-05-27_council_minutes-partial.txt": Expected(
        _numbers("1", "2", "3"), resolutions=2, votes=0),
    "yakima-city-council-wa_1985-12-14_adjourned-meeting-budget_minutes-partial.txt": Expected(
        [("", "FIRE"), ("", "POLICE")], votes=0),
}
