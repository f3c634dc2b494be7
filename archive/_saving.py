"""Saving a version: the archive lock, the work tree, the commit and the branch's move.

Mixed into :class:`archive.store.GitArchive`. A save, under the archive lock: checks
that no folder on the way is a link; builds the blobs and the trees along the changed
paths through ``repo.odb`` (see :mod:`archive._writing`); notes the paths it is about to
write (:class:`archive._worktree.Journal`) and writes the files into the work tree
atomically; records the commit with ``Commit.create_from_tree(..., head=False)``; fsyncs
the new objects' folders and moves ``refs/heads/main`` with ``git update-ref <new>
<old>``, a compare-and-swap. If anything fails before the ref has moved, the work tree is
put back as the newest version has it; if the process is killed, the next writer (or
opener) does that. git's index is never used to save.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import git
from git.objects import Blob

from archive._odb import ArchiveObjectDB
from archive._repo import damaged, git_errors, run
from archive._setup import aware
from archive._worktree import Journal, check_real_paths, restore, write_files
from archive._writing import BLOB, EMPTY_TREE, RefLocked, RefMoved, VersionWriter, move_ref
from archive.errors import ArchiveError, ArchiveLocked, SaveConflict
from archive.layout import safe_relpath
from archive.locking import ArchiveLock, remove_stale_git_locks
from archive.versions import Identity, Version, compose_message, parse_message

__all__ = ["Saving"]

_MAX_RACES = 20


class Saving:
    """Saves; needs ``path``, ``gitdir``, ``repo``, ``lock_timeout`` and the reads."""

    path: Path
    gitdir: Path
    repo: git.Repo
    lock_timeout: float
    notes: list[str]
    _mutex: threading.RLock
    _writer: VersionWriter
    _journal: Journal

    if TYPE_CHECKING:

        @property
        def branch(self) -> str: ...

        def _head(self) -> str | None: ...

        def resolve(self, rev: str = "HEAD") -> str: ...

        def version(self, rev: str = "HEAD") -> Version: ...

        def _object(self, commit: str, path: str) -> git.Object | None: ...

        def _root(self, commit: str) -> bytes: ...

        def _content(self, blob: Blob, commit: str, path: str) -> bytes: ...

        def refresh_index(self, paths: Sequence[str]) -> None: ...

        def _after_save(self) -> None: ...

    def lock(self) -> ArchiveLock:
        """The archive-wide writer lock (a context manager)."""
        return ArchiveLock(self.gitdir, self.path, timeout=self.lock_timeout)

    def save(
        self,
        files: Mapping[str, bytes | None],
        *,
        message: str,
        author: Identity,
        trailers: Mapping[str, str] = {},
        when: dt.datetime | None = None,
        expect_parent: str | None = None,
    ) -> Version:
        """Record a new version with ``files`` written (``None`` deletes a file).

        Returns the new Version; if nothing differs from the newest version, returns that
        one with ``unchanged=True`` and records nothing. With ``expect_parent`` (the
        version the editor started from), raises SaveConflict when someone else has
        since changed any of the same files.
        """
        checked = {safe_relpath(p): data for p, data in files.items()}
        text = compose_message(message, trailers)
        when = aware(when)
        if expect_parent is not None:
            expect_parent = self.resolve(expect_parent)
        with self._locked():
            version = self._save_locked(checked, text, author, when, expect_parent)
        if not version.unchanged:
            self._after_save()
        return version

    @contextlib.contextmanager
    def _locked(self, timeout: float | None = None) -> Iterator[ArchiveLock]:
        """Hold the archive lock (waiting ``timeout`` seconds, by default ``lock_timeout``),
        first putting back the files of a save that was interrupted."""
        wait = self.lock_timeout if timeout is None else timeout
        lock = ArchiveLock(self.gitdir, self.path, timeout=wait)
        with self._mutex, lock:
            self.notes.extend(lock.notes)
            pending = self._journal.pending()
            if pending:
                self._put_back(pending)
                self.notes.append(
                    "Put back the files of a save that was interrupted, as the newest version has them."
                )
            yield lock

    def _put_back(self, paths: Sequence[str]) -> None:
        """Make the work tree's ``paths`` what the newest version holds; end the journal."""
        head = self._head()
        restore(self.path, paths, lambda rel: self._blob_data(head, rel) if head else None)
        self.refresh_index(paths)
        self._journal.end()

    def _blob_data(self, commit: str, path: str) -> bytes | None:
        found = self._object(commit, path)
        return self._content(found, commit, path) if isinstance(found, Blob) else None

    def _save_locked(
        self,
        files: dict[str, bytes | None],
        text: str,
        author: Identity,
        when: dt.datetime,
        expect_parent: str | None,
    ) -> Version:
        head = self._head()
        if expect_parent is not None and head != expect_parent:
            self._refuse_if_overlap(expect_parent, head, files)
        check_real_paths(self.path, files)
        blobs = {
            p: None if d is None else (BLOB, self._writer.store(b"blob", d)) for p, d in files.items()
        }
        deadline = time.monotonic() + self.lock_timeout
        for _ in range(_MAX_RACES):
            base = self._commit_tree(head) if head else EMPTY_TREE
            tree, changed = self._writer.tree(base, blobs)
            if tree == base and head is not None:
                self.repo.odb.discard()
                return self._unchanged(head)
            parents = (head,) if head else ()
            try:
                commit = self._record(files, changed, tree, parents, text, author, when)
            except RefMoved:
                head = self._head()
                if expect_parent is not None and head != expect_parent:
                    self._refuse_if_overlap(expect_parent, head, files)
                continue
            except RefLocked:
                self._wait_for_ref_lock(deadline)
                head = self._head()
                continue
            self.refresh_index(changed)
            subject, body, trailers = parse_message(text)
            return Version(
                commit=commit,
                short=commit[:10],
                author=author,
                when=when,
                subject=subject,
                body=body,
                trailers=trailers,
                paths=tuple(changed),
                parents=parents,
            )
        raise ArchiveError("The archive kept changing under this save; please try again.")

    def _record(
        self,
        files: Mapping[str, bytes | None],
        changed: Sequence[str],
        tree: str,
        parents: tuple[str, ...],
        text: str,
        author: Identity,
        when: dt.datetime,
    ) -> str:
        """Work tree, commit, ref; the work tree is put back if the ref did not move."""
        odb = self.repo.odb
        assert isinstance(odb, ArchiveObjectDB)
        written = {p: d for p, d in files.items() if d is not None}
        touched = set(changed) | set(written)
        self._journal.begin(touched)
        try:
            write_files(self.path, {**{p: None for p in changed if p not in written}, **written})
            commit = self._writer.commit(tree, parents, text, author, when)
            odb.sync()
            move_ref(self.repo, self.branch, commit, parents[0] if parents else None,
                     reason=f"commit: {text.splitlines()[0]}", who=author)
        except BaseException:
            with contextlib.suppress(ArchiveError, OSError):
                self._put_back(sorted(touched))
            raise
        self._journal.end()
        return commit

    def _commit_tree(self, commit: str) -> str:
        with self._mutex, git_errors("read a version"):
            try:
                return self._root(commit).hex()
            except (ValueError, BrokenPipeError) as exc:
                raise damaged(
                    self.repo, f"The archive is damaged: version {commit[:10]} is missing.", exc
                ) from exc

    def _unchanged(self, head: str) -> Version:
        return dataclasses.replace(self.version(head), unchanged=True)

    def _wait_for_ref_lock(self, deadline: float) -> None:
        notes = remove_stale_git_locks(self.gitdir, names=(self.branch + ".lock",))
        self.notes.extend(notes)
        if notes:
            return
        if time.monotonic() > deadline:
            raise ArchiveLocked(
                "The archive is busy: another git program is updating it; try again in a moment."
            )
        time.sleep(0.05)

    def _refuse_if_overlap(
        self, base: str, head: str | None, files: Mapping[str, object]
    ) -> None:
        if head is None:
            return
        _, out, _ = run(
            self.repo,
            ["diff-tree", "-r", "-z", "--name-only", "--no-renames", base, head, "--", *files],
            what="compare versions",
        )
        overlap = sorted(p for p in out.decode("utf-8", "replace").split("\0") if p)
        if overlap:
            raise SaveConflict(
                f"'{overlap[0]}' was changed by someone else since you opened it; "
                "reload it and apply your changes again.",
                paths=overlap,
                head=head,
            )
