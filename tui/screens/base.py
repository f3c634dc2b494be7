"""What every minutebook screen shares: the typed app, and workers reported to it.

Textual does not let a worker's state change bubble past the screen that started it, so
each screen hands it to the app: failures reach the clerk as one sentence, and the busy
indicator follows the work.
"""

from __future__ import annotations

from textual import getters
from textual.worker import Worker

from tui.app import MinutebookApp

__all__ = ["AppScreen"]


class AppScreen:
    """Mixed into screens (before ``Screen`` or ``ModalScreen``)."""

    app = getters.app(MinutebookApp)
    """The running :class:`~tui.app.MinutebookApp`, typed."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.app.on_worker_state_changed(event)
