"""Fixtures for the archive tests: real git repositories in tmp_path, fixed identities."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from archive_testkit import T0

from archive import GitArchive


@pytest.fixture(autouse=True)
def _git_isolation(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("archive-home")
    empty = home / "gitconfig"
    empty.write_text("")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(empty))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("MINUTEBOOK_ARCHIVE", str(home / "default-archive"))
    for var in (
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_AUTHOR_NAME",
        "GIT_COMMITTER_NAME",
    ):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[GitArchive]:
    """A fresh archive created at T0."""
    with GitArchive.init(tmp_path / "archive", when=T0) as opened:
        yield opened
