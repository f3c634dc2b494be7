"""What the agenda and minutes editors share: the meeting they edit and how edits go up.

Lives here: :class:`EditorPane`, a container that keeps the screen's current meeting (set
by the screen: attributes down), gathers typing per item and, when typing pauses
(:data:`PAUSE` seconds), posts :class:`EditorPane.Edited` with the new meeting
(messages up). Structural edits (add, move, mark) post at once. It declares what the
meeting screen calls on every editor: :meth:`~EditorPane.collect`,
:meth:`~EditorPane.redraw`, :meth:`~EditorPane.reload` and
:meth:`~EditorPane.focus_field`. Must not live here: saving, validating or any rule (the
screen asks the services).
"""

from __future__ import annotations

import dataclasses
import time

from textual import getters
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer

from tui.app import MinutebookApp
from workflow.errors import FieldError
from workflow.record.model import Item, Meeting

__all__ = ["PAUSE", "EditorPane", "item_index", "replace_item"]

PAUSE = 0.3
"""Seconds without a keystroke after which typing is applied to the record."""


class EditorPane(Horizontal):
    """An editor of one aspect of the meeting; each editor implements the four methods below."""

    app = getters.app(MinutebookApp)

    class Edited(Message):
        """The record changed: ``meeting`` is the new whole record."""

        def __init__(
            self, meeting: Meeting, uid: str | None, problems: list[FieldError], *, redraw: bool = False
        ) -> None:
            super().__init__()
            self.meeting = meeting
            self.uid = uid
            self.problems = problems
            self.redraw = redraw

    def __init__(self, meeting: Meeting, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.meeting = meeting
        self.read_only = False
        self._pending: set[str] = set()
        self._timer: Timer | None = None
        self._last_key = 0.0

    # ------------------------------------------------------------------ what each editor does

    def collect(self, meeting: Meeting, uids: list[str]) -> tuple[Meeting, list[FieldError]]:
        """``meeting`` with the typing in items ``uids`` applied, and the problems found."""
        raise NotImplementedError

    def redraw(self) -> None:
        """Show :attr:`meeting` again (after another editor changed its structure)."""
        raise NotImplementedError

    def reload(self, meeting: Meeting) -> None:
        """Show a different version of the record (saved, restored or recovered)."""
        self.meeting = meeting
        self.redraw()

    def focus_field(self, uid: str | None, field: str) -> None:
        """Show item ``uid`` (or the meeting's own fields) and focus the field a problem names."""
        raise NotImplementedError

    # ------------------------------------------------------------------ typing

    def typed(self, uid: str) -> None:
        """Note typing in item ``uid``; the record is updated when typing pauses."""
        self._pending.add(uid)
        self._last_key = time.monotonic()
        if self._timer is None:
            self._timer = self.set_timer(PAUSE, self._paused)

    def _paused(self) -> None:
        """PAUSE seconds after the first key of a run of typing: apply it if the clerk has
        stopped since, else wait until PAUSE seconds after the last key (one timer per run
        of typing, not one per key)."""
        wait = PAUSE - (time.monotonic() - self._last_key)
        if wait > 0.001:
            self._timer = self.set_timer(wait, self._paused)
            return
        self._timer = None
        if self._pending:
            self.apply_pending()

    def apply_pending(self) -> None:
        """Apply typing now (before saving, switching item or leaving)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self._pending:
            return
        uids, self._pending = sorted(self._pending), set()
        meeting, problems = self.collect(self.meeting, uids)
        self.meeting = meeting
        self.post_message(self.Edited(meeting, uids[-1] if uids else None, problems))

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    def changed(self, meeting: Meeting, uid: str | None = None, problems: list[FieldError] | None = None) -> None:
        """Post a structural edit at once (lists are redrawn)."""
        self.meeting = meeting
        self.post_message(self.Edited(meeting, uid, problems or [], redraw=True))


def replace_item(meeting: Meeting, uid: str, item: Item) -> Meeting:
    """``meeting`` with item ``uid`` replaced by ``item``."""
    items = tuple(item if it.uid == uid else it for it in meeting.items)
    return dataclasses.replace(meeting, items=items)


def item_index(meeting: Meeting, uid: str) -> int:
    return next(i for i, it in enumerate(meeting.items) if it.uid == uid)
