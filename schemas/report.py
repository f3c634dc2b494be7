"""What a validation says: Problem, Report, and the ValidationContext it was checked in.

Plain frozen dataclasses only; no Cerberus here, so callers (the workflow, the terminal
UI) can hold and compare reports without touching the validation library.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "DEFAULT_MINUTE_REF_PATTERN",
    "EXEMPT_PARAGRAPHS",
    "Problem",
    "Report",
    "ValidationContext",
    "minute_ref_pattern",
]

Severity = Literal["error", "warning"]

EXEMPT_PARAGRAPHS: dict[str, frozenset[int]] = {
    "england": frozenset(range(1, 8)),
    "wales": frozenset(range(12, 19)),
}
"""Schedule 12A paragraphs by the settings' ``exempt_paragraphs`` name."""

DEFAULT_MINUTE_REF_PATTERN = r"[A-Z]{0,6}\d{1,4}/\d{2}"
"""``14/17`` or with a prefix, ``PLA146/14``."""

_PLACEHOLDER_PATTERNS = {
    "number": r"\d{1,4}",
    "yy": r"\d{2}",
    "yyyy": r"\d{4}",
    "prefix": r"[A-Z]{0,6}",
}


def minute_ref_pattern(ref_format: str) -> str:
    """The regular expression matching references written in a settings format.

    ``"{number}/{yy}"`` matches ``14/17``; ``"{prefix}{number}/{yy}"`` matches ``PLA146/14``.
    Unknown placeholders are left to the settings schema to report.
    """
    out: list[str] = []
    for literal, name in re.findall(r"([^{]*)(?:\{(\w*)\})?", ref_format):
        out.append(re.escape(literal))
        if name:
            out.append(_PLACEHOLDER_PATTERNS.get(name, re.escape("{" + name + "}")))
    return "".join(out)


@dataclass(frozen=True, slots=True)
class ValidationContext:
    """Facts from outside the record that some rules need."""

    people: frozenset[str] | None = None
    """Ids in the register; ``None`` skips the "not in the register" warning."""
    exempt_paragraphs: frozenset[int] = EXEMPT_PARAGRAPHS["england"]
    """Schedule 12A paragraphs this council uses (England 1-7, Wales 12-18)."""
    minute_ref_pattern: str | None = None
    """Regular expression for minute references; ``None`` means N/YY with optional prefix."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one field: ``items[3].resolutions[1].text``: what is wrong."""

    path: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = self.path or "record"
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{prefix}{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Report:
    """Every problem found in one document, errors and warnings, in document order."""

    problems: tuple[Problem, ...] = field(default=())

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")

    @property
    def ok(self) -> bool:
        """True when there are no errors (warnings allowed)."""
        return not any(p.severity == "error" for p in self.problems)

    def at(self, path: str) -> tuple[Problem, ...]:
        """The problems of one field and of everything inside it."""
        return tuple(
            p
            for p in self.problems
            if p.path == path or p.path.startswith((path + ".", path + "["))
        )

    def within(self, prefix: str) -> Report:
        """The same report with every path put under ``prefix`` (e.g. ``items[3]``)."""
        return Report(tuple(_prefixed(prefix, p) for p in self.problems))

    @classmethod
    def of(cls, problems: Iterable[Problem]) -> Report:
        return cls(tuple(problems))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems) or "no problems"


def _prefixed(prefix: str, problem: Problem) -> Problem:
    if not prefix:
        return problem
    if not problem.path:
        path = prefix
    elif problem.path.startswith("["):
        path = prefix + problem.path
    else:
        path = f"{prefix}.{problem.path}"
    return Problem(path, problem.message, problem.severity)
