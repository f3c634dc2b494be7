"""Items whose text is known to be incomplete, and the clerk's confirmation they need.

An importer marks an item ``incomplete`` when its source text was cut short (a web page
that shows only the start of a minute). What lives here: :func:`incomplete_items`,
:func:`incomplete_problems` (a warning in validation), :func:`incomplete_sentence` (one
sentence naming them) and :func:`require_confirmed`, which refuses to circulate, publish or
approve such minutes unless the clerk has confirmed they go out as they are. The note on
the page is the renderer's (:mod:`workflow.render.items`).

What must not: I/O, rendering.
"""

from __future__ import annotations

from collections.abc import Sequence

from workflow.errors import FieldError, Refused
from workflow.record.model import Item, Meeting
from workflow.text.prose import joined

__all__ = ["incomplete_items", "incomplete_problems", "incomplete_sentence", "require_confirmed"]


def incomplete_items(meeting: Meeting) -> list[Item]:
    """The items marked incomplete, in order."""
    return [item for item in meeting.items if item.incomplete.strip()]


def _label(item: Item) -> str:
    number = item.minute_number or item.agenda_number
    return f"{number} '{item.title}'" if number else f"'{item.title}'"


def incomplete_problems(meeting: Meeting) -> list[FieldError]:
    """A warning for each item marked incomplete, saying what is missing."""
    return [
        FieldError(f"items[{index}].incomplete", (
            f"Item {_label(item)} is incomplete: {item.incomplete.strip().rstrip('.')}; copy in "
            "the rest of the text, then clear the note."), "warning")
        for index, item in enumerate(meeting.items) if item.incomplete.strip()
    ]


def incomplete_sentence(items: Sequence[Item]) -> str:
    """``Items 7 'A' and 8 'B' are marked incomplete`` (without a full stop)."""
    if len(items) == 1:
        return f"Item {_label(items[0])} is marked incomplete"
    return f"Items {joined([_label(it) for it in items])} are marked incomplete"


def require_confirmed(meeting: Meeting, *, confirmed: bool, step: str) -> str:
    """Refuse ``step`` on minutes with incomplete items unless ``confirmed``; the note for
    the version's summary when confirmed (``""`` when nothing is incomplete)."""
    found = incomplete_items(meeting)
    if not found:
        return ""
    if not confirmed:
        raise Refused(
            f"{incomplete_sentence(found)} (its text was cut short where it came from); complete "
            f"{'it' if len(found) == 1 else 'them'} before {step}, or confirm the minutes go out "
            "as they are (--confirm-incomplete)."
        )
    numbers = joined([it.minute_number or it.agenda_number or it.uid for it in found])
    noun = "item" if len(found) == 1 else "items"
    return f"; {noun} {numbers} incomplete, confirmed by the clerk"
