"""Printed minutes (and agendas) as text: PDF, HTML or Markdown copies, and the paragraphs
of a Word document (see :mod:`.docx_reader`, which marks its headings and lists).

The document is read top to bottom: the title block (:mod:`.titles`), the attendance
groups ("Present:", "Those attending:", "In attendance:", a roll call), section
headings (Part 1 / Part 2, closed session), item headings (:mod:`.itemheads`: numbers and
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
    furniture,
)
from workflow.importers.header import header_line, section_of
from workflow.importers.itemheads import (
    INLINE_MINUTES,
    NOT_PLACED,
    after_gap,
    bare_group,
    item_heading,
    names_line,
    numbered_document,
    unnumbered,
)
from workflow.importers.people import group_heading
from workflow.importers.titleblock import read_title_block

__all__ = ["NOT_PLACED", "split_printed"]

_LONE_LABEL = re.compile(r"^\s*(?:\(?[a-z]{1,3}\)|\(?\d{1,3}[.)]|\d{1,3}\.\d{1,2})\s*$", re.I)


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
        self.start = read_title_block(lines, draft, ledger)
        self.headers = {clean(x.text).lower() for x in lines[: self.start] if not x.blank}
        self.state = "header"
        self.item: DraftItem | None = None
        self.private = False
        self.draft.numbered = numbered_document(lines)

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
                and bare_group(self.lines, index, text):
            heading = DraftItem(title=text.rstrip(":"), line=line.number)
        else:
            below = hd.item_below(text)
            if below is not None and self._number_above(below, line):
                return True
            heading = item_heading(self.lines, index, self.item, self.draft)
            if heading is None and (self.state == "items" or self.state == "attendance"
                                    and not names_line(text) or line.text.startswith("- ")
                                    or INLINE_MINUTES.match(text) or after_gap(self.lines, index)):
                heading = unnumbered(self.lines, index, self.item, self.draft)
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
        if roll and (group_heading(text) or names_line(text)):
            self.draft.attendance.append(line.but(text))
            return
        were = re.match(r"(?i)^(?:(?:council\s*)?(?:members?|councilmembers)\s+)?(?P<also>also\s+)?present\s+were\s+"
                        r"(?P<names>.*?)\.?$", text)
        if were and self.state in ("header", "attendance", "items") and len(self.draft.items) <= 1:
            self.draft.attendance.append(line.but(f"{'Also present' if were.group('also') else 'Present'}: "
                                                  f"{were.group('names')}"))
            self.state = "attendance" if not self.draft.items else self.state
            return
        if self.state in ("header", "attendance") and names_line(text) or unplaced and group_heading(text):
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
