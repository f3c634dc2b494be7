"""kill -9 in the middle of a ``minutebook save`` or ``edit``: nothing acknowledged is lost.

A save that printed "Saved ... as version N (commit X)" and exited 0 must be in the history
with its content; the repository stays sound (``git fsck --strict``); a killed save never
blocks the next one, and its half-written files are put back as the newest version has
them the next time the archive is opened; text typed in an editor that was killed is
offered back.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import time
from pathlib import Path

from tests.faults.kit import (
    DRAFT,
    MINUTEBOOK,
    fsck,
    git,
    head,
    mb,
    meeting_path,
    record_text,
    show,
    with_venue,
    worktree_matches_head,
)

RUNS = 20 * int(os.environ.get("MINUTEBOOK_SOAK", "1"))
SAVED = re.compile(r"Saved \S+ as version \d+ \(commit ([0-9a-f]{40})\)\.")


def _calibrate(archive: Path, source: Path) -> float:
    start = time.perf_counter()
    result = mb("save", DRAFT, "--from", str(source), "-m", "Calibration", archive=archive)
    assert result.code == 0, result.err
    return time.perf_counter() - start


def _save_and_kill(archive: Path, source: Path, delay: float, message: str) -> tuple[int, str]:
    proc = subprocess.Popen(
        [str(MINUTEBOOK), "save", DRAFT, "--from", str(source), "-m", message, "--ids",
         "--archive", str(archive)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(delay)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate(timeout=60)
    return proc.returncode, out


def test_kill_save_at_random_points_loses_no_acknowledged_version(archive: Path, tmp_path: Path) -> None:
    base = record_text(archive, DRAFT)
    warm = tmp_path / "warm.yaml"
    warm.write_text(with_venue(base, "Warm-up Room"))
    _calibrate(archive, warm)  # the first save also indexes the history it names the version from
    first = tmp_path / "calibrate.yaml"
    first.write_text(with_venue(base, "Calibration Room"))
    duration = _calibrate(archive, first)
    rng = random.Random(9)
    acknowledged: list[tuple[str, str]] = []
    killed = 0
    for run in range(RUNS):
        venue = f"Kill Room {run}"
        source = tmp_path / f"run{run}.yaml"
        source.write_text(with_venue(base, venue))
        code, out = _save_and_kill(archive, source, rng.uniform(0.4, 1.2) * duration, f"Run {run}")
        if code == 0:
            match = SAVED.search(out)
            assert match, out
            acknowledged.append((match.group(1), venue))
        else:
            assert code == -signal.SIGKILL, out
            killed += 1
            assert mb("history", DRAFT, archive=archive).code == 0
            assert worktree_matches_head(archive), "a killed save's text was left in the folder"
        fsck(archive)
    assert killed, "no save was interrupted; the kill points never landed inside a save"
    final = tmp_path / "final.yaml"
    final.write_text(with_venue(base, "After The Kills"))
    start = time.perf_counter()
    after = mb("save", DRAFT, "--from", str(final), "-m", "After the kills", archive=archive)
    assert after.code == 0, after.err
    assert time.perf_counter() - start < 10
    assert "venue: After The Kills" in show(archive, "HEAD", meeting_path(DRAFT))
    assert worktree_matches_head(archive)
    assert not [p for p in archive.rglob("*") if ".mbtmp-" in p.name]
    for commit, venue in acknowledged:
        git(archive, "merge-base", "--is-ancestor", commit, head(archive))
        assert f"venue: {venue}\n" in show(archive, commit, meeting_path(DRAFT))
    subjects = git(archive, "log", "--format=%s", "--", meeting_path(DRAFT)).splitlines()
    for commit, _ in acknowledged:
        assert git(archive, "log", "-1", "--format=%s", commit).strip() in subjects
    fsck(archive)


def _editor(tmp_path: Path, name: str, body: str) -> Path:
    script = tmp_path / name
    script.write_text("#!/bin/sh\n" + body)
    script.chmod(0o755)
    return script


def _offered_back(archive: Path, tmp_path: Path) -> str:
    seen = tmp_path / "seen.yaml"
    copier = _editor(tmp_path, "copy.sh", f'cp "$1" "{seen}"\n')
    mb("edit", DRAFT, archive=archive, env={"EDITOR": str(copier)})
    return seen.read_text()


def test_killed_editor_text_is_offered_back(archive: Path, tmp_path: Path) -> None:
    editor = _editor(
        tmp_path, "typing.sh",
        "sed -i 's/^venue: .*/venue: Typed Before The Crash/' \"$1\"\nkill -9 $$\n",
    )
    before = head(archive)
    first = mb("edit", DRAFT, archive=archive, env={"EDITOR": str(editor)})
    assert first.code == 1
    assert "kept" in first.err
    assert "Traceback" not in first.err
    assert head(archive) == before
    assert "venue: Typed Before The Crash" in _offered_back(archive, tmp_path)


def test_killed_edit_process_text_is_offered_back(archive: Path, tmp_path: Path) -> None:
    editor = _editor(
        tmp_path, "typing.sh",
        "sed -i 's/^venue: .*/venue: Typed Before The Kill/' \"$1\"\nkill -9 $PPID\nsleep 0.2\n",
    )
    before = head(archive)
    first = mb("edit", DRAFT, archive=archive, env={"EDITOR": str(editor)})
    assert first.code == -signal.SIGKILL
    assert head(archive) == before
    assert "venue: Typed Before The Kill" in _offered_back(archive, tmp_path)
