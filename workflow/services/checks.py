"""Checking a record: every problem, the schema's and the rules' beyond it.

Lives here: :class:`Checks`, which gives field-level messages
(:class:`~workflow.errors.FieldError`) for the validation panel, the ``validate``
command and the gate before publishing, circulating and importing: the schema's problems,
then the quorum and the minute citations checked against the archive. Must not live
here: the rules themselves (:mod:`workflow.rules`) or the schemas (:mod:`schemas`).
"""

from __future__ import annotations

from workflow.errors import FieldError, InvalidRecord, MinutebookError
from workflow.record import codec, files, numbering
from workflow.record.model import Meeting, Status
from workflow.rules import followup, incomplete, publication, standing
from workflow.services.meetings import Meetings
from workflow.services.workspace import Workspace

__all__ = ["Checks", "MinuteIndex"]

MinuteIndex = tuple[dict[tuple[int, int], str], int | None]
"""(minute number, municipal year) -> meeting id, and the first municipal year held."""

_NO_QUORUM_YET = (Status.AGENDA_DRAFT, Status.AGENDA_PUBLISHED, Status.CANCELLED)


class Checks:
    """Validation of records on one :class:`Workspace`."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.meetings = Meetings(workspace)
        self.register = self.meetings.register

    def check_text(self, text: bytes, *, where: str) -> list[FieldError]:
        """Every problem of a YAML file, as field messages (never an exception)."""
        try:
            data = codec.load_yaml(text, where=where)
        except MinutebookError as exc:
            return [FieldError("", exc.message)]
        found = files.problems("meeting", data, self.register.context())
        if any(p.severity == "error" for p in found):
            return found
        try:
            meeting = codec.decode(Meeting, data, where=where)
        except InvalidRecord as exc:
            return found + list(exc.errors)
        return found + self.rule_problems(meeting)

    def check(self, meeting: Meeting) -> list[FieldError]:
        """Every problem of a record: the schema's and the rules' (errors and warnings)."""
        found = files.check(meeting, self.register.context())
        if any(p.severity == "error" for p in found):
            return found
        return found + self.rule_problems(meeting)

    def check_all(self, meeting: Meeting) -> list[FieldError]:
        """The schema's problems and the rules', even when the schema finds errors."""
        return files.check(meeting, self.register.context()) + self.rule_problems(meeting)

    def errors(self, meeting: Meeting) -> list[FieldError]:
        """Only the problems that stop the record being saved, published or circulated."""
        return [p for p in self.check(meeting) if p.severity == "error"]

    def require_valid(self, meeting: Meeting) -> None:
        """Refuse a record with errors, naming each field."""
        if found := self.errors(meeting):
            raise InvalidRecord(meeting.id, found)

    def check_item(self, meeting: Meeting, uid: str) -> list[FieldError]:
        """The schema's problems with one item, paths as in the whole record (fast)."""
        index = next((i for i, it in enumerate(meeting.items) if it.uid == uid), None)
        if index is None:
            return []
        data = codec.encode(meeting.items[index])
        return [
            FieldError(f"items[{index}]" + (f".{p.path}" if p.path else ""), p.message, p.severity)
            for p in files.problems("item", data, self.register.context())
        ]

    def rule_problems(self, meeting: Meeting) -> list[FieldError]:
        """Problems beyond the schema: quorum, standing wording against the record (warnings
        here; circulating refuses them), minute references against the archive."""
        found: list[FieldError] = []
        if meeting.status not in _NO_QUORUM_YET:
            committee = self.register.committee_or_none(meeting.committee)
            found += [FieldError("attendance", msg, "warning")
                      for msg in publication.quorum_problems(meeting, committee)]
        if meeting.status is not Status.CANCELLED:
            found += standing.standing_problems(meeting)
        found += incomplete.incomplete_problems(meeting)
        known, first_year = self.minute_index(meeting.committee)
        if first_year is not None:
            found += followup.check_minute_refs(
                meeting, known, first_year, ref_format=self.workspace.settings.minute_ref_format
            )
        return found

    def minute_index(self, slug: str) -> MinuteIndex:
        """The committee's archived minutes by number and year, read once per version."""
        head = self.workspace.head()
        return self.workspace.cache.at(head, ("minutes", slug), lambda: self._read_minute_index(slug))

    def _read_minute_index(self, slug: str) -> MinuteIndex:
        known: dict[tuple[int, int], str] = {}
        first: int | None = None
        year_start = self.workspace.settings.municipal_year_start
        for meeting in self.meetings.committee_meetings(slug):
            year = numbering.municipal_year(meeting.date, year_start)[0].year
            first = year if first is None else min(first, year)
            for item in meeting.items:
                number = item.minute_number or item.agenda_number
                if number.isdigit():
                    known[(int(number), year)] = meeting.id
        return known, first
