"""Loading templates (validation, extends, errors) and building a new meeting from one."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from schemas import validate
from templates import house_style_path, template_path, template_slugs
from workflow.drafting.meeting_templates import Position, Template, list_templates, load_template
from workflow.drafting.new_meeting import draft_meeting
from workflow.errors import InvalidRecord, MinutebookError, NotFound
from workflow.record.codec import load_yaml
from workflow.record.model import (
    Action,
    Approval,
    AttendanceState,
    Committee,
    Contact,
    Item,
    ItemKind,
    Meeting,
    MeetingKind,
    Membership,
    Person,
    Role,
    Status,
)
from workflow.record.numbering import renumber
from workflow.settings import Settings

SLUGS = [
    "cabinet", "cabinet-member-decision", "full-council", "full-council-budget",
    "licensing-sub-committee", "planning-committee", "scrutiny-board",
]  # fmt: skip

PEOPLE = {
    "cllr-m-mutton": Person(id="cllr-m-mutton", name="M Mutton", title="Councillor"),
    "cllr-s-bains": Person(id="cllr-s-bains", name="S Bains", title="Councillor"),
    "cllr-r-brown": Person(id="cllr-r-brown", name="R Brown", title="Councillor"),
    "cllr-k-mulhall": Person(id="cllr-k-mulhall", name="K Mulhall", title="Councillor"),
}
BOARD = Committee(
    slug="ecs-scrutiny-board",
    name="Education and Children's Services Scrutiny Board (2)",
    council="Coventry City Council",
    template="scrutiny-board",
    venue="Committee Room 3 - Council House",
    contact=Contact(name="Michelle Rose", phone="024 7683 3111", email="michelle.rose@coventry.gov.uk"),
    membership=(
        Membership(person="cllr-s-bains", start=dt.date(2016, 5, 19)),
        Membership(person="cllr-m-mutton", role=Role.CHAIR, start=dt.date(2016, 5, 19)),
        Membership(person="cllr-k-mulhall", start=dt.date(2016, 5, 19), end=dt.date(2018, 5, 16)),
        Membership(person="cllr-r-brown", start=dt.date(2018, 5, 17)),
    ),
)


def _held(date: dt.date, first: int, count: int, **changes: object) -> Meeting:
    items = tuple(Item(uid=f"i{n}", title=f"Business {n}") for n in range(1, count + 1))
    meeting = Meeting(id=f"{BOARD.slug}/{date.isoformat()}", committee=BOARD.slug, date=date,
                      items=items, status=Status.MINUTES_DRAFT)  # fmt: skip
    return dataclasses.replace(renumber(meeting, first), **changes)  # type: ignore[arg-type]


def _new(date: dt.date, previous: tuple[Meeting, ...] = (), **kwargs: object) -> Meeting:
    args: dict[str, object] = {
        "template": load_template("scrutiny-board"), "committee": BOARD, "date": date,
        "start": None, "people": PEOPLE, "previous": previous, "settings": Settings(),
    }  # fmt: skip
    args.update(kwargs)
    return draft_meeting(**args)  # type: ignore[arg-type]


def _write(folder: Path, slug: str, text: str) -> None:
    (folder / f"{slug}.yaml").write_text(text, encoding="utf-8")


# ------------------------------------------------------------------ the shipped templates


def test_the_seven_templates_are_shipped() -> None:
    assert template_slugs() == SLUGS
    assert [t.slug for t in list_templates()] == SLUGS
    assert template_path("cabinet").name == "cabinet.yaml"
    assert house_style_path().name == "house-style.docx"


@pytest.mark.parametrize("slug", SLUGS)
def test_every_template_file_passes_the_template_schema(slug: str) -> None:
    data = load_yaml(template_path(slug).read_bytes())
    report = validate("template", data)
    assert report.ok, report.problems


@pytest.mark.parametrize("slug", SLUGS)
def test_every_template_loads_with_standing_items(slug: str) -> None:
    template = load_template(slug)
    assert isinstance(template, Template)
    assert template.standing_items
    assert any(s.kind is ItemKind.DECLARATIONS for s in template.standing_items)
    assert template.exclusion is not None


def test_the_scrutiny_board_follows_the_seeds() -> None:
    template = load_template("scrutiny-board")
    titles = [(s.title, s.position) for s in template.standing_items]
    assert titles == [
        ("Declarations of Interests", Position.START), ("Minutes", Position.START),
        ("Outstanding Issues", Position.END), ("Work Programme", Position.END),
        ("Any Other Business", Position.END),
    ]  # fmt: skip
    minutes = template.standing_items[1]
    assert minutes.wording == ("a) To agree the minutes of the meeting held on {previous_date}", "b) Matters Arising")
    assert template.standing_items[4].wording == (
        "Any other items of business which the Chair decides to take as matters of urgency "
        "because of the special circumstances involved.",
    )
    assert template.resolution_labels == "(a)"


def test_type_specific_templates() -> None:
    assert load_template("cabinet-member-decision").executive
    assert set(load_template("cabinet-member-decision").item_fields) == {"key_decision", "decision_record"}
    planning = load_template("planning-committee")
    assert (planning.item_fields, planning.resolution_labels, planning.minute_prefix) == (("planning",), "1.", "PLA")
    licensing = load_template("licensing-sub-committee")
    assert licensing.item_fields == ("licensing",)
    assert licensing.exclusion is not None
    assert "regulation 14" in licensing.exclusion.wording[0]
    assert "Schedule 12A" not in licensing.exclusion.wording[0]
    budget = load_template("full-council-budget")
    assert budget.kinds == (MeetingKind.BUDGET,)
    assert "recorded_votes" in budget.item_fields
    assert not any(s.kind is ItemKind.ANY_OTHER_BUSINESS for s in budget.standing_items)
    council = load_template("full-council")
    kinds = {s.kind for s in council.standing_items}
    assert {ItemKind.ANNOUNCEMENTS, ItemKind.QUESTIONS, ItemKind.NOTICE_OF_MOTION} <= kinds


def test_extends_starts_from_the_parent_template() -> None:
    cabinet = load_template("cabinet")
    parent = load_template("cabinet-member-decision")
    assert cabinet.extends == "cabinet-member-decision"
    assert (cabinet.executive, cabinet.item_fields, cabinet.exclusion) == (True, parent.item_fields, parent.exclusion)
    assert cabinet.name == "Cabinet"
    assert cabinet.standing_items != parent.standing_items
    assert load_template("full-council-budget").exclusion == load_template("full-council").exclusion


def test_loaded_templates_are_cached() -> None:
    assert load_template("cabinet") is load_template("cabinet")


@pytest.mark.parametrize("slug", [s for s in SLUGS if MeetingKind.SPECIAL in load_template(s).kinds])
def test_special_meetings_take_no_any_other_business(slug: str) -> None:
    template = load_template(slug)
    committee = dataclasses.replace(BOARD, template=slug)
    special = draft_meeting(template=template, committee=committee, date=dt.date(2026, 2, 3), start=None,
                          kind=MeetingKind.SPECIAL, people=PEOPLE, settings=Settings())  # fmt: skip
    ordinary = draft_meeting(template=template, committee=committee, date=dt.date(2026, 2, 3), start=None,
                           people=PEOPLE, settings=Settings())  # fmt: skip
    assert not any(it.kind is ItemKind.ANY_OTHER_BUSINESS for it in special.items)
    assert any(it.kind is ItemKind.ANY_OTHER_BUSINESS for it in ordinary.items)


# ------------------------------------------------------------------ bad templates


def test_an_unknown_template_suggests_the_closest(tmp_path: Path) -> None:
    with pytest.raises(NotFound) as caught:
        load_template("scrutiny-bord")
    assert str(caught.value) == (
        "There is no template called 'scrutiny-bord' (did you mean 'scrutiny-board'?); "
        f"the templates are: {', '.join(SLUGS)}."
    )
    with pytest.raises(NotFound, match="There is no template called '../cabinet'"):
        load_template("../cabinet")


BASE = """\
slug: {slug}
name: A committee
extends: {extends}
standing_items:
  - kind: declarations
    title: Declarations of Interests
"""


def test_a_template_that_extends_itself_is_a_clear_error(tmp_path: Path) -> None:
    _write(tmp_path, "loop", BASE.format(slug="loop", extends="loop"))
    with pytest.raises(InvalidRecord) as caught:
        load_template("loop", directory=tmp_path)
    assert str(caught.value) == (
        "The template file loop.yaml has 1 problem; first: extends: goes round in a circle (loop -> loop)"
    )


def test_templates_extending_each_other_in_a_circle(tmp_path: Path) -> None:
    _write(tmp_path, "first", BASE.format(slug="first", extends="second"))
    _write(tmp_path, "second", BASE.format(slug="second", extends="first"))
    with pytest.raises(InvalidRecord, match=r"circle \(first -> second -> first\)"):
        load_template("first", directory=tmp_path)


def test_extending_an_unknown_template(tmp_path: Path) -> None:
    _write(tmp_path, "child", BASE.format(slug="child", extends="nowhere"))
    with pytest.raises(InvalidRecord, match=r"extends: names 'nowhere', which is not a template \(child\)"):
        load_template("child", directory=tmp_path)


def test_a_child_template_in_another_folder(tmp_path: Path) -> None:
    _write(tmp_path, "parent", BASE.format(slug="parent", extends='""') + "resolution_labels: '1)'\n")
    _write(tmp_path, "child", "slug: child\nname: Child\nextends: parent\n")
    child = load_template("child", directory=tmp_path)
    assert (child.name, child.resolution_labels, len(child.standing_items)) == ("Child", "1)", 1)
    assert [t.slug for t in list_templates(directory=tmp_path)] == ["child", "parent"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("slug: other\nname: X\n", "slug: is 'other' but should be 'bad', as the file is named"),
        ("slug: bad\nname: X\nresolution_labels: '[a]'\n", "resolution_labels: "),
        ("slug: bad\nname: X\nstanding_items:\n  - kind: declarations\n    title: D\n    wording: ['held on {when}']\n",
         "standing_items[0].wording[0]: "),
        ("slug: bad\nname: X\ncolour: red\n", "colour: "),
        ("slug: bad\nname: X\nminute_prefix: P-1\n", "minute_prefix: 'P-1' is not in the expected form (for example PLA)"),
        ("slug: bad\nname: X\nkinds: [budget]\nstanding_items:\n  - kind: minutes\n    title: M\n    when: [ordinary]\n",
         "standing_items[0].when: names 'ordinary', which this template does not hold (its kinds are: budget)"),
        ("slug: bad\nname: X\ndefault_start: '25:00'\n", "default_start: "),
    ],
)
def test_a_bad_template_names_the_field(tmp_path: Path, text: str, message: str) -> None:
    _write(tmp_path, "bad", text)
    with pytest.raises(InvalidRecord) as caught:
        load_template("bad", directory=tmp_path)
    assert message in str(caught.value)


def test_a_template_that_is_not_yaml(tmp_path: Path) -> None:
    _write(tmp_path, "broken", "slug: broken\nname: [unclosed\n")
    with pytest.raises(MinutebookError, match="The template file broken.yaml, line"):
        load_template("broken", directory=tmp_path)


# ------------------------------------------------------------------ new meeting (seed facts)


def test_a_new_meeting_takes_the_committee_and_template() -> None:
    meeting = _new(dt.date(2017, 10, 12))
    assert meeting.id == "ecs-scrutiny-board/2017-10-12"
    assert (meeting.committee, meeting.committee_name, meeting.council) == (
        BOARD.slug, BOARD.name, "Coventry City Council",
    )  # fmt: skip
    assert (meeting.venue, meeting.contact, meeting.start) == (BOARD.venue, BOARD.contact, dt.time(14, 0))
    assert (meeting.template, meeting.kind, meeting.status) == ("scrutiny-board", MeetingKind.ORDINARY, Status.AGENDA_DRAFT)
    assert [it.uid for it in meeting.items] == [
        "declarations", "minutes", "outstanding-issues", "work-programme", "any-other-business",
    ]  # fmt: skip
    programme = meeting.item("work-programme")
    assert programme.report is not None
    assert (programme.report.kind, programme.report.author, programme.wording) == (
        "Briefing Note", "Scrutiny Co-ordinator", (),
    )  # fmt: skip
    assert meeting.item("declarations").body[0].text == "There were no declarations of interest."  # type: ignore[union-attr]


def test_venue_start_and_clerk_fall_back_in_order() -> None:
    bare = dataclasses.replace(BOARD, council="", contact=Contact())
    settings = dataclasses.replace(Settings(), council="Example Council", clerk_name="A Clerk", clerk_email="a@example.org")
    meeting = _new(dt.date(2017, 10, 12), committee=bare, settings=settings, venue="Diamond Room 1", start=dt.time(10))
    assert (meeting.venue, meeting.start, meeting.council) == ("Diamond Room 1", dt.time(10), "Example Council")
    assert meeting.contact == Contact(name="A Clerk", email="a@example.org")


def test_numbers_run_on_from_the_previous_meeting_and_wording_names_it() -> None:
    september = _held(dt.date(2017, 9, 14), 11, 7)
    meeting = _new(dt.date(2017, 10, 12), (september,))
    assert [it.minute_number for it in meeting.items] == ["18", "19", "20", "21", "22"]
    assert [it.agenda_number for it in meeting.items] == ["18", "19", "20", "21", "22"]
    minutes = meeting.item("minutes")
    assert minutes.wording[0] == "a) To agree the minutes of the meeting held on 14 September 2017"
    assert minutes.approves == (september.id,)
    assert not meeting.notes


def test_numbers_restart_in_june_after_an_april_meeting() -> None:
    april = _held(dt.date(2018, 4, 26), 30, 8)
    meeting = _new(dt.date(2018, 6, 21), (april,))
    assert [it.minute_number for it in meeting.items] == ["1", "2", "3", "4", "5"]
    assert meeting.item("minutes").wording[0].endswith("held on 26 April 2018")


def test_expected_attendance_follows_membership_on_the_date() -> None:
    before = _new(dt.date(2017, 10, 12))
    after = _new(dt.date(2018, 6, 21))
    assert [(a.person, a.role) for a in before.attendance] == [
        ("cllr-m-mutton", Role.CHAIR), ("cllr-s-bains", Role.MEMBER), ("cllr-k-mulhall", Role.MEMBER),
    ]  # fmt: skip
    assert [a.person for a in after.attendance] == ["cllr-m-mutton", "cllr-s-bains", "cllr-r-brown"]
    assert {a.state for a in after.attendance} == {AttendanceState.NOT_RECORDED}


def test_two_meetings_awaiting_approval_are_both_approved() -> None:
    approved = _held(dt.date(2019, 2, 7), 40, 4, approval=Approval(at="x/2019-03-21"))
    march = _held(dt.date(2019, 3, 21), 44, 3)
    june = _held(dt.date(2019, 6, 20), 1, 5)
    meeting = _new(dt.date(2019, 7, 18), (june, approved, march))
    minutes = meeting.item("minutes")
    assert minutes.approves == (march.id, june.id)
    assert minutes.wording == (
        "a) To agree the minutes of the meetings held on 21 March 2019 and 20 June 2019",
        "b) Matters Arising",
    )
    assert not meeting.notes


def test_wording_that_cannot_name_every_meeting_gets_a_note(tmp_path: Path) -> None:
    _write(tmp_path, "short", BASE.format(slug="short", extends='""') + (
        "  - kind: minutes\n    title: Minutes\n    wording: ['Minutes of {previous_date}']\n"
    ))  # fmt: skip
    meeting = _new(dt.date(2019, 7, 18), (_held(dt.date(2019, 3, 21), 44, 3), _held(dt.date(2019, 6, 20), 1, 5)),
                   template=load_template("short", directory=tmp_path))  # fmt: skip
    assert meeting.item("minutes").wording == ("Minutes of 20 June 2019",)
    assert meeting.notes == (
        "The minutes of 2 meetings await approval (21 March 2019 and 20 June 2019); "
        "the Minutes item's wording names only the latest.",
    )


def test_a_first_meeting_says_what_the_clerk_must_add() -> None:
    meeting = _new(dt.date(2026, 1, 14))
    assert "[date of the previous meeting]" in meeting.item("minutes").wording[0]
    assert meeting.notes
    assert "No earlier meeting of this committee" in meeting.notes[0]
    assert meeting.item("minutes").approves == ()


def test_a_new_meeting_takes_carried_actions_in_its_outstanding_issues() -> None:
    from workflow.rules.followup import carry_forward

    september = _held(dt.date(2017, 9, 14), 11, 3)
    september = dataclasses.replace(september, items=(
        dataclasses.replace(september.items[0], actions=(Action(text="Circulate the report"),)),
        *september.items[1:],
    ))  # fmt: skip
    meeting = _new(dt.date(2017, 10, 12), (september,))
    assert meeting.item("outstanding-issues").actions == ()
    carried = carry_forward([september], meeting).item("outstanding-issues")
    assert [(a.text, a.origin) for a in carried.actions] == [("Circulate the report", "11/17")]


def test_cancelled_and_other_committees_meetings_are_ignored() -> None:
    cancelled = _held(dt.date(2017, 9, 14), 11, 7, status=Status.CANCELLED)
    other = _held(dt.date(2017, 9, 20), 11, 9, committee="another-board", id="another-board/2017-09-20")
    meeting = _new(dt.date(2017, 10, 12), (cancelled, other))
    assert meeting.items[0].minute_number == "1"


def test_a_second_meeting_on_the_same_day_runs_on() -> None:
    morning = _held(dt.date(2017, 10, 12), 18, 7)
    meeting = _new(dt.date(2017, 10, 12), (morning,), meeting_id=f"{BOARD.slug}/2017-10-12-2")
    assert meeting.id.endswith("-2")
    assert meeting.items[0].minute_number == "25"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": MeetingKind.BUDGET}, "The scrutiny-board template does not hold budget meetings; its meeting kinds are: ordinary, special."),
        ({"meeting_id": "ecs-scrutiny-board/2017-10-13"}, "should be ecs-scrutiny-board/2017-10-12 (or ecs-scrutiny-board/2017-10-12-2"),
        ({"meeting_id": "Board 12 October"}, "The meeting id 'Board 12 October' should be"),
    ],
)
def test_bad_new_meeting_requests_are_one_sentence(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(MinutebookError) as caught:
        _new(dt.date(2017, 10, 12), **kwargs)
    assert message in str(caught.value)


def test_a_meeting_that_exists_already_is_refused() -> None:
    existing = _held(dt.date(2017, 10, 12), 18, 7)
    with pytest.raises(MinutebookError, match="There is already a meeting ecs-scrutiny-board/2017-10-12; use"):
        _new(dt.date(2017, 10, 12), (existing,))


@pytest.mark.parametrize("slug", SLUGS)
def test_every_template_builds_a_meeting_that_passes_the_meeting_schema(slug: str) -> None:
    from workflow.record.codec import encode

    template = load_template(slug)
    committee = dataclasses.replace(BOARD, template=slug)
    earlier = _held(dt.date(2025, 12, 10), 1, 4, committee=committee.slug)
    meeting = draft_meeting(template=template, committee=committee, date=dt.date(2026, 1, 14), start=None,
                          kind=template.kinds[0], people=PEOPLE, previous=(earlier,), settings=Settings())  # fmt: skip
    assert meeting.items[0].kind in {ItemKind.ANNOUNCEMENTS, ItemKind.DECLARATIONS, ItemKind.OTHER, ItemKind.APOLOGIES}
    report = validate("meeting", encode(meeting))
    assert report.ok, report.problems
    if any(s.kind is ItemKind.MINUTES and s.applies_to(template.kinds[0]) for s in template.standing_items):
        assert any("10 December 2025" in line for line in meeting.item("minutes").wording)
