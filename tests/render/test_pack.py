"""The agenda pack and PDF conversion through LibreOffice (skipped where it is not installed)."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from render_samples import CREATED

from workflow.errors import MinutebookError, OutputError
from workflow.record.model import Document, Meeting, Person
from workflow.render.pack import NO_LIBREOFFICE, build_pack, pack_documents
from workflow.render.word import render_docx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def _agenda(meeting: Meeting, people: dict[str, Person]) -> bytes:
    return render_docx(meeting, "agenda", people=people, author="Clerk", created=CREATED)


def test_without_libreoffice_the_clerk_is_told_what_to_do(
    meeting: Meeting, people: dict[str, Person], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    with pytest.raises(MinutebookError) as caught:
        build_pack(_agenda(meeting, people), [], tmp_path / "pack.pdf")
    assert str(caught.value) == NO_LIBREOFFICE
    assert not (tmp_path / "pack.pdf").exists()


def test_pack_takes_only_public_reports_that_are_ready(meeting: Meeting, tmp_path: Path) -> None:
    social = meeting.items[2]
    documents = (Document(title="Briefing", file="briefing.docx"),
                 Document(title="Salaries", file="salaries.pdf",
                          exemption=meeting.items[-1].exemption),
                 Document(title="Plan", file="plan.docx", to_follow=True))
    secret = meeting.items[-1]
    items = (replace(social, documents=documents),
             replace(secret, documents=(Document(title="Bids", file="bids.pdf"),)))
    chosen = pack_documents(replace(meeting, items=items), tmp_path)
    assert chosen == [tmp_path / "briefing.docx"]


def test_missing_report_file_is_named(meeting: Meeting, people: dict[str, Person],
                                      tmp_path: Path) -> None:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    with pytest.raises(MinutebookError, match="report.docx does not exist"):
        build_pack(_agenda(meeting, people), [tmp_path / "report.docx"], tmp_path / "pack.pdf")
    with pytest.raises(OutputError, match="does not exist"):
        build_pack(_agenda(meeting, people), [], tmp_path / "no" / "pack.pdf")


@needs_soffice
def test_every_kind_of_document_converts_to_pdf(meeting: Meeting, people: dict[str, Person],
                                                tmp_path: Path) -> None:
    sources = []
    for which in ("agenda", "minutes"):
        for confidential in (False, True):
            path = tmp_path / f"{which}-{'confidential' if confidential else 'public'}.docx"
            path.write_bytes(render_docx(meeting, which, people=people, author="Clerk",  # type: ignore[arg-type]
                                         created=CREATED, confidential=confidential))
            sources.append(path)
    profile = (tmp_path / "profile").as_uri()
    done = subprocess.run([str(SOFFICE), f"-env:UserInstallation={profile}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"),
                           *map(str, sources)], capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr
    for source in sources:
        pdf = tmp_path / "pdf" / f"{source.stem}.pdf"
        assert pdf.read_bytes().startswith(b"%PDF")


@needs_soffice
def test_pack_joins_agenda_and_reports(meeting: Meeting, people: dict[str, Person],
                                       tmp_path: Path) -> None:
    report = tmp_path / "report.docx"
    report.write_bytes(render_docx(meeting, "minutes", people=people, author="Officer",
                                   created=CREATED))
    out = tmp_path / "pack.pdf"
    written = build_pack(_agenda(meeting, people), [report], out)
    assert written[0] == out
    assert out.read_bytes().startswith(b"%PDF")
    if len(written) == 1 and shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
        pages = int(next(line.split()[-1] for line in info.stdout.splitlines()
                         if line.startswith("Pages:")))
        assert pages >= 3
