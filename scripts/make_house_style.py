"""Build templates/house-style.docx: the built-in house style of agendas and minutes.

A4, Arial, real heading styles with outline levels, every style in
``workflow.render.styles.Style`` defined (none left latent), English (UK) as the document
language, list numbering for bullets and for resolutions ((a)/(b) restarting per block is
done per document by ``workflow.render.numbering``), a page-number footer, spacing in the
styles rather than empty paragraphs. The output is deterministic; a test checks that the
committed file is exactly what this script builds.

Usage: .venv/bin/python scripts/make_house_style.py [OUT.docx]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workflow.render.docx import HOUSE_STYLE, zip_parts  # noqa: E402
from workflow.render.numbering import FORMATS, abstract_num_xml, bullet_abstract_xml  # noqa: E402
from workflow.render.styles import HEADING_LEVELS, Style, style_id, xml_name  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
FONT = "Arial"

# (paragraph properties, run properties) of each style, basedOn Normal unless it is Normal.
_LOOK: dict[Style, tuple[str, str]] = {
    Style.NORMAL: ("", ""),
    Style.TITLE: ('<w:keepNext/><w:spacing w:before="0" w:after="60"/>', '<w:b/><w:bCs/><w:sz w:val="32"/>'),
    Style.HEADING_1: ('<w:keepNext/><w:keepLines/><w:spacing w:before="0" w:after="240"/>',
                      '<w:b/><w:bCs/><w:sz w:val="28"/>'),
    Style.HEADING_2: ('<w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/>',
                      '<w:b/><w:bCs/><w:sz w:val="26"/>'),
    Style.HEADING_3: ('<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/>',
                      '<w:b/><w:bCs/><w:sz w:val="24"/>'),
    Style.LIST_BULLET: ('<w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="60"/>'
                        '<w:contextualSpacing/>', ""),
    Style.DETAIL: ('<w:tabs><w:tab w:val="left" w:pos="3402"/></w:tabs><w:spacing w:after="40"/>'
                   '<w:ind w:left="3402" w:hanging="3402"/>', ""),
    Style.RESOLUTION: ('<w:spacing w:after="120"/><w:ind w:left="720" w:hanging="720"/>', ""),
    Style.MOTION: ('<w:ind w:left="720" w:right="720"/>', ""),
    Style.NOTE: ("", '<w:color w:val="404040"/>'),
    Style.MARKING: ('<w:pBdr><w:top w:val="single" w:sz="12" w:space="4" w:color="auto"/>'
                    '<w:bottom w:val="single" w:sz="12" w:space="4" w:color="auto"/></w:pBdr>'
                    '<w:spacing w:after="240"/><w:jc w:val="center"/>',
                    '<w:b/><w:bCs/><w:caps/><w:sz w:val="28"/>'),
    Style.CLOSING: ('<w:spacing w:before="240"/>', ""),
    Style.SIGNATURE: ('<w:keepLines/><w:pBdr><w:top w:val="single" w:sz="6" w:space="4" '
                      'w:color="auto"/></w:pBdr><w:spacing w:before="960"/><w:ind w:right="5103"/>',
                      ""),
    Style.HEADER: ('<w:tabs><w:tab w:val="center" w:pos="4706"/><w:tab w:val="right" w:pos="9412"/>'
                   '</w:tabs><w:spacing w:after="0"/><w:jc w:val="center"/>', '<w:sz w:val="20"/>'),
    Style.FOOTER: ('<w:tabs><w:tab w:val="center" w:pos="4706"/><w:tab w:val="right" w:pos="9412"/>'
                   '</w:tabs><w:spacing w:after="0"/><w:jc w:val="center"/>', '<w:sz w:val="20"/>'),
}


def _style(style: Style) -> str:
    ppr, rpr = _LOOK[style]
    level = HEADING_LEVELS.get(style)
    if level is not None:
        ppr += f'<w:outlineLvl w:val="{level - 1}"/>'
    default = ' w:default="1"' if style is Style.NORMAL else ""
    based = "" if style is Style.NORMAL else '<w:basedOn w:val="Normal"/>'
    follow = '<w:next w:val="Normal"/>' if level or style is Style.TITLE else ""
    return (f'<w:style w:type="paragraph"{default} w:styleId="{style_id(style)}">'
            f'<w:name w:val="{xml_name(style)}"/>{based}{follow}<w:qFormat/>'
            f"<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>")


def styles_xml() -> str:
    fonts = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
    defaults = (f"<w:docDefaults><w:rPrDefault><w:rPr>{fonts}<w:sz w:val=\"22\"/>"
                '<w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/>'
                "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
                '<w:spacing w:after="160" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
                "</w:docDefaults>")
    extras = ('<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
              '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
              '</w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal">'
              '<w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" '
              'w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" '
              'w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
              '</w:tblCellMar></w:tblPr></w:style><w:style w:type="numbering" w:default="1" '
              'w:styleId="NoList"><w:name w:val="No List"/><w:semiHidden/></w:style>')
    body = "".join(_style(s) for s in Style)
    return f'{HEAD}<w:styles xmlns:w="{W}">{defaults}{extras}{body}</w:styles>'


def numbering_xml() -> str:
    abstract = bullet_abstract_xml(0) + "".join(
        abstract_num_xml(i + 1, fmt) for i, fmt in enumerate(FORMATS))
    return (f'{HEAD}<w:numbering xmlns:w="{W}">{abstract}'
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


def document_xml() -> str:
    sect = ('<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/>'
            '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1247" w:right="1247" '
            'w:bottom="1247" w:left="1247" w:header="567" w:footer="567" w:gutter="0"/>'
            '<w:cols w:space="720"/></w:sectPr>')
    return f'{HEAD}<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{sect}</w:body></w:document>'


def footer_xml() -> str:
    field = ('<w:r><w:t xml:space="preserve">Page </w:t></w:r><w:r><w:fldChar '
             'w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE '
             '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1'
             '</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
    return (f'{HEAD}<w:ftr xmlns:w="{W}" xmlns:r="{R}"><w:p><w:pPr><w:pStyle w:val="Footer"/>'
            f"</w:pPr>{field}</w:p></w:ftr>")


def settings_xml() -> str:
    return (f'{HEAD}<w:settings xmlns:w="{W}"><w:defaultTabStop w:val="720"/>'
            '<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting '
            'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
            'w:val="15"/></w:compat><w:themeFontLang w:val="en-GB"/></w:settings>')


def font_table_xml() -> str:
    return (f'{HEAD}<w:fonts xmlns:w="{W}"><w:font w:name="{FONT}"><w:panose1 '
            'w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/>'
            '<w:pitch w:val="variable"/></w:font></w:fonts>')


def _rels(entries: list[tuple[str, str, str]]) -> str:
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{g}"/>' for i, t, g in entries)
    return f'{HEAD}<Relationships xmlns="{PKG}">{body}</Relationships>'


def content_types() -> str:
    overrides = [
        ("/word/document.xml", f"{CT}.document.main+xml"),
        ("/word/styles.xml", f"{CT}.styles+xml"),
        ("/word/numbering.xml", f"{CT}.numbering+xml"),
        ("/word/settings.xml", f"{CT}.settings+xml"),
        ("/word/fontTable.xml", f"{CT}.fontTable+xml"),
        ("/word/footer1.xml", f"{CT}.footer+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
    ]
    body = "".join(f'<Override PartName="{p}" ContentType="{c}"/>' for p, c in overrides)
    return (f'{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f"{body}</Types>")


def core_xml() -> str:
    return (f'{HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/'
            'XMLSchema-instance"><dc:title>House style</dc:title><dc:creator>minutebook'
            '</dc:creator><dc:language>en-GB</dc:language><dcterms:created xsi:type="dcterms:'
            'W3CDTF">2026-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:'
            'W3CDTF">2026-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>')


def app_xml() -> str:
    return (f'{HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties"><Application>minutebook</Application></Properties>')


def build() -> bytes:
    """The bytes of the house-style document."""
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package_rels = _rels([
        ("rId1", f"{rel}/officeDocument", "word/document.xml"),
        ("rId2", f"{PKG}/metadata/core-properties", "docProps/core.xml"),
        ("rId3", f"{rel}/extended-properties", "docProps/app.xml"),
    ])
    document_rels = _rels([
        ("rIdStyles", f"{rel}/styles", "styles.xml"),
        ("rIdNumbering", f"{rel}/numbering", "numbering.xml"),
        ("rIdSettings", f"{rel}/settings", "settings.xml"),
        ("rIdFonts", f"{rel}/fontTable", "fontTable.xml"),
        ("rIdFooter", f"{rel}/footer", "footer1.xml"),
    ])
    parts = [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", package_rels),
        ("docProps/core.xml", core_xml()),
        ("docProps/app.xml", app_xml()),
        ("word/document.xml", document_xml()),
        ("word/_rels/document.xml.rels", document_rels),
        ("word/styles.xml", styles_xml()),
        ("word/numbering.xml", numbering_xml()),
        ("word/settings.xml", settings_xml()),
        ("word/fontTable.xml", font_table_xml()),
        ("word/footer1.xml", footer_xml()),
    ]
    return zip_parts((name, text.encode("utf-8")) for name, text in parts)


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else HOUSE_STYLE
    out.write_bytes(build())
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
