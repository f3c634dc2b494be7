"""Publishing refuses an agenda whose numbers are out of order or used twice, naming them in
one sentence; after `renumber` it goes out. Real command line, real archive."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.cli.conftest import Result, Run

DRAFT = "children-scrutiny-board/2027-01-14"


@pytest.fixture
def clerk(sample: Run, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("MINUTEBOOK_TODAY", "2027-01-05")
    return sample


def _save_numbers(run: Run, tmp_path: Path, numbers: list[str]) -> Result:
    shown = run("show", DRAFT, "--yaml", "--confidential")
    data = yaml.safe_load(shown.out)
    for item, number in zip(data["items"], numbers, strict=True):
        item["agenda_number"] = item["minute_number"] = number
    path = tmp_path / "numbers.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return run("save", DRAFT, "--from", str(path), "-m", "Numbers typed")


def _head(archive: Path) -> str:
    import archive as store

    return store.GitArchive.open(archive).resolve("HEAD")


def test_numbers_out_of_order_are_refused_and_named(
    clerk: Run, tmp_path: Path, archive_path: Path
) -> None:
    saved = _save_numbers(clerk, tmp_path, ["17", "18", "23", "19", "20", "21", "22"])
    assert saved.code == 0, saved.err
    head = _head(archive_path)
    refused = clerk("publish", DRAFT)
    assert refused.code == 1
    assert refused.err.count("\n") == 1
    assert "out of order" in refused.err
    assert "19 'Youth Justice Plan 2027-28' comes after 23" in refused.err
    assert _head(archive_path) == head
    checks = clerk("publish", DRAFT, "--check")
    assert checks.code == 1
    assert any(line.startswith("NO") and "out of order" in line for line in checks.out.splitlines())

    renumbered = clerk("renumber", DRAFT)
    assert renumbered.code == 0
    assert re.search(r"\(version \d+\)\.$", renumbered.out.strip()), renumbered.out
    published = clerk("publish", DRAFT)
    assert published.code == 0, published.err


def test_a_number_used_twice_is_never_saved(clerk: Run, tmp_path: Path) -> None:
    refused = _save_numbers(clerk, tmp_path, ["17", "18", "19", "19", "20", "21", "22"])
    assert refused.code == 1
    assert "items[3].agenda_number: 19 is also the number of items[2]" in refused.err


def test_publishing_refuses_a_number_used_twice_naming_the_items() -> None:
    import dataclasses
    import datetime as dt

    from workflow.errors import Refused
    from workflow.record.model import Item, Meeting
    from workflow.rules.deadlines import working_days_calendar
    from workflow.rules.lifecycle import publish_agenda
    from workflow.settings import Settings

    meeting = Meeting(id="board/2027-01-14", committee="board", date=dt.date(2027, 1, 14), items=(
        Item(uid="a", agenda_number="1", minute_number="1", title="Budget"),
        Item(uid="b", agenda_number="2", minute_number="2", title="Libraries"),
    ))
    twice = dataclasses.replace(meeting, items=(
        meeting.items[0], dataclasses.replace(meeting.items[1], agenda_number="1")))
    calendar = working_days_calendar("GB", "ENG", years=range(2026, 2028))
    with pytest.raises(Refused, match="Two items have the agenda number 1 \\('Budget' and 'Libraries'\\)"):
        publish_agenda(twice, settings=Settings(), calendar=calendar, published_on=dt.date(2027, 1, 4),
                       today=dt.date(2027, 1, 4))
    published, _ = publish_agenda(meeting, settings=Settings(), calendar=calendar,
                                  published_on=dt.date(2027, 1, 4), today=dt.date(2027, 1, 4))
    assert published.status.value == "agenda-published"
