"""A team's shared archive in a folder: whether one is there, and making an empty one.

A shared archive is a bare git repository the team's archives sync through; this module
only looks at a folder and creates one there (with GitPython). Syncing is
:mod:`archive.sync`.
"""

from __future__ import annotations

from pathlib import Path

import git

from archive.errors import ArchiveError

__all__ = ["create_shared", "holds_repository"]


def holds_repository(folder: Path) -> bool:
    """True when ``folder`` is a git repository (bare or with a work tree)."""
    try:
        git.Repo(folder)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return False
    return True


def create_shared(folder: Path) -> None:
    """Create an empty bare repository at ``folder`` (a new or empty folder) for the team
    to sync through; its branch is ``main``, as every archive's is."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ArchiveError(
            f"{folder} already holds other files; a shared archive is made only in a new or "
            "empty folder."
        )
    try:
        repo = git.Repo.init(folder, bare=True, mkdir=True, initial_branch="main")
    except (git.GitCommandError, OSError) as exc:
        raise ArchiveError(f"A shared archive could not be created at {folder}: {exc}.") from None
    repo.close()
