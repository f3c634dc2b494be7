"""One way to name a version ("version 8") in the terminal UI, the commit only on request;
written documents named by their whole path, which the clerk can copy or open the
folder of."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from tests.tui.tui_helpers import open_meeting, save_version, settle, type_text
from tui.launch import make_app
from tui.screens.history import HistoryScreen
from tui.widgets.documents_panel import DocumentsPanel
from workflow.services.history import History
from workflow.services.workspace import Workspace

DRAFT = "children-scrutiny-board/2027-01-14"
CIRCULATED = "children-scrutiny-board/2026-10-22"
MINUTES_DRAFT = "planning-committee/2026-11-04"


def _count(archive: Path, meeting_id: str) -> int:
    with Workspace.open(archive, create=False) as workspace:
        return len(History(workspace).versions(meeting_id))


def _status(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#status-line").render())


async def test_saving_and_the_history_name_versions_by_number(archive_path: Path) -> None:
    before = _count(archive_path, DRAFT)
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(pilot, DRAFT)
        screen.query_one("#title", Input).focus()
        await type_text(pilot, " (revised)")
        await save_version(pilot, "Title revised")
        assert _status(app) == f"Saved as version {before + 1}."

        await pilot.press("f4")
        await settle(pilot)
        history = app.screen
        assert isinstance(history, HistoryScreen)
        table = history.query_one("#versions", DataTable)
        headings = [str(c.label) for c in table.columns.values()]
        assert headings == [" ", "Version", "Saved", "By", "Tags", "What changed"]
        assert [str(c) for c in table.get_row_at(0)[:2]] == ["", str(before + 1)]
        await pilot.press("i")
        await settle(pilot)
        assert "Commit" in [str(c.label) for c in table.columns.values()]
        assert str(table.get_row_at(0)[2]) == history.versions[0].short
        await pilot.press("d")
        await settle(pilot)
        assert _status(app).startswith(f"version {before} → version {before + 1}:")


async def test_the_tags_column_is_not_cut(archive_path: Path) -> None:
    from workflow.services.lifecycle import Lifecycle

    with Workspace.open(archive_path, create=False) as workspace:
        Lifecycle(workspace).circulate(MINUTES_DRAFT)
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_meeting(pilot, MINUTES_DRAFT)
        await pilot.press("f4")
        await settle(pilot)
        table = app.screen.query_one("#versions", DataTable)
        tags = [str(table.get_row_at(n)[4]) for n in range(table.row_count)]
        assert "minutes-circulated" in ", ".join(tags)
        column = list(table.columns.values())[4]
        assert str(column.label) == "Tags"
        assert column.content_width >= max(len(t) for t in tags)
        right = sum(c.get_render_width(table) for c in list(table.columns.values())[:5])
        assert right <= table.size.width


@pytest.fixture
def file_manager(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in desktop file manager (a real program on the PATH) that notes what it opened."""
    opened = tmp_path / "opened.txt"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    opener = bin_dir / "xdg-open"
    opener.write_text(f'#!/bin/sh\nprintf "%s" "$1" > "{opened}"\n')
    opener.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:{os.environ['PATH']}")
    return opened


async def test_documents_are_listed_whole_and_can_be_copied_or_their_folder_opened(
    archive_path: Path, file_manager: Path
) -> None:
    before = _count(archive_path, DRAFT)
    app = make_app(archive_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meeting(pilot, DRAFT)
        await pilot.press("f7")
        await settle(pilot)
        app.screen.query_one("#ok").press()
        await settle(pilot)
        assert _status(app).startswith(f"Agenda published as version {before + 1}.")
        panel = screen.query_one(DocumentsPanel)
        assert panel.display
        assert panel.has_focus
        folder = archive_path / "meetings" / "children-scrutiny-board" / "2027-01-14" / "issued"
        assert panel.paths == (folder / "agenda-1.docx", folder / "agenda-1.confidential.docx")
        shown = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert shown == [str(p) for p in panel.paths]
        assert all(p.is_file() for p in panel.paths)
        assert panel.region.right <= 80
        assert panel.region.height >= 2 + len(shown), "each whole path is shown, wrapped if need be"

        await pilot.press("down", "c")
        await settle(pilot)
        assert app.clipboard == str(folder / "agenda-1.confidential.docx")
        await pilot.press("o")
        await settle(pilot)
        assert file_manager.read_text() == str(folder)
        assert any(n.message == f"Opened {folder}." for n in app._notifications)


async def test_a_word_document_written_from_the_meeting_is_listed(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(pilot, CIRCULATED)
        await pilot.press("ctrl+r")
        await settle(pilot)
        app.screen.query_one("#ok").press()
        await settle(pilot)
        panel = screen.query_one(DocumentsPanel)
        assert panel.paths == (screen.last_document,)
        assert screen.last_document is not None
        assert screen.last_document.is_file()
