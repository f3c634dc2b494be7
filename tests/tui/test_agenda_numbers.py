"""Numbers in a draft agenda follow the order of business: adding, moving or removing an
item numbers the draft again, the palette offers Renumber, and F7's checks refuse numbers
out of order. Driven with Pilot on the sample archive's draft agenda (items 17 to 23)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from tests.tui.tui_helpers import answer_form, open_meeting, save_version, settle
from tui.dialogs.form import FormDialog
from tui.launch import make_app
from tui.screens.palette import domain_verbs
from tui.widgets.item_list import ItemList

DRAFT = "children-scrutiny-board/2027-01-14"


def _numbers(meeting) -> list[str]:  # type: ignore[no-untyped-def]
    return [it.agenda_number for it in meeting.items]


def _saved(archive: Path):  # type: ignore[no-untyped-def]
    from workflow.services.meetings import Meetings
    from workflow.services.workspace import Workspace

    with Workspace.open(archive, create=False) as service:
        return Meetings(service).load(DRAFT)


async def test_a_report_added_to_a_draft_is_numbered_in_place(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(pilot, DRAFT)
        assert _numbers(screen.meeting) == [str(n) for n in range(17, 24)]
        screen.query_one("#agenda-items").focus()
        await pilot.press("ctrl+n")
        await answer_form(pilot, {"title": "Fostering Recruitment", "author": "Director"})
        titles = [it.title for it in screen.meeting.items]
        added = titles.index("Fostering Recruitment")
        assert titles[added + 1] == "Outstanding Issues"
        assert _numbers(screen.meeting) == [str(n) for n in range(17, 25)]
        assert screen.meeting.items[added].agenda_number == "21"
        listed = screen.query_one("#agenda-items", ItemList)
        assert str(listed.get_option_at_index(added).prompt).startswith("21. Fostering Recruitment")

        items = screen.query_one("#agenda-items", ItemList)
        items.focus()
        items.select_id(screen.meeting.items[added].uid)
        await pilot.pause()
        await pilot.press("ctrl+up")
        await settle(pilot)
        assert screen.meeting.items[added - 1].title == "Fostering Recruitment"
        assert _numbers(screen.meeting) == [str(n) for n in range(17, 25)]
        await save_version(pilot, "Fostering report added")
    saved = _saved(archive_path)
    assert _numbers(saved) == [str(n) for n in range(17, 25)]
    assert saved.item("workforce").agenda_number == "19"


async def test_the_palette_renumbers_a_draft_and_f7_refuses_numbers_out_of_order(
    archive_path: Path,
) -> None:
    from workflow.services.meetings import Meetings
    from workflow.services.workspace import Workspace

    with Workspace.open(archive_path, create=False) as service:
        meeting = Meetings(service).load(DRAFT)
        shuffled = list(meeting.items)
        shuffled[2] = dataclasses.replace(shuffled[2], agenda_number="23", minute_number="23")
        shuffled[-1] = dataclasses.replace(shuffled[-1], agenda_number="19", minute_number="19")
        Meetings(service).save(dataclasses.replace(meeting, items=tuple(shuffled)), based_on=service.head(), message="Numbers typed")

    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(pilot, DRAFT)
        assert _numbers(screen.meeting)[2] == "23"
        await pilot.press("f7")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        failed = [c.message for c in dialog.checks if not c.ok]
        assert any("out of order" in m and "23" in m for m in failed), failed
        await pilot.press("escape")
        await settle(pilot)

        screen.query_one("#agenda-items").focus()
        await pilot.pause()
        verbs = {title: action for title, _, _, action in domain_verbs(screen)}
        assert "Agenda: Renumber" in verbs
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert _numbers(screen.meeting) == [str(n) for n in range(17, 24)]
        assert screen.dirty
        await save_version(pilot, "Renumbered")

        await pilot.press("f7")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        numbers = next(c for c in dialog.checks if "numbered in order" in c.message)
        assert numbers.ok
    assert _numbers(_saved(archive_path)) == [str(n) for n in range(17, 24)]


async def test_renumber_is_not_offered_once_the_agenda_is_published(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(pilot, "children-scrutiny-board/2026-10-22")
        screen.query_one("#agenda-items").focus()
        await pilot.pause()
        titles = [title for title, _, _, _ in domain_verbs(screen)]
        assert "Agenda: Renumber" not in titles
