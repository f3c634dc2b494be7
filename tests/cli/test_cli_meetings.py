"""The command line's first commands on a real archive: init, list, new, show, save, history."""

from __future__ import annotations

import subprocess
from pathlib import Path

import yaml

from tests.cli.conftest import Run, run_process


def _git(archive: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(archive), *args], capture_output=True, text=True, check=True).stdout


def test_init_sample_lists_demo_meetings(sample: Run, archive_path: Path) -> None:
    listing = sample("list", "--json").json()
    assert listing["format"] == 1
    assert listing["demo"] is True
    assert len(listing["meetings"]) >= 5
    states = {m["status"] for m in listing["meetings"]}
    assert {"minutes-approved", "agenda-draft"} <= states
    text = sample("list")
    assert text.out.startswith("Demo archive")
    assert _git(archive_path, "status", "--porcelain") == ""


def test_init_twice_changes_nothing(sample: Run, archive_path: Path) -> None:
    before = _git(archive_path, "rev-parse", "HEAD")
    again = sample("init", "--sample")
    assert again.code == 0
    assert "already exists" in again.out
    assert _git(archive_path, "rev-parse", "HEAD") == before


def test_new_meeting_prints_id_and_runs_numbers_on(sample: Run) -> None:
    result = sample("new", "children-scrutiny-board", "--date", "2027-02-11", "--time", "14:00")
    assert result.code == 0, result.err
    meeting_id = result.out.strip()
    assert meeting_id == "children-scrutiny-board/2027-02-11"
    shown = sample("show", meeting_id, "--json").json()["meeting"]
    numbers = [int(i["minute_number"]) for i in shown["items"] if i.get("minute_number")]
    previous = sample("show", "children-scrutiny-board/2027-01-14", "--json").json()["meeting"]
    last = max(int(i["minute_number"]) for i in previous["items"] if i.get("minute_number"))
    assert numbers[0] == last + 1
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))
    refused = sample("new", "children-scrutiny-board", "--date", "2027-02-11", "--time", "18:00")
    assert refused.code == 1
    assert "already has a meeting on 11 February 2027 (children-scrutiny-board/2027-02-11)" in refused.err
    assert "--again" in refused.err
    second = sample("new", "children-scrutiny-board", "--date", "2027-02-11", "--time", "18:00", "--again")
    assert second.out.strip() == "children-scrutiny-board/2027-02-11-2"
    shown = sample("show", second.out.strip(), "--json").json()["meeting"]
    again = [int(i["minute_number"]) for i in shown["items"] if i.get("minute_number")]
    assert again[0] == numbers[-1] + 1


def test_save_from_file_records_a_version(sample: Run, tmp_path: Path) -> None:
    meeting_id = "children-scrutiny-board/2027-01-14"
    record = sample("show", meeting_id, "--yaml", "--confidential").out
    data = yaml.safe_load(record)
    data["venue"] = "Committee Room 2"
    edited = tmp_path / "edited.yaml"
    edited.write_text(yaml.safe_dump(data, sort_keys=False))
    saved = sample("save", meeting_id, "--from", str(edited), "-m", "Venue changed")
    assert saved.code == 0, saved.err
    history = sample("history", meeting_id, "--json").json()["versions"]
    assert history[0]["message"] == "Venue changed"
    assert history[0]["author"] == "Test Clerk"
    assert sample("show", meeting_id, "--json").json()["meeting"]["venue"] == "Committee Room 2"


def test_invalid_save_names_the_field_and_writes_nothing(sample: Run, tmp_path: Path, archive_path: Path) -> None:
    meeting_id = "children-scrutiny-board/2027-01-14"
    data = yaml.safe_load(sample("show", meeting_id, "--yaml", "--confidential").out)
    data["date"] = "2026-02-30"
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(data, sort_keys=False))
    head = _git(archive_path, "rev-parse", "HEAD")
    result = sample("save", meeting_id, "--from", str(bad), "-m", "x")
    assert result.code == 1
    assert "date" in result.err
    assert "2026-02-30" in result.err
    assert "Traceback" not in result.err
    assert _git(archive_path, "rev-parse", "HEAD") == head


def test_validate_file_reports_paths(sample: Run, tmp_path: Path) -> None:
    meeting_id = "children-scrutiny-board/2026-09-17"
    data = yaml.safe_load(sample("show", meeting_id, "--yaml", "--confidential").out)
    data["items"][1]["title"] = "Bad \x0b text"
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    result = sample("validate", str(bad), "--json")
    assert result.code == 1
    paths = [p["path"] for p in result.json()["problems"]]
    assert "items[1].title" in paths
    assert sample("validate", meeting_id).code == 0


def test_unknown_meeting_and_path_escape_are_one_sentence(sample: Run) -> None:
    for meeting_id in ("nope/2026-01-01", "../../etc/passwd", "children-scrutiny-board/../../x"):
        result = sample("show", meeting_id)
        assert result.code == 1
        assert result.err.count("\n") == 1
        assert "Traceback" not in result.err


def test_usage_errors_exit_2(run: Run) -> None:
    assert run("new").code == 2
    assert run("frobnicate").code == 2
    assert run("new", "x", "--date", "2026-02-30", "--time", "14:00").code in (1, 2)


def test_not_an_archive_is_refused(tmp_path: Path, run: Run) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "notes.txt").write_text("hello")
    result = run("--archive", str(folder), "list")
    assert result.code == 1
    assert "Traceback" not in result.err
    assert result.err.strip()
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_real_process_runs_and_exits_cleanly(tmp_path: Path) -> None:
    env = {"MINUTEBOOK_ARCHIVE": str(tmp_path / "a")}
    assert run_process("init", "--sample", env=env).code == 0
    listed = run_process("list", "--json", env=env)
    assert listed.code == 0
    assert '"format": 1' in listed.out
    missing = run_process("show", "nope/2026-01-01", env=env)
    assert missing.code == 1
    assert "Traceback" not in missing.err
