"""The save dialog: a proposed version message the clerk can edit before saving.

Lives here: :class:`SaveMessageDialog` (``ModalScreen[str | None]``; None is cancel).
Must not live here: proposing the message (``workflow.diff.meetings`` summarises the changes).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

__all__ = ["SaveMessageDialog"]


class SaveMessageDialog(ModalScreen[str | None]):
    """Enter saves a version with the message shown; Escape goes back to editing."""

    BINDINGS = [Binding("escape", "cancel", "Back to editing", id="save.cancel", tooltip="Do not save now")]

    def __init__(self, proposed: str, *, title: str = "Save a version") -> None:
        super().__init__()
        self.proposed = proposed
        self.heading = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.heading, classes="dialog-title", markup=False)
            yield Static("What changed (the version's message):", classes="dialog-text")
            yield Input(self.proposed, id="message", select_on_focus=False)
            yield Static("", id="message-problem", classes="dialog-problem", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#message", Input).focus()

    @on(Input.Submitted, "#message")
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        text = self.query_one("#message", Input).value.strip()
        if not text:
            self.query_one("#message-problem", Static).update("The message cannot be empty: say what changed.")
            return
        self.dismiss(text)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
