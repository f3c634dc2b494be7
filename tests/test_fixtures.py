"""The recorded data files: the demo archive in ``templates/sample`` and the test fixtures.

Lives here: checks that every sample and fixture file reads back into the model and is
written again byte for byte, validates against the schemas, tells a consistent story
(approval chains, running minute numbers, exempt content kept apart), uses its template's
fields, and that the seed fixtures hold the facts of the published seed documents.
Must not live here: tests of the codec, the schemas or the templates themselves.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from schemas import ValidationContext, validate
from workflow.record.codec import (
    decode,
    decode_meeting,
    dump_yaml,
    encode,
    encode_meeting,
    load_yaml,
)
from workflow.record.model import (
    AttendanceState,
    Attendee,
    BulletList,
    Committee,
    ItemKind,
    Meeting,
    MeetingKind,
    Paragraph,
    Person,
    Role,
    Status,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "templates" / "sample"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = dt.date(2026, 11, 25)
TEMPLATE_SLUGS = (
    "scrutiny-board",
    "cabinet-member-decision",
    "cabinet",
    "full-council",
    "full-council-budget",
    "planning-committee",
    "licensing-sub-committee",
)


def _exempt_path(path: Path) -> Path:
    return path.with_name(path.name.removesuffix(".yaml") + ".exempt.yaml")


def _meeting_files() -> list[Path]:
    sample = sorted(SAMPLE.glob("meetings/*/*/meeting.yaml"))
    fixtures = sorted(
        p for p in FIXTURES.glob("*/*.yaml") if not p.name.endswith(".exempt.yaml")
    )
    return sample + fixtures


def _texts(path: Path) -> tuple[str, str | None]:
    exempt = _exempt_path(path)
    return path.read_text("utf-8"), (exempt.read_text("utf-8") if exempt.exists() else None)


def _load(path: Path) -> Meeting:
    public, exempt = _texts(path)
    return decode_meeting(public, exempt, where=str(path.relative_to(ROOT)))


def _people() -> tuple[Person, ...]:
    data = load_yaml((SAMPLE / "people" / "register.yaml").read_text("utf-8"))
    return tuple(decode(Person, p) for p in data["people"])


def _register_context() -> ValidationContext:
    return ValidationContext(people=frozenset(p.id for p in _people()))


def _sample_meetings() -> dict[str, Meeting]:
    meetings = (_load(p) for p in sorted(SAMPLE.glob("meetings/*/*/meeting.yaml")))
    return {m.id: m for m in meetings}


def _ids(paths: list[Path]) -> list[str]:
    return [str(p.relative_to(ROOT)) for p in paths]


MEETING_FILES = _meeting_files()


# ------------------------------------------------------------------ round trip and schemas


@pytest.mark.parametrize("path", MEETING_FILES, ids=_ids(MEETING_FILES))
def test_meeting_file_reads_and_writes_back_byte_for_byte(path: Path) -> None:
    public, exempt = _texts(path)
    assert encode_meeting(_load(path)) == (public, exempt)


@pytest.mark.parametrize("path", MEETING_FILES, ids=_ids(MEETING_FILES))
def test_meeting_file_validates_without_errors(path: Path) -> None:
    data = encode(_load(path))
    is_seed = path.parent.name == "seeds"
    report = validate("meeting", data, context=None if is_seed else _register_context())
    assert report.problems == (), [f"{p.path}: {p.message}" for p in report.problems]


def test_people_register_and_committees_write_back_and_validate() -> None:
    context = _register_context()
    register = (SAMPLE / "people" / "register.yaml").read_text("utf-8")
    assert dump_yaml({"people": [encode(p) for p in _people()]}) == register
    assert validate("people", load_yaml(register), context=context).problems == ()
    committee_files = sorted((SAMPLE / "committees").glob("*.yaml"))
    assert len(committee_files) >= 3
    for path in committee_files:
        text = path.read_text("utf-8")
        committee = decode(Committee, load_yaml(text))
        assert committee.slug == path.stem
        assert dump_yaml(encode(committee)) == text
        assert validate("committee", load_yaml(text), context=context).problems == ()


def test_a_wrong_field_in_a_fixture_is_caught_by_the_schema() -> None:
    data = encode(_load(FIXTURES / "templates" / "full-council.yaml"))
    data["items"][2]["resolutions"] = [{"label": "(a)", "text": "Bad \x0b text"}]
    report = validate("meeting", data, context=_register_context())
    assert any(p.path.startswith("items[2].resolutions[0]") for p in report.errors)


# ------------------------------------------------------------------ the sample archive


def test_sample_meetings_sit_where_their_ids_say_and_name_known_committees() -> None:
    committees = {p.stem for p in (SAMPLE / "committees").glob("*.yaml")}
    meetings = _sample_meetings()
    assert len(meetings) >= 5
    for meeting_id, meeting in meetings.items():
        assert (SAMPLE / "meetings" / meeting_id / "meeting.yaml").is_file()
        assert meeting.committee in committees
        assert meeting_id == f"{meeting.committee}/{meeting.date.isoformat()}"


def test_sample_covers_the_lifecycle_and_a_future_draft_agenda() -> None:
    meetings = _sample_meetings().values()
    states = {m.status for m in meetings}
    assert {Status.AGENDA_DRAFT, Status.MINUTES_DRAFT, Status.MINUTES_CIRCULATED,
            Status.MINUTES_APPROVED} <= states
    drafts = [m for m in meetings if m.status is Status.AGENDA_DRAFT]
    assert all(m.date > TODAY for m in drafts)
    assert any(m.date.year == 2027 for m in drafts)


def test_sample_approval_chain_is_consistent() -> None:
    meetings = _sample_meetings()
    approved = [m for m in meetings.values() if m.status is Status.MINUTES_APPROVED]
    assert approved
    for meeting in approved:
        assert meeting.approval is not None
        at = meetings[meeting.approval.at]
        minutes = [i for i in at.items if meeting.id in i.approves]
        assert len(minutes) == 1
        assert minutes[0].kind is ItemKind.MINUTES
        assert meeting.approval.minute == minutes[0].minute_number
        assert meeting.approval.on == at.date > meeting.date
    for meeting in meetings.values():
        for item in meeting.items:
            for target in item.approves:
                assert meetings[target].date < meeting.date
                assert meetings[target].committee == meeting.committee


def _municipal_year(day: dt.date) -> int:
    return day.year if day.month >= 5 else day.year - 1


def test_sample_numbers_run_on_within_each_municipal_year() -> None:
    by_committee: dict[tuple[str, int], list[Meeting]] = {}
    for meeting in _sample_meetings().values():
        key = (meeting.committee, _municipal_year(meeting.date))
        by_committee.setdefault(key, []).append(meeting)
    for meetings in by_committee.values():
        expected = 1
        for meeting in sorted(meetings, key=lambda m: m.date):
            agenda = [i.agenda_number for i in meeting.items]
            assert agenda == [i.minute_number for i in meeting.items], meeting.id
            minutes = [int(i.minute_number) for i in meeting.items]
            assert minutes == list(range(expected, expected + len(minutes))), meeting.id
            expected += len(minutes)


def test_sample_scrutiny_meeting_has_full_attendance_and_a_pecuniary_interest() -> None:
    meeting = _sample_meetings()["children-scrutiny-board/2026-09-17"]
    roles = Counter(a.role for a in meeting.attendance)
    assert roles[Role.CHAIR] == 1
    assert roles[Role.CABINET_MEMBER] >= 1
    assert roles[Role.OFFICER] >= 3
    assert any(a.substitute_for for a in meeting.attendance)
    assert any(a.state is AttendanceState.APOLOGIES for a in meeting.attendance)
    assert len({a.directorate or _directorate(a) for a in meeting.attendance
                if a.role is Role.OFFICER}) >= 2
    assert all(a.state is not AttendanceState.NOT_RECORDED for a in meeting.attendance)
    declarations = [d for i in meeting.items for d in i.declarations]
    assert any(d.interest.value == "pecuniary" and d.left_room for d in declarations)
    labelled = [i for i in meeting.items if [r.label for r in i.resolutions] == ["(a)", "(b)"]]
    assert labelled
    assert any(i.actions for i in meeting.items)
    assert any(isinstance(b, BulletList) for i in meeting.items for b in i.body)
    assert meeting.closed is not None


def _directorate(attendee: Attendee) -> str:
    return {p.id: p.directorate for p in _people()}[attendee.person]


def test_sample_exempt_content_is_kept_out_of_the_public_file() -> None:
    path = SAMPLE / "meetings" / "children-scrutiny-board" / "2026-10-22" / "meeting.yaml"
    meeting = _load(path)
    public = path.read_text("utf-8")
    kinds = [i.kind for i in meeting.items]
    exempt = [n for n, i in enumerate(meeting.items) if i.exemption is not None]
    assert exempt
    assert all(kinds[n - 1] is ItemKind.EXCLUSION for n in exempt)
    assert all(meeting.items[n].exemption.paragraph == 3 for n in exempt)
    secret_texts = [meeting.items[n].title for n in exempt]
    for item in meeting.items:
        if item.exemption is None:
            secret_texts += [b.text for b in item.body
                             if isinstance(b, Paragraph) and b.exemption is not None]
    assert len(secret_texts) >= 2
    assert any(d.exemption is not None for i in meeting.items for d in i.documents)
    for text in secret_texts:
        assert text not in public
    assert decode_meeting(public).is_redacted


def test_sample_executive_and_planning_meetings_use_their_fields() -> None:
    meetings = _sample_meetings().values()
    executive = [i for m in meetings if m.template == "cabinet-member-decision" for i in m.items]
    assert any(i.key_decision and i.decision_record for i in executive)
    planning = [i.planning for m in meetings for i in m.items if i.planning is not None]
    assert any(p.speakers and p.conditions for p in planning)


def test_sample_committee_membership_changes_over_time() -> None:
    text = (SAMPLE / "committees" / "children-scrutiny-board.yaml").read_text("utf-8")
    board = decode(Committee, load_yaml(text))
    roles = [m.role for m in board.membership]
    assert board.template == "scrutiny-board"
    assert board.quorum == 3
    assert Role.CHAIR in roles
    assert Role.VICE_CHAIR in roles
    assert any(m.end is not None for m in board.membership)
    people = {p.id for p in _people()}
    assert {m.person for m in board.membership} <= people


def test_sample_readme_says_the_data_is_fictional() -> None:
    assert "fictional" in (SAMPLE / "README.md").read_text("utf-8").lower()


# ------------------------------------------------------------------ template fixtures


def _template_standing_kinds(slug: str, kind: MeetingKind) -> Counter[str]:
    data = load_yaml((ROOT / "templates" / f"{slug}.yaml").read_text("utf-8"))
    while "standing_items" not in data and data.get("extends"):
        data = load_yaml((ROOT / "templates" / f"{data['extends']}.yaml").read_text("utf-8"))
    return Counter(
        s["kind"] for s in data.get("standing_items") or []
        if kind.value in s.get("when", [kind.value])
    )


FIELD_CHECKS = {
    "scrutiny-board": lambda m: m.kind is MeetingKind.SPECIAL,
    "cabinet-member-decision": lambda m: any(
        i.key_decision and i.decision_record for i in m.items),
    "cabinet": lambda m: m.private_notice is not None and any(i.exemption for i in m.items),
    "full-council": lambda m: any(
        mo.substantive and mo.outcome.value == "carried" and mo.mover and mo.seconder
        for i in m.items if i.kind is ItemKind.NOTICE_OF_MOTION for mo in i.motions),
    "full-council-budget": lambda m: m.kind is MeetingKind.BUDGET and any(
        mo.vote and mo.vote.recorded and mo.vote.for_names and mo.vote.against_names
        for i in m.items for mo in i.motions),
    "planning-committee": lambda m: any(
        i.planning and i.planning.speakers and i.planning.conditions for i in m.items),
    "licensing-sub-committee": lambda m: any(
        i.licensing and i.licensing.parties and i.licensing.exclusion_regulation
        for i in m.items),
}


@pytest.mark.parametrize("slug", TEMPLATE_SLUGS)
def test_template_fixture_uses_its_template(slug: str) -> None:
    meeting = _load(FIXTURES / "templates" / f"{slug}.yaml")
    assert meeting.template == slug
    assert FIELD_CHECKS[slug](meeting)
    kinds = Counter(i.kind.value for i in meeting.items)
    missing = _template_standing_kinds(slug, meeting.kind) - kinds
    assert not missing, f"standing items missing from the fixture: {dict(missing)}"
    if meeting.kind in (MeetingKind.SPECIAL, MeetingKind.BUDGET):
        assert ItemKind.ANY_OTHER_BUSINESS.value not in kinds


# ------------------------------------------------------------------ seed fixtures

SEED_FIXTURES = sorted(
    p for p in (FIXTURES / "seeds").glob("*.yaml") if not p.name.endswith(".exempt.yaml")
)
_NUMBER_LINE = re.compile(r"^(\d+)\.\n\n(.+)$", re.M)
_HEADING = re.compile(
    r"^(?=.*(?:#|\*\*))(?:#{1,6} +)?(?:\*\*)?(\d+)\. +(?:\*\*)?(.+?)(?:\*\*)?[ \t]*$", re.M
)
_LABEL = re.compile(r"^[ \t]*(\([a-z]\)|\d\))\s", re.M)
_BULLET = re.compile(r"^[ \t]*(?:·|- |\d+\.\s)", re.M)
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def _seed_sections(text: str) -> list[tuple[str, str, str]]:
    """(number, title, section text) for each item of a seed document."""
    pattern = _NUMBER_LINE if "\nItems\nNo. Item" in text else _HEADING
    found = list(pattern.finditer(text))
    out = []
    for n, match in enumerate(found):
        end = found[n + 1].start() if n + 1 < len(found) else len(text)
        title = re.sub(r"\s*pdf icon PDF.*$", "", match.group(2)).strip()
        out.append((match.group(1), title, text[match.end():end]))
    return out


def _seed_text(seeds_dir: Path, fixture: Path) -> str:
    return (seeds_dir / f"{fixture.stem}.txt").read_text("utf-8")


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _clock(time: dt.time) -> str:
    hour = time.hour % 12 or 12
    return rf"{hour}\.{time.minute:02d}\s?{'pm' if time.hour >= 12 else 'am'}"


def test_seed_fixtures_cover_the_required_seeds() -> None:
    stems = {p.stem[:3] for p in SEED_FIXTURES}
    assert {"000", "002"} <= stems


@pytest.mark.parametrize("fixture", SEED_FIXTURES, ids=[p.stem for p in SEED_FIXTURES])
def test_seed_fixture_items_match_the_seed(seeds_dir: Path, fixture: Path) -> None:
    meeting = _load(fixture)
    sections = _seed_sections(_seed_text(seeds_dir, fixture))
    assert [(i.minute_number, i.title) for i in meeting.items] == [(n, t) for n, t, _ in sections]
    for item, (_, _, body) in zip(meeting.items, sections, strict=True):
        assert [r.label for r in item.resolutions if r.label] == _LABEL.findall(body), item.title
        assert bool(item.resolutions) == ("RESOLVED" in body), item.title
        bullets = sum(len(b.bullets) for b in item.body if isinstance(b, BulletList))
        assert bullets == len(_BULLET.findall(body)), item.title
        if item.report is not None:
            phrase = f"{item.report.kind} of the {item.report.author}".lower()
            assert phrase in body.lower(), item.title


@pytest.mark.parametrize("fixture", SEED_FIXTURES, ids=[p.stem for p in SEED_FIXTURES])
def test_seed_fixture_header_matches_the_seed(seeds_dir: Path, fixture: Path) -> None:
    meeting = _load(fixture)
    text = _seed_text(seeds_dir, fixture)
    header = text[: text.find("Items") if "Items" in text else 400]
    day = meeting.date
    month = _MONTHS[day.month - 1]
    dates = (f"{_ordinal(day.day)} {month}, {day.year}", f"{day.day} {month} {day.year}")
    assert any(d in header for d in dates)
    assert meeting.committee_name in header
    assert meeting.start is not None
    assert re.search(_clock(meeting.start), header)
    closing = re.search(r"closed at ([^)]*)\)", text)
    if meeting.closed is None:
        assert closing is None
    else:
        assert closing is not None
        assert re.fullmatch(_clock(meeting.closed), closing.group(1))
    contact = meeting.contact
    for fact in (meeting.venue, contact.name, contact.phone, contact.email):
        assert fact in header


@pytest.mark.parametrize("fixture", SEED_FIXTURES, ids=[p.stem for p in SEED_FIXTURES])
def test_seed_fixture_attendance_matches_the_seed(seeds_dir: Path, fixture: Path) -> None:
    meeting = _load(fixture)
    text = _seed_text(seeds_dir, fixture)
    first_item = _seed_sections(text)[0][2] if meeting.attendance else ""
    head = text[: text.find(first_item)] if first_item else ""
    apologies_at = head.find("Apologies:")
    present_part, apologies_part = (head, "") if apologies_at < 0 else (
        head[:apologies_at], head[apologies_at:])
    directorates = {a.directorate for a in meeting.attendance if a.directorate}
    for attendee in meeting.attendance:
        name = attendee.name.removeprefix("Councillor ")
        sent_apologies = attendee.state is AttendanceState.APOLOGIES
        assert (name in apologies_part) == sent_apologies, attendee.name
        assert sent_apologies or name in present_part, attendee.name
        if attendee.role is Role.CHAIR:
            assert f"{attendee.name} (Chair)" in head
        if attendee.substitute_for:
            assert f"{attendee.name} (substitute for {attendee.substitute_for})" in head
        if attendee.directorate:
            at = head.find(name)
            nearest = max(directorates, key=lambda d: head.rfind(f"\n{d} ", 0, at))
            assert nearest == attendee.directorate, attendee.name
