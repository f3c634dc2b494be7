"""The rules an agenda must meet before it goes out, and the exclusion resolution.

What lives here: :func:`agenda_checks` (item numbers in order and each used once, standing
wording that agrees with the record, the publication date, the clear-days deadline or a
recorded reason of urgency, a reason for every late or urgent item, a Schedule 12A
paragraph for every exempt item, the exclusion of the press and public before the first
private item, no Any Other Business at a special meeting, key decisions and notice of a
private executive meeting as :mod:`workflow.rules.decisions` rules), each answered as a
:class:`Check` a dialog can show, :func:`with_exclusion`, which inserts the
resolution excluding the press and public where it is missing, and for the minutes the
quorum check (:func:`quorum_problems`), a warning in validation and at circulation.

What must not: the lifecycle states and transitions (:mod:`workflow.rules.lifecycle` asks these
checks and moves the meeting), I/O of any kind, reading settings files.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from workflow.record.model import (
    AttendanceState,
    Committee,
    ExemptionBasis,
    Item,
    ItemKind,
    Meeting,
    MeetingKind,
    Resolution,
    Role,
)
from workflow.record.numbering import number_problem
from workflow.rules.deadlines import (
    WorkingCalendar,
    clear_days_between,
    is_on_time,
    latest_publication_date,
)
from workflow.rules.decisions import key_decision_problem, private_notice_problem
from workflow.rules.standing import standing_problems
from workflow.text.dates import format_date
from workflow.text.prose import joined

__all__ = [
    "Check",
    "RuleSettings",
    "agenda_checks",
    "exclusion_item",
    "quorum_problems",
    "with_exclusion",
]


class RuleSettings(Protocol):
    """The settings the lifecycle rules read (``workflow.settings.Settings`` has them).

    A protocol rather than an import keeps the rules free of the settings loader and
    so of the validation library.
    """

    @property
    def clear_days(self) -> int: ...

    @property
    def exempt_paragraph_numbers(self) -> frozenset[int]: ...

    @property
    def publish_draft_minutes(self) -> bool: ...

    @property
    def minute_ref_format(self) -> str: ...

    @property
    def municipal_year_start(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Check:
    """One check a publish dialog shows before acting."""

    name: str
    ok: bool
    message: str


def agenda_checks(
    meeting: Meeting,
    *,
    settings: RuleSettings,
    calendar: WorkingCalendar,
    published_on: dt.date,
    urgent_reason: str | None = None,
    today: dt.date | None = None,
    executive: bool = False,
) -> list[Check]:
    """The content and timing checks of an agenda about to be published, in order.

    ``executive`` (the template's flag) adds the notice of a private meeting; key
    decisions are checked wherever an item is marked as one.
    """
    checks = [
        _numbers_check(meeting),
        _standing_check(meeting),
        _date_check(meeting, published_on, today),
        _deadline_check(meeting, settings, calendar, published_on, urgent_reason),
        _urgent_items_check(meeting),
        _paragraphs_check(meeting, settings),
        _exclusion_check(meeting),
        _special_check(meeting),
        _key_decisions_check(meeting),
    ]
    if executive:
        checks.append(_private_notice_check(meeting))
    return checks


def _numbers_check(meeting: Meeting) -> Check:
    problem = number_problem(meeting)
    if problem:
        return Check("numbers", False, problem.removesuffix(".") + " (Renumber in the command "
                     f"palette, or minutebook renumber {meeting.id}).")
    return Check("numbers", True, "The items are numbered in order, each number once.")


def _standing_check(meeting: Meeting) -> Check:
    found = standing_problems(meeting)
    if found:
        return Check("standing wording", False, found[0].message)
    return Check("standing wording", True, "The standing wording agrees with the record.")


def _date_check(meeting: Meeting, published_on: dt.date, today: dt.date | None) -> Check:
    if today is not None and published_on > today:
        return Check("date", False, f"The publication date {format_date(published_on)} is "
                     "in the future; give the date the agenda actually went out.")
    if published_on >= meeting.date:
        return Check("date", False, f"The publication date {format_date(published_on)} is not "
                     f"before the meeting on {format_date(meeting.date)}; check both dates.")
    return Check("date", True, f"Published on {format_date(published_on)}.")


def _deadline_check(
    meeting: Meeting, settings: RuleSettings, calendar: WorkingCalendar, published_on: dt.date,
    urgent_reason: str | None,
) -> Check:
    need = settings.clear_days
    have = clear_days_between(published_on, meeting.date, calendar)
    due = format_date(latest_publication_date(meeting.date, need, calendar), "deadline")
    if is_on_time(published_on, meeting.date, need, calendar):
        return Check("deadline", True, f"{have} clear working days before the meeting "
                     f"({need} needed, due by {due}).")
    if urgent_reason and urgent_reason.strip():
        return Check("deadline", True, f"Late ({have} of {need} clear working days, due by "
                     f"{due}); the chair's reason of urgency will be recorded.")
    return Check("deadline", False, f"The agenda is late: {have} clear working days before "
                 f"the meeting where {need} are needed (due by {due}); give the chair's "
                 "reason of urgency (--urgent REASON) or postpone the meeting.")


def _urgent_items_check(meeting: Meeting) -> Check:
    for item in meeting.items:
        if item.urgency is not None and not item.urgency.reason.strip():
            return Check("urgent items", False, f"{_label(item)} is marked late or urgent "
                         "but has no reason; record the chair's reason of urgency for it.")
    count = sum(1 for item in meeting.items if item.urgency is not None)
    return Check("urgent items", True, f"{count} late or urgent items, each with its reason.")


def _paragraphs_check(meeting: Meeting, settings: RuleSettings) -> Check:
    allowed_numbers = settings.exempt_paragraph_numbers
    span = f"{min(allowed_numbers)}-{max(allowed_numbers)}"
    for item in meeting.items:
        exemptions = [(item.exemption, "")] + [
            (doc.exemption, f" (document '{doc.title}')") for doc in item.documents
        ]
        for exemption, where in exemptions:
            if exemption is None or exemption.basis is not ExemptionBasis.EXEMPT:
                continue
            if exemption.paragraph is None:
                return Check("exempt paragraphs", False, f"{_label(item)}{where} is exempt "
                             "but names no paragraph of Schedule 12A; give its paragraph "
                             f"({span}).")
            if exemption.paragraph not in allowed_numbers:
                return Check("exempt paragraphs", False, f"{_label(item)}{where} cites "
                             f"paragraph {exemption.paragraph}, which is not one of {span}; "
                             "correct the paragraph.")
    return Check("exempt paragraphs", True, "Every exempt item names its paragraph.")


def _exclusion_check(meeting: Meeting) -> Check:
    first = _first_private(meeting)
    exclusions = [i for i, it in enumerate(meeting.items) if it.kind is ItemKind.EXCLUSION]
    if first is None:
        return Check("exclusion", True, "There is no private business.")
    if any(i < first for i in exclusions):
        return Check("exclusion", True, "The exclusion of the press and public comes before "
                     "the private business.")
    target = _label(meeting.items[first])
    if exclusions:
        return Check("exclusion", False, f"{_label(meeting.items[exclusions[0]])} comes after "
                     f"the first private item, {target}; move it before that item.")
    return Check("exclusion", True, f"A resolution excluding the press and public will be "
                 f"inserted before {target}.")


def _special_check(meeting: Meeting) -> Check:
    if meeting.kind is not MeetingKind.SPECIAL:
        return Check("special meeting", True, "Not a special meeting.")
    for item in meeting.items:
        if item.kind is ItemKind.ANY_OTHER_BUSINESS:
            return Check("special meeting", False, f"{_label(item)} is Any Other Business, "
                         "which a special meeting cannot take; remove it.")
    return Check("special meeting", True, "A special meeting with no Any Other Business.")


def _key_decisions_check(meeting: Meeting) -> Check:
    for item in meeting.items:
        problem = key_decision_problem(item, meeting.date)
        if problem:
            return Check("key decisions", False, problem)
    count = sum(1 for item in meeting.items if item.key_decision is not None)
    return Check("key decisions", True, f"{count} key decisions, each with its notice.")


def _private_notice_check(meeting: Meeting) -> Check:
    problem = private_notice_problem(meeting)
    return Check("private meeting", not problem, problem or "Notice of any private part given.")


def _label(item: Item) -> str:
    return f"Item {item.agenda_number} '{item.title}'" if item.agenda_number else f"'{item.title}'"


def _first_private(meeting: Meeting) -> int | None:
    return next((i for i, it in enumerate(meeting.items) if it.exemption is not None), None)


def exclusion_item(paragraphs: Sequence[int], *, uid: str = "exclusion",
                   confidential: bool = False) -> Item:
    """The item excluding the press and public, worded for the paragraphs concerned."""
    numbers = sorted(set(paragraphs))
    words = joined([str(n) for n in numbers])
    if numbers:
        noun = "paragraph" if len(numbers) == 1 else "paragraphs"
        grounds = (f"the likely disclosure of exempt information as defined in {noun} {words} "
                   "of Part 1 of Schedule 12A of that Act")
        section = "Section 100A(4)"
    else:
        grounds = "the likely disclosure of confidential information"
        section = "Section 100A(2)"
    if numbers and confidential:
        grounds += ", and of confidential information"
    return Item(
        uid=uid, kind=ItemKind.EXCLUSION, title="Exclusion of Press and Public",
        wording=(f"To consider whether to exclude the press and public for the following "
                 f"items of business under {section} of the Local Government Act 1972 on "
                 f"the grounds that they involve {grounds}.",),
        resolutions=(Resolution(text=f"that the press and public be excluded from the "
                     f"meeting for the following items of business under {section} of the "
                     f"Local Government Act 1972 on the grounds that they involve {grounds}."),),
    )


def with_exclusion(meeting: Meeting) -> Meeting:
    """The meeting with an exclusion item before its first private item, if it lacks one.

    The new item takes the numbers of the item it precedes and plain-number items after
    it move up by one, so the order printed on the agenda stays consecutive.
    """
    first = _first_private(meeting)
    if first is None or any(
        it.kind is ItemKind.EXCLUSION for it in meeting.items[:first]
    ):
        return meeting
    private = [it.exemption for it in meeting.items[first:] if it.exemption is not None]
    paragraphs = [e.paragraph for e in private if e.paragraph is not None]
    uids = {it.uid for it in meeting.items}
    uid = next(u for u in (f"exclusion-{n}" if n else "exclusion" for n in range(999))
               if u not in uids)
    item = exclusion_item(paragraphs, uid=uid, confidential=any(
        e.basis is not ExemptionBasis.EXEMPT for e in private))
    before, after = meeting.items[:first], meeting.items[first:]
    number = after[0]
    item = dataclasses.replace(item, agenda_number=number.agenda_number,
                               minute_number=number.minute_number)
    return dataclasses.replace(meeting, items=before + (item,) + tuple(_shift(it) for it in after))


def _shift(item: Item) -> Item:
    def up(number: str) -> str:
        return str(int(number) + 1) if number.isdigit() else number
    return dataclasses.replace(item, agenda_number=up(item.agenda_number),
                               minute_number=up(item.minute_number))


# --------------------------------------------------------------------------- quorum


_VOTING_ROLES = frozenset({Role.CHAIR, Role.VICE_CHAIR, Role.PRESIDING, Role.MEMBER})


def quorum_problems(meeting: Meeting, committee: Committee) -> list[str]:
    """A sentence when fewer members were present than the committee's quorum."""
    if committee.quorum is None:
        return []
    serving = {
        m.person
        for m in committee.membership
        if (m.start is None or m.start <= meeting.date) and (m.end is None or m.end >= meeting.date)
        and m.role not in {Role.OFFICER, Role.OTHER}
    }
    counted = {AttendanceState.PRESENT}
    if committee.remote_counts_for_quorum:
        counted.add(AttendanceState.REMOTE)
    members = [
        a for a in meeting.attendance
        if a.role in _VOTING_ROLES or (a.person and a.person in serving)
    ]
    present = sum(1 for a in members if a.state in counted)
    if present >= committee.quorum:
        return []
    remote = sum(1 for a in members if a.state is AttendanceState.REMOTE)
    note = ""
    if remote and not committee.remote_counts_for_quorum:
        note = f" and {remote} remotely, which does not count"
    noun = "member was" if present == 1 else "members were"
    where = "" if committee.remote_counts_for_quorum else " in person"
    return [
        f"Only {present} {noun} present{where}{note}; the quorum of {committee.name} is "
        f"{committee.quorum}, so the meeting was not quorate."
    ]
