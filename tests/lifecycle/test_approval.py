"""Approval at a later meeting, the lock on approved minutes, and recorded amendments."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from workflow.errors import Refused
from workflow.record.model import ItemKind, Meeting, Paragraph, Status
from workflow.rules.approval import amend, approve, check_edit

from .builders import meeting, recorded, replace_item, settings

D = dt.date
TODAY = D(2026, 2, 4)
MEETING_DAY = D(2026, 1, 6)
NEXT_MEETING_DAY = D(2026, 2, 3)


def circulated(date: dt.date = MEETING_DAY, first: int = 31) -> Meeting:
    return recorded(meeting(date, Status.MINUTES_CIRCULATED, first=first))


def next_meeting(date: dt.date = NEXT_MEETING_DAY) -> Meeting:
    return meeting(date, Status.MINUTES_DRAFT, first=40)


def approved(m: Meeting | None = None) -> Meeting:
    return approve(m or circulated(), at=next_meeting(), today=TODAY).meeting


def test_approval_is_recorded_against_the_approving_meeting() -> None:
    minutes, at = circulated(), next_meeting()
    result = approve(minutes, at=at, today=TODAY, settings=settings())
    assert result.meeting.status is Status.MINUTES_APPROVED
    assert result.meeting.approval is not None
    assert result.meeting.approval.at == "scrutiny-board-2/2026-02-03"
    assert result.meeting.approval.on == D(2026, 2, 3)
    assert result.meeting.approval.minute == "41"
    assert not result.meeting.approval.other_body
    assert result.meeting.items == minutes.items
    item = result.at.item("minutes")
    assert item.approves == ("scrutiny-board-2/2026-01-06",)
    assert item.wording == (
        "a)  To agree the minutes of the meeting held on 6 January 2026",
        "b)  Matters Arising",
    )
    assert result.at.status is Status.MINUTES_DRAFT
    assert [it for it in result.at.items if it.uid != "minutes"] == [
        it for it in at.items if it.uid != "minutes"
    ]
    event = result.event
    assert event.summary == (
        "Minutes approved at Education and Children's Services Scrutiny Board (2) on "
        "3 February 2026 (minute 41/25)"
    )
    assert event.tag == "scrutiny-board-2/2026-01-06/minutes-approved"
    assert (event.from_status, event.to_status) == (
        Status.MINUTES_CIRCULATED, Status.MINUTES_APPROVED
    )


def test_published_draft_minutes_can_be_approved() -> None:
    minutes = dataclasses.replace(circulated(), status=Status.MINUTES_PUBLISHED)
    assert approve(minutes, at=next_meeting(), today=TODAY).meeting.status is (
        Status.MINUTES_APPROVED
    )


def test_one_minutes_item_can_approve_two_meetings() -> None:
    first = approve(circulated(D(2026, 1, 6)), at=next_meeting(), today=TODAY)
    special = recorded(meeting(D(2026, 1, 20), Status.MINUTES_CIRCULATED, first=38))
    second = approve(special, at=first.at, today=TODAY)
    item = second.at.item("minutes")
    assert item.approves == ("scrutiny-board-2/2026-01-06", "scrutiny-board-2/2026-01-20")
    assert item.wording[0] == (
        "a)  To agree the minutes of the meetings held on 6 January 2026 and 20 January 2026"
    )
    again = approve(special, at=second.at, today=TODAY)
    assert again.at.item("minutes").approves == item.approves


def test_a_postponed_meeting_is_cited_by_its_actual_date() -> None:
    moved = dataclasses.replace(circulated(), date=D(2026, 1, 13))
    result = approve(moved, at=next_meeting(), today=TODAY)
    assert result.at.item("minutes").wording[0].endswith("held on 13 January 2026")


def test_a_minutes_item_without_the_wording_gets_it() -> None:
    at = replace_item(next_meeting(), "minutes", wording=())
    result = approve(circulated(), at=at, today=TODAY)
    assert result.at.item("minutes").wording == (
        "To agree the minutes of the meeting held on 6 January 2026",
    )


def test_another_body_may_approve_only_when_stated() -> None:
    council = meeting(D(2026, 2, 3), Status.MINUTES_DRAFT, slug="council",
                      name="Council")
    with pytest.raises(Refused) as refused:
        approve(circulated(), at=council, today=TODAY)
    assert refused.value.message == (
        "council/2026-02-03 is a meeting of Council, not of Education and Children's "
        "Services Scrutiny Board (2); add --other-body if the council's rules let that "
        "body approve these minutes."
    )
    result = approve(circulated(), at=council, other_body=True, today=TODAY)
    assert result.meeting.approval is not None
    assert result.meeting.approval.other_body
    assert result.at.item("minutes").wording[0] == (
        "a)  To agree the minutes of the meeting of Education and Children's Services "
        "Scrutiny Board (2) held on 6 January 2026"
    )
    assert result.event.summary.startswith("Minutes approved at Council on 3 February 2026")


@pytest.mark.parametrize(
    ("minutes", "at", "message"),
    [
        (recorded(meeting(D(2026, 1, 6), Status.MINUTES_DRAFT)), next_meeting(),
         "circulate them first"),
        (circulated(), next_meeting(D(2026, 3, 3)), "has not happened yet (it is on 3 March 2026)"),
        (circulated(D(2026, 1, 6)), next_meeting(D(2025, 12, 9)), "took place before"),
        (circulated(), circulated(), "cannot be approved at their own meeting"),
        (circulated(), dataclasses.replace(next_meeting(), status=Status.MINUTES_APPROVED),
         "cannot record this approval"),
        (circulated(), dataclasses.replace(next_meeting(), status=Status.CANCELLED),
         "was cancelled, so it approved nothing"),
        (circulated(), dataclasses.replace(next_meeting(), status=Status.AGENDA_DRAFT),
         "has not been held: its agenda is still a draft"),
        (circulated(), dataclasses.replace(next_meeting(D(2026, 3, 3)), status=Status.AGENDA_PUBLISHED),
         "has not happened yet (it is on 3 March 2026)"),
    ],
)
def test_approval_refusals(minutes: Meeting, at: Meeting, message: str) -> None:
    with pytest.raises(Refused, match=re.escape(message)):
        approve(minutes, at=at, today=TODAY)


def test_the_approving_meeting_needs_a_minutes_item() -> None:
    at = next_meeting()
    at = dataclasses.replace(at, items=tuple(i for i in at.items if i.kind is not ItemKind.MINUTES))
    with pytest.raises(Refused, match="has no Minutes item"):
        approve(circulated(), at=at, today=TODAY)


def test_approval_subject_to_corrections_applies_them() -> None:
    corrections = [
        ("items[2].body[0].text", "The Board received a briefing note on corporate parenting."),
        ("items[2].title", "Corporate Parenting and the Corporate Parenting Board"),
    ]
    result = approve(circulated(), at=next_meeting(), subject_to=corrections, today=TODAY)
    item = result.meeting.items[2]
    assert item.title == "Corporate Parenting and the Corporate Parenting Board"
    assert item.body == (Paragraph(text=corrections[0][1]),)
    assert result.meeting.approval is not None
    assert result.meeting.approval.subject_to == (
        'items[2].body[0].text to read "The Board received a briefing note on corporate '
        'parenting."; items[2].title to read "Corporate Parenting and the Corporate '
        'Parenting Board"'
    )
    assert result.event.summary.endswith(", subject to corrections")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("items[9].title", "names no text"),
        ("items[2].bogus", "names no text"),
        ("items[2].kind", "does not name a piece of text"),
        ("items[2].report.author.x", "names no text"),
        ("status", "does not name a piece of text"),
        ("items[0].planning.site", "names no text"),
    ],
)
def test_a_correction_that_names_no_text_is_refused(path: str, message: str) -> None:
    with pytest.raises(Refused, match=re.escape(f"'{path}'") + f".*{message}"):
        approve(circulated(), at=next_meeting(), subject_to=[(path, "x")], today=TODAY)


def test_approval_subject_to_a_corrected_record() -> None:
    minutes = circulated()
    corrected = replace_item(minutes, "corporate-parenting", title="Corporate Parenting")
    corrected = dataclasses.replace(corrected, status=Status.AGENDA_DRAFT)
    result = approve(minutes, at=next_meeting(), subject_to=corrected, today=TODAY)
    assert result.meeting.item("corporate-parenting").title == "Corporate Parenting"
    assert result.meeting.status is Status.MINUTES_APPROVED
    assert result.meeting.approval is not None
    assert result.meeting.approval.subject_to == "item 3 'Corporate Parenting' changed"
    other = dataclasses.replace(corrected, id="scrutiny-board-2/2026-01-07")
    with pytest.raises(Refused, match="is for scrutiny-board-2/2026-01-07"):
        approve(minutes, at=next_meeting(), subject_to=other, today=TODAY)


# --------------------------------------------------------------------------- locking


def test_approved_minutes_are_locked_against_plain_edits() -> None:
    locked = approved()
    changed = replace_item(locked, "corporate-parenting", title="Something else")
    with pytest.raises(Refused) as refused:
        check_edit(locked, changed)
    assert refused.value.message == (
        "The minutes of scrutiny-board-2/2026-01-06 were approved at "
        "scrutiny-board-2/2026-02-03 on 3 February 2026 and are locked; record the change "
        "as an amendment (minutebook amend scrutiny-board-2/2026-01-06 --reason TEXT "
        "--from FILE)."
    )
    check_edit(locked, locked)


def test_the_lock_covers_status_approval_and_the_amendment_history() -> None:
    locked = approved()
    amended, _ = amend(locked, new=replace_item(locked, "aob", title="AOB"), reason="Typo",
                       by="Test Clerk", today=TODAY)
    check_edit(locked, amended)
    for attempt in (
        dataclasses.replace(amended, amendments=()),
        dataclasses.replace(amended, status=Status.MINUTES_DRAFT),
        dataclasses.replace(amended, approval=None),
        dataclasses.replace(locked, status=Status.MINUTES_CIRCULATED),
    ):
        with pytest.raises(Refused, match="are locked"):
            check_edit(locked, attempt)
    with pytest.raises(Refused, match="are locked"):
        check_edit(amended, dataclasses.replace(amended, amendments=amended.amendments[:0]))


def test_a_plain_save_cannot_approve_minutes() -> None:
    draft = circulated()
    sneaky = dataclasses.replace(approved(draft), status=Status.MINUTES_CIRCULATED)
    for attempt in (dataclasses.replace(draft, status=Status.MINUTES_APPROVED), sneaky):
        with pytest.raises(Refused, match="approved only by recording the meeting"):
            check_edit(draft, attempt)


def test_edits_before_approval_pass_and_cancelled_meetings_do_not_change() -> None:
    draft = circulated()
    check_edit(draft, replace_item(draft, "aob", title="AOB"))
    cancelled = dataclasses.replace(meeting(), status=Status.CANCELLED)
    check_edit(cancelled, cancelled)
    with pytest.raises(Refused, match="was cancelled and cannot be changed"):
        check_edit(cancelled, dataclasses.replace(cancelled, venue="Diamond Room 2"))


def test_an_amendment_is_recorded_with_who_when_why_and_authority() -> None:
    locked = approved()
    new = replace_item(locked, "corporate-parenting", title="Corporate Parenting (amended)")
    new = dataclasses.replace(new, status=Status.MINUTES_DRAFT, amendments=(), approval=None)
    result, event = amend(
        locked, new=new, reason="Title misprinted", by="Test Clerk",
        authority="Minute 52/25 of the Scrutiny Board on 3 March 2026", today=D(2026, 3, 4),
    )
    assert result.status is Status.MINUTES_APPROVED
    assert result.approval == locked.approval
    assert result.item("corporate-parenting").title == "Corporate Parenting (amended)"
    (record,) = result.amendments
    assert (record.on, record.by, record.reason, record.authority) == (
        D(2026, 3, 4), "Test Clerk", "Title misprinted",
        "Minute 52/25 of the Scrutiny Board on 3 March 2026",
    )
    assert record.summary == "item 3 'Corporate Parenting (amended)' changed"
    assert event.summary == "Approved minutes amended: Title misprinted"
    assert event.tag == "scrutiny-board-2/2026-01-06/amendment-1"
    second, event = amend(result, new=dataclasses.replace(result, venue="Diamond Room 1"),
                          reason="Venue", by="Test Clerk", today=D(2026, 3, 5))
    assert second.amendments[0] == record
    assert second.amendments[1].summary == "venue"
    assert event.tag.endswith("/amendment-2")


@pytest.mark.parametrize(
    ("changes", "reason", "by", "message"),
    [
        ({"venue": "Room 2"}, " ", "Test Clerk", "Give the reason"),
        ({"venue": "Room 2"}, "Typo", "", "Say who is making the amendment"),
        ({}, "Typo", "Test Clerk", "is the same as the approved minutes"),
        ({"id": "scrutiny-board-2/2026-01-07"}, "Typo", "Test Clerk", "load the right file"),
    ],
)
def test_amendment_refusals(changes: dict[str, str], reason: str, by: str, message: str) -> None:
    locked = approved()
    new = dataclasses.replace(locked, **changes)  # type: ignore[arg-type]
    with pytest.raises(Refused, match=message):
        amend(locked, new=new, reason=reason, by=by, today=TODAY)


def test_minutes_not_yet_approved_are_edited_not_amended() -> None:
    draft = circulated()
    with pytest.raises(Refused, match="edit and save them instead"):
        amend(draft, new=dataclasses.replace(draft, venue="x"), reason="r", by="b", today=TODAY)
