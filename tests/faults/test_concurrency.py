"""Two and four processes saving to one archive at once: every acknowledged save is there.

Each saver is a real process with its own workspace; it prints a commit id only after the
save returned. Afterwards every acknowledged commit is in the branch's history and holds
exactly the venue that saver wrote (nothing interleaved), every version of the record
still parses and validates, the history is one line of commits and ``git fsck`` is clean.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.faults.kit import EDITABLE, fsck, git, head, mb, meeting_path, record_text

SAVER = Path(__file__).with_name("saver.py")
ROOT = Path(__file__).resolve().parents[2]
SOAK = int(os.environ.get("MINUTEBOOK_SOAK", "1"))


def _start(archive: Path, meeting: str, source: Path, tag: str, count: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, str(SAVER), str(archive), meeting, str(source), tag, str(count)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )


def _run_savers(archive: Path, tmp_path: Path, plan: list[tuple[str, str]], count: int) -> list[tuple[str, str, str]]:
    sources = {}
    for meeting in {m for m, _ in plan}:
        sources[meeting] = tmp_path / (meeting.replace("/", "-") + ".yaml")
        sources[meeting].write_text(record_text(archive, meeting))
    savers = [(_start(archive, m, sources[m], tag, count), m, tag) for m, tag in plan]
    for proc, _, _ in savers:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    acknowledged = []
    for proc, meeting, tag in savers:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
        assert not err.strip(), err
        for line in out.split("\n"):
            if line:
                commit, n = line.split()
                acknowledged.append((commit, meeting, f"{tag} {n}"))
        assert len([a for a in acknowledged if a[2].startswith(tag + " ")]) == count
    return acknowledged


def _check(archive: Path, acknowledged: list[tuple[str, str, str]], before: int) -> None:
    tip = head(archive)
    assert len({c for c, _, _ in acknowledged}) == len(acknowledged)
    chain = git(archive, "rev-list", "--first-parent", tip).split()
    assert len(chain) == before + len(acknowledged)
    assert int(git(archive, "rev-list", "--count", "--merges", tip)) == 0
    on_branch = set(chain)
    for commit, meeting, venue in acknowledged:
        assert commit in on_branch
        text = git(archive, "show", f"{commit}:{meeting_path(meeting)}")
        data = yaml.safe_load(text)
        assert data["venue"] == venue
        assert data["id"] == meeting
        subject = git(archive, "log", "-1", "--format=%s", commit).strip()
        assert subject == venue
    fsck(archive)
    for meeting in {m for _, m, _ in acknowledged}:
        assert mb("validate", meeting, archive=archive).code == 0


@pytest.mark.parametrize(
    ("plan", "count"),
    [
        ([(EDITABLE[0], "alpha"), (EDITABLE[1], "beta")], 40),
        ([(EDITABLE[0], "alpha"), (EDITABLE[0], "beta")], 40),
        ([(m, f"w{i}") for i, m in enumerate(EDITABLE)], 25),
        ([(EDITABLE[0], "w0"), (EDITABLE[0], "w1"), (EDITABLE[2], "w2"), (EDITABLE[2], "w3")], 25),
    ],
    ids=["two-different", "two-same", "four-different", "four-two-shared"],
)
def test_concurrent_savers_lose_nothing(
    archive: Path, tmp_path: Path, plan: list[tuple[str, str]], count: int
) -> None:
    before = int(git(archive, "rev-list", "--count", "HEAD"))
    acknowledged = _run_savers(archive, tmp_path, plan, count * SOAK)
    _check(archive, acknowledged, before)
