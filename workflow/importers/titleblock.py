"""The title block of printed minutes: the lines at the top that say which body met, when
and where (read with :mod:`.titles`), the council's name above them, and the date of the
sentence calling the meeting to order when nothing else gives one.

:func:`read_title_block` marks the lines it reads as used and hands back where the rest of
the document starts; lines above the heading it cannot read are kept for review.
"""

from __future__ import annotations

import re

from workflow.importers import headings as hd
from workflow.importers.assemble import Draft
from workflow.importers.common import Ledger, SourceLine, clean, find_date, find_time
from workflow.importers.header import header_line
from workflow.importers.people import group_heading
from workflow.importers.titles import BODY, body_name, held_facts, opening_facts, title_facts

__all__ = ["council_like", "date_line", "item_like", "read_title_block"]


_STARTS = re.compile(
    r"(?i)\b(?:minutes\s+of|summoned\s+to\s+attend|meeting\s+of\b|called\s+.{0,40}meeting|met\s+in\s+"
    r"(?:\w+\s+){0,3}(?:session|meeting))"
)


_TITLE_BLOCK = 40


def read_title_block(lines: list[SourceLine], draft: Draft, ledger: Ledger) -> int:
    """Read the title block (which may span lines); return where the rest starts."""
    content = [i for i, line in enumerate(lines) if not line.blank]
    top = content[:_TITLE_BLOCK]
    first = next((n for n, i in enumerate(top) if item_like(clean(lines[i].text))), len(top))
    top = top[:max(first, 1)]
    best = _opening(lines, top, draft, ledger)
    if best is None and len(content) > _TITLE_BLOCK:
        best = _opening(lines, content[_TITLE_BLOCK:], draft, ledger, strict=True)
    last = best if best is not None else -1
    for index in top:
        if best is not None and index > best:
            break
        if lines[index].key in ledger.used:
            continue
        numbered = hd.numbered(clean(lines[index].text))
        if numbered is not None and numbered.dotted:
            continue
        facts = title_facts(lines[index].text) or (None if draft.date else held_facts(lines[index].text)) \
            or _body_line(lines[index].text, draft)
        if facts is None and not draft.date and date_line(lines[index].text):
            facts = {"date": find_date(lines[index].text)[0]}
        if facts is None:
            continue
        _apply(facts, draft, override=False)
        ledger.use(lines[index])
        last = max(last, index)
    if not draft.date and not draft.date_words or draft.start is None:
        _date_in_opening(lines, content[:80], draft, ledger)
    for i in (x for x in content[: max(last, 0)] if lines[x].key not in ledger.used):
        if not draft.council and council_like(lines[i].text) and len(clean(lines[i].text).split()) <= 6:
            draft.council = " ".join(w if not w.isupper() else w.capitalize() for w in clean(lines[i].text).split())
            ledger.use(lines[i])
    if last < 0:
        return 0
    for i in (x for x in content if x < last):
        if lines[i].key not in ledger.used and not header_line(lines[i], draft, ledger):
            ledger.not_understood(lines[i], "text above the heading")
    return last + 1


def _opening(lines: list[SourceLine], indexes: list[int], draft: Draft, ledger: Ledger,
             strict: bool = False) -> int | None:
    """The "Minutes of the meeting of …" heading or opening sentence, joined over lines."""
    for pos, index in enumerate(indexes):
        if not _STARTS.search(clean(lines[index].text)):
            continue
        numbered = hd.numbered(clean(lines[index].text))
        if numbered is not None and numbered.dotted and not numbered.minute:
            continue
        used = [index]
        text = clean(lines[index].text)
        found = opening_facts(text)
        for extra in indexes[pos + 1: pos + 7]:
            if found and found.get("date"):
                break
            nxt = clean(lines[extra].text)
            if group_heading(nxt) or len(nxt) > 160 or hd.numbered(nxt) and not find_date(nxt)[1]:
                break
            text += " " + nxt
            joined = opening_facts(text)
            if joined and (not found or joined.get("date") and not found.get("date")):
                found, used = joined, [*used[:1], *(i for i in indexes[pos + 1: pos + 7] if i <= extra)]
        if found is None:
            continue
        previous = indexes[pos - 1] if pos else None
        if previous is not None and not found.get("date") and date_line(lines[previous].text):
            found["date"] = find_date(lines[previous].text)[0]
            used.append(previous)
        if strict and not found.get("date"):
            continue
        above = [i for i in indexes[max(0, pos - 2): pos] if council_like(lines[i].text)
                 and lines[i].key not in ledger.used and i not in used]
        if above and not found.get("council"):
            found["council"] = " ".join(clean(lines[i].text) for i in above)
            used.extend(above)
        _apply(found, draft, override=True)
        ledger.use(*(lines[i] for i in used))
        return max(used)
    return None


def _date_in_opening(lines: list[SourceLine], indexes: list[int], draft: Draft, ledger: Ledger) -> None:
    """No date in the title block: the date of a sentence calling the meeting to order."""
    for index in indexes:
        text = clean(lines[index].text)
        if re.search(r"(?i)\bcalled\s+(?:\w+\s+){0,3}to\s+order\b|\bconvened\b", text) and \
                not re.search(r"(?i)\bminutes\b|\bprevious\b|\blast\s+meeting\b", text):
            if draft.start is None:
                draft.start = find_time(text)[0]
            when = find_date(text)[0]
            if draft.date is not None:
                return
            if when is not None:
                draft.date = when
                ledger.warn(f"Line {lines[index].number}: the meeting date {when.isoformat()} was taken "
                            "from the sentence calling the meeting to order; check it.")
                return


def _apply(facts: dict[str, object], draft: Draft, *, override: bool) -> None:
    for key in ("committee_name", "council", "date", "date_words", "start", "venue", "kind"):
        value = facts.get(key)
        if value and (override or not getattr(draft, key) or getattr(draft, key) == draft.__class__.__dataclass_fields__[key].default):
            setattr(draft, key, value)
    if facts.get("minutes"):
        draft.minutes = True


def _body_line(text: str, draft: Draft) -> dict[str, object] | None:
    """A line that names a body and nothing else: ``PLANNING COMMITTEE``, ``Eastbrook District
    Council`` (a council's name is kept as the council)."""
    text = clean(text).strip(" .:")
    if len(text.split()) > 8 or re.search(r"\d", text) or not re.search(rf"(?i)\b{BODY}$", text):
        return None
    if any(w[:1].islower() and w not in ("and", "of", "&") for w in text.split()):
        return None
    if council_like(text) and re.search(r"(?i)\bcouncil$", text):
        return None if draft.council else {"council": text}
    return None if draft.committee_name else body_name(text, text)


def item_like(text: str) -> bool:
    """An item heading or an attendance heading: the title block ends before it."""
    if hd.number_alone(text):
        return True
    found = hd.numbered(text)
    if found is None or find_time(text)[1]:
        return False
    if re.match(r"(?i)to\s+[a-z]+\b", found.title) and found.dotted:
        return True
    return (not found.plain or hd.capitals(found.title) or hd.title_case(found.title)) \
        and not find_date(text)[1]


def council_like(text: str) -> bool:
    text = clean(text)
    return len(text) < 80 and not find_date(text)[1] and bool(re.search(
        r"(?i)\b(council|borough|city|county|district|parish|town|authority)\b", text)) \
        and not re.search(r"(?i)\bminutes\b|\bagenda\b", text)


def date_line(text: str) -> bool:
    """A line that is a date and little else (``10 March 2020``, ``Cleveland, Ohio January 8, 1996.``)."""
    when, words = find_date(clean(text))
    return when is not None and len(clean(text)) <= len(words) + 40
