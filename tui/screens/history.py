"""The history of one meeting: its versions, a word-level diff between two, a Word
redline, and restoring an old version as a new one.

Lives here: :class:`HistoryScreen` (dismissed with True when a version was restored, so
the meeting screen reloads). Versions are named by number ("version 8") as everywhere
else; a version's commit id is shown only on request (``i``). The table's columns are
sized to their content each time it is filled. Must not live here: diffing or archive
access (the service).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TextArea
from textual.worker import get_current_worker

from tui.dialogs.confirm import ConfirmDialog
from tui.screens.base import AppScreen
from tui.widgets.busy import BusyIndicator
from tui.widgets.documents_panel import DocumentsPanel
from tui.widgets.tables import fresh_columns
from workflow.services.documents import Documents, default_output
from workflow.services.history import History, version_name
from workflow.text.dates import format_date

__all__ = ["HistoryScreen"]


class HistoryScreen(AppScreen, Screen[bool]):
    """Versions newest first; Space marks two to compare."""

    HELP = (
        "Every saved version of the meeting, newest first. Space marks up to two versions; "
        "d shows what changed between them (or between the highlighted version and the one "
        "before it); w writes a Word redline for the chair; r restores a version as a new one."
    )
    BINDINGS = [
        Binding("space", "mark", "Mark", id="history.mark", tooltip="Mark this version for comparing"),
        Binding("d", "diff", "Compare", id="history.diff", tooltip="Show the word-level changes"),
        Binding("w", "redline", "Redline", id="history.redline", tooltip="Write a Word redline (tracked changes)"),
        Binding("r", "restore", "Restore", id="history.restore", tooltip="Save this version again as the newest"),
        Binding("i", "ids", "Commit ids", id="history.ids", show=False,
                tooltip="Show or hide each version's commit id (for git tools)"),
        Binding("escape", "back", "Back", id="history.back", tooltip="Back to the meeting"),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.versions: list[Any] = []
        self.marked: list[str] = []
        self.restored = False
        self.last_redline = None
        self.show_ids = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="versions", cursor_type="row", zebra_stripes=True)
        yield TextArea("", id="diff", read_only=True, soft_wrap=True)
        yield DocumentsPanel(id="documents")
        with Horizontal(id="status-bar"):
            yield Static("", id="status-line", markup=False)
            yield BusyIndicator(id="busy")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = f"History of {self.meeting_id}"
        self.load_versions()

    def status(self, text: str) -> None:
        self.query_one("#status-line", Static).update(text)

    @work(thread=True, exclusive=True, group="history", exit_on_error=False, description="Reading the history")
    def load_versions(self) -> None:
        with self.app.open_workspace() as workspace:
            versions = History(workspace).versions(self.meeting_id)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, versions)

    def _show(self, versions: list[Any]) -> None:
        self.versions = versions
        table = self.query_one("#versions", DataTable)
        fresh_columns(table, [" ", "Version", *(["Commit"] if self.show_ids else []), "Saved", "By", "Tags",
                              "What changed"])
        total = len(versions)
        for i, v in enumerate(versions):
            tags = ", ".join(t.rsplit("/", 1)[-1] for t in v.tags)
            mark = "●" if v.commit in self.marked else ""
            commit = [Text(v.short)] if self.show_ids else []
            table.add_row(Text(mark), Text(str(total - i)), *commit,
                          Text(f"{format_date(v.when.date(), 'screen')} {v.when:%H:%M}"),
                          Text(v.author.name), Text(tags), Text(v.subject), key=v.commit)  # fmt: skip
        table.focus()
        noun = "version" if total == 1 else "versions"
        self.status(f"{total} {noun}. Space marks two to compare; d compares; i shows commit ids.")

    def _current(self) -> Any | None:
        table = self.query_one("#versions", DataTable)
        if not self.versions:
            return None
        return self.versions[min(table.cursor_row, len(self.versions) - 1)]

    def _pair(self) -> tuple[str, str] | None:
        order = [v.commit for v in self.versions]
        if len(self.marked) == 2:
            a, b = sorted(self.marked, key=order.index, reverse=True)
            return a, b
        current = self._current()
        if current is None:
            return None
        index = order.index(current.commit)
        if index + 1 >= len(order):
            self.status("This is the first version: mark another one (Space) to compare with.")
            return None
        return order[index + 1], current.commit

    def _number(self, commit: str) -> int:
        order = [v.commit for v in self.versions]
        return len(order) - order.index(commit)

    def _label(self, commit: str) -> str:
        return version_name(self._number(commit), commit)

    def action_mark(self) -> None:
        current = self._current()
        if current is None:
            return
        if current.commit in self.marked:
            self.marked.remove(current.commit)
        else:
            self.marked = (self.marked + [current.commit])[-2:]
        row = self.query_one("#versions", DataTable).cursor_row
        self._show(self.versions)
        self.query_one("#versions", DataTable).move_cursor(row=row)

    def action_diff(self) -> None:
        pair = self._pair()
        if pair:
            self.compare(*pair)

    @work(thread=True, exclusive=True, group="history", exit_on_error=False, description="Comparing versions")
    def compare(self, old: str, new: str) -> None:
        with self.app.open_workspace() as workspace:
            diff = History(workspace).diff(self.meeting_id, old, new)
        text = "No differences." if diff.is_empty else diff.to_text(colour=False)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._compared, old, new, diff.summary(), text)

    def _compared(self, old: str, new: str, summary: str, text: str) -> None:
        self.query_one("#diff", TextArea).load_text(text)
        self.status(f"{self._label(old)} → {self._label(new)}: {summary or 'no differences'}")

    def action_redline(self) -> None:
        pair = self._pair()
        if pair:
            self.write_redline(*pair)

    @work(thread=True, group="render", exit_on_error=False, description="Writing the Word redline")
    def write_redline(self, old: str, new: str) -> None:
        with self.app.open_workspace() as workspace:
            name = f"redline-versions-{self._number(old)}-{self._number(new)}"
            out = default_output(self.meeting_id, name, confidential=False)
            path = Documents(workspace).redline(self.meeting_id, old, new, out)
        self.last_redline = path
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._written, path)

    def _written(self, path: Path) -> None:
        self.status(f"Word redline written to {path}")
        self.query_one(DocumentsPanel).show([path])

    def action_restore(self) -> None:
        current = self._current()
        if current is None:
            return
        label = self._label(current.commit)

        def answered(yes: bool | None) -> None:
            if yes:
                self.restore(current.commit, label)

        question = (f"Restore {label} ('{current.subject}') as the newest version? Nothing is lost: the "
                    "current version stays in the history. Unsaved edits on the meeting screen are dropped.")
        self.app.push_screen(ConfirmDialog(question, yes="Restore"), answered)

    @work(thread=True, group="archive", exit_on_error=False, description="Restoring a version")
    def restore(self, commit: str, label: str) -> None:
        with self.app.open_workspace() as workspace:
            history = History(workspace)
            version = history.restore(self.meeting_id, commit)
            versions = history.versions(self.meeting_id)
            name = history.name_of(self.meeting_id, version.commit)
        self.restored = True
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, versions)
            self.app.call_from_thread(self.status, f"Restored {label} as {name}.")

    def action_ids(self) -> None:
        self.show_ids = not self.show_ids
        row = self.query_one("#versions", DataTable).cursor_row
        self._show(self.versions)
        self.query_one("#versions", DataTable).move_cursor(row=row)

    def action_back(self) -> None:
        self.dismiss(self.restored)
