"""Service checks: every problem of a record, the schema's and the rules' beyond it.

Field-level messages (:class:`~workflow.errors.FieldError`) for the validation panel, the
``validate`` command and the gate before saving, publishing and rendering.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workflow.errors import FieldError, InvalidRecord, MinutebookError
from workflow.record import codec
from workflow.record import files as records
from workflow.record.model import Meeting, Status

if TYPE_CHECKING:
    from workflow.service import Service

__all__ = ["ChecksMixin"]


class ChecksMixin:
    """Validation; mixed into :class:`workflow.service.Service`."""

    def parse_text(self: Service, text: bytes, *, where: str) -> Meeting:
        """A whole meeting (exempt content inline) from YAML text, validated."""
        return records.parse_meeting(text, None, where=where, context=self.context())

    def check_text(self: Service, text: bytes, *, where: str) -> list[FieldError]:
        """Every problem of a YAML file, as field messages (never an exception)."""
        try:
            data = codec.load_yaml(text, where=where)
        except MinutebookError as exc:
            return [FieldError("", exc.message)]
        found = records.problems("meeting", data, self.context())
        if any(p.severity == "error" for p in found):
            return found
        try:
            meeting = codec.decode(Meeting, data, where=where)
        except InvalidRecord as exc:
            return found + list(exc.errors)
        return found + self.rule_problems(meeting)

    def check(self: Service, meeting: Meeting) -> list[FieldError]:
        """Every problem of a record: the schema's and the rules' (errors and warnings)."""
        found = records.check(meeting, self.context())
        if any(p.severity == "error" for p in found):
            return found
        return found + self.rule_problems(meeting)

    def check_item(self: Service, meeting: Meeting, uid: str) -> list[FieldError]:
        """The schema's problems with one item, paths as in the whole record (fast)."""
        index = next((i for i, it in enumerate(meeting.items) if it.uid == uid), None)
        if index is None:
            return []
        data = codec.encode(meeting.items[index])
        return [
            FieldError(f"items[{index}]" + (f".{p.path}" if p.path else ""), p.message, p.severity)
            for p in records.problems("item", data, self.context())
        ]

    def rule_problems(self: Service, meeting: Meeting) -> list[FieldError]:
        """Problems beyond the schema: quorum, minute references against the archive."""
        from workflow.rules import followup, lifecycle

        found: list[FieldError] = []
        if meeting.status not in (Status.AGENDA_DRAFT, Status.AGENDA_PUBLISHED, Status.CANCELLED):
            committee = self._committee_or_none(meeting.committee)
            found += [FieldError("attendance", msg, "warning") for msg in lifecycle.quorum_problems(meeting, committee)]
        known, first_year = self._minute_index(meeting.committee)
        if first_year is not None:
            found += followup.check_minute_refs(
                meeting, known, first_year, ref_format=self.settings.minute_ref_format
            )
        return found

    def _minute_index(self: Service, slug: str) -> tuple[dict[tuple[int, int], str], int | None]:
        """(minute number, municipal year) -> meeting id for a committee's archived minutes,
        and the first municipal year; read once per head of the archive."""
        from archive import RevisionNotFound

        try:
            head = self.archive.head()
        except RevisionNotFound:
            head = ""
        cached = self._minute_indexes.get(slug)
        if cached is None or cached[0] != head:
            cached = (head, self._read_minute_index(slug))
            self._minute_indexes[slug] = cached
        return cached[1]

    def _read_minute_index(self: Service, slug: str) -> tuple[dict[tuple[int, int], str], int | None]:
        from workflow.record import numbering

        known: dict[tuple[int, int], str] = {}
        first: int | None = None
        for meeting in self.committee_meetings(slug):
            year = numbering.municipal_year(meeting.date, self.settings.municipal_year_start)[0].year
            first = year if first is None else min(first, year)
            for item in meeting.items:
                number = item.minute_number or item.agenda_number
                if number.isdigit():
                    known[(int(number), year)] = meeting.id
        return known, first

