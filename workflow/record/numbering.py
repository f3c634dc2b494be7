"""Numbering rules: municipal years, agenda and minute numbers, resolution labels, minute refs.

Lives here: the municipal year (it starts at the annual meeting, by default 1 May),
the first number of a new meeting (running on from the committee's earlier meetings in
the same municipal year), :func:`renumber` (the only operation that changes stored
numbers), resolution labels such as ``(a)``, ``1)`` or ``(i)``, and minute references
such as ``14/17`` or ``PLA146/14``. A reference's year is the year in which the
minute's municipal year began, so references stay unique when numbers restart in May.

Must not live here: any I/O (no yaml, docx, git or cerberus) and anything that reads a
template or the settings file; callers pass the values they need.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from workflow.errors import MinutebookError
from workflow.record.model import Item, ItemKind, Meeting, Resolution, Status
from workflow.text.numerals import roman

__all__ = [
    "LABEL_SCHEMES",
    "MinuteRef",
    "NumberingSettings",
    "find_minute_refs",
    "first_number",
    "highest_number",
    "minute_ref_for",
    "municipal_year",
    "number_of",
    "number_problem",
    "numbers_unpublished",
    "relabel",
    "renumber",
    "resolution_label",
]

LABEL_SCHEMES: tuple[str, ...] = ("(a)", "a)", "1)", "1.", "(i)", "none")
"""The resolution label schemes a template may name."""

_NESTED: dict[str, str] = {
    "(a)": "(i)",
    "a)": "(i)",
    "(i)": "1.",
    "1)": "(a)",
    "1.": "(a)",
    "none": "none",
}
_PLACEHOLDERS = ("number", "yy", "yyyy", "prefix")


class NumberingSettings(Protocol):
    """The settings numbering reads (``workflow.settings.Settings`` has them)."""

    @property
    def minute_ref_format(self) -> str: ...

    @property
    def municipal_year_start(self) -> str: ...


# ------------------------------------------------------------------ municipal year


def _year_start(year: int, start: str) -> dt.date:
    match = re.fullmatch(r"(\d{2})-(\d{2})", start)
    try:
        if match is None:
            raise ValueError
        return dt.date(year, int(match.group(1)), int(match.group(2)))
    except ValueError:
        raise MinutebookError(
            f"The annual meeting date '{start}' is not a month and day "
            "(use MM-DD, for example 05-01)."
        ) from None


def municipal_year(date: dt.date, start: str = "05-01") -> tuple[dt.date, dt.date]:
    """The first and last day of the municipal year that contains ``date``."""
    this_year = _year_start(date.year, start)
    first = this_year if date >= this_year else _year_start(date.year - 1, start)
    last = _year_start(first.year + 1, start) - dt.timedelta(days=1)
    return first, last


def number_of(text: str) -> int | None:
    """The number in an item number as stored (``17``, ``PLA146``), or None."""
    match = re.match(r"\s*[A-Za-z]*(\d+)", text)
    return int(match.group(1)) if match else None


def numbers_unpublished(meeting: Meeting) -> bool:
    """True while no agenda with these numbers has gone out: a draft never published
    (a postponed meeting's draft had its numbers published before it was postponed)."""
    return meeting.status is Status.AGENDA_DRAFT and not meeting.postponements


def number_problem(meeting: Meeting) -> str:
    """One sentence naming the first repeated or out-of-order item number, or ``""``.

    Numbers out of order are a problem only while they are unpublished: a late item on a
    published agenda takes the next free number wherever it is taken.
    """
    for field, noun in (("agenda_number", "agenda number"), ("minute_number", "minute number")):
        seen: dict[str, Item] = {}
        last: tuple[int, Item] | None = None
        for item in meeting.items:
            text = getattr(item, field)
            if not text:
                continue
            if text in seen:
                return (f"Two items have the {noun} {text} ('{seen[text].title}' and "
                        f"'{item.title}'); renumber before publishing.")
            seen[text] = item
            number = number_of(text)
            if number is None:
                continue
            if last is not None and number < last[0] and numbers_unpublished(meeting):
                return (f"The {noun}s are out of order: {text} '{item.title}' comes after "
                        f"{last[0]} '{last[1].title}'; renumber before publishing.")
            last = (number, item)
    return ""


def first_number(
    previous: Sequence[Meeting],
    date: dt.date,
    start: str = "05-01",
    *,
    which: Literal["minute", "agenda"] = "minute",
) -> int:
    """1 + the highest number used by earlier meetings in the same municipal year.

    ``previous`` holds the committee's other meetings (not the one being numbered);
    cancelled meetings and meetings on or after ``date`` do not count, except that a
    meeting earlier on the same day (a second meeting, ``-2``) does.
    """
    first_day, _ = municipal_year(date, start)
    field = "minute_number" if which == "minute" else "agenda_number"
    highest = 0
    for meeting in previous:
        if meeting.status is Status.CANCELLED or not first_day <= meeting.date <= date:
            continue
        for item in meeting.items:
            number = number_of(getattr(item, field))
            if number is not None:
                highest = max(highest, number)
    return highest + 1


def _is_unnumbered_opening(items: Sequence[Item], index: int) -> bool:
    return all(
        it.kind is ItemKind.ANNOUNCEMENTS and not it.agenda_number and not it.minute_number
        for it in items[: index + 1]
    )


def renumber(meeting: Meeting, first: int, *, agenda_first: int | None = None) -> Meeting:
    """Give the items consecutive agenda and minute numbers from ``first``, in order.

    Announcements before the first item stay unnumbered when they have no number.
    This is the only function that changes stored numbers.
    """
    agenda = first if agenda_first is None else agenda_first
    if min(first, agenda) < 1:
        raise MinutebookError(f"Item numbers start at 1 or more, not {min(first, agenda)}.")
    minute = first
    items: list[Item] = []
    for index, item in enumerate(meeting.items):
        if _is_unnumbered_opening(meeting.items, index):
            items.append(item)
            continue
        items.append(
            dataclasses.replace(item, agenda_number=str(agenda), minute_number=str(minute))
        )
        minute += 1
        agenda += 1
    return dataclasses.replace(meeting, items=tuple(items))


# ------------------------------------------------------------------ resolution labels


def _check_scheme(scheme: str) -> None:
    if scheme not in _NESTED:
        raise MinutebookError(
            f"'{scheme}' is not a resolution label scheme; use one of: {', '.join(LABEL_SCHEMES)}."
        )


def _letters(n: int) -> str:
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out



def resolution_label(index: int, scheme: str, depth: int = 0) -> str:
    """The printed label of the ``index``-th (0-based) resolution at nesting ``depth``."""
    _check_scheme(scheme)
    if index < 0:
        raise MinutebookError(f"A resolution's position cannot be negative ({index}).")
    for _ in range(depth):
        scheme = _NESTED[scheme]
    if scheme == "(a)":
        return f"({_letters(index)})"
    if scheme == "a)":
        return f"{_letters(index)})"
    if scheme == "1)":
        return f"{index + 1})"
    if scheme == "1.":
        return f"{index + 1}."
    if scheme == "(i)":
        return f"({roman(index + 1)})"
    return ""


def relabel(
    resolutions: Sequence[Resolution], scheme: str, depth: int = 0
) -> tuple[Resolution, ...]:
    """The resolutions with labels assigned in order, sub-resolutions one level deeper.

    A single resolution without sub-resolutions takes no label ("RESOLVED that ...").
    """
    _check_scheme(scheme)
    if depth == 0 and len(resolutions) == 1 and not resolutions[0].children:
        return (dataclasses.replace(resolutions[0], label=""),)
    return tuple(
        dataclasses.replace(
            res,
            label=resolution_label(i, scheme, depth),
            children=relabel(res.children, scheme, depth + 1) if res.children else (),
        )
        for i, res in enumerate(resolutions)
    )


# ------------------------------------------------------------------ minute references


def _check_format(fmt: str) -> None:
    names = re.findall(r"\{([^{}]*)\}", fmt)
    unknown = [n for n in names if n not in _PLACEHOLDERS]
    if unknown or "number" not in names:
        problem = f"uses {{{unknown[0]}}}" if unknown else "has no {number}"
        raise MinutebookError(
            f"The minute reference format '{fmt}' {problem}; "
            "it may use {number}, {yy}, {yyyy} and {prefix}, and needs {number}."
        )


def _fill(fmt: str, *, number: str, year: int, prefix: str) -> str:
    _check_format(fmt)
    return fmt.format(number=number, yy=f"{year % 100:02d}", yyyy=f"{year:04d}", prefix=prefix)


def _pattern(fmt: str, prefix: str | None) -> str:
    _check_format(fmt)
    parts = re.split(r"(\{[^{}]*\})", fmt)
    groups = {
        "{number}": r"(?P<number>\d+)",
        "{yy}": r"(?P<yy>\d{2})",
        "{yyyy}": r"(?P<yyyy>\d{4})",
        "{prefix}": "[A-Za-z]{0,8}" if prefix is None else re.escape(prefix),
    }
    return "".join(groups.get(part, re.escape(part)) for part in parts)


def _full_year(yy: str | None, yyyy: str | None) -> int:
    if yyyy is not None:
        return int(yyyy)
    two = int(yy or "0")
    return (2000 if two < 70 else 1900) + two


@dataclass(frozen=True, slots=True)
class MinuteRef:
    """A minute reference: the minute number and the year its municipal year began."""

    number: int
    year: int

    @classmethod
    def parse(cls, text: str, fmt: str = "{number}/{yy}", prefix: str | None = None) -> MinuteRef:
        """Read ``14/17`` (or ``PLA146/14`` with ``{prefix}``); any prefix when ``None``."""
        match = re.fullmatch(_pattern(fmt, prefix), text.strip())
        if match is None:
            example = cls(14, 2017).format(fmt, prefix="PLA" if prefix is None else prefix)
            raise MinutebookError(f"'{text}' is not a minute reference like {example}.")
        found = match.groupdict()
        return cls(int(found["number"]), _full_year(found.get("yy"), found.get("yyyy")))

    def format(self, fmt: str = "{number}/{yy}", prefix: str = "") -> str:
        return _fill(fmt, number=str(self.number), year=self.year, prefix=prefix)

    def __str__(self) -> str:
        return self.format()


@functools.lru_cache(maxsize=32)
def _ref_patterns(fmt: str, prefix: str | None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The citation pattern ("Minute 14/17 and 15/17") and the one-reference pattern."""
    ref = _pattern(fmt, prefix)
    bare = re.sub(r"\(\?P<\w+>", "(?:", ref)
    cited = re.compile(
        rf"\bminutes?\s+(?:no\.?\s*)?({bare}(?:\s*(?:,|and|&)\s*{bare})*)(?!\w)", re.IGNORECASE
    )
    return cited, re.compile(ref)


def find_minute_refs(
    text: str, fmt: str = "{number}/{yy}", prefix: str | None = None
) -> list[MinuteRef]:
    """Minute references cited in prose: "Further to Minute 14/17", "minutes 3/19 and 4/19"."""
    cited, one = _ref_patterns(fmt, prefix)
    out: list[MinuteRef] = []
    for match in cited.finditer(text):
        for found in one.finditer(match.group(1)):
            groups = found.groupdict()
            out.append(MinuteRef(int(groups["number"]), _full_year(groups.get("yy"), groups.get("yyyy"))))
    return out


def minute_ref_for(
    meeting: Meeting, item: Item, settings: NumberingSettings, *, prefix: str = ""
) -> str:
    """How ``item`` of ``meeting`` is cited, in the council's format (``14/17``).

    ``settings`` supplies ``minute_ref_format`` and ``municipal_year_start``; ``prefix``
    is the committee's prefix (the template's ``minute_prefix``, such as ``PLA``).
    """
    if not item.minute_number:
        raise MinutebookError(
            f"The item '{item.title or item.uid}' has no minute number, so it cannot be cited."
        )
    first_day, _ = municipal_year(meeting.date, settings.municipal_year_start)
    return _fill(
        settings.minute_ref_format, number=item.minute_number, year=first_day.year, prefix=prefix
    )


def highest_number(items: Iterable[Item]) -> int:
    """The highest agenda or minute number among ``items`` (0 when none)."""
    numbers = [
        n
        for it in items
        for n in (number_of(it.agenda_number), number_of(it.minute_number))
        if n is not None
    ]
    return max(numbers, default=0)
