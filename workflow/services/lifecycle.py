"""Moving a meeting through its lifecycle: publish, minutes, circulate, approve, amend.

Lives here: :class:`Lifecycle` and its result :class:`Published`. Each step loads the
record, applies the pure rule from :mod:`workflow.rules.lifecycle` or
:mod:`workflow.rules.approval` (which refuses with a sentence and changes nothing when the
step is not allowed), renders the documents the step issues, and commits record and
documents together as one version, tagged with a name scoped to the meeting. Each step
saves based on the version it read; when someone else saved the meeting in between, the
step is taken again on the newer version (its rules checked again, its documents rendered
again), so a step never undoes another's save. Must not live here: the rules themselves.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Concatenate, ParamSpec

import archive as store
from workflow.drafting import meeting_templates
from workflow.errors import MinutebookError
from workflow.record import files
from workflow.record.model import AttendanceState, Meeting
from workflow.record.names import attendee_name
from workflow.rules import approval, incomplete, lifecycle, next_steps, standing
from workflow.rules.lifecycle import Event
from workflow.rules.publication import Check
from workflow.services.checks import Checks
from workflow.services.documents import Documents
from workflow.services.history import History
from workflow.services.workspace import Moved, Workspace

__all__ = ["Lifecycle", "Published"]

_P = ParamSpec("_P")
_TRIES = 3


def _again_if_moved(
    step: Callable[Concatenate[Lifecycle, _P], Published],
) -> Callable[Concatenate[Lifecycle, _P], Published]:
    """Take the step again, from a fresh read, when the meeting was saved meanwhile."""

    @functools.wraps(step)
    def taken(self: Lifecycle, *args: _P.args, **kwargs: _P.kwargs) -> Published:
        for attempt in range(_TRIES):
            try:
                return step(self, *args, **kwargs)
            except Moved:
                if attempt == _TRIES - 1:
                    raise
        raise AssertionError("unreachable")

    return taken


@dataclass(frozen=True, slots=True)
class Published:
    """A lifecycle step's result: the new version, its tag and the documents issued."""

    meeting: Meeting
    version: store.Version
    tag: str
    files: tuple[Path, ...]
    warnings: tuple[str, ...] = ()
    summary: str = ""
    version_name: str = ""
    """How the clerk reads the new version: "version 8"."""


class Lifecycle:
    """Lifecycle steps on the meetings of one :class:`Workspace`."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.checks = Checks(workspace)
        self.documents = Documents(workspace)
        self.meetings = self.checks.meetings
        self.register = self.meetings.register

    def allowed(self, meeting: Meeting) -> frozenset[str]:
        """What may be done with the meeting now (the CLI and the TUI share this)."""
        return lifecycle.allowed(meeting.status, self.workspace.settings)

    def refusal(self, meeting: Meeting, step: str) -> str:
        """Why ``step`` (a key of :data:`workflow.rules.lifecycle.TRANSITIONS`) is not
        possible for the meeting now, in the lifecycle's one sentence; "" when it is."""
        try:
            lifecycle.require(step, meeting, self.workspace.settings)
        except MinutebookError as exc:
            return exc.message
        return ""

    def next_step(self, meeting: Meeting) -> tuple[str, dt.date | None, bool]:
        """What the clerk does next for the meeting, when it is due and whether it is late
        (as the meeting list says it)."""
        workspace = self.workspace
        return next_steps.next_step(meeting.status, meeting.date, workspace.settings,
                                    workspace.today(), workspace.calendar())

    def _executive(self, meeting: Meeting) -> bool:
        slug = meeting.template or self.register.committee_or_none(meeting.committee).template
        if not slug:
            return False
        try:
            return meeting_templates.load_template(slug).executive
        except MinutebookError:
            return False

    def _publication(self, meeting: Meeting, published_on: dt.date | None,
                     urgent_reason: str | None) -> dict[str, Any]:
        """The facts the publication rules work from."""
        today = self.workspace.today()
        return {
            "settings": self.workspace.settings,
            "calendar": self.workspace.calendar(),
            "published_on": published_on or today,
            "urgent_reason": urgent_reason,
            "today": today,
            "executive": self._executive(meeting),
        }

    # ------------------------------------------------------------------ the agenda

    def publish_checks(self, meeting_id: str, *, published_on: dt.date | None = None,
                       urgent_reason: str | None = None) -> list[Check]:
        """Every check publishing makes, passed or not, before acting."""
        meeting = self.meetings.load(meeting_id)
        return lifecycle.publish_checks(meeting, **self._publication(meeting, published_on, urgent_reason))

    @_again_if_moved
    def publish(self, meeting_id: str, *, urgent_reason: str | None = None,
                published_on: dt.date | None = None) -> Published:
        """Publish the agenda (or a supplementary agenda): checks, Word files, commit, tag."""
        meeting, head = self.meetings.read(meeting_id)
        new, event = lifecycle.publish_agenda(
            meeting, **self._publication(meeting, published_on, urgent_reason)
        )
        self.checks.require_valid(meeting)
        number = new.agenda.supplements + 1
        return self._commit_step(new, event, {"agenda": f"agenda-{number}"}, based_on=head)

    @_again_if_moved
    def cancel(self, meeting_id: str, *, reason: str = "") -> Published:
        meeting, head = self.meetings.read(meeting_id)
        new, event = lifecycle.cancel(meeting, reason=reason, today=self.workspace.today())
        return self._commit_step(new, event, {}, based_on=head)

    @_again_if_moved
    def postpone(self, meeting_id: str, *, to: dt.date, reason: str = "") -> Published:
        meeting, head = self.meetings.read(meeting_id)
        new, event = lifecycle.postpone(meeting, new_date=to, reason=reason, today=self.workspace.today())
        return self._commit_step(new, event, {}, based_on=head)

    # ------------------------------------------------------------------ the minutes

    @_again_if_moved
    def start_minutes(self, meeting_id: str) -> Published:
        meeting, head = self.meetings.read(meeting_id)
        new, event = lifecycle.start_minutes(meeting, today=self.workspace.today())
        return self._commit_step(new, event, {}, based_on=head)

    def circulate_checks(self, meeting_id: str) -> list[Check]:
        """What circulating would refuse (ok False) or warn about (ok True), before acting."""
        meeting = self.meetings.load(meeting_id)
        checks = []
        try:
            lifecycle.require("circulate", meeting, self.workspace.settings)
            checks.append(Check("state", True, "The draft minutes can be sent to the chair."))
        except MinutebookError as exc:
            checks.append(Check("state", False, exc.message))
        people = self.register.people()
        missing = [attendee_name(a, people)
                   for a in meeting.attendance if a.state is AttendanceState.NOT_RECORDED]
        if missing:
            checks.append(Check("attendance", False, "Attendance not recorded for " + ", ".join(missing) + "."))
        else:
            checks.append(Check("attendance", True, "Everyone's attendance is recorded."))
        errors = self.checks.errors(meeting)
        checks.append(Check("valid", not errors, f"{errors[0]}" if errors else "The record is valid."))
        wording = standing.standing_problems(meeting)
        checks += [Check("standing wording", False, p.message) for p in wording]
        if not wording:
            checks.append(Check("standing wording", True,
                                "The standing items have their minutes and agree with the record."))
        checks += [Check("incomplete", False, f"Warning: {p.message.removesuffix('.')}, or confirm "
                         "when asked that the minutes go out as they are.")
                   for p in incomplete.incomplete_problems(meeting)]
        committee = self.register.committee_or_none(meeting.committee)
        for warning in lifecycle.circulate_warnings(meeting, committee):
            checks.append(Check("warning", True, f"Warning: {warning}"))
        return checks

    @_again_if_moved
    def circulate(self, meeting_id: str, *, confirm_incomplete: bool = False) -> Published:
        """Send the draft minutes to the chair: a tagged, rendered version."""
        meeting, head = self.meetings.read(meeting_id)
        new, event = lifecycle.circulate(
            meeting, people=self.register.people(),
            committee=self.register.committee_or_none(meeting.committee), today=self.workspace.today(),
            confirm_incomplete=confirm_incomplete,
        )
        self.checks.require_valid(meeting)
        return self._commit_step(new, event, {"minutes": "minutes-draft"}, based_on=head)

    @_again_if_moved
    def publish_draft_minutes(self, meeting_id: str, *, confirm_incomplete: bool = False) -> Published:
        meeting, head = self.meetings.read(meeting_id)
        new, event = lifecycle.publish_draft_minutes(
            meeting, settings=self.workspace.settings, today=self.workspace.today(),
            confirm_incomplete=confirm_incomplete,
        )
        return self._commit_step(new, event, {"minutes": "minutes-draft-published"}, based_on=head)

    @_again_if_moved
    def approve(self, meeting_id: str, *, at: str, other_body: bool = False,
                subject_to: Meeting | None = None, confirm_incomplete: bool = False) -> Published:
        """Record approval at a later meeting; both records change in one version."""
        meeting, head = self.meetings.read(meeting_id)
        result = approval.approve(
            meeting, at=self.meetings.load(at, rev=head or "HEAD"), other_body=other_body,
            subject_to=subject_to, today=self.workspace.today(), settings=self.workspace.settings,
            confirm_incomplete=confirm_incomplete,
        )
        self.checks.require_valid(result.meeting)
        extra = self.meetings.files_of(result.at)
        return self._commit_step(result.meeting, result.event, {"minutes": "minutes-approved"}, extra,
                                 based_on=head)

    def amend(self, meeting_id: str, corrected: Meeting, *, reason: str, authority: str = "",
              based_on: str | None = None) -> Published:
        """Change approved minutes as a recorded amendment (who, when, why, authority).

        ``based_on``: the version the correction was made from (None: the newest); when
        the minutes were saved since, the amendment is refused rather than taken over
        a version the clerk has not seen."""
        meeting, head = self.meetings.read(meeting_id)
        new, event = approval.amend(
            meeting, new=corrected, reason=reason,
            by=self.workspace.identity.name, authority=authority, today=self.workspace.today(),
        )
        number = len(new.amendments)
        return self._commit_step(new, event, {"minutes": f"minutes-amended-{number}"},
                                 based_on=based_on or head)

    # ------------------------------------------------------------------ committing

    def _commit_step(self, meeting: Meeting, event: Event, documents: Mapping[str, str],
                     extra: Mapping[str, bytes | None] | None = None, *, based_on: str) -> Published:
        changed = dict(self.meetings.files_of(meeting))
        changed.update(extra or {})
        folder = files.meeting_folder(meeting.id) + "/issued"
        written: list[str] = []
        for which, stem in documents.items():
            for confidential in (False, True):
                path = f"{folder}/{stem}{'.confidential' if confidential else ''}.docx"
                changed[path] = self.documents.document_bytes(
                    meeting, which, confidential=confidential, created=self.workspace.clock()  # type: ignore[arg-type]
                )
                written.append(path)
        trailers = {"Meeting": meeting.id, "Status": meeting.status.value, "Step": event.action}
        version = self.workspace.save_files(changed, event.summary, trailers, based_on=based_on)
        tag = self.workspace.tag(event.tag, version.commit, event.summary) if event.tag else ""
        return Published(
            meeting=meeting, version=version, tag=tag,
            files=tuple(self.workspace.root / p for p in written),
            warnings=event.warnings, summary=event.summary,
            version_name=History(self.workspace).name_of(meeting.id, version.commit),
        )
