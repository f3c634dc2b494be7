"""The forms of an item's parts and of the attendance, read without the terminal: each
problem in the clerk's words on its field, details a form does not show kept, the list
edits, and the register entry made for a new person."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from workflow.drafting import item_parts as ip
from workflow.drafting.attendance import AttendeeForm, add_attendee, find_people, new_person
from workflow.record.model import (
    Action,
    ActionKind,
    AttendanceState,
    Attendee,
    Declaration,
    InterestType,
    Meeting,
    Motion,
    MotionKind,
    MotionOutcome,
    Person,
    PersonKind,
    Role,
    Vote,
)

PEOPLE = {
    "cllr-a-patel": Person(id="cllr-a-patel", name="A Patel", title="Councillor"),
    "cllr-b-jones": Person(id="cllr-b-jones", name="B Jones", title="Councillor"),
    "cllr-c-mutton": Person(id="cllr-c-mutton", name="C Mutton", title="Councillor"),
    "j-gregg": Person(id="j-gregg", name="J Gregg", kind=PersonKind.OFFICER, directorate="People"),
}
MEETING = Meeting(
    id="board/2027-01-14", committee="board", date=dt.date(2027, 1, 14),
    attendance=(
        Attendee(person="cllr-a-patel", role=Role.CHAIR, state=AttendanceState.PRESENT),
        Attendee(person="cllr-b-jones", state=AttendanceState.APOLOGIES),
        Attendee(person="j-gregg", role=Role.OFFICER, state=AttendanceState.PRESENT),
    ),
)  # fmt: skip


def _said(problems):  # type: ignore[no-untyped-def]
    return {p.path: p.message for p in problems}


def test_a_declaration_without_a_kind_of_interest_says_so_on_its_field() -> None:
    found, problems = ip.read_declaration(ip.DeclarationForm(member="cllr-a-patel", nature="governor"), 0)
    assert found is None
    assert _said(problems) == {"declarations[0].interest": "Declaration 1: choose the kind of interest."}
    found, problems = ip.read_declaration(ip.DeclarationForm(interest="lobbying", left_at="3pm"), 2)
    assert _said(problems) == {
        "declarations[2].member": "Declaration 3: choose the member who declared the interest.",
        "declarations[2].left_at": "Declaration 3, time they left the room: '3pm' is not a time; "
                                   "write it as HH:MM (24-hour), e.g. 14:00.",
    }  # fmt: skip


def test_a_declaration_keeps_what_its_form_does_not_show() -> None:
    old = Declaration(member="cllr-a-patel", interest=InterestType.PECUNIARY, dispensation="Standards Committee, 2026")
    form = ip.declaration_form(old)
    found, problems = ip.read_declaration(
        ip.DeclarationForm(member=form.member, interest="pecuniary", nature="Spouse's firm", left_at="14:55"), 0, old)
    assert problems == []
    assert found == Declaration(member="cllr-a-patel", interest=InterestType.PECUNIARY, nature="Spouse's firm",
                                left_room=True, left_at=dt.time(14, 55), dispensation="Standards Committee, 2026")  # fmt: skip


def test_a_recorded_vote_counts_the_names_and_refuses_one_name_on_two_sides() -> None:
    form = ip.MotionForm(kind="amendment", text="That the item be deferred", mover="cllr-a-patel",
                         seconder="cllr-c-mutton", outcome="lost", recorded=True,
                         for_names=("cllr-a-patel",), against_names=("cllr-b-jones", "cllr-c-mutton"))  # fmt: skip
    motion, problems = ip.read_motion(form, 1, None, PEOPLE)
    assert problems == []
    assert motion is not None
    assert (motion.kind, motion.outcome) == (MotionKind.AMENDMENT, MotionOutcome.LOST)
    assert motion.vote == Vote(for_count=1, against_count=2, for_names=("cllr-a-patel",),
                               against_names=("cllr-b-jones", "cllr-c-mutton"), recorded=True)  # fmt: skip
    clash = ip.MotionForm(text="x", outcome="carried", mover="cllr-a-patel", seconder="cllr-a-patel", recorded=True,
                          for_names=("cllr-a-patel",), abstain_names=("cllr-a-patel",), for_count="3")  # fmt: skip
    _, problems = ip.read_motion(clash, 0, None, PEOPLE)
    assert _said(problems) == {
        "motions[0].seconder": "Motion 1: the seconder must be someone other than the mover.",
        "motions[0].vote.abstain_names": "Motion 1: Councillor A Patel is ticked both for and as abstaining; tick one.",
        "motions[0].vote.for_count": "Motion 1: 3 votes for, but 1 name is ticked for.",
    }
    _, problems = ip.read_motion(ip.MotionForm(text="x", recorded=True), 0)
    assert _said(problems) == {
        "motions[0].outcome": "Motion 1: choose what happened to it (carried, lost, withdrawn…).",
        "motions[0].vote.for_names": "Motion 1: a recorded vote names how each member voted; tick the names.",
    }


def test_a_motion_keeps_its_vote_details_and_drops_an_empty_vote() -> None:
    old = Motion(text="That the report be noted", outcome=MotionOutcome.CARRIED, substantive=True,
                 vote=Vote(for_count=5, against_count=1, casting_vote="cllr-a-patel", threshold="75%"))  # fmt: skip
    motion, problems = ip.read_motion(ip.motion_form(old), 0, old)
    assert problems == []
    assert motion == old
    bare = Motion(text="That the meeting adjourn", kind=MotionKind.PROCEDURAL, outcome=MotionOutcome.CARRIED)
    assert ip.read_motion(ip.motion_form(bare), 0, bare) == (bare, [])


def test_an_action_names_its_bad_date_and_its_kind() -> None:
    action, problems = ip.read_action(ip.ActionForm(kind="referral", text="", owner="Cabinet", due="31/12/2026"), 0)
    assert action is None
    assert _said(problems) == {
        "actions[0].text": "Referral 1: say what is referred.",
        "actions[0].due": "Referral 1, date it is due by: '31/12/2026' is not a date; write it as YYYY-MM-DD, e.g. 2027-01-14.",
    }
    old = Action(text="Send the figures", done=True, origin="3/26")
    action, problems = ip.read_action(ip.ActionForm(text="Send the figures", owner="Head of Service", due="2027-01-31"), 0, old)
    assert problems == []
    assert action == Action(text="Send the figures", kind=ActionKind.ACTION, owner="Head of Service",
                            due=dt.date(2027, 1, 31), done=True, origin="3/26")  # fmt: skip


def test_the_list_edits_keep_every_other_part_in_order() -> None:
    parts = ("a", "b", "c")
    assert ip.put(parts, None, "d") == ("a", "b", "c", "d")
    assert ip.put(parts, 1, "B") == ("a", "B", "c")
    assert ip.removed(parts, 0) == ("b", "c")
    assert ip.moved(parts, 2, -1) == (("a", "c", "b"), 1)
    assert ip.moved(parts, 0, -1) == (parts, 0)
    assert ip.moved(parts, 5, 1) == (parts, 5)


def test_the_forms_offer_the_people_of_the_meeting_who_are_there() -> None:
    assert ip.people_present(MEETING, PEOPLE) == (("Councillor A Patel", "cllr-a-patel"), ("J Gregg", "j-gregg"))
    assert ip.people_present(MEETING, PEOPLE, voting=True) == (("Councillor A Patel", "cllr-a-patel"),)


# ------------------------------------------------------------------ attendance


@pytest.mark.parametrize(("form", "said"), [
    (AttendeeForm(attending_as="member"), {"name": "Name: type a few letters of their name and pick them from the register."}),
    (AttendeeForm(name="Z Nobody", attending_as="other-member"),
     {"name": "Name: 'Z Nobody' is not in the register; pick a match, or add them as a new person."}),
    (AttendeeForm(person="cllr-a-patel", attending_as="cabinet-member"),
     {"name": "Name: Councillor A Patel is already in the attendance; mark them there instead."}),
    (AttendeeForm(person="cllr-c-mutton", attending_as="substitute"),
     {"substitute_for": "Substitute for: choose the absent member they stand in for."}),
    (AttendeeForm(person="cllr-c-mutton", attending_as="substitute", substitute_for="cllr-a-patel"),
     {"substitute_for": "Substitute for: Councillor A Patel is not an absent member of this meeting; "
                        "mark them away first (a or x)."}),
    (AttendeeForm(name="Carers Trust worker", attending_as="partner"),
     {"capacity": "Organisation: say which organisation they represent."}),
    (AttendeeForm(person="cllr-c-mutton"), {"attending_as": "Attending as: choose how they attend (member, substitute, officer…)."}),
])  # fmt: skip
def test_adding_to_the_attendance_says_what_is_missing_on_its_field(form: AttendeeForm, said: dict[str, str]) -> None:
    meeting, problems = add_attendee(MEETING, PEOPLE, form)
    assert meeting is MEETING
    assert _said(problems) == said


def test_a_substitute_and_a_speaker_are_placed_with_their_role() -> None:
    form = AttendeeForm(person="cllr-c-mutton", attending_as="substitute", substitute_for="cllr-b-jones")
    meeting, problems = add_attendee(MEETING, PEOPLE, form)
    assert problems == []
    assert meeting.attendance[2] == Attendee(person="cllr-c-mutton", role=Role.MEMBER, state=AttendanceState.PRESENT,
                                             substitute_for="cllr-b-jones")  # fmt: skip
    assert meeting.attendance[3].person == "j-gregg"
    meeting, problems = add_attendee(meeting, PEOPLE, AttendeeForm(name=" Mrs  P Oduya ", attending_as="speaker"))
    assert problems == []
    assert meeting.attendance[-1] == Attendee(name="Mrs P Oduya", role=Role.OTHER, state=AttendanceState.PRESENT,
                                              capacity="public speaker")  # fmt: skip


def test_a_new_person_gets_an_id_like_the_registers() -> None:
    person, problems = new_person("Councillor B Jones", "", PersonKind.MEMBER, PEOPLE)
    assert problems == []
    assert person == Person(id="cllr-b-jones-2", name="B Jones", title="Councillor")
    officer, _ = new_person("Siân O'Neill", "Ms", PersonKind.OFFICER, PEOPLE, directorate="Place")
    assert officer == Person(id="sian-oneill", name="Siân O'Neill", title="Ms", kind=PersonKind.OFFICER, directorate="Place")
    assert new_person("  ", "", PersonKind.MEMBER, PEOPLE)[1][0].message.startswith("New person: type their name")
    assert new_person("!!!", "", PersonKind.OTHER, PEOPLE)[0] is None


def test_a_few_letters_find_the_register_entries() -> None:
    assert [p.id for p in find_people(PEOPLE, "mut")] == ["cllr-c-mutton"]
    assert [p.id for p in find_people(PEOPLE, "cllr j")] == ["cllr-b-jones"]
    assert [p.id for p in find_people(PEOPLE, "g")] == ["j-gregg"]
    assert find_people(PEOPLE, "  ") == ()


# ------------------------------------------------------------------ where a problem is


def test_a_problem_is_placed_in_the_clerks_words() -> None:
    from workflow.record.model import Item, Status
    from workflow.record.places import place

    meeting = dataclasses.replace(MEETING, status=Status.MINUTES_DRAFT,
                                  items=(Item(uid="a", agenda_number="11", minute_number="11"),))  # fmt: skip
    assert place("items[0].declarations[0].interest", meeting) == "Minute 11, declaration 1, kind of interest"
    assert place("items[0].motions[1].vote.for_count") == "Item 1, motion 2, vote, votes for"
    assert place("attendance[1].substitute_for", meeting, PEOPLE) == "Attendance of Councillor B Jones, substitute for"
    assert place("") == "The meeting"
    assert place("items[7].title", meeting) == "Item 8, title"
