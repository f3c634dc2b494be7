"""Meetings and editing: read, list, create, save and renumber meetings in the archive.

Lives here: :class:`Meetings`, a save's result :class:`Saved` and the refusal of a save
whose fields were changed meanwhile (:class:`EditConflict`). Every save validates the
record against the schema and refuses what the lifecycle does not allow (approved minutes
are changed only by a recorded amendment, see :func:`workflow.rules.approval.check_edit`).
Every save states the version its edit was made from: when someone else has saved the
meeting since, the two are merged field by field (:mod:`workflow.diff.merge`) if they
changed different fields, and refused with both versions if they changed the same ones;
the other version always stays in the history. Reading a saved version decodes it without
applying the schema again (every version was validated when it was saved). Must not live
here: lifecycle steps, documents, history (their services).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import archive as store
from workflow.diff.merge import Merge, merge_meetings, summarise_fields
from workflow.drafting import meeting_templates
from workflow.drafting.new_meeting import draft_meeting
from workflow.errors import MinutebookError, NotFound, Refused
from workflow.record import files, numbering
from workflow.record.model import Meeting, MeetingKind, Status
from workflow.rules import approval, followup, next_steps, standing
from workflow.services.cache import SummaryStore
from workflow.services.register import Register, not_found
from workflow.services.workspace import Moved, Workspace, archive_errors
from workflow.text.dates import format_date

__all__ = ["EditConflict", "Meetings", "Saved", "day_order"]

_TRIES = 5
"""Merges tried before a save that keeps meeting newer versions gives up."""


@dataclass(frozen=True, slots=True)
class Saved:
    """A saved version, the meeting as saved, and what was merged into it."""

    version: store.Version
    meeting: Meeting
    """What was saved: the clerk's meeting, with the other version's changes if merged."""
    merged_from: str = ""
    """The version saved meanwhile whose changes were merged in ("" when none was)."""
    merged: tuple[str, ...] = ()
    """The fields (in a clerk's words) that version had changed, kept in this one."""

    @property
    def note(self) -> str:
        """One sentence on the merge for the clerk ("" when nothing was merged)."""
        if not self.merged_from:
            return ""
        fields = summarise_fields(self.merged)
        return (
            f"{self.meeting.id} had been saved meanwhile (version {self.merged_from[:10]}, "
            f"which changed {fields or 'nothing you changed'}); its changes are kept with yours."
        )


class EditConflict(Refused):
    """The meeting was saved meanwhile with different values in fields the edit changed
    too; nothing was saved. ``merge`` lists the fields with both values; a choice per
    field (:func:`~workflow.diff.merge.merge_meetings` with ``choices``) settles them."""

    title = "Changed elsewhere"

    def __init__(self, mine: Meeting, base: Meeting | None, theirs: Meeting, head: str, merge: Merge) -> None:
        shown = summarise_fields([c.label for c in merge.unresolved])
        super().__init__(
            f"{mine.id} was saved meanwhile (version {head[:10]}) with other values in the "
            f"fields you changed: {shown}; nothing was saved."
        )
        self.mine, self.base, self.theirs, self.head, self.merge = mine, base, theirs, head, merge

    def resolve(self, choices: Mapping[str, str]) -> Meeting:
        """The meeting with each conflicting field as chosen ("mine" or "theirs"), to save
        based on :attr:`head`."""
        merged = merge_meetings(self.base, self.mine, self.theirs, choices=choices).meeting  # type: ignore[arg-type]
        if merged is None:
            raise Refused("Choose your value or theirs for every field listed before saving.")
        return merged


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

    def read(self, meeting_id: str) -> tuple[Meeting, str]:
        """The newest version of a meeting and the commit it was read at: what an edit
        starts from and states when it is saved (``based_on``)."""
        head = self.workspace.head()
        return self.load(meeting_id, rev=head or "HEAD"), head

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
        """Every meeting with its state, read through the codec from the newest version's
        files (never the archive's folder, so an interrupted or refused save never shows);
        the summaries are kept by each file's blob id, so a file is read again only once
        it has changed. A file that cannot be read is left out (``validate`` names why)."""
        archive, head = self.workspace.archive, self.workspace.head()
        if not head:
            return []
        suffix = "/" + files.MEETING_FILE
        with archive_errors():
            ids = {path: key for path, key in archive.file_ids("meetings/", head).items()
                   if path.endswith(suffix)}
            return SummaryStore(self.workspace.root).summaries(
                ids, lambda paths: archive.read_many(paths, head))

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
        self,
        meeting: Meeting,
        *,
        message: str,
        based_on: str | None,
        trailers: Mapping[str, str] | None = None,
    ) -> Saved:
        """Validate and save a meeting as a new version; approved minutes stay locked.

        ``based_on`` is the version the edit started from (:meth:`read`; None only for a
        meeting new to the archive). When the meeting was saved since, changes to other
        fields are merged in (the result says so) and changes to the same fields raise
        :class:`EditConflict`; nothing is ever saved over another version unseen.
        """
        current, merged_from, merged = meeting, "", ()
        start = based_on
        for _ in range(_TRIES):
            self.check_locked(current)
            extra = {"Meeting": current.id, "Status": current.status.value, **(trailers or {})}
            try:
                version = self.workspace.save_files(
                    self.files_of(current), message, extra, based_on=based_on
                )
            except Moved as moved:
                result, base, theirs = self._merge(meeting, start, moved.head)
                if result.meeting is None:
                    raise EditConflict(meeting, base, theirs, moved.head, result) from None
                current, merged_from, merged = result.meeting, moved.head, result.theirs
                based_on = moved.head
                continue
            return Saved(version, current, merged_from, merged)
        raise Refused(f"{meeting.id} kept being saved by someone else; nothing was saved, try again.")

    def _merge(self, mine: Meeting, start: str | None, head: str) -> tuple[Merge, Meeting | None, Meeting]:
        """Three ways: the version the edit started from, the edit, the newest version."""
        base = self.load(mine.id, rev=start) if start and self.exists(mine.id, start) else None
        theirs = self.load(mine.id, rev=head)
        return merge_meetings(base, mine, theirs), base, theirs

    def check_locked(self, meeting: Meeting) -> None:
        """Refuse a change the lifecycle does not allow to the saved version of ``meeting``."""
        if self.exists(meeting.id):
            approval.check_edit(self.load(meeting.id), meeting)

    def save_text(
        self, meeting_id: str, text: bytes, *, message: str, where: str, based_on: str | None
    ) -> Saved:
        """Save a version of an existing meeting from a YAML file made from ``based_on``."""
        meeting = self.parse_text(text, where=where)
        if meeting.id != meeting_id:
            raise MinutebookError(
                f"{where} holds the meeting {meeting.id}, not {meeting_id}; "
                "a meeting's id is fixed when it is created."
            )
        self.load(meeting_id)
        return self.save(meeting, message=message, based_on=based_on)

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
        head = self.workspace.head()
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
        self.save(meeting, message=f"Agenda drafted for {committee.name} on {format_date(date)}",
                  based_on=head)
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
        meeting, head = self.read(meeting_id)
        renumbered = self.renumbered(meeting, first=first)
        if renumbered == meeting:
            return meeting, None
        saved = self.save(renumbered, message="Items renumbered", based_on=head)
        return saved.meeting, saved.version
