"""Subcommands of the command line: the archive, the register, meetings and their versions.

Each handler opens the service, calls one workflow function and prints the result: text
for people, ``--json`` for scripts. Lifecycle, documents, history and import commands live
in sibling modules registered from :func:`register`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

__all__ = ["register"]

JSON_FORMAT = 1


class _Unused:
    """Stands in for the parser of a command not being run: its options are not built.

    Building every subcommand's options costs more start-up than some commands take to
    run; only the command on the command line (or all, for ``--help``) needs them.
    """

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: self


def register(subs: Any, common: argparse.ArgumentParser, only: str | None = None) -> None:
    """Add every subcommand to the parser (only ``only``'s options, when given)."""
    from tui import (
        commands_decisions,
        commands_docs,
        commands_history,
        commands_lifecycle,
        commands_registry,
        commands_site,
    )

    def add(name: str, handler: Any, help: str) -> argparse.ArgumentParser:
        if only is not None and name != only:
            subs.add_parser(name, help=help, add_help=False)
            return _Unused()  # type: ignore[return-value]
        p = subs.add_parser(name, parents=[common], help=help, description=help)
        p.set_defaults(handler=handler)
        return p

    p = add("init", cmd_init, "create an archive (a demo archive with --sample)")
    p.add_argument("--sample", action="store_true", help="fill it with a fictional council's meetings")
    p.add_argument("--clone", metavar="URL", help="copy a shared archive (a git remote) instead")

    commands_registry.register(add)

    p = add("new", cmd_new, "create a meeting from its committee's template; prints the meeting id")
    p.add_argument("committee", metavar="COMMITTEE")
    p.add_argument("--date", required=True, help="YYYY-MM-DD")
    p.add_argument("--time", required=True, help="HH:MM, 24-hour")
    p.add_argument("--venue")
    p.add_argument("--template")
    p.add_argument("--kind", choices=["ordinary", "special", "annual", "budget"], default="ordinary")

    p = add("list", cmd_list, "meetings with their state and next deadline")
    p.add_argument("--json", action="store_true")

    p = add("show", cmd_show, "a meeting's record (public unless --confidential)")
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("--json", action="store_true")
    p.add_argument("--rev", default="HEAD")
    p.add_argument("--confidential", action="store_true", help="include exempt business")
    p.add_argument("--yaml", action="store_true", help="print the record as YAML")

    p = add("validate", cmd_validate, "check a meeting or a YAML file; exit 1 with field messages")
    p.add_argument("target", metavar="MEETING|FILE")
    p.add_argument("--json", action="store_true")

    p = add("save", cmd_save, "save a version of a meeting from a YAML file")
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("--from", dest="source", required=True, metavar="FILE")
    p.add_argument("-m", "--message", required=True)

    p = add("edit", cmd_edit, "open the meeting in $EDITOR, validate, save a version")
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("-m", "--message")

    p = add("renumber", cmd_renumber, "recompute item numbers before publication")
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("--first", type=int, help="number of the first item (default: run on)")

    commands_history.register(add)
    commands_lifecycle.register(add)
    commands_decisions.register(add)
    commands_docs.register(add)
    commands_site.register(add)


# ------------------------------------------------------------------------- helpers


def service() -> Any:
    """The service on the archive the clerk named, or the default one.

    A named archive (``--archive`` / ``MINUTEBOOK_ARCHIVE``) that does not exist is
    refused, since it is almost always a typing mistake; the default archive is created,
    with the sample meetings, the first time it is used.
    """
    import os

    import archive as store
    from workflow.errors import MinutebookError
    from workflow.service import Service

    path = store.default_archive_path()
    if not path.exists():
        if os.environ.get("MINUTEBOOK_ARCHIVE"):
            raise MinutebookError(
                f"There is no archive at {path}; create one with `minutebook init` "
                "(or `minutebook init --sample` for a demo)."
            )
        from workflow import sample

        sample.init_archive(path, sample=True)
        print(f"Created your archive with sample meetings at {path}", file=sys.stderr)
    return Service.open(path, create=False)


def emit_json(payload: dict[str, Any]) -> None:
    json.dump({"format": JSON_FORMAT, **payload}, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def parse_date(text: str, what: str = "--date") -> dt.date:
    from workflow.errors import UsageError

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{what} '{text}' is not a real date; use YYYY-MM-DD.") from None


def parse_time(text: str, what: str = "--time") -> dt.time:
    from workflow.errors import UsageError

    try:
        hour, minute = text.split(":")
        return dt.time(int(hour), int(minute))
    except ValueError:
        raise UsageError(f"{what} '{text}' is not a time; use HH:MM (24-hour).") from None


def read_input(path: str) -> bytes:
    from workflow.errors import MinutebookError

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


# ------------------------------------------------------------------------- handlers


def cmd_init(args: argparse.Namespace) -> int:
    from workflow import sample
    from workflow.errors import UsageError

    if args.clone:
        if args.sample:
            raise UsageError("Choose --sample or --clone, not both.")
        path = sample.clone_archive(args.clone)
        print(f"Copied the shared archive {args.clone} to {path}")
        return 0
    path, created = sample.init_archive(sample=args.sample)
    what = "a demo archive with sample meetings" if args.sample else "an empty archive"
    if created:
        print(f"Created {what} at {path}")
    else:
        print(f"The archive at {path} already exists; nothing changed.")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from workflow.model import MeetingKind

    with service() as svc:
        meeting = svc.new_meeting(
            args.committee,
            date=parse_date(args.date),
            start=parse_time(args.time),
            venue=args.venue,
            template=args.template,
            kind=MeetingKind(args.kind),
        )
    print(meeting.id)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with service() as svc:
        rows = svc.overview()
        demo = svc.archive.is_demo
    if args.json:
        emit_json({"demo": demo, "meetings": [row.as_json() for row in rows]})
        return 0
    if demo:
        print("Demo archive: a fictional council's sample meetings.")
    if not rows:
        print("No meetings yet: `minutebook new COMMITTEE --date D --time T` creates one.")
        return 0
    table = [("MEETING", "DATE", "STATE", "NEXT")] + [
        (r.id, r.date.strftime("%a %d %b %Y"), r.status.value, r.next_step) for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(3)]
    for row in table:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:3])) + "  " + row[3])
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from workflow import codec

    with service() as svc:
        meeting = svc.load(args.meeting, rev=args.rev, public=not args.confidential)
        people = svc.people(args.rev)
    if args.json:
        emit_json({"meeting": codec.encode(meeting), "confidential": bool(args.confidential)})
    elif args.yaml:
        sys.stdout.write(codec.dump_yaml(codec.encode(meeting)))
    else:
        from workflow.preview import preview_text

        sys.stdout.write(preview_text(meeting, people=people))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from workflow import records

    target = Path(args.target)
    with service() as svc:
        if target.suffix in {".yaml", ".yml"} or target.is_file():
            found = svc.check_text(read_input(args.target), where=args.target)
        else:
            found = records.check(svc.load(args.target), svc.context()) + svc.rule_problems(
                svc.load(args.target)
            )
    errors = [p for p in found if p.severity == "error"]
    if args.json:
        emit_json({
            "valid": not errors,
            "problems": [{"path": p.path, "message": p.message, "severity": p.severity} for p in found],
        })
    else:
        for problem in found:
            print(problem, file=sys.stderr if problem.severity == "error" else sys.stdout)
        if not errors:
            print(f"{args.target} is valid.")
    return 1 if errors else 0


def cmd_save(args: argparse.Namespace) -> int:
    with service() as svc:
        version = svc.save_text(args.meeting, read_input(args.source), message=args.message, where=args.source)
    print(f"Saved {args.meeting} as version {version.short}.")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    from workflow.editing import edit_in_editor

    with service() as svc:
        return edit_in_editor(svc, args.meeting, message=args.message)


def cmd_renumber(args: argparse.Namespace) -> int:
    with service() as svc:
        meeting, version = svc.renumber(args.meeting, first=args.first)
    numbers = [i.minute_number for i in meeting.items if i.minute_number]
    span = f"{numbers[0]}-{numbers[-1]}" if numbers else "none"
    if version is None:
        print(f"The numbers of {meeting.id} were already in order ({span}).")
    else:
        print(f"Renumbered {meeting.id}: items {span} (version {version.short}).")
    return 0
