"""The differences between two versions of a meeting, and how they read.

Lives here: :class:`MeetingDiff` (meeting-level fields, attendance, items), :class:`ItemDiff`
and :class:`FieldChange`, with the readable listing (plain or ANSI colour), the one-line
summary used as a commit subject and the JSON for scripts (``{"format": 1, ...}``).
Working out the differences is :mod:`workflow.diff.meetings`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from workflow.diff.words import WordOp

__all__ = ["FORMAT", "FieldChange", "ItemDiff", "MeetingDiff"]

FORMAT = 1
"""Version of :meth:`MeetingDiff.to_json`; bumped only when the shape changes."""


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One change to one thing: ``resolution (b)`` amended, ``venue`` changed, ``paragraph 3`` added."""

    path: str
    """Where in the record, as the schemas name it: ``items[3].resolutions[1].text``."""
    what: str
    """The thing a clerk would name: ``resolution (b)``, ``venue``, ``Cllr M Mutton``."""
    part: str
    """Which part of it changed (``seconder``, ``state``), empty when the thing itself."""
    change: str
    """``added``, ``removed`` or ``changed``."""
    old: str = ""
    new: str = ""
    words: tuple[WordOp, ...] = ()
    """For a changed text: the word-level ops from ``old`` to ``new``."""

    @property
    def label(self) -> str:
        return f"{self.what} {self.part}" if self.part else self.what

    def to_json(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in ("path", "what", "part", "change", "old", "new")}
        if self.words:
            out["words"] = [{"op": w.op, "text": w.text} for w in self.words]
        return out


@dataclass(frozen=True, slots=True)
class ItemDiff:
    """One item that differs between the versions."""

    uid: str
    title: str
    change: str
    """``added``, ``removed``, ``renumbered`` (numbers only) or ``changed``."""
    old_number: tuple[str, str] = ("", "")
    """(agenda number, minute number) in the old version."""
    new_number: tuple[str, str] = ("", "")
    changes: tuple[FieldChange, ...] = ()

    @property
    def renumbered(self) -> bool:
        return self.change in ("renumbered", "changed") and self.old_number != self.new_number

    @property
    def name(self) -> str:
        """``Item 20`` (agenda number), ``Minute 14`` or the quoted title."""
        agenda, minute = self.new_number if self.change != "removed" else self.old_number
        return f"Item {agenda}" if agenda else f"Minute {minute}" if minute else f"'{self.title}'"

    def to_json(self) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "title": self.title,
            "change": self.change,
            "renumbered": self.renumbered,
            "old": {"agenda_number": self.old_number[0], "minute_number": self.old_number[1]},
            "new": {"agenda_number": self.new_number[0], "minute_number": self.new_number[1]},
            "changes": [c.to_json() for c in self.changes],
        }


@dataclass(frozen=True, slots=True)
class MeetingDiff:
    """Every difference between two versions of one meeting."""

    meeting: str
    fields: tuple[FieldChange, ...] = ()
    """Meeting-level fields: date, times, venue, status, contact, approval..."""
    attendance: tuple[FieldChange, ...] = ()
    items: tuple[ItemDiff, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.fields or self.attendance or self.items)

    def summary(self, limit: int = 72) -> str:
        """One line saying what changed: ``Item 20: resolution (b) amended; item 21 added``."""
        return _summary_line(self, limit)

    def to_text(self, colour: bool = False) -> str:
        """Readable lines; changed words as ``[-old-]{+new+}`` or, with colour, in red/green."""
        return _as_text(self, colour)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "meeting": self.meeting,
            "empty": self.is_empty,
            "summary": self.summary(),
            "fields": [c.to_json() for c in self.fields],
            "attendance": [c.to_json() for c in self.attendance],
            "items": [i.to_json() for i in self.items],
        }


# ------------------------------------------------------------------------ in words


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


def _as_text(diff: MeetingDiff, colour: bool) -> str:
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


def _summary_line(diff: MeetingDiff, limit: int) -> str:
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
