"""The clerk's settings: council, identity, deadline rules, numbering, house style.

Read from TOML at ``--config`` / ``MINUTEBOOK_CONFIG`` / the user's config directory
(platformdirs), then overridden by ``MINUTEBOOK_<FIELD>`` environment variables. The file
is validated by ``schemas/settings.yaml``; an unknown key names the file and the nearest
known key. A missing file gives the defaults. :func:`store_identity` writes the clerk's
name and e-mail into the file (asked on first run), leaving the rest of it as it was.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from archive.locking import atomic_write
from schemas import validate
from workflow.errors import FieldError, InvalidRecord, MinutebookError

__all__ = ["Settings", "config_path", "load_settings", "store_identity"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """What a council and its clerk configure; ``Settings()`` gives the defaults."""

    council: str = "Example Borough Council"
    clerk_name: str = ""
    clerk_email: str = ""
    clerk_phone: str = ""
    holiday_country: str = "GB"
    holiday_subdivision: str = "ENG"
    clear_days: int = 5
    """Clear working days an agenda must be published before the meeting."""
    municipal_year_start: str = "05-01"
    """MM-DD of the annual meeting; minute numbers restart there."""
    minute_ref_format: str = "{number}/{yy}"
    """How minutes are cited: ``{number}/{yy}`` gives "14/17"."""
    exempt_paragraphs: str = "england"
    """``england`` (Schedule 12A paragraphs 1-7) or ``wales`` (12-18)."""
    call_in_days: int = 5
    publish_draft_minutes: bool = False
    house_style: str = ""
    """Path of a .docx whose styles documents use; empty for the built-in house style."""
    language: str = "en-GB"

    @property
    def exempt_paragraph_numbers(self) -> frozenset[int]:
        if self.exempt_paragraphs == "wales":
            return frozenset(range(12, 19))
        return frozenset(range(1, 8))


_INT_FIELDS = {"clear_days", "call_in_days"}
_BOOL_FIELDS = {"publish_draft_minutes"}


def config_path() -> Path:
    env = os.environ.get("MINUTEBOOK_CONFIG")
    if env:
        return Path(env)
    return platformdirs.user_config_path("minutebook", appauthor=False) / "config.toml"


def _from_env() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in dataclasses.fields(Settings):
        raw = os.environ.get(f"MINUTEBOOK_{f.name.upper()}")
        if raw is None:
            continue
        if f.name in _INT_FIELDS:
            try:
                out[f.name] = int(raw)
            except ValueError:
                raise MinutebookError(
                    f"The environment variable MINUTEBOOK_{f.name.upper()} should be a whole "
                    f"number, not '{raw}'."
                ) from None
        elif f.name in _BOOL_FIELDS:
            out[f.name] = raw.strip().lower() in {"1", "true", "yes", "on"}
        else:
            out[f.name] = raw
    return out


_LONG_NUMBER = re.compile(r"^\s*([\w.\"-]+)\s*=\s*[-+]?[0-9_]{4000,}", re.MULTILINE)


def _too_long_number(path: Path) -> str:
    """The sentence for a number Python will not read (more than 4,300 digits)."""
    found = _LONG_NUMBER.search(path.read_text(encoding="utf-8", errors="replace"))
    field = f" {found.group(1).strip(chr(34))}" if found else ""
    return (
        f"The settings file {path} cannot be read: the field{field} holds a number of "
        "thousands of digits, far more than any setting takes."
    )


def load_settings(path: Path | None = None) -> Settings:
    """Settings from the TOML file (if any) and the environment, validated."""
    path = path or config_path()
    data: dict[str, Any] = {}
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise MinutebookError(f"The settings file {path} cannot be read: {exc}.") from None
        except ValueError:
            raise MinutebookError(_too_long_number(path)) from None
        except OSError as exc:
            raise MinutebookError(
                f"The settings file {path} cannot be opened: {exc.strerror}."
            ) from None
    data.update(_from_env())
    if not data:
        return Settings()
    report = validate("settings", data)
    if not report.ok:
        raise InvalidRecord(
            f"The settings ({path})",
            [FieldError(p.path, p.message, p.severity) for p in report.problems],
        )
    return Settings(**data)


_TABLE = re.compile(r"^\s*\[", re.MULTILINE)


def store_identity(name: str, email: str, path: Path | None = None) -> Settings:
    """Write the clerk's name and e-mail into the settings file (created if missing),
    keeping every other line; the settings as read back. Refused, writing nothing, when
    the name is empty or the e-mail is not an address."""
    name, email = name.strip(), email.strip()
    path = path or config_path()
    if not name:
        raise MinutebookError("Your name cannot be empty: it is recorded with every version you save.")
    if "\n" in name or "\n" in email:
        raise MinutebookError("Your name and e-mail must each be on one line.")
    report = validate("settings", {"clerk_name": name, "clerk_email": email})
    if not report.ok:
        raise MinutebookError(f"The e-mail {report.problems[0].message}.")
    try:
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise MinutebookError(f"The settings file {path} cannot be read: {exc}.") from None
    for key, value in (("clerk_name", name), ("clerk_email", email)):
        text = _set_top_level(text, key, value)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, text.encode("utf-8"))
    except OSError as exc:
        raise MinutebookError(f"The settings file {path} cannot be written: {exc.strerror}.") from None
    return load_settings(path)


def _set_top_level(text: str, key: str, value: str) -> str:
    """``key = "value"`` among the file's top-level keys (before any [table])."""
    line = f"{key} = {json.dumps(value, ensure_ascii=False)}"
    table = _TABLE.search(text)
    head, rest = (text[: table.start()], text[table.start():]) if table else (text, "")
    found = re.compile(rf"^\s*{key}\s*=.*$", re.MULTILINE)
    if found.search(head):
        head = found.sub(lambda _: line, head, count=1)
    else:
        head = (head if not head or head.endswith("\n") else head + "\n") + line + "\n"
    return head + rest
