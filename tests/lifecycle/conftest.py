"""Fixtures for the lifecycle tests: the England calendar and the default settings."""

from __future__ import annotations

import pytest

from workflow.rules.deadlines import WorkingCalendar, working_days_calendar


@pytest.fixture(scope="session")
def england() -> WorkingCalendar:
    return working_days_calendar("GB", "ENG", years=range(2024, 2029))
