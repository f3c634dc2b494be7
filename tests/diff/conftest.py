"""Two versions of a scrutiny board meeting, shaped like the published seed minutes."""

from __future__ import annotations

import datetime as dt

import pytest

from workflow.record.model import (
    Action,
    AttendanceState,
    Attendee,
    BulletList,
    Contact,
    Declaration,
    Exemption,
    InterestType,
    Item,
    ItemKind,
    Meeting,
    Motion,
    MotionOutcome,
    Paragraph,
    Person,
    PersonKind,
    Resolution,
    Role,
    Status,
    Vote,
)

SECRET = "SENTINEL-EXEMPT-7Q"
"""Text that appears only in exempt content; a public diff must never carry it."""


def _items() -> tuple[Item, ...]:
    return (
        Item(uid="decl", agenda_number="1", minute_number="1", kind=ItemKind.DECLARATIONS,
             title="Declarations of Interests",
             body=(Paragraph(text="There were no declarations of interest."),)),
        Item(uid="mins", agenda_number="2", minute_number="2", kind=ItemKind.MINUTES,
             title="Minutes", wording=("a) To agree the minutes of the meeting held on 26th April, 2018",
                                       "b) Matters Arising"),
             body=(Paragraph(text="The minutes of the meeting held on 26 April 2018 were signed "
                                  "as a true record. There were no matters arising."),)),
        Item(uid="parenting", agenda_number="3", minute_number="3",
             title="Corporate Parenting and the Corporate Parenting Board",
             body=(
                 Paragraph(text="The Board considered a briefing note on the duties members "
                                "hold as corporate parents."),
                 Paragraph(text="A core offer for care leavers must be published by December 2018."),
                 BulletList(bullets=("Support for independent living",
                                     "Financial help available from Government")),
             ),
             declarations=(Declaration(member="cllr-lapsa", interest=InterestType.OTHER_REGISTRABLE,
                                       nature="a foster carer"),),
             motions=(Motion(text="That in-house training be offered to all members.",
                             mover="cllr-lapsa", seconder="cllr-kaur",
                             outcome=MotionOutcome.CARRIED, vote=Vote(for_count=6, against_count=1)),),
             resolutions=(
                 Resolution(label="(a)", text="To note progress against the 2015 task and finish "
                                              "group recommendations."),
                 Resolution(label="(b)", text="To recommend that in-house training be provided to "
                                              "all elected members and senior managers."),
             ),
             actions=(Action(text="Send the education outcomes for looked after children",
                             owner="Head of Virtual School", due=dt.date(2018, 9, 1)),)),
        Item(uid="fostering", agenda_number="4", minute_number="4",
             title="Progress Towards an Outstanding Fostering Service",
             body=(Paragraph(text="The Board received a note on progress in the fostering service."),),
             resolutions=(Resolution(label="(a)", text="To note the progress made."),)),
        Item(uid="adoption", agenda_number="5", minute_number="5", title="Regional Adoption Agency",
             exemption=Exemption(paragraph=3),
             body=(Paragraph(text=f"The contract sum was discussed. {SECRET}"),),
             resolutions=(Resolution(label="(a)", text=f"To approve the contract. {SECRET}"),)),
    )


@pytest.fixture
def people() -> dict[str, Person]:
    return make_people()


@pytest.fixture
def meeting() -> Meeting:
    return make_meeting()


def make_people() -> dict[str, Person]:
    return {
        "cllr-lapsa": Person(id="cllr-lapsa", name="R Lapsa", title="Councillor"),
        "cllr-kaur": Person(id="cllr-kaur", name="K Kaur", title="Councillor"),
        "officer-rose": Person(id="officer-rose", name="M Rose", kind=PersonKind.OFFICER,
                               directorate="People", job_title="Governance Services Officer"),
    }


def make_meeting() -> Meeting:
    return Meeting(
        id="scrutiny-board-2/2018-06-21",
        committee="scrutiny-board-2",
        committee_name="Education and Children's Services Scrutiny Board (2)",
        council="Coventry City Council",
        status=Status.MINUTES_DRAFT,
        date=dt.date(2018, 6, 21),
        start=dt.time(14, 0),
        closed=dt.time(15, 35),
        venue="Committee Room 3 - Council House",
        contact=Contact(name="Michelle Rose", phone="024 7683 3111"),
        attendance=(
            Attendee(person="cllr-lapsa", role=Role.CHAIR, state=AttendanceState.PRESENT),
            Attendee(person="cllr-kaur", state=AttendanceState.PRESENT),
            Attendee(person="officer-rose", role=Role.OFFICER, state=AttendanceState.PRESENT),
        ),
        items=_items(),
    )
