"""The forms of an item's structured parts: a declaration, a motion or amendment with its
vote, an action or referral; and the advanced route of typing them all as text.

Lives here: :class:`PartDialog`, a modal form that reads what was filled in through the
part's reader in :mod:`workflow.drafting.item_parts` and closes only when it reads clean,
else lists the problems in the clerk's words and focuses the first one's field;
:class:`DeclarationDialog`, :class:`MotionDialog`, :class:`ActionDialog` (each dismissed
with the new part, or None); and :class:`PartTextDialog` (the ``|``-separated lines of
:mod:`workflow.drafting.minutes_fields`, dismissed with the parts, and kept open with
the text as typed while a line cannot be read). Must not live here: putting the part
into the record (the minutes editor does, as one edit).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Select, SelectionList, Static, TextArea

from workflow.drafting import item_parts as ip
from workflow.drafting import minutes_fields as mt
from workflow.errors import FieldError
from workflow.record.model import Action, Declaration, Meeting, Motion, Person
from workflow.record.names import person_name

__all__ = ["ActionDialog", "DeclarationDialog", "MotionDialog", "PartDialog", "PartTextDialog", "widget_id"]

T = TypeVar("T")


def widget_id(field: str) -> str:
    """The id of the widget of a form field (``vote.for_count`` -> ``f-vote-for_count``)."""
    return "f-" + field.replace(".", "-")


def _choices(options: Sequence[tuple[str, str]], current: str, people: Mapping[str, Person]) -> list[tuple[str, str]]:
    """``options``, with ``current`` added when it is not one of them (a name kept as recorded)."""
    out = list(options)
    if current and all(value != current for _, value in out):
        out.append((person_name(current, people), current))
    return out


class PartDialog(ModalScreen[T | None], Generic[T]):
    """A part's form: fields, the problems found, and OK/Cancel; Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without changing anything")]

    heading = ""

    def __init__(self, index: int, meeting: Meeting, people: Mapping[str, Person], *, new: bool, focus: str = "") -> None:
        super().__init__(classes="part-dialog")
        self.index, self.meeting, self.people, self.new, self.first = index, meeting, people, new, focus
        self.problems: list[FieldError] = []

    # ------------------------------------------------------------------ what each form supplies

    def fields(self) -> Iterator[Widget]:
        raise NotImplementedError

    def read(self) -> tuple[T | None, list[FieldError]]:
        """The part the form holds now, and the problems found (through the part's reader)."""
        raise NotImplementedError

    # ------------------------------------------------------------------ shared

    def compose(self) -> ComposeResult:
        verb = "Add" if self.new else "Edit"
        with Vertical(classes="dialog"):
            yield Static(f"{verb} {self.heading} {self.index + 1}", classes="dialog-title", markup=False)
            with VerticalScroll(classes="dialog-fields"):
                yield from self.fields()
            yield Static("", id="part-problems", classes="dialog-problem", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK", id="ok", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.call_after_refresh(self.focus_field, self.first)

    def row(self, label: str, widget: Widget) -> Horizontal:
        """One labelled line of the form."""
        return Horizontal(Label(label, classes="form-label"), widget, classes="form-row")

    def focus_field(self, field: str) -> None:
        """Focus the widget of ``field`` (its path inside the part: ``interest``,
        ``vote.for_count``), or the first field when there is none."""
        found = [w for w in self.query(f"#{widget_id(field)}") if w.display] if field else []
        found = found or list(self.query("Input, Select, TextArea, SelectionList"))
        if found:
            found[0].focus()
            found[0].scroll_visible()

    def value(self, field: str) -> str:
        widget = self.query_one(f"#{widget_id(field)}")
        if isinstance(widget, Select):
            return "" if widget.value is Select.NULL else str(widget.value)
        if isinstance(widget, TextArea):
            return widget.text
        assert isinstance(widget, Input)
        return widget.value

    def ticked(self, field: str) -> bool:
        return self.query_one(f"#{widget_id(field)}", Checkbox).value

    @on(Button.Pressed, "#ok")
    def action_ok(self) -> None:
        part, self.problems = self.read()
        errors = [p for p in self.problems if p.severity == "error"]
        if part is None or errors:
            self.query_one("#part-problems", Static).update("\n".join(p.message for p in errors))
            if errors:
                self.focus_field(errors[0].path.partition(".")[2])
            return
        self.dismiss(part)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_ok()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class DeclarationDialog(PartDialog[Declaration]):
    """A declaration: the member (picked from the attendance), the kind of interest and its nature."""

    heading = "declaration"

    def __init__(self, index: int, meeting: Meeting, people: Mapping[str, Person], old: Declaration | None = None,
                 *, focus: str = "") -> None:  # fmt: skip
        super().__init__(index, meeting, people, new=old is None, focus=focus)
        self.old = old
        self.form = ip.declaration_form(old) if old else ip.DeclarationForm()

    def fields(self) -> Iterator[Widget]:
        f = self.form
        members = _choices(ip.people_present(self.meeting, self.people), f.member, self.people)
        yield self.row("Member", Select(members, value=f.member or Select.NULL, id=widget_id("member"), compact=True,
                                        prompt="Choose the member"))  # fmt: skip
        yield self.row("Kind of interest", Select(ip.INTERESTS, value=f.interest or Select.NULL, id=widget_id("interest"),
                                                  compact=True, prompt="Choose the kind of interest"))  # fmt: skip
        yield self.row("Nature", Input(f.nature, id=widget_id("nature"), compact=True,
                                       placeholder="e.g. Governor of Millbrook Primary School"))  # fmt: skip
        yield self.row("About item", Input(f.regarding, id=widget_id("regarding"), compact=True,
                                           placeholder="agenda number, e.g. 5 (blank: this item)"))  # fmt: skip
        yield self.row("Left the room", Checkbox("for the item", f.left_room, id=widget_id("left_room"), compact=True))
        yield self.row("Left at", Input(f.left_at, id=widget_id("left_at"), compact=True, placeholder="HH:MM"))
        yield self.row("Came back at", Input(f.returned_at, id=widget_id("returned_at"), compact=True, placeholder="HH:MM"))

    def read(self) -> tuple[Declaration | None, list[FieldError]]:
        form = ip.DeclarationForm(
            member=self.value("member"), interest=self.value("interest"), nature=self.value("nature"),
            regarding=self.value("regarding"), left_room=self.ticked("left_room"),
            left_at=self.value("left_at"), returned_at=self.value("returned_at"),
        )  # fmt: skip
        return ip.read_declaration(form, self.index, self.old)


class MotionDialog(PartDialog[Motion]):
    """A motion or amendment: wording, mover and seconder from the attendance, outcome, and
    the vote as counts or, for a recorded vote, the names for, against and abstaining."""

    heading = "motion or amendment"

    def __init__(self, index: int, meeting: Meeting, people: Mapping[str, Person], old: Motion | None = None,
                 *, focus: str = "") -> None:  # fmt: skip
        super().__init__(index, meeting, people, new=old is None, focus=focus)
        self.old = old
        self.form = ip.motion_form(old) if old else ip.MotionForm()

    def fields(self) -> Iterator[Widget]:
        f = self.form
        voters = ip.people_present(self.meeting, self.people, voting=True)
        yield self.row("Kind", Select(ip.MOTION_KINDS, value=f.kind, id=widget_id("kind"), allow_blank=False, compact=True))
        text = TextArea(f.text, id=widget_id("text"), soft_wrap=True, classes="part-text", placeholder="That …", compact=True)
        yield self.row("Wording", text)
        yield self.row("Moved by", Select(_choices(voters, f.mover, self.people), value=f.mover or Select.NULL,
                                          id=widget_id("mover"), compact=True, prompt="Choose the mover"))  # fmt: skip
        yield self.row("Seconded by", Select(_choices(voters, f.seconder, self.people), value=f.seconder or Select.NULL,
                                             id=widget_id("seconder"), compact=True, prompt="Choose the seconder"))  # fmt: skip
        yield self.row("Outcome", Select(ip.OUTCOMES, value=f.outcome or Select.NULL, id=widget_id("outcome"),
                                         compact=True, prompt="Choose what happened"))  # fmt: skip
        counts = Horizontal(
            Label("For"), Input(f.for_count, id=widget_id("vote.for_count"), compact=True, restrict=r"[0-9]*"),
            Label("Against"), Input(f.against_count, id=widget_id("vote.against_count"), compact=True, restrict=r"[0-9]*"),
            Label("Abstaining"), Input(f.abstain_count, id=widget_id("vote.abstain_count"), compact=True, restrict=r"[0-9]*"),
            classes="counts",
        )  # fmt: skip
        yield self.row("Votes", counts)
        yield self.row("", Checkbox("Unanimous", f.unanimous, id=widget_id("vote.unanimous"), compact=True))
        yield self.row("", Checkbox("Recorded vote: tick how each member voted", f.recorded,
                                    id=widget_id("vote.recorded"), compact=True))  # fmt: skip
        chosen = {"for": f.for_names, "against": f.against_names, "abstain": f.abstain_names}
        listed = _choices(voters, "", self.people)
        listed += [(person_name(r, self.people), r) for r in dict.fromkeys(f.for_names + f.against_names + f.abstain_names)
                   if all(r != ref for _, ref in listed)]  # fmt: skip
        columns = []
        for side, title in (("for", "For"), ("against", "Against"), ("abstain", "Abstaining")):
            selections = SelectionList[str](
                *[(person_name(ref, self.people, title=False), ref, ref in chosen[side]) for _, ref in listed],
                id=widget_id(f"vote.{side}_names"), compact=True,
            )  # fmt: skip
            selections.border_title = title
            columns.append(selections)
        names = Horizontal(*columns, id="recorded-names")
        names.display = f.recorded
        yield names

    @on(Checkbox.Changed, "#f-vote-recorded")
    def _recorded(self, event: Checkbox.Changed) -> None:
        self.query_one("#recorded-names").display = event.value

    def names(self, side: str) -> tuple[str, ...]:
        found = self.query(f"#{widget_id(f'vote.{side}_names')}")
        if not found or not self.ticked("vote.recorded"):
            return ()
        selections: SelectionList[str] = found.first()  # type: ignore[assignment]
        return tuple(selections.selected)

    def read(self) -> tuple[Motion | None, list[FieldError]]:
        form = ip.MotionForm(
            kind=self.value("kind"), text=self.value("text"), mover=self.value("mover"), seconder=self.value("seconder"),
            outcome=self.value("outcome"), for_count=self.value("vote.for_count"),
            against_count=self.value("vote.against_count"), abstain_count=self.value("vote.abstain_count"),
            unanimous=self.ticked("vote.unanimous"), recorded=self.ticked("vote.recorded"),
            for_names=self.names("for"), against_names=self.names("against"), abstain_names=self.names("abstain"),
        )  # fmt: skip
        return ip.read_motion(form, self.index, self.old, self.people)


class ActionDialog(PartDialog[Action]):
    """An action, referral or request for information: what, to whom, by when."""

    heading = "action or referral"

    def __init__(self, index: int, meeting: Meeting, people: Mapping[str, Person], old: Action | None = None,
                 *, focus: str = "") -> None:  # fmt: skip
        super().__init__(index, meeting, people, new=old is None, focus=focus)
        self.old = old
        self.form = ip.action_form(old) if old else ip.ActionForm()

    def fields(self) -> Iterator[Widget]:
        f = self.form
        yield self.row("Kind", Select(ip.ACTION_KINDS, value=f.kind, id=widget_id("kind"), allow_blank=False, compact=True))
        yield self.row("What", TextArea(f.text, id=widget_id("text"), soft_wrap=True, classes="part-text", compact=True,
                                        placeholder="What is to be done, or referred"))  # fmt: skip
        owners = [name for name, _ in ip.people_present(self.meeting, self.people)]
        owners += sorted({a.owner for it in self.meeting.items for a in it.actions if a.owner} - set(owners))
        yield self.row("To whom", Input(f.owner, id=widget_id("owner"), compact=True,
                                        suggester=SuggestFromList(owners, case_sensitive=False),
                                        placeholder="a person, an officer's role or a body"))  # fmt: skip
        yield self.row("By when", Input(f.due, id=widget_id("due"), compact=True, placeholder="YYYY-MM-DD (optional)"))

    def read(self) -> tuple[Action | None, list[FieldError]]:
        form = ip.ActionForm(kind=self.value("kind"), text=self.value("text"), owner=self.value("owner"), due=self.value("due"))
        return ip.read_action(form, self.index, self.old)


_TEXTS: dict[str, tuple[Callable[[Any], str], Callable[..., tuple[tuple[Any, ...], list[FieldError]]]]] = {
    "declarations": (mt.declarations_text, mt.parse_declarations),
    "motions": (mt.motions_text, mt.parse_motions),
    "actions": (mt.actions_text, mt.parse_actions),
}
_NAMES = {"declarations": "Declarations of interest", "motions": "Motions and amendments", "actions": "Actions and referrals"}


class PartTextDialog(ModalScreen[tuple[Any, ...] | None]):
    """Every part of one kind as lines of text, one a line with ``|`` between the cells;
    OK reads them, and while a line cannot be read the dialog stays open with the text as
    typed and says which line and why."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without changing anything")]

    def __init__(self, part: str, parts: Sequence[Any]) -> None:
        super().__init__(classes="part-dialog")
        self.part, self.old = part, tuple(parts)

    def compose(self) -> ComposeResult:
        text, _ = _TEXTS[self.part]
        with Vertical(classes="dialog"):
            yield Static(f"{_NAMES[self.part]} as text", classes="dialog-title", markup=False)
            yield Static(f"One a line: {mt.FORMATS[self.part]}", classes="dialog-text", markup=False)
            yield TextArea(text(self.old), id="part-lines", soft_wrap=True)
            yield Static("", id="part-problems", classes="dialog-problem", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK", id="ok", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#part-lines", TextArea).focus()

    @on(Button.Pressed, "#ok")
    def action_ok(self) -> None:
        _, parse = _TEXTS[self.part]
        parts, problems = parse(self.query_one("#part-lines", TextArea).text, self.old)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            self.query_one("#part-problems", Static).update("\n".join(p.message for p in errors))
            self.query_one("#part-lines", TextArea).focus()
            return
        self.dismiss(parts)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
