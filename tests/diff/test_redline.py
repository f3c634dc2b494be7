"""The Word redline: real tracked changes, re-opened with python-docx and checked."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st

from workflow.errors import MinutebookError
from workflow.record.model import BulletList, Item, Meeting, Paragraph, Person, Resolution
from workflow.record.redaction import public_view
from workflow.render.blocks import minutes_blocks
from workflow.render.docx import write_docx
from workflow.render.redline import align_blocks, redline_docx

from .conftest import SECRET, make_meeting, make_people

WHEN = dt.datetime(2018, 7, 2, 9, 30, tzinfo=dt.UTC)
AUTHOR = "Michelle Rose"


def with_item(meeting: Meeting, which: str, **changes: object) -> Meeting:
    items = tuple(replace(i, **changes) if i.uid == which else i for i in meeting.items)
    return replace(meeting, items=items)


def amend_b(meeting: Meeting) -> Meeting:
    item = meeting.item("parenting")
    b = replace(item.resolutions[1], text="To recommend that external training be provided to "
                                          "all elected members.")
    return with_item(meeting, "parenting", resolutions=(item.resolutions[0], b))


def redline(old: Meeting, new: Meeting, people: dict[str, Person], **kw: object) -> docx.document.Document:
    data = redline_docx(old, new, people=people, author=AUTHOR, when=WHEN, **kw)  # type: ignore[arg-type]
    return docx.Document(io.BytesIO(data))


def minutes(meeting: Meeting, people: dict[str, Person]) -> docx.document.Document:
    data = write_docx(minutes_blocks(meeting, people=people), title="t", author=AUTHOR, created=WHEN)
    return docx.Document(io.BytesIO(data))


# ------------------------------------------------- reading a redline as Word would show it


def _text(el: object) -> str:
    out = []
    for node in el.iter(qn("w:t"), qn("w:delText"), qn("w:tab"), qn("w:br")):  # type: ignore[attr-defined]
        out.append({qn("w:tab"): "\t", qn("w:br"): "\n"}.get(node.tag, node.text or ""))
    return "".join(out)


def resolve(document: docx.document.Document, *, accept: bool) -> list[tuple[str, str]]:
    """(style id, text) of each body paragraph with all changes accepted or rejected."""
    keep, drop = ("w:ins", "w:del") if accept else ("w:del", "w:ins")
    out: list[tuple[str, str]] = []
    carry = ""
    for p in document.element.body.iter(qn("w:p")):
        p = docx.oxml.parse_xml(p.xml)
        for el in p.findall(".//" + qn(drop)):
            if el.getparent().tag != qn("w:rPr"):
                el.getparent().remove(el)
        mark = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn(drop)}")
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        change = p.find(f"{qn('w:pPr')}/{qn('w:pPrChange')}/{qn('w:pPr')}/{qn('w:pStyle')}")
        if not accept and change is not None:
            style = change
        if mark is not None:
            carry += _text(p)
            continue
        out.append((style.get(qn("w:val")) if style is not None else "", carry + _text(p)))
        carry = ""
    return out


def unlabelled(paragraphs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop a printed resolution label: Word numbering and a text label read the same.

    Where resolutions are inserted or deleted, the redline prints their labels as text
    (so each label can be tracked); the plain minutes number them through Word.
    """
    return [(s, re.sub(r"^\(?[a-z0-9]+[.)]\t", "", t)) for s, t in paragraphs]


def revisions(document: docx.document.Document) -> list[object]:
    return list(document.element.body.iter(qn("w:ins"), qn("w:del"), qn("w:pPrChange")))


# ------------------------------------------------------------------------------- tests


def test_changed_words_are_tracked_and_nothing_else() -> None:
    old, people = make_meeting(), make_people()
    new = amend_b(old)
    document = redline(old, new, people)
    changes = revisions(document)
    assert [(c.tag.split("}")[1], _text(c)) for c in changes] == [
        ("del", "in-house"), ("ins", "external"), ("del", " and senior managers"),
    ]
    assert len(document.element.body.findall(f".//{qn('w:delText')}")) == 2
    ids = [c.get(qn("w:id")) for c in changes]
    assert len(set(ids)) == len(ids)
    assert all(i.isdigit() for i in ids)
    assert {c.get(qn("w:author")) for c in changes} == {AUTHOR}
    assert {c.get(qn("w:date")) for c in changes} == {"2018-07-02T09:30:00Z"}
    changed = [p for p in document.element.body.iter(qn("w:p")) if revisions_in(p)]
    assert len(changed) == 1
    assert resolve(document, accept=True) == resolve(minutes(new, people), accept=True)
    assert resolve(document, accept=False) == resolve(minutes(old, people), accept=True)


def revisions_in(p: object) -> bool:
    return any(True for _ in p.iter(qn("w:ins"), qn("w:del")))  # type: ignore[attr-defined]


def test_whole_paragraphs_inserted_and_deleted_mark_the_paragraph() -> None:
    old, people = make_meeting(), make_people()
    body = old.item("parenting").body
    aob = Item(uid="aob", agenda_number="6", minute_number="6", title="Any Other Business",
               body=(Paragraph(text="The Chair thanked officers for their work this year."),))
    new = with_item(old, "parenting", body=body[1:])
    new = replace(new, items=(*new.items, aob))
    document = redline(old, new, people)
    marks = document.element.body.findall(f".//{qn('w:pPr')}/{qn('w:rPr')}")
    kinds = [m[0].tag.split("}")[1] for m in marks]
    assert kinds == ["del", "ins", "ins"]
    for mark in marks:
        assert mark[0].get(qn("w:author")) == AUTHOR
        assert mark[0].get(qn("w:id"))
    ids = [c.get(qn("w:id")) for c in document.element.body.iter(qn("w:ins"), qn("w:del"))]
    assert len(set(ids)) == len(ids) == 6
    assert resolve(document, accept=True) == resolve(minutes(new, people), accept=True)
    assert resolve(document, accept=False) == resolve(minutes(old, people), accept=True)


def test_a_removed_resolution_and_its_relabelled_neighbour() -> None:
    old, people = make_meeting(), make_people()
    three = (*old.item("parenting").resolutions,
             Resolution(label="(c)", text="To receive a further report in the new year."))
    old = with_item(old, "parenting", resolutions=three)
    new = with_item(old, "parenting", resolutions=(three[0], replace(three[2], label="(b)")))
    document = redline(old, new, people)
    assert unlabelled(resolve(document, accept=True)) == unlabelled(
        resolve(minutes(new, people), accept=True))
    assert unlabelled(resolve(document, accept=False)) == unlabelled(
        resolve(minutes(old, people), accept=True))
    accepted = [t for _s, t in resolve(document, accept=True)]
    rejected = [t for _s, t in resolve(document, accept=False)]
    assert "(b)\tTo receive a further report in the new year." in accepted
    assert "(c)\tTo receive a further report in the new year." in rejected


def test_a_changed_style_is_a_tracked_formatting_change() -> None:
    old, people = make_meeting(), make_people()
    body = old.item("fostering").body
    new = with_item(old, "fostering", body=(BulletList(bullets=(body[0].text,)),))
    document = redline(old, new, people)
    (change,) = revisions(document)
    assert change.tag == qn("w:pPrChange")
    assert resolve(document, accept=True) == resolve(minutes(new, people), accept=True)
    assert resolve(document, accept=False) == resolve(minutes(old, people), accept=True)


def test_the_same_versions_give_no_revisions_and_the_same_bytes() -> None:
    old, people = make_meeting(), make_people()
    document = redline(old, replace(old), people)
    assert revisions(document) == []
    new = amend_b(old)
    one = redline_docx(old, new, people=people, author=AUTHOR, when=WHEN)
    assert one == redline_docx(old, new, people=people, author=AUTHOR, when=WHEN)
    assert docx.Document(io.BytesIO(one)).core_properties.author == AUTHOR


def test_a_public_redline_carries_no_exempt_text() -> None:
    old, people = make_meeting(), make_people()
    new = with_item(old, "adoption", resolutions=(Resolution(label="(a)", text=f"Refused. {SECRET}"),))
    public = redline_docx(public_view(old), public_view(new), people=people, author=AUTHOR, when=WHEN)
    plain = redline_docx(old, new, people=people, author=AUTHOR, when=WHEN)
    for data in (public, plain):
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            assert not any(SECRET.encode() in package.read(n) for n in package.namelist())
        assert revisions(docx.Document(io.BytesIO(data))) == []
    secret = redline(old, new, people, confidential=True)
    assert [_text(c) for c in revisions(secret)] == ["To approve the contract", "Refused"]
    assert any(SECRET in t for _s, t in resolve(secret, accept=True))
    assert resolve(secret, accept=True)[0][1] == "NOT FOR PUBLICATION"


def test_blocks_align_by_content_not_position() -> None:
    people = make_people()
    old = make_meeting()
    body = old.item("parenting").body
    new = with_item(old, "parenting", body=(Paragraph(text="A new first paragraph."), *body))
    steps = align_blocks(minutes_blocks(old, people=people), minutes_blocks(new, people=people))
    assert [s.change for s in steps if s.change != "equal"] == ["insert"]


EDITS = st.lists(st.sampled_from(["members", "officers", "the Board", "not", "to note", ",",
                                  "agreed", "(c)", "report"]), max_size=8).map(" ".join)


@settings(max_examples=15)
@given(EDITS, EDITS)
def test_any_resolution_edit_accepts_to_new_and_rejects_to_old(a: str, b: str) -> None:
    people = make_people()
    base = make_meeting()
    res = base.item("fostering").resolutions[0]
    old = with_item(base, "fostering", resolutions=(replace(res, text=res.text + " " + a),))
    new = with_item(base, "fostering", resolutions=(replace(res, text=b + res.text),))
    document = redline(old, new, people)
    accepted, rejected = resolve(document, accept=True), resolve(document, accept=False)
    assert unlabelled(accepted) == unlabelled(resolve(minutes(new, people), accept=True))
    assert unlabelled(rejected) == unlabelled(resolve(minutes(old, people), accept=True))


def test_libreoffice_reads_the_revisions_and_makes_a_pdf(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    old, people = make_meeting(), make_people()
    source = tmp_path / "redline.docx"
    source.write_bytes(redline_docx(old, amend_b(old), people=people, author=AUTHOR, when=WHEN))
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"
    for target in ("pdf", "odt"):
        subprocess.run([soffice, profile, "--headless", "--convert-to", target, "--outdir",
                        str(tmp_path), str(source)], check=True, capture_output=True, timeout=120)
    assert (tmp_path / "redline.pdf").read_bytes().startswith(b"%PDF")
    with zipfile.ZipFile(tmp_path / "redline.odt") as odt:
        content = odt.read("content.xml").decode("utf-8")
    regions = re.findall(r"<text:changed-region\b.*?</text:changed-region>", content, re.S)
    assert len(regions) == 3
    assert sum("<text:deletion>" in r for r in regions) == 2
    assert all(f"<dc:creator>{AUTHOR}</dc:creator>" in r for r in regions)


def test_a_control_character_in_changed_text_is_named_not_a_crash() -> None:
    old, people = make_meeting(), make_people()
    item = old.item("fostering")
    new = with_item(old, "fostering", resolutions=(replace(item.resolutions[0], text="To note\x0b it."),))
    with pytest.raises(MinutebookError, match=r"item:fostering.*control character \(U\+000B\)"):
        redline_docx(old, new, people=people, author=AUTHOR, when=WHEN)
