"""``GitArchive``: the git repository that keeps every saved version of every meeting.

A save writes the files into the work tree atomically, writes the blob, tree and commit
objects in-process as one fsynced pack, and moves ``refs/heads/main`` with a
compare-and-swap, all under the archive lock and without starting any git process; the
shared git index is never touched (``maintenance()`` brings it back in line for people
who run git by hand). Reads go through one persistent ``git cat-file`` child; history is
a single ``git log`` run, kept fast by a commit-graph with changed-path Bloom filters
that saves refresh every ``graph_every`` versions; every ``repack_every`` saves the small
packs are rolled together (``git repack --geometric=2``).

Reading files, search and history live in :mod:`archive._reading`. This module imports
nothing from the rest of the project.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import re
import time
import weakref
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Unpack

from archive._git import run_git
from archive._objects import (
    BLOB_MODE,
    EMPTY_TREE,
    CatFile,
    ObjectWriter,
    TreeEditor,
    format_commit,
    ident_line,
    parse_commit,
)
from archive._reading import Reading
from archive._refs import RefChanged, RefLocked, head_branch, read_ref, update_ref
from archive._setup import (
    CONFIG,
    SYSTEM,
    Options,
    append_config,
    aware,
    check_folder,
    create_repository,
    read_config,
)
from archive._upkeep import (
    count_save,
    has_commit_graph,
    remove_abandoned_temporaries,
    roll_up_packs,
    write_commit_graph,
)
from archive._worktree import checkout, write_files
from archive.errors import (
    ArchiveError,
    ArchiveLocked,
    CorruptArchive,
    InvalidName,
    NotAnArchive,
    RevisionNotFound,
    SaveConflict,
    TagExists,
)
from archive.layout import safe_relpath
from archive.locking import ArchiveLock, recover_stale_git_locks
from archive.versions import (
    Identity,
    Version,
    compose_message,
    parse_message,
)

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
        """Saves between refreshes of the commit-graph (0: never automatically)."""
        self.repack_every = repack_every
        """Saves between roll-ups of the small packs saves write (0: never automatically)."""
        self.update_index = update_index
        """Keep git's index in step with saves (in batches, see ``refresh_index``) so
        ``git status`` in the archive folder stays clean; commits never use the index."""
        self._index_pending: set[str] = set()
        self.notes: list[str] = []
        """Recoveries made (stale locks removed), for the caller to show."""
        self._cat = CatFile(path)
        self._writer = ObjectWriter(self.gitdir)
        self._editor = TreeEditor(self._cat, self._writer)
        self._trees: dict[str, str] = {}
        self._config: dict[str, str] | None = None
        self._finalizer = weakref.finalize(self, self._cat.close)

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
            {".gitattributes": b"*.docx binary\n"},
            message="Archive created",
            author=author,
            when=when,
        )
        run_git(folder, ["reset", "-q"], what="prepare the archive index")
        archive.write_commit_graph()
        return archive

    @classmethod
    def open(cls, path: str | os.PathLike[str], **options: Unpack[Options]) -> GitArchive:
        """Open an existing archive, with a clear error when it is missing or not one."""
        folder = Path(path).expanduser().absolute()
        check_folder(folder)
        archive = cls(folder, **options)
        head_branch(archive.gitdir)
        archive._ensure_config()
        if not has_commit_graph(archive.gitdir) and archive._head() is not None:
            with contextlib.suppress(ArchiveError, OSError):
                archive.write_commit_graph()
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

    def _read_config(self) -> dict[str, str]:
        if self._config is None:
            self._config = read_config(self.path)
        return self._config

    def _ensure_config(self) -> None:
        config = self._read_config()
        missing = {k: v for k, v in CONFIG.items() if k not in config}
        if missing and os.access(self.gitdir / "config", os.W_OK):
            append_config(self.gitdir, missing)
            config.update(missing)

    @property
    def is_demo(self) -> bool:
        """True for a demo archive (``minutebook.demo=true``), which never syncs."""
        return self._read_config().get("minutebook.demo", "").lower() in ("true", "yes", "on", "1")

    # -- closing ---------------------------------------------------------------------
    def close(self) -> None:
        """Bring git's index up to date and stop the git child process kept for reading."""
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
        return head_branch(self.gitdir)

    def _head(self) -> str | None:
        return read_ref(self.gitdir, self.branch)

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
        found = self._cat.info(f"{rev}^{{commit}}")
        if found is None:
            raise RevisionNotFound(f"No version called '{rev}' was found in the archive.")
        return found[0]

    def _tree_of(self, commit: str) -> str:
        tree = self._trees.get(commit)
        if tree is None:
            found = self._cat.read(commit)
            if found is None or found[1] != "commit":
                raise CorruptArchive(f"The archive is damaged: version {commit[:10]} is missing.")
            tree = parse_commit(found[2]).tree
            if len(self._trees) > 4096:
                self._trees.clear()
            self._trees[commit] = tree
        return tree

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
        ident = ident_line(author.name, author.email, when)
        if expect_parent is not None:
            expect_parent = self.resolve(expect_parent)
        with self._locked() as lock:
            try:
                version = self._save_locked(checked, text, ident, author, when, expect_parent, lock)
            finally:
                self._writer.discard()
        if not version.unchanged:
            self._after_save()
        return version

    @contextlib.contextmanager
    def _locked(self) -> Iterator[ArchiveLock]:
        lock = self.lock()
        with lock:
            self.notes.extend(lock.notes)
            yield lock

    def _save_locked(
        self,
        files: dict[str, bytes | None],
        text: str,
        ident: str,
        author: Identity,
        when: dt.datetime,
        expect_parent: str | None,
        lock: ArchiveLock,
    ) -> Version:
        head = self._head()
        if expect_parent is not None and head != expect_parent:
            self._refuse_if_overlap(expect_parent, head, files)
        write_files(self.path, files)
        blobs = {
            p: None if d is None else (BLOB_MODE, self._writer.write("blob", d))
            for p, d in files.items()
        }
        deadline = time.monotonic() + self.lock_timeout
        races = 0
        while races < _MAX_RACES:
            base_tree = self._tree_of(head) if head else EMPTY_TREE
            tree, changed = self._editor.apply(base_tree, blobs)
            if tree == base_tree and head is not None:
                self._writer.discard()
                return self._unchanged(head)
            parents = (head,) if head else ()
            commit = self._writer.write("commit", format_commit(tree, parents, ident, text))
            self._writer.flush()
            try:
                update_ref(
                    self.gitdir,
                    self.branch,
                    commit,
                    head,
                    reflog=f"{ident}\tcommit: {text.splitlines()[0]}",
                )
            except RefChanged as moved:
                races += 1
                head = moved.current
                if expect_parent is not None and head != expect_parent:
                    self._refuse_if_overlap(expect_parent, head, files, restore=True)
                continue
            except RefLocked:
                self._wait_for_ref_lock(deadline, lock)
                head = self._head()
                continue
            self._trees[commit] = tree
            self.refresh_index(changed)
            if len(self._index_pending) >= INDEX_BATCH:
                self.flush_index(locked=True)
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

    def _unchanged(self, head: str) -> Version:
        return dataclasses.replace(self.version(head), unchanged=True)

    def _wait_for_ref_lock(self, deadline: float, lock: ArchiveLock) -> None:
        name = self.branch + ".lock"
        notes = recover_stale_git_locks(
            self.gitdir, self.path, older_than=lock.git_lock_age, names=(name,)
        )
        self.notes.extend(notes)
        if notes:
            return
        if time.monotonic() > deadline:
            raise ArchiveLocked(
                "The archive is busy: another git program is updating it; try again in a moment."
            )
        time.sleep(0.02)

    def _refuse_if_overlap(
        self, base: str, head: str | None, files: Mapping[str, object], *, restore: bool = False
    ) -> None:
        if head is None:
            return
        out = run_git(
            self.path,
            ["diff-tree", "-r", "-z", "--name-only", "--no-renames", base, head, "--", *files],
            what="compare versions",
        ).stdout
        overlap = sorted(p for p in out.decode("utf-8", "replace").split("\0") if p)
        if not overlap:
            return
        if restore:
            checkout(self.path, self._cat, head, list(files))
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
        target = commit
        with self._locked():
            if message is not None:
                stamp = ident_line(tagger.name, tagger.email, aware(when))
                body = compose_message(message)
                raw = f"object {commit}\ntype commit\ntag {name}\ntagger {stamp}\n\n{body}"
                target = self._writer.write("tag", raw.encode())
                self._writer.flush()
            try:
                update_ref(self.gitdir, f"refs/tags/{name}", target, None)
            except RefChanged as exc:
                raise TagExists(f"The tag '{name}' already exists and is never moved.") from exc
            except (RefLocked, NotADirectoryError, IsADirectoryError, FileExistsError) as exc:
                raise TagExists(f"The tag '{name}' clashes with an existing tag.") from exc
        return commit

    def tags(self, prefix: str = "") -> dict[str, str]:
        """Tag name -> tagged commit id, for tags starting with ``prefix``."""
        folder = prefix.rpartition("/")[0]
        pattern = f"refs/tags/{folder}/" if folder else "refs/tags/"
        out = run_git(
            self.path,
            [
                "for-each-ref",
                "--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)",
                pattern,
            ],
            what="list the tags",
        ).stdout.decode("utf-8", "replace")
        found = {}
        for line in out.splitlines():
            name, obj, peeled = line.split("\0")
            if name.startswith(prefix):
                found[name] = peeled or obj
        return found

    # -- upkeep ----------------------------------------------------------------------
    def write_commit_graph(self) -> None:
        """Add new versions to the commit-graph (with changed-path Bloom filters)."""
        write_commit_graph(self.path)

    def refresh_index(self, paths: Sequence[str]) -> None:
        """Note that git's index is behind for ``paths``; it is brought up to date later.

        Saves never wait for git's index. The noted paths are written into it (one git
        process, under the archive lock) by ``flush_index()``, which runs on ``close()``,
        on ``maintenance()`` and once ``INDEX_BATCH`` paths are waiting, so ``git status``
        in the archive folder is clean whenever no minutebook is in the middle of work.
        """
        if self.update_index:
            self._index_pending.update(paths)

    def flush_index(self, *, locked: bool = False) -> None:
        """Write the noted paths into git's index now (best effort: the versions are
        already saved, so a busy ``index.lock`` just leaves them for later)."""
        if not self._index_pending:
            return
        pending = sorted(self._index_pending)
        with contextlib.ExitStack() as stack:
            if not locked:
                stack.enter_context(self._locked())
            with contextlib.suppress(ArchiveError, OSError):
                run_git(
                    self.path,
                    ["update-index", "-q", "--add", "--remove", "--", *pending],
                    what="update the archive index",
                )
                self._index_pending.difference_update(pending)

    def _after_save(self) -> None:
        count = count_save(self.gitdir)
        with contextlib.suppress(ArchiveError, OSError):
            if self.repack_every and count % self.repack_every == 0:
                self.maintenance(refresh_index=False)
            elif self.graph_every and count % self.graph_every == 0:
                self.write_commit_graph()

    def maintenance(self, *, refresh_index: bool = True) -> None:
        """Pack refs and objects, refresh the commit-graph, and re-sync git's index.

        Saves never wait for git's index; ``refresh_index`` rebuilds it from the newest
        version for anyone running git by hand in the archive folder.
        """
        with self._locked():
            run_git(self.path, ["pack-refs", "--all"], what="tidy the archive's tags")
            if refresh_index:
                run_git(self.path, ["reset", "-q", "--mixed"], what="refresh the archive index")
                self._index_pending.clear()
            else:
                self.flush_index(locked=True)
        roll_up_packs(self.path)
        write_commit_graph(self.path)
        remove_abandoned_temporaries(self.gitdir)
