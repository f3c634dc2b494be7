"""The archive's work tree: the committed files, written atomically beside the history.

The work tree mirrors the newest version for people and tools that look at the folder;
the archive never reads it back (the history is the record).
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from pathlib import Path

from archive._objects import CatFile
from archive.locking import atomic_write, fsync_dir

__all__ = ["checkout", "remove_file", "write_files"]


def write_files(root: Path, files: Mapping[str, bytes | None]) -> None:
    """Write (or, for None, remove) each relative path under ``root``."""
    for rel, data in files.items():
        if data is None:
            remove_file(root, root / rel)
        else:
            atomic_write(root / rel, data, root=root)


def remove_file(root: Path, target: Path) -> None:
    """Remove a file and the folders it leaves empty, durably."""
    with contextlib.suppress(FileNotFoundError):
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


def checkout(root: Path, cat: CatFile, commit: str, paths: Sequence[str]) -> None:
    """Make the work tree's copy of ``paths`` match ``commit``."""
    for rel in paths:
        found = cat.read(f"{commit}:{rel}")
        if found is None or found[1] != "blob":
            remove_file(root, root / rel)
        else:
            atomic_write(root / rel, found[2], root=root)
