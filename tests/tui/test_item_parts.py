"""An item's declarations, motions and actions through their forms, with Pilot, checked in
the archive: each form names a problem in the clerk's words and focuses its field; the
lists add, edit, remove and reorder; the text route keeps a line it cannot read (with
more than two '|') and says why instead of ending the app; a problem in the panel opens
the form on its field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Checkbox, Input, Select, SelectionList, Static, TextArea

from tests.tui.tui_helpers import open_meeting, save_version, settle, show_minutes_page, type_text
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.parts import ActionDialog, DeclarationDialog, MotionDialog, PartTextDialog
from tui.launch import make_app
from tui.screens.minutes_editor import MinutesEditor
from tui.widgets.validation_panel import ValidationPanel
from workflow.record.model import ActionKind, InterestType, MotionKind, MotionOutcome

DRAFT = "planning-committee/2026-11-04"
ITEM = "wharf-lane"


def _load(archive: Path):  # type: ignore[no-untyped-def]
    from workflow.services.meetings import Meetings
    from workflow.services.workspace import Workspace

    with Workspace.open(archive, create=False) as service:
        return Meetings(service).load(DRAFT)


async def _page(pilot: Any, uid: str = ITEM) -> tuple[Any, Any]:
    screen = await open_meeting(pilot, DRAFT)
    page = await show_minutes_page(pilot, screen.query_one(MinutesEditor), uid)
    return screen, page


async def _press_in(pilot: Any, page: Any, part: str, *keys: str) -> Any:
    """Focus the list of ``part`` on the page, press ``keys``; the screen in front then."""
    page.part_list(part).focus()
    await pilot.pause()
    await pilot.press(*keys)
    await settle(pilot)
    return pilot.app.screen


async def _choose(pilot: Any, select: Select[str], value: str) -> None:
    """Open a choice with Enter, move to ``value`` with the arrow keys and take it with
    Enter, as a clerk does."""
    select.focus()
    await pilot.press("enter")
    await pilot.pause()
    values = [v for _, v in select._options]
    here = values.index(select.value) if select.value in values else 0
    steps = values.index(value) - here
    await pilot.press(*(["down"] * steps if steps > 0 else ["up"] * -steps), "enter")
    await pilot.pause()
    assert select.value == value


async def _ok(pilot: Any) -> None:
    await pilot.click("#ok")
    await settle(pilot)


def _problems(dialog: Any) -> str:
    return str(dialog.query_one("#part-problems", Static).render())


async def test_a_declaration_is_added_through_its_form_and_a_missing_kind_is_named(archive_path: Path) -> None:
    before = _load(archive_path)
    member = next(a.person for a in before.attendance if a.person.startswith("cllr-") and a.state.value != "apologies")
    app = make_app(archive_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, page = await _page(pilot)
        dialog = await _press_in(pilot, page, "declarations", "a")
        assert isinstance(dialog, DeclarationDialog)
        await _choose(pilot, dialog.query_one("#f-member", Select), member)
        dialog.query_one("#f-nature", Input).focus()
        await type_text(pilot, "Lives on Wharf Lane | next to the site")
        await _ok(pilot)
        assert app.screen is dialog
        assert _problems(dialog) == "Declaration 1: choose the kind of interest."
        assert app.focused is dialog.query_one("#f-interest", Select)
        await _choose(pilot, dialog.query_one("#f-interest", Select), "non-registrable")
        await _ok(pilot)
        assert app.screen is screen
        assert page.part_list("declarations").row_count == 1
        await save_version(pilot, "A declaration recorded")
    saved = _load(archive_path).item(ITEM).declarations
    assert [(d.member, d.interest, d.nature) for d in saved] == [
        (member, InterestType.NON_REGISTRABLE, "Lives on Wharf Lane | next to the site")]


async def test_a_motion_with_a_recorded_vote_names_who_voted_each_way(archive_path: Path) -> None:
    before = _load(archive_path)
    voters = [a.person for a in before.attendance if a.person.startswith("cllr-") and a.state.value in ("present", "not-recorded")]
    assert len(voters) >= 4
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen, page = await _page(pilot)
        count = len(page.parts["motions"])
        dialog = await _press_in(pilot, page, "motions", "a")
        assert isinstance(dialog, MotionDialog)
        await _choose(pilot, dialog.query_one("#f-kind", Select), "amendment")
        dialog.query_one("#f-text", TextArea).focus()
        await type_text(pilot, "That a condition on construction hours be added")
        await _choose(pilot, dialog.query_one("#f-mover", Select), voters[0])
        await _choose(pilot, dialog.query_one("#f-seconder", Select), voters[0])
        await _choose(pilot, dialog.query_one("#f-outcome", Select), "carried")
        recorded = dialog.query_one("#f-vote-recorded", Checkbox)
        recorded.focus()
        await pilot.press("space")
        await pilot.pause()
        ticks = {"for": voters[:3], "against": voters[3:4]}
        for side, refs in ticks.items():
            names: SelectionList[str] = dialog.query_one(f"#f-vote-{side}_names", SelectionList)
            assert names.display
            for ref in refs:
                names.select(ref)
        dialog.query_one("#f-vote-against_names", SelectionList).select(voters[0])
        await _ok(pilot)
        said = _problems(dialog)
        assert f"Amendment {count + 1}: the seconder must be someone other than the mover." in said
        assert "is ticked both for and against; tick one." in said
        assert app.focused is dialog.query_one("#f-seconder", Select)
        await _choose(pilot, dialog.query_one("#f-seconder", Select), voters[1])
        dialog.query_one("#f-vote-against_names", SelectionList).deselect(voters[0])
        await _ok(pilot)
        assert app.screen is screen
        await save_version(pilot, "An amendment with a recorded vote")
    motion = _load(archive_path).item(ITEM).motions[count]
    assert (motion.kind, motion.outcome, motion.mover, motion.seconder) == (
        MotionKind.AMENDMENT, MotionOutcome.CARRIED, voters[0], voters[1])
    assert motion.vote is not None
    assert motion.vote.recorded
    assert (motion.vote.for_names, motion.vote.against_names) == (tuple(voters[:3]), tuple(voters[3:4]))
    assert (motion.vote.for_count, motion.vote.against_count) == (3, 1)


async def test_actions_are_added_edited_reordered_and_removed_from_their_list(archive_path: Path) -> None:
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen, page = await _page(pilot)
        for text, owner, due in (("Write to the applicant", "Head of Planning", "soon"),
                                 ("Refer the drainage scheme", "Environment Agency", "2026-12-01")):
            dialog = await _press_in(pilot, page, "actions", "a")
            assert isinstance(dialog, ActionDialog)
            dialog.query_one("#f-text", TextArea).focus()
            await type_text(pilot, text)
            dialog.query_one("#f-owner", Input).focus()
            await type_text(pilot, owner)
            dialog.query_one("#f-due", Input).focus()
            await type_text(pilot, due)
            await _ok(pilot)
            if due == "soon":
                number = len(page.parts["actions"]) + 1
                assert _problems(dialog) == (f"Action {number}, date it is due by: 'soon' is not a date; "
                                             "write it as YYYY-MM-DD, e.g. 2027-01-14.")
                assert app.focused is dialog.query_one("#f-due", Input)
                dialog.query_one("#f-due", Input).value = ""
                await _ok(pilot)
            assert app.screen is screen
        assert [a.text for a in screen.meeting.item(ITEM).actions] == ["Write to the applicant", "Refer the drainage scheme"]
        await _press_in(pilot, page, "actions", "ctrl+up")
        assert [a.text for a in screen.meeting.item(ITEM).actions] == ["Refer the drainage scheme", "Write to the applicant"]
        dialog = await _press_in(pilot, page, "actions", "enter")
        assert isinstance(dialog, ActionDialog)
        await _choose(pilot, dialog.query_one("#f-kind", Select), "referral")
        await _ok(pilot)
        assert screen.meeting.item(ITEM).actions[0].kind is ActionKind.REFERRAL
        await _press_in(pilot, page, "actions", "down")
        confirm = await _press_in(pilot, page, "actions", "delete")
        assert isinstance(confirm, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        await save_version(pilot, "Actions recorded")
    saved = _load(archive_path).item(ITEM).actions
    assert [(a.text, a.kind, a.owner, a.due.isoformat() if a.due else None) for a in saved] == [
        ("Refer the drainage scheme", ActionKind.REFERRAL, "Environment Agency", "2026-12-01")]


async def test_a_declaration_line_with_more_than_two_bars_keeps_the_text_and_says_why(archive_path: Path) -> None:
    """Issue: new text typed in front of the old line gave a line with four '|', which
    ended the app and lost the correction typed just before."""
    before = _load(archive_path).item("declarations").declarations
    app = make_app(archive_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, page = await _page(pilot, "declarations")
        dialog = await _press_in(pilot, page, "declarations", "t")
        assert isinstance(dialog, PartTextDialog)
        lines = dialog.query_one("#part-lines", TextArea)
        old = lines.text
        assert old.startswith("cllr-c-ellery | ")
        lines.move_cursor((0, 0))
        typed = "cllr-f-quayle | Owns a shop on Wharf Lane | other-registrable"
        await type_text(pilot, typed)
        await _ok(pilot)
        assert app.is_running
        assert app.screen is dialog
        assert lines.text == typed + old
        said = _problems(dialog)
        assert said.startswith("Declaration 1: the line has 4 '|' marks but a declaration has 2 at most")
        lines.move_cursor((0, len(typed)))
        await pilot.press("enter")
        await _ok(pilot)
        assert app.screen is screen
        await save_version(pilot, "A declaration typed as text")
    saved = _load(archive_path).item("declarations").declarations
    assert [d.member for d in saved] == ["cllr-f-quayle", *[d.member for d in before]]
    assert saved[0].interest is InterestType.OTHER_REGISTRABLE
    assert saved[1:] == before


async def test_a_problem_in_the_panel_is_placed_in_words_and_opens_the_form_on_its_field(archive_path: Path) -> None:
    before = _load(archive_path)
    member = next(a.person for a in before.attendance if a.person.startswith("cllr-"))
    index = next(i for i, it in enumerate(before.items) if it.uid == ITEM)
    app = make_app(archive_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen, page = await _page(pilot)
        dialog = await _press_in(pilot, page, "declarations", "a")
        dialog.query_one("#f-member", Select).value = member
        dialog.query_one("#f-interest", Select).value = "pecuniary"
        dialog.query_one("#f-left_at", Input).value = "15:00"
        dialog.query_one("#f-returned_at", Input).value = "14:10"
        await _ok(pilot)
        assert app.screen is screen
        panel = screen.query_one(ValidationPanel)
        path = f"items[{index}].declarations[0].returned_at"
        assert path in [p.path for p in panel.problems]
        at = [p.path for p in panel.problems].index(path)
        number = before.items[index].minute_number
        assert str(panel.get_option_at_index(at).prompt).startswith(
            f"warning: Minute {number}, declaration 1, time they came back: ")
        panel.focus()
        panel.highlighted = at
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, DeclarationDialog)
        assert app.focused is form.query_one("#f-returned_at", Input)
