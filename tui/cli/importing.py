"""The ``import`` command: published minutes or agendas brought into the archive."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli.common import Add, emit_json, open_workspace
from workflow.services.importing import import_files
from workflow.text.dates import optional_date

__all__ = ["register"]


def register(add: Add) -> None:
    p = add("import", cmd_import, "bring published minutes or agendas into the archive")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--committee", metavar="SLUG", help="the committee, when the text does not say")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the meeting date, when the text does not say")
    p.add_argument("--dry-run", action="store_true", help="show what would come in; save nothing")
    p.add_argument("--replace", action="store_true",
                   help="save over a meeting already in the archive as a new version")
    p.add_argument("--json", action="store_true")


def cmd_import(args: argparse.Namespace) -> int:
    date = optional_date(args.date, "--date")
    with open_workspace() as workspace:
        outcome = import_files(
            workspace, [Path(f) for f in args.files], committee=args.committee, date=date,
            dry_run=args.dry_run, replace=args.replace, progress=not args.json and sys.stderr.isatty(),
        )
    if args.json:
        emit_json({"imported": [row.as_json() for row in outcome.rows], "dry_run": args.dry_run})
    else:
        print(outcome.table())
        for row in outcome.rows:
            for line in row.not_understood:
                print(f"  {row.file}:{line.number}: not understood: {line.text}")
            for warning in row.warnings:
                print(f"  {row.file}: warning: {warning}")
    return 0 if all(row.ok for row in outcome.rows) else 1
