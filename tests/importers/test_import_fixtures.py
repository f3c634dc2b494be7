"""Our own fixtures: one meeting in both text layouts and as Word, and one fixture per
kind of variation in design/variation.md."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from import_samples import docx_from_markdown

from workflow.importers import import_file, import_text
from workflow.importers.accounting import LABELS
from workflow.record.model import (
    AttendanceState,
    BulletList,
    InterestType,
    ItemKind,
    Meeting,
    MotionKind,
    MotionOutcome,
    Paragraph,
    Role,
    Status,
)


def _core_checks(meeting: Meeting) -> None:
    assert meeting.id == "housing-and-communities-scrutiny-board-4/2025-01-15"
    assert meeting.start == dt.time(14, 0)
    assert meeting.closed == dt.time(16, 5)
    assert [i.agenda_number for i in meeting.items] == [str(n) for n in range(31, 40)]
    items = {i.agenda_number: i for i in meeting.items}
    declaration = items["31"].declarations[0]
    assert declaration.member == "Councillor T Okafor"
    assert declaration.interest is InterestType.OTHER_REGISTRABLE
    assert (declaration.regarding, declaration.left_at, declaration.returned_at) == (
        "34", dt.time(14, 40), dt.time(15, 5))
    assert items["32"].approves == ("housing-and-communities-scrutiny-board-4/2024-12-11",)
    assert any("Further to Minute 27/24" in getattr(b, "text", "") for b in items["32"].body)
    assert [r.label for r in items["33"].resolutions] == ["(a)", "(b)"]
    assert items["33"].resolved_intro == "that the Board:"
    assert isinstance(items["33"].body[-1], BulletList)
    trust = items["34"].resolutions
    assert [r.label for r in trust] == ["1)", "2)"]
    assert [c.text for c in trust[0].children] == ["the repairs backlog", "tenant satisfaction"]
    assert items["38"].kind is ItemKind.EXCLUSION
    assert items["38"].exemption is None
    assert items["39"].exemption is not None
    assert items["39"].exemption.paragraph == 3
    assert meeting.status is Status.MINUTES_APPROVED


def test_core_webpage(fixtures: Path) -> None:
    result = import_file(fixtures / "core-webpage.txt")
    assert result.report.format == "webpage"
    _core_checks(result.meeting)
    items = {i.agenda_number: i for i in result.meeting.items}
    assert items["33"].report is not None
    assert items["33"].report.author == "Director of Housing"
    assert items["33"].documents[0].size == "PDF 112 KB"
    assert items["35"].incomplete
    assert items["32"].wording == ("a) To agree the minutes of the meeting held on 11th December, 2024",
                                   "b) Matters Arising")
    assert result.report.not_understood == ()


def test_core_printed(fixtures: Path) -> None:
    result = import_file(fixtures / "core-printed.md")
    assert result.report.format == "printed"
    _core_checks(result.meeting)
    meeting = result.meeting
    people = {a.name: a for a in meeting.attendance}
    assert people["Councillor H Adeyemi"].role is Role.CHAIR
    assert people["Councillor S Farrow"].substitute_for == "Councillor G Whitlock"
    assert people["Councillor G Whitlock"].state is AttendanceState.APOLOGIES
    assert people["D Lindqvist"].directorate == "Housing"
    assert people["A Murray"].directorate == "Law and Governance"
    assert people["Councillor D Marsh"].capacity == "Cabinet Member for Housing"
    assert meeting.council == "Northbridge City Council"
    assert result.report.not_understood == ()


@pytest.mark.parametrize("auto", [False, True], ids=["typed-numbers", "word-numbering"])
def test_core_docx(fixtures: Path, tmp_path: Path, auto: bool) -> None:
    path = tmp_path / "core.docx"
    path.write_bytes(docx_from_markdown((fixtures / "core-printed.md").read_text(), auto_number_headings=auto))
    result = import_file(path)
    assert result.report.format == "docx"
    _core_checks(result.meeting)
    assert result.report.not_understood == ()
    assert "33. Temporary Accommodation Pressures" in result.source_text


def test_docx_headings_without_numbers(tmp_path: Path) -> None:
    text = "\n".join([
        "# Minutes of the Meeting of Ridgeway Parish Council held on Monday 3 March 2025 at 7.30 pm",
        "Present: Councillor A Ford (Chair), Councillor B Gale",
        "## Village Hall Roof",
        "**RESOLVED that the lowest quotation be accepted.**",
        "## Footpath Survey",
        "- Stiles on path 12 need repair",
        "- Signage at the ford is missing",
    ])
    path = tmp_path / "ridgeway.docx"
    path.write_bytes(docx_from_markdown(text))
    meeting = import_file(path).meeting
    assert [(i.agenda_number, i.title) for i in meeting.items] == [
        ("", "Village Hall Roof"), ("", "Footpath Survey")]
    assert meeting.items[0].resolutions[0].text == "that the lowest quotation be accepted."
    assert meeting.items[1].body == (BulletList(bullets=(
        "Stiles on path 12 need repair", "Signage at the ford is missing")),)


def test_item_identity(fixtures: Path) -> None:
    meeting = import_file(fixtures / "var-item-identity.txt").meeting
    numbers = [(i.agenda_number, i.minute_number) for i in meeting.items]
    assert numbers == [("3", "PLA146/24"), ("4", "PLA147/24"), ("4.1", "4.1"), ("4.2", "4.2"),
                       ("5", "PLA148/24")]
    items = {i.agenda_number: i for i in meeting.items}
    assert items["4.1"].resolutions[0].text.startswith("That planning permission be granted")
    assert items["4.2"].resolved_word == "Decision"
    assert [r.label for r in items["5"].resolutions] == ["R2025-191", "R2025-192"]
    assert meeting.council == "Ashdown District Council"
    assert meeting.venue == "the Council Chamber, Civic Offices, Ashdown"
    assert meeting.closed == dt.time(20, 42)


def test_decision_wordings(fixtures: Path) -> None:
    result = import_file(fixtures / "var-decisions.txt")
    items = {i.agenda_number: i for i in result.meeting.items}
    play = items["2"]
    assert play.resolved_word == "Resolved"
    assert [r.label for r in play.resolutions] == ["(a)", "(b)", ""]
    assert [c.label for c in play.resolutions[0].children] == ["(i)", "(ii)"]
    assert play.resolutions[2].text == "that the Clerk write to the grant funder."
    rents = items["3"]
    assert rents.resolved_word == "Decision made"
    assert rents.motions[0].vote is not None
    assert rents.motions[0].vote.unanimous
    assert items["4"].resolved_word == "It was agreed"
    assert [r.label for r in items["5"].resolutions] == ["1.", "2."]
    assert [r.label for r in items["6"].resolutions] == ["(a)", "(b)", "(c)"]
    tree = items["7"]
    assert tree.motions[0].mover == "Councillor B Quayle"
    assert tree.motions[0].outcome is MotionOutcome.CARRIED
    assert tree.resolved_word == "Carried"
    news = items["8"]
    assert news.resolved_word == "Motion passed"
    assert news.motions[0].vote is not None
    assert (news.motions[0].vote.for_count, news.motions[0].vote.against_count) == (6, 0)
    assert result.meeting.closing_word == "concluded"
    apologies = [a for a in result.meeting.attendance if a.state is AttendanceState.APOLOGIES]
    assert [a.name for a in apologies] == ["Councillor E Thackeray"]


def test_motions_amendments_and_votes(fixtures: Path) -> None:
    meeting = import_file(fixtures / "var-motions.txt").meeting
    items = {i.agenda_number: i for i in meeting.items}
    motion, lost, carried = items["12"].motions
    assert (motion.mover, motion.seconder) == ("Councillor F Ambler", "Councillor G Birch")
    assert motion.vote is not None
    assert motion.vote.threshold == "75%"
    assert lost.kind is MotionKind.AMENDMENT
    assert lost.outcome is MotionOutcome.LOST
    assert lost.vote is not None
    assert (lost.vote.for_count, lost.vote.against_count, lost.vote.abstain_count) == (2, 4, 1)
    assert carried.substantive
    assert carried.outcome is MotionOutcome.CARRIED
    assert carried.vote is not None
    assert carried.vote.recorded
    assert carried.vote.requested_by == "Councillor H Coyle"
    assert len(carried.vote.for_names) == 5
    assert carried.vote.against_names == (
        "Councillor H Coyle", "Councillor I Dacre")
    assert carried.vote.abstain_names == ()
    assert carried.vote.abstain_count == 0
    extend = items["13"].motions[0]
    assert extend.kind is MotionKind.PROCEDURAL
    assert extend.vote is not None
    assert extend.vote.unanimous
    street = items["14"].motions[0]
    assert street.outcome is MotionOutcome.LOST
    assert street.vote is not None
    assert street.vote.casting_vote == "Mayor"
    mayor = meeting.attendance[0]
    assert (mayor.name, mayor.role) == ("Councillor R Olumide", Role.PRESIDING)


def test_attendance_variants(fixtures: Path) -> None:
    meeting = import_file(fixtures / "var-attendance.txt").meeting
    people = {a.name: a for a in meeting.attendance}
    assert people["Councillor Q Ingram"].role is Role.VICE_CHAIR
    assert people["Councillor R Jessop"].state is AttendanceState.REMOTE
    left = people["Councillor R Jessop"].left
    assert left is not None
    assert left.time == dt.time(11, 15)
    arrived = people["Councillor S Keogh"].arrived
    assert arrived is not None
    assert arrived.time == dt.time(10, 20)
    assert people["Mr T Lowry"].role is Role.CO_OPTED
    assert people["Ms U Moran"].capacity == "Applicant's solicitor"
    assert people["V Nolan"].role is Role.OFFICER
    assert people["V Nolan"].capacity == "Licensing Manager"
    assert people["Councillor X Pike"].state is AttendanceState.APOLOGIES
    assert meeting.chair_changes[0].person == "Councillor Q Ingram"
    assert meeting.chair_changes[0].from_item == "2"
    assert (meeting.closed, meeting.closing_word) == (dt.time(12, 10), "adjourned")


def test_declarations(fixtures: Path) -> None:
    items = {i.agenda_number: i for i in import_file(fixtures / "var-declarations.txt").meeting.items}
    whelan, yeats = items["4"].declarations
    assert whelan.interest is InterestType.PECUNIARY
    assert whelan.regarding == "6"
    assert (whelan.left_room, whelan.left_at, whelan.returned_at) == (True, dt.time(18, 55), dt.time(19, 20))
    assert yeats.interest is InterestType.NON_REGISTRABLE
    assert yeats.nature == "her son works for the contractor"
    assert items["5"].declarations[0].interest is InterestType.LOBBYING
    under_item = items["7"].declarations[0]
    assert under_item.interest is InterestType.SIGNIFICANT_OTHER
    assert under_item.regarding == ""
    assert "Standards Committee" in under_item.dispensation
    assert all("left the room" not in getattr(b, "text", "") for b in items["6"].body)


def test_sections_and_business_before_item_one(fixtures: Path) -> None:
    meeting = import_file(fixtures / "var-sections.txt").meeting
    first = meeting.items[0]
    assert first.kind is ItemKind.OTHER
    assert first.title == "Not yet placed"
    assert first.agenda_number == ""
    assert "tribute" in first.body[0].text  # type: ignore[union-attr]
    exempt = [i for i in meeting.items if i.exemption is not None]
    assert [(i.agenda_number, i.exemption.paragraph) for i in exempt] == [("23", 3)]  # type: ignore[union-attr]


def test_summons_agenda(fixtures: Path) -> None:
    result = import_file(fixtures / "var-summons.txt")
    meeting = result.meeting
    assert meeting.status is Status.AGENDA_PUBLISHED
    assert meeting.committee == "overview-and-scrutiny-committee"
    assert (meeting.date, meeting.start) == (dt.date(2025, 5, 22), dt.time(19, 0))
    assert meeting.venue == "the Council Offices, Market Street"
    assert meeting.attendance == ()
    leisure = meeting.items[2]
    assert leisure.report is not None
    assert leisure.report.to_follow
    assert any("AMENDED AGENDA" in w for w in result.report.warnings)
    assert {line.reason for line in result.report.ignored} == {"summons letter", LABELS}
    assert result.report.flagged == ()


def test_draft_marker_and_no_closing_time(fixtures: Path) -> None:
    result = import_file(fixtures / "var-draft.txt")
    assert result.meeting.status is Status.MINUTES_PUBLISHED
    assert result.meeting.closed is None
    assert any("DRAFT" in w for w in result.report.warnings)


def test_extraction_noise_is_reported_not_dropped(fixtures: Path) -> None:
    result = import_file(fixtures / "var-noise.txt")
    items = {i.agenda_number: i for i in result.meeting.items}
    body = [b.text for b in items["8"].body if isinstance(b, Paragraph)]
    assert body == [
        "The Panel considered the gritting routes and noted that the salt stock stood at 4,200 tonnes.",
        "The Panel asked officers to review the routes serving rural schools before October.",
    ]
    assert [r.label for r in items["8"].resolutions] == ["1.", "2."]
    ignored = {(x.number, x.text, x.reason) for x in result.report.ignored}
    assert (7, "Page 3", "page number inside the text") in ignored
    assert (13, "7", "page number") in ignored
    assert (9, "Westmoor County Council Highways Panel - 6 June 2025", "repeated page header") in ignored
    assert result.report.not_understood == ()


@pytest.mark.parametrize("name", sorted(p.name for p in (Path(__file__).resolve().parent.parent
                                                         / "fixtures" / "import").glob("*.*")))
def test_every_line_is_placed_or_reported(fixtures: Path, name: str) -> None:
    text = (fixtures / name).read_text(encoding="utf-8")
    result = import_text(text, source=name)
    reported = {x.number for x in (*result.report.ignored, *result.report.not_understood)}
    in_record = _record_text(result.meeting)
    for number, line in enumerate(text.splitlines(), start=1):
        words = [w for w in line.replace("*", " ").replace("#", " ").split() if len(w) > 3 and w.isalpha()]
        if not words or number in reported or STRUCTURE.match(line):
            continue
        assert any(w.lower() in in_record for w in words), f"line {number} lost: {line!r}"


STRUCTURE = re.compile(
    r"^(?:employees \(by directorate\):|draft|amended agenda|(?:abstain|absent): none|"
    r"resolved that:|part [12] - .*)$",
    re.I,
)
"""Lines that carry structure only (a state, a section, an empty vote list), no words to keep."""


def _record_text(meeting: Meeting) -> str:
    """The record as saved, its dates and times also written out, in lower case."""
    from corpus_measure import texts

    from workflow.record.codec import encode

    return " ".join(texts(encode(meeting))).lower()
