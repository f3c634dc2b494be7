"""Where things live inside an archive, and which paths are safe to touch.

A meeting id is ``<committee-slug>/<YYYY-MM-DD>`` (``-2``, ``-3`` ... for further meetings
on one day) and maps to the folder ``meetings/<slug>/<YYYY-MM-DD>[-N]/`` holding
``meeting.yaml``, ``meeting.exempt.yaml`` and ``documents/``. Committees live in
``committees/<slug>.yaml`` and the people register in ``people/register.yaml``.

``safe_relpath`` is the one gate every path passes before the archive reads or writes it.
This module is pure: no I/O, no imports from the rest of the project.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePath

from archive.errors import PathOutsideArchive

__all__ = [
    "COMMITTEES_DIR",
    "MEETINGS_DIR",
    "PEOPLE_REGISTER",
    "committee_file",
    "documents_dir",
    "exempt_file",
    "is_valid_meeting_id",
    "is_valid_slug",
    "meeting_dir",
    "meeting_file",
    "meeting_id_from_path",
    "safe_prefix",
    "safe_relpath",
    "unit_of_path",
]

MEETINGS_DIR = "meetings"
COMMITTEES_DIR = "committees"
PEOPLE_REGISTER = "people/register.yaml"
MEETING_FILE = "meeting.yaml"
EXEMPT_FILE = "meeting.exempt.yaml"
DOCUMENTS_DIR = "documents"

_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_SLUG_RE = re.compile(rf"\A{_SLUG}\Z")
_DAY_RE = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})(?:-([2-9]|[1-9]\d+))?\Z")
_FORBIDDEN_PARTS = {".git", ".gitmodules", "git~1"}
MAX_NAME = 200
"""The longest file or folder name (bytes) the archive takes: within every common file
system's 255, with room for the temporary name a save writes first."""


def is_valid_slug(slug: str) -> bool:
    """True for lowercase letters, digits and single hyphens between them."""
    return bool(_SLUG_RE.match(slug))


def _valid_day(day: str) -> bool:
    match = _DAY_RE.match(day)
    if not match:
        return False
    year, month, date = (int(g) for g in match.groups()[:3])
    try:
        dt.date(year, month, date)
    except ValueError:
        return False
    return True


def is_valid_meeting_id(meeting_id: str) -> bool:
    """True for ``<slug>/<YYYY-MM-DD>`` or ``<slug>/<YYYY-MM-DD>-N`` with N >= 2."""
    slug, sep, day = meeting_id.partition("/")
    return bool(sep) and is_valid_slug(slug) and _valid_day(day)


def _check_id(meeting_id: str) -> None:
    if not is_valid_meeting_id(meeting_id):
        raise PathOutsideArchive(
            f"'{meeting_id}' is not a meeting id; it should look like 'committee-name/2025-01-31'."
        )


def meeting_dir(meeting_id: str) -> str:
    """The meeting's folder, relative and in posix form: ``meetings/<slug>/<day>``."""
    _check_id(meeting_id)
    return f"{MEETINGS_DIR}/{meeting_id}"


def meeting_file(meeting_id: str) -> str:
    """The path of the public record ``meeting.yaml``."""
    return f"{meeting_dir(meeting_id)}/{MEETING_FILE}"


def exempt_file(meeting_id: str) -> str:
    """The path of the exempt record ``meeting.exempt.yaml``."""
    return f"{meeting_dir(meeting_id)}/{EXEMPT_FILE}"


def documents_dir(meeting_id: str) -> str:
    """The folder holding the issued Word documents of the meeting."""
    return f"{meeting_dir(meeting_id)}/{DOCUMENTS_DIR}"


def committee_file(slug: str) -> str:
    """The path of a committee's record ``committees/<slug>.yaml``."""
    if not is_valid_slug(slug):
        raise PathOutsideArchive(
            f"'{slug}' is not a committee name; use lowercase letters, digits and hyphens."
        )
    return f"{COMMITTEES_DIR}/{slug}.yaml"


def meeting_id_from_path(path: str | PurePath) -> str | None:
    """The meeting id a path belongs to (``meetings/<slug>/<day>/...``), else None."""
    parts = PurePath(path).as_posix().strip("/").split("/")
    if len(parts) < 3 or parts[0] != MEETINGS_DIR:
        return None
    meeting_id = f"{parts[1]}/{parts[2]}"
    return meeting_id if is_valid_meeting_id(meeting_id) else None


def unit_of_path(path: str) -> str:
    """The unit two clerks can collide on: the meeting id, or the path itself."""
    return meeting_id_from_path(path) or path


def _reject(path: object, why: str) -> PathOutsideArchive:
    return PathOutsideArchive(f"The path '{path!s}' cannot be used in the archive: {why}.")


def safe_relpath(path: str | PurePath) -> str:
    """Check a path to a file inside the archive and return it in posix form.

    Refuses empty, absolute and drive paths, backslashes, control characters, ``.`` and
    ``..`` components, empty components, names longer than ``MAX_NAME`` bytes, and any
    ``.git`` component, raising ``PathOutsideArchive``.
    """
    text = path.as_posix() if isinstance(path, PurePath) else path
    if not isinstance(text, str) or not text:
        raise _reject(path, "it is empty")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in text):
        raise _reject(repr(text), "it contains control characters")
    if "\\" in text:
        raise _reject(text, "it contains a backslash")
    if text.startswith("/") or (len(text) > 1 and text[1] == ":"):
        raise _reject(text, "it is absolute")
    if ":" in text:
        raise _reject(text, "it contains a colon")
    for part in text.split("/"):
        if part in ("", ".", ".."):
            raise _reject(text, "it has an empty, '.' or '..' part")
        if part.rstrip(". ").casefold() in _FORBIDDEN_PARTS:
            raise _reject(text, "it points into git's own files")
        if part != part.rstrip(". "):
            raise _reject(text, "a part ends with a dot or space")
        if len(part.encode("utf-8")) > MAX_NAME:
            raise _reject(text, f"a name in it is longer than {MAX_NAME} characters")
    return text


def safe_prefix(prefix: str | PurePath) -> str:
    """Like ``safe_relpath`` for a folder prefix; ``""`` means the whole archive."""
    text = prefix.as_posix() if isinstance(prefix, PurePath) else prefix
    if text in ("", ".", "/"):
        return ""
    return safe_relpath(text.rstrip("/"))
