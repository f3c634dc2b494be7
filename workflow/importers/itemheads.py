"""Whether a line of printed minutes starts an item, judged with the lines around it.

:mod:`.headings` reads one line's number and title; here the context decides: a plain
"N. Title" must read like a heading and follow on from the item before; a number alone
takes its title from the next line (or, above a motion, from the line before); a title
with no number is an item in documents that do not number theirs (after a gap of blank
lines, in capitals, in title case between paragraphs, or a row with its minutes run on).
"""

from __future__ import annotations

import re

from workflow.importers import decisions as dec
from workflow.importers import headings as hd
from workflow.importers.assemble import Draft, DraftItem
from workflow.importers.common import NOT_PLACED, SourceLine, clean, split_names
from workflow.importers.header import date_only
from workflow.importers.people import group_heading
from workflow.importers.titleblock import date_line

__all__ = ["INLINE_MINUTES", "NOT_PLACED", "after_gap", "bare_group", "item_heading", "names_line", "numbered_document",
           "person_line", "unnumbered"]

def item_heading(lines: list[SourceLine], index: int, current: DraftItem | None,
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


def person_line(text: str) -> bool:
    """A line naming people (a title such as Councillor, or a list with commas)."""
    return bool(re.search(r"\b(?:Councillors?|Cllrs?|Mr|Mrs|Ms|Dr|Mayor)\b", text)) or "," in text


def after_gap(lines: list[SourceLine], index: int) -> bool:
    """A short line without closing punctuation after two or more blank lines: a web page's
    item title (its table rows lost, the space between them kept)."""
    if index < 2 or not (lines[index - 1].blank and lines[index - 2].blank):
        return False
    text = clean(lines[index].text)
    person = person_line(text)
    return 1 <= len(text.split()) <= 14 and text[:1].isupper() and not re.search(r"[.;,:]$", text) \
        and not person and not dec.motion_start(text) and not group_heading(text)


def bare_group(lines: list[SourceLine], index: int, text: str) -> bool:
    """"Apologies" alone, then a sentence or a resolution rather than names: an item."""
    found = group_heading(text)
    if found is None or found[1] or len(text.split()) > 3:
        return False
    after = next((x for x in lines[index + 1: index + 4] if not x.blank), None)
    if after is None:
        return False
    nxt = clean(after.text)
    return not names_line(nxt) and not group_heading(nxt) and (
        bool(dec.decision_start(nxt)) or bool(re.match(r"(?i)(?:council|committee)\s+resolution\b", nxt))
        or len(nxt.split()) > 8 and nxt.rstrip().endswith("."))


def numbered_document(lines: list[SourceLine]) -> bool:
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


INLINE_MINUTES = re.compile(r"^(?P<head>.+?)\s+(?P<rest>(?:Minutes|Decision)\s*:\s+.*)$")


_DOC_LINK = re.compile(r"\s+(?:pdf\s+icon\s+)?PDF\s+[\d.,]+\s*[KMG]B\b\s*", re.I)


def unnumbered(lines: list[SourceLine], index: int, current: DraftItem | None,
                draft: Draft) -> DraftItem | None:
    """Items headed by a title alone, in documents that do not number their items."""
    line = lines[index]
    raw = line.text.strip()
    text = clean(raw)
    if draft.numbered or line.hint in ("bullet", "number") or not text:
        return None
    if raw.startswith("- ") and not draft.minutes and (current is None or not current.number):
        return DraftItem(title=text[2:].strip(), line=line.number)
    inline = INLINE_MINUTES.match(text)
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
    gap = after_gap(lines, index)
    after = next((x for x in lines[index + 1: index + 4] if not x.blank), None)
    if gap and after is not None and not re.match(r"^[a-z]", clean(after.text)) and not date_only(text):
        return DraftItem(title=text, line=line.number)
    short = len(text.split()) <= 4 and text[:1].isupper() and not re.search(r"[.;,:?!]$", text)
    if not (hd.title_case(text) or short) or len(text.split()) > 9 or group_heading(text) \
            or dec.motion_start(text) or dec.seconder_of(text) or dec.outcome_of(text) \
            or dec.decision_start(text) or dec.reference_of(text) or person_line(text) \
            or re.match(r"(?i)(?:(?:council\s+|committee\s+)?recommendation|(?:council\s+|committee\s+)?"
                        r"resolution|motion|note|none|nil)s?$", text) or date_line(text):
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


def names_line(text: str) -> bool:
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
