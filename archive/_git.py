"""Running git commands for the archive, with errors turned into clerk sentences."""

from __future__ import annotations

import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from archive._objects import git_env
from archive.errors import GitFailed

__all__ = ["run_git"]


def run_git(
    workdir: Path,
    args: Sequence[str],
    *,
    what: str,
    input: bytes | None = None,
    ok: Sequence[int] = (0,),
    env: Mapping[str, str] | None = None,
    timeout: float | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``git <args>`` in ``workdir``; GitFailed("Could not <what>.") on other exit codes."""
    proc = subprocess.run(
        ["git", *args],
        cwd=workdir,
        input=input,
        capture_output=True,
        env=git_env(env),
        timeout=timeout,
        check=False,
    )
    if proc.returncode not in ok:
        detail = proc.stderr.decode("utf-8", "replace").strip()
        raise GitFailed(f"Could not {what}.", detail=detail)
    return proc
