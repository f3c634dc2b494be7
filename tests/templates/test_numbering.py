"""Municipal years, running-on numbers, renumbering, resolution labels and minute references."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workflow.errors import MinutebookError
from workflow.record.model import Item, ItemKind, Meeting, Resolution, Status
from workflow.record.numbering import (
    LABEL_SCHEMES,
    MinuteRef,
    find_minute_refs,
    first_number,
    highest_number,
    minute_ref_for,
    municipal_year,
    relabel,
    renumber,
    resolution_label,
)
from workflow.settings import Settings


def _meeting(date: dt.date, count: int, *, first: int = 0, status: Status = Status.AGENDA_DRAFT) -> Meeting:
    items = tuple(Item(uid=f"i{n}", title=f"Item {n}") for n in range(1, count + 1))
    meeting = Meeting(id=f"board/{date.isoformat()}", committee="board", date=date, items=items, status=status)
    return renumber(meeting, first) if first else meeting


# ------------------------------------------------------------------ municipal year


def test_municipal_year_runs_from_the_annual_meeting_in_may() -> None:
    assert municipal_year(dt.date(2018, 4, 26)) == (dt.date(2017, 5, 1), dt.date(2018, 4, 30))
    assert municipal_year(dt.date(2018, 5, 1)) == (dt.date(2018, 5, 1), dt.date(2019, 4, 30))
    assert municipal_year(dt.date(2018, 6, 21), "05-17") == (dt.date(2018, 5, 17), dt.date(2019, 5, 16))


@pytest.mark.parametrize("start", ["13-01", "5-1", "02-30", "May"])
def test_a_bad_annual_meeting_date_is_one_sentence(start: str) -> None:
    with pytest.raises(MinutebookError, match=rf"'{start}' is not a month and day \(use MM-DD"):
        municipal_year(dt.date(2018, 6, 1), start)


# ------------------------------------------------------------------ first numbers (seed facts)


def test_numbers_run_on_through_the_year_as_in_the_seeds() -> None:
    june = _meeting(dt.date(2017, 6, 29), 4, first=1)
    july = _meeting(dt.date(2017, 7, 13), 6, first=first_number([june], dt.date(2017, 7, 13)))
    assert [it.minute_number for it in july.items] == ["5", "6", "7", "8", "9", "10"]
    september = _meeting(dt.date(2017, 9, 14), 7, first=11)
    assert first_number([june, july, september], dt.date(2017, 10, 12)) == 18


def test_numbers_restart_after_the_may_boundary() -> None:
    april = _meeting(dt.date(2018, 4, 26), 9, first=30)
    assert first_number([april], dt.date(2018, 6, 21)) == 1
    assert first_number([april], dt.date(2018, 4, 30)) == 39


def test_a_configured_annual_meeting_date_moves_the_boundary() -> None:
    early_may = _meeting(dt.date(2018, 5, 10), 3, first=40)
    assert first_number([early_may], dt.date(2018, 5, 24), "05-01") == 43
    assert first_number([early_may], dt.date(2018, 5, 24), "05-17") == 1


def test_cancelled_and_later_meetings_do_not_count() -> None:
    cancelled = _meeting(dt.date(2018, 7, 1), 5, first=1, status=Status.CANCELLED)
    later = _meeting(dt.date(2018, 9, 1), 5, first=1)
    assert first_number([cancelled, later], dt.date(2018, 8, 1)) == 1


def test_agenda_numbers_are_counted_separately_from_minute_numbers() -> None:
    june = _meeting(dt.date(2018, 6, 21), 3)
    june = renumber(june, 4, agenda_first=1)
    assert [it.agenda_number for it in june.items] == ["1", "2", "3"]
    assert [it.minute_number for it in june.items] == ["4", "5", "6"]
    assert first_number([june], dt.date(2018, 7, 1), which="agenda") == 4
    assert first_number([june], dt.date(2018, 7, 1)) == 7


def test_stored_numbers_do_not_change_when_an_earlier_meeting_changes() -> None:
    june = _meeting(dt.date(2018, 6, 21), 4, first=1)
    july = _meeting(dt.date(2018, 7, 12), 3, first=first_number([june], dt.date(2018, 7, 12)))
    assert [it.minute_number for it in july.items] == ["5", "6", "7"]
    june_grown = renumber(dataclasses.replace(june, items=(*june.items, Item(uid="i9", title="Late"))), 1)
    assert [it.minute_number for it in july.items] == ["5", "6", "7"]
    again = renumber(july, first_number([june_grown], july.date))
    assert [it.minute_number for it in again.items] == ["6", "7", "8"]


@st.composite
def _year_of_meetings(draw: st.DrawFn) -> list[tuple[dt.date, int]]:
    days = draw(st.lists(st.integers(0, 3 * 366), min_size=2, max_size=14, unique=True))
    counts = draw(st.lists(st.integers(1, 9), min_size=len(days), max_size=len(days)))
    return [(dt.date(2016, 1, 1) + dt.timedelta(days=d), c) for d, c in zip(sorted(days), counts, strict=True)]


@given(_year_of_meetings())
def test_minute_numbers_rise_through_a_year_and_restart_at_the_boundary(plan: list[tuple[dt.date, int]]) -> None:
    made: list[Meeting] = []
    for date, count in plan:
        made.append(_meeting(date, count, first=first_number(made, date)))
    for before, after in zip(made, made[1:], strict=False):
        first_after = int(after.items[0].minute_number)
        if municipal_year(before.date) == municipal_year(after.date):
            assert first_after == int(before.items[-1].minute_number) + 1
        else:
            assert first_after == 1
    for meeting in made:
        numbers = [int(it.minute_number) for it in meeting.items]
        assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))


# ------------------------------------------------------------------ renumber


def test_renumber_numbers_in_order_and_leaves_opening_announcements_unnumbered() -> None:
    items = (
        Item(uid="announcements", kind=ItemKind.ANNOUNCEMENTS, title="Announcements"),
        Item(uid="declarations", kind=ItemKind.DECLARATIONS, agenda_number="9", minute_number="9"),
        Item(uid="i1", title="Budget", agenda_number="3", minute_number="3"),
        Item(uid="i2", kind=ItemKind.ANNOUNCEMENTS, title="Later announcement"),
    )
    meeting = renumber(Meeting(id="c/2026-01-14", committee="c", date=dt.date(2026, 1, 14), items=items), 12)
    assert [(it.agenda_number, it.minute_number) for it in meeting.items] == [
        ("", ""), ("12", "12"), ("13", "13"), ("14", "14"),
    ]


def test_a_numbered_announcements_item_keeps_being_numbered() -> None:
    items = (Item(uid="a", kind=ItemKind.ANNOUNCEMENTS, agenda_number="1", minute_number="1"),)
    meeting = renumber(Meeting(id="c/2026-01-14", committee="c", date=dt.date(2026, 1, 14), items=items), 5)
    assert meeting.items[0].minute_number == "5"


def test_renumber_refuses_a_start_below_one() -> None:
    with pytest.raises(MinutebookError, match="start at 1 or more, not 0"):
        renumber(_meeting(dt.date(2026, 1, 14), 2), 0)
    with pytest.raises(MinutebookError, match="start at 1 or more, not -1"):
        renumber(_meeting(dt.date(2026, 1, 14), 2), 3, agenda_first=-1)


def test_highest_number_reads_prefixed_and_plain_numbers() -> None:
    items = (Item(uid="a", minute_number="PLA146"), Item(uid="b", agenda_number="12"), Item(uid="c"))
    assert highest_number(items) == 146
    assert highest_number(()) == 0


# ------------------------------------------------------------------ labels


@pytest.mark.parametrize(
    ("scheme", "expected"),
    [
        ("(a)", ["(a)", "(b)", "(c)"]),
        ("a)", ["a)", "b)", "c)"]),
        ("1)", ["1)", "2)", "3)"]),
        ("1.", ["1.", "2.", "3."]),
        ("(i)", ["(i)", "(ii)", "(iii)"]),
        ("none", ["", "", ""]),
    ],
)
def test_resolution_labels(scheme: str, expected: list[str]) -> None:
    assert [resolution_label(i, scheme) for i in range(3)] == expected


def test_labels_beyond_the_alphabet_and_roman_numerals() -> None:
    assert resolution_label(25, "(a)") == "(z)"
    assert resolution_label(26, "(a)") == "(aa)"
    assert resolution_label(8, "(i)") == "(ix)"
    assert resolution_label(13, "(i)") == "(xiv)"


def test_nested_labels_go_a_then_i_then_number() -> None:
    assert [resolution_label(1, "(a)", depth) for depth in range(3)] == ["(b)", "(ii)", "2."]
    assert resolution_label(0, "1.", 1) == "(a)"


def test_an_unknown_scheme_is_one_sentence() -> None:
    with pytest.raises(MinutebookError, match=r"'\[a\]' is not a resolution label scheme; use one of"):
        resolution_label(0, "[a]")
    assert set(LABEL_SCHEMES) == {"(a)", "a)", "1)", "1.", "(i)", "none"}


def test_relabel_assigns_labels_in_order_with_nested_levels() -> None:
    resolutions = (
        Resolution(label="(z)", text="Note the report."),
        Resolution(text="Ask for:", children=(Resolution(text="a briefing"), Resolution(text="a visit"))),
    )
    out = relabel(resolutions, "(a)")
    assert [r.label for r in out] == ["(a)", "(b)"]
    assert [r.label for r in out[1].children] == ["(i)", "(ii)"]
    assert [r.text for r in out] == ["Note the report.", "Ask for:"]


def test_a_single_resolution_takes_no_label() -> None:
    assert relabel((Resolution(label="(a)", text="Noted."),), "(a)")[0].label == ""


# ------------------------------------------------------------------ minute references


def test_minute_refs_in_the_default_format() -> None:
    ref = MinuteRef.parse("14/17")
    assert ref == MinuteRef(14, 2017)
    assert ref.format() == "14/17"
    assert MinuteRef.parse(" 3/19 ").year == 2019


def test_minute_refs_with_a_prefix() -> None:
    fmt = "{prefix}{number}/{yy}"
    assert MinuteRef.parse("PLA146/14", fmt) == MinuteRef(146, 2014)
    assert MinuteRef.parse("PLA146/14", fmt, prefix="PLA") == MinuteRef(146, 2014)
    assert MinuteRef(146, 2014).format(fmt, prefix="PLA") == "PLA146/14"
    with pytest.raises(MinutebookError, match="'LIC146/14' is not a minute reference like PLA14/17"):
        MinuteRef.parse("LIC146/14", fmt, prefix="PLA")


def test_four_digit_years() -> None:
    assert MinuteRef.parse("7/2026", "{number}/{yyyy}") == MinuteRef(7, 2026)
    assert MinuteRef(7, 2026).format("Minute {number} ({yyyy})") == "Minute 7 (2026)"


@pytest.mark.parametrize("fmt", ["{num}/{yy}", "{yy}", "N/{yy}"])
def test_a_bad_format_is_one_sentence(fmt: str) -> None:
    with pytest.raises(MinutebookError, match=r"The minute reference format .* needs \{number\}"):
        MinuteRef(1, 2020).format(fmt)


def test_find_minute_refs_in_prose() -> None:
    text = (
        "Further to Minute 14/17 'Children's Services Redesign' members asked for a seminar. "
        "Further to minute 3/19 the Board noted progress; see also Minutes 5/19, 6/19 and 7/19. "
        "The meeting on 12/10 was moved."
    )
    refs = find_minute_refs(text)
    assert refs == [MinuteRef(14, 2017), MinuteRef(3, 2019), MinuteRef(5, 2019), MinuteRef(6, 2019), MinuteRef(7, 2019)]


def test_find_prefixed_minute_refs() -> None:
    refs = find_minute_refs("Further to minute PLA146/14 the committee ...", "{prefix}{number}/{yy}")
    assert refs == [MinuteRef(146, 2014)]
    assert find_minute_refs("Further to minute 146/14", "{prefix}{number}/{yy}", prefix="PLA") == []


def test_minute_ref_for_uses_the_municipal_year_the_minute_was_taken_in() -> None:
    march = renumber(_meeting(dt.date(2018, 3, 15), 2), 40)
    june = renumber(_meeting(dt.date(2018, 6, 21), 2), 1)
    settings = Settings()
    assert minute_ref_for(march, march.items[1], settings) == "41/17"
    assert minute_ref_for(june, june.items[0], settings) == "1/18"
    planning = dataclasses.replace(settings, minute_ref_format="{prefix}{number}/{yy}")
    assert minute_ref_for(june, june.items[0], planning, prefix="PLA") == "PLA1/18"


def test_an_unnumbered_item_cannot_be_cited() -> None:
    meeting = _meeting(dt.date(2018, 6, 21), 1)
    with pytest.raises(MinutebookError, match="'Item 1' has no minute number"):
        minute_ref_for(meeting, meeting.items[0], Settings())
