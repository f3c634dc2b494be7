"""Creating and checking archive folders, and the git settings every archive carries."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TypedDict

import git

from archive._repo import git_errors, new_git, run
from archive.errors import (
    ArchiveMissing,
    ArchiveUnreadable,
    CorruptArchive,
    GitFailed,
    NotAnArchive,
    RemoteUnreachable,
)
from archive.versions import Identity

__all__ = [
    "CONFIG",
    "SYSTEM",
    "Options",
    "aware",
    "check_folder",
    "clone_into",
    "create_repository",
    "exclude_temporaries",
    "write_config",
]

SYSTEM = Identity("minutebook", "minutebook@localhost")
"""The author of versions no clerk made (the archive's first commit)."""

CONFIG = {
    "core.fsync": "committed,reference",
    "core.fsyncmethod": "fsync",
    "core.logallrefupdates": "true",
    "gc.auto": "0",
    "maintenance.auto": "false",
}
"""git settings of every archive: git makes what it writes durable (objects, refs); the
archive looks after its own packing and commit-graph."""

EXCLUDE = ".*.mbtmp-*\n"


class Options(TypedDict, total=False):
    """Tuning accepted by ``GitArchive.init/open/open_or_init/clone``."""

    lock_timeout: float
    graph_every: int
    repack_every: int
    update_index: bool


def aware(when: dt.datetime | None) -> dt.datetime:
    """``when`` as an aware datetime (local time when naive; now when None)."""
    if when is None:
        return dt.datetime.now().astimezone()
    return when if when.tzinfo is not None else when.astimezone()


def write_config(repo: git.Repo, values: Mapping[str, str]) -> None:
    """Set repository settings (GitPython's config writer, under git's config lock)."""
    with repo.config_writer("repository") as writer:
        for key, value in values.items():
            section, _, name = key.rpartition(".")
            writer.set_value(section, name, value)


def exclude_temporaries(gitdir: Path) -> None:
    """Keep half-written temporary files out of ``git status``."""
    exclude = gitdir / "info" / "exclude"
    exclude.parent.mkdir(exist_ok=True)
    with open(exclude, "a", encoding="utf-8") as fh:
        fh.write(EXCLUDE)


def create_repository(folder: Path, *, demo: bool) -> None:
    """An empty repository on ``main`` with the archive settings, in an empty folder."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise NotAnArchive(
            f"Cannot create an archive in {folder}: the folder already contains files."
        )
    folder.mkdir(parents=True, exist_ok=True)
    run(new_git(folder), ["init", "-q", "-b", "main"], what=f"create an archive in {folder}")
    values = dict(CONFIG)
    if demo:
        values["minutebook.demo"] = "true"
    repo = git.Repo(str(folder))
    try:
        write_config(repo, values)
    finally:
        repo.close()
    exclude_temporaries(folder / ".git")


def check_folder(folder: Path) -> None:
    """Raise the clerk-facing error explaining why ``folder`` is not a usable archive."""
    if not folder.exists():
        raise ArchiveMissing(f"There is no archive at {folder}; create one with 'minutebook init'.")
    if not folder.is_dir():
        raise NotAnArchive(f"{folder} is a file, not an archive folder.")
    unreadable = ArchiveUnreadable(f"The archive at {folder} cannot be read with your permissions.")
    if not os.access(folder, os.R_OK | os.X_OK):
        raise unreadable
    gitdir = folder / ".git"
    if not gitdir.is_dir():
        if (folder / "HEAD").is_file() and (folder / "objects").is_dir():
            raise NotAnArchive(
                f"{folder} is a bare git repository; it can be a sync remote but not an archive."
            )
        raise NotAnArchive(f"{folder} is not a minutebook archive (it has no version history).")
    if not os.access(gitdir, os.R_OK | os.X_OK):
        raise unreadable
    if not (gitdir / "HEAD").is_file() or not (gitdir / "objects").is_dir():
        raise CorruptArchive(
            f"The archive at {folder} is damaged: its history folder is incomplete."
        )


def clone_into(url: str, folder: Path) -> None:
    """Copy a shared archive into ``folder`` (remote ``origin``, branch ``main``)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    refused = RemoteUnreachable(
        f"The shared archive at {url} cannot be copied; check the address and your connection."
    )
    with git_errors("copy the shared archive"):
        git.Git.check_unsafe_protocols(url)
    try:
        run(new_git(folder.parent), ["clone", "-q", "-b", "main", "--", url, str(folder)],
            what="copy", timeout=300)
    except GitFailed as exc:
        refused.detail = exc.detail
        raise refused from exc
    exclude_temporaries(folder / ".git")
