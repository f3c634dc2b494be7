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


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def test_dry_run_shows_the_import_report(run: Run, archive_path: Path) -> None:
    assert run("init").code == 0
    head = _head(archive_path)
    dry = run("import", str(FIXTURES / "sig-north-american.txt"), str(FIXTURES / "sig-irish.txt"),
              "--dry-run")
    assert dry.code == 0, dry.out + dry.err
    table = dry.out.splitlines()[0].split()
    assert table == ["FILE", "MEETING", "ITEMS", "RESOLUTIONS", "VOTES", "FLAGGED", "IGNORED"]
    row = next(line for line in dry.out.splitlines() if line.startswith(str(FIXTURES / "sig-north")))
    assert row.split()[1:5] == ["council/2025-03-04", "5", "2", "1"]
    assert "page number: " in dry.out
    assert "kept as narrative, to review:" in dry.out
    assert "0 not accounted for." in dry.out
    assert dry.out.rstrip().endswith("Dry run: nothing was saved.")
    assert _head(archive_path) == head


def test_json_report_names_every_flagged_and_ignored_line(run: Run, archive_path: Path) -> None:
    assert run("init").code == 0
    result = run("import", str(FIXTURES / "sig-north-american.txt"), "--dry-run", "--json")
    row = result.json()["imported"][0]
    assert row["votes"] == 1
    assert row["resolutions"] == 2
    assert {x["reason"] for x in row["ignored_lines"]} >= {"page number"}
    assert all(x["line"] and x["reason"] for x in row["flagged"])
    assert row["saved"] is False


def test_progress_is_reported_for_each_file(tmp_path: Path, archive_path: Path, run: Run) -> None:
    from workflow.services.importing import import_files
    from workflow.services.workspace import Workspace

    assert run("init").code == 0
    steps: list[tuple[int, int, str]] = []
    files = [FIXTURES / "var-noise.txt", FIXTURES / "sig-north-american.txt"]
    with Workspace.open(archive_path) as svc:
        outcome = import_files(svc, files, dry_run=True, progress=lambda *a: steps.append(a))
    assert [r.ok for r in outcome.rows] == [True, True]
    assert steps == [(0, 2, "var-noise.txt"), (1, 2, "sig-north-american.txt"), (2, 2, "")]


def _commits(archive: Path) -> int:
    return int(subprocess.run(["git", "-C", str(archive), "rev-list", "--count", "HEAD"],
                              capture_output=True, text=True, check=True).stdout)


def test_a_new_committee_comes_in_the_same_version_as_its_meeting(
        run: Run, seeds_dir: Path, archive_path: Path, tmp_path: Path) -> None:
    assert run("init").code == 0
    before = _commits(archive_path)
    long_name = tmp_path / ("minutes-of-the-board-" + "x" * 220 + ".txt")
    long_name.write_bytes(sorted(seeds_dir.glob("000*.txt"))[0].read_bytes())
    result = run("import", str(long_name), "--json")
    assert result.code == 0, result.err + result.out
    assert _commits(archive_path) == before + 1
    changed = subprocess.run(["git", "-C", str(archive_path), "show", "--name-only", "--format=", "HEAD"],
                             capture_output=True, text=True, check=True).stdout.split()
    assert f"committees/{BOARD}.yaml" in changed
    assert any(p.startswith(f"meetings/{BOARD}/2018-06-21/source/") for p in changed)
    assert all(len(part) < 200 for p in changed for part in p.split("/"))

