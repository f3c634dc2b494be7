"""The one Cerberus validator minutebook uses, and the clerk's wording of its errors.

Lives here: :class:`MinutebookValidator` (the field rules: ``time``, ``date``,
``minute_ref``, ``email``, ``xml_safe``, ``slug``, ``meeting_id``, ``exempt_paragraph``,
``person_ref``, ``not_before``, ``form``, ``month_day``, ``ref_format``, ``placeholders``,
``block``, ``each``; the record rules come from :mod:`schemas.record_rules`), the ``text`` and ``whole``
types, :class:`ClerkErrorHandler` and :func:`collect`, which flattens Cerberus's error tree
into :class:`~schemas.report.Problem` objects with ``items[3].title`` paths.

Must not live here: reading schema files (:mod:`schemas.loading`), caching validators
(:mod:`schemas`), anything from ``workflow``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import string
from collections.abc import Hashable, Iterable, Iterator, Mapping
from typing import Any

import cerberus
from cerberus import errors
from cerberus.validator import TypeDefinition

from schemas.record_rules import RecordRules, entry_path, format_path
from schemas.report import DEFAULT_MINUTE_REF_PATTERN, Problem, ValidationContext

__all__ = ["BLOCK", "WARNING", "ClerkErrorHandler", "MinutebookValidator", "collect"]

WARNING = errors.ErrorDefinition(0x0F, None)
"""A problem the clerk should look at that does not stop publication."""
BLOCK = errors.ErrorDefinition(0x8E, "block")
"""The group of errors inside one body block (paragraph, bullet list, withheld text)."""

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_MEETING_ID = re.compile(r"([a-z0-9]+(?:-[a-z0-9]+)*)/(\d{4}-\d{2}-\d{2})(?:-([2-9]|[1-9]\d))?")
_REF_PLACEHOLDERS = ("number", "yy", "yyyy", "prefix")
_DEFAULT_CONTEXT = ValidationContext()
_PARAGRAPH = "Schedule 12A paragraph"


MAX_TEXT = 100_000
"""The longest text one field may hold: far beyond any paragraph of minutes."""


class MinutebookValidator(RecordRules, cerberus.Validator):  # type: ignore[misc]
    """Cerberus with minutebook's rules; the context comes in the ``context`` setting."""

    types_mapping = {
        **cerberus.Validator.types_mapping,
        "text": TypeDefinition("text", (str, int), (bool,)),
        "whole": TypeDefinition("whole", (int,), (bool,)),
    }

    @property
    def context(self) -> ValidationContext:
        context = self._config.get("context")
        return context if isinstance(context, ValidationContext) else _DEFAULT_CONTEXT

    def _error(self, *args: Any) -> None:
        if len(args) == 2 and args[1] == errors.UNKNOWN_FIELD:
            known = [k for k in self.schema or () if isinstance(k, str)]
            guess = difflib.get_close_matches(str(args[0]), known, n=1, cutoff=0.6)
            args = (str(args[0]), errors.UNKNOWN_FIELD, guess[0] if guess else "")
        super()._error(*args)

    def _validate_nullable(self, nullable: bool, field: Hashable, value: Any) -> None:
        """{'type': 'boolean'}"""
        super()._validate_nullable(nullable, field, value)
        if value is None:
            self._drop_remaining_rules()

    # ------------------------------------------------------------------ text rules

    def _validate_xml_safe(self, constraint: bool, field: Hashable, value: Any) -> None:
        """{'type': 'boolean'}"""
        if constraint and isinstance(value, str):
            if len(value) > MAX_TEXT:
                self._error(
                    field,
                    f"is {len(value):,} characters long; one field holds at most "
                    f"{MAX_TEXT:,} (was a whole file pasted in?)",
                )
                return
            found = _UNSAFE.search(value)
            if found:
                code = f"U+{ord(found.group()):04X}"
                self._error(field, f"contains a control character ({code}) that Word cannot hold")

    def _validate_date(self, constraint: bool, field: Hashable, value: Any) -> None:
        """{'type': 'boolean'}"""
        text = str(value)
        if not constraint:
            return
        if not text:
            self._error(field, "is empty; write the date as YYYY-MM-DD or remove the line")
        elif not _DATE.fullmatch(text):
            self._error(field, f"{text} is not a date (write it as YYYY-MM-DD)")
        elif _real_date(text) is None:
            self._error(field, f"{text} is not a real date")

    def _validate_time(self, constraint: bool, field: Hashable, value: Any) -> None:
        """{'type': 'boolean'}"""
        text = str(value)
        if constraint and not _TIME.fullmatch(text):
            shown = text or "an empty value"
            self._error(field, f"{shown} is not a time of day (write it as HH:MM, 24-hour)")

    def _validate_minute_ref(self, constraint: bool, field: Hashable, value: Any) -> None:
        """{'type': 'boolean'}"""
        text = str(value)
        if not constraint or not text:
            return
        pattern = self.context.minute_ref_pattern
        if re.fullmatch(pattern or DEFAULT_MINUTE_REF_PATTERN, text):
            return
        if pattern:
            self._error(field, f"{text} is not a minute reference in this council's format")
        else:
            self._error(field, f"{text} is not a minute reference like 14/17 or PLA146/14")

    def _validate_email(self, constraint: bool, field: Hashable, value: Any) -> None:
        """{'type': 'boolean'}"""
        text = str(value)
        if constraint and text and not _EMAIL.fullmatch(text):
            self._error(field, f"{text} is not an e-mail address")

    def _validate_slug(self, constraint: bool, field: Hashable, value: Any) -> None:
        """{'type': 'boolean'}"""
        text = str(value)
        if constraint and text and not _SLUG.fullmatch(text):
            self._error(
                field,
                f"'{text}' is not a short name: use lower-case letters, digits and hyphens "
                "(like scrutiny-board)",
            )

    def _validate_meeting_id(self, constraint: bool, field: Hashable, value: Any) -> None:
        """{'type': 'boolean'}"""
        text = str(value)
        if not constraint or not text:
            return
        found = _MEETING_ID.fullmatch(text)
        if not found:
            self._error(field, f"{text} is not a meeting id like scrutiny-board/2026-01-14")
        elif _real_date(found.group(2)) is None:
            self._error(field, f"{text} names {found.group(2)}, which is not a real date")

    def _validate_form(self, constraint: Mapping[str, str], field: Hashable, value: Any) -> None:
        """{'type': 'dict', 'schema': {'pattern': {'type': 'string', 'required': True},
        'example': {'type': 'string', 'required': True}}}"""
        text = str(value)
        if not re.fullmatch(constraint["pattern"], text):
            example = constraint["example"]
            self._error(field, f"'{text}' is not in the expected form (for example {example})")

    def _validate_month_day(self, constraint: bool, field: Hashable, value: Any) -> None:
        """{'type': 'boolean'}"""
        text = str(value)
        real = re.fullmatch(r"\d{2}-\d{2}", text) and _real_date(f"2001-{text}")
        if constraint and not real:
            self._error(field, f"'{text}' is not a month and day every year has (like 05-01)")

    def _validate_ref_format(self, constraint: bool, field: Hashable, value: Any) -> None:
        """{'type': 'boolean'}"""
        names = _placeholder_names(str(value))
        if not constraint:
            return
        if names is None:
            self._error(field, "has a { or } without its partner")
            return
        unknown = [n for n in names if n not in _REF_PLACEHOLDERS]
        if unknown:
            allowed = ", ".join("{" + n + "}" for n in _REF_PLACEHOLDERS)
            self._error(field, f"uses {{{unknown[0]}}}, which is not one of: {allowed}")
        elif "number" not in names:
            self._error(field, "must contain {number}")

    def _validate_placeholders(self, allowed: list[str], field: Hashable, value: Any) -> None:
        """{'type': 'list', 'schema': {'type': 'string'}}"""
        names = _placeholder_names(str(value))
        if names is None:
            self._error(field, "has a { or } without its partner (write {{ or }} for a brace)")
            return
        for name in names:
            if name not in allowed:
                shown = ", ".join("{" + n + "}" for n in allowed)
                self._error(field, f"uses {{{name}}}, which is not one of: {shown}")
                return

    # ------------------------------------------------------------ reference rules

    def _validate_person_ref(self, constraint: str, field: Hashable, value: Any) -> None:
        """{'type': 'string', 'allowed': ['id', 'id-or-name']}"""
        people = self.context.people
        text = str(value)
        if people is None or not text or text in people:
            return
        if constraint == "id-or-name" and not _SLUG.fullmatch(text):
            return
        self._error(field, WARNING, f"{text} is not in the register of people")

    def _validate_exempt_paragraph(self, basis_key: str, field: Hashable, value: Any) -> None:
        """{'type': 'string'}"""
        if isinstance(value, Mapping):
            holder, crumbs = value, (field,)
            basis = value.get(basis_key, "exempt")
        else:
            holder, crumbs, basis = self.document, (), value
        paragraph = holder.get("paragraph")
        where = (*crumbs, "paragraph")
        if basis == "exempt":
            if "paragraph" not in holder and str(holder.get("grounds") or "").strip():
                self.problem(where, f"is not given (the grounds recorded are: {holder['grounds']}); "
                             f"add the {_PARAGRAPH} if one applies", warning=True)
            elif "paragraph" not in holder:
                self.problem(where, f"is required: exempt business must give its {_PARAGRAPH}")
            elif isinstance(paragraph, int) and paragraph not in self.context.exempt_paragraphs:
                uses = _describe_numbers(self.context.exempt_paragraphs)
                self.problem(where, f"{paragraph} is not a {_PARAGRAPH} (this council uses {uses})")
        elif paragraph is not None and basis in ("confidential", "licensing-hearing"):
            what = "confidential information" if basis == "confidential" else "a licensing hearing"
            self.problem(where, f"{what} takes no Schedule 12A paragraph; remove it")

    def _validate_not_before(
        self, constraint: Mapping[str, str], field: Hashable, value: Any
    ) -> None:
        """{'type': 'dict', 'schema': {'field': {'type': 'string', 'required': True},
        'severity': {'type': 'string', 'allowed': ['error', 'warning']}}}"""
        other_field = constraint["field"]
        other = self.document.get(other_field)
        mine, theirs = _moment(value), _moment(other)
        if mine is None or theirs is None or type(mine) is not type(theirs):
            return
        if mine < theirs:  # type: ignore[operator]
            label = other_field.replace("_", " ")
            message = f"{value} is before the {label} ({other})"
            if constraint.get("severity") == "warning":
                self._error(field, WARNING, message)
            else:
                self._error(field, message)

    def _validate_block(self, shapes: Mapping[str, str], field: Hashable, value: Any) -> None:
        """{'type': 'dict', 'valuesrules': {'type': 'string'}}"""
        if not isinstance(value, Mapping):
            return
        marker = next((key for key in shapes if key in value), None)
        if marker is None:
            kinds = ", ".join(f"'{key}'" for key in shapes)
            self._error(field, f"should have one of these fields: {kinds}")
            return
        validator = self._get_child_validator(
            document_crumb=field,
            schema_crumb=(field, "block"),
            schema=self._resolve_schema(shapes[marker]),
            allow_unknown=False,
        )
        if not validator(value, update=self.update, normalize=False):
            self._error(field, BLOCK, validator._errors)


    def _validate_each(self, kind: str, field: Hashable, value: Any) -> None:
        """{'type': 'string'}"""
        if not isinstance(value, list):
            return
        checker = self._config.get("checker")
        found = self._config.get("found")
        if checker is None or found is None:
            return
        for index, entry in enumerate(value):
            if isinstance(entry, Mapping):
                parent = (*self.document_path, field, index)
                found.extend(entry_path(parent, p) for p in checker(kind, entry, self.context))


class ClerkErrorHandler(errors.BasicErrorHandler):  # type: ignore[misc]
    """Cerberus errors in a clerk's words."""

    messages = {
        **errors.BasicErrorHandler.messages,
        0x02: "is required",
        0x03: "is not a field minutebook knows",
        0x04: "only applies together with '{0}'",
        0x05: "only applies when {constraint}",
        0x22: "should not be empty",
        0x23: "has no value (write one, or remove the line)",
        0x25: "should be a set of fields (name: value)",
        0x27: "should have at least {constraint} entries",
        0x28: "should have at most {constraint} entries",
        0x42: "should be {constraint} or more",
        0x43: "should be {constraint} or less",
    }
    type_words = {
        "text": "should be text",
        "string": "should be text",
        "whole": "should be a whole number",
        "integer": "should be a whole number",
        "boolean": "should be true or false",
        "list": "should be a list",
        "dict": "should be a set of fields (name: value)",
    }

    def describe(self, error: errors.ValidationError) -> str:
        """One error as a clerk's sentence (without its path)."""
        code = error.code
        if code == errors.CUSTOM.code or code == WARNING.code:
            return str(error.info[0])
        if code == errors.UNKNOWN_FIELD.code:
            guess = error.info[0] if error.info else ""
            hint = f" (did you mean '{guess}'?)" if guess else ""
            return f"is not a field minutebook knows{hint}"
        if code == errors.BAD_TYPE.code:
            return self._bad_type(error)
        if code == errors.MIN_VALUE.code and error.constraint == 0:
            return f"cannot be negative ({error.value})"
        if code in (errors.UNALLOWED_VALUE.code, errors.UNALLOWED_VALUES.code):
            allowed = ", ".join(str(v) for v in error.constraint)
            shown = error.value if code == errors.UNALLOWED_VALUE.code else error.info[0]
            return f"'{shown}' is not one of: {allowed}"
        return str(self._format_message(error.field, error))

    def _bad_type(self, error: errors.ValidationError) -> str:
        constraint = error.constraint
        first = constraint if isinstance(constraint, str) else constraint[0]
        words = self.type_words.get(first, f"should be {first}")
        value = error.value
        if first == "boolean" and isinstance(value, str | int) and len(str(value)) < 20:
            return f"{words}, not '{value}'"
        return words


def collect(found: Iterable[errors.ValidationError], handler: ClerkErrorHandler) -> list[Problem]:
    """Cerberus's nested errors as flat problems with printable paths."""
    out: list[Problem] = []
    for error in _leaves(found):
        severity = "warning" if error.code == WARNING.code else "error"
        out.append(Problem(format_path(error.document_path), handler.describe(error), severity))
    return out


def _leaves(found: Iterable[errors.ValidationError]) -> Iterator[errors.ValidationError]:
    for error in found:
        if error.is_group_error:
            yield from _leaves(error.child_errors)
        else:
            yield error


def _real_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _moment(value: Any) -> dt.date | dt.time | None:
    text = str(value) if value is not None else ""
    if _DATE.fullmatch(text):
        return _real_date(text)
    found = _TIME.fullmatch(text)
    if found:
        return dt.time(int(found.group(1)), int(found.group(2)))
    return None


def _placeholder_names(text: str) -> list[str] | None:
    try:
        return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:
        return None


def _describe_numbers(numbers: frozenset[int]) -> str:
    ordered = sorted(numbers)
    if ordered and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{ordered[0]}-{ordered[-1]}"
    return ", ".join(str(n) for n in ordered) or "none"
