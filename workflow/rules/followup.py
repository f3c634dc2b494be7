"""Follow-up between meetings: outstanding actions carried forward, minute citations checked.

What lives here: :func:`carry_forward` (every action not yet done goes into the next
meeting's Outstanding Issues item, with the minute it arose from, until a clerk marks it
done), :func:`check_minute_refs` ("Further to Minute 14/17" must name a minute the archive
holds), :func:`cite_minute` (how an item's minute is cited, ``14/17``), and the parts of
an approval that concern the approving meeting: its Minutes item's wording
(:func:`minutes_wording`) and corrections agreed there (:func:`apply_corrections`).

What must not: reading the archive or settings files. The service gathers the earlier
meetings and the index of known minutes and passes them in; everything here is pure.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from workflow.errors import FieldError, Refused
from workflow.record.model import Action, BulletList, Item, ItemKind, Meeting, Paragraph, Resolution
from workflow.record.numbering import find_minute_refs, minute_ref_for
from workflow.text.dates import format_date
from workflow.text.prose import joined

__all__ = [
    "LIFECYCLE_FIELDS",
    "apply_corrections",
    "carry_forward",
    "check_minute_refs",
    "cite_minute",
    "corrected_by",
    "describe_changes",
    "fill_minutes_item",
    "minutes_wording",
    "open_actions",
]

def cite_minute(
    meeting: Meeting,
    item: Item,
    *,
    ref_format: str = "{number}/{yy}",
    year_start: str = "05-01",
    prefix: str = "",
) -> str:
    """How the item's minute is cited (``14/17``); ``""`` when the item has no number.

    Items imported without a minute number are cited by their agenda number.
    """
    number = item.minute_number or item.agenda_number
    if not number:
        return ""
    settings = _Numbering(ref_format, year_start)
    return minute_ref_for(meeting, dataclasses.replace(item, minute_number=number), settings,
                          prefix=prefix)


@dataclass(frozen=True, slots=True)
class _Numbering:
    minute_ref_format: str
    municipal_year_start: str


# --------------------------------------------------------------------------- actions


def open_actions(
    previous: Sequence[Meeting], *, ref_format: str = "{number}/{yy}", year_start: str = "05-01"
) -> list[Action]:
    """Actions still open after ``previous`` (any order), each with its origin minute.

    A later meeting's copy decides: an action carried into meeting 2 and marked done
    there is closed, even though meeting 1 still shows it open.
    """
    found: dict[tuple[str, str], Action] = {}
    for meeting in sorted(previous, key=lambda m: (m.date, m.id)):
        for item in meeting.items:
            origin = cite_minute(meeting, item, ref_format=ref_format, year_start=year_start)
            for action in item.actions:
                key = (action.origin or origin or _place(meeting, item), action.text.strip())
                if action.done:
                    found.pop(key, None)
                elif key not in found:
                    found[key] = dataclasses.replace(action, origin=key[0])
    return list(found.values())


def carry_forward(
    previous: Sequence[Meeting],
    meeting: Meeting,
    *,
    ref_format: str = "{number}/{yy}",
    year_start: str = "05-01",
) -> Meeting:
    """``meeting`` with every open action of ``previous`` in its Outstanding Issues item.

    Actions already there are kept as the clerk left them (done or not); the missing
    ones are appended in the order they arose. Running it twice changes nothing more.
    """
    earlier = [m for m in previous if m.id != meeting.id and m.date <= meeting.date]
    carried = open_actions(earlier, ref_format=ref_format, year_start=year_start)
    if not carried:
        return meeting
    index = next(
        (i for i, it in enumerate(meeting.items) if it.kind is ItemKind.OUTSTANDING_ISSUES), None
    )
    if index is None:
        noun = "action is" if len(carried) == 1 else "actions are"
        raise Refused(
            f"{len(carried)} {noun} still open from earlier meetings but {meeting.id} has no "
            "Outstanding Issues item; add one to carry them forward."
        )
    target = meeting.items[index]
    present = {(a.origin, a.text.strip()) for a in target.actions}
    missing = tuple(a for a in carried if (a.origin, a.text.strip()) not in present)
    if not missing:
        return meeting
    items = list(meeting.items)
    items[index] = dataclasses.replace(target, actions=target.actions + missing)
    return dataclasses.replace(meeting, items=tuple(items))


def _place(meeting: Meeting, item: Item) -> str:
    return f"{meeting.id} '{item.title}'"


# --------------------------------------------------------------------------- citations


def check_minute_refs(
    meeting: Meeting,
    known: Mapping[tuple[int, int], str],
    archive_first_year: int,
    *,
    ref_format: str = "{number}/{yy}",
) -> list[FieldError]:
    """Problems with "Minute N/YY" citations in the meeting's text.

    ``known`` maps (minute number, year its municipal year began) to the id of the
    meeting that holds it; ``archive_first_year`` is the first municipal year the archive
    holds. A citation beyond the highest minute the archive holds for that year is an
    error; a citation older than the archive, or of a gap in a year (a meeting not yet
    imported), is a warning, since it cannot be checked.
    """
    found: list[FieldError] = []
    highest: dict[int, int] = {}
    for number, year in known:
        highest[year] = max(highest.get(year, 0), number)
    for path, text in _texts(meeting):
        for ref in find_minute_refs(text, ref_format):
            cited = f"Minute {ref.format(ref_format)}"
            if ref.year < archive_first_year:
                found.append(FieldError(
                    path,
                    f"{cited} is older than the archive, which starts in "
                    f"{_span(archive_first_year)}, so it cannot be checked.",
                    "warning",
                ))
            elif (ref.number, ref.year) in known:
                continue
            elif ref.number < highest.get(ref.year, 0):
                found.append(FieldError(
                    path,
                    f"{cited} is not in the archive, which holds later minutes of "
                    f"{_span(ref.year)} but not this one (its meeting may not be imported "
                    "yet), so it cannot be checked.",
                    "warning",
                ))
            else:
                found.append(FieldError(
                    path,
                    f"{cited} does not exist: the archive has no minute {ref.number} in "
                    f"the municipal year {_span(ref.year)}; check the number.",
                ))
    return found


def _span(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


def _texts(meeting: Meeting) -> Iterator[tuple[str, str]]:
    for i, item in enumerate(meeting.items):
        at = f"items[{i}]"
        yield f"{at}.title", item.title
        for j, line in enumerate(item.wording):
            yield f"{at}.wording[{j}]", line
        for j, block in enumerate(item.body):
            if isinstance(block, Paragraph):
                yield f"{at}.body[{j}].text", block.text
            elif isinstance(block, BulletList):
                for k, bullet in enumerate(block.bullets):
                    yield f"{at}.body[{j}].bullets[{k}]", bullet
        for j, motion in enumerate(item.motions):
            yield f"{at}.motions[{j}].text", motion.text
        yield f"{at}.resolved_intro", item.resolved_intro
        yield from _resolution_texts(f"{at}.resolutions", item.resolutions)
        for j, action in enumerate(item.actions):
            yield f"{at}.actions[{j}].text", action.text


def _resolution_texts(at: str, resolutions: Sequence[Resolution]) -> Iterator[tuple[str, str]]:
    for j, resolution in enumerate(resolutions):
        yield f"{at}[{j}].text", resolution.text
        yield from _resolution_texts(f"{at}[{j}].children", resolution.children)


# --------------------------------------------------------------------------- approval


_SEGMENT = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")
_AGREE = re.compile(r"to agree the minutes", re.IGNORECASE)


def apply_corrections(meeting: Meeting, corrections: Sequence[tuple[str, str]]) -> Meeting:
    """``meeting`` with each text at ``path`` (``items[3].resolutions[1].text``) replaced.

    Indexes count from 0, as validation messages do. Only text can be corrected this
    way; a path that does not lead to text is refused naming the path.
    """
    for path, text in corrections:
        segments = path.strip().split(".")
        meeting = _set_text(meeting, segments, text, path, meeting.id)
    return meeting


def _set_text(obj: object, segments: list[str], text: str, path: str, where: str) -> object:
    match = _SEGMENT.fullmatch(segments[0])
    names = {f.name for f in dataclasses.fields(obj)} if dataclasses.is_dataclass(obj) else set()
    if match is None or match.group(1) not in names:
        raise Refused(f"The correction '{path}' names no text in the minutes of {where}.")
    name, index = match.group(1), match.group(2)
    current = getattr(obj, name)
    rest = segments[1:]
    if index is not None:
        position = int(index)
        if not isinstance(current, tuple) or position >= len(current):
            raise Refused(f"The correction '{path}' names no text in the minutes of {where}.")
        child = _leaf(current[position], rest, text, path, where)
        value: object = current[:position] + (child,) + current[position + 1 :]
    else:
        value = _leaf(current, rest, text, path, where)
    return dataclasses.replace(obj, **{name: value})  # type: ignore[type-var]


def _leaf(current: object, rest: list[str], text: str, path: str, where: str) -> object:
    if rest:
        if current is None or not dataclasses.is_dataclass(current):
            raise Refused(f"The correction '{path}' names no text in the minutes of {where}.")
        return _set_text(current, rest, text, path, where)
    if type(current) is not str:
        raise Refused(
            f"The correction '{path}' does not name a piece of text in the minutes of {where}."
        )
    return text


def minutes_wording(approves: Sequence[str], dates: Mapping[str, dt.date], committee: str,
                    names: Mapping[str, str] | None = None) -> str:
    """"To agree the minutes of the meeting(s) held on 10 December 2026 [and …]".

    ``dates`` gives each approved meeting's date (a postponed meeting's id keeps its old
    date, so the id is only a fallback); meetings of another committee are named.
    """
    own: list[dt.date] = []
    others: list[str] = []
    for meeting_id in approves:
        slug, _, rest = meeting_id.partition("/")
        day = dates.get(meeting_id) or dt.date.fromisoformat(rest[:10])
        if slug == committee:
            own.append(day)
        else:
            name = (names or {}).get(meeting_id) or slug.replace("-", " ").title()
            others.append(f"the meeting of {name} held on {format_date(day)}")
    parts = []
    if own:
        noun = "meeting" if len(own) == 1 else "meetings"
        days = sorted(set(own))
        parts.append(f"the {noun} held on {joined([format_date(d) for d in days])}")
    return f"To agree the minutes of {joined(parts + others)}"


def fill_minutes_item(item: Item, wording: str) -> Item:
    """The item with its "To agree the minutes…" line replaced (or added first)."""
    lines = list(item.wording)
    for i, line in enumerate(lines):
        found = _AGREE.search(line)
        if found:
            lines[i] = line[: found.start()] + wording
            break
    else:
        lines.insert(0, wording)
    return dataclasses.replace(item, wording=tuple(lines))



LIFECYCLE_FIELDS = ("status", "approval", "amendments", "agenda", "postponements")


def describe_changes(old: Meeting, new: Meeting) -> str:
    """A short account of what differs between two versions: "item 3 'Budget' changed"."""
    parts: list[str] = []
    for f in dataclasses.fields(Meeting):
        if f.name in (*LIFECYCLE_FIELDS, "items"):
            continue
        if getattr(old, f.name) != getattr(new, f.name):
            parts.append(f.name.replace("_", " "))
    before = {item.uid: item for item in old.items}
    for item in new.items:
        label = f"'{item.title}'"
        if item.agenda_number:
            label = f"item {item.agenda_number} {label}"
        if item.uid not in before:
            parts.append(f"{label} added")
        elif before[item.uid] != item:
            parts.append(f"{label} changed")
    after = {item.uid for item in new.items}
    parts.extend(f"'{it.title}' removed" for it in old.items if it.uid not in after)
    return "; ".join(parts)


def corrected_by(meeting: Meeting, subject_to: Sequence[tuple[str, str]] | Meeting | None
               ) -> tuple[Meeting, str]:
    """The minutes with corrections agreed at approval applied, and a note of them."""
    if subject_to is None:
        return meeting, ""
    if isinstance(subject_to, Meeting):
        if subject_to.id != meeting.id:
            raise Refused(f"The corrected record is for {subject_to.id}, not {meeting.id}; "
                          "load the right file.")
        kept = {name: getattr(meeting, name) for name in LIFECYCLE_FIELDS}
        corrected = dataclasses.replace(subject_to, **kept)
        return corrected, describe_changes(meeting, corrected)
    corrected = apply_corrections(meeting, subject_to)
    note = "; ".join(f"{path} to read \"{text}\"" for path, text in subject_to)
    return corrected, note
