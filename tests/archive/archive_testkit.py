"""Helpers shared by the archive tests (a module of its own so tests can import it)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from archive import Identity

ROOT = Path(__file__).resolve().parents[2]
CLERK = Identity("Jo Clerk", "jo.clerk@example.org")
OTHER = Identity("Sam Officer", "sam.officer@example.org")
T0 = dt.datetime(2025, 1, 6, 9, 30, tzinfo=dt.UTC)


def at(minutes: int) -> dt.datetime:
    """A fixed clock: ``minutes`` after 6 January 2025 09:30 UTC."""
    return T0 + dt.timedelta(minutes=minutes)


def git(repo: Path, *args: str, check: bool = True) -> str:
    """Run git in ``repo`` and return its stdout."""
    proc = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False)
    if check and proc.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {proc.stderr}")
    return proc.stdout


def child_env() -> dict[str, str]:
    """Environment for helper processes: this checkout importable, same git isolation."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def helper(*args: str) -> list[str]:
    """Command line running tests/archive/helper_process.py."""
    return [sys.executable, str(Path(__file__).with_name("helper_process.py")), *args]


def fsck(repo: Path) -> None:
    """Assert ``git fsck --strict`` finds nothing wrong."""
    proc = subprocess.run(
        ["git", "fsck", "--strict", "--no-progress"], cwd=repo, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "error" not in proc.stderr.lower(), proc.stderr
