"""The published agenda pack: the agenda then each report, as one PDF, via LibreOffice.

Word reports are converted with ``soffice --headless --convert-to pdf``, asking for a
tagged (accessible) PDF (PDF reports are taken as they are) and joined with the first PDF tool found (``pdfunite``, ``qpdf`` or
Ghostscript). With no joining tool the agenda and reports are written as separate PDFs
beside the output and the caller is told which. Only public documents go into a pack:
:func:`pack_documents` leaves out exempt items, exempt appendices and reports still to
follow (the agenda prints those as "to follow").
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from workflow.errors import MinutebookError, OutputError
from workflow.record.model import Meeting

__all__ = ["NO_LIBREOFFICE", "TAGGED_PDF", "build_pack", "has_libreoffice", "pack_documents", "to_pdf"]

NO_LIBREOFFICE = (
    "LibreOffice is not installed, so the agenda pack cannot be built; install it "
    "(apt-get install libreoffice-writer) or send the Word agenda and reports separately."
)
_TIMEOUT = 300
TAGGED_PDF = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
"""LibreOffice's PDF export asked for a tagged PDF (headings, lists and reading order kept
for screen readers), as public documents must be accessible."""


def pack_documents(meeting: Meeting, documents_dir: Path) -> list[Path]:
    """The report files of the public items, in agenda order, that exist now."""
    files: list[Path] = []
    for item in meeting.items:
        if item.is_exempt or item.withheld:
            continue
        for doc in item.documents:
            if doc.file and not doc.to_follow and doc.exemption is None:
                files.append(documents_dir / doc.file)
    return files


def _soffice() -> str:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise MinutebookError(NO_LIBREOFFICE)


def _convert(soffice: str, sources: list[Path], work: Path) -> None:
    profile = (work / "profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
               TAGGED_PDF, "--outdir", str(work / "pdf"), *map(str, sources)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=_TIMEOUT,
                              check=False)
    except subprocess.TimeoutExpired:
        raise MinutebookError("LibreOffice took too long to convert the agenda pack "
                              f"(over {_TIMEOUT} seconds).") from None
    missing = [s.name for s in sources if not (work / "pdf" / f"{s.stem}.pdf").exists()]
    if done.returncode != 0 or missing:
        what = missing[0] if missing else "the documents"
        raise MinutebookError(f"LibreOffice could not convert {what} to PDF.")


def has_libreoffice() -> bool:
    return any(shutil.which(name) for name in ("soffice", "libreoffice"))


def to_pdf(data: bytes, *, suffix: str = ".docx") -> bytes:
    """One Word (or OpenDocument) document as PDF bytes, converted by LibreOffice."""
    soffice = _soffice()
    with tempfile.TemporaryDirectory(prefix="minutebook-pdf-") as tmp:
        work = Path(tmp)
        source = work / f"document{suffix}"
        source.write_bytes(data)
        _convert(soffice, [source], work)
        return (work / "pdf" / "document.pdf").read_bytes()


def _join(pdfs: list[Path], target: Path) -> bool:
    """Join PDFs into ``target`` with whatever tool exists; False if none does."""
    if shutil.which("pdfunite"):
        command = ["pdfunite", *map(str, pdfs), str(target)]
    elif shutil.which("qpdf"):
        command = ["qpdf", "--empty", "--pages", *map(str, pdfs), "--", str(target)]
    elif shutil.which("gs"):
        command = ["gs", "-q", "-dBATCH", "-dNOPAUSE", "-sDEVICE=pdfwrite",
                   f"-sOutputFile={target}", *map(str, pdfs)]
    else:
        return False
    done = subprocess.run(command, capture_output=True, text=True, timeout=_TIMEOUT, check=False)
    if done.returncode != 0 or not target.exists():
        raise MinutebookError("The agenda and reports were converted but could not be joined "
                              "into one PDF.")
    return True


def _place(source: Path, out: Path) -> None:
    """Move a finished file into place atomically, or say why it cannot be written."""
    try:
        with tempfile.NamedTemporaryFile(dir=out.parent, prefix=f".{out.name}.", delete=False) as tmp:
            tmp.write(source.read_bytes())
        os.replace(tmp.name, out)
    except OSError as exc:
        raise OutputError(f"The pack cannot be written to {out}: {exc.strerror or exc}.") from None


def build_pack(agenda_docx: bytes, reports: Sequence[Path], out: Path) -> list[Path]:
    """Write the pack to ``out``; returns the files written (more than one if not joined)."""
    soffice = _soffice()
    for report in reports:
        if not report.is_file():
            raise MinutebookError(f"The report file {report} does not exist.")
        if report.suffix.lower() not in (".pdf", ".docx", ".doc", ".odt", ".rtf"):
            raise MinutebookError(f"The report file {report} is not a Word, OpenDocument or "
                                  "PDF file.")
    if not out.parent.is_dir():
        raise OutputError(f"The folder {out.parent} does not exist, so the pack cannot be "
                          "written there.")
    with tempfile.TemporaryDirectory(prefix="minutebook-pack-") as tmp:
        work = Path(tmp)
        sources = [work / "00-agenda.docx"]
        sources[0].write_bytes(agenda_docx)
        pdfs: list[Path] = []
        for index, report in enumerate(reports, start=1):
            copy = work / f"{index:02d}-{report.stem}{report.suffix.lower()}"
            shutil.copyfile(report, copy)
            sources.append(copy)
        _convert(soffice, [s for s in sources if s.suffix != ".pdf"], work)
        for source in sources:
            pdfs.append(source if source.suffix == ".pdf" else work / "pdf" / f"{source.stem}.pdf")
        joined = work / "pack.pdf"
        if len(pdfs) == 1:
            shutil.copyfile(pdfs[0], joined)
        elif not _join(pdfs, joined):
            return _separately(pdfs, out)
        _place(joined, out)
        return [out]


def _separately(pdfs: list[Path], out: Path) -> list[Path]:
    written = []
    for index, pdf in enumerate(pdfs):
        target = out if index == 0 else out.with_name(f"{out.stem}-{pdf.stem}.pdf")
        _place(pdf, target)
        written.append(target)
    return written
