"""Attendance from the people register, with Pilot, checked in the archive: anyone is added
by typing a few letters of their name (a cabinet member, a substitute for an absent
member, an officer with a directorate, a public speaker), a new person is added to the
register on the spot, and a form left incomplete says what is missing at its field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input, OptionList, Select, Static

from tests.tui.tui_helpers import open_meeting, save_version, settle, type_text
from tui.dialogs.attendee import AttendeeDialog
from tui.launch import make_app
from tui.screens.minutes_editor import MinutesEditor
from tui.widgets.attendance_table import AttendanceTable
from tui.widgets.validation_panel import ValidationPanel
from workflow.record.model import AttendanceState, PersonKind, Role

DRAFT = "planning-committee/2026-11-04"


def _load(archive: Path):  # type: ignore[no-untyped-def]
    from workflow.services.meetings import Meetings
    from workflow.services.register import Register
    from workflow.services.workspace import Workspace

    with Workspace.open(archive, create=False) as service:
        return Meetings(service).load(DRAFT), Register(service).people()


async def _table(pilot: Any) -> tuple[Any, AttendanceTable]:
    screen = await open_meeting(pilot, DRAFT)
    table = screen.query_one(MinutesEditor).query_one(AttendanceTable)
    table.focus()
    await pilot.pause()
    return screen, table


async def _add(pilot: Any, letters: str, key: str = "n") -> AttendeeDialog:
    """Press ``key`` on the attendance and type ``letters`` of a name; the dialog."""
    await pilot.press(key)
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, AttendeeDialog)
    await type_text(pilot, letters)
    await pilot.pause()
    return dialog


async def _pick(pilot: Any, dialog: AttendeeDialog, label: str) -> None:
    """Go down into the matches and take the one whose words start with ``label``."""
    await pilot.press("down")
    matches = dialog.query_one("#matches", OptionList)
    assert pilot.app.focused is matches
    shown = [str(matches.get_option_at_index(i).prompt) for i in range(matches.option_count)]
    target = next(i for i, text in enumerate(shown) if text.startswith(label))
    await pilot.press(*["down"] * (target - (matches.highlighted or 0)), "enter")
    await settle(pilot)


async def _ok(pilot: Any) -> None:
    await pilot.click("#ok")
    await settle(pilot)


def _outsider(people: dict[str, Any], meeting: Any) -> Any:
    listed = {a.person for a in meeting.attendance}
    return next(p for p in people.values() if p.kind is PersonKind.MEMBER and p.id not in listed)


async def test_a_cabinet_member_is_found_by_a_few_letters_and_saved(archive_path: Path) -> None:
    before, people = _load(archive_path)
    cabinet = _outsider(people, before)
    app = make_app(archive_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, _ = await _table(pilot)
        surname = cabinet.name.split()[-1]
        dialog = await _add(pilot, surname[:3].lower())
        matches = dialog.query_one("#matches", OptionList)
        assert any(str(matches.get_option_at_index(i).prompt).startswith(f"Councillor {cabinet.name}")
                   for i in range(matches.option_count))
        await _pick(pilot, dialog, f"Councillor {cabinet.name}")
        assert dialog.query_one("#f-name", Input).value == f"Councillor {cabinet.name}"
        dialog.query_one("#f-attending_as", Select).value = "cabinet-member"
        dialog.query_one("#f-capacity", Input).value = "Cabinet Member for Housing and Communities"
        await _ok(pilot)
        assert app.screen is screen
        await save_version(pilot, "A cabinet member attended")
    after, _ = _load(archive_path)
    line = next(a for a in after.attendance if a.person == cabinet.id)
    assert (line.role, line.state, line.capacity) == (
        Role.CABINET_MEMBER, AttendanceState.PRESENT, "Cabinet Member for Housing and Communities")
    assert len(after.attendance) == len(before.attendance) + 1


async def test_a_councillor_off_the_committee_substitutes_for_an_absent_member(archive_path: Path) -> None:
    before, people = _load(archive_path)
    away_index = next(i for i, a in enumerate(before.attendance) if a.role is Role.MEMBER)
    away = before.attendance[away_index].person
    substitute = _outsider(people, before)
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen, table = await _table(pilot)
        table.move_cursor(row=away_index)
        await pilot.press("a")
        await settle(pilot)
        dialog = await _add(pilot, substitute.name.split()[-1][:4])
        await _pick(pilot, dialog, f"Councillor {substitute.name}")
        dialog.query_one("#f-attending_as", Select).value = "substitute"
        await pilot.pause()
        choice = dialog.query_one("#f-substitute_for", Select)
        assert choice.display
        await _ok(pilot)
        assert app.screen is dialog
        said = str(dialog.query_one("#part-problems", Static).render())
        assert said == "Substitute for: choose the absent member they stand in for."
        assert app.focused is choice
        choice.value = away
        await _ok(pilot)
        assert app.screen is screen
        await save_version(pilot, "A substitute attended")
    after, _ = _load(archive_path)
    line = next(a for a in after.attendance if a.person == substitute.id)
    assert (line.role, line.substitute_for) == (Role.MEMBER, away)


async def test_a_new_person_is_added_to_the_register_on_the_spot(archive_path: Path) -> None:
    before, people = _load(archive_path)
    app = make_app(archive_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, _ = await _table(pilot)
        dialog = await _add(pilot, "Z Newman")
        dialog.query_one("#f-attending_as", Select).value = "other-member"
        await pilot.pause()
        await _pick(pilot, dialog, "New person")
        assert dialog.query_one("#f-title", Input).value == "Councillor"
        assert "cllr-z-newman" in str(dialog.query_one("#new-id", Static).render())
        await _ok(pilot)
        assert app.screen is screen
        assert "cllr-z-newman" in screen.people
        await save_version(pilot, "Another councillor attended")
        assert not [p for p in screen.query_one(ValidationPanel).problems if "cllr-z-newman" in p.message]
    after, people_after = _load(archive_path)
    assert people_after["cllr-z-newman"].name == "Z Newman"
    assert people_after["cllr-z-newman"].title == "Councillor"
    assert len(people_after) == len(people) + 1
    line = next(a for a in after.attendance if a.person == "cllr-z-newman")
    assert line.role is Role.OTHER_MEMBER


async def test_an_officer_and_a_public_speaker_are_added(archive_path: Path) -> None:
    before, people = _load(archive_path)
    listed = {a.person for a in before.attendance}
    officer = next(p for p in people.values() if p.kind is PersonKind.OFFICER and p.id not in listed)
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen, _ = await _table(pilot)
        dialog = await _add(pilot, officer.name.split()[-1][:3], key="o")
        await _pick(pilot, dialog, officer.name)
        assert dialog.query_one("#f-attending_as", Select).value == "officer"
        assert dialog.query_one("#f-directorate", Input).value == officer.directorate
        await _ok(pilot)
        dialog = await _add(pilot, "Mrs P Oduya")
        await _ok(pilot)
        said = str(dialog.query_one("#part-problems", Static).render())
        assert said == "Attending as: choose how they attend (member, substitute, officer…)."
        assert app.focused is dialog.query_one("#f-attending_as", Select)
        dialog.query_one("#f-attending_as", Select).value = "speaker"
        dialog.query_one("#f-capacity", Input).value = "objector"
        await _ok(pilot)
        assert app.screen is screen
        await save_version(pilot, "An officer and a speaker attended")
    after, _ = _load(archive_path)
    line = next(a for a in after.attendance if a.person == officer.id)
    assert (line.role, line.directorate) == (Role.OFFICER, "")
    speaker = next(a for a in after.attendance if a.name == "Mrs P Oduya")
    assert (speaker.role, speaker.capacity, speaker.person) == (Role.OTHER, "objector", "")


async def test_a_name_suggested_as_it_is_typed_is_taken_with_the_right_arrow(archive_path: Path) -> None:
    before, people = _load(archive_path)
    other = _outsider(people, before)
    app = make_app(archive_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, _ = await _table(pilot)
        dialog = await _add(pilot, f"Councillor {other.name[:3]}")
        await settle(pilot)
        await pilot.press("right")
        assert dialog.query_one("#f-name", Input).value == f"Councillor {other.name}"
        dialog.query_one("#f-attending_as", Select).value = "other-member"
        await _ok(pilot)
        assert app.screen is screen
        assert any(a.person == other.id and a.role is Role.OTHER_MEMBER for a in screen.meeting.attendance)
