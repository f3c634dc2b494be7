"""What every screen that runs workers shares.

Textual does not let a worker's state change bubble past the screen that started it, so
each such screen hands it to the app: failures reach the clerk as one sentence, and the
busy indicator follows the work.
"""

from __future__ import annotations

from textual.worker import Worker

__all__ = ["WorkerReports"]


class WorkerReports:
    """Mixed into screens: pass worker state changes to ``MinutebookApp``."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.app.on_worker_state_changed(event)  # type: ignore[attr-defined]
