"""``GitArchive``: the git repository that keeps every saved version of every meeting.

A save, under the archive lock: checks that no folder on the way is a link; builds the
blobs and the trees along the changed paths through ``repo.odb`` (see
:mod:`archive._writing`); writes the files into the work tree atomically; records the
commit with ``Commit.create_from_tree(..., head=False)``; fsyncs the new objects' folders
and moves ``refs/heads/main`` with ``git update-ref <new> <old>``, a compare-and-swap.
If anything fails before the ref has moved, the work tree is put back as the newest
version has it; if the process is killed, the next writer (or opener) does that. git's
index is never used to save (see ``flush_index`` for ``git status``).

Reading files, search and history live in :mod:`archive._reading`. This module imports
nothing from the rest of the project.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import re
import threading
import time
import weakref
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Unpack

import git
from git.objects import Blob, Commit, TagObject

from archive._odb import ArchiveObjectDB, fsync_dir
from archive._reading import Reading
from archive._repo import git_errors, open_repo, run
from archive._setup import (
    CONFIG,
    SYSTEM,
    Options,
    aware,
    check_folder,
    create_repository,
    write_config,
)
from archive._upkeep import (
    count_save,
    has_commit_graph,
    prune,
    rebuild_index,
    roll_up_packs,
    update_index,
    write_commit_graph,
)
from archive._worktree import Journal, check_real_paths, restore, write_files
from archive._writing import BLOB, EMPTY_TREE, RefLocked, RefMoved, VersionWriter, move_ref
from archive.errors import (
    ArchiveError,
    ArchiveLocked,
    ArchiveReadOnly,
    CorruptArchive,
    InvalidName,
    NotAnArchive,
    RevisionNotFound,
    SaveConflict,
    TagExists,
)
from archive.layout import safe_relpath
from archive.locking import ArchiveLock, remove_stale_git_locks
from archive.versions import Identity, Version, compose_message, parse_message

__all__ = ["GitArchive", "Identity", "Version", "default_archive_path"]

_TAG_RE = re.compile(r"\A[A-Za-z0-9_][A-Za-z0-9._-]*(?:/[A-Za-z0-9_][A-Za-z0-9._-]*)*\Z")
_BAD_REV = re.compile(r"[\x00-\x20\x7f]|\A-")
_MAX_RACES = 20
INDEX_BATCH = 256
"""Paths waiting for git's index before a save writes them in (one git process)."""


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


class GitArchive(Reading):
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
                with contextlib.suppress(ArchiveLocked, ArchiveReadOnly, OSError), archive._locked():
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
        from archive.sync import clone_into

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
            with contextlib.suppress(OSError):
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
        return found.hexsha

    # -- saving ----------------------------------------------------------------------
    def lock(self) -> ArchiveLock:
        """The archive-wide writer lock (a context manager)."""
        return ArchiveLock(self.gitdir, self.path, timeout=self.lock_timeout)

    def save(
        self,
        files: Mapping[str, bytes | None],
        *,
        message: str,
        author: Identity,
        trailers: Mapping[str, str] = {},
        when: dt.datetime | None = None,
        expect_parent: str | None = None,
    ) -> Version:
        """Record a new version with ``files`` written (``None`` deletes a file).

        Returns the new Version; if nothing differs from the newest version, returns that
        one with ``unchanged=True`` and records nothing. With ``expect_parent`` (the
        version the editor started from), raises SaveConflict when someone else has
        since changed any of the same files.
        """
        checked = {safe_relpath(p): data for p, data in files.items()}
        text = compose_message(message, trailers)
        when = aware(when)
        if expect_parent is not None:
            expect_parent = self.resolve(expect_parent)
        with self._locked():
            version = self._save_locked(checked, text, author, when, expect_parent)
        if not version.unchanged:
            self._after_save()
        return version

    @contextlib.contextmanager
    def _locked(self) -> Iterator[ArchiveLock]:
        lock = self.lock()
        with self._mutex, lock:
            self.notes.extend(lock.notes)
            pending = self._journal.pending()
            if pending:
                self._put_back(pending)
                self.notes.append(
                    "Put back the files of a save that was interrupted, as the newest version has them."
                )
            yield lock

    def _put_back(self, paths: Sequence[str]) -> None:
        """Make the work tree's ``paths`` what the newest version holds; end the journal."""
        head = self._head()
        restore(self.path, paths, lambda rel: self._blob_data(head, rel) if head else None)
        self.refresh_index(paths)
        self._journal.end()

    def _blob_data(self, commit: str, path: str) -> bytes | None:
        found = self._object(commit, path)
        if not isinstance(found, Blob):
            return None
        with git_errors("read the archive"):
            return found.data_stream.read()

    def _save_locked(
        self,
        files: dict[str, bytes | None],
        text: str,
        author: Identity,
        when: dt.datetime,
        expect_parent: str | None,
    ) -> Version:
        head = self._head()
        if expect_parent is not None and head != expect_parent:
            self._refuse_if_overlap(expect_parent, head, files)
        check_real_paths(self.path, files)
        blobs = {
            p: None if d is None else (BLOB, self._writer.store(b"blob", d)) for p, d in files.items()
        }
        deadline = time.monotonic() + self.lock_timeout
        for _ in range(_MAX_RACES):
            base = self._commit_tree(head) if head else EMPTY_TREE
            tree, changed = self._writer.tree(base, blobs)
            if tree == base and head is not None:
                self.repo.odb.discard()
                return self._unchanged(head)
            parents = (head,) if head else ()
            try:
                commit = self._record(files, changed, tree, parents, text, author, when)
            except RefMoved:
                head = self._head()
                if expect_parent is not None and head != expect_parent:
                    self._refuse_if_overlap(expect_parent, head, files)
                continue
            except RefLocked:
                self._wait_for_ref_lock(deadline)
                head = self._head()
                continue
            self.refresh_index(changed)
            subject, body, trailers = parse_message(text)
            return Version(
                commit=commit,
                short=commit[:10],
                author=author,
                when=when,
                subject=subject,
                body=body,
                trailers=trailers,
                paths=tuple(changed),
                parents=parents,
            )
        raise ArchiveError("The archive kept changing under this save; please try again.")

    def _record(
        self,
        files: Mapping[str, bytes | None],
        changed: Sequence[str],
        tree: str,
        parents: tuple[str, ...],
        text: str,
        author: Identity,
        when: dt.datetime,
    ) -> str:
        """Work tree, commit, ref; the work tree is put back if the ref did not move."""
        odb = self.repo.odb
        assert isinstance(odb, ArchiveObjectDB)
        written = {p: d for p, d in files.items() if d is not None}
        touched = set(changed) | set(written)
        self._journal.begin(touched)
        try:
            write_files(self.path, {**{p: None for p in changed if p not in written}, **written})
            commit = self._writer.commit(tree, parents, text, author, when)
            odb.sync()
            move_ref(self.repo, self.branch, commit, parents[0] if parents else None,
                     reason=f"commit: {text.splitlines()[0]}", who=author)
        except BaseException:
            odb.discard()
            with contextlib.suppress(ArchiveError, OSError):
                self._put_back(sorted(touched))
            raise
        self._journal.end()
        return commit

    def _commit_tree(self, commit: str) -> str:
        with git_errors("read a version"):
            try:
                return Commit(self.repo, bytes.fromhex(commit)).tree.hexsha
            except ValueError as exc:
                raise CorruptArchive(
                    f"The archive is damaged: version {commit[:10]} is missing."
                ) from exc

    def _unchanged(self, head: str) -> Version:
        return dataclasses.replace(self.version(head), unchanged=True)

    def _wait_for_ref_lock(self, deadline: float) -> None:
        notes = remove_stale_git_locks(self.gitdir, names=(self.branch + ".lock",))
        self.notes.extend(notes)
        if notes:
            return
        if time.monotonic() > deadline:
            raise ArchiveLocked(
                "The archive is busy: another git program is updating it; try again in a moment."
            )
        time.sleep(0.05)

    def _refuse_if_overlap(
        self, base: str, head: str | None, files: Mapping[str, object]
    ) -> None:
        if head is None:
            return
        _, out, _ = run(
            self.repo,
            ["diff-tree", "-r", "-z", "--name-only", "--no-renames", base, head, "--", *files],
            what="compare versions",
        )
        overlap = sorted(p for p in out.decode("utf-8", "replace").split("\0") if p)
        if overlap:
            raise SaveConflict(
                f"'{overlap[0]}' was changed by someone else since you opened it; "
                "reload it and apply your changes again.",
                paths=overlap,
                head=head,
            )

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

    # -- upkeep ----------------------------------------------------------------------
    def write_commit_graph(self) -> None:
        """Add new versions to the commit-graph (with changed-path Bloom filters)."""
        write_commit_graph(self.repo)

    def refresh_index(self, paths: Sequence[str]) -> None:
        """Note that git's index is behind for ``paths``; ``flush_index`` catches it up.

        Saves never wait for git's index. ``flush_index()`` runs on ``close()``, on
        ``maintenance()`` and once ``INDEX_BATCH`` paths are waiting, so ``git status``
        in the archive folder is clean whenever no minutebook is in the middle of work.
        """
        if self.update_index:
            self._index_pending.update(paths)

    def flush_index(self, *, locked: bool = False) -> None:
        """Write the noted paths into git's index now; a damaged index is rebuilt.

        While another git program holds the index, the paths wait for the next call.
        """
        if not self._index_pending:
            return
        pending = sorted(self._index_pending)
        with contextlib.ExitStack() as stack:
            if not locked:
                stack.enter_context(self._locked())
            update_index(self.repo, pending)
            self._index_pending.difference_update(pending)

    def _after_save(self) -> None:
        count = count_save(self.gitdir)
        with contextlib.suppress(ArchiveError, OSError):
            if len(self._index_pending) >= INDEX_BATCH:
                self.flush_index()
            if self.repack_every and count % self.repack_every == 0:
                self.maintenance(refresh_index=False, drop_garbage=False)
            elif self.graph_every and count % self.graph_every == 0:
                self.write_commit_graph()

    def maintenance(self, *, refresh_index: bool = True, drop_garbage: bool = True) -> None:
        """Pack refs and objects, refresh the commit-graph and git's index, and (with
        ``drop_garbage``, a walk of the whole history) remove objects no version uses.

        ``refresh_index`` rebuilds git's index from the newest version for anyone
        running git by hand in the archive folder. Packing runs under the archive lock:
        it removes loose objects and their folders, which a save must not be writing.
        """
        with self._locked():
            run(self.repo, ["pack-refs", "--all"], what="tidy the archive's tags")
            if refresh_index:
                rebuild_index(self.repo)
                self._index_pending.clear()
            else:
                self.flush_index(locked=True)
            roll_up_packs(self.repo)
            if drop_garbage:
                prune(self.repo)
        write_commit_graph(self.repo)
