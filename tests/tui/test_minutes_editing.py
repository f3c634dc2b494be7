"""The minutes editor with Pilot, checked in the archive: attendance quick keys (apologies,
remote, chair, substitute, an officer added), and an item's declarations, motion with its
vote and action typed as lines of text (the advanced route beside their forms) and its
labelled resolutions; a bad line is named and kept out of the record."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, Select, Static, TextArea

from tests.tui.tui_helpers import (
    answer_form,
    open_meeting,
    save_version,
    settle,
    show_minutes_page,
    type_text,
)
from tui.dialogs.attendee import AttendeeDialog
from tui.dialogs.form import FormDialog
from tui.dialogs.parts import PartTextDialog
from tui.launch import make_app
from tui.screens.minutes_editor import MinutesEditor
from tui.widgets.attendance_table import AttendanceTable
from workflow.record.model import AttendanceState, InterestType, MotionOutcome, Role

DRAFT = "planning-committee/2026-11-04"


def _load(archive: Path):  # type: ignore[no-untyped-def]
    from workflow.services.meetings import Meetings
    from workflow.services.register import Register
    from workflow.services.workspace import Workspace

    with Workspace.open(archive, create=False) as service:
        return Meetings(service).load(DRAFT), Register(service).people()


async def _open(pilot):  # type: ignore[no-untyped-def]
    screen = await open_meeting(pilot, DRAFT)
    return screen, screen.query_one(MinutesEditor)


async def test_attendance_quick_keys_and_an_officer_are_saved(archive_path: Path) -> None:
    before, people = _load(archive_path)
    members = [i for i, a in enumerate(before.attendance) if a.role is not Role.OFFICER]
    assert len(members) >= 4
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen, editor = await _open(pilot)
        table = editor.query_one(AttendanceTable)
        table.focus()
        await pilot.pause()
        keys = {members[0]: "a", members[1]: "r", members[2]: "c"}
        for index, key in keys.items():
            table.move_cursor(row=index)
            await pilot.pause()
            await pilot.press(key)
            await settle(pilot)
        table.move_cursor(row=members[3])
        await pilot.pause()
        await pilot.press("s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        choice = dialog.query_one("#f-who", Select)
        offered = {value for _, value in choice._options if value is not Select.BLANK}
        away = {a.person for a in screen.meeting.attendance
                if a.role is not Role.OFFICER and a.state.value in ("apologies", "absent", "not-recorded")}
        absent = before.attendance[members[0]].person
        assert absent in offered
        assert offered <= away | {a.name for a in screen.meeting.attendance}
        assert before.attendance[members[1]].person not in offered
        await answer_form(pilot, {"who": absent})
        await pilot.press("o")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, AttendeeDialog)
        assert dialog.query_one("#f-attending_as", Select).value == "officer"
        await type_text(pilot, "Jo Bloggs")
        await pilot.press("down")
        matches = dialog.query_one("#matches", OptionList)
        matches.highlighted = matches.option_count - 1
        await pilot.press("enter")
        await settle(pilot)
        dialog.query_one("#f-directorate", Input).value = "Place"
        await pilot.click("#ok")
        await settle(pilot)
        assert screen.dirty
        await save_version(pilot, "Attendance recorded")
    after, people = _load(archive_path)
    saved = {a.person: a for a in after.attendance if a.person}
    ids = [before.attendance[i].person for i in members[:4]]
    assert [saved[pid].state for pid in ids[:2]] == [AttendanceState.APOLOGIES, AttendanceState.REMOTE]
    assert saved[ids[2]].role is Role.CHAIR
    assert [a.person for a in after.attendance if a.role is Role.CHAIR] == [ids[2]]
    assert saved[ids[3]].substitute_for == absent
    officer = next(a for a in after.attendance if a.person == "jo-bloggs")
    assert (people["jo-bloggs"].directorate, officer.role, officer.state) == ("Place", Role.OFFICER, AttendanceState.PRESENT)
    assert len(after.attendance) == len(before.attendance) + 1


async def _as_text(pilot, page, part: str, text: str) -> PartTextDialog:  # type: ignore[no-untyped-def]
    """Type the parts of ``part`` as lines of text and press OK; the dialog."""
    page.part_list(part).focus()
    await pilot.pause()
    await pilot.press("t")
    await settle(pilot)
    dialog = page.app.screen
    assert isinstance(dialog, PartTextDialog)
    dialog.query_one("#part-lines", TextArea).load_text(text)
    await pilot.click("#ok")
    await settle(pilot)
    return dialog


async def test_an_items_declarations_motion_action_and_resolutions_are_saved(archive_path: Path) -> None:
    before, people = _load(archive_path)
    item = next(it for it in before.items if it.kind.value == "planning-application")
    member = next(a.person for a in before.attendance if a.person and a.role is not Role.OFFICER)
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen, editor = await _open(pilot)
        page = await show_minutes_page(pilot, editor, item.uid)
        await _as_text(pilot, page, "declarations", f"{member} | lives next to the site | non-registrable")
        await _as_text(pilot, page, "motions", f"To refuse the application | {member} | | lost | 3-6-1")
        await _as_text(pilot, page, "actions", "Write to the applicant | Head of Planning | 2026-12-01 | action")
        assert app.screen is screen
        page.area("resolutions").load_text("To grant permission.\nTo attach conditions:\n  on hours\n  on parking")
        await pilot.pause(0.5)
        await settle(pilot)
        await save_version(pilot, "Minutes of the item typed")
    after, _ = _load(archive_path)
    saved = after.item(item.uid)
    assert [(d.member, d.interest) for d in saved.declarations] == [(member, InterestType.NON_REGISTRABLE)]
    motion = saved.motions[0]
    assert motion.outcome is MotionOutcome.LOST
    assert (motion.vote.for_count, motion.vote.against_count, motion.vote.abstain_count) == (3, 6, 1)
    assert saved.actions[0].owner == "Head of Planning"
    assert saved.actions[0].due.isoformat() == "2026-12-01"
    assert [r.text for r in saved.resolutions] == ["To grant permission.", "To attach conditions:"]
    assert len(saved.resolutions[1].children) == 2
    assert saved.resolutions[0].label != saved.resolutions[1].label


async def test_a_bad_line_is_named_and_kept_out_of_the_record(archive_path: Path) -> None:
    before, _ = _load(archive_path)
    item = next(it for it in before.items if it.kind.value == "planning-application")
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen, editor = await _open(pilot)
        page = await show_minutes_page(pilot, editor, item.uid)
        dialog = await _as_text(pilot, page, "actions", "Visit the site | Head of Planning | soon")
        assert app.screen is dialog
        said = str(dialog.query_one("#part-problems", Static).render())
        assert said == "Action 1, date it is due by: 'soon' is not a date; write it as YYYY-MM-DD, e.g. 2027-01-14."
        assert dialog.query_one("#part-lines", TextArea).text == "Visit the site | Head of Planning | soon"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        assert screen.meeting.item(item.uid).actions == item.actions
        assert not screen.dirty


async def test_a_substitute_needs_a_member_who_is_not_there(archive_path: Path) -> None:
    before, _ = _load(archive_path)
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen, editor = await _open(pilot)
        table = editor.query_one(AttendanceTable)
        table.focus()
        await pilot.pause()
        for index, attendee in enumerate(screen.meeting.attendance):
            if attendee.state.value != "present" and attendee.role is not Role.OFFICER:
                table.move_cursor(row=index)
                await pilot.pause()
                await pilot.press("p")
                await settle(pilot)
        table.move_cursor(row=2)
        await pilot.pause()
        await pilot.press("s")
        await settle(pilot)
        assert app.screen is screen
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Substitute: no member of this meeting") for m in messages), messages
        assert screen.meeting.attendance[2].substitute_for == before.attendance[2].substitute_for
