"""Subcommands that move a meeting through its lifecycle: publish to amend."""

from __future__ import annotations

import argparse
import sys

from tui.cli.common import Add, emit_json, open_workspace, read_input
from workflow.services.lifecycle import Lifecycle, Published
from workflow.text.dates import optional_date, parse_date

__all__ = ["register"]

_CONFIRM = "the minutes go out although an item is marked incomplete (its text was cut short)"


def register(add: Add) -> None:
    p = add("publish", cmd_publish, "publish the agenda: checks, Word agendas, commit and tag")
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("--urgent", metavar="REASON", help="the chair's reason of urgency for a late agenda")
    p.add_argument("--published-on", metavar="DATE", help="when the agenda actually went out")
    p.add_argument("--check", action="store_true", help="only show the checks; publish nothing")
    p.add_argument("--json", action="store_true")

    p = add("minutes", cmd_start_minutes, "start the minutes from the published agenda")
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("--json", action="store_true")

    p = add("circulate", cmd_circulate, "circulate the draft minutes: writes the Word file to send to the chair (tagged)")
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("--publish", action="store_true", help="also publish the draft minutes, where the council does")
    p.add_argument("--confirm-incomplete", action="store_true", help=_CONFIRM)
    p.add_argument("--json", action="store_true")

    p = add("approve", cmd_approve, "record the minutes as approved at a later meeting; locks them")
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("--at", required=True, metavar="MEETING", help="the meeting that approved them")
    p.add_argument("--subject-to", metavar="FILE", help="the corrected record agreed at that meeting")
    p.add_argument("--other-body", action="store_true",
                   help="approved by another body, as the council's rules allow")
    p.add_argument("--confirm-incomplete", action="store_true", help=_CONFIRM)
    p.add_argument("--json", action="store_true")

    p = add("amend", cmd_amend, "change approved minutes as a recorded amendment")
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("--reason", required=True)
    p.add_argument("--from", dest="source", required=True, metavar="FILE")
    p.add_argument("--authority", default="", help="the resolution that agreed it, e.g. 'Minute 12/26'")
    p.add_argument("--json", action="store_true")

    p = add("cancel", cmd_cancel, "cancel a meeting before its minutes are started")
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("--reason", default="")
    p.add_argument("--json", action="store_true")

    p = add("postpone", cmd_postpone, "move a meeting to a new date (same id)")
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("--to", required=True, metavar="DATE")
    p.add_argument("--reason", default="")
    p.add_argument("--json", action="store_true")


def _report(args: argparse.Namespace, done: Published) -> int:
    if args.json:
        emit_json({
            "meeting": done.meeting.id,
            "status": done.meeting.status.value,
            "version": done.version.commit,
            "tag": done.tag,
            "files": [str(f) for f in done.files],
            "warnings": list(done.warnings),
        })
        return 0
    print(f"{done.summary}: {done.meeting.id} is now '{done.meeting.status.value}' ({done.version_name}).")
    if done.tag:
        print(f"Tagged {done.tag}.")
    for path in done.files:
        print(f"  {path}")
    for warning in done.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    published_on = optional_date(args.published_on, "--published-on")
    with open_workspace() as workspace:
        steps = Lifecycle(workspace)
        if args.check:
            checks = steps.publish_checks(args.meeting, published_on=published_on, urgent_reason=args.urgent)
            if args.json:
                emit_json({"checks": [{"name": c.name, "ok": c.ok, "message": c.message} for c in checks]})
            else:
                for c in checks:
                    print(f"{'ok ' if c.ok else 'NO '} {c.message}")
            return 0 if all(c.ok for c in checks) else 1
        return _report(args, steps.publish(args.meeting, urgent_reason=args.urgent, published_on=published_on))


def cmd_start_minutes(args: argparse.Namespace) -> int:
    with open_workspace() as workspace:
        steps = Lifecycle(workspace)
        return _report(args, steps.start_minutes(args.meeting))


def cmd_circulate(args: argparse.Namespace) -> int:
    with open_workspace() as workspace:
        steps = Lifecycle(workspace)
        confirm = args.confirm_incomplete
        code = _report(args, steps.circulate(args.meeting, confirm_incomplete=confirm))
        if not args.json:
            print("Send the Word file listed above to the chair: minutebook sends nothing itself.")
        if args.publish:
            code = _report(args, steps.publish_draft_minutes(args.meeting, confirm_incomplete=confirm))
        return code


def cmd_approve(args: argparse.Namespace) -> int:
    with open_workspace() as workspace:
        steps = Lifecycle(workspace)
        corrected = None
        if args.subject_to:
            corrected = steps.meetings.parse_text(read_input(args.subject_to), where=args.subject_to)
        return _report(args, steps.approve(args.meeting, at=args.at, other_body=args.other_body,
                                           subject_to=corrected, confirm_incomplete=args.confirm_incomplete))


def cmd_amend(args: argparse.Namespace) -> int:
    with open_workspace() as workspace:
        steps = Lifecycle(workspace)
        corrected = steps.meetings.parse_text(read_input(args.source), where=args.source)
        return _report(args, steps.amend(args.meeting, corrected, reason=args.reason, authority=args.authority))


def cmd_cancel(args: argparse.Namespace) -> int:
    with open_workspace() as workspace:
        steps = Lifecycle(workspace)
        return _report(args, steps.cancel(args.meeting, reason=args.reason))


def cmd_postpone(args: argparse.Namespace) -> int:
    with open_workspace() as workspace:
        steps = Lifecycle(workspace)
        return _report(args, steps.postpone(args.meeting, to=parse_date(args.to, "--to"), reason=args.reason))
