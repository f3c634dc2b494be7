"""Limits on what an imported file may hold, checked before any work is done on it.

A hostile or broken file must be refused in one sentence, quickly and in little memory,
never after the importer has spent minutes or gigabytes on it. The limits sit far above
any real council document (a year's minutes run to a few megabytes) and below what
would hurt the clerk's machine:

- sizes: the file itself, and what a Word file's zip parts unpack to (the sizes the zip
  declares are the most :mod:`zipfile` will ever return, so checking them is enough);
- counts: zip entries, XML elements in a Word part, lines or paragraphs of text, PDF pages;
- numbers: Word list numbering starts and table cell spans, which the reader would
  otherwise count up to or lay out.

Nothing here parses a document; the readers call these checks first.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from workflow.importers.common import ImportFailed

__all__ = [
    "MAX_COLUMN_SPAN",
    "MAX_FILE_BYTES",
    "MAX_LINES",
    "MAX_LIST_START",
    "MAX_PDF_PAGES",
    "check_lines",
    "check_number",
    "check_size",
    "check_zip",
]

MAX_FILE_BYTES = 50 * 1024 * 1024
"""The largest file read at all (a text file, a Word file as zipped, a PDF)."""
MAX_UNPACKED_BYTES = 80 * 1024 * 1024
"""What all the parts of a Word file may unpack to, together."""
MAX_PART_BYTES = 32 * 1024 * 1024
"""What one part of a Word file may unpack to."""
MAX_ZIP_ENTRIES = 4000
MAX_XML_ELEMENTS = 600_000
"""XML elements in one Word part (a 1,000-page document has about a fifth of this)."""
MAX_LINES = 200_000
"""Lines of text (or paragraphs and table rows of a Word document)."""
MAX_PDF_PAGES = 2000
MAX_LIST_START = 32767
"""The highest number Word's list numbering can show."""
MAX_COLUMN_SPAN = 63
"""The most columns a Word table can have, so the most one cell can span."""


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):,.0f} MB"
    return f"{count / 1024:,.0f} KB"


def check_size(source: str, size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise ImportFailed(f"{source} is {_size(size)}, more than the {_size(MAX_FILE_BYTES)} an "
                           "imported file may be; split it into one file per meeting.")


def check_lines(source: str, count: int, what: str = "lines") -> None:
    if count > MAX_LINES:
        raise ImportFailed(f"{source} has {count:,} {what}, more than the {MAX_LINES:,} one "
                           "meeting's minutes may have; split it into one file per meeting.")


def check_number(source: str, value: int, limit: int, what: str) -> None:
    """Refuse a number a document states beyond what Word itself allows.

    ``what`` names the thing with ``{n}`` where the number goes: ``a list that starts at {n}``.
    """
    if value > limit or value < 0:
        raise ImportFailed(f"{source} has {what.format(n=f'{value:,}')}, beyond Word's limit of "
                           f"{limit:,}; the file is damaged or was made to harm.")


def check_zip(data: bytes, source: str) -> None:
    """Refuse a Word file whose zip would unpack beyond the limits (a zip bomb)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise ImportFailed(f"{source} is not a readable Word document (it is damaged or not a "
                           ".docx: its zip cannot be opened).") from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise ImportFailed(f"{source} holds {len(entries):,} files inside, more than the "
                           f"{MAX_ZIP_ENTRIES:,} a Word document may; it is damaged or was made to harm.")
    total = 0
    for entry in entries:
        if entry.file_size > MAX_PART_BYTES:
            raise ImportFailed(f"{source} has a part ({entry.filename[:60]}) that unpacks to "
                               f"{_size(entry.file_size)}, more than {_size(MAX_PART_BYTES)}; "
                               "it is damaged or was made to harm.")
        total += entry.file_size
    if total > MAX_UNPACKED_BYTES:
        raise ImportFailed(f"{source} unpacks to {_size(total)}, more than the "
                           f"{_size(MAX_UNPACKED_BYTES)} a Word document may; it is damaged or "
                           "was made to harm.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for entry in entries:
                if entry.filename.lower().endswith((".xml", ".rels")):
                    check_elements(source, entry.filename, archive.read(entry))
    except (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError, NotImplementedError,
            RuntimeError):
        raise ImportFailed(f"{source} is not a readable Word document (a part inside it is "
                           "damaged).") from None


def check_elements(source: str, part: str, xml: bytes) -> None:
    """Refuse an XML part with more elements than a real document has."""
    count = xml.count(b"<")
    if count > MAX_XML_ELEMENTS:
        raise ImportFailed(f"{source} has {count:,} XML elements in {part}, more than the "
                           f"{MAX_XML_ELEMENTS:,} a Word document may; it is damaged or was made "
                           "to harm.")
