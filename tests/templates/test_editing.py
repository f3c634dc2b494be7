"""Adding, removing and moving items: a draft agenda is numbered again in order, a published
one keeps its numbers, and the exclusion item is kept right."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from workflow.drafting.items import add_report_item, move_item, new_uid, remove_item
from workflow.drafting.meeting_templates import load_template
from workflow.drafting.new_meeting import draft_meeting
from workflow.errors import MinutebookError, NotFound
from workflow.record.model import (
    Committee,
    Exemption,
    ItemKind,
    Meeting,
    Postponement,
    Report,
    Status,
)
from workflow.record.numbering import renumber
from workflow.settings import Settings

BOARD = Committee(slug="board", name="Scrutiny Board", template="scrutiny-board")


def _meeting(slug: str = "scrutiny-board") -> Meeting:
    return draft_meeting(template=load_template(slug), committee=dataclasses.replace(BOARD, template=slug),
                       date=dt.date(2018, 6, 21), start=None, people={}, settings=Settings())  # fmt: skip


def _shape(meeting: Meeting) -> list[tuple[str, str]]:
    return [(it.uid, it.minute_number) for it in meeting.items]


def test_new_uids_run_on_from_the_highest() -> None:
    assert new_uid([]) == "i1"
    assert new_uid(["declarations", "i1", "i7", "i3"]) == "i8"
    assert new_uid({"minutes", "i"}) == "i1"


def test_a_report_goes_before_the_end_items_numbered_in_place_in_a_draft() -> None:
    meeting = add_report_item(_meeting(), title="Corporate Parenting", report_kind="Briefing Note",
                              author="Deputy Chief Executive (People)")  # fmt: skip
    assert _shape(meeting) == [
        ("declarations", "1"), ("minutes", "2"), ("i1", "3"),
        ("outstanding-issues", "4"), ("work-programme", "5"), ("any-other-business", "6"),
    ]  # fmt: skip
    item = meeting.item("i1")
    assert (item.kind, item.title, item.report) == (
        ItemKind.REPORT, "Corporate Parenting", Report(kind="Briefing Note", author="Deputy Chief Executive (People)"),
    )  # fmt: skip
    second = add_report_item(meeting, title="Fostering", author="Deputy Chief Executive (People)")
    assert [it.uid for it in second.items][2:4] == ["i1", "i2"]
    assert second.item("i2").minute_number == "4"
    assert [it.agenda_number for it in second.items] == ["1", "2", "3", "4", "5", "6", "7"]


def test_a_late_item_on_a_published_agenda_takes_the_next_free_number() -> None:
    published = dataclasses.replace(_meeting(), status=Status.AGENDA_PUBLISHED)
    meeting = add_report_item(published, title="Late report")
    assert _shape(meeting) == [
        ("declarations", "1"), ("minutes", "2"), ("i1", "6"),
        ("outstanding-issues", "3"), ("work-programme", "4"), ("any-other-business", "5"),
    ]  # fmt: skip
    assert _shape(move_item(meeting, "i1", -1))[1] == ("i1", "6")
    assert _shape(remove_item(meeting, "minutes"))[1] == ("i1", "6")


def test_a_postponed_draft_keeps_the_numbers_it_was_published_with() -> None:
    postponed = dataclasses.replace(_meeting(), postponements=(
        Postponement(from_date=dt.date(2018, 6, 14), to_date=dt.date(2018, 6, 21)),))
    meeting = move_item(postponed, "any-other-business", -2)
    assert [n for _, n in _shape(meeting)] == ["1", "2", "5", "3", "4"]


def test_a_draft_numbered_on_from_earlier_meetings_keeps_its_first_number() -> None:
    meeting = renumber(_meeting(), 17, agenda_first=9)
    meeting = add_report_item(meeting, title="Fostering")
    meeting = remove_item(meeting, "declarations")
    assert [it.minute_number for it in meeting.items] == ["17", "18", "19", "20", "21"]
    assert [it.agenda_number for it in meeting.items] == ["9", "10", "11", "12", "13"]


def test_a_report_at_a_chosen_position_and_of_another_kind() -> None:
    meeting = add_report_item(_meeting("planning-committee"), title="12 High Street", position=0,
                              kind=ItemKind.PLANNING_APPLICATION)  # fmt: skip
    assert meeting.items[0].uid == "i1"
    assert meeting.items[0].kind is ItemKind.PLANNING_APPLICATION
    assert meeting.items[0].report is None


def test_an_exempt_report_goes_last_after_a_new_exclusion_item() -> None:
    meeting = add_report_item(_meeting(), title="Placement costs", author="Director", exempt_paragraph=3)
    assert _shape(meeting)[-2:] == [("exclusion", "6"), ("i1", "7")]
    exclusion = meeting.item("exclusion")
    assert exclusion.kind is ItemKind.EXCLUSION
    assert exclusion.title == "Exclusion of Press and Public"
    assert "within paragraph 3 of Schedule 12A" in exclusion.wording[0]
    assert meeting.item("i1").exemption == Exemption(paragraph=3)
    public = add_report_item(meeting, title="Public report", author="Director")
    assert [it.uid for it in public.items][2:3] == ["i2"]


def test_a_second_exempt_paragraph_is_added_to_the_exclusion_wording() -> None:
    meeting = add_report_item(_meeting(), title="Costs", author="Director", exempt_paragraph=3)
    meeting = add_report_item(meeting, title="A named child", author="Director", exempt_paragraph=1)
    assert [it.uid for it in meeting.items][-3:] == ["exclusion", "i1", "i2"]
    assert "within paragraph 1 and 3 of Schedule 12A" in meeting.item("exclusion").wording[0]
    assert meeting.item("i2").minute_number == "8"


def test_the_clerks_own_exclusion_wording_is_kept() -> None:
    meeting = add_report_item(_meeting(), title="Costs", author="Director", exempt_paragraph=3)
    edited = dataclasses.replace(meeting.item("exclusion"), wording=("The clerk's own words.",))
    meeting = dataclasses.replace(meeting, items=tuple(edited if it.uid == "exclusion" else it for it in meeting.items))
    meeting = add_report_item(meeting, title="Names", author="Director", exempt_paragraph=1)
    assert meeting.item("exclusion").wording == ("The clerk's own words.",)


def test_an_exclusion_after_the_first_exempt_item_is_moved_before_it() -> None:
    meeting = add_report_item(_meeting(), title="Costs", author="Director", exempt_paragraph=3)
    meeting = move_item(meeting, "exclusion", 1)
    assert [it.uid for it in meeting.items][-2:] == ["i1", "exclusion"]
    meeting = add_report_item(meeting, title="Names", author="Director", exempt_paragraph=3)
    assert [it.uid for it in meeting.items][-3:] == ["exclusion", "i1", "i2"]


def test_the_licensing_exclusion_uses_the_hearings_regulations() -> None:
    meeting = add_report_item(_meeting("licensing-sub-committee"), title="The Crown, review",
                              kind=ItemKind.LICENSING_HEARING, exempt_paragraph=7)  # fmt: skip
    wording = meeting.item("exclusion").wording[0]
    assert "regulation 14(2) of the Licensing Act 2003 (Hearings) Regulations 2005" in wording
    assert meeting.item("exclusion").title == "Exclusion of the Parties and the Public"


def test_removing_the_last_exempt_item_removes_the_exclusion_item() -> None:
    meeting = add_report_item(_meeting(), title="Costs", author="Director", exempt_paragraph=3)
    meeting = add_report_item(meeting, title="Names", author="Director", exempt_paragraph=1)
    one_left = remove_item(meeting, "i1")
    assert "exclusion" in [it.uid for it in one_left.items]
    none_left = remove_item(one_left, "i2")
    assert [it.uid for it in none_left.items] == [it.uid for it in _meeting().items]
    assert _shape(none_left) == _shape(_meeting())


def test_moving_in_a_draft_numbers_the_items_in_their_new_order() -> None:
    meeting = move_item(_meeting(), "any-other-business", -2)
    assert _shape(meeting) == [
        ("declarations", "1"), ("minutes", "2"), ("any-other-business", "3"),
        ("outstanding-issues", "4"), ("work-programme", "5"),
    ]  # fmt: skip
    assert move_item(meeting, "any-other-business", 2) == _meeting()


def test_bad_edits_are_one_sentence() -> None:
    meeting = _meeting()
    with pytest.raises(NotFound, match="There is no item 'i9' in the meeting board/2018-06-21."):
        remove_item(meeting, "i9")
    with pytest.raises(MinutebookError, match="'Declarations of Interests' cannot move 1 place"):
        move_item(meeting, "declarations", -1)
    with pytest.raises(MinutebookError, match="past the last item"):
        move_item(meeting, "work-programme", 2)
    with pytest.raises(MinutebookError, match="A new item needs a title."):
        add_report_item(meeting, title="  ")
    with pytest.raises(MinutebookError, match="Position 9 is outside the agenda"):
        add_report_item(meeting, title="Late", position=9)
