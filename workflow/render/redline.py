"""The Word redline: the minutes as of one version, with tracked changes against another.

:func:`redline_docx` renders both versions' minutes to blocks, aligns the blocks (by
content, then by similarity) and writes the new minutes with the ordinary Word writer
(:class:`~workflow.render.docx.DocxBuilder`), each changed paragraph marked up as real
WordprocessingML revisions: inserted words in ``w:ins``, deleted words in ``w:del`` with
``w:delText``, whole inserted or deleted paragraphs also on the paragraph mark
(``w:pPr/w:rPr/w:ins|w:del``), a changed paragraph style as ``w:pPrChange``. Each
revision has a unique ``w:id``, the author and the date, so Word's Review pane can accept
or reject it. Unchanged paragraphs are written exactly as in the minutes.

This is the only module that edits document XML for tracked changes. It renders what it
is given: with ``confidential=False`` (the default) the blocks never carry exempt
content, and public callers pass ``workflow.redaction.public_view`` of both versions.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from lxml import etree

from workflow.diff.meetings import align
from workflow.diff.words import diff_words
from workflow.record.model import Meeting, Person
from workflow.render.blocks import MARKING, minutes_blocks
from workflow.render.docx import W_NS, DocxBuilder, check_text, run_xml, zip_parts
from workflow.render.elements import Block, Run

__all__ = ["Step", "align_blocks", "redline_blocks", "redline_docx"]

_MARK = "QQREDLINE{:06d}QQ"


@dataclass(frozen=True, slots=True)
class Step:
    """One paragraph of the redline: ``equal``, ``changed``, ``insert`` or ``delete``."""

    change: str
    old: Block | None
    new: Block | None


def align_blocks(old: Sequence[Block], new: Sequence[Block]) -> list[Step]:
    """The paragraphs of both versions in reading order, paired where they correspond."""
    steps = []
    for i, j in align(old, new):
        a = old[i] if i is not None else None
        b = new[j] if j is not None else None
        if a is None:
            steps.append(Step("insert", None, b))
        elif b is None:
            steps.append(Step("delete", a, None))
        else:
            same = replace(a, key="") == replace(b, key="")
            steps.append(Step("equal" if same else "changed", a, b))
    return steps


def redline_docx(
    old: Meeting,
    new: Meeting,
    *,
    people: Mapping[str, Person],
    author: str,
    when: dt.datetime,
    confidential: bool = False,
    language: str = "en-GB",
    style_path: Path | None = None,
) -> bytes:
    """The minutes as of ``new`` with Word tracked changes against ``old``."""
    committee = new.committee_name or new.committee
    return redline_blocks(
        minutes_blocks(old, people=people, confidential=confidential),
        minutes_blocks(new, people=people, confidential=confidential),
        title=f"Minutes of {committee}, {new.date.isoformat()}: changes",
        author=author,
        when=when,
        language=language,
        marking=MARKING if confidential else None,
        style_path=style_path,
    )


def redline_blocks(
    old: Sequence[Block],
    new: Sequence[Block],
    *,
    title: str,
    author: str,
    when: dt.datetime,
    language: str = "en-GB",
    marking: str | None = None,
    style_path: Path | None = None,
) -> bytes:
    """``new`` as a Word document, every difference from ``old`` marked as a revision."""
    placed: list[Block] = []
    marked: dict[str, Step] = {}
    for step in align_blocks(old, new):
        block = step.new if step.new is not None else step.old
        assert block is not None
        if step.change == "equal":
            placed.append(block)
            continue
        for side in (step.old, step.new):
            for text in (side.label, *(r.text for r in side.runs)) if side is not None else ():
                check_text(text, side.key)
        mark = _MARK.format(len(marked))
        marked[mark] = step
        placed.append(replace(block, runs=(Run(mark),)))
    builder = DocxBuilder(style_path=style_path, language=language)
    builder.add_blocks(placed)
    package = builder.to_bytes(title=title, author=author, created=when, marking=marking)
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        parts = [(name, archive.read(name)) for name in archive.namelist()]
    root = parse_xml(dict(parts)["word/document.xml"])
    revisions = _Revisions(root, author, when)
    for paragraph, run, mark in _find_marks(root):
        _mark_paragraph(paragraph, run, marked.pop(mark), revisions, builder)
    if marked:
        raise RuntimeError(f"the Word writer dropped {len(marked)} paragraphs of the redline")
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return zip_parts((name, xml if name == "word/document.xml" else data) for name, data in parts)


# ------------------------------------------------------------------- revision XML


class _Revisions:
    """Hands out revision elements with unique ids, one author and one date."""

    def __init__(self, root: Any, author: str, when: dt.datetime) -> None:
        ids = (el.get(qn("w:id")) for el in root.iter())
        self._next = max((int(i) for i in ids if i and i.isdigit()), default=0) + 1
        self.author = author
        if when.tzinfo is not None:
            when = when.astimezone(dt.UTC).replace(tzinfo=None)
        self.date = when.replace(microsecond=0).isoformat() + "Z"

    def element(self, tag: str) -> Any:
        el = OxmlElement(tag)
        el.set(qn("w:id"), str(self._next))
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), self.date)
        self._next += 1
        return el


def _find_marks(root: Any) -> Iterator[tuple[Any, Any, str]]:
    for t in list(root.iter(qn("w:t"))):
        text = t.text or ""
        if text.startswith("QQREDLINE") and text.endswith("QQ"):
            run = t.getparent()
            yield run.getparent(), run, text


def _segments(step: Step) -> list[tuple[str, str, Run]]:
    """(op, text, formatting) pieces of a changed paragraph, word-diffed, runs kept."""
    old, new = step.old, step.new
    if old is None or new is None:
        block = new or old
        assert block is not None
        op = "insert" if new is not None else "delete"
        return [(op, r.text, r) for r in block.runs]
    out: list[tuple[str, str, Run]] = []
    at = {"old": 0, "new": 0}
    for w in diff_words(old.text, new.text):
        side, runs = ("old", old.runs) if w.op == "delete" else ("new", new.runs)
        for text, fmt in _cut(runs, at[side], len(w.text)):
            out.append((w.op, text, fmt))
        at[side] += len(w.text)
        if w.op == "equal":
            at["old"] += len(w.text)
    return out


def _cut(runs: Sequence[Run], start: int, length: int) -> Iterator[tuple[str, Run]]:
    """The text ``start:start+length`` of the runs, split where the formatting changes."""
    pos, end = 0, start + length
    for r in runs:
        lo, hi = max(start, pos), min(end, pos + len(r.text))
        if lo < hi:
            yield r.text[lo - pos : hi - pos], r
        pos += len(r.text)


def _mark_paragraph(
    paragraph: Any, sentinel: Any, step: Step, revisions: _Revisions, builder: DocxBuilder
) -> None:
    wrapper: Any = None
    wrapper_op = ""
    for op, text, fmt in _segments(step):
        run = _new_run(replace(fmt, text=text), deleted=op == "delete")
        if op == "equal":
            sentinel.addprevious(run)
            wrapper_op = ""
            continue
        if op != wrapper_op:
            wrapper = revisions.element("w:ins" if op == "insert" else "w:del")
            sentinel.addprevious(wrapper)
            wrapper_op = op
        wrapper.append(run)
    paragraph.remove(sentinel)
    if step.change in ("insert", "delete"):
        _mark_whole(paragraph, "w:ins" if step.change == "insert" else "w:del", revisions)
        return
    assert step.old is not None
    assert step.new is not None
    if step.old.label != step.new.label:
        _mark_label(paragraph, step.old.label, step.new.label, revisions)
    if step.old.style != step.new.style:
        change = revisions.element("w:pPrChange")
        old_ppr = OxmlElement("w:pPr")
        style = OxmlElement("w:pStyle")
        style.set(qn("w:val"), builder.style_id(step.old.style))
        old_ppr.append(style)
        change.append(old_ppr)
        paragraph.get_or_add_pPr().append(change)


def _new_run(fmt: Run, *, deleted: bool) -> Any:
    run = parse_xml(run_xml(fmt).replace("<w:r>", f'<w:r xmlns:w="{W_NS}">', 1))
    if deleted:
        _to_deleted(run)
    return run


def _to_deleted(run: Any) -> None:
    for t in run.findall(qn("w:t")):
        t.tag = qn("w:delText")


def _bare_runs(paragraph: Any) -> list[Any]:
    return [child for child in paragraph if child.tag == qn("w:r")]


def _mark_label(paragraph: Any, old: str, new: str, revisions: _Revisions) -> None:
    """A label printed as text (``(b)`` then a tab) that changed: delete old, insert new."""
    label = next(iter(_bare_runs(paragraph)), None)
    if new and label is not None and "".join(t.text or "" for t in label.iter(qn("w:t"))) == new:
        inserted = revisions.element("w:ins")
        label.addprevious(inserted)
        inserted.append(label)
        label = inserted
    if old and (label is not None or not new):
        deleted = revisions.element("w:del")
        deleted.append(_new_run(Run(old + "\t"), deleted=True))
        if label is not None:
            label.addprevious(deleted)
        else:
            paragraph.get_or_add_pPr().addnext(deleted)


def _mark_whole(paragraph: Any, tag: str, revisions: _Revisions) -> None:
    """Wrap the paragraph's other runs (a printed label) too, and mark its paragraph mark."""
    for child in _bare_runs(paragraph):
        if tag == "w:del":
            _to_deleted(child)
        wrap = revisions.element(tag)
        child.addprevious(wrap)
        wrap.append(child)
    ppr = paragraph.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        later = [ppr.find(qn(t)) for t in ("w:sectPr", "w:pPrChange")]
        anchor = next((el for el in later if el is not None), None)
        if anchor is not None:
            anchor.addprevious(rpr)
        else:
            ppr.append(rpr)
    rpr.insert(0, revisions.element(tag))
