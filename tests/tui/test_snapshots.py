"""SVG snapshots of the main screens at 80x24 and 120x36 (layout only; fixed data and day).

Update only after reading the report: ``pytest tests/tui/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.tui.conftest import fixed_clock
from tests.tui.tui_helpers import type_text, wait_for_workers
from tui.launch import make_app

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]
CIRCULATED = "children-scrutiny-board/2026-10-22"
DRAFT = "children-scrutiny-board/2027-01-14"
MINUTES_DRAFT = "planning-committee/2026-11-04"


async def _ready(pilot: Any) -> None:
    """Wait until the home screen shows its meetings (checked, not slept)."""
    pilot.app.sub_title = "sample archive"
    for _ in range(100):
        await pilot.pause()
        await wait_for_workers(pilot.app)
        tables = pilot.app.screen.query("#meetings")
        if tables and tables.first().row_count:
            break
    await _settled(pilot)


async def _settled(pilot: Any) -> None:
    """Wait until no worker runs, the busy indicator says so and every table has sized its
    columns to the rows just added, which it does when idle (checked, not slept)."""
    from textual.widgets import DataTable
    from textual.worker import WorkerState

    for _ in range(100):
        await pilot.pause()
        await wait_for_workers(pilot.app)
        await pilot.pause()
        running = [w for w in pilot.app.workers if w.state in (WorkerState.PENDING, WorkerState.RUNNING)]
        busy = [b for b in pilot.app.screen.query("BusyIndicator") if b.has_class("-busy")]
        sizing = [t for t in pilot.app.screen.query(DataTable) if t._require_update_dimensions]
        if not running and not busy and not sizing:
            break
    await pilot.pause()


async def _open(pilot: Any, meeting_id: str) -> None:
    await _ready(pilot)
    await wait_for_workers(pilot.app)
    await pilot.pause()
    pilot.app.screen.open_meeting(meeting_id)
    await _settled(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare: Any, fixed_archive: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(fixed_archive, clock=fixed_clock), terminal_size=size, run_before=_ready)


@pytest.mark.parametrize("size", SIZES)
def test_minutes_attendance(snap_compare: Any, fixed_archive: Path, size: tuple[int, int]) -> None:
    async def ready(pilot: Any) -> None:
        await _open(pilot, CIRCULATED)

    assert snap_compare(make_app(fixed_archive, clock=fixed_clock), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_item_minutes(snap_compare: Any, fixed_archive: Path, size: tuple[int, int]) -> None:
    async def ready(pilot: Any) -> None:
        await _open(pilot, CIRCULATED)
        await pilot.press("down", "down", "down", "down")
        await pilot.pause()

    assert snap_compare(make_app(fixed_archive, clock=fixed_clock), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_agenda_editor(snap_compare: Any, fixed_archive: Path, size: tuple[int, int]) -> None:
    async def ready(pilot: Any) -> None:
        await _open(pilot, DRAFT)
        await pilot.press("down", "down")
        await pilot.pause()

    assert snap_compare(make_app(fixed_archive, clock=fixed_clock), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_publish_dialog(snap_compare: Any, fixed_archive: Path, size: tuple[int, int]) -> None:
    async def ready(pilot: Any) -> None:
        await _open(pilot, DRAFT)
        await pilot.press("f7")
        await _settled(pilot)

    assert snap_compare(make_app(fixed_archive, clock=fixed_clock), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_new_meeting(snap_compare: Any, fixed_archive: Path, size: tuple[int, int]) -> None:
    """Started on the highlighted meeting's committee, the cursor in the date, buttons in sight."""

    async def ready(pilot: Any) -> None:
        await _ready(pilot)
        await pilot.press("n")
        await _settled(pilot)

    assert snap_compare(make_app(fixed_archive, clock=fixed_clock), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_history(snap_compare: Any, fixed_archive: Path, size: tuple[int, int]) -> None:
    async def ready(pilot: Any) -> None:
        await _open(pilot, CIRCULATED)
        await pilot.press("f4")
        await _settled(pilot)

    assert snap_compare(make_app(fixed_archive, clock=fixed_clock), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_search(snap_compare: Any, fixed_archive: Path, size: tuple[int, int]) -> None:
    """Meeting, item with its minute reference, the sentence with the words highlighted."""

    async def ready(pilot: Any) -> None:
        await _ready(pilot)
        await pilot.press("ctrl+f")
        await _settled(pilot)
        await type_text(pilot, "transport")
        await pilot.press("enter")
        await _settled(pilot)

    assert snap_compare(make_app(fixed_archive, clock=fixed_clock), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_preview(snap_compare: Any, fixed_archive: Path, size: tuple[int, int]) -> None:
    """The minutes as they print: the banner, headings, bold RESOLVED, lists."""

    async def ready(pilot: Any) -> None:
        await _open(pilot, CIRCULATED)
        await pilot.press("f5")
        await _settled(pilot)
        await pilot.press("pagedown", "pagedown")
        await _settled(pilot)

    assert snap_compare(make_app(fixed_archive, clock=fixed_clock), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_step_not_allowed(snap_compare: Any, fixed_archive: Path, size: tuple[int, int]) -> None:
    """F9 on an agenda draft says why, in the lifecycle's words."""

    async def ready(pilot: Any) -> None:
        await _open(pilot, DRAFT)
        await pilot.press("f9")
        await _settled(pilot)

    assert snap_compare(make_app(fixed_archive, clock=fixed_clock), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_decisions(snap_compare: Any, fixed_archive: Path, size: tuple[int, int]) -> None:
    async def ready(pilot: Any) -> None:
        await _ready(pilot)
        await pilot.press("d")
        await _settled(pilot)

    assert snap_compare(make_app(fixed_archive, clock=fixed_clock), terminal_size=size, run_before=ready)


async def _part_form(pilot: Any, uid: str, part: str, key: str) -> None:
    """On the draft minutes, open item ``uid``'s page and press ``key`` on its list of ``part``."""
    from tests.tui.tui_helpers import show_minutes_page
    from tui.screens.minutes_editor import MinutesEditor

    await _open(pilot, MINUTES_DRAFT)
    page = await show_minutes_page(pilot, pilot.app.screen.query_one(MinutesEditor), uid)
    page.part_list(part).focus()
    await pilot.pause()
    await pilot.press(key)
    await _settled(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_declaration_form(snap_compare: Any, fixed_archive: Path, size: tuple[int, int]) -> None:
    """A new declaration's form after OK with nothing chosen: the problems in the clerk's words."""

    async def ready(pilot: Any) -> None:
        await _part_form(pilot, "wharf-lane", "declarations", "a")
        await pilot.click("#ok")
        await _settled(pilot)

    assert snap_compare(make_app(fixed_archive, clock=fixed_clock), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_motion_form(snap_compare: Any, fixed_archive: Path, size: tuple[int, int]) -> None:
    """A motion's form with its vote recorded by name."""

    async def ready(pilot: Any) -> None:
        from textual.widgets import Checkbox

        await _part_form(pilot, "elm-row", "motions", "enter")
        pilot.app.screen.query_one("#f-vote-recorded", Checkbox).value = True
        await _settled(pilot)

    assert snap_compare(make_app(fixed_archive, clock=fixed_clock), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_action_form(snap_compare: Any, fixed_archive: Path, size: tuple[int, int]) -> None:
    async def ready(pilot: Any) -> None:
        await _part_form(pilot, "wharf-lane", "actions", "a")

    assert snap_compare(make_app(fixed_archive, clock=fixed_clock), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_attendee_form(snap_compare: Any, fixed_archive: Path, size: tuple[int, int]) -> None:
    """Adding to the attendance: a few letters typed, the register's matches listed."""

    async def ready(pilot: Any) -> None:
        from tui.widgets.attendance_table import AttendanceTable

        await _open(pilot, MINUTES_DRAFT)
        pilot.app.screen.query_one(AttendanceTable).focus()
        await pilot.pause()
        await pilot.press("n", "p", "a", "t")
        await _settled(pilot)

    assert snap_compare(make_app(fixed_archive, clock=fixed_clock), terminal_size=size, run_before=ready)
