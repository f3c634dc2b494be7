"""The errors minutebook reports to a clerk.

Every failure the clerk can cause or meet is a :class:`MinutebookError`: one sentence
(``message``) in words a clerk understands, a short ``title`` for dialogs, and an exit
code for the command line. Tracebacks are for bugs, never for bad input::

    MinutebookError                 exit 1
    ├── InvalidRecord               the record breaks the schema (carries FieldErrors)
    ├── YamlError                   the file is not readable YAML / breaks a YAML rule
    ├── NotFound                    unknown meeting, committee, template, person, revision
    ├── Refused                     the lifecycle does not allow this step now
    ├── OutputError                 a document cannot be written where asked
    └── UsageError                  exit 2: the command was used wrongly

Errors raised by ``archive`` (which imports nothing from here) are translated by
:mod:`workflow.services.workspace` into this tree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "FieldError",
    "InvalidRecord",
    "MinutebookError",
    "NotFound",
    "OutputError",
    "Refused",
    "UsageError",
    "YamlError",
]


@dataclass(frozen=True, slots=True)
class FieldError:
    """One problem with one field: ``items[3].resolutions[1].text``: what is wrong."""

    path: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = self.path or "record"
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{prefix}{where}: {self.message}"


class MinutebookError(Exception):
    """A failure explained in one sentence."""

    title = "Cannot do that"
    exit_code = 1

    def __init__(self, message: str, *, title: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if title is not None:
            self.title = title

    def __str__(self) -> str:
        return self.message


class InvalidRecord(MinutebookError):
    """A record that breaks its schema; ``errors`` names each field."""

    title = "The record is not valid"

    def __init__(self, where: str, errors: Sequence[FieldError]) -> None:
        self.where = where
        self.errors = tuple(errors)
        count = sum(1 for e in self.errors if e.severity == "error")
        first = next((e for e in self.errors if e.severity == "error"), None)
        noun = "problem" if count == 1 else "problems"
        summary = f"{where} has {count} {noun}"
        if first is not None:
            summary += f"; first: {first}"
        super().__init__(summary)


class YamlError(MinutebookError):
    title = "The file cannot be read"


class NotFound(MinutebookError):
    title = "Not found"


class Refused(MinutebookError):
    title = "Not allowed now"


class OutputError(MinutebookError):
    title = "Cannot write the document"


class UsageError(MinutebookError):
    title = "Wrong usage"
    exit_code = 2
