"""Bad input read from YAML gives one clear sentence per field, never a traceback."""

from __future__ import annotations

from typing import Any

import pytest

from schemas import validate
from workflow.record import codec

GOOD = """\
id: scrutiny-board/2026-01-14
committee: scrutiny-board
date: 2026-01-14
start: 14:00
items:
- uid: i1
  agenda_number: 1
  title: Declarations of Interests
  report:
    to_follow: false
"""


def problems_of(text: str) -> list[str]:
    return [str(p) for p in validate("meeting", codec.load_yaml(text)).problems]


def test_the_good_file_is_valid() -> None:
    assert problems_of(GOOD) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("date: 2026-01-14", "date: 2026-02-30", "date: 2026-02-30 is not a real date"),
        ("start: 14:00", "start: 25:00",
         "start: 25:00 is not a time of day (write it as HH:MM, 24-hour)"),
        ("to_follow: false", "to_follow: no",
         "items[0].report.to_follow: should be true or false, not 'no'"),
        ("  title:", "  titel:",
         "items[0].titel: is not a field minutebook knows (did you mean 'title'?)"),
        ("  title: Declarations", '  title: "Declarations\\vof',
         "items[0].title: contains a control character (U+000B) that Word cannot hold"),
        ("start: 14:00", "start:", "start: has no value (write one, or remove the line)"),
        ("items:", "itmes:", "itmes: is not a field minutebook knows (did you mean 'items'?)"),
        ("date: 2026-01-14", "date: [2026]", "date: should be text"),
        ("  agenda_number: 1", "  agenda_number: {n: 1}", "items[0].agenda_number: should be text"),
        ("- uid: i1", "- uid: i1\n  kind: aob",
         "items[0].kind: 'aob' is not one of: announcements, apologies, declarations, minutes, "
         "report, outstanding-issues, work-programme, any-other-business, exclusion, "
         "notice-of-motion, questions, planning-application, licensing-hearing, other"),
        ("items:", "colour: blue\nitems:", "colour: is not a field minutebook knows"),
    ],
)
def test_one_sentence_naming_the_field(old: str, new: str, expected: str) -> None:
    text = GOOD.replace(old, new, 1)
    if new.startswith('  title: "'):
        text = text.replace("Interests", 'Interests"')
    assert text != GOOD
    assert problems_of(text) == [expected]


def test_missing_required_fields() -> None:
    assert [str(p) for p in validate("meeting", {"items": [{"title": "x"}]}).problems] == [
        "committee: is required",
        "date: is required",
        "id: is required",
        "items[0].uid: is required",
    ]


@pytest.mark.parametrize("value", [1, True, "x", None])
def test_a_list_where_fields_are_expected(meeting: dict[str, Any], value: Any) -> None:
    meeting["items"][0] = value
    meeting["contact"] = [value]
    found = [str(p) for p in validate("meeting", meeting).problems]
    if value is None:
        assert found == [
            "contact: should be a set of fields (name: value)",
            "items[0]: has no value (write one, or remove the line)",
        ]
    else:
        assert found == [
            "contact: should be a set of fields (name: value)",
            "items[0]: should be a set of fields (name: value)",
        ]


@pytest.mark.parametrize("value", [True, "3", "three", None])
def test_a_whole_number_field_refuses_other_things(meeting: dict[str, Any], value: Any) -> None:
    meeting["items"][3]["exemption"]["paragraph"] = value
    found = validate("meeting", meeting).problems
    assert [p.path for p in found] == ["items[3].exemption.paragraph"]


def test_a_document_that_is_not_a_mapping() -> None:
    assert [str(p) for p in validate("meeting", ["not", "fields"]).problems] == [  # type: ignore[arg-type]
        "record: should be a set of fields (name: value)"
    ]


def test_an_unknown_kind_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="'minutes' is not a kind of record minutebook knows"):
        validate("minutes", {})


def test_numeric_keys_do_not_crash(meeting: dict[str, Any]) -> None:
    meeting[7] = "x"
    assert [str(p) for p in validate("meeting", meeting).problems] == [
        "7: is not a field minutebook knows"
    ]


def test_a_record_nested_too_deeply_gives_a_sentence() -> None:
    resolution: dict[str, Any] = {"label": "(a)", "text": "agreed"}
    for _ in range(400):
        resolution = {"label": "(a)", "text": "agreed", "children": [resolution]}
    report = validate("item", {"uid": "i1", "resolutions": [resolution]})
    assert [str(p) for p in report.problems] == ["record: nests too deeply to be a record"]
    assert validate("item", {"uid": "i1", "title": "after"}).ok
