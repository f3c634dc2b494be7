"""F5 shows the document as it prints: headings, bold RESOLVED, lists and the NOT FOR
PUBLICATION banner drawn by Textual's Markdown widget (no Markdown syntax on screen),
scrolled from the keyboard."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from textual.widgets import Markdown, Static, TabbedContent
from textual.widgets._markdown import MarkdownBulletList, MarkdownH1, MarkdownH3, MarkdownParagraph

from tests.tui.tui_helpers import open_meeting, settle

CIRCULATED = "children-scrutiny-board/2026-10-22"


def _plain(block: Static) -> str:
    return str(block.content)


async def test_the_preview_shows_the_minutes_as_they_print_and_scrolls_from_the_keyboard(archive_path: Path) -> None:
    from tui.launch import make_app

    app = make_app(archive_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meeting(pilot, CIRCULATED)
        await pilot.press("f5")
        await settle(pilot)
        assert screen.query_one("#tabs", TabbedContent).active == "preview"
        scroll = screen.query_one("#preview-scroll", VerticalScroll)
        assert scroll.has_focus
        banner = screen.query_one("#preview-banner", Static)
        assert banner.display
        assert _plain(banner).startswith("NOT FOR PUBLICATION")

        document = screen.query_one("#preview-doc", Markdown)
        [title] = document.query(MarkdownH1)
        assert _plain(title).startswith("Riverbend Borough Council")
        assert "Minutes of the Meeting of Children and Families Scrutiny Board" in _plain(title)
        headings = [_plain(h) for h in document.query(MarkdownH3)]
        assert "12. Home to School Transport Review" in headings
        assert document.query(MarkdownBulletList)
        paragraphs = list(document.query(MarkdownParagraph))
        assert not [p for p in paragraphs if "**" in _plain(p) or _plain(p).startswith("#")]
        resolved = next(p for p in paragraphs if _plain(p) == "RESOLVED:")
        assert [(s.start, s.end) for s in resolved.content.spans if "strong" in str(s.style)] == [(0, 9)]

        assert scroll.scroll_y == 0
        await pilot.press("pagedown")
        await settle(pilot)
        assert scroll.scroll_y > 0
        await pilot.press("end")
        await settle(pilot)
        assert scroll.scroll_y == scroll.max_scroll_y > 0
        await pilot.press("home")
        await settle(pilot)
        assert scroll.scroll_y == 0

        await pilot.press("f5")
        await settle(pilot)
        assert screen.preview_document == "agenda"
        [title] = document.query(MarkdownH1)
        assert _plain(title) == "Riverbend Borough Council Children and Families Scrutiny Board Agenda"
        assert "F5 again shows the minutes" in str(screen.query_one("#status-line").render())
