"""Where a meeting stands is always in sight: on the meeting screen its state, the next
deadline and what to do next; on home the highlighted meeting's, in full at 80 columns."""

from __future__ import annotations

from pathlib import Path

from tests.tui.tui_helpers import open_meeting, settle
from tui.launch import make_app
from tui.widgets.standing import StandingLine

DRAFT = "children-scrutiny-board/2027-01-14"
CIRCULATED = "children-scrutiny-board/2026-10-22"


def _line(app) -> tuple[str, StandingLine]:  # type: ignore[no-untyped-def]
    line = app.screen.query_one("#standing", StandingLine)
    return str(line.render()), line


async def test_the_meeting_screen_says_state_deadline_and_next_step(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meeting(pilot, DRAFT)
        text, line = _line(app)
        assert text == "Agenda draft · agenda due by Wed 6 Jan · Next: F7 publishes the agenda"
        assert line.region.right <= 80
        assert line.region.height == 1
        await pilot.press("f7")
        await settle(pilot)
        app.screen.query_one("#ok").press()
        await settle(pilot)
        text, _ = _line(app)
        assert text == "Agenda published · meeting on Thu 14 Jan · Next: F8 starts the minutes once the meeting has met"
        assert line.region.height == 2, "a long line wraps instead of being cut"

        documents = app.screen.query_one("#documents")
        assert documents.has_focus
        await pilot.press("escape")
        assert not documents.display
        await pilot.press("escape")
        await open_meeting(pilot, CIRCULATED)
        text, _ = _line(app)
        assert text == "Minutes circulated · Next: F10 records their approval at a later meeting"


async def test_home_says_the_highlighted_meetings_deadline_in_full_at_80_columns(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text, line = _line(app)
        assert text == ("Thu 14 Jan 2027, Children and Families Scrutiny Board: Agenda draft · "
                        "agenda due by Wed 6 Jan")
        assert line.region.right <= 80
        assert line.region.height == 2
        assert line.region.bottom <= 22
        await pilot.press("down")
        await settle(pilot)
        text, _ = _line(app)
        assert text.startswith("Mon 9 Nov 2026, Cabinet Member for Housing and Communities: Minutes published")
