"""Decisions: every recorded decision with its call-in state, and the steps on it.

Lives here: :class:`DecisionsScreen`, opened from home with ``d``. It lists what
``minutebook decisions`` lists and takes the steps of ``minutebook decision``: write the
record of a decision taken at a held meeting, publish it (the call-in period starts),
record a call-in, record implementation, and write the Word record. Each step asks for
its few details in a dialog and runs in a worker; a refusal is shown in one sentence. Must not
live here: the call-in rules or dates (:mod:`workflow.rules.decisions` via the service).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import get_current_worker

from tui.dialogs.form import Field, FormDialog
from tui.screens.base import AppScreen
from tui.screens.meeting import MeetingScreen
from tui.widgets.busy import BusyIndicator
from tui.widgets.documents_panel import DocumentsPanel
from tui.widgets.tables import fresh_columns
from workflow.clock import now as clock_now
from workflow.clock import today as clock_today
from workflow.errors import MinutebookError, UsageError
from workflow.render.documents import write_output
from workflow.services.decisions import Decisions
from workflow.services.documents import default_output
from workflow.services.history import History
from workflow.text.dates import format_date, optional_date

__all__ = ["DecisionsScreen", "state_text"]

_STEPS = {
    "publish": {"made"},
    "call_in": {"published"},
    "implement": {"published", "called-in"},
}
"""The steps that depend on a decision's state, and the states each may start from."""
_STEP_WORDS = {"publish": "Publishing", "call_in": "Recording a call-in", "implement": "Recording implementation"}


def state_text(row: Any) -> str:
    """A decision's state in a few words, with the date that matters next."""
    state = row.state.value
    if state == "made":
        return "made: record not published"
    if state == "implemented":
        return f"implemented {format_date(row.implemented_on, 'screen')}"
    if state == "called-in":
        return f"called in by {row.called_in_by}"
    if row.urgent:
        return "urgent: can be implemented"
    if row.can_implement:
        return "call-in over: can be implemented"
    return f"call-in until {format_date(row.deadline, 'screen')}"


def _held_on(meeting_id: str) -> str:
    """``09 Nov 2026`` from ``cabinet-member-housing/2026-11-09`` (or the id as it is)."""
    day = meeting_id.rsplit("/", 1)[-1][:10]
    try:
        return format_date(dt.date.fromisoformat(day), "screen")
    except ValueError:
        return meeting_id



class DecisionsScreen(AppScreen, Screen[None]):
    """Recorded decisions, newest meeting first as the service lists them."""

    HELP = (
        "Every recorded decision with its call-in state. n writes the record of a decision "
        "taken at a held meeting (its reasons, the alternatives rejected, any conflicts); "
        "p publishes the record of decision (the call-in period starts); c records that "
        "scrutiny members called it in; i records it as implemented; w writes the Word record "
        "of decision; f writes the forward plan of key decisions; Enter (or o) opens its meeting."
    )
    BINDINGS = [
        Binding("n", "record", "Record", id="decision.record",
                tooltip="Write the record of a decision taken at a held meeting"),
        Binding("p", "publish", "Publish", id="decision.publish", tooltip="Publish the record of decision; the call-in period starts"),
        Binding("c", "call_in", "Call-in", id="decision.call_in", tooltip="Record that the decision was called in"),
        Binding("i", "implement", "Implemented", id="decision.implement", tooltip="Record the decision as implemented"),
        Binding("w", "render", "Word", id="decision.render", tooltip="Write the Word record of decision"),
        Binding("f", "forward_plan", "Forward plan", id="decision.forward_plan", show=False,
                tooltip="Write the forward plan of key decisions from today as Word"),
        Binding("o", "open", "Open meeting", id="decision.open", show=False, tooltip="Open the meeting the decision was taken at (or Enter)"),
        Binding("escape", "back", "Back", id="decision.back", tooltip="Back to the meetings"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Any] = []
        self.today = clock_today(clock_now)
        """The clerk's day (``MINUTEBOOK_TODAY`` or the clock), as the service sees it."""
        self.last_written = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="decisions", cursor_type="row", zebra_stripes=True)
        yield DocumentsPanel(id="documents")
        with Horizontal(id="status-bar"):
            yield Static("", id="status-line", markup=False)
            yield BusyIndicator(id="busy")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = "Decisions and call-in"
        self.load_rows()

    def status(self, text: str) -> None:
        self.query_one("#status-line", Static).update(text)

    # ------------------------------------------------------------------ listing

    @work(thread=True, exclusive=True, group="decisions", exit_on_error=False, description="Reading decisions")
    def load_rows(self, then: str = "") -> None:
        with self.app.open_workspace() as workspace:
            today = workspace.today()
            listing = Decisions(workspace).decisions(today=today)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, listing, today, then)

    def _show(self, listing: Any, today: dt.date, then: str) -> None:
        self.rows, self.today = list(listing.rows), today
        table = self.query_one("#decisions", DataTable)
        keep = table.cursor_row
        fresh_columns(table, ("Meeting", "Item", "State", "Decision", "Decision-maker"))
        for row in self.rows:
            cells = (_held_on(row.meeting), row.number, state_text(row), row.title, row.decision_maker)
            table.add_row(*(Text(cell) for cell in cells), key=f"{row.meeting}#{row.item}")
        if self.rows:
            table.move_cursor(row=min(keep, len(self.rows) - 1))
        table.focus()
        for sentence in listing.skipped:
            self.app.notify(sentence, title="Left out", severity="warning", markup=False)
        count = f"{len(self.rows)} decision{'s' if len(self.rows) != 1 else ''}" if self.rows else "No decisions are recorded"
        self.status(then or f"{count}. n record · p publish · c call-in · i implemented · w Word record")
        self.refresh_bindings()

    def current(self) -> Any | None:
        if not self.rows:
            return None
        return self.rows[min(self.query_one("#decisions", DataTable).cursor_row, len(self.rows) - 1)]

    @on(DataTable.RowHighlighted, "#decisions")
    def _moved(self) -> None:
        self.refresh_bindings()

    @on(DataTable.RowSelected, "#decisions")
    def _chosen(self) -> None:
        self.action_open()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        states = _STEPS.get(action)
        if states is None:
            return True
        row = self.current()
        if row is None or row.state.value not in states:
            return None
        if action == "call_in" and (row.urgent or row.can_implement):
            return None
        return True

    def why_not(self, action: str) -> str | None:
        """Why a step is not possible for the highlighted decision now, in one sentence."""
        row = self.current()
        if action not in _STEPS:
            return None
        if row is None:
            return "There is no decision here yet: n records one from a held meeting."
        if action == "call_in" and row.state.value == "published" and row.urgent:
            return "This decision was taken as urgent, so it cannot be called in."
        if action == "call_in" and row.state.value == "published" and row.can_implement:
            return "The call-in period of this decision has ended; i records it as implemented."
        allowed = " or ".join(sorted(s.replace("-", " ") for s in _STEPS[action]))
        return f"{_STEP_WORDS[action]} is for a decision that is {allowed}; this one is {state_text(row)}."

    # ------------------------------------------------------------------ steps

    def _ask(self, title: str, fields: list[Field], intro: str, ok: str, step: str) -> None:
        row = self.current()
        if row is None:
            return

        def answered(values: dict[str, str] | None) -> None:
            if values is not None:
                self.take_step(step, row.meeting, row.item, values)

        self.app.push_screen(FormDialog(title, fields, intro=intro, ok=ok), answered)

    def action_record(self) -> None:
        self.find_candidates()

    @work(thread=True, exclusive=True, group="candidates", exit_on_error=False, description="Finding decisions to record")
    def find_candidates(self) -> None:
        with self.app.open_workspace() as workspace:
            listing = Decisions(workspace).decision_candidates()
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._ask_record, listing.rows)

    def _ask_record(self, candidates: tuple[Any, ...]) -> None:
        if not candidates:
            self.app.report(MinutebookError(
                "No decision is waiting for its record: every resolved item of a held executive "
                "meeting whose minutes are not yet approved has one."
            ))
            return
        choices = tuple(
            (f"{format_date(c.held_on, 'screen')} item {c.number}: {c.title}", f"{c.meeting}#{c.item}") for c in candidates
        )
        fields = [
            Field("item", "Decision", choices[0][1], choices=choices),
            Field("reasons", "Reasons for the decision"),
            Field("alternatives", "Alternatives considered and rejected (separate them with ;)"),
            Field("conflicts", "Conflicts of interest declared (blank if none)"),
            Field("dispensation", "Dispensation granted (blank if none)"),
        ]

        def answered(values: dict[str, str] | None) -> None:
            if values and values.get("item"):
                meeting_id, _, item = values["item"].partition("#")
                self.take_step("record", meeting_id, item, values)

        intro = "The decision itself is taken from the item's resolutions."
        self.app.push_screen(FormDialog("Write a record of decision", fields, intro=intro, ok="Record"), answered)

    def action_publish(self) -> None:
        row = self.current()
        if row is None:
            return
        self._ask(
            "Publish the record of decision",
            [Field("on", "Published on (YYYY-MM-DD)", self.today.isoformat()),
             Field("urgent", "Urgent: why it cannot wait for call-in (leave empty if it can)")],
            f"Item {row.number}: {row.title}. Publishing starts the call-in period and writes "
            "the Word record into the archive.",
            "Publish", "publish",
        )

    def action_call_in(self) -> None:
        row = self.current()
        if row is None:
            return
        self._ask(
            "Record a call-in",
            [Field("by", "Called in by", placeholder="e.g. Councillors Bigham and Lapsa"),
             Field("on", "Called in on (YYYY-MM-DD)", self.today.isoformat())],
            f"Item {row.number}: {row.title}. Call-in is open until {format_date(row.deadline)}.",
            "Record call-in", "call_in",
        )

    def action_implement(self) -> None:
        row = self.current()
        if row is None:
            return
        fields = [Field("on", "Implemented on (YYYY-MM-DD)", self.today.isoformat())]
        if row.state.value == "called-in":
            fields.append(Field("concluded", "Has scrutiny of the call-in concluded?", "no",
                                choices=(("No", "no"), ("Yes", "yes"))))
        self._ask("Record implementation", fields, f"Item {row.number}: {row.title}.",
                  "Record", "implement")

    @work(thread=True, group="archive", exit_on_error=False, description="Saving the decision")
    def take_step(self, step: str, meeting_id: str, item: str, values: dict[str, str]) -> None:
        with self.app.open_workspace() as workspace:
            service = Decisions(workspace)
            today = workspace.today()
            if step == "record":
                done = service.record_decision(
                    meeting_id, item, reasons=values.get("reasons", ""),
                    alternatives=[a for a in values.get("alternatives", "").split(";") if a.strip()],
                    conflicts=values.get("conflicts", ""), dispensation=values.get("dispensation", ""),
                )
            elif step == "publish":
                done = service.publish_decision(
                    meeting_id, item, published_on=optional_date(values.get("on", ""), "Published on") or today,
                    urgent_reason=values.get("urgent", "").strip(),
                )
            elif step == "call_in":
                by = values.get("by", "").strip()
                if not by:
                    raise UsageError("Called in by: say who called the decision in.")
                done = service.call_in_decision(
                    meeting_id, item, by=by, on=optional_date(values.get("on", ""), "Called in on") or today
                )
            else:
                done = service.implement_decision(
                    meeting_id, item, on=optional_date(values.get("on", ""), "Implemented on") or today,
                    call_in_concluded=values.get("concluded") == "yes",
                )
            name = History(workspace).name_of(meeting_id, done.version.commit)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.load_rows, f"{done.summary} ({name}).")

    def action_render(self) -> None:
        row = self.current()
        if row is not None:
            self.write_record(row.meeting, row.item, row.number)

    @work(thread=True, group="render", exit_on_error=False, description="Writing the record of decision")
    def write_record(self, meeting_id: str, item: str, number: str) -> None:
        with self.app.open_workspace() as workspace:
            out = default_output(meeting_id, f"decision-{number or item}", confidential=False)
            path = Decisions(workspace).render_decision(meeting_id, item, out=out)
        self.last_written = path
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._written, f"Record of decision written to {path}", path)

    def _written(self, message: str, path: Path) -> None:
        self.status(message)
        self.query_one(DocumentsPanel).show([path])

    def action_forward_plan(self) -> None:
        self.write_forward_plan()

    @work(thread=True, group="render", exit_on_error=False, description="Writing the forward plan")
    def write_forward_plan(self) -> None:
        with self.app.open_workspace() as workspace:
            decisions = Decisions(workspace)
            today = workspace.today()
            listing = decisions.forward_plan(today=today)
            out = default_output("forward-plan", today.isoformat(), confidential=False)
            write_output(decisions.forward_plan_bytes(listing.rows, today=today), out)
        self.last_written = out
        planned = f"{len(listing.rows)} key decision{'s' if len(listing.rows) != 1 else ''}"
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._written, f"Forward plan ({planned}) written to {out}", out)

    def action_open(self) -> None:
        row = self.current()
        if row is None:
            return
        try:
            screen = MeetingScreen(row.meeting)
        except MinutebookError as exc:
            self.app.report(exc)
            return
        self.app.push_screen(screen, lambda _: self.load_rows())

    def action_back(self) -> None:
        self.dismiss(None)
