"""Word ``.docx`` minutes read with python-docx into source lines for :mod:`.printed`.

Each paragraph (and each table row) becomes one :class:`SourceLine`, numbered in
document order. Heading styles mark item headings; automatic list numbering is worked
out from the numbering definitions (``1.``, ``(a)``, ``i)``) and written in front of the
text, as a reader of the document sees it; bulleted paragraphs are marked as bullets and
bold paragraphs keep a ``**`` marker. The splitting into header, attendance and items is
the printed layout's.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from typing import Any

from workflow.importers.common import ImportFailed, SourceLine

__all__ = ["read_docx"]

_ROMAN = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def read_docx(data: bytes, source: str) -> list[SourceLine]:
    """The paragraphs of a Word document as source lines, or :class:`ImportFailed`."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    try:
        document = docx.Document(io.BytesIO(data))
        lines = _lines(document)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, PackageNotFoundError, KeyError,
            ValueError, AttributeError, TypeError, IndexError, NotImplementedError, OSError,
            EOFError, RecursionError) as exc:
        raise ImportFailed(
            f"{source} is not a readable Word document (it is damaged or not a .docx: {type(exc).__name__})."
        ) from None
    except etree.LxmlError:
        raise ImportFailed(f"{source} is a damaged Word document (its XML cannot be read).") from None
    if not any(line.text.strip() for line in lines):
        raise ImportFailed(f"{source} is an empty Word document.")
    return lines


def _lines(document: Any) -> list[SourceLine]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    numbering = _Numbering(document)
    out: list[SourceLine] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(_paragraph(Paragraph(child, document), len(out) + 1, numbering))
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = " ".join(cell.text.split())
                    if text and (not cells or cells[-1] != text):
                        cells.append(text)
                out.append(SourceLine(len(out) + 1, "  ".join(cells)))
    return out


def _paragraph(paragraph: Any, number: int, numbering: _Numbering) -> SourceLine:
    text = paragraph.text.replace("\t", " ").strip()
    style = _style_name(paragraph)
    heading = bool(re.match(r"(?i)heading\s*\d", style))
    num = numbering.label(paragraph)
    if num is not None:
        label, level = num
        if label == "bullet":
            return SourceLine(number, text, "heading" if heading else "bullet", level)
        text = f"{label} {text}" if text else text
        return SourceLine(number, text, "heading" if heading else "number", level)
    if heading:
        return SourceLine(number, text, "heading")
    if re.match(r"(?i)list\s*bullet", style):
        return SourceLine(number, text, "bullet", _style_level(style))
    runs = [r for r in paragraph.runs if r.text.strip()]
    if text and runs and all(r.bold for r in runs):
        return SourceLine(number, f"**{text}**")
    return SourceLine(number, text)


def _style_name(paragraph: Any) -> str:
    try:
        return paragraph.style.name or ""
    except (KeyError, ValueError, AttributeError):
        return ""


def _style_level(style: str) -> int:
    m = re.search(r"(\d)$", style)
    return int(m.group(1)) - 1 if m else 0


class _Numbering:
    """Counters for Word's automatic numbering, per list and level."""

    def __init__(self, document: Any) -> None:
        from docx.oxml.ns import qn

        self._qn = qn
        self._levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self._counts: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract = {a.get(qn("w:abstractNumId")): a for a in root.findall(qn("w:abstractNum"))}
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            definition = abstract.get(ref.get(qn("w:val"))) if ref is not None else None
            if definition is not None:
                self._levels[num.get(qn("w:numId"))] = self._read_levels(definition)

    def _read_levels(self, definition: Any) -> dict[int, tuple[str, str, int]]:
        qn = self._qn
        levels: dict[int, tuple[str, str, int]] = {}
        for lvl in definition.findall(qn("w:lvl")):
            fmt = lvl.find(qn("w:numFmt"))
            text = lvl.find(qn("w:lvlText"))
            start = lvl.find(qn("w:start"))
            levels[int(lvl.get(qn("w:ilvl"), "0"))] = (
                fmt.get(qn("w:val"), "decimal") if fmt is not None else "decimal",
                text.get(qn("w:val"), "%1.") if text is not None else "%1.",
                int(start.get(qn("w:val"), "1")) if start is not None else 1,
            )
        return levels

    def label(self, paragraph: Any) -> tuple[str, int] | None:
        num_id, level = self._num_pr(paragraph)
        if num_id is None or num_id == "0" or num_id not in self._levels:
            return None
        fmt, pattern, start = self._levels[num_id].get(level, ("decimal", "%1.", 1))
        if fmt in ("bullet", "none"):
            return "bullet", level
        counts = self._counts.setdefault(num_id, [0] * 9)
        level = min(max(level, 0), 8)
        counts[level] += 1
        for deeper in range(level + 1, 9):
            counts[deeper] = 0
        value = start + counts[level] - 1
        return pattern.replace(f"%{level + 1}", _format(value, fmt)), level

    def _num_pr(self, paragraph: Any) -> tuple[str | None, int]:
        qn = self._qn
        for holder in (paragraph._p.pPr, _style_ppr(paragraph)):
            num_pr = holder.find(qn("w:numPr")) if holder is not None else None
            if num_pr is None:
                continue
            num = num_pr.find(qn("w:numId"))
            ilvl = num_pr.find(qn("w:ilvl"))
            level = int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0
            return (num.get(qn("w:val")) if num is not None else None), level
        return None, 0


def _style_ppr(paragraph: Any) -> Any:
    try:
        return paragraph.style.element.pPr
    except (KeyError, ValueError, AttributeError):
        return None


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(96 + ((value - 1) % 26 + 1))
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        out, rest = "", value
        for number, numeral in _ROMAN:
            while rest >= number:
                out, rest = out + numeral, rest - number
        return out.upper() if fmt == "upperRoman" else out
    return str(value)
