"""Properties over generated meetings: no exempt text in public output, identical bytes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
from hypothesis import given
from hypothesis import strategies as st
from strategies import DEFAULT_SENTINEL, meetings

from workflow.record.codec import decode, split_exempt
from workflow.record.model import Meeting
from workflow.record.redaction import public_view
from workflow.render.documents import export
from workflow.render.word import render_docx

CREATED = dt.datetime(2027, 1, 14, 16, 0, tzinfo=dt.UTC)
WHICH = st.sampled_from(["agenda", "minutes"])


def _package_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "".join(archive.read(n).decode("utf-8") for n in archive.namelist()
                       if n.endswith(".xml") or n.endswith(".rels"))


@given(meeting=meetings(exempt=True), which=WHICH)
def test_public_output_never_holds_exempt_text_and_bytes_repeat(meeting: Meeting,
                                                                which: str) -> None:
    """One generated meeting serves every property (generation is the slow part)."""
    public, _ = split_exempt(meeting)
    view = public_view(meeting)
    assert view == decode(Meeting, public)
    assert public_view(view) == view
    data = render_docx(meeting, which, people={}, author="Clerk", created=CREATED)  # type: ignore[arg-type]
    assert DEFAULT_SENTINEL not in _package_text(data)
    document = docx.Document(io.BytesIO(data))
    assert all(p.text.strip() for p in document.paragraphs)
    for fmt in ("markdown", "html", "json"):
        assert DEFAULT_SENTINEL not in export(meeting, fmt, people={}, which=which)  # type: ignore[arg-type]
    secret = render_docx(meeting, which, people={}, author="Clerk", created=CREATED,  # type: ignore[arg-type]
                         confidential=True)
    assert DEFAULT_SENTINEL in _package_text(secret)
    assert secret == render_docx(meeting, which, people={}, author="Clerk",  # type: ignore[arg-type]
                                 created=CREATED, confidential=True)
