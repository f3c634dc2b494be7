"""The command line: the contract that the TUI, scripts and tests share.

``minutebook`` with no command opens the terminal UI; every other capability is a
subcommand here. Exit codes: 0 success, 1 refused or invalid input, 2 wrong usage.
Errors are one sentence on stderr; ``--json`` output carries ``"format": 1``.

Start-up is kept lean: handlers import the domain modules they need when they run, and
Textual is imported only for the bare ``minutebook`` command.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

__all__ = ["EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"minutebook: {message}\n")
        raise SystemExit(EXIT_USAGE)


GLOBAL_OPTIONS = {
    "--archive": "the archive to use (default: MINUTEBOOK_ARCHIVE or your data folder)",
    "--config": "the settings file (default: MINUTEBOOK_CONFIG or your config folder)",
}
"""The options every command takes (each with a value), and their help."""


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    for option, text in GLOBAL_OPTIONS.items():
        common.add_argument(option, metavar="PATH", default=argparse.SUPPRESS, help=text)
    return common


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``command``, only that subcommand's options are built."""
    from tui import commands

    common = _common()
    parser = _Parser(
        prog="minutebook",
        description="Draft, validate, publish and archive committee agendas and minutes.",
        parents=[common],
        epilog="Exit codes: 0 success, 1 refused or invalid input, 2 wrong usage.",
    )
    subs = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.register(subs, common, only=command)
    return parser


def _command_in(argv: Sequence[str]) -> str | None:
    """The subcommand named on the command line, if any (skipping the global options)."""
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token in GLOBAL_OPTIONS:
            skip = True
        elif token.startswith("-"):
            if token in ("-h", "--help"):
                return None
        else:
            return token
    return None


def _global_options_only(argv: Sequence[str]) -> dict[str, str] | None:
    """The :data:`GLOBAL_OPTIONS` values when they are all the command line holds; None for
    anything else (a command, help, a mistake: the full parser deals with those)."""
    found: dict[str, str] = {}
    tokens = iter(argv)
    for token in tokens:
        name, eq, value = token.partition("=")
        if name not in GLOBAL_OPTIONS:
            return None
        if not eq:
            value = next(tokens, "")
            if not value or value.startswith("-"):
                return None
        found[name[2:]] = value
    return found


def _configure(args: argparse.Namespace) -> None:
    if getattr(args, "config", None):
        os.environ["MINUTEBOOK_CONFIG"] = str(Path(args.config).expanduser())
    if getattr(args, "archive", None):
        os.environ["MINUTEBOOK_ARCHIVE"] = str(Path(args.archive).expanduser())


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code (also used by the console script)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    only = _global_options_only(argv)
    if only is not None:  # the terminal UI, without building every command's parser
        _configure(argparse.Namespace(**only))
        return _open_tui()
    parser = build_parser(_command_in(argv))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    _configure(args)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        return _open_tui()
    return _run(handler, args)


def _run(handler: Handler, args: argparse.Namespace) -> int:
    from workflow.errors import InvalidRecord, MinutebookError

    try:
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
        from workflow.service import disk_sentence

        print(f"minutebook: {disk_sentence(exc)}", file=sys.stderr)
        return EXIT_INVALID
    except Exception as exc:  # a bug: one sentence here, the traceback in a file
        where = _write_crash_report()
        details = f" Details: {where}" if where else ""
        print(
            f"minutebook: an unexpected problem stopped the command ({type(exc).__name__}: {exc}); "
            f"nothing further was saved.{details}",
            file=sys.stderr,
        )
        return EXIT_INVALID


def _write_crash_report() -> str:
    """Write the traceback for a bug report; "" when even that cannot be written."""
    import traceback

    try:
        import platformdirs

        folder = platformdirs.user_state_path("minutebook", appauthor=False)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "last-error.txt"
        path.write_text(traceback.format_exc(), encoding="utf-8")
        return str(path)
    except OSError:
        return ""


def _open_tui() -> int:
    import gc

    from workflow.errors import MinutebookError

    # Starting the UI allocates several hundred thousand objects; full collections while
    # it does would hold up the first frame by tens of milliseconds. The app collects
    # again once its first screen is painted (``MinutebookApp.started``).
    gc.disable()
    try:
        from tui.app import run_app
    except ImportError as exc:  # pragma: no cover - a broken installation
        print(f"minutebook: the terminal UI cannot start ({exc}).", file=sys.stderr)
        return EXIT_INVALID
    try:
        return run_app()
    except MinutebookError as exc:
        print(f"minutebook: {exc.message}", file=sys.stderr)
        return exc.exit_code


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
