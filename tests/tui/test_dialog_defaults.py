"""Dialogs and editors start where the clerk is: the new-meeting dialog on the committee
being looked at, the cursor in its first empty field, its buttons in sight at 80x24 and
120x36, a problem cleared once put right; the function keys put the cursor in the tab's
work and one Tab reaches the item list; tables fit their content after every reload."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from textual.widgets import Button, DataTable, OptionList, Select, Static

from tests.tui.tui_helpers import open_meeting, settle, type_text
from tui.dialogs.confirm import ConfirmDialog
from tui.launch import make_app
from tui.screens.new_meeting import NewMeetingScreen
from tui.widgets.attendance_table import AttendanceTable
from workflow.services.editing import autosave_key, autosave_store, autosave_text
from workflow.services.meetings import Meetings
from workflow.services.workspace import Workspace

DRAFT = "children-scrutiny-board/2027-01-14"
CIRCULATED = "children-scrutiny-board/2026-10-22"


def _problem(dialog: NewMeetingScreen) -> str:
    return str(dialog.query_one("#new-problem", Static).render()).strip()


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_new_meeting_dialog_starts_on_the_chosen_committee_with_buttons_in_sight(
    archive_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        committees = app.screen.query_one("#committees", OptionList)
        committees.highlighted = next(i for i in range(committees.option_count)
                                      if committees.get_option_at_index(i).id == "planning-committee")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, NewMeetingScreen)
        assert dialog.query_one("#committee", Select).value == "planning-committee"
        assert dialog.query_one("#date").has_focus
        box = dialog.query_one("#new-meeting").region
        for button in dialog.query(Button):
            assert box.contains_region(button.region), (button.id, button.region, box)
            assert button.region.bottom <= size[1]

        await pilot.press("enter")
        await settle(pilot)
        assert _problem(dialog).startswith("Date: '' is not a date")
        await type_text(pilot, "2027-03-0")
        assert _problem(dialog).startswith("Date: '2027-03-0' is not a date")
        await type_text(pilot, "4")
        assert _problem(dialog) == ""
        assert app.screen is dialog


async def test_with_all_committees_the_dialog_takes_the_highlighted_meetings_committee(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        home = app.screen
        await pilot.press("ctrl+end")
        last = home.rows[-1]  # type: ignore[attr-defined]
        await pilot.press("n")
        await settle(pilot)
        assert app.screen.query_one("#committee", Select).value == last.committee


async def test_function_keys_put_the_cursor_in_the_tabs_work_and_one_tab_reaches_the_items(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meeting(pilot, DRAFT)
        await pilot.press("f5")
        await settle(pilot)
        assert screen.query_one("#preview-scroll").has_focus
        await pilot.press("f3")
        assert screen.query_one("#minutes-items").has_focus
        await pilot.press("f2")
        assert screen.query_one("#agenda-items").has_focus
        await pilot.press("f6")
        assert screen.query_one("#problems").has_focus
        await pilot.press("tab")
        assert screen.query_one("#agenda-items").has_focus
        await pilot.press("shift+tab")
        assert screen.query_one("#problems").has_focus


async def test_attendance_columns_fit_the_recovered_edits(archive_path: Path) -> None:
    with Workspace.open(archive_path, create=False) as workspace:
        meeting = Meetings(workspace).load(CIRCULATED)
        people = Meetings(workspace).register.people()
        key = autosave_key(workspace, CIRCULATED)
    from workflow.record.names import attendee_name

    longest = max(meeting.attendance, key=lambda a: len(attendee_name(a, people)))
    recovered = dataclasses.replace(meeting, attendance=tuple(a for a in meeting.attendance if a is not longest))
    autosave_store().put(key, autosave_text(recovered))
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.screen.open_meeting(CIRCULATED)  # type: ignore[attr-defined]
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        table = app.screen.query_one(AttendanceTable)
        assert table.row_count == len(recovered.attendance)
        names = [str(table.get_row_at(n)[0]) for n in range(table.row_count)]
        assert attendee_name(longest, people) not in names
        column = list(table.columns.values())[0]
        assert column.content_width == max(len(name) for name in names)


async def test_history_columns_fit_after_showing_commit_ids_and_back(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_meeting(pilot, CIRCULATED)
        await pilot.press("f4")
        await settle(pilot)
        table = app.screen.query_one("#versions", DataTable)
        widths = [c.content_width for c in table.columns.values()]
        await pilot.press("i", "i")
        await settle(pilot)
        assert [c.content_width for c in table.columns.values()] == widths
