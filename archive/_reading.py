"""Reading an archive: files at any version, search, and the history of a folder.

Mixed into :class:`archive.store.GitArchive`, which provides ``repo`` (GitPython's Repo),
``resolve`` and ``tags``. Every read is of the committed record, a version (the newest
unless another is named), never of the files in the archive's folder: a save that was
refused or killed cannot show up in a listing or a search.

A file is read as GitPython gives it, ``repo.commit(rev).tree / path``; listings and
search are ``git ls-tree`` and ``git grep`` of the version; history is one ``git log``
with a format string (clearer, and far quicker, than building a GitPython ``Commit`` for
each of a thousand versions), kept quick by git's commit-graph. Nothing here writes.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

import git
from git.objects import Blob, Commit, Tree

from archive._repo import damaged, first_lines, git_errors, run, stream
from archive.errors import FileNotInArchive, GitFailed
from archive.layout import safe_prefix, safe_relpath
from archive.versions import LOG_FORMAT, Version, parse_log, parse_record

__all__ = ["Reading"]


def _grep_lines(raw: list[bytes], strip: int) -> list[tuple[str, int, str]]:
    found = []
    for line in raw:
        path, _, rest = line.decode("utf-8", "replace").partition("\0")
        number, _, text = rest.partition("\0")
        found.append((path[strip:], int(number), text))
    return found


class Reading:
    """Reads of files, search and history; needs ``repo``, ``resolve`` and ``tags``."""

    repo: git.Repo
    _mutex: threading.RLock
    _roots: dict[str, bytes]
    _folders: dict[bytes, Tree]

    if TYPE_CHECKING:

        def resolve(self, rev: str = "HEAD") -> str: ...

        def tags(self, prefix: str = "") -> dict[str, str]: ...

    # -- files -----------------------------------------------------------------------
    def _object(self, commit: str, path: str) -> git.Object | None:
        """The blob or tree at ``path`` in ``commit``: GitPython's ``commit.tree / path``,
        one folder at a time, keeping the folders read (they never change) for the next
        read, so a file costs one ``cat-file`` round trip once its folders are known."""
        with self._mutex, git_errors("read the archive"):
            try:
                tree = self._tree(self._root(commit))
                *folders, name = path.split("/")
                for part in folders:
                    item = tree[part]
                    if not isinstance(item, Tree):
                        return None
                    tree = self._tree(item.binsha)
                return tree[name]
            except KeyError:
                return None
            except (ValueError, BrokenPipeError) as exc:
                raise damaged(
                    self.repo, f"The archive is damaged: version {commit[:10]} cannot be read.", exc
                ) from exc

    def _root(self, commit: str) -> bytes:
        root = self._roots.get(commit)
        if root is None:
            root = Commit(self.repo, bytes.fromhex(commit)).tree.binsha
            if len(self._roots) >= 4096:
                self._roots.clear()
            self._roots[commit] = root
        return root

    def _tree(self, binsha: bytes) -> Tree:
        tree = self._folders.get(binsha)
        if tree is None:
            tree = Tree(self.repo, binsha, Tree.tree_id << 12, "")
            len(tree)  # read its entries now, once
            if len(self._folders) >= 4096:
                self._folders.clear()
            self._folders[binsha] = tree
        return tree

    def read(self, path: str, rev: str = "HEAD") -> bytes:
        """The content of a file in a version."""
        path = safe_relpath(path)
        commit = self.resolve(rev)
        found = self._object(commit, path)
        if not isinstance(found, Blob):
            raise FileNotInArchive(f"'{path}' does not exist in version {commit[:10]}.")
        return self._content(found, commit, path)

    def _content(self, blob: Blob, commit: str, path: str) -> bytes:
        with self._mutex, git_errors("read the archive"):
            try:
                return blob.data_stream.read()
            except (ValueError, BrokenPipeError) as exc:
                raise damaged(
                    self.repo, f"The archive is damaged: '{path}' of version {commit[:10]} is missing.",
                    exc,
                ) from exc

    def read_many(self, paths: Sequence[str], rev: str = "HEAD") -> dict[str, bytes]:
        """The content of several files of one version (those that are files there), read
        by one ``git cat-file --batch`` that is given every name at once."""
        paths = sorted({safe_relpath(p) for p in paths})
        commit = self.resolve(rev)
        if not paths:
            return {}
        with git_errors("read the archive"):
            proc = self.repo.git.cat_file("--batch", as_process=True, istream=subprocess.PIPE)
            names = "".join(f"{commit}:{p}\n" for p in paths).encode("utf-8")
            out, err = proc.proc.communicate(names)
        if proc.proc.returncode != 0:
            raise GitFailed("Could not read the archive.", detail=err.decode("utf-8", "replace"))
        found: dict[str, bytes] = {}
        at = 0
        for path in paths:
            end = out.index(b"\n", at)
            header = out[at:end].split()
            at = end + 1
            if len(header) != 3:  # "<name> missing"
                continue
            size = int(header[2])
            if header[1] == b"blob":
                found[path] = out[at : at + size]
            at += size + 1
        return found

    def saved_at(self, rev: str = "HEAD") -> dt.datetime:
        """When a version was saved: its author date, as ``Version.when``."""
        commit = self.resolve(rev)
        with self._mutex, git_errors("read a version"):
            try:
                return Commit(self.repo, bytes.fromhex(commit)).authored_datetime
            except (ValueError, BrokenPipeError) as exc:
                raise damaged(
                    self.repo, f"The archive is damaged: version {commit[:10]} cannot be read.", exc
                ) from exc

    def exists(self, path: str, rev: str = "HEAD") -> bool:
        """True if the file or folder exists in the version."""
        path = safe_prefix(path)
        commit = self.resolve(rev)
        return not path or self._object(commit, path) is not None

    def list_files(self, prefix: str = "", rev: str = "HEAD") -> list[str]:
        """Every file under a folder (or the whole archive) in a version, sorted."""
        prefix = safe_prefix(prefix)
        commit = self.resolve(rev)
        args = ["ls-tree", "-r", "-z", "--name-only", "--full-tree", commit]
        if prefix:
            args += ["--", prefix]
        _, out, _ = run(self.repo, args, what="list the files in the archive")
        return sorted(p for p in out.decode("utf-8", "replace").split("\0") if p)

    def file_ids(self, prefix: str = "", rev: str = "HEAD") -> dict[str, str]:
        """Every file under a folder in a version, with its git object id: the hash of its
        content, so two versions of a file are the same exactly when their ids are."""
        prefix = safe_prefix(prefix)
        commit = self.resolve(rev)
        args = ["ls-tree", "-r", "-z", "--full-tree", commit]
        if prefix:
            args += ["--", prefix]
        _, out, _ = run(self.repo, args, what="list the files in the archive")
        found = {}
        for entry in out.decode("utf-8", "replace").split("\0"):
            meta, tab, path = entry.partition("\t")
            if tab and meta.split(" ")[1:2] == ["blob"]:
                found[path] = meta.split(" ")[2]
        return dict(sorted(found.items()))

    # -- search ----------------------------------------------------------------------
    def grep(
        self,
        pattern: str,
        *,
        paths: Sequence[str] = (),
        fixed: bool = True,
        ignore_case: bool = True,
        rev: str | None = "HEAD",
    ) -> list[tuple[str, int, str]]:
        """(path, line number, line) of every matching line in a version.

        ``paths`` are git pathspecs (e.g. ``":(glob)meetings/**/meeting.yaml"``);
        ``rev=None`` is the newest version, as ``"HEAD"``.
        """
        args, strip = self._grep_args(pattern, paths, fixed, ignore_case, rev)
        _, out, _ = run(self.repo, args, what="search the archive", ok=(0, 1))
        return _grep_lines(out.splitlines(), strip)

    def grep_first(
        self,
        pattern: str,
        limit: int,
        *,
        paths: Sequence[str] = (),
        fixed: bool = True,
        ignore_case: bool = True,
        rev: str | None = "HEAD",
    ) -> tuple[list[tuple[str, int, str]], bool]:
        """The first ``limit`` lines :meth:`grep` would give, and whether there are more;
        git is stopped as soon as it finds one more."""
        args, strip = self._grep_args(pattern, paths, fixed, ignore_case, rev)
        raw, more = first_lines(self.repo, args, what="search the archive", limit=limit, ok=(0, 1))
        return _grep_lines(raw, strip), more

    def _grep_args(
        self, pattern: str, paths: Sequence[str], fixed: bool, ignore_case: bool, rev: str | None
    ) -> tuple[list[str], int]:
        args = ["grep", "-z", "-n", "-I", "--no-color", "--full-name"]
        args += ["-F"] if fixed else ["-E"]
        if ignore_case:
            args.append("-i")
        commit = self.resolve(rev or "HEAD")
        return [*args, "-e", pattern, commit, "--", *paths], len(commit) + 1

    # -- history ---------------------------------------------------------------------
    def history(
        self,
        path_or_prefix: str = "",
        *,
        limit: int | None = None,
        rev: str = "HEAD",
        with_paths: bool = True,
        tags_under: str = "",
    ) -> list[Version]:
        """Versions that changed a file or folder (all versions for ""), newest first.

        ``with_paths=False`` leaves ``Version.paths`` empty, which makes a long history
        quicker to list; ``tags_under`` shows only the tags whose names start with it.
        """
        prefix = safe_prefix(path_or_prefix)
        tags_under = safe_prefix(tags_under)
        commit = self.resolve(rev)
        args = ["log", "-z", "--no-renames", "--full-history"]
        if with_paths:
            args += ["--name-only", "--full-diff"]
        args += [f"--format={LOG_FORMAT}", f"--decorate-refs=refs/tags/{tags_under}"]
        if limit is not None:
            args.append(f"--max-count={int(limit)}")
        args += ["--end-of-options", commit]
        if prefix:
            args += ["--", prefix]
        return [
            parse_record(record.decode("utf-8", "replace"))
            for record in stream(self.repo, args, what="read the history", separator=b"\x1e")
        ]

    def version(self, rev: str = "HEAD") -> Version:
        """One version, with its tags and changed files."""
        commit = self.resolve(rev)
        args = ["log", "-1", "-z", "--name-only", "--no-renames"]
        args += [f"--format={LOG_FORMAT}", "--decorate-refs=refs/tags/", commit]
        _, out, _ = run(self.repo, args, what="read a version")
        return parse_log(out)[0]
