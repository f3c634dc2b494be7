"""The ``import`` command: published minutes or agendas brought into the archive."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from tui.cli.common import Add, emit_json, open_workspace
from workflow.services.importing import import_files
from workflow.text.dates import optional_date

__all__ = ["register"]


def register(add: Add) -> None:
    p = add("import", cmd_import, "bring published minutes or agendas (text, Markdown, HTML, Word, PDF) "
                                  "into the archive")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--committee", metavar="SLUG", help="the committee, when the text does not say")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the meeting date, when the text does not say")
    p.add_argument("--dry-run", action="store_true",
                   help="show the import report (items, resolutions, votes, lines flagged or ignored); save nothing")
    p.add_argument("--replace", action="store_true",
                   help="save over a meeting already in the archive as a new version")
    p.add_argument("--json", action="store_true")


def cmd_import(args: argparse.Namespace) -> int:
    date = optional_date(args.date, "--date")
    files = [Path(f) for f in args.files]
    show = len(files) > 1 and not args.json and sys.stderr.isatty()
    with open_workspace() as workspace, _progress_bar(show) as bar:
        outcome = import_files(workspace, files, committee=args.committee, date=date,
                               dry_run=args.dry_run, replace=args.replace, progress=bar)
    if args.json:
        emit_json({"imported": [row.as_json() for row in outcome.rows], "dry_run": args.dry_run})
    else:
        print(outcome.report(dry_run=args.dry_run))
    return 0 if all(row.ok for row in outcome.rows) else 1


@contextlib.contextmanager
def _progress_bar(show: bool) -> Iterator[Callable[[int, int, str], None] | None]:
    """A progress bar on standard error while several files are imported (rich)."""
    if not show:
        yield None
        return
    with Progress(TextColumn("importing"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.description}"), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("", total=None)

        def step(done: int, total: int, name: str) -> None:
            bar.update(task, completed=done, total=total, description=name)

        yield step
