"""Several processes saving at once, and processes killed in the middle of a save."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from pathlib import Path

from archive_testkit import CLERK, at, child_env, fsck, git, helper

from archive import GitArchive

SOAK = int(os.environ.get("MINUTEBOOK_SOAK", "1"))


def _start_saver(repo: Path, name: str, count: int, shared: bool) -> subprocess.Popen[str]:
    args = helper("save", str(repo), name, str(count), *(["shared"] if shared else []))
    return subprocess.Popen(
        args,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
    )


def _reachable(repo: Path, commit: str) -> bool:
    proc = subprocess.run(["git", "merge-base", "--is-ancestor", commit, "main"], cwd=repo)
    return proc.returncode == 0


def test_two_processes_saving_lose_nothing(archive: GitArchive) -> None:
    count = 25 * SOAK
    repo = archive.path
    savers = [_start_saver(repo, name, count, shared=True) for name in ("alpha", "beta")]
    for saver in savers:
        assert saver.stdin is not None
        saver.stdin.write("go\n")
        saver.stdin.flush()
    reported = []
    for saver in savers:
        out, err = saver.communicate(timeout=120)
        assert saver.returncode == 0, err
        reported.append(out.split())
    assert [len(r) for r in reported] == [count, count]
    for commits in reported:
        assert all(_reachable(repo, c) for c in commits)
    assert int(git(repo, "rev-list", "--count", "main")) == 1 + 2 * count
    assert len(archive.history("people/register.yaml")) == 2 * count
    assert len(archive.history("meetings/alpha")) == count
    assert len(set(reported[0]) | set(reported[1])) == 2 * count
    fsck(repo)


def test_killed_mid_save_never_loses_a_reported_version(archive: GitArchive) -> None:
    repo = archive.path
    rng = random.Random(20250106)
    reported: list[str] = []
    for run in range(4 * SOAK):
        saver = _start_saver(repo, f"run{run}", 10_000, shared=True)
        assert saver.stdin is not None
        assert saver.stdout is not None
        saver.stdin.write("go\n")
        saver.stdin.flush()
        wanted = rng.randint(1, 12)
        for _ in range(wanted):
            line = saver.stdout.readline().strip()
            assert line, saver.stderr.read() if saver.stderr else ""
            reported.append(line)
        time.sleep(rng.uniform(0, 0.02))
        saver.send_signal(signal.SIGKILL)
        rest, _ = saver.communicate()
        reported.extend(rest.split())
        assert all(_reachable(repo, c) for c in reported)
        fsck(repo)
        version = archive.save(
            {"people/register.yaml": f"after run {run}\n".encode()},
            message=f"after run {run}",
            author=CLERK,
            when=at(run),
        )
        assert archive.head() == version.commit
    assert len(archive.history("people/register.yaml")) >= len(reported)
    with GitArchive.open(repo) as reopened:
        assert reopened.read("people/register.yaml") == f"after run {4 * SOAK - 1}\n".encode()
