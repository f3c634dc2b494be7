"""The new-meeting wizard: committee, template, date, time, venue and kind.

Lives here: :class:`NewMeetingScreen` (``ModalScreen[str | None]``: the new meeting's id,
or None when cancelled). It starts on the committee the clerk was looking at, with the
cursor in the first field still empty; its buttons stay in sight however small the
terminal (the fields scroll above them), and a problem shown is cleared as soon as the
field is put right; a second meeting of the committee on a day it already meets is made
only after the clerk says yes. Numbering, expected attendance and standing items come
from the service (:meth:`workflow.services.meetings.Meetings.new_meeting`). Must not live
here: any of those rules.
"""

from __future__ import annotations

import datetime as dt

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Select, Static
from textual.worker import get_current_worker

from tui.dialogs.confirm import ConfirmDialog
from tui.screens.base import AppScreen
from workflow.drafting.meeting_templates import list_templates
from workflow.errors import MinutebookError
from workflow.record.model import Committee, MeetingKind
from workflow.services.meetings import Meetings
from workflow.services.register import Register
from workflow.text.dates import format_date, parse_date, parse_time

__all__ = ["NewMeetingScreen"]


class NewMeetingScreen(AppScreen, ModalScreen[str | None]):
    """Pick the committee and template, then when and where; Enter creates the meeting."""

    HELP = "The new meeting takes its items, wording and numbers from the template and the committee's last meeting."
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="new.cancel", tooltip="Close without creating a meeting"),
        Binding("ctrl+s", "create", "Create", id="new.create", tooltip="Create the meeting"),
    ]

    def __init__(self, committee: str = "") -> None:
        super().__init__()
        self.committees: list[Committee] = Register(self.app.workspace).committees()
        self.templates = list_templates()
        self.start_committee = committee
        """The committee to start on (the one selected on home), or "" for the first."""
        self.creating = False

    def compose(self) -> ComposeResult:
        chosen = [c for c in self.committees if c.slug == self.start_committee]
        first = chosen[0] if chosen else (self.committees[0] if self.committees else None)
        with VerticalScroll(classes="dialog", id="new-meeting"):
            with Vertical(id="new-actions"):
                yield Static("", id="new-problem", classes="dialog-problem", markup=False)
                with Horizontal(classes="dialog-buttons"):
                    yield Button("Create", id="create", variant="primary")
                    yield Button("Cancel", id="cancel")
            yield Static("New meeting", classes="dialog-title")
            yield Static("Committee", classes="field-label")
            yield Select([(c.name, c.slug) for c in self.committees], id="committee",
                         value=first.slug if first else Select.NULL, allow_blank=first is None)  # fmt: skip
            yield Static("Template", classes="field-label")
            yield Select([(t.name, t.slug) for t in self.templates], id="template",
                         value=self._template_for(first), allow_blank=False)  # fmt: skip
            yield Static("Kind of meeting", classes="field-label")
            yield Select([(k.value.title(), k.value) for k in MeetingKind], id="kind",
                         value=MeetingKind.ORDINARY.value, allow_blank=False)  # fmt: skip
            yield Static("Date (YYYY-MM-DD)", classes="field-label")
            yield Input(id="date", placeholder="YYYY-MM-DD")
            yield Static("Start time (HH:MM)", classes="field-label")
            yield Input(self._start_for(first), id="time", placeholder="HH:MM")
            yield Static("Venue", classes="field-label")
            yield Input(first.venue if first else "", id="venue")

    def on_mount(self) -> None:
        first = self.first_empty()
        first.focus(scroll_visible=False)
        self.call_after_refresh(first.scroll_visible, animate=False)
        if not self.committees:
            self.query_one("#new-problem", Static).update(
                "There are no committees yet: add one with `minutebook committees add`."
            )

    def first_empty(self) -> Widget:
        """The first field still to fill in (the committee, the date…), else Create."""
        for widget in self.query("#new-meeting Select, #new-meeting Input"):
            if isinstance(widget, Select) and widget.value is Select.NULL:
                return widget
            if isinstance(widget, Input) and not widget.value.strip():
                return widget
        return self.query_one("#create", Button)

    def problem(self) -> str:
        """What stops the meeting being created, in one sentence ("" when nothing does)."""
        if self.query_one("#committee", Select).value is Select.NULL:
            return "Committee: choose the committee the meeting is of."
        try:
            parse_date(self.query_one("#date", Input).value, "Date")
            parse_time(self.query_one("#time", Input).value, "Time")
        except MinutebookError as exc:
            return exc.message
        return ""

    @on(Input.Changed)
    @on(Select.Changed)
    def _recheck(self) -> None:
        """A problem on show is updated as the clerk types, and goes once it is put right."""
        shown = self.query_one("#new-problem", Static)
        if str(shown.render()).strip() and not self.creating:
            shown.update(self.problem())

    def _template_for(self, committee: Committee | None) -> str:
        slugs = [t.slug for t in self.templates]
        chosen = committee.template if committee and committee.template in slugs else ""
        return chosen or ("scrutiny-board" if "scrutiny-board" in slugs else slugs[0])

    def _start_for(self, committee: Committee | None) -> str:
        slug = self._template_for(committee)
        template = next(t for t in self.templates if t.slug == slug)
        return template.default_start.strftime("%H:%M") if template.default_start else "14:00"

    @on(Select.Changed, "#committee")
    def _committee(self, event: Select.Changed) -> None:
        committee = next((c for c in self.committees if c.slug == event.value), None)
        if committee is not None:
            self.query_one("#template", Select).value = self._template_for(committee)
            self.query_one("#venue", Input).value = committee.venue
            self.query_one("#time", Input).value = self._start_for(committee)

    @on(Input.Submitted)
    @on(Button.Pressed, "#create")
    def action_create(self) -> None:
        problem = self.query_one("#new-problem", Static)
        found = self.problem()
        if found:
            problem.update(found)
            return
        committee = self.query_one("#committee", Select).value
        date = parse_date(self.query_one("#date", Input).value, "Date")
        start = parse_time(self.query_one("#time", Input).value, "Time")
        self.creating = True
        problem.update("Creating the meeting…")
        self.create(str(committee), date, start, self.query_one("#venue", Input).value.strip(),
                    str(self.query_one("#template", Select).value), MeetingKind(str(self.query_one("#kind", Select).value)))  # fmt: skip

    @work(thread=True, group="archive", exit_on_error=False, description="Creating the meeting")
    def create(self, slug: str, date: dt.date, start: dt.time, venue: str, template: str, kind: MeetingKind,
               again: bool = False) -> None:
        with self.app.open_workspace() as workspace:
            meetings = Meetings(workspace)
            existing = meetings.same_day(slug, date)
            if existing and not again:
                self.app.call_from_thread(self._ask_again, existing, (slug, date, start, venue, template, kind))
                return
            try:
                meeting = meetings.new_meeting(slug, date=date, start=start, venue=venue or None, template=template,
                                               kind=kind, again=again)  # fmt: skip
            except MinutebookError as exc:
                self.app.call_from_thread(self._refused, exc.message)
                return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.dismiss, meeting.id)

    def _ask_again(self, existing: list[str], wanted: tuple[str, dt.date, dt.time, str, str, MeetingKind]) -> None:
        slug, date = wanted[0], wanted[1]
        name = next((c.name for c in self.committees if c.slug == slug), slug)
        problem = self.query_one("#new-problem", Static)

        def answered(yes: bool | None) -> None:
            if yes:
                problem.update("Creating the second meeting…")
                self.create(*wanted, again=True)
            else:
                self.creating = False
                problem.update(f"Not created: {name} already meets on {format_date(date)}; change the date.")

        question = (f"{name} already has a meeting on {format_date(date)} ({', '.join(existing)}). "
                    "Create a second meeting that day? Its items are numbered on from the first.")
        self.app.push_screen(ConfirmDialog(question, yes="Create another", no="Go back"), answered)

    def _refused(self, message: str) -> None:
        self.creating = False
        self.query_one("#new-problem", Static).update(message)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
