"""The typed fields of the minutes: the plain-text forms the clerk types, and back to the record.

Lives here: pure conversions between parts of an :class:`~workflow.record.model.Item` and
the text shown in one text area (narrative, resolutions, declarations, motions, actions,
documents), and the meeting's closing time. Each ``parse_*`` returns the new parts and the problems found, as
:class:`~workflow.errors.FieldError` with paths relative to the item
(``motions[1].outcome``), so a bad line is named in the validation panel and never
raises. Details the text form does not show (exemption reasons, who left the room,
done dates) are kept from the earlier parts where the line still matches.

Must not live here: Textual, archive access, or the rules the record must meet (the
schema and :mod:`workflow.rules` check those).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence

from workflow.errors import FieldError, MinutebookError, UsageError
from workflow.record import numbering
from workflow.record.model import (
    Action,
    ActionKind,
    Block,
    BulletList,
    Declaration,
    Document,
    Exemption,
    ExemptionBasis,
    InterestType,
    Motion,
    MotionKind,
    MotionOutcome,
    Paragraph,
    Resolution,
    Vote,
    Withheld,
)
from workflow.text.dates import parse_date, parse_time

__all__ = [
    "FORMATS",
    "actions_text",
    "body_text",
    "closed_text",
    "declarations_text",
    "documents_text",
    "motions_text",
    "parse_actions",
    "parse_body",
    "parse_closed",
    "parse_declarations",
    "parse_documents",
    "parse_motions",
    "parse_resolutions",
    "resolutions_text",
]

FORMATS = {
    "body": "Paragraphs separated by a blank line; lines starting '- ' are bullets; "
    "'[exempt 3] ' starts exempt text.",
    "resolutions": "One resolution a line; indent two spaces for a sub-resolution. "
    "Labels are added for you.",
    "declarations": "member | nature | interest (pecuniary, other-registrable, "
    "non-registrable, significant-other, lobbying, party-whip, other)",
    "motions": "text | mover | seconder | carried/lost/withdrawn/deferred/referred | "
    "for-against-abstain or unanimous | motion/amendment/procedural",
    "actions": "text | owner | due YYYY-MM-DD | action/referral/information-request",
    "documents": "One document title a line.",
}
"""What each text area expects, shown as its placeholder and in the help."""

_EXEMPT = re.compile(r"^\[(exempt|confidential)(?:\s+(\d+))?\]\s*", re.IGNORECASE)
_VOTES = re.compile(r"^(\d+)\s*-\s*(\d+)(?:\s*-\s*(\d+))?$")


def _cells(line: str, width: int) -> list[str]:
    cells = [c.strip() for c in line.split("|")]
    return cells + [""] * (width - len(cells))


# --------------------------------------------------------------------------- narrative


def body_text(body: Sequence[Block]) -> str:
    """The narrative as the clerk edits it (withheld blocks are not shown)."""
    parts = []
    for block in body:
        if isinstance(block, Withheld):
            continue
        marker = _marker(block.exemption)
        if isinstance(block, Paragraph):
            parts.append(marker + block.text)
        else:
            parts.append(marker + "\n".join(f"- {b}" for b in block.bullets))
    return "\n\n".join(parts)


def _marker(exemption: Exemption | None) -> str:
    if exemption is None:
        return ""
    number = f" {exemption.paragraph}" if exemption.paragraph else ""
    return f"[{exemption.basis.value}{number}] "


def parse_body(text: str, old: Sequence[Block] = ()) -> tuple[tuple[Block, ...], list[FieldError]]:
    """Blocks from the narrative text; a paragraph followed by bullet lines gives both."""
    kept = {_marker(b.exemption).strip(): b.exemption for b in old if not isinstance(b, Withheld) and b.exemption}
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        lines = [ln.rstrip() for ln in chunk.strip("\n").split("\n") if ln.strip()]
        if not lines:
            continue
        exemption = None
        found = _EXEMPT.match(lines[0].lstrip())
        if found:
            marker = f"[{found.group(1).lower()}{' ' + found.group(2) if found.group(2) else ''}]"
            exemption = kept.get(marker) or _new_exemption(found.group(1), found.group(2))
            lines[0] = lines[0].lstrip()[found.end():]
        prose = [ln.strip() for ln in lines if not ln.lstrip().startswith("- ")]
        bullets = tuple(ln.lstrip()[2:].strip() for ln in lines if ln.lstrip().startswith("- "))
        if prose:
            blocks.append(Paragraph(text=" ".join(p for p in prose if p), exemption=exemption))
        if bullets:
            blocks.append(BulletList(bullets=bullets, exemption=exemption))
    return tuple(b for b in blocks if not isinstance(b, Paragraph) or b.text), []


def _new_exemption(word: str, paragraph: str | None) -> Exemption:
    basis = ExemptionBasis.CONFIDENTIAL if word.lower() == "confidential" else ExemptionBasis.EXEMPT
    return Exemption(basis=basis, paragraph=int(paragraph) if paragraph else None)


# --------------------------------------------------------------------------- resolutions


def resolutions_text(resolutions: Sequence[Resolution], depth: int = 0) -> str:
    lines = []
    for res in resolutions:
        lines.append("  " * depth + res.text)
        if res.children:
            lines.append(resolutions_text(res.children, depth + 1))
    return "\n".join(lines)


def parse_resolutions(text: str, scheme: str) -> tuple[tuple[Resolution, ...], list[FieldError]]:
    """Resolutions with labels in the template's scheme; indented lines are sub-resolutions."""
    top: list[Resolution] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            continue
        if line.startswith("  ") and top:
            parent = top[-1]
            top[-1] = dataclasses.replace(
                parent, children=parent.children + (Resolution(text=line.strip()),)
            )
        else:
            top.append(Resolution(text=line.strip()))
    try:
        return numbering.relabel(top, scheme), []
    except MinutebookError as exc:
        return tuple(top), [FieldError("resolutions", exc.message)]


# --------------------------------------------------------------------------- declarations


def declarations_text(declarations: Sequence[Declaration]) -> str:
    return "\n".join(
        " | ".join([d.member, d.nature, d.interest.value]).rstrip(" |") for d in declarations
    )


def parse_declarations(
    text: str, old: Sequence[Declaration] = ()
) -> tuple[tuple[Declaration, ...], list[FieldError]]:
    found: list[Declaration] = []
    problems: list[FieldError] = []
    earlier = {d.member: d for d in old}
    for index, line in enumerate(_lines(text)):
        member, nature, interest = _cells(line, 3)
        path = f"declarations[{index}]"
        if not member:
            problems.append(FieldError(f"{path}.member", "Name the member who declared the interest first."))
            continue
        kind = _enum(InterestType, interest or "other", f"{path}.interest", problems)
        base = earlier.get(member) or Declaration(member=member)
        found.append(dataclasses.replace(base, nature=nature, interest=kind or InterestType.OTHER))
    return tuple(found), problems


# --------------------------------------------------------------------------- motions


def _votes_text(vote: Vote | None) -> str:
    if vote is None:
        return ""
    if vote.unanimous:
        return "unanimous"
    counts = [vote.for_count, vote.against_count, vote.abstain_count]
    if all(c is None for c in counts):
        return ""
    return "-".join(str(c or 0) for c in counts)


def motions_text(motions: Sequence[Motion]) -> str:
    lines = []
    for m in motions:
        kind = "" if m.kind is MotionKind.MOTION else m.kind.value
        outcome = "" if m.outcome is MotionOutcome.NOT_VOTED else m.outcome.value
        cells = [m.text, m.mover, m.seconder, outcome, _votes_text(m.vote), kind]
        lines.append(" | ".join(cells).rstrip(" |"))
    return "\n".join(lines)


def parse_motions(text: str, old: Sequence[Motion] = ()) -> tuple[tuple[Motion, ...], list[FieldError]]:
    found: list[Motion] = []
    problems: list[FieldError] = []
    earlier = {m.text: m for m in old}
    for index, line in enumerate(_lines(text)):
        words, mover, seconder, outcome, votes, kind = _cells(line, 6)
        path = f"motions[{index}]"
        if not words:
            problems.append(FieldError(f"{path}.text", "A motion needs its wording before the first '|'."))
            continue
        base = earlier.get(words) or Motion(text=words)
        vote = _parse_vote(votes, base.vote, f"{path}.vote", problems)
        found.append(dataclasses.replace(
            base, mover=mover, seconder=seconder, vote=vote,
            outcome=_enum(MotionOutcome, outcome or "not-voted", f"{path}.outcome", problems) or base.outcome,
            kind=_enum(MotionKind, kind or "motion", f"{path}.kind", problems) or base.kind,
        ))  # fmt: skip
    return tuple(found), problems


def _parse_vote(text: str, old: Vote | None, path: str, problems: list[FieldError]) -> Vote | None:
    if not text:
        return None if old is None or old.recorded is False else old
    base = old or Vote()
    if text.lower() == "unanimous":
        return dataclasses.replace(base, unanimous=True)
    found = _VOTES.match(text)
    if not found:
        problems.append(FieldError(path, f"'{text}' is not a vote; write for-against-abstain (e.g. 5-2-1) or 'unanimous'."))
        return old
    counts = [int(g) if g is not None else None for g in found.groups()]
    return dataclasses.replace(base, for_count=counts[0], against_count=counts[1], abstain_count=counts[2], unanimous=False)


# --------------------------------------------------------------------------- actions


def actions_text(actions: Sequence[Action]) -> str:
    lines = []
    for a in actions:
        kind = "" if a.kind is ActionKind.ACTION else a.kind.value
        due = a.due.isoformat() if a.due else ""
        lines.append(" | ".join([a.text, a.owner, due, kind]).rstrip(" |"))
    return "\n".join(lines)


def parse_actions(text: str, old: Sequence[Action] = ()) -> tuple[tuple[Action, ...], list[FieldError]]:
    found: list[Action] = []
    problems: list[FieldError] = []
    earlier = {a.text: a for a in old}
    for index, line in enumerate(_lines(text)):
        words, owner, due, kind = _cells(line, 4)
        path = f"actions[{index}]"
        if not words:
            problems.append(FieldError(f"{path}.text", "An action needs its wording before the first '|'."))
            continue
        day = None
        if due:
            try:
                day = parse_date(due, "due")
            except UsageError:
                problems.append(FieldError(f"{path}.due", f"'{due}' is not a date; write it as YYYY-MM-DD."))
        base = earlier.get(words) or Action(text=words)
        chosen = _enum(ActionKind, kind or "action", f"{path}.kind", problems) or base.kind
        found.append(dataclasses.replace(base, owner=owner, due=day, kind=chosen))
    return tuple(found), problems


# --------------------------------------------------------------------------- closing time


def closed_text(closed: dt.time | None) -> str:
    """The closing time as the clerk types it (``16:25``)."""
    return closed.strftime("%H:%M") if closed else ""


def parse_closed(text: str) -> tuple[dt.time | None, list[FieldError]]:
    """The closing time typed as ``HH:MM`` (none when empty), or the problem with it."""
    if not text.strip():
        return None, []
    try:
        return parse_time(text, "closed"), []
    except UsageError:
        return None, [FieldError("closed", f"'{text.strip()}' is not a time; write the closing time as HH:MM, e.g. 16:25.")]


# --------------------------------------------------------------------------- documents


def documents_text(documents: Sequence[Document]) -> str:
    return "\n".join(d.title for d in documents)


def parse_documents(text: str, old: Sequence[Document] = ()) -> tuple[tuple[Document, ...], list[FieldError]]:
    earlier = {d.title: d for d in old}
    return tuple(earlier.get(t) or Document(title=t) for t in _lines(text)), []


# --------------------------------------------------------------------------- helpers


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.replace("\r\n", "\n").split("\n") if ln.strip()]


def _enum(cls, value: str, path: str, problems: list[FieldError]):  # type: ignore[no-untyped-def]
    try:
        return cls(value.strip().lower())
    except ValueError:
        choices = ", ".join(m.value for m in cls)
        problems.append(FieldError(path, f"'{value}' is not one of {choices}."))
        return None
