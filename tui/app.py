"""The Textual application: app-wide behaviour shared by every screen.

Lives here: :class:`MinutebookApp`, which holds the archive the UI thread reads (a
:class:`~workflow.services.workspace.Workspace`), opens a fresh one for each thread worker,
reports failures to the clerk in one sentence and opens F1 help. Screens reach it typed
with ``app = getters.app(MinutebookApp)``. The app is built by :func:`tui.launch.make_app`.
Must not live here: screens' handlers (each screen owns its widgets) or any rule.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from tui.screens.help import HelpScreen
from tui.screens.palette import DomainCommands
from tui.widgets.busy import BusyIndicator
from workflow.errors import MinutebookError
from workflow.services.workspace import Workspace

__all__ = ["MinutebookApp"]


class MinutebookApp(App[None]):
    """minutebook in a terminal: committees, meetings, agenda and minutes."""

    TITLE = "minutebook"
    CSS_PATH = "minutebook.tcss"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {DomainCommands}
    BINDINGS = [
        Binding("f1", "help", "Help", id="app.help", tooltip="Every key for this screen"),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", tooltip="Leave minutebook", show=False),
    ]

    def __init__(
        self,
        open_workspace: Callable[[], Workspace],
        *,
        home: Callable[[], Screen[None]],
        workspace: Workspace | None = None,
    ) -> None:
        super().__init__()
        self._open_workspace = open_workspace
        self._home = home
        self._workspace = workspace

    @property
    def workspace(self) -> Workspace:
        """The archive the UI thread reads (opened on first use, closed with the app)."""
        if self._workspace is None:
            self._workspace = self._open_workspace()
        return self._workspace

    def open_workspace(self) -> Workspace:
        """A new workspace on the same archive, for a thread worker (which closes it)."""
        return self._open_workspace()

    def on_mount(self) -> None:
        root = self.workspace.root
        self.sub_title = f"{root} (demo archive)" if self.workspace.is_demo else str(root)
        self.push_screen(self._home())

    def get_key_display(self, binding: Binding) -> str:
        """Function keys as printed on the keyboard (F7), the others as Textual shows them."""
        shown = super().get_key_display(binding)
        if len(shown) <= 3 and shown[:1] == "f" and shown[1:].isdigit():
            return shown.upper()
        return "Esc" if shown == "esc" else shown

    def action_help(self) -> None:
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
        """Every worker's failure is reported here; the busy indicator follows the work."""
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            self.report(event.worker.error)
        node = event.worker.node
        screen = node if isinstance(node, Screen) else getattr(node, "screen", self.screen)
        for indicator in screen.query(BusyIndicator):
            indicator.refresh_state()

    def on_unmount(self) -> None:
        if self._workspace is not None:
            self._workspace.close()
