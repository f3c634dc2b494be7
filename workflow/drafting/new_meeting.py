"""A committee's next meeting, drafted from its template.

Lives here: :func:`draft_meeting`: expected attendance from the membership, the template's
standing items and wording (the Minutes item names the meetings whose minutes await
approval), numbers running on through the municipal year. Must not live here: the
template catalogue (:mod:`workflow.drafting.meeting_templates`), numbering rules
(:mod:`workflow.record.numbering`), carrying actions forward
(:func:`workflow.rules.followup.carry_forward`), archive access.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping, Sequence

from workflow.drafting.meeting_templates import Position, Template, standing_item, standing_uids
from workflow.errors import MinutebookError
from workflow.record import numbering
from workflow.record.model import (
    Committee,
    Contact,
    Item,
    ItemKind,
    Meeting,
    MeetingKind,
    Person,
    Status,
)
from workflow.rules.followup import fill_minutes_item, minutes_wording
from workflow.rules.membership import expected_attendance
from workflow.settings import Settings
from workflow.text.dates import format_date
from workflow.text.prose import joined

__all__ = ["draft_meeting"]

_NO_PREVIOUS = "[date of the previous meeting]"
_ID = re.compile(r"[a-z0-9][a-z0-9-]*/\d{4}-\d{2}-\d{2}(?:-\d+)?")


def _earlier(previous: Sequence[Meeting], committee: str, date: dt.date, meeting_id: str) -> list[Meeting]:
    found = [m for m in previous if m.committee == committee and m.id != meeting_id and m.date <= date]
    return sorted((m for m in found if m.status is not Status.CANCELLED), key=lambda m: (m.date, m.id))


def _never_held(meeting: Meeting, earlier: Sequence[Meeting], today: dt.date | None) -> bool:
    """A draft agenda that will not be held: its date has passed, or the committee has met
    that day or since without it (a meeting made twice, say)."""
    if meeting.status is not Status.AGENDA_DRAFT:
        return False
    if today is not None and meeting.date < today:
        return True
    return any(m.status is not Status.AGENDA_DRAFT and m.date >= meeting.date and m.id != meeting.id
               for m in earlier)


def _before(earlier: Sequence[Meeting], date: dt.date, today: dt.date | None) -> list[Meeting]:
    """The earlier meetings whose minutes the new meeting may approve: held (or still to be
    held) on an earlier day."""
    return [m for m in earlier if m.date < date and not _never_held(m, earlier, today)]


def _awaiting_approval(approvable: Sequence[Meeting], earlier: Sequence[Meeting]) -> list[Meeting]:
    """The latest meetings whose minutes are neither approved nor due for approval at
    another of the ``earlier`` meetings."""
    scheduled = {mid for m in earlier for it in m.items for mid in it.approves}
    waiting: list[Meeting] = []
    for meeting in reversed(approvable):
        if meeting.approval or meeting.status is Status.MINUTES_APPROVED or meeting.id in scheduled:
            break
        waiting.insert(0, meeting)
    return waiting


def _check_new(template: Template, kind: MeetingKind, stem: str, meeting_id: str, previous: Sequence[Meeting]) -> None:
    if kind not in template.kinds:
        raise MinutebookError(f"The {template.slug} template does not hold {kind} meetings; "
                              f"its meeting kinds are: {', '.join(template.kinds)}.")  # fmt: skip
    if not _ID.fullmatch(meeting_id) or not meeting_id.startswith(stem):
        raise MinutebookError(
            f"The meeting id '{meeting_id}' should be {stem} (or {stem}-2 for a second meeting that day)."
        )
    if any(m.id == meeting_id for m in previous):
        raise MinutebookError(f"There is already a meeting {meeting_id}; use {stem}-2 for a second meeting that day.")


def _minutes_item(item: Item, waiting: Sequence[Meeting], committee: Committee) -> Item:
    """The Minutes item approving ``waiting``; two or more are all named in its wording."""
    item = dataclasses.replace(item, approves=tuple(m.id for m in waiting))
    if len(waiting) > 1 and any("to agree the minutes" in line.lower() for line in item.wording):
        dates = {m.id: m.date for m in waiting}
        return fill_minutes_item(item, minutes_wording(item.approves, dates, committee.slug))
    return item


def _notes(items: Sequence[Item], waiting: Sequence[Meeting], earlier: Sequence[Meeting]) -> tuple[str, ...]:
    minutes = next((it for it in items if it.kind is ItemKind.MINUTES), None)
    if minutes is None:
        return ()
    if not earlier:
        return ("No earlier meeting of this committee is in the archive: "
                "add the date of the previous meeting to the Minutes item.",)  # fmt: skip
    if len(waiting) > 1 and not any(format_date(waiting[0].date) in line for line in minutes.wording):
        return (f"The minutes of {len(waiting)} meetings await approval "
                f"({joined([format_date(m.date) for m in waiting])}); "
                "the Minutes item's wording names only the latest.",)  # fmt: skip
    return ()


def draft_meeting(
    *,
    template: Template,
    committee: Committee,
    date: dt.date,
    start: dt.time | None,
    venue: str = "",
    kind: MeetingKind = MeetingKind.ORDINARY,
    people: Mapping[str, Person],
    previous: Sequence[Meeting] = (),
    settings: Settings,
    meeting_id: str | None = None,
    today: dt.date | None = None,
) -> Meeting:
    """The committee's new meeting on ``date``, drafted from ``template``.

    ``previous`` holds the committee's meetings in the archive: numbers run on from them
    within the municipal year (from an earlier meeting the same day too) and the Minutes
    item approves those of earlier days still awaiting approval, leaving out a draft agenda
    that will not be held (its date, before ``today``, has passed, or the committee met
    that day without it). Open actions are carried forward by
    :func:`workflow.rules.followup.carry_forward`.
    """
    stem = f"{committee.slug}/{date.isoformat()}"
    meeting_id = meeting_id or stem
    _check_new(template, kind, stem, meeting_id, previous)
    earlier = _earlier(previous, committee.slug, date, meeting_id)
    approvable = _before(earlier, date, today)
    waiting = _awaiting_approval(approvable, earlier)
    dates = list(dict.fromkeys(format_date(m.date) for m in waiting or approvable[-1:]))
    values = {"previous_date": dates[-1] if dates else _NO_PREVIOUS,
              "previous_dates": joined(dates) if dates else _NO_PREVIOUS}  # fmt: skip
    items = []
    for uid, standing in zip(standing_uids(template), template.standing_items, strict=True):
        if standing.applies_to(kind):
            item = standing_item(uid, standing, template, values)
            if item.kind is ItemKind.MINUTES:
                item = _minutes_item(item, waiting, committee)
            items.append((standing.position is Position.END, item))
    ordered = tuple(item for _, item in sorted(items, key=lambda pair: pair[0]))
    clerk = Contact(name=settings.clerk_name, phone=settings.clerk_phone, email=settings.clerk_email)
    meeting = Meeting(
        id=meeting_id, committee=committee.slug, committee_name=committee.name,
        council=committee.council or settings.council, kind=kind, date=date,
        start=start or template.default_start, venue=venue or committee.venue,
        contact=committee.contact if committee.contact != Contact() else clerk,
        template=template.slug, attendance=expected_attendance(committee, people, date),
        items=ordered, notes=_notes(ordered, waiting, approvable),
    )  # fmt: skip
    year_start = settings.municipal_year_start
    first = numbering.first_number(earlier, date, year_start)
    agenda_first = numbering.first_number(earlier, date, year_start, which="agenda")
    return numbering.renumber(meeting, first, agenda_first=agenda_first)
