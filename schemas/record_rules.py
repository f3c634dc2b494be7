"""Record-level rules: checks that look across fields or list entries.

Lives here: duplicate numbers and ids (``unique``), Any Other Business at a special
meeting (``special_business``), substitutes for members who are not away
(``substitutes``), resolutions without wording (``needs_text``), an exempt item without
the title public documents print for it (``needs_public_title``), and the helpers that
report a problem at a path deeper than the field being checked. These are mixed into
:class:`schemas.validator.MinutebookValidator`; they are declared in the schema files
like any other rule. Nothing here reads files or imports ``workflow``.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from cerberus import errors

from schemas.report import Problem

__all__ = ["RecordRules", "entry_path", "format_path"]

_MEMBER_ROLES = frozenset({"member", "chair", "vice-chair", "presiding", "co-opted"})
_PRESENT = frozenset({"present", "present-remotely"})
_WARNING_CODE = 0x0F


def format_path(path: Sequence[Hashable]) -> str:
    """``('items', 3, 'title')`` as ``items[3].title``."""
    out = ""
    for crumb in path:
        if isinstance(crumb, int) and not isinstance(crumb, bool):
            out += f"[{crumb}]"
        else:
            out += f".{crumb}" if out else str(crumb)
    return out


class RecordRules:
    """Cerberus rules (``_validate_<rule>``) that look at more than one value."""

    document: Any
    document_path: tuple[Hashable, ...]
    schema_path: tuple[Hashable, ...]

    if TYPE_CHECKING:

        def _error(self, *args: Any) -> None: ...

    def problem(
        self, crumbs: tuple[Hashable, ...], message: str, *, warning: bool = False
    ) -> None:
        """Report ``message`` at this level's path followed by ``crumbs``."""
        code = _WARNING_CODE if warning else errors.CUSTOM.code
        error = errors.ValidationError(
            self.document_path + crumbs, self.schema_path, code, None, None, None, (message,)
        )
        self._error([error])

    def _validate_unique(self, labels: Mapping[str, str], field: Hashable, value: Any) -> None:
        """{'type': 'dict', 'valuesrules': {'type': 'string'}}"""
        if not isinstance(value, list):
            return
        for key, label in labels.items():
            seen: dict[str, int] = {}
            last: tuple[int, int] | None = None
            for index, entry in enumerate(value):
                if not isinstance(entry, Mapping) or entry.get(key) in (None, ""):
                    continue
                number = str(entry[key])
                if number in seen:
                    other = format_path((*self.document_path, field, seen[number]))
                    self.problem((field, index, key), f"{number} is also the {label} of {other}")
                    continue
                seen[number] = index
                if label == "number" and number.isdigit():
                    if last is not None and int(number) < last[0]:
                        other = format_path((*self.document_path, field, last[1]))
                        self.problem(
                            (field, index, key),
                            f"{number} comes after {last[0]} ({other}); the numbers are out of "
                            "order — renumber before publishing",
                            warning=True,
                        )
                    last = (int(number), index)

    def _validate_special_business(self, constraint: bool, field: Hashable, value: Any) -> None:
        """{'type': 'boolean'}"""
        if not constraint or self.document.get("kind") != "special" or not isinstance(value, list):
            return
        for index, entry in enumerate(value):
            if isinstance(entry, Mapping) and entry.get("kind") == "any-other-business":
                self.problem(
                    (field, index, "kind"),
                    "Any Other Business cannot be taken at a special meeting",
                )

    def _validate_substitutes(self, constraint: bool, field: Hashable, value: Any) -> None:
        """{'type': 'boolean'}"""
        if not constraint or not isinstance(value, list):
            return
        members: dict[str, str] = {}
        for entry in value:
            role = entry.get("role", "member") if isinstance(entry, Mapping) else None
            if isinstance(role, str) and role in _MEMBER_ROLES:
                state = str(entry.get("state", "not-recorded"))
                for key in ("person", "name"):
                    if entry.get(key):
                        members.setdefault(str(entry[key]), state)
        for index, entry in enumerate(value):
            if not isinstance(entry, Mapping) or not entry.get("substitute_for"):
                continue
            name = str(entry["substitute_for"])
            where = (field, index, "substitute_for")
            if name not in members:
                self.problem(where, f"{name} is not listed as a member of this meeting")
            elif members[name] in _PRESENT:
                message = f"{name} is recorded as present, so no one can substitute for them"
                self.problem(where, message)

    def _validate_needs_text(self, constraint: bool, field: Hashable, value: Any) -> None:
        """{'type': 'boolean'}"""
        if not constraint or not isinstance(value, Mapping):
            return
        text = value.get("text", "")
        if isinstance(text, str) and not text.strip() and not value.get("children"):
            self.problem((field, "text"), "is empty: a resolution needs its wording")


    def _validate_needs_public_title(self, constraint: bool, field: Hashable, value: Any) -> None:
        """{'type': 'boolean'}"""
        if not constraint or not isinstance(value, Mapping):
            return
        public_title = self.document.get("public_title")
        if isinstance(public_title, str) and public_title.strip():
            return
        number = self.document.get("agenda_number") or self.document.get("minute_number")
        title = self.document.get("title")
        named = f"item {number}" if number else "this item"
        if isinstance(title, str) and title.strip():
            named += f" '{title.strip()}'"
        self.problem(
            ("public_title",),
            f"is required: {named} is private business, so public documents need a title "
            "to print in place of its own",
        )


def path_key(path: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key putting ``items[2]`` before ``items[10]`` (document order)."""
    out: list[tuple[int, int | str]] = []
    for part in path.replace("[", ".[").split("."):
        if part.startswith("[") and part.endswith("]") and part[1:-1].isdigit():
            out.append((0, int(part[1:-1])))
        elif part:
            out.append((1, part))
    return tuple(out)


def entry_path(parent: tuple[Any, ...], problem: Problem) -> Problem:
    """A problem of a list entry, with the entry's own path put in front."""
    prefix = format_path(parent)
    path = problem.path
    if not path:
        joined = prefix
    elif path.startswith("["):
        joined = prefix + path
    else:
        joined = f"{prefix}.{path}"
    return Problem(joined, problem.message, problem.severity)
