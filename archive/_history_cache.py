"""A derived index of each folder's history, kept beside the repository.

Listing a long history with ``git log -- folder`` walks every commit of the archive. The
result for one commit never changes, so it is kept in ``.git/minutebook-cache/history``
together with the commit it was listed at. When the archive has moved on by plain
(non-merge) commits, only those commits are listed and put in front; anything else (a
merge from a sync, a missing, damaged or foreign file) lists the whole history again.

The index holds commits and messages only: tags can be added to old versions, so they
are always read live. Losing the index loses nothing; a failed write is ignored.
"""

from __future__ import annotations

import contextlib
import os
import zlib
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

__all__ = ["MAX_CATCH_UP", "HistoryIndex", "path_only_record", "record_parents", "record_touches"]

_MAGIC = b"minutebook-history 1"
MAX_CATCH_UP = 400
"""More new commits than this since the indexed one: list the whole history again."""


def path_only_record(record: bytes) -> bytes:
    """A ``LOG_FORMAT`` record without its decoration and changed paths (the part kept)."""
    fields = record.split(b"\0", 8)
    if len(fields) < 9:
        return record
    fields[6] = b""
    return b"\0".join(fields[:8]) + b"\0"


def record_parents(record: bytes) -> tuple[str, list[str]]:
    """The commit and parent ids of a ``LOG_FORMAT`` record."""
    fields = record.split(b"\0", 3)
    return fields[0].decode("ascii", "replace"), fields[2].decode("ascii", "replace").split()


def record_touches(record: bytes, prefix: str) -> bool:
    """True if a ``--name-only`` record lists a changed path under ``prefix``."""
    fields = record.split(b"\0", 8)
    if len(fields) < 9:
        return False
    wanted = prefix.encode("utf-8")
    return any(p.lstrip(b"\n").startswith(wanted) for p in fields[8].split(b"\0"))


class HistoryIndex:
    """Folder -> (commit listed at, raw history records, newest first)."""

    def __init__(self, gitdir: Path) -> None:
        self.folder = gitdir / "minutebook-cache" / "history"

    def _file(self, prefix: str) -> Path:
        return self.folder / (quote(prefix.strip("/"), safe="") or "%")

    def load(self, prefix: str) -> tuple[str, list[bytes]] | None:
        """The indexed commit and records for ``prefix``; None when absent or damaged."""
        try:
            data = self._file(prefix).read_bytes()
        except OSError:
            return None
        header, sep, body = data.partition(b"\n")
        parts = header.split(b" ")
        if not sep or len(parts) != 5 or b" ".join(parts[:2]) != _MAGIC:
            return None
        head, count, crc = parts[2], parts[3], parts[4]
        if not (count.isdigit() and crc.isdigit()) or zlib.crc32(body) != int(crc):
            return None
        records = body.split(b"\x1e")[1:]
        if len(records) != int(count):
            return None
        return head.decode("ascii", "replace"), records

    def store(self, prefix: str, head: str, records: Iterable[bytes]) -> None:
        """Keep ``records`` as the history of ``prefix`` at ``head`` (best effort)."""
        kept = list(records)
        body = b"".join(b"\x1e" + r for r in kept)
        header = b"%s %s %d %d\n" % (_MAGIC, head.encode("ascii"), len(kept), zlib.crc32(body))
        target = self._file(prefix)
        tmp = target.with_name(f".{target.name}.{os.getpid()}-{os.urandom(4).hex()}.tmp")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(header + body)
            os.replace(tmp, target)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
