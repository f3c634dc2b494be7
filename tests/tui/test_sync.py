"""Sync from the home screen: runs in a worker, reports in one sentence."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.tui.tui_helpers import settle
from tui.launch import make_app


async def test_sync_on_a_demo_archive_is_refused_in_one_sentence(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+y")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any("demo archive" in m for m in messages), messages


async def test_sync_sends_versions_to_the_shared_archive(tmp_path: Path) -> None:
    from workflow.services import archives as sample
    from workflow.services.workspace import Workspace

    remote = tmp_path / "shared.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    local = tmp_path / "archive"
    sample.init_archive(local)
    with Workspace.open(local, create=False) as service:
        subprocess.run(["git", "-C", str(local), "remote", "add", "origin", str(remote)], check=True)
        head = service.archive.head()
    app = make_app(local)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+y")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert "Sent your versions" in messages, messages
    shared = subprocess.run(["git", "-C", str(remote), "rev-parse", "main"], capture_output=True, text=True)
    assert shared.stdout.strip() == head


def test_a_named_archive_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    import pytest

    from workflow.errors import MinutebookError

    with pytest.raises(MinutebookError, match="There is no archive at"):
        make_app(tmp_path / "typo")
    assert not (tmp_path / "typo").exists()


def test_the_default_archive_is_created_with_samples_on_first_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import archive as store

    monkeypatch.delenv("MINUTEBOOK_ARCHIVE")
    app = make_app()
    try:
        assert (store.default_archive_path() / ".git").is_dir()
        assert len(app.workspace.archive.list_files("meetings/")) >= 5
    finally:
        app.workspace.close()
