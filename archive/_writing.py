"""Writing a version with GitPython: blobs, the trees along changed paths, the commit.

``VersionWriter.tree`` builds a new root tree from the previous one, rewriting only the
trees along changed paths: each is read through ``repo.odb``, parsed with GitPython's
``tree_entries_from_data``, edited with its ``TreeModifier`` and stored back through
``repo.odb`` (serialised by ``tree_to_stream``). Trees never change, so those read are
kept by id for the next save. ``commit`` is ``Commit.create_from_tree(..., head=False)``;
``move_ref`` is ``git update-ref <ref> <new> <old>`` run through GitPython, a
compare-and-swap under git's own ref lock, followed by an fsync of the ref's folder.
Nothing here knows about meetings.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from pathlib import Path

import git
from git.objects import Commit, Tree
from git.objects.fun import tree_entries_from_data, tree_to_stream
from git.objects.tree import TreeModifier
from gitdb import IStream

from archive._odb import ArchiveObjectDB, fsync_dir
from archive._repo import damaged, git_errors, run
from archive.errors import CorruptArchive, GitFailed, PathOutsideArchive
from archive.versions import Identity

__all__ = [
    "BLOB",
    "EMPTY_TREE",
    "TREE",
    "Change",
    "RefLocked",
    "RefMoved",
    "VersionWriter",
    "move_ref",
]

BLOB = 0o100644
TREE = 0o040000
EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
ZERO = "0" * 40

Change = tuple[int, bytes] | None
"""A path's new (mode, binary object id), or None when the path is removed."""

Entry = tuple[bytes, int, str]


class RefLocked(Exception):
    """Another git process holds the ref's lock file right now."""


class RefMoved(Exception):
    """The ref no longer holds the value the caller started from."""


class VersionWriter:
    """Stores blobs, trees and commits of new versions through ``repo.odb``."""

    def __init__(self, repo: git.Repo, cache_size: int = 4096) -> None:
        self.repo = repo
        self._trees: dict[bytes, tuple[Entry, ...]] = {}
        self._cache_size = cache_size

    @property
    def odb(self) -> ArchiveObjectDB:
        odb = self.repo.odb
        assert isinstance(odb, ArchiveObjectDB)
        return odb

    def store(self, kind: bytes, data: bytes) -> bytes:
        """Store an object; its binary id."""
        return self.odb.store(IStream(kind, len(data), io.BytesIO(data))).binsha

    def entries(self, binsha: bytes) -> list[Entry]:
        """The entries of a tree (a fresh list the caller may change)."""
        found = self._trees.get(binsha)
        if found is None:
            with git_errors("read a folder of the archive"):
                try:
                    stream = self.odb.stream(binsha)
                except (ValueError, BrokenPipeError) as exc:
                    raise damaged(
                        self.repo, f"The archive is damaged: folder {binsha.hex()} is missing.", exc
                    ) from exc
            if stream.type != b"tree":
                raise CorruptArchive(f"The archive is damaged: {binsha.hex()} is not a folder.")
            try:
                found = tuple(tree_entries_from_data(stream.read()))
            except ValueError as exc:
                raise CorruptArchive(
                    f"The archive is damaged: the folder object {binsha.hex()} cannot be read.",
                    detail=str(exc),
                ) from exc
            if len(self._trees) >= self._cache_size:
                self._trees.clear()
            self._trees[binsha] = found
        return list(found)

    def tree(self, base: str | None, changes: Mapping[str, Change]) -> tuple[str, list[str]]:
        """The root tree with ``changes`` applied to ``base``, and the sorted paths whose
        content actually changed (files under a replaced or removed folder included)."""
        _refuse_file_and_folder(changes)
        changed: list[str] = []
        nested = {tuple(p.split("/")): v for p, v in changes.items()}
        new = self._apply(bytes.fromhex(base) if base else None, nested, "", changed)
        if new is None:
            new = self.store(b"tree", b"")
        return new.hex(), sorted(changed)

    def _apply(
        self, tree: bytes | None, changes: Mapping[tuple[str, ...], Change], prefix: str,
        changed: list[str],
    ) -> bytes | None:
        entries = self.entries(tree) if tree else []
        before = list(entries)
        edit = TreeModifier(entries)
        present = {name: (sha, mode) for sha, mode, name in entries}
        leaves = {parts[0]: v for parts, v in changes.items() if len(parts) == 1}
        folders: dict[str, dict[tuple[str, ...], Change]] = {}
        for parts, value in changes.items():
            if len(parts) > 1:
                folders.setdefault(parts[0], {})[parts[1:]] = value
        # Removals first, then folders, then files: a file may replace a folder of the
        # same name in one save (and a folder a file), whatever order the caller gave.
        for name, value in leaves.items():
            if value is None and name in present:
                self._note_removed(present.pop(name), prefix + name, changed)
                del edit[name]
        for name, sub in folders.items():
            old = present.get(name)
            subtree = old[0] if old is not None and old[1] == TREE else None
            if old is not None and subtree is None and any(v is not None for v in sub.values()):
                changed.append(prefix + name)
                del present[name], edit[name]
            new = self._apply(subtree, sub, f"{prefix}{name}/", changed)
            if new is None:
                if subtree is not None:
                    del present[name], edit[name]
            elif new != subtree:
                edit.add(new, TREE, name, force=True)
                present[name] = (new, TREE)
        for name, value in leaves.items():
            if value is None or present.get(name) == (value[1], value[0]):
                continue
            old = present.get(name)
            if old is not None and old[1] == TREE:
                self._note_removed(old, prefix + name, changed)
            edit.add(value[1], value[0], name, force=True)
            present[name] = (value[1], value[0])
            changed.append(prefix + name)
        if not entries:
            return None
        edit.set_done()
        if tree is not None and entries == before:
            return tree
        out = io.BytesIO()
        tree_to_stream(entries, out.write)
        binsha = self.store(b"tree", out.getvalue())
        self._trees[binsha] = tuple(entries)
        return binsha

    def _note_removed(self, entry: tuple[bytes, int], path: str, changed: list[str]) -> None:
        if entry[1] != TREE:
            changed.append(path)
            return
        for sha, mode, name in self.entries(entry[0]):
            self._note_removed((sha, mode), f"{path}/{name}", changed)

    def commit(
        self, tree: str, parents: tuple[str, ...], message: str, author: Identity, when: dt.datetime
    ) -> str:
        """A new commit object (author and committer both ``author`` at ``when``)."""
        actor = git.Actor(author.name, author.email)
        with git_errors("record the version"):
            made = Commit.create_from_tree(
                self.repo,
                Tree(self.repo, bytes.fromhex(tree)),
                message,
                parent_commits=[Commit(self.repo, bytes.fromhex(p)) for p in parents],
                head=False,
                author=actor,
                committer=actor,
                author_date=when,
                commit_date=when,
            )
        return made.hexsha


def _refuse_file_and_folder(changes: Mapping[str, Change]) -> None:
    written = {p for p, v in changes.items() if v is not None}
    for path in written:
        parts = path.split("/")
        for n in range(1, len(parts)):
            folder = "/".join(parts[:n])
            if folder in written:
                raise PathOutsideArchive(
                    f"The path '{folder}' cannot be used in the archive: one save cannot "
                    "make it both a file and a folder."
                )


def move_ref(
    repo: git.Repo,
    ref: str,
    new: str,
    old: str | None,
    *,
    reason: str,
    who: Identity,
) -> None:
    """Point ``ref`` at ``new`` if it still holds ``old`` (None: if it does not exist).

    Raises RefMoved when it holds something else and RefLocked when another git process
    is updating it; then fsyncs the ref's folder (git fsyncs the ref file itself).
    """
    env = {"GIT_COMMITTER_NAME": who.name, "GIT_COMMITTER_EMAIL": who.email}
    status, _, err = run(
        repo,
        ["update-ref", "-m", reason, "--end-of-options", ref, new, old or ZERO],
        what="move the archive to the new version",
        ok=(0, 1, 128),
        env=env,
    )
    if status == 0:
        fsync_dir(Path(repo.git_dir) / ref.rpartition("/")[0])
        return
    if "File exists" in err:
        raise RefLocked(err.strip())
    if "but expected" in err or "already exists" in err or "unable to resolve" in err:
        raise RefMoved(err.strip())
    raise GitFailed("Could not move the archive to the new version.", detail=err.strip())
