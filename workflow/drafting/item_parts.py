"""The structured parts of an item's minutes as the clerk fills them in: declarations of
interest, motions and amendments with their votes, actions and referrals.

Lives here: what the forms offer (the kinds of interest, motion, outcome and action, each
with its words, and the people of the meeting who can be picked), the filled-in forms
(:class:`DeclarationForm`, :class:`MotionForm`, :class:`ActionForm`: text as typed,
values as chosen, names as ticked), the form of a part already recorded, and reading a
form into the part (:func:`read_declaration`, :func:`read_motion`, :func:`read_action`)
with each problem in the clerk's words ("Declaration 1: choose the kind of interest.") on
the path of its field (``declarations[0].interest``); and the list edits (:func:`put`,
:func:`removed`, :func:`moved`). Pure: a reader returns problems and never raises,
whatever the text; details a form does not show are kept from the part it edits.

Must not live here: Textual, the pipe-separated text form of the parts (which
:mod:`workflow.drafting.minutes_fields` reads through these readers), the rules the whole
record must meet (the schema and :mod:`workflow.rules`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from workflow.errors import FieldError
from workflow.record.model import (
    Action,
    ActionKind,
    AttendanceState,
    Declaration,
    InterestType,
    Meeting,
    Motion,
    MotionKind,
    MotionOutcome,
    Person,
    Vote,
)
from workflow.record.names import attendee_name, person_name
from workflow.rules.membership import MEMBER_ROLES
from workflow.text.dates import read_date, read_time
from workflow.text.numerals import read_whole
from workflow.text.prose import joined, one_line, quoted

__all__ = [
    "ACTION_KINDS",
    "INTERESTS",
    "MOTION_KINDS",
    "OUTCOMES",
    "ActionForm",
    "DeclarationForm",
    "MotionForm",
    "action_form",
    "declaration_form",
    "motion_form",
    "moved",
    "part_word",
    "people_present",
    "put",
    "read_action",
    "read_declaration",
    "read_motion",
    "removed",
]

INTERESTS: tuple[tuple[str, str], ...] = (
    ("Disclosable pecuniary interest", InterestType.PECUNIARY.value),
    ("Other registrable interest", InterestType.OTHER_REGISTRABLE.value),
    ("Non-registrable interest", InterestType.NON_REGISTRABLE.value),
    ("Significant other interest", InterestType.SIGNIFICANT_OTHER.value),
    ("Lobbied on the matter", InterestType.LOBBYING.value),
    ("Subject to a party whip", InterestType.PARTY_WHIP.value),
    ("Other interest", InterestType.OTHER.value),
)
"""The kinds of interest as a form offers them: (words, value)."""

MOTION_KINDS: tuple[tuple[str, str], ...] = (
    ("Motion", MotionKind.MOTION.value),
    ("Amendment", MotionKind.AMENDMENT.value),
    ("Procedural motion", MotionKind.PROCEDURAL.value),
)

OUTCOMES: tuple[tuple[str, str], ...] = (
    ("Carried", MotionOutcome.CARRIED.value),
    ("Lost", MotionOutcome.LOST.value),
    ("Withdrawn", MotionOutcome.WITHDRAWN.value),
    ("Deferred", MotionOutcome.DEFERRED.value),
    ("Referred", MotionOutcome.REFERRED.value),
    ("Not put to the vote", MotionOutcome.NOT_VOTED.value),
)

ACTION_KINDS: tuple[tuple[str, str], ...] = (
    ("Action", ActionKind.ACTION.value),
    ("Referral", ActionKind.REFERRAL.value),
    ("Request for information", ActionKind.INFORMATION.value),
)

_AWAY = (AttendanceState.APOLOGIES, AttendanceState.ABSENT)

P = TypeVar("P")


# --------------------------------------------------------------------------- the forms


@dataclass(frozen=True, slots=True, kw_only=True)
class DeclarationForm:
    """A declaration as the form holds it: the member's register id (or name), the kind
    of interest chosen (a value of :data:`INTERESTS`, empty until chosen), and text."""

    member: str = ""
    interest: str = ""
    nature: str = ""
    regarding: str = ""
    """Agenda number of the item the interest concerns."""
    left_room: bool = False
    left_at: str = ""
    returned_at: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class MotionForm:
    """A motion or amendment as the form holds it: the vote as typed counts and ticked names."""

    kind: str = MotionKind.MOTION.value
    text: str = ""
    mover: str = ""
    seconder: str = ""
    outcome: str = ""
    for_count: str = ""
    against_count: str = ""
    abstain_count: str = ""
    unanimous: bool = False
    recorded: bool = False
    for_names: tuple[str, ...] = ()
    against_names: tuple[str, ...] = ()
    abstain_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ActionForm:
    """An action, referral or request for information: what, to whom, by when."""

    kind: str = ActionKind.ACTION.value
    text: str = ""
    owner: str = ""
    due: str = ""


def declaration_form(declaration: Declaration) -> DeclarationForm:
    return DeclarationForm(
        member=declaration.member, interest=declaration.interest.value, nature=declaration.nature,
        regarding=declaration.regarding, left_room=declaration.left_room,
        left_at=_time_text(declaration.left_at), returned_at=_time_text(declaration.returned_at),
    )  # fmt: skip


def motion_form(motion: Motion) -> MotionForm:
    vote = motion.vote or Vote()
    return MotionForm(
        kind=motion.kind.value, text=motion.text, mover=motion.mover, seconder=motion.seconder,
        outcome=motion.outcome.value, for_count=_count_text(vote.for_count),
        against_count=_count_text(vote.against_count), abstain_count=_count_text(vote.abstain_count),
        unanimous=vote.unanimous, recorded=vote.recorded, for_names=vote.for_names,
        against_names=vote.against_names, abstain_names=vote.abstain_names,
    )  # fmt: skip


def action_form(action: Action) -> ActionForm:
    due = action.due.isoformat() if action.due else ""
    return ActionForm(kind=action.kind.value, text=action.text, owner=action.owner, due=due)


def _time_text(value: object) -> str:
    return value.strftime("%H:%M") if value is not None else ""  # type: ignore[attr-defined]


def _count_text(value: int | None) -> str:
    return "" if value is None else str(value)


# --------------------------------------------------------------------------- who can be picked


def people_present(meeting: Meeting, people: Mapping[str, Person], *, voting: bool = False) -> tuple[tuple[str, str], ...]:
    """The meeting's people a form can pick, as (name, register id or name): everyone in
    the attendance who has not sent apologies or been marked absent (only the committee's
    members, substitutes among them, when ``voting``), in attendance order."""
    return tuple(
        (attendee_name(a, people), a.person or a.name)
        for a in meeting.attendance
        if (a.person or a.name) and a.state not in _AWAY and (not voting or a.role in MEMBER_ROLES)
    )


# --------------------------------------------------------------------------- reading the forms


def part_word(part: Declaration | Motion | Action | DeclarationForm | MotionForm | ActionForm) -> str:
    """What the clerk calls the part: ``Declaration``, ``Amendment``, ``Referral``…"""
    if isinstance(part, Declaration | DeclarationForm):
        return "Declaration"
    kind = part.kind.value if isinstance(part, Motion | Action) else part.kind
    words = dict((value, label) for label, value in MOTION_KINDS + ACTION_KINDS)
    return words.get(kind, "Motion" if isinstance(part, Motion | MotionForm) else "Action")


def read_declaration(
    form: DeclarationForm, index: int, old: Declaration | None = None
) -> tuple[Declaration | None, list[FieldError]]:
    """The declaration the form records (None when it cannot be read), and the problems;
    ``index`` is its place in the item's list (0 for the first)."""
    say = _Problems(f"declarations[{index}]", f"Declaration {index + 1}")
    member = form.member.strip()
    if not member:
        say("member", "choose the member who declared the interest.")
    kind = _choice(InterestType, form.interest, INTERESTS, say, "interest", "kind of interest")
    left_at = say.time("left_at", form.left_at, "time they left the room")
    returned_at = say.time("returned_at", form.returned_at, "time they came back")
    if returned_at is not None and left_at is None:
        say("left_at", "say when they left the room as well as when they came back.")
    if say.problems or kind is None:
        return None, say.problems
    base = old if old is not None else Declaration(member=member)
    return dataclasses.replace(
        base, member=member, interest=kind, nature=form.nature.strip(), regarding=form.regarding.strip(),
        left_room=form.left_room or left_at is not None, left_at=left_at, returned_at=returned_at,
    ), []  # fmt: skip


def read_motion(
    form: MotionForm, index: int, old: Motion | None = None, people: Mapping[str, Person] | None = None
) -> tuple[Motion | None, list[FieldError]]:
    """The motion the form records (None when it cannot be read), and the problems;
    names in messages are written from ``people``."""
    say = _Problems(f"motions[{index}]", f"{part_word(form)} {index + 1}")
    kind = _choice(MotionKind, form.kind, MOTION_KINDS, say, "kind", "kind of motion")
    text = form.text.strip()
    if not text:
        say("text", f"write the wording of the {part_word(form).lower()}.")
    mover, seconder = form.mover.strip(), form.seconder.strip()
    if seconder and seconder == mover:
        say("seconder", "the seconder must be someone other than the mover.")
    elif seconder and not mover:
        say("mover", "choose who moved it as well as who seconded it.")
    outcome = _choice(MotionOutcome, form.outcome, OUTCOMES, say, "outcome", "outcome",
                      missing="choose what happened to it (carried, lost, withdrawn…).")
    vote = _read_vote(form, old.vote if old else None, say, people or {})
    if say.problems or kind is None or outcome is None:
        return None, say.problems
    base = old if old is not None else Motion()
    return dataclasses.replace(
        base, kind=kind, text=text, mover=mover, seconder=seconder, outcome=outcome, vote=vote
    ), []


def _read_vote(form: MotionForm, old: Vote | None, say: _Problems, people: Mapping[str, Person]) -> Vote | None:
    counts = {
        side: say.whole(f"vote.{side}_count", getattr(form, f"{side}_count"), f"votes {word}")
        for side, word in (("for", "for"), ("against", "against"), ("abstain", "abstaining"))
    }
    names = {"for": form.for_names, "against": form.against_names, "abstain": form.abstain_names}
    seen: dict[str, str] = {}
    for side, refs in names.items():
        for ref in refs:
            if ref in seen and seen[ref] != side:
                say(f"vote.{side}_names", f"{one_line(person_name(ref, people))} is ticked both "
                    f"{_SIDE[seen[ref]]} and {_SIDE[side]}; tick one.")
            seen.setdefault(ref, side)
    for side, refs in names.items():
        if refs and counts[side] is not None and counts[side] != len(refs):
            say(f"vote.{side}_count", f"{counts[side]} {_VOTES[side]}, but {len(refs)} "
                f"{'name is' if len(refs) == 1 else 'names are'} ticked {_SIDE[side]}.")
        elif refs:
            counts[side] = len(refs)
    if form.recorded and not seen:
        say("vote.for_names", "a recorded vote names how each member voted; tick the names.")
    if form.unanimous and (counts["against"] or names["against"]):
        say("vote.unanimous", "a unanimous vote has no votes against.")
    base = old or Vote()
    vote = dataclasses.replace(
        base, for_count=counts["for"], against_count=counts["against"], abstain_count=counts["abstain"],
        for_names=tuple(names["for"]), against_names=tuple(names["against"]),
        abstain_names=tuple(names["abstain"]), recorded=form.recorded and bool(seen), unanimous=form.unanimous,
    )  # fmt: skip
    return None if vote == Vote() else vote


_SIDE = {"for": "for", "against": "against", "abstain": "as abstaining"}
_VOTES = {"for": "votes for", "against": "votes against", "abstain": "abstentions"}


def read_action(form: ActionForm, index: int, old: Action | None = None) -> tuple[Action | None, list[FieldError]]:
    """The action the form records (None when it cannot be read), and the problems."""
    say = _Problems(f"actions[{index}]", f"{part_word(form)} {index + 1}")
    kind = _choice(ActionKind, form.kind, ACTION_KINDS, say, "kind", "kind of action")
    text = form.text.strip()
    if not text:
        say("text", "say what is to be done." if kind is not ActionKind.REFERRAL else "say what is referred.")
    due = say.date("due", form.due, "date it is due by")
    if say.problems or kind is None:
        return None, say.problems
    base = old if old is not None else Action(text=text)
    return dataclasses.replace(base, kind=kind, text=text, owner=form.owner.strip(), due=due), []


class _Problems:
    """Collects the problems of one part, each in the clerk's words under the part's name."""

    def __init__(self, path: str, name: str) -> None:
        self.path, self.name = path, name
        self.problems: list[FieldError] = []

    def __call__(self, field: str, sentence: str) -> None:
        self.problems.append(FieldError(f"{self.path}.{field}", f"{self.name}: {sentence}"))

    def time(self, field: str, text: str, what: str):  # type: ignore[no-untyped-def]
        value, problem = read_time(text, f"{self.name}, {what}")
        if problem:
            self.problems.append(FieldError(f"{self.path}.{field}", problem))
        return value

    def date(self, field: str, text: str, what: str):  # type: ignore[no-untyped-def]
        value, problem = read_date(text, f"{self.name}, {what}")
        if problem:
            self.problems.append(FieldError(f"{self.path}.{field}", problem))
        return value

    def whole(self, field: str, text: str, what: str) -> int | None:
        value, problem = read_whole(text, f"{self.name}, {what}")
        if problem:
            self.problems.append(FieldError(f"{self.path}.{field}", problem))
        return value


def _choice(cls, value: str, choices: Sequence[tuple[str, str]], say: _Problems, field: str,  # type: ignore[no-untyped-def]
            what: str, *, missing: str = ""):
    typed = value.strip().lower()
    if not typed:
        say(field, missing or f"choose the {what}.")
        return None
    try:
        return cls(typed)
    except ValueError:
        say(field, f"{quoted(value)} is not a {what}; choose one of {joined([v for _, v in choices])}.")
        return None


# --------------------------------------------------------------------------- list edits


def put(parts: Sequence[P], index: int | None, part: P) -> tuple[P, ...]:
    """``parts`` with ``part`` at ``index`` in place of the one there (added at the end
    when ``index`` is None or past the end)."""
    out = list(parts)
    if index is None or not 0 <= index < len(out):
        out.append(part)
    else:
        out[index] = part
    return tuple(out)


def removed(parts: Sequence[P], index: int) -> tuple[P, ...]:
    """``parts`` without the one at ``index`` (unchanged when there is none)."""
    return tuple(p for i, p in enumerate(parts) if i != index)


def moved(parts: Sequence[P], index: int, delta: int) -> tuple[tuple[P, ...], int]:
    """``parts`` with the one at ``index`` moved ``delta`` places (kept inside the list),
    and where it now is."""
    out = list(parts)
    if not 0 <= index < len(out):
        return tuple(out), index
    target = max(0, min(len(out) - 1, index + delta))
    out.insert(target, out.pop(index))
    return tuple(out), target
