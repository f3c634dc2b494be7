"""Generated records: valid ones pass, and one corrupted field is reported at its path."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from strategies import DEFAULT_SENTINEL, committees, meetings, people_registers

from schemas import validate
from workflow.record import codec

Path = tuple[Any, ...]
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"\d{2}:\d{2}")


def printed(path: Path) -> str:
    out = ""
    for crumb in path:
        out += f"[{crumb}]" if isinstance(crumb, int) else (f".{crumb}" if out else crumb)
    return out


def leaves(data: Any, path: Path = ()) -> Iterator[tuple[Path, Any]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from leaves(value, (*path, index))
    else:
        yield path, data


def mappings(data: Any, path: Path = ()) -> Iterator[Path]:
    if isinstance(data, dict):
        yield path
        for key, value in data.items():
            yield from mappings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from mappings(value, (*path, index))


def set_at(data: Any, path: Path, value: Any) -> Any:
    out = copy.deepcopy(data)
    target = out
    for crumb in path[:-1]:
        target = target[crumb]
    target[path[-1]] = value
    return out


def corrupted(value: Any) -> Any:
    """A value of the wrong kind or form for the field ``value`` came from."""
    if isinstance(value, bool):
        return "no"
    if isinstance(value, int):
        return "several"
    if _DATE.fullmatch(value):
        return value[:8] + "31" if value[5:7] in ("02", "04", "06", "09", "11") else value[:5] + "13-01"
    if _TIME.fullmatch(value):
        return "25" + value[2:]
    return value + "\x0b"


def _not_cross_referenced(path: Path) -> bool:
    """Attendance names are what substitutes point at; changing one moves the error."""
    return not (path[:1] == ("attendance",) and path[-1] in ("person", "name"))


@given(meetings())
def test_generated_meetings_validate_clean(meeting: Any) -> None:
    assert validate("meeting", codec.encode(meeting)).problems == ()


@given(meetings(exempt=True, sentinel=DEFAULT_SENTINEL))
def test_the_public_part_and_the_merged_whole_validate_clean(meeting: Any) -> None:
    public, exempt = codec.split_exempt(meeting)
    assert validate("meeting", public).problems == ()
    merged = codec.merge_exempt(copy.deepcopy(public), exempt)
    assert validate("meeting", merged).problems == ()
    assert DEFAULT_SENTINEL not in codec.dump_yaml(public)
    assert exempt is not None
    assert DEFAULT_SENTINEL in codec.dump_yaml(exempt)


@given(meetings(), st.data())
def test_one_corrupted_field_is_reported_at_exactly_its_path(meeting: Any, data: st.DataObject) -> None:
    encoded = codec.encode(meeting)
    candidates = [(p, v) for p, v in leaves(encoded) if _not_cross_referenced(p)]
    path, value = data.draw(st.sampled_from(candidates))
    report = validate("meeting", set_at(encoded, path, corrupted(value)))
    assert {p.path for p in report.errors} == {printed(path)}


@given(meetings(), st.data())
def test_an_unknown_key_is_reported_at_exactly_its_path(meeting: Any, data: st.DataObject) -> None:
    encoded = codec.encode(meeting)
    where = data.draw(st.sampled_from(list(mappings(encoded))))
    broken = copy.deepcopy(encoded)
    target = broken
    for crumb in where:
        target = target[crumb]
    target["remarks"] = "x"
    report = validate("meeting", broken)
    assert [p.path for p in report.errors] == [printed((*where, "remarks"))]
    assert report.errors[0].message.startswith("is not a field minutebook knows")


@given(committees())
def test_generated_committees_validate_clean(committee: Any) -> None:
    assert validate("committee", codec.encode(committee)).problems == ()


@given(people_registers())
def test_generated_registers_validate_clean(people: Any) -> None:
    register = {"people": [codec.encode(p) for p in people]}
    assert validate("people", register).problems == ()
