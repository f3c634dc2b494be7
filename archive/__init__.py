"""The git-backed archive of meetings: every saved version kept, nothing rewritten.

Imports nothing from the rest of the project (only the standard library and
platformdirs, plus the ``git`` command); ``workflow`` builds on it. ``GitArchive`` is the
entry point; ``sync`` shares an archive through a git remote; ``AutosaveStore`` keeps
unsaved edits outside the history.
"""

from __future__ import annotations

from archive.autosave import AutosaveStore, autosave_key
from archive.errors import (
    ArchiveError,
    ArchiveLocked,
    ArchiveMissing,
    ArchiveReadOnly,
    ArchiveUnreadable,
    CorruptArchive,
    DemoArchive,
    FileNotInArchive,
    GitFailed,
    InvalidName,
    NotAnArchive,
    PathOutsideArchive,
    RemoteUnreachable,
    RevisionNotFound,
    SaveConflict,
    SyncConflict,
    TagExists,
)
from archive.layout import (
    committee_file,
    exempt_file,
    is_valid_meeting_id,
    is_valid_slug,
    meeting_dir,
    meeting_file,
    meeting_id_from_path,
    safe_relpath,
)
from archive.store import GitArchive, default_archive_path
from archive.sync import SyncResult, conflict_refs, resolve_conflict, sync
from archive.versions import Identity, Version

__all__ = [
    "ArchiveError",
    "ArchiveLocked",
    "ArchiveMissing",
    "ArchiveReadOnly",
    "ArchiveUnreadable",
    "AutosaveStore",
    "CorruptArchive",
    "DemoArchive",
    "FileNotInArchive",
    "GitArchive",
    "GitFailed",
    "Identity",
    "InvalidName",
    "NotAnArchive",
    "PathOutsideArchive",
    "RemoteUnreachable",
    "RevisionNotFound",
    "SaveConflict",
    "SyncConflict",
    "SyncResult",
    "TagExists",
    "Version",
    "autosave_key",
    "committee_file",
    "conflict_refs",
    "default_archive_path",
    "exempt_file",
    "is_valid_meeting_id",
    "is_valid_slug",
    "meeting_dir",
    "meeting_file",
    "meeting_id_from_path",
    "resolve_conflict",
    "safe_relpath",
    "sync",
]
