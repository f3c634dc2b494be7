"""Documents from the meeting record: Word agenda and minutes, Markdown, HTML, JSON, the pack.

The plain functions the command line and the TUI call:

- :func:`document_blocks` — the blocks of an agenda or minutes; public unless
  ``confidential`` (public documents are built from :func:`workflow.record.redaction.public_view`);
- :func:`render_docx` — the Word document as deterministic bytes;
- :func:`export` — ``markdown``, ``html`` or ``json`` text;
- :func:`write_output` — put bytes or text at a path atomically, or say why not;
- :func:`workflow.render.pack.build_pack` — the agenda pack PDF (needs LibreOffice).

Validating the record first is the caller's step (a record that fails validation is not
rendered). Nothing here imports Textual, git or Cerberus, and python-docx is imported only
to write a Word document (previews and text exports do without it).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from workflow.errors import OutputError, UsageError
from workflow.record.model import Meeting, Person
from workflow.record.redaction import public_view
from workflow.render.blocks import MARKING, agenda_blocks, footer_text, is_draft, minutes_blocks
from workflow.render.docx import write_docx
from workflow.render.elements import Block, Run
from workflow.render.styles import HOUSE_STYLE, Style
from workflow.render.text import to_html, to_json, to_markdown
from workflow.text.dates import format_date

__all__ = [
    "HOUSE_STYLE",
    "MARKING",
    "Block",
    "Run",
    "Style",
    "document_blocks",
    "document_title",
    "export",
    "footer_text",
    "is_draft",
    "render_docx",
    "write_output",
]

Which = Literal["agenda", "minutes"]
EXPORT_FORMATS = ("markdown", "html", "json")


def document_title(meeting: Meeting, which: Which) -> str:
    """``Minutes: Scrutiny Board (2), 14 January 2027``."""
    name = meeting.committee_name or meeting.committee
    return f"{which.capitalize()}: {name}, {format_date(meeting.date)}"


def document_blocks(meeting: Meeting, which: Which, *, people: Mapping[str, Person],
                    confidential: bool = False) -> list[Block]:
    """The blocks of the agenda or minutes; the public version unless ``confidential``."""
    if which not in ("agenda", "minutes"):
        raise UsageError(f"'{which}' is not a document; choose agenda or minutes.")
    source = meeting if confidential else public_view(meeting)
    build = agenda_blocks if which == "agenda" else minutes_blocks
    return build(source, people=people, confidential=confidential)


def render_docx(meeting: Meeting, which: Which, *, people: Mapping[str, Person], author: str,
                created: dt.datetime, confidential: bool = False, language: str = "en-GB",
                style_path: Path | None = None) -> bytes:
    """The Word agenda or minutes; confidential versions carry NOT FOR PUBLICATION, minutes
    not yet approved DRAFT, in the page header; the footer names committee and date."""

    blocks = document_blocks(meeting, which, people=people, confidential=confidential)
    return write_docx(blocks, title=document_title(meeting, which), author=author,
                      created=created, language=language,
                      marking=MARKING if confidential else None, style_path=style_path,
                      draft=is_draft(meeting, which), footer=footer_text(meeting))


def export(meeting: Meeting, fmt: str, *, people: Mapping[str, Person],
           which: Which = "minutes", confidential: bool = False) -> str:
    """The meeting as ``markdown``, ``html`` (of the agenda or minutes) or ``json`` text."""
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"'{fmt}' is not an export format; choose markdown, html or json.")
    if fmt == "json":
        return to_json(meeting if confidential else public_view(meeting))
    blocks = document_blocks(meeting, which, people=people, confidential=confidential)
    if fmt == "markdown":
        return to_markdown(blocks)
    return to_html(blocks, title=document_title(meeting, which))


def write_output(data: bytes | str, out: Path) -> None:
    """Write a document to ``out`` atomically (an existing file is replaced whole)."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if out.is_dir():
        raise OutputError(f"{out} is a folder; give a file name for the document.")
    if not out.parent.is_dir():
        raise OutputError(f"The folder {out.parent} does not exist, so {out.name} cannot be "
                          "written there.")
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        if tmp.exists():
            tmp.unlink()
        raise OutputError(f"{out} cannot be written: {exc.strerror or exc}.") from None
