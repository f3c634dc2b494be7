"""Shared pieces of the leak tests: where a sentinel may hide in a .docx, and savable records."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile

from workflow.record.model import Meeting

_TAG = re.compile(rb"<[^>]+>")


def docx_text(data: bytes) -> str:
    """Every part of a Word file, raw XML and tag-stripped text joined (runs may split words)."""
    pieces = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            raw = package.read(name)
            pieces += [raw.decode("utf-8", "replace"), _TAG.sub(b"", raw).decode("utf-8", "replace")]
    return "\n".join(pieces)


def savable(meeting: Meeting) -> Meeting:
    """A generated meeting with action origins in the default minute-reference format."""
    items = tuple(
        dataclasses.replace(item, actions=tuple(
            dataclasses.replace(a, origin=a.origin.removeprefix("PLA")) for a in item.actions))
        for item in meeting.items
    )
    return dataclasses.replace(meeting, items=items)

