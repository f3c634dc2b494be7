"""The agenda editor: the item list and the form of the highlighted item.

Lives here: :class:`AgendaEditor` (add a report item or a standing item from the
template, reorder, mark private with its Schedule 12A paragraph, remove; edit title,
report kind and author, wording lines and documents). Item edits call the pure helpers in
:mod:`workflow.drafting.meeting_templates`. Must not live here: numbering rules, saving, validation.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Input, OptionList, Static, TextArea

from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.form import Field, FormDialog
from tui.screens.editor_base import EditorPane, item_index, replace_item
from tui.widgets.item_list import ItemList
from workflow.drafting import items
from workflow.drafting.meeting_templates import Template, load_template
from workflow.drafting.minutes_fields import FORMATS, documents_text, parse_documents
from workflow.errors import FieldError, MinutebookError
from workflow.record.model import Exemption, Item, Meeting, Report, Status
from workflow.services.meetings import Meetings
from workflow.text.numerals import read_whole

__all__ = ["AgendaEditor"]

_INPUTS = ("title", "report-kind", "report-author", "paragraph", "public-title")


class AgendaEditor(EditorPane):
    """Items on the left, the highlighted item's agenda fields on the right."""

    BINDINGS = [
        Binding("ctrl+n", "add", "Add item", id="agenda.add", tooltip="Add a report item after the last report"),
        Binding("ctrl+t", "standing", "Standing item", id="agenda.standing", show=False,
                tooltip="Add a standing item from the template"),
        Binding("ctrl+up", "move(-1)", "Up", id="agenda.up", show=False, tooltip="Move the item one place up"),
        Binding("ctrl+down", "move(1)", "Down", id="agenda.down", show=False, tooltip="Move the item one place down"),
        Binding("ctrl+l", "exempt", "Private", id="agenda.exempt", show=False,
                tooltip="Mark the item private with its exempt paragraph"),
        Binding("delete", "remove", "Remove", id="agenda.remove", show=False, tooltip="Remove the highlighted item"),
        Binding("ctrl+g", "renumber", "Renumber", id="agenda.renumber", show=False,
                tooltip="Number the items in their order, on from the committee's last meeting (draft agendas)"),
    ]

    def __init__(self, meeting: Meeting, *, id: str | None = None) -> None:
        super().__init__(meeting, id=id)
        self.current: str | None = None
        self._filling = False
        self._filled: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield ItemList(id="agenda-items", classes="item-list")
        form = VerticalScroll(id="agenda-form", classes="item-form")
        form.can_focus = False
        with form:
            yield Static("Title", classes="field-label")
            yield Input(id="title")
            yield Static("Report kind (e.g. Report, Briefing Note)", classes="field-label")
            yield Input(id="report-kind")
            yield Static("Report of (author)", classes="field-label")
            yield Input(id="report-author", placeholder="e.g. Director of Children's Services")
            yield Static("Exempt paragraph (blank = public business)", classes="field-label")
            yield Input(id="paragraph", placeholder="e.g. 3", restrict=r"[0-9]*")
            yield Static("Public title (what public documents print for a private item)", classes="field-label")
            yield Input(id="public-title", placeholder="e.g. Children's Home Contract")
            yield Static("Agenda wording (one line each)", classes="field-label")
            yield TextArea(id="wording", classes="lines", soft_wrap=True)
            yield Static("Documents", classes="field-label")
            yield TextArea(id="documents", classes="lines", soft_wrap=True, placeholder=FORMATS["documents"])

    def on_mount(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        """Show the meeting again (after a structural edit or a reload)."""
        items = self.query_one("#agenda-items", ItemList)
        items.show(self.meeting)
        self.current = items.highlighted_id
        self._fill()

    def _fill(self) -> None:
        item = self._item()
        self._filling = True
        self._filled: dict[str, str] = {}
        try:
            self.query_one("#title", Input).value = item.title if item else ""
            report = item.report if item else None
            self.query_one("#report-kind", Input).value = report.kind if report else ""
            self.query_one("#report-author", Input).value = report.author if report else ""
            para = item.exemption.paragraph if item and item.exemption else None
            self.query_one("#paragraph", Input).value = str(para) if para else ""
            self.query_one("#public-title", Input).value = item.public_title if item else ""
            self.query_one("#wording", TextArea).load_text("\n".join(item.wording) if item else "")
            self.query_one("#documents", TextArea).load_text(documents_text(item.documents) if item else "")
            for widget in self.query("#agenda-form Input, #agenda-form TextArea"):
                widget.disabled = item is None or self.read_only
                if isinstance(widget, TextArea):
                    self._filled[widget.id or ""] = widget.text
                elif isinstance(widget, Input):
                    self._filled[widget.id or ""] = widget.value
        finally:
            self._filling = False

    def _item(self) -> Item | None:
        if self.current is None:
            return None
        try:
            return self.meeting.item(self.current)
        except KeyError:
            return None

    @on(OptionList.OptionHighlighted, "#agenda-items")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id == self.current:
            return
        self.apply_pending()
        self.current = event.option.id
        self._fill()

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _typed(self, event: Input.Changed | TextArea.Changed) -> None:
        event.stop()
        widget = event.text_area if isinstance(event, TextArea.Changed) else event.input
        value = widget.text if isinstance(widget, TextArea) else widget.value
        if self._filling or self.current is None or self._filled.get(widget.id or "") == value:
            return
        self._filled[widget.id or ""] = value
        self.typed(self.current)

    def collect(self, meeting: Meeting, uids: list[str]) -> tuple[Meeting, list[FieldError]]:
        uid = self.current
        if uid is None or uid not in uids:
            return meeting, []
        old = meeting.item(uid)
        kind = self.query_one("#report-kind", Input).value.strip()
        author = self.query_one("#report-author", Input).value.strip()
        report = None
        if kind or author:
            base = old.report or Report()
            report = dataclasses.replace(base, kind=kind or "Report", author=author)
        paragraph, problem = read_whole(self.query_one("#paragraph", Input).value, "Exempt paragraph")
        problems = [FieldError(f"items[{item_index(meeting, uid)}].exemption.paragraph", problem)] if problem else []
        exemption = old.exemption
        if paragraph is not None:
            exemption = dataclasses.replace(exemption or Exemption(), paragraph=paragraph)
        elif exemption is not None and exemption.paragraph is not None and not problem:
            exemption = None
        wording = tuple(ln.rstrip() for ln in self.query_one("#wording", TextArea).text.split("\n") if ln.strip())
        documents, _ = parse_documents(self.query_one("#documents", TextArea).text, old.documents)
        item = dataclasses.replace(
            old, title=self.query_one("#title", Input).value.strip(), report=report,
            exemption=exemption, wording=wording, documents=documents,
            public_title=self.query_one("#public-title", Input).value.strip(),
        )  # fmt: skip
        return replace_item(meeting, uid, item), problems

    # ------------------------------------------------------------------ structure

    def _structural(self, change: Callable[[Meeting], Meeting]) -> None:
        self.apply_pending()
        try:
            meeting = change(self.meeting)
        except MinutebookError as exc:
            self.app.report(exc)
            return
        self.changed(meeting, self.current)
        self.redraw()

    def action_add(self) -> None:
        kinds = self._template_kinds()

        def chosen(values: dict[str, str] | None) -> None:
            if not values:
                return
            paragraph, problem = read_whole(values.get("paragraph", ""), "Exempt paragraph")
            if problem:
                self.app.report(MinutebookError(problem))
                return
            self._structural(lambda m: items.add_report_item(
                m, title=values["title"], report_kind=values.get("kind") or "Report",
                author=values.get("author", ""), exempt_paragraph=paragraph,
                public_title=values.get("public", ""),
            ))  # fmt: skip
            self._select_newest()

        fields = [
            Field("title", "Title", placeholder="e.g. Home to School Transport Review"),
            Field("kind", "Report kind", value=kinds[0], choices=tuple((k, k) for k in kinds)),
            Field("author", "Report of", placeholder="e.g. Director of Children's Services"),
            Field("paragraph", "Exempt paragraph (blank = public)"),
            Field("public", "Public title, printed instead of the title (private items only)"),
        ]
        self.app.push_screen(FormDialog("Add a report item", fields, ok="Add"), chosen)

    def _select_newest(self) -> None:
        newest = max(self.meeting.items, key=lambda it: int(it.uid[1:]) if it.uid[1:].isdigit() and it.uid.startswith("i") else -1)
        items = self.query_one("#agenda-items", ItemList)
        items.select_id(newest.uid)
        self.current = newest.uid
        self._fill()

    def _template(self) -> Template | None:
        if not self.meeting.template:
            return None
        try:
            return load_template(self.meeting.template)
        except MinutebookError:
            return None

    def _template_kinds(self) -> list[str]:
        template = self._template()
        return list(template.report_kinds) if template and template.report_kinds else ["Report"]

    def action_standing(self) -> None:
        template = self._template()
        if template is None or not template.standing_items:
            self.app.report(MinutebookError("This meeting's template has no standing items to add."))
            return
        choices = tuple((s.title, str(i)) for i, s in enumerate(template.standing_items))

        def chosen(values: dict[str, str] | None) -> None:
            if not values or not values.get("which"):
                return
            standing = template.standing_items[int(values["which"])]
            self._structural(lambda m: items.add_standing_item(m, standing))
            self._select_newest()

        self.app.push_screen(
            FormDialog("Add a standing item", [Field("which", "Standing item", choices=choices)], ok="Add"), chosen
        )

    def action_move(self, delta: int) -> None:
        if self.current:
            uid = self.current
            self._structural(lambda m: items.move_item(m, uid, delta))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "renumber":
            return True if self.meeting.status is Status.AGENDA_DRAFT and not self.read_only else None
        return True

    def action_renumber(self) -> None:
        self._structural(lambda m: Meetings(self.app.workspace).renumbered(m))
        numbers = [it.agenda_number for it in self.meeting.items if it.agenda_number]
        if numbers:
            self.app.notify(f"The items are numbered {numbers[0]} to {numbers[-1]} in their order; "
                            "save to keep the numbers.", markup=False)

    def action_exempt(self) -> None:
        item = self._item()
        if item is None:
            return
        self.query_one("#paragraph", Input).focus()

    def action_remove(self) -> None:
        item = self._item()
        if item is None:
            return
        uid = item.uid

        def answered(yes: bool | None) -> None:
            if yes:
                self._structural(lambda m: items.remove_item(m, uid))

        self.app.push_screen(ConfirmDialog(f"Remove item '{item.title}' from the agenda?", yes="Remove"), answered)

    def focus_field(self, uid: str, field: str) -> None:
        """Show item ``uid`` and focus the form field named by a problem path."""
        self.query_one("#agenda-items", ItemList).select_id(uid)
        self.current = uid
        self._fill()
        target = {"title": "#title", "report": "#report-author", "exemption": "#paragraph",
                  "public_title": "#public-title",
                  "wording": "#wording", "documents": "#documents"}.get(field, "#title")
        self.query_one(target).focus()
