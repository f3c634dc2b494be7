"""The Word redline: the minutes as of one version, with tracked changes against another.

:func:`redline_docx` renders both versions' minutes to blocks, aligns the blocks (by
content, then by similarity) and writes the new minutes with the ordinary Word writer
(:class:`~workflow.render.docx.DocxBuilder`), each changed paragraph written in place as
real WordprocessingML revisions, built as elements (no placeholder text, no second pass): inserted words in ``w:ins``, deleted words in ``w:del`` with
``w:delText``, whole inserted or deleted paragraphs also on the paragraph mark
(``w:pPr/w:rPr/w:ins|w:del``), a changed paragraph style as ``w:pPrChange``. Each
revision has a unique ``w:id``, the author and the date, so Word's Review pane can accept
or reject it. Unchanged paragraphs are written exactly as in the minutes.

This is the only module that edits document XML for tracked changes. It renders what it
is given: with ``confidential=False`` (the default) the blocks never carry exempt
content, and public callers pass ``workflow.record.redaction.public_view`` of both versions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from workflow.diff.meetings import align
from workflow.diff.words import diff_words
from workflow.record.model import Meeting, Person
from workflow.render.blocks import MARKING, footer_text, is_draft, minutes_blocks
from workflow.render.docx import DocxBuilder, check_text
from workflow.render.elements import Block, Run

__all__ = ["Step", "align_blocks", "redline_blocks", "redline_docx"]


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
        draft=is_draft(new, "minutes"),
        footer=footer_text(new),
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
    draft: bool = False,
    footer: str = "",
) -> bytes:
    """``new`` as a Word document, every difference from ``old`` marked as a revision."""
    steps = align_blocks(old, new)
    placed: list[Block] = []
    for step in steps:
        block = step.new if step.new is not None else step.old
        assert block is not None
        if step.change != "equal":
            for side in (step.old, step.new):
                for text in (side.label, *(r.text for r in side.runs)) if side is not None else ():
                    check_text(text, side.key)
        placed.append(block)
    builder = DocxBuilder(style_path=style_path, language=language)
    revisions = _Revisions(builder.document.element, author, when)

    def fill(index: int, paragraph: Any) -> None:
        step = steps[index]
        if step.change == "equal":
            for run in placed[index].runs:
                builder.run(paragraph, run)
        else:
            _mark_paragraph(paragraph, step, revisions, builder)

    builder.add_blocks(placed, fill)
    return builder.to_bytes(title=title, author=author, created=when, marking=marking,
                            draft=draft, footer=footer)


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


def _mark_paragraph(paragraph: Any, step: Step, revisions: _Revisions,
                    builder: DocxBuilder) -> None:
    """Write a changed paragraph's words into ``paragraph`` as tracked insertions and
    deletions, then mark a changed label, a whole new or removed paragraph, a new style."""
    wrapper: Any = None
    wrapper_op = ""
    for op, text, fmt in _segments(step):
        if op == "equal":
            builder.run(paragraph, replace(fmt, text=text))
            wrapper_op = ""
            continue
        if op != wrapper_op:
            wrapper = revisions.element("w:ins" if op == "insert" else "w:del")
            paragraph.append(wrapper)
            wrapper_op = op
        builder.run(wrapper, replace(fmt, text=text), deleted=op == "delete")
    if step.change in ("insert", "delete"):
        _mark_whole(paragraph, "w:ins" if step.change == "insert" else "w:del", revisions)
        return
    assert step.old is not None
    assert step.new is not None
    if step.old.label != step.new.label:
        _mark_label(paragraph, step.old.label, step.new.label, revisions, builder)
    if step.old.style != step.new.style:
        change = revisions.element("w:pPrChange")
        old_ppr = OxmlElement("w:pPr")
        style = OxmlElement("w:pStyle")
        style.set(qn("w:val"), builder.style_id(step.old.style))
        old_ppr.append(style)
        change.append(old_ppr)
        paragraph.get_or_add_pPr().append(change)


def _to_deleted(run: Any) -> None:
    for t in run.findall(qn("w:t")):
        t.tag = qn("w:delText")


def _bare_runs(paragraph: Any) -> list[Any]:
    return [child for child in paragraph if child.tag == qn("w:r")]


def _mark_label(paragraph: Any, old: str, new: str, revisions: _Revisions,
                builder: DocxBuilder) -> None:
    """A label printed as text (``(b)`` then a tab) that changed: delete old, insert new."""
    label = next(iter(_bare_runs(paragraph)), None)
    if new and label is not None and "".join(t.text or "" for t in label.iter(qn("w:t"))) == new:
        inserted = revisions.element("w:ins")
        label.addprevious(inserted)
        inserted.append(label)
        label = inserted
    if old and (label is not None or not new):
        deleted = revisions.element("w:del")
        builder.run(deleted, Run(old + "\t"), deleted=True)
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
