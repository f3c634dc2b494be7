"""Every key in sight at 80x24: the footer shows the keys that matter now, in order of
use, all within the screen; the others are in F1 help and the palette; a key whose step
the lifecycle does not allow now says why in one sentence instead of doing nothing."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Footer, TextArea
from textual.widgets._footer import FooterKey

from tests.tui.tui_helpers import open_meeting, settle
from tui.dialogs.form import FormDialog
from tui.launch import make_app
from tui.screens.help import HelpScreen, help_markdown
from tui.screens.palette import domain_verbs

DRAFT = "children-scrutiny-board/2027-01-14"
CIRCULATED = "children-scrutiny-board/2026-10-22"


def _footer(app, width: int) -> list[str]:  # type: ignore[no-untyped-def]
    keys = list(app.screen.query_one(Footer).query(FooterKey))
    for key in keys:
        assert key.region.width > 0, key.key
        assert key.region.right <= width, (key.key, key.region)
    return [f"{key.key_display} {key.description}" for key in keys]


async def test_home_footer_at_80_columns_shows_every_key_it_lists(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert _footer(app, 80) == ["⏎ Open", "n New", "/ Filter", "^f Search", "d Decisions", "^y Sync", "^q Quit", "F1 Help"]


async def test_meeting_footer_shows_the_next_step_only_and_fits_80_columns(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meeting(pilot, DRAFT)
        await settle(pilot)
        assert _footer(app, 80) == ["^n Add item", "^s Save", "F7 Publish agenda", "F5 Preview", "F4 History",
                                    "Esc Back", "F1 Help"]
        await pilot.press("escape")
        await open_meeting(pilot, CIRCULATED)
        await settle(pilot)
        assert _footer(app, 80) == ["^s Save", "F10 Approve minutes", "F5 Preview", "F4 History", "Esc Back", "F1 Help"]


async def test_a_step_not_allowed_now_says_why_and_changes_nothing(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meeting(pilot, DRAFT)
        before = screen.meeting
        await pilot.press("f9")
        await settle(pilot)
        assert app.screen is screen
        assert screen.meeting == before
        said = [n for n in app._notifications if n.title.startswith("Circulate minutes")]
        assert said, [n.message for n in app._notifications]
        assert said[-1].message == (
            "Sending the draft minutes to the chair is not possible while "
            f"{DRAFT} is at 'agenda-draft'; start the minutes from the published agenda first."
        )


async def test_function_keys_reach_the_screen_from_a_text_area(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(pilot, DRAFT)
        screen.query_one("#wording", TextArea).focus()
        await pilot.press("f7")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        assert app.screen.heading == "Publish the agenda"


async def test_help_and_palette_list_what_the_footer_leaves_out(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(pilot, DRAFT)
        text = help_markdown(screen)
        assert "| `^f` | Search |" in text
        assert "| `^r` | Word |" in text
        assert "| `^t` | Standing item |" in text
        assert ("| `F9` | Circulate minutes (not now) | Sending the draft minutes to the chair is not "
                "possible while") in text
        assert "Ctrl+P opens the command palette" in text
        verbs = [title for title, *_ in domain_verbs(screen)]
        assert "Agenda: Publish agenda" in verbs
        assert "Archive: Search" in verbs
        assert not [v for v in verbs if "Circulate" in v or "Approve" in v]
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
