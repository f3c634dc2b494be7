"""The meeting list a clerk starts from: each meeting's state and its next step or deadline."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive.layout import MEETING_FILE
from workflow.errors import MinutebookError
from workflow.record.model import Status
from workflow.settings import Settings

__all__ = ["MeetingSummary", "OverviewRow", "meeting_ids_in", "next_step", "overview_rows", "read_summaries"]

_HEADER_KEYS = frozenset({"id", "committee", "committee_name", "status", "date", "start"})
_BODY_KEYS = frozenset({"attendance", "chair_changes", "items"})


@dataclass(frozen=True, slots=True)
class MeetingSummary:
    """One line of the meeting list."""

    id: str
    committee: str
    committee_name: str
    date: dt.date
    start: dt.time | None
    status: Status
    title: str


def meeting_ids_in(files: Iterable[str]) -> list[str]:
    """Meeting ids from the archive's file names under ``meetings/``."""
    suffix = "/" + MEETING_FILE
    return sorted(f[len("meetings/") : -len(suffix)] for f in files if f.endswith(suffix))


def read_summaries(root: Path, meeting_ids: Iterable[str]) -> list[MeetingSummary]:
    """Every meeting with its state, from the head of each file in the archive's folder.

    Only the top-level lines the list shows are read, so listing a large archive is
    quick, and neither the model nor the YAML library is needed; a file that cannot be
    read this way is left out (``validate`` names why).
    """
    out = []
    for meeting_id in meeting_ids:
        try:
            with open(f"{root}/meetings/{meeting_id}/{MEETING_FILE}", "rb") as handle:
                summary = _summary(handle)
        except (MinutebookError, OSError, ValueError):
            continue
        if summary is not None:
            out.append(summary)
    return out


def _scalar(raw: str) -> str:
    """A one-line YAML scalar as the codec writes it (plain, or quoted when needed)."""
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] == "'":
        return raw[1:-1].replace("''", "'")
    if raw.startswith('"'):
        from workflow.record import codec

        return str(codec.load_yaml(f"v: {raw}")["v"])
    return raw


def _summary(lines: Iterable[bytes]) -> MeetingSummary | None:
    """The list entry of a meeting file, from its top-level lines only (the lines are read
    up to the first of the long parts: attendance, chair changes or items)."""
    found: dict[str, str] = {}
    for line in lines:
        key, sep, raw = line.decode("utf-8").rstrip("\r\n").partition(":")
        if sep and key in _HEADER_KEYS:
            found[key] = _scalar(raw)
        elif key in _BODY_KEYS:
            break
    if not {"id", "committee", "date"} <= found.keys():
        return None
    start = found.get("start")
    hour, _, minute = (start or "").partition(":")
    return MeetingSummary(
        id=found["id"],
        committee=found["committee"],
        committee_name=found.get("committee_name") or found["committee"],
        date=dt.date.fromisoformat(found["date"]),
        start=dt.time(int(hour), int(minute)) if start else None,
        status=Status(found.get("status", Status.AGENDA_DRAFT.value)),
        title=found.get("committee_name", ""),
    )


@dataclass(frozen=True, slots=True)
class OverviewRow:
    id: str
    committee: str
    committee_name: str
    date: dt.date
    start: dt.time | None
    status: Status
    next_step: str
    due: dt.date | None
    overdue: bool

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
        }


@functools.lru_cache(maxsize=8)
def _calendar(country: str, subdivision: str) -> Any:
    from workflow.rules.calendars import cached_calendar

    return cached_calendar(country, subdivision)


def _short(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def next_step(
    status: Status, date: dt.date, settings: Settings, today: dt.date
) -> tuple[str, dt.date | None, bool]:
    """What the clerk does next for a meeting, when it is due, and whether it is late."""
    if status is Status.AGENDA_DRAFT and date < today:
        return "agenda never published (the meeting date has passed)", None, True
    if status is Status.AGENDA_DRAFT:
        from workflow.rules import deadlines

        calendar = _calendar(settings.holiday_country, settings.holiday_subdivision)
        due = deadlines.latest_publication_date(date, settings.clear_days, calendar)
        if today > due:
            return f"agenda late (was due by {_short(due)})", due, True
        return f"agenda due by {_short(due)}", due, False
    if status is Status.AGENDA_PUBLISHED:
        if date > today:
            return f"meeting on {_short(date)}", date, False
        return "record the minutes", None, False
    if status is Status.MINUTES_DRAFT:
        return "send the draft minutes to the chair", None, False
    if status in (Status.MINUTES_CIRCULATED, Status.MINUTES_PUBLISHED):
        return "approve at the next meeting", None, False
    if status is Status.MINUTES_APPROVED:
        return "approved", None, False
    return "cancelled", None, False


def overview_rows(summaries: Sequence[Any], settings: Settings, today: dt.date) -> list[OverviewRow]:
    rows = []
    for s in sorted(summaries, key=lambda s: (s.date, s.id), reverse=True):
        step, due, overdue = next_step(s.status, s.date, settings, today)
        rows.append(
            OverviewRow(
                id=s.id,
                committee=s.committee,
                committee_name=s.committee_name,
                date=s.date,
                start=s.start,
                status=s.status,
                next_step=step,
                due=due,
                overdue=overdue,
            )
        )
    return rows
