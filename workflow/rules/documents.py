"""Which documents a meeting has in each state of its lifecycle.

Lives here: :func:`document_refusal`, the one sentence saying why a document cannot be
written yet (the minutes before they are started, the minutes of a cancelled meeting); the
document service asks it before rendering. Must not live here: rendering, I/O.
"""

from __future__ import annotations

from workflow.record.model import Meeting, Status

__all__ = ["document_refusal"]

S = Status

_NO_MINUTES = {
    S.AGENDA_DRAFT: "its agenda is still a draft, and minutes are started only after the "
                    "agenda is published and the meeting held",
    S.AGENDA_PUBLISHED: "they have not been started; start them from the published agenda "
                        "first (minutebook minutes {id}, or F8 in the meeting)",
    S.CANCELLED: "the meeting was cancelled",
}


def document_refusal(meeting: Meeting, which: str) -> str:
    """Why ``which`` (agenda or minutes) cannot be written for ``meeting`` now, in one
    sentence, or ``""`` when it can: the minutes exist only once they are started."""
    reason = _NO_MINUTES.get(meeting.status) if which == "minutes" else None
    if reason is None:
        return ""
    return f"There are no minutes of {meeting.id} to write: {reason.format(id=meeting.id)}."
