"""Every kind of document written into each council template of tests/render/templates/.

Each output is re-opened with python-docx: every paragraph has a house style, the
template's letterhead is kept and the marking added to it, every style that sets a
language says en-GB, headings keep with what follows, the footer numbers the pages, and a
tracked change in the template's section properties does not survive. With LibreOffice
installed, every output also converts to PDF.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from render_samples import CREATED, people_register, sample_meeting

from workflow.record.model import DecisionRecord, KeyDecisionRoute, Meeting, Resolution
from workflow.render.decision import render_decision, render_forward_plan
from workflow.render.redline import redline_docx
from workflow.render.styles import Style
from workflow.render.word import render_docx
from workflow.rules.decisions import ForwardPlanEntry

TEMPLATES = Path(__file__).parent / "templates"
NAMES = ["python-docx.docx", "libreoffice.docx", "tracked-section.docx",
         "letterhead-sections.docx", "normal-en-us.docx"]
LETTERHEAD = "RIVERBEND BOROUGH COUNCIL"
LETTERHEADED = {"libreoffice.docx", "letterhead-sections.docx"}
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _decided() -> Meeting:
    meeting = sample_meeting()
    record = DecisionRecord(decision="To note the report.", reasons="The Board asked for it.",
                            alternatives=("Defer the item.",))
    items = tuple(replace(i, decision_record=record) if i.uid == "late" else i
                  for i in meeting.items)
    return replace(meeting, items=items)


def _amended(meeting: Meeting) -> Meeting:
    items = tuple(replace(i, resolutions=(Resolution(label="1)", text="To note the report."),))
                  if i.uid == "late" else i for i in meeting.items)
    return replace(meeting, items=items)


def _kinds(style: Path) -> dict[str, Callable[[], bytes]]:
    meeting, people = sample_meeting(), people_register()
    common = {"author": "Clerk", "style_path": style}

    def doc(which: str, confidential: bool) -> Callable[[], bytes]:
        return lambda: render_docx(meeting, which, people=people, created=CREATED,  # type: ignore[arg-type]
                                   confidential=confidential, **common)  # type: ignore[arg-type]

    entry = ForwardPlanEntry(decision_maker="Cabinet", date=dt.date(2027, 2, 1),
                             meeting="cabinet/2027-02-01", title="School places",
                             reference="FP 2027/1", route=KeyDecisionRoute.FORWARD_PLAN,
                             private=False)
    return {
        "agenda": doc("agenda", False),
        "minutes": doc("minutes", False),
        "agenda-confidential": doc("agenda", True),
        "minutes-confidential": doc("minutes", True),
        "redline": lambda: redline_docx(meeting, _amended(meeting), people=people,
                                        when=CREATED, **common),  # type: ignore[arg-type]
        "decision": lambda: render_decision(_decided(), "late", people=people, created=CREATED,
                                            **common),  # type: ignore[arg-type]
        "forward-plan": lambda: render_forward_plan([entry], council="Coventry City Council",
                                                    today=dt.date(2027, 1, 14), created=CREATED,
                                                    **common),  # type: ignore[arg-type]
    }


KINDS = list(_kinds(TEMPLATES / NAMES[0]))


def _shown_headers(document: docx.document.Document) -> list[object]:
    section = document.sections[-1]
    shown = [section.header]
    if section.different_first_page_header_footer:
        shown.append(section.first_page_header)
    return shown


def _keeps_with_next(style: object) -> bool:
    while style is not None:
        value = style.paragraph_format.keep_with_next  # type: ignore[attr-defined]
        if value is not None:
            return bool(value)
        style = style.base_style  # type: ignore[attr-defined]
    return False


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("kind", KINDS)
def test_every_document_kind_in_every_template(name: str, kind: str) -> None:
    data = _kinds(TEMPLATES / name)[kind]()
    document = docx.Document(io.BytesIO(data))
    names = {s.value for s in Style}
    assert document.paragraphs
    assert {p.style.name for p in document.paragraphs} <= names
    assert document.core_properties.language == "en-GB"
    body = document.element.body
    assert len(body.findall(f".//{qn('w:sectPr')}")) == 1
    assert body.find(f".//{qn('w:sectPrChange')}") is None
    by_name = {style.name.lower(): style for style in document.styles}
    for heading in ("heading 1", "heading 2", "heading 3"):
        assert _keeps_with_next(by_name[heading]), heading
    headers = _shown_headers(document)
    confidential = kind.endswith("confidential")
    for header in headers:
        lines = [p.text for p in header.paragraphs]
        if name in LETTERHEADED:
            assert any(LETTERHEAD in line or "Riverbend" in line for line in lines), lines
        assert ("NOT FOR PUBLICATION" in lines) is confidential
        if confidential:
            assert lines[-1] == "NOT FOR PUBLICATION"
    if name == "letterhead-sections.docx":
        first = [p.text for p in document.sections[-1].first_page_header.paragraphs]
        assert first[:2] == [LETTERHEAD, "Civic Centre, Riverbend RB1 1AA"]
    footer = document.sections[-1].footer
    assert not footer.is_linked_to_previous
    instructions = [t.text.strip() for t in footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]


@pytest.mark.parametrize("name", NAMES)
def test_every_style_that_sets_a_language_says_en_gb(name: str) -> None:
    data = _kinds(TEMPLATES / name)["minutes"]()
    styles = docx.Document(io.BytesIO(data)).styles.element
    default = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert default.get(qn("w:val")) == "en-GB"
    set_here = [lang.get(qn("w:val")) for lang in styles.iter(qn("w:lang"))
                if lang.get(qn("w:val")) is not None]
    assert set(set_here) == {"en-GB"}
    if name == "normal-en-us.docx":
        assert len(set_here) >= 3


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_every_output(tmp_path: Path) -> None:
    sources = []
    for name in NAMES:
        for kind, make in _kinds(TEMPLATES / name).items():
            source = tmp_path / f"{Path(name).stem}-{kind}.docx"
            source.write_bytes(make())
            sources.append(source)
    profile = (tmp_path / "profile").as_uri()
    done = subprocess.run([str(SOFFICE), f"-env:UserInstallation={profile}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"),
                           *map(str, sources)], capture_output=True, text=True, timeout=600,
                          check=False)
    assert done.returncode == 0, done.stderr
    missing = [s.name for s in sources if not (tmp_path / "pdf" / f"{s.stem}.pdf").is_file()]
    assert missing == []
