"""Helpers for driving the app under Pilot: settle, type text, reach widgets."""

from __future__ import annotations

import contextlib
from typing import Any

from textual.widgets import TextArea
from textual.worker import WorkerCancelled

_NAMES = {" ": "space", "/": "slash", ":": "colon", "-": "minus", ".": "full_stop", ",": "comma",
          "'": "apostrophe", "(": "left_parenthesis", ")": "right_parenthesis", "|": "vertical_line"}


async def wait_for_workers(app: Any) -> None:
    """Wait until every worker has finished; one superseded by a newer one (an exclusive
    worker started again) is finished too."""
    for worker in list(app.workers):
        with contextlib.suppress(WorkerCancelled):
            await worker.wait()


async def settle(pilot: Any) -> None:
    """Let messages, screens and workers finish (never sleep)."""
    await pilot.pause()
    await wait_for_workers(pilot.app)
    await pilot.pause()
    await wait_for_workers(pilot.app)
    await pilot.pause()


async def type_text(pilot: Any, text: str) -> None:
    """Press the keys of ``text`` one by one, as a clerk types."""
    keys = ["enter" if c == "\n" else _NAMES.get(c, c) for c in text]
    await pilot.press(*keys)


def write(area: TextArea, text: str) -> None:
    """Put text at the end of a text area as one edit (like a paste)."""
    area.move_cursor(area.document.end)
    area.insert(text)


async def open_meeting(pilot: Any, meeting_id: str) -> Any:
    """From home, open ``meeting_id``; the meeting screen once it has settled."""
    await settle(pilot)
    pilot.app.screen.open_meeting(meeting_id)
    await settle(pilot)
    return pilot.app.screen


async def save_version(pilot: Any, message: str | None = None, *, proposed: str | None = None) -> None:
    """Ctrl+S, then save with ``message`` (or the proposed one, which must mention
    ``proposed`` when given)."""
    from textual.widgets import Input

    from tui.dialogs.save_message import SaveMessageDialog

    await pilot.press("ctrl+s")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, SaveMessageDialog), type(dialog)
    field = dialog.query_one("#message", Input)
    if proposed is not None:
        assert proposed in field.value
    if message is not None:
        field.value = message
    await pilot.press("enter")
    await settle(pilot)


async def answer_form(pilot: Any, values: dict[str, str]) -> None:
    """Fill the open form dialog's fields (inputs and choices) and press its OK button."""
    from textual.widgets import Button

    from tui.dialogs.form import FormDialog

    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, FormDialog), type(dialog)
    for key, value in values.items():
        dialog.query_one(f"#f-{key}").value = value  # type: ignore[attr-defined]
    dialog.query_one("#ok", Button).press()
    await settle(pilot)


async def show_minutes_page(pilot: Any, editor: Any, uid: str) -> Any:
    """Highlight item ``uid`` in the minutes editor's list; its page of minutes."""
    from tui.widgets.item_list import ItemList

    items = editor.query_one("#minutes-items", ItemList)
    items.focus()
    items.select_id(uid)
    await pilot.pause()
    page = editor.show_page(uid)
    await pilot.pause()
    assert page is not None
    return page
