"""Commands on executive decisions: records of decision, call-in and the forward plan.

``minutebook decisions`` lists every recorded decision and whether it can be implemented;
``minutebook decision record|publish|call-in|implement|render`` take one step on one
decision; ``minutebook forward-plan`` lists upcoming key decisions (Word with ``-o``).
Each handler calls one service operation; refusals come back as one sentence.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from tui.cli.common import Add, emit_json, open_workspace
from workflow.errors import UsageError
from workflow.render.documents import write_output
from workflow.services.decisions import DecisionRow, Decisions, DecisionStep
from workflow.services.history import History
from workflow.text.dates import optional_date

__all__ = ["register"]

ITEM_HELP = "the item's uid, or its agenda or minute number"
STEPS = ("record", "publish", "call-in", "implement", "render")


def register(add: Add) -> None:
    p = add("decisions", cmd_decisions,
            "every recorded decision: state, call-in deadline, when it can be implemented")
    p.add_argument("--on", metavar="DATE", help="the day to judge from (default today)")
    p.add_argument("--json", action="store_true")

    p = add("decision", cmd_decision,
            "one step on a decision: record, publish, call-in, implement or render")
    p.add_argument("step", choices=STEPS, metavar="STEP", help=" | ".join(STEPS))
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("item", metavar="ITEM", help=ITEM_HELP)
    p.add_argument("--on", metavar="DATE",
                   help="when it was published, called in or implemented (default today)")
    p.add_argument("--urgent", metavar="REASON", default="",
                   help="publish: taken as urgent, exempt from call-in, with this reason")
    p.add_argument("--by", default="", metavar="NAME", help="call-in: who called it in")
    p.add_argument("--call-in-concluded", action="store_true",
                   help="implement: a called-in decision whose scrutiny has concluded")
    p.add_argument("-o", "--output", metavar="OUT.docx",
                   help="publish/render: write the Word record of decision here")
    p.add_argument("--confidential", action="store_true", help="render: include exempt content")
    p.add_argument("--decision", default="", help="record: the decision (default: the resolutions)")
    p.add_argument("--reasons", default="", help="record: the reasons for the decision")
    p.add_argument("--alternative", action="append", default=[], metavar="TEXT",
                   help="record: an alternative option considered and rejected (repeatable)")
    p.add_argument("--conflicts", default="", help="record: conflicts of interest declared")
    p.add_argument("--dispensation", default="", help="record: any dispensation granted")
    p.add_argument("--maker", default="", help="record: the decision-maker (default: the committee's)")
    p.add_argument("--decided-on", metavar="DATE", help="record: default the meeting's date")
    p.add_argument("--json", action="store_true")

    p = add("forward-plan", cmd_forward_plan, "upcoming key decisions per decision-maker")
    p.add_argument("--on", metavar="DATE", help="list from this day (default today)")
    p.add_argument("-o", "--output", metavar="OUT.docx", help="write the forward plan as Word")
    p.add_argument("--json", action="store_true")



# ------------------------------------------------------------------------- handlers


def cmd_decisions(args: argparse.Namespace) -> int:
    with open_workspace() as workspace:
        today = optional_date(args.on, "--on") or workspace.today()
        listing = Decisions(workspace).decisions(today=today)
    _skipped(listing.skipped)
    if args.json:
        emit_json({"today": today.isoformat(), "decisions": [_row_json(r) for r in listing.rows]})
        return 0
    if not listing.rows:
        print("No decisions are recorded.")
    for row in listing.rows:
        print(f"{row.meeting}  item {row.number}  {row.title}")
        print(f"    {row.decision_maker}; {_state_text(row)}")
    return 0


def _row_json(row: DecisionRow) -> dict[str, object]:
    def day(value: dt.date | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "meeting": row.meeting, "item": row.item, "number": row.number, "title": row.title,
        "decision_maker": row.decision_maker, "state": row.state.value,
        "published_on": day(row.published_on), "call_in_deadline": day(row.deadline),
        "implementable_on": day(row.implementable_on), "can_implement": row.can_implement,
        "called_in_by": row.called_in_by, "implemented_on": day(row.implemented_on),
        "urgent": row.urgent,
    }


def _state_text(row: DecisionRow) -> str:
    state = row.state.value
    if state == "made":
        return "made; the record is not published yet"
    if state == "implemented":
        return f"implemented on {row.implemented_on}"
    if state == "called-in":
        return f"called in by {row.called_in_by}; waiting for scrutiny"
    if row.urgent:
        return f"published {row.published_on} as urgent (no call-in); can be implemented now"
    when = "can be implemented now" if row.can_implement else f"can be implemented from {row.implementable_on}"
    return f"published {row.published_on}; call-in until {row.deadline}; {when}"


def _skipped(skipped: tuple[str, ...]) -> None:
    for sentence in skipped:
        print(f"warning: {sentence}", file=sys.stderr)


_OPTIONS = {
    "on": ("--on", ("publish", "call-in", "implement")),
    "urgent": ("--urgent", ("publish",)),
    "by": ("--by", ("call-in",)),
    "call_in_concluded": ("--call-in-concluded", ("implement",)),
    "output": ("-o/--output", ("publish", "render")),
    "confidential": ("--confidential", ("render",)),
    "decision": ("--decision", ("record",)),
    "reasons": ("--reasons", ("record",)),
    "alternative": ("--alternative", ("record",)),
    "conflicts": ("--conflicts", ("record",)),
    "dispensation": ("--dispensation", ("record",)),
    "maker": ("--maker", ("record",)),
    "decided_on": ("--decided-on", ("record",)),
}


def _check_options(args: argparse.Namespace) -> None:
    for name, (flag, steps) in _OPTIONS.items():
        if getattr(args, name) and args.step not in steps:
            where = " or ".join(f"decision {s}" for s in steps)
            raise UsageError(f"{flag} belongs to {where}, not decision {args.step}.")


def cmd_decision(args: argparse.Namespace) -> int:
    _check_options(args)
    if args.step == "call-in" and not args.by.strip():
        raise UsageError("Say who called the decision in: --by NAME.")
    with open_workspace() as workspace:
        decisions = Decisions(workspace)
        if args.step == "render":
            if not args.output:
                raise UsageError("Say where to write the record: minutebook decision render "
                                 "MEETING ITEM -o OUT.docx.")
            out = decisions.render_decision(args.meeting, args.item, out=Path(args.output),
                                      confidential=args.confidential)
            print(f"Wrote {out}")
            return 0
        done = _run_step(decisions, args)
        name = History(workspace).name_of(done.meeting.id, done.version.commit)
    return _report(args, done, name)


def _run_step(decisions: Decisions, args: argparse.Namespace) -> DecisionStep:
    if args.step == "record":
        return decisions.record_decision(
            args.meeting, args.item, decision=args.decision, reasons=args.reasons,
            alternatives=args.alternative, conflicts=args.conflicts,
            dispensation=args.dispensation, decision_maker=args.maker,
            decided_on=optional_date(args.decided_on, "--decided-on"))
    if args.step == "publish":
        return decisions.publish_decision(
            args.meeting, args.item, published_on=optional_date(args.on, "--on"),
            urgent_reason=args.urgent, out=Path(args.output) if args.output else None)
    if args.step == "call-in":
        return decisions.call_in_decision(args.meeting, args.item, by=args.by, on=optional_date(args.on, "--on"))
    return decisions.implement_decision(args.meeting, args.item, on=optional_date(args.on, "--on"),
                                  call_in_concluded=args.call_in_concluded)


def _report(args: argparse.Namespace, done: DecisionStep, version_name: str) -> int:
    assert done.item.decision_record is not None
    call = done.item.decision_record.call_in
    if args.json:
        emit_json({
            "meeting": done.meeting.id, "item": done.item.uid, "state": call.state.value,
            "published_on": call.published_on.isoformat() if call.published_on else None,
            "call_in_deadline": call.deadline.isoformat() if call.deadline else None,
            "version": done.version.commit, "tag": done.tag,
            "files": [str(f) for f in done.files],
        })
        return 0
    print(f"{done.summary} ({done.meeting.id}, {version_name}).")
    if call.deadline is not None and call.state.value == "published":
        print(f"Call-in period ends {call.deadline.isoformat()}.")
    if done.tag:
        print(f"Tagged {done.tag}.")
    for path in done.files:
        print(f"  {path}")
    if getattr(args, "output", None):
        print(f"  {args.output}")
    return 0


def cmd_forward_plan(args: argparse.Namespace) -> int:
    with open_workspace() as workspace:
        decisions = Decisions(workspace)
        today = optional_date(args.on, "--on") or workspace.today()
        listing = decisions.forward_plan(today=today)
        if args.output:
            write_output(decisions.forward_plan_bytes(listing.rows, today=today), Path(args.output))
    _skipped(listing.skipped)
    if args.json:
        emit_json({"from": today.isoformat(), "key_decisions": [{
            "decision_maker": e.decision_maker, "date": e.date.isoformat(),
            "meeting": e.meeting, "title": e.title, "reference": e.reference,
            "route": e.route.value, "private": e.private,
        } for e in listing.rows]})
        return 0
    if not listing.rows:
        print(f"No key decisions are planned from {today.isoformat()}.")
    maker = None
    for e in listing.rows:
        if e.decision_maker != maker:
            maker = e.decision_maker
            print(maker)
        private = " (private)" if e.private else ""
        print(f"    {e.date.isoformat()}  {e.reference or 'no reference'}  {e.title}{private}")
    if args.output:
        print(f"Wrote {args.output}")
    return 0
