"""Printed minutes (and agendas) as text: PDF or Markdown conversions, and the paragraphs
of a Word document (see :mod:`.docx_reader`, which marks its headings and lists).

Layout: "<Council> Minutes of the Meeting of <Committee> held at <time> on <date>",
"Present:" and the attendance groups, "Public Business" / "Private Business" (or Part
1 / Part 2), numbered item headings ("18. Declarations of Interests", "84. (Item 3)
Minutes", "PLA146/14 Land at…", "7.1 …"), the minutes under each heading, and
"(Meeting closed at …)". This module only splits the text into those parts.
"""

from __future__ import annotations

import re

from workflow.importers.assemble import Draft, DraftItem, is_report_line
from workflow.importers.common import Ledger, SourceLine, clean, find_date, furniture, split_names
from workflow.importers.header import header_line, heading_facts, section_of
from workflow.importers.people import group_heading

__all__ = ["split_printed"]

_HEADING = re.compile(
    r"^(?:minute\s+)?(?P<num>(?:[A-Z]{1,5})?\d{1,4}(?:/\d{2,4})?(?:\.\d{1,2})?)\.?\s+"
    r"(?:\((?:agenda\s+)?item\s+(?P<item1>[\w.]+)\)\s*)?(?P<title>\S.*?)"
    r"(?:\s*\((?:agenda\s+)?item\s+(?P<item2>[\w.]+)\))?$",
    re.I,
)
_LONE_LABEL = re.compile(r"^\s*(?:\(?[a-z]{1,3}\)|\(?\d{1,3}[.)]|\d{1,3}\.\d{1,2})\s*$", re.I)
_STARTS = re.compile(r"(?i)\b(?:minutes\s+of\s+(?:the\s+|an?\s+)?(?:\w+\s+)?(?:meeting|session|hearing)|summoned\s+to\s+attend)\b")


def split_printed(raw: list[SourceLine], ledger: Ledger, *, fmt: str = "printed") -> Draft:
    """Split printed minutes (or a Word document's lines) into header, attendance and items."""
    splitter = _Splitter(Draft(format=fmt), _join_lone_labels(raw, ledger), ledger)
    splitter.run()
    draft = splitter.draft
    if draft.items and draft.minutes:
        for each in draft.items:
            each.has_minutes = True
    return draft


class _Splitter:
    def __init__(self, draft: Draft, lines: list[SourceLine], ledger: Ledger) -> None:
        self.draft, self.lines, self.ledger = draft, lines, ledger
        self.start = _heading(lines, draft, ledger)
        self.headers = {clean(x.text).lower() for x in lines[: self.start] if not x.blank}
        self.state = "header"
        self.item: DraftItem | None = None
        self.private = False

    def run(self) -> None:
        for index in range(self.start, len(self.lines)):
            line = self.lines[index]
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
        section = section_of(text) if line.hint in ("", "heading") else None
        if section is not None and len(text) < 70:
            self.private, paragraph = section
            self.draft.section_paragraph = paragraph or self.draft.section_paragraph
        else:
            heading = _item_heading(self.lines, index, self.item, self.draft)
            if heading is None:
                return False
            self.item = heading
            heading.private = self.private
            self.draft.items.append(heading)
        self.ledger.use(line)
        self.state = "items"
        return True

    def _other(self, index: int, line: SourceLine, text: str) -> None:
        """Header lines, attendance, or the minutes of the current item."""
        if self.state == "header" and header_line(line, self.draft, self.ledger):
            return
        if self.state in ("header", "attendance") and _attendance(text):
            self.draft.attendance.append(SourceLine(line.number, text))
            self.state = "attendance"
            return
        if self.state == "header" and not self.draft.items and _early(index, self.start):
            self.ledger.not_understood(line, "not a heading, venue or contact line")
            return
        self.state = "items"
        if self.item is None:
            self.item = DraftItem(title="Announcements", line=line.number, private=self.private)
            self.draft.items.append(self.item)
        _content(self.item, line, self.draft)


def _running_header(text: str, draft: Draft) -> bool:
    name = draft.committee_name.lower()
    return bool(name) and len(text) < 120 and name in text.lower() and find_date(text)[0] == draft.date


def _early(index: int, start: int) -> bool:
    return index - start < 6


def _join_lone_labels(lines: list[SourceLine], ledger: Ledger) -> list[SourceLine]:
    out: list[SourceLine] = []
    pending: SourceLine | None = None
    for line in lines:
        if pending is not None and not line.blank:
            out.append(SourceLine(line.number, f"{pending.text.strip()} {line.text.strip()}", line.hint, line.level))
            ledger.use(pending)
            ledger.warn(f"Line {pending.number}: '{pending.text.strip()}' was cut off from the line "
                        f"after it; joined to line {line.number}.")
            pending = None
            continue
        if line.hint in ("", "heading") and (_LONE_LABEL.match(line.text) or _open_bracket(line.text)):
            pending = line
            continue
        out.append(line)
    if pending is not None:
        out.append(pending)
    return out


def _open_bracket(text: str) -> bool:
    return len(text.strip()) < 40 and text.count("(") > text.count(")")


def _heading(lines: list[SourceLine], draft: Draft, ledger: Ledger) -> int:
    """Read the document heading (which may span lines); return where the rest starts."""
    content = [i for i, line in enumerate(lines) if not line.blank][:15]
    for pos, index in enumerate(content):
        if not _STARTS.search(clean(lines[index].text)):
            continue
        before = [i for i in content[max(0, pos - 2): pos] if _council_like(lines[i].text)]
        after = content[pos + 1: pos + 4]
        used = [*before, index]
        text = " ".join(clean(lines[i].text) for i in used)
        for extra in after:
            if re.search(r"\b(?:19|20)\d\d\b", text) or group_heading(clean(lines[extra].text)):
                break
            used.append(extra)
            text += " " + clean(lines[extra].text)
        if heading_facts(text, draft):
            ledger.use(*(lines[i] for i in used))
            for i in content[:pos]:
                if i not in used and not header_line(lines[i], draft, ledger):
                    ledger.not_understood(lines[i], "text above the heading")
            return max(used) + 1
    return 0


def _council_like(text: str) -> bool:
    return bool(re.search(r"(?i)\b(council|borough|city|county|district|parish|town|authority)\b", clean(text)))


def _item_heading(lines: list[SourceLine], index: int, current: DraftItem | None, draft: Draft) -> DraftItem | None:
    line = lines[index]
    raw = line.text.strip()
    text = clean(raw)
    marked = line.hint == "heading" or raw.startswith("#") or "**" in raw[:12] or raw.endswith("**")
    if line.hint in ("bullet", "number"):
        return None
    m = _HEADING.match(text)
    if m is None:
        if marked and line.hint == "heading" and text and not group_heading(text):
            return DraftItem(title=text.rstrip(":"), line=line.number)
        if marked and raw.startswith("#") and text and not group_heading(text):
            return DraftItem(title=text, line=line.number)
        return None
    title = m.group("title").strip()
    number = m.group("num")
    agenda = m.group("item1") or m.group("item2") or ""
    if not marked and not _plain_heading(lines, index, agenda or number, title, current, draft):
        return None
    item = DraftItem(title=title, line=line.number)
    if agenda:
        item.number, item.minute_number = agenda, number
    elif re.search(r"[A-Za-z/]", number):
        item.minute_number = number
    else:
        item.number = number
    return item


def _plain_heading(lines: list[SourceLine], index: int, number: str, title: str,
                   current: DraftItem | None, draft: Draft) -> bool:
    """An unmarked "N. Title" line is a heading only if it reads like one and follows on."""
    if len(title) > 100 or re.search(r"[.;:,]$", title) or title[:1].islower():
        return False
    previous = next((x for x in reversed(lines[:index]) if not x.blank), None)
    if previous is not None:
        prev = clean(previous.text)
        if re.search(r"[:\-]$", prev):
            return False
        numbered = re.match(r"^\(?(\d{1,3})[.)]\s", prev)
        continues = numbered and number.isdigit() and int(numbered.group(1)) + 1 == int(number)
        if continues and (current is None or current.line != previous.number):
            return False
    return _sequential(current, number)


def _sequential(current: DraftItem | None, number: str) -> bool:
    if current is None:
        return True
    previous = current.number or current.minute_number
    a = re.search(r"(\d+)(?:\.(\d+))?$", previous.split("/")[0])
    b = re.search(r"(\d+)(?:\.(\d+))?$", number.split("/")[0])
    if not a or not b:
        return True
    prev_int, this_int = int(a.group(1)), int(b.group(1))
    if b.group(2):
        return this_int in (prev_int, prev_int + 1)
    return this_int == prev_int + 1


_NAMEY = re.compile(r"^(?:[A-Z][\w.'’\-]*|and|of|for|the|de|van|von|le|la|&)$")


def _attendance(text: str) -> bool:
    """A line of names (or an attendance heading), as opposed to a sentence."""
    if group_heading(text):
        return True
    bare = re.sub(r"\([^)]*\)", "", text).strip()
    if not bare or bare.endswith(".") and len(bare.split()) > 6:
        return False
    names = split_names(bare)
    return bool(names) and all(
        len(name.split()) <= 6 and all(_NAMEY.match(word) for word in name.split()) for name in names
    )


def _content(item: DraftItem, line: SourceLine, draft: Draft) -> None:
    text = clean(line.text)
    if not item.minutes and not draft.minutes:
        item.agenda.append(SourceLine(line.number, text))
        return
    if not item.minutes and (is_report_line(text) or "pdf icon" in text.lower()):
        item.agenda.append(SourceLine(line.number, text))
        return
    indent = len(line.text) - len(line.text.lstrip())
    item.minutes.append(SourceLine(line.number, " " * indent + text, line.hint, line.level))
