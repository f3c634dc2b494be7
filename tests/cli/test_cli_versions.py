"""One way to name a version on the command line: "version 8", as ``history`` numbers
them; the commit id only when asked for with ``--ids``."""

from __future__ import annotations

import re
from pathlib import Path

from tests.cli.conftest import Run

DRAFT = "children-scrutiny-board/2027-01-14"
COMMIT = re.compile(r"\b[0-9a-f]{7,40}\b")


def _edited(run: Run, tmp_path: Path, venue: str) -> Path:
    text = run("show", DRAFT, "--yaml", "--confidential").out
    path = tmp_path / "edit.yaml"
    path.write_text(re.sub(r"(?m)^venue: .*$", f"venue: {venue}", text), encoding="utf-8")
    return path


def test_versions_are_named_by_number_and_commits_only_on_request(sample: Run, tmp_path: Path) -> None:
    before = len(sample("history", DRAFT).out.splitlines())
    saved = sample("save", DRAFT, "--from", str(_edited(sample, tmp_path, "Room 2")), "-m", "Venue moved")
    assert saved.code == 0, saved.err
    assert saved.out.strip() == f"Saved {DRAFT} as version {before + 1}."

    history = sample("history", DRAFT).out.splitlines()
    assert history[0].startswith(f"version {before + 1}  ")
    assert "Venue moved" in history[0]
    assert not any(COMMIT.search(line) for line in history), history
    with_ids = sample("history", DRAFT, "--ids").out.splitlines()
    commit = sample("history", DRAFT, "--json").json()["versions"][0]["commit"]
    assert commit[:10] in with_ids[0]

    again = sample("save", DRAFT, "--from", str(_edited(sample, tmp_path, "Room 3")), "-m", "Moved again", "--ids")
    assert re.fullmatch(rf"Saved {DRAFT} as version {before + 2} \(commit [0-9a-f]{{40}}\)\.", again.out.strip())

    restored = sample("restore", DRAFT, str(before + 1))
    assert restored.code == 0, restored.err
    assert restored.out.strip() == f"Restored version {before + 1} of {DRAFT}; it is now version {before + 3}."


def test_a_lifecycle_step_names_the_version_it_saved(sample: Run) -> None:
    before = len(sample("history", DRAFT).out.splitlines())
    published = sample("publish", DRAFT)
    assert published.code == 0, published.err
    assert f"(version {before + 1})" in published.out.splitlines()[0]
    assert not COMMIT.search(published.out.splitlines()[0])
