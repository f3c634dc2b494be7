"""Helpers for the fault tests: the real ``minutebook`` command, git checks, sample records.

Everything here runs real processes against real repositories; nothing is mocked. The
demo archive (``minutebook init --sample``) is built once per test session and copied for
each test, so every test starts from the same meetings.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

MINUTEBOOK = Path(sys.executable).with_name("minutebook")
DRAFT = "children-scrutiny-board/2027-01-14"
"""The sample meeting whose agenda is still a draft (freely editable)."""
WITH_EXEMPT = "children-scrutiny-board/2026-10-22"
"""The sample meeting with an exempt item and an exempt file beside its record."""
EDITABLE = (
    DRAFT,
    "planning-committee/2026-11-04",
    WITH_EXEMPT,
    "cabinet-member-housing/2026-11-09",
)
"""Sample meetings that are not locked (approved minutes are)."""


@dataclass(frozen=True)
class Result:
    """A finished ``minutebook`` process."""

    code: int
    out: str
    err: str


def mb(
    *args: str,
    archive: Path,
    env: Mapping[str, str] | None = None,
    timeout: float = 60,
    preexec_fn: Callable[[], None] | None = None,
    cwd: Path | None = None,
) -> Result:
    """Run the real console script with ``--archive``; never raises on a non-zero exit."""
    done = subprocess.run(
        [str(MINUTEBOOK), *args, "--archive", str(archive)],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=timeout,
        preexec_fn=preexec_fn,
        cwd=cwd,
        check=False,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def git(repo: Path, *args: str, ok: Sequence[int] = (0,), env: Mapping[str, str] | None = None) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )
    assert done.returncode in ok, f"git {' '.join(args)} failed: {done.stderr}"
    return done.stdout


def head(repo: Path) -> str:
    return git(repo, "rev-parse", "refs/heads/main").strip()


def fsck(repo: Path) -> None:
    """``git fsck --strict`` exits 0 and reports nothing broken (dangling objects are fine)."""
    done = subprocess.run(
        ["git", "-C", str(repo), "fsck", "--strict", "--no-progress", "--no-dangling"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert not done.stdout.strip(), done.stdout + done.stderr


def worktree_matches_head(repo: Path) -> bool:
    """True when every committed file in the folder holds what the newest version holds."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
        git(repo, "read-tree", "HEAD", env=env)
        done = subprocess.run(
            ["git", "-C", str(repo), "diff", "--quiet"],
            env={**os.environ, **env},
            check=False,
        )
    return done.returncode == 0


def show(repo: Path, rev: str, path: str) -> str:
    return git(repo, "show", f"{rev}:{path}")


def meeting_path(meeting_id: str) -> str:
    return f"meetings/{meeting_id}/meeting.yaml"


def record_text(archive: Path, meeting_id: str) -> str:
    """The whole record (exempt content inline) as the clerk edits it."""
    result = mb("show", meeting_id, "--yaml", "--confidential", archive=archive)
    assert result.code == 0, result.err
    return result.out


def with_venue(text: str, venue: str) -> str:
    """The record with its ``venue:`` line replaced."""
    lines = text.splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith("venue:"))
    lines[index] = f"venue: {venue}\n"
    return "".join(lines)


def build_sample(folder: Path) -> Path:
    """A demo archive made by the real ``minutebook init --sample`` in a clean environment."""
    home = folder / "home"
    home.mkdir(parents=True)
    (home / ".gitconfig").write_text("")
    env = {
        "HOME": str(home),
        "GIT_CONFIG_GLOBAL": str(home / ".gitconfig"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "MINUTEBOOK_CONFIG": str(home / "config.toml"),
        "MINUTEBOOK_CLERK_NAME": "Test Clerk",
        "MINUTEBOOK_CLERK_EMAIL": "clerk@example.org",
    }
    archive = folder / "archive"
    result = mb("init", "--sample", archive=archive, env=env)
    assert result.code == 0, result.err
    return archive


def copy_archive(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, symlinks=True)
    return dst


# -- fixtures shared by the fault, bad-input and leak suites (their conftests import them)


@pytest.fixture(scope="session")
def pristine_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample archive, built once per test process."""
    return build_sample(tmp_path_factory.mktemp("pristine"))


@pytest.fixture
def archive(pristine_sample: Path, tmp_path: Path) -> Path:
    """A fresh copy of the sample archive for one test."""
    return copy_archive(pristine_sample, tmp_path / "archive")
