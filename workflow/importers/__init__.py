"""Importers of existing minutes and agendas: the committee system's web page as text,
printed minutes as text (Markdown, HTML or plain), PDF files and Word ``.docx`` minutes.

:func:`import_file` and :func:`import_text` return an :class:`ImportResult`: the
meeting record, an :class:`ImportReport` naming every source line that is not in the
record (page furniture deliberately ignored, or text not understood) and the source text.
Bad input raises :class:`ImportFailed` (a :class:`~workflow.errors.MinutebookError`)
with one sentence. Saving into the archive and the command line live elsewhere
(``workflow.services.importing`` and ``tui.cli``); this package reads, it never writes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from workflow.errors import NotFound
from workflow.importers import bounds
from workflow.importers.accounting import account
from workflow.importers.assemble import Draft, build_meeting
from workflow.importers.common import (
    ImportFailed,
    ImportReport,
    ImportResult,
    Ledger,
    Line,
    MissingDetail,
    SourceLine,
    control_free,
    slugify,
)
from workflow.importers.prepare import html_lines, looks_like_html, prepare
from workflow.importers.printed import NOT_PLACED, split_printed
from workflow.importers.webpage import looks_like_webpage, split_webpage
from workflow.record.model import Person

__all__ = [
    "ImportFailed",
    "ImportReport",
    "ImportResult",
    "Line",
    "MissingDetail",
    "decode_text",
    "import_file",
    "import_text",
]

_FORMATS = ("webpage", "printed", "docx", "pdf")


def import_file(
    path: Path,
    *,
    committee: str | None = None,
    date: dt.date | None = None,
    people: Mapping[str, Person] | None = None,
) -> ImportResult:
    """Import one file: ``.docx`` by its paragraphs and styles, anything else as text."""
    path = Path(path)
    if not path.exists():
        raise NotFound(f"{path} does not exist.")
    if path.is_dir():
        raise ImportFailed(f"{path} is a folder, not a file of minutes.")
    source = path.name
    try:
        bounds.check_size(source, path.stat().st_size)
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"{path} cannot be read ({exc.strerror or exc}).") from None
    if not data.strip():
        raise ImportFailed(f"{source} is empty.")
    if data.startswith(b"PK\x03\x04") or path.suffix.lower() in (".docx", ".docm", ".dotx"):
        from workflow.importers.docx_reader import docx_title

        lines, title = docx_title(data, source)
        return _import_lines(lines, "\n".join(x.text for x in lines), source=source, fmt="docx",
                             committee=committee, date=date, people=people or {}, notes=[],
                             title=title)
    if data.startswith(b"%PDF") or path.suffix.lower() == ".pdf":
        from workflow.importers.pdf_reader import read_pdf

        text, title = read_pdf(data, source)
        return _import_text(text, source, committee, date, people or {}, None, [], fmt="pdf",
                            title=title)
    text, encoding = decode_text(data, source)
    notes = [] if encoding == "UTF-8" else [f"The file was read as {encoding}."]
    return _import_text(text, source, committee, date, people or {}, None, notes)


def decode_text(data: bytes, source: str) -> tuple[str, str]:
    """Text of a file tried as UTF-8, UTF-8 with a byte-order mark, UTF-16, then cp1252."""
    if data.startswith((b"\xd0\xcf\x11\xe0", b"\x7fELF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff")):
        raise ImportFailed(f"{source} is a binary file, not text or a Word .docx document.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise ImportFailed(f"{source} claims to be UTF-16 text but is not.") from None
    if b"\x00" in data[:8192]:
        raise ImportFailed(f"{source} is a binary file, not text or a Word .docx document.")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "UTF-8 with a byte-order mark"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252 (cp1252), as it is not UTF-8"
    except UnicodeDecodeError as exc:
        raise ImportFailed(
            f"{source} is not text in UTF-8 or Windows-1252 (byte 0x{data[exc.start]:02x} at "
            f"position {exc.start}); save it as UTF-8 text."
        ) from None


def import_text(
    text: str,
    *,
    source: str,
    committee: str | None = None,
    date: dt.date | None = None,
    people: Mapping[str, Person] | None = None,
    format: str | None = None,
) -> ImportResult:
    """Import minutes or an agenda given as text; ``format`` forces "webpage" or "printed"."""
    return _import_text(text, source, committee, date, people or {}, format, [])


def _import_text(text: str, source: str, committee: str | None, date: dt.date | None,
                 people: Mapping[str, Person], format: str | None, notes: list[str], *,
                 fmt: str = "", title: str = "") -> ImportResult:
    if format is not None and format not in ("webpage", "printed"):
        raise ImportFailed(f"The import format must be 'webpage' or 'printed', not '{format}'.")
    if not text.strip():
        raise ImportFailed(f"{source} is empty.")
    cleaned, control = control_free(text)
    if _binary_like(cleaned):
        raise ImportFailed(f"{source} is a binary file, not text or a Word .docx document.")
    bounds.check_lines(source, cleaned.count("\n") + 1)
    pairs = html_lines(cleaned) if looks_like_html(cleaned) else list(enumerate(cleaned.split("\n"), start=1))
    lines = [SourceLine(n, t.replace("\u00a0", " ").rstrip()) for n, t in pairs]
    notes = list(notes)
    notes.extend(f"Line {n}: control characters were removed (a Word document cannot hold them)."
                 for n in control)
    return _import_lines(lines, text, source=source, fmt=fmt or format or "", committee=committee,
                         date=date, people=people, notes=notes, title=title, layout=format or "")


def _binary_like(text: str) -> bool:
    sample = text[:4096]
    odd = sum(1 for c in sample if c == "\ufffd")
    return len(sample) > 64 and odd * 10 > len(sample)


def _import_lines(lines: list[SourceLine], source_text: str, *, source: str, fmt: str,
                  committee: str | None, date: dt.date | None,
                  people: Mapping[str, Person], notes: list[str], title: str = "",
                  layout: str = "") -> ImportResult:
    if committee is not None and (not committee or slugify(committee) != committee):
        raise ImportFailed(f"The committee must be given as a slug such as "
                           f"'{slugify(committee) or 'scrutiny-board'}', not '{committee}'.")
    ledger = Ledger(lines)
    for note in notes:
        ledger.warn(note)
    lines = prepare(lines, ledger)
    ledger.lines = lines
    layout = layout or ("webpage" if fmt != "docx" and looks_like_webpage(lines) else "printed")
    fmt = fmt or layout
    try:
        if layout == "webpage":
            draft = split_webpage(lines, ledger)
        else:
            draft = split_printed(lines, ledger, fmt=fmt)
        draft.format = fmt
        _check_minutes(draft, source)
        meeting, starts = build_meeting(draft, ledger, source=source, committee=committee,
                                        date=date, people=people, title=title)
        meeting = account(meeting, ledger, starts)
    except RecursionError:
        raise ImportFailed(f"{source} nests too deeply to be read as minutes.") from None
    if not meeting.items:
        ledger.warn("No items were found in the source.")
    return ImportResult(meeting=meeting, report=ledger.report(source, fmt), source_text=source_text)


def _check_minutes(draft: Draft, source: str) -> None:
    """Refuse only a text with no sign of a meeting: no heading, attendance or item."""
    heading = bool(draft.committee_name or draft.date or draft.date_words)
    items = [i for i in draft.items if i.title != NOT_PLACED]
    numbered = any(item.number or item.minute_number for item in items)
    if heading or numbered or draft.attendance or len(items) >= 2:
        return
    raise ImportFailed(
        f"{source} does not look like minutes or an agenda: no meeting heading, attendance or "
        "items were found."
    )
