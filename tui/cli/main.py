"""``minutebook``: build the parser, run one command, report failures in one sentence.

``minutebook`` with no command opens the terminal UI; every other capability is a
subcommand. Exit codes: 0 success, 1 refused or invalid input, 2 wrong usage. Errors are
one sentence on stderr; ``--json`` output carries ``"format": 1``. Textual is imported
only for the bare ``minutebook`` command, so scripts never load the terminal UI.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from tui.cli import (
    archive,
    committees,
    decisions,
    documents,
    history,
    importing,
    lifecycle,
    meetings,
    people,
    search,
    site,
    templates,
)
from tui.cli.common import Handler, ask_identity, interactive
from tui.crash import crash_sentence, write_crash_report
from workflow.errors import InvalidRecord, MinutebookError
from workflow.services.workspace import NoIdentity, disk_sentence

__all__ = ["EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "GLOBAL_OPTIONS", "build_parser", "main"]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

GLOBAL_OPTIONS = {
    "--archive": "the archive to use (default: MINUTEBOOK_ARCHIVE or your data folder)",
    "--config": "the settings file (default: MINUTEBOOK_CONFIG or your config folder)",
}
"""The options every command takes (each with a value), and their help."""

GROUPS = (archive, people, committees, templates, meetings, history, search, lifecycle,
          decisions, documents, importing, site)
"""The command groups, in the order ``minutebook --help`` lists their commands."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"minutebook: {message}\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command, each taking the global options too."""
    common = argparse.ArgumentParser(add_help=False)
    for option, text in GLOBAL_OPTIONS.items():
        common.add_argument(option, metavar="PATH", default=argparse.SUPPRESS, help=text)
    parser = _Parser(
        prog="minutebook",
        description="Draft, validate, publish and archive committee agendas and minutes.",
        parents=[common],
        epilog="Exit codes: 0 success, 1 refused or invalid input, 2 wrong usage.",
    )
    subs = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def add(name: str, handler: Handler, help: str) -> argparse.ArgumentParser:
        command = subs.add_parser(name, parents=[common], help=help, description=help)
        command.set_defaults(handler=handler)
        return command

    for group in GROUPS:
        group.register(add)
    return parser


def _configure(args: argparse.Namespace) -> None:
    if getattr(args, "config", None):
        os.environ["MINUTEBOOK_CONFIG"] = str(Path(args.config).expanduser())
    if getattr(args, "archive", None):
        os.environ["MINUTEBOOK_ARCHIVE"] = str(Path(args.archive).expanduser())


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code (also used by the console script)."""
    parser = build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:
        return int(exc.code or 0)
    _configure(args)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        return _open_tui()
    return _run(handler, args)


def _run(handler: Handler, args: argparse.Namespace) -> int:
    try:
        try:
            return handler(args)
        except NoIdentity:
            if not interactive():
                raise
            ask_identity()
            return handler(args)
    except InvalidRecord as exc:
        print(f"minutebook: {exc.where} is not valid:", file=sys.stderr)
        for problem in exc.errors:
            print(f"  {problem}", file=sys.stderr)
        return exc.exit_code
    except MinutebookError as exc:
        print(f"minutebook: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("minutebook: stopped; nothing was saved after the last message.", file=sys.stderr)
        return EXIT_INVALID
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:
        print(f"minutebook: {disk_sentence(exc)}", file=sys.stderr)
        return EXIT_INVALID
    except Exception as exc:  # a bug: one sentence here, the traceback in a file
        sentence = crash_sentence(exc, write_crash_report(exc), "stopped the command; nothing further was saved")
        print(f"minutebook: {sentence}", file=sys.stderr)
        return EXIT_INVALID


def _open_tui() -> int:
    # The one import kept inside a function: commands run by scripts never load Textual.
    from tui.launch import run_app

    try:
        return run_app()
    except MinutebookError as exc:
        print(f"minutebook: {exc.message}", file=sys.stderr)
        return exc.exit_code


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
