"""Meetings and editing: read, list, create, save and renumber meetings in the archive.

Lives here: :class:`Meetings`. Every save validates the record against the schema and
refuses what the lifecycle does not allow (approved minutes are changed only by a
recorded amendment, see :func:`workflow.rules.approval.check_edit`); reading a saved
version decodes it without applying the schema again (every version was validated when
it was saved). Must not live here: lifecycle steps, documents, history (their services).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from pathlib import Path

import archive as store
from workflow.drafting import meeting_templates
from workflow.drafting.new_meeting import draft_meeting
from workflow.errors import MinutebookError, NotFound, Refused
from workflow.record import files, numbering
from workflow.record.model import Meeting, MeetingKind, Status
from workflow.rules import approval, followup, next_steps, standing
from workflow.services.cache import SummaryStore
from workflow.services.register import Register, not_found
from workflow.services.workspace import Workspace, archive_errors
from workflow.text.dates import format_date

__all__ = ["Meetings", "day_order"]


def day_order(meeting_id: str) -> int:
    """Which meeting of its day ``meeting_id`` is: 1 for ``<date>``, 2 for ``<date>-2``."""
    day = meeting_id.rsplit("/", 1)[-1]
    suffix = day[10:].lstrip("-")
    return int(suffix) if suffix.isdigit() else 1


class Meetings:
    """The meetings of one :class:`Workspace`."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.register = Register(workspace)

    # ------------------------------------------------------------------ reading

    def meeting_ids(self, rev: str = "HEAD") -> list[str]:
        with archive_errors():
            return files.meeting_ids_in(self.workspace.archive.list_files("meetings/", rev))

    def exists(self, meeting_id: str, rev: str = "HEAD") -> bool:
        path = f"{files.meeting_folder(meeting_id)}/{files.MEETING_FILE}"
        with archive_errors():
            return store.is_valid_meeting_id(meeting_id) and self.workspace.archive.exists(path, rev)

    def load(self, meeting_id: str, *, rev: str = "HEAD", public: bool = False) -> Meeting:
        """A meeting as saved at ``rev``; ``public=True`` never reads the exempt file.

        Every version was validated when it was saved, so reading decodes (checking each
        field's type) without applying the schema again; the checks service does that.
        """
        if not self.exists(meeting_id, rev):
            if rev != "HEAD" and self.exists(meeting_id):
                raise NotFound(f"The meeting {meeting_id} did not exist yet at version {rev}.")
            raise NotFound(not_found("meeting", meeting_id, self.meeting_ids()))
        folder = files.meeting_folder(meeting_id)
        archive = self.workspace.archive
        with archive_errors():
            public_text = archive.read(f"{folder}/{files.MEETING_FILE}", rev)
            exempt_text = None
            exempt_path = f"{folder}/{files.EXEMPT_FILE}"
            if not public and archive.exists(exempt_path, rev):
                exempt_text = archive.read(exempt_path, rev)
        return files.parse_meeting(
            public_text, exempt_text, where=f"{folder}/{files.MEETING_FILE}", context=None
        )

    def overview(self) -> list[next_steps.OverviewRow]:
        """Meetings newest first with their next step and deadline."""
        workspace = self.workspace
        return next_steps.overview_rows(
            self.summaries(), workspace.settings, workspace.today(), workspace.calendar()
        )

    def summaries(self) -> list[next_steps.MeetingSummary]:
        """Every meeting with its state, read through the codec from the archive's files
        (which every save keeps equal to the newest version); the summaries are kept by
        each file's blob id, so a file is read again only once it has changed. A file
        that cannot be read is left out (``validate`` names why)."""
        root = self.workspace.root
        return SummaryStore(root).summaries(self._meeting_files(root))

    def _meeting_files(self, root: Path) -> Iterator[tuple[str, bytes]]:
        for meeting_id in self.meeting_ids():
            path = f"{files.meeting_folder(meeting_id)}/{files.MEETING_FILE}"
            try:
                yield path, (root / path).read_bytes()
            except OSError:
                continue

    def committee_meetings(self, slug: str, *, before: dt.date | None = None) -> list[Meeting]:
        """A committee's meetings (oldest first), optionally only those before a date."""
        found = []
        for meeting_id in self.meeting_ids():
            if meeting_id.split("/", 1)[0] != slug:
                continue
            day = dt.date.fromisoformat(meeting_id.split("/", 1)[1][:10])
            if before is None or day < before:
                found.append(self.load(meeting_id))
        return sorted(found, key=lambda m: (m.date, m.start or dt.time()))

    def earlier_meetings(self, slug: str, date: dt.date, meeting_id: str | None = None) -> list[Meeting]:
        """The committee's meetings before ``date``, and those earlier the same day: all of
        that day's meetings for a new one (``meeting_id`` None), else those made before
        ``meeting_id`` (``<date>`` before ``<date>-2``)."""
        found = []
        for meeting in self.committee_meetings(slug, before=date + dt.timedelta(days=1)):
            if meeting.id == meeting_id:
                continue
            if meeting.date == date and meeting_id is not None and day_order(meeting.id) > day_order(meeting_id):
                continue
            found.append(meeting)
        return found

    def same_day(self, slug: str, date: dt.date) -> list[str]:
        """The ids of the committee's meetings already on ``date``."""
        stem = f"{slug}/{date.isoformat()}"
        return [m for m in self.meeting_ids() if m == stem or m.startswith(stem + "-")]

    def parse_text(self, text: bytes, *, where: str) -> Meeting:
        """A whole meeting (exempt content inline) from YAML text, validated."""
        return files.parse_meeting(text, None, where=where, context=self.register.context())

    # ------------------------------------------------------------------ saving

    def files_of(self, meeting: Meeting) -> dict[str, bytes | None]:
        """The meeting's files to save, after validation against the schema."""
        return files.meeting_files(meeting, self.register.context())

    def save(
        self, meeting: Meeting, *, message: str, trailers: Mapping[str, str] | None = None
    ) -> store.Version:
        """Validate and save a meeting as a new version; approved minutes stay locked."""
        self.check_locked(meeting)
        extra = {"Meeting": meeting.id, "Status": meeting.status.value, **(trailers or {})}
        return self.workspace.save_files(self.files_of(meeting), message, extra)

    def check_locked(self, meeting: Meeting) -> None:
        """Refuse a change the lifecycle does not allow to the saved version of ``meeting``."""
        if self.exists(meeting.id):
            approval.check_edit(self.load(meeting.id), meeting)

    def save_text(self, meeting_id: str, text: bytes, *, message: str, where: str) -> store.Version:
        """Save a version of an existing meeting from a YAML file."""
        meeting = self.parse_text(text, where=where)
        if meeting.id != meeting_id:
            raise MinutebookError(
                f"{where} holds the meeting {meeting.id}, not {meeting_id}; "
                "a meeting's id is fixed when it is created."
            )
        self.load(meeting_id)
        return self.save(meeting, message=message)

    # ------------------------------------------------------------------ creating

    def new_meeting(
        self,
        slug: str,
        *,
        date: dt.date,
        start: dt.time,
        venue: str | None = None,
        template: str | None = None,
        kind: MeetingKind = MeetingKind.ORDINARY,
        again: bool = False,
    ) -> Meeting:
        """Create a meeting from the committee's template and save its first version.

        A committee that already meets on ``date`` gets a second meeting that day only when
        ``again`` says so; its items are numbered on from the first meeting's.
        """
        committee = self.register.committee(slug)
        existing = self.same_day(slug, date)
        if existing and not again:
            raise Refused(
                f"{committee.name} already has a meeting on {format_date(date)} ({existing[0]}); "
                "to hold a second meeting that day, create it with --again."
            )
        chosen = meeting_templates.load_template(template or committee.template or "scrutiny-board")
        meeting_id = f"{slug}/{date.isoformat()}"
        suffix = 2
        while self.exists(meeting_id):
            meeting_id = f"{slug}/{date.isoformat()}-{suffix}"
            suffix += 1
        previous = self.earlier_meetings(slug, date)
        meeting = draft_meeting(
            template=chosen,
            committee=committee,
            date=date,
            start=start,
            venue=venue or committee.venue,
            kind=kind,
            people=self.register.people(),
            previous=previous,
            settings=self.workspace.settings,
            meeting_id=meeting_id,
            today=self.workspace.today(),
        )
        meeting = standing.follow_record(self._carry_forward(meeting, previous))
        self.save(meeting, message=f"Agenda drafted for {committee.name} on {format_date(date)}")
        return meeting

    def _carry_forward(self, meeting: Meeting, previous: list[Meeting]) -> Meeting:
        settings = self.workspace.settings
        try:
            return followup.carry_forward(
                previous, meeting, ref_format=settings.minute_ref_format,
                year_start=settings.municipal_year_start,
            )
        except Refused:
            return meeting

    def renumbered(self, meeting: Meeting, *, first: int | None = None) -> Meeting:
        """``meeting`` (perhaps with unsaved edits) with its items numbered in order, running
        on from the committee's earlier meetings unless ``first`` is given; only before the
        agenda is published (the terminal UI's Renumber, and :meth:`renumber`)."""
        if meeting.status is not Status.AGENDA_DRAFT:
            raise Refused(
                f"The agenda of {meeting.id} is already published, so its numbers are fixed; "
                "add late items with the next free number instead."
            )
        if first is None:
            previous = self.earlier_meetings(meeting.committee, meeting.date, meeting.id)
            year_start = self.workspace.settings.municipal_year_start
            first = numbering.first_number(previous, meeting.date, year_start)
        return numbering.renumber(meeting, first)

    def renumber(self, meeting_id: str, *, first: int | None = None) -> tuple[Meeting, store.Version | None]:
        """Recompute item numbers on request and save them; only before the agenda is published."""
        meeting = self.load(meeting_id)
        renumbered = self.renumbered(meeting, first=first)
        if renumbered == meeting:
            return meeting, None
        return renumbered, self.save(renumbered, message="Items renumbered")
