"""Fixtures for the fault tests: a fresh copy of the demo archive for each test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.faults.kit import build_sample, copy_archive


@pytest.fixture(scope="session")
def pristine_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample(tmp_path_factory.mktemp("pristine"))


@pytest.fixture
def archive(pristine_sample: Path, tmp_path: Path) -> Path:
    return copy_archive(pristine_sample, tmp_path / "archive")
