"""The versions of a meeting: listing and naming them, comparing two, restoring one.

Lives here: :class:`History`. Revisions are named the way a clerk sees them in
``history``: a version number (``3`` or ``v3``), a tag of the meeting
(``agenda-published-1``, or its full name), or a commit. A diff is public (exempt content
left out) unless ``confidential`` is asked for; restoring saves an old version again as
the newest, so history is never rewritten. Must not live here: documents of a version
(:mod:`workflow.services.documents` writes the Word redline).
"""

from __future__ import annotations

import re

import archive as store
from workflow.diff.changes import MeetingDiff
from workflow.diff.meetings import diff_meetings
from workflow.errors import NotFound, Refused
from workflow.record import files
from workflow.rules import approval
from workflow.services.meetings import Meetings
from workflow.services.register import not_found
from workflow.services.workspace import Workspace, archive_errors

__all__ = ["History", "version_name"]

_VERSION = re.compile(r"^[vV]?(\d{1,6})$")


def version_name(number: int | None, commit: str) -> str:
    """How a clerk reads a version: "version 8"; the commit only when it has no number."""
    return f"version {number}" if number else f"commit {commit[:10]}"


class History:
    """Versions of the meetings of one :class:`Workspace`."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.meetings = Meetings(workspace)

    def versions(self, meeting_id: str) -> list[store.Version]:
        """Every version of the meeting, newest first (listed once per version of the archive)."""
        head = self.workspace.head()
        return self.workspace.cache.at(head, ("versions", meeting_id), lambda: self._list(meeting_id))

    def _list(self, meeting_id: str) -> list[store.Version]:
        if not store.is_valid_meeting_id(meeting_id):
            raise NotFound(not_found("meeting", meeting_id, self.meetings.meeting_ids()))
        with archive_errors():
            found = self.workspace.archive.history(
                files.meeting_folder(meeting_id) + "/", with_paths=False, tags_under=meeting_id + "/"
            )
        if not found or not self.meetings.exists(meeting_id):
            raise NotFound(not_found("meeting", meeting_id, self.meetings.meeting_ids()))
        return found

    def resolve_rev(self, meeting_id: str, rev: str) -> str:
        """The commit a clerk means by ``rev`` for this meeting."""
        archive = self.workspace.archive
        if rev in ("", "HEAD"):
            with archive_errors():
                return archive.resolve("HEAD")
        match = _VERSION.match(rev)
        if match and len(rev) < 7:
            versions = self.versions(meeting_id)
            number = int(match.group(1))
            if not 1 <= number <= len(versions):
                raise NotFound(
                    f"{meeting_id} has versions 1 to {len(versions)}; there is no version {number}."
                )
            return versions[len(versions) - number].commit
        with archive_errors():
            for name in (f"{meeting_id}/{rev}", rev):
                if name in archive.tags(name):
                    return archive.resolve(f"refs/tags/{name}")
        try:
            return archive.resolve(rev)
        except store.ArchiveError:
            raise NotFound(
                f"'{rev}' is not a version of {meeting_id}; use a number from "
                f"`minutebook history {meeting_id}`, a tag or a commit."
            ) from None

    def number_of(self, meeting_id: str, commit: str) -> int | None:
        """The version number of ``commit`` in the meeting's history (1 is the first)."""
        versions = self.versions(meeting_id)
        return next((len(versions) - i for i, v in enumerate(versions) if v.commit == commit), None)

    def name_of(self, meeting_id: str, commit: str) -> str:
        """"version 8": the name of ``commit`` in the meeting's history."""
        return version_name(self.number_of(meeting_id, commit), commit)

    def diff(self, meeting_id: str, rev1: str, rev2: str, *, confidential: bool = False) -> MeetingDiff:
        """What changed between two versions; public unless ``confidential``."""
        public = not confidential
        old = self.meetings.load(meeting_id, rev=self.resolve_rev(meeting_id, rev1), public=public)
        new = self.meetings.load(meeting_id, rev=self.resolve_rev(meeting_id, rev2), public=public)
        return diff_meetings(old, new, people=self.meetings.register.people())

    def restore(self, meeting_id: str, rev: str) -> store.Version:
        """Save an old version again as the newest one (history is never rewritten)."""
        commit = self.resolve_rev(meeting_id, rev)
        old = self.meetings.load(meeting_id, rev=commit)
        current, head = self.meetings.read(meeting_id)
        if old == current:
            raise Refused(f"Version {rev} of {meeting_id} is the same as the current one; nothing to restore.")
        approval.check_edit(current, old)
        label = self.name_of(meeting_id, commit)
        return self.meetings.save(
            old, message=f"Restored {label}", based_on=head, trailers={"Restored-From": commit}
        ).version
