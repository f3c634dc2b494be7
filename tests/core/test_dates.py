"""Dates have one parser and one formatter: typed dates and times refused naming the field,
and each printed form the same wherever it is used, whatever the machine's locale."""

from __future__ import annotations

import datetime as dt
import locale

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workflow.errors import UsageError
from workflow.text.dates import format_date, parse_date, parse_time

DAY = dt.date(2017, 10, 12)


@pytest.mark.parametrize(("form", "shown"), [
    ("document", "Thursday, 12 October 2017"),
    ("heading", "Thursday 12 October 2017"),
    ("text", "12 October 2017"),
    ("screen", "Thu 12 Oct 2017"),
    ("deadline", "Thu 12 Oct"),
])
def test_each_form(form: str, shown: str) -> None:
    assert format_date(DAY, form) == shown  # type: ignore[arg-type]


def test_the_forms_are_english_whatever_the_locale() -> None:
    for name in ("de_DE.UTF-8", "fr_FR.UTF-8", "C.UTF-8"):
        try:
            locale.setlocale(locale.LC_TIME, name)
        except locale.Error:
            continue
        try:
            assert format_date(DAY, "document") == "Thursday, 12 October 2017"
        finally:
            locale.setlocale(locale.LC_TIME, "C")


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_a_written_date_reads_back(day: dt.date) -> None:
    assert parse_date(day.isoformat()) == day
    assert format_date(day, "document") == f"{day:%A}, {day.day} {day:%B %Y}"


@pytest.mark.parametrize("text", ["14/02/2027", "2027-02-30", "", "tomorrow"])
def test_a_date_that_is_not_one_is_refused_naming_the_field(text: str) -> None:
    with pytest.raises(UsageError) as refused:
        parse_date(text, "--date")
    assert refused.value.message.startswith(f"--date: '{text.strip()}' is not a date")


@pytest.mark.parametrize(("text", "read"), [("14:00", dt.time(14)), ("9:05", dt.time(9, 5)), (" 23:59 ", dt.time(23, 59))])
def test_times_read_as_24_hour(text: str, read: dt.time) -> None:
    assert parse_time(text) == read


@pytest.mark.parametrize("text", ["2pm", "24:00", "14:60", "1400", ""])
def test_a_time_that_is_not_one_is_refused_naming_the_field(text: str) -> None:
    with pytest.raises(UsageError) as refused:
        parse_time(text, "Start time")
    assert refused.value.message.startswith(f"Start time: '{text.strip()}' is not a time")
