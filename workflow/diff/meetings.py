"""Comparing two versions of a meeting, in the terms a clerk thinks in.

:func:`diff_meetings` compares two :class:`~workflow.record.model.Meeting` records and
returns a :class:`~workflow.diff.changes.MeetingDiff`: meeting-level field changes (date,
times, venue, status...), attendance changes per person, and items matched by ``uid`` (by
title similarity when the uids differ), each added, removed, renumbered or changed, with
the words changed inside a text (:mod:`workflow.diff.words`). :func:`align` pairs the
entries of two lists in reading order.

Pure: no git, no files, no documents. It diffs whatever it is given, so a public caller
must pass :func:`workflow.record.redaction.public_view` of both versions; exempt text then
never reaches the diff. The Word redline is :mod:`workflow.render.redline`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from difflib import SequenceMatcher
from enum import Enum
from typing import Any

from workflow.diff.changes import FieldChange, ItemDiff, MeetingDiff
from workflow.diff.words import WordOp, diff_words, tokenize
from workflow.errors import MinutebookError
from workflow.record.model import Attendee, BulletList, Item, Meeting, Paragraph, Person, Resolution
from workflow.record.names import attendee_name

__all__ = ["align", "describe", "diff_meetings"]


def diff_meetings(
    old: Meeting, new: Meeting, *, people: Mapping[str, Person] | None = None
) -> MeetingDiff:
    """Compare two versions of one meeting; ``people`` (the register) names attendees."""
    if old.id != new.id:
        raise MinutebookError(
            f"'{old.id}' and '{new.id}' are different meetings; "
            "a diff compares two versions of one meeting.",
            title="Different meetings",
        )
    if old == new:
        return MeetingDiff(new.id)
    fields: list[FieldChange] = []
    for f in dataclasses.fields(Meeting):
        if f.name not in ("id", "attendance", "items"):
            name = _MEETING_WORDS.get(f.name, f.name.replace("_", " "))
            _diff_value(getattr(old, f.name), getattr(new, f.name), f.name, name, "", fields)
    attendance: list[FieldChange] = []
    for i, j in align(old.attendance, new.attendance, _who_key):
        a, b = _at(old.attendance, i), _at(new.attendance, j)
        who = attendee_name(b or a, people or {})
        _diff_value(a, b, f"attendance[{j if j is not None else i}]", who, "", attendance)
    items = [d for i, j in _pair_items(old.items, new.items) if (d := _diff_item(old, new, i, j))]
    return MeetingDiff(new.id, tuple(fields), tuple(attendance), tuple(items))


_MEETING_WORDS = {"start": "start time", "closed": "closing time", "kind": "meeting kind"}
_ITEM_SKIP = ("uid", "agenda_number", "minute_number")


def _at(seq: Sequence[Any], i: int | None) -> Any:
    return None if i is None else seq[i]


def _who_key(a: Attendee) -> str:
    return a.person or a.name



def _diff_item(old: Meeting, new: Meeting, i: int | None, j: int | None) -> ItemDiff | None:
    a, b = _at(old.items, i), _at(new.items, j)
    if a == b:
        return None
    if a is None or b is None:
        it, change = (b, "added") if a is None else (a, "removed")
        return ItemDiff(it.uid, it.title, change, _numbers(a), _numbers(b))
    out: list[FieldChange] = []
    for f in dataclasses.fields(Item):
        if f.name not in _ITEM_SKIP:
            path = f"items[{j}].{f.name}"
            _diff_value(getattr(a, f.name), getattr(b, f.name), path, "", _words(f.name), out)
    if not out and _numbers(a) == _numbers(b):
        return None
    change = "changed" if out else "renumbered"
    return ItemDiff(b.uid, b.title, change, _numbers(a), _numbers(b), tuple(out))


def _numbers(item: Item | None) -> tuple[str, str]:
    return ("", "") if item is None else (item.agenda_number, item.minute_number)


def _words(name: str) -> str:
    return {"resolved_intro": "RESOLVED wording", "text": ""}.get(name, name.replace("_", " "))


def _join(*words: str) -> str:
    return " ".join(w for w in words if w)


def _diff_value(old: Any, new: Any, path: str, what: str, part: str, out: list[FieldChange]) -> None:
    """Append the changes from ``old`` to ``new``; ``what``/``part`` name the place."""
    if old == new:
        return
    if not what:
        what, part = part or "item", ""
    if isinstance(old, tuple) and isinstance(new, tuple):
        _diff_seq(old, new, path, what, part, out)
    elif old is None or new is None:
        added = old is None
        text = describe(new if added else old)
        ops = (WordOp("insert" if added else "delete", text),) if text else ()
        kind = "added" if added else "removed"
        out.append(FieldChange(path, what, part, kind, "" if added else text, text if added else "", ops))
    elif dataclasses.is_dataclass(old) and type(old) is type(new):
        for f in dataclasses.fields(old):
            sub = _join(part, _words(f.name))
            _diff_value(getattr(old, f.name), getattr(new, f.name), f"{path}.{f.name}", what, sub, out)
    else:
        a, b = describe(old), describe(new)
        if isinstance(old, str) and isinstance(new, str):
            ops = diff_words(a, b)
        else:
            ops = tuple(WordOp(op, t) for op, t in (("delete", a), ("insert", b)) if t)
        out.append(FieldChange(path, what, part, "changed", a, b, ops))


def _diff_seq(
    old: tuple[Any, ...], new: tuple[Any, ...], path: str, what: str, part: str, out: list[FieldChange]
) -> None:
    field = path.rsplit(".", 1)[-1]
    key = _KEYS.get(field)
    for i, j in align(old, new, key):
        a, b = _at(old, i), _at(new, j)
        if a == b:
            continue
        n = (j if j is not None else i) or 0
        sub_what, sub_part = _element_name(field, b if b is not None else a, n, what, part)
        _diff_value(a, b, f"{path}[{n}]", sub_what, sub_part, out)


def _element_name(field: str, elem: Any, n: int, what: str, part: str) -> tuple[str, str]:
    """How a clerk names element ``n`` of a list: ``resolution (b)``, ``list 2``, ``bullet 3``."""
    if isinstance(elem, Resolution):
        label = elem.label or str(n + 1)
        if field == "children":
            return (what + label if elem.label else f"{what}.{label}"), ""
        return f"resolution {label}", ""
    if isinstance(elem, Paragraph):
        return f"paragraph {n + 1}", ""
    if isinstance(elem, BulletList):
        return f"list {n + 1}", ""
    if field == "body":
        return "withheld text", ""
    if field == "declarations":
        return f"declaration by {elem.member}", ""
    if field == "motions":
        return f"{_MOTION_WORDS.get(elem.kind.value, elem.kind.value)} {n + 1}", ""
    one = _SINGULAR.get(field, _words(field).removesuffix("s"))
    if not part:
        return f"{one} {n + 1}", ""
    return what, _join(part.removesuffix(_words(field)).strip(), f"{one} {n + 1}")


_MOTION_WORDS = {"procedural": "procedural motion"}
_SINGULAR = {
    "wording": "agenda wording line",
    "approves": "approved meeting",
    "refusal_reasons": "refusal reason",
    "for_names": "for",
    "against_names": "against",
    "abstain_names": "abstention",
    "absent_names": "absent",
}


_KEYS: dict[str, Callable[[Any], Any]] = {
    "resolutions": lambda r: (r.text, r.children),
    "children": lambda r: (r.text, r.children),
    "declarations": lambda d: d.member,
}


def describe(obj: Any) -> str:
    """The text a clerk reads for a value: enum values, ``YYYY-MM-DD``, ``HH:MM``, yes/no."""
    if obj is None:
        return ""
    if isinstance(obj, bool):
        return "yes" if obj else "no"
    if isinstance(obj, Enum):
        return str(obj.value)
    if isinstance(obj, dt.time | dt.date):
        return obj.strftime("%H:%M") if isinstance(obj, dt.time) else obj.isoformat()
    if isinstance(obj, str | int):
        return str(obj)
    if isinstance(obj, tuple):
        return "\n".join(d for v in obj if (d := describe(v)))
    if isinstance(obj, Resolution):
        head = _join(obj.label, obj.text)
        return "\n".join([head, *(describe(c) for c in obj.children)])
    if isinstance(obj, BulletList):
        return "\n".join(f"• {b}" for b in obj.bullets)
    if isinstance(obj, Attendee):
        return _join(obj.role.value, obj.state.value)
    if dataclasses.is_dataclass(obj):
        text = getattr(obj, "text", "")
        if text:
            return str(text)
        values = (describe(getattr(obj, f.name)) for f in dataclasses.fields(obj))
        return "; ".join(v for v in values if v)
    return str(obj)


# ---------------------------------------------------------------------- aligning


def align(
    old: Sequence[Any], new: Sequence[Any], key: Callable[[Any], Any] | None = None
) -> list[tuple[int | None, int | None]]:
    """Pairs (old index, new index) in reading order; ``None`` for added/removed."""
    ka = [key(x) for x in old] if key else list(old)
    kb = [key(x) for x in new] if key else list(new)
    out: list[tuple[int | None, int | None]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        if tag == "equal":
            out += zip(range(i1, i2), range(j1, j2), strict=True)
        else:
            pairs = _pair_similar(old, new, range(i1, i2), range(j1, j2), 0.5)
            out += _in_order(pairs, range(i1, i2), range(j1, j2))
    return out


def _pair_items(old: Sequence[Item], new: Sequence[Item]) -> list[tuple[int | None, int | None]]:
    where = {it.uid: j for j, it in reversed(list(enumerate(new)))}
    pairs: dict[int, int] = {}
    for i, it in enumerate(old):
        j = where.get(it.uid)
        if j is not None and j not in pairs.values():
            pairs[i] = j
    left_old = [i for i in range(len(old)) if i not in pairs]
    left_new = [j for j in range(len(new)) if j not in pairs.values()]
    if left_old and left_new and len(left_old) * len(left_new) <= 900:
        titles = [it.title for it in old], [it.title for it in new]
        pairs.update(_pair_similar(*titles, left_old, left_new, 0.6, ordered=False))
    return _in_order(pairs, range(len(old)), range(len(new)))


def _bag(obj: Any) -> Counter[str]:
    return Counter(t for t in tokenize(describe(obj).lower()) if not t.isspace())


def _similarity(a: Counter[str], b: Counter[str]) -> float:
    """Shared words over all words (difflib's quick ratio): fast, and enough to pair."""
    total = a.total() + b.total()
    return 2 * (a & b).total() / total if total else 1.0


def _same_label(a: Any, b: Any) -> float:
    label = getattr(a, "label", "")
    return 0.5 if isinstance(a, Resolution) and label and label == getattr(b, "label", "") else 0.0


def _pair_similar(
    old: Sequence[Any], new: Sequence[Any], olds: Sequence[int], news: Sequence[int],
    threshold: float, *, ordered: bool = True,
) -> dict[int, int]:
    """Greedy best matches above ``threshold``; ``ordered`` keeps pairs from crossing.

    In a list, one element replaced by one of the same kind is that element amended, and
    a resolution keeping its label leans towards being the same resolution.
    """
    if ordered and len(olds) == len(news) == 1 and type(old[olds[0]]) is type(new[news[0]]):
        return {olds[0]: news[0]}
    olds_bag, news_bag = {i: _bag(old[i]) for i in olds}, {j: _bag(new[j]) for j in news}
    scored = sorted(
        ((_similarity(olds_bag[i], news_bag[j]) + _same_label(old[i], new[j]), i, j)
         for i in olds for j in news),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    pairs: dict[int, int] = {}
    for score, i, j in scored:
        if score < threshold or i in pairs or j in pairs.values():
            continue
        if ordered and any((i2 < i) != (j2 < j) for i2, j2 in pairs.items()):
            continue
        pairs[i] = j
    return pairs


def _in_order(
    pairs: Mapping[int, int], olds: range, news: range
) -> list[tuple[int | None, int | None]]:
    """New order; removed old entries go before whatever was added in their place."""
    partner = {j: i for i, j in pairs.items()}
    pending = [i for i in olds if i not in pairs]
    out: list[tuple[int | None, int | None]] = []
    upcoming = [partner[j] for j in news if j in partner] + [olds.stop]
    for j in news:
        i = partner.get(j)
        limit = upcoming[0] if i is None else i
        out += [(k, None) for k in pending if k < limit]
        pending = [k for k in pending if k >= limit]
        if i is not None:
            upcoming.pop(0)
        out.append((i, j))
    return out + [(k, None) for k in pending]
