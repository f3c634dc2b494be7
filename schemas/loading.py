"""Reading the schema data files (``schemas/*.yaml``) into per-kind definitions.

Lives here: the list of document kinds, the YAML reading of this package's own data
files, and the one generated rule (``xml_safe`` on every text field). Validation itself
lives in :mod:`schemas.validator`; nothing here imports the rest of minutebook.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

__all__ = ["KINDS", "Definitions", "definitions", "fields_of"]

_HERE = Path(__file__).resolve().parent

KINDS: dict[str, str] = {
    "meeting": "meeting.yaml",
    "item": "item.yaml",
    "committee": "committee.yaml",
    "people": "people.yaml",
    "template": "template.yaml",
    "settings": "settings.yaml",
    "decision": "decision.yaml",
}
"""Document kinds and the file declaring each one's top-level schema."""

_SHARED = "rules.yaml"


@dataclass(frozen=True)
class Definitions:
    """Every named rule set and field set, and which field set each kind starts from."""

    rules: dict[str, dict[str, Any]]
    schemas: dict[str, dict[str, Any]]
    documents: dict[str, str]


@functools.cache
def definitions() -> Definitions:
    """All schema files, read once; callers must not change what they get."""
    rules: dict[str, dict[str, Any]] = {}
    schemas: dict[str, dict[str, Any]] = {}
    documents: dict[str, str] = {}
    for kind, filename in {"": _SHARED, **KINDS}.items():
        data = _read(filename)
        for section, target in (("rules", rules), ("schemas", schemas)):
            for name, definition in (data.get(section) or {}).items():
                if name in target:
                    raise ValueError(f"{filename}: the {section} name '{name}' is used twice.")
                target[name] = definition
        if kind:
            documents[kind] = data["document"]
    for name, rules_set in rules.items():
        rules[name] = _harden(rules_set)
    for name, fields in schemas.items():
        schemas[name] = {key: _harden(rule) for key, rule in fields.items()}
    _check_references(rules, schemas, documents)
    return Definitions(rules, schemas, documents)


def fields_of(name: str) -> frozenset[str]:
    """The field names a named field set declares (``item``, ``bullet_list``, …)."""
    return frozenset(definitions().schemas[name])


def _read(filename: str) -> dict[str, Any]:
    text = (_HERE / filename).read_text(encoding="utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    if not isinstance(data, dict):
        raise ValueError(f"schemas/{filename} must be a mapping.")
    return data


def _harden(rules: Any) -> Any:
    """A copy of a field's rules with ``xml_safe`` added wherever text is allowed."""
    if not isinstance(rules, dict):
        return rules
    out = copy.copy(rules)
    types = out.get("type")
    if types == "text" or (isinstance(types, list) and "text" in types):
        out["xml_safe"] = True
    inner = out.get("schema")
    if isinstance(inner, dict):
        if types == "list":
            out["schema"] = _harden(inner)
        else:
            out["schema"] = {key: _harden(rule) for key, rule in inner.items()}
    for key in ("valuesrules", "keysrules"):
        if isinstance(out.get(key), dict):
            out[key] = _harden(out[key])
    return out


def _check_references(
    rules: dict[str, Any], schemas: dict[str, Any], documents: dict[str, str]
) -> None:
    for kind, name in documents.items():
        if name not in schemas:
            raise ValueError(f"the {kind} kind names an unknown schema '{name}'.")
    for owner, fields in schemas.items():
        for key, rule in fields.items():
            _check_rule(f"{owner}.{key}", rule, rules, schemas)
    for owner, rule in rules.items():
        _check_rule(owner, rule, rules, schemas)


def _check_rule(where: str, rule: Any, rules: dict[str, Any], schemas: dict[str, Any]) -> None:
    if isinstance(rule, str):
        if rule not in rules:
            raise ValueError(f"{where} names an unknown rule set '{rule}'.")
        return
    if not isinstance(rule, dict):
        raise ValueError(f"{where} must be a rule set or the name of one.")
    inner = rule.get("schema")
    if rule.get("type") == "list" and inner is not None:
        _check_rule(f"{where}[]", inner, rules, schemas)
    elif isinstance(inner, str) and inner not in schemas:
        raise ValueError(f"{where} names an unknown schema '{inner}'.")
    elif isinstance(inner, dict):
        for key, sub in inner.items():
            _check_rule(f"{where}.{key}", sub, rules, schemas)
    for target in (rule.get("block") or {}).values():
        if target not in schemas:
            raise ValueError(f"{where} names an unknown block schema '{target}'.")
