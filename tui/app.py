"""The Textual application: app-wide behaviour shared by every screen.

Lives here: :class:`MinutebookApp`, which holds the archive the UI thread reads (a
:class:`~workflow.services.workspace.Workspace`), opens a fresh one for each thread worker,
reports failures to the clerk in one sentence, asks the clerk's name and e-mail on the
first run (kept in the settings, recorded with every version) and opens F1 help. On a bug
(an exception no handler expected) every screen with unsaved edits keeps them in the
autosave first, the traceback goes to a crash report, and the clerk reads one sentence
saying where: a failed worker leaves the app running; a failed handler ends it, since
Textual stops that widget's messages. Screens reach it typed
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
from tui.crash import crash_sentence, write_crash_report
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
        self.crash_report = ""
        """Where the last crash report was written ("" when there was none)."""
        self.crash_sentence = ""
        """What the clerk was told about the last bug."""

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

    def get_key_display(self, binding: Binding) -> str:
        """Function keys as printed on the keyboard (F7), the others as Textual shows them."""
        shown = super().get_key_display(binding)
        if len(shown) <= 3 and shown[:1] == "f" and shown[1:].isdigit():
            return shown.upper()
        return "Esc" if shown == "esc" else shown

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.screen))

    def report(self, error: BaseException, *, title: str = "Cannot do that") -> None:
        """Show a failure as one sentence; never a traceback for clerk errors. A bug keeps
        the unsaved edits first and writes a crash report, which the sentence names."""
        if isinstance(error, MinutebookError):
            self.notify(error.message, title=error.title, severity="error", markup=False, timeout=8)
            return
        sentence = self._crashed(error, "interrupted the work; your unsaved edits are kept in the autosave")
        self.notify(sentence, title="Unexpected problem", severity="error", markup=False, timeout=20)

    def _crashed(self, error: BaseException, consequence: str) -> str:
        """Keep every screen's unsaved edits, write the crash report; the sentence to show."""
        for screen in self.screen_stack:
            keep = getattr(screen, "keep_unsaved_edits", None)
            if keep is None:
                continue
            try:
                keep()
            except Exception as failed:  # the report below must still be written
                error.add_note(f"Keeping the unsaved edits failed too: {failed!r}")
        self.crash_report = write_crash_report(error)
        self.crash_sentence = crash_sentence(error, self.crash_report, consequence)
        return self.crash_sentence

    def _handle_exception(self, error: Exception) -> None:
        """An exception no handler caught: Textual's hook, which ends the app. The edits are
        kept and the clerk reads one sentence instead of a traceback."""
        sentence = self._crashed(
            error, "stopped minutebook; your unsaved edits are kept and offered back when you "
            "open the meeting again"
        )
        self._return_code = 1
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        self.panic(sentence)

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
