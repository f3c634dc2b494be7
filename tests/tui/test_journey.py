"""A clerk's whole journey in the terminal UI, checked in the archive and the Word files.

New meeting from a template -> agenda items -> publish -> attendance and minutes for each
item with a resolution -> save -> circulate -> approve at the next meeting -> amend ->
the history diff shows the amendment.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from textual.widgets import Input, Select, TextArea
from tui_helpers import save_version, settle, type_text, write

from tests.tui.conftest import fixed_clock
from tui.dialogs.form import FormDialog
from tui.launch import make_app
from tui.screens.history import HistoryScreen
from tui.screens.meeting import MeetingScreen
from tui.screens.minutes_editor import MinutesEditor
from tui.screens.new_meeting import NewMeetingScreen
from tui.widgets.attendance_table import AttendanceTable
from tui.widgets.item_list import ItemList
from workflow.record.model import AttendanceState, Status
from workflow.services.lifecycle import Lifecycle
from workflow.services.meetings import Meetings
from workflow.services.workspace import Workspace

MEETING = "children-scrutiny-board/2027-02-25"
NEXT = "children-scrutiny-board/2027-03-25"


def _text(path: Path) -> str:
    document = docx.Document(str(path))
    return "\n".join(p.text for p in document.paragraphs)


async def _create_meeting(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("n")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, NewMeetingScreen)
    dialog.query_one("#committee", Select).value = "children-scrutiny-board"
    await pilot.pause()
    dialog.query_one("#date", Input).focus()
    await type_text(pilot, "2027-02-25")
    await pilot.press("enter")
    await settle(pilot)


async def _add_item(pilot, title: str, author: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+n")
    await settle(pilot)
    assert isinstance(pilot.app.screen, FormDialog)
    await type_text(pilot, title)
    pilot.app.screen.query_one("#f-author", Input).value = author
    await pilot.press("enter")
    await settle(pilot)


async def _accept_dialog(pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, FormDialog), type(dialog)
    await pilot.click("#ok")
    await settle(pilot)


async def _record_minutes(pilot, screen: MeetingScreen) -> None:  # type: ignore[no-untyped-def]
    editor = screen.query_one(MinutesEditor)
    table = editor.query_one(AttendanceTable)
    table.focus()
    for _ in range(table.row_count):
        await pilot.press("p", "down")
    closed = editor.query_one("#closed", Input)
    closed.focus()
    await type_text(pilot, "16:05")
    items = editor.query_one("#minutes-items", ItemList)
    for n, item in enumerate(screen.meeting.items):
        items.focus()
        items.select_id(item.uid)
        await pilot.pause()
        page = editor.show_page(item.uid)
        await pilot.pause()
        assert page is not None
        body = page.area("body")
        if n == 0:
            body.focus()
            await type_text(pilot, "Typed at the meeting.")
        else:
            body.load_text("")
            write(body, f"The Board discussed {item.title}.\n\n- first point\n- second point")
        resolutions = "To note the report." if item.kind.value != "report" else "To note the report.\nTo ask for a further report in March."
        write(page.area("resolutions"), resolutions)
        await pilot.pause()
    editor.apply_pending()
    await settle(pilot)


async def test_a_whole_journey_from_new_meeting_to_amended_minutes(
    archive_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MINUTEBOOK_TODAY", "2027-02-01")
    app = make_app(archive_path, clock=fixed_clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await _create_meeting(pilot)
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        assert screen.meeting_id == MEETING

        screen.query_one("#agenda-items").focus()
        await _add_item(pilot, "Children's Centres Consultation", "Director of Children's Services")
        await _add_item(pilot, "Youth Service Review", "Chief Officer Youth Services")
        assert [it.title for it in screen.meeting.items if it.kind.value == "report"] == [
            "Children's Centres Consultation", "Youth Service Review",
        ]
        await save_version(pilot, proposed="added")
        with Workspace.open(archive_path, create=False) as svc:
            saved = Meetings(svc).load(MEETING)
        assert "Youth Service Review" in [it.title for it in saved.items]
        assert saved.items[-1].title != ""
        assert saved.status is Status.AGENDA_DRAFT

        await pilot.press("f7")
        await _accept_dialog(pilot)
        assert screen.meeting.status is Status.AGENDA_PUBLISHED
        agenda = archive_path / "meetings/children-scrutiny-board/2027-02-25/issued/agenda-1.docx"
        assert "Children's Centres Consultation" in _text(agenda)

        await pilot.press("f8")
        await settle(pilot)
        assert screen.meeting.status is Status.MINUTES_DRAFT
        await _record_minutes(pilot, screen)
        await save_version(pilot)
        with Workspace.open(archive_path, create=False) as svc:
            saved = Meetings(svc).load(MEETING)
        assert all(a.state is AttendanceState.PRESENT for a in saved.attendance)
        assert saved.closed == dt.time(16, 5)
        assert saved.items[0].body[0].text.startswith("Typed at the meeting.")
        report = next(it for it in saved.items if it.title == "Youth Service Review")
        assert [r.label for r in report.resolutions] == ["(a)", "(b)"]
        assert all(it.resolutions for it in saved.items)

        await pilot.press("f9")
        await _accept_dialog(pilot)
        assert screen.meeting.status is Status.MINUTES_CIRCULATED
        minutes = archive_path / "meetings/children-scrutiny-board/2027-02-25/issued/minutes-draft.docx"
        text = _text(minutes)
        assert "To ask for a further report in March." in text
        assert "RESOLVED" in text

        with Workspace.open(archive_path, create=False, clock=fixed_clock) as svc:
            Meetings(svc).new_meeting("children-scrutiny-board", date=dt.date(2027, 3, 25), start=dt.time(14, 0))
        monkeypatch.setenv("MINUTEBOOK_TODAY", "2027-04-01")
        with Workspace.open(archive_path, create=False, clock=fixed_clock) as svc:
            Lifecycle(svc).publish(NEXT, published_on=dt.date(2027, 3, 10))
        await pilot.press("f10")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        app.screen.query_one("#f-at", Select).value = NEXT
        await _accept_dialog(pilot)
        assert screen.meeting.status is Status.MINUTES_APPROVED
        with Workspace.open(archive_path, create=False) as svc:
            approving = Meetings(svc).load(NEXT)
        assert any(MEETING in it.approves for it in approving.items)

        editor = screen.query_one(MinutesEditor)
        page = editor.show_page(report.uid)
        await pilot.pause()
        assert page is not None
        area = page.area("body")
        area.load_text(area.text.replace("The Board discussed", "The Board welcomed"))
        editor.apply_pending()
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        await type_text(pilot, "Wording corrected at the chair's request")
        await _accept_dialog(pilot)
        with Workspace.open(archive_path, create=False) as svc:
            amended = Meetings(svc).load(MEETING)
        assert amended.amendments
        assert amended.amendments[-1].reason == "Wording corrected at the chair's request"
        assert "The Board welcomed" in next(it for it in amended.items if it.uid == report.uid).body[0].text

        await pilot.press("f4")
        await settle(pilot)
        history = app.screen
        assert isinstance(history, HistoryScreen)
        await pilot.press("d")
        await settle(pilot)
        shown = history.query_one("#diff", TextArea).text
        assert "welcomed" in shown
        assert "discussed" in shown
