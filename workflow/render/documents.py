"""Module for the documents made from one meeting's blocks: agenda, minutes, exports.

Lives here: :func:`document_blocks` (the blocks of an agenda or minutes; public unless
``confidential``, built from :func:`workflow.record.redaction.public_view`), :func:`export`
(``markdown``, ``html`` or ``json`` text) and :func:`write_output` (bytes or text put at a
path atomically, or why not); :mod:`workflow.render.word` makes the Word document of the
same blocks. Validating the record first is the caller's step.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from workflow.errors import OutputError, UsageError
from workflow.record.model import Meeting, Person
from workflow.record.redaction import public_view
from workflow.render.blocks import MARKING, agenda_blocks, footer_text, is_draft, minutes_blocks
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
