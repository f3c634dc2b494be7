"""The small recognisers the importers share: dates, times, names, labels, votes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workflow.importers import import_file
from workflow.importers.common import find_date, find_time, slugify, split_names
from workflow.importers.decisions import (
    decision_start,
    label_of,
    outcome_of,
    split_run_on,
    vote_from,
)
from workflow.record.codec import encode
from workflow.record.model import MotionOutcome, Person, PersonKind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thursday, 21st June, 2018 2.00 pm", dt.date(2018, 6, 21)),
        ("held on 4 February 2019", dt.date(2019, 2, 4)),
        ("June 3, 2025 at 7pm", dt.date(2025, 6, 3)),
        ("on 03/04/2025", dt.date(2025, 4, 3)),
        ("Sept. 9 2024", dt.date(2024, 9, 9)),
        ("no date here", None),
        ("31 February 2019", None),
    ],
)
def test_dates(text: str, expected: dt.date | None) -> None:
    assert find_date(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2.00 pm", dt.time(14, 0)), ("10.00 am", dt.time(10, 0)), ("closed at 2.50pm", dt.time(14, 50)),
        ("7 p.m.", dt.time(19, 0)), ("14:30", dt.time(14, 30)), ("12.15 am", dt.time(0, 15)),
        ("noon", dt.time(12, 0)), ("item 13 pm", None), ("in 2017", None),
    ],
)
def test_times(text: str, expected: dt.time | None) -> None:
    assert find_time(text)[0] == expected


def test_slugs_and_names() -> None:
    assert slugify("Education and Children's Services Scrutiny Board (2)") == (
        "education-and-childrens-services-scrutiny-board-2")
    assert slugify("Comité de Planificación") == "comite-de-planificacion"
    assert split_names("Councillor J Lepoidevin Councillor A Lucas") == [
        "Councillor J Lepoidevin", "Councillor A Lucas"]
    assert split_names("S Hanson, K Jones and R Potter") == ["S Hanson", "K Jones", "R Potter"]
    assert split_names("Councillors A Bell, C Dunn and E Fox") == [
        "Councillor A Bell", "Councillor C Dunn", "Councillor E Fox"]


def test_labels_and_run_on() -> None:
    first = label_of("(a) To note. (b) To agree. (c) To refer.")
    assert first is not None
    assert [(label.text, t) for label, t in split_run_on(first[1], first[0])] == [
        ("(a)", "To note."), ("(b)", "To agree."), ("(c)", "To refer.")]
    after_h = label_of("(h) x")
    assert after_h is not None
    i_label = label_of("(i) y", after=after_h[0])
    assert i_label is not None
    assert i_label[0].family == "letter"
    roman = label_of("(i) y", after=label_of("(a) x")[0])  # type: ignore[index]
    assert roman is not None
    assert roman[0].family == "roman"
    assert label_of("R2025-191 That it be approved")[0].text == "R2025-191"  # type: ignore[index]
    assert label_of("Members discussed") is None


def test_decisions_and_outcomes() -> None:
    assert decision_start("RESOLVED that the Board:") is not None
    assert decision_start("Decisions were taken by the Cabinet.") is None
    assert decision_start("Agreed that the report be noted.") is not None
    assert decision_start("It was agreed that x").agreed  # type: ignore[union-attr]
    assert outcome_of("Carried.").outcome is MotionOutcome.CARRIED  # type: ignore[union-attr]
    assert outcome_of("Motion passed (6 to 0)").vote.for_count == 6  # type: ignore[union-attr]
    assert outcome_of("Lost was the word the Chair used to describe the mood of residents in "
                      "the ward after the closure of the library.") is None
    vote = vote_from("5 for, 1 against, 1 abstention")
    assert vote is not None
    assert (vote.for_count, vote.against_count, vote.abstain_count) == (5, 1, 1)


def test_register_ids_are_used(fixtures: Path) -> None:
    people = {
        "cllr-h-adeyemi": Person(id="cllr-h-adeyemi", name="H Adeyemi", title="Councillor"),
        "cllr-t-okafor": Person(id="cllr-t-okafor", name="T Okafor", title="Councillor"),
        "k-osei": Person(id="k-osei", name="K Osei", kind=PersonKind.OFFICER),
    }
    meeting = import_file(fixtures / "core-printed.md", people=people).meeting
    ids = {a.person for a in meeting.attendance if a.person}
    assert ids == {"cllr-h-adeyemi", "cllr-t-okafor", "k-osei"}
    assert meeting.items[0].declarations[0].member == "cllr-t-okafor"


def test_imports_pass_the_meeting_schema(fixtures: Path) -> None:
    from schemas import validate

    for path in sorted(fixtures.glob("*.*")):
        report = validate("meeting", encode(import_file(path).meeting))
        assert report.ok, (path.name, report.errors)
