"""Keeping a growing archive fast: commit-graph, pack roll-ups, counters, temporaries."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

from archive._git import run_git

__all__ = [
    "count_save",
    "has_commit_graph",
    "remove_abandoned_temporaries",
    "roll_up_packs",
    "write_commit_graph",
]


def has_commit_graph(gitdir: Path) -> bool:
    """True if the repository has a commit-graph (single file or split chain)."""
    info = gitdir / "objects" / "info"
    return (info / "commit-graph").exists() or (
        info / "commit-graphs" / "commit-graph-chain"
    ).exists()


def write_commit_graph(workdir: Path) -> None:
    """Add new commits to the split commit-graph, with changed-path Bloom filters."""
    run_git(
        workdir,
        ["commit-graph", "write", "--reachable", "--changed-paths", "--split", "--no-progress"],
        what="index the history",
    )


def roll_up_packs(workdir: Path) -> None:
    """Merge the small packs saves write, keeping a geometric progression of packs."""
    run_git(workdir, ["repack", "-d", "-q", "--geometric=2"], what="pack the archive")


def count_save(gitdir: Path) -> int:
    """Add one to the archive's save counter (advisory, not fsynced) and return it."""
    counter = gitdir / "minutebook-saves"
    try:
        count = int(counter.read_text() or 0) + 1
    except (FileNotFoundError, ValueError):
        count = 1
    with contextlib.suppress(OSError):
        counter.write_text(str(count))
    return count


def remove_abandoned_temporaries(gitdir: Path, older_than: float = 3600.0) -> None:
    """Delete half-written pack files left by a save that was killed long ago."""
    cutoff = time.time() - older_than
    for leftover in (gitdir / "objects" / "pack").glob("tmp_*"):
        with contextlib.suppress(OSError):
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()
