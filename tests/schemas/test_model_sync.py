"""The schemas declare exactly the model's fields, types and enum values (and vice versa)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import types
import typing
from enum import Enum
from typing import Any, Union

import pytest

from schemas.loading import definitions
from workflow.record.model import Committee, Meeting, Person

ROOTS = (Meeting, Committee, Person)


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def reachable(*roots: type) -> list[type]:
    seen: dict[type, None] = {}
    todo = list(roots)
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen[cls] = None
        for hint in typing.get_type_hints(cls).values():
            todo.extend(t for t in _atoms(hint) if dataclasses.is_dataclass(t))
    return sorted(seen, key=lambda c: c.__name__)


def _atoms(hint: Any) -> list[Any]:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType, tuple):
        return [a for arg in typing.get_args(hint) if arg is not Ellipsis for a in _atoms(arg)]
    return [hint]


def _rules(rule: Any) -> dict[str, Any]:
    return definitions().rules[rule] if isinstance(rule, str) else rule


def _references(rules: dict[str, Any]) -> set[str]:
    """Names of the field sets a field's rules point at (through lists too)."""
    out: set[str] = set()
    inner = rules.get("schema")
    if rules.get("type") == "list" and inner is not None:
        out |= _references(_rules(inner))
    elif isinstance(inner, str):
        out.add(inner)
    if isinstance(rules.get("each"), str):
        out.add(rules["each"])
    out |= set((rules.get("block") or {}).values())
    return out


def field_mismatches(cls: type, declared: dict[str, Any]) -> list[str]:
    """What differs between a model class and the schema declared for it."""
    model = [f.name for f in dataclasses.fields(cls)]
    problems = [f"{cls.__name__}.{n} is not in the schema" for n in model if n not in declared]
    problems += [f"the schema's {n} is not a field of {cls.__name__}" for n in declared if n not in model]
    hints = typing.get_type_hints(cls)
    for name in model:
        if name in declared:
            problems += [f"{cls.__name__}.{name}: {p}" for p in type_mismatches(hints[name], _rules(declared[name]))]
    return problems


def type_mismatches(hint: Any, rules: dict[str, Any]) -> list[str]:
    atoms = [a for a in _atoms(hint) if a is not type(None)]
    is_tuple = typing.get_origin(hint) is tuple
    kind = rules.get("type")
    if is_tuple:
        if kind != "list":
            return [f"is a tuple but the schema says {kind}"]
        element = rules.get("schema")
        if all(dataclasses.is_dataclass(a) for a in atoms):
            wanted = {snake(a.__name__) for a in atoms}
            got = _references(rules)
            return [] if wanted == got else [f"entries should be {sorted(wanted)}, not {sorted(got)}"]
        return type_mismatches(atoms[0], _rules(element))
    (atom,) = atoms
    if dataclasses.is_dataclass(atom):
        got = _references(rules)
        return [] if kind == "dict" and got == {snake(atom.__name__)} else [f"should refer to {snake(atom.__name__)}"]
    expected = {str: "text", bool: "boolean", int: "whole", dt.date: "text", dt.time: "text"}
    if isinstance(atom, type) and issubclass(atom, Enum):
        allowed = set(rules.get("allowed", ()))
        values = {m.value for m in atom}
        return [] if allowed == values else [f"allowed {sorted(allowed)} but {atom.__name__} has {sorted(values)}"]
    problems = [] if kind == expected[atom] else [f"should have type {expected[atom]}, not {kind}"]
    if atom is dt.date and not rules.get("date"):
        problems.append("is a date but has no date rule")
    if atom is dt.time and not rules.get("time"):
        problems.append("is a time but has no time rule")
    return problems


@pytest.mark.parametrize("cls", reachable(*ROOTS), ids=lambda c: c.__name__)
def test_schema_declares_exactly_the_model_fields(cls: type) -> None:
    declared = definitions().schemas.get(snake(cls.__name__))
    assert declared is not None, f"no schema named {snake(cls.__name__)} for {cls.__name__}"
    assert field_mismatches(cls, declared) == []


def test_every_schema_is_used_by_the_model_or_a_kind_of_its_own() -> None:
    model = {snake(c.__name__) for c in reachable(*ROOTS)}
    own = {"register", "template", "standing_item", "exclusion", "settings"}
    assert set(definitions().schemas) == model | own


def test_walk_reaches_the_nested_parts() -> None:
    names = {c.__name__ for c in reachable(*ROOTS)}
    assert {"Resolution", "Withheld", "CallIn", "Speaker", "Movement", "Membership"} <= names


def test_a_field_added_to_the_model_only_is_caught() -> None:
    @dataclasses.dataclass(frozen=True)
    class Contact:
        name: str = ""
        phone: str = ""
        email: str = ""
        fax: str = ""

    assert field_mismatches(Contact, definitions().schemas["contact"]) == [
        "Contact.fax is not in the schema"
    ]


def test_a_field_added_to_the_schema_only_is_caught() -> None:
    from workflow.record.model import Contact

    declared = {**definitions().schemas["contact"], "fax": "text"}
    assert field_mismatches(Contact, declared) == ["the schema's fax is not a field of Contact"]


def test_a_changed_type_or_enum_is_caught() -> None:
    from workflow.record.model import Exemption

    declared = dict(definitions().schemas["exemption"])
    declared["paragraph"] = "text"
    declared["basis"] = {"type": "text", "allowed": ["exempt"]}
    problems = field_mismatches(Exemption, declared)
    assert any(p.startswith("Exemption.paragraph: should have type whole") for p in problems)
    assert any(p.startswith("Exemption.basis: allowed ['exempt']") for p in problems)


def test_settings_schema_declares_exactly_the_settings_fields() -> None:
    from workflow.settings import Settings

    assert field_mismatches(Settings, definitions().schemas["settings"]) == []
