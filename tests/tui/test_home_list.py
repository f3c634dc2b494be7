"""The meeting list on home: a row per meeting under its headings, a cursor the keys move,
Enter and a click that open the meeting, and the committee and text filters."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from tests.tui.tui_helpers import settle
from tui.launch import make_app
from tui.screens.home import HomeScreen
from tui.screens.meeting import MeetingScreen


def _table(app) -> DataTable:  # type: ignore[no-untyped-def, type-arg]
    return app.screen.query_one("#meetings", DataTable)


def _headings(table: DataTable) -> list[str]:  # type: ignore[type-arg]
    return [str(column.label) for column in table.columns.values()]


async def test_every_meeting_is_listed_newest_first_with_its_state(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = _table(app)
        assert table.row_count == 6
        assert _headings(table) == ["Date", "State", "Next", "Committee"]
        assert [str(cell) for cell in table.get_row_at(0)[:2]] == ["Thu 14 Jan 2027", "agenda draft"]
        days = [app.screen.rows[n].date for n in range(6)]  # type: ignore[attr-defined]
        assert days == sorted(days, reverse=True)
        assert "6 meetings" in str(app.screen.query_one("#status-line").render())


async def test_keys_move_the_cursor_and_enter_opens_the_meeting(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        table = _table(app)
        assert table.has_focus
        home = app.screen
        assert isinstance(home, HomeScreen)
        first = home.selected_id()
        await pilot.press("down", "down")
        assert table.cursor_row == 2
        await pilot.press("ctrl+end")
        assert table.cursor_row == 5
        await pilot.press("down")
        assert table.cursor_row == 5
        await pilot.press("ctrl+home")
        assert home.selected_id() == first
        await pilot.press("ctrl+end", "up")
        chosen = home.selected_id()
        assert chosen == home.rows[4].id
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.meeting_id == chosen


async def test_a_click_moves_the_cursor_and_a_second_click_opens(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        await pilot.click("#meetings", offset=(5, 3))
        await settle(pilot)
        assert app.screen is home
        assert _table(app).cursor_row == 2
        await pilot.click("#meetings", offset=(5, 3))
        await settle(pilot)
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.meeting_id == home.rows[2].id


async def test_the_text_filter_and_the_committee_narrow_the_list(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        table = _table(app)
        await pilot.press("slash", *"22 Oct")
        await settle(pilot)
        assert list(table.rows) == ["children-scrutiny-board/2026-10-22"]
        assert home.selected_id() == "children-scrutiny-board/2026-10-22"
        await pilot.press("enter")
        assert table.has_focus
        home.query_one("#filter").value = ""  # type: ignore[attr-defined]
        await settle(pilot)
        assert table.row_count == 6
        assert home.selected_id() == "children-scrutiny-board/2026-10-22"
        home.committee = "planning-committee"
        home._fill_table()
        await pilot.pause()
        assert {str(key.value).split("/")[0] for key in table.rows} == {"planning-committee"}
        assert _headings(table) == ["Date", "State", "Next"]
        home.committee = "*"
        home._fill_table()
        await pilot.pause()
        assert _headings(table) == ["Date", "State", "Next", "Committee"]


async def test_an_empty_list_opens_nothing(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        await pilot.press("slash", *"no such meeting", "enter")
        await settle(pilot)
        assert _table(app).row_count == 0
        assert home.selected_id() is None
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
