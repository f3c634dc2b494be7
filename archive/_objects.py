"""git objects read and written in-process: the fast path of every save.

``CatFile`` keeps one ``git cat-file --batch-command`` child per archive for reads.
``ObjectWriter`` gathers the objects of one save and writes them as one small pack
(fsynced, see ``_pack``), so a save needs no git process at all. ``TreeEditor``
rewrites only the trees along changed paths.
Nothing here knows about meetings.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import subprocess
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from archive.errors import CorruptArchive, GitFailed

__all__ = [
    "EMPTY_TREE",
    "BLOB_MODE",
    "TREE_MODE",
    "CatFile",
    "CommitInfo",
    "ObjectWriter",
    "TreeEditor",
    "format_commit",
    "format_tree",
    "git_env",
    "ident_line",
    "parse_commit",
    "parse_tree",
]

EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
BLOB_MODE = b"100644"
TREE_MODE = b"40000"

_SCRUBBED_ENV = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_NAMESPACE",
    "GIT_CEILING_DIRECTORIES",
    "GIT_COMMON_DIR",
)


def git_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for git children: no inherited repository overrides, no prompts."""
    env = {k: v for k, v in os.environ.items() if k not in _SCRUBBED_ENV}
    env["GIT_TERMINAL_PROMPT"] = "0"
    env.setdefault("LC_ALL", "C")
    if extra:
        env.update(extra)
    return env


class CatFile:
    """A persistent ``git cat-file --batch-command`` reader; thread-safe; close() it."""

    def __init__(self, workdir: Path) -> None:
        self._workdir = workdir
        self._proc: subprocess.Popen[bytes] | None = None
        self._mutex = threading.Lock()

    def _start(self) -> subprocess.Popen[bytes]:
        if self._proc is None or self._proc.poll() is not None:
            self.close()
            self._proc = subprocess.Popen(
                ["git", "cat-file", "--batch-command"],
                cwd=self._workdir,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=git_env(),
            )
        return self._proc

    def _ask(self, command: str, name: str) -> tuple[str, str, int] | None:
        if "\n" in name or "\r" in name:
            return None
        proc = self._start()
        assert proc.stdin is not None
        assert proc.stdout is not None
        proc.stdin.write(f"{command} {name}\n".encode())
        proc.stdin.flush()
        header = proc.stdout.readline()
        if not header:
            self.close()
            raise GitFailed("git stopped while reading the archive.", detail=name)
        parts = header.split()
        if len(parts) != 3:
            return None
        return parts[0].decode(), parts[1].decode(), int(parts[2])

    def info(self, name: str) -> tuple[str, str, int] | None:
        """(sha, type, size) of an object name such as ``HEAD:path``, or None if unknown."""
        with self._mutex:
            return self._ask("info", name)

    def read(self, name: str) -> tuple[str, str, bytes] | None:
        """(sha, type, content) of an object name, or None if unknown."""
        with self._mutex:
            head = self._ask("contents", name)
            if head is None:
                return None
            proc = self._proc
            assert proc is not None
            assert proc.stdout is not None
            data = proc.stdout.read(head[2] + 1)[:-1]
            return head[0], head[1], data

    def close(self) -> None:
        """Stop the child process."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover
            proc.kill()
            proc.wait()


class ObjectWriter:
    """Collects new objects and stores them durably as one pack on ``flush()``.

    Call ``flush()`` before pointing a ref at the objects, ``discard()`` to drop them.
    """

    def __init__(self, gitdir: Path) -> None:
        self._objects = gitdir / "objects"
        self._pending: dict[str, tuple[str, bytes]] = {}

    def write(self, kind: str, data: bytes) -> str:
        """Queue an object and return its hex id."""
        import hashlib

        sha = hashlib.sha1(b"%s %d\0%s" % (kind.encode(), len(data), data)).hexdigest()
        self._pending.setdefault(sha, (kind, data))
        return sha

    def flush(self) -> None:
        """Write every queued object into one fsynced pack (pack, index, folder)."""
        pending, self._pending = self._pending, {}
        if pending:
            from archive._pack import write_pack

            write_pack(self._objects, [(sha, k, d) for sha, (k, d) in pending.items()])

    def discard(self) -> None:
        """Forget queued objects (nothing will refer to them)."""
        self._pending = {}


Entry = tuple[bytes, bytes]  # (mode, binary sha)


def parse_tree(data: bytes) -> dict[bytes, Entry]:
    """Entries of a tree object keyed by name."""
    entries: dict[bytes, Entry] = {}
    pos, end = 0, len(data)
    while pos < end:
        space = data.index(b" ", pos)
        nul = data.index(b"\0", space)
        entries[data[space + 1 : nul]] = (data[pos:space], data[nul + 1 : nul + 21])
        pos = nul + 21
    return entries


def format_tree(entries: Mapping[bytes, Entry]) -> bytes:
    """A tree object in git's canonical order (folders sort as if ending in '/')."""

    def key(name: bytes) -> bytes:
        return name + b"/" if entries[name][0] == TREE_MODE else name

    return b"".join(
        b"%s %s\0%s" % (entries[n][0], n, entries[n][1]) for n in sorted(entries, key=key)
    )


class TreeEditor:
    """Applies path -> (mode, sha) changes to a tree, writing only the trees it alters."""

    def __init__(self, cat: CatFile, writer: ObjectWriter, cache_size: int = 4096) -> None:
        self._cat = cat
        self._writer = writer
        self._cache: dict[str, dict[bytes, Entry]] = {EMPTY_TREE: {}}
        self._cache_size = cache_size

    def entries(self, tree: str) -> dict[bytes, Entry]:
        """The entries of a tree, from the cache or read through cat-file."""
        cached = self._cache.get(tree)
        if cached is not None:
            return cached
        found = self._cat.read(tree)
        if found is None or found[1] != "tree":
            raise CorruptArchive(f"The archive is damaged: folder object {tree} is missing.")
        entries = parse_tree(found[2])
        self._remember(tree, entries)
        return entries

    def _remember(self, tree: str, entries: dict[bytes, Entry]) -> None:
        if len(self._cache) >= self._cache_size:
            self._cache.clear()
            self._cache[EMPTY_TREE] = {}
        self._cache[tree] = entries

    def apply(
        self, tree: str, changes: Mapping[str, tuple[bytes, str] | None]
    ) -> tuple[str, list[str]]:
        """New root tree and the sorted paths whose content actually changed."""
        changed: list[str] = []
        nested = {tuple(p.split("/")): v for p, v in changes.items()}
        new = self._apply(tree, nested, "", changed)
        if new is None:
            self._writer.write("tree", b"")
            new = EMPTY_TREE
        return new, sorted(changed)

    def _apply(
        self,
        tree: str | None,
        changes: Mapping[tuple[str, ...], tuple[bytes, str] | None],
        prefix: str,
        changed: list[str],
    ) -> str | None:
        entries = dict(self.entries(tree)) if tree else {}
        groups: dict[str, dict[tuple[str, ...], tuple[bytes, str] | None]] = {}
        for parts, value in changes.items():
            if len(parts) == 1:
                name = parts[0].encode()
                old = entries.get(name)
                if value is None:
                    if old is not None:
                        self._note_removed(old, prefix + parts[0], changed)
                        del entries[name]
                    continue
                new_entry = (value[0], bytes.fromhex(value[1]))
                if old != new_entry:
                    if old is not None and old[0] == TREE_MODE:
                        self._note_removed(old, prefix + parts[0], changed)
                    entries[name] = new_entry
                    changed.append(prefix + parts[0])
            else:
                groups.setdefault(parts[0], {})[parts[1:]] = value
        for first, sub in groups.items():
            name = first.encode()
            old = entries.get(name)
            subtree = old[1].hex() if old is not None and old[0] == TREE_MODE else None
            if old is not None and subtree is None and any(v is not None for v in sub.values()):
                changed.append(prefix + first)
            new_sub = self._apply(subtree, sub, f"{prefix}{first}/", changed)
            if new_sub is None:
                entries.pop(name, None)
            else:
                entries[name] = (TREE_MODE, bytes.fromhex(new_sub))
        if not entries:
            return None
        data = format_tree(entries)
        sha = self._writer.write("tree", data)
        self._remember(sha, entries)
        return sha

    def _note_removed(self, entry: Entry, path: str, changed: list[str]) -> None:
        if entry[0] != TREE_MODE:
            changed.append(path)
            return
        for name, sub in self.entries(entry[1].hex()).items():
            self._note_removed(sub, f"{path}/{name.decode()}", changed)


@dataclass(frozen=True, slots=True)
class CommitInfo:
    """The parsed header and message of a commit object."""

    tree: str
    parents: tuple[str, ...]
    author: str
    committer: str
    message: str


def parse_commit(data: bytes) -> CommitInfo:
    """Parse a raw commit object."""
    head, _, message = data.partition(b"\n\n")
    tree, author, committer = "", "", ""
    parents: list[str] = []
    for line in head.split(b"\n"):
        key, _, value = line.partition(b" ")
        if key == b"tree":
            tree = value.decode()
        elif key == b"parent":
            parents.append(value.decode())
        elif key == b"author":
            author = value.decode("utf-8", "replace")
        elif key == b"committer":
            committer = value.decode("utf-8", "replace")
    return CommitInfo(tree, tuple(parents), author, committer, message.decode("utf-8", "replace"))


def ident_line(name: str, email: str, when: dt.datetime) -> str:
    """``Name <email> <epoch> <+hhmm>`` as git writes it."""
    offset = when.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    minutes = abs(minutes)
    return f"{name} <{email}> {int(when.timestamp())} {sign}{minutes // 60:02d}{minutes % 60:02d}"


def format_commit(tree: str, parents: tuple[str, ...], ident: str, message: str) -> bytes:
    """A raw commit object with author and committer both ``ident``."""
    lines = [f"tree {tree}"] + [f"parent {p}" for p in parents]
    lines += [f"author {ident}", f"committer {ident}", "", message]
    return "\n".join(lines).encode()
