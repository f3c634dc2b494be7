"""The holiday cache gives the library's answers and spares later runs the import."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from workflow.errors import MinutebookError
from workflow.rules import deadlines
from workflow.rules.calendars import CachedHolidays, cached_calendar


@pytest.mark.parametrize(("country", "region"), [("GB", "ENG"), ("GB", "SCT")])
def test_cached_calendar_agrees_with_the_library(country: str, region: str, tmp_path: Path) -> None:
    library = deadlines.working_days_calendar(country, region, years=(2025, 2026))
    cached = deadlines.WorkingCalendar(country, region, CachedHolidays(country, region, tmp_path))  # type: ignore[arg-type]
    day = dt.date(2025, 1, 1)
    while day.year < 2027:
        assert cached.is_working_day(day) == library.is_working_day(day), day
        assert cached.holiday(day) == library.holiday(day)
        day += dt.timedelta(days=1)
    again = CachedHolidays(country, region, tmp_path)
    assert again.get(dt.date(2026, 12, 25))


def test_deadline_through_the_cache() -> None:
    calendar = cached_calendar("GB", "ENG")
    assert deadlines.latest_publication_date(dt.date(2026, 1, 6), 5, calendar) == dt.date(2025, 12, 24)


def test_unknown_region_is_still_refused(tmp_path: Path) -> None:
    with pytest.raises(MinutebookError, match="holiday_subdivision"):
        CachedHolidays("GB", "XXX", tmp_path).get(dt.date(2026, 1, 1))


def test_a_warm_cache_does_not_import_the_library(tmp_path: Path) -> None:
    CachedHolidays("GB", "ENG", tmp_path).get(dt.date(2026, 5, 4))
    code = (
        "import sys, datetime as dt\n"
        "from pathlib import Path\n"
        "from workflow.rules.calendars import CachedHolidays\n"
        f"h = CachedHolidays('GB', 'ENG', Path({str(tmp_path)!r}))\n"
        "assert h.get(dt.date(2026, 5, 4))\n"
        "print('holidays' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
