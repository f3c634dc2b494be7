"""Meeting templates and the building of a new meeting from one.

Lives here: :class:`Template` and :class:`StandingItem` (the YAML files in ``templates/``
as objects), :func:`load_template` (read, resolve ``extends``, validate, cache),
:func:`new_meeting` (a committee's next meeting: expected attendance, standing items,
wording, numbers running on through the municipal year) and the small pure edits the command line and the terminal UI share:
:func:`add_report_item`, :func:`remove_item`, :func:`move_item`, :func:`new_uid`.

Must not live here: numbering rules (:mod:`workflow.record.numbering`), membership rules
(:mod:`workflow.rules.membership`), carrying actions forward (:mod:`workflow.rules.followup`),
archive access or rendering. Edits never renumber: only
:func:`workflow.record.numbering.renumber` changes stored numbers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import functools
import re
from collections.abc import Collection, Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any

import templates
from schemas import validate
from workflow.errors import FieldError, InvalidRecord, MinutebookError, NotFound
from workflow.record import numbering
from workflow.record.codec import decode, load_yaml
from workflow.record.model import (
    Committee,
    Contact,
    Exemption,
    Item,
    ItemKind,
    Meeting,
    MeetingKind,
    Paragraph,
    Person,
    Report,
    Status,
)
from workflow.rules.followup import fill_minutes_item, minutes_wording
from workflow.rules.membership import expected_attendance
from workflow.settings import Settings
from workflow.text.dates import format_date

__all__ = [
    "Exclusion", "MeetingType", "Position", "StandingItem", "Template", "add_report_item",
    "list_templates", "load_template", "move_item", "new_meeting", "new_uid",
    "remove_item",
]  # fmt: skip

_NO_PREVIOUS = "[date of the previous meeting]"
_ID = re.compile(r"[a-z0-9][a-z0-9-]*/\d{4}-\d{2}-\d{2}(?:-\d+)?")
_GENERATED_UID = re.compile(r"i(\d+)")
_DEFAULT_EXCLUSION = (
    "To consider whether to exclude the press and public for the items of private business "
    "that follow, because they involve the likely disclosure of exempt information within "
    "paragraph {paragraphs} of Schedule 12A to the Local Government Act 1972."
)


class MeetingType(StrEnum):
    SCRUTINY = "scrutiny"
    EXECUTIVE = "executive"
    COUNCIL = "council"
    PLANNING = "planning"
    LICENSING = "licensing"
    OTHER = "other"


class Position(StrEnum):
    """Standing items at the start come before the reports; those at the end after."""

    START = "start"
    END = "end"


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class StandingItem:
    """An item every meeting of the template's kinds starts with (or ends with)."""

    kind: ItemKind
    title: str
    position: Position = Position.START
    when: tuple[MeetingKind, ...] = ()
    """The meeting kinds it applies to; empty means all."""
    wording: tuple[str, ...] = ()
    """Agenda wording lines; ``{previous_date}`` and ``{previous_dates}`` are filled in."""
    minutes: str = ""
    """Default minute text, which the clerk edits."""

    def applies_to(self, kind: MeetingKind) -> bool:
        return not self.when or kind in self.when


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Exclusion:
    """The resolution excluding press and public before private business."""

    title: str
    wording: tuple[str, ...] = ()
    """May name the exempt paragraphs as ``{paragraphs}`` ("3", "1 and 3")."""


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Template:
    """One type of meeting: its standing items, wording and numbering conventions."""

    slug: str
    name: str
    meeting_type: MeetingType = MeetingType.OTHER
    extends: str = ""
    description: str = ""
    executive: bool = False
    """Executive decision-making: records of decision, key decisions, call-in."""
    kinds: tuple[MeetingKind, ...] = (MeetingKind.ORDINARY,)
    default_start: dt.time | None = None
    resolution_labels: str = "(a)"
    report_kinds: tuple[str, ...] = ("Report",)
    item_fields: tuple[str, ...] = ()
    """planning, licensing, key_decision, decision_record, recorded_votes."""
    standing_items: tuple[StandingItem, ...] = ()
    exclusion: Exclusion | None = None
    minute_prefix: str = ""
    """Letters before minute numbers in references (``PLA`` in ``PLA146/14``)."""

    @property
    def end_uids(self) -> frozenset[str]:
        """The uids of the standing items that come after the reports."""
        pairs = zip(_standing_uids(self), self.standing_items, strict=True)
        return frozenset(uid for uid, s in pairs if s.position is Position.END)


# ------------------------------------------------------------------ loading


def _slugs(directory: Path | None) -> list[str]:
    if directory is None:
        return templates.template_slugs()
    return sorted(p.stem for p in directory.glob("*.yaml"))


def _raw(slug: str, directory: Path | None) -> dict[str, Any]:
    path = directory / f"{slug}.yaml" if directory is not None else templates.template_path(slug)
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug) or not path.is_file():
        known = _slugs(directory)
        close = difflib.get_close_matches(slug, known, n=1, cutoff=0.5)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise NotFound(
            f"There is no template called '{slug}'{hint}; the templates are: {', '.join(known)}."
        )
    data = load_yaml(path.read_bytes(), where=f"The template file {path.name}")
    if data.get("slug") != slug:
        problem = f"is '{data.get('slug')}' but should be '{slug}', as the file is named"
        raise InvalidRecord(f"The template file {path.name}", [FieldError("slug", problem)])
    return data


def _resolved(slug: str, directory: Path | None, chain: tuple[str, ...]) -> dict[str, Any]:
    data = _raw(slug, directory)
    parent = data.get("extends") or ""
    if not parent:
        return data
    where = f"The template file {slug}.yaml"
    if not isinstance(parent, str):
        raise InvalidRecord(where, [FieldError("extends", "should be the slug of a template")])
    if parent in (*chain, slug):
        circle = " -> ".join((*chain, slug, parent))
        raise InvalidRecord(where, [FieldError("extends", f"goes round in a circle ({circle})")])
    try:
        base = _resolved(parent, directory, (*chain, slug))
    except NotFound:
        problem = f"names '{parent}', which is not a template ({', '.join(_slugs(directory))})"
        raise InvalidRecord(where, [FieldError("extends", problem)]) from None
    return {**base, **data}


def _when_errors(template: Template) -> list[FieldError]:
    held = ", ".join(template.kinds)
    return [
        FieldError(f"standing_items[{i}].when",
                   f"names '{kind}', which this template does not hold (its kinds are: {held})")
        for i, standing in enumerate(template.standing_items)
        for kind in standing.when
        if kind not in template.kinds
    ]  # fmt: skip


@functools.cache
def _load(slug: str, directory: Path | None) -> Template:
    data = _resolved(slug, directory, ())
    where = f"The template {slug}"
    report = validate("template", data)
    if report.errors:
        raise InvalidRecord(where, [FieldError(p.path, p.message, p.severity) for p in report.errors])
    template = decode(Template, data, where=where)
    if errors := _when_errors(template):
        raise InvalidRecord(where, errors)
    return template


def load_template(slug: str, *, directory: Path | None = None) -> Template:
    """The template ``slug`` (from ``directory``, or the shipped ones), validated and cached."""
    return _load(slug, directory)


def list_templates(*, directory: Path | None = None) -> list[Template]:
    """Every template, sorted by slug."""
    return [load_template(slug, directory=directory) for slug in _slugs(directory)]


# ------------------------------------------------------------------ wording


def _joined(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _fill(text: str, values: Mapping[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), text)


def _standing_uids(template: Template) -> list[str]:
    kinds = [s.kind.value for s in template.standing_items]
    counts = [kinds[: i + 1].count(kind) for i, kind in enumerate(kinds)]
    return [kind if n == 1 else f"{kind}-{n}" for kind, n in zip(kinds, counts, strict=True)]


def _standing_item(uid: str, standing: StandingItem, template: Template, values: Mapping[str, str]) -> Item:
    """A standing item; a lone wording line "<report kind> of the <author>" becomes its report."""
    wording = tuple(_fill(line, values) for line in standing.wording)
    report = None
    for kind in template.report_kinds if len(wording) == 1 else ():
        if match := re.fullmatch(rf"{re.escape(kind)} of the (.+)", wording[0].strip()):
            report = Report(kind=kind, author=match.group(1))
    minutes = _fill(standing.minutes, values)
    return Item(uid=uid, kind=standing.kind, title=standing.title, report=report,
                wording=() if report else wording, body=(Paragraph(text=minutes),) if minutes else ())  # fmt: skip


# ------------------------------------------------------------------ new meeting


def _earlier(previous: Sequence[Meeting], committee: str, date: dt.date, meeting_id: str) -> list[Meeting]:
    found = [m for m in previous if m.committee == committee and m.id != meeting_id and m.date <= date]
    return sorted((m for m in found if m.status is not Status.CANCELLED), key=lambda m: (m.date, m.id))


def _awaiting_approval(earlier: Sequence[Meeting]) -> list[Meeting]:
    """The latest meetings whose minutes are neither approved nor due for approval elsewhere."""
    scheduled = {mid for m in earlier for it in m.items for mid in it.approves}
    waiting: list[Meeting] = []
    for meeting in reversed(earlier):
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
                f"({_joined([format_date(m.date) for m in waiting])}); "
                "the Minutes item's wording names only the latest.",)  # fmt: skip
    return ()


def new_meeting(
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
) -> Meeting:
    """The committee's new meeting on ``date``, drafted from ``template``.

    ``previous`` holds the committee's meetings in the archive: numbers run on from them
    within the municipal year and the Minutes item approves those still awaiting approval.
    Open actions are carried forward by :func:`workflow.rules.followup.carry_forward`.
    """
    stem = f"{committee.slug}/{date.isoformat()}"
    meeting_id = meeting_id or stem
    _check_new(template, kind, stem, meeting_id, previous)
    earlier = _earlier(previous, committee.slug, date, meeting_id)
    waiting = _awaiting_approval(earlier)
    dates = [format_date(m.date) for m in waiting or earlier[-1:]]
    values = {"previous_date": dates[-1] if dates else _NO_PREVIOUS,
              "previous_dates": _joined(dates) if dates else _NO_PREVIOUS}  # fmt: skip
    items = []
    for uid, standing in zip(_standing_uids(template), template.standing_items, strict=True):
        if standing.applies_to(kind):
            item = _standing_item(uid, standing, template, values)
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
        items=ordered, notes=_notes(ordered, waiting, earlier),
    )  # fmt: skip
    year_start = settings.municipal_year_start
    first = numbering.first_number(earlier, date, year_start)
    agenda_first = numbering.first_number(earlier, date, year_start, which="agenda")
    return numbering.renumber(meeting, first, agenda_first=agenda_first)


# ------------------------------------------------------------------ editing


def new_uid(existing: Collection[str]) -> str:
    """A fresh item uid: ``i`` and one more than the highest ``i<n>`` in use."""
    numbers = [int(m.group(1)) for uid in existing if (m := _GENERATED_UID.fullmatch(uid))]
    return f"i{max(numbers, default=0) + 1}"


def _index(meeting: Meeting, uid: str) -> int:
    for index, item in enumerate(meeting.items):
        if item.uid == uid:
            return index
    raise NotFound(f"There is no item '{uid}' in the meeting {meeting.id}.")


def _exclusion_wording(template: Template | None, items: Sequence[Item]) -> tuple[str, ...]:
    found = sorted({it.exemption.paragraph for it in items if it.exemption and it.exemption.paragraph})
    paragraphs = _joined([str(p) for p in found]) if found else ""
    lines = template.exclusion.wording if template and template.exclusion else (_DEFAULT_EXCLUSION,)
    return tuple(_fill(line, {"paragraphs": paragraphs}) for line in lines)


def _with_exclusion(items: list[Item], template: Template | None, before: Sequence[Item], number: int) -> list[Item]:
    """``items`` with an exclusion item just before the first exempt item.

    Its wording names the exempt paragraphs, unless the clerk has reworded it.
    """
    at = next((i for i, it in enumerate(items) if it.kind is ItemKind.EXCLUSION), None)
    wording = _exclusion_wording(template, items)
    if at is None:
        title = template.exclusion.title if template and template.exclusion else "Exclusion of Press and Public"
        exclusion = Item(uid="exclusion", agenda_number=str(number), minute_number=str(number),
                         kind=ItemKind.EXCLUSION, title=title, wording=wording)  # fmt: skip
    else:
        exclusion = items.pop(at)
        if exclusion.wording == _exclusion_wording(template, before):
            exclusion = dataclasses.replace(exclusion, wording=wording)
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
) -> Meeting:
    """The meeting with a new report item and the next free number (nothing is renumbered).

    A public item goes before the end standing items; an exempt one goes last, and an
    exclusion item naming the exempt paragraphs is put before the first exempt item.
    ``template`` defaults to the meeting's own.
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
    return dataclasses.replace(meeting, items=tuple(items))


def remove_item(meeting: Meeting, uid: str) -> Meeting:
    """The meeting without item ``uid`` (and without the exclusion item once nothing is exempt)."""
    index = _index(meeting, uid)
    items = [*meeting.items[:index], *meeting.items[index + 1 :]]
    if not any(it.is_exempt for it in items):
        items = [it for it in items if not (it.kind is ItemKind.EXCLUSION and it.uid == "exclusion")]
    return dataclasses.replace(meeting, items=tuple(items))


def move_item(meeting: Meeting, uid: str, delta: int) -> Meeting:
    """The meeting with item ``uid`` moved ``delta`` places (negative is up); numbers stay."""
    index = _index(meeting, uid)
    if not 0 <= index + delta < len(meeting.items):
        raise MinutebookError(
            f"The item '{meeting.items[index].title or uid}' cannot move {abs(delta)} place(s): "
            f"it would go past the {'first' if delta < 0 else 'last'} item."
        )
    items = list(meeting.items)
    items.insert(index + delta, items.pop(index))
    return dataclasses.replace(meeting, items=tuple(items))
