"""The meetings on the home screen: one line each, in columns, with a row cursor.

Lives here: :class:`MeetingList`, a scrolling list that draws only the lines on screen
from rows of plain text, so a list of hundreds of meetings is on screen in the first
frame. Must not live here: which meetings to show (the home screen filters them).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

__all__ = ["MeetingList", "Row", "clip", "fit"]

Row = tuple[tuple[str, ...], str]
"""The cells of one line and the meeting id it stands for."""

GAP = 2
"""Cells between two columns."""

NARROWEST = 8
"""Cells below which a column is not shrunk to fit the width."""


def fit(widths: Sequence[int], room: int, *, fixed: int = 2) -> list[int]:
    """Column widths that fit in ``room`` cells (edges and gaps included): the last column
    narrows first, down to :data:`NARROWEST`, then the one before it, and so on; the first
    ``fixed`` columns keep their width."""
    fitted = list(widths)
    over = sum(fitted) + GAP * (len(fitted) - 1) + 2 - room
    for n in range(len(fitted) - 1, fixed - 1, -1):
        if over <= 0:
            break
        give = min(over, max(0, fitted[n] - NARROWEST))
        fitted[n] -= give
        over -= give
    return fitted


def clip(text: str, width: int) -> str:
    """``text`` in exactly ``width`` cells, cut with an ellipsis when it is longer."""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…" if width > 0 else ""


class MeetingList(ScrollView, can_focus=True):
    """Meetings as lines under a fixed header; Enter (or a click on the cursor line)
    posts :class:`MeetingList.Selected` with the meeting's id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open", show=False),
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "meeting-list--header",
        "meeting-list--cursor",
        "meeting-list--even",
    }

    DEFAULT_CSS = """
    MeetingList {
        background: $surface;
        color: $foreground;
        width: 1fr;
        height: 1fr;
        overflow-x: hidden;
        &:focus {
            background-tint: $foreground 5%;
            & > .meeting-list--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
        & > .meeting-list--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .meeting-list--even {
            background: $surface-lighten-1 50%;
        }
        &:dark > .meeting-list--even {
            background: $surface-darken-1 40%;
        }
        & > .meeting-list--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False)
    """Index of the highlighted line."""

    class Selected(Message):
        """The clerk chose a meeting (Enter, or a click on the highlighted line)."""

        def __init__(self, meeting_list: MeetingList, meeting_id: str) -> None:
            super().__init__()
            self.meeting_list = meeting_list
            self.meeting_id = meeting_id

        @property
        def control(self) -> MeetingList:
            return self.meeting_list

    def __init__(self, *headings: str, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.headings = tuple(headings)
        self.rows: list[Row] = []
        self._widths = [cell_len(h) for h in self.headings]
        self._fitted: tuple[int, list[int]] = (-1, self._widths)

    # ------------------------------------------------------------------ contents

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def selected_id(self) -> str | None:
        """The id of the highlighted meeting; None when the list is empty."""
        return self.rows[self.cursor][1] if self.rows else None

    def show(self, rows: Sequence[Row], headings: Sequence[str] | None = None) -> None:
        """Show ``rows`` (under new ``headings`` when given), keeping the cursor on the same
        meeting when it is still listed."""
        keep = self.selected_id
        if headings is not None:
            self.headings = tuple(headings)
        self.rows = list(rows)
        widths = [cell_len(h) for h in self.headings]
        for cells, _ in self.rows:
            for n, cell in enumerate(cells[: len(widths)]):
                widths[n] = max(widths[n], cell_len(cell))
        self._widths = widths
        self._fitted = (-1, widths)
        self.virtual_size = Size(0, len(self.rows) + 1)
        index = next((n for n, (_, key) in enumerate(self.rows) if key == keep), 0) if keep else 0
        self.cursor = index
        self.refresh()

    def _columns(self, room: int) -> list[int]:
        if self._fitted[0] != room:
            self._fitted = (room, fit(self._widths, room))
        return self._fitted[1]

    def _text(self, cells: Sequence[str], room: int) -> str:
        widths = self._columns(room)
        return " " + (" " * GAP).join(clip(cell, w) for cell, w in zip(cells, widths, strict=False)) + " "

    # ------------------------------------------------------------------ drawing

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        scroll_y = self.scroll_offset.y
        base = self.rich_style
        if y == 0:
            style = base + self.get_component_rich_style("meeting-list--header")
            text = self._text(self.headings, width)
        else:
            index = scroll_y + y - 1
            if index >= len(self.rows):
                return Strip.blank(width, base)
            style = base
            if index % 2 == 1:
                style += self.get_component_rich_style("meeting-list--even")
            if index == self.cursor:
                style += self.get_component_rich_style("meeting-list--cursor")
            text = self._text(self.rows[index][0], width)
        return Strip([Segment(text, style)]).crop_extend(0, width, style)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.refresh()

    # ------------------------------------------------------------------ cursor

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1)) if self.rows else 0

    def watch_cursor(self) -> None:
        top = self.scroll_offset.y
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + self._page():
            self.scroll_to(y=self.cursor - self._page() + 1, animate=False)
        self.refresh()

    def action_cursor(self, step: int) -> None:
        self.cursor += step

    def action_page(self, step: int) -> None:
        self.cursor += step * self._page()

    def action_jump(self, where: int) -> None:
        self.cursor = where if where >= 0 else len(self.rows) - 1

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.Selected(self, self.rows[self.cursor][1]))

    def _on_click(self, event: events.Click) -> None:
        if event.y < 1:
            return
        index = self.scroll_offset.y + event.y - 1
        if not 0 <= index < len(self.rows):
            return
        if index == self.cursor:
            self.action_select()
        else:
            self.cursor = index
