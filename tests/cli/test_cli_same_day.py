"""A second meeting on a day that has one: refused without --again, numbered on from the
first with it, and never named in the next meeting's Minutes item once the first was held.
Real command line on the sample archive."""

from __future__ import annotations

import pytest

from tests.cli.conftest import Run

BOARD = "children-scrutiny-board"
FIRST = f"{BOARD}/2027-01-14"


@pytest.fixture
def clerk(sample: Run, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("MINUTEBOOK_TODAY", "2027-01-05")
    return sample


def _numbers(run: Run, meeting_id: str) -> list[int]:
    shown = run("show", meeting_id, "--json").json()["meeting"]
    return [int(i["agenda_number"]) for i in shown["items"] if i.get("agenda_number")]


def test_the_second_meeting_needs_again_and_numbers_on(clerk: Run) -> None:
    before = clerk("list", "--json").json()["meetings"]
    refused = clerk("new", BOARD, "--date", "2027-01-14", "--time", "18:00")
    assert refused.code == 1
    assert refused.err.count("\n") == 1
    assert f"already has a meeting on 14 January 2027 ({FIRST})" in refused.err
    assert clerk("list", "--json").json()["meetings"] == before

    made = clerk("new", BOARD, "--date", "2027-01-14", "--time", "18:00", "--again")
    assert made.code == 0, made.err
    second = made.out.strip()
    assert second == f"{FIRST}-2"
    first_numbers = _numbers(clerk, FIRST)
    assert _numbers(clerk, second)[0] == first_numbers[-1] + 1


def test_the_next_minutes_item_names_the_day_once_and_not_a_stray_draft(clerk: Run) -> None:
    assert clerk("new", BOARD, "--date", "2027-01-14", "--time", "18:00", "--again").code == 0
    assert clerk("publish", FIRST).code == 0
    made = clerk("new", BOARD, "--date", "2027-02-11", "--time", "14:00")
    assert made.code == 0, made.err
    shown = clerk("show", made.out.strip(), "--json").json()["meeting"]
    minutes = next(i for i in shown["items"] if i["kind"] == "minutes")
    assert minutes["approves"] == [FIRST]
    wording = minutes["wording"][0]
    assert wording.count("14 January 2027") == 1
    assert "meetings" not in wording
