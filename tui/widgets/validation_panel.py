"""The live validation panel: field problems of the meeting, each one a jump to its field.

Lives here: :class:`ValidationPanel`, an option list of :class:`~workflow.errors.FieldError`
that posts :class:`ValidationPanel.Jumped` with the field's path when the clerk picks one.
Must not live here: working out the problems (:class:`workflow.services.checks.Checks`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from workflow.errors import FieldError
from workflow.record.model import Meeting, Person
from workflow.record.places import place

__all__ = ["ValidationPanel", "describe"]


def describe(problem: FieldError, meeting: Meeting | None = None, people: Mapping[str, Person] | None = None) -> str:
    """``Item 5, declaration 1, kind of interest: what is wrong``: where the problem is in
    the clerk's words (by the item's printed number when ``meeting`` is given)."""
    prefix = "warning: " if problem.severity == "warning" else ""
    return f"{prefix}{place(problem.path, meeting, people)}: {problem.message}"


class ValidationPanel(OptionList):
    """Problems in the record; Enter on one jumps to its field."""

    BINDINGS = [
        Binding("enter", "select", "Go to field", id="problems.jump",
                tooltip="Move to the field this message is about"),
    ]

    class Jumped(Message):
        """The clerk asked to go to the field at ``path``."""

        def __init__(self, path: str) -> None:
            super().__init__()
            self.path = path

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.problems: tuple[FieldError, ...] = ()
        self._texts: list[str] = []
        self.border_title = "Problems"

    def show(
        self, problems: Sequence[FieldError], meeting: Meeting | None = None, people: Mapping[str, Person] | None = None
    ) -> None:
        """Replace the list (errors first); an empty list says the record is valid. Each
        problem is placed by ``meeting``'s item numbers and ``people``'s names when given."""
        ordered = tuple(sorted(problems, key=lambda p: (p.severity != "error", p.path)))
        texts = [describe(p, meeting, people) for p in ordered]
        if ordered == self.problems and texts == self._texts and self.option_count:
            return
        self.problems, self._texts = ordered, texts
        self.clear_options()
        errors = sum(1 for p in ordered if p.severity == "error")
        self.set_class(errors > 0, "-invalid")
        self.border_title = f"Problems ({len(ordered)})" if ordered else "No problems"
        if not ordered:
            self.add_option(Option(Text("No problems found."), id="none", disabled=True))
            return
        self.add_options(
            Option(Text(text, style="" if p.severity == "error" else "italic"), id=f"p{i}")
            for i, (p, text) in enumerate(zip(ordered, texts, strict=True))
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id and event.option_id.startswith("p"):
            self.post_message(self.Jumped(self.problems[int(event.option_id[1:])].path))
