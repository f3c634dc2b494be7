"""The git-backed archive of meetings: every saved version kept, nothing rewritten.

Which library does what:

- GitPython (``git.Repo``) does the git work. New blobs and trees go through ``repo.odb``
  (written in-process by gitdb, GitPython's object library, then fsynced; see
  ``_odb``), each version's commit is ``Commit.create_from_tree(..., head=False)``, and
  the branch moves by compare-and-swap with ``repo.git.update_ref(ref, new, old)``.
  Files at a version are read as ``repo.commit(rev).tree / path``; tags are
  ``repo.create_tag``; remotes are ``repo.create_remote``/``Remote.set_url``. Plain git
  commands (``log`` for history, ``grep``, ``ls-tree``, ``diff-tree``, ``fetch``,
  ``push``, ``commit-graph``, ``repack``) run through ``repo.git``, every one with the
  protocol allow-list of ``_repo``. git keeps history quick with its commit-graph and
  changed-path Bloom filters; the archive keeps no index of its own.
- ``filelock`` provides the one-writer-at-a-time lock (an operating-system lock, released
  when its holder dies); see ``locking``.
- platformdirs says where the archive and the autosaved drafts live by default.

Nothing in the project writes git's objects, packs, index or refs by hand. This package
imports nothing from the rest of the project; ``workflow`` builds on it. ``GitArchive``
is the entry point; ``sync`` shares an archive through a git remote; ``AutosaveStore``
keeps unsaved edits outside the history.
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
