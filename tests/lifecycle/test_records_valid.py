"""What the lifecycle produces is a valid record: it passes the schema and round-trips YAML."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from schemas import ValidationContext, validate
from workflow.record import codec
from workflow.record.model import Action, Meeting, Status
from workflow.rules import approval
from workflow.rules import lifecycle as lc
from workflow.rules.deadlines import WorkingCalendar
from workflow.rules.followup import carry_forward

from .builders import PEOPLE, exempt_item, meeting, recorded, replace_item, settings, with_item

D = dt.date


def journey(calendar: WorkingCalendar) -> list[Meeting]:
    draft = with_item(meeting(), exempt_item("contract", 3))
    draft = replace_item(draft, "corporate-parenting", actions=(
        Action(text="Circulate the Cabinet report", owner="Scrutiny Co-ordinator"),))
    published, _ = lc.publish_agenda(draft, settings=settings(), calendar=calendar,
                                     published_on=D(2025, 12, 30), urgent_reason="Late report",
                                     today=D(2025, 12, 30))
    minutes, _ = lc.start_minutes(published)
    circulated, _ = lc.circulate(recorded(minutes))
    at = carry_forward([circulated], meeting(D(2026, 2, 3), Status.MINUTES_DRAFT, first=41))
    result = approval.approve(circulated, at=at, subject_to=[("items[2].title", "Corporate Parenting")],
                        today=D(2026, 2, 3))
    amended, _ = approval.amend(result.meeting, new=dataclasses.replace(result.meeting, venue="Room 2"),
                          reason="Venue misprinted", by="Test Clerk",
                          authority="Minute 52/25", today=D(2026, 3, 3))
    postponed, _ = lc.postpone(meeting(D(2026, 4, 7)), D(2026, 4, 14), "Purdah",
                               today=D(2026, 3, 1))
    cancelled, _ = lc.cancel(meeting(D(2026, 5, 5)), reason="No business", today=D(2026, 4, 1))
    return [published, circulated, result.meeting, result.at, amended, postponed, cancelled]


def test_every_record_along_the_way_is_valid_and_round_trips(england: WorkingCalendar) -> None:
    context = ValidationContext(people=frozenset(PEOPLE))
    for record in journey(england):
        report = validate("meeting", codec.encode(record), context=context)
        assert report.errors == (), (record.id, record.status, report.errors)
        public, exempt = codec.encode_meeting(record)
        assert codec.decode_meeting(public, exempt) == record


@pytest.mark.parametrize("index", [0, 1])
def test_the_exempt_item_stays_apart_in_the_public_file(
    england: WorkingCalendar, index: int
) -> None:
    record = journey(england)[index]
    public, exempt = codec.encode_meeting(record)
    assert exempt is not None
    assert "Contract award contract" not in public
    assert "Exclusion of Press and Public" in public
