"""The clerk's settings: council, identity, deadline rules, numbering, house style.

Read from TOML at ``--config`` / ``MINUTEBOOK_CONFIG`` / the user's config directory
(platformdirs), then overridden by ``MINUTEBOOK_<FIELD>`` environment variables. The file
is validated by ``schemas/settings.yaml``; an unknown key names the file and the nearest
known key. A missing file gives the defaults.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from schemas import validate
from workflow.errors import FieldError, InvalidRecord, MinutebookError

__all__ = ["Settings", "config_path", "load_settings"]


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
