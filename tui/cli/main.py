"""``minutebook``: build the parser, run one command, report failures in one sentence.

``minutebook`` with no command opens the terminal UI; every other capability is a
subcommand. Exit codes: 0 success, 1 refused or invalid input, 2 wrong usage. Errors are
one sentence on stderr; ``--json`` output carries ``"format": 1``. Textual is imported
only for the bare ``minutebook`` command, so scripts never load the terminal UI.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from tui.cli.common import Handler, ask_identity, interactive
from tui.crash import crash_sentence, write_crash_report
from workflow.errors import InvalidRecord, MinutebookError
from workflow.services.workspace import NoIdentity, disk_sentence

__all__ = ["COMMANDS", "EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "GLOBAL_OPTIONS", "build_parser",
           "command_in", "groups_for", "main"]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

GLOBAL_OPTIONS = {
    "--archive": "the archive to use (default: MINUTEBOOK_ARCHIVE or your data folder)",
    "--config": "the settings file (default: MINUTEBOOK_CONFIG or your config folder)",
}
"""The options every command takes (each with a value), and their help."""

COMMANDS = {
    "archive": ("init", "sync"),
    "people": ("people",),
    "committees": ("committees",),
    "templates": ("templates",),
    "meetings": ("new", "list", "show", "validate", "save", "edit", "renumber"),
    "history": ("history", "diff", "redline", "restore"),
    "search": ("search",),
    "lifecycle": ("publish", "minutes", "circulate", "approve", "amend", "cancel", "postpone"),
    "decisions": ("decisions", "decision", "forward-plan"),
    "documents": ("render", "export", "pack"),
    "importing": ("import",),
    "site": ("site",),
}
"""Each command group's module in :mod:`tui.cli` and the commands it registers, in the
order ``minutebook --help`` lists them.

A command loads only its own group's module: the groups between them import every
service, python-docx, the PDF reader and the website's templates, which made
``minutebook list`` start in 270-320 ms against 180-190 ms with one group (measured on
the 2-core machine of ``benchmarks/README.md``). Help, and anything that is not a
command, loads them all. ``tests/cli/test_cli_commands.py`` checks this table against
what the groups register."""

_GROUP_OF = {command: group for group, commands in COMMANDS.items() for command in commands}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"minutebook: {message}\n")
        raise SystemExit(EXIT_USAGE)


def command_in(argv: Sequence[str]) -> str | None:
    """The command named in ``argv`` (skipping the global options and their values)."""
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word in GLOBAL_OPTIONS:
            skip = True
        elif not word.startswith("-"):
            return word
    return None


def groups_for(argv: Sequence[str]) -> list[str]:
    """The command groups a run with ``argv`` needs: the named command's own, all of them
    for help or a word that is no command, none for the terminal UI."""
    command = command_in(argv)
    if command is None:
        return list(COMMANDS) if {"-h", "--help"} & set(argv) else []
    group = _GROUP_OF.get(command)
    return [group] if group else list(COMMANDS)


def build_parser(groups: Iterable[str] = tuple(COMMANDS)) -> argparse.ArgumentParser:
    """The parser of the commands of ``groups`` (every command unless told), each taking
    the global options too."""
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

    for name in groups:
        importlib.import_module(f"tui.cli.{name}").register(add)
    return parser


def _configure(args: argparse.Namespace) -> None:
    if getattr(args, "config", None):
        os.environ["MINUTEBOOK_CONFIG"] = str(Path(args.config).expanduser())
    if getattr(args, "archive", None):
        os.environ["MINUTEBOOK_ARCHIVE"] = str(Path(args.archive).expanduser())


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code (also used by the console script)."""
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(groups_for(words))
    try:
        args = parser.parse_args(words)
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
