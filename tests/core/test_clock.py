"""The clerk's day: MINUTEBOOK_TODAY when set, else the clock's; a bad value is named."""

from __future__ import annotations

import datetime as dt

import pytest

from workflow.clock import today
from workflow.errors import MinutebookError


def test_the_day_comes_from_the_clock_unless_fixed(monkeypatch: pytest.MonkeyPatch) -> None:
    noon = dt.datetime(2027, 1, 14, 12, 0, tzinfo=dt.UTC)
    assert today(lambda: noon) == dt.date(2027, 1, 14)
    monkeypatch.setenv("MINUTEBOOK_TODAY", "2026-11-25")
    assert today(lambda: noon) == dt.date(2026, 11, 25)


def test_a_fixed_day_that_is_not_a_date_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MINUTEBOOK_TODAY", "25/11/2026")
    with pytest.raises(MinutebookError, match="MINUTEBOOK_TODAY is '25/11/2026'"):
        today()
