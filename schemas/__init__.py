"""Validation of minutebook's records against the Cerberus schemas in this folder.

Public API: :func:`validate` (kind + plain data -> :class:`Report`), :class:`Problem`,
:class:`Report`, :class:`ValidationContext`, the ``KINDS`` of document, :func:`fields_of`
(the fields a named schema declares) and helpers for settings (``EXEMPT_PARAGRAPHS``,
:func:`minute_ref_pattern`). The schemas themselves are data (``*.yaml``); one validator
(:mod:`schemas.validator`) applies them, built once per kind and thread
(:mod:`schemas.compiled`).

This package imports nothing from ``workflow`` or ``tui``: it sees records only in their
plain-data form (``workflow.record.codec.encode``), with exempt content already merged in.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from schemas.compiled import check, forget
from schemas.loading import KINDS, fields_of
from schemas.record_rules import path_key
from schemas.report import (
    DEFAULT_MINUTE_REF_PATTERN,
    EXEMPT_PARAGRAPHS,
    Problem,
    Report,
    ValidationContext,
    minute_ref_pattern,
)

__all__ = [
    "DEFAULT_MINUTE_REF_PATTERN",
    "EXEMPT_PARAGRAPHS",
    "KINDS",
    "Problem",
    "Report",
    "ValidationContext",
    "fields_of",
    "minute_ref_pattern",
    "validate",
]


def validate(
    kind: str, data: Mapping[str, Any], *, context: ValidationContext | None = None
) -> Report:
    """Check one document of ``kind`` and report every problem with its path.

    Never raises for bad data; raises ``ValueError`` only for a kind that does not exist.
    """
    if kind not in KINDS:
        known = ", ".join(sorted(KINDS))
        raise ValueError(f"'{kind}' is not a kind of record minutebook knows ({known}).")
    if not isinstance(data, Mapping):
        return Report((Problem("", "should be a set of fields (name: value)"),))
    try:
        problems = check(kind, data, context or ValidationContext())
    except RecursionError:
        forget()
        return Report((Problem("", "nests too deeply to be a record"),))
    return Report(tuple(sorted(problems, key=lambda p: path_key(p.path))))
