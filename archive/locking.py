"""One writer at a time, and files that are either old or new, never half-written.

``ArchiveLock`` is the archive-wide lock every save takes: a file ``.git/minutebook.lock``
created exclusively (a private file made with ``O_CREAT|O_EXCL``, locked with ``flock``
and then hard-linked into place, so the lock never appears without its holder's details)
holding the holder's pid, host and start time. A waiter gives up after ``timeout``
seconds with ``ArchiveLocked`` naming the holder. A lock whose holder died (its ``flock``
is free, or its pid is gone on this host) is stale and taken over automatically.

While holding the lock, git's own lock files (``index.lock``, ``refs/heads/main.lock``...)
left by a killed git process are removed when they are older than a few seconds and no
live git process works in this archive; each removal is recorded as a note.

``atomic_write`` writes a file through a temporary file in the same folder, fsyncs it,
renames it over the target and fsyncs the folder. Nothing here knows about meetings.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from archive.errors import ArchiveLocked, ArchiveReadOnly, ArchiveUnreadable

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "GIT_LOCK_FILES",
    "ArchiveLock",
    "atomic_write",
    "fsync_dir",
    "live_git_processes",
    "recover_stale_git_locks",
]



def _warn(note: str) -> None:
    import logging

    logging.getLogger(__name__).warning(note)


def _host() -> str:
    import socket

    return socket.gethostname()

GIT_LOCK_FILES = (
    "index.lock",
    "HEAD.lock",
    "refs/heads/main.lock",
    "packed-refs.lock",
    "config.lock",
    "objects/info/commit-graph.lock",
    "objects/info/commit-graphs/commit-graph-chain.lock",
)
"""git lock files (relative to the git dir) that a killed git process can leave behind."""

_NO_FCNTL_STALE_AFTER = 600.0


def fsync_dir(path: str | os.PathLike[str]) -> None:
    """Make a folder's entries (new, renamed or removed files) durable."""
    if sys.platform == "win32":  # pragma: no cover - folders cannot be opened there
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
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
    tmp = folder / f".{path.name}.mbtmp-{os.urandom(4).hex()}"
    write_new_file(tmp, data, 0o644)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(folder)


def _pid_alive(pid: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def live_git_processes(workdir: Path) -> list[int]:
    """Pids of git processes (other than object readers) working in ``workdir``.

    Only Linux exposes this (through /proc); elsewhere the list is empty and callers rely
    on the age of a lock alone.
    """
    proc = Path("/proc")
    if not proc.is_dir():  # pragma: no cover - not Linux
        return []
    root = str(workdir)
    found = []
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            comm = (entry / "comm").read_text().strip()
            if comm != "git" and not comm.startswith("git-"):
                continue
            args = (entry / "cmdline").read_bytes().split(b"\0")
            if b"cat-file" in args:
                continue
            cwd = os.readlink(entry / "cwd")
        except OSError:
            continue
        if cwd == root or cwd.startswith(root + os.sep) or any(root.encode() in a for a in args):
            found.append(int(entry.name))
    return found


def recover_stale_git_locks(
    gitdir: Path, workdir: Path, *, older_than: float, names: Iterable[str] = GIT_LOCK_FILES
) -> list[str]:
    """Remove git lock files left by killed git processes; return a note for each."""
    notes = []
    now = time.time()
    live: list[int] | None = None
    for name in names:
        lock = gitdir / name
        try:
            age = now - lock.stat().st_mtime
        except FileNotFoundError:
            continue
        if age < older_than:
            continue
        if live is None:
            live = live_git_processes(workdir)
        if live:
            continue
        with contextlib.suppress(FileNotFoundError):
            lock.unlink()
        note = (
            f"Removed a stale git lock '{name}' left {age:.0f} seconds ago by an "
            "interrupted git process."
        )
        _warn(note)
        notes.append(note)
    return notes


class ArchiveLock:
    """The archive-wide writer lock; use as a context manager."""

    def __init__(
        self,
        gitdir: Path,
        workdir: Path,
        *,
        timeout: float = 5.0,
        git_lock_age: float = 2.0,
        name: str = "minutebook.lock",
    ) -> None:
        self.path = gitdir / name
        """The lock file."""
        self.gitdir = gitdir
        self.workdir = workdir
        self.timeout = timeout
        """Seconds to wait for another holder before raising ArchiveLocked."""
        self.git_lock_age = git_lock_age
        """Age in seconds after which an orphaned git lock file counts as stale."""
        self.notes: list[str] = []
        """Recoveries made while taking the lock (stale locks removed)."""
        self._fd: int | None = None

    # -- acquiring -------------------------------------------------------------------
    def _info(self) -> bytes:
        since = dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")
        info = {"pid": os.getpid(), "host": _host(), "since": since}
        return json.dumps(info).encode()

    def _try_create(self) -> bool:
        tmp = self.path.with_name(f"{self.path.name}.tmp-{os.getpid()}-{os.urandom(4).hex()}")
        try:
            fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
        except PermissionError as exc:
            raise ArchiveReadOnly(
                f"The archive at {self.workdir} is read-only, so nothing can be saved."
            ) from exc
        except OSError as exc:
            if exc.errno == 30:  # EROFS
                raise ArchiveReadOnly(
                    f"The archive at {self.workdir} is on a read-only disk, "
                    "so nothing can be saved."
                ) from exc
            raise
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            os.write(fd, self._info())
            try:
                os.link(tmp, self.path)
            except FileExistsError:
                os.close(fd)
                return False
            except OSError:  # pragma: no cover - no hard links on this file system
                os.close(fd)
                fd = self._create_direct()
                if fd < 0:
                    return False
        finally:
            tmp.unlink(missing_ok=True)
        self._fd = fd
        return True

    def _create_direct(self) -> int:  # pragma: no cover - file systems without links
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            return -1
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.write(fd, self._info())
        return fd

    def holder(self) -> dict[str, object]:
        """The holder's details (pid, host, since) as far as they can be read."""
        try:
            loaded = json.loads(self.path.read_bytes() or b"{}")
        except (OSError, ValueError):
            return {}
        return loaded if isinstance(loaded, dict) else {}

    def _break_if_stale(self) -> bool:
        """Remove the lock if its holder is gone; True if the caller should retry now."""
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            return True
        except PermissionError as exc:
            raise ArchiveUnreadable(f"The archive lock {self.path} cannot be read.") from exc
        try:
            if fcntl is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    return False
                try:
                    if os.fstat(fd).st_ino != os.stat(self.path).st_ino:
                        return True
                except FileNotFoundError:
                    return True
            elif not self._dead_without_flock():  # pragma: no cover - Windows
                return False
            holder = self.holder()
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.path)
            note = (
                f"Recovered the archive lock left by process {holder.get('pid', '?')} on "
                f"'{holder.get('host', '?')}', which stopped during a save."
            )
            _warn(note)
            self.notes.append(note)
            return True
        finally:
            os.close(fd)

    def _dead_without_flock(self) -> bool:  # pragma: no cover - Windows
        holder = self.holder()
        pid = holder.get("pid")
        if holder.get("host") == _host() and isinstance(pid, int):
            return not _pid_alive(pid)
        try:
            return time.time() - self.path.stat().st_mtime > _NO_FCNTL_STALE_AFTER
        except FileNotFoundError:
            return True

    def _locked_error(self) -> ArchiveLocked:
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
        if self._fd is not None:
            raise RuntimeError("ArchiveLock is not re-entrant")
        deadline = time.monotonic() + self.timeout
        delay = 0.001
        while not self._try_create():
            if self._break_if_stale():
                continue
            if time.monotonic() >= deadline:
                raise self._locked_error()
            time.sleep(delay)
            delay = min(delay * 2, 0.05)
        self._sweep_leftovers()
        self.notes.extend(
            recover_stale_git_locks(self.gitdir, self.workdir, older_than=self.git_lock_age)
        )

    def _sweep_leftovers(self) -> None:
        cutoff = time.time() - 60
        prefix = f"{self.path.name}.tmp-"
        for entry in os.scandir(self.gitdir):
            if entry.name.startswith(prefix):
                with contextlib.suppress(OSError):
                    if entry.stat().st_mtime < cutoff:
                        os.unlink(entry.path)

    def release(self) -> None:
        """Give the lock up (remove the file, then drop the flock)."""
        if self._fd is None:
            return
        try:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.path)
        finally:
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._fd is not None

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
