"""Imports are robust on text they have never seen: mutated and truncated fixtures always
end in a record or a clear MinutebookError, never another exception."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
from hypothesis import given
from hypothesis import strategies as st
from import_samples import FIXTURES, docx_from_markdown

from workflow.errors import MinutebookError
from workflow.importers import import_file, import_text
from workflow.record.codec import decode, encode
from workflow.record.model import Meeting

TEXTS = {p.name: p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.*"))}
SEEDS = FIXTURES.parent.parent.parent.parent / "shared" / "seeds"
if SEEDS.is_dir():
    TEXTS.update({p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))})
NAMES = sorted(TEXTS)

NOISE = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(codec="utf-8"), max_size=6),
        st.sampled_from(["\x00", "\x0b", "\x0c", "\r", "\t", "\u00a0", "\ufeff", "·", "•", "(a)", "1)",
                         "RESOLVED", "Minutes:", "Present:", "pdf icon", "12.", "#", "**", "  "]),
    ),
    max_size=8,
).map("".join)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = TEXTS[draw(st.sampled_from(NAMES))].splitlines()
    for _ in range(draw(st.integers(0, 6))):
        if not lines:
            break
        op = draw(st.sampled_from(["drop", "duplicate", "swap", "insert", "cut-line"]))
        i = draw(st.integers(0, len(lines) - 1))
        if op == "drop":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            lines.insert(i, draw(NOISE))
        else:
            cut = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:cut] + draw(NOISE) + lines[i][cut:]
    text = "\n".join(lines)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]
    return text


def _check(meeting: Meeting) -> None:
    assert decode(Meeting, encode(meeting)) == meeting


@given(text=mutated(), dated=st.booleans())
def test_mutated_text_gives_a_record_or_a_clear_error(text: str, dated: bool) -> None:
    extra = {"committee": "test-committee", "date": dt.date(2024, 5, 1)} if dated else {}
    try:
        result = import_text(text, source="mutated.txt", **extra)  # type: ignore[arg-type]
    except MinutebookError as error:
        assert str(error)
        assert "\n" not in str(error)
        return
    _check(result.meeting)
    lines = result.source_text.replace("\r", "\n").replace("\x0c", "\n").split("\n")
    numbers = {x.number for x in (*result.report.ignored, *result.report.not_understood)}
    assert all(1 <= n <= len(lines) for n in numbers)


@given(cut=st.integers(0, 100_000), flip=st.integers(0, 100_000))
def test_damaged_docx_gives_a_record_or_a_clear_error(tmp_path_factory, cut: int, flip: int) -> None:  # type: ignore[no-untyped-def]
    data = bytearray(_CORE_DOCX)
    data = data[: cut % (len(data) + 1) or len(data)]
    if data:
        data[flip % len(data)] ^= 0x5A
    path = tmp_path_factory.mktemp("docx") / "damaged.docx"
    path.write_bytes(bytes(data))
    try:
        result = import_file(path)
    except MinutebookError as error:
        assert str(error)
        assert "\n" not in str(error)
        return
    _check(result.meeting)


@given(paragraphs=st.lists(NOISE, max_size=12))
def test_any_word_document_gives_a_record_or_a_clear_error(tmp_path_factory, paragraphs: list[str]) -> None:  # type: ignore[no-untyped-def]
    document = docx.Document()
    document.add_paragraph("Minutes of the Meeting of Test Board held on 1 May 2024 at 2.00 pm", style="Title")
    for text in paragraphs:
        clean = "".join(c for c in text if c.isprintable() and c not in "\ufeff\ufffe\uffff")
        clean = "".join(c for c in clean if not 0xD800 <= ord(c) <= 0xDFFF)
        document.add_paragraph(clean, style="Heading 2" if clean[:2].isdigit() else None)
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path_factory.mktemp("docx") / "any.docx"
    path.write_bytes(buffer.getvalue())
    try:
        result = import_file(path)
    except MinutebookError as error:
        assert str(error)
        assert "\n" not in str(error)
        return
    _check(result.meeting)


_CORE_DOCX = docx_from_markdown((FIXTURES / "core-printed.md").read_text(encoding="utf-8"))


def test_fixture_texts_are_found() -> None:
    assert "core-webpage.txt" in TEXTS
    assert Path(FIXTURES).is_dir()
