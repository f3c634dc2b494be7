"""The ``committees`` command: committees and their membership over time."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from typing import Any

from tui.cli.common import Add, emit_json, open_workspace, read_input
from workflow.errors import UsageError
from workflow.record import codec
from workflow.record.model import Committee, Membership
from workflow.rules.membership import read_membership
from workflow.services.register import Register
from workflow.text.dates import parse_date

__all__ = ["register"]


def register(add: Add) -> None:
    p = add("committees", cmd_committees, "committees and their membership over time")
    p.add_argument("action", choices=["list", "show", "add", "edit"])
    p.add_argument("slug", nargs="?")
    p.add_argument("--name", help="display name (add)")
    p.add_argument("--template", help="template slug (add)")
    p.add_argument("--council")
    p.add_argument("--venue")
    p.add_argument("--quorum", type=int)
    p.add_argument("--member", action="append", default=[], metavar="PERSON[:ROLE]",
                   help="add a member from today (repeatable); ROLE chair, vice-chair, co-opted…")
    p.add_argument("--leaves", action="append", default=[], metavar="PERSON",
                   help="end a person's membership (edit)")
    p.add_argument("--on", help="date the membership change takes effect (default today)")
    p.add_argument("--from", dest="source", metavar="FILE", help="a committee as YAML (add/edit)")
    p.add_argument("--json", action="store_true")


def _committee_from_args(args: argparse.Namespace, today: dt.date) -> Committee:
    if not args.slug or not args.name:
        raise UsageError("A new committee needs a SLUG and --name (and usually --template).")
    members = [_membership(spec, today) for spec in args.member]
    return Committee(
        slug=args.slug,
        name=args.name,
        council=args.council or "",
        template=args.template or "",
        venue=args.venue or "",
        quorum=args.quorum,
        membership=tuple(members),
    )


def _membership(spec: str, today: dt.date) -> Membership:
    found, problem = read_membership(spec, today)
    if found is None:
        raise UsageError(problem)
    return found


def cmd_committees(args: argparse.Namespace) -> int:
    with open_workspace() as workspace:
        registry = Register(workspace)
        today = parse_date(args.on, "--on") if args.on else workspace.today()
        if args.action == "list":
            found = registry.committees()
            if args.json:
                emit_json({"committees": [codec.encode(c) for c in found]})
            else:
                for c in found:
                    print(f"{c.slug:32} {c.name}  [{c.template or 'no template'}]")
            return 0
        if args.action == "add":
            if args.source:
                committee = codec.decode(Committee, codec.load_yaml(read_input(args.source), where=args.source), where=args.source)
            else:
                committee = _committee_from_args(args, today)
                if not committee.council:
                    committee = dataclasses.replace(committee, council=registry.settings.council)
            if committee.slug in registry.committee_slugs():
                raise UsageError(f"The committee '{committee.slug}' already exists; use `committees edit`.")
            registry.save_committee(committee, f"Committee added: {committee.name}")
            print(f"Added the committee {committee.slug}.")
            return 0
        if not args.slug:
            raise UsageError(f"Say which committee: minutebook committees {args.action} SLUG.")
        committee = registry.committee(args.slug)
        if args.action == "show":
            if args.json:
                emit_json({"committee": codec.encode(committee)})
            else:
                sys.stdout.write(codec.dump_yaml(codec.encode(committee)))
            return 0
        changed = _edit_committee(committee, args, today)
        if changed == committee:
            print(f"Nothing to change in {committee.slug}.")
            return 0
        registry.save_committee(changed, f"Committee updated: {changed.name}")
        print(f"Updated the committee {changed.slug}.")
    return 0


def _edit_committee(committee: Committee, args: argparse.Namespace, today: dt.date) -> Committee:
    if args.source:
        edited = codec.decode(Committee, codec.load_yaml(read_input(args.source), where=args.source), where=args.source)
        if edited.slug != committee.slug:
            raise UsageError(f"{args.source} describes {edited.slug}, not {committee.slug}.")
        return edited
    changes: dict[str, Any] = {}
    for name in ("name", "template", "council", "venue", "quorum"):
        value = getattr(args, name)
        if value is not None:
            changes[name] = value
    membership = list(committee.membership)
    for person in args.leaves:
        current = [m for m in membership if m.person == person and (m.end is None or m.end >= today)]
        if not current:
            raise UsageError(f"{person} is not a current member of {committee.slug}.")
        membership = [dataclasses.replace(m, end=today) if m in current else m for m in membership]
    membership += [_membership(spec, today) for spec in args.member]
    changes["membership"] = tuple(membership)
    return dataclasses.replace(committee, **changes)
