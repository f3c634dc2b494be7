"""A small busy indicator for the status bar: shown while slow work runs in a worker.

Lives here: :class:`BusyIndicator`, which the app refreshes on every worker state change.
Must not live here: starting or judging work.
"""

from __future__ import annotations

from textual.widgets import Static
from textual.worker import WorkerState

__all__ = ["BusyIndicator"]

_SLOW_GROUPS = frozenset({"archive", "render", "history", "home", "search"})


class BusyIndicator(Static):
    """"Working: rendering the minutes…" while a slow worker of this screen runs."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)

    def refresh_state(self) -> None:
        running = [
            w for w in self.app.workers
            if w.group in _SLOW_GROUPS and w.state in (WorkerState.PENDING, WorkerState.RUNNING)
            and w.node is self.screen
        ]
        self.set_class(bool(running), "-busy")
        self.update(f"⏳ {running[0].description}…" if running else "")
