"""Documents written from the terminal UI land in the clerk's documents folder, which is
made on first use: the Word minutes (Ctrl+R) and a Word redline from the history screen,
each re-opened with python-docx."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import platformdirs

from tests.tui.tui_helpers import open_meeting, settle
from tui.dialogs.form import FormDialog
from tui.launch import make_app

CIRCULATED = "children-scrutiny-board/2026-10-22"
DRAFT = "planning-committee/2026-11-04"


def _text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


async def test_word_minutes_go_to_a_documents_folder_made_on_first_use(archive_path: Path) -> None:
    folder = platformdirs.user_documents_path() / "minutebook"
    assert not folder.exists()
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(pilot, CIRCULATED)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        await pilot.click("#ok")
        await settle(pilot)
        written = screen.last_document
        assert written == folder / "children-scrutiny-board-2026-10-22-minutes.docx"
        assert "Minutes of the Meeting" in _text(written)
        assert str(written) in str(screen.query_one("#status-line").render())


async def test_a_redline_is_written_from_the_history_screen(archive_path: Path) -> None:
    import dataclasses

    from tui.screens.history import HistoryScreen
    from workflow.services.meetings import Meetings
    from workflow.services.workspace import Workspace

    with Workspace.open(archive_path, create=False) as service:
        meeting = Meetings(service).load(DRAFT)
        first = dataclasses.replace(meeting.items[0], title=meeting.items[0].title + " and Dispensations")
        Meetings(service).save(dataclasses.replace(meeting, items=(first, *meeting.items[1:])), based_on=service.head(), message="Title corrected")
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_meeting(pilot, DRAFT)
        await pilot.press("f4")
        await settle(pilot)
        history = app.screen
        assert isinstance(history, HistoryScreen)
        assert len(history.versions) >= 2
        await pilot.press("w")
        await settle(pilot)
        assert history.last_redline is not None, [n.message for n in app._notifications]
        assert history.last_redline.parent == platformdirs.user_documents_path() / "minutebook"
        assert _text(history.last_redline).strip()
        with zipfile.ZipFile(history.last_redline) as package:
            body = package.read("word/document.xml").decode("utf-8")
        assert "<w:ins " in body
        assert "Dispensations" in body
