"""Helpers for the importer tests: where the fixtures are, and Word documents built from text."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"


def docx_from_markdown(text: str, *, auto_number_headings: bool = False) -> bytes:
    """A Word document from the printed-minutes Markdown fixture.

    ``#`` lines become Title / Heading styles, ``- x`` List Bullet (indented: List Bullet 2),
    ``**x**`` bold runs. With ``auto_number_headings`` the item numbers are taken out of
    the heading text and given by Word's list numbering instead, starting at the first.
    """
    document = docx.Document()
    heading_num: str | None = None
    for raw in text.splitlines():
        if not raw.strip():
            continue
        line = re.sub(r"</?sup>", "", raw)
        if line.startswith("# "):
            document.add_paragraph(line[2:], style="Title")
            continue
        m = re.match(r"^#{2,6}\s+(?:(\d+)\.\s+)?(.*)$", line)
        if m:
            title = m.group(2).replace("**", "")
            number = m.group(1)
            if number and auto_number_headings:
                paragraph = document.add_paragraph(title, style="Heading 2")
                heading_num = heading_num or _numbering(document, int(number))
                _number(paragraph, heading_num)
            else:
                document.add_paragraph(f"{number}. {title}" if number else title, style="Heading 2")
            continue
        bullet = re.match(r"^(\s*)- (.*)$", line)
        if bullet:
            style = "List Bullet 2" if bullet.group(1) else "List Bullet"
            document.add_paragraph(bullet.group(2), style=style)
            continue
        paragraph = document.add_paragraph()
        bold = line.startswith("**") and line.endswith("**")
        paragraph.add_run(line.strip("*") if bold else line).bold = bold or None
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _numbering(document: docx.document.Document, start: int) -> str:
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), "0")
    for tag, value in (("w:start", str(start)), ("w:numFmt", "decimal"), ("w:lvlText", "%1.")):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        lvl.append(child)
    abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    return "90"


def _number(paragraph: docx.text.paragraph.Paragraph, num_id: str) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), num_id)
    num_pr.append(ilvl)
    num_pr.append(num)
    ppr.append(num_pr)


def pdf_from_pages(pages: list[list[str]], *, title: str = "") -> bytes:
    """A PDF with one text line per entry, in Helvetica, top to bottom on each page.

    Written object by object with its cross-reference table, as a PDF writer would, so
    the importer reads a real text layer; a page given as ``[]`` carries only a filled
    rectangle, as a scanned page carries only its picture.
    """
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", font]
    kids: list[int] = []
    for lines in pages:
        ops = ["BT", "/F1 11 Tf", "14 TL", "56 780 Td"] if lines else ["0.5 g", "56 56 480 720 re f"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({escaped}) Tj T*")
        if lines:
            ops.append("ET")
        stream = "\n".join(ops).encode("cp1252")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R >> >> >>" % len(objects))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    info = b""
    if title:
        objects.append(b"<< /Title (%s) >>" % title.encode("cp1252"))
        info = b" /Info %d 0 R" % len(objects)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, info, xref)
    return bytes(out)
