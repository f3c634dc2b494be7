"""The Textual application: app-wide behaviour shared by every screen.

Lives here: :class:`MinutebookApp`, which holds the archive the UI thread reads (a
:class:`~workflow.services.workspace.Workspace`), opens a fresh one for each thread worker,
reports failures to the clerk in one sentence, asks the clerk's name and e-mail on the
first run (kept in the settings, recorded with every version) and opens F1 help. Screens reach it typed
with ``app = getters.app(MinutebookApp)``. The app is built by :func:`tui.launch.make_app`.
Must not live here: screens' handlers (each screen owns its widgets) or any rule.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from archive import Identity
from tui.dialogs.form import Field, FormDialog
from tui.screens.help import HelpScreen
from tui.screens.palette import DomainCommands
from tui.widgets.busy import BusyIndicator
from workflow.errors import MinutebookError
from workflow.services.workspace import Workspace
from workflow.settings import config_path, store_identity

__all__ = ["MinutebookApp"]


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
        if self.workspace.known is None:
            self.call_after_refresh(self.ask_identity)

    def ask_identity(self, problem: str = "") -> None:
        """Ask the clerk's name and e-mail (first run); kept in the settings file."""
        intro = (
            "minutebook records who saves each version, who recorded an amendment and who "
            f"wrote each document. Your name and e-mail are kept in {config_path()}."
        )
        fields = [Field("name", "Your name (as the minutes should show it)"), Field("email", "Your e-mail")]

        def answered(values: dict[str, str] | None) -> None:
            if values is None:
                self.notify("Without a name nothing can be saved; you are asked again next time.",
                            title="Your name", severity="warning", markup=False)
                return
            try:
                settings = store_identity(values.get("name", ""), values.get("email", ""))
            except MinutebookError as exc:
                self.ask_identity(exc.message)
                return
            self.workspace.known = Identity(name=settings.clerk_name, email=settings.clerk_email)
            self.notify(f"Versions you save are recorded as {settings.clerk_name}.", markup=False)

        dialog = FormDialog("Who is saving?", fields, intro=f"{problem}\n\n{intro}" if problem else intro, ok="Save")
        self.push_screen(dialog, answered)

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
