"""Three-way merge of a meeting: one side's change is kept, both sides' different changes
to one field are a conflict the clerk settles, and nothing either side did is dropped."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from tests.lifecycle.builders import meeting, replace_item, with_item
from tests.strategies import meetings
from workflow.diff.merge import merge_meetings
from workflow.record import numbering
from workflow.record.model import AttendanceState, Item, Status


def test_changes_to_different_fields_merge_and_name_the_other_versions_fields() -> None:
    base = meeting()
    mine = replace_item(base, "corporate-parenting", title="Corporate Parenting Board: annual report")
    theirs = dataclasses.replace(base, venue="Diamond Room 1", status=Status.AGENDA_PUBLISHED)
    merged = merge_meetings(base, mine, theirs)
    assert merged.meeting is not None
    assert merged.meeting.venue == "Diamond Room 1"
    assert merged.meeting.status is Status.AGENDA_PUBLISHED
    assert merged.meeting.item("corporate-parenting").title == "Corporate Parenting Board: annual report"
    assert merged.theirs == ("status", "venue")
    assert merged.conflicts == ()


def test_a_renumbering_meanwhile_is_kept_with_an_edit_of_one_item() -> None:
    base = with_item(meeting(), Item(uid="late", agenda_number="23", title="Late report"), before="outstanding")
    theirs = numbering.renumber(base, 31)
    mine = replace_item(base, "late", title="Late report on school places")
    merged = merge_meetings(base, mine, theirs)
    assert merged.meeting is not None
    assert [it.agenda_number for it in merged.meeting.items] == [it.agenda_number for it in theirs.items]
    assert merged.meeting.item("late").title == "Late report on school places"


def test_the_same_field_changed_both_ways_is_a_conflict_with_both_values() -> None:
    base = meeting()
    mine = dataclasses.replace(base, venue="Room A")
    theirs = dataclasses.replace(base, venue="Room B", status=Status.AGENDA_PUBLISHED)
    merged = merge_meetings(base, mine, theirs)
    assert merged.meeting is None
    [conflict] = merged.unresolved
    assert (conflict.key, conflict.label, conflict.mine, conflict.theirs) == ("venue", "venue", "Room A", "Room B")
    chose_theirs = merge_meetings(base, mine, theirs, choices={"venue": "theirs"}).meeting
    assert chose_theirs is not None
    assert (chose_theirs.venue, chose_theirs.status) == ("Room B", Status.AGENDA_PUBLISHED)
    chose_mine = merge_meetings(base, mine, theirs, choices={"venue": "mine"}).meeting
    assert chose_mine is not None
    assert (chose_mine.venue, chose_mine.status) == ("Room A", Status.AGENDA_PUBLISHED)


def test_an_items_field_is_named_by_its_number_and_title() -> None:
    base = meeting()
    mine = replace_item(base, "minutes", title="Minutes of 2 December")
    theirs = replace_item(base, "minutes", title="Minutes of the last meeting")
    [conflict] = merge_meetings(base, mine, theirs).unresolved
    assert conflict.key == "items.minutes.title"
    assert conflict.label == "item 2 (Minutes of 2 December): title"


def test_items_added_on_both_sides_are_both_kept_in_place() -> None:
    base = meeting()
    mine = with_item(base, Item(uid="mine", title="Mine"), before="outstanding")
    theirs = with_item(base, Item(uid="theirs", title="Theirs"), before="minutes")
    merged = merge_meetings(base, mine, theirs).meeting
    assert merged is not None
    uids = [it.uid for it in merged.items]
    assert uids.index("theirs") == uids.index("minutes") - 1
    assert uids.index("mine") == uids.index("outstanding") - 1
    assert len(uids) == len(base.items) + 2


def test_an_item_removed_on_one_side_and_changed_on_the_other_is_a_conflict() -> None:
    base = meeting()
    mine = dataclasses.replace(base, items=tuple(it for it in base.items if it.uid != "aob"))
    theirs = replace_item(base, "aob", title="Urgent business")
    merged = merge_meetings(base, mine, theirs)
    [conflict] = merged.unresolved
    assert (conflict.mine, conflict.theirs) == ("removed", "item 6 (Urgent business)")
    kept = merge_meetings(base, mine, theirs, choices={conflict.key: "theirs"}).meeting
    assert kept is not None
    assert kept.item("aob").title == "Urgent business"
    gone = merge_meetings(base, mine, theirs, choices={conflict.key: "mine"}).meeting
    assert gone is not None
    assert "aob" not in [it.uid for it in gone.items]


def test_attendance_merges_per_person() -> None:
    base = meeting()
    first, second, *rest = base.attendance
    mine = dataclasses.replace(base, attendance=(dataclasses.replace(first, state=AttendanceState.PRESENT), second, *rest))
    theirs = dataclasses.replace(base, attendance=(first, dataclasses.replace(second, state=AttendanceState.APOLOGIES), *rest))
    merged = merge_meetings(base, mine, theirs).meeting
    assert merged is not None
    assert [a.state for a in merged.attendance[:2]] == [AttendanceState.PRESENT, AttendanceState.APOLOGIES]


@given(meetings(max_items=3), meetings(max_items=3))
def test_one_sided_changes_merge_to_that_side(base: object, other: object) -> None:
    other = dataclasses.replace(other, id=base.id)  # type: ignore[attr-defined]
    assert merge_meetings(base, base, other).meeting == other  # type: ignore[arg-type]
    assert merge_meetings(base, other, base).meeting == other  # type: ignore[arg-type]
    assert merge_meetings(base, other, other).meeting == other  # type: ignore[arg-type]


@given(meetings(max_items=3), st.text(min_size=1, max_size=20), st.text(min_size=1, max_size=20))
def test_a_conflict_is_never_settled_without_a_choice(base: object, a: str, b: str) -> None:
    mine = dataclasses.replace(base, venue="A " + a)  # type: ignore[type-var]
    theirs = dataclasses.replace(base, venue="B " + b)  # type: ignore[type-var]
    merged = merge_meetings(base, mine, theirs)  # type: ignore[arg-type]
    assert merged.meeting is None
    assert [c.key for c in merged.unresolved] == ["venue"]
