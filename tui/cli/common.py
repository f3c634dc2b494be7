"""What the command groups share: the archive they open, JSON output, reading input.

Lives here: :func:`open_workspace` (the archive the clerk named, or the default one),
:func:`emit_json`, :func:`read_input`, :func:`ask_identity` (the clerk's name and e-mail,
asked at a terminal and kept in the settings) and :data:`Add`, the way a group adds its
commands to the parser. Must not live here: any command.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import archive as store
from workflow.errors import MinutebookError
from workflow.services import archives
from workflow.services.workspace import Workspace
from workflow.settings import config_path, store_identity

__all__ = [
    "JSON_FORMAT",
    "Add",
    "Handler",
    "ask_identity",
    "emit_json",
    "interactive",
    "open_workspace",
    "read_input",
]

JSON_FORMAT = 1
"""Version of every ``--json`` output; bumped only when a field changes meaning."""

Handler = Callable[[argparse.Namespace], int]
Add = Callable[[str, Handler, str], argparse.ArgumentParser]
"""Adds a command (name, handler, help) to the parser; returns its parser for options."""


def open_workspace() -> Workspace:
    """The archive the clerk named, or the default one.

    A named archive (``--archive`` / ``MINUTEBOOK_ARCHIVE``) that does not exist is
    refused, since it is almost always a typing mistake; the default archive is created,
    with the sample meetings, the first time it is used.
    """
    path = store.default_archive_path()
    if not path.exists():
        if os.environ.get("MINUTEBOOK_ARCHIVE"):
            raise MinutebookError(
                f"There is no archive at {path}; create one with `minutebook init` "
                "(or `minutebook init --sample` for a demo)."
            )
        archives.init_archive(path, sample=True)
        print(f"Created your archive with sample meetings at {path}", file=sys.stderr)
    return Workspace.open(path, create=False)


def emit_json(payload: dict[str, Any]) -> None:
    """Print ``payload`` as JSON with the output's format number."""
    json.dump({"format": JSON_FORMAT, **payload}, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def read_input(path: str) -> bytes:
    """The bytes of a file named on the command line (``-`` is standard input)."""
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise MinutebookError(f"The file {path} does not exist.") from None
    except IsADirectoryError:
        raise MinutebookError(f"{path} is a folder, not a file.") from None
    except OSError as exc:
        raise MinutebookError(f"The file {path} cannot be read: {exc.strerror}.") from None


def interactive() -> bool:
    """True when the clerk is at a terminal that can answer a question."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def ask_identity() -> None:
    """Ask the clerk's name and e-mail at the terminal and keep them in the settings."""
    print("minutebook records who saves each version. Your name and e-mail are kept in "
          f"{config_path()}.", file=sys.stderr)
    while True:
        try:
            name = input("Your name (as the minutes should show it): ")
            email = input("Your e-mail: ")
        except EOFError:
            raise MinutebookError("No name was given; nothing was saved.") from None
        try:
            store_identity(name, email)
            return
        except MinutebookError as exc:
            print(f"minutebook: {exc.message}", file=sys.stderr)
