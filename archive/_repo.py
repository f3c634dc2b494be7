"""GitPython for an archive: how its git children run, and how their failures read.

Every git process the archive starts is started by GitPython (``repo.git`` or, for a
clone, a ``git.Git``) with ``git_environment()``: only the file, git, http(s) and ssh
protocols (``GIT_ALLOW_PROTOCOL``, which wins over any ``protocol.allow`` in the clerk's
own git settings, so an ``ext::`` address never runs a command), no password prompts,
and none of the clerk's ``GIT_DIR``-style overrides pointing git at another repository.

``git_errors`` turns GitPython's exceptions into the archive's one-sentence errors; git's
own words only ever travel as ``detail``. ``run``, ``stream`` and ``first_lines`` are the
three ways a plain git command is run through GitPython.
"""

from __future__ import annotations

import configparser
import contextlib
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import git
from git.exc import (
    BadName,
    BadObject,
    GitCommandError,
    GitCommandNotFound,
    InvalidGitRepositoryError,
    NoSuchPathError,
    UnsafeOptionError,
    UnsafeProtocolError,
)

from archive.errors import (
    ArchiveError,
    CorruptArchive,
    GitFailed,
    NotAnArchive,
    RemoteUnreachable,
    RevisionNotFound,
)

__all__ = [
    "ALLOWED_PROTOCOLS",
    "damaged",
    "first_lines",
    "git_environment",
    "git_errors",
    "new_git",
    "open_repo",
    "run",
    "stream",
]

ALLOWED_PROTOCOLS = "file:git:http:https:ssh"
"""The only transports a git child may use (``GIT_ALLOW_PROTOCOL``)."""

_REDIRECTS = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_NAMESPACE",
    "GIT_CEILING_DIRECTORIES",
    "GIT_COMMON_DIR",
)


def git_environment(worktree: Path | None = None) -> dict[str, str]:
    """The variables every git child of the archive gets (on top of the process's own).

    A variable from ``_REDIRECTS`` that the clerk's environment sets is overridden with
    this archive's own value (or emptied), since GitPython can add variables but not
    remove inherited ones.
    """
    env = {
        "GIT_ALLOW_PROTOCOL": ALLOWED_PROTOCOLS,
        "GIT_TERMINAL_PROMPT": "0",
    }
    own = {}
    if worktree is not None:
        gitdir = worktree / ".git"
        own = {
            "GIT_DIR": str(gitdir),
            "GIT_WORK_TREE": str(worktree),
            "GIT_INDEX_FILE": str(gitdir / "index"),
            "GIT_OBJECT_DIRECTORY": str(gitdir / "objects"),
            "GIT_COMMON_DIR": str(gitdir),
        }
    for name in _REDIRECTS:
        if name in os.environ:
            env[name] = own.get(name, "")
    return env


def new_git(workdir: Path) -> git.Git:
    """A GitPython command runner in ``workdir`` (for commands outside a repository)."""
    runner = git.Git(str(workdir))
    runner.update_environment(**git_environment())
    return runner


def open_repo(folder: Path) -> git.Repo:
    """GitPython's Repo for the archive at ``folder``, its git children set up safely.

    Objects are read through git (``cat-file``) and written by the archive's own
    object database, see :mod:`archive._odb`.
    """
    from archive._odb import ArchiveObjectDB

    with git_errors(f"open the archive at {folder}"):
        try:
            repo = git.Repo(str(folder), odbt=ArchiveObjectDB, search_parent_directories=False)
        except (InvalidGitRepositoryError, NoSuchPathError) as exc:
            if (folder / ".git" / "HEAD").is_file():
                raise CorruptArchive(
                    f"The archive at {folder} is damaged: git cannot read its HEAD; "
                    "ask for help before saving."
                ) from exc
            raise NotAnArchive(
                f"{folder} is not a minutebook archive (it has no version history)."
            ) from exc
    repo.git.update_environment(**git_environment(folder))
    return repo


def _detail(exc: BaseException) -> str:
    if isinstance(exc, GitCommandError):
        err = exc.stderr.decode("utf-8", "replace") if isinstance(exc.stderr, bytes) else str(exc.stderr or "")
        return err.strip().removeprefix("stderr:").strip(" '\n")
    return str(exc)


@contextlib.contextmanager
def git_errors(what: str) -> Iterator[None]:
    """Turn what GitPython raises while doing ``what`` into one-sentence archive errors."""
    try:
        yield
    except ArchiveError:
        raise
    except GitCommandNotFound as exc:
        raise GitFailed(
            "git is not installed or cannot be started; minutebook needs it to keep the archive.",
            detail=_detail(exc),
        ) from exc
    except (UnsafeProtocolError, UnsafeOptionError) as exc:
        raise RemoteUnreachable(
            "That address uses a way of connecting minutebook does not allow; use a folder, "
            "an https:// or an ssh:// address.",
            detail=_detail(exc),
        ) from exc
    except GitCommandError as exc:
        raise GitFailed(f"Could not {what}.", detail=_detail(exc)) from exc
    except BadName as exc:
        raise RevisionNotFound(f"No version called '{exc}' was found in the archive.") from exc
    except (configparser.Error, UnicodeDecodeError) as exc:
        raise CorruptArchive(
            "The archive's settings file .git/config is damaged; ask for help before saving.",
            detail=str(exc),
        ) from exc
    except BadObject as exc:
        raise CorruptArchive(
            f"The archive is damaged: a saved object is missing (while trying to {what}).",
            detail=str(exc),
        ) from exc


def damaged(repo: git.Repo, sentence: str, exc: BaseException) -> ArchiveError:
    """The error for an object git could not give: ``sentence``, unless git cannot work
    in the archive at all (a damaged ``.git/config``, say), which is then named. The
    git processes kept for reading are stopped; the next read starts new ones."""
    repo.git.clear_cache()
    try:
        run(repo, ["config", "--local", "--list"], what="read the archive settings")
    except GitFailed as failed:
        return CorruptArchive(
            f"git cannot use the archive at {repo.working_tree_dir}: its settings file "
            ".git/config is damaged; ask for help before saving.",
            detail=failed.detail,
        )
    return CorruptArchive(sentence, detail=str(exc))


def _runner(repo: git.Repo | git.Git) -> git.Git:
    return repo.git if isinstance(repo, git.Repo) else repo


def _command(repo: git.Repo | git.Git, args: Sequence[str]) -> Any:
    return getattr(_runner(repo), args[0].replace("-", "_"))


def run(
    repo: git.Repo | git.Git,
    args: Sequence[str],
    *,
    what: str,
    ok: Sequence[int] = (0,),
    env: Mapping[str, str] | None = None,
    timeout: float | None = None,
) -> tuple[int, bytes, str]:
    """Run ``git <args>`` through GitPython; (exit code, stdout, stderr).

    GitFailed("Could not <what>.") when the exit code is not in ``ok``.
    """
    with git_errors(what):
        status, out, err = _command(repo, args)(
            *args[1:],
            with_extended_output=True,
            with_exceptions=False,
            stdout_as_string=False,
            strip_newline_in_stdout=False,
            env=dict(env) if env else None,
            kill_after_timeout=timeout,
        )
    text = err.decode("utf-8", "replace") if isinstance(err, bytes) else str(err)
    if status not in ok:
        raise GitFailed(f"Could not {what}.", detail=text.strip())
    return status, out, text


def _widen(pipe: Any) -> None:
    """Let git write up to 1 MiB ahead of the reader (Linux), so that it is not held up
    while the records it has written are being parsed."""
    with contextlib.suppress(AttributeError, OSError, ValueError):
        import fcntl

        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)


def stream(
    repo: git.Repo | git.Git, args: Sequence[str], *, what: str, separator: bytes
) -> Iterator[bytes]:
    """The ``separator``-led records of ``git <args>`` as git writes them.

    A caller works on each record while git produces the next; GitFailed is raised,
    after the last record, if git failed.
    """
    with git_errors(what):
        proc = _command(repo, args)(*args[1:], as_process=True)
    _widen(proc.stdout)
    pending = b""
    try:
        while chunk := proc.stdout.read1(1 << 16):
            pending += chunk
            *ready, pending = pending.split(separator)
            yield from (r for r in ready if r)
        if pending:
            yield pending
        detail = proc.stderr.read().decode("utf-8", "replace").strip()
    finally:
        proc.stdout.close()
        proc.stderr.close()
        code = proc.proc.wait()
    if code != 0:
        raise GitFailed(f"Could not {what}.", detail=detail)


def first_lines(
    repo: git.Repo | git.Git, args: Sequence[str], *, what: str, limit: int, ok: Sequence[int] = (0,)
) -> tuple[list[bytes], bool]:
    """The first ``limit`` output lines of ``git <args>``, and whether there were more.

    git is stopped as soon as one line more than ``limit`` has arrived, so a search for a
    common word does not wait for every match.
    """
    with git_errors(what):
        proc = _command(repo, args)(*args[1:], as_process=True)
    lines: list[bytes] = []
    more = False
    try:
        for line in proc.stdout:
            if len(lines) == limit:
                more = True
                break
            lines.append(line.rstrip(b"\n"))
        if more:
            proc.proc.kill()
            detail = ""
        else:
            detail = proc.stderr.read().decode("utf-8", "replace").strip()
    finally:
        proc.stdout.close()
        proc.stderr.close()
        code = proc.proc.wait()
    if not more and code not in ok:
        raise GitFailed(f"Could not {what}.", detail=detail)
    return lines, more
