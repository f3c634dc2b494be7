"""Printed minutes (and agendas) as text: PDF, HTML or Markdown copies, and the paragraphs
of a Word document (see :mod:`.docx_reader`, which marks its headings and lists).

The document is read top to bottom: the title block (:mod:`.titles`), the attendance
groups ("Present:", "Those attending:", "In attendance:", a roll call), section
headings (Part 1 / Part 2, closed session), item headings (:mod:`.headings`: numbers and
minute references as written, "(Item 3)" under a title, titles in capitals), the
minutes under each heading, and "(Meeting closed at …)". This module only splits the
text into those parts; :mod:`.assemble` and :mod:`.minutes` read them.
"""

from __future__ import annotations

import re

from workflow.importers import decisions as dec
from workflow.importers import headings as hd
from workflow.importers.assemble import Draft, DraftItem, is_report_line
from workflow.importers.common import (
    Ledger,
    SourceLine,
    clean,
    find_date,
    find_time,
    furniture,
    split_names,
)
from workflow.importers.header import date_only, header_line, section_of
from workflow.importers.people import group_heading
from workflow.importers.titles import BODY, body_name, held_facts, opening_facts, title_facts

__all__ = ["NOT_PLACED", "split_printed"]

NOT_PLACED = "Not yet placed"
_LONE_LABEL = re.compile(r"^\s*(?:\(?[a-z]{1,3}\)|\(?\d{1,3}[.)]|\d{1,3}\.\d{1,2})\s*$", re.I)
_STARTS = re.compile(
    r"(?i)\b(?:minutes\s+of|summoned\s+to\s+attend|meeting\s+of\b|called\s+.{0,40}meeting|met\s+in\s+"
    r"(?:\w+\s+){0,3}(?:session|meeting))"
)
_TITLE_BLOCK = 40


def split_printed(raw: list[SourceLine], ledger: Ledger, *, fmt: str = "printed") -> Draft:
    """Split printed minutes (or a Word document's lines) into header, attendance and items."""
    splitter = _Splitter(Draft(format=fmt), _join_lone_labels(raw, ledger), ledger)
    splitter.run()
    draft = splitter.draft
    _tidy_numbers(draft, ledger)
    if draft.items and draft.minutes:
        for each in draft.items:
            each.has_minutes = True
    return draft


def _tidy_numbers(draft: Draft, ledger: Ledger) -> None:
    """Number a run of items all printed "1." in order; take a repeated number off its repeat."""
    items = draft.items
    index = 0
    while index < len(items):
        end = index
        while end + 1 < len(items) and items[end + 1].number and items[end + 1].number == items[index].number:
            end += 1
        if end - index >= 2 and items[index].number.isdigit():
            first = int(items[index].number)
            for step, item in enumerate(items[index: end + 1]):
                item.number = str(first + step)
            ledger.warn(f"Lines {items[index].line}-{items[end].line}: every item is numbered "
                        f"'{first}.' in the source (its list numbering was lost); they are numbered "
                        f"{first}-{first + end - index} in order; check them.")
        index = end + 1
    seen: dict[tuple[str, str], int] = {}
    for item in items:
        for field in ("number", "minute_number"):
            value = getattr(item, field)
            if not value:
                continue
            if (field, value) in seen:
                setattr(item, field, "")
                ledger.warn(f"Line {item.line}: item '{value}' appears again (first on line "
                            f"{seen[field, value]}); the repeat is kept without its number.")
            else:
                seen[field, value] = item.line


class _Splitter:
    def __init__(self, draft: Draft, lines: list[SourceLine], ledger: Ledger) -> None:
        self.draft, self.lines, self.ledger = draft, lines, ledger
        self.start = _heading(lines, draft, ledger)
        self.headers = {clean(x.text).lower() for x in lines[: self.start] if not x.blank}
        self.state = "header"
        self.item: DraftItem | None = None
        self.private = False
        self.draft.numbered = _numbered_document(lines)

    def run(self) -> None:
        for index in range(self.start, len(self.lines)):
            line = self.lines[index]
            if line.key in self.ledger.used:
                continue
            if not line.blank and not self._structure(index, line, clean(line.text)):
                self._other(index, line, clean(line.text))

    def _structure(self, index: int, line: SourceLine, text: str) -> bool:
        """Furniture, running headers, section headings and item headings."""
        reason = furniture(text) if line.hint != "number" else None
        if reason:
            self.ledger.ignore(line, reason)
            return True
        if self.state != "header" and (text.lower() in self.headers or _running_header(text, self.draft)):
            self.ledger.ignore(line, "repeated page header")
            return True
        if self.state == "header" and re.fullmatch(r"(?i)agenda|minutes|a g e n d a", text):
            return False
        below = next((x for x in self.lines[index + 1: index + 3] if not x.blank), None)
        number = hd.item_below(clean(below.text)) if below is not None and len(text) < 150 else None
        if number is not None and not hd.item_below(text):
            self._open(DraftItem(title=text.rstrip(":"), line=line.number, number=number), line)
            self.ledger.use(below)  # type: ignore[arg-type]
            return True
        section = section_of(text) if line.hint in ("", "heading") else None
        if section is not None and len(text) < 70:
            self.private, paragraph = section
            self.draft.section_paragraph = paragraph or self.draft.section_paragraph
            self.ledger.use(line)
            if not re.search(r"(?i)\b(?:meeting|session)\b", text):
                return True
            heading: DraftItem | None = DraftItem(title=text.rstrip(":"), line=line.number)
        elif (self.state in ("header", "attendance") or self.item is not None and self.item.title == NOT_PLACED) \
                and _bare_group(self.lines, index, text):
            heading = DraftItem(title=text.rstrip(":"), line=line.number)
        else:
            below = hd.item_below(text)
            if below is not None and self._number_above(below, line):
                return True
            heading = _item_heading(self.lines, index, self.item, self.draft)
            if heading is None and (self.state == "items" or self.state == "attendance"
                                    and not _attendance(text) or line.text.startswith("- ")
                                    or _INLINE_MINUTES.match(text) or _after_gap(self.lines, index)):
                heading = _unnumbered(self.lines, index, self.item, self.draft)
            if heading is None:
                return False
        self._open(heading, line)
        return True

    def _open(self, heading: DraftItem, line: SourceLine) -> None:
        if heading is self.item:
            self.ledger.use(line)
            return
        self.item = heading
        heading.private = self.private
        if heading.line == line.number:
            heading.part = line.part
        self.draft.items.append(heading)
        self.ledger.use(line)
        self.state = "items"
        if heading.rest:
            _content(heading, line.but(heading.rest), self.draft)

    def _number_above(self, number: str, line: SourceLine) -> bool:
        """``(Item 3)`` under a title: the title line above starts item 3."""
        item = self.item
        if item is not None and not item.number and not item.agenda and not item.minutes:
            item.number = number
            self.ledger.use(line)
            return True
        source = item.minutes if item is not None and item.minutes else item.agenda if item is not None else []
        if not source:
            return False
        title = source.pop()
        heading = DraftItem(title=clean(title.text).strip(), line=title.number, number=number)
        self._open(heading, line)
        return True

    def _other(self, index: int, line: SourceLine, text: str) -> None:
        """Header lines, attendance, or the minutes of the current item."""
        if self.state == "header" and header_line(line, self.draft, self.ledger):
            return
        unplaced = self.item is not None and self.item.title == NOT_PLACED and len(self.draft.items) == 1
        roll = self.item is not None and re.fullmatch(
            r"(?i)roll\s+call|attendance|present|those\s+present|members\s+present|sederunt", self.item.title)
        if roll and (group_heading(text) or _attendance(text)):
            self.draft.attendance.append(line.but(text))
            return
        were = re.match(r"(?i)^(?:(?:council\s*)?(?:members?|councilmembers)\s+)?(?P<also>also\s+)?present\s+were\s+"
                        r"(?P<names>.*?)\.?$", text)
        if were and self.state in ("header", "attendance", "items") and len(self.draft.items) <= 1:
            self.draft.attendance.append(line.but(f"{'Also present' if were.group('also') else 'Present'}: "
                                                  f"{were.group('names')}"))
            self.state = "attendance" if not self.draft.items else self.state
            return
        if self.state in ("header", "attendance") and _attendance(text) or unplaced and group_heading(text):
            self.draft.attendance.append(line.but(text))
            self.state = "attendance"
            return
        if self.state == "header" and not self.draft.items and _early(index, self.start):
            self.ledger.not_understood(line, "not a heading, venue or contact line")
            return
        self.state = "items"
        if self.item is None:
            self.item = DraftItem(title=NOT_PLACED, line=line.number, private=self.private)
            self.draft.items.append(self.item)
        _content(self.item, line, self.draft)


def _running_header(text: str, draft: Draft) -> bool:
    """A page's running header: the committee's name and the date, and little else."""
    name = draft.committee_name.lower()
    if not name or len(text) >= 120 or name not in text.lower() or find_date(text)[0] != draft.date:
        return False
    rest = text.lower().replace(name, " ").replace(find_date(text)[1].lower(), " ")
    return len(re.findall(r"[a-z]{3,}", rest)) <= 4


def _early(index: int, start: int) -> bool:
    return index - start < 6


def _join_lone_labels(lines: list[SourceLine], ledger: Ledger) -> list[SourceLine]:
    out: list[SourceLine] = []
    pending: SourceLine | None = None
    for at, line in enumerate(lines):
        if pending is not None and not line.blank:
            out.append(line.but(f"{pending.text.strip()} {line.text.strip()}"))
            ledger.use(pending)
            ledger.warn(f"Line {pending.number}: '{pending.text.strip()}' was cut off from the line "
                        f"after it; joined to line {line.number}.")
            pending = None
            continue
        if line.hint in ("", "heading") and (_LONE_LABEL.match(line.text) or _open_bracket(line.text)) \
                and not _motion_next(lines, at):
            pending = line
            continue
        out.append(line)
    if pending is not None:
        out.append(pending)
    return out


def _motion_next(lines: list[SourceLine], at: int) -> bool:
    """A number alone above a motion (or a bullet) numbers the motion's item: not a cut-off label."""
    nxt = next((x for x in lines[at + 1: at + 6] if not x.blank), None)
    if nxt is None:
        return False
    text = clean(nxt.text)
    return bool(re.match(r"^[•·▪*-]\s", text) or dec.motion_start(text.lstrip("•·▪*- "))
                or re.match(r"(?i)(?:moved|proposed)\b", text))


def _open_bracket(text: str) -> bool:
    return len(text.strip()) < 40 and text.count("(") > text.count(")")


def _heading(lines: list[SourceLine], draft: Draft, ledger: Ledger) -> int:
    """Read the title block (which may span lines); return where the rest starts."""
    content = [i for i, line in enumerate(lines) if not line.blank]
    top = content[:_TITLE_BLOCK]
    first = next((n for n, i in enumerate(top) if _item_like(clean(lines[i].text))), len(top))
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
        if facts is None and not draft.date and _date_line(lines[index].text):
            facts = {"date": find_date(lines[index].text)[0]}
        if facts is None:
            continue
        _apply(facts, draft, override=False)
        ledger.use(lines[index])
        last = max(last, index)
    if not draft.date and not draft.date_words or draft.start is None:
        _date_in_opening(lines, content[:80], draft, ledger)
    for i in (x for x in content[: max(last, 0)] if lines[x].key not in ledger.used):
        if not draft.council and _council_like(lines[i].text) and len(clean(lines[i].text).split()) <= 6:
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
        if previous is not None and not found.get("date") and _date_line(lines[previous].text):
            found["date"] = find_date(lines[previous].text)[0]
            used.append(previous)
        if strict and not found.get("date"):
            continue
        above = [i for i in indexes[max(0, pos - 2): pos] if _council_like(lines[i].text)
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
    if _council_like(text) and re.search(r"(?i)\bcouncil$", text):
        return None if draft.council else {"council": text}
    return None if draft.committee_name else body_name(text, text)


def _item_like(text: str) -> bool:
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


def _council_like(text: str) -> bool:
    text = clean(text)
    return len(text) < 80 and not find_date(text)[1] and bool(re.search(
        r"(?i)\b(council|borough|city|county|district|parish|town|authority)\b", text)) \
        and not re.search(r"(?i)\bminutes\b|\bagenda\b", text)


def _date_line(text: str) -> bool:
    """A line that is a date and little else (``10 March 2020``, ``Cleveland, Ohio January 8, 1996.``)."""
    when, words = find_date(clean(text))
    return when is not None and len(clean(text)) <= len(words) + 40


def _item_heading(lines: list[SourceLine], index: int, current: DraftItem | None,
                  draft: Draft) -> DraftItem | None:
    line = lines[index]
    raw = line.text.strip()
    text = clean(raw)
    if line.hint in ("bullet", "number") or not text:
        return None
    marked = line.hint == "heading" or raw.startswith("#") or "**" in raw[:12] or raw.endswith("**")
    alone = hd.number_alone(text)
    if alone is not None:
        return _alone(lines, index, alone, current)
    found = hd.numbered(text)
    if found is not None and re.match(r"^\S+(?:\s{2,}|\t)\S", line.text.strip()):
        found.dotted = True
    if found is not None and (marked or found.minute or not found.plain
                              or _plain_heading(lines, index, found, current)):
        return DraftItem(number=found.number, minute_number=found.minute, title=found.title,
                         line=line.number, rest=found.rest)
    if found is None and hd.titled(raw, text, line.hint) and not _inside_sentence(lines, index):
        return DraftItem(title=text.rstrip(":").strip(), line=line.number)
    return None


def _person_line(text: str) -> bool:
    """A line naming people (a title such as Councillor, or a list with commas)."""
    return bool(re.search(r"\b(?:Councillors?|Cllrs?|Mr|Mrs|Ms|Dr|Mayor)\b", text)) or "," in text


def _after_gap(lines: list[SourceLine], index: int) -> bool:
    """A short line without closing punctuation after two or more blank lines: a web page's
    item title (its table rows lost, the space between them kept)."""
    if index < 2 or not (lines[index - 1].blank and lines[index - 2].blank):
        return False
    text = clean(lines[index].text)
    person = _person_line(text)
    return 1 <= len(text.split()) <= 14 and text[:1].isupper() and not re.search(r"[.;,:]$", text) \
        and not person and not dec.motion_start(text) and not group_heading(text)


def _bare_group(lines: list[SourceLine], index: int, text: str) -> bool:
    """"Apologies" alone, then a sentence or a resolution rather than names: an item."""
    found = group_heading(text)
    if found is None or found[1] or len(text.split()) > 3:
        return False
    after = next((x for x in lines[index + 1: index + 4] if not x.blank), None)
    if after is None:
        return False
    nxt = clean(after.text)
    return not _attendance(nxt) and not group_heading(nxt) and (
        bool(dec.decision_start(nxt)) or bool(re.match(r"(?i)(?:council|committee)\s+resolution\b", nxt))
        or len(nxt.split()) > 8 and nxt.rstrip().endswith("."))


def _numbered_document(lines: list[SourceLine]) -> bool:
    """Three or more numbered headings: unnumbered title-case lines are then not items."""
    count = 0
    for line in lines:
        text = clean(line.text)
        found = hd.numbered(text) if len(text) < 300 else None
        if hd.number_alone(text) or found is not None and found.dotted and (
                hd.capitals(found.title) or hd.title_case(found.title) or found.minute):
            count += 1
            if count >= 3:
                return True
    return False


_INLINE_MINUTES = re.compile(r"^(?P<head>.+?)\s+(?P<rest>(?:Minutes|Decision)\s*:\s+.*)$")
_DOC_LINK = re.compile(r"\s+(?:pdf\s+icon\s+)?PDF\s+[\d.,]+\s*[KMG]B\b\s*", re.I)


def _unnumbered(lines: list[SourceLine], index: int, current: DraftItem | None,
                draft: Draft) -> DraftItem | None:
    """Items headed by a title alone, in documents that do not number their items."""
    line = lines[index]
    raw = line.text.strip()
    text = clean(raw)
    if draft.numbered or line.hint in ("bullet", "number") or not text:
        return None
    if raw.startswith("- ") and not draft.minutes and (current is None or not current.number):
        return DraftItem(title=text[2:].strip(), line=line.number)
    inline = _INLINE_MINUTES.match(text)
    if inline:
        head = inline.group("head")
        link = _DOC_LINK.search(head)
        title, rest = (head[: link.start()], head[link.end():]) if link else hd.split_title(head)
        if not link and title == head:
            words = head.split()
            cut = next((i for i in range(1, len(words)) if words[i][:1].isupper() and i + 1 < len(words)
                        and words[i + 1][:1].islower() and words[i + 1].lower() not in hd._SMALL), 0)
            if cut:
                title, rest = " ".join(words[:cut]), " ".join(words[cut:])
        more = " ".join(x for x in (rest.strip(), inline.group("rest")) if x)
        return DraftItem(title=title.strip(), line=line.number, rest=more)
    if current is not None and current.motion_open:
        return None
    gap = _after_gap(lines, index)
    after = next((x for x in lines[index + 1: index + 4] if not x.blank), None)
    if gap and after is not None and not re.match(r"^[a-z]", clean(after.text)) and not date_only(text):
        return DraftItem(title=text, line=line.number)
    short = len(text.split()) <= 4 and text[:1].isupper() and not re.search(r"[.;,:?!]$", text)
    if not (hd.title_case(text) or short) or len(text.split()) > 9 or group_heading(text) \
            or dec.motion_start(text) or dec.seconder_of(text) or dec.outcome_of(text) \
            or dec.decision_start(text) or dec.reference_of(text) or _person_line(text) \
            or re.match(r"(?i)(?:(?:council\s+|committee\s+)?recommendation|(?:council\s+|committee\s+)?"
                        r"resolution|motion|note|none|nil)s?$", text) or _date_line(text):
        return None
    before = next((x for x in reversed(lines[max(0, index - 3):index]) if not x.blank), None)
    if before is not None and not re.search(r"[.:;!?|)\"”]$", clean(before.text)) and \
            not hd.titled(before.text, clean(before.text)) and not hd.title_case(clean(before.text)):
        return None
    if after is None or re.match(r"^[a-z]", clean(after.text)):
        return None
    return DraftItem(title=text, line=line.number)


def _alone(lines: list[SourceLine], index: int, found: hd.Heading, current: DraftItem | None) -> DraftItem | None:
    """A number alone: the title follows, or a motion follows and the title is above."""
    after = [x for x in lines[index + 1: index + 6] if not x.blank]
    if not after:
        return None
    nxt = clean(after[0].text).lstrip("•·-* ")
    line = lines[index]
    if dec.motion_start(nxt) or re.match(r"(?i)(?:moved|proposed)\b", nxt):
        if re.fullmatch(r"\d{2,4}-\d{2,4}", found.number or found.minute):
            return None
        if current is not None and not current.number and not current.minute_number \
                and not current.agenda and not current.minutes:
            current.number, current.minute_number = found.number, found.minute
            return current
        return DraftItem(number=found.number, minute_number=found.minute, line=line.number)
    if found.number and re.match(r"^[a-z(]", nxt):
        return None
    if found.minute and current is not None and current.motion_open:
        return None
    return DraftItem(number=found.number, minute_number=found.minute, line=line.number, title_next=True)


def _inside_sentence(lines: list[SourceLine], index: int) -> bool:
    previous = next((x for x in reversed(lines[max(0, index - 3):index]) if not x.blank), None)
    return previous is not None and bool(re.search(r"[,\-–]$|\b(?:and|of|the|to)$", clean(previous.text)))


def _plain_heading(lines: list[SourceLine], index: int, found: hd.Heading,
                   current: DraftItem | None) -> bool:
    """An unmarked "N. Title" line is a heading only if it reads like one and follows on."""
    title, number = found.title, found.number
    agenda_words = bool(re.match(r"(?i)to\s+[a-z]+\b", title))
    decimal = bool(re.fullmatch(r"\d{1,3}\.\d{1,3}", number))
    if len(title) > (300 if agenda_words else 120) or re.search(r"[;:]$" if decimal else r"[;:,]$", title) \
            or title[:1].islower():
        return False
    if re.match(r"(?i)that\b|be\s+it\b", title):
        return False
    if (current is None or current.title == NOT_PLACED) and not found.dotted and not hd.capitals(title):
        return False
    if title.endswith(".") and not agenda_words and not hd.capitals(title.rstrip(".")):
        first = current is None and number == "1"
        follows = current is not None and current.number.isdigit() and number.isdigit() \
            and int(number) == int(current.number) + 1
        if not (first or follows) or len(title) > 400:
            return False
    previous = next((x for x in reversed(lines[max(0, index - 4):index]) if not x.blank), None)
    if previous is not None:
        prev = clean(previous.text)
        if re.search(r"[:\-]$", prev) and not hd.capitals(title):
            return False
        numbered = re.match(r"^\(?(\d{1,3})[.)]\s", prev)
        continues = numbered and number.isdigit() and int(numbered.group(1)) + 1 == int(number)
        if continues and (current is None or current.line != previous.number) and not hd.capitals(title):
            return False
    return _sequential(current, number, loose=hd.capitals(title) or agenda_words)


def _sequential(current: DraftItem | None, number: str, *, loose: bool = False) -> bool:
    if current is None or not (current.number or current.minute_number):
        return True
    previous = current.number or current.minute_number
    a = re.search(r"(\d+)(?:\.(\d+))?", previous.split("/")[0])
    b = re.search(r"(\d+)(?:\.(\d+))?", number.split("/")[0])
    if not a or not b:
        return True
    prev_int, this_int = int(a.group(1)), int(b.group(1))
    if b.group(2) or a.group(2) and this_int == prev_int:
        return this_int in (prev_int, prev_int + 1)
    if loose:
        return prev_int <= this_int <= prev_int + 10
    return this_int == prev_int + 1


_NAMEY = re.compile(r"^(?:[A-Z][\w.'’\-]*|and|of|for|the|de|van|von|le|la|&)$")


def _attendance(text: str) -> bool:
    """A line of names (or an attendance heading), as opposed to a sentence."""
    text = text.strip().lstrip("•·-* ").strip()
    if group_heading(text):
        return True
    bare = re.sub(r"\([^)]*\)", "", text).strip().rstrip(",")
    if not bare or bare.endswith(".") and len(bare.split()) > 6:
        return False
    names = split_names(bare)
    return bool(names) and all(
        len(name.split()) <= 6 and all(_NAMEY.match(word) for word in name.split()) for name in names
    )


def _content(item: DraftItem, line: SourceLine, draft: Draft) -> None:
    text = clean(line.text)
    said = re.match(r"^(?P<before>.*?)\s*\b(?P<word>Minutes|Decision)\s*:\s+(?P<after>.*)$", text)
    if said and not item.minutes and len(said.group("before")) < 400 and (
            said.group("before") or said.group("word") == "Minutes"):
        if said.group("before"):
            item.agenda.append(line.but(said.group("before")))
        item.has_minutes = True
        item.minutes.append(line.but(said.group("after")))
        return
    if item.title_next:
        item.title_next = False
        if not dec.motion_start(text) and len(text) < 200:
            item.title = text.rstrip(":")
            return
        if not dec.motion_start(text):
            item.title, text = hd.split_title(text)
            line = line.but(text)
    bare = text.lstrip("•·-* ")
    if dec.motion_start(bare) or re.match(r"(?i)(?:moved|proposed)\s*(?:by)?\s*:", bare):
        item.motion_open = True
    elif dec.outcome_of(bare):
        item.motion_open = False
    if not item.minutes and not draft.minutes:
        item.agenda.append(line.but(text))
        return
    if not item.minutes and (is_report_line(text) or "pdf icon" in text.lower()):
        item.agenda.append(line.but(text))
        return
    indent = len(line.text) - len(line.text.lstrip())
    item.minutes.append(line.but(" " * indent + text))
