"""Search in the terminal UI: Ctrl+F on home and in a meeting searches every meeting; each
result names the meeting, the item with its minute reference and the sentence with the
words highlighted; Enter opens the meeting at that item. Private (exempt) business only
when the clerk asks for it, and marked."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, TabbedContent

from tests.tui.tui_helpers import open_meeting, settle, type_text
from tui.launch import make_app
from tui.screens.meeting import MeetingScreen
from tui.screens.search import SearchScreen
from tui.widgets.item_list import ItemList

BOARD = "children-scrutiny-board/2026-10-22"
DRAFT = "children-scrutiny-board/2027-01-14"


async def _search(pilot, words: str) -> SearchScreen:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+f")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    await type_text(pilot, words)
    await pilot.press("enter")
    await settle(pilot)
    return screen


def _results(screen: SearchScreen) -> list:  # type: ignore[type-arg]
    results = screen.query_one("#search-results", OptionList)
    return [results.get_option_at_index(i).prompt for i in range(results.option_count)]


def _highlighted(prompt) -> list[str]:  # type: ignore[no-untyped-def]
    return [prompt.plain[span.start:span.end] for span in prompt.spans if "reverse" in str(span.style)]


async def test_a_search_from_home_names_meeting_minute_and_sentence_and_opens_there(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        search = await _search(pilot, "spending on transport")
        [prompt] = _results(search)
        first, sentence = prompt.plain.split("\n")
        assert first == "Children and Families Scrutiny Board, Thu 22 Oct 2026 · Minute 12/26 Home to School Transport Review"
        assert sentence == "Spending on transport had risen by 18 per cent in two years."
        assert _highlighted(prompt) == ["Spending on transport"]
        assert "NOT FOR PUBLICATION" not in prompt.plain
        assert search.query_one("#search-results").has_focus
        await pilot.press("enter")
        await settle(pilot)
        meeting = app.screen
        assert isinstance(meeting, MeetingScreen)
        assert meeting.meeting_id == BOARD
        assert meeting.query_one("#tabs", TabbedContent).active == "minutes"
        assert meeting.query_one("#minutes-items", ItemList).highlighted_id == "school-transport"
        assert "Spending on transport" in app.focused.text  # type: ignore[union-attr]


async def test_private_business_is_searched_only_when_asked_and_is_marked(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        search = await _search(pilot, "Oakfield")
        assert _results(search) == []
        assert "Nothing in the public business mentions 'Oakfield'" in str(search.query_one("#status-line").render())
        await pilot.press("ctrl+l")
        await settle(pilot)
        found = _results(search)
        assert found
        assert all("NOT FOR PUBLICATION" in prompt.plain for prompt in found)
        assert all("Minute 16/26" in prompt.plain.split("\n")[0] for prompt in found)
        assert all(_highlighted(prompt) for prompt in found)
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert _results(search) == []


async def test_a_search_from_a_meeting_opens_another_meeting_or_moves_within_this_one(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        draft = await open_meeting(pilot, DRAFT)
        search = await _search(pilot, "youth justice")
        firsts = [prompt.plain.split("\n")[0] for prompt in _results(search)]
        here = [n for n, line in enumerate(firsts) if "Thu 14 Jan 2027 · Item 20 Youth Justice Plan" in line]
        assert here, firsts
        await pilot.press(*["down"] * here[0], "enter")
        await settle(pilot)
        assert app.screen is draft
        assert draft.query_one("#tabs", TabbedContent).active == "agenda"
        chosen = draft.query_one("#agenda-items", ItemList).highlighted_id
        assert "Youth Justice" in draft.meeting.item(chosen or "").title
        assert draft.query_one("#title").has_focus

        search = await _search(pilot, "spending on transport")
        await pilot.press("enter")
        await settle(pilot)
        other = app.screen
        assert isinstance(other, MeetingScreen)
        assert other.meeting_id == BOARD
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is draft
