"""The decisions screen: a recorded decision published, called in and implemented from the
terminal, with the archive and the Word record checked afterwards, and steps the call-in
state does not allow left out."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import docx
from textual.widgets import DataTable

from tests.tui.tui_helpers import answer_form, settle
from tui.launch import make_app
from tui.screens.decisions import DecisionsScreen
from workflow.record.model import CallIn, CallInState

MEETING = "cabinet-member-housing/2026-11-09"
ITEM = "empty-homes"


def _unpublish(archive: Path) -> None:
    """The sample's decision as just recorded: made, its record not yet published."""
    from workflow.services.meetings import Meetings
    from workflow.services.workspace import Workspace

    with Workspace.open(archive, create=False) as service:
        meeting = Meetings(service).load(MEETING)
        item = meeting.item(ITEM)
        record = dataclasses.replace(item.decision_record, call_in=CallIn())
        items = tuple(dataclasses.replace(it, decision_record=record) if it.uid == ITEM else it
                      for it in meeting.items)
        Meetings(service).save(dataclasses.replace(meeting, items=items), based_on=service.head(), message="Decision recorded")


def _unrecord(archive: Path) -> None:
    """The sample's decision with its record not yet written."""
    from workflow.services.meetings import Meetings
    from workflow.services.workspace import Workspace

    with Workspace.open(archive, create=False) as service:
        meeting = Meetings(service).load(MEETING)
        items = tuple(dataclasses.replace(it, decision_record=None) if it.uid == ITEM else it
                      for it in meeting.items)
        Meetings(service).save(dataclasses.replace(meeting, items=items), based_on=service.head(), message="Record taken out")


def _call_in(archive: Path) -> CallIn:
    from workflow.services.meetings import Meetings
    from workflow.services.workspace import Workspace

    with Workspace.open(archive, create=False) as service:
        return Meetings(service).load(MEETING).item(ITEM).decision_record.call_in


async def _open(pilot) -> DecisionsScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("d")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, DecisionsScreen)
    return screen


async def _select(pilot, screen: DecisionsScreen) -> None:  # type: ignore[no-untyped-def]
    index = next(n for n, row in enumerate(screen.rows) if row.item == ITEM)
    screen.query_one("#decisions", DataTable).move_cursor(row=index)
    await pilot.pause()


async def test_a_decision_is_published_called_in_and_implemented(archive_path: Path) -> None:
    _unpublish(archive_path)
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _open(pilot)
        assert {row.item for row in screen.rows} == {"empty-homes", "prevention-grant"}
        await _select(pilot, screen)
        assert screen.current().state is CallInState.MADE
        assert screen.check_action("publish", ()) is True
        assert screen.check_action("call_in", ()) is None
        assert screen.check_action("implement", ()) is None

        await pilot.press("p")
        await answer_form(pilot, {"on": "2026-11-25"})
        assert _call_in(archive_path).state is CallInState.PUBLISHED
        assert screen.current().state is CallInState.PUBLISHED
        assert "record of decision published" in str(screen.query_one("#status-line").render())
        issued = archive_path / "meetings" / MEETING / "issued" / f"decision-{ITEM}.docx"
        text = "\n".join(p.text for p in docx.Document(str(issued)).paragraphs)
        assert "Empty Homes" in text

        await pilot.press("c")
        await answer_form(pilot, {"by": "Councillors Bigham and Lapsa"})
        call = _call_in(archive_path)
        assert call.state is CallInState.CALLED_IN
        assert call.called_in_by == "Councillors Bigham and Lapsa"

        await pilot.press("i")
        await answer_form(pilot, {"concluded": "yes"})
        call = _call_in(archive_path)
        assert call.state is CallInState.IMPLEMENTED
        assert call.implemented_on.isoformat() == "2026-11-25"
        assert screen.check_action("publish", ()) is None

        await pilot.press("w")
        await settle(pilot)
        assert screen.last_written is not None, [n.message for n in app._notifications]
        assert "Empty Homes" in "\n".join(p.text for p in docx.Document(str(screen.last_written)).paragraphs)


async def test_a_date_that_is_not_a_date_is_named_and_nothing_is_saved(archive_path: Path) -> None:
    _unpublish(archive_path)
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _open(pilot)
        await _select(pilot, screen)
        await pilot.press("p")
        await answer_form(pilot, {"on": "25/11/2026"})
        assert _call_in(archive_path).state is CallInState.MADE
        messages = [n.message for n in app._notifications]
        assert "Published on: '25/11/2026' is not a date; write it as YYYY-MM-DD, e.g. 2027-01-14." in messages, messages
        assert isinstance(app.screen, DecisionsScreen)


async def test_steps_the_state_does_not_allow_are_not_offered(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _open(pilot)
        assert all(row.state is CallInState.IMPLEMENTED for row in screen.rows)
        for step in ("publish", "call_in", "implement"):
            assert screen.check_action(step, ()) is None
        await pilot.press("p", "c", "i")
        await settle(pilot)
        assert app.screen is screen
        assert screen.check_action("render", ()) is True
        from tui.screens.help import help_markdown
        from tui.screens.palette import domain_verbs

        keys = help_markdown(screen)
        assert "| `p` | Publish (not now) |" in keys
        assert "| `w` | Word | Write the Word record of decision |" in keys
        verbs = [title for title, *_ in domain_verbs(screen)]
        assert "Decision: Word" in verbs
        assert "Decision: Open meeting" in verbs
        assert not any(v in verbs for v in ("Decision: Publish", "Decision: Call-in", "Decision: Back"))
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "MeetingScreen"
        assert app.screen.meeting_id == MEETING
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "HomeScreen"


def test_candidates_are_resolved_items_of_held_executive_meetings_without_a_record(
    archive_path: Path,
) -> None:
    from workflow.services.decisions import Decisions
    from workflow.services.workspace import Workspace

    with Workspace.open(archive_path, create=False) as service:
        assert Decisions(service).decision_candidates().rows == ()
    _unrecord(archive_path)
    with Workspace.open(archive_path, create=False) as service:
        found = Decisions(service).decision_candidates().rows
    assert [(c.meeting, c.item, c.number) for c in found] == [(MEETING, ITEM, "8")]
    assert found[0].held_on.isoformat() == "2026-11-09"


async def test_a_record_of_decision_is_written_from_the_screen(archive_path: Path) -> None:
    from workflow.services.meetings import Meetings
    from workflow.services.workspace import Workspace

    _unrecord(archive_path)
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _open(pilot)
        assert [row.item for row in screen.rows] == ["prevention-grant"]
        await pilot.press("n")
        await answer_form(pilot, {"item": f"{MEETING}#{ITEM}",
                            "reasons": "Empty homes are a wasted resource in a housing shortage.",
                            "alternatives": "Do nothing; Lease the homes instead"})
        assert {row.item for row in screen.rows} == {"prevention-grant", ITEM}
        assert "record of decision written" in str(screen.query_one("#status-line").render())
        await pilot.press("n")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("No decision is waiting for its record") for m in messages), messages
    with Workspace.open(archive_path, create=False) as service:
        record = Meetings(service).load(MEETING).item(ITEM).decision_record
    assert record is not None
    assert record.call_in.state is CallInState.MADE
    assert record.reasons.startswith("Empty homes")
    assert record.alternatives == ("Do nothing", "Lease the homes instead")
    assert record.decision


async def test_a_record_without_reasons_is_refused_in_one_sentence(archive_path: Path) -> None:
    _unrecord(archive_path)
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _open(pilot)
        await pilot.press("n")
        await answer_form(pilot, {"item": f"{MEETING}#{ITEM}"})
        messages = [n.message for n in app._notifications]
        assert any("needs the reasons for the decision" in m for m in messages), messages
        assert [row.item for row in screen.rows] == ["prevention-grant"]


def test_a_decision_on_private_business_is_listed_wherever_its_record_is_kept(archive_path: Path) -> None:
    from workflow.record.model import Exemption
    from workflow.services.decisions import Decisions
    from workflow.services.meetings import Meetings
    from workflow.services.workspace import Workspace

    with Workspace.open(archive_path, create=False) as service:
        meeting = Meetings(service).load(MEETING)
        items = tuple(dataclasses.replace(it, exemption=Exemption(paragraph=3), public_title="A grant")
                      if it.uid == ITEM else it
                      for it in meeting.items)
        Meetings(service).save(dataclasses.replace(meeting, items=items), based_on=service.head(), message="Item made private")
        folder = archive_path / "meetings" / MEETING
        public = (folder / "meeting.yaml").read_text(encoding="utf-8")
        exempt = (folder / "meeting.exempt.yaml").read_text(encoding="utf-8")
        assert public.count("decision_record:") == 1
        assert "decision_record:" in exempt
        listed = {(row.meeting, row.item) for row in Decisions(service).decisions().rows}
    assert listed == {(MEETING, ITEM), (MEETING, "prevention-grant")}


async def test_the_forward_plan_is_written_from_the_screen(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _open(pilot)
        await pilot.press("f")
        await settle(pilot)
        written = screen.last_written
        assert written is not None, [n.message for n in app._notifications]
        assert written.name == "forward-plan-2026-11-25.docx"
        text = "\n".join(p.text for p in docx.Document(str(written)).paragraphs)
        assert "Forward Plan" in text or "forward plan" in text.lower()
        assert "written to" in str(screen.query_one("#status-line").render())


async def test_a_step_the_decision_is_not_ready_for_says_why(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DecisionsScreen)
        row = screen.current()
        assert row is not None
        assert row.state.value == "implemented"
        await pilot.press("p")
        await settle(pilot)
        said = [n.message for n in app._notifications if n.title.startswith("Publish")]
        assert said
        assert said[-1].startswith("Publishing is for a decision that is made; this one is implemented")
