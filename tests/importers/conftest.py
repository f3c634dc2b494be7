"""Fixtures for the importer tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_samples import FIXTURES


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
