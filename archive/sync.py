"""Sharing an archive through any git remote: pull, merge disjoint work, push.

``sync`` fetches the remote's ``main`` and tags; if only one side moved it fast-forwards
or pushes; if both moved and they touched different meetings it records a merge commit
and pushes. If the same meeting (or the same file outside ``meetings/``) changed on both
sides it stops with ``SyncConflict``: the local archive is left as it was and the remote's
version is kept reachable under ``refs/minutebook/conflicts/``, so the clerk can choose
with ``resolve_conflict`` (a new commit; history is never rewritten). Demo archives
refuse to sync.

Remotes are GitPython's (``repo.create_remote``, ``Remote.set_url``, which refuse
command-running addresses such as ``ext::``); fetch, push, ``merge-base`` and
``diff-tree`` are git commands run through GitPython with the archive's protocol
allow-list. An address that cannot be reached on the first sync is not kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

import git

from archive._repo import git_errors, run
from archive._setup import SYSTEM, aware, clone_into
from archive._worktree import check_real_paths, restore
from archive._writing import EMPTY_TREE, RefLocked, RefMoved, move_ref
from archive.errors import (
    ArchiveError,
    ArchiveLocked,
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
Change = tuple[int, bytes] | None
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


def _diff(archive: GitArchive, old: str, new: str) -> dict[str, Change]:
    """path -> new (mode, binary id), or None when deleted, between two commits or trees."""
    _, out, _ = run(
        archive.repo, ["diff-tree", "-r", "-z", "--no-renames", old, new], what="compare versions"
    )
    parts = out.decode("utf-8", "replace").split("\0")
    changes: dict[str, Change] = {}
    for meta, path in zip(parts[0::2], parts[1::2], strict=False):
        if not meta.startswith(":"):
            continue
        _, new_mode, _, new_sha, status = meta[1:].split(" ")
        changes[path] = None if status == "D" else (int(new_mode, 8), bytes.fromhex(new_sha))
    return changes


def _merge_base(archive: GitArchive, a: str, b: str) -> str:
    _, out, _ = run(archive.repo, ["merge-base", a, b], what="compare histories", ok=(0, 1))
    return out.decode().strip() or EMPTY_TREE


def _is_ancestor(archive: GitArchive, a: str, b: str) -> bool:
    status, _, _ = run(
        archive.repo, ["merge-base", "--is-ancestor", a, b], what="compare histories", ok=(0, 1)
    )
    return status == 0


def _set_remote(archive: GitArchive, remote: str, url: str | None) -> Callable[[], None]:
    """Point ``remote`` at ``url``; return what puts the remote back as it was."""
    if not _REMOTE_RE.match(remote):
        raise ArchiveError(f"'{remote}' is not a valid name for a shared archive.")
    repo = archive.repo
    with git_errors("record the shared archive"):
        known = next((r for r in repo.remotes if r.name == remote), None)
        old = known.url if known is not None else None
        if url is None:
            if old is None:
                raise RemoteUnreachable(
                    f"No shared archive called '{remote}' is set up; give its address to sync."
                )
            git.Git.check_unsafe_protocols(old)
            return lambda: None
        git.Git.check_unsafe_protocols(url)
        if old == url:
            return lambda: None
        if known is None:
            made = repo.create_remote(remote, url)
            return lambda: repo.delete_remote(made)
        known.set_url(url, old)
        return lambda: known.set_url(old, url)


def _fetch(archive: GitArchive, remote: str) -> str | None:
    try:
        run(
            archive.repo,
            ["fetch", "-q", "--no-write-fetch-head", remote,
             f"+refs/heads/*:refs/remotes/{remote}/*", "refs/tags/*:refs/tags/*"],
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
    try:
        return git.SymbolicReference.dereference_recursive(
            archive.repo, f"refs/remotes/{remote}/main"
        )
    except ValueError:
        return None


def _push(archive: GitArchive, remote: str) -> bool:
    """Push main and tags; False if the remote moved meanwhile (fetch and try again)."""
    status, out, err = run(
        archive.repo,
        ["push", "-q", "--porcelain", remote,
         "refs/heads/main:refs/heads/main", "refs/tags/*:refs/tags/*"],
        what="push",
        ok=(0, 1, 128),
        timeout=300,
    )
    if status == 0:
        return True
    text = out.decode("utf-8", "replace") + err
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


def _move(
    archive: GitArchive, ref: str, new: str, old: str | None, reason: str, who: Identity,
    *, exists_ok: bool = False,
) -> None:
    """``move_ref`` with its refusals as sentences (``exists_ok``: a ref to be created that
    already exists, kept by an earlier attempt, is left as it is)."""
    try:
        move_ref(archive.repo, ref, new, old, reason=reason, who=who)
    except RefMoved as exc:
        if exists_ok:
            return
        raise ArchiveError("The archive changed during the sync; please sync again.") from exc
    except RefLocked as exc:
        raise ArchiveLocked(
            "The archive is busy: another git program is updating it; try again in a moment."
        ) from exc


def _advance(archive: GitArchive, old: str, new: str, reason: str, author: Identity) -> None:
    """Move main from ``old`` to ``new`` and bring the work tree along (locked)."""
    paths = sorted(_diff(archive, old, new))
    check_real_paths(archive.path, paths)
    journal = archive._journal
    journal.begin(paths)
    try:
        _move(archive, archive.branch, new, old, reason, author)
    finally:
        if archive._head() != new:
            journal.end()
    restore(archive.path, paths, lambda rel: archive._blob_data(new, rel))
    archive.refresh_index(paths)
    journal.end()


def _merge(
    archive: GitArchive,
    local: str,
    remote: str,
    changes: Mapping[str, Change],
    message: str,
    author: Identity,
    when: dt.datetime | None,
) -> str:
    writer = archive._writer
    tree, _ = writer.tree(archive._commit_tree(local), changes)
    commit = writer.commit(tree, (local, remote), message, author, aware(when))
    odb = archive.repo.odb
    odb.sync()  # type: ignore[attr-defined]
    _advance(archive, local, commit, f"merge: {message.splitlines()[0]}", author)
    return commit


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
    undo = _set_remote(archive, remote, url)
    try:
        theirs = _fetch(archive, remote)
    except BaseException:
        with git_errors("forget the unreachable shared archive"):
            undo()
        raise
    for attempt in range(5):
        if attempt:
            theirs = _fetch(archive, remote)
        with archive._locked():
            result = _integrate(archive, remote, theirs, author, when)
        if _push(archive, remote):
            if result.action in ("pulled", "merged"):
                archive.write_commit_graph()
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
        received = _units(_diff(archive, ours, theirs))
        _advance(archive, ours, theirs, "sync: fast-forward", author)
        return SyncResult("pulled", theirs, received=tuple(sorted(received)))
    base = _merge_base(archive, ours, theirs)
    mine, incoming = _diff(archive, base, ours), _diff(archive, base, theirs)
    clashing = _clashes(mine, incoming)
    if clashing:
        ref = f"{CONFLICTS}/{remote}/{theirs[:12]}"
        _move(archive, ref, theirs, None, "sync: conflict kept", author, exists_ok=True)
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
    merged = _merge(archive, ours, theirs, incoming, message, author, when)
    return SyncResult(
        "merged", merged, received=tuple(sorted(_units(incoming))), sent=tuple(sorted(_units(mine)))
    )


def conflict_refs(archive: GitArchive) -> dict[str, str]:
    """Pending conflicts: ref -> the remote commit it keeps reachable."""
    _, out, _ = run(
        archive.repo,
        ["for-each-ref", "--format=%(refname) %(objectname)", CONFLICTS + "/"],
        what="list sync conflicts",
    )
    pairs = (line.partition(" ") for line in out.decode().splitlines())
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
    theirs = conflict_refs(archive).get(ref) if ref.startswith(CONFLICTS + "/") else None
    if theirs is None:
        raise RevisionNotFound(f"There is no pending sync conflict called '{ref}'.")
    with archive._locked():
        ours = archive.head()
        base = _merge_base(archive, ours, theirs)
        mine, incoming = _diff(archive, base, ours), _diff(archive, base, theirs)
        clashing = _clashes(mine, incoming)
        sides = {u: keep if isinstance(keep, str) else keep.get(u, "local") for u in clashing}
        before = _diff(archive, ours, base)
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
        merged = _merge(archive, ours, theirs, changes, text, author, when)
        run(archive.repo, ["update-ref", "-d", ref, theirs], what="clear the settled conflict")
    return archive.version(merged)
