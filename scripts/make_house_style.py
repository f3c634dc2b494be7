"""Build templates/house-style.docx: the built-in house style of agendas and minutes.

Built with python-docx from its default document, cut down to what a render needs (no
theme, web settings, custom XML, thumbnail, latent or unused styles), so that opening it
for each render stays cheap. A4, Arial, English (UK) as the document language, real
heading styles with outline levels, every style in ``workflow.render.styles.Style``
defined, list numbering for bullets and for resolutions ((a)/(b) restarting per block is
done per document by ``workflow.render.numbering``), spacing in the styles rather than
empty paragraphs, and the settings that keep a printed page whole: headings keep with the
next paragraph and their own lines together, the closing line keeps with the signature,
the signature line and its label never part, widows and orphans are controlled. No
footer: each document writes its own ("Page N of M" with committee and date). The
output is deterministic; a test checks that the committed file is what this builds.

Usage: .venv/bin/python scripts/make_house_style.py [OUT.docx]
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workflow.render.docx import HOUSE_STYLE, deterministic  # noqa: E402
from workflow.render.numbering import FORMATS, abstract_num, bullet_abstract  # noqa: E402
from workflow.render.styles import HEADING_LEVELS, Style  # noqa: E402

FONT = "Arial"
LANGUAGE = "en-GB"
BUILT_IN = {Style.NORMAL, Style.TITLE, Style.HEADING_1, Style.HEADING_2, Style.HEADING_3,
            Style.LIST_BULLET, Style.HEADER, Style.FOOTER}
KEEP = {"DefaultParagraphFont", "TableNormal", "NoList"}
DROP = ("stylesWithEffects", "webSettings", "theme", "customXml")

# Each style: space before and after (points), keep with next, keep lines together,
# bold, size (points), and any further settings.
LOOK: dict[Style, dict[str, Any]] = {
    Style.NORMAL: {"widows": True},
    Style.TITLE: {"before": 0, "after": 3, "next": True, "bold": True, "size": 16},
    Style.HEADING_1: {"before": 0, "after": 12, "next": True, "lines": True, "bold": True,
                      "size": 14},
    Style.HEADING_2: {"before": 18, "after": 6, "next": True, "lines": True, "bold": True,
                      "size": 13},
    Style.HEADING_3: {"before": 12, "after": 6, "next": True, "lines": True, "bold": True,
                      "size": 12},
    Style.LIST_BULLET: {"after": 3, "bullets": True},
    Style.DETAIL: {"after": 2, "tab": 3402, "left": 3402, "first": -3402},
    Style.RESOLUTION: {"after": 6, "left": 720, "first": -720},
    Style.MOTION: {"left": 720, "right": 720},
    Style.NOTE: {"colour": RGBColor(0x40, 0x40, 0x40)},
    Style.MARKING: {"after": 12, "next": True, "bold": True, "size": 14, "caps": True,
                    "centre": True, "border": ("top", "bottom"), "border_size": 12},
    Style.CLOSING: {"before": 12, "next": True},
    Style.SIGNATURE: {"before": 48, "lines": True, "right": 5103, "border": ("top",),
                      "border_size": 6},
    Style.HEADER: {"after": 0, "size": 10, "centre": True},
    Style.FOOTER: {"after": 0, "size": 10, "centre": True},
}


def _el(tag: str, **attrs: str) -> Any:
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _strip_package(document: Any) -> None:
    part = document.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype.rsplit("/", 1)[-1] in DROP:
            del part.rels[rid]
    package_rels = part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package_rels[rid]


def _defaults(styles: Any) -> None:
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    rpr.clear()
    rpr.append(_el("w:rFonts", ascii=FONT, hAnsi=FONT, eastAsia=FONT, cs=FONT))
    rpr.append(_el("w:sz", val="22"))
    rpr.append(_el("w:szCs", val="22"))
    rpr.append(_el("w:lang", val=LANGUAGE, eastAsia=LANGUAGE, bidi="ar-SA"))
    ppr_default = defaults.find(qn("w:pPrDefault"))
    if ppr_default is None:
        ppr_default = _el("w:pPrDefault")
        defaults.append(ppr_default)
    ppr_default.clear()
    ppr = _el("w:pPr")
    ppr.append(_el("w:spacing", after="160", line="276", lineRule="auto"))
    ppr_default.append(ppr)


def _border(style: Any, sides: tuple[str, ...], size: int) -> None:
    borders = _el("w:pBdr")
    for side in sides:
        borders.append(_el(f"w:{side}", val="single", sz=str(size), space="4", color="auto"))
    ppr = style.element.get_or_add_pPr()
    ppr.insert_element_before(borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing",
                              "w:ind", "w:jc", "w:outlineLvl", "w:rPr")


def _define(document: Any, style: Style) -> None:
    look = LOOK[style]
    new = document.styles.add_style(style.value, WD_STYLE_TYPE.PARAGRAPH,
                                    builtin=style in BUILT_IN)
    new.quick_style = True
    if style is Style.NORMAL:
        new.element.set(qn("w:default"), "1")
    else:
        new.base_style = document.styles[Style.NORMAL.value]
    fmt, font = new.paragraph_format, new.font
    level = HEADING_LEVELS.get(style)
    if level is not None or style is Style.TITLE:
        new.next_paragraph_style = document.styles[Style.NORMAL.value]
    if look.get("widows"):
        fmt.widow_control = True
    fmt.keep_with_next = look.get("next") or None
    fmt.keep_together = look.get("lines") or None
    if look.get("bullets"):
        fmt._element.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = 1
    if "border" in look:
        _border(new, look["border"], look["border_size"])
    if "tab" in look:
        fmt.tab_stops.add_tab_stop(Twips(look["tab"]), WD_TAB_ALIGNMENT.LEFT)
    if style in (Style.HEADER, Style.FOOTER):
        fmt.tab_stops.add_tab_stop(Twips(4706), WD_TAB_ALIGNMENT.CENTER)
        fmt.tab_stops.add_tab_stop(Twips(9412), WD_TAB_ALIGNMENT.RIGHT)
    if "before" in look:
        fmt.space_before = Pt(look["before"])
    if "after" in look:
        fmt.space_after = Pt(look["after"])
    for key, attr in (("left", "left_indent"), ("right", "right_indent"),
                      ("first", "first_line_indent")):
        if key in look:
            setattr(fmt, attr, Twips(look[key]))
    if look.get("centre"):
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if level is not None:
        fmt._element.get_or_add_pPr().insert_element_before(
            _el("w:outlineLvl", val=str(level - 1)), "w:divId", "w:cnfStyle", "w:rPr",
            "w:sectPr", "w:pPrChange")
    if look.get("bold"):
        font.bold = True
        new.element.get_or_add_rPr().get_or_add_bCs()
    if look.get("caps"):
        font.all_caps = True
    if "colour" in look:
        font.color.rgb = look["colour"]
    if "size" in look:
        font.size = Pt(look["size"])


def _styles(document: Any) -> None:
    styles = document.styles.element
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    for element in list(styles.iterchildren(qn("w:style"))):
        if element.get(qn("w:styleId")) not in KEEP:
            styles.remove(element)
    _defaults(styles)
    for style in sorted(Style, key=lambda s: s is not Style.NORMAL):
        _define(document, style)


def _numbering(document: Any) -> None:
    root = document.part.numbering_part.element
    for child in list(root):
        root.remove(child)
    root.append(bullet_abstract(0))
    for number, fmt in enumerate(FORMATS, start=1):
        root.append(abstract_num(number, fmt))
    num = _el("w:num", numId="1")
    num.append(_el("w:abstractNumId", val="0"))
    root.append(num)


def _settings(document: Any) -> None:
    settings = document.settings.element
    for tag in ("w:rsids", "w:attachedTemplate", "w:proofState", "w:zoom",
                "w:savePreviewPicture", "w:doNotAutoCompressPictures", "w:shapeDefaults",
                "w:clrSchemeMapping"):
        for found in settings.findall(qn(tag)):
            settings.remove(found)
    for found in settings.iter(qn("w:themeFontLang")):
        found.attrib.clear()
        found.set(qn("w:val"), LANGUAGE)


def _page(document: Any) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    margin = Twips(1247)
    section.top_margin = section.bottom_margin = margin
    section.left_margin = section.right_margin = margin
    section.header_distance = section.footer_distance = Twips(567)
    section.gutter = Twips(0)
    body = document.element.body
    for child in list(body):
        if child is not body.sectPr:
            body.remove(child)


def _properties(document: Any) -> None:
    props = document.core_properties
    when = dt.datetime(2026, 1, 1)
    for name in ("subject", "keywords", "comments", "category", "content_status",
                 "identifier", "version"):
        setattr(props, name, "")
    props.title = "House style"
    props.author = props.last_modified_by = "minutebook"
    props.language = LANGUAGE
    props.revision = 1
    props.created = props.modified = when
    props.last_printed = when


def build() -> bytes:
    """The bytes of the house-style document."""
    document = docx.Document()
    _strip_package(document)
    _styles(document)
    _numbering(document)
    _settings(document)
    _page(document)
    _properties(document)
    out = io.BytesIO()
    document.save(out)
    return deterministic(out.getvalue())


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else HOUSE_STYLE
    out.write_bytes(build())
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
