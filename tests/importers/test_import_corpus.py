"""Real minutes and agendas of other councils (``../shared/corpus``) import in full.

Every document imports without refusal or traceback into a record that validates; at
least 98% of its words are in the record or the import report's ignored list, and
every line is in the record, flagged or ignored; its items are found in order with
their numbers (at least 90% of the labelled items across the corpus, read by hand into
:mod:`corpus_labels`), and the resolutions and votes it records are counted as labelled.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from corpus_labels import LABELS, Expected
from corpus_measure import found_items, kept_share, missing_words, resolutions, texts, votes, words

from schemas import validate
from workflow.importers import ImportResult, import_file
from workflow.record.codec import encode

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
FILES = sorted(LABELS)


def _corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the corpus of real minutes is not at {CORPUS} (it sits beside the checkout)")
    return CORPUS


def _import(name: str) -> tuple[ImportResult, Expected, str]:
    path = _corpus() / name
    expected = LABELS[name]
    given: dict[str, object] = {}
    if "committee" in expected.given:
        given["committee"] = expected.given["committee"]
    if "date" in expected.given:
        given["date"] = dt.date.fromisoformat(expected.given["date"])
    return import_file(path, **given), expected, path.read_text(encoding="utf-8")  # type: ignore[arg-type]


def test_every_corpus_file_is_labelled() -> None:
    assert sorted(p.name for p in _corpus().glob("*.txt")) == FILES


@pytest.mark.parametrize("name", FILES)
def test_corpus_file_imports_whole(name: str) -> None:
    result, expected, source = _import(name)
    problems = validate("meeting", encode(result.meeting)).problems
    assert [str(p) for p in problems if p.severity == "error"] == []
    share = kept_share(source, result)
    assert share >= 0.98, f"{share:.3f} of the words kept; missing: {missing_words(source, result).most_common(12)}"
    assert result.report.not_understood == ()
    in_record = set(words(" ".join(texts(encode(result.meeting)))))
    for line in result.report.flagged:
        aside = {w for x in result.report.ignored if x.number == line.number for w in words(x.text)}
        assert set(words(line.text)) <= in_record | aside, line
    assert all(line.reason for line in result.report.ignored)
    count = len(re.split(r"\r\n|\r|\n|\x0c", source))
    assert {line.number for line in result.report.flagged} <= set(range(1, count + 1))


@pytest.mark.parametrize("name", FILES)
def test_corpus_items_found_in_order(name: str) -> None:
    result, expected, _ = _import(name)
    found = found_items(result.meeting, expected)
    positions = [position for _, position in found]
    assert positions == sorted(positions)
    assert len(found) >= 0.6 * len(expected.items), [expected.items[i] for i in range(len(expected.items))
                                                       if i not in {a for a, _ in found}]


def test_corpus_items_found_with_their_numbers() -> None:
    labelled = found = 0
    for name in FILES:
        result, expected, _ = _import(name)
        labelled += len(expected.items)
        found += len(found_items(result.meeting, expected))
    assert found / labelled >= 0.90, f"{found} of {labelled} labelled items found"


@pytest.mark.parametrize("name", [n for n in FILES if LABELS[n].resolutions is not None
                                  or LABELS[n].votes is not None])
def test_corpus_resolutions_and_votes(name: str) -> None:
    result, expected, _ = _import(name)
    if expected.resolutions is not None:
        assert resolutions(result.meeting) == expected.resolutions
    if expected.votes is not None:
        assert votes(result.meeting) == expected.votes
