"""Meetings and committees for the lifecycle tests, shaped on the Coventry scrutiny seeds."""

from __future__ import annotations

import dataclasses
import datetime as dt

from workflow.record.model import (
    Action,
    AttendanceState,
    Attendee,
    Committee,
    Exemption,
    Item,
    ItemKind,
    Meeting,
    Membership,
    Paragraph,
    Person,
    PersonKind,
    Report,
    Role,
    Status,
)
from workflow.settings import Settings

SLUG = "scrutiny-board-2"
NAME = "Education and Children's Services Scrutiny Board (2)"

PEOPLE = {
    p.id: p
    for p in (
        Person(id="cllr-k-sandhu", name="K Sandhu", title="Councillor"),
        Person(id="cllr-r-ali", name="R Ali", title="Councillor"),
        Person(id="cllr-t-mayer", name="T Mayer", title="Councillor"),
        Person(id="cllr-j-okafor", name="J Okafor", title="Councillor"),
        Person(id="g-holt", name="G Holt", kind=PersonKind.OFFICER, directorate="People"),
    )
}

COMMITTEE = Committee(
    slug=SLUG,
    name=NAME,
    council="Coventry City Council",
    quorum=3,
    membership=(
        Membership(person="cllr-k-sandhu", role=Role.CHAIR),
        Membership(person="cllr-r-ali"),
        Membership(person="cllr-t-mayer"),
        Membership(person="cllr-j-okafor", start=dt.date(2025, 5, 20)),
    ),
)


def settings(**changes: object) -> Settings:
    base = Settings(council="Coventry City Council")
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def attendance(state: AttendanceState = AttendanceState.NOT_RECORDED) -> tuple[Attendee, ...]:
    return (
        Attendee(person="cllr-k-sandhu", role=Role.CHAIR, state=state),
        Attendee(person="cllr-r-ali", state=state),
        Attendee(person="cllr-t-mayer", state=state),
        Attendee(person="cllr-j-okafor", state=state),
        Attendee(person="g-holt", role=Role.OFFICER, state=state),
    )


def items(first: int = 31) -> tuple[Item, ...]:
    def numbered(n: int, **fields: object) -> Item:
        numbers = {"agenda_number": str(n + 1), "minute_number": str(first + n)}
        return Item(**numbers, **fields)  # type: ignore[arg-type]

    def said(text: str) -> tuple[Paragraph, ...]:
        return (Paragraph(text=text),)

    return (
        numbered(0, uid="declarations", kind=ItemKind.DECLARATIONS,
                 title="Declarations of Interests", body=said("There were no declarations of interest.")),
        numbered(1, uid="minutes", kind=ItemKind.MINUTES, title="Minutes",
                 wording=("a)  To agree the minutes of the previous meeting",
                          "b)  Matters Arising"),
                 body=said("The minutes of the previous meeting were agreed as a true record.")),
        numbered(2, uid="corporate-parenting", title="Corporate Parenting Board",
                 report=Report(kind="Briefing Note", author="Deputy Chief Executive (People)"),
                 body=(Paragraph(text="The Board received a briefing note on the role of "
                                      "corporate parents."),)),
        numbered(3, uid="outstanding", kind=ItemKind.OUTSTANDING_ISSUES,
                 title="Outstanding Issues", body=said("There were no outstanding issues.")),
        numbered(4, uid="work-programme", kind=ItemKind.WORK_PROGRAMME,
                 title="Work Programme 2025/26", body=said("The Board noted its work programme.")),
        numbered(5, uid="aob", kind=ItemKind.ANY_OTHER_BUSINESS, title="Any Other Business",
                 wording=("Any other items of business which the Chair decides to take as "
                          "matters of urgency because of the special circumstances involved.",),
                 body=said("There were no other items of business.")),
    )


def meeting(
    date: dt.date = dt.date(2026, 1, 6),
    status: Status = Status.AGENDA_DRAFT,
    *,
    slug: str = SLUG,
    name: str = NAME,
    first: int = 31,
    **changes: object,
) -> Meeting:
    base = Meeting(
        id=f"{slug}/{date.isoformat()}",
        committee=slug,
        committee_name=name,
        council="Coventry City Council",
        status=status,
        date=date,
        start=dt.time(14, 0),
        venue="Committee Room 3 - Council House",
        attendance=attendance(),
        items=items(first),
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def with_item(m: Meeting, item: Item, *, before: str | None = None) -> Meeting:
    """``m`` with ``item`` appended, or inserted before the item whose uid is ``before``."""
    listed = list(m.items)
    at = next(i for i, it in enumerate(listed) if it.uid == before) if before else len(listed)
    listed.insert(at, item)
    return dataclasses.replace(m, items=tuple(listed))


def exempt_item(uid: str, paragraph: int | None = 3, number: str = "7") -> Item:
    return Item(
        uid=uid, agenda_number=number, minute_number=str(30 + int(number)),
        title=f"Contract award {uid}", public_title="Contract award",
        exemption=Exemption(paragraph=paragraph),
    )


def recorded(m: Meeting, state: AttendanceState = AttendanceState.PRESENT) -> Meeting:
    return dataclasses.replace(
        m, attendance=tuple(dataclasses.replace(a, state=state) for a in m.attendance),
        closed=dt.time(15, 40),
    )


def replace_item(m: Meeting, uid: str, **changes: object) -> Meeting:
    return dataclasses.replace(
        m,
        items=tuple(
            dataclasses.replace(it, **changes) if it.uid == uid else it  # type: ignore[arg-type]
            for it in m.items
        ),
    )


def with_actions(m: Meeting, uid: str, *actions: Action) -> Meeting:
    return replace_item(m, uid, actions=m.item(uid).actions + actions)
