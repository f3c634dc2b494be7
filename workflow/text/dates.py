"""Dates and times as the clerk types them and as minutebook writes them.

Lives here: the one reader of a typed date (:func:`read_date`, ``YYYY-MM-DD``) and time
(:func:`read_time`, ``HH:MM``), which never raise: they return the value or the sentence
saying what is wrong, naming the field; :func:`parse_date` and :func:`parse_time` are the
same readers for the command line, where a bad value refuses the command. And the one
formatter (:func:`format_date`) with the few forms minutebook uses, written from fixed
English tables whatever the machine's locale.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from workflow.errors import UsageError
from workflow.text.prose import quoted

__all__ = [
    "MONTHS", "TIME", "WEEKDAYS", "DateForm", "format_date", "optional_date", "parse_date",
    "parse_time", "read_date", "read_time",
]  # fmt: skip

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

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


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


def read_date(text: str, what: str = "Date") -> tuple[dt.date | None, str]:
    """The date typed as ``YYYY-MM-DD`` and ``""``, or None and the sentence naming
    ``what`` and saying what is wrong (also None and ``""`` when nothing was typed).
    Never raises, whatever the text."""
    typed = text.strip()
    if not typed:
        return None, ""
    if _ISO_DATE.fullmatch(typed):
        try:
            return dt.date.fromisoformat(typed), ""
        except ValueError:
            pass
    return None, _not_a_date(typed, what)


def _not_a_date(typed: str, what: str) -> str:
    return f"{what}: {quoted(typed)} is not a date; write it as YYYY-MM-DD, e.g. 2027-01-14."


def _not_a_time(typed: str, what: str) -> str:
    return f"{what}: {quoted(typed)} is not a time; write it as HH:MM (24-hour), e.g. 14:00."


def read_time(text: str, what: str = "Time") -> tuple[dt.time | None, str]:
    """The time typed as ``HH:MM`` (24-hour) and ``""``, or None and the sentence naming
    ``what`` and saying what is wrong (also None and ``""`` when nothing was typed).
    Never raises, whatever the text."""
    typed = text.strip()
    if not typed:
        return None, ""
    found = TIME.fullmatch(typed) if typed.isascii() else None
    if found is None:
        return None, _not_a_time(typed, what)
    return dt.time(int(found.group(1)), int(found.group(2))), ""


def parse_date(text: str, what: str = "Date") -> dt.date:
    """The date typed as ``YYYY-MM-DD``; refused (:class:`UsageError`) naming ``what``
    when it is not one, or when nothing was typed."""
    day, problem = read_date(text, what)
    if day is None:
        raise UsageError(problem or _not_a_date("", what))
    return day


def optional_date(text: str | None, what: str = "Date") -> dt.date | None:
    """The date typed as ``YYYY-MM-DD``, or None when nothing was typed."""
    return parse_date(text, what) if text and text.strip() else None


def parse_time(text: str, what: str = "Time") -> dt.time:
    """The time typed as ``HH:MM`` (24-hour); refused (:class:`UsageError`) naming
    ``what`` when it is not one, or when nothing was typed."""
    value, problem = read_time(text, what)
    if value is None:
        raise UsageError(problem or _not_a_time("", what))
    return value
