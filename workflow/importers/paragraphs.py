"""Source lines of one item grouped into paragraphs and list entries (:class:`Unit`).

Page furniture, page numbers inside sentences and the web page's "view the full minutes
text" link are reported to the :class:`Ledger` here; sentences broken across lines are
joined (and the join is reported). What each paragraph means is :mod:`.minutes`' job.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from workflow.importers import decisions as dec
from workflow.importers.common import Ledger, SourceLine, find_time, furniture, strip_inline_pages

__all__ = ["Unit", "closing_of", "units_of"]


@dataclass
class Unit:
    """A paragraph or list entry made of one or more source lines."""

    lines: list[SourceLine]
    text: str
    bullet: bool = False
    level: int = 0
    indented: bool = False


_BULLET = re.compile(r"^(?P<indent>\s*)(?P<mark>[·•▪◦●○■□➢✓\-*–o]|)\s+(?P<text>\S.*)$")
_TRUNCATED = re.compile(r"\s*(?:\.\.\.|…)?\s*view\s+the\s+full\s+(?:minutes\s+)?text\s+for\s+item\s+(\w+)\.?\s*$", re.I)
_CLOSING = re.compile(
    r"^\(?(?:the\s+)?(?:meeting|session)?\s*(?:was\s+)?(?P<word>closed|ended|finished|terminated|adjourned|concluded|"
    r"rose)\b(?P<rest>[^()]*)\)?\.?$",
    re.I,
)


def closing_of(text: str) -> tuple[dt.time | None, str] | None:
    """``(Meeting closed at 3.30 pm)`` -> (15:30, "closed"); ``The meeting concluded.``"""
    stripped = text.strip()
    m = _CLOSING.match(stripped)
    if not m or len(stripped) > 90:
        return None
    if not re.match(r"(?i)\(?(?:the\s+)?(?:meeting|session)", stripped):
        return None
    return find_time(m.group("rest"))[0], m.group("word").lower()


def units_of(lines: list[SourceLine], ledger: Ledger) -> tuple[list[Unit], str]:
    """Paragraphs and list entries of the lines, and what is missing if the text was cut short."""
    out: list[Unit] = []
    incomplete = ""
    for line in lines:
        if line.blank:
            continue
        reason = furniture(line.text)
        if reason:
            ledger.ignore(line, reason)
            continue
        text = line.text.rstrip()
        truncated = _TRUNCATED.search(text)
        if truncated:
            ledger.ignore(line, "web page link", truncated.group(0))
            text = text[: truncated.start()]
            incomplete = (
                f"The source shows only the start of these minutes (it ends with 'view the full "
                f"minutes text for item {truncated.group(1)}'); the rest must be copied in."
            )
        text, pages = strip_inline_pages(text)
        for page in pages:
            ledger.ignore(line, "page number inside the text", page)
        unit = _unit(line, text)
        if unit is None:
            continue
        if out and _continues(out[-1], unit):
            out[-1].lines.append(line)
            out[-1].text = f"{out[-1].text} {unit.text}"
            ledger.warn(f"Line {line.number}: joined to the line before, as one sentence broken across lines.")
            continue
        out.append(unit)
    return out, incomplete


def _unit(line: SourceLine, text: str) -> Unit | None:
    if not text.strip():
        return None
    if line.hint == "bullet":
        return Unit([line], text.strip(), bullet=True, level=line.level)
    m = _BULLET.match(text)
    if m and m.group("mark") and not (m.group("mark") in "-–" and m.group("text")[:1].isdigit()):
        level = 1 if len(m.group("indent").expandtabs(4)) >= 2 else 0
        return Unit([line], " ".join(m.group("text").split()), bullet=True, level=level)
    indent = len(text) - len(text.lstrip())
    return Unit([line], " ".join(text.split()), indented=indent >= 2 and line.hint == "", level=line.level)


def _continues(prev: Unit, unit: Unit) -> bool:
    if unit.bullet or prev.bullet or unit.indented or prev.indented:
        return False
    if re.search(r"[.:;!?)\"”]$", prev.text):
        return False
    if dec.label_of(unit.text) is not None:
        return False
    return bool(re.match(r"[a-z(£0-9]", unit.text)) and not re.fullmatch(r"\(?[a-z0-9]{1,4}[.)]", prev.text)
