"""One item's page of minutes: the narrative and resolutions typed as text, and the lists
of its declarations, motions and actions, each edited through its form.

Lives here: :class:`ItemMinutes`, which holds the item's parts as the clerk last left
them, shows each list (:mod:`tui.widgets.part_list`), opens the form of a part
(:mod:`tui.dialogs.parts`) to add or edit one, removes and reorders them, and posts
:class:`ItemMinutes.PartsEdited` after each such edit; and :meth:`ItemMinutes.to_item`,
the page as the record's item. Must not live here: applying an edit to the meeting (the
minutes editor), validation, saving.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any

from textual import getters, on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Input, Static, TextArea

from tui.app import MinutebookApp
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.parts import ActionDialog, DeclarationDialog, MotionDialog, PartTextDialog
from tui.widgets.part_list import ActionList, DeclarationList, MotionList, PartList, rows
from workflow.drafting import item_parts as ip
from workflow.drafting import minutes_fields as mt
from workflow.errors import FieldError, MinutebookError
from workflow.record.model import BulletList, Item, Meeting, Paragraph, Person, Resolution

__all__ = ["PARTS", "ItemMinutes"]

PARTS = ("declarations", "motions", "actions")
"""The item's fields edited through forms, each a list on the page."""

_TITLES = {
    "body": "Minutes (narrative)",
    "declarations": "Declarations of interest",
    "motions": "Motions, amendments and votes",
    "resolutions": "Resolutions",
    "actions": "Actions and referrals",
}
_LISTS: dict[str, type[PartList]] = {"declarations": DeclarationList, "motions": MotionList, "actions": ActionList}
_DIALOGS: dict[str, Any] = {"declarations": DeclarationDialog, "motions": MotionDialog, "actions": ActionDialog}
_HINT = "None recorded: a adds one (t types them as text)."

Context = Callable[[], tuple[Meeting, Mapping[str, Person]]]
"""Gives the meeting as it stands and the register, for the forms' choices."""


def _labelled(resolutions: tuple[Resolution, ...], depth: int = 0) -> list[str]:
    lines = []
    for res in resolutions:
        lines.append("  " * depth + f"{res.label + ' ' if res.label else ''}{res.text}")
        lines.extend(_labelled(res.children, depth + 1))
    return lines


class ItemMinutes(VerticalScroll):
    """The minutes of one item: its own text areas and lists, filled once from the record."""

    can_focus = False
    app = getters.app(MinutebookApp)

    class PartsEdited(Message):
        """A declaration, motion or action of item ``uid`` was added, changed, removed or moved."""

        def __init__(self, page: ItemMinutes) -> None:
            super().__init__()
            self.page = page

    def __init__(self, item: Item, *, id: str, read_only: bool, context: Context) -> None:
        super().__init__(id=id, classes="item-minutes")
        self.uid = item.uid
        self.item = item
        self.read_only = read_only
        self.context = context
        self.parts: dict[str, tuple[Any, ...]] = {part: getattr(item, part) for part in PARTS}
        """The parts as the clerk last left them: the page's lists are the record's."""

    def compose(self) -> ComposeResult:
        item = self.item
        yield Static(f"{item.minute_number + '. ' if item.minute_number else ''}{item.title}", classes="page-title", markup=False)
        if item.incomplete.strip():
            yield Static(f"Incomplete: {item.incomplete.strip()} Copy in the rest of the text; the minutes say "
                         "it is incomplete until the note is cleared (its 'incomplete:' line, with minutebook edit).",
                         classes="incomplete-note", markup=False)
        for part in ("body", "declarations", "motions", "resolutions", "actions"):
            yield Static(_TITLES[part], classes="field-label")
            if part in PARTS:
                yield _LISTS[part]()
                yield Static(_HINT, classes=f"part-hint {part}", markup=False)
                continue
            if part == "resolutions":
                yield Input(item.resolved_intro, placeholder=f"{item.resolved_word} … (e.g. that the Board:)", classes="intro")
            text = mt.body_text(item.body) if part == "body" else mt.resolutions_text(item.resolutions)
            yield TextArea(text, classes=f"part {part}", soft_wrap=True, read_only=self.read_only, placeholder=mt.FORMATS[part])
            if part == "resolutions":
                yield Static("\n".join(_labelled(item.resolutions)), classes="labels", markup=False)

    def on_mount(self) -> None:
        for part in PARTS:
            self.show_parts(part)

    def area(self, part: str) -> TextArea:
        return self.query_one(f"TextArea.{part}", TextArea)

    def part_list(self, part: str) -> PartList:
        return self.query_one(_LISTS[part])

    def show_parts(self, part: str, cursor: int | None = None) -> None:
        _, people = self.context()
        found = self.parts[part]
        self.part_list(part).show(rows(found, people), cursor)
        self.query_one(f".part-hint.{part}", Static).display = not found

    def to_item(self, old: Item, scheme: str, prefix: str) -> tuple[Item, list[FieldError]]:
        body, p1 = mt.parse_body(self.area("body").text, old.body)
        resolutions, p2 = mt.parse_resolutions(self.area("resolutions").text, scheme)
        self.query_one(".labels", Static).update("\n".join(_labelled(resolutions)))
        withheld = tuple(b for b in old.body if not isinstance(b, Paragraph | BulletList))
        item = dataclasses.replace(
            old, body=withheld + body, resolutions=resolutions, **self.parts,
            resolved_intro=self.query_one(".intro", Input).value.strip(),
        )  # fmt: skip
        problems = [FieldError(f"{prefix}.{p.path}", p.message, p.severity) for p in p1 + p2]
        return item, problems

    # ------------------------------------------------------------------ the lists

    @on(PartList.Requested)
    def _requested(self, event: PartList.Requested) -> None:
        event.stop()
        if self.read_only:
            self.app.report(MinutebookError("These minutes are locked; amend them instead (F12)."))
            return
        part, index, found = event.part, event.index, self.parts[event.part]
        if event.what in ("add", "edit"):
            self.open_part(part, None if event.what == "add" else index)
        elif event.what == "text":
            self.app.push_screen(PartTextDialog(part, found), lambda parts: self._edited(part, parts, None))
        elif event.what in ("up", "down") and index is not None:
            moved, at = ip.moved(found, index, -1 if event.what == "up" else 1)
            if at != index:
                self._edited(part, moved, at)
        elif event.what == "remove" and index is not None:
            name = f"{ip.part_word(found[index])} {index + 1}"

            def answered(yes: bool | None) -> None:
                if yes:
                    self._edited(part, ip.removed(self.parts[part], index), index)

            self.app.push_screen(ConfirmDialog(f"Remove {name.lower()} from the minutes of this item?", yes="Remove"), answered)

    def open_part(self, part: str, index: int | None, focus: str = "") -> None:
        """Open the form of part ``index`` of ``part`` (a new one when None), with the
        field ``focus`` (its path inside the part) focused."""
        found = self.parts[part]
        if index is not None and not 0 <= index < len(found):
            index = None
        meeting, people = self.context()
        at = len(found) if index is None else index
        old = None if index is None else found[index]
        dialog = _DIALOGS[part](at, meeting, people, old, focus=focus)
        self.app.push_screen(dialog, lambda new: self._edited(part, ip.put(self.parts[part], index, new), at)
                             if new is not None else None)  # fmt: skip

    def _edited(self, part: str, parts: tuple[Any, ...] | None, cursor: int | None) -> None:
        if parts is None or parts == self.parts[part]:
            return
        self.parts[part] = tuple(parts)
        self.show_parts(part, cursor)
        self.part_list(part).focus()
        self.post_message(self.PartsEdited(self))
