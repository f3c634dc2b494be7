"""Subcommands that produce or bring in documents: render, export, pack, import."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from tui.commands import emit_json, parse_date, service

__all__ = ["register"]


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    p = add("render", cmd_render, "write the Word agenda or minutes of a meeting")
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("document", choices=["agenda", "minutes"])
    p.add_argument("--confidential", action="store_true",
                   help="include exempt business, marked NOT FOR PUBLICATION")
    p.add_argument("--rev", default="HEAD", help="a version number, tag or commit")
    p.add_argument("-o", "--output", required=True, metavar="OUT.docx")

    p = add("export", cmd_export, "the meeting as Markdown, HTML or JSON (public unless --confidential)")
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("--format", required=True, choices=["markdown", "html", "json"])
    p.add_argument("--document", choices=["agenda", "minutes"], default="minutes")
    p.add_argument("--confidential", action="store_true")
    p.add_argument("--rev", default="HEAD")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")

    p = add("pack", cmd_pack, "the published agenda pack as one PDF (needs LibreOffice)")
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf")

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


def cmd_render(args: argparse.Namespace) -> int:
    with service() as svc:
        path = svc.render(args.meeting, args.document, confidential=args.confidential, rev=args.rev,
                          out=Path(args.output))
    print(f"Wrote {path}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with service() as svc:
        text = svc.export(args.meeting, args.format, which=args.document,
                          confidential=args.confidential, rev=args.rev)
    if args.output:
        from workflow.render import write_output

        write_output(text, Path(args.output))
        print(f"Wrote {args.output}")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def cmd_pack(args: argparse.Namespace) -> int:
    with service() as svc:
        path = svc.pack(args.meeting, Path(args.output))
    print(f"Wrote {path}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from workflow.importing import import_files

    date = parse_date(args.date) if args.date else None
    files = [Path(f) for f in args.files]
    with service() as svc, _progress_bar(len(files) > 1 and not args.json and sys.stderr.isatty()) as bar:
        outcome = import_files(svc, files, committee=args.committee, date=date, dry_run=args.dry_run,
                               replace=args.replace, progress=bar)
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
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(TextColumn("importing"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.description}"), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("", total=None)

        def step(done: int, total: int, name: str) -> None:
            bar.update(task, completed=done, total=total, description=name)

        yield step
