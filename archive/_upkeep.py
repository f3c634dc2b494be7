"""Keeping a growing archive fast and tidy, with git's own commands run through GitPython.

- The commit-graph with changed-path Bloom filters (``git commit-graph write --reachable
  --changed-paths --split``) is what makes ``git log -- <meeting>`` quick in a long
  history; saves add to it every few versions, and ``init``, ``open`` and ``sync`` make
  sure it exists.
- ``git repack --geometric=2`` rolls the small packs of syncs together; ``git prune``
  removes objects no version refers to (from refused saves) and git's abandoned
  temporary files, once they are an hour old.
- git's index only serves people who run ``git status`` in the archive folder: saves
  never wait for it. ``update_index`` adds saved paths in one git process; if that
  fails (a damaged index, a lock left by a killed git), ``rebuild_index`` writes it
  afresh from the newest version.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path

import git

from archive._repo import run
from archive.errors import ArchiveError, GitFailed

__all__ = [
    "count_save",
    "has_commit_graph",
    "prune",
    "rebuild_index",
    "roll_up_packs",
    "update_index",
    "write_commit_graph",
]


def has_commit_graph(gitdir: Path) -> bool:
    """True if the repository has a commit-graph (single file or split chain)."""
    info = gitdir / "objects" / "info"
    return (info / "commit-graph").exists() or (
        info / "commit-graphs" / "commit-graph-chain"
    ).exists()


def write_commit_graph(repo: git.Repo) -> None:
    """Add new commits to the split commit-graph, with changed-path Bloom filters."""
    run(
        repo,
        ["commit-graph", "write", "--reachable", "--changed-paths", "--split", "--no-progress"],
        what="index the history",
    )


def roll_up_packs(repo: git.Repo) -> None:
    """Merge small packs, keeping a geometric progression of packs."""
    run(repo, ["repack", "-d", "-q", "--geometric=2"], what="pack the archive")


def prune(repo: git.Repo) -> None:
    """Remove unreferenced objects and git's temporary files older than an hour."""
    run(repo, ["prune", "--expire=1.hour.ago"], what="tidy the archive")


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


def update_index(repo: git.Repo, paths: Sequence[str]) -> None:
    """Bring git's index in line with the work tree for ``paths``; rebuild it on failure."""
    try:
        run(repo, ["update-index", "-q", "--add", "--remove", "--", *paths],
            what="update the archive index")
    except ArchiveError:
        rebuild_index(repo)


def rebuild_index(repo: git.Repo) -> None:
    """Write git's index afresh from the newest version (a damaged index is replaced)."""
    index = Path(repo.git_dir) / "index"
    if index.with_name("index.lock").exists():
        raise GitFailed(
            "Could not rebuild the archive index: another git program is using it.",
        )
    try:
        run(repo, ["read-tree", "HEAD"], what="rebuild the archive index")
    except ArchiveError:
        index.unlink(missing_ok=True)
        run(repo, ["read-tree", "HEAD"], what="rebuild the archive index")
    run(repo, ["update-index", "-q", "--refresh"], what="refresh the archive index", ok=(0, 1))
