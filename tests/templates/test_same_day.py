"""A second meeting on one day, and meetings that were never held: numbers run on from an
earlier meeting the same day, and the next Minutes item names only meetings that were (or
will be) held on an earlier day, each date once."""

from __future__ import annotations

import dataclasses
import datetime as dt

from workflow.drafting.meeting_templates import load_template
from workflow.drafting.new_meeting import draft_meeting
from workflow.record.model import Committee, Item, Meeting, Status
from workflow.record.numbering import renumber
from workflow.rules.followup import minutes_wording
from workflow.settings import Settings

BOARD = Committee(slug="board", name="Scrutiny Board", template="scrutiny-board")
DAY = dt.date(2027, 1, 14)


def _meeting(meeting_id: str, date: dt.date, first: int, status: Status) -> Meeting:
    items = tuple(Item(uid=f"i{n}", title=f"Business {n}") for n in range(1, 4))
    meeting = Meeting(id=meeting_id, committee="board", date=date, items=items, status=status)
    return renumber(meeting, first)


def _new(date: dt.date, previous: tuple[Meeting, ...], *, meeting_id: str | None = None,
         today: dt.date | None = None) -> Meeting:
    return draft_meeting(template=load_template("scrutiny-board"), committee=BOARD, date=date, start=None,
                         people={}, previous=previous, settings=Settings(), meeting_id=meeting_id,
                         today=today)  # fmt: skip


def _agree(meeting: Meeting) -> str:
    return meeting.item("minutes").wording[0]


def test_a_second_meeting_that_day_numbers_on_from_the_first() -> None:
    first = _meeting("board/2027-01-14", DAY, 17, Status.AGENDA_DRAFT)
    second = _new(DAY, (first,), meeting_id="board/2027-01-14-2")
    assert second.items[0].minute_number == "20"
    assert "14 January 2027" not in _agree(second)


def test_a_draft_made_twice_is_not_named_once_the_other_is_held() -> None:
    october = _meeting("board/2026-10-22", dt.date(2026, 10, 22), 9, Status.MINUTES_APPROVED)
    held = _meeting("board/2027-01-14", DAY, 12, Status.MINUTES_CIRCULATED)
    stray = _meeting("board/2027-01-14-2", DAY, 15, Status.AGENDA_DRAFT)
    february = _new(dt.date(2027, 2, 11), (october, held, stray))
    assert february.item("minutes").approves == ("board/2027-01-14",)
    assert _agree(february).endswith("the meeting held on 14 January 2027")
    assert february.items[0].minute_number == "18"


def test_a_draft_whose_date_has_passed_is_not_named() -> None:
    october = _meeting("board/2026-10-22", dt.date(2026, 10, 22), 9, Status.MINUTES_CIRCULATED)
    lapsed = _meeting("board/2026-12-03", dt.date(2026, 12, 3), 12, Status.AGENDA_DRAFT)
    february = _new(dt.date(2027, 2, 11), (october, lapsed), today=dt.date(2027, 1, 20))
    assert february.item("minutes").approves == ("board/2026-10-22",)
    assert "3 December 2026" not in _agree(february)


def test_a_draft_still_to_be_held_is_approved_at_the_next_meeting() -> None:
    october = _meeting("board/2026-10-22", dt.date(2026, 10, 22), 9, Status.MINUTES_APPROVED)
    january = _meeting("board/2027-01-14", DAY, 12, Status.AGENDA_DRAFT)
    february = _new(dt.date(2027, 2, 11), (october, january), today=dt.date(2027, 1, 5))
    assert february.item("minutes").approves == ("board/2027-01-14",)


def test_two_meetings_held_on_one_day_are_named_by_that_day_once() -> None:
    morning = dataclasses.replace(_meeting("board/2027-01-14", DAY, 12, Status.MINUTES_CIRCULATED))
    evening = _meeting("board/2027-01-14-2", DAY, 15, Status.MINUTES_CIRCULATED)
    wording = minutes_wording([morning.id, evening.id], {morning.id: DAY, evening.id: DAY}, "board")
    assert wording == "To agree the minutes of the meetings held on 14 January 2027"
