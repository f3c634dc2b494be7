"""Service operations that move a meeting through its lifecycle.

Each operation loads the record, applies the pure rule from :mod:`workflow.rules.lifecycle`
(which refuses with a sentence and changes nothing when the step is not allowed),
renders the documents the step issues, and commits record and documents together as one
version, tagged with a name scoped to the meeting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workflow.errors import InvalidRecord, MinutebookError
from workflow.record import files as records
from workflow.record.model import Committee, Meeting

if TYPE_CHECKING:
    import archive as store
    from workflow.rules import lifecycle
    from workflow.rules.publication import Check
    from workflow.service import Service

__all__ = ["LifecycleMixin", "Published"]


@dataclass(frozen=True, slots=True)
class Published:
    """A lifecycle step's result: the new version, its tag and the documents issued."""

    meeting: Meeting
    version: store.Version
    tag: str
    files: tuple[Path, ...]
    warnings: tuple[str, ...] = ()
    summary: str = ""


class LifecycleMixin:
    """Publish, minutes, circulate, approve, amend, cancel, postpone."""

    def allowed(self: Service, meeting: Meeting) -> frozenset[str]:
        """What may be done with the meeting now (the CLI and the TUI share this)."""
        from workflow.rules import lifecycle

        return lifecycle.allowed(meeting.status, self.settings)

    def calendar(self: Service, around: dt.date) -> object:
        """The working-day calendar of the council's region (bank holidays from the
        maintained ``holidays`` library, kept in the user's cache between runs)."""
        from workflow.rules.calendars import cached_calendar

        del around
        return cached_calendar(self.settings.holiday_country, self.settings.holiday_subdivision)

    def _executive(self: Service, meeting: Meeting) -> bool:
        from workflow.drafting import templates as catalogue

        slug = meeting.template or self._committee_or_none(meeting.committee).template
        if not slug:
            return False
        try:
            return catalogue.load_template(slug).executive
        except MinutebookError:
            return False

    def _committee_or_none(self: Service, slug: str) -> Committee:
        try:
            return self.committee(slug)
        except MinutebookError:
            return Committee(slug=slug, name=slug)

    def _valid(self: Service, meeting: Meeting) -> None:
        errors = [p for p in self.check(meeting) if p.severity == "error"]
        if errors:
            raise InvalidRecord(meeting.id, errors)

    def _publication(
        self: Service, meeting: Meeting, published_on: dt.date | None, urgent_reason: str | None
    ) -> dict[str, object]:
        """The facts the publication rules work from."""
        return {
            "settings": self.settings,
            "calendar": self.calendar(meeting.date),
            "published_on": published_on or self.today(),
            "urgent_reason": urgent_reason,
            "today": self.today(),
            "executive": self._executive(meeting),
        }

    def publish_checks(
        self: Service,
        meeting_id: str,
        *,
        published_on: dt.date | None = None,
        urgent_reason: str | None = None,
    ) -> list[Check]:
        from workflow.rules import lifecycle

        meeting = self.load(meeting_id)
        return lifecycle.publish_checks(meeting, **self._publication(meeting, published_on, urgent_reason))

    def publish(
        self: Service,
        meeting_id: str,
        *,
        urgent_reason: str | None = None,
        published_on: dt.date | None = None,
    ) -> Published:
        """Publish the agenda (or a supplementary agenda): checks, Word files, commit, tag."""
        from workflow.rules import lifecycle

        meeting = self.load(meeting_id)
        self._valid(meeting)
        new, event = lifecycle.publish_agenda(
            meeting, **self._publication(meeting, published_on, urgent_reason)
        )
        number = new.agenda.supplements + 1
        return self._commit_step(new, event, {"agenda": f"agenda-{number}"})

    def circulate_checks(self: Service, meeting_id: str) -> list[Check]:
        """What circulating would refuse (ok False) or warn about (ok True), before acting."""
        from workflow.record.model import AttendanceState
        from workflow.rules import lifecycle
        from workflow.rules.publication import Check

        meeting = self.load(meeting_id)
        checks = []
        try:
            lifecycle.require("circulate", meeting, self.settings)
            checks.append(Check("state", True, "The draft minutes can be sent to the chair."))
        except MinutebookError as exc:
            checks.append(Check("state", False, exc.message))
        people = self.people()
        missing = [
            lifecycle.person_name(a.person, people, a.name)
            for a in meeting.attendance
            if a.state is AttendanceState.NOT_RECORDED
        ]
        if missing:
            checks.append(Check("attendance", False, "Attendance not recorded for " + ", ".join(missing) + "."))
        else:
            checks.append(Check("attendance", True, "Everyone's attendance is recorded."))
        errors = [p for p in self.check(meeting) if p.severity == "error"]
        checks.append(
            Check("valid", not errors, f"{errors[0]}" if errors else "The record is valid.")
        )
        committee = self._committee_or_none(meeting.committee)
        for warning in lifecycle.circulate_warnings(meeting, committee):
            checks.append(Check("warning", True, f"Warning: {warning}"))
        return checks

    def start_minutes(self: Service, meeting_id: str) -> Published:
        from workflow.rules import lifecycle

        new, event = lifecycle.start_minutes(self.load(meeting_id), today=self.today())
        return self._commit_step(new, event, {})

    def circulate(self: Service, meeting_id: str) -> Published:
        """Send the draft minutes to the chair: a tagged, rendered version."""
        from workflow.rules import lifecycle

        meeting = self.load(meeting_id)
        self._valid(meeting)
        new, event = lifecycle.circulate(
            meeting,
            people=self.people(),
            committee=self._committee_or_none(meeting.committee),
            today=self.today(),
        )
        return self._commit_step(new, event, {"minutes": "minutes-draft"})

    def publish_draft_minutes(self: Service, meeting_id: str) -> Published:
        from workflow.rules import lifecycle

        new, event = lifecycle.publish_draft_minutes(
            self.load(meeting_id), settings=self.settings, today=self.today()
        )
        return self._commit_step(new, event, {"minutes": "minutes-draft-published"})

    def approve(
        self: Service,
        meeting_id: str,
        *,
        at: str,
        other_body: bool = False,
        subject_to: Meeting | None = None,
    ) -> Published:
        """Record approval at a later meeting; both records change in one version."""
        from workflow.rules import approval

        meeting = self.load(meeting_id)
        approving = self.load(at)
        result = approval.approve(
            meeting,
            at=approving,
            other_body=other_body,
            subject_to=subject_to,
            today=self.today(),
            settings=self.settings,
        )
        self._valid(result.meeting)
        extra = records.meeting_files(result.at, self.context())
        return self._commit_step(result.meeting, result.event, {"minutes": "minutes-approved"}, extra)

    def amend(
        self: Service,
        meeting_id: str,
        corrected: Meeting,
        *,
        reason: str,
        authority: str = "",
    ) -> Published:
        """Change approved minutes as a recorded amendment (who, when, why, authority)."""
        from workflow.rules import approval

        new, event = approval.amend(
            self.load(meeting_id),
            new=corrected,
            reason=reason,
            by=self.identity.name,
            authority=authority,
            today=self.today(),
        )
        number = len(new.amendments)
        return self._commit_step(new, event, {"minutes": f"minutes-amended-{number}"})

    def cancel(self: Service, meeting_id: str, *, reason: str = "") -> Published:
        from workflow.rules import lifecycle

        new, event = lifecycle.cancel(self.load(meeting_id), reason=reason, today=self.today())
        return self._commit_step(new, event, {})

    def postpone(self: Service, meeting_id: str, *, to: dt.date, reason: str = "") -> Published:
        from workflow.rules import lifecycle

        new, event = lifecycle.postpone(
            self.load(meeting_id), new_date=to, reason=reason, today=self.today()
        )
        return self._commit_step(new, event, {})

    def _commit_step(
        self: Service,
        meeting: Meeting,
        event: lifecycle.Event,
        documents: Mapping[str, str],
        extra: Mapping[str, bytes | None] | None = None,
    ) -> Published:
        files = dict(records.meeting_files(meeting, self.context()))
        files.update(extra or {})
        folder = records.meeting_folder(meeting.id) + "/issued"
        written: list[str] = []
        for which, stem in documents.items():
            for confidential in (False, True):
                subject = meeting
                data = self.document_bytes(
                    subject, which, confidential=confidential, created=self.clock()  # type: ignore[arg-type]
                )
                path = f"{folder}/{stem}{'.confidential' if confidential else ''}.docx"
                files[path] = data
                written.append(path)
        trailers = {"Meeting": meeting.id, "Status": meeting.status.value, "Step": event.action}
        version = self.save_files(files, event.summary, trailers)
        tag = ""
        if event.tag:
            tag = self._tag_unique(event.tag, version.commit, event.summary)
        return Published(
            meeting=meeting,
            version=version,
            tag=tag,
            files=tuple(self.root / p for p in written),
            warnings=event.warnings,
            summary=event.summary,
        )

    def _tag_unique(self: Service, name: str, commit: str, message: str) -> str:
        import archive as store

        existing = self.archive.tags(name)
        candidate, n = name, 2
        while candidate in existing:
            candidate, n = f"{name}-{n}", n + 1
        try:
            self.archive.tag(candidate, commit, message, tagger=self.identity, when=self.clock())
        except store.ArchiveError as exc:
            raise MinutebookError(exc.message) from None
        return candidate
