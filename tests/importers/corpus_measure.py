"""Measures of an import against its source: words kept, labelled items found, counts.

Words are counted as a multiset: a source word is kept when the record (every text the
meeting holds, its dates and times also written out as words) or the import report's
ignored list holds it as many times as the source does.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from corpus_labels import Expected

from workflow.importers import ImportResult
from workflow.record.codec import encode
from workflow.record.model import Meeting, MotionOutcome

WORD = re.compile(r"[^\W\d_]+|\d+")
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def texts(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for each in value.values():
            yield from texts(each)
    elif isinstance(value, list):
        for each in value:
            yield from texts(each)
    elif isinstance(value, str):
        yield value
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = dt.date.fromisoformat(value)
            yield f"{day.day} {MONTHS[day.month - 1]} {MONTHS[day.month - 1][:3]} {DAYS[day.weekday()]}"
        elif re.fullmatch(r"\d{1,2}:\d{2}", value):
            hour, minute = map(int, value.split(":"))
            yield f"{hour % 12 or 12} {minute} {'pm p m' if hour >= 12 else 'am a m'}"
    elif value is not None and not isinstance(value, bool):
        yield str(value)


def kept_share(source: str, result: ImportResult) -> float:
    """The share of the source's words found in the record or the ignored list."""
    want = Counter(words(source))
    have = Counter(w for text in texts(encode(result.meeting)) for w in words(text))
    have.update(w for line in result.report.ignored for w in words(line.text))
    total = sum(want.values())
    return sum(min(count, have[word]) for word, count in want.items()) / total if total else 1.0


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower().replace("’", "'"))


def _number_matches(label: str, agenda: str, minute: str) -> bool:
    want = _norm(label)
    return want in (_norm(agenda), _norm(minute))


def _title_matches(label: str, title: str) -> bool:
    want, got = _norm(label), _norm(title)
    return not want or got.startswith(want) or (len(got) >= 8 and want.startswith(got))


def found_items(meeting: Meeting, expected: Expected) -> list[tuple[int, int]]:
    """(label index, item index) for each labelled item found with its number and title, in order."""
    out: list[tuple[int, int]] = []
    start = 0
    for index, (number, title) in enumerate(expected.items):
        for position in range(start, len(meeting.items)):
            item = meeting.items[position]
            same_number = _number_matches(number, item.agenda_number, item.minute_number) if number \
                else True
            if same_number and _title_matches(title, item.title):
                out.append((index, position))
                start = position + 1
                break
    return out


def resolutions(meeting: Meeting) -> int:
    return sum(len(item.resolutions) for item in meeting.items)


def votes(meeting: Meeting) -> int:
    """Motions with a recorded or counted vote (names or numbers), not a bare outcome."""
    count = 0
    for item in meeting.items:
        for motion in item.motions:
            vote = motion.vote
            if vote is None:
                continue
            named = vote.for_names or vote.against_names or vote.abstain_names
            counted = vote.for_count is not None or vote.against_count is not None
            if named or counted or vote.recorded:
                count += 1
    return count


def carried(meeting: Meeting) -> int:
    return sum(1 for item in meeting.items for m in item.motions if m.outcome is MotionOutcome.CARRIED)


def missing_words(source: str, result: ImportResult) -> Counter[str]:
    """Source words the record and the ignored list hold fewer times than the source."""
    want = Counter(words(source))
    have = Counter(w for text in texts(encode(result.meeting)) for w in words(text))
    have.update(w for line in result.report.ignored for w in words(line.text))
    return Counter({w: c - have[w] for w, c in want.items() if c > have[w]})
