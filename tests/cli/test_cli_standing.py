"""Standing wording against the record on the command line: `validate` warns while the
minutes are drafted, `circulate` refuses in one sentence, and a new meeting whose
Outstanding Issues carry open actions does not say there are none."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.cli.conftest import Run

PLANNING = "planning-committee/2026-11-04"


@pytest.fixture
def clerk(sample: Run, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("MINUTEBOOK_TODAY", "2026-11-25")
    return sample


def _edit(run: Run, tmp_path: Path, meeting_id: str, change) -> None:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(run("show", meeting_id, "--yaml", "--confidential").out)
    change(data)
    path = tmp_path / "edited.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    saved = run("save", meeting_id, "--from", str(path), "-m", "Edited")
    assert saved.code == 0, saved.err


def _declarations(data: dict) -> dict:  # type: ignore[type-arg]
    return next(i for i in data["items"] if i["kind"] == "declarations")


def test_no_declarations_typed_over_a_declaration_warns_then_blocks_circulation(
    clerk: Run, tmp_path: Path
) -> None:
    data = yaml.safe_load(clerk("show", PLANNING, "--yaml").out)
    assert _declarations(data)["declarations"]
    _edit(clerk, tmp_path, PLANNING,
          lambda d: _declarations(d).update(body=[{"text": "There were no declarations of interest."}]))
    checked = clerk("validate", PLANNING)
    assert checked.code == 0, checked.err
    warning = next(line for line in checked.out.splitlines() if "declarations of interest" in line)
    assert warning.startswith("warning: items[0].body[0].text: Item 1 'Declarations of Interests' says there "
                              "were no declarations of interest, but Item 1 'Declarations of Interests' records")
    refused = clerk("circulate", PLANNING)
    assert refused.code == 1
    assert refused.err.count("\n") == 1
    assert "says there were no declarations of interest" in refused.err
    assert clerk("show", PLANNING, "--json").json()["meeting"]["status"] == "minutes-draft"

    _edit(clerk, tmp_path, PLANNING, lambda d: _declarations(d).pop("body"))
    circulated = clerk("circulate", PLANNING)
    assert circulated.code == 0, circulated.err


def test_a_new_meeting_with_open_actions_does_not_say_there_are_none(clerk: Run) -> None:
    made = clerk("new", "children-scrutiny-board", "--date", "2027-02-11", "--time", "14:00")
    assert made.code == 0, made.err
    shown = clerk("show", made.out.strip(), "--json").json()["meeting"]
    outstanding = next(i for i in shown["items"] if i["kind"] == "outstanding-issues")
    assert [a["origin"] for a in outstanding["actions"]] == ["3/26"]
    assert "body" not in outstanding
    checked = clerk("validate", made.out.strip())
    assert "outstanding issues" not in checked.out
