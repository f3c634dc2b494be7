"""The Textual application: composition root and app-wide behaviour.

``make_app`` builds the app around a :class:`~workflow.services.workspace.Workspace` factory so tests
construct the same objects on a temporary archive. Screens own their widgets and
handlers; rules live in ``workflow``. Slow work runs in thread workers; failures reach the
clerk as one sentence through :meth:`MinutebookApp.report`.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

# Typing latency: Textual paints a changed screen on a fixed beat of TEXTUAL_FPS a second
# (60 by default), so a key that lands just after another change (a check's result, the
# status line) waits up to one beat for its frame: 16 ms at 60, 4 ms at 240. Only changed
# screens are painted, so a faster beat costs nothing while nothing changes. The clerk's
# environment may set another rate; Textual reads it when it is first imported.
os.environ.setdefault("TEXTUAL_FPS", "240")

from textual.app import App  # noqa: E402
from textual.binding import Binding  # noqa: E402
from textual.screen import Screen  # noqa: E402
from textual.worker import Worker, WorkerState  # noqa: E402

from tui.screens.palette import DomainCommands  # noqa: E402
from workflow.errors import MinutebookError  # noqa: E402

if TYPE_CHECKING:
    from workflow.services.workspace import Workspace
    from workflow.settings import Settings

__all__ = ["MinutebookApp", "make_app", "run_app"]

WorkspaceFactory = Callable[[], "Workspace"]

SWITCH_INTERVAL = 0.0005
"""Seconds a thread may hold the interpreter lock while another waits (default 0.005)."""

STARTED_AT_LATEST = 2.0
"""Seconds after mounting by which start-up counts as done even if home has not shown."""


class MinutebookApp(App[None]):
    """minutebook in a terminal: committees, meetings, agenda and minutes."""

    TITLE = "minutebook"
    CSS_PATH = "minutebook.tcss"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {DomainCommands}
    BINDINGS = [
        Binding("f1", "help", "Help", id="app.help", tooltip="Every key for this screen"),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", tooltip="Leave minutebook"),
    ]

    def __init__(self, workspace_factory: WorkspaceFactory, *, root: Path | None = None) -> None:
        super().__init__()
        # Threads hand the interpreter lock over every half millisecond (not every five)
        # from here until the app ends: Textual's output thread then writes a frame as soon
        # as it is ready, and a key waits at most that long behind a worker.
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_INTERVAL)
        self._workspace_factory = workspace_factory
        self._workspace: Workspace | None = None
        self.root = root
        self.first_rows: tuple[list[object], bool] | None = None
        """The meeting list read before the first paint, so home shows it at once."""

    @property
    def workspace(self) -> Workspace:
        """The archive the UI thread reads, opened on first use."""
        if self._workspace is None:
            self._workspace = self._workspace_factory()
        return self._workspace

    def on_mount(self) -> None:
        from tui.screens.home import HomeScreen

        self.set_timer(STARTED_AT_LATEST, self.started)

        if self.first_rows is not None and self.root is not None:
            root, demo = self.root, self.first_rows[1]
        else:
            root, demo = self.workspace.root, self.workspace.is_demo
        self.sub_title = f"{root} (demo archive)" if demo else str(root)
        self.push_screen(HomeScreen())

    def started(self) -> None:
        """The first screen is painted: collect garbage again if start-up turned the collector
        off, and keep what start-up built (Textual, the app) out of later collections."""
        if not gc.isenabled():
            gc.enable()
            gc.collect()
            gc.freeze()
        self.call_after_refresh(lambda: self.workspace)

    def open_workspace(self) -> Workspace:
        """A new workspace on the same archive, for use inside a worker thread."""
        return self._workspace_factory()

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))

    def report(self, error: BaseException, *, title: str = "Cannot do that") -> None:
        """Show a failure as one sentence; never a traceback for clerk errors."""
        if isinstance(error, MinutebookError):
            self.notify(error.message, title=error.title, severity="error", markup=False, timeout=8)
        else:
            self.notify(
                f"Unexpected problem: {error}", title=title, severity="error", markup=False, timeout=12
            )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        from tui.widgets.busy import BusyIndicator

        if event.state is WorkerState.ERROR and event.worker.error is not None:
            self.report(event.worker.error)
        node = event.worker.node
        screen = node if isinstance(node, Screen) else getattr(node, "screen", self.screen)
        for indicator in screen.query(BusyIndicator):
            indicator.refresh_state()

    def on_unmount(self) -> None:
        sys.setswitchinterval(self._switch_interval)
        if self._workspace is not None:
            self._workspace.close()


def make_app(path: Path | None = None, *, clock: Callable[[], dt.datetime] | None = None) -> MinutebookApp:
    """The app on the archive at ``path`` (default if None), created with samples on first run.

    ``clock`` fixes the time versions are saved at (tests and snapshots).
    """
    import archive as store
    from workflow.settings import load_settings

    settings = load_settings()
    named = path is not None or bool(os.environ.get("MINUTEBOOK_ARCHIVE"))
    target = Path(path) if path is not None else store.default_archive_path()
    if not target.exists() and named:
        raise MinutebookError(
            f"There is no archive at {target}; create one with `minutebook init` "
            "(or `minutebook init --sample` for a demo)."
        )
    if not target.exists():
        from workflow.services import archives as sample

        sample.init_archive(target, sample=True, settings=settings)

    def factory() -> Workspace:
        from workflow.services.workspace import Workspace

        if clock is None:
            return Workspace.open(target, settings=settings, create=False)
        return Workspace.open(target, settings=settings, create=False, clock=clock)

    app = MinutebookApp(factory, root=target.expanduser().absolute())
    app.first_rows = _first_rows(target, settings, clock)
    if app.first_rows is None:
        try:  # opening the service names what is wrong with the archive
            from workflow.services.meetings import Meetings

            app.first_rows = (Meetings(app.workspace).overview(), app.workspace.is_demo)
        except MinutebookError:
            if app._workspace is None:
                raise
            app.first_rows = None
    return app


def _first_rows(
    target: Path, settings: Settings, clock: Callable[[], dt.datetime] | None
) -> tuple[list[object], bool] | None:
    """The meeting list read straight from the archive's files, without the service (whose
    modules take longer to import than the list takes to read); None if that fails."""
    import archive as store
    from workflow.clock import now as clock_now
    from workflow.clock import today as clock_today
    from workflow.rules import next_steps as overview

    try:
        with store.GitArchive.open(target) as repo:
            ids = overview.meeting_ids_in(repo.list_files("meetings/"))
            demo = repo.is_demo
    except (store.ArchiveError, OSError):
        return None
    today = clock_today(clock or clock_now)
    return list(overview.overview_rows(overview.read_summaries(target, ids), settings, today)), demo


def run_app() -> int:
    try:
        app = make_app()
    except MinutebookError as exc:
        print(f"minutebook: {exc.message}", file=sys.stderr)
        return exc.exit_code
    app.run()
    return app.return_code or 0
