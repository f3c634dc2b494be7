"""Reading an archive: files at any version, search, and the history of a folder.

Mixed into :class:`archive.store.GitArchive`, which provides ``path``, ``resolve`` and
the persistent object reader ``_cat``. Nothing here writes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from archive._git import first_lines, run_git, stream_records
from archive._history_cache import (
    MAX_CATCH_UP,
    HistoryIndex,
    path_only_record,
    record_parents,
    record_touches,
)
from archive.errors import CorruptArchive, FileNotInArchive, RevisionNotFound
from archive.layout import safe_prefix, safe_relpath
from archive.versions import LOG_FORMAT, Version, parse_log, parse_record

if TYPE_CHECKING:
    from archive._objects import CatFile

__all__ = ["Reading"]


def _grep_lines(raw: list[bytes], strip: int) -> list[tuple[str, int, str]]:
    found = []
    for line in raw:
        path, _, rest = line.decode("utf-8", "replace").partition("\0")
        number, _, text = rest.partition("\0")
        found.append((path[strip:], int(number), text))
    return found



class Reading:
    """Reads of files, search and history; needs ``path``, ``resolve`` and ``_cat``."""

    path: Path
    gitdir: Path
    _cat: CatFile

    if TYPE_CHECKING:

        def resolve(self, rev: str = "HEAD") -> str: ...

        def tags(self, prefix: str = "") -> dict[str, str]: ...

    # -- reading ---------------------------------------------------------------------
    def read(self, path: str, rev: str = "HEAD") -> bytes:
        """The content of a file in a version."""
        path = safe_relpath(path)
        commit = self.resolve(rev)
        found = self._cat.read(f"{commit}:{path}")
        if found is None or found[1] != "blob":
            raise FileNotInArchive(f"'{path}' does not exist in version {commit[:10]}.")
        return found[2]

    def saved_at(self, rev: str = "HEAD") -> dt.datetime:
        """When a version was saved: its author date, as `Version.when` (read through the
        open object reader, without starting git)."""
        commit = self.resolve(rev)
        found = self._cat.read(commit)
        if found is None or found[1] != "commit":
            raise RevisionNotFound(f"'{rev}' is not a version of this archive.")
        for line in found[2].split(b"\n"):
            if not line:
                break
            if line.startswith(b"author "):
                stamp, zone = line.rsplit(b" ", 2)[1:]
                sign = 1 if zone[:1] == b"+" else -1
                offset = dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[3:5])) * sign
                return dt.datetime.fromtimestamp(int(stamp), dt.timezone(offset))
        raise CorruptArchive(f"The version {commit[:10]} has no date.")

    def exists(self, path: str, rev: str = "HEAD") -> bool:
        """True if the file or folder exists in the version."""
        path = safe_prefix(path)
        commit = self.resolve(rev)
        return not path or self._cat.info(f"{commit}:{path}") is not None

    def list_files(self, prefix: str = "", rev: str = "HEAD") -> list[str]:
        """Every file under a folder (or the whole archive) in a version, sorted."""
        prefix = safe_prefix(prefix)
        commit = self.resolve(rev)
        args = ["ls-tree", "-r", "-z", "--name-only", "--full-tree", commit]
        if prefix:
            args += ["--", prefix]
        out = run_git(self.path, args, what="list the files in the archive").stdout
        return sorted(p for p in out.decode("utf-8", "replace").split("\0") if p)

    def file_ids(self, prefix: str = "", rev: str = "HEAD") -> dict[str, str]:
        """Every file under a folder in a version, with its git object id: the hash of its
        content, so two versions of a file are the same exactly when their ids are."""
        prefix = safe_prefix(prefix)
        commit = self.resolve(rev)
        args = ["ls-tree", "-r", "-z", "--full-tree", commit]
        if prefix:
            args += ["--", prefix]
        out = run_git(self.path, args, what="list the files in the archive").stdout
        found = {}
        for entry in out.decode("utf-8", "replace").split("\0"):
            meta, tab, path = entry.partition("\t")
            if tab and meta.split(" ")[1:2] == ["blob"]:
                found[path] = meta.split(" ")[2]
        return dict(sorted(found.items()))

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

        ``paths`` are git pathspecs (e.g. ``":(glob)meetings/**/meeting.yaml"``). With
        ``rev=None`` the files in the work tree are searched (several threads, no
        decompression: much quicker on a large archive), tracked or not.
        """
        args, strip = self._grep_args(pattern, paths, fixed, ignore_case, rev)
        out = run_git(self.path, args, what="search the archive", ok=(0, 1)).stdout
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
        raw, more = first_lines(
            self.path, args, what="search the archive", limit=limit, ok=(0, 1)
        )
        return _grep_lines(raw, strip), more

    def _grep_args(
        self, pattern: str, paths: Sequence[str], fixed: bool, ignore_case: bool, rev: str | None
    ) -> tuple[list[str], int]:
        args = ["grep", "-z", "-n", "-I", "--no-color", "--full-name"]
        args += ["-F"] if fixed else ["-E"]
        if ignore_case:
            args.append("-i")
        if rev is None:
            return [*args, "--untracked", "-e", pattern, "--", *paths], 0
        commit = self.resolve(rev)
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
        quicker to list; ``tags_under`` shows only the tags whose names start with it. The
        whole history of a folder at HEAD without paths comes from the history index.
        """
        prefix = safe_prefix(path_or_prefix)
        tags_under = safe_prefix(tags_under)
        commit = self.resolve(rev)
        if rev == "HEAD" and prefix and limit is None and not with_paths:
            return self._indexed_history(prefix, commit, tags_under)
        args = ["log", "-z", "--no-renames", "--full-history", "--abbrev=10"]
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
            for record in stream_records(self.path, args, what="read the history", separator=b"\x1e")
        ]

    def _tagged(self, tags_under: str) -> dict[str, list[str]]:
        """Commit -> names of the tags under ``tags_under`` that point at it."""
        tagged: dict[str, list[str]] = {}
        for name, target in self.tags(tags_under).items():
            tagged.setdefault(target, []).append(name)
        return tagged

    def _indexed_history(self, prefix: str, head: str, tags_under: str) -> list[Version]:
        index = HistoryIndex(self.gitdir)
        found = index.load(prefix)
        records: list[bytes] | None = None
        if found is not None and found[0] == head:
            records = found[1]
        elif found is not None:
            newer = self._plain_commits_since(found[0], head, prefix)
            if newer is not None:
                records = newer + found[1]
                index.store(prefix, head, records)
        if records is not None:
            tagged = self._tagged(tags_under)
            return [parse_record(r.decode("utf-8", "replace"), tagged) for r in records]
        # The whole history: the tags are listed by a second git while the first lists
        # the versions, and put on the few tagged versions afterwards.
        found_tags: list[dict[str, list[str]] | BaseException] = []

        def list_tags() -> None:
            try:
                found_tags.append(self._tagged(tags_under))
            except BaseException as exc:  # re-raised below, in the caller's thread
                found_tags.append(exc)

        lister = threading.Thread(target=list_tags, name="minutebook-tags", daemon=True)
        lister.start()
        args = ["log", "-z", "--no-renames", "--full-history", "--abbrev=10",
                f"--format={LOG_FORMAT}", "--decorate-refs-exclude=*",
                "--end-of-options", head, "--", prefix]
        records, versions = [], []
        untagged: dict[str, list[str]] = {}
        try:
            for raw in stream_records(self.path, args, what="read the history", separator=b"\x1e"):
                record = path_only_record(raw)
                records.append(record)
                versions.append(parse_record(record.decode("utf-8", "replace"), untagged))
        finally:
            lister.join()
        if isinstance(found_tags[0], BaseException):
            raise found_tags[0]
        tagged = found_tags[0]
        index.store(prefix, head, records)
        return [
            dataclasses.replace(v, tags=tuple(sorted(tagged[v.commit]))) if v.commit in tagged else v
            for v in versions
        ]

    def _plain_commits_since(self, old: str, head: str, prefix: str) -> list[bytes] | None:
        """The records under ``prefix`` of the commits after ``old`` up to ``head``, when
        they follow ``old`` in one line without merges; None otherwise."""
        args = ["log", "-z", "--no-renames", "--name-only", "--abbrev=10", f"--format={LOG_FORMAT}",
                "--decorate-refs-exclude=*", f"--max-count={MAX_CATCH_UP + 1}",
                "--end-of-options", f"{old}..{head}"]
        raw = list(stream_records(self.path, args, what="read the history", separator=b"\x1e"))
        if not raw or len(raw) > MAX_CATCH_UP:
            return None
        expected = head
        for record in raw:
            commit, parents = record_parents(record)
            if commit != expected or len(parents) != 1:
                return None
            expected = parents[0]
        if expected != old:
            return None
        return [path_only_record(r) for r in raw if record_touches(r, prefix)]

    def version(self, rev: str = "HEAD") -> Version:
        """One version, with its tags and changed files."""
        commit = self.resolve(rev)
        args = ["log", "-1", "-z", "--name-only", "--no-renames", "--abbrev=10"]
        args += [f"--format={LOG_FORMAT}", "--decorate-refs=refs/tags/", commit]
        return parse_log(run_git(self.path, args, what="read a version").stdout)[0]

