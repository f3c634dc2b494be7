"""Starting the app: home lists the archive's meetings; a folder that is not an archive is
refused in one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.tui_helpers import settle
from tui.launch import make_app


async def test_home_shows_the_archive_and_its_meetings(archive_path: Path) -> None:
    from workflow.services.meetings import Meetings
    from workflow.services.workspace import Workspace

    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.sub_title.endswith("(demo archive)")
        with Workspace.open(archive_path, create=False) as workspace:
            listed = [row.id for row in Meetings(workspace).overview()]
        assert [row.id for row in app.screen.rows] == listed  # type: ignore[attr-defined]


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
