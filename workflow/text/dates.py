"""Dates and times as the clerk types them and as minutebook writes them.

Lives here: the one parser of a typed date (:func:`parse_date`, ``YYYY-MM-DD``) and time
(:func:`parse_time`, ``HH:MM``), whose refusal names the field, and the one formatter
(:func:`format_date`) with the few forms minutebook uses, written from fixed English
tables whatever the machine's locale.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from workflow.errors import UsageError

__all__ = ["MONTHS", "TIME", "WEEKDAYS", "DateForm", "format_date", "optional_date", "parse_date", "parse_time"]

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

DateForm = Literal["document", "heading", "text", "screen", "deadline"]
"""``document``: "Thursday, 12 October 2017", the date printed at the head of minutes;
``heading``: "Thursday 12 October 2017", an agenda's front page; ``text``: "12 October
2017", a date inside a sentence; ``screen``: "Thu 12 Oct 2017", lists on screen;
``deadline``: "Thu 12 Oct", a deadline in the coming weeks."""

TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")
"""A time of day as it is typed and stored: ``HH:MM`` (or ``H:MM``), 24-hour."""


def format_date(day: dt.date, form: DateForm = "text") -> str:
    """``day`` in one of minutebook's forms (see :data:`DateForm`)."""
    weekday, month = WEEKDAYS[day.weekday()], MONTHS[day.month - 1]
    if form == "document":
        return f"{weekday}, {day.day} {month} {day.year}"
    if form == "heading":
        return f"{weekday} {day.day} {month} {day.year}"
    if form == "screen":
        return f"{weekday[:3]} {day.day} {month[:3]} {day.year}"
    if form == "deadline":
        return f"{weekday[:3]} {day.day} {month[:3]}"
    return f"{day.day} {month} {day.year}"



def parse_date(text: str, what: str = "Date") -> dt.date:
    """The date typed as ``YYYY-MM-DD``; refused naming ``what`` when it is not one."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            f"{what}: '{text.strip()}' is not a date; write it as YYYY-MM-DD, e.g. 2027-01-14."
        ) from None


def optional_date(text: str | None, what: str = "Date") -> dt.date | None:
    """The date typed as ``YYYY-MM-DD``, or None when nothing was typed."""
    return parse_date(text, what) if text and text.strip() else None


def parse_time(text: str, what: str = "Time") -> dt.time:
    """The time typed as ``HH:MM`` (24-hour); refused naming ``what`` when it is not one."""
    found = TIME.fullmatch(text.strip())
    if found is None:
        raise UsageError(
            f"{what}: '{text.strip()}' is not a time; write it as HH:MM (24-hour), e.g. 14:00."
        )
    return dt.time(int(found.group(1)), int(found.group(2)))
