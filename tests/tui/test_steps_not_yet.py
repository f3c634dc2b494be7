"""Steps on meetings that have not happened, from the terminal UI: the minutes of a draft
agenda cannot be rendered, and approval cannot be recorded at a meeting whose agenda is
still a draft; each says why in one sentence, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from textual.widgets import Select

from tests.tui.tui_helpers import answer_form, open_meeting, settle
from tui.dialogs.form import FormDialog
from tui.launch import make_app

DRAFT = "children-scrutiny-board/2027-01-14"
CIRCULATED = "children-scrutiny-board/2026-10-22"


def _errors(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.message for n in app._notifications if n.severity == "error"]


async def test_the_minutes_of_a_draft_agenda_are_not_rendered(archive_path: Path) -> None:
    folder = platformdirs.user_documents_path() / "minutebook"
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(pilot, DRAFT)
        await pilot.press("ctrl+r")
        await answer_form(pilot, {"document": "minutes"})
        await settle(pilot)
        said = _errors(app)
        assert said == [f"There are no minutes of {DRAFT} to write: its agenda is still a draft, and "
                        "minutes are started only after the agenda is published and the meeting held."]
        assert screen.last_document is None
        assert not folder.exists() or not list(folder.glob("*minutes*"))


async def test_approval_is_not_offered_or_recorded_at_a_draft_agenda(archive_path: Path) -> None:
    from workflow.services.meetings import Meetings
    from workflow.services.workspace import Workspace

    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(pilot, CIRCULATED)
        await pilot.press("f10")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        field = dialog.query_one("#f-at")
        offered = [value for _, value in field._options] if isinstance(field, Select) else []
        assert DRAFT not in offered
        await answer_form(pilot, {"other": DRAFT})
        await settle(pilot)
        assert any("has not been held: its agenda is still a draft" in m for m in _errors(app)), _errors(app)
        assert screen.meeting.status.value == "minutes-circulated"
    with Workspace.open(archive_path, create=False) as service:
        assert Meetings(service).load(CIRCULATED).approval is None
