"""Items whose text was cut short: `show`, `list`, `validate` and the rendered minutes say
so, and circulating or approving such minutes needs --confirm-incomplete. Real command
line; the seed whose minutes the council's web page truncated when the seeds are present,
else a note put on an item of the sample archive."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
import yaml

from tests.cli.conftest import Run

PLANNING = "planning-committee/2026-11-04"
CIRCULATED = "children-scrutiny-board/2026-10-22"
LATER = "children-scrutiny-board/2027-01-14"
NOTE = "The source shows only the start of this minute; the rest is missing."


def _mark(run: Run, tmp_path: Path, meeting_id: str, uid: str) -> None:
    data = yaml.safe_load(run("show", meeting_id, "--yaml", "--confidential").out)
    next(i for i in data["items"] if i["uid"] == uid)["incomplete"] = NOTE
    path = tmp_path / "marked.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    assert run("save", meeting_id, "--from", str(path), "-m", "Marked incomplete").code == 0


@pytest.fixture
def clerk(sample: Run, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("MINUTEBOOK_TODAY", "2026-11-25")
    return sample


def test_show_list_validate_and_the_page_say_an_item_is_incomplete(clerk: Run, tmp_path: Path) -> None:
    _mark(clerk, tmp_path, PLANNING, "elm-row")
    shown = clerk("show", PLANNING)
    assert shown.code == 0
    assert f"[This minute is incomplete: {NOTE}]" in shown.out.replace("\\", "")
    assert "warning: Item 5 '26/01234/FUL: 14 Elm Row, Riverbend' is incomplete" in shown.err

    listed = clerk("list")
    row = next(line for line in listed.out.splitlines() if line.startswith(PLANNING))
    assert "minutes-draft [1 incomplete]" in row
    rows = {r["id"]: r for r in clerk("list", "--json").json()["meetings"]}
    assert rows[PLANNING]["incomplete"] == 1
    assert rows[CIRCULATED]["incomplete"] == 0

    checked = clerk("validate", PLANNING)
    assert checked.code == 0
    assert "warning: items[4].incomplete: Item 5 '26/01234/FUL: 14 Elm Row, Riverbend' is incomplete" in checked.out

    out = tmp_path / "minutes.docx"
    assert clerk("render", PLANNING, "minutes", "-o", str(out)).code == 0
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    at = paragraphs.index(f"[This minute is incomplete: {NOTE}]")
    assert "refused" in paragraphs[at - 1]


def test_circulating_minutes_with_an_incomplete_item_needs_confirming(clerk: Run, tmp_path: Path) -> None:
    _mark(clerk, tmp_path, PLANNING, "elm-row")
    refused = clerk("circulate", PLANNING)
    assert refused.code == 1
    assert refused.err.count("\n") == 1
    assert "Item 5 '26/01234/FUL: 14 Elm Row, Riverbend' is marked incomplete" in refused.err
    assert "--confirm-incomplete" in refused.err
    assert clerk("show", PLANNING, "--json").json()["meeting"]["status"] == "minutes-draft"
    done = clerk("circulate", PLANNING, "--confirm-incomplete")
    assert done.code == 0, done.err
    assert "item 5 incomplete, confirmed by the clerk" in done.out
    history = clerk("history", PLANNING, "--json").json()["versions"]
    assert history[0]["message"].endswith("item 5 incomplete, confirmed by the clerk")


def test_approving_minutes_with_an_incomplete_item_needs_confirming(
    clerk: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _mark(clerk, tmp_path, CIRCULATED, "school-transport")
    monkeypatch.setenv("MINUTEBOOK_TODAY", "2027-01-05")
    assert clerk("publish", LATER).code == 0
    monkeypatch.setenv("MINUTEBOOK_TODAY", "2027-01-20")
    refused = clerk("approve", CIRCULATED, "--at", LATER)
    assert refused.code == 1
    assert "is marked incomplete" in refused.err
    assert "before approving the minutes" in refused.err
    approved = clerk("approve", CIRCULATED, "--at", LATER, "--confirm-incomplete")
    assert approved.code == 0, approved.err


def test_the_truncated_seed_is_shown_as_incomplete(run: Run, seeds_dir: Path, tmp_path: Path) -> None:
    assert run("init").code == 0
    seed = sorted(seeds_dir.glob("001_*.txt"))[0]
    imported = run("import", str(seed), "--json")
    assert imported.code == 0, imported.err
    meeting = imported.json()["imported"][0]["meeting"]
    listed = next(line for line in run("list").out.splitlines() if line.startswith(meeting))
    assert "[2 incomplete]" in listed
    checked = run("validate", meeting)
    assert checked.out.count("is incomplete") == 2
    out = tmp_path / "seed.docx"
    assert run("render", meeting, "minutes", "-o", str(out)).code == 0
    text = [p.text for p in docx.Document(str(out)).paragraphs]
    cut = next(i for i, line in enumerate(text) if line.startswith("The Chair of the Board and the Cabinet"))
    assert text[cut + 1].startswith("[This minute is incomplete:")
