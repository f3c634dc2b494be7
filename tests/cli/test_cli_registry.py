"""Templates, committees and the register through the command line; editing in $EDITOR."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import yaml

from tests.cli.conftest import Run


def test_templates_list_and_show(run: Run) -> None:
    listing = run("templates", "list", "--json").json()["templates"]
    slugs = {t["slug"] for t in listing}
    assert {"scrutiny-board", "cabinet-member-decision", "planning-committee", "licensing-sub-committee"} <= slugs
    shown = run("templates", "show", "scrutiny-board")
    assert shown.code == 0
    assert "Declarations of Interests" in shown.out
    missing = run("templates", "show", "scrutiny-bord")
    assert missing.code == 1
    assert "scrutiny-board" in missing.err


def test_people_and_committee_membership(run: Run) -> None:
    assert run("init").code == 0
    assert run("people", "add", "--id", "cllr-j-smith", "--name", "J Smith", "--title", "Councillor").code == 0
    assert run("people", "add", "--id", "cllr-k-jones", "--name", "K Jones", "--title", "Councillor").code == 0
    duplicate = run("people", "add", "--id", "cllr-j-smith", "--name", "J Smith")
    assert duplicate.code == 2
    people = {p["id"] for p in run("people", "list", "--json").json()["people"]}
    assert people == {"cllr-j-smith", "cllr-k-jones"}
    made = run("people", "add", "--name", "Councillor J Smith")
    assert made.code == 0, made.err
    assert made.out.strip() == "Added cllr-j-smith-2 to the register."
    officer = run("people", "add", "--name", "Siân O'Neill", "--kind", "officer", "--directorate", "Place")
    assert officer.out.strip() == "Added sian-oneill to the register."
    nameless = run("people", "add", "--name", "!!!")
    assert nameless.code == 2
    assert nameless.err.strip() == ("minutebook: New person: '!!!' has no letters or figures to make a register id "
                                    "from; type the name in letters.")

    added = run("committees", "add", "audit", "--name", "Audit and Procedure Committee",
                "--template", "scrutiny-board", "--member", "cllr-j-smith:chair",
                "--member", "cllr-k-jones", "--on", "2026-05-20", "--quorum", "2")
    assert added.code == 0, added.err
    shown = run("committees", "show", "audit", "--json").json()["committee"]
    assert [m.get("role", "member") for m in shown["membership"]] == ["chair", "member"]
    left = run("committees", "edit", "audit", "--leaves", "cllr-k-jones", "--on", "2026-12-31")
    assert left.code == 0, left.err
    shown = run("committees", "show", "audit", "--json").json()["committee"]
    assert shown["membership"][1]["end"] == "2026-12-31"

    before = run("new", "audit", "--date", "2026-12-10", "--time", "10:00").out.strip()
    after = run("new", "audit", "--date", "2027-01-10", "--time", "10:00").out.strip()
    expected = lambda mid: [a.get("person") for a in run("show", mid, "--json").json()["meeting"]["attendance"]]  # noqa: E731
    assert expected(before) == ["cllr-j-smith", "cllr-k-jones"]
    assert expected(after) == ["cllr-j-smith"]


def test_unknown_committee_is_one_sentence(run: Run) -> None:
    assert run("init").code == 0
    result = run("new", "nonesuch", "--date", "2027-01-10", "--time", "10:00")
    assert result.code == 1
    assert result.err.startswith("minutebook: There is no committee 'nonesuch'")


def _editor(tmp_path: Path, script: str) -> str:
    path = tmp_path / "fake-editor"
    path.write_text("#!/usr/bin/env python3\nimport sys\n" + script)
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


def test_edit_saves_a_valid_edit(sample: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    meeting = "children-scrutiny-board/2027-01-14"
    monkeypatch.setenv("EDITOR", _editor(tmp_path, (
        "p = sys.argv[1]\n"
        "t = open(p).read().replace('venue: ', 'venue: The Annexe, ', 1)\n"
        "open(p, 'w').write(t)\n"
    )))
    result = sample("edit", meeting, "-m", "Venue corrected")
    assert result.code == 0, result.err
    assert sample("show", meeting, "--json").json()["meeting"]["venue"].startswith("The Annexe, ")
    assert sample("history", meeting, "--json").json()["versions"][0]["message"] == "Venue corrected"


def test_edits_kept_by_the_terminal_ui_come_back_as_block_yaml(
    sample: Run, archive_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    from workflow.services.editing import autosave_key, autosave_store, autosave_text
    from workflow.services.meetings import Meetings
    from workflow.services.workspace import Workspace

    meeting_id = "children-scrutiny-board/2027-01-14"
    with Workspace.open(archive_path, create=False) as service:
        meeting = Meetings(service).load(meeting_id)
        key = autosave_key(service, meeting_id)
    typed = dataclasses.replace(meeting, venue="Committee Room 3, typed in the terminal UI")
    autosave_store().put(key, autosave_text(typed))
    assert autosave_text(typed).startswith(b"{")

    seen = tmp_path / "seen.txt"
    monkeypatch.setenv("EDITOR", _editor(tmp_path, f"open({str(seen)!r}, 'w').write(open(sys.argv[1]).read())\n"))
    result = sample("edit", meeting_id, "-m", "Venue typed in the terminal UI")
    assert "Recovered unsaved edits" in result.out
    assert result.code == 0, result.err
    shown = seen.read_text()
    assert not shown.lstrip().startswith("{")
    assert "\nvenue: Committee Room 3, typed in the terminal UI\n" in shown
    assert sample("show", meeting_id, "--json").json()["meeting"]["venue"] == "Committee Room 3, typed in the terminal UI"


def test_invalid_edit_is_kept_and_offered_back(sample: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    meeting = "children-scrutiny-board/2027-01-14"
    monkeypatch.setenv("EDITOR", _editor(tmp_path, (
        "p = sys.argv[1]\n"
        "t = open(p).read().replace(\"date: '2027-01-14'\", \"date: '2027-02-30'\", 1)\n"
        "t += '# my careful notes\\n'\n"
        "open(p, 'w').write(t)\n"
    )))
    head = sample("history", meeting, "--json").json()["versions"][0]["commit"]
    failed = sample("edit", meeting)
    assert failed.code == 1
    assert "2027-02-30" in failed.err
    assert "offers it back" in failed.err
    assert sample("history", meeting, "--json").json()["versions"][0]["commit"] == head

    seen = tmp_path / "seen.txt"
    monkeypatch.setenv("EDITOR", _editor(tmp_path, (
        f"open({str(seen)!r}, 'w').write(open(sys.argv[1]).read())\n"
        "p = sys.argv[1]\n"
        "t = open(p).read().replace(\"date: '2027-02-30'\", \"date: '2027-01-14'\", 1)\n"
        "open(p, 'w').write(t)\n"
    )))
    again = sample("edit", meeting)
    assert "Recovered unsaved edits" in again.out
    assert "# my careful notes" in seen.read_text()
    assert again.code == 0, again.err
    assert os.environ["EDITOR"]
    data = yaml.safe_load(sample("show", meeting, "--yaml").out)
    assert data["date"] == "2027-01-14"
