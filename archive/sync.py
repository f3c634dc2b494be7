"""Sharing an archive through any git remote: pull, merge disjoint work, push.

``sync`` fetches the remote's ``main`` and tags; if only one side moved it fast-forwards
or pushes; if both moved and they touched different meetings it records a merge commit
and pushes. If the same meeting (or the same file outside ``meetings/``) changed on both
sides it stops with ``SyncConflict``: the local archive is left as it was and the remote's
version is kept reachable under ``refs/minutebook/conflicts/``, so the clerk can choose
with ``resolve_conflict`` (a new commit; history is never rewritten). Demo archives
refuse to sync.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from archive._git import run_git
from archive._objects import EMPTY_TREE, format_commit, ident_line
from archive._refs import RefChanged, read_ref, update_ref
from archive._setup import SYSTEM, aware, exclude_temporaries
from archive._worktree import checkout
from archive.errors import (
    ArchiveError,
    DemoArchive,
    GitFailed,
    RemoteUnreachable,
    RevisionNotFound,
    SyncConflict,
)
from archive.layout import unit_of_path
from archive.store import GitArchive
from archive.versions import Identity, Version, compose_message

__all__ = ["SyncResult", "clone_into", "conflict_refs", "resolve_conflict", "sync"]

Side = Literal["local", "remote"]
Change = tuple[bytes, str] | None
_REMOTE_RE = re.compile(r"\A[A-Za-z0-9][A-Za-z0-9._-]*\Z")
CONFLICTS = "refs/minutebook/conflicts"


@dataclass(frozen=True, slots=True)
class SyncResult:
    """What a sync did."""

    action: Literal["up-to-date", "pushed", "pulled", "merged"]
    """up-to-date, pushed (only local moved), pulled (only remote moved) or merged."""
    head: str
    """The local head after the sync (equal to the remote's main)."""
    received: tuple[str, ...] = ()
    """Meetings (or files) changed by the remote and now here."""
    sent: tuple[str, ...] = ()
    """Meetings (or files) changed here and now on the remote."""


def clone_into(url: str, folder: Path) -> None:
    """Copy a shared archive into ``folder`` (remote ``origin``, branch ``main``)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    try:
        run_git(folder.parent, ["clone", "-q", "-b", "main", "--", url, str(folder)], what="copy")
    except GitFailed as exc:
        raise RemoteUnreachable(
            f"The shared archive at {url} cannot be copied; check the address and your connection.",
            detail=exc.detail,
        ) from exc
    exclude_temporaries(folder / ".git")


def _diff(archive: GitArchive, old: str, new: str) -> dict[str, Change]:
    """path -> new (mode, sha), or None when deleted, between two commits or trees."""
    out = run_git(
        archive.path,
        ["diff-tree", "-r", "-z", "--no-renames", old, new],
        what="compare versions",
    ).stdout.decode("utf-8", "replace")
    parts = out.split("\0")
    changes: dict[str, Change] = {}
    for meta, path in zip(parts[0::2], parts[1::2], strict=False):
        if not meta.startswith(":"):
            continue
        _, new_mode, _, new_sha, status = meta[1:].split(" ")
        changes[path] = None if status == "D" else (new_mode.encode(), new_sha)
    return changes


def _old_state(archive: GitArchive, old: str, new: str) -> dict[str, Change]:
    """path -> state in ``old`` for every path changed between ``old`` and ``new``."""
    return _diff(archive, new, old)


def _merge_base(archive: GitArchive, a: str, b: str) -> str:
    proc = run_git(archive.path, ["merge-base", a, b], what="compare histories", ok=(0, 1))
    return proc.stdout.decode().strip() or EMPTY_TREE


def _is_ancestor(archive: GitArchive, a: str, b: str) -> bool:
    proc = run_git(
        archive.path, ["merge-base", "--is-ancestor", a, b], what="compare histories", ok=(0, 1)
    )
    return proc.returncode == 0


def _set_remote(archive: GitArchive, remote: str, url: str | None) -> None:
    if not _REMOTE_RE.match(remote):
        raise ArchiveError(f"'{remote}' is not a valid name for a shared archive.")
    known = (
        run_git(archive.path, ["config", "--get", f"remote.{remote}.url"], what="read", ok=(0, 1))
        .stdout.decode()
        .strip()
    )
    if url is None:
        if not known:
            raise RemoteUnreachable(
                f"No shared archive called '{remote}' is set up; give its address to sync."
            )
        return
    if known != url:
        verb = "set-url" if known else "add"
        run_git(archive.path, ["remote", verb, remote, url], what="record the shared archive")


def _fetch(archive: GitArchive, remote: str) -> str | None:
    tracking = f"refs/remotes/{remote}/main"
    try:
        run_git(
            archive.path,
            [
                "fetch",
                "-q",
                "--no-write-fetch-head",
                remote,
                f"+refs/heads/*:refs/remotes/{remote}/*",
                "refs/tags/*:refs/tags/*",
            ],
            what="fetch",
            timeout=300,
        )
    except GitFailed as exc:
        if "clobber" in exc.detail or "rejected" in exc.detail:
            raise ArchiveError(
                "A tag on the shared archive differs from the same tag here; ask for help.",
                detail=exc.detail,
            ) from exc
        raise RemoteUnreachable(
            f"The shared archive '{remote}' cannot be reached; check the address and your "
            "connection.",
            detail=exc.detail,
        ) from exc
    return read_ref(archive.gitdir, tracking)


def _push(archive: GitArchive, remote: str) -> bool:
    """Push main and tags; False if the remote moved meanwhile (fetch and try again)."""
    proc = run_git(
        archive.path,
        [
            "push",
            "-q",
            "--porcelain",
            remote,
            "refs/heads/main:refs/heads/main",
            "refs/tags/*:refs/tags/*",
        ],
        what="push",
        ok=(0, 1, 128),
        timeout=300,
    )
    if proc.returncode == 0:
        return True
    text = (proc.stdout + proc.stderr).decode("utf-8", "replace")
    if "non-fast-forward" in text or "fetch first" in text or "stale info" in text:
        return False
    if "already exists" in text:
        raise ArchiveError(
            "A tag here already exists on the shared archive with another meaning.", detail=text
        )
    raise RemoteUnreachable(
        f"The shared archive '{remote}' did not accept this archive's versions.", detail=text
    )


def _units(changes: Mapping[str, Change]) -> set[str]:
    return {unit_of_path(p) for p in changes}


def _clashes(local: Mapping[str, Change], remote: Mapping[str, Change]) -> list[str]:
    """Units changed on both sides, unless both made exactly the same change."""
    clashing = []
    for unit in sorted(_units(local) & _units(remote)):
        mine = {p: v for p, v in local.items() if unit_of_path(p) == unit}
        theirs = {p: v for p, v in remote.items() if unit_of_path(p) == unit}
        if mine != theirs:
            clashing.append(unit)
    return clashing


def _merge_commit(
    archive: GitArchive,
    local: str,
    remote: str,
    changes: Mapping[str, Change],
    message: str,
    author: Identity,
    when: dt.datetime | None,
) -> str:
    tree, _ = archive._editor.apply(archive._tree_of(local), changes)
    stamp = aware(when)
    ident = ident_line(author.name, author.email, stamp)
    commit = archive._writer.write("commit", format_commit(tree, (local, remote), ident, message))
    archive._writer.flush()
    update_ref(
        archive.gitdir,
        archive.branch,
        commit,
        local,
        reflog=f"{ident}\tmerge: {message.splitlines()[0]}",
    )
    archive._trees[commit] = tree
    return commit


def _bring_worktree(archive: GitArchive, old: str, new: str) -> None:
    paths = sorted(_diff(archive, old, new))
    checkout(archive.path, archive._cat, new, paths)
    archive.refresh_index(paths)


def sync(
    archive: GitArchive,
    remote: str = "origin",
    url: str | None = None,
    *,
    author: Identity = SYSTEM,
    when: dt.datetime | None = None,
) -> SyncResult:
    """Exchange versions with a remote; raise SyncConflict if a meeting changed on both sides."""
    if archive.is_demo:
        raise DemoArchive("This is a demo archive; it is never synchronised with a shared archive.")
    _set_remote(archive, remote, url)
    for _ in range(5):
        theirs = _fetch(archive, remote)
        with archive._locked():
            result = _integrate(archive, remote, theirs, author, when)
        if _push(archive, remote):
            return result
    raise ArchiveError("The shared archive kept changing during the sync; please try again.")


def _integrate(
    archive: GitArchive, remote: str, theirs: str | None, author: Identity, when: dt.datetime | None
) -> SyncResult:
    ours = archive.head()
    if theirs is None or theirs == ours or _is_ancestor(archive, theirs, ours):
        if theirs == ours:
            return SyncResult("up-to-date", ours)
        sent = _units(_diff(archive, theirs or EMPTY_TREE, ours))
        return SyncResult("pushed", ours, sent=tuple(sorted(sent)))
    if _is_ancestor(archive, ours, theirs):
        update_ref(
            archive.gitdir,
            archive.branch,
            theirs,
            ours,
            reflog=f"{ident_line(author.name, author.email, aware(when))}\tsync: fast-forward",
        )
        _bring_worktree(archive, ours, theirs)
        received = _units(_diff(archive, ours, theirs))
        return SyncResult("pulled", theirs, received=tuple(sorted(received)))
    base = _merge_base(archive, ours, theirs)
    mine, incoming = _diff(archive, base, ours), _diff(archive, base, theirs)
    clashing = _clashes(mine, incoming)
    if clashing:
        ref = f"{CONFLICTS}/{remote}/{theirs[:12]}"
        with contextlib.suppress(RefChanged):
            update_ref(archive.gitdir, ref, theirs, None)
        names = ", ".join(clashing)
        raise SyncConflict(
            f"{names} changed both here and on the shared archive; choose which version to "
            "keep before syncing again.",
            units=clashing,
            ref=ref,
            local=ours,
            remote=theirs,
        )
    message = compose_message(
        f"Sync with {remote}: merged {len(_units(incoming))} changed meeting(s)"
    )
    merged = _merge_commit(archive, ours, theirs, incoming, message, author, when)
    _bring_worktree(archive, ours, merged)
    return SyncResult(
        "merged", merged, received=tuple(sorted(_units(incoming))), sent=tuple(sorted(_units(mine)))
    )


def conflict_refs(archive: GitArchive) -> dict[str, str]:
    """Pending conflicts: ref -> the remote commit it keeps reachable."""
    out = run_git(
        archive.path,
        ["for-each-ref", "--format=%(refname) %(objectname)", CONFLICTS + "/"],
        what="list sync conflicts",
    ).stdout.decode()
    pairs = (line.partition(" ") for line in out.splitlines())
    return {ref: commit for ref, _, commit in pairs}


def resolve_conflict(
    archive: GitArchive,
    conflict: SyncConflict | str,
    keep: Side | Mapping[str, Side],
    *,
    author: Identity,
    when: dt.datetime | None = None,
    message: str | None = None,
) -> Version:
    """Settle a sync conflict with a merge commit keeping one side's version of each unit.

    ``keep`` is "local" or "remote" for every clashing unit, or a mapping unit -> side.
    Changes from the remote to other meetings are taken as in a normal sync. Run ``sync``
    again afterwards to share the result.
    """
    ref = conflict.ref if isinstance(conflict, SyncConflict) else conflict
    theirs = read_ref(archive.gitdir, ref) if ref.startswith("refs/") else None
    if theirs is None:
        raise RevisionNotFound(f"There is no pending sync conflict called '{ref}'.")
    with archive._locked():
        ours = archive.head()
        base = _merge_base(archive, ours, theirs)
        mine, incoming = _diff(archive, base, ours), _diff(archive, base, theirs)
        clashing = _clashes(mine, incoming)
        sides = {u: keep if isinstance(keep, str) else keep.get(u, "local") for u in clashing}
        before = _old_state(archive, base, ours)
        changes: dict[str, Change] = {}
        for path, value in incoming.items():
            unit = unit_of_path(path)
            if unit not in sides or sides[unit] == "remote":
                changes[path] = value
        for path in mine:
            unit = unit_of_path(path)
            if sides.get(unit) == "remote" and path not in incoming:
                changes[path] = before.get(path)
        kept = "; ".join(f"{u}: {s} version kept" for u, s in sides.items())
        text = compose_message(message or f"Sync conflict resolved ({kept})")
        merged = _merge_commit(archive, ours, theirs, changes, text, author, when)
        _bring_worktree(archive, ours, merged)
        run_git(archive.path, ["update-ref", "-d", ref], what="clear the settled conflict")
    return archive.version(merged)
