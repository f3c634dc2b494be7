"""A meeting as plain text, as it would print: the TUI preview and ``minutebook show``."""

from __future__ import annotations

from collections.abc import Mapping

from workflow.record.model import Meeting, Person, Status
from workflow.record.redaction import public_view
from workflow.render import blocks, text

__all__ = ["preview_text"]

_MINUTES_STATES = {
    Status.MINUTES_DRAFT,
    Status.MINUTES_CIRCULATED,
    Status.MINUTES_PUBLISHED,
    Status.MINUTES_APPROVED,
}


def preview_text(
    meeting: Meeting,
    *,
    people: Mapping[str, Person],
    document: str | None = None,
    confidential: bool = False,
) -> str:
    """Markdown text of the agenda or minutes (minutes once the meeting has them)."""
    if document is None:
        document = "minutes" if meeting.status in _MINUTES_STATES else "agenda"
    subject = meeting if confidential else public_view(meeting)
    build = blocks.minutes_blocks if document == "minutes" else blocks.agenda_blocks
    return text.to_markdown(build(subject, people=people, confidential=confidential))
