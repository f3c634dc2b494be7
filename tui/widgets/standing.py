"""Where a meeting stands, in one line: its state, the next deadline and what to do next.

Lives here: :class:`StandingLine` (home shows it for the highlighted meeting, the meeting
screen for its meeting, always in full: it wraps rather than cut) and :data:`NEXT_KEY`,
the key that takes the next step from each state. Must not live here: the deadlines and
next steps themselves (:func:`workflow.rules.next_steps.next_step`, through the services).
"""

from __future__ import annotations

import datetime as dt

from textual.widgets import Static

from workflow.record.model import Status

__all__ = ["NEXT_KEY", "StandingLine", "standing_text"]

NEXT_KEY: dict[Status, str] = {
    Status.AGENDA_DRAFT: "F7 publishes the agenda",
    Status.AGENDA_PUBLISHED: "F8 starts the minutes once the meeting has met",
    Status.MINUTES_DRAFT: "record the minutes, then F9 circulates them to the chair",
    Status.MINUTES_CIRCULATED: "F10 records their approval at a later meeting",
    Status.MINUTES_PUBLISHED: "F10 records their approval at a later meeting",
    Status.MINUTES_APPROVED: "locked; F12 records a correction as an amendment",
    Status.CANCELLED: "nothing more to do",
}
"""What to do next on the meeting screen, from each state."""


def state_name(status: Status) -> str:
    """``agenda draft``: a state as the clerk reads it."""
    return status.value.replace("-", " ")


def standing_text(status: Status, step: str, due: dt.date | None, overdue: bool, *, keys: bool) -> str:
    """"Agenda draft · agenda due by Wed 6 Jan · Next: F7 publishes the agenda".

    ``step`` and ``due`` come from the rules' next step; the step is shown when it names a
    date or is late. With ``keys`` the line ends with what to press next."""
    parts = [state_name(status).capitalize()]
    if due is not None or overdue:
        parts.append(step)
    if keys:
        parts.append("Next: " + NEXT_KEY[status])
    elif due is None and not overdue:
        parts.append(step)
    return " · ".join(parts)


class StandingLine(Static):
    """One line (wrapped when narrow) saying where a meeting stands; late ones stand out."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False, classes="standing")

    def show(self, text: str, *, late: bool = False) -> None:
        self.update(text)
        self.set_class(late, "-late")
