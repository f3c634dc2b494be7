"""Starting the app: the meeting list is read for the first frame without opening the
service, whose modules are imported just after; a folder that is not an archive is
refused in one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.tui_helpers import settle
from tui.app import make_app


def test_home_rows_are_read_without_the_service(archive_path: Path) -> None:
    from workflow.services.meetings import Meetings
    from workflow.services.workspace import Workspace

    app = make_app(archive_path)
    assert app._workspace is None
    assert app.first_rows is not None
    rows, demo = app.first_rows
    assert demo is True
    with Workspace.open(archive_path, create=False) as service:
        assert rows == Meetings(service).overview()


async def test_the_service_opens_once_home_is_painted(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app._workspace is not None
        assert app.sub_title.endswith("(demo archive)")


def test_a_folder_that_is_not_an_archive_is_refused_in_one_sentence(tmp_path: Path) -> None:
    from workflow.errors import MinutebookError

    (tmp_path / "papers").mkdir()
    (tmp_path / "papers" / "notes.txt").write_text("not an archive\n")
    with pytest.raises(MinutebookError) as caught:
        make_app(tmp_path / "papers")
    assert "papers" in caught.value.message


def test_the_bare_command_with_a_missing_archive_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tui.cli.main import main

    assert main(["--archive", str(tmp_path / "typo")]) == 1
    assert "There is no archive at" in capsys.readouterr().err
    assert main(["--archive"]) == 2
    assert "--archive" in capsys.readouterr().err


async def test_a_meeting_screen_hands_its_frozen_objects_back_when_closed(archive_path: Path) -> None:
    import gc

    from workflow.services.meetings import Meetings
    from workflow.services.workspace import Workspace

    with Workspace.open(archive_path, create=False) as service:
        meeting_id = Meetings(service).meeting_ids()[0]
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.screen.open_meeting(meeting_id)
        await settle(pilot)
        assert type(app.screen).__name__ == "MeetingScreen"
        assert gc.get_freeze_count() > 0
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        assert gc.get_freeze_count() == 0
