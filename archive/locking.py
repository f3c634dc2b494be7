"""One writer at a time, and files that are either old or new, never half-written.

``ArchiveLock`` is the archive-wide lock every save takes: an operating-system lock
(``filelock``, i.e. ``flock``) on ``.git/minutebook.lock``, which the system releases the
moment its holder exits, however it exits, so a crashed writer never blocks the next
one and nothing needs to decide whether a holder is still alive. While it is held, the
holder's pid, host and start time sit in ``.git/minutebook.lock.holder`` so that a
writer that gives up waiting can say who is busy.

Only minutebook writes under that lock, so a git lock file (``refs/heads/main.lock``,
``index.lock``...) older than a few seconds found while holding it was left by a git
process that was killed; ``remove_stale_git_locks`` removes it, with a note.

``atomic_write`` writes a file through a temporary file in the same folder, fsyncs it,
renames it over the target and fsyncs the folder. Nothing here knows about meetings.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import logging
import os
import socket
import time
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from archive._odb import fsync_dir
from archive.errors import ArchiveLocked, ArchiveReadOnly

__all__ = [
    "GIT_LOCK_FILES",
    "ArchiveLock",
    "atomic_write",
    "fsync_dir",
    "remove_stale_git_locks",
    "write_new_file",
]

GIT_LOCK_FILES = {
    "HEAD.lock": 2.0,
    "refs/heads/main.lock": 2.0,
    "packed-refs.lock": 2.0,
    "config.lock": 2.0,
    "objects/info/commit-graph.lock": 60.0,
    "objects/info/commit-graphs/commit-graph-chain.lock": 60.0,
    "index.lock": 600.0,
}
"""git lock files a killed git process can leave, and the age (seconds) after which one
found under the archive lock is stale. git holds a ref's lock for milliseconds; the
index lock is given longer, as a clerk's own ``git commit`` holds it while its editor
is open."""

TEMPORARY = ".mbtmp-"
"""Part of the name of every temporary file ``atomic_write`` makes."""


def _makedirs_durable(folder: Path, stop: Path) -> None:
    """Create ``folder`` and its missing parents, fsyncing each parent it changes."""
    missing: list[Path] = []
    current = folder
    while not current.exists() and current != stop and current != current.parent:
        missing.append(current)
        current = current.parent
    for new in reversed(missing):
        with contextlib.suppress(FileExistsError):
            new.mkdir()
        fsync_dir(new.parent)


def write_new_file(path: Path, data: bytes, mode: int) -> None:
    """Create ``path`` (it must not exist) holding ``data``, fsynced; removed on failure."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, mode)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        path.unlink(missing_ok=True)
        raise
    os.close(fd)


def atomic_write(path: Path, data: bytes, *, root: Path | None = None) -> None:
    """Replace ``path`` by ``data`` atomically and durably (temp, fsync, rename, fsync dir)."""
    folder = path.parent
    if not folder.is_dir():
        _makedirs_durable(folder, root or Path(folder.anchor))
    tmp = folder / f".{path.name}{TEMPORARY}{os.urandom(4).hex()}"
    write_new_file(tmp, data, 0o644)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(folder)


def remove_stale_git_locks(gitdir: Path, names: Iterable[str] = GIT_LOCK_FILES) -> list[str]:
    """Remove git lock files left by killed git processes; a note for each.

    Call only while holding the archive lock: then no minutebook is running git here,
    and a lock older than its age in ``GIT_LOCK_FILES`` has no living owner.
    """
    notes = []
    now = time.time()
    for name in names:
        lock = gitdir / name
        try:
            age = now - lock.stat().st_mtime
        except (FileNotFoundError, NotADirectoryError):
            continue
        if age < GIT_LOCK_FILES.get(name, 2.0):
            continue
        with contextlib.suppress(FileNotFoundError):
            lock.unlink()
        note = (
            f"Removed a stale git lock '{name}' left {age:.0f} seconds ago by an "
            "interrupted git process."
        )
        logging.getLogger(__name__).warning(note)
        notes.append(note)
    return notes


class ArchiveLock:
    """The archive-wide writer lock; use as a context manager (not re-entrant)."""

    def __init__(
        self, gitdir: Path, workdir: Path, *, timeout: float = 5.0, name: str = "minutebook.lock"
    ) -> None:
        self.path = gitdir / name
        """The lock file."""
        self.holder_file = gitdir / f"{name}.holder"
        """Who holds the lock (advisory, for the busy message)."""
        self.gitdir = gitdir
        self.workdir = workdir
        self.timeout = timeout
        """Seconds to wait for another holder before raising ArchiveLocked."""
        self.notes: list[str] = []
        """Recoveries made while taking the lock (stale git locks removed)."""
        # Only writers take the lock, and filelock takes some 30 ms to import: a process
        # that only reads (a render, a listing) does not import it.
        import filelock

        self._timeout_error = filelock.Timeout
        self._lock = filelock.FileLock(self.path, timeout=timeout, thread_local=False)

    def holder(self) -> dict[str, object]:
        """The holder's details (pid, host, since) as far as they can be read."""
        try:
            loaded = json.loads(self.holder_file.read_bytes() or b"{}")
        except (OSError, ValueError):
            return {}
        return loaded if isinstance(loaded, dict) else {}

    def _busy(self) -> ArchiveLocked:
        holder = self.holder()
        pid = holder.get("pid")
        host = str(holder.get("host", ""))
        since = str(holder.get("since", ""))
        who = f"process {pid} on '{host}'" if pid else "another program"
        when = f" since {since}" if since else ""
        return ArchiveLocked(
            f"The archive is busy: a save by {who} has been running{when}; try again in a moment.",
            pid=pid if isinstance(pid, int) else None,
            host=host,
            since=since,
        )

    def acquire(self) -> None:
        """Take the lock, waiting up to ``timeout`` seconds; then sweep stale git locks."""
        if self.held:
            raise RuntimeError("ArchiveLock is not re-entrant")
        try:
            self._lock.acquire()
        except self._timeout_error:
            raise self._busy() from None
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise ArchiveReadOnly(
                    f"The archive at {self.workdir} is read-only, so nothing can be saved."
                ) from exc
            raise
        since = dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")
        info = {"pid": os.getpid(), "host": socket.gethostname(), "since": since}
        with contextlib.suppress(OSError):
            self.holder_file.write_text(json.dumps(info))
        self.notes.extend(remove_stale_git_locks(self.gitdir))

    def release(self) -> None:
        """Give the lock up."""
        if self.held:
            with contextlib.suppress(OSError):
                self.holder_file.unlink()
            self._lock.release(force=True)

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._lock.is_locked

    def __enter__(self) -> ArchiveLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
