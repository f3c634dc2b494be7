"""Executive decisions: records of decision, their publication, call-in and the forward plan.

Lives here: :class:`Decisions` and the rows it lists. Each step loads the meeting, applies
the pure rule from :mod:`workflow.rules.decisions` (which refuses with one sentence and
changes nothing), and saves the result as a version. A published record of decision is
rendered to Word and committed beside the record under ``issued/``, and the version is
tagged ``<meeting-id>/decision-<uid>-published``.

The call-in progress of a decision is not part of the minutes' text, so approved minutes
do not lock it (see :func:`workflow.rules.approval.check_edit`); the decision itself is
locked. Must not live here: the rules, or how the records are laid out
(:mod:`workflow.render.decision`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

import archive as store
from workflow.errors import MinutebookError, OutputError, Refused
from workflow.record import files
from workflow.record.model import CallInState, DecisionRecord, Item, Meeting, Status
from workflow.record.redaction import public_view
from workflow.render.documents import write_output
from workflow.rules import decisions
from workflow.rules.decisions import (
    ForwardPlanEntry,
    find_item,
    item_number,
    resolved_text,
    with_record,
)
from workflow.services.documents import Documents
from workflow.services.workspace import Workspace, archive_errors
from workflow.text.dates import format_date

__all__ = ["DecisionCandidate", "DecisionRow", "DecisionStep", "Decisions", "Listing"]

_HELD = {Status.MINUTES_DRAFT, Status.MINUTES_CIRCULATED, Status.MINUTES_PUBLISHED,
         Status.MINUTES_APPROVED}


@dataclass(frozen=True, slots=True)
class DecisionRow:
    """One decision for ``minutebook decisions``."""

    meeting: str
    item: str
    number: str
    title: str
    decision_maker: str
    state: CallInState
    published_on: dt.date | None
    deadline: dt.date | None
    implementable_on: dt.date | None
    can_implement: bool
    called_in_by: str = ""
    implemented_on: dt.date | None = None
    urgent: bool = False


@dataclass(frozen=True, slots=True)
class DecisionCandidate:
    """A resolved item of a held executive meeting that has no record of decision yet."""

    meeting: str
    item: str
    number: str
    title: str
    held_on: dt.date


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Listing(Generic[T]):
    """Rows of a listing, and the meetings that could not be read for it (one sentence each)."""

    rows: tuple[T, ...]
    skipped: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DecisionStep:
    """A step on one decision: the saved meeting and item, the version, tag and files."""

    meeting: Meeting
    item: Item
    version: store.Version
    summary: str
    tag: str = ""
    files: tuple[Path, ...] = ()


class Decisions:
    """Records of decision, call-in and the forward plan on one :class:`Workspace`."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.documents = Documents(workspace)
        self.meetings = self.documents.meetings
        self.register = self.meetings.register

    # ------------------------------------------------------------------ finding

    def decision_item(self, meeting: Meeting, ref: str, *, recorded: bool = True) -> Item:
        """The item ``ref`` names (uid, agenda or minute number); with a record unless not ``recorded``."""
        item = find_item(meeting, ref, recorded=recorded)
        if recorded and item.decision_record is None:
            raise Refused(
                f"Item {item_number(item)} '{item.printed_title}' of {meeting.id} has no record of "
                f"decision; write one first (minutebook decision record {meeting.id} {item.uid} "
                "--reasons TEXT)."
            )
        return item

    def _mentioning(self, key: str) -> Callable[[str], bool]:
        """Whether a meeting's files have a ``key`` line (``decision_record:``): one search of
        the newest version's files (as for ``search``) instead of reading every meeting."""
        try:
            lines = self.workspace.archive.grep(key, paths=["meetings/"], ignore_case=False)
        except store.ArchiveError as exc:
            raise MinutebookError(exc.message) from None
        holding = {path[len("meetings/") :].rsplit("/", 1)[0] for path, _, _ in lines}
        return holding.__contains__

    def _readable_meetings(
        self, wanted: Callable[[str], bool] | None = None, *, public: bool = False
    ) -> tuple[list[Meeting], list[str]]:
        """The meetings (those whose id ``wanted`` accepts) that can be read, and a sentence
        for each that cannot; ``public`` reads each without its exempt file."""
        found, skipped = [], []
        for meeting_id in self.meetings.meeting_ids():
            if wanted is not None and not wanted(meeting_id):
                continue
            try:
                found.append(self.meetings.load(meeting_id, public=public))
            except MinutebookError as exc:
                skipped.append(f"{meeting_id} was left out: {exc.message}")
        return found, skipped

    # ------------------------------------------------------------------ listings

    def decisions(self, *, today: dt.date | None = None) -> Listing[DecisionRow]:
        """Every recorded decision with its state and whether it can be implemented.

        A listing others may see: each decision's state comes from the whole record (a
        private item's record of decision is kept apart), but what it prints of the item
        comes from the public view, so a private item shows only its public title."""
        day = today or self.workspace.today()
        meetings, skipped = self._readable_meetings(self._mentioning("decision_record:"))
        by_id = {m.id: m for m in meetings}
        rows = []
        public = {m.id: public_view(m) for m in meetings}
        for status in decisions.decision_status(meetings, day):
            meeting = by_id[status.meeting]
            item = meeting.item(status.item)
            shown = public[meeting.id].item(status.item)
            call = item.decision_record.call_in if item.decision_record else None
            rows.append(DecisionRow(
                meeting=meeting.id, item=item.uid, number=item_number(shown),
                title=shown.printed_title,
                decision_maker=status.decision_maker or self.documents.decision_maker(meeting),
                state=status.state, published_on=call.published_on if call else None,
                deadline=status.deadline, implementable_on=status.implementable_on,
                can_implement=status.can_implement,
                called_in_by=call.called_in_by if call else "",
                implemented_on=call.implemented_on if call else None,
                urgent=bool(call and call.urgent_reason),
            ))
        return Listing(tuple(rows), tuple(skipped))

    def decision_candidates(self) -> Listing[DecisionCandidate]:
        """Items a record of decision can be written for: items with a resolution and no
        record, at held meetings whose minutes are not yet approved (approval locks them),
        of committees that take executive decisions (their settings name a decision-maker)."""
        executive = {slug for slug in self.register.committee_slugs() if self.register.committee_or_none(slug).decision_maker}
        meetings, skipped = self._readable_meetings(lambda meeting_id: meeting_id.split("/", 1)[0] in executive)
        rows = []
        for meeting in meetings:
            if meeting.status not in _HELD or meeting.status is Status.MINUTES_APPROVED:
                continue
            rows += [
                DecisionCandidate(meeting.id, item.uid, item_number(item), item.printed_title, meeting.date)
                for item in meeting.items
                if item.resolutions and item.decision_record is None
            ]
        return Listing(tuple(rows), tuple(skipped))

    def forward_plan(
        self, *, today: dt.date | None = None
    ) -> Listing[ForwardPlanEntry]:
        """Upcoming key decisions by decision-maker (committees' ``decision_maker``), read
        from the public record only: the forward plan is published."""
        day = today or self.workspace.today()
        meetings, skipped = self._readable_meetings(self._mentioning("key_decision:"), public=True)
        upcoming = [m for m in meetings if m.status is not Status.CANCELLED]
        makers = {}
        for slug in {m.committee for m in upcoming}:
            maker = self.register.committee_or_none(slug).decision_maker
            if maker:
                makers[slug] = maker
        entries = decisions.forward_plan(upcoming, day, makers)
        return Listing(tuple(entries), tuple(skipped))

    # ------------------------------------------------------------------ steps

    def record_decision(
        self,
        meeting_id: str,
        ref: str,
        *,
        decision: str = "",
        reasons: str = "",
        alternatives: Sequence[str] = (),
        conflicts: str = "",
        dispensation: str = "",
        decision_maker: str = "",
        decided_on: dt.date | None = None,
    ) -> DecisionStep:
        """Write or complete the record of decision of an item after the meeting.

        Fields not given keep their recorded value; a new record takes its decision from
        the item's resolutions, its decision-maker from the committee and its date from
        the meeting.
        """
        meeting, head = self.meetings.read(meeting_id)
        item = self.decision_item(meeting, ref, recorded=False)
        _require_held(meeting, "A record of decision is written")
        old = item.decision_record
        if old is not None and old.call_in.state is not CallInState.MADE:
            raise Refused(f"The record of decision for item {item_number(item)} was published on "
                          f"{format_date(old.call_in.published_on or meeting.date)}; a published "
                          "record is not rewritten.")
        text = decision.strip() or (old.decision if old else "") or resolved_text(item)
        if not text:
            raise Refused(f"Item {item_number(item)} '{item.printed_title}' has no resolution to take "
                          "the decision from; give it with --decision TEXT.")
        base = old or DecisionRecord(decision=text)
        record = dataclasses.replace(
            base,
            decision=text,
            reasons=reasons.strip() or base.reasons,
            alternatives=tuple(a.strip() for a in alternatives if a.strip()) or base.alternatives,
            conflicts=conflicts.strip() or base.conflicts,
            dispensation=dispensation.strip() or base.dispensation,
            decision_maker=decision_maker.strip() or base.decision_maker
            or self.documents.decision_maker(meeting),
            decided_on=decided_on or base.decided_on or meeting.date,
        )
        if not record.reasons.strip():
            raise Refused(f"The record of decision for item {item_number(item)} '{item.printed_title}' "
                          "needs the reasons for the decision (--reasons TEXT).")
        if record == old:
            raise Refused(f"The record of decision for item {item_number(item)} already says this; "
                          "nothing to change.")
        new = with_record(meeting, item.uid, record)
        verb = "written" if old is None else "updated"
        summary = f"Item {item_number(item)}: record of decision {verb}"
        version = self.meetings.save(
            new, message=summary, based_on=head, trailers=_trailers(item, "record_decision")
        ).version
        return DecisionStep(new, new.item(item.uid), version, summary)

    def publish_decision(
        self,
        meeting_id: str,
        ref: str,
        *,
        published_on: dt.date | None = None,
        urgent_reason: str = "",
        out: Path | None = None,
    ) -> DecisionStep:
        """Publish a record of decision: call-in deadline, Word record, commit and tag."""
        meeting, head = self.meetings.read(meeting_id)
        item = self.decision_item(meeting, ref)
        _require_held(meeting, "A record of decision is published")
        if out is not None:
            _check_output(out)
        day = published_on or self.workspace.today()
        self._not_future(day, "A record of decision", "published")
        if day < meeting.date:
            raise Refused(f"The record cannot be published on {format_date(day)}, before the "
                          f"meeting on {format_date(meeting.date)}.")
        record = decisions.publish_decision(
            item.decision_record,  # type: ignore[arg-type]
            published_on=day,
            call_in_days=self.workspace.settings.call_in_days,
            calendar=self.workspace.calendar(),
            urgent_reason=urgent_reason,
        )
        new = with_record(meeting, item.uid, record)
        self.meetings.check_locked(new)
        written_files = self.meetings.files_of(new)
        folder = f"{files.meeting_folder(meeting.id)}/issued"
        written = []
        for confidential in (False, True) if item.exemption is not None else (False,):
            path = f"{folder}/decision-{item.uid}{'.confidential' if confidential else ''}.docx"
            written_files[path] = self.documents.decision_bytes(new, item.uid, confidential=confidential)
            written.append(path)
        summary = f"Item {item_number(item)}: record of decision published"
        trailers = {"Meeting": new.id, "Status": new.status.value, **_trailers(item, "publish_decision")}
        version = self.workspace.save_files(written_files, summary, trailers, based_on=head)
        tag = self.workspace.tag(f"{new.id}/decision-{item.uid}-published", version.commit, summary)
        if out is not None:
            write_output(written_files[written[0]], out)  # type: ignore[arg-type]
        return DecisionStep(new, new.item(item.uid), version, summary, tag,
                            tuple(self.workspace.root / p for p in written))

    def call_in_decision(
        self, meeting_id: str, ref: str, *, by: str, on: dt.date | None = None
    ) -> DecisionStep:
        """Record that scrutiny members called the decision in, within the call-in period."""
        meeting, head = self.meetings.read(meeting_id)
        item = self.decision_item(meeting, ref)
        day = on or self.workspace.today()
        self._not_future(day, "A call-in", "recorded")
        record = decisions.call_in(item.decision_record, by=by, on=day)  # type: ignore[arg-type]
        summary = f"Item {item_number(item)}: decision called in by {by.strip()}"
        return self._save_decision(meeting, head, item, record, summary, "call_in")

    def implement_decision(
        self,
        meeting_id: str,
        ref: str,
        *,
        on: dt.date | None = None,
        call_in_concluded: bool = False,
    ) -> DecisionStep:
        """Record the decision as implemented, once the call-in period allows it."""
        meeting, head = self.meetings.read(meeting_id)
        item = self.decision_item(meeting, ref)
        day = on or self.workspace.today()
        self._not_future(day, "Implementation", "recorded")
        record = decisions.implement(
            item.decision_record, on=day, call_in_concluded=call_in_concluded  # type: ignore[arg-type]
        )
        summary = f"Item {item_number(item)}: decision implemented"
        return self._save_decision(meeting, head, item, record, summary, "implement")

    def _save_decision(self, meeting: Meeting, head: str, item: Item, record: DecisionRecord,
                       summary: str, step: str) -> DecisionStep:
        new = with_record(meeting, item.uid, record)
        version = self.meetings.save(new, message=summary, based_on=head, trailers=_trailers(item, step)).version
        return DecisionStep(new, new.item(item.uid), version, summary)

    def _not_future(self, day: dt.date, what: str, verb: str) -> None:
        if day > self.workspace.today():
            raise Refused(f"{what} cannot be {verb} for {format_date(day)}, which is after today "
                          f"({format_date(self.workspace.today())}).")

    def render_decision(self, meeting_id: str, ref: str, *, out: Path,
                        confidential: bool = False) -> Path:
        """Write the record of decision of an item as last saved (same version, same bytes)."""
        commit = self.documents.history.resolve_rev(meeting_id, "HEAD")
        meeting = self.meetings.load(meeting_id, rev=commit)
        item = self.decision_item(meeting, ref)
        with archive_errors():
            created = self.workspace.archive.version(commit).when
        write_output(self.documents.decision_bytes(meeting, item.uid, confidential=confidential,
                                                   created=created), out)
        return out

    def forward_plan_bytes(self, entries: Sequence[ForwardPlanEntry], *, today: dt.date) -> bytes:
        """The forward plan as a Word document."""
        return self.documents.forward_plan_bytes(entries, today=today)


# --------------------------------------------------------------------------- helpers


def _trailers(item: Item, step: str) -> dict[str, str]:
    return {"Step": step, "Decision": item.uid}


def _require_held(meeting: Meeting, what: str) -> None:
    if meeting.status is Status.CANCELLED:
        raise Refused(f"{meeting.id} was cancelled, so it took no decisions.")
    if meeting.status not in _HELD:
        raise Refused(f"{what} after the meeting; start the minutes of {meeting.id} first "
                      f"(minutebook minutes {meeting.id}).")


def _check_output(out: Path) -> None:
    """Refuse an output path that cannot be written before anything is published."""
    if out.is_dir():
        raise OutputError(f"{out} is a folder; give a file name for the record of decision.")
    if not out.parent.is_dir():
        raise OutputError(f"The folder {out.parent} does not exist, so {out.name} cannot be "
                          "written there; nothing was published.")
