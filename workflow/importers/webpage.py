"""The committee system's "Agenda and minutes" web page, as text.

Layout: a page title, "<Committee> - <weekday>, <date> <time>", "Venue:", "Contact:",
the "Items / No. Item" table heading, then one block per item: the number alone on a
line, the title (with "pdf icon PDF 61 KB" links), agenda wording and report author,
then "Minutes:" (or "Decision:") and the minutes. This module only splits the page into
those parts; :mod:`.assemble` and :mod:`.minutes` read them.
"""

from __future__ import annotations

import re

from workflow.importers.assemble import Draft, DraftItem, document_in
from workflow.importers.common import Ledger, SourceLine, furniture
from workflow.importers.header import date_only, header_line, name_and_date, section_of

__all__ = ["looks_like_webpage", "split_webpage"]

_NUMBER = re.compile(
    r"^\s*(?P<n>\d{1,4}[A-Za-z]?(?:\.\d{1,2})?|[A-Z]{1,5}\.\d{1,4}(?:\.\d{2,4})?|[A-Z]{1,4}\d{1,4}|"
    r"[A-Z]{1,5}\s?\d{1,4}/\d{2,4})\.?\s*$")
_MINUTES = re.compile(r"^\s*(?P<word>minutes|decision|decisions|record of decision)\s*:\s*(?P<rest>.*)$", re.I)
_MARKS = ("pdf icon", "no. item", "view directions", "view the full minutes text", "additional documents:")


def looks_like_webpage(lines: list[SourceLine]) -> bool:
    """True when the text has the web page's marks (numbers alone, "Minutes:", links)."""
    text = "\n".join(line.text.lower() for line in lines[:400])
    marks = sum(mark in text for mark in _MARKS)
    marks += text.lstrip().startswith(("agenda and minutes", "agenda, decisions and minutes"))
    numbers = sum(1 for line in lines if _NUMBER.match(line.text))
    minutes = sum(1 for line in lines if _MINUTES.match(line.text))
    return marks >= 2 or (numbers >= 1 and minutes >= 1 and marks >= 1)


def split_webpage(lines: list[SourceLine], ledger: Ledger) -> Draft:
    draft = Draft(format="webpage")
    start = _first_item(lines)
    waiting: SourceLine | None = None
    for line in lines[:start]:
        if line.blank:
            continue
        reason = furniture(line.text)
        if reason:
            ledger.ignore(line, reason)
        elif waiting is not None and not draft.committee_name and date_only(line.text):
            name_and_date(waiting, line, draft, ledger)
            waiting = None
        elif not header_line(line, draft, ledger):
            if waiting is not None:
                ledger.not_understood(waiting, "not a heading, venue or contact line of the web page")
            waiting = line
    if waiting is not None:
        ledger.not_understood(waiting, "not a heading, venue or contact line of the web page")
    _items(lines[start:], draft, ledger)
    return draft


def _first_item(lines: list[SourceLine]) -> int:
    for index, line in enumerate(lines):
        if _NUMBER.match(line.text) and _title_after(lines, index) is not None:
            return index
    return len(lines)


def _title_after(lines: list[SourceLine], index: int) -> SourceLine | None:
    for line in lines[index + 1: index + 6]:
        if line.blank:
            continue
        if _NUMBER.match(line.text) or _MINUTES.match(line.text):
            return None
        return line
    return None


def _items(lines: list[SourceLine], draft: Draft, ledger: Ledger) -> None:
    item: DraftItem | None = None
    private = False
    expect_title = False
    for index, line in enumerate(lines):
        if line.blank:
            continue
        number = _NUMBER.match(line.text)
        if number and _title_after(lines, index) is not None and not _inside_list(lines, index):
            item = DraftItem(number=number.group("n"), line=line.number, private=private)
            item.paragraph = draft.section_paragraph if private else None
            draft.items.append(item)
            ledger.use(line)
            expect_title = True
            continue
        section = section_of(line.text)
        if section is not None and (item is None or not item.has_minutes or _alone(lines, index)):
            private, paragraph = section
            draft.section_paragraph = paragraph or draft.section_paragraph
            ledger.use(line)
            continue
        if item is None:
            ledger.not_understood(line, "text before the first item")
            continue
        if expect_title:
            _title(item, line, ledger)
            expect_title = False
            continue
        _content(item, line, ledger)


def _title(item: DraftItem, line: SourceLine, ledger: Ledger) -> None:
    text = line.text.strip()
    minute = re.match(r"^(?P<t>.*?)\s*\((?:agenda\s+)?item\s+(?P<n>\w+)\)\s*(?P<rest>.*)$", text, re.I)
    if minute:
        item.minute_number = item.number
        item.number = minute.group("n")
        text = f"{minute.group('t')} {minute.group('rest')}".strip()
    title, document = document_in(text)
    item.title = title
    if document is not None:
        item.documents.append(document)
        ledger.ignore(line, "web page link", "pdf icon")
    ledger.use(line)


def _content(item: DraftItem, line: SourceLine, ledger: Ledger) -> None:
    if not item.has_minutes:
        m = _MINUTES.match(line.text)
        if m:
            item.has_minutes = True
            ledger.use(line)
            if m.group("word").lower() != "minutes":
                word = m.group("word").strip()
                item.minutes.append(line.but(f"{word}: {m.group('rest')}".strip()))
            elif m.group("rest"):
                item.minutes.append(line.but(m.group("rest")))
            return
        item.agenda.append(line)
        return
    item.minutes.append(line)


def _inside_list(lines: list[SourceLine], index: int) -> bool:
    """A number alone inside minutes text (a list number split from its text)."""
    nxt = next((line for line in lines[index + 1:] if not line.blank), None)
    return nxt is not None and bool(re.match(r"^\s*[a-z]", nxt.text))


def _alone(lines: list[SourceLine], index: int) -> bool:
    before = lines[index - 1] if index > 0 else None
    after = lines[index + 1] if index + 1 < len(lines) else None
    return (before is None or before.blank) and (after is None or after.blank)
