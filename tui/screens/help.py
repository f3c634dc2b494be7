"""F1 help, generated from the bindings of the screen it was opened over (never hand-typed)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Markdown

__all__ = ["HelpScreen", "help_markdown"]


def _key_label(screen: Screen[object], key: str) -> str:
    return screen.app.get_key_display(Binding(key, ""))


def help_markdown(screen: Screen[object]) -> str:
    """Every key active on ``screen`` (its own, its focused widget's and the app's)."""
    lines = [f"# Keys: {getattr(screen, 'TITLE', None) or type(screen).__name__.removesuffix('Screen')}", ""]
    intro = getattr(screen, "HELP", "")
    if intro:
        lines += [intro, ""]
    lines += ["| Key | Action | What it does |", "| --- | --- | --- |"]
    seen: set[str] = set()
    for _node, binding, enabled, tooltip in _active_bindings(screen):
        if binding.key in seen or not binding.description:
            continue
        seen.add(binding.key)
        state = "" if enabled else " (not now)"
        text = (tooltip or binding.tooltip or binding.description).replace("|", "/")
        lines.append(f"| `{_key_label(screen, binding.key)}` | {binding.description}{state} | {text} |")
    lines += ["", "Press Escape to close this help."]
    return "\n".join(lines)


def _active_bindings(screen: Screen[object]):  # type: ignore[no-untyped-def]
    for key, active in screen.active_bindings.items():
        yield active.node, active.binding, active.enabled, active.tooltip
        del key


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close help", id="help.close")]

    def __init__(self, over: Screen[object]) -> None:
        super().__init__()
        self._text = help_markdown(over)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Markdown(self._text)

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
