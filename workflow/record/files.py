"""Records as files: meeting, committee and register <-> archive paths and bytes.

Reading a record is always parse -> validate -> decode, so a bad file gives field-level
messages rather than a crash; writing is encode -> validate, so nothing invalid is saved.
Public readers call :func:`parse_meeting` without the exempt file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from schemas import ValidationContext, minute_ref_pattern, validate
from workflow.errors import FieldError, InvalidRecord
from workflow.record import codec
from workflow.record.model import Committee, Meeting, Person
from workflow.settings import Settings

__all__ = [
    "EXEMPT_FILE",
    "MEETING_FILE",
    "REGISTER_PATH",
    "check",
    "committee_path",
    "context_for",
    "meeting_files",
    "meeting_folder",
    "meeting_ids_in",
    "parse_committee",
    "parse_meeting",
    "parse_people",
    "people_file",
    "problems",
]

MEETING_FILE = "meeting.yaml"
EXEMPT_FILE = "meeting.exempt.yaml"
REGISTER_PATH = "people/register.yaml"


def meeting_ids_in(paths: Iterable[str]) -> list[str]:
    """Meeting ids from the archive's file names under ``meetings/``."""
    suffix = "/" + MEETING_FILE
    return sorted(f[len("meetings/") : -len(suffix)] for f in paths if f.endswith(suffix))


def meeting_folder(meeting_id: str) -> str:
    return f"meetings/{meeting_id}"


def committee_path(slug: str) -> str:
    return f"committees/{slug}.yaml"


def context_for(settings: Settings, people: Mapping[str, Person] | None) -> ValidationContext:
    return ValidationContext(
        people=frozenset(people) if people is not None else None,
        exempt_paragraphs=settings.exempt_paragraph_numbers,
        minute_ref_pattern=minute_ref_pattern(settings.minute_ref_format),
    )


def problems(kind: str, data: Mapping[str, Any], context: ValidationContext) -> list[FieldError]:
    report = validate(kind, data, context=context)
    return [FieldError(p.path, p.message, p.severity) for p in report.problems]


def _raise_if_errors(where: str, found: Sequence[FieldError]) -> None:
    if any(p.severity == "error" for p in found):
        raise InvalidRecord(where, found)


def parse_meeting(
    public: bytes | str,
    exempt: bytes | str | None,
    *,
    where: str,
    context: ValidationContext | None,
) -> Meeting:
    """Parse, validate and decode a meeting; raise InvalidRecord naming each field.

    With no ``context`` the schema is not applied: only for records read back from the
    archive, which every save validated; decoding still checks every field's type.
    """
    data = codec.load_yaml(public, where=where)
    if exempt:
        data = codec.merge_exempt(data, codec.load_yaml(exempt, where=f"{where} (exempt part)"))
    if context is not None:
        _raise_if_errors(where, problems("meeting", data, context))
    return codec.decode(Meeting, data, where=where)


def check(meeting: Meeting, context: ValidationContext) -> list[FieldError]:
    """All schema problems (errors and warnings) of a meeting record."""
    return problems("meeting", codec.encode(meeting), context)


def meeting_files(meeting: Meeting, context: ValidationContext) -> dict[str, bytes | None]:
    """The files of a meeting to save, after validation; the exempt file is removed if empty."""
    if meeting.is_redacted:
        raise InvalidRecord(
            meeting.id,
            [FieldError("items", "is a public view with exempt content taken out; it cannot be saved")],
        )
    _raise_if_errors(meeting.id, check(meeting, context))
    public, exempt = codec.encode_meeting(meeting)
    folder = meeting_folder(meeting.id)
    return {
        f"{folder}/{MEETING_FILE}": public.encode("utf-8"),
        f"{folder}/{EXEMPT_FILE}": exempt.encode("utf-8") if exempt is not None else None,
    }


def parse_committee(text: bytes | str, *, where: str, context: ValidationContext | None) -> Committee:
    data = codec.load_yaml(text, where=where)
    if context is not None:
        _raise_if_errors(where, problems("committee", data, context))
    return codec.decode(Committee, data, where=where)


def parse_people(
    text: bytes | str, *, where: str = REGISTER_PATH, trusted: bool = False
) -> dict[str, Person]:
    data = codec.load_yaml(text, where=where)
    if not trusted:
        _raise_if_errors(where, problems("people", data, ValidationContext()))
    people = codec.decode_list(Person, data.get("people") or [], where=where, field="people")
    return {p.id: p for p in people}


def people_file(people: Mapping[str, Person]) -> bytes:
    ordered = sorted(people.values(), key=lambda p: p.id)
    data = {"people": [codec.encode(p) for p in ordered]}
    _raise_if_errors(REGISTER_PATH, problems("people", data, ValidationContext()))
    return codec.dump_yaml(data).encode("utf-8")
