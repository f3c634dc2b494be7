"""Bytecode for the project's packages, as an installed copy has it after its first run.

A process benchmark measures what a clerk waits for. With ``PYTHONDONTWRITEBYTECODE`` set
(or a checkout edited since its last run) every start would compile the changed modules
again, which a clerk's copy does once.
"""

from __future__ import annotations

import compileall
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("archive", "schemas", "templates", "tui", "workflow")

__all__ = ["ensure_bytecode"]


def ensure_bytecode() -> None:
    """Write any missing or stale ``__pycache__`` files of the project's packages."""
    for package in PACKAGES:
        compileall.compile_dir(ROOT / package, quiet=1)
