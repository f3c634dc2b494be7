"""Compiled validators, built once per kind and thread, and the memory of checked items.

Lives here: building a :class:`~schemas.validator.MinutebookValidator` for a kind from the
loaded definitions, running it on one document, and remembering each meeting item's
problems by its content so that re-validating a meeting after one edit re-checks one
item. Nothing here knows about files other than through :mod:`schemas.loading`.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

from cerberus.schema import RulesSetRegistry, SchemaRegistry

from schemas.loading import definitions
from schemas.report import Problem, ValidationContext
from schemas.validator import ClerkErrorHandler, MinutebookValidator, collect

__all__ = ["check", "check_entry", "compiled", "forget"]

_local = threading.local()
_MEMO_SIZE = 4096
_memo: OrderedDict[tuple[str, str, ValidationContext], tuple[Problem, ...]] = OrderedDict()
_memo_lock = threading.Lock()


def compiled(kind: str) -> MinutebookValidator:
    """This thread's validator for ``kind`` (built on first use)."""
    cache: dict[str, MinutebookValidator] | None = getattr(_local, "validators", None)
    if cache is None:
        cache = _local.validators = {}
    if kind not in cache:
        cache[kind] = _build(kind)
    return cache[kind]


def forget() -> None:
    """Drop this thread's validators (after a failure left one half-way through a document)."""
    _local.validators = {}


def check(kind: str, data: Mapping[str, Any], context: ValidationContext) -> list[Problem]:
    """Every problem in one document, in the order Cerberus found them."""
    validator = compiled(kind)
    found: list[Problem] = []
    validator._config["context"] = context
    validator._config["found"] = found
    try:
        validator.validate(dict(data), normalize=False)
        return collect(validator._errors, validator.error_handler) + found
    finally:
        validator._config["context"] = None
        validator._config["found"] = None


def check_entry(
    kind: str, data: Mapping[str, Any], context: ValidationContext
) -> tuple[Problem, ...]:
    """:func:`check` for one entry of a list, remembered by content (paths are relative)."""
    key = (kind, repr(data), context)
    with _memo_lock:
        known = _memo.get(key)
        if known is not None:
            _memo.move_to_end(key)
            return known
    problems = tuple(check(kind, data, context))
    with _memo_lock:
        _memo[key] = problems
        while len(_memo) > _MEMO_SIZE:
            _memo.popitem(last=False)
    return problems


def _build(kind: str) -> MinutebookValidator:
    found = definitions()
    # Cerberus 1.3 looks up a top-level schema's rule-set names in its module-global
    # registry, so the top level is given with its rule sets written out.
    top = {
        key: found.rules[rule] if isinstance(rule, str) else rule
        for key, rule in found.schemas[found.documents[kind]].items()
    }
    return MinutebookValidator(
        top,
        schema_registry=SchemaRegistry(found.schemas),
        rules_set_registry=RulesSetRegistry(found.rules),
        error_handler=ClerkErrorHandler,
        context=None,
        found=None,
        checker=check_entry,
    )
