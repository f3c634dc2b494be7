"""A meeting as one line of the meeting list: id, committee, date, start and state.

Lives here: :class:`MeetingSummary` and :func:`summary_of`, which reads it from a meeting
file through the codec (so the list reads the same YAML the records do, whatever its
layout). Must not live here: next steps and deadlines (:mod:`workflow.rules.next_steps`)
or remembering summaries between runs (:mod:`workflow.services.cache`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from workflow.record import codec
from workflow.record.model import Status

__all__ = ["MeetingSummary", "summary_of"]


@dataclass(frozen=True, slots=True, kw_only=True)
class MeetingSummary:
    """One line of the meeting list."""

    id: str
    committee: str
    committee_name: str = ""
    date: dt.date
    start: dt.time | None = None
    status: Status = Status.AGENDA_DRAFT


_FIELDS = tuple(f.name for f in dataclasses.fields(MeetingSummary))


def summary_of(text: bytes, *, where: str) -> MeetingSummary:
    """The list line of a meeting file; :class:`~workflow.errors.MinutebookError` naming
    the field when the file cannot give one."""
    data = codec.load_yaml(text, where=where)
    summary = codec.decode(MeetingSummary, {k: data[k] for k in _FIELDS if k in data}, where=where)
    if not summary.committee_name:
        summary = dataclasses.replace(summary, committee_name=summary.committee)
    return summary
