"""A meeting diff in words: the readable listing and the one-line summary.

Kept apart from the comparison in :mod:`workflow.diff.meetings`, which stays free of presentation;
``MeetingDiff.to_text`` and ``MeetingDiff.summary`` call into here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workflow.diff.meetings import FieldChange, ItemDiff, MeetingDiff, WordOp

__all__ = ["as_text", "summary_line"]


_GREEN, _RED, _BOLD, _RESET = "\x1b[32;4m", "\x1b[31;9m", "\x1b[1m", "\x1b[0m"


def _show(ops: Sequence[WordOp], colour: bool) -> str:
    out = []
    for w in ops:
        if w.op == "equal":
            out.append(w.text)
        elif colour:
            out.append(f"{_GREEN if w.op == 'insert' else _RED}{w.text}{_RESET}")
        else:
            out.append(f"{{+{w.text}+}}" if w.op == "insert" else f"[-{w.text}-]")
    return "".join(out)


def _change_lines(changes: Sequence[FieldChange], colour: bool) -> list[str]:
    lines = []
    for c in changes:
        body = _show(c.words, colour).replace("\n", "\n    ")
        lines.append(f"  {c.label} ({c.change}): {body}" if body else f"  {c.label} ({c.change})")
    return lines


def _item_heading(d: ItemDiff) -> str:
    head = f"{d.name} {d.title}".rstrip()
    if d.renumbered:
        was = ", ".join(
            f"{kind} {old or '-'} -> {new or '-'}"
            for kind, old, new in zip(("item", "minute"), d.old_number, d.new_number, strict=True)
            if old != new
        )
        head += f" (renumbered: {was})"
    return f"{head}: {d.change}"


def as_text(diff: MeetingDiff, colour: bool) -> str:
    if diff.is_empty:
        return f"No changes to {diff.meeting}.\n"
    bold = (lambda s: f"{_BOLD}{s}{_RESET}") if colour else (lambda s: s)
    lines = [bold(f"Meeting {diff.meeting}: {diff.summary()}")]
    if diff.fields:
        lines += [bold("Meeting details"), *_change_lines(diff.fields, colour)]
    if diff.attendance:
        lines += [bold("Attendance"), *_change_lines(diff.attendance, colour)]
    for d in diff.items:
        lines += [bold(_item_heading(d)), *_change_lines(d.changes, colour)]
    return "\n".join(lines) + "\n"


def _subjects(changes: Sequence[FieldChange], verb: str = "amended") -> list[str]:
    seen: dict[str, set[str]] = {}
    for c in changes:
        seen.setdefault(c.what, set()).add(c.change if not c.part else "changed")
    return [
        f"{what} {kinds.pop() if len(kinds) == 1 and kinds <= {'added', 'removed'} else verb}"
        for what, kinds in seen.items()
    ]


def _number(number: tuple[str, str]) -> str:
    return number[0] or number[1] or "unnumbered"


def _item_part(d: ItemDiff, detail: bool) -> str:
    if d.change in ("added", "removed"):
        return f"{d.name} {d.change}"
    if d.change == "renumbered":
        return f"{d.name} renumbered (was {_number(d.old_number)})"
    head = f"{d.name} (was {_number(d.old_number)})" if d.renumbered else d.name
    return f"{head}: {', '.join(_subjects(d.changes))}" if detail else f"{head} amended"


def summary_line(diff: MeetingDiff, limit: int) -> str:
    if diff.is_empty:
        return "No changes"
    people = sorted({c.what for c in diff.attendance})
    attendance = [f"attendance of {people[0]} changed"] if len(people) == 1 else []
    attendance += ["attendance changed"] * (len(people) > 1)
    meeting = _subjects(diff.fields, "changed") + attendance
    line = ""
    for detail in (True, False):
        line = _sentence([_item_part(d, detail) for d in diff.items] + meeting)
        if len(line) <= limit:
            return line
    counts: dict[str, int] = {}
    for d in diff.items:
        counts[d.change] = counts.get(d.change, 0) + 1
    parts = [f"{n} item{'s' if n > 1 else ''} {c}" for c, n in counts.items()]
    parts += ["meeting details changed"] * bool(diff.fields) + attendance
    short = _sentence(parts)
    return short if len(short) < len(line) else line


def _sentence(parts: Sequence[str]) -> str:
    fixed = [p[0].lower() + p[1:] if p.startswith(("Item ", "Minute ")) else p for p in parts]
    line = "; ".join(fixed)
    return line[:1].upper() + line[1:]
