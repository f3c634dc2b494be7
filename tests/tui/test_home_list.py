"""The meeting list on home: columns that fit the width, a cursor the keys and the mouse
move, Enter and a click that open the meeting, and the committee and text filters."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.tui.tui_helpers import settle
from tui.app import make_app
from tui.screens.home import HomeScreen
from tui.widgets.meeting_list import GAP, NARROWEST, MeetingList, clip, fit

# ------------------------------------------------------------------ fitting


def test_columns_that_fit_keep_their_widths() -> None:
    assert fit([16, 18, 30, 20], 200) == [16, 18, 30, 20]


def test_the_last_column_narrows_first_and_the_fixed_ones_never() -> None:
    widths = [16, 18, 30, 20]
    full = sum(widths) + GAP * 3 + 2
    assert fit(widths, full - 5) == [16, 18, 30, 15]
    squeezed = fit(widths, full - 30)
    assert squeezed[:2] == [16, 18]
    assert squeezed[3] == NARROWEST
    assert sum(squeezed) + GAP * 3 + 2 == full - 30


def test_columns_stop_at_the_narrowest_width_when_nothing_more_can_give() -> None:
    assert fit([16, 18, 30, 20], 10) == [16, 18, NARROWEST, NARROWEST]


@pytest.mark.parametrize(("text", "width", "shown"), [
    ("approved", 10, "approved  "),
    ("approve at the next meeting", 10, "approve a…"),
    ("Cabinet", 0, ""),
    ("議事録議事録", 5, "議事…"),
    ("議事録", 7, "議事録 "),
])
def test_a_cell_is_padded_or_cut_with_an_ellipsis(text: str, width: int, shown: str) -> None:
    assert clip(text, width) == shown
    assert cell_len(clip(text, width)) == width


# ------------------------------------------------------------------ on the home screen


def _lines(app) -> list[str]:  # type: ignore[no-untyped-def]
    listing = app.screen.query_one("#meetings", MeetingList)
    return [listing.render_line(y).text for y in range(listing.size.height)]


async def test_every_meeting_is_listed_under_a_header_that_fits(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        listing = app.screen.query_one("#meetings", MeetingList)
        assert listing.row_count == 6
        lines = _lines(app)
        assert lines[0].split()[:3] == ["Date", "State", "Next"]
        assert lines[1].startswith(" Thu 14 Jan 2027  agenda draft")
        assert all(cell_len(line) == listing.scrollable_content_region.width for line in lines)
        assert "…" in lines[0]
        assert lines[7].strip() == ""


async def test_keys_move_the_cursor_and_enter_opens_the_meeting(archive_path: Path) -> None:
    from tui.screens.meeting import MeetingScreen

    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        listing = app.screen.query_one("#meetings", MeetingList)
        assert listing.has_focus
        first = listing.selected_id
        await pilot.press("down", "down")
        assert listing.cursor == 2
        await pilot.press("end")
        assert listing.cursor == 5
        await pilot.press("down")
        assert listing.cursor == 5
        await pilot.press("home")
        assert listing.selected_id == first
        await pilot.press("pagedown")
        assert listing.cursor == 5
        await pilot.press("up")
        chosen = listing.selected_id
        assert chosen == app.screen.rows[4].id  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.meeting_id == chosen


async def test_a_click_moves_the_cursor_and_a_second_click_opens(archive_path: Path) -> None:
    from tui.screens.meeting import MeetingScreen

    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        listing = app.screen.query_one("#meetings", MeetingList)
        await pilot.click("#meetings", offset=(5, 3))
        assert listing.cursor == 2
        assert isinstance(app.screen, HomeScreen)
        await pilot.click("#meetings", offset=(5, 0))
        assert listing.cursor == 2
        await pilot.click("#meetings", offset=(5, 3))
        await settle(pilot)
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.meeting_id == listing.rows[2][1]


async def test_the_text_filter_and_the_committee_narrow_the_list(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        home = app.screen
        listing = home.query_one("#meetings", MeetingList)
        await pilot.press("slash", *"22 Oct")
        await settle(pilot)
        assert [key for _, key in listing.rows] == ["children-scrutiny-board/2026-10-22"]
        assert listing.selected_id == "children-scrutiny-board/2026-10-22"
        await pilot.press("enter")
        assert listing.has_focus
        for _ in range(6):
            await pilot.press("backspace")
        home.query_one("#filter").value = ""
        await settle(pilot)
        assert listing.row_count == 6
        assert listing.selected_id == "children-scrutiny-board/2026-10-22"
        home.committee = "planning-committee"
        home._fill_table()
        assert {key.split("/")[0] for _, key in listing.rows} == {"planning-committee"}
        assert listing.cursor == 0
        await pilot.pause()
        assert _lines(app)[0].split() == ["Date", "State", "Next"]
        assert "Planning" not in _lines(app)[1]
        home.committee = "*"
        home._fill_table()
        await pilot.pause()
        assert _lines(app)[0].split()[:3] == ["Date", "State", "Next"]
        assert _lines(app)[0].split()[3].startswith("Committ")


async def test_a_long_list_scrolls_to_keep_the_cursor_on_screen(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        listing = app.screen.query_one("#meetings", MeetingList)
        rows = [((f"Day {n:03}", "agenda draft", "publish the agenda", "Committee"), f"c/{n}") for n in range(200)]
        listing.show(rows)
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()
        assert listing.cursor == 199
        assert _lines(app)[-1].startswith(" Day 199")
        assert _lines(app)[0].split()[0] == "Date"
        await pilot.press("pageup")
        await pilot.pause()
        assert listing.cursor == 199 - (listing.scrollable_content_region.height - 1)
        assert _lines(app)[1].startswith(f" Day {listing.cursor:03}")
        listing.show(rows[:3])
        await pilot.pause()
        assert listing.cursor == 0
        assert listing.row_count == 3
        listing.show([])
        await pilot.pause()
        await pilot.press("down", "end", "enter")
        assert listing.selected_id is None
        assert isinstance(app.screen, HomeScreen)
        assert _lines(app)[0].split()[0] == "Date"
        assert all(not line.strip() for line in _lines(app)[1:])
