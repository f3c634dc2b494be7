"""The minutes editor: attendance with quick keys, then each item's minutes.

Lives here: :class:`MinutesEditor` (attendance table and closing time, adding anyone to
the attendance from the people register or new to it, and one
:class:`~tui.screens.item_minutes.ItemMinutes` page per item, made when the item is
first opened so that each item has its own fields) and the conversion of those pages to
the record when typing pauses or a part's form is closed. Must not live here: labels
and numbering rules (:mod:`workflow.record.numbering`), lifecycle rules, saving.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import ContentSwitcher, Input, OptionList, Static, TextArea
from textual.worker import get_current_worker

from tui.dialogs.attendee import AttendeeChoice, AttendeeDialog
from tui.dialogs.form import Field, FormDialog
from tui.screens.editor_base import EditorPane, item_index, replace_item
from tui.screens.item_minutes import PARTS, ItemMinutes
from tui.widgets.attendance_table import AttendanceTable
from tui.widgets.item_list import ItemList
from workflow.drafting import minutes_fields as mt
from workflow.drafting.attendance import add_attendee, mark
from workflow.drafting.meeting_templates import load_template
from workflow.errors import FieldError, MinutebookError
from workflow.record.model import Meeting, Paragraph, Person
from workflow.record.names import attendee_name, person_name
from workflow.rules.membership import substitutable
from workflow.rules.standing import follow_record
from workflow.services.register import Register

__all__ = ["ATTENDANCE", "ItemMinutes", "MinutesEditor"]

_PATH = re.compile(r"(\w+)(?:\[(\d+)\])?(?:\.(.+))?")

ATTENDANCE = "@attendance"


class MinutesEditor(EditorPane):
    """Attendance and each item's minutes; the left list picks the page."""

    class PeopleChanged(Message):
        """A new person was added to the register: ``people`` is the register now."""

        def __init__(self, people: Mapping[str, Person]) -> None:
            super().__init__()
            self.people = people

    def __init__(self, meeting: Meeting, people: Mapping[str, Person], *, id: str | None = None) -> None:
        super().__init__(meeting, id=id)
        self.people = people
        self.pages: dict[str, str] = {}
        self._made = 0
        self.scheme = _scheme(meeting)

    def compose(self) -> ComposeResult:
        yield ItemList(id="minutes-items", classes="item-list")
        with ContentSwitcher(id="minutes-pages", initial="attendance-page"), Vertical(id="attendance-page"):
            yield Static("Attendance: p present · a apologies · r remote · x absent · c chair · "
                         "s substitute · n add anyone · o add officer", classes="field-label", markup=False)
            yield AttendanceTable(id="attendance")
            yield Static("Meeting closed at (HH:MM)", classes="field-label")
            yield Input(id="closed", placeholder="HH:MM, e.g. 16:25", max_length=5)

    def on_mount(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        self.query_one("#minutes-items", ItemList).show(
            self.meeting, minutes=True, first=[(ATTENDANCE, "Attendance and closing time")]
        )
        self.query_one("#attendance", AttendanceTable).show(self.meeting, self.people)
        closed = self.query_one("#closed", Input)
        closed.value = mt.closed_text(self.meeting.closed)
        closed.disabled = self.read_only

    def reload(self, meeting: Meeting) -> None:
        """A different version of the record (after a save elsewhere, a restore): rebuild pages."""
        self.meeting = meeting
        self.scheme = _scheme(meeting)
        for page_id in self.pages.values():
            for page in self.query(f"#{page_id}"):
                page.remove()
        self.pages.clear()
        self.query_one("#minutes-pages", ContentSwitcher).current = "attendance-page"
        self.redraw()

    def show_page(self, key: str | None) -> ItemMinutes | None:
        switcher = self.query_one("#minutes-pages", ContentSwitcher)
        if key in (None, ATTENDANCE):
            switcher.current = "attendance-page"
            return None
        assert key is not None
        if key not in self.pages:
            try:
                item = self.meeting.item(key)
            except KeyError:
                return None
            page_id = f"page-{self._made}"
            self._made += 1
            self.pages[key] = page_id
            switcher.mount(ItemMinutes(item, id=page_id, read_only=self.read_only, context=lambda: (self.meeting, self.people)))
        switcher.current = self.pages[key]
        return switcher.query_one(f"#{self.pages[key]}", ItemMinutes)

    @on(OptionList.OptionHighlighted, "#minutes-items")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_page(event.option.id)

    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        event.stop()
        page = next((a for a in event.text_area.ancestors if isinstance(a, ItemMinutes)), None)
        if page is not None and not self.read_only:
            self.typed(page.uid)

    @on(ItemMinutes.PartsEdited)
    def _parts_edited(self, event: ItemMinutes.PartsEdited) -> None:
        """A part's form was closed (or a part removed or moved): apply it now, with any typing."""
        event.stop()
        self.typed(event.page.uid)
        self.apply_pending()

    @on(Input.Changed)
    def _typed_input(self, event: Input.Changed) -> None:
        event.stop()
        if self.read_only:
            return
        page = next((a for a in event.input.ancestors if isinstance(a, ItemMinutes)), None)
        if page is not None:
            if event.value != page.item.resolved_intro or page.uid in self._pending:
                self.typed(page.uid)
        elif event.input.id == "closed" and event.value != mt.closed_text(self.meeting.closed):
            self.typed("@closed")

    def collect(self, meeting: Meeting, uids: list[str]) -> tuple[Meeting, list[FieldError]]:
        problems: list[FieldError] = []
        for uid in uids:
            if uid == "@closed":
                closed, found = mt.parse_closed(self.query_one("#closed", Input).value)
                if not found:
                    meeting = dataclasses.replace(meeting, closed=closed)
                problems += found
            elif uid in self.pages:
                page = self.query_one(f"#{self.pages[uid]}", ItemMinutes)
                index = item_index(meeting, uid)
                item, found = page.to_item(meeting.items[index], self.scheme, f"items[{index}]")
                meeting = replace_item(meeting, uid, item)
                problems += found
        return self._follow_record(meeting), problems

    def _follow_record(self, meeting: Meeting) -> Meeting:
        """The prefilled "no declarations" or "no outstanding issues" sentence taken out
        where the minutes now record otherwise; its page shows the change, and the clerk is told."""
        followed = follow_record(meeting)
        if followed is meeting:
            return meeting
        for item in followed.items:
            before = meeting.item(item.uid)
            if item.body == before.body:
                continue
            if item.uid in self.pages:
                self.query_one(f"#{self.pages[item.uid]}", ItemMinutes).area("body").load_text(mt.body_text(item.body))
            gone = [b.text for b in before.body if isinstance(b, Paragraph) and b not in item.body]
            self.app.notify(f"'{gone[0]}' was taken out of {item.title}: the minutes now record otherwise.",
                            markup=False, timeout=8)
        return followed

    # ------------------------------------------------------------------ attendance

    @on(AttendanceTable.Marked)
    def _marked(self, event: AttendanceTable.Marked) -> None:
        event.stop()
        if self.read_only:
            self.app.report(MinutebookError("These minutes are locked; amend them instead (F12)."))
            return
        if event.what == "substitute":
            self._ask_substitute(event.index)
        elif event.what in ("add", "officer"):
            self.ask_attendee("officer" if event.what == "officer" else "")
        else:
            self._attendance(mark(self.meeting, event.index, event.what))

    def _attendance(self, meeting: Meeting) -> None:
        self.apply_pending()
        self.changed(meeting)
        self.query_one("#attendance", AttendanceTable).show(meeting, self.people)

    def _ask_substitute(self, index: int) -> None:
        current = self.meeting.attendance[index].substitute_for
        choices = [(attendee_name(a, self.people), a.person or a.name)
                   for a in substitutable(self.meeting.attendance, index)]
        if current and all(value != current for _, value in choices):
            choices.append((person_name(current, self.people), current))
        if not choices:
            self.app.report(MinutebookError(
                "Substitute: no member of this meeting has sent apologies or is absent; "
                "mark the member they stand in for first (a or x)."
            ))
            return
        if current:
            choices.append(("Nobody: not a substitute", ""))

        def chosen(values: dict[str, str] | None) -> None:
            if values is not None:
                self._attendance(mark(self.meeting, index, "substitute", values.get("who", "")))

        field = Field("who", "Substitute for (a member who is not here)", value=current or choices[0][1],
                      choices=tuple(choices))
        self.app.push_screen(FormDialog("Substitute member", [field], ok="Set"), chosen)

    def ask_attendee(self, attending_as: str = "") -> None:
        """Ask who else attended: anyone from the register, or a new person added to it."""

        def chosen(choice: AttendeeChoice | None) -> None:
            if choice is None:
                return
            if choice.new is not None:
                self.add_to_register(choice)
            else:
                self._add_attendee(choice, self.people)

        self.app.push_screen(AttendeeDialog(self.meeting, self.people, attending_as=attending_as), chosen)

    @work(thread=True, group="archive", exit_on_error=False, description="Adding to the register")
    def add_to_register(self, choice: AttendeeChoice) -> None:
        assert choice.new is not None
        with self.app.open_workspace() as workspace:
            register = Register(workspace)
            register.add_person(choice.new)
            people = register.people()
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._registered, choice, people)

    def _registered(self, choice: AttendeeChoice, people: Mapping[str, Person]) -> None:
        self.people = dict(people)
        self.post_message(self.PeopleChanged(self.people))
        self._add_attendee(choice, self.people)
        assert choice.new is not None
        self.app.notify(f"Added {person_name(choice.new.id, self.people)} to the register as {choice.new.id}.",
                        markup=False, timeout=6)  # fmt: skip

    def _add_attendee(self, choice: AttendeeChoice, people: Mapping[str, Person]) -> None:
        meeting, problems = add_attendee(self.meeting, people, choice.form)
        if problems:
            self.app.report(MinutebookError(problems[0].message))
            return
        self._attendance(meeting)

    def focus_field(self, uid: str | None, field: str) -> None:
        """Show the page for a problem path and focus its field: ``field`` is the path
        inside the item (``declarations[0].interest`` opens that declaration's form on the
        kind of interest), or its first part only."""
        items = self.query_one("#minutes-items", ItemList)
        items.select_id(uid or ATTENDANCE)
        page = self.show_page(uid)
        if page is None:
            target = "#closed" if field.startswith("closed") else "#attendance"
            self.query_one(target).focus()
            return
        found = _PATH.fullmatch(field)
        part, index, inner = (found.group(1), found.group(2), found.group(3) or "") if found else (field, None, "")
        if part in PARTS:
            if index is not None and int(index) < len(page.parts[part]):
                self.call_after_refresh(page.open_part, part, int(index), inner)
            self.call_after_refresh(lambda: page.part_list(part).focus())
            return
        target = "resolutions" if part.startswith("resolved") or part == "resolutions" else "body"
        self.call_after_refresh(lambda: page.area(target).focus())


def _scheme(meeting: Meeting) -> str:
    if not meeting.template:
        return "(a)"
    try:
        return load_template(meeting.template).resolution_labels
    except MinutebookError:
        return "(a)"
