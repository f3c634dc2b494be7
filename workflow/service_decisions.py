"""Service operations on executive decisions: records, publication, call-in, the forward plan.

Each step loads the meeting, applies the pure rule from :mod:`workflow.decisions` (which
refuses with one sentence and changes nothing), and saves the result as a version. A
published record of decision is rendered to Word and committed beside the record under
``issued/``, and the version is tagged ``<meeting-id>/decision-<uid>-published``.

The call-in progress of a decision is not part of the minutes' text, so approved minutes
do not lock it (see :func:`workflow.approval.check_edit`); the decision itself is locked.
Nothing here renders directly or touches git: :mod:`workflow.render.decision` and the
service's ``save_files`` do.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from workflow import decisions, records
from workflow.deadlines import long_date
from workflow.decisions import ForwardPlanEntry
from workflow.errors import MinutebookError, NotFound, OutputError, Refused
from workflow.model import CallInState, DecisionRecord, Item, Meeting, Resolution, Status

if TYPE_CHECKING:
    import archive as store
    from workflow.service import Service

__all__ = ["DecisionCandidate", "DecisionRow", "DecisionStep", "DecisionsMixin", "Listing"]

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


class DecisionsMixin:
    """Records of decision, call-in and the forward plan; mixed into the Service."""

    # ------------------------------------------------------------------ finding

    def decision_item(self: Service, meeting: Meeting, ref: str, *, recorded: bool = True) -> Item:
        """The item ``ref`` names (uid, agenda or minute number); with a record unless not ``recorded``."""
        item = _find_item(meeting, ref, recorded=recorded)
        if recorded and item.decision_record is None:
            raise Refused(
                f"Item {_number(item)} '{item.printed_title}' of {meeting.id} has no record of "
                f"decision; write one first (minutebook decision record {meeting.id} {item.uid} "
                "--reasons TEXT)."
            )
        return item

    def _decision_maker(self: Service, meeting: Meeting) -> str:
        committee = self._committee_or_none(meeting.committee)
        return committee.decision_maker or meeting.committee_name or committee.name

    def _mentioning(self: Service, key: str) -> Callable[[str], bool]:
        """Whether a meeting's files have a ``key`` line (``decision_record:``): one search of
        the newest version's files (as for ``search``) instead of reading every meeting."""
        import archive as store

        try:
            lines = self.archive.grep(key, paths=["meetings/"], ignore_case=False)
        except store.ArchiveError as exc:
            raise MinutebookError(exc.message) from None
        holding = {path[len("meetings/") :].rsplit("/", 1)[0] for path, _, _ in lines}
        return holding.__contains__

    def _readable_meetings(
        self: Service, wanted: Callable[[str], bool] | None = None
    ) -> tuple[list[Meeting], list[str]]:
        """The meetings (those whose id ``wanted`` accepts) that can be read, and a sentence
        for each that cannot."""
        found, skipped = [], []
        for meeting_id in self.meeting_ids():
            if wanted is not None and not wanted(meeting_id):
                continue
            try:
                found.append(self.load(meeting_id))
            except MinutebookError as exc:
                skipped.append(f"{meeting_id} was left out: {exc.message}")
        return found, skipped

    # ------------------------------------------------------------------ listings

    def decisions(self: Service, *, today: dt.date | None = None) -> Listing[DecisionRow]:
        """Every recorded decision with its state and whether it can be implemented."""
        day = today or self.today()
        meetings, skipped = self._readable_meetings(self._mentioning("decision_record:"))
        by_id = {m.id: m for m in meetings}
        rows = []
        for status in decisions.decision_status(meetings, day):
            meeting = by_id[status.meeting]
            item = meeting.item(status.item)
            call = item.decision_record.call_in if item.decision_record else None
            rows.append(DecisionRow(
                meeting=meeting.id, item=item.uid, number=_number(item),
                title=item.printed_title,
                decision_maker=status.decision_maker or self._decision_maker(meeting),
                state=status.state, published_on=call.published_on if call else None,
                deadline=status.deadline, implementable_on=status.implementable_on,
                can_implement=status.can_implement,
                called_in_by=call.called_in_by if call else "",
                implemented_on=call.implemented_on if call else None,
                urgent=bool(call and call.urgent_reason),
            ))
        return Listing(tuple(rows), tuple(skipped))

    def decision_candidates(self: Service) -> Listing[DecisionCandidate]:
        """Items a record of decision can be written for: items with a resolution and no
        record, at held meetings whose minutes are not yet approved (approval locks them),
        of committees that take executive decisions (their settings name a decision-maker)."""
        executive = {slug for slug in self.committee_slugs() if self._committee_or_none(slug).decision_maker}
        meetings, skipped = self._readable_meetings(lambda meeting_id: meeting_id.split("/", 1)[0] in executive)
        rows = []
        for meeting in meetings:
            if meeting.status not in _HELD or meeting.status is Status.MINUTES_APPROVED:
                continue
            rows += [
                DecisionCandidate(meeting.id, item.uid, _number(item), item.printed_title, meeting.date)
                for item in meeting.items
                if item.resolutions and item.decision_record is None
            ]
        return Listing(tuple(rows), tuple(skipped))

    def forward_plan(
        self: Service, *, today: dt.date | None = None
    ) -> Listing[ForwardPlanEntry]:
        """Upcoming key decisions by decision-maker (committees' ``decision_maker``)."""
        day = today or self.today()
        meetings, skipped = self._readable_meetings(self._mentioning("key_decision:"))
        upcoming = [m for m in meetings if m.status is not Status.CANCELLED]
        makers = {}
        for slug in {m.committee for m in upcoming}:
            maker = self._committee_or_none(slug).decision_maker
            if maker:
                makers[slug] = maker
        entries = decisions.forward_plan(upcoming, day, makers)
        return Listing(tuple(entries), tuple(skipped))

    # ------------------------------------------------------------------ steps

    def record_decision(
        self: Service,
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
        meeting = self.load(meeting_id)
        item = self.decision_item(meeting, ref, recorded=False)
        _require_held(meeting, "A record of decision is written")
        old = item.decision_record
        if old is not None and old.call_in.state is not CallInState.MADE:
            raise Refused(f"The record of decision for item {_number(item)} was published on "
                          f"{long_date(old.call_in.published_on or meeting.date)}; a published "
                          "record is not rewritten.")
        text = decision.strip() or (old.decision if old else "") or _resolved_text(item)
        if not text:
            raise Refused(f"Item {_number(item)} '{item.printed_title}' has no resolution to take "
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
            or self._decision_maker(meeting),
            decided_on=decided_on or base.decided_on or meeting.date,
        )
        if not record.reasons.strip():
            raise Refused(f"The record of decision for item {_number(item)} '{item.printed_title}' "
                          "needs the reasons for the decision (--reasons TEXT).")
        if record == old:
            raise Refused(f"The record of decision for item {_number(item)} already says this; "
                          "nothing to change.")
        new = _with_record(meeting, item.uid, record)
        verb = "written" if old is None else "updated"
        summary = f"Item {_number(item)}: record of decision {verb}"
        version = self.save(new, message=summary, trailers=_trailers(item, "record_decision"))
        return DecisionStep(new, new.item(item.uid), version, summary)

    def publish_decision(
        self: Service,
        meeting_id: str,
        ref: str,
        *,
        published_on: dt.date | None = None,
        urgent_reason: str = "",
        out: Path | None = None,
    ) -> DecisionStep:
        """Publish a record of decision: call-in deadline, Word record, commit and tag."""
        meeting = self.load(meeting_id)
        item = self.decision_item(meeting, ref)
        _require_held(meeting, "A record of decision is published")
        if out is not None:
            _check_output(out)
        day = published_on or self.today()
        self._not_future(day, "A record of decision", "published")
        if day < meeting.date:
            raise Refused(f"The record cannot be published on {long_date(day)}, before the "
                          f"meeting on {long_date(meeting.date)}.")
        record = decisions.publish_decision(
            item.decision_record,  # type: ignore[arg-type]
            published_on=day,
            call_in_days=self.settings.call_in_days,
            calendar=self.calendar(day),  # type: ignore[arg-type]
            urgent_reason=urgent_reason,
        )
        new = _with_record(meeting, item.uid, record)
        self._check_locked(new)
        files = dict(records.meeting_files(new, self.context()))
        folder = f"{records.meeting_folder(meeting.id)}/issued"
        written = []
        for confidential in (False, True) if item.exemption is not None else (False,):
            path = f"{folder}/decision-{item.uid}{'.confidential' if confidential else ''}.docx"
            files[path] = self.decision_bytes(new, item.uid, confidential=confidential)
            written.append(path)
        summary = f"Item {_number(item)}: record of decision published"
        trailers = {"Meeting": new.id, "Status": new.status.value, **_trailers(item, "publish_decision")}
        version = self.save_files(files, summary, trailers)
        tag = self._tag_unique(f"{new.id}/decision-{item.uid}-published", version.commit, summary)
        if out is not None:
            from workflow.render import write_output

            write_output(files[written[0]], out)  # type: ignore[arg-type]
        return DecisionStep(new, new.item(item.uid), version, summary, tag,
                            tuple(self.root / p for p in written))

    def call_in_decision(
        self: Service, meeting_id: str, ref: str, *, by: str, on: dt.date | None = None
    ) -> DecisionStep:
        """Record that scrutiny members called the decision in, within the call-in period."""
        meeting = self.load(meeting_id)
        item = self.decision_item(meeting, ref)
        day = on or self.today()
        self._not_future(day, "A call-in", "recorded")
        record = decisions.call_in(item.decision_record, by=by, on=day)  # type: ignore[arg-type]
        summary = f"Item {_number(item)}: decision called in by {by.strip()}"
        return self._save_decision(meeting, item, record, summary, "call_in")

    def implement_decision(
        self: Service,
        meeting_id: str,
        ref: str,
        *,
        on: dt.date | None = None,
        call_in_concluded: bool = False,
    ) -> DecisionStep:
        """Record the decision as implemented, once the call-in period allows it."""
        meeting = self.load(meeting_id)
        item = self.decision_item(meeting, ref)
        day = on or self.today()
        self._not_future(day, "Implementation", "recorded")
        record = decisions.implement(
            item.decision_record, on=day, call_in_concluded=call_in_concluded  # type: ignore[arg-type]
        )
        summary = f"Item {_number(item)}: decision implemented"
        return self._save_decision(meeting, item, record, summary, "implement")

    def _save_decision(self: Service, meeting: Meeting, item: Item, record: DecisionRecord,
                       summary: str, step: str) -> DecisionStep:
        new = _with_record(meeting, item.uid, record)
        version = self.save(new, message=summary, trailers=_trailers(item, step))
        return DecisionStep(new, new.item(item.uid), version, summary)

    def _not_future(self: Service, day: dt.date, what: str, verb: str) -> None:
        if day > self.today():
            raise Refused(f"{what} cannot be {verb} for {long_date(day)}, which is after today "
                          f"({long_date(self.today())}).")

    # ------------------------------------------------------------------ documents

    def decision_bytes(self: Service, meeting: Meeting, uid: str, *, confidential: bool = False,
                       created: dt.datetime | None = None) -> bytes:
        """The Word record of decision of item ``uid`` (public unless ``confidential``)."""
        from workflow.render.decision import render_decision

        return render_decision(
            meeting, uid, people=self.people(), author=self.identity.name,
            created=created or self.clock(), decision_maker=self._decision_maker(meeting),
            confidential=confidential, language=self.settings.language,
            style_path=self._style_path(),
        )

    def render_decision(self: Service, meeting_id: str, ref: str, *, out: Path,
                        confidential: bool = False) -> Path:
        """Write the record of decision of an item as last saved (same version, same bytes)."""
        from workflow.render import write_output

        commit = self.resolve_rev(meeting_id, "HEAD")
        meeting = self.load(meeting_id, rev=commit)
        item = self.decision_item(meeting, ref)
        created = self.archive.version(commit).when
        write_output(self.decision_bytes(meeting, item.uid, confidential=confidential,
                                         created=created), out)
        return out

    def forward_plan_bytes(self: Service, entries: Sequence[ForwardPlanEntry], *,
                           today: dt.date) -> bytes:
        """The forward plan as a Word document."""
        from workflow.render.decision import render_forward_plan

        return render_forward_plan(
            entries, council=self._council(), today=today, author=self.identity.name,
            created=self.clock(), language=self.settings.language,
            style_path=self._style_path(),
        )

    def _council(self: Service) -> str:
        """The council in settings; while that is the default, the one the committees share."""
        from workflow.settings import Settings

        if self.settings.council != Settings().council:
            return self.settings.council
        named = {self._committee_or_none(slug).council for slug in self.committee_slugs()}
        named.discard("")
        return named.pop() if len(named) == 1 else self.settings.council


# --------------------------------------------------------------------------- helpers


def _number(item: Item) -> str:
    return item.minute_number or item.agenda_number or item.uid


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


def _with_record(meeting: Meeting, uid: str, record: DecisionRecord) -> Meeting:
    items = tuple(dataclasses.replace(it, decision_record=record) if it.uid == uid else it
                  for it in meeting.items)
    return dataclasses.replace(meeting, items=items)


def _resolved_text(item: Item) -> str:
    parts = [item.resolved_intro.strip()] if item.resolved_intro.strip() else []
    parts += [_resolution_text(r) for r in item.resolutions]
    return " ".join(p for p in parts if p)


def _resolution_text(resolution: Resolution) -> str:
    head = " ".join(p for p in (resolution.label, resolution.text.strip()) if p)
    return " ".join([head, *(_resolution_text(c) for c in resolution.children)]).strip()


def _find_item(meeting: Meeting, ref: str, *, recorded: bool) -> Item:
    for item in meeting.items:
        if item.uid == ref:
            return item
    wanted = ref.strip().rstrip(".")
    matches = [it for it in meeting.items
               if wanted and wanted in (it.minute_number.rstrip("."), it.agenda_number.rstrip("."))]
    if recorded and len(matches) > 1:
        matches = [it for it in matches if it.decision_record is not None] or matches
    if len(matches) == 1:
        return matches[0]
    known = ", ".join(f"{it.uid} ({_number(it)})" for it in meeting.items)
    if not matches:
        raise NotFound(f"{meeting.id} has no item '{ref}'; give an item's uid or its agenda or "
                       f"minute number: {known}.")
    which = " and ".join(f"{it.uid} (agenda {it.agenda_number}, minute {it.minute_number})"
                         for it in matches)
    raise Refused(f"'{ref}' could mean {which} in {meeting.id}; give the item's uid instead.")
