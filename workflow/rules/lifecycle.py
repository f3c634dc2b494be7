"""The meeting lifecycle: which step is allowed when, and each step as a pure function.

What lives here: the one :data:`TRANSITIONS` table, :func:`allowed` (the question the CLI,
the TUI's key bindings and the command palette all ask), the transitions themselves
(:func:`publish_agenda`, :func:`start_minutes`, :func:`circulate`,
:func:`publish_draft_minutes`, :func:`cancel`, :func:`postpone`) and the quorum check.
Circulating and publishing minutes refuse standing wording that contradicts the record
(:mod:`workflow.rules.standing`) and, unless the clerk confirms, items marked incomplete
(:mod:`workflow.rules.incomplete`).
Approval, the lock on approved minutes and amendments are in :mod:`workflow.rules.approval`,
built on :func:`apply_step` and :class:`Event` from here.
Each transition returns the new record and an :class:`Event` (summary sentence for the
commit message, tag name suggestion) or raises :class:`~workflow.errors.Refused` with one
sentence saying what to do instead; a refused step changes nothing.

What must not: I/O of any kind (archive, rendering, validation files). The service in
:mod:`workflow.services.lifecycle` validates, renders, commits and tags around these
functions; dates and deadlines come from :mod:`workflow.rules.deadlines`, and what one
meeting does with another's minutes and actions from :mod:`workflow.rules.followup`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from workflow.errors import MinutebookError, Refused
from workflow.record.model import (
    Agenda,
    AttendanceState,
    Committee,
    Meeting,
    Person,
    Postponement,
    Status,
    Urgency,
)
from workflow.record.names import attendee_name
from workflow.rules.deadlines import WorkingCalendar, is_on_time
from workflow.rules.followup import (
    describe_changes,
)
from workflow.rules.incomplete import require_confirmed
from workflow.rules.publication import (
    Check,
    RuleSettings,
    agenda_checks,
    exclusion_item,
    quorum_problems,
    with_exclusion,
)
from workflow.rules.standing import require_standing
from workflow.text.dates import format_date

__all__ = [
    "Check",
    "EDIT",
    "Event",
    "TRANSITIONS",
    "Transition",
    "allowed",
    "apply_step",
    "cancel",
    "circulate",
    "circulate_warnings",
    "describe_changes",
    "exclusion_item",
    "make_event",
    "postpone",
    "publish_agenda",
    "publish_checks",
    "publish_draft_minutes",
    "quorum_problems",
    "require",
    "start_minutes",
]

S = Status
EDIT = "edit"
"""The plain save of a changed record: allowed in draft-ish states, refused once approved."""


@dataclass(frozen=True, slots=True)
class Transition:
    """One lifecycle step: the states it may start from and the state it leads to."""

    label: str
    sources: frozenset[Status]
    target: Status | None
    """``None``: the status does not change (a supplementary agenda, an amendment, an edit)."""
    instead: str
    """What to do instead when the step is not allowed, completing "…; <instead>"."""


def _t(label: str, sources: set[Status], target: Status | None, instead: str) -> Transition:
    return Transition(label, frozenset(sources), target, instead)


_AGENDA = {S.AGENDA_DRAFT, S.AGENDA_PUBLISHED}

TRANSITIONS: Mapping[str, Transition] = {
    "publish_agenda": _t(
        "Publishing the agenda", _AGENDA, S.AGENDA_PUBLISHED,
        "the agenda can only be published before the minutes are started",
    ),
    "start_minutes": _t(
        "Starting the minutes", {S.AGENDA_PUBLISHED}, S.MINUTES_DRAFT,
        "publish the agenda first",
    ),
    "circulate": _t(
        "Sending the draft minutes to the chair", {S.MINUTES_DRAFT}, S.MINUTES_CIRCULATED,
        "start the minutes from the published agenda first",
    ),
    "publish_draft_minutes": _t(
        "Publishing the draft minutes", {S.MINUTES_CIRCULATED}, S.MINUTES_PUBLISHED,
        "send the draft minutes to the chair first",
    ),
    "approve": _t(
        "Approving the minutes", {S.MINUTES_CIRCULATED, S.MINUTES_PUBLISHED},
        S.MINUTES_APPROVED, "circulate them first",
    ),
    "amend": _t(
        "Amending the minutes", {S.MINUTES_APPROVED}, None,
        "only approved minutes need a recorded amendment; edit and save them instead",
    ),
    "cancel": _t(
        "Cancelling the meeting", _AGENDA, S.CANCELLED,
        "a meeting whose minutes are started cannot be cancelled",
    ),
    "postpone": _t(
        "Postponing the meeting", _AGENDA, S.AGENDA_DRAFT,
        "a meeting whose minutes are started cannot be postponed",
    ),
    EDIT: _t(
        "Editing the record",
        {S.AGENDA_DRAFT, S.AGENDA_PUBLISHED, S.MINUTES_DRAFT, S.MINUTES_CIRCULATED,
         S.MINUTES_PUBLISHED},
        None,
        "approved minutes change only by a recorded amendment (minutebook amend), and a "
        "cancelled meeting not at all",
    ),
}


def allowed(status: Status | str, settings: RuleSettings | None = None) -> frozenset[str]:
    """The actions (keys of :data:`TRANSITIONS`, including ``edit``) allowed in ``status``."""
    try:
        state = Status(status)
    except ValueError:
        known = ", ".join(s.value for s in Status)
        raise MinutebookError(
            f"status: '{status}' is not a lifecycle state; use one of {known}."
        ) from None
    drafts_public = bool(settings is not None and settings.publish_draft_minutes)
    return frozenset(
        name
        for name, step in TRANSITIONS.items()
        if state in step.sources and (name != "publish_draft_minutes" or drafts_public)
    )


def require(action: str, meeting: Meeting, settings: RuleSettings | None = None) -> Transition:
    """The transition ``action``, or :class:`Refused` saying why not and what to do."""
    step = TRANSITIONS[action]
    if action in allowed(meeting.status, settings):
        return step
    if action == "publish_draft_minutes" and meeting.status in step.sources:
        raise Refused(
            "This council does not publish draft minutes (publish_draft_minutes is off in "
            "the settings); have the minutes approved at the next meeting instead."
        )
    raise Refused(
        f"{step.label} is not possible while {meeting.id} is at "
        f"'{meeting.status.value}'; {step.instead}."
    )


@dataclass(frozen=True, slots=True)
class Event:
    """What a transition did, for the commit message, the tag and the clerk's log."""

    action: str
    meeting: str
    from_status: Status
    to_status: Status
    when: dt.date | None
    summary: str
    """One sentence for the commit subject: "Agenda published"."""
    tag: str = ""
    """Suggested tag name scoped to the meeting, or ``""`` when the step is not tagged."""
    warnings: tuple[str, ...] = ()


def make_event(
    action: str, old: Meeting, new: Meeting, when: dt.date | None, summary: str, tag: str = "",
    warnings: tuple[str, ...] = (),
) -> Event:
    return Event(
        action, old.id, old.status, new.status, when, summary,
        f"{old.id}/{tag}" if tag else "", warnings,
    )


def apply_step(
    meeting: Meeting, action: str, settings: RuleSettings | None = None, **changes: object
) -> Meeting:
    """The record after ``action``: its new status and ``changes``; refused if not allowed now."""
    step = require(action, meeting, settings)
    target = step.target or meeting.status
    return dataclasses.replace(meeting, status=target, **changes)  # type: ignore[arg-type]



# --------------------------------------------------------------------------- the agenda


def publish_checks(
    meeting: Meeting,
    *,
    settings: RuleSettings,
    calendar: WorkingCalendar,
    published_on: dt.date,
    urgent_reason: str | None = None,
    today: dt.date | None = None,
    executive: bool = False,
) -> list[Check]:
    """Every check :func:`publish_agenda` makes, passed or not, in the order it makes them."""
    try:
        require("publish_agenda", meeting, settings)
        supplement = meeting.status is S.AGENDA_PUBLISHED
        state = Check("state", True, f"This will be supplementary agenda "
                      f"{meeting.agenda.supplements + 1}." if supplement
                      else "The agenda is a draft and can be published.")
    except Refused as refused:
        state = Check("state", False, refused.message)
    return [state, *agenda_checks(meeting, settings=settings, calendar=calendar,
                                  published_on=published_on, urgent_reason=urgent_reason,
                                  today=today, executive=executive)]


def publish_agenda(
    meeting: Meeting,
    *,
    settings: RuleSettings,
    calendar: WorkingCalendar,
    published_on: dt.date,
    urgent_reason: str | None = None,
    today: dt.date | None = None,
    executive: bool = False,
) -> tuple[Meeting, Event]:
    """Publish the agenda (or a supplementary agenda) after every :func:`publish_checks`."""
    checks = publish_checks(meeting, settings=settings, calendar=calendar,
                            published_on=published_on, urgent_reason=urgent_reason, today=today,
                            executive=executive)
    failed = [c for c in checks if not c.ok]
    if failed:
        more = f" ({len(failed) - 1} more checks failed)" if len(failed) > 1 else ""
        raise Refused(failed[0].message.rstrip(".") + more + ".")
    late = not is_on_time(published_on, meeting.date, settings.clear_days, calendar)
    reason = (urgent_reason or "").strip()
    supplement = meeting.status is S.AGENDA_PUBLISHED
    warnings: tuple[str, ...] = ()
    if reason and not late:
        warnings = ("The agenda is on time, so the reason of urgency was not recorded.",)
    agenda = _published(meeting.agenda, supplement, published_on, reason if late else "")
    new = apply_step(with_exclusion(meeting), "publish_agenda", settings, agenda=agenda)
    summary = (f"Supplementary agenda {agenda.supplements} published" if supplement
               else "Agenda published")
    if late:
        summary += " late, as a matter of urgency"
    if len(new.items) > len(meeting.items):
        summary += "; exclusion of press and public added"
    tag = f"agenda-published-{agenda.supplements + 1}"
    if meeting.postponements:
        tag += f"-after-postponement-{len(meeting.postponements)}"
    return new, make_event("publish_agenda", meeting, new, today, summary, tag, warnings)


def _published(agenda: Agenda, supplement: bool, published_on: dt.date, late_reason: str
               ) -> Agenda:
    """The publication facts after this publication; a late one keeps the chair's reason."""
    if not supplement:
        urgency = Urgency(reason=late_reason) if late_reason else None
        return dataclasses.replace(agenda, published_on=published_on, urgency=urgency)
    agenda = dataclasses.replace(agenda, supplements=agenda.supplements + 1)
    if not late_reason:
        return agenda
    earlier = agenda.urgency.reason + "; " if agenda.urgency else ""
    label = f"supplementary agenda {agenda.supplements}: {late_reason}"
    return dataclasses.replace(agenda, urgency=Urgency(reason=earlier + label))


# --------------------------------------------------------------------------- minutes


def start_minutes(meeting: Meeting, *, today: dt.date | None = None) -> tuple[Meeting, Event]:
    """Begin the minutes from the published agenda; expected attendance stays unticked."""
    new = apply_step(meeting, "start_minutes")
    return new, make_event("start_minutes", meeting, new, today, "Minutes started")


def circulate(
    meeting: Meeting,
    *,
    people: Mapping[str, Person] | None = None,
    committee: Committee | None = None,
    today: dt.date | None = None,
    confirm_incomplete: bool = False,
) -> tuple[Meeting, Event]:
    """Send the draft minutes to the chair; refused while any attendance is unrecorded, the
    standing wording is wrong, or an item is incomplete and the clerk has not confirmed."""
    require("circulate", meeting)
    for attendee in meeting.attendance:
        if attendee.state is AttendanceState.NOT_RECORDED:
            who = attendee_name(attendee, people or {})
            raise Refused(
                f"Record the attendance of {who} before sending the minutes to the chair."
            )
    require_standing(meeting, "sending the minutes to the chair")
    confirmed = require_confirmed(meeting, confirmed=confirm_incomplete,
                                  step="sending the minutes to the chair")
    new = apply_step(meeting, "circulate")
    warnings = tuple(circulate_warnings(meeting, committee))
    return new, make_event(
        "circulate", meeting, new, today, "Draft minutes circulated" + confirmed,
        "minutes-circulated", warnings,
    )


def circulate_warnings(meeting: Meeting, committee: Committee | None = None) -> list[str]:
    """What a clerk should look at before circulating, without blocking it."""
    found = []
    if meeting.closed is None:
        found.append(f"{meeting.id} has no closing time (\"Meeting closed at …\").")
    if committee is not None:
        found.extend(quorum_problems(meeting, committee))
    return found


def publish_draft_minutes(
    meeting: Meeting, *, settings: RuleSettings, today: dt.date | None = None,
    confirm_incomplete: bool = False,
) -> tuple[Meeting, Event]:
    """Publish the draft minutes, where the council's settings say it does so."""
    require("publish_draft_minutes", meeting, settings)
    require_standing(meeting, "publishing the minutes")
    confirmed = require_confirmed(meeting, confirmed=confirm_incomplete, step="publishing the minutes")
    new = apply_step(meeting, "publish_draft_minutes", settings)
    return new, make_event(
        "publish_draft_minutes", meeting, new, today, "Draft minutes published" + confirmed,
        "minutes-published",
    )


# --------------------------------------------------------------------------- before the meeting


def cancel(meeting: Meeting, *, reason: str = "", today: dt.date) -> tuple[Meeting, Event]:
    """Cancel a meeting whose minutes have not been started; the reason goes in the notes."""
    require("cancel", meeting)
    note = f"Cancelled on {format_date(today)}" + (f": {reason.strip()}" if reason.strip() else "")
    new = apply_step(meeting, "cancel", notes=meeting.notes + (note,))
    summary = "Meeting cancelled" + (f": {reason.strip()}" if reason.strip() else "")
    return new, make_event("cancel", meeting, new, today, summary, "cancelled")


def postpone(
    meeting: Meeting, new_date: dt.date, reason: str = "", *, today: dt.date
) -> tuple[Meeting, Event]:
    """Move the meeting to ``new_date``: same id, agenda back to draft for republication."""
    require("postpone", meeting)
    if new_date == meeting.date:
        raise Refused(f"{meeting.id} is already on {format_date(new_date)}; choose another date.")
    if new_date < today:
        raise Refused(
            f"The new date {format_date(new_date)} has already passed; choose a date from "
            f"{format_date(today)} on."
        )
    record = Postponement(from_date=meeting.date, to_date=new_date, reason=reason.strip())
    new = apply_step(
        meeting, "postpone", date=new_date, agenda=dataclasses.replace(meeting.agenda,
        published_on=None, urgency=None, supplements=0),
        postponements=meeting.postponements + (record,),
    )
    summary = f"Meeting postponed from {format_date(meeting.date)} to {format_date(new_date)}"
    if record.reason:
        summary += f": {record.reason}"
    return new, make_event("postpone", meeting, new, today, summary)
