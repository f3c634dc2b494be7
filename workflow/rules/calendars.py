"""Bank-holiday calendars kept in the user's cache, so listing meetings stays quick.

The maintained ``holidays`` library remains the only source of bank holidays: the first
time a year of a region is needed, it is computed by the library (through
:func:`workflow.rules.deadlines.working_days_calendar`) and kept as JSON under the user's cache
folder, keyed by the installed library, so a later start need not import it (importing
it costs a large part of a second on a busy machine). Deleting the cache is always safe.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.util
import json
from pathlib import Path

import platformdirs

from workflow.rules.deadlines import WorkingCalendar, working_days_calendar

__all__ = ["CachedHolidays", "cached_calendar"]


def _library_stamp() -> str:
    spec = importlib.util.find_spec("holidays")
    if spec is None or not spec.origin:
        return "none"
    try:
        return str(Path(spec.origin).stat().st_mtime_ns)
    except OSError:
        return "unknown"


class CachedHolidays:
    """The bank holidays of one region, a year at a time, from the cache or the library."""

    def __init__(self, country: str, subdivision: str, folder: Path | None = None) -> None:
        self.country = country
        self.subdivision = subdivision
        folder = folder or platformdirs.user_cache_path("minutebook", appauthor=False)
        self._file = folder / f"holidays-{country}-{subdivision or 'all'}.json"
        self._years: dict[str, dict[str, str]] = {}
        self._stamp = _library_stamp()
        with contextlib.suppress(OSError, ValueError):
            data = json.loads(self._file.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("library") == self._stamp:
                self._years = {str(k): dict(v) for k, v in data.get("years", {}).items()}

    def _year(self, year: int) -> dict[str, str]:
        key = str(year)
        if key not in self._years:
            calendar = working_days_calendar(self.country, self.subdivision, years=(year,))
            day, found = dt.date(year, 1, 1), {}
            while day.year == year:
                name = calendar.holiday(day)
                if name:
                    found[day.isoformat()] = name
                day += dt.timedelta(days=1)
            self._years[key] = found
            self._save()
        return self._years[key]

    def _save(self) -> None:
        """Keep the computed years; a cache only, so a failure to write it is harmless."""
        with contextlib.suppress(OSError):
            self._file.parent.mkdir(parents=True, exist_ok=True)
            payload = {"library": self._stamp, "years": self._years}
            tmp = self._file.with_suffix(".tmp")
            tmp.write_text(json.dumps(payload, sort_keys=True), encoding="utf-8")
            tmp.replace(self._file)

    def get(self, day: dt.date) -> str | None:
        return self._year(day.year).get(day.isoformat())

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and day.isoformat() in self._year(day.year)


def cached_calendar(country: str, subdivision: str) -> WorkingCalendar:
    """The working-day calendar of a region, backed by the on-disk holiday cache."""
    code, region = country.strip().upper(), subdivision.strip().upper()
    return WorkingCalendar(code, region, CachedHolidays(code, region))  # type: ignore[arg-type]
