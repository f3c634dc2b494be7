"""The decisions and forward-plan listings find their meetings by one search of the
archive's files, then read only those: each listing must still see every meeting it
concerns, whichever of the two kinds of line the meeting has."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from workflow.services.decisions import Decisions
from workflow.services.meetings import Meetings
from workflow.services.workspace import Workspace

MEETING = "cabinet-member-housing/2026-11-09"


def test_a_key_decision_without_a_record_is_on_the_forward_plan(archive: Path) -> None:
    with Workspace.open(archive, create=False) as service:
        meeting = Meetings(service).load(MEETING)
        keyed = [it.printed_title for it in meeting.items if it.key_decision is not None]
        assert keyed
        items = tuple(dataclasses.replace(it, decision_record=None) for it in meeting.items)
        Meetings(service).save(dataclasses.replace(meeting, items=items), based_on=service.head(), message="Records taken out")
        assert "decision_record:" not in (archive / "meetings" / MEETING / "meeting.yaml").read_text()
        plan = Decisions(service).forward_plan(today=dt.date(2026, 10, 1)).rows
        assert Decisions(service).decisions().rows == ()
    assert {entry.meeting for entry in plan} == {MEETING}
    assert {entry.title for entry in plan} == set(keyed)


def test_the_listings_match_reading_every_meeting(archive: Path) -> None:
    from workflow.rules import decisions

    with Workspace.open(archive, create=False) as service:
        everything = [Meetings(service).load(m) for m in Meetings(service).meeting_ids()]
        day = dt.date(2026, 10, 1)
        expected = decisions.decision_status(everything, day)
        listed = Decisions(service).decisions(today=day).rows
        assert [(s.meeting, s.item) for s in expected] == [(r.meeting, r.item) for r in listed]
