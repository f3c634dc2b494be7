"""The archive's git object database: GitPython's, with every new object made durable.

``ArchiveObjectDB`` is the ``odbt`` of the archive's ``git.Repo``, so it is ``repo.odb``.
Reading is GitPython's own (``GitCmdObjectDB``: a persistent ``git cat-file``). Writing
is gitdb's loose-object writer (GitPython's object library) in this process, which keeps
a save to a handful of milliseconds instead of one git process per object; after it has
written an object, the object is read back (a file damaged by an earlier power cut is
written again, never reused). ``sync()`` then fsyncs everything written and its
folders, so a version's objects are on disk before any ref points at them.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from git.db import GitCmdObjectDB
from gitdb import IStream
from gitdb.db.loose import LooseObjectDB

__all__ = ["ArchiveObjectDB", "fsync_dir", "fsync_file"]


def fsync_file(path: str | os.PathLike[str]) -> None:
    """Make a file's content durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: str | os.PathLike[str]) -> None:
    """Make a folder's entries (new, renamed or removed files) durable."""
    fsync_file(path)


class ArchiveObjectDB(GitCmdObjectDB):
    """GitPython's object database with durable, verified in-process writes."""

    def __init__(self, root_path: Any, git: Any) -> None:
        super().__init__(root_path, git)
        self._unsynced: set[str] = set()

    def store(self, istream: IStream) -> IStream:
        """Write an object (gitdb) and check it reads back whole; ``sync()`` makes it
        durable. Returns ``istream`` with its id."""
        data = istream.read()
        for attempt in range(2):
            written = IStream(istream.type, len(data), io.BytesIO(data))
            LooseObjectDB.store(self, written)
            path = self.db_path(self.object_path(written.binsha.hex()))
            if self._whole(written, data):
                break
            if attempt:
                raise OSError(f"the object file {path} cannot be written correctly")
            os.unlink(path)
        self._unsynced.add(path)
        istream.binsha = written.binsha
        return istream

    def _whole(self, written: IStream, data: bytes) -> bool:
        try:
            found = LooseObjectDB.stream(self, written.binsha)
            kind = written.type.encode() if isinstance(written.type, str) else written.type
            return found.type == kind and found.read() == data
        except Exception:  # a damaged file reads as anything from empty to garbage
            return False

    def sync(self) -> None:
        """fsync the objects written since the last call, then their folders and
        ``objects/``. (All at once rather than each as it is written: the first fsync
        then carries most of the others' work, and creating the next file never waits
        for one.)"""
        files, self._unsynced = self._unsynced, set()
        for path in sorted(files):
            fsync_file(path)
        for folder in sorted({os.path.dirname(p) for p in files}):
            fsync_dir(folder)
        if files:
            fsync_dir(self.root_path())

    def discard(self) -> None:
        """Forget the objects written since the last ``sync``: nothing will refer to them."""
        self._unsynced = set()

    @property
    def objects_dir(self) -> Path:
        """The ``objects`` folder."""
        return Path(self.root_path())
