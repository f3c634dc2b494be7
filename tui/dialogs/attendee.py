"""Adding someone to a meeting's attendance: found in the people register by a few letters
of their name, or added to the register on the spot as a new person.

Lives here: :class:`AttendeeDialog` (``ModalScreen[AttendeeChoice | None]``): a name field
that suggests register names as they are typed (Textual's ``SuggestFromList``) over a list
of the matches, how they attend (member, substitute for an absent member, cabinet member,
another councillor, officer with directorate, partner, public speaker), the fields that
way needs, and a "New person" entry for someone the register does not have. It checks
the form with :func:`workflow.drafting.attendance.add_attendee` (and
:func:`~workflow.drafting.attendance.new_person`) and closes only when both read clean.
Must not live here: saving the register or the meeting (the minutes editor does).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from workflow.drafting.attendance import (
    ATTENDING_AS,
    AttendeeForm,
    add_attendee,
    attending,
    away_members,
    find_people,
    new_person,
)
from workflow.errors import FieldError
from workflow.record.model import Meeting, Person, PersonKind, Role
from workflow.record.names import person_name

__all__ = ["AttendeeChoice", "AttendeeDialog"]

_NEW = "@new"
_STATES = (("Present", "present"), ("Present remotely", "present-remotely"), ("Apologies", "apologies"),
           ("Absent", "absent"))  # fmt: skip


@dataclass(frozen=True, slots=True)
class AttendeeChoice:
    """What the clerk filled in: the attendance line, and the register entry to add first
    when they are a new person."""

    form: AttendeeForm
    new: Person | None = None


class AttendeeDialog(ModalScreen[AttendeeChoice | None]):
    """Type a few letters of a name, pick the person, say how they attend."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without adding anyone")]

    def __init__(self, meeting: Meeting, people: Mapping[str, Person], *, attending_as: str = "") -> None:
        super().__init__()
        self.meeting, self.people, self.preset = meeting, people, attending_as
        self.picked: Person | None = None
        self.new = False

    def compose(self) -> ComposeResult:
        names = [f"{p.title} {p.name}".strip() for p in self.people.values()]
        names += [p.name for p in self.people.values() if p.title]
        with Vertical(classes="dialog"):
            yield Static("Add to the attendance", classes="dialog-title")
            with VerticalScroll(classes="dialog-fields"):
                yield self._row("Name", Input(id="f-name", compact=True, placeholder="type a few letters of the name",
                                              suggester=SuggestFromList(names, case_sensitive=False)))  # fmt: skip
                yield OptionList(id="matches", compact=True)
                yield self._row("Title", Input(id="f-title", compact=True, placeholder="e.g. Councillor, Mr, Dr"), "new-only")
                yield Static("", id="new-id", classes="part-hint new-only", markup=False)
                yield self._row("Attending as", Select([(a.words, a.key) for a in ATTENDING_AS], id="f-attending_as",
                                                       value=self.preset or Select.NULL, compact=True,
                                                       prompt="Choose how they attend"))  # fmt: skip
                yield self._row("Substitute for", Select(away_members(self.meeting, self.people), id="f-substitute_for",
                                                         compact=True, prompt="Choose the absent member"), "for-substitute")  # fmt: skip
                yield self._row("Directorate", Input(id="f-directorate", compact=True, placeholder="e.g. People"), "for-officer")
                yield self._row("Printed after", Input(id="f-capacity", compact=True,
                                                       placeholder="portfolio, organisation or capacity (optional)"))  # fmt: skip
                yield self._row("Attendance", Select(_STATES, id="f-state", value="present", allow_blank=False, compact=True))
            yield Static("", id="part-problems", classes="dialog-problem", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Add", id="ok", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    @staticmethod
    def _row(label: str, widget: Input | Select[str], classes: str = "") -> Horizontal:
        return Horizontal(Label(label, classes="form-label"), widget, classes=f"form-row {classes}".strip())

    def on_mount(self) -> None:
        self._shown()
        self.query_one("#f-name", Input).focus()

    def _shown(self) -> None:
        """Show the fields the chosen way of attending needs, and the matches."""
        how = attending(self._select("attending_as"))
        for row in self.query(".new-only"):
            row.display = self.new
        for row in self.query(".for-substitute"):
            row.display = how is not None and how.key == "substitute"
        for row in self.query(".for-officer"):
            row.display = how is not None and how.role is Role.OFFICER
        label = "Organisation" if how is not None and how.key == "partner" else "Printed after"
        self.query_one("#f-capacity").parent.query_one(Label).update(label)  # type: ignore[union-attr]
        self.query_one("#matches").display = self.query_one("#matches", OptionList).option_count > 0
        if self.new:
            made, _ = self._new_person()
            self.query_one("#new-id", Static).update(
                f"New person: added to the register as {made.id}." if made else "New person: type their name.")

    def _select(self, key: str) -> str:
        widget = self.query_one(f"#f-{key}", Select)
        return "" if widget.value is Select.NULL else str(widget.value)

    # ------------------------------------------------------------------ finding the person

    @on(Input.Changed, "#f-name")
    def _typed(self, event: Input.Changed) -> None:
        typed = event.value.strip()
        if self.picked is not None and typed != self._shown_name(self.picked):
            self.picked = None
        matches = self.query_one("#matches", OptionList)
        matches.clear_options()
        if typed and self.picked is None:
            for person in find_people(self.people, typed):
                matches.add_option(Option(Text(self._described(person)), id=person.id))
            matches.add_option(Option(Text(f"New person: add '{typed}' to the register"), id=_NEW))
        self._shown()

    def _shown_name(self, person: Person) -> str:
        return person_name(person.id, self.people)

    def _described(self, person: Person) -> str:
        extra = person.directorate if person.kind is PersonKind.OFFICER else person.party
        kind = {PersonKind.OFFICER: "officer", PersonKind.OTHER: "not a councillor"}.get(person.kind, "")
        notes = ", ".join(x for x in (kind, extra) if x)
        return self._shown_name(person) + (f" ({notes})" if notes else "")

    @on(Input.Submitted, "#f-name")
    def _name_entered(self) -> None:
        matches = self.query_one("#matches", OptionList)
        if self.picked is None and matches.option_count:
            matches.highlighted = 0
            matches.focus()

    def on_key(self, event) -> None:  # type: ignore[no-untyped-def]
        matches = self.query_one("#matches", OptionList)
        if event.key == "down" and self.focused is self.query_one("#f-name") and matches.display:
            event.stop()
            if matches.highlighted is None:
                matches.highlighted = 0
            matches.focus()

    @on(OptionList.OptionSelected, "#matches")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        name = self.query_one("#f-name", Input)
        if event.option_id == _NEW:
            self.new, self.picked = True, None
            how = attending(self._select("attending_as"))
            if how is not None and how.kind is PersonKind.MEMBER and not self.query_one("#f-title", Input).value:
                self.query_one("#f-title", Input).value = "Councillor"
        else:
            self.new = False
            self.picked = self.people[event.option_id or ""]
            with name.prevent(Input.Changed):
                name.value = self._shown_name(self.picked)
            self._preset_for(self.picked)
        self.query_one("#matches", OptionList).clear_options()
        self._shown()
        self.query_one("#f-title" if self.new else "#f-attending_as").focus()

    def _preset_for(self, person: Person) -> None:
        choice = self.query_one("#f-attending_as", Select)
        if choice.value is Select.NULL and person.kind is PersonKind.OFFICER:
            choice.value = "officer"
        if person.kind is PersonKind.OFFICER and not self.query_one("#f-directorate", Input).value:
            self.query_one("#f-directorate", Input).value = person.directorate

    @on(Select.Changed)
    @on(Input.Changed, "#f-title")
    def _changed(self) -> None:
        self._shown()

    # ------------------------------------------------------------------ checking and adding

    def _new_person(self) -> tuple[Person | None, list[FieldError]]:
        how = attending(self._select("attending_as"))
        kind = how.kind if how else PersonKind.OTHER
        return new_person(self.query_one("#f-name", Input).value, self.query_one("#f-title", Input).value, kind,
                          self.people, directorate=self.query_one("#f-directorate", Input).value)  # fmt: skip

    def form(self, person: str) -> AttendeeForm:
        return AttendeeForm(
            person=person, name=self.query_one("#f-name", Input).value, attending_as=self._select("attending_as"),
            substitute_for=self._select("substitute_for"), directorate=self.query_one("#f-directorate", Input).value,
            capacity=self.query_one("#f-capacity", Input).value, state=self._select("state"),
        )  # fmt: skip

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "f-name":
            self.action_ok()

    def _exact(self) -> Person | None:
        """The one register entry whose name is the name typed in full (a suggestion taken)."""
        typed = " ".join(self.query_one("#f-name", Input).value.split()).casefold()
        found = [p for p in self.people.values() if typed in (self._shown_name(p).casefold(), p.name.casefold())]
        return found[0] if len(found) == 1 else None

    @on(Button.Pressed, "#ok")
    def action_ok(self) -> None:
        if self.picked is None and not self.new:
            self.picked = self._exact()
        people, made, problems = self.people, None, []
        if self.new:
            made, problems = self._new_person()
            if made is not None:
                people = {**self.people, made.id: made}
        form = self.form(made.id if made else (self.picked.id if self.picked else ""))
        if made is not None or not self.new:
            problems += add_attendee(self.meeting, people, form)[1]
        if problems:
            self.query_one("#part-problems", Static).update("\n".join(p.message for p in problems))
            target = self.query(f"#f-{problems[0].path}")
            if target:
                target.first().focus()
            return
        self.dismiss(AttendeeChoice(form, made))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
