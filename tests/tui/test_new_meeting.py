"""The new-meeting wizard refuses what it cannot read, in one sentence against the field,
and creates nothing until it can; a meeting on a day that already has one gets its own id."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select, Static

from tests.tui.tui_helpers import settle
from tui.dialogs.confirm import ConfirmDialog
from tui.launch import make_app
from tui.screens.new_meeting import NewMeetingScreen

BOARD = "children-scrutiny-board"


def _meeting_ids(archive: Path) -> list[str]:
    from workflow.services.meetings import Meetings
    from workflow.services.workspace import Workspace

    with Workspace.open(archive, create=False) as service:
        return Meetings(service).meeting_ids()


async def _wizard(pilot) -> NewMeetingScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("n")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, NewMeetingScreen)
    dialog.query_one("#committee", Select).value = BOARD
    await pilot.pause()
    return dialog


async def _create(pilot, dialog: NewMeetingScreen, date: str, time: str | None = None) -> str:  # type: ignore[no-untyped-def]
    dialog.query_one("#date", Input).value = date
    if time is not None:
        dialog.query_one("#time", Input).value = time
    dialog.action_create()
    await settle(pilot)
    if pilot.app.screen is not dialog:
        return ""
    return str(dialog.query_one("#new-problem", Static).render())


async def test_a_date_or_time_it_cannot_read_is_named_and_nothing_is_created(archive_path: Path) -> None:
    before = _meeting_ids(archive_path)
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        dialog = await _wizard(pilot)
        said = await _create(pilot, dialog, "14/02/2027")
        assert said.startswith("Date: '14/02/2027' is not a date")
        said = await _create(pilot, dialog, "2027-02-14", "2pm")
        assert said.startswith("Time: '2pm' is not a time")
        said = await _create(pilot, dialog, "2027-02-30", "14:00")
        assert said.startswith("Date: '2027-02-30' is not a date")
        assert app.screen is dialog
    assert _meeting_ids(archive_path) == before


async def test_a_second_meeting_on_the_same_day_is_asked_first_and_numbered_on(archive_path: Path) -> None:
    existing = f"{BOARD}/2027-01-14"
    before = _meeting_ids(archive_path)
    assert existing in before
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        dialog = await _wizard(pilot)
        dialog.query_one("#date", Input).value = "2027-01-14"
        dialog.query_one("#time", Input).value = "18:00"
        dialog.action_create()
        await settle(pilot)
        question = app.screen
        assert isinstance(question, ConfirmDialog)
        assert "already has a meeting on 14 January 2027" in question.question
        assert existing in question.question
        await pilot.click("#no")
        await settle(pilot)
        assert app.screen is dialog
        assert "Not created" in str(dialog.query_one("#new-problem", Static).render())
        assert _meeting_ids(archive_path) == before

        dialog.action_create()
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await settle(pilot)
        ids = _meeting_ids(archive_path)
        created = {i for i in ids if i.startswith(f"{BOARD}/2027-01-14")} - {existing}
        assert created == {f"{BOARD}/2027-01-14-2"}
        assert type(app.screen).__name__ == "MeetingScreen"
        assert app.screen.meeting_id in created
        numbers = [int(it.agenda_number) for it in app.screen.meeting.items if it.agenda_number]
        assert numbers[0] == 24
        assert numbers == list(range(24, 24 + len(numbers)))
