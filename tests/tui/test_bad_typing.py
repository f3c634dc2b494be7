"""No text a clerk can type or paste ends the app, with Pilot: an exempt paragraph of
5,000 digits (longer than Python turns into a number), a closing time that is not one,
and narrative with control characters and a very long line are each named or kept, and
the app goes on."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests.tui.tui_helpers import open_meeting, save_version, settle, show_minutes_page, write
from tui.launch import make_app
from tui.screens.agenda_editor import AgendaEditor
from tui.screens.minutes_editor import MinutesEditor
from tui.widgets.validation_panel import ValidationPanel

AGENDA = "children-scrutiny-board/2027-01-14"
MINUTES = "planning-committee/2026-11-04"


def _load(archive: Path, meeting_id: str):  # type: ignore[no-untyped-def]
    from workflow.services.meetings import Meetings
    from workflow.services.workspace import Workspace

    with Workspace.open(archive, create=False) as service:
        return Meetings(service).load(meeting_id)


def _said(screen) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.message for p in screen.query_one(ValidationPanel).problems]


async def test_a_pasted_paragraph_number_too_long_to_be_a_number_is_named(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(pilot, AGENDA)
        screen.action_tab("agenda")
        await settle(pilot)
        editor = screen.query_one(AgendaEditor)
        uid = editor.current
        before = screen.meeting.item(uid).exemption
        paragraph = editor.query_one("#paragraph", Input)
        paragraph.focus()
        paragraph.insert_text_at_cursor("9" * 5000)
        await pilot.pause(0.5)
        await settle(pilot)
        assert app.is_running
        assert any(m.startswith("Exempt paragraph: '999") and "is not a whole number" in m for m in _said(screen))
        assert screen.meeting.item(uid).exemption == before


async def test_a_closing_time_that_is_not_one_and_a_control_character_are_named_and_the_text_kept(archive_path: Path) -> None:
    long_line = "Tab\there, and a long line: " + "word " * 2000
    app = make_app(archive_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meeting(pilot, MINUTES)
        editor = screen.query_one(MinutesEditor)
        closed = editor.query_one("#closed", Input)
        closed.focus()
        closed.value = "25:99"
        await pilot.pause(0.5)
        await settle(pilot)
        assert "Meeting closed at: '25:99' is not a time; write it as HH:MM (24-hour), e.g. 14:00." in _said(screen)
        closed.value = "16:25"
        page = await show_minutes_page(pilot, editor, "elm-row")
        area = page.area("body")
        write(area, "\n\nA bell\x07 and an escape\x1b[31m pasted in. " + long_line)
        await pilot.pause(0.5)
        await settle(pilot)
        assert app.is_running
        panel = [str(o.prompt) for o in screen.query_one(ValidationPanel)._options]
        assert any(": contains a control character (U+0007) that Word cannot hold" in text
                   and text.startswith("Minute 5, paragraph 3, wording") for text in panel), panel
        assert "\x07" in area.text
        area.load_text(area.text.replace("\x07", "").replace("\x1b[31m", ""))
        await pilot.pause(0.5)
        await settle(pilot)
        await save_version(pilot, "Closing time and a long paragraph")
    saved = _load(archive_path, MINUTES)
    assert saved.closed is not None
    assert saved.closed.strftime("%H:%M") == "16:25"
    assert saved.item("elm-row").body[-1].text == "A bell and an escape pasted in. " + long_line.strip()  # type: ignore[union-attr]
