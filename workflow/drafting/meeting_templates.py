"""The template catalogue: the meeting templates in ``templates/`` as validated objects.

Lives here: :class:`Template` and :class:`StandingItem` (the YAML files as objects),
:func:`load_template` (read, resolve ``extends``, validate, cache), :func:`list_templates`,
and how a template's standing items become items (:func:`standing_item`,
:func:`fill_wording`). Must not live here: building a new meeting
(:mod:`workflow.drafting.new_meeting`) or editing one (:mod:`workflow.drafting.items`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import functools
import re
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any

import templates
from schemas import validate
from workflow.errors import FieldError, InvalidRecord, NotFound
from workflow.record.codec import decode, load_yaml
from workflow.record.model import Item, ItemKind, MeetingKind, Paragraph, Report

__all__ = [
    "Exclusion", "MeetingType", "Position", "StandingItem", "Template", "fill_wording",
    "list_templates", "load_template", "standing_item", "standing_uids",
]  # fmt: skip


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
        pairs = zip(standing_uids(self), self.standing_items, strict=True)
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


# ------------------------------------------------------------------ standing items


def fill_wording(text: str, values: Mapping[str, str]) -> str:
    """A template's wording with its ``{placeholders}`` filled from ``values`` (others kept)."""
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), text)


def standing_uids(template: Template) -> list[str]:
    """The uid each standing item gets: its kind, numbered when a kind comes twice."""
    kinds = [s.kind.value for s in template.standing_items]
    counts = [kinds[: i + 1].count(kind) for i, kind in enumerate(kinds)]
    return [kind if n == 1 else f"{kind}-{n}" for kind, n in zip(kinds, counts, strict=True)]


def standing_item(uid: str, standing: StandingItem, template: Template, values: Mapping[str, str]) -> Item:
    """A standing item; a lone wording line "<report kind> of the <author>" becomes its report."""
    wording = tuple(fill_wording(line, values) for line in standing.wording)
    report = None
    for kind in template.report_kinds if len(wording) == 1 else ():
        if match := re.fullmatch(rf"{re.escape(kind)} of the (.+)", wording[0].strip()):
            report = Report(kind=kind, author=match.group(1))
    minutes = fill_wording(standing.minutes, values)
    return Item(uid=uid, kind=standing.kind, title=standing.title, report=report,
                wording=() if report else wording, body=(Paragraph(text=minutes),) if minutes else ())  # fmt: skip
