"""The agenda editor's structural keys and the meeting screen's guards, driven with Pilot
and checked in the archive: a standing item from the template, reordering, marking an
item private, removing one, the preview, leaving with unsaved edits, and restoring an
older version from the history screen."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Markdown, Select

from tests.tui.tui_helpers import open_meeting, save_version, settle, type_text
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.form import FormDialog
from tui.launch import make_app
from tui.widgets.item_list import ItemList

DRAFT = "children-scrutiny-board/2027-01-14"


def _saved(archive: Path):  # type: ignore[no-untyped-def]
    from workflow.services.history import History
    from workflow.services.meetings import Meetings
    from workflow.services.workspace import Workspace

    with Workspace.open(archive, create=False) as service:
        return Meetings(service).load(DRAFT), History(service).versions(DRAFT)


async def _highlight(pilot, screen, uid: str) -> None:  # type: ignore[no-untyped-def]
    items = screen.query_one("#agenda-items", ItemList)
    items.focus()
    items.select_id(uid)
    await pilot.pause()


def _report_uids(meeting) -> list[str]:  # type: ignore[no-untyped-def]
    return [it.uid for it in meeting.items if it.kind.value == "report"]


async def test_a_standing_item_comes_from_the_template_and_is_saved(archive_path: Path) -> None:
    before, _ = _saved(archive_path)
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(pilot, DRAFT)
        await pilot.press("ctrl+t")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        choice = dialog.query_one("#f-which", Select)
        options = [value for _, value in choice._options if value is not Select.BLANK]
        assert options
        choice.value = options[-1]
        await pilot.click("#ok")
        await settle(pilot)
        added = [it for it in screen.meeting.items if it.uid not in {i.uid for i in before.items}]
        assert len(added) == 1
        assert screen.dirty
        await save_version(pilot, "Standing item added")
    after, history = _saved(archive_path)
    assert [it.title for it in after.items if it.uid == added[0].uid] == [added[0].title]
    assert history[0].subject == "Standing item added"


async def test_items_move_up_and_down_and_the_new_order_is_saved(archive_path: Path) -> None:
    before, _ = _saved(archive_path)
    reports = _report_uids(before)
    assert len(reports) >= 2
    first, second = reports[0], reports[1]
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(pilot, DRAFT)
        await _highlight(pilot, screen, second)
        await pilot.press("ctrl+up")
        await settle(pilot)
        assert _report_uids(screen.meeting)[:2] == [second, first]
        await pilot.press("ctrl+down")
        await settle(pilot)
        assert _report_uids(screen.meeting)[:2] == [first, second]
        await pilot.press("ctrl+up")
        await settle(pilot)
        await save_version(pilot, "Reports reordered")
    after, _ = _saved(archive_path)
    assert _report_uids(after)[:2] == [second, first]


async def test_an_item_marked_private_keeps_its_paragraph_and_leaves_the_public_record(
    archive_path: Path,
) -> None:
    from workflow.services.meetings import Meetings
    from workflow.services.workspace import Workspace

    before, _ = _saved(archive_path)
    uid = _report_uids(before)[-1]
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(pilot, DRAFT)
        await _highlight(pilot, screen, uid)
        await pilot.press("ctrl+l")
        await pilot.pause()
        paragraph = screen.query_one("#paragraph", Input)
        assert paragraph.has_focus
        await type_text(pilot, "3")
        screen.gather()
        await settle(pilot)
        assert any(p.path.endswith("public_title") for p in screen._full), screen._full
        screen.query_one("#public-title", Input).focus()
        await type_text(pilot, "A private report")
        await save_version(pilot, "Item made private")
    with Workspace.open(archive_path, create=False) as service:
        full = Meetings(service).load(DRAFT)
        public = Meetings(service).load(DRAFT, public=True)
    assert full.item(uid).exemption is not None
    assert full.item(uid).exemption.paragraph == 3
    assert (archive_path / "meetings" / DRAFT / "meeting.exempt.yaml").exists()
    assert public.item(uid).exemption is not None
    assert public.item(uid).printed_title == "A private report"
    assert full.item(uid).title not in (archive_path / "meetings" / DRAFT / "meeting.yaml").read_text()


async def test_an_item_is_removed_only_after_saying_yes(archive_path: Path) -> None:
    before, _ = _saved(archive_path)
    uid = _report_uids(before)[0]
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(pilot, DRAFT)
        await _highlight(pilot, screen, uid)
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#no")
        await settle(pilot)
        assert uid in {it.uid for it in screen.meeting.items}
        await pilot.press("delete")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        assert uid not in {it.uid for it in screen.meeting.items}
        await save_version(pilot, "Item removed")
    after, _ = _saved(archive_path)
    assert uid not in {it.uid for it in after.items}
    assert len(after.items) == len(before.items) - 1


async def test_the_preview_shows_the_agenda_as_text(archive_path: Path) -> None:
    before, _ = _saved(archive_path)
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(pilot, DRAFT)
        await pilot.press("f5")
        await settle(pilot)
        text = screen.query_one("#preview-doc", Markdown).source
        assert screen.preview_document == "agenda"
        for item in before.items:
            if item.kind.value == "report" and not item.is_exempt:
                assert item.title in text


async def test_leaving_with_unsaved_edits_asks_and_staying_keeps_them(archive_path: Path) -> None:
    before, history = _saved(archive_path)
    uid = _report_uids(before)[0]
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(pilot, DRAFT)
        await _highlight(pilot, screen, uid)
        title = screen.query_one("#title", Input)
        title.focus()
        await type_text(pilot, " (revised)")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#no")
        await settle(pilot)
        assert app.screen is screen
        assert screen.meeting.item(uid).title.endswith("(revised)")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        assert type(app.screen).__name__ == "HomeScreen"
    after, history_after = _saved(archive_path)
    assert after.item(uid).title == before.item(uid).title
    assert len(history_after) == len(history)


async def test_an_older_version_is_restored_as_a_new_one(archive_path: Path) -> None:
    from tui.screens.history import HistoryScreen

    before, _ = _saved(archive_path)
    uid = _report_uids(before)[0]
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(pilot, DRAFT)
        await _highlight(pilot, screen, uid)
        screen.query_one("#title", Input).focus()
        await type_text(pilot, " (revised)")
        await save_version(pilot, "Title revised")
        await pilot.press("f4")
        await settle(pilot)
        history = app.screen
        assert isinstance(history, HistoryScreen)
        assert len(history.versions) == 2
        await pilot.press("down")
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await settle(pilot)
        assert history.restored
        assert len(history.versions) == 3
        await pilot.press("escape")
        await settle(pilot)
        assert screen.meeting.item(uid).title == before.item(uid).title
    after, versions = _saved(archive_path)
    assert after.item(uid).title == before.item(uid).title
    assert len(versions) == 3
