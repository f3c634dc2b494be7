"""Standing wording in the terminal UI: recording a declaration takes the prefilled "no
declarations" sentence out of the Declarations item (and says so), and the circulate
dialog (F9) lists what the standing items still need before the minutes go to the chair."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import TextArea

from tests.tui.tui_helpers import open_meeting, settle, show_minutes_page, write
from tui.dialogs.form import FormDialog
from tui.dialogs.parts import PartTextDialog
from tui.launch import make_app
from tui.screens.minutes_editor import MinutesEditor

MEETING = "children-scrutiny-board/2027-01-14"
NONE_DECLARED = "There were no declarations of interest."


@pytest.fixture
def minutes_started(archive_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from workflow.record.model import AttendanceState, Paragraph
    from workflow.services.lifecycle import Lifecycle
    from workflow.services.meetings import Meetings
    from workflow.services.workspace import Workspace

    monkeypatch.setenv("MINUTEBOOK_TODAY", "2027-01-05")
    with Workspace.open(archive_path, create=False) as service:
        Lifecycle(service).publish(MEETING)
        Lifecycle(service).start_minutes(MEETING)
        meeting = Meetings(service).load(MEETING)
        items = tuple(dataclasses.replace(it, body=(Paragraph(text=NONE_DECLARED),))
                      if it.uid == "declarations" else it for it in meeting.items)
        attendance = tuple(dataclasses.replace(a, state=AttendanceState.PRESENT) for a in meeting.attendance)
        Meetings(service).save(dataclasses.replace(meeting, items=items, attendance=attendance,
                                                   closed=dt.time(16, 0)), based_on=service.head(),
                               message="Minutes begun")
    monkeypatch.setenv("MINUTEBOOK_TODAY", "2027-01-15")
    return archive_path


async def test_a_declaration_takes_out_the_prefilled_sentence(minutes_started: Path) -> None:
    app = make_app(minutes_started)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(pilot, MEETING)
        editor = screen.query_one(MinutesEditor)
        declarations = await show_minutes_page(pilot, editor, "declarations")
        assert declarations.area("body").text == NONE_DECLARED
        page = await show_minutes_page(pilot, editor, "workforce")
        page.part_list("declarations").focus()
        await pilot.pause()
        await pilot.press("t")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PartTextDialog)
        write(dialog.query_one("#part-lines", TextArea), "Councillor D Kowalski | foster carer | other-registrable")
        await pilot.click("#ok")
        await settle(pilot)
        assert app.screen is screen
        editor.apply_pending()
        await settle(pilot)
        assert screen.meeting.item("workforce").declarations
        assert screen.meeting.item("declarations").body == ()
        assert declarations.area("body").text == ""
        told = [n.message for n in app._notifications]
        assert any(NONE_DECLARED in m and "taken out" in m for m in told), told
        screen.gather()
        await settle(pilot)
        assert screen.meeting.item("declarations").body == ()


async def test_the_circulate_dialog_lists_what_the_standing_items_need(minutes_started: Path) -> None:
    app = make_app(minutes_started)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_meeting(pilot, MEETING)
        await pilot.press("f9")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        failed = [c.message for c in dialog.checks if not c.ok]
        assert any("'Work Programme 2026-27' has nothing in its minutes" in m for m in failed), failed
        assert any("'Any Other Business' has nothing in its minutes" in m for m in failed), failed
        assert not any(m == "The record is valid." for m in failed)
