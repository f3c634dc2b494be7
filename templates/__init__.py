"""The meeting templates and the house-style Word file, shipped as package data.

Lives here: only the locations of the data files (``<slug>.yaml`` templates and
``house-style.docx``). Must not live here: reading, validating or interpreting them
(``workflow.drafting.meeting_templates`` does that); this package imports nothing from the project.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["house_style_path", "template_path", "template_slugs"]


def _folder() -> Path:
    return Path(str(files(__name__)))


def template_path(slug: str) -> Path:
    """Where the template ``slug`` lives (the file may not exist)."""
    return _folder() / f"{slug}.yaml"


def template_slugs() -> list[str]:
    """The slugs of the shipped templates, sorted."""
    return sorted(path.stem for path in _folder().glob("*.yaml"))


def house_style_path() -> Path:
    """The built-in Word file whose styles documents are rendered in."""
    return _folder() / "house-style.docx"
