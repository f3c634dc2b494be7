"""A bug in a screen never loses what the clerk typed: the unsaved edits go to the autosave
first, the traceback to a crash report, and the clerk reads one sentence naming it; the
next opening of the meeting offers the edits back. The bug is made by replacing one
function the screen calls with one that raises."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input

from archive import autosave_key
from tests.tui.tui_helpers import open_meeting, settle, type_text
from tui.dialogs.confirm import ConfirmDialog
from tui.launch import make_app
from tui.widgets.item_list import ItemList
from workflow.services.editing import autosave_store

DRAFT = "children-scrutiny-board/2027-01-14"


def _boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("a fault planted by the test")


async def _type_a_title(pilot, screen) -> str:  # type: ignore[no-untyped-def]
    uid = next(it.uid for it in screen.meeting.items if it.kind.value == "report")
    items = screen.query_one("#agenda-items", ItemList)
    items.focus()
    items.select_id(uid)
    await pilot.pause()
    screen.query_one("#title", Input).focus()
    await type_text(pilot, " typed before the fault")
    return uid


def _kept(archive: Path, uid: str) -> str:
    data = autosave_store().get(autosave_key(archive, DRAFT))
    assert data is not None, "the unsaved edits were not kept"
    return next(it["title"] for it in json.loads(data)["items"] if it["uid"] == uid)


async def test_a_bug_in_a_handler_keeps_the_edits_and_names_the_crash_report(
    archive_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(archive_path)
    typed: list[str] = []

    async def type_then_save() -> None:
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_meeting(pilot, DRAFT)
            typed.append(await _type_a_title(pilot, screen))
            await pilot.press("ctrl+s")
            await settle(pilot)

    with monkeypatch.context() as planted:
        planted.setattr("tui.screens.meeting.diff_meetings", _boom)
        with pytest.raises(RuntimeError, match="planted"):
            await type_then_save()
    [uid] = typed
    assert app.return_code == 1
    assert _kept(archive_path, uid).endswith("typed before the fault")
    report = Path(app.crash_report)
    assert "RuntimeError: a fault planted by the test" in report.read_text()
    assert app.crash_sentence == (
        "An unexpected problem (RuntimeError: a fault planted by the test) stopped minutebook; "
        "your unsaved edits are kept and offered back when you open the meeting again. "
        f"Details: {report}"
    )
    again = make_app(archive_path)
    async with again.run_test(size=(120, 36)) as pilot:
        offered = await open_meeting(pilot, DRAFT)
        assert isinstance(offered, ConfirmDialog)
        await pilot.click("#yes")
        await settle(pilot)
        assert again.screen.meeting.item(uid).title.endswith("typed before the fault")  # type: ignore[attr-defined]


async def test_a_bug_in_a_worker_keeps_the_edits_and_the_app_running(
    archive_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tui.screens.meeting_views.preview_text", _boom)
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(pilot, DRAFT)
        uid = await _type_a_title(pilot, screen)
        await pilot.press("f5")
        await settle(pilot)
        assert app.screen is screen
        [shown] = [n for n in app._notifications if n.title == "Unexpected problem"]
        assert shown.message.startswith("An unexpected problem (RuntimeError: a fault planted by the test)")
        assert shown.message.endswith(f"Details: {app.crash_report}")
        assert _kept(archive_path, uid).endswith("typed before the fault")
        assert screen.dirty
