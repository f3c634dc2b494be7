"""Item headings in printed minutes and agendas, recognised by their signals.

A heading gives an item its number as the council writes it and its title:

- numbers: ``18.``, ``(139)``, ``21.66``, ``4.1``, ``4.01)``, ``I.``, ``Item 3``, ``ITEM - 1``;
- minute references with a prefix or a year: ``CAB 12/24``, ``PLA146/14``, ``C048/23``,
  ``Cou/285/07-08``, ``P.123``, ``CMD.74.21``, ``CO1``, ``Minute No. 39``, ``File No. 1-96``,
  ``Res. No. 53-96`` (a reference and a number together: ``C048/23 1. APOLOGIES``);
- the agenda number in brackets, before or after the title or on the line below:
  ``84. (Item 3) Minutes``, ``Land at Mill Lane (Item 4)``, ``(Item 3)``;
- a number alone on its line, the title on the next (or a motion next, the title above);
- an unnumbered heading: Markdown ``#``, a bold line, a Word heading style, a line in
  capitals, or a short title-case line standing alone between paragraphs.

These functions read one line; :mod:`.printed` decides, with the lines around it, whether
a candidate really starts an item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workflow.importers import decisions as dec
from workflow.importers.common import furniture
from workflow.importers.people import group_heading

__all__ = ["Heading", "item_below", "number_alone", "numbered", "split_title", "titled"]


@dataclass
class Heading:
    number: str = ""
    """The agenda number as written, without its trailing stop: ``18``, ``4.1``, ``I``."""
    minute: str = ""
    """The council's minute reference, when it is not a plain number: ``CAB 12/24``."""
    title: str = ""
    rest: str = ""
    """Text on the heading line after the title (agenda wording run on)."""
    plain: bool = False
    """A bare number and title: a heading only if it reads like one and follows on."""
    dotted: bool = False
    """The number is followed by a stop or bracket (``18.``, ``4.01)``)."""


_LABELLED = (r"(?:(?:minute|item|agenda\s+item|file|ord(?:inance)?|res(?:olution)?|by-?law)\.?\s*"
             r"(?:no\.?|number)?\s*[-–:]?\s*)")
_REF = (r"(?:\d{1,3}\([a-z]\)/\d{1,2}-\d{1,2}"                              # 1(a)/11-2
        r"|[A-Z][A-Za-z]{0,5}\s?\d{1,4}/\d{2}(?:\d{2})?(?:-\d{2})?"      # CAB 12/24, C048/23
        r"|[A-Z][a-z]{1,4}/\d{1,4}/\d{2}(?:-\d{2})?"                     # Cou/285/07-08
        r"|[A-Z]{1,6}[.-]\d{4}\.\d{1,3}"                                   # AUD-2014.11, C.2014.31
        r"|[A-Z]{1,5}\.\d{1,4}(?:\.\d{2,4})?"                             # P.123, CMD.74.21
        r"|[A-Z]{1,4}\d{1,4}(?![./]\d))")                                 # CO1
_NUMBER = (r"(?:\(\d{1,4}[a-z]?\)"                                        # (139)
           r"|\d{1,3}(?:\.\d{1,3}){1,2}"                                  # 21.66, 4.1, 21.67.01
           r"|\d{1,4}-\d{2,4}"                                            # 1-96
           r"|\d{1,4}[A-Za-z]?(?![\d,])"                                  # 18, 7a
           r"|[IVX]{1,5}(?=[.)]))")                                      # I.  IV)
_LINE = re.compile(
    rf"^(?P<label>{_LABELLED})?(?P<num>{_REF}|{_NUMBER})(?P<stop>[.)]|\s*[-–:])?\s+"
    r"(?:(?P<num2>\d{1,3})[.)]\s+)?"
    r"(?:\((?:agenda\s+)?item\s+(?P<item1>[\w.]+)\)\s*)?(?P<title>\S.*?)"
    r"(?:\s*\((?:agenda\s+)?item\s+(?P<item2>[\w.]+)\))?$",
    re.I,
)
_ALONE = re.compile(rf"^(?P<label>{_LABELLED})?(?P<num>{_REF}|{_NUMBER})[.):]?$", re.I)
_BELOW = re.compile(r"^\(\s*(?:agenda\s+)?item\s+(?:no\.?\s*)?(?P<n>[\w.]+)\s*\)$", re.I)
_FILE_TITLE = re.compile(r"^(?P<file>\d{5,7})\s+\[(?P<title>[^\]]+)\]\s*(?P<rest>.*)$")


def numbered(text: str) -> Heading | None:
    """``21.66 TO RECEIVE APOLOGIES`` -> number 21.66; ``C048/23 1. APOLOGIES`` -> both."""
    m = _LINE.match(text.strip())
    if not m:
        return None
    title = m.group("title").strip()
    num, label = m.group("num"), m.group("label") or ""
    if re.fullmatch(r"[IVX]{1,5}", num) and not re.match(r"[A-Z]{2}", title):
        return None
    if (m.group("stop") or "").strip() not in (".", ")") and re.fullmatch(r"(?:19|20)\d\d", num):
        return None
    title, rest = split_title(title)
    dotted = bool(m.group("stop")) or bool(re.fullmatch(r"\(\d+[a-z]?\)|\d{1,3}\.\d{1,3}(?:\.\d{1,3})?", num))
    heading = Heading(title=title, dotted=dotted, rest=rest)
    agenda = m.group("item1") or m.group("item2") or m.group("num2") or ""
    reference = bool(label.strip() and not re.match(r"(?i)(?:agenda\s+)?item", label)) or \
        bool(re.search(r"[A-Za-z/]", num)) and not re.fullmatch(r"[IVX]{1,5}|\d+[a-z]", num)
    written = f"{label.strip()} {num}".strip() if label.strip() and reference else num
    if agenda:
        heading.number, heading.minute = agenda, written
    elif reference:
        heading.minute = written
    else:
        heading.number = num.strip("()")
        heading.plain = not label
    if dec.motion_start(title) or re.match(r"(?i)(?:moved|proposed)\b", title):
        heading.title, heading.rest = "", title
    found = _FILE_TITLE.match(title)
    if found:
        heading.minute, heading.title, heading.rest = found.group("file"), found.group("title"), found.group("rest")
    return heading


_CAPS_RUN = re.compile(
    r"^(?P<head>[A-Z][A-Z&'’/,()\-]*(?:\s+(?:[A-Z][A-Z&'’/,()\-]*|&|[-–]|\d{1,4}))+)\s+(?P<rest>[A-Z][a-z].*)$")


def split_title(title: str) -> tuple[str, str]:
    """A heading's title and the text run on after it on the same line.

    ``PUBLIC QUESTION TIME In accordance with …`` (capitals, then a sentence), ``Minutes:
    Resolved to adopt …`` (a short title and a colon), and a long line whose title-case
    start is the title.
    """
    caps = _CAPS_RUN.match(title)
    if caps and len(caps.group("head").split()) >= 2 and len(caps.group("rest")) > 15:
        return caps.group("head").strip(" -–"), caps.group("rest")
    colon = re.match(r"^(?P<head>[^:]{2,70}?)\s*:\s*[-–]?\s*(?P<rest>.*)$", title)
    if colon and (capitals(colon.group("head")) or title_case(colon.group("head"))
                  or len(colon.group("head").split()) <= 4):
        return colon.group("head").strip(), colon.group("rest").strip()
    if len(title) > 120 and not re.match(r"(?i)to\s+[a-z]+\b", title):
        words = title.split()
        cut = 0
        for index, word in enumerate(words):
            if word.lower() in _SMALL or word[:1].isupper() or word[:1].isdigit() or word == "/":
                cut = index + 1
                continue
            break
        if 0 < cut < len(words) and cut <= 20:
            return " ".join(words[:cut]), " ".join(words[cut:])
    return title, ""


def number_alone(text: str) -> Heading | None:
    """``1.``, ``(139)``, ``CMD.74.21``, ``File No. 1-96.`` alone on a line."""
    m = _ALONE.match(text.strip())
    if not m:
        return None
    num, label = m.group("num"), (m.group("label") or "").strip()
    if re.fullmatch(r"[IVX]{1,5}", num) and not text.strip().endswith("."):
        return None
    if label and not re.match(r"(?i)(?:agenda\s+)?item", label):
        return Heading(minute=f"{label} {num}")
    if re.search(r"[A-Za-z/]", num) and not re.fullmatch(r"[IVX]{1,5}", num):
        return Heading(minute=num)
    return Heading(number=num.strip("()"))


def item_below(text: str) -> str | None:
    """``(Item 3)`` on the line under a title: the agenda number."""
    m = _BELOW.match(text.strip())
    return m.group("n").rstrip(".") if m else None


_SMALL = {"of", "and", "the", "for", "to", "in", "on", "a", "an", "with", "at", "by", "or", "&", "–", "-"}
_NOT_TITLES = re.compile(
    r"(?i)^(?:carried|defeated|lost|agreed|and\s+agreed|resolved|motion\s+carried|motion\s+lost|"
    r"a\s*g\s*e\s*n\s*d\s*a|none|nil|n/a|approved|adopted|received|noted|withdrawn|deferred|"
    r"(?:un)?confirmed|draft|motion\s+passed|passed|failed)\b[^a-z]{0,40}$"
)


def titled(raw: str, text: str, hint: str = "") -> bool:
    """An unnumbered heading: Markdown, bold, Word heading style, or a line in capitals."""
    text = text.strip()
    if not text or len(text) > 120 or furniture(text) or _NOT_TITLES.match(text.rstrip(":. ")):
        return False
    if group_heading(text) or dec.outcome_of(text) or dec.decision_start(text) or dec.label_of(text):
        return False
    if re.match(r"^[A-Z][\w ]{0,24}:\s+\S", text) or text.endswith("?"):
        return False
    marked = hint == "heading" or raw.lstrip().startswith("#") or (
        raw.strip().startswith("**") and raw.strip().endswith("**") and raw.count("**") == 2)
    if marked:
        return not re.search(r"[.;,]$", text)
    return capitals(text)


def capitals(text: str) -> bool:
    """A line in capitals that reads as a heading (``MATTERS ARISING``, ``SUSPEND STANDING ORDERS:``)."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4 or len(text.split()) > 14 or re.search(r"[.;,]$", text):
        return False
    return sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def title_case(text: str) -> bool:
    """A short line whose words are capitalised, without closing punctuation."""
    words = text.split()
    if not 1 <= len(words) <= 10 or re.search(r"[.;,:]$", text) or not text[:1].isupper():
        return False
    significant = [w for w in words if w.lower() not in _SMALL]
    capital = [w for w in significant if w[:1].isupper() or w[:1].isdigit() or w[:1] in "(“\"'"]
    return bool(significant) and len(capital) >= max(1, 0.75 * len(significant))
