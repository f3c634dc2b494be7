"""Every line of the source in the record or in the ignored list: nothing is dropped.

After a meeting is built, two passes make sure of it:

1. lines the layout could not place are kept as narrative, on the item whose part of the
   document they sit in (or on an item "Not yet placed" before the first item), and
   flagged for review;
2. lines that were read into fields (attendance, a motion, a heading) are checked word
   by word against the record: the wording of labels and headings ("Moved by", "Minutes
   of the meeting of … held at") is listed as ignored, and a line any of whose other
   words did not reach the record is kept whole as narrative too, and flagged, so a
   recogniser that read only part of a line can never lose the rest.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from enum import Enum

from workflow.importers.common import NOT_PLACED, Ledger, SourceLine, clean
from workflow.record.codec import encode
from workflow.record.model import Item, ItemKind, Meeting, Paragraph

__all__ = ["LABELS", "NOT_PLACED", "account", "record_words", "words_of"]


def _vocabulary(text: str) -> list[str]:
    return text.split()


LABELS = "wording of a label or heading whose facts are in fields"
"""The reason given for label words ("Moved by", "Present:") left out of the record."""
_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_LIST_LABEL = re.compile(r"^\s*[-•·*]?\s*\(?(?:[a-z]{1,4}|[ivx]{1,5}|\d{1,3})[.)]\s", re.I)
LABEL_WORDS = frozenset(_vocabulary("""
cathaoirleach presided voice received receive considered reported
a an the of and or in on at by to for from with as be is was were are been this that these
those there it its into per upon being than which who whom whose minutes minute meeting
meetings held hold commencing commenced session proceedings proceeding official regular
ordinary extraordinary special annual adjourned present also attendance attending attended
in_attendance apologies apology absence absent regrets members member staff officers
officials councillors cllrs councilmembers councilmen moved mover seconded seconder
proposed proposer proposal resolved resolution resolutions motion motions carried lost
defeated passed failed agreed adopted unanimously unanimous vote votes voting voted favour
favor against abstained abstain abstaining abstentions abstention yeas yea nays nay ayes
aye noes recorded item items no nos number agenda declared disposition decision decisions
note noted summary chair chairman chairperson presided presiding draft confirmed
unconfirmed approved public open closed private part one two business venue contact tel
telephone email time date page followed following he she his her they their him them left
leave room chamber returned arrived joined departed interest interests declaration
declarations disclosed disclosure substitute substituting employees employee directorate
directorates officer cabinet shadow deputy had has have did not none nil ms mr mrs dr cllr
cr st nd rd th amended supplementary revised you your summoned attend follow report all
"""))
"""Words that label a field or word a heading ("Moved by", "Present:", "Minutes of the
meeting of … held at"): left out of the record when their facts are in fields."""
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def words_of(text: str) -> list[str]:
    """Lower-case words of ``text``; ``4th`` counts as ``4``."""
    return _WORD.findall(text.lower())


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Enum):
        yield str(value.value)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _strings(getattr(value, f.name))
    elif isinstance(value, tuple | list):
        for each in value:
            yield from _strings(each)
    elif value is not None and not isinstance(value, bool):
        yield from _dated(value)


def _dated(value: object) -> Iterator[str]:
    import datetime as dt

    if isinstance(value, dt.date):
        yield f"{value.year} {value.month:02d} {value.day} {_MONTHS[value.month - 1]} " \
              f"{_MONTHS[value.month - 1][:3]} {_DAYS[value.weekday()]}"
    elif isinstance(value, dt.time):
        hour = value.hour % 12 or 12
        half = "pm p m" if value.hour >= 12 else "am a m"
        yield f"{value.hour} {value.hour:02d} {hour} {value.minute:02d} {half}"
        if value.hour == 12 and value.minute == 0:
            yield "noon midday"
    else:
        yield str(value)


def record_words(meeting: Meeting) -> Counter[str]:
    """Every word the record holds as saved (defaults left out), as often as it holds it;
    dates and times also as words."""
    return Counter(w for text in _saved(encode(meeting)) for w in words_of(text))


def _saved(value: object) -> Iterator[str]:
    import datetime as dt

    if isinstance(value, dict):
        for each in value.values():
            yield from _saved(each)
    elif isinstance(value, list):
        for each in value:
            yield from _saved(each)
    elif isinstance(value, str):
        yield value
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            yield from _dated(dt.date.fromisoformat(value))
        elif re.fullmatch(r"\d{1,2}:\d{2}", value):
            hour, minute = map(int, value.split(":"))
            yield from _dated(dt.time(hour, minute))
    elif value is not None and not isinstance(value, bool):
        yield str(value)


def account(meeting: Meeting, ledger: Ledger, starts: list[tuple[int, int]]) -> Meeting:
    """Keep unplaced lines as narrative and check read lines against the record.

    ``starts`` holds, for each item of ``meeting`` in order, the source line its heading
    is on (0 for an item with no heading line).
    """
    extra: dict[int, list[SourceLine]] = {}
    for line, reason in ledger.unplaced():
        extra.setdefault(_owner(starts, line.key), []).append(line)
        ledger.flag(line, f"kept as narrative ({reason})")
    before = len(meeting.items)
    meeting = _with_extra(meeting, list(meeting.items), extra)
    if len(meeting.items) > before:
        starts = [(0, 0), *starts]
    missed = _check(meeting, ledger)
    extra = {}
    for line in missed:
        extra.setdefault(_owner(starts, line.key), []).append(line)
    before = len(meeting.items)
    return _with_extra(meeting, list(meeting.items), extra)


def _check(meeting: Meeting, ledger: Ledger) -> list[SourceLine]:
    """Lines with words that reached neither the record nor the ignored list.

    Words are counted as a multiset: each word of the record (or of a line's own ignored
    parts) accounts for one word of the source. Lines held verbatim as narrative are
    counted first; the rest in document order.
    """
    remaining = record_words(meeting)
    aside: dict[int, Counter[str]] = {}
    for x in ledger.ignored:
        aside.setdefault(x.number, Counter()).update(words_of(x.text))
    verbatim = {_norm(text) for text in _saved(encode(meeting))}
    flagged = {(x.number, x.text) for x in ledger.flagged}
    later: list[SourceLine] = []
    for line in ledger.lines:
        if line.blank:
            continue
        if _norm(clean(line.text)) in verbatim:
            remaining.subtract(words_of(clean(line.text)))
        else:
            later.append(line)
    missed: list[SourceLine] = []
    for line in later:
        text = clean(line.text)
        label = _LIST_LABEL.match(text)
        own = aside.get(line.number, Counter())
        taken: list[str] = []
        labels: list[str] = [*words_of(label.group(0))] if label else []
        lost: list[str] = []
        for word in words_of(text[label.end():] if label else text):
            if own[word] > 0:
                own[word] -= 1
            elif remaining[word] > 0:
                remaining[word] -= 1
                taken.append(word)
            elif word in LABEL_WORDS:
                labels.append(word)
            else:
                lost.append(word)
        if lost:
            remaining.update(taken)
            missed.append(line)
            if (line.number, line.text.strip()) not in flagged:
                ledger.flag(line, "kept as narrative: read into fields, but these words were not: "
                            + " ".join(dict.fromkeys(lost)))
        elif labels:
            ledger.ignore(line, LABELS, " ".join(labels))
    return missed


def _norm(text: str) -> str:
    return " ".join(text.replace("**", "").split()).lower()


def _owner(starts: list[tuple[int, int]], key: tuple[int, int]) -> int:
    """Index of the item whose part of the document holds the line ``key`` (-1: before all)."""
    heads = [s for s in starts if s[0]]
    position = bisect.bisect_right(heads, key) - 1
    if position < 0:
        return -1
    return starts.index(heads[position])


def _with_extra(meeting: Meeting, items: list[Item], extra: dict[int, list[SourceLine]]) -> Meeting:
    if not extra:
        return meeting
    for index, lines in extra.items():
        if index < 0:
            continue
        item = items[index]
        items[index] = replace(item, body=(*item.body, *(Paragraph(text=_text(x)) for x in lines)))
    if -1 in extra:
        body = tuple(Paragraph(text=_text(x)) for x in extra[-1])
        head = next((i for i, it in enumerate(items) if it.title == NOT_PLACED), None)
        if head is None:
            items.insert(0, Item(uid="item-not-yet-placed", kind=ItemKind.OTHER, title=NOT_PLACED,
                                 resolved_word="", body=body))
        else:
            items[head] = replace(items[head], body=(*items[head].body, *body))
    return replace(meeting, items=tuple(items))


def _text(line: SourceLine) -> str:
    return " ".join(line.text.replace("**", "").split())
