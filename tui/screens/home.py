"""Home: committees on the left, their meetings with state and next deadline on the right.

Lives here: :class:`HomeScreen`. The meeting list is a stock ``DataTable`` filled from
:meth:`workflow.services.meetings.Meetings.overview` in a thread worker; the committee
list and the text filter narrow it. The highlighted meeting's state and next deadline are
also said in full on a line of their own, since the table cuts them at 80 columns. Ctrl+F
searches the whole archive and opens a meeting at the item found. Must not live here:
next steps or deadlines (the rules work them out) or how a meeting is opened (its screen).
"""

from __future__ import annotations

from rich.text import Text
from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.app import MinutebookApp
from tui.screens.base import AppScreen
from tui.screens.decisions import DecisionsScreen
from tui.screens.meeting import MeetingScreen
from tui.screens.new_meeting import NewMeetingScreen
from tui.screens.search import SearchScreen
from tui.widgets.standing import StandingLine, standing_text
from workflow.errors import MinutebookError
from workflow.rules.next_steps import OverviewRow
from workflow.services.meetings import Meetings
from workflow.services.search import SearchHit
from workflow.services.sync import Sync, outcome
from workflow.text.dates import format_date

__all__ = ["HomeScreen"]

ALL = "*"
HEADINGS = ("Date", "State", "Next", "Committee")


class HomeScreen(AppScreen, Screen[None]):
    """Where every session starts."""

    app = getters.app(MinutebookApp)

    HELP = "Pick a committee on the left, then a meeting; Enter opens it. d lists the recorded decisions."
    BINDINGS = [
        Binding("enter", "open", "Open", id="meeting.open", tooltip="Open the selected meeting", priority=True),
        Binding("n", "new", "New", id="meeting.new", tooltip="Create a meeting from a template"),
        Binding("slash", "filter", "Filter", id="home.filter", tooltip="Filter meetings by text"),
        Binding("ctrl+f", "search", "Search", id="archive.search",
                tooltip="Search every meeting for some words; Enter opens the meeting at the item"),
        Binding("d", "decisions", "Decisions", id="home.decisions",
                tooltip="Recorded decisions: publish, call-in, implementation"),
        Binding(
            "ctrl+y", "sync", "Sync", id="archive.sync",
            tooltip="Exchange versions with the team's shared archive (its git remote)",
        ),
        Binding("ctrl+r", "refresh", "Refresh", id="home.refresh", tooltip="Read the archive again", show=False),
        Binding("ctrl+q", "app.quit", "Quit", id="home.quit", tooltip="Leave minutebook"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[OverviewRow] = []
        """Every meeting in the archive, newest first."""
        self.committee = ALL
        """The committee picked on the left (``*``: all of them)."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="committees-pane"):
                yield Static("Committees", classes="pane-title")
                yield OptionList(id="committees")
            with Vertical(id="meetings-pane"):
                yield Input(placeholder="Filter meetings (/)", id="filter")
                yield DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield StandingLine(id="standing")
        yield Static("Reading the meetings…", id="status-line")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#meetings", DataTable).focus()
        self.load_rows()

    @work(thread=True, exclusive=True, group="home", exit_on_error=False, description="Reading meetings")
    def load_rows(self) -> None:
        with self.app.open_workspace() as workspace:
            rows = Meetings(workspace).overview()
            demo = workspace.is_demo
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_rows, rows, demo)

    def _show_rows(self, rows: list[OverviewRow], demo: bool) -> None:
        self.rows = rows
        committees = self.query_one("#committees", OptionList)
        committees.clear_options()
        names: dict[str, str] = {}
        for row in rows:
            names.setdefault(row.committee, row.committee_name)
        committees.add_option(Option("All committees", id=ALL))
        for slug, name in sorted(names.items(), key=lambda kv: kv[1]):
            committees.add_option(Option(name, id=slug))
        self._fill_table()
        status = f"{len(rows)} meetings"
        if demo:
            status += " · demo archive with a fictional council's sample meetings"
        self.query_one("#status-line", Static).update(status)

    def _fill_table(self) -> None:
        """Show the meetings that pass the committee and text filters."""
        table = self.query_one("#meetings", DataTable)
        keep = self.selected_id()
        needle = self.query_one("#filter", Input).value.strip().lower()
        one_committee = self.committee != ALL
        # With one committee picked on the left its name would repeat on every line.
        table.clear(columns=True)
        table.add_columns(*(HEADINGS[:3] if one_committee else HEADINGS))
        for row in self.rows:
            if one_committee and row.committee != self.committee:
                continue
            cells = (
                format_date(row.date, "screen"),
                row.status.value.replace("-", " "),
                row.next_step,
                row.committee_name,
            )
            if needle and needle not in " ".join(cells).lower() + row.id:
                continue
            shown = cells[:3] if one_committee else cells
            table.add_row(*(Text(cell) for cell in shown), key=row.id)
        if keep is not None and keep in table.rows:
            table.move_cursor(row=table.get_row_index(keep))
        self._show_standing(self.selected_id())

    @on(OptionList.OptionHighlighted, "#committees")
    def _committee_chosen(self, event: OptionList.OptionHighlighted) -> None:
        self.committee = event.option.id or ALL
        self._fill_table()

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self._fill_table()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.query_one("#meetings", DataTable).focus()

    @on(DataTable.RowHighlighted, "#meetings")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_standing(event.row_key.value)

    def _show_standing(self, meeting_id: str | None) -> None:
        """The highlighted meeting's state and next step, in full."""
        line = self.query_one("#standing", StandingLine)
        row = next((r for r in self.rows if r.id == meeting_id), None)
        line.display = row is not None
        if row is not None:
            where = f"{format_date(row.date, 'screen')}, {row.committee_name}: "
            line.show(where + standing_text(row.status, row.next_step, row.due, row.overdue, keys=False),
                      late=row.overdue)

    @on(DataTable.RowSelected, "#meetings")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.open_meeting(event.row_key.value)

    def selected_id(self) -> str | None:
        """The id of the highlighted meeting; None when the list is empty."""
        table = self.query_one("#meetings", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            return self.query_one("#meetings", DataTable).has_focus
        return True

    def why_not(self, action: str) -> str | None:
        return "Move to the meeting list first (Down or a click), then Enter opens a meeting." if action == "open" else None

    @on(DataTable.RowHighlighted, "#meetings")
    @on(OptionList.OptionHighlighted, "#committees")
    def _refresh_keys(self) -> None:
        self.refresh_bindings()

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def action_open(self) -> None:
        meeting_id = self.selected_id()
        if meeting_id:
            self.open_meeting(meeting_id)

    def open_meeting(self, meeting_id: str, *, item: str = "") -> None:
        try:
            screen = MeetingScreen(meeting_id, item=item)
        except MinutebookError as exc:
            self.app.report(exc)
            return
        self.app.push_screen(screen, lambda _: self.load_rows())

    def action_search(self) -> None:
        def chosen(hit: SearchHit | None) -> None:
            if hit is not None:
                self.open_meeting(hit.meeting, item=hit.uid)

        self.app.push_screen(SearchScreen(), chosen)

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_refresh(self) -> None:
        self.load_rows()

    def action_sync(self) -> None:
        self.query_one("#status-line", Static).update("Synchronising with the shared archive…")
        self.sync_archive()

    @work(thread=True, exclusive=True, group="sync", exit_on_error=False, description="Synchronising")
    def sync_archive(self) -> None:
        with self.app.open_workspace() as workspace:
            result, problems = Sync(workspace).sync()
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._synced, outcome(result), problems)

    def _synced(self, message: str, problems: list[str]) -> None:
        for problem in problems:
            self.app.notify(problem, title="After the sync", severity="warning", markup=False)
        self.app.notify(message, title="Sync", markup=False)
        self.load_rows()

    def action_decisions(self) -> None:
        self.app.push_screen(DecisionsScreen(), lambda _: self.load_rows())

    def action_new(self) -> None:
        def created(meeting_id: str | None) -> None:
            if meeting_id:
                self.load_rows()
                self.open_meeting(meeting_id)

        self.app.push_screen(NewMeetingScreen(committee=self.chosen_committee()), created)

    def chosen_committee(self) -> str:
        """The committee picked on the left, else that of the highlighted meeting."""
        if self.committee != ALL:
            return self.committee
        row = next((r for r in self.rows if r.id == self.selected_id()), None)
        return row.committee if row else ""
