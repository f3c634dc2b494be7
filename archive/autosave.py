"""Unsaved edits kept outside the history, so a crash never loses a clerk's typing.

``AutosaveStore`` keeps one file per key under the user's state folder (by default
``<user state dir>/minutebook/autosave``); ``autosave_key`` derives a key from an
archive's location and a meeting id. Every ``put`` is atomic and durable (temporary file,
fsync, rename, fsync the folder), so a crash leaves either the previous text or the new.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path
from urllib.parse import quote, unquote

from archive.locking import atomic_write, fsync_dir

__all__ = ["AutosaveStore", "autosave_key", "default_autosave_folder"]

_SUFFIX = ".autosave"


def default_autosave_folder() -> Path:
    """``<user state dir>/minutebook/autosave``."""
    import platformdirs

    return Path(platformdirs.user_state_path("minutebook", appauthor=False)) / "autosave"


def autosave_key(archive_path: str | os.PathLike[str], meeting_id: str) -> str:
    """A key unique to one meeting in one archive (archive path hash + meeting id)."""
    import hashlib

    resolved = str(Path(archive_path).expanduser().resolve())
    digest = hashlib.sha256(resolved.encode()).hexdigest()[:16]
    return f"{digest}/{meeting_id}"


class AutosaveStore:
    """A folder of autosaved drafts, one file per key."""

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_autosave_folder()
        """Where the drafts live."""

    def _file(self, key: str) -> Path:
        if not key:
            raise ValueError("an autosave key cannot be empty")
        return self.folder / (quote(key, safe="-_.~") + _SUFFIX)

    def put(self, key: str, data: bytes) -> None:
        """Keep ``data`` for ``key``, replacing any earlier draft atomically."""
        if not self.folder.is_dir():
            self.folder.mkdir(parents=True, exist_ok=True)
            fsync_dir(self.folder.parent)
        atomic_write(self._file(key), data)

    def get(self, key: str) -> bytes | None:
        """The draft kept for ``key``, or None."""
        try:
            return self._file(key).read_bytes()
        except FileNotFoundError:
            return None

    def entries(self) -> list[tuple[str, dt.datetime]]:
        """(key, time last written) of every draft, oldest first."""
        if not self.folder.is_dir():
            return []
        found = []
        for entry in os.scandir(self.folder):
            if entry.name.endswith(_SUFFIX) and not entry.name.startswith("."):
                with contextlib.suppress(FileNotFoundError):
                    stamp = dt.datetime.fromtimestamp(entry.stat().st_mtime, dt.UTC)
                    found.append((unquote(entry.name[: -len(_SUFFIX)]), stamp))
        return sorted(found, key=lambda item: (item[1], item[0]))

    def discard(self, key: str) -> None:
        """Forget the draft for ``key`` (after it has been saved or declined)."""
        path = self._file(key)
        try:
            path.unlink()
        except FileNotFoundError:
            return
        fsync_dir(self.folder)
