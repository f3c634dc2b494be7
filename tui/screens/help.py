"""F1 help, generated from the bindings of the screen it was opened over (never hand-typed).

Every key is listed, the screen's own first in the order it declares them: those in the
footer, those kept out of it to leave room, and those whose step is not allowed now, with
the one sentence saying why (the screen's ``why_not``, which asks the lifecycle); then
the keys of the part with the cursor and the app's. Textual's own movement keys (arrows,
Page Down…) are left out: they do what they say everywhere.
"""

from __future__ import annotations

from collections.abc import Iterator

from textual.actions import parse
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Markdown

__all__ = ["HelpScreen", "help_markdown", "own_bindings", "why_not"]


def _key_label(screen: Screen[object], key: str) -> str:
    return screen.app.get_key_display(Binding(key, ""))


def own_bindings(screen: Screen[object]) -> Iterator[Binding]:
    """The bindings the screen's class declares (one per key)."""
    yield from Binding.make_bindings(getattr(type(screen), "BINDINGS", []))


def why_not(screen: Screen[object], binding: Binding) -> str | None:
    """Why the screen's ``binding`` cannot be used now, or None when it can."""
    _, name, parameters = parse(binding.action)
    if screen.check_action(name, parameters):
        return None
    explain = getattr(screen, "why_not", None)
    return (explain(name) if explain else None) or "Not available here now."


def help_markdown(screen: Screen[object]) -> str:
    """Every key of ``screen`` (its own, its focused widget's and the app's)."""
    lines = [f"# Keys: {getattr(screen, 'TITLE', None) or type(screen).__name__.removesuffix('Screen')}", ""]
    intro = getattr(screen, "HELP", "")
    if intro:
        lines += [intro, ""]
    lines += ["| Key | Action | What it does |", "| --- | --- | --- |"]
    seen: set[str] = set()
    for binding in own_bindings(screen):
        if binding.key in seen or not binding.description:
            continue
        seen.add(binding.key)
        reason = why_not(screen, binding)
        state = " (not now)" if reason else ""
        text = (reason or binding.tooltip or binding.description).replace("|", "/")
        lines.append(f"| `{_key_label(screen, binding.key)}` | {binding.description}{state} | {text} |")
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.key in seen or not binding.description or not binding.id:
            continue
        seen.add(binding.key)
        state = "" if active.enabled else " (not now)"
        text = (active.tooltip or binding.tooltip or binding.description).replace("|", "/")
        lines.append(f"| `{_key_label(screen, binding.key)}` | {binding.description}{state} | {text} |")
    lines += ["", "Ctrl+P opens the command palette: type a few letters of what you want to do.",
              "", "Press Escape to close this help."]
    return "\n".join(lines)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close help", id="help.close")]

    def __init__(self, over: Screen[object]) -> None:
        super().__init__()
        self._text = help_markdown(over)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Markdown(self._text)

    def on_mount(self) -> None:
        self.query_one("#help", VerticalScroll).focus()

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
