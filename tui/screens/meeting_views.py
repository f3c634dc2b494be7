"""Moving around the meeting screen: its tabs, the preview as it prints, and search.

Lives here: :class:`MeetingViews`, between :class:`~tui.screens.meeting_actions.MeetingActions`
and :class:`~tui.screens.meeting.MeetingScreen`: F2/F3/F5 show a tab with the cursor where
its work starts (the item list, or the preview, which PageDown scrolls); the preview is
built in a worker and drawn by :class:`~tui.widgets.preview.PreviewPane`; Ctrl+F searches
the archive and shows the item found, in this meeting or in another opened over it.
Must not live here: editing, saving or the lifecycle steps.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual import work
from textual.widgets import TabbedContent
from textual.worker import get_current_worker

from tui.screens.agenda_editor import AgendaEditor
from tui.screens.meeting_actions import MeetingActions
from tui.screens.minutes_editor import MinutesEditor
from tui.screens.search import SearchScreen
from tui.widgets.preview import PreviewPane
from workflow.errors import MinutebookError
from workflow.record.model import Meeting, Person, Status
from workflow.render.preview import preview_text
from workflow.services.search import SearchHit

__all__ = ["MINUTES_STATES", "MeetingViews"]

MINUTES_STATES = {Status.MINUTES_DRAFT, Status.MINUTES_CIRCULATED, Status.MINUTES_PUBLISHED, Status.MINUTES_APPROVED}
"""States in which the meeting screen opens on the minutes rather than the agenda."""


class MeetingViews(MeetingActions):
    """Tabs, preview and search; the subclass supplies the editors."""

    people: Mapping[str, Person]
    preview_document: str

    def action_tab(self, which: str) -> None:
        """Show a tab and put the cursor where its work starts: the item list, or the preview."""
        self.query_one("#tabs", TabbedContent).active = which
        target = "#preview-scroll" if which == "preview" else f"#{which}-items"
        self.query_one(target).focus()

    def show_item(self, uid: str) -> None:
        """Show item ``uid``: its minutes once the meeting has minutes, else its agenda entry."""
        if not any(it.uid == uid for it in self.meeting.items):
            return
        tabs = self.query_one("#tabs", TabbedContent)
        if self.meeting.status in MINUTES_STATES:
            tabs.active = "minutes"
            self.query_one(MinutesEditor).focus_field(uid, "body")
        else:
            tabs.active = "agenda"
            self.query_one(AgendaEditor).focus_field(uid, "title")

    def action_preview(self) -> None:
        tabs = self.query_one("#tabs", TabbedContent)
        if tabs.active == "preview":
            self.preview_document = "agenda" if self.preview_document == "minutes" else "minutes"
        elif not self.preview_document:
            self.preview_document = "minutes" if self.meeting.status in MINUTES_STATES else "agenda"
        self.action_tab("preview")
        self.gather()
        self.build_preview(self.meeting, self.preview_document)

    @work(thread=True, exclusive=True, group="preview", exit_on_error=False, description="Building the preview")
    def build_preview(self, meeting: Meeting, document: str) -> None:
        text = preview_text(meeting, people=self.people, document=document, confidential=True)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._previewed, text, document)

    def _previewed(self, text: str, document: str) -> None:
        self.query_one(PreviewPane).show(text)
        self.status(f"Preview of the {document} as it prints; PageDown scrolls, F5 again shows the "
                    f"{'agenda' if document == 'minutes' else 'minutes'}.")

    def action_search(self) -> None:
        def chosen(hit: SearchHit | None) -> None:
            if hit is None:
                return
            if hit.meeting == self.meeting_id:
                self.show_item(hit.uid)
                return
            try:
                screen = type(self)(hit.meeting, item=hit.uid)  # type: ignore[call-arg]
            except MinutebookError as exc:
                self.app.report(exc)
                return
            self.app.push_screen(screen)

        self.app.push_screen(SearchScreen(), chosen)
