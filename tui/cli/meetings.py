"""Commands on meetings: new, list, show, validate, save, edit, renumber."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli.common import Add, emit_json, open_workspace, read_input
from workflow.errors import MinutebookError
from workflow.record import codec
from workflow.record.model import MeetingKind
from workflow.render.preview import preview_text
from workflow.rules.incomplete import incomplete_problems
from workflow.services.checks import Checks
from workflow.services.editing import edit_in_editor
from workflow.services.history import History
from workflow.services.meetings import EditConflict, Meetings
from workflow.text.dates import format_date, parse_date, parse_time

__all__ = ["register"]


def register(add: Add) -> None:
    p = add("new", cmd_new, "create a meeting from its committee's template; prints the meeting id")
    p.add_argument("committee", metavar="COMMITTEE")
    p.add_argument("--date", required=True, help="YYYY-MM-DD")
    p.add_argument("--time", required=True, help="HH:MM, 24-hour")
    p.add_argument("--venue")
    p.add_argument("--template")
    p.add_argument("--kind", choices=[k.value for k in MeetingKind], default="ordinary")
    p.add_argument("--again", action="store_true",
                   help="a second meeting of the committee on a date it already meets")

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
    p.add_argument("--based-on", metavar="VERSION",
                   help="the version the file was made from (default: the newest, which it replaces); "
                        "a version saved since is merged in, or the save refused naming the fields")
    p.add_argument("--ids", action="store_true", help="name the version's commit too")

    p = add("edit", cmd_edit, "open the meeting in $EDITOR, validate, save a version")
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("-m", "--message")

    p = add("renumber", cmd_renumber, "recompute item numbers before publication")
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("--first", type=int, help="number of the first item (default: run on)")


def cmd_new(args: argparse.Namespace) -> int:
    date, start = parse_date(args.date, "--date"), parse_time(args.time, "--time")
    with open_workspace() as workspace:
        meeting = Meetings(workspace).new_meeting(
            args.committee, date=date, start=start, venue=args.venue, template=args.template,
            kind=MeetingKind(args.kind), again=args.again,
        )
    print(meeting.id)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_workspace() as workspace:
        rows = Meetings(workspace).overview()
        demo = workspace.is_demo
    if args.json:
        emit_json({"demo": demo, "meetings": [row.as_json() for row in rows]})
        return 0
    if demo:
        print("Demo archive: a fictional council's sample meetings.")
    if not rows:
        print("No meetings yet: `minutebook new COMMITTEE --date D --time T` creates one.")
        return 0
    table = [("MEETING", "DATE", "STATE", "NEXT")] + [
        (r.id, format_date(r.date, "screen"),
         r.status.value + (f" [{r.incomplete} incomplete]" if r.incomplete else ""), r.next_step)
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(3)]
    for row in table:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:3])) + "  " + row[3])
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with open_workspace() as workspace:
        meetings = Meetings(workspace)
        meeting = meetings.load(args.meeting, rev=args.rev, public=not args.confidential)
        people = meetings.register.people(args.rev)
    for found in incomplete_problems(meeting):
        print(f"warning: {found.message}", file=sys.stderr)
    if args.json:
        emit_json({"meeting": codec.encode(meeting), "confidential": bool(args.confidential)})
    elif args.yaml:
        sys.stdout.write(codec.dump_yaml(codec.encode(meeting)))
    else:
        sys.stdout.write(preview_text(meeting, people=people))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    target = Path(args.target)
    with open_workspace() as workspace:
        checks = Checks(workspace)
        if target.suffix in {".yaml", ".yml"} or target.is_file():
            found = checks.check_text(read_input(args.target), where=args.target)
        else:
            found = checks.check_all(checks.meetings.load(args.target))
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
    with open_workspace() as workspace:
        meetings = Meetings(workspace)
        text = read_input(args.source)
        based_on = (History(workspace).resolve_rev(args.meeting, args.based_on) if args.based_on
                    else workspace.head())
        try:
            saved = meetings.save_text(
                args.meeting, text, message=args.message, where=args.source, based_on=based_on
            )
        except EditConflict as exc:
            kept = "" if args.source == "-" else f" Your text is still in {args.source}."
            raise MinutebookError(exc.message + kept, title=exc.title) from None
        name = History(workspace).name_of(args.meeting, saved.version.commit)
    if saved.note:
        print(saved.note)
    commit = f" (commit {saved.version.commit})" if args.ids else ""
    print(f"Saved {args.meeting} as {name}{commit}.")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    with open_workspace() as workspace:
        return edit_in_editor(Meetings(workspace), args.meeting, message=args.message)


def cmd_renumber(args: argparse.Namespace) -> int:
    with open_workspace() as workspace:
        meeting, version = Meetings(workspace).renumber(args.meeting, first=args.first)
        name = History(workspace).name_of(meeting.id, version.commit) if version else ""
    numbers = [i.minute_number for i in meeting.items if i.minute_number]
    span = f"{numbers[0]}-{numbers[-1]}" if numbers else "none"
    if version is None:
        print(f"The numbers of {meeting.id} were already in order ({span}).")
    else:
        print(f"Renumbered {meeting.id}: items {span} ({name}).")
    return 0
