"""People's names as minutebook writes them: "Councillor M Mutton", from the register.

Lives here: :func:`person_name` (a register id as printed, or the name recorded when the
register does not have it), :func:`person_names` ("A, B and C") and
:func:`attendee_name` (one line of attendance). Every document, message and screen
names people through these.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from workflow.record.model import Attendee, Person
from workflow.text.prose import joined

__all__ = ["attendee_name", "person_name", "person_names"]


def person_name(ref: str, people: Mapping[str, Person], *, fallback: str = "", title: bool = True) -> str:
    """``Councillor M Mutton`` for a register id (without the title if ``title`` is
    false); an id the register does not have is shown as ``fallback``, else as given."""
    person = people.get(ref) if ref else None
    if person is None:
        return fallback or ref
    return f"{person.title} {person.name}".strip() if title else person.name


def person_names(refs: Sequence[str], people: Mapping[str, Person]) -> str:
    """``Councillor A, Councillor B and Councillor C``."""
    return joined([person_name(r, people) for r in refs])


def attendee_name(attendee: Attendee, people: Mapping[str, Person], *, title: bool = True) -> str:
    """Who an attendance line is about: the register's name, else the name recorded."""
    return person_name(attendee.person, people, fallback=attendee.name, title=title) or "an unnamed attendee"
