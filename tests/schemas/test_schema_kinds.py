"""The other kinds (templates, settings, decisions, committees, people) and the API."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
import time
from pathlib import Path
from typing import Any

import pytest

import schemas
from schemas import Problem, Report, ValidationContext, validate
from schemas.compiled import compiled
from workflow.record import codec
from workflow.record.model import DecisionRecord, Item, Meeting, Paragraph, Resolution
from workflow.settings import Settings

TEMPLATE = {
    "slug": "scrutiny-board",
    "name": "Scrutiny Board",
    "meeting_type": "scrutiny",
    "kinds": ["ordinary", "special"],
    "default_start": "14:00",
    "resolution_labels": "(a)",
    "standing_items": [
        {"kind": "declarations", "title": "Declarations of Interests", "position": "start",
         "minutes": "There were no declarations of interest."},
        {"kind": "minutes", "title": "Minutes", "position": "start", "when": ["ordinary"],
         "wording": ["a) To agree the minutes of the meeting held on {previous_date}",
                     "b) Matters Arising"]},
    ],
    "exclusion": {"title": "Exclusion of Press and Public",
                  "wording": ["... within paragraph {paragraphs} of Schedule 12A ..."]},
}


def found(kind: str, data: dict[str, Any]) -> list[str]:
    return [str(p) for p in validate(kind, data).problems]


def test_every_shipped_template_is_valid(project_root: Path) -> None:
    paths = sorted((project_root / "templates").glob("*.yaml"))
    assert len(paths) >= 7
    for path in paths:
        assert found("template", codec.load_yaml(path.read_text())) == [], path.name


def test_a_template_with_its_own_rules_broken() -> None:
    assert found("template", TEMPLATE) == []
    bad = {**TEMPLATE, "resolution_labels": "[a]", "default_start": "2pm",
           "kinds": ["ordinary", "extraordinary"], "item_fields": ["planing"]}
    bad["standing_items"] = [{**TEMPLATE["standing_items"][1], "wording": ["held on {previous_meeting}"]}]
    assert found("template", bad) == [
        "default_start: 2pm is not a time of day (write it as HH:MM, 24-hour)",
        "item_fields[0]: 'planing' is not one of: planning, licensing, key_decision, "
        "decision_record, recorded_votes",
        "kinds[1]: 'extraordinary' is not one of: ordinary, special, annual, budget",
        "resolution_labels: '[a]' is not one of: (a), a), 1), 1., (i), none",
        "standing_items[0].wording[0]: uses {previous_meeting}, which is not one of: "
        "{previous_date}, {previous_dates}",
    ]


def test_template_wording_with_a_lone_brace() -> None:
    bad = {**TEMPLATE, "exclusion": {"title": "Exclusion", "wording": ["paragraph {paragraphs"]}}
    assert found("template", bad) == [
        "exclusion.wording[0]: has a { or } without its partner (write {{ or }} for a brace)"
    ]


def test_settings_defaults_are_valid() -> None:
    assert found("settings", codec.encode(Settings())) == []
    assert found("settings", dataclasses.asdict(Settings())) == []


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("minute_ref_format", "{num}/{yy}",
         "uses {num}, which is not one of: {number}, {yy}, {yyyy}, {prefix}"),
        ("minute_ref_format", "{yy}", "must contain {number}"),
        ("minute_ref_format", "{number/{yy}", "has a { or } without its partner"),
        ("municipal_year_start", "02-29", "'02-29' is not a month and day every year has (like 05-01)"),
        ("municipal_year_start", "May", "'May' is not a month and day every year has (like 05-01)"),
        ("exempt_paragraphs", "scotland", "'scotland' is not one of: england, wales"),
        ("clear_days", -2, "cannot be negative (-2)"),
        ("clear_days", "5", "should be a whole number"),
        ("publish_draft_minutes", "yes", "should be true or false, not 'yes'"),
        ("language", "English", "'English' is not in the expected form (for example en-GB)"),
        ("clerk_email", "clerk", "clerk is not an e-mail address"),
    ],
)
def test_settings_problems(field: str, value: Any, message: str) -> None:
    assert found("settings", {field: value}) == [f"{field}: {message}"]


def test_settings_unknown_key_suggests_the_nearest() -> None:
    assert found("settings", {"clerk_mail": "a@b.org"}) == [
        "clerk_mail: is not a field minutebook knows (did you mean 'clerk_email'?)"
    ]


def test_minute_ref_pattern_from_the_settings_format() -> None:
    import re

    assert re.fullmatch(schemas.minute_ref_pattern("{number}/{yy}"), "14/17")
    assert re.fullmatch(schemas.minute_ref_pattern("{prefix}{number}/{yy}"), "PLA146/14")
    assert not re.fullmatch(schemas.minute_ref_pattern("{number}/{yy}"), "14/2017")
    assert re.fullmatch(schemas.minute_ref_pattern("({number}.{yyyy})"), "(3.2026)")


def test_decision_record() -> None:
    record = DecisionRecord(decision="To approve the expansion", decided_on=dt.date(2019, 2, 4))
    assert found("decision", codec.encode(record)) == []
    assert found("decision", {"reasons": "x", "decided_on": "2019-02-29"}) == [
        "decided_on: 2019-02-29 is not a real date",
        "decision: is required",
    ]


def test_committee_and_register_required_fields() -> None:
    assert found("committee", {"slug": "Scrutiny", "quorum": 0}) == [
        "name: is required",
        "quorum: should be 1 or more",
        "slug: 'Scrutiny' is not a short name: use lower-case letters, digits and hyphens "
        "(like scrutiny-board)",
    ]
    assert found("people", {"people": [{"id": "cllr-a"}]}) == ["people[0].name: is required"]


def test_the_item_kind_validates_one_item_with_relative_paths() -> None:
    item = codec.encode(Item(uid="i3", resolutions=(Resolution(label="(a)"),)))
    report = validate("item", item)
    assert [str(p) for p in report.problems] == [
        "resolutions[0].text: is empty: a resolution needs its wording"
    ]
    assert [p.path for p in report.within("items[3]").problems] == ["items[3].resolutions[0].text"]


def test_report_helpers() -> None:
    report = Report((Problem("items[1].title", "bad"), Problem("closed", "late", "warning"),
                     Problem("items[10].title", "bad")))
    assert not report.ok
    assert [p.path for p in report.errors] == ["items[1].title", "items[10].title"]
    assert [str(p) for p in report.warnings] == ["warning: closed: late"]
    assert [p.path for p in report.at("items[1]")] == ["items[1].title"]
    assert Report().ok
    assert str(Report()) == "no problems"


def test_the_validator_is_built_once_per_kind_and_thread() -> None:
    first = compiled("meeting")
    validate("meeting", {"id": "a/2020-01-01", "committee": "a", "date": "2020-01-01"})
    assert compiled("meeting") is first
    other: list[Any] = []
    thread = threading.Thread(target=lambda: other.append(compiled("meeting")))
    thread.start()
    thread.join()
    assert other[0] is not first


def test_threads_validating_at_once_do_not_mix_their_reports() -> None:
    def worker(index: int, out: dict[int, list[str]]) -> None:
        data = {"id": "a/2020-01-01", "committee": "a", "date": f"2020-02-{30 + index % 2}"}
        for _ in range(30):
            out[index] = [p.path + ":" + p.message for p in validate("meeting", data).problems]

    results: dict[int, list[str]] = {}
    threads = [threading.Thread(target=worker, args=(i, results)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for index, problems in results.items():
        assert problems == [f"date:2020-02-{30 + index % 2} is not a real date"]


def test_a_remembered_item_is_checked_again_in_another_context() -> None:
    data = {"id": "a/2020-01-01", "committee": "a", "date": "2020-01-01",
            "items": [{"uid": "i1", "public_title": "A contract", "exemption": {"paragraph": 14}}]}
    assert not validate("meeting", data).ok
    wales = ValidationContext(exempt_paragraphs=schemas.EXEMPT_PARAGRAPHS["wales"])
    assert validate("meeting", data, context=wales).ok
    assert not validate("meeting", data).ok


def _big_meeting(count: int) -> dict[str, Any]:
    items = tuple(
        Item(uid=f"i{n}", agenda_number=str(n), minute_number=str(100 + n), title=f"Item {n}",
             body=(Paragraph(text="The Board considered a briefing note. " * 5),),
             resolutions=(Resolution(label="(a)", text="That the report be noted."),))
        for n in range(count)
    )
    meeting = Meeting(id="board/2026-01-14", committee="board", date=dt.date(2026, 1, 14), items=items)
    return codec.encode(meeting)


def test_a_hundred_item_meeting_validates_quickly() -> None:
    from schemas import compiled as memory

    data = _big_meeting(100)
    validate("meeting", data)
    memory._memo.clear()
    started = time.perf_counter()
    assert validate("meeting", data).ok
    cold = time.perf_counter() - started
    data["items"][50]["title"] = "Edited"
    started = time.perf_counter()
    assert validate("meeting", data).ok
    warm = time.perf_counter() - started
    assert cold < 0.5, (cold, warm)
    assert warm < 0.1, (cold, warm)
