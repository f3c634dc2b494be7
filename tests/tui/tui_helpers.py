"""Helpers for driving the app under Pilot: settle, type text, reach widgets."""

from __future__ import annotations

from typing import Any

from textual.widgets import TextArea

_NAMES = {" ": "space", "/": "slash", ":": "colon", "-": "minus", ".": "full_stop", ",": "comma",
          "'": "apostrophe", "(": "left_parenthesis", ")": "right_parenthesis", "|": "vertical_line"}


async def settle(pilot: Any) -> None:
    """Let messages, screens and workers finish (never sleep)."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_text(pilot: Any, text: str) -> None:
    """Press the keys of ``text`` one by one, as a clerk types."""
    keys = ["enter" if c == "\n" else _NAMES.get(c, c) for c in text]
    await pilot.press(*keys)


def write(area: TextArea, text: str) -> None:
    """Put text at the end of a text area as one edit (like a paste)."""
    area.move_cursor(area.document.end)
    area.insert(text)
