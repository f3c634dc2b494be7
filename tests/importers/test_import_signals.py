"""One fixture per layout signal the importer recognises (``tests/fixtures/import/sig-*``):
each imports into the structure its text states, and nothing of it is dropped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from corpus_measure import texts, words

from workflow.importers import import_file, import_text
from workflow.importers.accounting import NOT_PLACED
from workflow.record.codec import encode
from workflow.record.model import (
    AttendanceState,
    Item,
    ItemKind,
    Meeting,
    MotionOutcome,
    Role,
    Status,
)


def _placed(meeting: Meeting) -> list[Item]:
    """The items, without "Not yet placed" (text before the first item, kept to review)."""
    return [i for i in meeting.items if i.title != NOT_PLACED]


def test_title_then_item_number_underneath(fixtures: Path) -> None:
    result = import_file(fixtures / "sig-item-below.txt")
    meeting = result.meeting
    assert meeting.id == "planning-committee/2025-03-11"
    assert meeting.council == "Eastbrook District Council"
    assert [(i.agenda_number, i.title) for i in meeting.items] == [
        ("1", "Apologies for Absence"), ("2", "Declarations of Interest"),
        ("3", "Land at Mill End, Eastbrook - 24/00123/FUL"),
        ("4", "Allotment Pavilion, Mill End - 24/00150/FUL")]
    people = {a.name: a for a in meeting.attendance}
    assert people["Councillor A Booth"].role is Role.CHAIR
    assert people["Councillor J Iqbal"].role is Role.OTHER_MEMBER
    assert "M Nash" in people
    assert people["M Nash"].role is not Role.VICE_CHAIR
    assert people["Councillor P Quinn"].state is AttendanceState.APOLOGIES
    assert meeting.items[1].declarations[0].regarding == "4"
    assert meeting.closed == dt.time(19, 40)


@pytest.mark.parametrize(("heading", "number", "minute"), [
    ("CAB 12/25 Declarations of Interest", "", "CAB 12/25"),
    ("P.123 Declarations of Interest", "", "P.123"),
    ("21.44 Declarations of Interest", "21.44", ""),
    ("Cou/285/07-08 Declarations of Interest", "", "Cou/285/07-08"),
    ("Minute No. 39 Declarations of Interest", "", "Minute No. 39"),
    ("C048/23 1. Declarations of Interest", "1", "C048/23"),
    ("84. (Item 3) Declarations of Interest", "3", "84"),
    ("(139) Declarations of Interest", "139", ""),
    ("ITEM - 7 Declarations of Interest", "7", ""),
    ("4.01) Declarations of Interest", "4.01", ""),
])
def test_minute_references_are_kept_as_written(heading: str, number: str, minute: str) -> None:
    text = "\n\n".join([
        "Minutes of the Meeting of Harwick Cabinet held on Monday 14 April 2025",
        "Present: Councillor A Ruiz (Chair), Councillor B Sato",
        heading,
        "There were no declarations of interest.",
        "Next Business",
        "RESOLVED that the report be noted.",
    ])
    item = import_text(text, source="refs.txt").meeting.items[0]
    assert (item.agenda_number, item.title) == (number, "Declarations of Interest")
    assert item.minute_number == (minute or number)


def test_prefixed_minute_references(fixtures: Path) -> None:
    meeting = import_file(fixtures / "sig-minute-refs.txt").meeting
    assert [i.minute_number for i in meeting.items] == ["CAB 12/25", "CAB 13/25", "CAB 14/25"]
    assert [r.label for r in meeting.items[2].resolutions] == ["(a)", "(b)"]


@pytest.mark.parametrize("name", ["sig-parish.md", "sig-parish.html"])
def test_parish_minutes_in_markdown_and_html(fixtures: Path, name: str) -> None:
    result = import_file(fixtures / name)
    meeting = result.meeting
    assert meeting.id == "little-marsh-parish-council/2025-04-07"
    assert meeting.venue == "the Village Hall"
    assert [(i.agenda_number, i.title) for i in meeting.items] == [
        ("1", "To consider accepting apologies for absence"), ("2", "To receive declarations of interest"),
        ("3", "To consider the quotation for the play area fence"), ("4", "Correspondence")]
    fence = meeting.items[2].motions[0]
    assert (fence.mover, fence.seconder, fence.outcome) == ("Cllr Day", "Cllr Ames", MotionOutcome.CARRIED)
    assert meeting.items[2].resolutions[0].text == "that the quotation of £2,400 from Marsh Fencing be accepted."
    assert meeting.items[0].body[0].text == "Apologies were received from Cllr J Fox."  # type: ignore[union-attr]
    assert [a.name for a in meeting.attendance][:4] == ["Cllr D Ames", "Cllr E Byrne", "Cllr F Cole", "Cllr G Day"]
    assert meeting.closed == dt.time(20, 55)


def test_html_lines_are_numbered_as_in_the_source(fixtures: Path) -> None:
    result = import_file(fixtures / "sig-parish.html")
    ignored = {x.number for x in result.report.ignored}
    source = (fixtures / "sig-parish.html").read_text().splitlines()
    for number in ignored | {x.number for x in result.report.flagged}:
        assert 1 <= number <= len(source)


def test_north_american_minutes(fixtures: Path) -> None:
    meeting = import_file(fixtures / "sig-north-american.txt").meeting
    assert meeting.id == "council/2025-03-04"
    assert meeting.council == "City Of Pine Hollow"
    assert meeting.start == dt.time(19, 0)
    assert [i.agenda_number for i in meeting.items] == ["1", "2", "3", "4", "4.1"]
    people = {a.name: a for a in meeting.attendance}
    assert people["Councilmember V. Ford"].state is AttendanceState.ABSENT
    assert people["W. Gray"].role is Role.OFFICER
    agenda = meeting.items[2].motions[0]
    assert (agenda.mover, agenda.seconder, agenda.outcome) == (
        "Councilmember Blake", "Councilmember Chen", MotionOutcome.CARRIED)
    rates = meeting.items[4]
    assert [r.label for r in rates.resolutions] == ["2025-123"]
    vote = rates.motions[0].vote
    assert vote is not None
    assert vote.for_names == ("Councilmember Blake", "Councilmember Chen", "Councilmember Diaz",
                              "Councilmember Evers")
    assert vote.against_names == ("Mayor Ortega",)


def test_irish_minutes(fixtures: Path) -> None:
    meeting = import_file(fixtures / "sig-irish.txt").meeting
    assert meeting.id == "kilmantan-county-council/2025-03-03"
    chair = meeting.attendance[0]
    assert (chair.name, chair.role) == ("Councillor M. Byrne", Role.PRESIDING)
    minutes, report, land = _placed(meeting)
    assert minutes.kind is ItemKind.MINUTES
    assert (minutes.motions[0].mover, minutes.motions[0].seconder) == ("Cllr Doyle", "Cllr Walsh")
    assert minutes.resolutions[0].text.startswith('"That the Minutes of the Ordinary Meeting')
    assert report.title == "CHIEF EXECUTIVE'S REPORT"
    assert land.motions[0].outcome is MotionOutcome.CARRIED
    assert land.resolutions[0].text == '"That the disposal of 0.2 hectares at Ballynagran be approved."'
    officers = [a for a in meeting.attendance if a.role is Role.OFFICER]
    assert [(a.name, a.capacity) for a in officers] == [
        ("Ms S. Kelly", "Chief Executive"), ("Mr T. Nolan", "Meetings Administrator")]


def test_single_item_extract(fixtures: Path) -> None:
    meeting = import_file(fixtures / "sig-extract.txt").meeting
    assert meeting.id == "licensing-sub-committee/2025-03-06"
    assert meeting.status is Status.MINUTES_APPROVED
    assert [(i.agenda_number, i.title) for i in meeting.items] == [
        ("12", "Review of a Premises Licence - The Crown, High Street")]
    assert meeting.items[0].resolutions[0].text == "that the premises licence be suspended for three months."


def test_agenda_only(fixtures: Path) -> None:
    meeting = import_file(fixtures / "sig-agenda-only.txt").meeting
    assert meeting.status is Status.AGENDA_PUBLISHED
    assert meeting.venue == "Committee Room 1, Town Hall"
    assert [i.title for i in meeting.items] == [
        "Apologies for Absence", "Declarations of Interest", "Internal Audit Progress Report",
        "Annual Governance Statement 2024/25"]
    assert meeting.items[2].report is not None
    assert meeting.items[2].report.author == "Head of Internal Audit"


def test_closed_session_is_private_with_its_grounds(fixtures: Path) -> None:
    result = import_file(fixtures / "sig-closed-session.txt")
    meeting = result.meeting
    titles = [i.title for i in meeting.items]
    assert titles == ["Call to Order (6:00 p.m.)", "Authority to Resolve into a Closed Meeting of Council",
                      "Closed Meeting (6:05 p.m.)", "Personal Matters about an Identifiable Individual",
                      "Open Meeting (7:00 p.m.)", "Adjournment"]
    private = [i for i in meeting.items if i.exemption is not None]
    assert [i.title for i in private] == titles[2:4]
    assert all(i.exemption.paragraph is None for i in private)  # type: ignore[union-attr]
    assert all(i.exemption.grounds == "Section 239 (2) (b) of the Municipal Act"  # type: ignore[union-attr]
               for i in private)
    assert all(i.public_title == i.title for i in private)
    assert any("Schedule 12A paragraph" in w for w in result.report.warnings)
    adjourn = meeting.items[-1]
    assert adjourn.agenda_number == "2"
    assert adjourn.motions[0].vote is not None
    assert adjourn.motions[0].vote.for_count == 3


def test_text_without_line_breaks(fixtures: Path) -> None:
    result = import_file(fixtures / "sig-run-on.txt")
    meeting = result.meeting
    assert meeting.id == "grantville-city-council/1999-03-18"
    assert [(i.agenda_number, i.title) for i in _placed(meeting)] == [
        ("1", "CALL TO ORDER"), ("2", "APPROVAL OF MINUTES"), ("3", "STREET LIGHTING"), ("4", "ADJOURNMENT")]
    assert [a.name for a in meeting.attendance] == ["Mayor Ann Cole", "Ben Drake", "Cara Ellis", "Dan Frey"]
    lights = _placed(meeting)[2].motions[0]
    assert (lights.mover, lights.seconder, lights.outcome) == ("Frey", "Drake", MotionOutcome.CARRIED)
    assert lights.vote is not None
    assert lights.vote.unanimous
    assert any(x.text == "Page 2 of 6" for x in result.report.ignored)
    assert meeting.closed == dt.time(20, 15)


@pytest.mark.parametrize("name", sorted(p.name for p in (Path(__file__).resolve().parent.parent
                                                         / "fixtures" / "import").glob("sig-*")))
def test_signal_fixture_words_are_all_kept(fixtures: Path, name: str) -> None:
    result = import_file(fixtures / name)
    held = set(words(" ".join(texts(encode(result.meeting)))))
    held |= {w for x in result.report.ignored for w in words(x.text)}
    source = (fixtures / name).read_text(encoding="utf-8")
    if name.endswith(".html"):
        from workflow.importers.prepare import html_lines

        source = "\n".join(text for _, text in html_lines(source))
    lost = {w for w in words(source) if w not in held}
    assert lost == set()
    assert result.report.not_understood == ()
