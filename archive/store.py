"""``GitArchive``: the git repository that keeps every saved version of every meeting.

Opening and creating archives, refs and revisions, and tags live here; saving in
:mod:`archive._saving`, reading files, search and history in :mod:`archive._reading`,
and upkeep (commit-graph, packing, git's index) in :mod:`archive._upkeep`, each a part
of the one ``GitArchive`` class. This module imports nothing from the rest of the
project.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import threading
import weakref
from pathlib import Path
from types import TracebackType
from typing import Unpack

import git
from git.objects import Commit, TagObject, Tree

from archive._odb import fsync_dir
from archive._reading import Reading
from archive._repo import git_errors, open_repo, run
from archive._saving import Saving
from archive._setup import (
    CONFIG,
    SYSTEM,
    Options,
    aware,
    check_folder,
    clone_into,
    create_repository,
    write_config,
)
from archive._upkeep import Upkeep, has_commit_graph, rebuild_index
from archive._worktree import Journal
from archive._writing import VersionWriter
from archive.errors import (
    ArchiveError,
    ArchiveLocked,
    ArchiveReadOnly,
    CorruptArchive,
    InvalidName,
    NotAnArchive,
    RevisionNotFound,
    TagExists,
)
from archive.versions import Identity, Version, compose_message

__all__ = ["GitArchive", "Identity", "Version", "default_archive_path"]

_TAG_RE = re.compile(r"\A[A-Za-z0-9_][A-Za-z0-9._-]*(?:/[A-Za-z0-9_][A-Za-z0-9._-]*)*\Z")
_BAD_REV = re.compile(r"[\x00-\x20\x7f]|\A-")


def default_archive_path() -> Path:
    """``$MINUTEBOOK_ARCHIVE`` or ``<user data dir>/minutebook/archive``."""
    env = os.environ.get("MINUTEBOOK_ARCHIVE")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_path("minutebook", appauthor=False)) / "archive"


def _stamp(when: dt.datetime) -> str:
    """``<epoch> <+hhmm>``, git's own date format."""
    minutes = int((when.utcoffset() or dt.timedelta(0)).total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{int(when.timestamp())} {sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


class GitArchive(Saving, Upkeep, Reading):
    """A minutebook archive: one git repository, one commit per saved version.

    Build it with ``init``, ``open`` or ``open_or_init``; close it (or use ``with``).
    """

    def __init__(
        self,
        path: Path,
        *,
        lock_timeout: float = 5.0,
        graph_every: int = 32,
        repack_every: int = 64,
        update_index: bool = True,
    ) -> None:
        self.path = path
        """The archive folder (the git work tree)."""
        self.gitdir = path / ".git"
        self.lock_timeout = lock_timeout
        """Seconds a save waits for another save before raising ArchiveLocked."""
        self.graph_every = graph_every
        """Saves between additions to the commit-graph (0: never automatically)."""
        self.repack_every = repack_every
        """Saves between roll-ups of packs and removals of garbage (0: never automatically)."""
        self.update_index = update_index
        """Keep git's index in step with saves (in batches, see ``flush_index``) so
        ``git status`` in the archive folder stays clean; commits never use the index."""
        self.notes: list[str] = []
        """Recoveries made (stale git locks removed, a killed save's files put back)."""
        self._index_pending: set[str] = set()
        self._mutex = threading.RLock()
        self._roots: dict[str, bytes] = {}
        self._folders: dict[bytes, Tree] = {}
        self._commits: set[str] = set()
        self.repo = open_repo(path)
        """GitPython's Repo of the archive."""
        self._finalizer = weakref.finalize(self, self.repo.close)
        self._writer = VersionWriter(self.repo)
        self._journal = Journal(self.gitdir)

    # -- creating and opening --------------------------------------------------------
    @classmethod
    def init(
        cls,
        path: str | os.PathLike[str],
        *,
        demo: bool = False,
        author: Identity = SYSTEM,
        when: dt.datetime | None = None,
        **options: Unpack[Options],
    ) -> GitArchive:
        """Create an archive (folder, repository on ``main``, first commit)."""
        folder = Path(path).expanduser().absolute()
        create_repository(folder, demo=demo)
        archive = cls(folder, **options)
        archive.save(
            {".gitattributes": b"*.docx binary\n"}, message="Archive created", author=author, when=when
        )
        rebuild_index(archive.repo)
        archive._index_pending.clear()
        archive.write_commit_graph()
        return archive

    @classmethod
    def open(cls, path: str | os.PathLike[str], **options: Unpack[Options]) -> GitArchive:
        """Open an existing archive, with a clear error when it is missing or not one."""
        folder = Path(path).expanduser().absolute()
        check_folder(folder)
        archive = cls(folder, **options)
        try:
            archive.branch  # noqa: B018 - refuses a detached or damaged HEAD now
            archive._ensure_config()
            if archive._journal.pending():
                with (
                    contextlib.suppress(ArchiveLocked, ArchiveReadOnly, OSError),
                    archive._locked(timeout=0.5),
                ):
                    pass
            if not has_commit_graph(archive.gitdir) and archive._head() is not None:
                with contextlib.suppress(ArchiveError, OSError):
                    archive.write_commit_graph()
        except BaseException:
            archive.close()
            raise
        return archive

    @classmethod
    def open_or_init(
        cls, path: str | os.PathLike[str], *, demo: bool = False, **options: Unpack[Options]
    ) -> GitArchive:
        """Open the archive at ``path``, creating it first if the folder is absent or empty."""
        folder = Path(path).expanduser().absolute()
        if not folder.exists() or (folder.is_dir() and not any(folder.iterdir())):
            return cls.init(folder, demo=demo, **options)
        return cls.open(folder, **options)

    @classmethod
    def clone(
        cls, url: str, path: str | os.PathLike[str], **options: Unpack[Options]
    ) -> GitArchive:
        """Make a local archive from a shared remote (``origin``)."""
        folder = Path(path).expanduser().absolute()
        if folder.exists() and any(folder.iterdir()):
            raise NotAnArchive(f"Cannot copy the archive into {folder}: it already has files.")
        clone_into(url, folder)
        return cls.open(folder, **options)

    def _ensure_config(self) -> None:
        with git_errors("read the archive settings"):
            reader = self.repo.config_reader("repository")
            wrong = {
                key: value
                for key, value in CONFIG.items()
                if str(reader.get_value(*key.rsplit(".", 1), default="")).lower() != value
            }
        if wrong and os.access(self.gitdir / "config", os.W_OK) and os.access(self.gitdir, os.W_OK):
            with contextlib.suppress(OSError), git_errors("update the archive settings"):
                write_config(self.repo, wrong)

    @property
    def is_demo(self) -> bool:
        """True for a demo archive (``minutebook.demo=true``), which never syncs."""
        with self._mutex, git_errors("read the archive settings"):
            value = self.repo.config_reader("repository").get_value("minutebook", "demo", "")
        return str(value).lower() in ("true", "yes", "on", "1")

    # -- closing ---------------------------------------------------------------------
    def close(self) -> None:
        """Bring git's index up to date and stop the git processes kept for reading."""
        if self._finalizer.alive:
            with contextlib.suppress(ArchiveError, OSError):
                self.flush_index()
        self._finalizer()

    def __enter__(self) -> GitArchive:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"GitArchive({str(self.path)!r})"

    # -- refs and revisions ----------------------------------------------------------
    @property
    def branch(self) -> str:
        """The branch ref versions are saved on (``refs/heads/main``)."""
        damaged = CorruptArchive(
            "The archive is not on a branch (its HEAD is detached or damaged); "
            "ask for help before saving."
        )
        try:
            name = str(self.repo.head.reference.path)
        except (TypeError, ValueError) as exc:
            raise damaged from exc
        if not name.startswith("refs/heads/"):
            raise damaged
        return name

    def _head(self) -> str | None:
        branch = self.branch
        try:
            return git.SymbolicReference.dereference_recursive(self.repo, branch)
        except ValueError as exc:
            if (self.gitdir / branch).exists():
                raise CorruptArchive(
                    f"The archive is damaged: the ref {branch} is unreadable."
                ) from exc
            return None

    def head(self) -> str:
        """The commit id of the newest version."""
        head = self._head()
        if head is None:
            raise RevisionNotFound("The archive has no saved versions yet.")
        return head

    def resolve(self, rev: str = "HEAD") -> str:
        """The full commit id of a version, tag, branch or short commit id."""
        if rev == "HEAD":
            return self.head()
        if rev in self._commits:
            return rev
        if not rev or _BAD_REV.search(rev):
            raise RevisionNotFound(f"'{rev}' is not a version name.")
        missing = RevisionNotFound(f"No version called '{rev}' was found in the archive.")
        with self._mutex:
            try:
                found = self.repo.rev_parse(rev)
                while isinstance(found, TagObject):
                    found = found.object
            except (ArchiveError, git.BadName, git.BadObject, ValueError, IndexError,
                    AttributeError, git.GitCommandError) as exc:
                raise missing from exc
        if not isinstance(found, Commit):
            raise missing
        if len(self._commits) >= 4096:
            self._commits.clear()
        self._commits.add(found.hexsha)
        return found.hexsha

    # -- tags ------------------------------------------------------------------------
    def tag(
        self,
        name: str,
        rev: str = "HEAD",
        message: str | None = None,
        *,
        tagger: Identity = SYSTEM,
        when: dt.datetime | None = None,
    ) -> str:
        """Tag a version (annotated when ``message`` is given); never moves a tag."""
        if not _TAG_RE.match(name) or ".." in name or name.endswith(".lock") or "/." in name:
            raise InvalidName(f"'{name}' cannot be used as a tag name.")
        commit = self.resolve(rev)
        env = {
            "GIT_COMMITTER_NAME": tagger.name,
            "GIT_COMMITTER_EMAIL": tagger.email,
            "GIT_COMMITTER_DATE": _stamp(aware(when)),
        }
        options = {"message": compose_message(message), "no_sign": True} if message is not None else {}
        with self._locked():
            try:
                self.repo.create_tag(name, commit, env=env, **options)
            except git.GitCommandError as exc:
                detail = str(exc.stderr)
                if "already exists" in detail:
                    raise TagExists(f"The tag '{name}' already exists and is never moved.") from exc
                raise TagExists(f"The tag '{name}' clashes with an existing tag.") from exc
            folder = self.gitdir / "refs" / "tags" / name
            while folder != self.gitdir / "refs":
                folder = folder.parent
                fsync_dir(folder)
        return commit

    def tags(self, prefix: str = "") -> dict[str, str]:
        """Tag name -> tagged commit id, for tags starting with ``prefix``."""
        folder = prefix.rpartition("/")[0]
        pattern = f"refs/tags/{folder}/" if folder else "refs/tags/"
        _, out, _ = run(
            self.repo,
            ["for-each-ref", "--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)", pattern],
            what="list the tags",
        )
        found = {}
        for line in out.decode("utf-8", "replace").splitlines():
            name, obj, peeled = line.split("\0")
            if name.startswith(prefix):
                found[name] = peeled or obj
        return found
