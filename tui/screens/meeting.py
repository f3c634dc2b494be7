"""The meeting screen: agenda and minutes editors, preview, live validation and saving.

Lives here: :class:`MeetingScreen`, which holds the meeting being edited (replaced whole on
each edit), says where the meeting stands (state, next deadline, what to do next) on a
line that is always shown, validates the item being edited when typing pauses and the
whole record in a worker, autosaves unsaved edits, offers them back on opening, saves
versions with an editable message (named "version 8" once saved) and asks before leaving
with unsaved edits. It opens at an item when asked (a search result). It remembers the
version it shows (``based_on``): a save merges a version saved meanwhile and says so, or,
when both changed the same fields, lets the clerk choose field by field
(:class:`SaveConflictDialog`). The lifecycle steps and Word output are in
:mod:`tui.screens.meeting_actions`, the tabs, the preview and search in
:mod:`tui.screens.meeting_views`. Must not live here: any rule (the service decides what
is valid and what is allowed).
"""

from __future__ import annotations

import threading

from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane, Tabs
from textual.worker import get_current_worker

from tui.app import MinutebookApp
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.save_conflict import SaveConflictDialog
from tui.dialogs.save_message import SaveMessageDialog
from tui.screens.agenda_editor import AgendaEditor
from tui.screens.editor_base import EditorPane
from tui.screens.meeting_actions import MeetingActions
from tui.screens.meeting_views import MINUTES_STATES, MeetingViews
from tui.screens.minutes_editor import MinutesEditor
from tui.widgets.busy import BusyIndicator
from tui.widgets.documents_panel import DocumentsPanel
from tui.widgets.preview import PreviewPane
from tui.widgets.standing import StandingLine, standing_text
from tui.widgets.validation_panel import ValidationPanel
from workflow.diff.meetings import diff_meetings
from workflow.diff.merge import merge_meetings
from workflow.errors import FieldError, InvalidRecord, MinutebookError
from workflow.record import codec
from workflow.record.model import Meeting
from workflow.services.checks import Checks
from workflow.services.editing import (
    autosave_key,
    autosave_store,
    autosave_text,
    keep_based_on,
    kept_based_on,
)
from workflow.services.history import History
from workflow.services.lifecycle import Lifecycle
from workflow.services.meetings import EditConflict, Meetings, Saved
from workflow.text.dates import format_date

__all__ = ["AUTOSAVE_SECONDS", "MeetingScreen"]

AUTOSAVE_SECONDS = 3.0
"""How often unsaved edits are written to the autosave store."""

_AGENDA_FIELDS = {"title", "public_title", "report", "wording", "documents", "exemption", "urgency", "kind"}


class MeetingScreen(MeetingViews):
    """One meeting: Agenda, Minutes and Preview tabs over the problems panel."""

    HELP = (
        "Edit the agenda (F2) or the minutes (F3); typing is applied and checked when you "
        "pause. Ctrl+S saves a version. The line at the top says where the meeting stands "
        "and what to do next. Problems are listed at the bottom: F6 goes there, Enter jumps "
        "to the field. Unsaved edits are autosaved every few seconds."
    )
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="meeting.save", tooltip="Save a version with a message"),
        *MeetingActions.ACTION_BINDINGS,
        Binding("f5", "preview", "Preview", id="document.preview", priority=True,
                tooltip="The agenda or minutes as they print (again to switch)"),
        *MeetingActions.DOCUMENT_BINDINGS,
        Binding("ctrl+f", "search", "Search", id="archive.search", show=False,
                tooltip="Search every meeting for some words"),
        Binding("f2", "tab('agenda')", "Agenda", id="meeting.agenda", tooltip="Edit the agenda items",
                show=False, priority=True),
        Binding("f3", "tab('minutes')", "Minutes", id="meeting.minutes", tooltip="Edit attendance and minutes",
                show=False, priority=True),
        Binding("f6", "problems", "Problems", id="problems.focus", tooltip="Go to the list of problems",
                show=False, priority=True),
        Binding("escape", "close", "Back", id="meeting.close", tooltip="Back to the meeting list"),
    ]

    app = getters.app(MinutebookApp)

    def __init__(self, meeting_id: str, *, item: str = "") -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.start_item = item
        """The item to open at (a search result), or "" for the first."""
        workspace = self.app.workspace
        self.lifecycle = Lifecycle(workspace)
        """The services the screen asks on the UI thread (reading, the lifecycle, one item's check)."""
        self.meeting: Meeting
        self.meeting, self.based_on = self.lifecycle.meetings.read(meeting_id)
        """The meeting being edited, and the version it was read at (what saves are based on)."""
        self.saved = self.meeting
        self.autosaved = self.meeting
        self.people = self.lifecycle.register.people()
        self.allowed_now: frozenset[str] = self.lifecycle.allowed(self.meeting)
        self.preview_document = ""
        self._full: list[FieldError] = []
        self._local: dict[str, list[FieldError]] = {}
        self._check_lock = threading.Lock()
        self._checker: Checks | None = None
        """The checks the whole-meeting check runs on (in its worker, under the lock),
        kept so that what it reads from the archive is read once per version."""
        self.autosave_key = autosave_key(workspace, meeting_id)

    def compose(self) -> ComposeResult:
        yield Header()
        yield StandingLine(id="standing")
        initial = "minutes" if self.meeting.status in MINUTES_STATES else "agenda"
        with TabbedContent(initial=initial, id="tabs"):
            with TabPane("Agenda F2", id="agenda"):
                yield AgendaEditor(self.meeting, id="agenda-editor")
            with TabPane("Minutes F3", id="minutes"):
                yield MinutesEditor(self.meeting, self.people, id="minutes-editor")
            with TabPane("Preview F5", id="preview"):
                yield PreviewPane(id="preview-pane")
        yield ValidationPanel(id="problems")
        yield DocumentsPanel(id="documents")
        with Horizontal(id="status-bar"):
            yield Static("", id="status-line", markup=False)
            yield BusyIndicator(id="busy")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._title()
        self.query_one(Tabs).can_focus = False
        tab = "minutes" if self.meeting.status in MINUTES_STATES else "agenda"
        self.query_one(f"#{tab}-items").focus()
        if self.start_item:
            self.call_after_refresh(self.show_item, self.start_item)
        self.set_interval(AUTOSAVE_SECONDS, self.autosave)
        self.validate_all()
        self.offer_recovery()

    def _title(self) -> None:
        m = self.meeting
        mark = " · unsaved" if self.dirty else ""
        self.sub_title = f"{m.committee_name or m.committee}, {format_date(m.date)} · {m.status.value.replace('-', ' ')}{mark}"
        step, due, overdue = self.lifecycle.next_step(m)
        self.query_one("#standing", StandingLine).show(standing_text(m.status, step, due, overdue, keys=True),
                                                        late=overdue)

    def editors(self) -> list[EditorPane]:
        return list(self.query(EditorPane))

    @property
    def dirty(self) -> bool:
        return self.meeting != self.saved or any(e.has_pending for e in self.editors())

    def status(self, text: str) -> None:
        self.query_one("#status-line", Static).update(text)

    # ------------------------------------------------------------------ edits

    def gather(self) -> None:
        """Apply typing still waiting for a pause, from every editor, now."""
        for editor in self.editors():
            editor.meeting = self.meeting
            editor.apply_pending()
            self.set_meeting(editor.meeting)

    def set_meeting(self, meeting: Meeting, *, redraw_from: EditorPane | None = None) -> None:
        changed_status = meeting.status is not self.meeting.status
        self.meeting = meeting
        for editor in self.editors():
            editor.meeting = meeting
            if redraw_from is not None and editor is not redraw_from:
                editor.redraw()
        if changed_status:
            self.allowed_now = self.lifecycle.allowed(meeting)
            self.refresh_bindings()
        self._title()

    def load_version(self, meeting: Meeting, based_on: str | None = None) -> None:
        """Show a newly saved or restored version (read at ``based_on``, when it changed);
        edits are gone, so pages are rebuilt."""
        self.meeting = self.saved = self.autosaved = meeting
        if based_on is not None:
            self.based_on = based_on
        self.allowed_now = self.lifecycle.allowed(meeting)
        for editor in self.editors():
            editor.reload(meeting)
        self.refresh_bindings()
        self._title()
        self._local.clear()
        self.validate_all()

    @on(EditorPane.Edited)
    def _edited(self, event: EditorPane.Edited) -> None:
        editor = event.control if isinstance(event.control, EditorPane) else None
        if editor is not None and event.meeting is not editor.meeting:
            return
        self.set_meeting(event.meeting, redraw_from=editor if event.redraw else None)
        self.validate_item(event.uid, event.problems)

    @on(MinutesEditor.PeopleChanged)
    def _people_changed(self, event: MinutesEditor.PeopleChanged) -> None:
        self.people = dict(event.people)

    # ------------------------------------------------------------------ validation

    def validate_item(self, uid: str | None, parse_problems: list[FieldError]) -> None:
        """Check the item being edited now (fast) and the whole record in a worker."""
        key = uid or "@meeting"
        found = list(parse_problems)
        if uid is not None and any(it.uid == uid for it in self.meeting.items):
            found += self.lifecycle.checks.check_item(self.meeting, uid)
        self._local[key] = found
        self.show_problems()
        self.validate_all()

    def show_problems(self) -> None:
        prefixes = {f"items[{i}]" for i, it in enumerate(self.meeting.items) if it.uid in self._local}
        kept = [p for p in self._full if p.path.split(".", 1)[0] not in prefixes]
        local = [p for found in self._local.values() for p in found]
        merged = list(dict.fromkeys(kept + local))
        self.query_one("#problems", ValidationPanel).show(merged, self.meeting, self.people)

    @work(thread=True, exclusive=True, group="validate", exit_on_error=False, description="Checking the meeting")
    def validate_all(self) -> None:
        meeting = self.meeting
        with self._check_lock:
            if self._checker is None:
                self._checker = Checks(self.app.open_workspace())
            found = self._checker.check(meeting)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._checked, meeting, found)

    def on_unmount(self) -> None:
        with self._check_lock:
            if self._checker is not None:
                self._checker.workspace.close()
                self._checker = None

    def _checked(self, meeting: Meeting, found: list[FieldError]) -> None:
        if meeting is not self.meeting:
            return
        self._full = found
        self.show_problems()

    @on(ValidationPanel.Jumped)
    def _jump(self, event: ValidationPanel.Jumped) -> None:
        head, _, rest = event.path.partition(".")
        field = rest.split(".", 1)[0].split("[", 1)[0]
        tabs = self.query_one("#tabs", TabbedContent)
        if head.startswith("items[") and head.endswith("]"):
            index = int(head[6:-1])
            if index >= len(self.meeting.items):
                return
            uid = self.meeting.items[index].uid
            if field in _AGENDA_FIELDS or not field:
                tabs.active = "agenda"
                self.query_one(AgendaEditor).focus_field(uid, field)
            else:
                tabs.active = "minutes"
                self.query_one(MinutesEditor).focus_field(uid, rest)
        elif head.startswith(("attendance", "closed")):
            tabs.active = "minutes"
            self.query_one(MinutesEditor).focus_field(None, head.split("[", 1)[0])
        else:
            self.status(f"{event.path} is a meeting detail: edit it with `minutebook edit {self.meeting_id}`.")

    # ------------------------------------------------------------------ autosave and recovery

    def autosave(self) -> None:
        if self.meeting == self.autosaved:
            return
        meeting, self.autosaved = self.meeting, self.meeting
        self.write_autosave(meeting, discard=meeting == self.saved)

    def keep_unsaved_edits(self) -> None:
        """Write the unsaved edits to the autosave now, on this thread (the app calls this
        on a bug before it reports it). Typing that cannot be applied is left out, and the
        failure to apply it raised once the rest is kept, for the crash report."""
        failure: Exception | None = None
        try:
            self.gather()
        except Exception as error:  # the edits applied so far are still kept below
            failure = error
        if self.meeting != self.saved:
            autosave_store().put(self.autosave_key, autosave_text(self.meeting))
            keep_based_on(self.autosave_key, self.based_on)
        if failure is not None:
            raise failure

    @work(thread=True, group="autosave", exit_on_error=False, description="Keeping unsaved edits")
    def write_autosave(self, meeting: Meeting, *, discard: bool = False) -> None:
        store = autosave_store()
        if discard:
            store.discard(self.autosave_key)
        else:
            store.put(self.autosave_key, autosave_text(meeting))
            keep_based_on(self.autosave_key, self.based_on)

    def offer_recovery(self) -> None:
        kept = autosave_store().get(self.autosave_key)
        if kept is None:
            return
        try:
            meeting = codec.decode(Meeting, codec.load_yaml(kept, where="the autosaved edits"), where="the autosaved edits")
        except MinutebookError as exc:
            self.app.report(exc, title="Autosaved edits cannot be read")
            return
        if meeting == self.saved or meeting.id != self.meeting_id:
            autosave_store().discard(self.autosave_key)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.load_version(self.saved, kept_based_on(self.autosave_key) or self.based_on)
                self.set_meeting(meeting)
                for editor in self.editors():
                    editor.reload(meeting)
                self.autosaved = meeting
                self._title()
                self.validate_all()
                self.status("Recovered your unsaved edits; save them with Ctrl+S.")
            else:
                autosave_store().discard(self.autosave_key)

        question = "Unsaved edits of this meeting were kept from an earlier session. Recover them?"
        self.app.push_screen(ConfirmDialog(question, yes="Recover", no="Discard"), answered)

    # ------------------------------------------------------------------ saving

    def action_save(self) -> None:
        self.gather()
        if not self.dirty:
            self.status("Nothing to save: no changes since the last version.")
            return
        if "edit" not in self.allowed_now:
            self.action_amend()
            return
        proposed = diff_meetings(self.saved, self.meeting, people=self.people).summary() or "Edited"

        def chosen(message: str | None) -> None:
            if message:
                self.status("Saving…")
                self.save_version(self.meeting, message)

        self.app.push_screen(SaveMessageDialog(proposed), chosen)

    @work(thread=True, group="archive", exit_on_error=False, description="Saving a version")
    def save_version(self, meeting: Meeting, message: str, based_on: str | None = None,
                     shown: Meeting | None = None) -> None:
        """Save ``meeting`` based on ``based_on`` (the version shown); ``shown`` is what
        the screen showed when the save began, when that differs from what is saved."""
        shown = shown or meeting
        with self.app.open_workspace() as workspace:
            try:
                saved = Meetings(workspace).save(
                    meeting, message=message, based_on=based_on or self.based_on
                )
            except EditConflict as exc:
                self.app.call_from_thread(self._conflict, shown, message, exc)
                return
            except MinutebookError as exc:
                self.app.call_from_thread(self._save_failed, shown, exc)
                return
            name = History(workspace).name_of(meeting.id, saved.version.commit)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._saved, shown, saved, name)

    def _saved(self, shown: Meeting, saved: Saved, name: str) -> None:
        autosave_store().discard(self.autosave_key)
        if saved.meeting == shown:
            self.saved = self.autosaved = shown
            self.based_on = saved.version.commit
            self._title()
        else:
            typed = self.meeting
            self.load_version(saved.meeting, saved.version.commit)
            if typed is not shown:
                self._keep_typing(merge_meetings(shown, typed, saved.meeting).meeting or typed)
        self.status(f"Saved as {name}. {saved.note}".strip())
        if saved.note:
            self.notify(saved.note, title="Merged", markup=False, timeout=8)

    def _keep_typing(self, meeting: Meeting) -> None:
        """Show edits typed while a save was on its way, over the version it saved."""
        self.set_meeting(meeting)
        for editor in self.editors():
            editor.reload(meeting)

    def _conflict(self, meeting: Meeting, message: str, conflict: EditConflict) -> None:
        self.write_autosave(meeting)
        self.status("Not saved yet: " + conflict.message)
        intro = (
            "This meeting was saved again after you opened it, with "
            "other values in fields you changed too. Choose, for each, the value to keep; the "
            "other version stays in the history either way."
        )

        def chosen(choices: dict[str, str] | None) -> None:
            if choices is None:
                self.status("Not saved: your edits are kept here and in the autosave.")
                return
            resolved = conflict.resolve(choices)
            self.status("Saving…")
            self.save_version(resolved, message, conflict.head, meeting)

        self.app.push_screen(SaveConflictDialog(intro, conflict.merge.unresolved), chosen)

    def _save_failed(self, meeting: Meeting, exc: MinutebookError) -> None:
        self.write_autosave(meeting)
        if isinstance(exc, InvalidRecord):
            self._full = list(exc.errors)
            self.show_problems()
        self.app.report(exc, title="Not saved")
        self.status("Not saved: your text is kept here and in the autosave. " + exc.message)

    # ------------------------------------------------------------------ navigation

    def action_problems(self) -> None:
        self.query_one("#problems", ValidationPanel).focus()

    def action_close(self) -> None:
        self.gather()
        if not self.dirty:
            self.dismiss()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.write_autosave(self.meeting)
                self.dismiss()

        question = "You have unsaved edits. Leave anyway? (They stay in the autosave and are offered back next time.)"
        self.app.push_screen(ConfirmDialog(question, yes="Leave", no="Stay"), answered)
