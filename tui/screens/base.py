"""What every minutebook screen shares: the typed app, workers reported to it, and a key
whose step is not allowed now explained instead of ignored.

Textual does not let a worker's state change bubble past the screen that started it, so
each screen hands it to the app: failures reach the clerk as one sentence, and the busy
indicator follows the work. A key bound by the screen whose ``check_action`` says no
(the footer leaves it out) reaches :meth:`AppScreen.on_key`, which says why in one
sentence: the screen's ``why_not`` gives the reason, usually the lifecycle's.
"""

from __future__ import annotations

from textual import events, getters
from textual.worker import Worker

from tui.app import MinutebookApp
from tui.screens.help import own_bindings, why_not

__all__ = ["AppScreen"]


class AppScreen:
    """Mixed into screens (before ``Screen`` or ``ModalScreen``)."""

    app = getters.app(MinutebookApp)
    """The running :class:`~tui.app.MinutebookApp`, typed."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.app.on_worker_state_changed(event)

    def why_not(self, action: str) -> str | None:
        """Why ``action`` is not possible now (screens with conditional keys say it)."""
        return None

    def on_key(self, event: events.Key) -> None:
        active = self.active_bindings.get(event.key)  # type: ignore[attr-defined]
        if active is not None and active.enabled:
            return
        for binding in own_bindings(self):  # type: ignore[arg-type]
            if binding.key != event.key:
                continue
            reason = why_not(self, binding)  # type: ignore[arg-type]
            if reason:
                event.stop()
                event.prevent_default()
                self.app.notify(reason, title=f"{binding.description}: not now", severity="warning",
                                markup=False, timeout=8)
            return
