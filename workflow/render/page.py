"""What every page carries: markings in the header, the footer with "Page N of M".

Headers and footers are reached through python-docx (``section.header``,
``first_page_header``, ``even_page_header`` and the footers): a template's own header —
a council's letterhead — is kept and the marking (NOT FOR PUBLICATION, DRAFT) is added
below it; where a header the reader sees is missing (the default one, the first page's
when the section has a different first page, even pages' when the document has them),
one is made holding only the marking. The
footer names the committee and the meeting date and numbers the pages with PAGE and
NUMPAGES fields, built as ``w:fldChar``/``w:instrText`` elements (python-docx has no API
for fields). A template footer that already numbers its pages keeps its own numbering.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from workflow.render.elements import Run

__all__ = ["add_footer", "add_markings", "page_field"]


def _shown(document: Any, section: Any, default: Any, first: Any, even: Any) -> list[Any]:
    """The headers (or footers) a reader sees: the default one, the first page's when the
    section has one, even pages' when the document has them; and any the template defines."""
    shown = [default]
    for kind, used in ((first, section.different_first_page_header_footer),
                       (even, document.settings.odd_and_even_pages_header_footer)):
        if used or not kind.is_linked_to_previous:
            shown.append(kind)
    return shown


def _headers(document: Any, section: Any) -> list[Any]:
    return _shown(document, section, section.header, section.first_page_header,
                  section.even_page_header)


def _footers(document: Any, section: Any) -> list[Any]:
    return _shown(document, section, section.footer, section.first_page_footer,
                  section.even_page_footer)


def _definitions(parts: Sequence[Any]) -> Iterator[tuple[Any, bool]]:
    """Each distinct header or footer once, and whether it is made here (empty)."""
    seen: set[str] = set()
    for part in parts:
        made = part.is_linked_to_previous
        name = str(part.part.partname)
        if name in seen:
            continue
        seen.add(name)
        yield part, made


def _paragraph(container: Any, made: bool, style_id: str) -> Any:
    """A new paragraph at the end of a header or footer (the empty one of a new part)."""
    if made and len(container.paragraphs) == 1 and not container.paragraphs[0].text:
        paragraph = container.paragraphs[0]
    else:
        paragraph = container.add_paragraph()
    paragraph._p.get_or_add_pPr().style = style_id
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return paragraph


def add_markings(document: Any, markings: Sequence[str], style_id: str,
                 write_run: Any) -> None:
    """Add each marking, bold and centred, to every header of every section."""
    for section in document.sections:
        for header, made in _definitions(_headers(document, section)):
            for marking in markings:
                paragraph = _paragraph(header, made, style_id)
                made = False
                write_run(paragraph._p, Run(marking, bold=True))


def page_field(paragraph: Any, instruction: str, shown: str) -> None:
    """A field (``PAGE``, ``NUMPAGES``) at the end of a paragraph, showing ``shown`` until
    the reader updates it."""
    p = paragraph._p
    for kind, text in (("begin", None), ("instr", f" {instruction} "), ("separate", None),
                       ("text", shown), ("end", None)):
        run = OxmlElement("w:r")
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run.append(instr)
        elif kind == "text":
            run.add_t(text)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run.append(char)
        p.append(run)


def _numbers_pages(footer: Any) -> bool:
    instructions = [t.text or "" for t in footer._element.iter(qn("w:instrText"))]
    instructions += [f.get(qn("w:instr"), "") for f in footer._element.iter(qn("w:fldSimple"))]
    return any("PAGE" in i.split() for i in instructions)


def add_footer(document: Any, label: str, style_id: str, write_run: Any) -> None:
    """Add the label (committee and date) and "Page N of M" to every footer."""
    for section in document.sections:
        for footer, made in _definitions(_footers(document, section)):
            numbered = not made and _numbers_pages(footer)
            if label:
                write_run(_paragraph(footer, made, style_id)._p, Run(label))
                made = False
            if not numbered:
                paragraph = _paragraph(footer, made, style_id)
                write_run(paragraph._p, Run("Page "))
                page_field(paragraph, "PAGE", "1")
                write_run(paragraph._p, Run(" of "))
                page_field(paragraph, "NUMPAGES", "1")
