"""The lists of an item's structured parts: declarations, motions and actions, one row each.

Lives here: :class:`PartList`, a data table with keys to add, edit, remove and reorder the
parts and to type them all as text; it posts :class:`PartList.Requested` and leaves the
edit to its owner. :class:`DeclarationList`, :class:`MotionList` and :class:`ActionList`
give each list its own keys' names (``Declarations: Add`` in the palette and help) and
its columns; :func:`rows` writes the rows of a list from the record. Must not live here:
the forms or the edits themselves (:mod:`tui.dialogs.parts`,
:mod:`workflow.drafting.item_parts`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from workflow.drafting.item_parts import INTERESTS, OUTCOMES, part_word
from workflow.record.model import Action, Declaration, Motion, MotionOutcome, Person, Vote
from workflow.record.names import person_name
from workflow.text.dates import format_date

__all__ = ["ActionList", "DeclarationList", "MotionList", "PartList", "rows"]

_LONG = 30
"""Longest text shown in a cell; the form shows the whole."""


def _bindings(scope: str, noun: str) -> list[Binding]:
    return [
        Binding("a,insert", "request('add')", "Add", id=f"{scope}.add", tooltip=f"Add a {noun} with its form"),
        Binding("enter,e", "request('edit')", "Edit", id=f"{scope}.edit", tooltip=f"Open the highlighted {noun}'s form"),
        Binding("delete,d", "request('remove')", "Remove", id=f"{scope}.remove", tooltip=f"Remove the highlighted {noun}"),
        Binding("ctrl+up,shift+up", "request('up')", "Up", id=f"{scope}.up", tooltip=f"Move the {noun} one place up", show=False),
        Binding("ctrl+down,shift+down", "request('down')", "Down", id=f"{scope}.down",
                tooltip=f"Move the {noun} one place down", show=False),
        Binding("t", "request('text')", "As text", id=f"{scope}.text",
                tooltip=f"Type every {noun} as lines of text (advanced)", show=False),
    ]  # fmt: skip


class PartList(DataTable[Text]):
    """One row per part; the keys post :class:`Requested` for the owner to act on."""

    PART = ""
    """``declarations``, ``motions`` or ``actions``: the item's field this list shows."""
    COLUMNS: tuple[str, ...] = ()

    class Requested(Message):
        """The clerk asked to ``add``, ``edit``, ``remove``, move (``up``/``down``) or
        type as ``text`` the parts of ``part``; ``index`` is the highlighted row (None
        when the list is empty)."""

        def __init__(self, part_list: PartList, what: str, index: int | None) -> None:
            super().__init__()
            self.part_list = part_list
            self.part = part_list.PART
            self.what = what
            self.index = index

        @property
        def control(self) -> PartList:
            return self.part_list

    def __init__(self, *, classes: str = "") -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, classes=f"part-list {self.PART} {classes}".strip())

    def on_mount(self) -> None:
        self.add_columns(*self.COLUMNS)

    def show(self, cells: Sequence[tuple[str, ...]], cursor: int | None = None) -> None:
        """Show one row per part; the cursor stays where it was (or goes to ``cursor``)."""
        row = self.cursor_row if cursor is None else cursor
        self.clear()
        for i, line in enumerate(cells):
            self.add_row(*(Text(c) for c in line), key=str(i))
        if self.row_count:
            self.move_cursor(row=max(0, min(row, self.row_count - 1)))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """A click on the highlighted row opens its form, as Enter does."""
        event.stop()
        self.action_request("edit")

    def action_request(self, what: str) -> None:
        index = self.cursor_row if self.row_count else None
        if what in ("edit", "remove", "up", "down") and index is None:
            return
        self.post_message(self.Requested(self, what, index))


class DeclarationList(PartList):
    PART = "declarations"
    COLUMNS = ("No.", "Member", "Interest", "Nature")
    BINDINGS = _bindings("declarations", "declaration")


class MotionList(PartList):
    PART = "motions"
    COLUMNS = ("No.", "Motion", "Outcome", "Vote", "Moved / seconded")
    BINDINGS = _bindings("motions", "motion or amendment")


class ActionList(PartList):
    PART = "actions"
    COLUMNS = ("No.", "Action", "To whom", "By")
    BINDINGS = _bindings("actions", "action or referral")


# --------------------------------------------------------------------------- rows


def _cut(text: str, limit: int = _LONG) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _words(choices: Sequence[tuple[str, str]], value: str) -> str:
    return next((label for label, v in choices if v == value), value)


def _vote(vote: Vote | None) -> str:
    if vote is None:
        return ""
    counts = [vote.for_count, vote.against_count, vote.abstain_count]
    shown = "–".join("?" if c is None else str(c) for c in counts) if any(c is not None for c in counts) else ""
    if vote.unanimous:
        shown = f"unanimous {shown}".strip()
    return f"recorded {shown}".strip() if vote.recorded else shown


def rows(parts: Sequence[Declaration | Motion | Action], people: Mapping[str, Person]) -> list[tuple[str, ...]]:
    """The cells of each row of a list of parts."""
    out: list[tuple[str, ...]] = []
    for n, p in enumerate(parts, start=1):
        if isinstance(p, Declaration):
            where = f" (item {p.regarding})" if p.regarding else ""
            out.append((str(n), person_name(p.member, people), _words(INTERESTS, p.interest.value), _cut(p.nature + where)))
        elif isinstance(p, Motion):
            moved = person_name(p.mover, people, title=False) if p.mover else ""
            if p.seconder:
                moved += f" / {person_name(p.seconder, people, title=False)}"
            outcome = "" if p.outcome is MotionOutcome.NOT_VOTED and p.vote is None else _words(OUTCOMES, p.outcome.value)
            out.append((str(n), _cut(f"{part_word(p)}: {p.text}"), outcome, _vote(p.vote), moved))
        else:
            due = format_date(p.due, "screen") if p.due else ""
            owner = person_name(p.owner, people) if p.owner else ""
            out.append((str(n), _cut(f"{part_word(p)}: {p.text}"), _cut(owner, 24), due))
    return out
