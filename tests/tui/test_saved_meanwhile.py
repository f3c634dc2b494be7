"""A meeting saved by another process while it is open in the terminal UI: the screen's
save is based on the version it opened, so the other version is merged (and the clerk is
told) or, when both changed the same field, shown side by side for the clerk to choose;
the other version always stays in the history. The other process is the real
``minutebook`` command on the same archive."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml
from textual.widgets import Input, RadioButton

from tests.tui.tui_helpers import open_meeting, save_version, settle, type_text
from tui.dialogs.save_conflict import SaveConflictDialog
from tui.launch import make_app
from tui.widgets.item_list import ItemList

DRAFT = "children-scrutiny-board/2027-01-14"
MINUTEBOOK = Path(sys.executable).with_name("minutebook")


def _minutebook(archive: Path, *args: str) -> str:
    done = subprocess.run([str(MINUTEBOOK), *args, "--archive", str(archive)],
                          capture_output=True, text=True, env=dict(os.environ), timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _record(archive: Path, rev: str = "HEAD") -> dict:
    return yaml.safe_load(subprocess.run(
        ["git", "-C", str(archive), "show", f"{rev}:meetings/{DRAFT}/meeting.yaml"],
        capture_output=True, text=True, check=True).stdout)


def _other_clerk_sets(archive: Path, tmp_path: Path, uid: str, title: str) -> None:
    data = yaml.safe_load(_minutebook(archive, "show", DRAFT, "--yaml", "--confidential"))
    for item in data["items"]:
        if item["uid"] == uid:
            item["title"] = title
    source = tmp_path / "theirs.yaml"
    source.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    _minutebook(archive, "save", DRAFT, "--from", str(source), "-m", "Title from the other clerk")


async def _retitle(pilot, screen, uid: str, words: str) -> None:  # type: ignore[no-untyped-def]
    items = screen.query_one("#agenda-items", ItemList)
    items.focus()
    items.select_id(uid)
    await pilot.pause()
    screen.query_one("#title", Input).focus()
    await type_text(pilot, words)
    screen.gather()
    await settle(pilot)


def _report(archive: Path) -> str:
    return next(it["uid"] for it in _record(archive)["items"] if it.get("kind", "report") == "report")


async def test_a_renumbering_in_another_process_is_merged_and_said(archive_path: Path) -> None:
    uid = _report(archive_path)
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(pilot, DRAFT)
        _minutebook(archive_path, "renumber", DRAFT, "--first", "50")
        await _retitle(pilot, screen, uid, " (revised)")
        await save_version(pilot, "Title revised")
        assert "saved meanwhile" in str(screen.query_one("#status-line").render())
        assert [it.minute_number for it in screen.meeting.items][0] == "50"
    record = _record(archive_path)
    assert record["items"][0]["minute_number"] == "50"
    assert next(it for it in record["items"] if it["uid"] == uid)["title"].endswith("(revised)")
    assert _record(archive_path, "HEAD~1")["items"][0]["minute_number"] == "50"


async def test_the_same_field_saved_in_another_process_is_shown_for_the_clerk_to_choose(
    archive_path: Path, tmp_path: Path
) -> None:
    uid = _report(archive_path)
    app = make_app(archive_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_meeting(pilot, DRAFT)
        _other_clerk_sets(archive_path, tmp_path, uid, "Their title")
        await _retitle(pilot, screen, uid, " (mine)")
        mine = screen.meeting.item(uid).title
        assert mine.endswith("(mine)")
        await save_version(pilot, "My title")
        dialog = app.screen
        assert isinstance(dialog, SaveConflictDialog), type(dialog)
        [conflict] = dialog.conflicts
        assert conflict.label.endswith(": title")
        assert (conflict.mine, conflict.theirs) == (mine, "Their title")
        texts = [str(b.label) for b in dialog.query(RadioButton)]
        assert texts == [f"Mine: {mine}", "Theirs: Their title"]
        assert next(it for it in _record(archive_path)["items"] if it["uid"] == uid)["title"] == "Their title"
        await pilot.click("#theirs-0")
        await pilot.click("#save")
        await settle(pilot)
        assert app.screen is screen
        assert screen.meeting.item(uid).title == "Their title"
        assert not screen.dirty
    assert next(it["title"] for it in _record(archive_path)["items"] if it["uid"] == uid) == "Their title"
    subject = subprocess.run(["git", "-C", str(archive_path), "log", "-1", "--format=%s"],
                             capture_output=True, text=True, check=True).stdout.strip()
    assert subject == "Title from the other clerk", "their version is kept as it is, not saved again"


async def test_choosing_mine_keeps_mine_and_the_other_version_stays_in_history(
    archive_path: Path, tmp_path: Path
) -> None:
    uid = _report(archive_path)
    app = make_app(archive_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_meeting(pilot, DRAFT)
        _other_clerk_sets(archive_path, tmp_path, uid, "Their title")
        await _retitle(pilot, screen, uid, " (mine)")
        mine = screen.meeting.item(uid).title
        await save_version(pilot, "My title")
        assert isinstance(app.screen, SaveConflictDialog)
        await pilot.click("#save")
        await settle(pilot)
        assert not screen.dirty
    record, previous = _record(archive_path), _record(archive_path, "HEAD~1")
    assert next(it for it in record["items"] if it["uid"] == uid)["title"] == mine
    assert next(it for it in previous["items"] if it["uid"] == uid)["title"] == "Their title"


async def test_a_step_is_not_taken_on_a_version_the_clerk_has_not_seen(
    archive_path: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Another clerk changes the published agenda while it is open here; F8 (start the
    minutes) shows the newest version first instead of starting minutes from it unseen,
    and a second F8 starts them."""
    monkeypatch.setenv("MINUTEBOOK_TODAY", "2027-01-05")
    _minutebook(archive_path, "publish", DRAFT)
    monkeypatch.setenv("MINUTEBOOK_TODAY", "2027-01-15")
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(pilot, DRAFT)
        data = yaml.safe_load(_minutebook(archive_path, "show", DRAFT, "--yaml", "--confidential"))
        data["venue"] = "The Riverside Room, Civic Centre"
        source = tmp_path / "theirs.yaml"
        source.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
        _minutebook(archive_path, "save", DRAFT, "--from", str(source), "-m", "Venue moved")
        assert screen.meeting.venue != "The Riverside Room, Civic Centre"
        await pilot.press("f8")
        await settle(pilot)
        assert _record(archive_path)["status"] == "agenda-published"
        assert screen.meeting.venue == "The Riverside Room, Civic Centre"
        assert "saved elsewhere" in str(screen.query_one("#status-line").render())
        await pilot.press("f8")
        await settle(pilot)
    record = _record(archive_path)
    assert record["status"] == "minutes-draft"
    assert record["venue"] == "The Riverside Room, Civic Centre"
