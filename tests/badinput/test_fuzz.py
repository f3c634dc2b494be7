"""Fuzzing the three doors bad data comes in by, with Hypothesis.

- ``schemas.validate`` never raises on arbitrary nested data (and on valid records with one
  part replaced by arbitrary data): it reports problems with a path, a message and a severity;
- ``workflow.record.codec.load_yaml`` only ever raises ``YamlError`` and only returns plain data;
- the importers only raise ``MinutebookError``, whatever text or bytes they are given.
"""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas import KINDS, Report, ValidationContext, validate
from tests.strategies import meetings
from workflow.errors import MinutebookError, YamlError
from workflow.importers import import_file, import_text
from workflow.record.codec import encode, load_yaml

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
    st.text(max_size=20), st.sampled_from(["", "2026-02-30", "25:00", "(a)", "items", "14/17", "\x0b"]),
)
KEYS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["id", "committee", "date", "items", "uid", "title", "kind", "status",
                     "resolutions", "label", "text", "children", "attendance", "person",
                     "exemption", "paragraph", "people", "slug", "standing_items", "extends"]),
)
NESTED = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=25,
)
CONTEXTS = st.sampled_from([None, ValidationContext(), ValidationContext(people=frozenset({"cllr-a"}))])


def _check_report(report: Report) -> None:
    assert isinstance(report, Report)
    for problem in report.problems:
        assert isinstance(problem.path, str)
        assert isinstance(problem.message, str)
        assert problem.message
        assert problem.severity in ("error", "warning")


@given(kind=st.sampled_from(sorted(KINDS)), data=st.dictionaries(KEYS, NESTED, max_size=6), context=CONTEXTS)
def test_validate_never_raises_on_arbitrary_data(kind: str, data: dict[str, Any], context: ValidationContext | None) -> None:
    _check_report(validate(kind, data, context=context))


@st.composite
def _corrupted(draw: st.DrawFn) -> dict[str, Any]:
    data = encode(draw(meetings(max_items=2)))
    target: Any = data
    while True:
        keys = list(target.keys()) if isinstance(target, dict) else list(range(len(target)))
        if not keys:
            break
        key = draw(st.sampled_from(keys))
        child = target[key]
        if isinstance(child, (dict, list)) and child and draw(st.booleans()):
            target = child
            continue
        target[key] = draw(NESTED)
        break
    return data


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=_corrupted(), context=CONTEXTS)
def test_validate_never_raises_on_corrupted_records(data: dict[str, Any], context: ValidationContext | None) -> None:
    _check_report(validate("meeting", data, context=context))


def test_an_attendee_role_of_the_wrong_type_is_reported_by_field() -> None:
    data = {
        "id": "cllr/2000-01-01", "committee": "cllr", "status": "agenda-published",
        "date": "2000-01-01", "start": "00:00", "venue": "board", "contact": {"name": "board"},
        "attendance": [{"person": "cllr", "role": []}, {"person": "board", "role": "chair"},
                       {"person": "scrutiny", "role": "chair", "substitute_for": "cllr"}],
    }
    report = validate("meeting", data)
    _check_report(report)
    assert any(p.path == "attendance[0].role" and p.severity == "error" for p in report.problems)


YAML_SOUP = st.lists(
    st.sampled_from(["key: ", "- ", "  ", "\n", "&a ", "*a", "!!str ", "!!python/name:os.system", "[", "]",
                     "{", "}", ": ", "'", '"', "|", ">", "#", "%YAML 1.1\n", "---\n", "...\n", "\t",
                     "2026-02-30", "0x1f", "1e400", "~", "<<: ", "? ", "\x0b", "\ufeff", "é"])
    | st.text(string.printable, max_size=5),
    max_size=30,
).map("".join)


def _plain(value: Any) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, (str, int, bool)) or k is None for k in value) and all(map(_plain, value.values()))
    if isinstance(value, list):
        return all(map(_plain, value))
    return value is None or isinstance(value, (str, int, bool))


@given(st.one_of(YAML_SOUP, st.text(max_size=200), st.binary(max_size=200)))
def test_load_yaml_only_raises_yaml_error(source: str | bytes) -> None:
    try:
        loaded = load_yaml(source, where="fuzz.yaml")
    except YamlError as exc:
        assert exc.message.startswith("fuzz.yaml")
        return
    assert isinstance(loaded, dict)
    assert _plain(loaded)
    assert not any(isinstance(v, float) for v in _leaves(loaded))


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [leaf for v in value.values() for leaf in _leaves(v)]
    if isinstance(value, list):
        return [leaf for v in value for leaf in _leaves(v)]
    return [value]


MINUTES_SOUP = st.lists(
    st.sampled_from([
        "Minutes of the Meeting of the Scrutiny Board held at 2.00 pm on Thursday, 14 January 2027\n",
        "Present:\n", "Councillor A Member (Chair)\n", "Apologies: Councillor B\n", "17. Declarations\n",
        "RESOLVED that the report be noted.\n", "(a) ", "1) ", "Moved by ", "seconded by ", "Carried.\n",
        "(Meeting closed at 3.30 pm)\n", "Page 3\n", "\x0c", "\x00", "\t", "   ", "Item 4 ", "Minute 14/17",
    ]) | st.text(max_size=30),
    max_size=25,
).map("".join)


@given(text=MINUTES_SOUP, format=st.sampled_from([None, "webpage", "printed"]))
def test_import_text_only_raises_minutebook_errors(text: str, format: str | None) -> None:
    try:
        import_text(text, source="fuzz.txt", format=format)
    except MinutebookError as exc:
        assert exc.message


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".md"])
@settings(max_examples=15)
@given(data=st.binary(max_size=300) | st.just(b"PK\x03\x04" + b"\x00" * 40))
def test_import_file_only_raises_minutebook_errors(tmp_path_factory: pytest.TempPathFactory, suffix: str, data: bytes) -> None:
    path = Path(tmp_path_factory.mktemp("fuzz")) / f"minutes{suffix}"
    path.write_bytes(data)
    try:
        import_file(path)
    except MinutebookError as exc:
        assert exc.message
