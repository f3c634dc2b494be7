"""Editing a meeting's items: the small pure edits the command line and the TUI share.

Lives here: :func:`add_report_item` (a new report; an exempt one goes last, with an
exclusion item before it), :func:`add_standing_item`, :func:`remove_item`,
:func:`move_item`, :func:`new_uid` and :func:`renumber_draft`. While the agenda is a draft
that was never published, every edit numbers the items consecutively again from the
meeting's first number, so the order printed is the order of business; once an agenda has
been published its numbers are fixed, and a new (late) item takes the next free number.
Numbers are changed by :func:`workflow.record.numbering.renumber` only. Must not live
here: saving, or the rules a record must meet before publication.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Sequence

from workflow.drafting.meeting_templates import (
    Position,
    StandingItem,
    Template,
    fill_wording,
    load_template,
)
from workflow.errors import MinutebookError, NotFound
from workflow.record import numbering
from workflow.record.model import (
    Exemption,
    ExemptionBasis,
    Item,
    ItemKind,
    Meeting,
    Paragraph,
    Report,
    Resolution,
)
from workflow.rules.publication import exclusion_item
from workflow.text.prose import joined

__all__ = [
    "add_report_item",
    "add_standing_item",
    "move_item",
    "new_uid",
    "remove_item",
    "renumber_draft",
]

_GENERATED_UID = re.compile(r"i(\d+)")
_DEFAULT_EXCLUSION = (
    "To consider whether to exclude the press and public for the items of private business "
    "that follow, because they involve the likely disclosure of exempt information within "
    "paragraph {paragraphs} of Schedule 12A to the Local Government Act 1972."
)


def new_uid(existing: Collection[str]) -> str:
    """A fresh item uid: ``i`` and one more than the highest ``i<n>`` in use."""
    numbers = [int(m.group(1)) for uid in existing if (m := _GENERATED_UID.fullmatch(uid))]
    return f"i{max(numbers, default=0) + 1}"


def _first(items: Sequence[Item], field: str) -> int | None:
    numbers = [n for it in items if (n := numbering.number_of(getattr(it, field))) is not None]
    return min(numbers, default=None)


def renumber_draft(before: Meeting, after: Meeting) -> Meeting:
    """``after`` (an edit of ``before``) numbered consecutively from ``before``'s first
    agenda and minute numbers, while its numbers are unpublished; otherwise as it is."""
    if not numbering.numbers_unpublished(before) or not after.items:
        return after
    first = _first(before.items, "minute_number") or _first(before.items, "agenda_number") or 1
    agenda_first = _first(before.items, "agenda_number") or first
    return numbering.renumber(after, first, agenda_first=agenda_first)


def _index(meeting: Meeting, uid: str) -> int:
    for index, item in enumerate(meeting.items):
        if item.uid == uid:
            return index
    raise NotFound(f"There is no item '{uid}' in the meeting {meeting.id}.")


def _exclusion_wording(template: Template | None, items: Sequence[Item]) -> tuple[str, ...]:
    found = sorted({it.exemption.paragraph for it in items if it.exemption and it.exemption.paragraph})
    paragraphs = joined([str(p) for p in found]) if found else ""
    lines = template.exclusion.wording if template and template.exclusion else (_DEFAULT_EXCLUSION,)
    return tuple(fill_wording(line, {"paragraphs": paragraphs}) for line in lines)


def _exclusion_resolutions(items: Sequence[Item]) -> tuple[Resolution, ...]:
    """The resolution excluding the press and public for the exempt items among ``items``."""
    exempt = [it.exemption for it in items if it.exemption is not None]
    paragraphs = [e.paragraph for e in exempt if e.paragraph is not None]
    confidential = any(e.basis is not ExemptionBasis.EXEMPT for e in exempt)
    return exclusion_item(paragraphs, confidential=confidential).resolutions


def _with_exclusion(items: list[Item], template: Template | None, before: Sequence[Item], number: int) -> list[Item]:
    """``items`` with an exclusion item just before the first exempt item.

    Its wording names the exempt paragraphs, and it carries the resolution the minutes
    record, unless the clerk has reworded them.
    """
    at = next((i for i, it in enumerate(items) if it.kind is ItemKind.EXCLUSION), None)
    wording = _exclusion_wording(template, items)
    resolutions = _exclusion_resolutions(items)
    if at is None:
        title = template.exclusion.title if template and template.exclusion else "Exclusion of Press and Public"
        exclusion = Item(uid="exclusion", agenda_number=str(number), minute_number=str(number),
                         kind=ItemKind.EXCLUSION, title=title, wording=wording,
                         resolutions=resolutions)  # fmt: skip
    else:
        exclusion = items.pop(at)
        if exclusion.wording == _exclusion_wording(template, before):
            exclusion = dataclasses.replace(exclusion, wording=wording)
        if exclusion.resolutions in ((), _exclusion_resolutions(before)):
            exclusion = dataclasses.replace(exclusion, resolutions=resolutions)
    first_exempt = next(i for i, it in enumerate(items) if it.is_exempt)
    items.insert(min(first_exempt, len(items) if at is None else at), exclusion)
    return items


def add_report_item(
    meeting: Meeting,
    *,
    title: str,
    report_kind: str = "Report",
    author: str = "",
    exempt_paragraph: int | None = None,
    position: int | None = None,
    kind: ItemKind = ItemKind.REPORT,
    template: Template | None = None,
    public_title: str = "",
) -> Meeting:
    """The meeting with a new report item, numbered in place in a draft agenda (the next
    free number once the agenda is published).

    A public item goes before the end standing items; an exempt one goes last, with
    ``public_title`` for public documents, and an exclusion item naming the exempt
    paragraphs is put before the first exempt item. ``template`` defaults to the
    meeting's own.
    """
    if not title.strip():
        raise MinutebookError("A new item needs a title.")
    if position is not None and not 0 <= position <= len(meeting.items):
        raise MinutebookError(f"Position {position} is outside the agenda (0 to {len(meeting.items)}).")
    if template is None and meeting.template:
        template = load_template(meeting.template)
    number = numbering.highest_number(meeting.items) + 1
    exemption = Exemption(paragraph=exempt_paragraph) if exempt_paragraph is not None else None
    if exemption and not any(it.kind is ItemKind.EXCLUSION for it in meeting.items):
        number += 1
    item = Item(
        uid=new_uid({it.uid for it in meeting.items}), agenda_number=str(number), minute_number=str(number),
        kind=kind, title=title.strip(), exemption=exemption,
        public_title=public_title.strip() if exemption else "",
        report=Report(kind=report_kind or "Report", author=author.strip()) if author.strip() else None,
    )  # fmt: skip
    items = list(meeting.items)
    if position is None:
        ends = template.end_uids if template else frozenset()
        stops = (i for i, it in enumerate(items) if it.uid in ends or it.kind is ItemKind.EXCLUSION or it.is_exempt)
        position = len(items) if exemption else next(stops, len(items))
    items.insert(position, item)
    if exemption is not None:
        items = _with_exclusion(items, template, meeting.items, number - 1)
    return renumber_draft(meeting, dataclasses.replace(meeting, items=tuple(items)))


def remove_item(meeting: Meeting, uid: str) -> Meeting:
    """The meeting without item ``uid`` (and without the exclusion item once nothing is exempt)."""
    index = _index(meeting, uid)
    items = [*meeting.items[:index], *meeting.items[index + 1 :]]
    if not any(it.is_exempt for it in items):
        items = [it for it in items if not (it.kind is ItemKind.EXCLUSION and it.uid == "exclusion")]
    return renumber_draft(meeting, dataclasses.replace(meeting, items=tuple(items)))


def move_item(meeting: Meeting, uid: str, delta: int) -> Meeting:
    """The meeting with item ``uid`` moved ``delta`` places (negative is up); a draft agenda
    is numbered again in its new order, a published one keeps its numbers."""
    index = _index(meeting, uid)
    if not 0 <= index + delta < len(meeting.items):
        raise MinutebookError(
            f"The item '{meeting.items[index].title or uid}' cannot move {abs(delta)} place(s): "
            f"it would go past the {'first' if delta < 0 else 'last'} item."
        )
    items = list(meeting.items)
    items.insert(index + delta, items.pop(index))
    return renumber_draft(meeting, dataclasses.replace(meeting, items=tuple(items)))


def add_standing_item(meeting: Meeting, standing: StandingItem) -> Meeting:
    """The meeting with a standing item of its template added (numbered in place in a
    draft agenda, else with the next free number): one that opens the agenda before the
    first report, one that ends it before private business."""
    number = str(numbering.highest_number(meeting.items) + 1)
    uid = new_uid({it.uid for it in meeting.items})
    item = Item(uid=uid, agenda_number=number, minute_number=number, kind=standing.kind,
                title=standing.title, wording=standing.wording,
                body=(Paragraph(text=standing.minutes),) if standing.minutes else ())  # fmt: skip
    items = list(meeting.items)
    if standing.position is Position.START:
        at = next((i for i, it in enumerate(items) if it.kind is ItemKind.REPORT), len(items))
    else:
        at = next((i for i, it in enumerate(items) if it.is_exempt or it.kind is ItemKind.EXCLUSION), len(items))
    items.insert(at, item)
    return renumber_draft(meeting, dataclasses.replace(meeting, items=tuple(items)))
