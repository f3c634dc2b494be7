"""Executive decisions: key decisions, notice of private meetings, records and call-in.

What lives here: the rules of the Local Authorities (Executive Arrangements) (Meetings and
Access to Information) (England) Regulations 2012 that a clerk serving a cabinet or a
cabinet member keeps: a key decision on the forward plan 28 clear days ahead, or taken
by the general exception (five clear days' notice to the scrutiny chair) or special
urgency (the scrutiny chair's agreement) route, with reasons; notice of a private
meeting 28 clear days ahead, or the urgency agreed instead; a record of decision that
states its reasons; and the call-in period (clear working days after the record is
published) with the steps made -> published -> called in -> implemented.

What must not: I/O, rendering, the meeting lifecycle states. Each step on a decision is a
pure function returning the new :class:`~workflow.record.model.DecisionRecord` or raising
:class:`~workflow.errors.Refused` with one sentence; the service stores the result.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from workflow.errors import NotFound, Refused
from workflow.record.model import (
    CallIn,
    CallInState,
    DecisionRecord,
    Item,
    KeyDecision,
    KeyDecisionRoute,
    Meeting,
    Resolution,
)
from workflow.rules.deadlines import WorkingCalendar, add_clear_working_days
from workflow.text.dates import format_date

__all__ = [
    "FORWARD_PLAN_CLEAR_DAYS",
    "GENERAL_EXCEPTION_CLEAR_DAYS",
    "DecisionStatus",
    "ForwardPlanEntry",
    "call_in",
    "calendar_clear_days",
    "decision_status",
    "find_item",
    "forward_plan",
    "implement",
    "item_number",
    "key_decision_problem",
    "private_notice_problem",
    "publish_decision",
    "resolved_text",
    "with_record",
]

FORWARD_PLAN_CLEAR_DAYS = 28
"""Clear calendar days a key decision must be on the forward plan (regulation 9)."""
GENERAL_EXCEPTION_CLEAR_DAYS = 5
"""Clear calendar days' public notice under the general exception (regulation 10)."""


def calendar_clear_days(notice: dt.date, meeting: dt.date) -> int:
    """Calendar days strictly between the notice and the meeting (0 when none)."""
    return max((meeting - notice).days - 1, 0)


# --------------------------------------------------------------------------- before the meeting


def key_decision_problem(item: Item, meeting_date: dt.date) -> str:
    """Why a key decision may not be taken at the meeting, or ``""`` when it may."""
    key = item.key_decision
    if key is None:
        return ""
    title = f"The key decision '{item.title}'"
    if key.route is KeyDecisionRoute.FORWARD_PLAN:
        return _forward_plan_problem(title, key, meeting_date)
    if not key.reasons.strip():
        return (f"{title} is taken by the {_route(key)} route but gives no reasons; record "
                "why it cannot wait for the forward plan.")
    if not key.notice_to.strip():
        who = ("the scrutiny chair informed" if key.route is KeyDecisionRoute.GENERAL_EXCEPTION
               else "the scrutiny chair (or the Chair or Mayor) who agreed it is urgent")
        return f"{title} needs {who}; record their name."
    if key.route is KeyDecisionRoute.GENERAL_EXCEPTION:
        if key.notice_on is None:
            return f"{title} needs the date notice was given; record when it was published."
        days = calendar_clear_days(key.notice_on, meeting_date)
        if days < GENERAL_EXCEPTION_CLEAR_DAYS:
            return (f"{title} had {days} clear days' notice under the general exception "
                    f"where {GENERAL_EXCEPTION_CLEAR_DAYS} are needed; use the special "
                    "urgency route with the scrutiny chair's agreement.")
    return ""


def _forward_plan_problem(title: str, key: KeyDecision, meeting_date: dt.date) -> str:
    if not key.forward_plan_ref.strip() or key.forward_plan_date is None:
        return (f"{title} has no forward plan entry; give its reference and date, or record "
                "the general exception or special urgency route with reasons.")
    days = calendar_clear_days(key.forward_plan_date, meeting_date)
    if days < FORWARD_PLAN_CLEAR_DAYS:
        return (f"{title} was on the forward plan for {days} clear days where "
                f"{FORWARD_PLAN_CLEAR_DAYS} are needed; record the general exception or "
                "special urgency route with reasons.")
    return ""


def _route(key: KeyDecision) -> str:
    return key.route.value.replace("-", " ")


def private_notice_problem(meeting: Meeting) -> str:
    """Why an executive meeting may not meet in private for its exempt items, or ``""``."""
    if not any(item.exemption is not None for item in meeting.items):
        return ""
    notice = meeting.private_notice
    if notice is None or (notice.given_on is None and not notice.urgent_reason.strip()):
        return (f"{meeting.id} takes private business but records no notice of intention "
                "to meet in private; record the date it was given (28 clear days ahead) or "
                "the urgency agreed instead.")
    if notice.urgent_reason.strip() or notice.given_on is None:
        return ""
    if not notice.reasons.strip():
        return (f"The notice of a private meeting for {meeting.id} gives no reasons; record "
                "why the meeting will be held in private.")
    days = calendar_clear_days(notice.given_on, meeting.date)
    if days < FORWARD_PLAN_CLEAR_DAYS:
        return (f"The notice of a private meeting for {meeting.id} was given {days} clear "
                f"days ahead where {FORWARD_PLAN_CLEAR_DAYS} are needed; record the urgency "
                "agreed by the scrutiny chair.")
    return ""


# --------------------------------------------------------------------------- call-in


def publish_decision(
    record: DecisionRecord,
    *,
    published_on: dt.date,
    call_in_days: int,
    calendar: WorkingCalendar,
    urgent_reason: str = "",
) -> DecisionRecord:
    """The record published: its call-in deadline set, or exempt from call-in as urgent."""
    if record.call_in.state is not CallInState.MADE:
        raise Refused(f"The decision '{_short(record)}' was already published on "
                      f"{_on(record.call_in.published_on)}; it is not published twice.")
    if not record.reasons.strip():
        raise Refused(f"The record of the decision '{_short(record)}' gives no reasons; add "
                      "them before publishing it.")
    if record.decided_on is not None and published_on < record.decided_on:
        raise Refused(f"The record cannot be published on {format_date(published_on)}, before "
                      f"the decision was made on {format_date(record.decided_on)}.")
    reason = urgent_reason.strip() or record.call_in.urgent_reason.strip()
    deadline = None if reason else add_clear_working_days(published_on, call_in_days, calendar)
    call = dataclasses.replace(record.call_in, state=CallInState.PUBLISHED,
                               published_on=published_on, deadline=deadline,
                               urgent_reason=reason)
    return dataclasses.replace(record, call_in=call)


def call_in(record: DecisionRecord, *, by: str, on: dt.date) -> DecisionRecord:
    """Record a call-in by scrutiny members, within the call-in period."""
    call = record.call_in
    if call.state is not CallInState.PUBLISHED:
        raise Refused(f"The decision '{_short(record)}' is {call.state.value}, so it cannot "
                      "be called in; only a published decision can.")
    if call.urgent_reason:
        raise Refused(f"The decision '{_short(record)}' was taken as urgent ({call.urgent_reason})"
                      " and is exempt from call-in.")
    if call.deadline is not None and on > call.deadline:
        raise Refused(f"The call-in period for '{_short(record)}' ended on "
                      f"{format_date(call.deadline)}; it can no longer be called in.")
    if call.published_on is not None and on < call.published_on:
        raise Refused(f"A call-in on {format_date(on)} is before the record was published on "
                      f"{format_date(call.published_on)}; check the date.")
    if not by.strip():
        raise Refused("Say who called the decision in.")
    called = dataclasses.replace(call, state=CallInState.CALLED_IN, called_in_by=by.strip(),
                                 called_in_on=on)
    return dataclasses.replace(record, call_in=called)


def implement(
    record: DecisionRecord, *, on: dt.date, call_in_concluded: bool = False
) -> DecisionRecord:
    """Record the decision as implemented, once the call-in period allows it."""
    call = record.call_in
    if call.state is CallInState.MADE:
        raise Refused(f"Publish the record of '{_short(record)}' before implementing it.")
    if call.state is CallInState.IMPLEMENTED:
        raise Refused(f"'{_short(record)}' was already implemented on {_on(call.implemented_on)}.")
    if call.state is CallInState.CALLED_IN and not call_in_concluded:
        raise Refused(f"'{_short(record)}' was called in by {call.called_in_by}; record the "
                      "outcome of the scrutiny meeting before implementing it.")
    earliest = _implementable_on(call)
    if call.state is CallInState.PUBLISHED and earliest is not None and on < earliest:
        raise Refused(f"'{_short(record)}' can be called in until {format_date(call.deadline)}"
                      f"; it can be implemented from {format_date(earliest)}.")
    done = dataclasses.replace(call, state=CallInState.IMPLEMENTED, implemented_on=on)
    return dataclasses.replace(record, call_in=done)


def _implementable_on(call: CallIn) -> dt.date | None:
    if call.urgent_reason or call.deadline is None:
        return call.published_on
    return call.deadline + dt.timedelta(days=1)


def _short(record: DecisionRecord) -> str:
    text = " ".join(record.decision.split())
    return text if len(text) <= 60 else text[:57].rstrip() + "..."


def _on(day: dt.date | None) -> str:
    return format_date(day) if day else "an unrecorded date"


# --------------------------------------------------------------------------- one decision's item


def item_number(item: Item) -> str:
    """How a clerk names an item: its minute number, else its agenda number, else its uid."""
    return item.minute_number or item.agenda_number or item.uid


def with_record(meeting: Meeting, uid: str, record: DecisionRecord) -> Meeting:
    """The meeting with item ``uid``'s record of decision replaced by ``record``."""
    items = tuple(dataclasses.replace(it, decision_record=record) if it.uid == uid else it
                  for it in meeting.items)
    return dataclasses.replace(meeting, items=items)


def resolved_text(item: Item) -> str:
    """The decision in words, from the item's RESOLVED wording and resolutions."""
    parts = [item.resolved_intro.strip()] if item.resolved_intro.strip() else []
    parts += [_resolution_text(r) for r in item.resolutions]
    return " ".join(p for p in parts if p)


def _resolution_text(resolution: Resolution) -> str:
    head = " ".join(p for p in (resolution.label, resolution.text.strip()) if p)
    return " ".join([head, *(_resolution_text(c) for c in resolution.children)]).strip()


def find_item(meeting: Meeting, ref: str, *, recorded: bool) -> Item:
    """The item ``ref`` names: its uid, or its agenda or minute number (one with a record
    of decision first when ``recorded``); refused in one sentence when none or several."""
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
    known = ", ".join(f"{it.uid} ({item_number(it)})" for it in meeting.items)
    if not matches:
        raise NotFound(f"{meeting.id} has no item '{ref}'; give an item's uid or its agenda or "
                       f"minute number: {known}.")
    which = " and ".join(f"{it.uid} (agenda {it.agenda_number}, minute {it.minute_number})"
                         for it in matches)
    raise Refused(f"'{ref}' could mean {which} in {meeting.id}; give the item's uid instead.")


# --------------------------------------------------------------------------- listings


@dataclass(frozen=True, slots=True)
class DecisionStatus:
    """One decision for ``minutebook decisions``: where it stands and what can happen next."""

    meeting: str
    item: str
    title: str
    decision_maker: str
    state: CallInState
    deadline: dt.date | None
    implementable_on: dt.date | None
    can_implement: bool


def decision_status(meetings: Iterable[Meeting], today: dt.date) -> list[DecisionStatus]:
    """Every recorded decision, in date order, with whether it can be implemented today."""
    found = []
    for meeting in sorted(meetings, key=lambda m: (m.date, m.id)):
        for item in meeting.items:
            record = item.decision_record
            if record is None:
                continue
            call = record.call_in
            earliest = _implementable_on(call) if call.state is CallInState.PUBLISHED else None
            can = earliest is not None and today >= earliest
            found.append(DecisionStatus(
                meeting.id, item.uid, item.printed_title, record.decision_maker, call.state,
                call.deadline, earliest, can,
            ))
    return found


@dataclass(frozen=True, slots=True)
class ForwardPlanEntry:
    """An upcoming key decision as the forward plan lists it."""

    decision_maker: str
    date: dt.date
    meeting: str
    title: str
    reference: str
    route: KeyDecisionRoute
    private: bool


def forward_plan(
    meetings: Iterable[Meeting], today: dt.date, decision_makers: dict[str, str] | None = None
) -> list[ForwardPlanEntry]:
    """Key decisions of meetings from ``today`` on, by decision-maker and date.

    ``decision_makers`` maps a committee slug to the decision-maker to list under
    (a cabinet member); otherwise the committee's name is used.
    """
    entries = []
    for meeting in meetings:
        if meeting.date < today:
            continue
        maker = (decision_makers or {}).get(meeting.committee) or meeting.committee_name
        for item in meeting.items:
            if item.key_decision is None:
                continue
            entries.append(ForwardPlanEntry(
                maker or meeting.committee, meeting.date, meeting.id, item.printed_title,
                item.key_decision.forward_plan_ref, item.key_decision.route,
                item.exemption is not None,
            ))
    return sorted(entries, key=lambda e: (e.decision_maker, e.date, e.meeting, e.title))
