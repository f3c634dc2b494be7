"""Editing a meeting's attendance: marking who was there, the chair and substitutes.

Lives here: :func:`mark`, the pure edit behind the minutes editor's quick keys. Must not
live here: who a meeting expects (:mod:`workflow.rules.membership`) or the rule that
circulation needs every attendance recorded (:mod:`workflow.rules.lifecycle`).
"""

from __future__ import annotations

import dataclasses

from workflow.record.model import AttendanceState, Meeting, Role

__all__ = ["MARKS", "mark"]

MARKS = {  # the attendance states a quick key marks, by name
    "present": AttendanceState.PRESENT,
    "apologies": AttendanceState.APOLOGIES,
    "remote": AttendanceState.REMOTE,
    "absent": AttendanceState.ABSENT,
}


def mark(meeting: Meeting, index: int, what: str, value: str = "") -> Meeting:
    """The meeting with attendee ``index`` marked present/apologies/remote/absent, chair,
    or substitute for ``value`` (a register id or name; empty clears it)."""
    rows = list(meeting.attendance)
    who = rows[index]
    if what in MARKS:
        rows[index] = dataclasses.replace(who, state=MARKS[what])
    elif what == "chair":
        rows = [
            dataclasses.replace(a, role=Role.MEMBER) if a.role is Role.CHAIR and i != index else a
            for i, a in enumerate(rows)
        ]
        role = Role.MEMBER if who.role is Role.CHAIR else Role.CHAIR
        rows[index] = dataclasses.replace(who, role=role)
    elif what == "substitute":
        rows[index] = dataclasses.replace(who, substitute_for=value.strip())
    return dataclasses.replace(meeting, attendance=tuple(rows))
