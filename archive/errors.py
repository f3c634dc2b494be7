"""Errors raised by the archive, each carrying one sentence a clerk can read.

Every failure the archive reports is an ``ArchiveError``; its ``message`` is a single
plain sentence with no traceback or git jargon a clerk would need to decode, and
``detail`` optionally keeps git's own output for a "details" view. Nothing here
imports from the rest of the project.

    ArchiveError
    ├── ArchiveMissing        the archive folder does not exist
    ├── NotAnArchive          the folder is not a minutebook archive (git repository)
    ├── ArchiveUnreadable     the archive cannot be read (permissions)
    ├── ArchiveReadOnly       the archive cannot be written
    ├── ArchiveLocked         another save is in progress
    ├── CorruptArchive        HEAD detached or damaged, objects missing
    ├── RevisionNotFound      an unknown version, tag or branch
    ├── FileNotInArchive      a path absent from a version
    ├── PathOutsideArchive    an unsafe path (absolute, "..", ".git", ...)
    ├── InvalidName           a malformed tag name, identity or message
    ├── TagExists             a tag may not be moved
    ├── SaveConflict          someone else saved the same file since it was opened
    ├── SyncConflict          the same meeting changed here and on the remote
    ├── RemoteUnreachable     the shared remote cannot be reached
    ├── DemoArchive           a demo archive is never synchronised
    └── GitFailed             git reported an unexpected failure
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "ArchiveError",
    "ArchiveLocked",
    "ArchiveMissing",
    "ArchiveReadOnly",
    "ArchiveUnreadable",
    "CorruptArchive",
    "DemoArchive",
    "FileNotInArchive",
    "GitFailed",
    "InvalidName",
    "NotAnArchive",
    "PathOutsideArchive",
    "RemoteUnreachable",
    "RevisionNotFound",
    "SaveConflict",
    "SyncConflict",
    "TagExists",
]


class ArchiveError(Exception):
    """Base of every archive failure; ``message`` is one sentence for the clerk."""

    title = "Archive problem"

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        """One clear sentence describing what went wrong."""
        self.detail = detail
        """Optional technical detail (git's output) for a "details" view."""

    def __str__(self) -> str:
        return self.message


class ArchiveMissing(ArchiveError):
    """The archive folder does not exist."""

    title = "Archive not found"


class NotAnArchive(ArchiveError):
    """The folder exists but is not a minutebook archive."""

    title = "Not an archive"


class ArchiveUnreadable(ArchiveError):
    """The archive exists but this user may not read it."""

    title = "Archive unreadable"


class ArchiveReadOnly(ArchiveError):
    """The archive may be read but not written."""

    title = "Archive is read-only"


class ArchiveLocked(ArchiveError):
    """Another save holds the archive lock for longer than we may wait."""

    title = "Archive busy"

    def __init__(
        self, message: str, *, pid: int | None = None, host: str = "", since: str = ""
    ) -> None:
        super().__init__(message)
        self.pid = pid
        """Process id of the holder, when known."""
        self.host = host
        """Host name of the holder, when known."""
        self.since = since
        """ISO time the holder took the lock, when known."""


class CorruptArchive(ArchiveError):
    """The repository is damaged or not on its main branch."""

    title = "Archive damaged"


class RevisionNotFound(ArchiveError):
    """A version, tag or branch name that the archive does not know."""

    title = "Version not found"


class FileNotInArchive(ArchiveError, FileNotFoundError):
    """A path that does not exist in the requested version (also a FileNotFoundError)."""

    title = "File not found"


class PathOutsideArchive(ArchiveError):
    """A path that is absolute, climbs out of the archive or touches git internals."""

    title = "Unsafe path"


class InvalidName(ArchiveError):
    """A malformed tag name, author identity, trailer or message."""

    title = "Invalid name"


class TagExists(ArchiveError):
    """A tag already exists; tags are never moved."""

    title = "Tag exists"


class SaveConflict(ArchiveError):
    """The same file was saved by someone else since the caller's version."""

    title = "Saved elsewhere"

    def __init__(self, message: str, *, paths: Sequence[str] = (), head: str = "") -> None:
        super().__init__(message)
        self.paths = tuple(paths)
        """The paths changed by both sides."""
        self.head = head
        """The commit now at the head of the archive."""


class SyncConflict(ArchiveError):
    """The same meeting (or file) changed both here and on the remote."""

    title = "Sync conflict"

    def __init__(
        self,
        message: str,
        *,
        units: Sequence[str] = (),
        ref: str = "",
        local: str = "",
        remote: str = "",
    ) -> None:
        super().__init__(message)
        self.units = tuple(units)
        """Meeting ids (or file paths outside meetings/) changed on both sides."""
        self.ref = ref
        """A ref keeping the remote's version reachable, e.g. refs/minutebook/conflicts/..."""
        self.local = local
        """The local head commit, unchanged by the failed sync."""
        self.remote = remote
        """The remote head commit that conflicts."""


class RemoteUnreachable(ArchiveError):
    """The remote could not be contacted or is not a git repository."""

    title = "Remote unreachable"


class DemoArchive(ArchiveError):
    """A demo archive refuses to synchronise."""

    title = "Demo archive"


class GitFailed(ArchiveError):
    """git failed unexpectedly; ``detail`` carries its output."""

    title = "Git failed"
