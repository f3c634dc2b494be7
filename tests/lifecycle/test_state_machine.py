"""Property: approved minutes never change without an amendment record; refusals change nothing.

A Hypothesis state machine drives one meeting through random sequences of every step
the clerk can take (publish, start, record attendance, edit, circulate, publish drafts,
approve, amend, cancel, postpone) as the service would: transitions directly, plain
saves through ``check_edit``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from hypothesis import settings as hyp_settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from workflow.errors import Refused
from workflow.record.model import Amendment, AttendanceState, Meeting, Status
from workflow.rules import approval
from workflow.rules import lifecycle as lc
from workflow.rules.deadlines import working_days_calendar
from workflow.settings import Settings

from .builders import meeting, recorded, replace_item

CALENDAR = working_days_calendar("GB", "ENG", years=range(2025, 2028))
START = dt.date(2026, 1, 6)
Step = tuple[Meeting, lc.Event | None]


def reach(status: Status) -> Meeting:
    m = meeting(START)
    on = dt.date(2025, 12, 22)
    path: list[Callable[[Meeting], Meeting]] = [
        lambda m: lc.publish_agenda(m, settings=Settings(), calendar=CALENDAR,
                                    published_on=on, today=on)[0],
        lambda m: lc.start_minutes(m)[0],
        lambda m: lc.circulate(recorded(m))[0],
        lambda m: approval.approve(m, at=meeting(dt.date(2026, 2, 3), Status.MINUTES_DRAFT),
                             today=dt.date(2026, 2, 3)).meeting,
    ]
    stops = [Status.AGENDA_DRAFT, Status.AGENDA_PUBLISHED, Status.MINUTES_DRAFT,
             Status.MINUTES_CIRCULATED, Status.MINUTES_APPROVED]
    if status is Status.CANCELLED:
        return lc.cancel(reach(Status.AGENDA_PUBLISHED), today=START)[0]
    if status is Status.MINUTES_PUBLISHED:
        drafts = Settings(publish_draft_minutes=True)
        return lc.publish_draft_minutes(reach(Status.MINUTES_CIRCULATED), settings=drafts)[0]
    for step in path[: stops.index(status)]:
        m = step(m)
    assert m.status is status
    return m


class Lifecycle(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.meeting = meeting(START)
        self.settings = Settings()
        self.approved_content: Meeting | None = None
        self.refusals = 0

    @initialize(status=st.sampled_from(list(Status)))
    def begin_at(self, status: Status) -> None:
        """Start some runs part-way along, reached by the real transitions."""
        self.meeting = reach(status)
        if status is Status.MINUTES_APPROVED:
            self.approved_content = self.meeting

    # ------------------------------------------------------------------ harness

    def attempt(self, action: str, step: Callable[[], Step]) -> None:
        old = self.meeting
        permitted = action in lc.allowed(old.status, self.settings)
        try:
            new, event = step()
        except Refused as refused:
            assert refused.message.strip().endswith(".")
            assert "\n" not in refused.message
            self.refusals += 1
            assert self.meeting is old
            return
        assert permitted or new == old, f"{action} changed a record at {old.status}"
        if event is not None:
            assert (event.from_status, event.to_status) == (old.status, new.status)
            assert event.meeting == old.id
        assert new.id == old.id
        self.accept(old, new)

    def accept(self, old: Meeting, new: Meeting) -> None:
        if old.status is Status.MINUTES_APPROVED and new != old:
            assert new.status is Status.MINUTES_APPROVED
            assert new.approval == old.approval
            assert len(new.amendments) > len(old.amendments)
            assert new.amendments[: len(old.amendments)] == old.amendments
        self.meeting = new
        if new.status is Status.MINUTES_APPROVED and old.status is not Status.MINUTES_APPROVED:
            self.approved_content = new

    def save(self, new: Meeting) -> Step:
        approval.check_edit(self.meeting, new)
        return new, None

    # ------------------------------------------------------------------ rules

    @rule(days_before=st.integers(0, 15), urgent=st.booleans())
    def publish(self, days_before: int, urgent: bool) -> None:
        on = self.meeting.date - dt.timedelta(days=days_before)
        self.attempt("publish_agenda", lambda: lc.publish_agenda(
            self.meeting, settings=self.settings, calendar=CALENDAR, published_on=on,
            urgent_reason="Report received late" if urgent else None, today=on))

    @rule()
    def start(self) -> None:
        self.attempt("start_minutes", lambda: lc.start_minutes(self.meeting))

    @rule(state=st.sampled_from(list(AttendanceState)))
    def record_attendance(self, state: AttendanceState) -> None:
        self.attempt(lc.EDIT, lambda: self.save(recorded(self.meeting, state)))

    @rule(title=st.text(max_size=12))
    def edit(self, title: str) -> None:
        self.attempt(lc.EDIT, lambda: self.save(
            replace_item(self.meeting, "corporate-parenting", title=title)))

    @rule(title=st.text(min_size=1, max_size=12))
    def edit_with_amendment_record(self, title: str) -> None:
        record = Amendment(on=START, by="Test Clerk", reason="Correction")
        changed = replace_item(self.meeting, "corporate-parenting", title=title)
        changed = dataclasses.replace(changed, amendments=changed.amendments + (record,))
        action = "amend" if self.meeting.status is Status.MINUTES_APPROVED else lc.EDIT
        self.attempt(action, lambda: self.save(changed))

    @rule()
    def save_as_approved(self) -> None:
        self.attempt(lc.EDIT, lambda: self.save(
            dataclasses.replace(self.meeting, status=Status.MINUTES_APPROVED)))

    @rule()
    def circulate(self) -> None:
        self.attempt("circulate", lambda: lc.circulate(self.meeting))

    @rule(drafts=st.booleans())
    def publish_drafts(self, drafts: bool) -> None:
        self.settings = dataclasses.replace(self.settings, publish_draft_minutes=drafts)
        self.attempt("publish_draft_minutes",
                     lambda: lc.publish_draft_minutes(self.meeting, settings=self.settings))

    @rule(days_after=st.integers(-3, 40), other=st.booleans())
    def approve(self, days_after: int, other: bool) -> None:
        at = meeting(self.meeting.date + dt.timedelta(days=days_after), Status.MINUTES_DRAFT,
                     slug="council" if other else "scrutiny-board-2", first=40)
        self.attempt("approve", lambda: self._approved(at, other))

    def _approved(self, at: Meeting, other: bool) -> Step:
        result = approval.approve(self.meeting, at=at, other_body=other, today=at.date)
        assert result.at.item("minutes").approves[-1] == self.meeting.id
        return result.meeting, result.event

    @rule(title=st.text(max_size=12), reason=st.sampled_from(["", "Typo", "Wrong date"]))
    def amend(self, title: str, reason: str) -> None:
        new = replace_item(self.meeting, "corporate-parenting", title=title)
        self.attempt("amend", lambda: approval.amend(self.meeting, new=new, reason=reason,
                                               by="Test Clerk", today=START))

    @rule()
    def cancel(self) -> None:
        self.attempt("cancel", lambda: lc.cancel(self.meeting, reason="No business",
                                                 today=START))

    @rule(days=st.integers(-2, 30))
    def postpone(self, days: int) -> None:
        target = self.meeting.date + dt.timedelta(days=days)
        self.attempt("postpone", lambda: lc.postpone(self.meeting, target, today=START))

    # ------------------------------------------------------------------ invariants

    @invariant()
    def approved_minutes_differ_only_by_amendment(self) -> None:
        if self.approved_content is None:
            return
        assert self.meeting.status is Status.MINUTES_APPROVED
        if self.meeting.amendments == self.approved_content.amendments:
            assert self.meeting == self.approved_content

    @invariant()
    def the_id_never_changes(self) -> None:
        assert self.meeting.id == f"scrutiny-board-2/{START.isoformat()}"


Lifecycle.TestCase.settings = hyp_settings(
    Lifecycle.TestCase.settings, stateful_step_count=30
)
TestLifecycle = Lifecycle.TestCase
