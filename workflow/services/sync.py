"""Sharing the archive with the team through a git remote, and checking what came in.

Lives here: :class:`Sync`. A sync pulls and pushes (the rules are the archive's: a
meeting changed on one side merges, one changed on both sides stops the sync and changes
nothing); every meeting received is then validated, and approved minutes must have
changed only by a recorded amendment. Problems come back as sentences for the clerk. A
first sync to an address with no repository says exactly that, and, for a folder, can
create the shared archive there.
"""

from __future__ import annotations

import re
from pathlib import Path

import archive as store
from archive.shared import create_shared, holds_repository
from workflow.errors import MinutebookError
from workflow.rules import approval
from workflow.services.checks import Checks
from workflow.services.workspace import Workspace

__all__ = ["Sync", "local_folder", "missing_folder", "outcome"]

_KEEP = {"mine": "local", "theirs": "remote"}


class Sync:
    """Exchanging versions with the shared archive, for one :class:`Workspace`."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.checks = Checks(workspace)

    def sync(
        self, remote: str = "origin", url: str | None = None, *, create: bool = False
    ) -> tuple[store.SyncResult, list[str]]:
        """Pull and push through a git remote; then what came in, checked.

        With ``url`` naming a folder that holds no repository, ``create`` makes an empty
        shared archive there first; without it the sync is refused, saying so."""
        workspace = self.workspace
        if url is not None:
            self._prepare(url, create)
        before = workspace.head()
        try:
            result = store.sync(workspace.archive, remote=remote, url=url,
                                author=workspace.identity, when=workspace.clock())
        except store.SyncConflict as exc:
            raise MinutebookError(_conflict_sentence(exc), title="Sync conflict") from None
        except store.RemoteUnreachable as exc:
            if url is not None and _missing(exc.detail):
                raise MinutebookError(_no_repository(url, folder=False), title="Sync") from None
            raise MinutebookError(exc.message, title="Sync") from None
        except store.ArchiveError as exc:
            raise MinutebookError(exc.message, title="Sync") from None
        return result, self._received_problems(result, before)

    def _prepare(self, url: str, create: bool) -> None:
        """Refuse, or with ``create`` make, a shared archive at a folder that holds none."""
        folder = local_folder(url)
        if folder is None or not missing_folder(url):
            if create and folder is None:
                raise MinutebookError(
                    f"minutebook creates a shared archive only in a folder; create an empty "
                    f"repository at {url} on its server, then sync again without --create.",
                    title="Sync",
                )
            return
        if not create:
            raise MinutebookError(_no_repository(url, folder=True), title="Sync")
        if self.workspace.is_demo:
            raise MinutebookError(
                "This is a demo archive; it is never synchronised with a shared archive.", title="Sync"
            )
        try:
            create_shared(folder)
        except store.ArchiveError as exc:
            raise MinutebookError(exc.message, title="Sync") from None

    def resolve(self, keep: str) -> store.Version:
        """Settle the pending sync conflict keeping this archive's ("mine") or the team's
        ("theirs") version of each meeting changed on both sides; the other stays in history."""
        pending = store.conflict_refs(self.workspace.archive)
        if not pending:
            raise MinutebookError("There is no sync conflict waiting to be settled.")
        version = None
        for ref in sorted(pending):
            try:
                version = store.resolve_conflict(
                    self.workspace.archive, ref, _KEEP[keep],  # type: ignore[arg-type]
                    author=self.workspace.identity, when=self.workspace.clock(),
                )
            except store.ArchiveError as exc:
                raise MinutebookError(exc.message, title="Sync") from None
        assert version is not None
        return version

    def _received_problems(self, result: store.SyncResult, before: str) -> list[str]:
        meetings = self.checks.meetings
        problems: list[str] = []
        for name in result.received:
            meeting_id = name.removeprefix("meetings/").rstrip("/")
            if not meetings.exists(meeting_id):
                continue
            try:
                new = meetings.load(meeting_id)
                errors = self.checks.errors(new)
                if errors:
                    problems.append(f"{meeting_id} came in with problems: {errors[0]}")
                if before and meetings.exists(meeting_id, before):
                    approval.check_edit(meetings.load(meeting_id, rev=before), new)
            except MinutebookError as exc:
                problems.append(f"{meeting_id}: {exc.message}")
        return problems


_SCHEME = re.compile(r"\A[A-Za-z][A-Za-z0-9+.-]*://")
_SCP = re.compile(r"\A[^/:]+@[^/:]+:|\A[A-Za-z0-9.-]+:(?![\\/])")


def local_folder(url: str) -> Path | None:
    """The folder a sync address names (a path or ``file://``), or None for a server's."""
    if url.startswith("file://"):
        return Path(url.removeprefix("file://")).expanduser()
    if _SCHEME.match(url) or _SCP.match(url):
        return None
    return Path(url).expanduser()


def missing_folder(url: str) -> bool:
    """True when ``url`` names a folder that holds no repository (one ``--create`` makes)."""
    folder = local_folder(url)
    return folder is not None and not holds_repository(folder)


_MISSING_WORDS = ("does not appear to be a git repository", "repository not found",
                  "not found", "does not exist", "no such file or directory")


def _missing(detail: str) -> bool:
    text = detail.lower()
    return any(words in text for words in _MISSING_WORDS)


def _no_repository(url: str, *, folder: bool) -> str:
    if folder:
        return (
            f"There is no shared archive at {url} yet; run `minutebook sync --url {url} "
            "--create` to create one there."
        )
    return (
        f"There is no shared archive at {url} yet; create an empty repository there on its "
        "server, then sync again."
    )


def outcome(result: store.SyncResult) -> str:
    """What a sync did, in the clerk's words: "Received the team's versions"."""
    words = {"up-to-date": "Already up to date", "pushed": "Sent your versions",
             "pulled": "Received the team's versions", "merged": "Received and sent versions"}
    return words.get(result.action, result.action)


def _conflict_sentence(exc: store.SyncConflict) -> str:
    which = ", ".join(exc.units) or "a meeting"
    return (
        f"{which} changed both here and in the shared archive, so the sync stopped and "
        "changed nothing; both versions are kept. Compare them, then run `minutebook sync "
        "--keep mine` or `--keep theirs` (the other version stays in the history)."
    )
