"""Branch refs read and moved in-process, following git's own lock-file protocol.

``update_ref`` is a compare-and-swap: it creates ``<ref>.lock`` exclusively (as git
does), checks the ref still holds the expected old value (loose file or
``packed-refs``), writes and fsyncs the new value, appends the reflogs, renames the lock
over the ref and fsyncs the folder. A concurrent ``git update-ref`` therefore excludes
us and we exclude it. Nothing here knows about meetings.
"""

from __future__ import annotations

import os
from pathlib import Path

from archive.errors import CorruptArchive
from archive.locking import fsync_dir

__all__ = ["RefChanged", "RefLocked", "head_branch", "read_ref", "update_ref"]

ZERO = "0" * 40


class RefLocked(Exception):
    """``<ref>.lock`` exists: some other writer is moving the ref right now."""


class RefChanged(Exception):
    """The ref no longer holds the expected old value."""

    def __init__(self, current: str | None) -> None:
        super().__init__(current)
        self.current = current


def head_branch(gitdir: Path) -> str:
    """The ref HEAD points to, e.g. ``refs/heads/main``; CorruptArchive if detached."""
    try:
        text = (gitdir / "HEAD").read_bytes().decode("utf-8", "replace").strip()
    except FileNotFoundError as exc:
        raise CorruptArchive("The archive is damaged: its HEAD file is missing.") from exc
    if not text.startswith("ref: refs/heads/"):
        raise CorruptArchive(
            "The archive is not on a branch (its HEAD is detached or damaged); "
            "ask for help before saving."
        )
    return text[5:]


def _packed(gitdir: Path, name: str) -> str | None:
    try:
        with open(gitdir / "packed-refs", "rb") as fh:
            needle = name.encode()
            for line in fh:
                if line[:1] in (b"#", b"^"):
                    continue
                sha, _, ref = line.rstrip(b"\n").partition(b" ")
                if ref == needle:
                    return sha.decode()
    except FileNotFoundError:
        return None
    return None


def read_ref(gitdir: Path, name: str) -> str | None:
    """The commit a ref points to (loose or packed), or None if it does not exist."""
    try:
        text = (gitdir / name).read_bytes().decode("ascii", "replace").strip()
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return _packed(gitdir, name)
    if text.startswith("ref: "):
        return read_ref(gitdir, text[5:])
    if len(text) != 40 or any(c not in "0123456789abcdef" for c in text):
        raise CorruptArchive(f"The archive is damaged: the ref {name} is unreadable.")
    return text


def _append_reflog(gitdir: Path, name: str, old: str | None, new: str, line: str) -> None:
    path = gitdir / "logs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "ab") as fh:
        fh.write(f"{old or ZERO} {new} {line}\n".encode())


def update_ref(
    gitdir: Path, name: str, new: str, old: str | None, *, reflog: str | None = None
) -> None:
    """Move ``name`` from ``old`` (None: must not exist) to ``new``, durably.

    Raises RefLocked if another writer holds ``<name>.lock`` and RefChanged if the ref
    moved. ``reflog`` is ``"<ident>\\t<message>"`` for the branch's and HEAD's reflogs.
    """
    path = gitdir / name
    lock = path.with_name(path.name + ".lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError as exc:
        raise RefLocked(str(lock)) from exc
    try:
        try:
            current = read_ref(gitdir, name)
            if current != old:
                raise RefChanged(current)
            os.write(fd, f"{new}\n".encode())
            os.fsync(fd)
        finally:
            os.close(fd)
        if reflog is not None:
            _append_reflog(gitdir, name, old, new, reflog)
            try:
                if head_branch(gitdir) == name:
                    _append_reflog(gitdir, "HEAD", old, new, reflog)
            except CorruptArchive:
                pass
        os.replace(lock, path)
    except BaseException:
        lock.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)
