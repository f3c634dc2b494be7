"""Keeping a growing archive fast and tidy, with git's own commands run through GitPython.

- The commit-graph with changed-path Bloom filters (``git commit-graph write --reachable
  --changed-paths --split``) is what makes ``git log -- <meeting>`` quick in a long
  history; saves add to it every few versions, and ``init``, ``open`` and ``sync`` make
  sure it exists.
- ``git repack --geometric=2`` rolls the small packs of syncs together; ``git prune``
  removes objects no version refers to (from refused saves) and git's abandoned
  temporary files, once they are an hour old.
- git's index only serves people who run ``git status`` in the archive folder: saves
  never wait for it. ``add_to_index`` adds saved paths in one git process; if that
  fails (a damaged index, a lock left by a killed git), ``rebuild_index`` writes it
  afresh from the newest version.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import git

from archive._repo import run
from archive.errors import ArchiveError, GitFailed

if TYPE_CHECKING:
    from archive.locking import ArchiveLock

INDEX_BATCH = 256
"""Paths waiting for git's index before a save writes them in (one git process)."""

__all__ = [
    "INDEX_BATCH",
    "Upkeep",
    "add_to_index",
    "count_save",
    "extend_commit_graph",
    "has_commit_graph",
    "prune",
    "rebuild_index",
    "roll_up_packs",
]


def has_commit_graph(gitdir: Path) -> bool:
    """True if the repository has a commit-graph (single file or split chain)."""
    info = gitdir / "objects" / "info"
    return (info / "commit-graph").exists() or (
        info / "commit-graphs" / "commit-graph-chain"
    ).exists()


def extend_commit_graph(repo: git.Repo) -> None:
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


def add_to_index(repo: git.Repo, paths: Sequence[str]) -> None:
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


class Upkeep:
    """The archive's upkeep; needs ``gitdir``, ``repo``, ``update_index``, the save
    counter settings and ``_locked``."""

    gitdir: Path
    repo: git.Repo
    update_index: bool
    graph_every: int
    repack_every: int
    _index_pending: set[str]

    if TYPE_CHECKING:

        def _locked(self, timeout: float | None = None) -> contextlib.AbstractContextManager[ArchiveLock]: ...

    def write_commit_graph(self) -> None:
        """Add new versions to the commit-graph (with changed-path Bloom filters)."""
        extend_commit_graph(self.repo)

    def refresh_index(self, paths: Sequence[str]) -> None:
        """Note that git's index is behind for ``paths``; ``flush_index`` catches it up.

        Saves never wait for git's index. ``flush_index()`` runs on ``close()``, on
        ``maintenance()`` and once ``INDEX_BATCH`` paths are waiting, so ``git status``
        in the archive folder is clean whenever no minutebook is in the middle of work.
        """
        if self.update_index:
            self._index_pending.update(paths)

    def flush_index(self, *, locked: bool = False) -> None:
        """Write the noted paths into git's index now; a damaged index is rebuilt.

        While another git program holds the index, the paths wait for the next call.
        """
        if not self._index_pending:
            return
        pending = sorted(self._index_pending)
        with contextlib.ExitStack() as stack:
            if not locked:
                stack.enter_context(self._locked())
            add_to_index(self.repo, pending)
            self._index_pending.difference_update(pending)

    def _after_save(self) -> None:
        count = count_save(self.gitdir)
        with contextlib.suppress(ArchiveError, OSError):
            if len(self._index_pending) >= INDEX_BATCH:
                self.flush_index()
            if self.repack_every and count % self.repack_every == 0:
                self.maintenance(refresh_index=False, drop_garbage=False)
            elif self.graph_every and count % self.graph_every == 0:
                self.write_commit_graph()

    def maintenance(self, *, refresh_index: bool = True, drop_garbage: bool = True) -> None:
        """Pack refs and objects, refresh the commit-graph and git's index, and (with
        ``drop_garbage``, a walk of the whole history) remove objects no version uses.

        ``refresh_index`` rebuilds git's index from the newest version for anyone
        running git by hand in the archive folder. Packing runs under the archive lock:
        it removes loose objects and their folders, which a save must not be writing.
        """
        with self._locked():
            run(self.repo, ["pack-refs", "--all"], what="tidy the archive's tags")
            if refresh_index:
                rebuild_index(self.repo)
                self._index_pending.clear()
            else:
                self.flush_index(locked=True)
            roll_up_packs(self.repo)
            if drop_garbage:
                prune(self.repo)
        extend_commit_graph(self.repo)
