"""The dialog for a save whose fields were changed meanwhile in another version.

Lives here: :class:`SaveConflictDialog` (``ModalScreen[dict[str, str] | None]``): each
field both versions changed, with the other version's value ("theirs") and the clerk's
("mine"), and a choice for each; Save returns the choices by conflict key, Cancel (None)
goes back to editing with nothing saved. Must not live here: the merge itself
(:mod:`workflow.diff.merge`) or saving (the meeting screen asks the service).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, RadioButton, RadioSet, Static

from workflow.diff.merge import Conflict

__all__ = ["SaveConflictDialog"]


class SaveConflictDialog(ModalScreen[dict[str, str] | None]):
    """Choose, field by field, between the version saved meanwhile and your edit."""

    BINDINGS = [Binding("escape", "cancel", "Back to editing", id="conflict.cancel",
                        tooltip="Save nothing now and go back to your edits")]

    def __init__(self, intro: str, conflicts: Sequence[Conflict]) -> None:
        super().__init__()
        self.intro = intro
        self.conflicts = tuple(conflicts)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Saved meanwhile by someone else", classes="dialog-title", markup=False)
            yield Static(self.intro, classes="dialog-text", markup=False)
            with VerticalScroll(id="conflicts"):
                for n, conflict in enumerate(self.conflicts):
                    yield Static(conflict.label, classes="conflict-field", markup=False)
                    with RadioSet(id=f"conflict-{n}", classes="conflict-choice"):
                        yield RadioButton(f"Mine: {conflict.mine}", value=True, id=f"mine-{n}")
                        yield RadioButton(f"Theirs: {conflict.theirs}", id=f"theirs-{n}")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#conflict-0", RadioSet).focus()

    def choices(self) -> dict[str, str]:
        """The side chosen for each field, by conflict key."""
        chosen = {}
        for n, conflict in enumerate(self.conflicts):
            theirs = self.query_one(f"#theirs-{n}", RadioButton).value
            chosen[conflict.key] = "theirs" if theirs else "mine"
        return chosen

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.dismiss(self.choices())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
