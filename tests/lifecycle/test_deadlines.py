"""Clear working days, publication deadlines and call-in ends across holidays and weekends."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workflow.errors import MinutebookError
from workflow.rules.deadlines import (
    WorkingCalendar,
    add_clear_working_days,
    clear_days_between,
    is_on_time,
    latest_publication_date,
    working_days_calendar,
)
from workflow.text.dates import format_date

D = dt.date


def test_meeting_on_6_january_2026_looks_back_over_christmas_and_new_year(
    england: WorkingCalendar,
) -> None:
    meeting = D(2026, 1, 6)  # Tuesday
    # clear days counted back: Mon 5 Jan, Fri 2 Jan, Wed 31, Tue 30, Mon 29 Dec;
    # 1 Jan, 25 and 26 Dec are bank holidays and 27/28 Dec a weekend
    assert latest_publication_date(meeting, 5, england) == D(2025, 12, 24)
    assert clear_days_between(D(2025, 12, 24), meeting, england) == 5
    assert clear_days_between(D(2025, 12, 29), meeting, england) == 4
    assert is_on_time(D(2025, 12, 24), meeting, 5, england)
    assert not is_on_time(D(2025, 12, 29), meeting, 5, england)
    assert format_date(latest_publication_date(meeting, 5, england), "deadline") == "Wed 24 Dec"


def test_publishing_on_the_sunday_before_still_counts_but_the_deadline_is_a_working_day(
    england: WorkingCalendar,
) -> None:
    assert is_on_time(D(2025, 12, 28), D(2026, 1, 6), 5, england)
    assert england.is_working_day(latest_publication_date(D(2026, 1, 6), 5, england))


def test_observed_boxing_day_2026_is_skipped(england: WorkingCalendar) -> None:
    # Boxing Day 2026 is a Saturday; the bank holiday is Monday 28 December
    assert england.holiday(D(2026, 12, 28)) != ""
    # Tue 5 Jan 2027 back: Mon 4 Jan, Thu 31, Wed 30, Tue 29, Thu 24 Dec
    assert latest_publication_date(D(2027, 1, 5), 5, england) == D(2026, 12, 23)


@pytest.mark.parametrize(
    ("meeting", "latest", "too_late"),
    [
        # Good Friday 3 April, Easter Monday 6 April 2026
        (D(2026, 4, 7), D(2026, 3, 26), D(2026, 3, 27)),  # Tue: Thu 2 .. Fri 27 Mar
        (D(2026, 4, 8), D(2026, 3, 27), D(2026, 3, 30)),  # Wed: Tue 7, Thu 2 .. Mon 30
        (D(2026, 12, 4), D(2026, 11, 26), D(2026, 11, 27)),  # Fri: a plain week back
    ],
)
def test_five_clear_days_around_easter_and_weekends(
    england: WorkingCalendar, meeting: dt.date, latest: dt.date, too_late: dt.date
) -> None:
    assert latest_publication_date(meeting, 5, england) == latest
    assert clear_days_between(latest, meeting, england) == 5
    assert clear_days_between(too_late, meeting, england) == 4
    assert not is_on_time(too_late, meeting, 5, england)


def test_the_easter_deadline_reads_as_a_clerk_expects(england: WorkingCalendar) -> None:
    assert format_date(latest_publication_date(D(2026, 12, 4), 5, england), "deadline") == "Thu 26 Nov"


def test_three_clear_days_for_a_parish_council_in_england_and_scotland() -> None:
    england = working_days_calendar("GB", "ENG")
    scotland = working_days_calendar("GB", "SCT")
    meeting = D(2026, 1, 8)  # Thursday: Wed 7, Tue 6, Mon 5 are the clear days
    assert latest_publication_date(meeting, 3, england) == D(2026, 1, 2)
    # in Scotland 2 January is a holiday too, and so is New Year's Day
    assert scotland.holiday(D(2026, 1, 2)) != ""
    assert england.holiday(D(2026, 1, 2)) == ""
    assert latest_publication_date(meeting, 3, scotland) == D(2025, 12, 31)
    assert clear_days_between(D(2025, 12, 31), meeting, scotland) == 3
    assert clear_days_between(D(2025, 12, 31), meeting, england) == 4


def test_call_in_ends_after_n_clear_working_days(england: WorkingCalendar) -> None:
    assert add_clear_working_days(D(2026, 1, 5), 5, england) == D(2026, 1, 12)
    # published Wed 23 Dec 2026: Thu 24, Tue 29, Wed 30, Thu 31, Mon 4 Jan 2027
    assert add_clear_working_days(D(2026, 12, 23), 5, england) == D(2027, 1, 4)
    assert add_clear_working_days(D(2026, 1, 5), 0, england) == D(2026, 1, 5)


def test_no_clear_days_when_publication_is_not_before_the_meeting(
    england: WorkingCalendar,
) -> None:
    assert clear_days_between(D(2026, 1, 6), D(2026, 1, 6), england) == 0
    assert clear_days_between(D(2026, 1, 9), D(2026, 1, 6), england) == 0
    assert clear_days_between(D(2026, 1, 5), D(2026, 1, 6), england) == 0
    assert not is_on_time(D(2026, 1, 6), D(2026, 1, 6), 0, england)
    assert latest_publication_date(D(2026, 1, 6), 0, england) == D(2026, 1, 5)


def test_dates_read_in_english(england: WorkingCalendar) -> None:
    assert format_date(D(2026, 1, 6), "deadline") == "Tue 6 Jan"
    assert format_date(D(2027, 2, 11)) == "11 February 2027"


@pytest.mark.parametrize(
    ("country", "region", "field"),
    [("XX", "", "holiday_country"), ("GB", "ZZZ", "holiday_subdivision")],
)
def test_unknown_holiday_regions_are_named(country: str, region: str, field: str) -> None:
    with pytest.raises(MinutebookError) as refused:
        working_days_calendar(country, region)
    assert refused.value.message.startswith(f"{field}: ")
    if field == "holiday_subdivision":
        assert "SCT" in refused.value.message


def test_negative_day_counts_are_refused(england: WorkingCalendar) -> None:
    with pytest.raises(MinutebookError, match="clear_days"):
        latest_publication_date(D(2026, 1, 6), -1, england)
    with pytest.raises(MinutebookError, match="call_in_days"):
        add_clear_working_days(D(2026, 1, 6), -1, england)


@given(
    meeting=st.dates(min_value=D(2024, 6, 1), max_value=D(2028, 6, 1)),
    clear=st.integers(min_value=0, max_value=12),
)
def test_the_latest_date_is_the_last_one_on_time(
    england: WorkingCalendar, meeting: dt.date, clear: int
) -> None:
    latest = latest_publication_date(meeting, clear, england)
    assert england.is_working_day(latest)
    assert is_on_time(latest, meeting, clear, england)
    later = latest + dt.timedelta(days=1)
    while not england.is_working_day(later):
        later += dt.timedelta(days=1)
    assert not is_on_time(later, meeting, clear, england)


@given(
    start=st.dates(min_value=D(2024, 6, 1), max_value=D(2028, 6, 1)),
    n=st.integers(min_value=1, max_value=15),
)
def test_call_in_end_leaves_exactly_n_clear_days(
    england: WorkingCalendar, start: dt.date, n: int
) -> None:
    end = add_clear_working_days(start, n, england)
    assert england.is_working_day(end)
    assert clear_days_between(start, end + dt.timedelta(days=1), england) == n
