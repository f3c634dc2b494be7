"""Working-day arithmetic for statutory deadlines: clear days, bank holidays, call-in.

What lives here: the working-day calendar (weekends plus the bank holidays of a country
and region, taken from the maintained ``holidays`` library, never a hand-typed list),
counting *clear* working days between two dates, the latest publication date for an
agenda and the end of a call-in period.

What must not: reading settings or files, knowing about meetings. Callers pass the
calendar in (built once from settings) so every rule here is a pure function of dates.

"Clear days" follow the usual reading of the Local Government Act 1972: the day of
publication and the day of the meeting do not count, and neither do weekends or bank
holidays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from workflow.errors import MinutebookError

if TYPE_CHECKING:
    import holidays

__all__ = [
    "WorkingCalendar",
    "add_clear_working_days",
    "clear_days_between",
    "is_on_time",
    "latest_publication_date",
    "working_days_calendar",
]

_DAY = dt.timedelta(days=1)
_SEARCH_LIMIT = 400
"""No real calendar has this many non-working days in a row; guards the loops."""


class WorkingCalendar:
    """Which days are working days: Monday to Friday except the region's bank holidays."""

    __slots__ = ("country", "subdivision", "_holidays")

    def __init__(self, country: str, subdivision: str, table: holidays.HolidayBase) -> None:
        self.country = country
        self.subdivision = subdivision
        self._holidays = table

    def __repr__(self) -> str:
        region = f"{self.country}-{self.subdivision}" if self.subdivision else self.country
        return f"WorkingCalendar({region})"

    def holiday(self, day: dt.date) -> str:
        """The bank holiday's name on ``day``, or ``""`` when it is not one."""
        name = self._holidays.get(day)
        return str(name) if name else ""

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self._holidays


def working_days_calendar(
    country: str = "GB", subdivision: str = "ENG", years: Iterable[int] | None = None
) -> WorkingCalendar:
    """The working-day calendar of a country and region (``GB``/``ENG``, ``GB``/``SCT``…).

    With ``years`` the holidays of those years are loaded at once; without, each year is
    loaded the first time a date in it is asked about.
    """
    import holidays

    code = (country or "").strip().upper()
    region = (subdivision or "").strip().upper()
    try:
        table = holidays.country_holidays(
            code,
            subdiv=region or None,
            years=list(years) if years is not None else None,
            expand=True,
        )
    except NotImplementedError:
        if code not in holidays.list_supported_countries():
            raise MinutebookError(
                f"holiday_country: '{country}' is not a country the holiday calendar "
                "knows; use a two-letter code such as GB."
            ) from None
        known = ", ".join(holidays.list_supported_countries()[code]) or "none"
        raise MinutebookError(
            f"holiday_subdivision: '{subdivision}' is not a region of {code}; "
            f"use one of {known}."
        ) from None
    return WorkingCalendar(code, region, table)


def clear_days_between(published: dt.date, meeting: dt.date, calendar: WorkingCalendar) -> int:
    """Working days strictly between publication and the meeting (0 when none)."""
    count = 0
    day = published + _DAY
    while day < meeting:
        if calendar.is_working_day(day):
            count += 1
        day += _DAY
    return count


def latest_publication_date(
    meeting: dt.date, clear_days: int, calendar: WorkingCalendar
) -> dt.date:
    """The last working day on which publishing still leaves ``clear_days`` clear days.

    Publishing on a later weekend day could still count, but a clerk's deadline is the
    last working day, which is what this answers.
    """
    if clear_days < 0:
        raise MinutebookError(f"clear_days: {clear_days} is negative; use 0 or more.")
    day = meeting
    found = 0
    while found < clear_days:
        day = _step(day, -1, calendar)
        found += 1
    return _step(day, -1, calendar)


def is_on_time(
    published: dt.date, meeting: dt.date, clear_days: int, calendar: WorkingCalendar
) -> bool:
    """Whether an agenda published on ``published`` meets the clear-days rule."""
    return published < meeting and clear_days_between(published, meeting, calendar) >= clear_days


def add_clear_working_days(start: dt.date, n: int, calendar: WorkingCalendar) -> dt.date:
    """The last of ``n`` clear working days after ``start`` (``start`` itself not counted).

    Used for call-in: a decision published on Monday 5 January 2026 with five clear
    working days may be called in until the end of Monday 12 January.
    """
    if n < 0:
        raise MinutebookError(f"call_in_days: {n} is negative; use 0 or more.")
    day = start
    for _ in range(n):
        day = _step(day, +1, calendar)
    return day




def _step(day: dt.date, direction: int, calendar: WorkingCalendar) -> dt.date:
    """The next working day before (``-1``) or after (``+1``) ``day``."""
    for _ in range(_SEARCH_LIMIT):
        day += direction * _DAY
        if calendar.is_working_day(day):
            return day
    raise MinutebookError(
        f"The holiday calendar {calendar!r} has no working day near {day.isoformat()}."
    )
