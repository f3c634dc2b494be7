"""The first run asks the clerk's name and e-mail in a dialog; they are kept in the
settings and every version saved from the terminal UI carries them."""

from __future__ import annotations

import os
import subprocess
import tomllib
from pathlib import Path

import pytest
from textual.widgets import Button, Input

from tests.tui.tui_helpers import open_meeting, save_version, settle, type_text
from tui.dialogs.form import FormDialog
from tui.launch import make_app

DRAFT = "children-scrutiny-board/2027-01-14"


@pytest.fixture
def nobody(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MINUTEBOOK_CLERK_NAME")
    monkeypatch.delenv("MINUTEBOOK_CLERK_EMAIL")


async def test_the_first_run_asks_the_name_and_versions_carry_it(archive_path: Path, nobody: None) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FormDialog), type(dialog)
        assert dialog.heading == "Who is saving?"
        dialog.query_one("#f-name", Input).value = "Priya Shah"
        dialog.query_one("#f-email", Input).value = "not an address"
        dialog.query_one("#ok", Button).press()
        await settle(pilot)
        again = app.screen
        assert isinstance(again, FormDialog), "a wrong address is asked again"
        again.query_one("#f-name", Input).value = "Priya Shah"
        again.query_one("#f-email", Input).value = "priya.shah@example.gov.uk"
        again.query_one("#ok", Button).press()
        await settle(pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        screen = await open_meeting(pilot, DRAFT)
        screen.query_one("#title", Input).focus()
        await type_text(pilot, " (revised)")
        await save_version(pilot, "Title revised")
    settings = tomllib.loads(Path(os.environ["MINUTEBOOK_CONFIG"]).read_text())
    assert settings["clerk_name"] == "Priya Shah"
    author = subprocess.run(["git", "-C", str(archive_path), "log", "-1", "--format=%an <%ae>"],
                            capture_output=True, text=True, check=True).stdout.strip()
    assert author == "Priya Shah <priya.shah@example.gov.uk>"


async def test_a_known_clerk_is_not_asked(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "HomeScreen"
