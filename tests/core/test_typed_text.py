"""Every reader of text a clerk types never raises, whatever the text: it returns what it
could read and the problems, each one readable line naming its field.

The text is arbitrary: any characters, the ``|`` that separates cells, newlines, control
characters, and very long lines (the one of 5,000 digits is longer than Python will turn
into a number).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workflow.drafting import item_parts as ip
from workflow.drafting import minutes_fields as mt
from workflow.drafting.attendance import (
    ATTENDING_AS,
    AttendeeForm,
    add_attendee,
    find_people,
    new_person,
)
from workflow.errors import FieldError, UsageError
from workflow.record.model import (
    AttendanceState,
    Attendee,
    Declaration,
    Meeting,
    Membership,
    Motion,
    Person,
    PersonKind,
    Role,
    Vote,
)
from workflow.rules.membership import read_membership
from workflow.text.dates import parse_date, parse_time, read_date, read_time
from workflow.text.numerals import read_whole
from workflow.text.prose import quoted

_AWKWARD = "|||\n\r\t\x00\x07\x1b\x7f\x85\u2028 -:0123456789٣²abcXYZ'\"[]()"
TEXT = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(_AWKWARD)),
    st.text(alphabet=st.sampled_from(_AWKWARD), min_size=200, max_size=400),
    st.integers(4000, 6000).map(lambda n: "9" * n),
    st.integers(1, 3).flatmap(lambda n: st.lists(st.text(max_size=30), min_size=4, max_size=9).map("|".join)),
    st.sampled_from(["", " ", "|", "||||", "\n\n", "2027-02-30", "25:00", "9" * 7, "-1", "1e3", "unanimous"]),
)
"""Text as a clerk might type or paste it."""

PEOPLE = {
    "cllr-a-patel": Person(id="cllr-a-patel", name="A Patel", title="Councillor"),
    "cllr-b-jones": Person(id="cllr-b-jones", name="B Jones", title="Councillor"),
    "j-gregg": Person(id="j-gregg", name="J Gregg", kind=PersonKind.OFFICER, directorate="People"),
}
MEETING = Meeting(
    id="board/2027-01-14", committee="board", date=dt.date(2027, 1, 14),
    attendance=(
        Attendee(person="cllr-a-patel", role=Role.CHAIR, state=AttendanceState.PRESENT),
        Attendee(person="cllr-b-jones", state=AttendanceState.APOLOGIES),
    ),
)  # fmt: skip


def _readable(problems: list[FieldError]) -> None:
    for problem in problems:
        assert isinstance(problem, FieldError)
        assert problem.message
        assert "\n" not in problem.message
        assert len(problem.message) < 400, problem.message
        assert problem.severity in ("error", "warning")


@settings(max_examples=150)
@given(TEXT)
def test_the_typed_fields_of_the_minutes_never_raise(text: str) -> None:
    old_declarations = (Declaration(member="cllr-a-patel", nature="governor"),)
    old_motions = (Motion(text="That the report be noted", vote=Vote(for_count=3, for_names=("cllr-a-patel",), recorded=True)),)
    for parse, old in (
        (mt.parse_declarations, ()), (mt.parse_declarations, old_declarations),
        (mt.parse_motions, ()), (mt.parse_motions, old_motions),
        (mt.parse_actions, ()), (mt.parse_documents, ()), (mt.parse_body, ()),
    ):  # fmt: skip
        parts, problems = parse(text, old)
        assert isinstance(parts, tuple)
        _readable(problems)
    for scheme in ("(a)", "1)", "(i)"):
        _, problems = mt.parse_resolutions(text, scheme)
        _readable(problems)
    closed, problems = mt.parse_closed(text)
    assert closed is None or isinstance(closed, dt.time)
    _readable(problems)


@settings(max_examples=150)
@given(TEXT)
def test_dates_times_and_numbers_are_read_or_named_never_raised(text: str) -> None:
    for read, kind in ((read_date, dt.date), (read_time, dt.time), (lambda t, w: read_whole(t, w), int)):
        value, problem = read(text, "Field")
        assert (value is None) or isinstance(value, kind)
        assert (value is None) == bool(problem) or not text.strip()
        if problem:
            assert problem.startswith("Field: ")
            assert "\n" not in problem
            assert len(problem) < 200
    for parse in (parse_date, parse_time):
        said = "--when: (read)"
        try:
            parse(text, "--when")
        except UsageError as refused:
            said = refused.message
        assert said.startswith("--when: ")
    shown = quoted(text)
    assert shown[0] == shown[-1] == "'"
    assert "\n" not in shown
    assert len(shown) <= 42


@settings(max_examples=150)
@given(TEXT)
def test_a_typed_membership_is_read_or_named_never_raised(text: str) -> None:
    found, problem = read_membership(text, dt.date(2027, 1, 14))
    assert (found is None) == bool(problem)
    assert "\n" not in problem
    assert len(problem) < 200
    assert read_membership("cllr-j-smith:Chair", None)[0] == Membership(person="cllr-j-smith", role=Role.CHAIR)
    assert read_membership("cllr-j-smith:boss", None) == (None, "'boss' is not a role; use chair, vice-chair, member, co-opted…")


_FORM_TEXT = st.one_of(TEXT, st.sampled_from(["cllr-a-patel", "cllr-b-jones", "pecuniary", "carried", "referral", "14:00"]))


@settings(max_examples=150)
@given(st.lists(_FORM_TEXT, min_size=8, max_size=8), st.booleans(), st.integers(0, 30))
def test_the_forms_of_declarations_motions_and_actions_never_raise(values: list[str], flag: bool, index: int) -> None:
    a, b, c, d, e, f, g, h = values
    found, problems = ip.read_declaration(ip.DeclarationForm(member=a, interest=b, nature=c, regarding=d,
                                                             left_room=flag, left_at=e, returned_at=f), index)  # fmt: skip
    assert (found is None) == bool(problems)
    _readable(problems)
    motion = ip.MotionForm(kind=a, text=b, mover=c, seconder=d, outcome=e, for_count=f, against_count=g,
                           abstain_count=h, unanimous=flag, recorded=not flag, for_names=(a, c), against_names=(c,))  # fmt: skip
    found_motion, problems = ip.read_motion(motion, index, None, PEOPLE)
    assert (found_motion is None) == bool(problems)
    _readable(problems)
    found_action, problems = ip.read_action(ip.ActionForm(kind=a, text=b, owner=c, due=d), index)
    assert (found_action is None) == bool(problems)
    _readable(problems)
    assert all(p.path.startswith(("declarations[", "motions[", "actions[")) for p in problems)


@settings(max_examples=150)
@given(st.lists(_FORM_TEXT, min_size=6, max_size=6), st.sampled_from([a.key for a in ATTENDING_AS] + ["", "boss"]))
def test_adding_to_the_attendance_never_raises(values: list[str], how: str) -> None:
    person, name, substitute, directorate, capacity, state = values
    form = AttendeeForm(person=person, name=name, attending_as=how, substitute_for=substitute,
                        directorate=directorate, capacity=capacity, state=state)  # fmt: skip
    meeting, problems = add_attendee(MEETING, PEOPLE, form)
    _readable(problems)
    assert (meeting is MEETING) == bool(problems)
    assert len(meeting.attendance) == len(MEETING.attendance) + (0 if problems else 1)
    made, problems = new_person(name, directorate, PersonKind.MEMBER, PEOPLE)
    _readable(problems)
    assert made is None or (made.id not in PEOPLE and made.name and "\n" not in made.name)
    assert isinstance(find_people(PEOPLE, name), tuple)


@pytest.mark.parametrize(("line", "count"), [
    ("Councillor D Kowalski | spouse's firm | other-registrableCouncillor Kowalski | spouse | pecuniary", 4),
    ("a|b|c|d", 3),
])
def test_a_declaration_line_with_too_many_bars_is_named_not_raised(line: str, count: int) -> None:
    parts, problems = mt.parse_declarations(line)
    assert parts == ()
    assert [p.path for p in problems] == ["declarations[0]"]
    assert problems[0].message.startswith(f"Declaration 1: the line has {count} '|' marks but a declaration has 2 at most")


def test_motion_and_action_lines_with_too_many_bars_are_named_and_the_others_kept() -> None:
    motions, problems = mt.parse_motions("To note | | | carried\nTo defer | a | b | lost | 1-2-3 | motion | extra")
    assert [m.text for m in motions] == ["To note"]
    assert [p.path for p in problems] == ["motions[1]"]
    actions, problems = mt.parse_actions("Write | Clerk | 2027-01-01 | action | late\nCall | Clerk")
    assert [a.text for a in actions] == ["Call"]
    assert [p.path for p in problems] == ["actions[0]"]
