"""A house-style template made ready to write into: one section, every style, one language.

The built-in ``templates/house-style.docx`` and a council's own template (``Settings.
house_style``) are read with python-docx and prepared once (cached by path, file time
and language):

- the template's body text is dropped; its last section's page set-up is kept, with the
  headers and footers that section shows (a letterhead inherited from an earlier section
  included, and the first section's first-page header when that section has one), and
  any tracked change to the section properties accepted;
- styles the renderer names but the template lacks are copied from the built-in house
  style (ids that clash are renamed; the bullet list gets its numbering);
- headings, the closing line and the signature keep with what follows them;
- the document's default language and every style that sets a language say ``language``.

Each render then opens the prepared bytes afresh. What is written into the body lives in
:mod:`workflow.render.docx`; headers and footers in :mod:`workflow.render.page`.
"""

from __future__ import annotations

import copy
import io
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from workflow.errors import MinutebookError
from workflow.render.numbering import Numbering
from workflow.render.styles import HOUSE_STYLE, Style

__all__ = ["HOUSE_STYLE", "Prepared", "open_style", "prepared"]

_KEEP_WITH_NEXT = (Style.TITLE, Style.HEADING_1, Style.HEADING_2, Style.HEADING_3,
                   Style.CLOSING, Style.MARKING)
_KEEP_TOGETHER = (Style.HEADING_1, Style.HEADING_2, Style.HEADING_3, Style.SIGNATURE)
_REFERENCES = ("w:headerReference", "w:footerReference")


@dataclass(frozen=True)
class Prepared:
    """A template ready for one render: its bytes and the id of each house style."""

    data: bytes
    style_ids: dict[str, str]
    """Style name (as :class:`Style` spells it) -> the style id in this template."""


def open_style(path: Path) -> Any:
    """The template opened with python-docx, or a sentence saying why it cannot be."""
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError,
            etree.XMLSyntaxError, OSError) as exc:
        raise MinutebookError(
            f"The house style {path} cannot be read as a Word document ({exc})."
        ) from None


def prepared(path: Path | None, language: str) -> Prepared:
    """The prepared template at ``path`` (the built-in house style when ``None``)."""
    path = path or HOUSE_STYLE
    try:
        stat = path.stat()
    except OSError:
        raise MinutebookError(f"The house style {path} does not exist.") from None
    return _prepared(str(path), stat.st_mtime_ns, stat.st_size, language)


@lru_cache(maxsize=8)
def _prepared(path: str, mtime: int, size: int, language: str) -> Prepared:
    document = open_style(Path(path))
    _one_section(document)
    ids = _complete_styles(document)
    _keep_settings(document, ids)
    _set_language(document, language)
    out = io.BytesIO()
    document.save(out)
    return Prepared(out.getvalue(), ids)


# ------------------------------------------------------------------------ sections


def _one_section(document: Any) -> None:
    """Drop the body; keep the last section's set-up and the headers and footers it shows."""
    body = document.element.body
    final = body.sectPr if body.sectPr is not None else body.get_or_add_sectPr()
    earlier = [s for s in body.iter(qn("w:sectPr"))
               if s.getparent().tag == qn("w:pPr") and s.getparent().getparent().tag == qn("w:p")]
    if earlier and earlier[0].find(qn("w:titlePg")) is not None:
        _first_page_from(earlier[0], final)
    for tag in _REFERENCES:
        shown = {ref.get(qn("w:type")) for ref in final.iterchildren(qn(tag))}
        for section in reversed(earlier):
            for ref in section.iterchildren(qn(tag)):
                if ref.get(qn("w:type")) not in shown:
                    final.insert(0, copy.deepcopy(ref))
                    shown.add(ref.get(qn("w:type")))
    for change in final.findall(qn("w:sectPrChange")):
        final.remove(change)
    for child in list(body):
        if child is not final:
            body.remove(child)


def _first_page_from(first: Any, final: Any) -> None:
    """The document's first page looks like the template's: its first-page header and footer."""
    if final.find(qn("w:titlePg")) is None:
        final.get_or_add_titlePg()
    for tag in _REFERENCES:
        for ref in list(final.iterchildren(qn(tag))):
            if ref.get(qn("w:type")) == "first":
                final.remove(ref)
        for ref in first.iterchildren(qn(tag)):
            if ref.get(qn("w:type")) == "first":
                final.insert(0, copy.deepcopy(ref))


# -------------------------------------------------------------------------- styles


def _names(styles: Any) -> dict[str, Any]:
    """Lower-case paragraph style name -> its ``w:style`` element (the first of each name)."""
    found: dict[str, Any] = {}
    for style in styles.iterchildren(qn("w:style")):
        if style.get(qn("w:type"), "paragraph") != "paragraph":
            continue
        name = style.find(qn("w:name"))
        if name is not None and name.get(qn("w:val")):
            found.setdefault(name.get(qn("w:val")).lower(), style)
    return found


@lru_cache(maxsize=1)
def _house_styles(mtime: int) -> dict[str, Any]:
    return _names(open_style(HOUSE_STYLE).styles.element)


def _complete_styles(document: Any) -> dict[str, str]:
    """Copy in the house styles the template lacks; every style name -> its id."""
    styles = document.styles.element
    names = _names(styles)
    missing = [s for s in Style if s.value.lower() not in names]
    if missing:
        builtin = _house_styles(HOUSE_STYLE.stat().st_mtime_ns)
        taken = {s.get(qn("w:styleId")) for s in styles.iterchildren(qn("w:style"))}
        normal = names.get("normal", styles.default_for(WD_STYLE_TYPE.PARAGRAPH))
        normal_id = normal.get(qn("w:styleId")) if normal is not None else "Normal"
        bullets = None
        for style in missing:
            element = copy.deepcopy(builtin[style.value.lower()])
            sid = element.get(qn("w:styleId"))
            if sid in taken:
                sid = f"mb{sid}"
                element.set(qn("w:styleId"), sid)
            based = element.find(qn("w:basedOn"))
            if based is not None:
                based.set(qn("w:val"), normal_id)
            for num_id in element.iter(qn("w:numId")):
                bullets = bullets or Numbering(document).add_bullets()
                num_id.set(qn("w:val"), str(bullets))
            styles.append(element)
            taken.add(sid)
            names[style.value.lower()] = element
    return {s.value: names[s.value.lower()].get(qn("w:styleId")) for s in Style}


def _ppr(style: Any) -> Any:
    return style.get_or_add_pPr()


def _keep_settings(document: Any, ids: dict[str, str]) -> None:
    styles = document.styles.element
    for style in _KEEP_WITH_NEXT:
        _ppr(styles.get_by_id(ids[style.value])).keepNext_val = True
    for style in _KEEP_TOGETHER:
        _ppr(styles.get_by_id(ids[style.value])).keepLines_val = True


# ------------------------------------------------------------------------ language


def _set_language(document: Any, language: str) -> None:
    """The default language, and that of every style that sets one, becomes ``language``."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    if rpr.find(qn("w:lang")) is None:
        rpr.insert_element_before(OxmlElement("w:lang"), "w:eastAsianLayout", "w:specVanish",
                                  "w:oMath")
    for lang in styles.iter(qn("w:lang")):
        if lang.getparent() is rpr or lang.get(qn("w:val")) is not None:
            lang.set(qn("w:val"), language)
