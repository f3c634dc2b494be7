"""The ``templates`` command: the meeting templates, listed or shown."""

from __future__ import annotations

import argparse
import sys

from tui.cli.common import Add, emit_json
from workflow.drafting import meeting_templates
from workflow.errors import UsageError
from workflow.record import codec

__all__ = ["register"]


def register(add: Add) -> None:
    p = add("templates", cmd_templates, "meeting templates: list, or show one")
    p.add_argument("action", choices=["list", "show"])
    p.add_argument("name", nargs="?")
    p.add_argument("--json", action="store_true")


def cmd_templates(args: argparse.Namespace) -> int:
    if args.action == "list":
        found = meeting_templates.list_templates()
        if args.json:
            emit_json({"templates": [{"slug": t.slug, "name": t.name} for t in found]})
        else:
            for t in found:
                print(f"{t.slug:28} {t.name}")
        return 0
    if not args.name:
        raise UsageError("Say which template to show: minutebook templates show NAME.")
    template = meeting_templates.load_template(args.name)
    if args.json:
        emit_json({"template": codec.encode(template)})
    else:
        sys.stdout.write(codec.dump_yaml(codec.encode(template)))
    return 0
