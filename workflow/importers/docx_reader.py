"""Word ``.docx`` minutes read with python-docx into source lines for :mod:`.printed`.

Each paragraph (and each table row) becomes one :class:`SourceLine`, numbered in
document order. Heading styles mark item headings; automatic list numbering is worked
out from the numbering definitions (``1.``, ``(a)``, ``i)``) and written in front of the
text, as a reader of the document sees it; bulleted paragraphs are marked as bullets and
bold paragraphs keep a ``**`` marker. The splitting into header, attendance and items is
the printed layout's.
"""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
import zlib
from typing import Any

from workflow.importers import bounds
from workflow.importers.common import ImportFailed, SourceLine

__all__ = ["docx_title", "read_docx"]

_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def read_docx(data: bytes, source: str) -> list[SourceLine]:
    """The paragraphs of a Word document as source lines, or :class:`ImportFailed`."""
    return _read(data, source)[0]


def docx_title(data: bytes, source: str) -> tuple[list[SourceLine], str]:
    """The source lines and the title (or subject) in the document's properties."""
    return _read(data, source)


def _read(data: bytes, source: str) -> tuple[list[SourceLine], str]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    bounds.check_size(source, len(data))
    bounds.check_zip(data, source)
    try:
        document = docx.Document(io.BytesIO(data))
        _check_numbers(document, source)
        lines = _lines(document, source)
        title = _title(document)
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
    return lines, title


def _title(document: Any) -> str:
    try:
        props = document.core_properties
        return " ".join(str(props.title or props.subject or "").split())
    except (KeyError, ValueError, AttributeError, TypeError):
        return ""


def _check_numbers(document: Any, source: str) -> None:
    """Refuse list starts and cell spans beyond Word's own limits before using them."""
    from docx.oxml.ns import qn

    val = qn("w:val")
    roots = [document.element]
    with contextlib.suppress(NotImplementedError, KeyError, AttributeError):
        roots.append(document.part.numbering_part.element)
    checks = [("w:start", bounds.MAX_LIST_START, "a list that starts at {n}"),
              ("w:startOverride", bounds.MAX_LIST_START, "a list that starts at {n}"),
              ("w:gridSpan", bounds.MAX_COLUMN_SPAN, "a table cell that spans {n} columns"),
              ("w:gridBefore", bounds.MAX_COLUMN_SPAN, "a table row that skips {n} columns"),
              ("w:gridAfter", bounds.MAX_COLUMN_SPAN, "a table row that stops {n} columns short"),
              ("w:ilvl", 8, "a list at level {n}")]
    for root in roots:
        for tag, limit, what in checks:
            for element in root.iter(qn(tag)):
                text = element.get(val) or "0"
                value = int(text) if text.strip().lstrip("-").isdigit() and len(text) < 30 else limit + 1
                bounds.check_number(source, value, limit, what)


def _lines(document: Any, source: str) -> list[SourceLine]:
    from docx.oxml.ns import qn
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

    numbering = _Numbering(document)
    out: list[SourceLine] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(_paragraph(Paragraph(child, document), len(out) + 1, numbering))
        elif tag == "tbl":
            table = Table(child, document)
            for row in child.iter(qn("w:tr")):
                cells: list[str] = []
                for tc in row.findall(qn("w:tc")):
                    text = " ".join(_Cell(tc, table).text.split())
                    if text and (not cells or cells[-1] != text):
                        cells.append(text)
                out.append(SourceLine(len(out) + 1, "  ".join(cells)))
        bounds.check_lines(source, len(out), "paragraphs and table rows")
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
        label = pattern
        for upper in range(level, -1, -1):
            up_fmt, _, up_start = self._levels[num_id].get(upper, ("decimal", "", 1))
            value = up_start + max(counts[upper], 1) - 1
            label = label.replace(f"%{upper + 1}", _format(value, fmt if upper == level else up_fmt))
        return label, level

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
    """``value`` as Word shows it: letters repeat after z (``aa``), roman numerals use ``m``."""
    value = min(max(value, 0), bounds.MAX_LIST_START + bounds.MAX_LINES)
    if fmt in ("lowerLetter", "upperLetter") and value > 0:
        letter = chr(96 + (value - 1) % 26 + 1) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and value > 0:
        parts: list[str] = []
        rest = value
        for number, numeral in _ROMAN:
            times, rest = divmod(rest, number)
            parts.append(numeral * times)
        out = "".join(parts)
        return out.upper() if fmt == "upperRoman" else out
    return str(value)
