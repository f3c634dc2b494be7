"""The minutes editor: attendance with quick keys, then each item's minutes.

Lives here: :class:`MinutesEditor` (attendance table and closing time, and one
:class:`ItemMinutes` page per item, made when the item is first opened so that each item
has its own text areas) and the conversion of those pages to the record when typing
pauses. Must not live here: labels and numbering rules (:mod:`workflow.record.numbering`),
lifecycle rules, saving.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import ContentSwitcher, Input, OptionList, Static, TextArea

from tui.dialogs.form import Field, FormDialog
from tui.screens.editor_base import EditorPane, item_index, replace_item
from tui.widgets.attendance_table import AttendanceTable
from tui.widgets.item_list import ItemList
from workflow.drafting import minutes_fields as mt
from workflow.drafting.attendance import mark
from workflow.drafting.meeting_templates import load_template
from workflow.errors import FieldError, MinutebookError
from workflow.record.model import (
    AttendanceState,
    Attendee,
    BulletList,
    Item,
    Meeting,
    Paragraph,
    Person,
    PersonKind,
    Resolution,
    Role,
)
from workflow.record.names import attendee_name, person_name
from workflow.rules.membership import substitutable
from workflow.rules.standing import follow_record

__all__ = ["ATTENDANCE", "ItemMinutes", "MinutesEditor"]

ATTENDANCE = "@attendance"
_PARTS = ("body", "declarations", "motions", "resolutions", "actions")
_TITLES = {
    "body": "Minutes (narrative)",
    "declarations": "Declarations of interest",
    "motions": "Motions, amendments and votes",
    "resolutions": "Resolutions",
    "actions": "Actions and referrals",
}


def _labelled(resolutions: tuple[Resolution, ...], depth: int = 0) -> list[str]:
    lines = []
    for res in resolutions:
        lines.append("  " * depth + f"{res.label + ' ' if res.label else ''}{res.text}")
        lines.extend(_labelled(res.children, depth + 1))
    return lines


class ItemMinutes(VerticalScroll):
    """The minutes of one item: its own text areas, filled once from the record."""

    can_focus = False

    def __init__(self, item: Item, *, id: str, read_only: bool) -> None:
        super().__init__(id=id, classes="item-minutes")
        self.uid = item.uid
        self.item = item
        self.read_only = read_only

    def compose(self) -> ComposeResult:
        item = self.item
        yield Static(f"{item.minute_number + '. ' if item.minute_number else ''}{item.title}", classes="page-title", markup=False)
        if item.incomplete.strip():
            yield Static(f"Incomplete: {item.incomplete.strip()} Copy in the rest of the text; the minutes say "
                         "it is incomplete until the note is cleared (its 'incomplete:' line, with minutebook edit).",
                         classes="incomplete-note", markup=False)
        texts = {
            "body": mt.body_text(item.body), "declarations": mt.declarations_text(item.declarations),
            "motions": mt.motions_text(item.motions), "resolutions": mt.resolutions_text(item.resolutions),
            "actions": mt.actions_text(item.actions),
        }  # fmt: skip
        for part in _PARTS:
            yield Static(_TITLES[part], classes="field-label")
            if part == "resolutions":
                yield Input(item.resolved_intro, placeholder=f"{item.resolved_word} … (e.g. that the Board:)", classes="intro")
            area = TextArea(texts[part], classes=f"part {part}", soft_wrap=True, read_only=self.read_only,
                            placeholder=mt.FORMATS[part])  # fmt: skip
            yield area
            if part == "resolutions":
                yield Static("\n".join(_labelled(item.resolutions)), classes="labels", markup=False)

    def area(self, part: str) -> TextArea:
        return self.query_one(f".{part}", TextArea)

    def to_item(self, old: Item, scheme: str, prefix: str) -> tuple[Item, list[FieldError]]:
        body, p1 = mt.parse_body(self.area("body").text, old.body)
        declarations, p2 = mt.parse_declarations(self.area("declarations").text, old.declarations)
        motions, p3 = mt.parse_motions(self.area("motions").text, old.motions)
        resolutions, p4 = mt.parse_resolutions(self.area("resolutions").text, scheme)
        actions, p5 = mt.parse_actions(self.area("actions").text, old.actions)
        self.query_one(".labels", Static).update("\n".join(_labelled(resolutions)))
        withheld = tuple(b for b in old.body if not isinstance(b, Paragraph | BulletList))
        item = dataclasses.replace(
            old, body=withheld + body, declarations=declarations, motions=motions,
            resolutions=resolutions, actions=actions,
            resolved_intro=self.query_one(".intro", Input).value.strip(),
        )  # fmt: skip
        problems = [FieldError(f"{prefix}.{p.path}", p.message, p.severity) for p in p1 + p2 + p3 + p4 + p5]
        return item, problems


class MinutesEditor(EditorPane):
    """Attendance and each item's minutes; the left list picks the page."""

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
                         "s substitute · o add officer", classes="field-label", markup=False)
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
            switcher.mount(ItemMinutes(item, id=page_id, read_only=self.read_only))
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
        elif event.what == "officer":
            self._ask_officer()
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

    def _ask_officer(self) -> None:
        there = {a.person for a in self.meeting.attendance}
        officers = tuple(
            (f"{p.name} ({p.directorate or 'no directorate'})", p.id)
            for p in self.people.values() if p.kind is PersonKind.OFFICER and p.id not in there
        )

        def chosen(values: dict[str, str] | None) -> None:
            if not values:
                return
            person, name = values.get("person", ""), values.get("name", "")
            if not person and not name:
                self.app.report(MinutebookError("Add officer: choose an officer or type a name."))
                return
            attendee = Attendee(person=person, name="" if person else name, role=Role.OFFICER,
                                state=AttendanceState.PRESENT, directorate=values.get("directorate", ""))  # fmt: skip
            self._attendance(dataclasses.replace(self.meeting, attendance=self.meeting.attendance + (attendee,)))

        fields = [
            Field("person", "Officer from the register", choices=officers),
            Field("name", "…or a name not in the register"),
            Field("directorate", "Directorate (blank = as in the register)", placeholder="e.g. People"),
        ]
        self.app.push_screen(FormDialog("Add an officer", fields, ok="Add"), chosen)

    def focus_field(self, uid: str | None, field: str) -> None:
        """Show the page for a problem path and focus its text area."""
        items = self.query_one("#minutes-items", ItemList)
        items.select_id(uid or ATTENDANCE)
        page = self.show_page(uid)
        if page is None:
            target = "#closed" if field == "closed" else "#attendance"
            self.query_one(target).focus()
            return
        part = field if field in _PARTS else ("resolutions" if field.startswith("resolved") else "body")
        self.call_after_refresh(lambda: page.area(part).focus())


def _scheme(meeting: Meeting) -> str:
    if not meeting.template:
        return "(a)"
    try:
        return load_template(meeting.template).resolution_labels
    except MinutebookError:
        return "(a)"
