"""Fixtures for the terminal UI tests: a sample archive, a fixed day and a fixed clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

FIXED = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.timezone.utc)


def fixed_clock() -> dt.datetime:
    return FIXED


@pytest.fixture
def archive_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from workflow import sample

    monkeypatch.setenv("MINUTEBOOK_TODAY", "2026-11-25")
    path = tmp_path / "archive"
    sample.init_archive(path, sample=True)
    return path
