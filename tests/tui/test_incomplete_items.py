"""An item marked incomplete in the terminal UI: marked in the item lists, explained on its
page of minutes, and circulating asks the clerk to confirm first (no changes nothing)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from textual.widgets import Static

from tests.tui.tui_helpers import open_meeting, settle, show_minutes_page
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.form import FormDialog
from tui.launch import make_app
from tui.screens.minutes_editor import MinutesEditor
from tui.widgets.item_list import ItemList

PLANNING = "planning-committee/2026-11-04"
NOTE = "The source shows only the start of this minute; the rest is missing."


@pytest.fixture
def marked(archive_path: Path) -> Path:
    from workflow.services.meetings import Meetings
    from workflow.services.workspace import Workspace

    with Workspace.open(archive_path, create=False) as service:
        meeting = Meetings(service).load(PLANNING)
        items = tuple(dataclasses.replace(it, incomplete=NOTE) if it.uid == "elm-row" else it
                      for it in meeting.items)
        Meetings(service).save(dataclasses.replace(meeting, items=items), based_on=service.head(), message="Marked incomplete")
    return archive_path


def _status(archive: Path) -> str:
    from workflow.services.meetings import Meetings
    from workflow.services.workspace import Workspace

    with Workspace.open(archive, create=False) as service:
        return Meetings(service).load(PLANNING).status.value


async def test_the_item_is_marked_and_its_page_says_what_is_missing(marked: Path) -> None:
    app = make_app(marked)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(pilot, PLANNING)
        editor = screen.query_one(MinutesEditor)
        items = editor.query_one("#minutes-items", ItemList)
        labels = [str(items.get_option_at_index(i).prompt) for i in range(items.option_count)]
        assert [label for label in labels if "[incomplete]" in label] == [
            "5. 26/01234/FUL: 14 Elm Row, Riverbend [incomplete]"]
        agenda = screen.query_one("#agenda-items", ItemList)
        assert any("[incomplete]" in str(agenda.get_option_at_index(i).prompt) for i in range(agenda.option_count))
        page = await show_minutes_page(pilot, editor, "elm-row")
        note = page.query_one(".incomplete-note", Static)
        assert NOTE in str(note.render())
        other = await show_minutes_page(pilot, editor, "wharf-lane")
        assert not other.query(".incomplete-note")


async def test_circulating_asks_first(marked: Path) -> None:
    app = make_app(marked)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(pilot, PLANNING)
        await pilot.press("f9")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        warned = [c for c in dialog.checks if "is incomplete" in c.message]
        assert len(warned) == 1
        assert warned[0].warning
        await pilot.click("#ok")
        await settle(pilot)
        question = app.screen
        assert isinstance(question, ConfirmDialog)
        assert "Item 5 '26/01234/FUL: 14 Elm Row, Riverbend' is marked incomplete" in question.question
        await pilot.click("#no")
        await settle(pilot)
        assert _status(marked) == "minutes-draft"

        await pilot.press("f9")
        await settle(pilot)
        await pilot.click("#ok")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await settle(pilot)
        assert _status(marked) == "minutes-circulated"
        assert screen.meeting.status.value == "minutes-circulated"


async def test_approving_asks_first(archive_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from textual.widgets import Select

    from workflow.services.lifecycle import Lifecycle
    from workflow.services.meetings import Meetings
    from workflow.services.workspace import Workspace

    circulated, later = "children-scrutiny-board/2026-10-22", "children-scrutiny-board/2027-01-14"
    monkeypatch.setenv("MINUTEBOOK_TODAY", "2027-01-05")
    with Workspace.open(archive_path, create=False) as service:
        meeting = Meetings(service).load(circulated)
        items = tuple(dataclasses.replace(it, incomplete=NOTE) if it.uid == "school-transport" else it
                      for it in meeting.items)
        Meetings(service).save(dataclasses.replace(meeting, items=items), based_on=service.head(), message="Marked incomplete")
        Lifecycle(service).publish(later)
    monkeypatch.setenv("MINUTEBOOK_TODAY", "2027-01-20")
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(pilot, circulated)
        await pilot.press("f10")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        app.screen.query_one("#f-at", Select).value = later
        await pilot.click("#ok")
        await settle(pilot)
        question = app.screen
        assert isinstance(question, ConfirmDialog)
        assert "is marked incomplete" in question.question
        await pilot.click("#yes")
        await settle(pilot)
        assert screen.meeting.status.value == "minutes-approved"
    with Workspace.open(archive_path, create=False) as service:
        assert Meetings(service).load(circulated).approval.at == later  # type: ignore[union-attr]
