"""The list of items of a meeting, numbered as printed.

Lives here: :class:`ItemList`, an option list whose option ids are item uids (plus any
fixed entries the owner puts first, such as ``@attendance``). Must not live here: edits.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from workflow.record.model import Item, Meeting

__all__ = ["ItemList", "item_label"]


def item_label(item: Item, *, minutes: bool = False) -> str:
    number = item.minute_number if minutes else item.agenda_number
    exempt = " [private]" if item.is_exempt else ""
    incomplete = " [incomplete]" if item.incomplete.strip() else ""
    return f"{number + '. ' if number else ''}{item.title or '(untitled)'}{exempt}{incomplete}"


class ItemList(OptionList):
    """Items in agenda order; the highlighted option is the item being edited."""

    def show(self, meeting: Meeting, *, minutes: bool = False, first: Sequence[tuple[str, str]] = ()) -> None:
        """List ``first`` (id, label) entries then the items, keeping the highlight."""
        current = self.highlighted_id
        self.clear_options()
        self.add_options([Option(Text(label), id=key) for key, label in first])
        self.add_options(Option(Text(item_label(it, minutes=minutes)), id=it.uid) for it in meeting.items)
        self.select_id(current)

    @property
    def highlighted_id(self) -> str | None:
        if self.highlighted is None or self.option_count == 0:
            return None
        return self.get_option_at_index(self.highlighted).id

    def select_id(self, key: str | None) -> None:
        if self.option_count == 0:
            return
        try:
            self.highlighted = self.get_option_index(key) if key else 0
        except OptionDoesNotExist:
            self.highlighted = 0
