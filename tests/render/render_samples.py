"""Meetings built in code for the rendering tests, with exempt sentinel text to hunt for.

The facts follow the seed minutes of a scrutiny board (members, officers by directorate,
numbered items, RESOLVED with labelled sub-resolutions); the prose is written here.
"""

from __future__ import annotations

import datetime as dt

from workflow.record.model import (
    Action,
    ActionKind,
    Agenda,
    AttendanceState,
    Attendee,
    BulletList,
    Contact,
    Declaration,
    Document,
    Exemption,
    InterestType,
    Item,
    ItemKind,
    Meeting,
    Motion,
    MotionKind,
    MotionOutcome,
    Movement,
    Paragraph,
    Person,
    PersonKind,
    Report,
    Resolution,
    Role,
    Status,
    Urgency,
    Vote,
)

SECRET = "ZZSECRETZZ"
"""Sentinel placed in every piece of exempt content; public outputs must never hold it."""

CREATED = dt.datetime(2027, 1, 14, 16, 0, tzinfo=dt.UTC)


def people_register() -> dict[str, Person]:
    def member(pid: str, name: str) -> Person:
        return Person(id=pid, name=name, title="Councillor")

    def officer(pid: str, name: str, directorate: str) -> Person:
        return Person(id=pid, name=name, kind=PersonKind.OFFICER, directorate=directorate)

    people = [
        member("mutton", "M Mutton"), member("bains", "S Bains"), member("brown", "R Brown"),
        member("kershaw", "D Kershaw"), member("seaman", "P Seaman"), member("kaur", "B Kaur"),
        member("ruane", "E Ruane"), member("clifford", "J Clifford"),
        officer("gregg", "J Gregg", "People"), officer("holmes", "G Holmes", "People"),
        officer("bennett", "S Bennett", "Place"), officer("hanson", "S Hanson", "People"),
    ]
    return {p.id: p for p in people}


def _attendance() -> tuple[Attendee, ...]:
    present = AttendanceState.PRESENT
    return (
        Attendee(person="mutton", role=Role.CHAIR, state=present),
        Attendee(person="bains", state=present),
        Attendee(person="brown", state=present, substitute_for="kershaw"),
        Attendee(person="seaman", state=AttendanceState.REMOTE,
                 arrived=Movement(time=dt.time(14, 15))),
        Attendee(person="kaur", role=Role.CABINET_MEMBER, state=present),
        Attendee(person="ruane", role=Role.DEPUTY_CABINET_MEMBER, state=present),
        Attendee(person="gregg", role=Role.OFFICER, state=present),
        Attendee(person="holmes", role=Role.OFFICER, state=present),
        Attendee(person="bennett", role=Role.OFFICER, state=present),
        Attendee(name="A Visitor", role=Role.OTHER, state=present, capacity="Carers Trust"),
        Attendee(person="clifford", state=AttendanceState.APOLOGIES),
        Attendee(person="kershaw", state=AttendanceState.APOLOGIES),
        Attendee(person="hanson", role=Role.OFFICER, state=AttendanceState.APOLOGIES),
    )


def _items() -> tuple[Item, ...]:
    secret_exemption = Exemption(paragraph=3, public_interest="Commercial terms")
    return (
        Item(uid="decl", agenda_number="1", minute_number="18", kind=ItemKind.DECLARATIONS,
             title="Declarations of Interests",
             declarations=(Declaration(member="bains", interest=InterestType.OTHER_REGISTRABLE,
                                       nature="governor of a local school", regarding="3"),)),
        Item(uid="mins", agenda_number="2", minute_number="19", kind=ItemKind.MINUTES,
             title="Minutes",
             wording=("a) To agree the minutes of the meeting held on 10 December 2026",
                      "b) Matters Arising"),
             documents=(Document(title="Minutes of 10 December 2026", size="PDF 61 KB"),),
             body=(Paragraph(text="The minutes of the meeting held on 10 December 2026 were "
                                  "agreed and signed as a true record."),)),
        Item(uid="social", agenda_number="3", minute_number="20", title="Social Work Recruitment",
             report=Report(kind="Briefing Note", author="Deputy Chief Executive (People)"),
             documents=(Document(title="Briefing note", size="PDF 94 KB"),
                        Document(title="Appendix 2: salary benchmarking",
                                 exemption=Exemption(paragraph=3)),
                        Document(title="Appendix 3: action plan", to_follow=True)),
             body=(
                 Paragraph(text="The Board considered a briefing note on recruiting & keeping "
                                "social workers <in the city>."),
                 BulletList(bullets=("Recruitment", "Social work academy", "Retention offers")),
                 Paragraph(text=f"The agency rates were {SECRET} per day.",
                           exemption=Exemption(paragraph=3)),
                 BulletList(bullets=(f"{SECRET} supplier",), exemption=Exemption(paragraph=1)),
             ),
             motions=(
                 Motion(kind=MotionKind.AMENDMENT, text="Add a review in six months.",
                        mover="bains", seconder="brown", outcome=MotionOutcome.CARRIED,
                        substantive=True,
                        vote=Vote(for_count=5, against_count=1, abstain_count=0,
                                  for_names=("mutton", "bains"), against_names=("seaman",))),
             ),
             resolved_intro="that the Board:",
             resolutions=(
                 Resolution(label="(a)", text="Notes the briefing note."),
                 Resolution(label="(b)", text="Requests a progress review in six months.",
                            children=(Resolution(label="(i)", text="including exit interviews"),
                                      Resolution(label="(ii)", text="and audits"))),
             ),
             actions=(Action(text="Share exit interview data", owner="gregg",
                             due=dt.date(2027, 2, 1)),
                      Action(text="housing priority for foster carers", kind=ActionKind.REFERRAL,
                             owner="Scrutiny Board 4"))),
        Item(uid="late", agenda_number="4", minute_number="21", title="Regional Adoption Agency",
             urgency=Urgency(reason="Cabinet decides before the next meeting", agreed_by="mutton"),
             report=Report(author="Deputy Chief Executive (People)", to_follow=True),
             resolutions=(Resolution(label="1)", text="To note the report."),
                          Resolution(label="2)", text="To ask for the Cabinet report."))),
        Item(uid="aob", agenda_number="5", minute_number="22", kind=ItemKind.ANY_OTHER_BUSINESS,
             title="Any Other Business",
             resolutions=(Resolution(text="that there were no other items of business."),)),
        Item(uid="secret", agenda_number="6", minute_number="23", title=f"{SECRET} Contract Award",
             public_title="Children's Homes Contract", exemption=secret_exemption,
             report=Report(author=f"Director {SECRET}"),
             wording=(f"To consider the {SECRET} bids",),
             body=(Paragraph(text=f"The Board discussed {SECRET} tenders."),),
             resolutions=(Resolution(label="(a)", text=f"Award to {SECRET} Ltd."),
                          Resolution(label="(b)", text="Report back."))),
    )


def sample_meeting() -> Meeting:
    return Meeting(
        id="scrutiny-board-2/2027-01-14",
        committee="scrutiny-board-2",
        committee_name="Education and Children's Services Scrutiny Board (2)",
        council="Coventry City Council",
        status=Status.MINUTES_DRAFT,
        date=dt.date(2027, 1, 14),
        start=dt.time(14, 0),
        closed=dt.time(15, 30),
        venue="Committee Room 3, Council House",
        contact=Contact(name="Michelle Rose", phone="024 7683 3111",
                        email="michelle.rose@example.gov.uk"),
        attendance=_attendance(),
        items=_items(),
        agenda=Agenda(published_on=dt.date(2027, 1, 6)),
    )
