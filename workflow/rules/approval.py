"""Approval and the lock: minutes approved at a later meeting, and changed after that only
as a recorded amendment.

What lives here: :func:`approve` (the minutes locked, the approving meeting's Minutes item
filled), :func:`check_edit` (the lock every plain save and restore goes through) and
:func:`amend` (a change to approved minutes with who, when, why and on whose authority).
Like the rest of :mod:`workflow.rules.lifecycle`, each is a pure function that returns the new
record and an :class:`~workflow.rules.lifecycle.Event` or refuses in one sentence.

What must not: I/O of any kind; the service validates, commits and tags around these.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from workflow.errors import Refused
from workflow.record.model import Amendment, Approval, CallIn, ItemKind, Meeting, Status
from workflow.rules.followup import (
    LIFECYCLE_FIELDS,
    cite_minute,
    corrected_by,
    describe_changes,
    fill_minutes_item,
    minutes_wording,
)
from workflow.rules.incomplete import require_confirmed
from workflow.rules.lifecycle import EDIT, Event, allowed, apply_step, make_event, require
from workflow.rules.publication import RuleSettings
from workflow.text.dates import format_date

__all__ = ["Approved", "amend", "approve", "check_edit"]

S = Status


class Approved(NamedTuple):
    """The approved minutes, the approving meeting with its Minutes item filled, the event."""

    meeting: Meeting
    at: Meeting
    event: Event


def approve(
    meeting: Meeting,
    *,
    at: Meeting,
    other_body: bool = False,
    subject_to: Sequence[tuple[str, str]] | Meeting | None = None,
    today: dt.date,
    settings: RuleSettings | None = None,
    confirm_incomplete: bool = False,
) -> Approved:
    """Record the minutes as approved at ``at`` and lock them (see :func:`check_edit`).

    ``at`` must have been held: its agenda published and its date reached (``today``);
    minutes with an item marked incomplete need ``confirm_incomplete``."""
    require("approve", meeting)
    _approval_refusals(meeting, at, other_body, today)
    index = next((i for i, it in enumerate(at.items) if it.kind is ItemKind.MINUTES), None)
    if index is None:
        raise Refused(f"{at.id} has no Minutes item to approve these minutes under; add one "
                      "to its agenda first.")
    corrected, note = corrected_by(meeting, subject_to)
    confirmed = require_confirmed(corrected, confirmed=confirm_incomplete, step="approving the minutes")
    item = at.items[index]
    approves = item.approves + (() if meeting.id in item.approves else (meeting.id,))
    wording = minutes_wording(approves, {meeting.id: meeting.date}, at.committee,
                              {meeting.id: meeting.committee_name})
    item = fill_minutes_item(dataclasses.replace(item, approves=approves), wording)
    at_items = at.items[:index] + (item,) + at.items[index + 1 :]
    ref_format = settings.minute_ref_format if settings else "{number}/{yy}"
    year_start = settings.municipal_year_start if settings else "05-01"
    minute = cite_minute(at, item, ref_format=ref_format, year_start=year_start)
    record = Approval(at=at.id, on=at.date, minute=item.minute_number or minute,
                      other_body=other_body, subject_to=note)
    new = apply_step(corrected, "approve", approval=record)
    where = at.committee_name or at.committee
    summary = f"Minutes approved at {where} on {format_date(at.date)}"
    summary += f" (minute {minute})" if minute else ""
    summary += ", subject to corrections" if note else ""
    summary += confirmed
    event = make_event("approve", meeting, new, today, summary, "minutes-approved")
    return Approved(new, dataclasses.replace(at, items=at_items), event)


def _approval_refusals(meeting: Meeting, at: Meeting, other_body: bool, today: dt.date) -> None:
    if at.id == meeting.id:
        raise Refused(f"Minutes cannot be approved at their own meeting; name the later "
                      f"meeting that approved the minutes of {meeting.id}.")
    if at.committee != meeting.committee and not other_body:
        raise Refused(f"{at.id} is a meeting of {at.committee_name or at.committee}, not of "
                      f"{meeting.committee_name or meeting.committee}; add --other-body if "
                      "the council's rules let that body approve these minutes.")
    if at.date < meeting.date:
        raise Refused(f"{at.id} took place before {meeting.id}; minutes are approved at a "
                      "later meeting.")
    if at.status is S.CANCELLED:
        raise Refused(f"{at.id} was cancelled, so it approved nothing; choose the meeting that "
                      "actually approved these minutes.")
    if at.status is S.AGENDA_DRAFT:
        raise Refused(f"{at.id} has not been held: its agenda is still a draft; publish its "
                      "agenda and record the approval after the meeting.")
    if at.date > today:
        raise Refused(f"{at.id} has not happened yet (it is on {format_date(at.date)}); record "
                      "the approval after that meeting.")
    if EDIT not in allowed(at.status):
        raise Refused(f"The minutes of {at.id} are '{at.status.value}' and cannot record "
                      "this approval; choose the meeting that actually approved them.")


# --------------------------------------------------------------------------- the lock


def check_edit(old: Meeting, new: Meeting) -> None:
    """Refuse a save that would change approved minutes without a new amendment record.

    The service calls this on every plain save and restore. Approved minutes may change
    only together with an :class:`Amendment` appended after the existing ones (see
    :func:`amend`); a plain save cannot approve minutes (see :func:`approve`); a
    cancelled meeting does not change at all.
    """
    if new == old:
        return
    if old.status is S.CANCELLED:
        raise Refused(
            f"{old.id} was cancelled and cannot be changed; create a new meeting instead."
        )
    if old.status is not S.MINUTES_APPROVED:
        if new.status is S.MINUTES_APPROVED or new.approval != old.approval:
            raise Refused(
                f"Minutes are approved only by recording the meeting that approved them "
                f"(minutebook approve {old.id} --at MEETING), not by editing the record."
            )
        return
    if _without_call_in(new) == _without_call_in(old):
        return
    kept = new.amendments[: len(old.amendments)] == old.amendments
    added = len(new.amendments) > len(old.amendments)
    same_approval = new.approval == old.approval and new.status is S.MINUTES_APPROVED
    if not (kept and added and same_approval):
        when = f" on {format_date(old.approval.on)}" if old.approval and old.approval.on else ""
        at = f" at {old.approval.at}" if old.approval else ""
        raise Refused(
            f"The minutes of {old.id} were approved{at}{when} and are locked; record the "
            f"change as an amendment (minutebook amend {old.id} --reason TEXT --from FILE)."
        )


def _without_call_in(meeting: Meeting) -> Meeting:
    """The meeting with each decision's call-in progress cleared.

    Publishing a record of decision, a call-in and implementation happen after the
    meeting and are not words of the minutes, so approval does not lock them.
    """
    items = tuple(
        dataclasses.replace(
            item, decision_record=dataclasses.replace(item.decision_record, call_in=CallIn())
        )
        if item.decision_record is not None
        else item
        for item in meeting.items
    )
    return dataclasses.replace(meeting, items=items)


def amend(
    meeting: Meeting,
    *,
    new: Meeting,
    reason: str,
    by: str,
    authority: str = "",
    today: dt.date,
) -> tuple[Meeting, Event]:
    """Change approved minutes as a recorded amendment (who, when, why, on whose authority)."""
    require("amend", meeting)
    if new.id != meeting.id:
        raise Refused(f"The amended record is for {new.id}, not {meeting.id}; load the right file.")
    if not reason.strip():
        raise Refused("Give the reason for amending approved minutes (--reason TEXT).")
    if not by.strip():
        raise Refused("Say who is making the amendment (the clerk's name is not set).")
    lifecycle = {name: getattr(meeting, name) for name in LIFECYCLE_FIELDS}
    content = dataclasses.replace(new, **lifecycle)
    summary = describe_changes(meeting, content)
    if not summary:
        raise Refused(
            f"The amended record of {meeting.id} is the same as the approved minutes; "
            "make the correction in the file first."
        )
    record = Amendment(
        on=today, by=by.strip(), reason=reason.strip(), authority=authority.strip(),
        summary=summary,
    )
    result = dataclasses.replace(content, amendments=meeting.amendments + (record,))
    number = len(result.amendments)
    return result, make_event(
        "amend", meeting, result, today, f"Approved minutes amended: {record.reason}",
        f"amendment-{number}",
    )
