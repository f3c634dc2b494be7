"""The archive's work tree: the committed files, written atomically beside the history.

The work tree mirrors the newest version for people and tools that look at the folder;
the archive's own reads never use it (the history is the record). A save first checks
that no folder on the way to a file it writes is a symbolic link (a shared archive with
``meetings/x -> /elsewhere`` would otherwise write outside itself), then notes the paths
it is about to write in ``.git/minutebook-pending``; ``restore`` puts those paths back
as the newest version has them, after a refused save at once and after a killed one the
next time the archive is opened or written, removing half-written temporary files too.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from archive._odb import fsync_dir
from archive.errors import PathOutsideArchive
from archive.locking import TEMPORARY, atomic_write

__all__ = ["Journal", "check_real_paths", "remove_file", "restore", "write_files"]

Reader = Callable[[str], bytes | None]
"""The newest version's content of a path (None: not a file there)."""


def check_real_paths(root: Path, paths: Iterable[str]) -> None:
    """Refuse a write through a symbolic link: every existing part of each path under
    ``root`` must be a real folder (and the file itself not a link)."""
    seen: set[str] = set()
    for rel in paths:
        parts = rel.split("/")
        for n in range(1, len(parts) + 1):
            sub = "/".join(parts[:n])
            if sub in seen:
                continue
            seen.add(sub)
            try:
                mode = os.lstat(root / sub).st_mode
            except OSError:  # absent, or under a file: nothing there to follow
                break
            if stat.S_ISLNK(mode):
                raise PathOutsideArchive(
                    f"'{sub}' in the archive is a link to somewhere else, so nothing was saved; "
                    "replace the link with a real folder."
                )
            if n < len(parts) and not stat.S_ISDIR(mode):
                break


def write_files(root: Path, files: Mapping[str, bytes | None]) -> None:
    """Remove (None) and then write each relative path under ``root``; removals come
    first so that a file can take the place of a folder of the same name."""
    for rel, data in files.items():
        if data is None:
            remove_file(root, root / rel)
    for rel, data in files.items():
        if data is not None:
            atomic_write(root / rel, data, root=root)


def remove_file(root: Path, target: Path) -> None:
    """Remove a file and the folders it leaves empty, durably."""
    with contextlib.suppress(FileNotFoundError, NotADirectoryError, IsADirectoryError):
        target.unlink()
        fsync_dir(target.parent)
    folder = target.parent
    while folder != root:
        try:
            folder.rmdir()
        except OSError:
            break
        fsync_dir(folder.parent)
        folder = folder.parent


def restore(root: Path, paths: Iterable[str], newest: Reader) -> None:
    """Make the work tree's copy of ``paths`` what the newest version holds, and remove
    temporary files left beside them."""
    paths = sorted(set(paths))
    check_real_paths(root, paths)
    wanted = {rel: newest(rel) for rel in paths}
    write_files(root, {rel: None for rel, data in wanted.items() if data is None})
    for rel, data in wanted.items():
        if data is not None:
            try:
                same = (root / rel).read_bytes() == data
            except OSError:
                same = False
            if not same:
                write_files(root, {rel: data})
    for folder in {(root / rel).parent for rel in paths}:
        with contextlib.suppress(OSError):
            for entry in os.scandir(folder):
                if TEMPORARY in entry.name and entry.name.startswith("."):
                    os.unlink(entry.path)


class Journal:
    """``.git/minutebook-pending``: the paths a save in progress is writing."""

    def __init__(self, gitdir: Path) -> None:
        self.path = gitdir / "minutebook-pending"

    def begin(self, paths: Iterable[str]) -> None:
        """Note the paths about to be written."""
        self.path.write_text("\n".join(sorted(paths)) + "\n", encoding="utf-8")

    def pending(self) -> list[str]:
        """The paths of a save that did not finish (empty when none)."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except (FileNotFoundError, UnicodeDecodeError):
            return []
        return [line for line in text.splitlines() if line]

    def end(self) -> None:
        """The save finished (or its paths were restored)."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
