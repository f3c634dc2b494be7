"""Meeting -> blocks as text: the printed wording of agendas and minutes."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from render_samples import SECRET

from workflow.record.model import (
    Amendment,
    AttendanceState,
    Attendee,
    DecisionRecord,
    Exemption,
    ExemptionBasis,
    Item,
    ItemKind,
    Meeting,
    Paragraph,
    Person,
    PlanningApplication,
    Resolution,
    Role,
    Speaker,
    Withheld,
)
from workflow.record.redaction import public_view
from workflow.render.blocks import agenda_blocks, minutes_blocks
from workflow.render.documents import document_blocks
from workflow.render.styles import Style
from workflow.render.wording import time_of_day
from workflow.text.dates import format_date


def lines(blocks: list) -> list[str]:  # type: ignore[type-arg]
    return [b.text for b in blocks]


@pytest.mark.parametrize(("hour", "minute", "printed"), [
    (14, 0, "2.00 pm"), (14, 30, "2.30 pm"), (10, 5, "10.05 am"), (12, 0, "12.00 pm"),
    (0, 15, "12.15 am"),
])
def test_times_print_as_the_council_does(hour: int, minute: int, printed: str) -> None:
    assert time_of_day(dt.time(hour, minute)) == printed


def test_dates_print_with_the_day_of_the_week() -> None:
    assert format_date(dt.date(2017, 10, 12), "document") == "Thursday, 12 October 2017"


def test_agenda_front_page_and_items(meeting: Meeting, people: dict[str, Person]) -> None:
    text = lines(agenda_blocks(public_view(meeting), people=people))
    assert text[:11] == [
        "Coventry City Council\nEducation and Children's Services Scrutiny Board (2)\nAgenda",
        "Date:\tThursday 14 January 2027", "Time:\t2.00 pm",
        "Place:\tCommittee Room 3, Council House",
        "Contact:\tMichelle Rose", "\tTel: 024 7683 3111", "\tEmail: michelle.rose@example.gov.uk",
        "Membership:\tCouncillor M Mutton (Chair), Councillor S Bains, Councillor P Seaman, "
        "Councillor J Clifford, Councillor D Kershaw",
        "By invitation:\tCouncillor B Kaur (Cabinet Member), Councillor E Ruane (Deputy Cabinet "
        "Member)",
        "Public Business", "1. Declarations of Interests",
    ]
    assert "2. Minutes" in text
    assert "a) To agree the minutes of the meeting held on 10 December 2026" in text
    assert "Briefing Note of the Deputy Chief Executive (People)" in text
    assert "Report of the Deputy Chief Executive (People) (to follow)" in text
    assert "Appendix 3: action plan (to follow)" in text
    private = text.index("Private Business")
    assert text[private + 1].startswith("Recommendation: that the press and public be excluded")
    assert "paragraph 3 of Part 1 of Schedule 12A" in text[private + 1]
    assert text[private + 2] == "6. Children's Homes Contract"
    assert text[private + 3] == "(exempt information — paragraph 3 of Schedule 12A)"


def test_the_contact_block_keeps_together_and_the_address_is_a_link(
    meeting: Meeting, people: dict[str, Person]
) -> None:
    blocks = agenda_blocks(public_view(meeting), people=people)
    contact = [b for b in blocks if b.key.startswith("meeting:contact")]
    assert [b.keep for b in contact] == [True, True, False]
    (link,) = [r for r in contact[-1].runs if r.link]
    assert (link.text, link.link) == ("michelle.rose@example.gov.uk",
                                      "mailto:michelle.rose@example.gov.uk")


def test_a_single_member_session_is_signed_by_the_cabinet_member(
    meeting: Meeting, people: dict[str, Person]
) -> None:
    alone = replace(meeting, attendance=(
        Attendee(person="kaur", role=Role.CABINET_MEMBER, state=AttendanceState.PRESENT),
        Attendee(person="gregg", role=Role.OFFICER, state=AttendanceState.PRESENT)))
    blocks = minutes_blocks(alone, people=people)
    assert blocks[-1].text == "Cabinet Member"
    assert blocks[-2].keep
    assert blocks[-2].style == Style.CLOSING
    assert minutes_blocks(meeting, people=people)[-1].text == "Chair"


def test_exempt_appendix_is_listed_but_not_included(meeting: Meeting, people: dict[str, Person]) -> None:
    text = lines(agenda_blocks(public_view(meeting), people=people))
    assert ("Appendix 2: salary benchmarking (exempt information — paragraph 3 of "
            "Schedule 12A) — not for publication") in text


@pytest.mark.parametrize("build", [agenda_blocks, minutes_blocks])
def test_public_blocks_never_print_exempt_text_even_from_a_full_meeting(
    meeting: Meeting, people: dict[str, Person], build: object
) -> None:
    blocks = build(meeting, people=people)  # type: ignore[operator]
    assert not any(SECRET in b.text for b in blocks)
    confidential = build(meeting, people=people, confidential=True)  # type: ignore[operator]
    assert any(SECRET in b.text for b in confidential)


def test_exempt_minute_text_in_a_public_item(meeting: Meeting, people: dict[str, Person]) -> None:
    blocks = minutes_blocks(public_view(meeting), people=people)
    withheld = [b for b in blocks if b.key.startswith("item:social/body[2]")]
    assert [b.text for b in withheld] == ["(exempt information — paragraph 3)"]
    assert withheld[0].runs[0].italic


def test_motions_votes_declarations_actions_and_urgency(
    meeting: Meeting, people: dict[str, Person]
) -> None:
    text = lines(minutes_blocks(meeting, people=people))
    assert ("Councillor S Bains declared an other registrable interest in item 3 "
            "(governor of a local school).") in text
    assert ("Councillor S Bains moved, and Councillor R Brown seconded, the following "
            "amendment:") in text
    assert "Votes: For 5, Against 1, Abstentions 0." in text
    assert "For: Councillor M Mutton and Councillor S Bains." in text
    assert "The amendment was carried and became the substantive motion." in text
    assert "Action: Share exit interview data (J Gregg), by 1 February 2027" in text
    assert "Referred to Scrutiny Board 4: housing priority for foster carers" in text
    assert any(t.startswith("Late item: Councillor M Mutton agreed") for t in text)


def test_attendance_as_in_the_seed_minutes(meeting: Meeting, people: dict[str, Person]) -> None:
    text = lines(minutes_blocks(meeting, people=people))
    start = text.index("Present:")
    assert text[start + 1:start + 5] == [
        "Members:\tCouncillor M Mutton (Chair)", "\tCouncillor S Bains",
        "\tCouncillor R Brown (substitute for Councillor D Kershaw)",
        "\tCouncillor P Seaman (attended remotely) (arrived at 2.15 pm)",
    ]
    assert "Cabinet Members:\tCouncillor B Kaur" in text
    assert "\tCouncillor E Ruane (Deputy Cabinet Member)" in text
    assert "\tPlace: S Bennett" in text
    assert "In attendance:\tA Visitor (Carers Trust)" in text
    assert text[text.index("Apologies:\tCouncillor J Clifford") + 2] == "\tS Hanson"


def test_unknown_people_print_as_stored(meeting: Meeting) -> None:
    text = lines(minutes_blocks(meeting, people={}))
    assert "Members:\tmutton (Chair)" in text


def test_single_resolution_runs_on_from_resolved(people: dict[str, Person]) -> None:
    item = Item(uid="n", agenda_number="7", title="Report",
                resolutions=(Resolution(text="that the Board noted the report."),))
    meeting = Meeting(id="c/2027-01-14", committee="c", date=dt.date(2027, 1, 14), items=(item,))
    blocks = minutes_blocks(meeting, people=people)
    resolved = [b for b in blocks if b.text.startswith("RESOLVED")]
    assert [b.text for b in resolved] == ["RESOLVED that the Board noted the report."]
    assert all(run.bold for run in resolved[0].runs)


def test_headings_have_no_number_when_the_record_has_none(people: dict[str, Person]) -> None:
    meeting = Meeting(id="c/2027-01-14", committee="c", committee_name="Parish Council",
                      date=dt.date(2027, 1, 14), items=(Item(uid="a", title="Tributes"),))
    blocks = minutes_blocks(meeting, people=people)
    assert blocks[0].text == "Minutes of the Meeting of Parish Council held on Thursday, 14 January 2027"
    assert "Tributes" in lines(blocks)


def test_withheld_blocks_read_from_disk_print_their_note(people: dict[str, Person]) -> None:
    item = Item(uid="a", title="Contract",
                body=(Withheld(withheld=ExemptionBasis.CONFIDENTIAL),
                      Paragraph(text="Public words.")))
    meeting = Meeting(id="c/2027-01-14", committee="c", date=dt.date(2027, 1, 14), items=(item,))
    text = lines(minutes_blocks(meeting, people=people, confidential=True))
    assert "(confidential information — not for publication)" in text


def test_planning_decision_record_and_amendments(people: dict[str, Person]) -> None:
    planning = Item(uid="p", agenda_number="5", kind=ItemKind.PLANNING_APPLICATION,
                    title="12 High Street",
                    planning=PlanningApplication(reference="PL/2026/0142", site="12 High Street",
                                                 speakers=(Speaker(name="J Smith", capacity="objector"),),
                                                 decision="Granted subject to conditions",
                                                 conditions=("Start within three years",)))
    executive = Item(uid="e", agenda_number="6", title="Fees",
                     decision_record=DecisionRecord(decision="Approve the fees.",
                                                    alternatives=("Keep the fees",)))
    meeting = Meeting(id="c/2027-01-14", committee="c", date=dt.date(2027, 1, 14),
                      items=(planning, executive),
                      amendments=(Amendment(on=dt.date(2027, 3, 1), by="mutton",
                                            reason="Spelling of a name corrected"),))
    text = lines(minutes_blocks(meeting, people=people))
    assert "Application:\tPL/2026/0142" in text
    assert "The Committee heard from J Smith (objector)." in text
    assert "Decision: Granted subject to conditions" in text
    assert "Start within three years" in text
    assert "Decision: Approve the fees." in text
    assert text[-1] == ("1 March 2027: Spelling of a name corrected. Recorded by "
                        "Councillor M Mutton.")


def test_document_blocks_uses_the_public_view(meeting: Meeting, people: dict[str, Person]) -> None:
    public = document_blocks(meeting, "minutes", people=people)
    assert lines(public) == lines(minutes_blocks(public_view(meeting), people=people))
    confidential = document_blocks(meeting, "minutes", people=people, confidential=True)
    assert lines(confidential)[0] == "NOT FOR PUBLICATION"
    assert confidential[0].style == Style.MARKING


def test_exempt_item_without_public_title_keeps_its_title_private(
    meeting: Meeting, people: dict[str, Person]
) -> None:
    secret = replace(meeting.items[-1], public_title="")
    meeting = replace(meeting, items=(*meeting.items[:-1], secret))
    text = lines(agenda_blocks(public_view(meeting), people=people))
    assert "6. Item not for publication" in text


def test_confidential_basis_is_worded_apart(people: dict[str, Person]) -> None:
    item = Item(uid="c", agenda_number="9", title="Legal advice", public_title="Legal matter",
                exemption=Exemption(basis=ExemptionBasis.CONFIDENTIAL))
    meeting = Meeting(id="c/2027-01-14", committee="c", date=dt.date(2027, 1, 14), items=(item,))
    text = lines(agenda_blocks(public_view(meeting), people=people))
    assert "9. Legal matter" in text
    assert "(confidential information — not for publication)" in text
    assert any("confidential information would otherwise be disclosed" in t for t in text)


def test_agenda_lists_the_actions_carried_to_outstanding_issues() -> None:
    import datetime as dt

    from workflow.record.model import Action, ActionKind, Item, ItemKind, Meeting
    from workflow.render.blocks import agenda_blocks

    meeting = Meeting(
        id="board/2027-02-11", committee="board", date=dt.date(2027, 2, 11),
        items=(Item(uid="outstanding-issues", agenda_number="26", minute_number="26",
                    kind=ItemKind.OUTSTANDING_ISSUES, title="Outstanding Issues",
                    actions=(Action(text="Send the figures.", kind=ActionKind.INFORMATION, origin="3/26"),
                             Action(text="Already sent.", done=True, origin="2/26"))),),
    )
    texts = ["".join(r.text for r in b.runs) for b in agenda_blocks(meeting, people={})]
    assert "Minute 3/26: Send the figures." in texts
    assert not any("Already sent" in t for t in texts)
