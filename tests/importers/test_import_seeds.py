"""The five real seed documents import with the facts their text states."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from schemas import validate
from workflow.importers import MissingDetail, import_file
from workflow.importers.accounting import LABELS
from workflow.record.codec import encode
from workflow.record.model import AttendanceState, ItemKind, Role, Status

SEEDS = {
    "000": "000_7e16a4421008c2b1.txt",
    "001": "001_b658104d70fdaac4.txt",
    "002": "002_6f5f782f4187fa4b.txt",
    "003": "003_67f0d65bf4589782.txt",
    "004": "004_3326984954f44949.txt",
}
COMMITTEE_003 = "education-and-childrens-services-scrutiny-board-2"


def _import(seeds_dir: Path, key: str):  # type: ignore[no-untyped-def]
    if key == "003":
        return import_file(seeds_dir / SEEDS[key], committee=COMMITTEE_003, date=dt.date(2019, 7, 25))
    return import_file(seeds_dir / SEEDS[key])


@pytest.mark.parametrize(
    ("key", "date", "start", "closed", "numbers"),
    [
        ("000", dt.date(2018, 6, 21), dt.time(14, 0), None, range(1, 9)),
        ("001", dt.date(2017, 7, 13), dt.time(10, 0), None, range(5, 11)),
        ("002", dt.date(2017, 10, 12), dt.time(14, 0), dt.time(15, 30), range(18, 25)),
        ("003", dt.date(2019, 7, 25), None, None, range(6, 11)),
        ("004", dt.date(2019, 2, 4), dt.time(14, 30), dt.time(14, 50), range(6, 12)),
    ],
)
def test_seed_meeting_facts(seeds_dir: Path, key: str, date: dt.date, start: dt.time | None,
                            closed: dt.time | None, numbers: range) -> None:
    result = _import(seeds_dir, key)
    meeting = result.meeting
    assert meeting.date == date
    assert meeting.start == start
    assert meeting.closed == closed
    assert [i.agenda_number for i in meeting.items] == [str(n) for n in numbers]
    assert meeting.status is Status.MINUTES_APPROVED
    assert all(i.title for i in meeting.items)
    assert result.report.not_understood == ()


def test_seed_000_titles_and_resolutions(seeds_dir: Path) -> None:
    meeting = _import(seeds_dir, "000").meeting
    assert meeting.committee == "education-and-childrens-services-scrutiny-board-2"
    assert meeting.committee_name == "Education and Children's Services Scrutiny Board (2)"
    assert meeting.venue == "Committee Room 3 - Council House"
    assert meeting.contact.phone == "024 7683 3111"
    assert meeting.contact.email == "michelle.rose@coventry.gov.uk"
    titles = [i.title for i in meeting.items]
    assert titles[0] == "Declarations of Interests"
    assert titles[2] == "Corporate Parenting and the Corporate Parenting Board"
    assert titles[-1] == "Any Other Business"
    item3 = meeting.items[2]
    assert [r.label for r in item3.resolutions] == ["(a)", "(b)"]
    assert item3.report is not None
    assert item3.report.author == "Deputy Chief Executive (People)"
    assert item3.documents[0].size == "PDF 55 KB"
    item5 = meeting.items[4]
    assert item5.resolved_intro == "that the Board:"
    assert [r.label for r in item5.resolutions] == ["(a)", "(b)"]
    work = meeting.items[6]
    assert work.kind is ItemKind.WORK_PROGRAMME
    assert work.report is not None
    assert work.report.kind == "Briefing Note"
    assert work.report.author == "Scrutiny Co-ordinator"
    declarations = meeting.items[0]
    assert declarations.declarations == ()
    assert declarations.body[0].text == "There were no declarations of interest."  # type: ignore[union-attr]


def test_seed_001_labels_nesting_and_truncation(seeds_dir: Path) -> None:
    result = _import(seeds_dir, "001")
    items = {i.agenda_number: i for i in result.meeting.items}
    assert [r.label for r in items["8"].resolutions] == ["1)", "2)", "3)"]
    assert items["8"].incomplete
    assert items["7"].incomplete
    assert "Further to Minute 3/17" in items["8"].body[0].text  # type: ignore[union-attr]
    nine = items["9"].resolutions
    assert [r.label for r in nine] == ["1)", "2)", "3)"]
    assert [c.text for c in nine[0].children] == [
        "the task and finish group", "private fostering",
        "special and alternative provision including home schooling",
    ]
    assert len(nine[1].children) == 2
    assert nine[2].children == ()
    truncations = [x for x in result.report.ignored if "view the full minutes text" in x.text]
    assert [x.number for x in truncations] == [80, 140]


def test_seed_002_attendance(seeds_dir: Path) -> None:
    meeting = _import(seeds_dir, "002").meeting
    people = {a.name: a for a in meeting.attendance}
    assert people["Councillor M Mutton"].role is Role.CHAIR
    assert people["Councillor R Brown"].substitute_for == "Councillor D Kershaw"
    assert people["Councillor D Kershaw"].state is AttendanceState.APOLOGIES
    assert people["Councillor A Lucas"].state is AttendanceState.PRESENT
    assert people["Councillor B Kaur"].role is Role.CABINET_MEMBER
    assert people["L Pardy-McLaughlin"].directorate == "People"
    assert people["P Smith"].role is Role.OFFICER
    assert people["R Potter"].state is AttendanceState.APOLOGIES
    assert meeting.council == "Coventry City Council"
    minutes = meeting.items[1]
    assert any("Further to Minute 14/17" in b.text for b in minutes.body)  # type: ignore[union-attr]


def test_seed_003_needs_committee_and_date(seeds_dir: Path) -> None:
    with pytest.raises(MissingDetail, match="--committee SLUG"):
        import_file(seeds_dir / SEEDS["003"])
    with pytest.raises(MissingDetail, match="--date YYYY-MM-DD"):
        import_file(seeds_dir / SEEDS["003"], committee=COMMITTEE_003)
    meeting = _import(seeds_dir, "003").meeting
    assert meeting.id == f"{COMMITTEE_003}/2019-07-25"
    minutes = meeting.items[1]
    assert minutes.approves == (f"{COMMITTEE_003}/2019-03-21", f"{COMMITTEE_003}/2019-06-20")
    assert len(minutes.body[-1].bullets) == 3  # type: ignore[union-attr]


def test_seed_004_unlabelled_resolutions(seeds_dir: Path) -> None:
    meeting = _import(seeds_dir, "004").meeting
    items = {i.agenda_number: i for i in meeting.items}
    for number in ("8", "9"):
        assert len(items[number].resolutions) == 1
        assert items[number].resolutions[0].label == ""
    assert items["9"].resolutions[0].text.endswith("Annual Report 2017/18.")
    officers = [a for a in meeting.attendance if a.role is Role.OFFICER]
    assert [(a.name, a.directorate) for a in officers] == [
        ("J Gregg", "People"), ("P Smith", "People"), ("S Bennett", "Place"),
    ]
    seaman = meeting.attendance[0]
    assert seaman.role is Role.CABINET_MEMBER
    assert meeting.attendance[1].role is Role.SHADOW_CABINET_MEMBER
    priorities = [b for b in items["9"].body if hasattr(b, "bullets")]
    assert len(priorities[0].bullets) == 11  # type: ignore[union-attr]


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_seed_lines_all_accounted_for(seeds_dir: Path, key: str) -> None:
    result = _import(seeds_dir, key)
    report = result.report
    assert report.not_understood == ()
    assert report.flagged == ()
    reasons = {line.reason for line in report.ignored}
    assert reasons <= {"web page link", "table heading", "list heading of the web page", LABELS}
    assert validate("meeting", encode(result.meeting)).ok
