"""Import through the command line: the seeds into a real archive, refusals, dry runs."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.cli.conftest import Run

BOARD = "education-and-childrens-services-scrutiny-board-2"


def _head(archive: Path) -> str:
    return subprocess.run(["git", "-C", str(archive), "rev-parse", "HEAD"], capture_output=True,
                          text=True, check=True).stdout.strip()


def test_seeds_import_with_their_facts(run: Run, seeds_dir: Path, archive_path: Path) -> None:
    assert run("init").code == 0
    seeds = sorted(seeds_dir.glob("*.txt"))
    dated = [s for s in seeds if not s.name.startswith("003")]
    result = run("import", *map(str, dated), "--json")
    assert result.code == 0, result.err
    rows = {Path(r["file"]).name[:3]: r for r in result.json()["imported"]}
    assert rows["000"]["meeting"] == f"{BOARD}/2018-06-21"
    assert rows["002"]["meeting"] == f"{BOARD}/2017-10-12"
    assert rows["004"]["meeting"] == "cabinet-member-for-children-and-young-people/2019-02-04"
    assert all(r["saved"] and not r["not_understood"] for r in rows.values())

    shown = run("show", f"{BOARD}/2017-10-12", "--json").json()["meeting"]
    assert shown["start"] == "14:00"
    assert shown["closed"] == "15:30"
    assert [i["minute_number"] for i in shown["items"]] == [str(n) for n in range(18, 25)]
    chair = [a for a in shown["attendance"] if a.get("role") == "chair"]
    assert len(chair) == 1
    assert "Mutton" in (chair[0].get("name", "") + chair[0].get("person", ""))
    assert shown["status"] == "minutes-approved"

    history = run("history", f"{BOARD}/2017-10-12", "--json").json()["versions"]
    assert history[0]["message"].startswith("Imported from 002_")

    missing = run("import", str(seeds[3]))
    assert missing.code == 1
    assert "--committee" in missing.out + missing.err
    given = run("import", str(seeds[3]), "--committee", BOARD, "--date", "2019-07-18")
    assert given.code == 0, given.err + given.out

    committees = run("committees", "list", "--json").json()["committees"]
    assert {c["slug"] for c in committees} >= {BOARD, "cabinet-member-for-children-and-young-people"}


def test_reimport_is_refused_unless_replace(run: Run, seeds_dir: Path, archive_path: Path) -> None:
    assert run("init").code == 0
    seed = str(sorted(seeds_dir.glob("000*.txt"))[0])
    assert run("import", seed).code == 0
    head = _head(archive_path)
    again = run("import", seed)
    assert again.code == 1
    assert "--replace" in again.out
    assert _head(archive_path) == head
    dry = run("import", seed, "--replace", "--dry-run")
    assert dry.code == 0
    assert _head(archive_path) == head


def test_bad_files_are_reported_per_file(run: Run, tmp_path: Path, archive_path: Path) -> None:
    assert run("init").code == 0
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)) * 8)
    corrupt = tmp_path / "broken.docx"
    corrupt.write_bytes(b"PK\x03\x04 not really a zip")
    head = _head(archive_path)
    result = run("import", str(empty), str(binary), str(corrupt), str(tmp_path / "nope.txt"), "--json")
    assert result.code == 1
    rows = result.json()["imported"]
    assert len(rows) == 4
    assert all(r["error"] and "\n" not in r["error"] for r in rows)
    assert "Traceback" not in result.err
    assert _head(archive_path) == head
