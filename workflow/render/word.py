"""The agenda and minutes as Word documents: :func:`render_docx`, the blocks of
:mod:`workflow.render.documents` written by :mod:`workflow.render.docx` (python-docx) in
the house style, as deterministic bytes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from workflow.record.model import Meeting, Person
from workflow.render.blocks import MARKING, footer_text, is_draft
from workflow.render.documents import Which, document_blocks, document_title
from workflow.render.docx import write_docx

__all__ = ["render_docx"]


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
