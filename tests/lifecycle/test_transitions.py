"""The lifecycle table, the minutes steps, cancellation and postponement, and their refusals."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from workflow.errors import MinutebookError, Refused
from workflow.record.model import AttendanceState, Role, Status, Urgency
from workflow.rules.lifecycle import (
    EDIT,
    TRANSITIONS,
    allowed,
    cancel,
    circulate,
    circulate_warnings,
    postpone,
    publish_draft_minutes,
    quorum_problems,
    start_minutes,
)

from .builders import COMMITTEE, PEOPLE, meeting, recorded, settings

S = Status
TODAY = dt.date(2026, 1, 7)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (S.AGENDA_DRAFT, {"publish_agenda", "cancel", "postpone", EDIT}),
        (S.AGENDA_PUBLISHED, {"publish_agenda", "start_minutes", "cancel", "postpone", EDIT}),
        (S.MINUTES_DRAFT, {"circulate", EDIT}),
        (S.MINUTES_CIRCULATED, {"approve", EDIT}),
        (S.MINUTES_PUBLISHED, {"approve", EDIT}),
        (S.MINUTES_APPROVED, {"amend"}),
        (S.CANCELLED, set()),
    ],
)
def test_allowed_answers_each_state_from_the_one_table(status: Status, expected: set[str]) -> None:
    assert allowed(status) == expected
    assert allowed(status.value) == expected


def test_drafts_are_published_only_where_the_council_does_so() -> None:
    assert "publish_draft_minutes" not in allowed(S.MINUTES_CIRCULATED, settings())
    assert "publish_draft_minutes" in allowed(
        S.MINUTES_CIRCULATED, settings(publish_draft_minutes=True)
    )


def test_every_transition_names_what_to_do_instead() -> None:
    for name, step in TRANSITIONS.items():
        assert step.instead, name
        assert step.label, name
        assert step.target is None or isinstance(step.target, Status)


def test_an_unknown_status_is_named() -> None:
    with pytest.raises(MinutebookError, match="status: 'signed'"):
        allowed("signed")


def test_start_minutes_leaves_attendance_to_be_recorded() -> None:
    published = meeting(status=S.AGENDA_PUBLISHED)
    new, event = start_minutes(published, today=TODAY)
    assert new.status is S.MINUTES_DRAFT
    assert new.attendance == published.attendance
    assert all(a.state is AttendanceState.NOT_RECORDED for a in new.attendance)
    assert (event.action, event.from_status, event.to_status) == (
        "start_minutes", S.AGENDA_PUBLISHED, S.MINUTES_DRAFT
    )
    assert event.summary == "Minutes started"
    assert event.tag == ""


def test_minutes_cannot_start_before_the_agenda_is_published() -> None:
    draft = meeting()
    with pytest.raises(Refused) as refused:
        start_minutes(draft)
    assert "publish the agenda first" in refused.value.message
    assert draft.status is S.AGENDA_DRAFT


def test_circulation_waits_for_every_attendance_to_be_recorded() -> None:
    draft = meeting(status=S.MINUTES_DRAFT)
    with pytest.raises(Refused) as refused:
        circulate(draft, people=PEOPLE)
    assert refused.value.message == (
        "Record the attendance of Councillor K Sandhu before sending the minutes to the chair."
    )
    partly = dataclasses.replace(
        draft, attendance=recorded(draft).attendance[:3] + draft.attendance[3:]
    )
    with pytest.raises(Refused, match="Councillor J Okafor"):
        circulate(partly, people=PEOPLE)


def test_an_attendee_outside_the_register_is_named_as_recorded() -> None:
    draft = recorded(meeting(status=S.MINUTES_DRAFT))
    draft = dataclasses.replace(
        draft, attendance=draft.attendance + (dataclasses.replace(
            draft.attendance[0], person="", name="Ms P Green", role=Role.OTHER,
            state=AttendanceState.NOT_RECORDED),)
    )
    with pytest.raises(Refused, match="Record the attendance of Ms P Green before"):
        circulate(draft)


def test_circulate_sends_the_minutes_to_the_chair_and_tags_the_version() -> None:
    draft = recorded(meeting(status=S.MINUTES_DRAFT))
    new, event = circulate(draft, committee=COMMITTEE, today=TODAY)
    assert new.status is S.MINUTES_CIRCULATED
    assert event.summary == "Draft minutes circulated"
    assert event.tag == "scrutiny-board-2/2026-01-06/minutes-circulated"
    assert event.warnings == ()
    assert event.when == TODAY


def test_a_missing_closing_time_and_no_quorum_warn_but_do_not_block() -> None:
    draft = dataclasses.replace(
        recorded(meeting(status=S.MINUTES_DRAFT), AttendanceState.APOLOGIES), closed=None
    )
    new, event = circulate(draft, committee=COMMITTEE)
    assert new.status is S.MINUTES_CIRCULATED
    assert len(event.warnings) == 2
    assert "closing time" in event.warnings[0]
    assert "not quorate" in event.warnings[1]


def test_circulation_is_refused_outside_the_minutes_draft() -> None:
    with pytest.raises(Refused, match="start the minutes from the published agenda first"):
        circulate(recorded(meeting(status=S.AGENDA_PUBLISHED)))


def _present(*states: AttendanceState) -> list[AttendanceState]:
    return list(states)


@pytest.mark.parametrize(
    ("states", "remote_counts", "problem"),
    [
        (_present(*[AttendanceState.PRESENT] * 3, AttendanceState.APOLOGIES), False, None),
        (_present(AttendanceState.PRESENT, AttendanceState.PRESENT,
                  AttendanceState.REMOTE, AttendanceState.ABSENT), False,
         "Only 2 members were present in person and 1 remotely, which does not count"),
        (_present(AttendanceState.PRESENT, AttendanceState.PRESENT,
                  AttendanceState.REMOTE, AttendanceState.ABSENT), True, None),
        (_present(AttendanceState.PRESENT, *[AttendanceState.APOLOGIES] * 3), False,
         "Only 1 member was present"),
    ],
)
def test_quorum_counts_members_present_in_person(
    states: list[AttendanceState], remote_counts: bool, problem: str | None
) -> None:
    m = meeting(status=S.MINUTES_DRAFT)
    members = [
        dataclasses.replace(a, state=s) for a, s in zip(m.attendance[:4], states, strict=True)
    ]
    officer = dataclasses.replace(m.attendance[4], state=AttendanceState.PRESENT)
    m = dataclasses.replace(m, attendance=(*members, officer))
    committee = dataclasses.replace(COMMITTEE, remote_counts_for_quorum=remote_counts)
    found = quorum_problems(m, committee)
    if problem is None:
        assert found == []
    else:
        assert len(found) == 1
        assert found[0].startswith(problem)
        assert "quorum of Education and Children's Services Scrutiny Board (2) is 3" in found[0]


def test_a_substitute_counts_towards_the_quorum_and_a_committee_without_one_never_fails() -> None:
    m = recorded(meeting(status=S.MINUTES_DRAFT), AttendanceState.APOLOGIES)
    subs = tuple(
        dataclasses.replace(a, person=f"sub-{i}", substitute_for=a.person,
                            state=AttendanceState.PRESENT)
        for i, a in enumerate(m.attendance[:3])
    )
    assert quorum_problems(dataclasses.replace(m, attendance=subs), COMMITTEE) == []
    assert quorum_problems(m, dataclasses.replace(COMMITTEE, quorum=None)) == []
    assert quorum_problems(m, COMMITTEE) != []


def test_circulate_warnings_without_a_committee_only_look_at_the_closing_time() -> None:
    m = recorded(meeting(status=S.MINUTES_DRAFT))
    assert circulate_warnings(m) == []
    assert circulate_warnings(dataclasses.replace(m, closed=None)) != []


def test_draft_minutes_are_published_only_when_the_settings_say_so() -> None:
    circulated = recorded(meeting(status=S.MINUTES_CIRCULATED))
    with pytest.raises(Refused, match="does not publish draft minutes"):
        publish_draft_minutes(circulated, settings=settings())
    new, event = publish_draft_minutes(circulated, settings=settings(publish_draft_minutes=True))
    assert new.status is S.MINUTES_PUBLISHED
    assert event.tag.endswith("/minutes-published")
    with pytest.raises(Refused, match="send the draft minutes to the chair first"):
        publish_draft_minutes(meeting(status=S.MINUTES_DRAFT),
                              settings=settings(publish_draft_minutes=True))


@pytest.mark.parametrize("status", [S.AGENDA_DRAFT, S.AGENDA_PUBLISHED])
def test_cancel_before_the_minutes_records_why(status: Status) -> None:
    m = meeting(status=status)
    new, event = cancel(m, reason="Insufficient business", today=TODAY)
    assert new.status is S.CANCELLED
    assert new.notes == ("Cancelled on 7 January 2026: Insufficient business",)
    assert new.items == m.items
    assert event.summary == "Meeting cancelled: Insufficient business"
    assert event.tag == "scrutiny-board-2/2026-01-06/cancelled"


@pytest.mark.parametrize("status", [S.MINUTES_DRAFT, S.MINUTES_APPROVED, S.CANCELLED])
def test_cancel_is_refused_once_the_minutes_are_started(status: Status) -> None:
    with pytest.raises(Refused, match="Cancelling the meeting is not possible"):
        cancel(meeting(status=status), today=TODAY)


def test_postpone_keeps_the_id_and_sends_the_agenda_back_to_draft() -> None:
    published = meeting(
        status=S.AGENDA_PUBLISHED,
        agenda=dataclasses.replace(meeting().agenda, published_on=dt.date(2025, 12, 22),
                                   supplements=1, urgency=Urgency(reason="late report")),
    )
    new, event = postpone(published, dt.date(2026, 1, 13), "Chair unwell", today=TODAY)
    assert new.id == published.id == "scrutiny-board-2/2026-01-06"
    assert new.date == dt.date(2026, 1, 13)
    assert new.status is S.AGENDA_DRAFT
    assert new.agenda.published_on is None
    assert new.agenda.supplements == 0
    assert new.agenda.urgency is None
    assert [(p.from_date, p.to_date, p.reason) for p in new.postponements] == [
        (dt.date(2026, 1, 6), dt.date(2026, 1, 13), "Chair unwell")
    ]
    assert event.summary == (
        "Meeting postponed from 6 January 2026 to 13 January 2026: Chair unwell"
    )
    again, _ = postpone(new, dt.date(2026, 1, 20), today=TODAY)
    assert len(again.postponements) == 2


@pytest.mark.parametrize(
    ("new_date", "status", "message"),
    [
        (dt.date(2026, 1, 6), S.AGENDA_DRAFT, "already on 6 January 2026"),
        (dt.date(2026, 1, 2), S.AGENDA_DRAFT, "has already passed"),
        (dt.date(2026, 1, 20), S.MINUTES_DRAFT, "cannot be postponed"),
    ],
)
def test_postpone_refusals(new_date: dt.date, status: Status, message: str) -> None:
    with pytest.raises(Refused, match=message):
        postpone(meeting(status=status), new_date, today=TODAY)
