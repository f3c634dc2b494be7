"""The typed fields of the minutes: the plain-text forms the clerk types, and back to the record.

Lives here: pure conversions between parts of an :class:`~workflow.record.model.Item` and
the text shown in one text area (narrative, resolutions, documents, and the ``|``-separated
lines of declarations, motions and actions, the advanced route beside their forms), and
the meeting's closing time. Each ``parse_*`` returns the new parts and the problems
found, as :class:`~workflow.errors.FieldError` with paths relative to the item
(``motions[1].outcome``), and never raises, whatever the text: a line that cannot be
read is left out and named. The lines of declarations, motions and actions are read
through the same readers as their forms (:mod:`workflow.drafting.item_parts`), so both
routes give the same messages. Details the text form does not show (exemption reasons,
who left the room, done dates, named votes) are kept from the earlier parts where the
line still matches.

Must not live here: Textual, archive access, or the rules the record must meet (the
schema and :mod:`workflow.rules` check those).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from typing import TypeVar

from workflow.drafting import item_parts as parts
from workflow.errors import FieldError, MinutebookError
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
from workflow.text.dates import read_time
from workflow.text.prose import quoted

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

_EXEMPT = re.compile(r"^\[(exempt|confidential)(?:\s+([0-9]{1,6}))?\]\s*", re.IGNORECASE)
_VOTES = re.compile(r"([0-9]+)\s*-\s*([0-9]+)(?:\s*-\s*([0-9]+))?")
P = TypeVar("P")


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
    """One declaration a line: ``member | nature | interest``; a line that cannot be read
    is left out and named."""
    found: list[Declaration] = []
    problems: list[FieldError] = []
    earlier = {d.member: d for d in old}
    for index, line in enumerate(_lines(text)):
        cells = _cells(line, "declarations", index, problems)
        if cells is None:
            continue
        member, nature, interest = cells
        base = earlier.get(member)
        form = dataclasses.replace(
            parts.declaration_form(base) if base else parts.DeclarationForm(),
            member=member, nature=nature, interest=interest or InterestType.OTHER.value,
        )  # fmt: skip
        _keep(found, problems, parts.read_declaration(form, index, base))
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
    """One motion a line: ``text | mover | seconder | outcome | votes | kind``; a line
    that cannot be read is left out and named."""
    found: list[Motion] = []
    problems: list[FieldError] = []
    earlier = {m.text: m for m in old}
    for index, line in enumerate(_lines(text)):
        cells = _cells(line, "motions", index, problems)
        if cells is None:
            continue
        words, mover, seconder, outcome, votes, kind = cells
        base = earlier.get(words)
        form = dataclasses.replace(
            parts.motion_form(base) if base else parts.MotionForm(), text=words, mover=mover,
            seconder=seconder, outcome=outcome or MotionOutcome.NOT_VOTED.value, kind=kind or MotionKind.MOTION.value,
        )  # fmt: skip
        counts = _vote_cells(votes, form)
        motion, found_here = parts.read_motion(dataclasses.replace(form, **(counts or {})), index, base)
        if counts is None:
            name = f"{parts.part_word(form)} {index + 1}"
            found_here.append(FieldError(f"motions[{index}].vote", f"{name}: {quoted(votes)} is not a vote; "
                                         "write for-against-abstain (e.g. 5-2-1) or 'unanimous'."))
            motion = None
        _keep(found, problems, (motion, found_here))
    return tuple(found), problems


def _vote_cells(text: str, form: parts.MotionForm) -> dict[str, object] | None:
    """The vote cell as the form's counts, or None when it is not a vote."""
    if not text:
        return {"for_count": "", "against_count": "", "abstain_count": "", "unanimous": False}
    if text.lower() == "unanimous":
        return {"unanimous": True}
    found = _VOTES.fullmatch(text)
    if not found:
        return None
    counts = [g or "" for g in found.groups()]
    return {"for_count": counts[0], "against_count": counts[1], "abstain_count": counts[2], "unanimous": False}


# --------------------------------------------------------------------------- actions


def actions_text(actions: Sequence[Action]) -> str:
    lines = []
    for a in actions:
        kind = "" if a.kind is ActionKind.ACTION else a.kind.value
        due = a.due.isoformat() if a.due else ""
        lines.append(" | ".join([a.text, a.owner, due, kind]).rstrip(" |"))
    return "\n".join(lines)


def parse_actions(text: str, old: Sequence[Action] = ()) -> tuple[tuple[Action, ...], list[FieldError]]:
    """One action a line: ``text | owner | due | kind``; a line that cannot be read is
    left out and named (a date that is not one is named and left blank)."""
    found: list[Action] = []
    problems: list[FieldError] = []
    earlier = {a.text: a for a in old}
    for index, line in enumerate(_lines(text)):
        cells = _cells(line, "actions", index, problems)
        if cells is None:
            continue
        words, owner, due, kind = cells
        base = earlier.get(words)
        form = parts.ActionForm(text=words, owner=owner, due=due, kind=kind or ActionKind.ACTION.value)
        action, found_here = parts.read_action(form, index, base)
        if action is None and found_here and all(p.path.endswith(".due") for p in found_here):
            action, _ = parts.read_action(dataclasses.replace(form, due=""), index, base)
        _keep(found, problems, (action, found_here))
    return tuple(found), problems


# --------------------------------------------------------------------------- closing time


def closed_text(closed: dt.time | None) -> str:
    """The closing time as the clerk types it (``16:25``)."""
    return closed.strftime("%H:%M") if closed else ""


def parse_closed(text: str) -> tuple[dt.time | None, list[FieldError]]:
    """The closing time typed as ``HH:MM`` (none when empty), or the problem with it."""
    closed, problem = read_time(text, "Meeting closed at")
    return closed, [FieldError("closed", problem)] if problem else []


# --------------------------------------------------------------------------- documents


def documents_text(documents: Sequence[Document]) -> str:
    return "\n".join(d.title for d in documents)


def parse_documents(text: str, old: Sequence[Document] = ()) -> tuple[tuple[Document, ...], list[FieldError]]:
    earlier = {d.title: d for d in old}
    return tuple(earlier.get(t) or Document(title=t) for t in _lines(text)), []


# --------------------------------------------------------------------------- helpers


_WIDTH = {"declarations": 3, "motions": 6, "actions": 4}


def _cells(line: str, part: str, index: int, problems: list[FieldError]) -> list[str] | None:
    """The ``|``-separated cells of one line of ``part``, padded to their number; None
    (and the problem named) when the line has more cells than the part has."""
    width = _WIDTH[part]
    cells = [c.strip() for c in line.split("|")]
    if len(cells) > width:
        name = {"declarations": "Declaration", "motions": "Motion", "actions": "Action"}[part]
        problems.append(FieldError(
            f"{part}[{index}]",
            f"{name} {index + 1}: the line has {len(cells) - 1} '|' marks but a {name.lower()} "
            f"has {width - 1} at most ({FORMATS[part]}); remove the extra '|' or use the form.",
        ))
        return None
    return cells + [""] * (width - len(cells))


def _keep(found: list[P], problems: list[FieldError], read: tuple[P | None, list[FieldError]]) -> None:
    part, found_here = read
    problems.extend(found_here)
    if part is not None:
        found.append(part)


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.replace("\r\n", "\n").split("\n") if ln.strip()]
