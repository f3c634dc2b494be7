"""The attendance table of the minutes editor, with one-key marking.

Lives here: :class:`AttendanceTable` (a data table with quick keys that post
:class:`AttendanceTable.Marked`). Must not live here: the edits it asks for
(:mod:`workflow.drafting.attendance`) or lifecycle rules (circulation refuses unrecorded
attendance in :mod:`workflow.rules.lifecycle`).
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from tui.widgets.tables import fresh_columns
from workflow.record.model import Meeting, Person, Role
from workflow.record.names import attendee_name

__all__ = ["AttendanceTable"]

class AttendanceTable(DataTable[Text]):
    """Who attended; quick keys mark the highlighted person."""

    BINDINGS = [
        Binding("p", "mark('present')", "Present", id="attendance.present", tooltip="Mark present in the room", show=False),
        Binding("a", "mark('apologies')", "Apologies", id="attendance.apologies", tooltip="Mark as having sent apologies", show=False),
        Binding("r", "mark('remote')", "Remote", id="attendance.remote", tooltip="Mark present remotely", show=False),
        Binding("x", "mark('absent')", "Absent", id="attendance.absent", tooltip="Mark absent without apologies", show=False),
        Binding("c", "mark('chair')", "Chair", id="attendance.chair", tooltip="Make this person the chair (again to undo)", show=False),
        Binding("s", "mark('substitute')", "Substitute", id="attendance.substitute", tooltip="Say whom this member substitutes for", show=False),
        Binding("n", "add", "Add", id="attendance.add", show=False,
                tooltip="Add anyone from the register (substitute, cabinet member, officer, partner, speaker) or a new person"),
        Binding("o", "add_officer", "Add officer", id="attendance.officer", tooltip="Add an officer with their directorate", show=False),
    ]

    class Marked(Message):
        """The clerk pressed a quick key on row ``index``."""

        def __init__(self, index: int, what: str) -> None:
            super().__init__()
            self.index = index
            self.what = what

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    def show(self, meeting: Meeting, people: Mapping[str, Person]) -> None:
        row = self.cursor_row
        fresh_columns(self, ("Name", "Role", "Attendance", "Notes"))
        for i, a in enumerate(meeting.attendance):
            notes = []
            if a.substitute_for:
                sub = people.get(a.substitute_for)
                notes.append(f"substitute for {sub.name if sub else a.substitute_for}")
            directorate = a.directorate or (people[a.person].directorate if a.person in people else "")
            if a.role is Role.OFFICER and directorate:
                notes.append(directorate)
            if a.capacity:
                notes.append(a.capacity)
            self.add_row(
                Text(attendee_name(a, people)), Text(a.role.value.replace("-", " ")),
                Text(a.state.value.replace("-", " ")), Text("; ".join(notes)), key=str(i),
            )
        if self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1))

    def action_mark(self, what: str) -> None:
        if self.row_count:
            self.post_message(self.Marked(self.cursor_row, what))

    def action_add(self) -> None:
        self.post_message(self.Marked(self.cursor_row, "add"))

    def action_add_officer(self) -> None:
        self.post_message(self.Marked(self.cursor_row, "officer"))
