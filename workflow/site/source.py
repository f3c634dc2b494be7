"""The public website's one reader of the archive: :class:`ArchiveSource`.

Everything the site shows comes through here as plain values (:mod:`workflow.site.values`).
Meetings are read with ``Meetings.load(..., public=True)``, the public view, so the exempt
file is never opened; issued Word files marked ``.confidential`` are never listed, let
alone read. The listing (:meth:`ArchiveSource.snapshot`) costs one ``ls-tree`` of the
archive and gives each file's content id, so the builder reads and parses only the
meetings that changed since its last run.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from workflow.drafting.meeting_templates import load_template
from workflow.errors import MinutebookError
from workflow.record import files as records
from workflow.record.model import Meeting, Status
from workflow.services.meetings import Meetings
from workflow.services.workspace import archive_errors
from workflow.site.values import (
    CommitteeEntry,
    MeetingEntry,
    PublicFile,
    PublicMeeting,
    SiteSettings,
    Snapshot,
)

if TYPE_CHECKING:
    from workflow.services.workspace import Workspace

__all__ = ["ArchiveSource"]

_ISSUED = re.compile(r"(agenda-(\d+)|minutes-(draft|draft-published|approved|amended-(\d+)))\.docx")
_AGENDA_SHOWN = {Status.AGENDA_PUBLISHED, Status.MINUTES_DRAFT, Status.MINUTES_CIRCULATED,
                 Status.MINUTES_PUBLISHED, Status.MINUTES_APPROVED, Status.CANCELLED}
_MINUTES_SHOWN = {Status.MINUTES_CIRCULATED, Status.MINUTES_PUBLISHED, Status.MINUTES_APPROVED}


class ArchiveSource:
    """The public record of the archive a :class:`~workflow.services.workspace.Workspace`
    has open."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.meetings = Meetings(workspace)
        self._files: dict[str, dict[str, str]] = {}

    def snapshot(self) -> Snapshot:
        workspace = self.workspace
        register = self.meetings.register
        archive = workspace.archive
        with archive_errors():
            ids = archive.file_ids("meetings/")
            committee_ids = archive.file_ids("committees/")
            people_ids = archive.file_ids(records.REGISTER_PATH)
        by_folder: dict[str, dict[str, str]] = defaultdict(dict)
        for path, content_id in ids.items():
            parts = path.split("/", 3)
            if len(parts) == 4:
                by_folder[f"{parts[1]}/{parts[2]}"][parts[3]] = content_id
        self._files = dict(by_folder)
        meetings = []
        for meeting_id, files in sorted(by_folder.items()):
            main = files.get(records.MEETING_FILE)
            if main is None:
                continue
            public = tuple(sorted(cid for name, cid in files.items() if _public_candidate(name)))
            meetings.append(MeetingEntry(meeting_id, meeting_id.split("/")[0], main, public))
        committees = []
        for slug in register.committee_slugs():
            committee = register.committee(slug)
            committees.append(CommitteeEntry(committee, _prefix(committee.template),
                                             committee_ids.get(records.committee_path(slug), "")))
        named = {entry.committee.council for entry in committees if entry.committee.council}
        settings = SiteSettings(
            council=named.pop() if len(named) == 1 else workspace.settings.council,
            minute_ref_format=workspace.settings.minute_ref_format,
            municipal_year_start=workspace.settings.municipal_year_start,
            today=workspace.today(),
        )
        return Snapshot(settings, tuple(committees), register.people(),
                        people_ids.get(records.REGISTER_PATH, ""), tuple(meetings))

    def meeting(self, meeting_id: str) -> PublicMeeting:
        """The public view of a meeting and the public files that go with it."""
        meeting = self.meetings.load(meeting_id, public=True)
        files = self._files.get(meeting_id, {})
        folder = records.meeting_folder(meeting_id)
        found = _issued(meeting, files, folder) + _reports(meeting, files, folder)
        return PublicMeeting(meeting, tuple(found))

    def file(self, public: PublicFile) -> bytes:
        if not _public_candidate(public.path.split("/", 3)[3]):
            raise MinutebookError(f"{public.path} is not a public file.")
        with archive_errors():
            return self.workspace.archive.read(public.path)


def _public_candidate(name: str) -> bool:
    """Issued public Word files and attached reports; never anything confidential."""
    if ".confidential" in name or name.startswith("meeting."):
        return False
    return bool(_ISSUED.fullmatch(name.removeprefix("issued/"))) if name.startswith("issued/") \
        else name.startswith("documents/")


def _prefix(template: str) -> str:
    if not template:
        return ""
    try:
        return load_template(template).minute_prefix
    except MinutebookError:
        return ""


def _issued(meeting: Meeting, files: dict[str, str], folder: str) -> list[PublicFile]:
    """The agenda (and supplements) once published; the latest minutes once circulated."""
    agendas: list[PublicFile] = []
    minutes: list[tuple[tuple[int, int], PublicFile]] = []
    for name, content_id in files.items():
        match = _ISSUED.fullmatch(name.removeprefix("issued/"))
        if not name.startswith("issued/") or match is None:
            continue
        base = name.removeprefix("issued/")
        if match.group(2):
            number = int(match.group(2))
            label = "Agenda" if number == 1 else f"Supplementary agenda {number - 1}"
            if meeting.status in _AGENDA_SHOWN:
                agendas.append(PublicFile(base, label, "agenda", content_id, f"{folder}/{name}",
                                          meeting.agenda.published_on))
            continue
        which = match.group(3)
        rank = {"draft": (0, 0), "draft-published": (1, 0), "approved": (2, 0)}.get(
            which, (3, int(match.group(4) or 0)))
        label, issued = "Draft minutes", None
        if which == "approved":
            label, issued = "Minutes", meeting.approval.on if meeting.approval else None
        elif which.startswith("amended"):
            label = "Minutes (as amended)"
            issued = meeting.amendments[-1].on if meeting.amendments else None
        minutes.append((rank, PublicFile(base, label, "minutes", content_id, f"{folder}/{name}",
                                         issued)))
    agendas.sort(key=lambda f: int(f.name.split("-")[1].split(".")[0]))
    latest = [max(minutes, key=lambda pair: pair[0])[1]] if minutes else []
    return agendas + (latest if meeting.status in _MINUTES_SHOWN else [])


def _reports(meeting: Meeting, files: dict[str, str], folder: str) -> list[PublicFile]:
    """Reports attached to public items, when the agenda is out and the file is there."""
    if meeting.status not in _AGENDA_SHOWN:
        return []
    found: list[PublicFile] = []
    seen: set[str] = set()
    for item in meeting.items:
        if item.is_exempt or item.withheld:
            continue
        for doc in item.documents:
            name = f"documents/{doc.file}"
            if not doc.file or doc.to_follow or doc.exemption is not None or name not in files \
                    or name in seen or not _public_candidate(name):
                continue
            seen.add(name)
            found.append(PublicFile(name, doc.title, "report", files[name], f"{folder}/{name}",
                                    meeting.agenda.published_on))
    return found
