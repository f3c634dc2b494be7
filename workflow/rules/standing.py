"""Standing wording against the record: the sentences a template prefills must not
contradict what the minutes record, and standing items must not go out empty.

What lives here: :func:`standing_problems`, each a :class:`~workflow.errors.FieldError`
(a warning while the minutes are drafted; :mod:`workflow.rules.lifecycle` refuses to
circulate or publish minutes that have any): "There were no declarations of interest."
while an item records a declaration; "There were no outstanding issues." above open
actions or referrals; an exclusion of the press and public without its resolution; a
standing item with nothing in its minutes; :func:`require_standing` refuses a step while
any remains. And :func:`follow_record`, which drops the
prefilled sentence where the record now contradicts it (a declaration recorded, actions
carried forward), so that only wording typed by hand is left for the checks to flag.

What must not: I/O, templates, rendering.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from workflow.errors import FieldError, Refused
from workflow.record.model import (
    BulletList,
    Item,
    ItemKind,
    Meeting,
    Paragraph,
    Status,
    Withheld,
)

__all__ = ["STANDING_KINDS", "follow_record", "require_standing", "standing_problems"]

STANDING_KINDS = frozenset({
    ItemKind.ANNOUNCEMENTS, ItemKind.APOLOGIES, ItemKind.DECLARATIONS, ItemKind.MINUTES,
    ItemKind.OUTSTANDING_ISSUES, ItemKind.WORK_PROGRAMME, ItemKind.ANY_OTHER_BUSINESS,
})
"""Items a template puts on every agenda; each needs something in its minutes."""

_MINUTES = frozenset({Status.MINUTES_DRAFT, Status.MINUTES_CIRCULATED, Status.MINUTES_PUBLISHED})
"""Minutes still being made: approved minutes (imported ones too) are as they were signed."""

_PREFILLED_DECLARATIONS = re.compile(r"there (?:were|was) no declarations? of interests?\.?", re.I)
_PREFILLED_OUTSTANDING = re.compile(r"there (?:were|was) no outstanding issues?\.?", re.I)
_SAYS_NO_DECLARATIONS = re.compile(
    r"\bno\s+(?:(?:other|further|new)\s+)?(?:declarations?\s+of\s+(?:\w+\s+)?interests?"
    r"|(?:\w+\s+)?interests?\s+(?:were|was|had\s+been)\s+declared|declarations?\s+(?:were|was)\s+made)\b"
    r"|\bnone\s+(?:were|was)\s+declared\b",
    re.I,
)
_SAYS_NO_OUTSTANDING = re.compile(
    r"\bno\s+(?:\w+\s+)?outstanding\s+(?:issues?|actions?|items?|matters?|referrals?)\b"
    r"|\bnothing\s+(?:was\s+)?outstanding\b",
    re.I,
)


def _label(item: Item) -> str:
    number = item.minute_number or item.agenda_number
    return f"Item {number} '{item.title}'" if number else f"'{item.title}'"


def _paragraphs(item: Item) -> Iterator[tuple[int, str]]:
    for index, block in enumerate(item.body):
        if isinstance(block, Paragraph) and block.exemption is None:
            yield index, block.text


def _declared(meeting: Meeting) -> tuple[Item, str] | None:
    """The first item that records a declaration, and who declared."""
    for item in meeting.items:
        if item.declarations:
            return item, item.declarations[0].member
    return None


def _open(item: Item) -> list[str]:
    return [action.text for action in item.actions if not action.done]


def _has_minutes(item: Item) -> bool:
    """Whether the minutes print anything under the item beyond its heading."""
    for block in item.body:
        if isinstance(block, Withheld) or (isinstance(block, Paragraph) and block.text.strip()):
            return True
        if isinstance(block, BulletList) and any(b.strip() for b in block.bullets):
            return True
    decided = (item.planning is not None and bool(item.planning.decision)) or (
        item.licensing is not None and bool(item.licensing.decision))
    return bool(item.declarations or item.motions or item.actions or item.resolved_intro.strip()
                or any(r.text.strip() or r.children for r in item.resolutions)
                or item.decision_record is not None or decided)


def standing_problems(meeting: Meeting) -> list[FieldError]:
    """Where the standing wording contradicts the record, or a standing item is empty,
    as warnings; the last two are looked for from the start of the minutes until they are
    approved."""
    found: list[FieldError] = []
    declared = _declared(meeting)
    for index, item in enumerate(meeting.items):
        at = f"items[{index}]"
        if item.kind is ItemKind.DECLARATIONS and declared is not None:
            by, member = declared
            for j, text in _paragraphs(item):
                if _SAYS_NO_DECLARATIONS.search(text):
                    found.append(FieldError(f"{at}.body[{j}].text", (
                        f"{_label(item)} says there were no declarations of interest, but "
                        f"{_label(by)} records a declaration by {member}; remove that sentence."
                    ), "warning"))
        if item.kind is ItemKind.OUTSTANDING_ISSUES and (still := _open(item)):
            for j, text in _paragraphs(item):
                if _SAYS_NO_OUTSTANDING.search(text):
                    noun = "an open action" if len(still) == 1 else f"{len(still)} open actions"
                    found.append(FieldError(f"{at}.body[{j}].text", (
                        f"{_label(item)} says there were no outstanding issues, but it lists "
                        f"{noun} ('{still[0]}'); remove that sentence or mark the actions done."
                    ), "warning"))
        if meeting.status not in _MINUTES:
            continue
        if item.kind is ItemKind.EXCLUSION and not any(r.text.strip() for r in item.resolutions):
            found.append(FieldError(f"{at}.resolutions", (
                f"{_label(item)} has no resolution; record the resolution excluding the press "
                "and public."), "warning"))
        elif item.kind in STANDING_KINDS and not _has_minutes(item):
            found.append(FieldError(f"{at}.body", (
                f"{_label(item)} has nothing in its minutes; write what was said or agreed "
                "(or remove the item)."), "warning"))
    return found


def require_standing(meeting: Meeting, step: str) -> None:
    """Refuse ``step`` (circulating, publishing the minutes) while any problem remains."""
    found = standing_problems(meeting)
    if found:
        more = f" ({len(found) - 1} more to put right before {step})" if len(found) > 1 else ""
        raise Refused(found[0].message.rstrip(".") + more + ".")


def follow_record(meeting: Meeting) -> Meeting:
    """``meeting`` without the prefilled "no declarations" and "no outstanding issues"
    sentences where the record contradicts them; anything else is left as typed."""
    declared = _declared(meeting) is not None
    items = []
    for item in meeting.items:
        prefilled = None
        if item.kind is ItemKind.DECLARATIONS and declared:
            prefilled = _PREFILLED_DECLARATIONS
        elif item.kind is ItemKind.OUTSTANDING_ISSUES and _open(item):
            prefilled = _PREFILLED_OUTSTANDING
        if prefilled is not None:
            body = tuple(b for b in item.body if not (
                isinstance(b, Paragraph) and b.exemption is None and prefilled.fullmatch(b.text.strip())))
            if body != item.body:
                item = dataclasses.replace(item, body=body)
        items.append(item)
    changed = tuple(items)
    return meeting if changed == meeting.items else dataclasses.replace(meeting, items=changed)
