"""Three-way merge of a meeting: the clerk's edits and another version made meanwhile.

:func:`merge_meetings` takes the version an edit started from (``base``), the clerk's
edited meeting (``mine``) and the version saved meanwhile by someone else (``theirs``),
and merges them field by field on the meeting model: each meeting field (venue, status,
agenda, approval...), each attendee (by person), each item (by ``uid``) and each field of
an item, and the order of the items. A field changed on one side only takes that side's
value; a field changed on both sides to different values is a :class:`Conflict`, settled
by the clerk's ``choices`` (``"mine"`` or ``"theirs"`` per conflict key) or reported.

Pure: no files, no git; the services decide when to merge and what to save.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from workflow.diff.meetings import describe
from workflow.record.model import Attendee, Item, Meeting

__all__ = ["Conflict", "Merge", "Side", "merge_meetings", "summarise_fields"]

Side = Literal["mine", "theirs"]

_ORDER = "items.order"
_MEETING_WORDS = {"start": "start time", "closed": "closing time", "kind": "meeting kind",
                  "agenda": "agenda publication", "chair_changes": "changes of chair"}
_SHOWN = 160
"""How much of a value a conflict shows (the whole value is in each version)."""


@dataclass(frozen=True, slots=True)
class Conflict:
    """One field both sides changed differently: its key, its name, and both values."""

    key: str
    """Stable key for a choice: ``venue``, ``items.<uid>.title``, ``attendance.<who>``."""
    label: str
    """The field in a clerk's words: ``venue``, ``item 5 (Budget): title``."""
    mine: str
    theirs: str


@dataclass(frozen=True, slots=True)
class Merge:
    """The merged meeting (None while a conflict has no choice) and what was merged."""

    meeting: Meeting | None
    conflicts: tuple[Conflict, ...] = ()
    """Every field changed differently on both sides, chosen or not."""
    unresolved: tuple[Conflict, ...] = ()
    """The conflicts no choice settles."""
    theirs: tuple[str, ...] = ()
    """The fields (clerk's words) the other version changed, kept in the merge."""


class _Merger:
    def __init__(self, choices: Mapping[str, Side]) -> None:
        self.choices = choices
        self.conflicts: list[Conflict] = []
        self.unresolved: list[Conflict] = []
        self.theirs: list[str] = []

    def value(self, key: str, label: str, base: Any, mine: Any, theirs: Any) -> Any:
        """One field, three ways."""
        if mine == theirs or theirs == base:
            return mine
        if mine == base:
            self.theirs.append(label)
            return theirs
        return theirs if self.clash(key, label, _shown(mine), _shown(theirs)) == "theirs" else mine

    def clash(self, key: str, label: str, mine: str, theirs: str) -> Side:
        """Record a conflict; the clerk's choice for it ("mine" until one is made)."""
        conflict = Conflict(key, label, mine, theirs)
        self.conflicts.append(conflict)
        choice = self.choices.get(key)
        if choice is None:
            self.unresolved.append(conflict)
        return choice or "mine"


def merge_meetings(
    base: Meeting | None, mine: Meeting, theirs: Meeting, *, choices: Mapping[str, Side] | None = None
) -> Merge:
    """Merge ``mine`` and ``theirs``, both made from ``base`` (None: no common version)."""
    merger = _Merger(choices or {})
    fields: dict[str, Any] = {}
    for f in dataclasses.fields(Meeting):
        if f.name in ("id", "attendance", "items"):
            continue
        label = _MEETING_WORDS.get(f.name, f.name.replace("_", " "))
        was = getattr(base, f.name) if base is not None else _NOTHING
        fields[f.name] = merger.value(f.name, label, was, getattr(mine, f.name), getattr(theirs, f.name))
    fields["attendance"] = _merge_keyed(
        merger, "attendance", base.attendance if base else (), mine.attendance, theirs.attendance,
        _who, lambda a: f"attendance of {a.name or a.person}", _merge_whole,
    )
    fields["items"] = _merge_keyed(
        merger, "items", base.items if base else (), mine.items, theirs.items,
        lambda it: it.uid, _item_label, _merge_item,
    )
    merged = dataclasses.replace(mine, **fields)
    return Merge(
        meeting=None if merger.unresolved else merged,
        conflicts=tuple(merger.conflicts),
        unresolved=tuple(merger.unresolved),
        theirs=tuple(dict.fromkeys(merger.theirs)),
    )


_NOTHING = object()
"""The base value of a field when there is no common version: equal to no value."""


def summarise_fields(labels: Sequence[str], *, most: int = 6) -> str:
    """Field labels in a few words: one item's field by its item, the same field of
    several items counted ("minute number of 7 items")."""
    plain: list[str] = []
    by_field: dict[str, list[str]] = {}
    for label in labels:
        item, sep, field = label.rpartition(": ")
        if sep and item.startswith("item "):
            by_field.setdefault(field, []).append(item)
        else:
            plain.append(label)
    parts = plain + [
        f"{field} of {items[0]}" if len(items) == 1 else f"{field} of {len(items)} items"
        for field, items in by_field.items()
    ]
    shown = ", ".join(parts[:most])
    return shown + (f" and {len(parts) - most} more" if len(parts) > most else "")


def _who(attendee: Attendee) -> str:
    return attendee.person or attendee.name


def _item_label(item: Item) -> str:
    number = item.agenda_number or item.minute_number
    title = item.title if len(item.title) <= 40 else item.title[:37] + "..."
    return f"item {number} ({title})" if number else f"item '{title}'"


_Entry = Any
_MergeOne = Callable[[_Merger, str, str, Any, Any, Any], Any]


def _merge_whole(merger: _Merger, key: str, label: str, base: Any, mine: Any, theirs: Any) -> Any:
    return merger.value(key, label, base, mine, theirs)


def _merge_item(merger: _Merger, key: str, label: str, base: Item, mine: Item, theirs: Item) -> Item:
    fields = {}
    for f in dataclasses.fields(Item):
        if f.name == "uid":
            continue
        fields[f.name] = merger.value(
            f"{key}.{f.name}", f"{label}: {f.name.replace('_', ' ')}",
            getattr(base, f.name), getattr(mine, f.name), getattr(theirs, f.name),
        )
    return dataclasses.replace(mine, **fields)


def _merge_keyed(
    merger: _Merger,
    name: str,
    base: Sequence[_Entry],
    mine: Sequence[_Entry],
    theirs: Sequence[_Entry],
    key: Callable[[_Entry], str],
    label: Callable[[_Entry], str],
    merge_one: _MergeOne,
) -> tuple[_Entry, ...]:
    """Entries matched by key: each merged, added or removed, then put in order. A list
    whose keys repeat is merged as one field."""
    keyed = [[key(e) for e in side] for side in (base, mine, theirs)]
    if any(len(set(keys)) != len(keys) for keys in keyed):
        return tuple(merger.value(name, name, tuple(base), tuple(mine), tuple(theirs)))
    b, m, t = ({key(e): e for e in side} for side in (base, mine, theirs))
    merged: dict[str, _Entry] = {}
    for k in dict.fromkeys([*keyed[1], *keyed[2]]):
        old, ours, other = b.get(k), m.get(k), t.get(k)
        if ours is not None and other is not None:
            if old is None:
                merged[k] = _merge_whole(merger, f"{name}.{k}", label(ours), _NOTHING, ours, other)
            else:
                merged[k] = merge_one(merger, f"{name}.{k}", label(ours), old, ours, other)
        elif old is None:
            merged[k] = ours if ours is not None else other
        else:
            kept = ours if ours is not None else other
            if kept == old:
                continue
            shown = _shown(kept)
            mine_words, theirs_words = ("removed", shown) if ours is None else (shown, "removed")
            chosen = merger.clash(f"{name}.{k}", label(kept), mine_words, theirs_words)
            if (chosen == "mine") == (ours is not None):
                merged[k] = kept
    order = list(_merge_order(merger, name, keyed[0], keyed[1], keyed[2]))
    for side in (keyed[2], keyed[1]):
        for i, k in enumerate(side):
            if k in merged and k not in order:
                before = side[i - 1] if i else None
                order.insert(order.index(before) + 1 if before in order else 0, k)
    return tuple(merged[k] for k in order if k in merged)


def _merge_order(merger: _Merger, name: str, base: list[str], mine: list[str], theirs: list[str]) -> list[str]:
    """The order of the entries: a side that moved entries keeps its order, additions go
    after the entry they follow; both moving them differently is a conflict."""
    if mine in (base, theirs):
        return theirs + [k for k in mine if k not in theirs]
    if theirs == base:
        return list(mine)
    moved_mine = _relative(mine, base) != _relative(base, mine)
    moved_theirs = _relative(theirs, base) != _relative(base, theirs)
    if moved_mine and moved_theirs and name == "items":
        chosen = merger.value(_ORDER, "the order of the items", tuple(base), tuple(mine), tuple(theirs))
        lead, other = (list(chosen), theirs if list(chosen) == mine else mine)
    else:
        lead, other = (mine, theirs) if moved_mine else (theirs, mine)
    out = [k for k in lead if k in other or k not in base]
    for i, k in enumerate(other):
        if k in out or k in base:
            continue
        before = other[i - 1] if i else None
        out.insert(out.index(before) + 1 if before in out else 0, k)
    return out


def _relative(order: list[str], other: list[str]) -> list[str]:
    present = set(other)
    return [k for k in order if k in present]


def _shown(value: Any) -> str:
    if isinstance(value, Item):
        return _item_label(value)
    text = describe(value).replace("\n", " / ") or "(empty)"
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."
