"""Running git commands for the archive, with errors turned into clerk sentences."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from archive._objects import git_env
from archive.errors import GitFailed

__all__ = ["first_lines", "run_git", "stream_records"]


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


def first_lines(
    workdir: Path, args: Sequence[str], *, what: str, limit: int, ok: Sequence[int] = (0,)
) -> tuple[list[bytes], bool]:
    """The first ``limit`` output lines of ``git <args>``, and whether there were more.

    The command is stopped as soon as one line more than ``limit`` has arrived, so a
    search for a common word does not wait for git to print every match.
    """
    proc = subprocess.Popen(
        ["git", *args], cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=git_env(None),
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    lines: list[bytes] = []
    more = False
    for line in proc.stdout:
        if len(lines) == limit:
            more = True
            break
        lines.append(line.rstrip(b"\n"))
    if more:
        proc.kill()
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()
        return lines, True
    detail = proc.stderr.read().decode("utf-8", "replace").strip()
    proc.stdout.close()
    proc.stderr.close()
    if proc.wait() not in ok:
        raise GitFailed(f"Could not {what}.", detail=detail)
    return lines, False


def stream_records(
    workdir: Path, args: Sequence[str], *, what: str, separator: bytes
) -> Iterator[bytes]:
    """The ``separator``-led records of ``git <args>`` as git writes them.

    A caller can work on each record while git is still producing the next ones; GitFailed
    is raised, after the last record, if git failed.
    """
    proc = subprocess.Popen(
        ["git", *args], cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=git_env(None),
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    pending = b""
    try:
        while chunk := proc.stdout.read1(1 << 16):
            pending += chunk
            *ready, pending = pending.split(separator)
            yield from (r for r in ready if r)
        if pending:
            yield pending
        detail = proc.stderr.read().decode("utf-8", "replace").strip()
    finally:
        proc.stdout.close()
        proc.stderr.close()
        code = proc.wait()
    if code != 0:
        raise GitFailed(f"Could not {what}.", detail=detail)
