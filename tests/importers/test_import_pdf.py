"""PDF files are read directly (pdfplumber); scanned and damaged PDFs are refused in one sentence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from import_samples import FIXTURES, pdf_from_pages

from workflow.importers import ImportFailed, import_file

PAGE_ONE = [
    "Ridgeway Parish Council",
    "Minutes of the Meeting of Ridgeway Parish Council held at 7.30 pm on Monday 3 March 2025",
    "Present: Councillor A Ford (Chair), Councillor B Gale, Councillor C Hart",
    "1. Apologies for Absence",
    "Apologies were received from Councillor D Isles.",
    "2. Village Hall Roof",
    "RESOLVED that the lowest quotation be accepted.",
    "Page 1 of 2",
]
PAGE_TWO = [
    "3. Footpath Survey",
    "Proposed by Councillor B Gale, seconded by Councillor C Hart and RESOLVED that the",
    "survey be sent to the County Council.",
    "(Meeting closed at 8.45 pm)",
    "Page 2 of 2",
]


def test_pdf_minutes_import(tmp_path: Path) -> None:
    path = tmp_path / "ridgeway.pdf"
    path.write_bytes(pdf_from_pages([PAGE_ONE, PAGE_TWO]))
    result = import_file(path)
    meeting = result.meeting
    assert result.report.format == "pdf"
    assert meeting.id == "ridgeway-parish-council/2025-03-03"
    assert meeting.start == dt.time(19, 30)
    assert meeting.closed == dt.time(20, 45)
    assert [(i.agenda_number, i.title) for i in meeting.items] == [
        ("1", "Apologies for Absence"), ("2", "Village Hall Roof"), ("3", "Footpath Survey")]
    survey = meeting.items[2]
    assert survey.motions[0].mover == "Councillor B Gale"
    assert survey.motions[0].seconder == "Councillor C Hart"
    assert survey.resolutions[0].text.endswith("sent to the County Council.")
    pages = [x for x in result.report.ignored if x.reason == "page number"]
    assert [x.text for x in pages] == ["Page 1 of 2", "Page 2 of 2"]


def test_pdf_title_names_the_committee(tmp_path: Path) -> None:
    path = tmp_path / "extract.pdf"
    path.write_bytes(pdf_from_pages([[
        "Held on Tuesday 4 February 2025",
        "7. Allotment Rents",
        "RESOLVED that rents rise by 3% from April.",
    ]], title="Allotments Committee"))
    meeting = import_file(path).meeting
    assert meeting.id == "allotments-committee/2025-02-04"
    assert meeting.committee_name == "Allotments Committee"


def test_scanned_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf_from_pages([[], []]))
    with pytest.raises(ImportFailed) as caught:
        import_file(path)
    message = str(caught.value)
    assert message == ("scan.pdf is a scanned PDF with no text layer; run it through text "
                       "recognition (OCR) first, or import the council's text or Word copy.")


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog",
    b"%PDF-1.4\n" + b"[" * 100_000,
    pdf_from_pages([PAGE_ONE])[:400],
], ids=["header-only", "nested", "truncated"])
def test_damaged_pdf_is_refused_in_one_sentence(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(ImportFailed) as caught:
        import_file(path)
    message = str(caught.value)
    assert message.startswith("broken.pdf is a ")
    assert message.endswith(".")
    assert "\n" not in message


def test_pdf_named_txt_is_still_read_as_pdf(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_bytes(pdf_from_pages([PAGE_ONE, PAGE_TWO]))
    assert import_file(path).report.format == "pdf"
    assert FIXTURES.is_dir()


def test_pdf_with_too_many_pages_is_refused_before_reading_them(tmp_path: Path) -> None:
    path = tmp_path / "many.pdf"
    path.write_bytes(pdf_from_pages([["Page text"]] * 2001))
    with pytest.raises(ImportFailed, match=r"^many\.pdf has 2,001 pages, more than the 2,000"):
        import_file(path)
