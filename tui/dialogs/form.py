"""A small form in a modal dialog, with the lifecycle checks shown before acting.

Lives here: :class:`FormDialog` (``ModalScreen[dict[str, str] | None]``) and
:class:`Field`. The publish, circulate, approve and amend dialogs, and the prompts for a
new item or an officer, are all forms with their own fields and checks. Must not live
here: running the checks or the action (the service does both).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

__all__ = ["CheckLine", "Field", "FormDialog"]


@dataclass(frozen=True, slots=True)
class Field:
    """One input: free text, or a choice when ``choices`` (label, value) are given."""

    key: str
    label: str
    value: str = ""
    placeholder: str = ""
    choices: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class CheckLine:
    """A check shown before acting: passed or not, and what it found."""

    ok: bool
    message: str
    warning: bool = False


class FormDialog(ModalScreen[dict[str, str] | None]):
    """Fields, checks and an OK button; Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without doing anything")]

    def __init__(
        self,
        title: str,
        fields: Sequence[Field] = (),
        *,
        intro: str = "",
        checks: Sequence[CheckLine] = (),
        ok: str = "OK",
    ) -> None:
        super().__init__()
        self.heading, self.fields, self.intro, self.checks, self.ok = title, tuple(fields), intro, tuple(checks), ok

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(self.heading, classes="dialog-title", markup=False)
            if self.intro:
                yield Static(self.intro, classes="dialog-text", markup=False)
            for check in self.checks:
                mark = "✓" if check.ok else ("!" if check.warning else "✗")
                css = "-ok" if check.ok else ("-warning" if check.warning else "-failed")
                yield Static(f"{mark} {check.message}", classes=f"check {css}", markup=False)
            for field in self.fields:
                yield Static(field.label, classes="field-label", markup=False)
                if field.choices:
                    value = field.value if any(v == field.value for _, v in field.choices) else Select.NULL
                    yield Select(field.choices, value=value, id=f"f-{field.key}", allow_blank=not field.value)
                else:
                    yield Input(field.value, placeholder=field.placeholder, id=f"f-{field.key}")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.ok, id="ok", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        first = self.query("Input, Select").first() if self.fields else self.query_one("#ok", Button)
        first.focus()

    def values(self) -> dict[str, str]:
        out = {}
        for field in self.fields:
            widget = self.query_one(f"#f-{field.key}")
            if isinstance(widget, Select):
                out[field.key] = "" if widget.value is Select.NULL else str(widget.value)
            else:
                assert isinstance(widget, Input)
                out[field.key] = widget.value.strip()
        return out

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        self.dismiss(self.values())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
