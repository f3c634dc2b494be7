"""Finished for print: page flow, DRAFT, the footer, the agenda's front page, tagged PDF.

Every check re-opens the Word file with python-docx; the PDF checks need LibreOffice and
poppler (``pdfinfo``, ``pdftotext``) and skip with the reason when they are absent.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from render_samples import CREATED

from workflow.record.model import AttendanceState, Attendee, Meeting, Person, Role, Status
from workflow.render.pack import build_pack
from workflow.render.word import render_docx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def reopen(meeting: Meeting, people: dict[str, Person], which: str = "minutes",
           confidential: bool = False) -> docx.document.Document:
    data = render_docx(meeting, which, people=people, author="Clerk",  # type: ignore[arg-type]
                       created=CREATED, confidential=confidential)
    return docx.Document(io.BytesIO(data))


def keeps_with_next(paragraph: object) -> bool:
    """Whether Word keeps the paragraph with the next: its own setting, else its style's."""
    own = paragraph.paragraph_format.keep_with_next  # type: ignore[attr-defined]
    if own is not None:
        return bool(own)
    style = paragraph.style  # type: ignore[attr-defined]
    while style is not None:
        if style.paragraph_format.keep_with_next is not None:
            return bool(style.paragraph_format.keep_with_next)
        style = style.base_style
    return False


def test_headings_keep_with_the_paragraph_after_them(
    meeting: Meeting, people: dict[str, Person]
) -> None:
    for which in ("agenda", "minutes"):
        document = reopen(meeting, people, which)
        headings = [p for p in document.paragraphs if p.style.name.startswith("Heading")]
        assert len(headings) > 5
        assert all(keeps_with_next(p) for p in headings)
        assert not keeps_with_next(document.paragraphs[-1])


def test_the_close_keeps_with_the_signature_line_and_its_label(
    meeting: Meeting, people: dict[str, Person]
) -> None:
    document = reopen(meeting, people)
    closing, signature = document.paragraphs[-2:]
    assert closing.text == "(Meeting closed at 3.30 pm)"
    assert keeps_with_next(closing)
    assert signature.text == "Chair"
    assert signature.style.paragraph_format.keep_together
    without_close = reopen(replace(meeting, closed=None), people)
    assert keeps_with_next(without_close.paragraphs[-2])


def test_the_contact_block_does_not_split(meeting: Meeting, people: dict[str, Person]) -> None:
    document = reopen(meeting, people, "agenda")
    lines = [p for p in document.paragraphs if p.text.startswith(("Contact:", "\tTel:", "\tEmail:"))]
    assert [keeps_with_next(p) for p in lines] == [True, True, False]


def test_footer_numbers_pages_with_committee_and_date(
    meeting: Meeting, people: dict[str, Person]
) -> None:
    footer = reopen(meeting, people).sections[0].footer
    text = [p.text for p in footer.paragraphs]
    assert text == ["Education and Children's Services Scrutiny Board (2), 14 January 2027",
                    "Page 1 of 1"]
    instructions = [t.text.strip() for t in footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]


@pytest.mark.parametrize(("status", "which", "draft"), [
    (Status.MINUTES_DRAFT, "minutes", True),
    (Status.MINUTES_CIRCULATED, "minutes", True),
    (Status.MINUTES_PUBLISHED, "minutes", True),
    (Status.MINUTES_APPROVED, "minutes", False),
    (Status.AGENDA_PUBLISHED, "agenda", False),
])
def test_minutes_are_marked_draft_until_approved(
    meeting: Meeting, people: dict[str, Person], status: Status, which: str, draft: bool
) -> None:
    document = reopen(replace(meeting, status=status), people, which)
    header = document.sections[0].header
    assert ("DRAFT" in [p.text for p in header.paragraphs]) is draft
    assert "DRAFT" not in [p.text for p in document.paragraphs]


def test_the_agenda_front_page(meeting: Meeting, people: dict[str, Person]) -> None:
    document = reopen(meeting, people, "agenda")
    lines = [p.text for p in document.paragraphs]
    heading = document.paragraphs[0]
    assert heading.style.name == "Heading 1"
    assert heading.text.split("\n") == ["Coventry City Council",
                                        "Education and Children's Services Scrutiny Board (2)",
                                        "Agenda"]
    venue = lines.index("Place:\tCommittee Room 3, Council House")
    assert lines[venue + 1] == "Contact:\tMichelle Rose"
    membership = next(line for line in lines if line.startswith("Membership:\t"))
    for member in ("Councillor M Mutton (Chair)", "Councillor S Bains", "Councillor J Clifford"):
        assert member in membership
    assert "Councillor R Brown" not in membership
    assert lines.index(membership) < lines.index("Public Business")


def test_email_addresses_are_links(meeting: Meeting, people: dict[str, Person]) -> None:
    document = reopen(meeting, people, "agenda")
    links = [link for p in document.paragraphs for link in p.hyperlinks]
    assert [(link.text, link.address) for link in links] == [
        ("michelle.rose@example.gov.uk", "mailto:michelle.rose@example.gov.uk")]


def test_the_council_name_is_part_of_the_heading_structure(
    meeting: Meeting, people: dict[str, Person]
) -> None:
    document = reopen(meeting, people)
    first = document.paragraphs[0]
    assert first.style.name == "Heading 1"
    assert first.text.startswith("Coventry City Council\nMinutes of the Meeting of")
    assert "Title" not in {p.style.name for p in document.paragraphs}


def test_a_single_member_decision_session_is_signed_by_the_cabinet_member(
    meeting: Meeting, people: dict[str, Person]
) -> None:
    session = replace(meeting, committee_name="Cabinet Member for Children and Young People",
                      attendance=(Attendee(person="seaman", role=Role.CABINET_MEMBER,
                                           state=AttendanceState.PRESENT),
                                  Attendee(person="gregg", role=Role.OFFICER,
                                           state=AttendanceState.PRESENT)))
    lines = [p.text for p in reopen(session, people).paragraphs]
    assert lines[-1] == "Cabinet Member"
    assert "Chair" not in lines


def _pdf_tools() -> None:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    if not (shutil.which("pdfinfo") and shutil.which("pdftotext")):
        pytest.skip("poppler-utils (pdfinfo, pdftotext) is not installed")


def test_the_pack_is_a_tagged_pdf(meeting: Meeting, people: dict[str, Person],
                                  tmp_path: Path) -> None:
    _pdf_tools()
    agenda = render_docx(meeting, "agenda", people=people, author="Clerk", created=CREATED)
    out = tmp_path / "pack.pdf"
    assert build_pack(agenda, [], out) == [out]
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    assert "Tagged:          yes" in info.stdout


def test_printed_minutes_number_their_pages_and_sign_with_the_close(
    meeting: Meeting, people: dict[str, Person], tmp_path: Path
) -> None:
    _pdf_tools()
    source = tmp_path / "minutes.docx"
    source.write_bytes(render_docx(meeting, "minutes", people=people, author="Clerk",
                                   created=CREATED))
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([str(SOFFICE), f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   capture_output=True, check=True, timeout=300)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "minutes.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")[:-1]
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert "14 January 2027" in page
        assert "DRAFT" in page
    assert "(Meeting closed at 3.30 pm)" in pages[-1]
    assert "Chair" in pages[-1].split("(Meeting closed at 3.30 pm)")[1]
