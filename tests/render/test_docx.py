"""Word documents re-opened with python-docx: text, order, styles, numbering, marking, bytes."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from render_samples import CREATED, SECRET

from workflow.errors import MinutebookError, OutputError
from workflow.record.model import Item, Meeting, Paragraph, Person, Resolution
from workflow.render.blocks import minutes_blocks
from workflow.render.documents import HOUSE_STYLE, write_output
from workflow.render.docx import write_docx
from workflow.render.styles import HEADING_LEVELS, Style
from workflow.render.word import render_docx

KINDS = [("agenda", False), ("agenda", True), ("minutes", False), ("minutes", True)]


def render(meeting: Meeting, people: dict[str, Person], which: str = "minutes",
           confidential: bool = False) -> bytes:
    return render_docx(meeting, which, people=people, author="Test Clerk",  # type: ignore[arg-type]
                       created=CREATED, confidential=confidential)


def reopen(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def texts(document: docx.document.Document) -> list[str]:
    return [p.text for p in document.paragraphs]


def all_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())


@pytest.mark.parametrize(("which", "confidential"), KINDS)
def test_every_paragraph_uses_a_house_style_and_none_is_empty(
    meeting: Meeting, people: dict[str, Person], which: str, confidential: bool
) -> None:
    document = reopen(render(meeting, people, which, confidential))
    names = {s.value for s in Style}
    assert document.paragraphs
    for paragraph in document.paragraphs:
        assert paragraph.style.name in names
        assert paragraph.text.strip(), "an empty paragraph is used as spacing"


@pytest.mark.parametrize(("which", "confidential"), KINDS)
def test_heading_levels_never_skip(
    meeting: Meeting, people: dict[str, Person], which: str, confidential: bool
) -> None:
    document = reopen(render(meeting, people, which, confidential))
    levels = [HEADING_LEVELS[Style(p.style.name)] for p in document.paragraphs
              if p.style.name.startswith("Heading")]
    assert levels[0] == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1


def test_minutes_read_in_the_seed_order(meeting: Meeting, people: dict[str, Person]) -> None:
    document = reopen(render(meeting, people))
    lines = texts(document)
    assert lines[0] == ("Coventry City Council\nMinutes of the Meeting of Education and "
                        "Children's Services Scrutiny Board (2) held at 2.00 pm on Thursday, "
                        "14 January 2027")
    assert document.paragraphs[0].style.name == "Heading 1"
    order = ["Present:", "Members:\tCouncillor M Mutton (Chair)",
             "\tCouncillor R Brown (substitute for Councillor D Kershaw)",
             "Employees (by Directorate):\tPeople: J Gregg, G Holmes",
             "Apologies:\tCouncillor J Clifford", "Public Business",
             "18. Declarations of Interests", "20. Social Work Recruitment",
             "RESOLVED that the Board:", "Private Business", "23. Children's Homes Contract",
             "(Meeting closed at 3.30 pm)", "Chair"]
    positions = [lines.index(text) for text in order]
    assert positions == sorted(positions)
    assert lines[-1] == "Chair"


def test_resolved_is_bold_and_sub_resolutions_are_numbered_lists(
    meeting: Meeting, people: dict[str, Person]
) -> None:
    document = reopen(render(meeting, people))
    resolved = [p for p in document.paragraphs if p.text.startswith("RESOLVED")]
    assert len(resolved) == 3
    for paragraph in resolved:
        assert paragraph.runs[0].text == "RESOLVED"
        assert all(run.bold for run in paragraph.runs)
    listed = [p for p in document.paragraphs if p.style.name == "Resolution"]
    assert [p.text for p in listed][:2] == ["Notes the briefing note.",
                                            "Requests a progress review in six months."]
    for paragraph in listed:
        num_pr = paragraph._p.pPr.numPr
        assert num_pr is not None, paragraph.text
    levels = [p._p.pPr.numPr.ilvl.val for p in listed]
    assert levels == [0, 0, 1, 1, 0, 0]


def _num_definitions(data: bytes) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        numbering = archive.read("word/numbering.xml").decode()
    names = dict(re.findall(r'w:abstractNumId="(\d+)">.*?<w:name w:val="([^"]+)"', numbering))
    nums = dict(re.findall(r'<w:num w:numId="(\d+)"><w:abstractNumId w:val="(\d+)"/>', numbering))
    starts = dict(re.findall(r'<w:num w:numId="(\d+)"><w:abstractNumId w:val="\d+"/>'
                             r'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="(\d+)"/>',
                             numbering))
    return names, nums, starts


def test_numbering_restarts_for_each_resolution_block(
    meeting: Meeting, people: dict[str, Person]
) -> None:
    data = render(meeting, people)
    document = reopen(data)
    names, nums, starts = _num_definitions(data)
    listed = [p for p in document.paragraphs if p.style.name == "Resolution"]
    num_ids = [str(p._p.pPr.numPr.numId.val) for p in listed]
    first, second = num_ids[0], num_ids[4]
    assert set(num_ids[:4]) == {first}
    assert set(num_ids[4:]) == {second}
    assert first != second
    assert starts[first] == starts[second] == "1"
    assert names[nums[first]] == "minutebook resolution (a)"
    assert names[nums[second]] == "minutebook resolution 1)"


def test_irregular_labels_print_as_text_not_invented_numbers(people: dict[str, Person]) -> None:
    item = Item(uid="x", agenda_number="4", title="Budget",
                resolutions=(Resolution(label="R2025-191", text="Approve the budget."),
                             Resolution(label="R2025-192", text="Set the council tax.")))
    meeting = Meeting(id="c/2027-01-14", committee="c", date=CREATED.date(), items=(item,))
    document = reopen(render(meeting, people))
    listed = [p for p in document.paragraphs if p.style.name == "Resolution"]
    assert [p.text for p in listed] == ["R2025-191\tApprove the budget.",
                                        "R2025-192\tSet the council tax."]
    assert all(p._p.pPr.numPr is None for p in listed)


def test_a_list_starting_at_c_keeps_its_labels(people: dict[str, Person]) -> None:
    item = Item(uid="x", title="Later", resolutions=(Resolution(label="(c)", text="One."),
                                                     Resolution(label="(d)", text="Two.")))
    meeting = Meeting(id="c/2027-01-14", committee="c", date=CREATED.date(), items=(item,))
    data = render(meeting, people)
    _, _, starts = _num_definitions(data)
    assert list(starts.values()) == ["3"]


def test_confidential_version_is_marked_on_every_page(
    meeting: Meeting, people: dict[str, Person]
) -> None:
    document = reopen(render(meeting, people, "minutes", confidential=True))
    assert texts(document)[0] == "NOT FOR PUBLICATION"
    assert document.paragraphs[0].style.name == "Marking"
    for section in document.sections:
        assert not section.header.is_linked_to_previous
        assert [p.text for p in section.header.paragraphs] == ["DRAFT", "NOT FOR PUBLICATION"]
        assert all(r.bold for p in section.header.paragraphs for r in p.runs)
    assert SECRET in "\n".join(texts(document))


@pytest.mark.parametrize("which", ["agenda", "minutes"])
def test_public_version_holds_no_exempt_text_and_no_marking(
    meeting: Meeting, people: dict[str, Person], which: str
) -> None:
    data = render(meeting, people, which)
    assert SECRET not in all_xml(data)
    assert "NOT FOR PUBLICATION" not in all_xml(data)
    lines = texts(reopen(data))
    assert any("(exempt information — paragraph 3 of Schedule 12A)" in line for line in lines)


def test_language_title_author_and_page_size(meeting: Meeting, people: dict[str, Person]) -> None:
    data = render(meeting, people)
    document = reopen(data)
    props = document.core_properties
    assert props.title.startswith("Minutes: Education and Children's Services Scrutiny Board (2)")
    assert props.author == "Test Clerk"
    assert props.language == "en-GB"
    assert props.created == CREATED
    defaults = document.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang.get(qn("w:val")) == "en-GB"
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    for table in document.tables:
        assert table.rows[0]._tr.trPr is not None


def test_the_same_record_gives_the_same_bytes(meeting: Meeting, people: dict[str, Person]) -> None:
    assert render(meeting, people, confidential=True) == render(meeting, people, confidential=True)
    with zipfile.ZipFile(io.BytesIO(render(meeting, people))) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_text_word_cannot_hold_is_refused_naming_the_place(people: dict[str, Person]) -> None:
    item = Item(uid="bad", title="Item", body=(Paragraph(text="page\x0cbreak"),))
    meeting = Meeting(id="c/2027-01-14", committee="c", date=CREATED.date(), items=(item,))
    with pytest.raises(MinutebookError, match=r"item:bad/body\[0\].*U\+000C"):
        render(meeting, people)


def test_markup_characters_are_escaped(people: dict[str, Person]) -> None:
    item = Item(uid="x", title="A & B <c> \"d\"", body=(Paragraph(text="x < y & z > w"),))
    meeting = Meeting(id="c/2027-01-14", committee="c", date=CREATED.date(), items=(item,))
    assert "x < y & z > w" in texts(reopen(render(meeting, people)))


def test_every_style_exists_in_the_house_style() -> None:
    document = docx.Document(str(HOUSE_STYLE))
    for style in Style:
        assert document.styles[style.value].name == style.value


def test_house_style_is_what_the_script_builds(project_root: Path) -> None:
    script = project_root / "scripts" / "make_house_style.py"
    code = ("import runpy, sys; sys.stdout.buffer.write("
            f"runpy.run_path({str(script)!r})['build']())")
    built = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True).stdout
    assert built == HOUSE_STYLE.read_bytes()


def test_write_output_replaces_a_file_whole(tmp_path: Path) -> None:
    out = tmp_path / "minutes.docx"
    out.write_bytes(b"old")
    write_output(b"new document", out)
    assert out.read_bytes() == b"new document"
    assert [p.name for p in tmp_path.iterdir()] == ["minutes.docx"]


def test_write_output_to_a_missing_folder_says_so(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        write_output(b"x", tmp_path / "nowhere" / "minutes.docx")
    with pytest.raises(OutputError, match="is a folder"):
        write_output(b"x", tmp_path)


def test_blocks_written_directly_keep_their_key_order(
    meeting: Meeting, people: dict[str, Person]
) -> None:
    blocks = minutes_blocks(replace(meeting, items=meeting.items[:2]), people=people)
    document = reopen(write_docx(blocks, title="t", author="a", created=CREATED))
    assert texts(document) == [b.text for b in blocks]


def test_a_councils_own_template_gets_the_missing_house_styles(
    meeting: Meeting, people: dict[str, Person], tmp_path: Path
) -> None:
    own = tmp_path / "council.docx"
    docx.Document().save(str(own))
    data = render_docx(meeting, "minutes", people=people, author="Clerk", created=CREATED,
                       confidential=True, language="cy-GB", style_path=own)
    document = reopen(data)
    used = {p.style.name for p in document.paragraphs}
    assert {"Heading 1", "Heading 3", "Resolution", "Detail", "List Bullet", "Marking"} <= used
    assert document.core_properties.language == "cy-GB"
    assert 'w:lang w:val="cy-GB"' in all_xml(data)
    listed = [p for p in document.paragraphs if p.style.name == "Resolution"]
    assert all(p._p.pPr.numPr is not None for p in listed)
    assert "NOT FOR PUBLICATION" in [p.text for p in document.sections[0].header.paragraphs]


def test_a_house_style_that_is_not_a_word_file_is_named(
    meeting: Meeting, people: dict[str, Person], tmp_path: Path
) -> None:
    bad = tmp_path / "style.docx"
    bad.write_text("not a zip")
    with pytest.raises(MinutebookError, match="cannot be read as a Word document"):
        render_docx(meeting, "minutes", people=people, author="Clerk", created=CREATED,
                    style_path=bad)
    with pytest.raises(MinutebookError, match="does not exist"):
        render_docx(meeting, "minutes", people=people, author="Clerk", created=CREATED,
                    style_path=tmp_path / "missing.docx")


def test_rendering_imports_only_what_it_needs(project_root: Path) -> None:
    code = (
        "import sys, datetime as dt\n"
        "from workflow.record.model import Meeting\n"
        "from workflow.render.word import render_docx\n"
        "m = Meeting(id='c/2027-01-14', committee='c', date=dt.date(2027, 1, 14))\n"
        "render_docx(m, 'minutes', people={}, author='a', created=dt.datetime(2027, 1, 1))\n"
        "print(sorted(n for n in ('docx', 'textual', 'git', 'cerberus', 'schemas') "
        "if n in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=project_root, check=True)
    assert done.stdout.strip() == "['docx']"
