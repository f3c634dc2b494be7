"""Membership over time, expected attendance and display names."""

from __future__ import annotations

import datetime as dt

from workflow.record.model import AttendanceState, Committee, Membership, Person, PersonKind, Role
from workflow.record.names import person_name
from workflow.rules.membership import expected_attendance, members_on

PEOPLE = {
    "cllr-m-mutton": Person(id="cllr-m-mutton", name="M Mutton", title="Councillor"),
    "cllr-s-bains": Person(id="cllr-s-bains", name="S Bains", title="Councillor"),
    "cllr-d-kershaw": Person(id="cllr-d-kershaw", name="D Kershaw", title="Councillor"),
    "cllr-p-seaman": Person(id="cllr-p-seaman", name="P Seaman", title="Councillor"),
    "cllr-j-clifford": Person(id="cllr-j-clifford", name="J Clifford", title="Councillor"),
    "mrs-s-hanson": Person(id="mrs-s-hanson", name="S Hanson", title="Mrs"),
    "m-rose": Person(id="m-rose", name="M Rose", kind=PersonKind.OFFICER, directorate="People"),
}

BOARD = Committee(
    slug="scrutiny-board-2",
    name="Education and Children's Services Scrutiny Board (2)",
    membership=(
        Membership(person="cllr-s-bains", start=dt.date(2016, 5, 19)),
        Membership(person="cllr-p-seaman", start=dt.date(2016, 5, 19), end=dt.date(2018, 5, 16)),
        Membership(person="mrs-s-hanson", role=Role.CO_OPTED, start=dt.date(2016, 5, 19)),
        Membership(person="cllr-m-mutton", role=Role.MEMBER, start=dt.date(2016, 5, 19)),
        Membership(person="cllr-m-mutton", role=Role.CHAIR, start=dt.date(2017, 5, 18)),
        Membership(person="cllr-j-clifford", role=Role.VICE_CHAIR),
        Membership(person="cllr-d-kershaw", start=dt.date(2018, 5, 17)),
        Membership(person="cllr-unknown"),
    ),
)


def test_members_on_a_date_include_both_ends_of_a_term() -> None:
    on_last_day = {m.person for m in members_on(BOARD, dt.date(2018, 5, 16))}
    assert "cllr-p-seaman" in on_last_day
    assert "cllr-d-kershaw" not in on_last_day
    on_first_day = {m.person for m in members_on(BOARD, dt.date(2018, 5, 17))}
    assert "cllr-p-seaman" not in on_first_day
    assert "cllr-d-kershaw" in on_first_day


def test_expected_attendance_orders_chair_vice_chair_members_co_opted() -> None:
    expected = expected_attendance(BOARD, PEOPLE, dt.date(2017, 10, 12))
    assert [(a.person, a.role) for a in expected] == [
        ("cllr-m-mutton", Role.CHAIR),
        ("cllr-j-clifford", Role.VICE_CHAIR),
        ("cllr-s-bains", Role.MEMBER),
        ("cllr-p-seaman", Role.MEMBER),
        ("cllr-unknown", Role.MEMBER),
        ("mrs-s-hanson", Role.CO_OPTED),
    ]
    assert {a.state for a in expected} == {AttendanceState.NOT_RECORDED}


def test_a_member_whose_term_ended_is_not_expected() -> None:
    before = {a.person for a in expected_attendance(BOARD, PEOPLE, dt.date(2017, 10, 12))}
    after = {a.person for a in expected_attendance(BOARD, PEOPLE, dt.date(2018, 6, 21))}
    assert "cllr-p-seaman" in before
    assert "cllr-p-seaman" not in after
    assert "cllr-d-kershaw" in after
    assert "cllr-d-kershaw" not in before


def test_before_becoming_chair_a_member_is_expected_as_a_member() -> None:
    roles = {a.person: a.role for a in expected_attendance(BOARD, PEOPLE, dt.date(2016, 9, 1))}
    assert roles["cllr-m-mutton"] is Role.MEMBER


def test_display_names() -> None:
    assert person_name("cllr-m-mutton", PEOPLE) == "Councillor M Mutton"
    assert person_name("m-rose", PEOPLE) == "M Rose"
    assert person_name("cllr-m-mutton", PEOPLE, title=False) == "M Mutton"
    assert person_name("someone-else", PEOPLE) == "someone-else"
    assert person_name("someone-else", PEOPLE, fallback="Mr S Else") == "Mr S Else"


def test_a_substitute_stands_in_for_a_member_who_is_not_there() -> None:
    from workflow.record.model import AttendanceState, Attendee, Role
    from workflow.rules.membership import substitutable

    attendance = (
        Attendee(person="chair", role=Role.CHAIR, state=AttendanceState.APOLOGIES),
        Attendee(person="here", role=Role.MEMBER, state=AttendanceState.PRESENT),
        Attendee(person="online", role=Role.MEMBER, state=AttendanceState.REMOTE),
        Attendee(person="away", role=Role.MEMBER, state=AttendanceState.ABSENT),
        Attendee(person="unticked", role=Role.CO_OPTED),
        Attendee(person="visitor", role=Role.OTHER_MEMBER, state=AttendanceState.APOLOGIES),
        Attendee(name="Jo Bloggs", role=Role.OFFICER, state=AttendanceState.APOLOGIES),
        Attendee(person="sub", role=Role.MEMBER, state=AttendanceState.PRESENT),
    )
    assert [a.person for a in substitutable(attendance, 7)] == ["chair", "away", "unticked"]
    assert [a.person for a in substitutable(attendance, 3)] == ["chair", "unticked"]
