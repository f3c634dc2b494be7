"""Fixtures for the terminal UI tests: a sample archive, a fixed day and a fixed clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

FIXED = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)


def fixed_clock() -> dt.datetime:
    return FIXED


@pytest.fixture
def archive_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from workflow.services import archives as sample

    monkeypatch.setenv("MINUTEBOOK_TODAY", "2026-11-25")
    path = tmp_path / "archive"
    sample.init_archive(path, sample=True)
    return path


@pytest.fixture
def fixed_archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample archive saved at a fixed time, so history screens look the same every run."""
    import archive as store
    from workflow.services import archives as sample
    from workflow.services.workspace import Workspace
    from workflow.settings import load_settings

    monkeypatch.setenv("MINUTEBOOK_TODAY", "2026-11-25")
    path = tmp_path / "archive"
    repo = store.GitArchive.init(path, demo=True)
    with Workspace(repo, load_settings(), clock=fixed_clock) as workspace:
        sample.install_sample(workspace)
    return path
