"""The meeting screen's lifecycle steps and documents: publish, start the minutes,
circulate, approve, amend, render to Word, history.

Lives here: :class:`MeetingActions`, a base of :class:`tui.screens.meeting.MeetingScreen`:
each step first fetches the service's checks in a worker, shows them in a dialog, and
acts only when the clerk confirms; the work runs in a thread worker and the screen then
shows the new version by its number and lists the documents written, each by its whole
path (:class:`~tui.widgets.documents_panel.DocumentsPanel`). ``check_action`` asks the
service what the lifecycle allows, so the footer and the palette show only the steps
possible now; :meth:`MeetingActions.why_not` gives the lifecycle's sentence for the
others (F1 help lists it, and pressing the key says it). Must not live here: the checks
or rules themselves (:mod:`workflow.rules.lifecycle` via the service).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import work
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import get_current_worker

from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.form import CheckLine, Field, FormDialog
from tui.screens.base import AppScreen
from tui.screens.history import HistoryScreen
from tui.widgets.documents_panel import DocumentsPanel
from workflow.errors import MinutebookError
from workflow.record.model import Meeting, Status
from workflow.rules.incomplete import incomplete_items, incomplete_sentence
from workflow.services.documents import Documents
from workflow.services.editing import autosave_store
from workflow.services.history import History
from workflow.services.lifecycle import Lifecycle, Published
from workflow.services.meetings import Meetings
from workflow.text.dates import format_date

__all__ = ["MeetingActions"]

_LIFECYCLE = {
    "publish": "publish_agenda",
    "start_minutes": "start_minutes",
    "circulate": "circulate",
    "approve": "approve",
    "amend": "amend",
}
_AFTER = {
    "publish": " Put the Word agenda listed below on the council's website.",
    "start_minutes": " Record the attendance and each item's minutes (F3).",
    "circulate": " Send the Word file listed below to the chair.",
}
"""What the clerk does after a step, said after the step's result."""


class MeetingActions(AppScreen, Screen[None]):
    """Lifecycle and document actions; the subclass supplies the meeting and its editors."""

    ACTION_BINDINGS = [
        Binding("f7", "publish", "Publish agenda", id="agenda.publish", priority=True,
                tooltip="Publish the agenda: checks the deadline, writes the Word agenda and tags the version"),
        Binding("f8", "start_minutes", "Start minutes", id="minutes.start", priority=True,
                tooltip="Start the minutes from the published agenda, once the meeting has met"),
        Binding("f9", "circulate", "Circulate minutes", id="minutes.circulate", priority=True,
                tooltip="Circulate the draft minutes to the chair: writes the Word file to send"),
        Binding("f10", "approve", "Approve minutes", id="minutes.approve", priority=True,
                tooltip="Record that a later meeting approved these minutes; they are then locked"),
        Binding("f12", "amend", "Amend minutes", id="minutes.amend", priority=True,
                tooltip="Record a correction to approved minutes: who, when and why"),
    ]
    """The lifecycle steps, in the order a meeting takes them; the footer shows the one
    possible now."""
    DOCUMENT_BINDINGS = [
        Binding("ctrl+r", "render", "Word", id="document.render", show=False,
                tooltip="Write the saved agenda or minutes as a Word file in your documents folder"),
        Binding("f4", "history", "History", id="meeting.history", priority=True,
                tooltip="Versions, differences, redline, restore"),
    ]

    meeting_id: str
    meeting: Meeting
    based_on: str
    """The version the screen shows, which saves state as their base."""
    allowed_now: frozenset[str]
    autosave_key: str
    last_document: Path | None = None
    """The Word document written last (shown in the status line too)."""

    # ------------------------------------------------------------------ what the screen supplies

    def gather(self) -> None:
        """Apply typing still waiting for a pause, from every editor, now."""
        raise NotImplementedError

    @property
    def dirty(self) -> bool:
        """True while the record differs from the last saved version."""
        raise NotImplementedError

    def status(self, text: str) -> None:
        """Show ``text`` in the status line."""
        raise NotImplementedError

    def load_version(self, meeting: Meeting, based_on: str | None = None) -> None:
        """Show a newly saved or restored version (read at ``based_on``)."""
        raise NotImplementedError

    def action_tab(self, which: str) -> None:
        """Show the ``agenda``, ``minutes`` or ``preview`` tab."""
        raise NotImplementedError

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        step = _LIFECYCLE.get(action)
        if step is not None:
            return step in self.allowed_now
        if action == "save":
            return bool(self.allowed_now & {"edit", "amend"})
        return True

    def why_not(self, action: str) -> str | None:
        """The lifecycle's sentence saying why ``action`` is not possible now."""
        step = _LIFECYCLE.get(action) or ("edit" if action == "save" else None)
        if step is None:
            return None
        return Lifecycle(self.app.workspace).refusal(self.meeting, step) or None

    def _needs_saved(self, what: str) -> bool:
        self.gather()
        if self.dirty:
            self.app.report(MinutebookError(f"Save your edits first (Ctrl+S): {what} uses the saved version."))
            return True
        return False

    # ------------------------------------------------------------------ checks, then act

    @work(thread=True, group="archive", exit_on_error=False, description="Running the checks")
    def fetch_checks(self, step: str) -> None:
        with self.app.open_workspace() as workspace:
            lifecycle = Lifecycle(workspace)
            if step == "publish":
                checks: list[Any] = lifecycle.publish_checks(self.meeting_id)
                extra: list[Any] = []
            elif step == "circulate":
                checks, extra = lifecycle.circulate_checks(self.meeting_id), []
            else:
                checks = []
                extra = self._later_meetings(lifecycle.meetings)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._ask, step, checks, extra)

    def _later_meetings(self, meetings: Meetings) -> list[tuple[str, str]]:
        slug = self.meeting.committee
        found = []
        for row in meetings.overview():
            held = row.status not in (Status.AGENDA_DRAFT, Status.CANCELLED)
            if row.committee == slug and row.date > self.meeting.date and held:
                found.append((f"{format_date(row.date)} ({row.status.value.replace('-', ' ')})", row.id))
        return sorted(found, key=lambda c: c[1])

    def _ask(self, step: str, checks: list[Any], extra: list[tuple[str, str]]) -> None:
        lines = [CheckLine(c.ok, c.message, warning=c.message.startswith("Warning")) for c in checks]
        if step == "publish":
            fields = [Field("reason", "Reason of urgency (only if the agenda is late)")]
            dialog = FormDialog("Publish the agenda", fields, checks=lines, ok="Publish",
                                intro="Publishing writes the Word agenda (a public and a confidential copy), "
                                      "saves it with the record and tags the version; you then put it on the "
                                      "council's website. Its item numbers are then fixed.")  # fmt: skip
        elif step == "circulate":
            dialog = FormDialog("Circulate the draft minutes to the chair", checks=lines, ok="Circulate",
                                intro="Circulating writes the Word file of the draft minutes for you to send "
                                      "to the chair, and tags the version; minutebook sends nothing itself.")  # fmt: skip
        else:
            fields = [
                Field("at", "Approved at the meeting of", choices=tuple(extra)),
                Field("other", "…or another body's meeting id (e.g. full-council/2026-12-02)"),
            ]
            dialog = FormDialog("Approve the minutes", fields, ok="Approve",
                                intro="The approving meeting's Minutes item records the approval; these minutes are then locked.")  # fmt: skip

        def answered(values: dict[str, str] | None) -> None:
            if values is None:
                return
            if step == "publish":
                self.run_step("publish", urgent_reason=values.get("reason") or None)
            elif step == "circulate":
                self._confirm_incomplete("circulate", "Circulate anyway")
            else:
                other = values.get("other", "")
                at = other or values.get("at", "")
                if not at:
                    self.app.report(MinutebookError("Approve: choose the meeting that approved these minutes."))
                    return
                self._confirm_incomplete("approve", "Approve anyway", at=at,
                                         other_body=bool(other) and not other.startswith(self.meeting.committee + "/"))

        self.app.push_screen(dialog, answered)

    def _confirm_incomplete(self, step: str, yes: str, **kwargs: Any) -> None:
        """Take ``step``, first asking the clerk to confirm when an item is marked incomplete."""
        found = incomplete_items(self.meeting)
        if not found:
            self.run_step(step, **kwargs)
            return

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                self.run_step(step, confirm_incomplete=True, **kwargs)

        question = (f"{incomplete_sentence(found)}: the text was cut short where it came from, and the "
                    "minutes will say so where it stops. Go ahead with these minutes as they are?")
        self.app.push_screen(ConfirmDialog(question, yes=yes, no="Go back"), answered)

    @work(thread=True, group="archive", exit_on_error=False, description="Recording the step")
    def run_step(self, step: str, *args: Any, **kwargs: Any) -> None:
        """Take the lifecycle step ``step`` (a method of the lifecycle service) on the meeting."""
        with self.app.open_workspace() as workspace:
            lifecycle = Lifecycle(workspace)
            steps: dict[str, Callable[..., Published]] = {
                "publish": lifecycle.publish, "start_minutes": lifecycle.start_minutes,
                "circulate": lifecycle.circulate, "approve": lifecycle.approve, "amend": lifecycle.amend,
            }
            if step != "amend":
                newest, head = lifecycle.meetings.read(self.meeting_id)
                if self.based_on and head != self.based_on and newest != self._seen(lifecycle):
                    name = History(workspace).name_of(self.meeting_id, head)
                    self.app.call_from_thread(self._moved_on, newest, head, name)
                    return
            result = steps[step](self.meeting_id, *args, **kwargs)
            meeting = lifecycle.meetings.load(self.meeting_id, rev=result.version.commit)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._stepped, meeting, result, step)

    def _seen(self, lifecycle: Lifecycle) -> Meeting | None:
        """The meeting as saved in the version this screen shows."""
        if not self.based_on or not lifecycle.meetings.exists(self.meeting_id, self.based_on):
            return None
        return lifecycle.meetings.load(self.meeting_id, rev=self.based_on)

    def _moved_on(self, newest: Meeting, head: str, name: str) -> None:
        """The meeting was saved elsewhere since this screen showed it: show the newest
        version instead of taking a step on one the clerk has not seen."""
        self.load_version(newest, head)
        said = (f"{newest.id} was saved elsewhere as {name} after you opened it; it is shown "
                "now. Look it over, then take the step again.")
        self.status(said)
        self.notify(said, title="Changed elsewhere", severity="warning", markup=False, timeout=10)

    def _stepped(self, meeting: Meeting, result: Published, step: str) -> None:
        autosave_store().discard(self.autosave_key)
        self.load_version(meeting, result.version.commit)
        then = _AFTER.get(step, "")
        self.status(f"{result.summary or 'Done'} as {result.version_name}.{then}")
        if result.files:
            self.query_one(DocumentsPanel).show(result.files)
        for warning in result.warnings:
            self.notify(warning, severity="warning", markup=False, timeout=8)

    # ------------------------------------------------------------------ the steps

    def action_publish(self) -> None:
        if not self._needs_saved("publishing"):
            self.fetch_checks("publish")

    def action_start_minutes(self) -> None:
        if not self._needs_saved("starting the minutes"):
            self.run_step("start_minutes")
            self.action_tab("minutes")

    def action_circulate(self) -> None:
        if not self._needs_saved("circulating"):
            self.fetch_checks("circulate")

    def action_approve(self) -> None:
        if not self._needs_saved("approval"):
            self.fetch_checks("approve")

    def action_amend(self) -> None:
        self.gather()
        if not self.dirty:
            self.status("Make the correction in the editors first, then press F12 to record it as an amendment.")
            return
        corrected = self.meeting
        fields = [
            Field("reason", "Why the approved minutes are corrected"),
            Field("authority", "On whose authority (e.g. Minute 12/26 of the Board)"),
        ]

        def answered(values: dict[str, str] | None) -> None:
            if values is None:
                return
            if not values.get("reason"):
                self.app.report(MinutebookError("Amend: give the reason for correcting approved minutes."))
                return
            self.run_step("amend", corrected, reason=values["reason"], authority=values.get("authority", ""),
                          based_on=self.based_on)

        intro = "These minutes are approved: the correction is recorded as an amendment (who, when, why)."
        self.app.push_screen(FormDialog("Amend approved minutes", fields, intro=intro, ok="Record amendment"), answered)

    def action_render(self) -> None:
        if self._needs_saved("rendering"):
            return
        default = "minutes" if self.meeting.status.value.startswith("minutes") else "agenda"
        fields = [
            Field("document", "Document", value=default, choices=(("Agenda", "agenda"), ("Minutes", "minutes"))),
            Field("version", "Version", value="public",
                  choices=(("Public", "public"), ("Confidential (NOT FOR PUBLICATION)", "confidential"))),
        ]  # fmt: skip

        def answered(values: dict[str, str] | None) -> None:
            if values:
                self.render_word(values.get("document") or default, values.get("version") == "confidential")

        self.app.push_screen(FormDialog("Render to Word", fields, ok="Render"), answered)

    @work(thread=True, group="render", exit_on_error=False, description="Rendering the Word document")
    def render_word(self, document: str, confidential: bool) -> None:
        with self.app.open_workspace() as workspace:
            path = Documents(workspace).render(self.meeting_id, document, confidential=confidential)
        self.last_document = path
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._rendered, document, path)

    def _rendered(self, document: str, path: Path) -> None:
        self.status(f"Word {document} written to {path}")
        self.query_one(DocumentsPanel).show([path])

    def action_history(self) -> None:
        def back(restored: bool | None) -> None:
            if restored:
                self.load_version(*Meetings(self.app.workspace).read(self.meeting_id))

        self.app.push_screen(HistoryScreen(self.meeting_id), back)
