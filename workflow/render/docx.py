"""Blocks -> a deterministic Word document (.docx bytes), built with python-docx.

The document is opened from the council's house style (``templates/house-style.docx``
or a council's own, see ``Settings.house_style``), prepared once by
:mod:`workflow.render.template`. Paragraphs take their style by name (each name resolved
to the template's style id once), runs are bold or italic through python-docx's run
properties, e-mail addresses become hyperlinks, the core properties are set through
``core_properties``, and headers and footers through :mod:`workflow.render.page`.
Resolution numbering (a ``w:num`` with a restart per block) comes from
:mod:`workflow.render.numbering`.

Same blocks and arguments -> the same bytes: :func:`deterministic` rewrites the saved
package with fixed times in python-docx's order, and the core properties come from the
arguments, never from the clock (house-style C1). Not here: what blocks say
(:mod:`workflow.render.blocks`), tracked changes (:mod:`workflow.render.redline` writes
through :class:`DocxBuilder`).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from workflow.errors import MinutebookError
from workflow.render.elements import Block, Run
from workflow.render.numbering import INDENT, Numbering, Placement
from workflow.render.page import add_footer, add_markings
from workflow.render.styles import Style
from workflow.render.template import HOUSE_STYLE, prepared

__all__ = [
    "HOUSE_STYLE",
    "DocxBuilder",
    "check_text",
    "deterministic",
    "write_docx",
    "zip_parts",
]

Fill = Callable[[int, Any], None]
"""Writes the content of block ``index`` into its ``w:p`` (instead of the block's runs)."""

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_LINK_COLOUR = "0563C1"
_sub = etree.SubElement
(_P, _PPR, _PSTYLE, _KEEP_NEXT, _NUM_PR, _ILVL, _NUM_ID, _IND, _R, _RPR, _B, _BCS, _I, _ICS,
 _COLOR, _U, _T, _DEL_TEXT, _TAB, _BR, _HYPERLINK) = (qn(f"w:{tag}") for tag in (
    "p", "pPr", "pStyle", "keepNext", "numPr", "ilvl", "numId", "ind", "r", "rPr", "b", "bCs",
    "i", "iCs", "color", "u", "t", "delText", "tab", "br", "hyperlink"))
_VAL, _LEFT, _HANGING = qn("w:val"), qn("w:left"), qn("w:hanging")
_RID, _SPACE = qn("r:id"), qn("xml:space")


# ------------------------------------------------------------------------ zip package


def zip_parts(parts: Iterable[tuple[str, bytes]]) -> bytes:
    """A zip of the parts, in the order given, with fixed times: same parts, same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, data, compresslevel=6)
    return buffer.getvalue()


def deterministic(package: bytes) -> bytes:
    """The saved package again, its entries in the same order with fixed times."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return zip_parts((name, archive.read(name)) for name in archive.namelist())


def check_text(text: str, where: str) -> None:
    """Refuse text Word cannot hold, naming where it is (house-style C3)."""
    bad = _BAD_CHARS.search(text)
    if bad is not None:
        raise MinutebookError(
            f"The text at {where or 'the document'} contains a control character "
            f"(U+{ord(bad.group(0)):04X}) that Word cannot hold; remove it and render again."
        )


def _utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment.replace(microsecond=0)


# ------------------------------------------------------------------------ the builder


class DocxBuilder:
    """Builds one document: add blocks, then :meth:`to_bytes`."""

    def __init__(self, *, style_path: Path | None = None, language: str = "en-GB") -> None:
        template = prepared(style_path, language)
        self.document = docx.Document(io.BytesIO(template.data))
        self.language = language
        self._ids = template.style_ids
        self._part = self.document.part
        self._end = self.document.element.body.sectPr
        self._numbering: Numbering | None = None

    def style_id(self, style: str) -> str:
        """The template's id for one of the house style names."""
        return self._ids[str(style)]

    # ----------------------------------------------------------------- runs

    def run(self, parent: Any, run: Run, *, deleted: bool = False) -> Any:
        """Append one ``w:r`` for ``run`` to ``parent``; tabs and line breaks become
        ``w:tab``/``w:br``, deleted text ``w:delText``, a link a ``w:hyperlink``."""
        if run.link and not deleted:
            parent = _sub(parent, _HYPERLINK)
            parent.set(_RID, self._part.relate_to(run.link, RT.HYPERLINK, is_external=True))
        r = _sub(parent, _R)
        if run.bold or run.italic or run.link:
            rpr = _sub(r, _RPR)
            if run.bold:
                _sub(rpr, _B)
                _sub(rpr, _BCS)
            if run.italic:
                _sub(rpr, _I)
                _sub(rpr, _ICS)
            if run.link:
                _sub(rpr, _COLOR).set(_VAL, _LINK_COLOUR)
                _sub(rpr, _U).set(_VAL, "single")
        text = run.text.replace("\r\n", "\n").replace("\r", "\n")
        tag = _DEL_TEXT if deleted else _T
        for i, line in enumerate(text.split("\n")):
            if i:
                _sub(r, _BR)
            for j, chunk in enumerate(line.split("\t")):
                if j:
                    _sub(r, _TAB)
                if chunk:
                    t = _sub(r, tag)
                    t.text = chunk
                    if chunk[0].isspace() or chunk[-1].isspace():
                        t.set(_SPACE, "preserve")
        return r

    # ------------------------------------------------------------- paragraphs

    def add_blocks(self, blocks: Sequence[Block], fill: Fill | None = None) -> list[Any]:
        """Append blocks as paragraphs (their ``w:p`` returned in order); ``fill`` may
        write each block's content instead of its runs."""
        out: list[Any] = []
        index = 0
        while index < len(blocks):
            if blocks[index].style != Style.RESOLUTION:
                out.append(self._paragraph(blocks[index], index, fill))
                index += 1
                continue
            end = index
            while end < len(blocks) and blocks[end].style == Style.RESOLUTION:
                end += 1
            if self._numbering is None:
                self._numbering = Numbering(self.document)
            plan = self._numbering.plan(blocks[index:end])
            for offset, placement in enumerate(plan):
                out.append(self._paragraph(blocks[index + offset], index + offset, fill,
                                           placement))
            index = end
        return out

    def _paragraph(self, block: Block, index: int, fill: Fill | None,
                   placement: Placement | None = None) -> Any:
        for run in block.runs:
            check_text(run.text, block.key)
        check_text(block.label, block.key)
        p = self._end.makeelement(_P)
        self._end.addprevious(p)
        ppr = _sub(p, _PPR)
        _sub(ppr, _PSTYLE).set(_VAL, self._ids[block.style])
        if block.keep:
            _sub(ppr, _KEEP_NEXT)
        if placement is not None:
            if placement.num_id is not None:
                num_pr = _sub(ppr, _NUM_PR)
                _sub(num_pr, _ILVL).set(_VAL, str(placement.level))
                _sub(num_pr, _NUM_ID).set(_VAL, str(placement.num_id))
            else:
                ind = _sub(ppr, _IND)
                ind.set(_LEFT, str(INDENT * (placement.level + 1)))
                ind.set(_HANGING, str(INDENT))
            if placement.label:
                self.run(p, Run(placement.label + "\t"))
        if fill is not None:
            fill(index, p)
        else:
            for run in block.runs:
                self.run(p, run)
        return p

    # ----------------------------------------------------------------- finish

    def to_bytes(self, *, title: str, author: str, created: dt.datetime,
                 marking: str | None = None, draft: bool = False, footer: str = "") -> bytes:
        """The finished package; the same calls give the same bytes."""
        for text, where in ((title, "the document title"), (author, "the document author"),
                            (marking or "", "the marking"), (footer, "the footer")):
            check_text(text, where)
        markings = [m for m in ("DRAFT" if draft else "", marking or "") if m]
        if markings:
            add_markings(self.document, markings, self._ids[Style.HEADER], self.run)
        add_footer(self.document, footer, self._ids[Style.FOOTER], self.run)
        props = self.document.core_properties
        props.title = title
        props.author = author
        props.last_modified_by = author
        props.language = self.language
        props.revision = 1
        props.created = props.modified = _utc(created)
        out = io.BytesIO()
        self.document.save(out)
        return deterministic(out.getvalue())


def write_docx(blocks: Sequence[Block], *, title: str, author: str, created: dt.datetime,
               language: str = "en-GB", marking: str | None = None,
               style_path: Path | None = None, draft: bool = False, footer: str = "") -> bytes:
    """Blocks as a Word document: ``marking`` (and DRAFT when ``draft``) in the header of
    every page, ``footer`` (committee and date) above the page numbers."""
    builder = DocxBuilder(style_path=style_path, language=language)
    builder.add_blocks(blocks)
    return builder.to_bytes(title=title, author=author, created=created, marking=marking,
                            draft=draft, footer=footer)
