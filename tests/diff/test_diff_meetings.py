"""diff_meetings: what a clerk sees changed between two versions of one meeting."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workflow.diff.changes import FieldChange, MeetingDiff
from workflow.diff.meetings import diff_meetings
from workflow.diff.words import WordOp
from workflow.errors import MinutebookError
from workflow.record.codec import decode, split_exempt
from workflow.record.model import (
    AttendanceState,
    Attendee,
    BulletList,
    Item,
    Meeting,
    Paragraph,
    Resolution,
    Role,
    Status,
)
from workflow.record.redaction import public_view

from .conftest import SECRET, make_meeting


def with_item(meeting: Meeting, which: str, **changes: object) -> Meeting:
    items = tuple(replace(i, **changes) if i.uid == which else i for i in meeting.items)
    return replace(meeting, items=items)


def amend_b(meeting: Meeting) -> Meeting:
    item = meeting.item("parenting")
    b = replace(item.resolutions[1], text="To recommend that external training be provided to "
                                          "all elected members.")
    return with_item(meeting, "parenting", resolutions=(item.resolutions[0], b))


def only(diff: MeetingDiff) -> FieldChange:
    changes = [c for d in diff.items for c in d.changes] + list(diff.fields) + list(diff.attendance)
    assert len(changes) == 1, changes
    return changes[0]


def test_the_same_version_gives_an_empty_diff(meeting: Meeting) -> None:
    diff = diff_meetings(meeting, replace(meeting))
    assert diff.is_empty
    assert diff.summary() == "No changes"
    assert diff.to_text() == "No changes to scrutiny-board-2/2018-06-21.\n"
    assert diff.to_json()["empty"] is True


def test_an_amended_resolution_names_the_item_and_label(meeting: Meeting) -> None:
    diff = diff_meetings(meeting, amend_b(meeting))
    assert diff.summary() == "Item 3: resolution (b) amended"
    (item,) = diff.items
    assert (item.uid, item.change, item.renumbered) == ("parenting", "changed", False)
    change = only(diff)
    assert change.path == "items[2].resolutions[1].text"
    assert (change.what, change.part, change.change) == ("resolution (b)", "", "changed")
    assert WordOp("delete", "in-house") in change.words
    assert WordOp("insert", "external") in change.words
    assert WordOp("delete", " and senior managers") in change.words


def test_an_added_and_a_removed_item(meeting: Meeting) -> None:
    aob = Item(uid="aob", agenda_number="6", minute_number="6", title="Any Other Business")
    added = replace(meeting, items=(*meeting.items, aob))
    assert diff_meetings(meeting, added).summary() == "Item 6 added"
    removed = replace(meeting, items=meeting.items[:3] + meeting.items[4:])
    diff = diff_meetings(meeting, removed)
    assert [(d.uid, d.change) for d in diff.items] == [("fostering", "removed")]
    assert diff.summary() == "Item 4 removed"


def test_both_together_read_as_one_commit_subject(meeting: Meeting) -> None:
    aob = Item(uid="aob", agenda_number="6", minute_number="6", title="Any Other Business")
    new = amend_b(meeting)
    new = replace(new, items=(*new.items, aob))
    assert diff_meetings(meeting, new).summary() == "Item 3: resolution (b) amended; item 6 added"


def test_a_renumbered_item(meeting: Meeting) -> None:
    new = with_item(meeting, "fostering", agenda_number="5", minute_number="5")
    diff = diff_meetings(meeting, new)
    (item,) = diff.items
    assert item.change == "renumbered"
    assert item.renumbered
    assert (item.old_number, item.new_number) == (("4", "4"), ("5", "5"))
    assert diff.summary() == "Item 5 renumbered (was 4)"
    assert "renumbered: item 4 -> 5, minute 4 -> 5" in diff.to_text()


def test_items_are_matched_by_title_when_the_uid_differs(meeting: Meeting) -> None:
    new = with_item(meeting, "fostering", uid="fostering-2",
                    title="Progress Towards an Outstanding Fostering Service 2018")
    diff = diff_meetings(meeting, new)
    assert [(d.uid, d.change) for d in diff.items] == [("fostering-2", "changed")]
    assert only(diff).words[-1] == WordOp("insert", " 2018")


def test_an_inserted_paragraph_leaves_the_others_alone(meeting: Meeting) -> None:
    body = meeting.item("parenting").body
    extra = Paragraph(text="Members asked how the data would be reported.")
    diff = diff_meetings(meeting, with_item(meeting, "parenting", body=(body[0], extra, *body[1:])))
    change = only(diff)
    assert (change.path, change.what, change.change) == ("items[2].body[1]", "paragraph 2", "added")
    assert change.new == extra.text
    assert change.words == (WordOp("insert", extra.text),)
    assert diff.summary() == "Item 3: paragraph 2 added"


def test_a_bullet_motion_vote_declaration_and_action(meeting: Meeting) -> None:
    item = meeting.item("parenting")
    motion = item.motions[0]
    new = with_item(
        meeting, "parenting",
        body=(*item.body[:2], replace(item.body[2], bullets=(item.body[2].bullets[0], "Financial help from Government"))),
        motions=(replace(motion, seconder="cllr-other", vote=replace(motion.vote, for_count=5)),),
        declarations=(replace(item.declarations[0], nature="a school governor"),),
        actions=(replace(item.actions[0], due=dt.date(2018, 10, 1)),),
    )
    labels = [c.label for c in diff_meetings(meeting, new).items[0].changes]
    assert labels == [
        "declaration by cllr-lapsa nature",
        "list 3 bullet 2",
        "motion 1 seconder",
        "motion 1 vote for count",
        "action 1 due",
    ]


def test_sub_resolutions_are_named_by_their_labels(meeting: Meeting) -> None:
    kids = (Resolution(label="(i)", text="to the Cabinet"), Resolution(label="(ii)", text="to Council"))
    item = meeting.item("fostering")
    one = with_item(meeting, "fostering", resolutions=(replace(item.resolutions[0], children=kids),))
    two = with_item(meeting, "fostering", resolutions=(replace(
        item.resolutions[0], children=(kids[0], replace(kids[1], text="to full Council"))),))
    change = only(diff_meetings(one, two))
    assert (change.what, change.path) == ("resolution (a)(ii)", "items[3].resolutions[0].children[1].text")


def test_meeting_fields_and_attendance(meeting: Meeting, people: dict) -> None:
    kaur = replace(meeting.attendance[1], state=AttendanceState.APOLOGIES)
    guest = Attendee(name="A Speaker", role=Role.OTHER, state=AttendanceState.PRESENT)
    new = replace(meeting, venue="Committee Room 2 - Council House", start=dt.time(14, 30),
                  status=Status.MINUTES_CIRCULATED,
                  attendance=(meeting.attendance[0], kaur, meeting.attendance[2], guest))
    diff = diff_meetings(meeting, new, people=people)
    assert [(c.what, c.old, c.new) for c in diff.fields] == [
        ("status", "minutes-draft", "minutes-circulated"),
        ("start time", "14:00", "14:30"),
        ("venue", "Committee Room 3 - Council House", "Committee Room 2 - Council House"),
    ]
    assert [(c.what, c.part, c.change) for c in diff.attendance] == [
        ("Councillor K Kaur", "state", "changed"),
        ("A Speaker", "", "added"),
    ]
    assert diff.summary() == "Status changed; start time changed; venue changed; attendance changed"


def test_two_different_meetings_are_refused(meeting: Meeting) -> None:
    other = replace(meeting, id="scrutiny-board-2/2018-07-19")
    with pytest.raises(MinutebookError, match="different meetings"):
        diff_meetings(meeting, other)


def test_json_is_stable_for_scripts(meeting: Meeting) -> None:
    data = diff_meetings(meeting, amend_b(meeting)).to_json()
    assert json.loads(json.dumps(data)) == data
    assert data == {
        "format": 1,
        "meeting": "scrutiny-board-2/2018-06-21",
        "empty": False,
        "summary": "Item 3: resolution (b) amended",
        "fields": [],
        "attendance": [],
        "items": [{
            "uid": "parenting",
            "title": "Corporate Parenting and the Corporate Parenting Board",
            "change": "changed",
            "renumbered": False,
            "old": {"agenda_number": "3", "minute_number": "3"},
            "new": {"agenda_number": "3", "minute_number": "3"},
            "changes": [{
                "path": "items[2].resolutions[1].text",
                "what": "resolution (b)",
                "part": "",
                "change": "changed",
                "old": "To recommend that in-house training be provided to all elected members "
                       "and senior managers.",
                "new": "To recommend that external training be provided to all elected members.",
                "words": [
                    {"op": "equal", "text": "To recommend that "},
                    {"op": "delete", "text": "in-house"},
                    {"op": "insert", "text": "external"},
                    {"op": "equal", "text": " training be provided to all elected members"},
                    {"op": "delete", "text": " and senior managers"},
                    {"op": "equal", "text": "."},
                ],
            }],
        }],
    }


def test_plain_and_colour_text(meeting: Meeting) -> None:
    diff = diff_meetings(meeting, amend_b(meeting))
    plain = diff.to_text(colour=False)
    assert "\x1b" not in plain
    assert "resolution (b) (changed): To recommend that [-in-house-]{+external+} training" in plain
    colour = diff.to_text(colour=True)
    assert "{+" not in colour
    assert "[-" not in colour
    assert "\x1b[32;4mexternal\x1b[0m" in colour
    assert "\x1b[31;9min-house\x1b[0m" in colour


def test_a_long_summary_stays_a_short_subject(meeting: Meeting) -> None:
    items = tuple(replace(i, title=i.title + " (revised)") for i in meeting.items)
    diff = diff_meetings(meeting, replace(meeting, items=items, venue="Diamond Room 1"))
    assert len(diff.summary()) <= 72
    assert diff.summary() == "5 items changed; meeting details changed"


def stored_public(meeting: Meeting) -> Meeting:
    """What a public reader of the archive loads: meeting.yaml without the exempt file."""
    data, _exempt = split_exempt(meeting)
    return decode(Meeting, data)


def test_a_public_diff_never_carries_exempt_text(meeting: Meeting) -> None:
    item = meeting.item("adoption")
    exempt_para = Paragraph(text=f"Legal advice was noted. {SECRET}",
                            exemption=item.exemption)
    old = with_item(meeting, "parenting", body=(*meeting.item("parenting").body, exempt_para))
    new = with_item(old, "adoption", resolutions=(Resolution(label="(a)", text=f"Refused. {SECRET}"),))
    new = with_item(new, "parenting", body=(*meeting.item("parenting").body,
                                            replace(exempt_para, text=f"Advice noted. {SECRET}")))
    full = diff_meetings(old, new)
    assert SECRET in json.dumps(full.to_json())
    for public in (public_view, stored_public):
        diff = diff_meetings(public(old), public(new))
        assert diff.is_empty
        assert SECRET not in diff.to_text() + json.dumps(diff.to_json())


def test_a_replaced_paragraph_reads_removed_then_added(meeting: Meeting) -> None:
    body = meeting.item("parenting").body
    rewritten = Paragraph(text="Nothing in common here at all.")
    diff = diff_meetings(meeting, with_item(meeting, "parenting", body=(rewritten, *body[1:])))
    assert [(c.what, c.change) for c in diff.items[0].changes] == [("paragraph 1", "changed")]
    bullets = BulletList(bullets=("Nothing in common here at all.",))
    diff = diff_meetings(meeting, with_item(meeting, "parenting", body=(bullets, *body[1:])))
    assert [(c.path, c.change) for c in diff.items[0].changes] == [
        ("items[2].body[0]", "removed"),
        ("items[2].body[0]", "added"),
    ]


@given(st.text(max_size=80), st.text(max_size=80))
def test_any_resolution_edit_is_one_change_that_rebuilds_both_texts(a: str, b: str) -> None:
    base = make_meeting()
    res = base.item("fostering").resolutions[0]
    old = with_item(base, "fostering", resolutions=(replace(res, text=a),))
    new = with_item(base, "fostering", resolutions=(replace(res, text=b),))
    diff = diff_meetings(old, new)
    if a == b:
        assert diff.is_empty
        return
    change = only(diff)
    assert change.path == "items[3].resolutions[0].text"
    assert change.what == "resolution (a)"
    assert "".join(w.text for w in change.words if w.op != "delete") == b
    assert "".join(w.text for w in change.words if w.op != "insert") == a
    assert diff.summary() == "Item 4: resolution (a) amended"
