"""The meeting list a clerk starts from: each meeting's state and its next step or deadline.

Lives here: :class:`MeetingSummary` (a meeting as one line of the list), :func:`next_step`
(what the clerk does next for a meeting, when it is due, whether it is late) and
:func:`overview_rows`, the list newest first. Pure: the
summaries, the settings, the day and the working-day calendar are passed in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from workflow.record.model import Status
from workflow.rules.deadlines import WorkingCalendar, latest_publication_date
from workflow.rules.publication import RuleSettings
from workflow.text.dates import format_date

__all__ = ["MeetingSummary", "OverviewRow", "next_step", "overview_rows"]


@dataclass(frozen=True, slots=True, kw_only=True)
class MeetingSummary:
    """One line of the meeting list."""

    id: str
    committee: str
    committee_name: str = ""
    date: dt.date
    start: dt.time | None = None
    status: Status = Status.AGENDA_DRAFT
    incomplete: int = 0
    """How many items are marked incomplete (their text was cut short on import)."""


@dataclass(frozen=True, slots=True)
class OverviewRow:
    """A meeting in the list, with its next step."""

    id: str
    committee: str
    committee_name: str
    date: dt.date
    start: dt.time | None
    status: Status
    next_step: str
    due: dt.date | None
    overdue: bool
    incomplete: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "committee": self.committee,
            "committee_name": self.committee_name,
            "date": self.date.isoformat(),
            "start": self.start.strftime("%H:%M") if self.start else None,
            "status": self.status.value,
            "next_step": self.next_step,
            "due": self.due.isoformat() if self.due else None,
            "overdue": self.overdue,
            "incomplete": self.incomplete,
        }


def next_step(
    status: Status, date: dt.date, settings: RuleSettings, today: dt.date, calendar: WorkingCalendar
) -> tuple[str, dt.date | None, bool]:
    """What the clerk does next for a meeting, when it is due, and whether it is late."""
    if status is Status.AGENDA_DRAFT and date < today:
        return "agenda never published (the meeting date has passed)", None, True
    if status is Status.AGENDA_DRAFT:
        due = latest_publication_date(date, settings.clear_days, calendar)
        if today > due:
            return f"agenda late (was due by {format_date(due, 'deadline')})", due, True
        return f"agenda due by {format_date(due, 'deadline')}", due, False
    if status is Status.AGENDA_PUBLISHED:
        if date > today:
            return f"meeting on {format_date(date, 'deadline')}", date, False
        return "record the minutes", None, False
    if status is Status.MINUTES_DRAFT:
        return "send the draft minutes to the chair", None, False
    if status in (Status.MINUTES_CIRCULATED, Status.MINUTES_PUBLISHED):
        return "approve at the next meeting", None, False
    if status is Status.MINUTES_APPROVED:
        return "approved", None, False
    return "cancelled", None, False


def overview_rows(
    summaries: Sequence[MeetingSummary], settings: RuleSettings, today: dt.date, calendar: WorkingCalendar
) -> list[OverviewRow]:
    """The meetings newest first, each with its next step."""
    rows = []
    for s in sorted(summaries, key=lambda s: (s.date, s.id), reverse=True):
        step, due, overdue = next_step(s.status, s.date, settings, today, calendar)
        rows.append(OverviewRow(
            id=s.id, committee=s.committee, committee_name=s.committee_name, date=s.date,
            start=s.start, status=s.status, next_step=step, due=due, overdue=overdue,
            incomplete=s.incomplete,
        ))
    return rows
