"""Build the council templates the rendering tests use (the .docx files beside this script).

Each stands for something a council's own template does that the built-in one does not:

- ``python-docx.docx``: python-docx's default document, as a new user would start;
- ``libreoffice.docx``: a letterhead template saved by LibreOffice (made with
  ``soffice --convert-to docx``, so LibreOffice must be installed to rebuild it);
- ``tracked-section.docx``: a template whose final section properties carry a tracked
  change (``w:sectPrChange``), as Word saves a page set-up changed with tracking on;
- ``letterhead-sections.docx``: two sections; the first has a different first page with
  the council's letterhead and a footer with its address, the last inherits them;
- ``normal-en-us.docx``: Normal and Heading 1 set their own language, American English.

The files are committed; run this only to change them:
``.venv/bin/python tests/render/templates/make_templates.py``.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent

LETTERHEAD = "RIVERBEND BOROUGH COUNCIL"
"""The letterhead text every letterhead template carries in its header."""
ADDRESS = "Civic Centre, Riverbend RB1 1AA"


def _default(path: Path) -> None:
    docx.Document().save(str(path))


def _letterhead(document: docx.document.Document) -> None:
    header = document.sections[0].header
    header.paragraphs[0].text = LETTERHEAD
    header.paragraphs[0].runs[0].bold = True
    header.add_paragraph(ADDRESS)


def _libreoffice(path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice is not installed: libreoffice.docx kept as it is")
        return
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "source.odt"
        document = docx.Document()
        _letterhead(document)
        document.add_paragraph("Template body text that a render replaces.")
        document.save(str(Path(tmp) / "source.docx"))
        profile = f"-env:UserInstallation=file://{tmp}/profile"
        for target, src in (("odt", "source.docx"), ("docx:MS Word 2007 XML", source.name)):
            subprocess.run([soffice, profile, "--headless", "--convert-to", target, "--outdir",
                            str(Path(tmp) / target[:4]), str(Path(tmp) / src)], check=True,
                           capture_output=True, timeout=180)
            if target == "odt":
                shutil.copy(Path(tmp) / "odt" / "source.odt", source)
        shutil.copy(Path(tmp) / "docx" / "source.docx", path)


def _tracked_section(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Template body text.")
    sect = document.element.body.sectPr
    change = OxmlElement("w:sectPrChange")
    change.set(qn("w:id"), "1")
    change.set(qn("w:author"), "Democratic Services")
    change.set(qn("w:date"), "2025-05-01T09:00:00Z")
    before = copy.deepcopy(sect)
    for child in list(before):
        if child.tag in (qn("w:headerReference"), qn("w:footerReference")):
            before.remove(child)
    change.append(before)
    sect.append(change)
    document.sections[0].left_margin = Pt(60)
    document.save(str(path))


def _letterhead_sections(path: Path) -> None:
    document = docx.Document()
    first = document.sections[0]
    first.different_first_page_header_footer = True
    first.first_page_header.paragraphs[0].text = LETTERHEAD
    first.first_page_header.add_paragraph(ADDRESS)
    first.header.paragraphs[0].text = "Riverbend Borough Council"
    first.footer.paragraphs[0].text = ADDRESS
    document.add_paragraph("Cover page of the template.")
    second = document.add_section(WD_SECTION.NEW_PAGE)
    second.different_first_page_header_footer = False
    document.add_paragraph("Body of the template.")
    document.save(str(path))


def _normal_en_us(path: Path) -> None:
    document = docx.Document()
    for name in ("Normal", "Heading 1"):
        rpr = document.styles[name].element.get_or_add_rPr()
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), "en-US")
        rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    document.add_paragraph("Template body text.")
    document.save(str(path))


BUILDERS = {
    "python-docx.docx": _default,
    "libreoffice.docx": _libreoffice,
    "tracked-section.docx": _tracked_section,
    "letterhead-sections.docx": _letterhead_sections,
    "normal-en-us.docx": _normal_en_us,
}


def main() -> int:
    for name, build in BUILDERS.items():
        build(HERE / name)
        print(f"wrote {HERE / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
