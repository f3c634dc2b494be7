"""Editing a meeting's attendance: marking who was there, the chair and substitutes, and
adding anyone else who attended, from the people register or new to it.

Lives here: :func:`mark`, the pure edit behind the minutes editor's quick keys; the ways
someone can attend (:data:`ATTENDING_AS`: a member, a substitute for an absent member, a
cabinet member, another councillor, an officer with a directorate, a partner or a public
speaker); :func:`add_attendee`, which reads the filled-in :class:`AttendeeForm` into a new
attendance line; :func:`new_person`, a register entry for someone not yet in it; and
:func:`find_people`, the register entries matching a few typed letters. Every reader
returns problems in the clerk's words and never raises, whatever the text.

Must not live here: who a meeting expects (:mod:`workflow.rules.membership`), saving the
register (:class:`workflow.services.register.Register`) or the rule that circulation
needs every attendance recorded (:mod:`workflow.rules.lifecycle`).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from workflow.errors import FieldError
from workflow.record.model import AttendanceState, Attendee, Meeting, Person, PersonKind, Role
from workflow.record.names import attendee_name, person_name
from workflow.rules.membership import ROLE_ORDER, substitutable
from workflow.text.prose import one_line, quoted

__all__ = [
    "ATTENDING_AS",
    "MARKS",
    "Attending",
    "AttendeeForm",
    "add_attendee",
    "attending",
    "away_members",
    "find_people",
    "mark",
    "new_person",
]

MARKS = {  # the attendance states a quick key marks, by name
    "present": AttendanceState.PRESENT,
    "apologies": AttendanceState.APOLOGIES,
    "remote": AttendanceState.REMOTE,
    "absent": AttendanceState.ABSENT,
}


def mark(meeting: Meeting, index: int, what: str, value: str = "") -> Meeting:
    """The meeting with attendee ``index`` marked present/apologies/remote/absent, chair,
    or substitute for ``value`` (a register id or name; empty clears it)."""
    rows = list(meeting.attendance)
    who = rows[index]
    if what in MARKS:
        rows[index] = dataclasses.replace(who, state=MARKS[what])
    elif what == "chair":
        rows = [
            dataclasses.replace(a, role=Role.MEMBER) if a.role is Role.CHAIR and i != index else a
            for i, a in enumerate(rows)
        ]
        role = Role.MEMBER if who.role is Role.CHAIR else Role.CHAIR
        rows[index] = dataclasses.replace(who, role=role)
    elif what == "substitute":
        rows[index] = dataclasses.replace(who, substitute_for=value.strip())
    return dataclasses.replace(meeting, attendance=tuple(rows))


# --------------------------------------------------------------------------- adding someone


@dataclass(frozen=True, slots=True)
class Attending:
    """One way of attending: the words a form shows, the role recorded, the kind of
    register entry such a person is, and the words printed after their name by default."""

    key: str
    words: str
    role: Role
    kind: PersonKind
    capacity: str = ""


ATTENDING_AS: tuple[Attending, ...] = (
    Attending("member", "Member of the committee", Role.MEMBER, PersonKind.MEMBER),
    Attending("substitute", "Substitute for an absent member", Role.MEMBER, PersonKind.MEMBER),
    Attending("cabinet-member", "Cabinet member", Role.CABINET_MEMBER, PersonKind.MEMBER),
    Attending("deputy-cabinet-member", "Deputy cabinet member", Role.DEPUTY_CABINET_MEMBER, PersonKind.MEMBER),
    Attending("other-member", "Another councillor", Role.OTHER_MEMBER, PersonKind.MEMBER),
    Attending("co-opted", "Co-opted member", Role.CO_OPTED, PersonKind.OTHER),
    Attending("officer", "Officer", Role.OFFICER, PersonKind.OFFICER),
    Attending("partner", "Partner organisation", Role.OTHER, PersonKind.OTHER),
    Attending("speaker", "Public speaker", Role.OTHER, PersonKind.OTHER, "public speaker"),
)
"""How someone can attend, in the order a form offers them."""

_BY_KEY = {a.key: a for a in ATTENDING_AS}
_STATES = (AttendanceState.PRESENT, AttendanceState.REMOTE, AttendanceState.APOLOGIES, AttendanceState.ABSENT)


@dataclass(frozen=True, slots=True, kw_only=True)
class AttendeeForm:
    """Someone to add to the attendance, as the form holds them."""

    person: str = ""
    """Register id of the person picked (empty when the name is not in the register)."""
    name: str = ""
    """The name as typed."""
    attending_as: str = ""
    """A key of :data:`ATTENDING_AS`."""
    substitute_for: str = ""
    directorate: str = ""
    capacity: str = ""
    """Printed after the name: a portfolio, an organisation, ``objector``…"""
    state: str = AttendanceState.PRESENT.value


def attending(key: str) -> Attending | None:
    """The way of attending called ``key`` in :data:`ATTENDING_AS`."""
    return _BY_KEY.get(key)


def away_members(meeting: Meeting, people: Mapping[str, Person]) -> tuple[tuple[str, str], ...]:
    """The committee's members listed at the meeting who are not there, as (name, id or
    name): those a substitute can stand in for."""
    return tuple((attendee_name(a, people), a.person or a.name) for a in substitutable(meeting.attendance, -1))


def add_attendee(
    meeting: Meeting, people: Mapping[str, Person], form: AttendeeForm
) -> tuple[Meeting, list[FieldError]]:
    """The meeting with the person of ``form`` added to its attendance (after the others
    in the same role), or the meeting unchanged and the problems, each on the form's
    field (``name``, ``attending_as``, ``substitute_for``, ``directorate``, ``capacity``)."""
    problems: list[FieldError] = []

    def say(field: str, sentence: str) -> None:
        problems.append(FieldError(field, sentence))

    person = people.get(form.person) if form.person else None
    typed = " ".join(form.name.split())
    how = _BY_KEY.get(form.attending_as)
    if person is None and not typed:
        say("name", "Name: type a few letters of their name and pick them from the register.")
    elif person is None and how is not None and how.role is not Role.OTHER:
        say("name", f"Name: {quoted(typed)} is not in the register; pick a match, or add them "
            "as a new person.")
    elif _listed(meeting, people, form.person, typed):
        shown = one_line(person_name(form.person, people, fallback=typed))
        say("name", f"Name: {shown} is already in the attendance; mark them there instead.")
    if how is None:
        say("attending_as", "Attending as: choose how they attend (member, substitute, officer…).")
    state = next((s for s in _STATES if s.value == form.state), None)
    if state is None:
        say("state", "Attendance: choose present, remote, apologies or absent.")
    substitute_for = form.substitute_for.strip()
    if how is not None and how.key == "substitute":
        away = {ref for _, ref in away_members(meeting, people)}
        if not substitute_for:
            say("substitute_for", "Substitute for: choose the absent member they stand in for.")
        elif substitute_for not in away:
            say("substitute_for", f"Substitute for: {one_line(person_name(substitute_for, people))} is not an "
                "absent member of this meeting; mark them away first (a or x).")
    directorate = form.directorate.strip()
    if how is not None and how.role is Role.OFFICER and not (directorate or (person and person.directorate)):
        say("directorate", "Directorate: say which directorate the officer works in, e.g. People.")
    capacity = form.capacity.strip() or (how.capacity if how else "")
    if how is not None and how.key == "partner" and not capacity:
        say("capacity", "Organisation: say which organisation they represent.")
    if problems or how is None or state is None:
        return meeting, problems
    attendee = Attendee(
        person=person.id if person else "", name="" if person else typed, role=how.role, state=state,
        substitute_for=substitute_for if how.key == "substitute" else "",
        directorate=directorate if person is None or directorate != person.directorate else "",
        capacity=capacity,
    )  # fmt: skip
    return dataclasses.replace(meeting, attendance=_placed(meeting.attendance, attendee)), []


def _listed(meeting: Meeting, people: Mapping[str, Person], person: str, name: str) -> bool:
    if person:
        return any(a.person == person for a in meeting.attendance)
    return any(attendee_name(a, people).casefold() == name.casefold() for a in meeting.attendance)


def _placed(rows: tuple[Attendee, ...], attendee: Attendee) -> tuple[Attendee, ...]:
    """``rows`` with ``attendee`` after the last row of the same or an earlier role."""
    rank = ROLE_ORDER.index(attendee.role)
    at = len(rows)
    while at and ROLE_ORDER.index(rows[at - 1].role) > rank:
        at -= 1
    return rows[:at] + (attendee,) + rows[at:]


# --------------------------------------------------------------------------- the register


_TITLES = {"councillor": "Councillor", "cllr": "Councillor", "mr": "Mr", "mrs": "Mrs", "ms": "Ms",
           "miss": "Miss", "mx": "Mx", "dr": "Dr", "prof": "Professor", "professor": "Professor"}  # fmt: skip
_SHORT = {"Councillor": "cllr"}


def new_person(
    name: str, title: str, kind: PersonKind, people: Mapping[str, Person], *, directorate: str = ""
) -> tuple[Person | None, list[FieldError]]:
    """A register entry for someone typed by name (``Councillor J Smith`` or ``J Smith``
    with the title apart), with an id like those of the register (``cllr-j-smith``), or
    None and the problems on the fields ``name`` and ``title``."""
    words = " ".join(name.split()).split(" ")
    title = " ".join(title.split())
    if not title and len(words) > 1 and words[0].rstrip(".").casefold() in _TITLES:
        title, words = _TITLES[words[0].rstrip(".").casefold()], words[1:]
    printed = " ".join(w for w in words if w)
    if not printed:
        return None, [FieldError("name", "New person: type their name as it is printed, e.g. J Smith.")]
    stem = _slug(" ".join(([] if kind is PersonKind.OFFICER else [_SHORT.get(title, title)]) + [printed]))
    if not _slug(printed):
        return None, [FieldError("name", f"New person: {quoted(printed)} has no letters or figures to "
                                 "make a register id from; type the name in letters.")]
    pid, n = stem, 2
    while pid in people:
        pid, n = f"{stem}-{n}", n + 1
    return Person(id=pid, name=printed, title=title, kind=kind,
                  directorate=directorate.strip() if kind is PersonKind.OFFICER else ""), []  # fmt: skip


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    plain = re.sub(r"['’‘`]", "", plain)
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].strip("-")


def find_people(people: Mapping[str, Person], typed: str, *, limit: int = 8) -> tuple[Person, ...]:
    """The register entries whose name, title or id has a word starting with what was
    typed (every typed word must start one), members first; none for blank text."""
    wanted = typed.casefold().split()
    if not wanted:
        return ()
    found = []
    for person in people.values():
        words = re.split(r"[\s.\-]+", f"{person.title} {person.name} {person.id}".casefold())
        if all(any(w.startswith(t) for w in words) for t in wanted):
            found.append(person)
    found.sort(key=lambda p: (p.kind is not PersonKind.MEMBER, p.name.split()[-1].casefold() if p.name.split() else "", p.name))
    return tuple(found[:limit])
