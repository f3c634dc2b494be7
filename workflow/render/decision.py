"""Word documents of executive decisions: the record of decision and the forward plan.

What lives here: :func:`decision_blocks` / :func:`render_decision` (the written record of
one decision: decision-maker, date, the decision, its reasons, the alternatives rejected,
conflicts of interest and dispensations, publication and call-in dates) and
:func:`forward_plan_blocks` / :func:`render_forward_plan` (upcoming key decisions by
decision-maker). Both are built from :class:`~workflow.render.elements.Block` and written
by :func:`~workflow.render.docx.write_docx`, so the same input gives the same bytes.

What must not: reading the archive, applying the call-in rules (see
:mod:`workflow.rules.decisions`), printing exempt content in a public version. A public record
is made from :func:`workflow.record.redaction.public_view`; of an exempt item it keeps only the
title the public may see, the decision-maker and the dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from workflow.record.model import (
    CallIn,
    CallInState,
    DecisionRecord,
    Item,
    KeyDecisionRoute,
    Meeting,
    Person,
)
from workflow.record.names import person_name
from workflow.record.redaction import public_view
from workflow.render.blocks import MARKING, contact_block, heading
from workflow.render.docx import write_docx
from workflow.render.elements import Block, Blocks, Run
from workflow.render.styles import Style
from workflow.render.wording import exempt_note
from workflow.rules.decisions import ForwardPlanEntry
from workflow.text.dates import format_date

__all__ = [
    "decision_blocks",
    "decision_title",
    "forward_plan_blocks",
    "forward_plan_title",
    "render_decision",
    "render_forward_plan",
]

People = Mapping[str, Person]

_ROUTES = {
    KeyDecisionRoute.FORWARD_PLAN: "Forward plan",
    KeyDecisionRoute.GENERAL_EXCEPTION: "General exception (notice to the scrutiny chair)",
    KeyDecisionRoute.SPECIAL_URGENCY: "Special urgency (agreed by the scrutiny chair)",
}


def decision_title(meeting: Meeting, item: Item) -> str:
    """``Record of decision: Expansion of the Regional Adoption Agency, 4 February 2019``."""
    return f"Record of decision: {item.printed_title}, {format_date(meeting.date)}"


def decision_blocks(
    meeting: Meeting,
    uid: str,
    *,
    people: People,
    decision_maker: str = "",
    confidential: bool = False,
) -> list[Block]:
    """The record of decision of item ``uid``; the public version unless ``confidential``.

    ``decision_maker`` is printed when the record names none (the committee's
    decision-maker, or its name).
    """
    full = meeting.item(uid)
    source = meeting if confidential else public_view(meeting)
    item = source.item(uid)
    shown = not item.withheld and (confidential or item.exemption is None)
    record = item.decision_record if shown else None
    out = Blocks()
    if confidential:
        out.add(Style.MARKING, Run(MARKING, bold=True), key="decision:marking")
    heading(out, meeting.council, "Record of Decision", key="decision:heading")
    maker = (record.decision_maker if record else "") or decision_maker
    maker = maker or meeting.committee_name or meeting.committee
    decided = (record.decided_on if record else None) or meeting.date
    _detail(out, "Decision-maker:", maker, "maker")
    _detail(out, "Date of decision:", format_date(decided, "document"), "date")
    number = item.minute_number or item.agenda_number
    subject = f"Minute {number}: {item.printed_title}" if number else item.printed_title
    _detail(out, "Subject:", subject, "subject")
    name = meeting.committee_name or meeting.committee
    _detail(out, "Taken at:", f"{name}, {format_date(meeting.date, 'document')}", "meeting")
    _key_decision(out, item if shown else full, shown)
    if full.decision_record is not None:
        _publication(out, full.decision_record.call_in, people, shown)
    if record is None:
        _withheld(out, full, shown)
    else:
        _content(out, item, record)
    contact_block(out, meeting, "Contact officer:", "decision:contact")
    return list(out)


def _detail(out: Blocks, label: str, value: str, key: str) -> None:
    if value:
        out.add(Style.DETAIL, Run(label, bold=True), "\t" + value, key=f"decision:{key}")


def _key_decision(out: Blocks, item: Item, shown: bool) -> None:
    key = item.key_decision
    if key is None:
        _detail(out, "Key decision:", "No", "key")
        return
    ref = f" (Forward Plan reference {key.forward_plan_ref})" if key.forward_plan_ref else ""
    _detail(out, "Key decision:", "Yes" + ref, "key")
    if key.route is not KeyDecisionRoute.FORWARD_PLAN:
        _detail(out, "Notice:", _ROUTES[key.route], "route")
        if shown and key.reasons:
            _detail(out, "Why it could not wait:", key.reasons, "route.reasons")


def _publication(out: Blocks, call: CallIn, people: People, shown: bool) -> None:
    if call.published_on is None:
        out.add(Style.NOTE, Run("Draft: this record has not been published yet.", italic=True),
                key="decision:draft")
        return
    _detail(out, "Published:", format_date(call.published_on, "document"), "published")
    if call.urgent_reason:
        why = f" Reason: {call.urgent_reason}" if shown else ""
        out.add(Style.NOTE, Run("This decision was taken as a matter of urgency and is exempt "
                                f"from call-in.{why}", italic=True), key="decision:urgent")
    elif call.deadline is not None:
        _detail(out, "Call-in deadline:", format_date(call.deadline, "document"), "deadline")
        start = call.deadline + dt.timedelta(days=1)
        out.add(Style.NOTE, Run("Unless it is called in by then, this decision may be "
                                f"implemented from {format_date(start, 'document')}.", italic=True),
                key="decision:implement-from")
    if call.state is CallInState.CALLED_IN or call.called_in_by:
        who = person_name(call.called_in_by, people) if shown else ""
        when = f" on {format_date(call.called_in_on, 'document')}" if call.called_in_on else ""
        _detail(out, "Called in:", (f"by {who}" if who else "Yes") + when, "called-in")
    if call.implemented_on is not None:
        _detail(out, "Implemented:", format_date(call.implemented_on, "document"), "implemented")


def _withheld(out: Blocks, item: Item, shown: bool) -> None:
    if not shown:
        out.add(Style.NOTE, Run("The decision and its reasons are not for publication "
                                f"{exempt_note(item.exemption)}.", italic=True),
                key="decision:withheld")
    else:
        out.add(Style.NOTE, Run("No record of this decision has been written yet.",
                                italic=True), key="decision:missing")


def _content(out: Blocks, item: Item, record: DecisionRecord) -> None:
    if item.exemption is not None:
        out.add(Style.NOTE, Run(exempt_note(item.exemption), italic=True), key="decision:exempt")
    if item.report is not None and item.report.author:
        out.add(Style.NORMAL, f"{item.report.kind} of the {item.report.author}.", key="decision:report")
    out.add(Style.HEADING_2, "Decision", key="decision:decision.heading")
    out.add(Style.NORMAL, Run(record.decision, bold=True), key="decision:decision")
    out.add(Style.HEADING_2, "Reasons for the decision", key="decision:reasons.heading")
    out.add(Style.NORMAL, record.reasons or "None recorded.", key="decision:reasons")
    out.add(Style.HEADING_2, "Alternative options considered and rejected",
            key="decision:alternatives.heading")
    if not record.alternatives:
        out.add(Style.NORMAL, "None.", key="decision:alternatives")
    for i, alternative in enumerate(record.alternatives):
        out.add(Style.LIST_BULLET, alternative, key=f"decision:alternatives[{i}]")
    out.add(Style.HEADING_2, "Conflicts of interest and dispensations",
            key="decision:conflicts.heading")
    out.add(Style.NORMAL, Run("Conflicts of interest declared: ", bold=True),
            record.conflicts or "None.", key="decision:conflicts")
    out.add(Style.NORMAL, Run("Dispensation granted: ", bold=True),
            record.dispensation or "None.", key="decision:dispensation")


def render_decision(
    meeting: Meeting,
    uid: str,
    *,
    people: People,
    author: str,
    created: dt.datetime,
    decision_maker: str = "",
    confidential: bool = False,
    language: str = "en-GB",
    style_path: Path | None = None,
) -> bytes:
    """The record of decision as Word bytes; confidential versions carry NOT FOR PUBLICATION."""
    blocks = decision_blocks(meeting, uid, people=people, decision_maker=decision_maker,
                             confidential=confidential)
    shown = meeting if confidential else public_view(meeting)
    name = meeting.committee_name or meeting.committee
    return write_docx(blocks, title=decision_title(shown, shown.item(uid)), author=author,
                      created=created, language=language,
                      marking=MARKING if confidential else None, style_path=style_path,
                      footer=f"Record of decision: {name}, {format_date(meeting.date)}")


# --------------------------------------------------------------------------- forward plan


def forward_plan_title(council: str, today: dt.date) -> str:
    name = f"{council} " if council else ""
    return f"{name}Forward Plan of Key Decisions from {format_date(today)}"


def forward_plan_blocks(entries: Sequence[ForwardPlanEntry], *, council: str,
                        today: dt.date) -> list[Block]:
    """Key decisions by decision-maker, then date (entries as :func:`forward_plan` sorts them)."""
    out = Blocks()
    heading(out, council, "Forward Plan of Key Decisions", key="plan:heading")
    _detail_plan(out, "Published:", format_date(today, "document"), "plan:published")
    if not entries:
        out.add(Style.NORMAL, "No key decisions are planned.", key="plan:empty")
    maker = None
    for i, entry in enumerate(entries):
        if entry.decision_maker != maker:
            maker = entry.decision_maker
            out.add(Style.HEADING_2, maker, key=f"plan:maker[{i}]")
        key = f"plan:{entry.meeting}/{i}"
        out.add(Style.HEADING_3, entry.title, key=f"{key}/title")
        _detail_plan(out, "Decision due:", format_date(entry.date, 'document'), f"{key}/date")
        _detail_plan(out, "Reference:", entry.reference or "None given", f"{key}/reference")
        _detail_plan(out, "Notice:", _ROUTES[entry.route], f"{key}/route")
        if entry.private:
            out.add(Style.NOTE, Run("This decision is expected to be taken in private "
                                    "(exempt information, Schedule 12A).", italic=True),
                    key=f"{key}/private")
    return list(out)


def _detail_plan(out: Blocks, label: str, value: str, key: str) -> None:
    out.add(Style.DETAIL, Run(label, bold=True), "\t" + value, key=key)


def render_forward_plan(
    entries: Sequence[ForwardPlanEntry],
    *,
    council: str,
    today: dt.date,
    author: str,
    created: dt.datetime,
    language: str = "en-GB",
    style_path: Path | None = None,
) -> bytes:
    """The forward plan as Word bytes."""
    blocks = forward_plan_blocks(entries, council=council, today=today)
    return write_docx(blocks, title=forward_plan_title(council, today), author=author,
                      created=created, language=language, style_path=style_path,
                      footer=f"Forward Plan of Key Decisions, {format_date(today)}")
