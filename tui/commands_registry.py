"""Subcommands for templates, committees and the register of people."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from collections.abc import Callable
from typing import Any

from tui.commands import emit_json, parse_date, read_input, service

__all__ = ["register"]


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    p = add("templates", cmd_templates, "meeting templates: list, or show one")
    p.add_argument("action", choices=["list", "show"])
    p.add_argument("name", nargs="?")
    p.add_argument("--json", action="store_true")

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

    p = add("people", cmd_people, "the register of members and officers")
    p.add_argument("action", choices=["list", "add"])
    p.add_argument("--id", dest="person_id")
    p.add_argument("--name")
    p.add_argument("--title", default="")
    p.add_argument("--kind", choices=["member", "officer", "other"], default="member")
    p.add_argument("--directorate", default="")
    p.add_argument("--job-title", default="")
    p.add_argument("--email", default="")
    p.add_argument("--party", default="")
    p.add_argument("--json", action="store_true")


def cmd_templates(args: argparse.Namespace) -> int:
    from workflow.drafting import templates as catalogue
    from workflow.errors import UsageError
    from workflow.record import codec

    if args.action == "list":
        found = catalogue.list_templates()
        if args.json:
            emit_json({"templates": [{"slug": t.slug, "name": t.name} for t in found]})
        else:
            for t in found:
                print(f"{t.slug:28} {t.name}")
        return 0
    if not args.name:
        raise UsageError("Say which template to show: minutebook templates show NAME.")
    template = catalogue.load_template(args.name)
    if args.json:
        emit_json({"template": codec.encode(template)})
    else:
        sys.stdout.write(codec.dump_yaml(codec.encode(template)))
    return 0


def _committee_from_args(args: argparse.Namespace, today: dt.date) -> Any:
    from workflow.errors import UsageError
    from workflow.record.model import Committee, Membership, Role

    if not args.slug or not args.name:
        raise UsageError("A new committee needs a SLUG and --name (and usually --template).")
    members = []
    for spec in args.member:
        person, _, role = spec.partition(":")
        try:
            members.append(Membership(person=person, role=Role(role or "member"), start=today))
        except ValueError:
            raise UsageError(f"'{role}' is not a role; use chair, vice-chair, member, co-opted…") from None
    return Committee(
        slug=args.slug,
        name=args.name,
        council=args.council or "",
        template=args.template or "",
        venue=args.venue or "",
        quorum=args.quorum,
        membership=tuple(members),
    )


def cmd_committees(args: argparse.Namespace) -> int:
    from workflow.errors import UsageError
    from workflow.record import codec
    from workflow.record.model import Committee

    with service() as svc:
        today = parse_date(args.on, "--on") if args.on else svc.today()
        if args.action == "list":
            found = svc.committees()
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
                    committee = dataclasses.replace(committee, council=svc.settings.council)
            if committee.slug in svc.committee_slugs():
                raise UsageError(f"The committee '{committee.slug}' already exists; use `committees edit`.")
            svc.save_committee(committee, f"Committee added: {committee.name}")
            print(f"Added the committee {committee.slug}.")
            return 0
        if not args.slug:
            raise UsageError(f"Say which committee: minutebook committees {args.action} SLUG.")
        committee = svc.committee(args.slug)
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
        svc.save_committee(changed, f"Committee updated: {changed.name}")
        print(f"Updated the committee {changed.slug}.")
    return 0


def _edit_committee(committee: Any, args: argparse.Namespace, today: dt.date) -> Any:
    from workflow.errors import UsageError
    from workflow.record import codec
    from workflow.record.model import Committee, Membership, Role

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
    for spec in args.member:
        person, _, role = spec.partition(":")
        try:
            membership.append(Membership(person=person, role=Role(role or "member"), start=today))
        except ValueError:
            raise UsageError(f"'{role}' is not a role; use chair, vice-chair, member, co-opted…") from None
    changes["membership"] = tuple(membership)
    return dataclasses.replace(committee, **changes)


def cmd_people(args: argparse.Namespace) -> int:
    from workflow.errors import UsageError
    from workflow.record import codec
    from workflow.record.model import Person, PersonKind

    with service() as svc:
        people = svc.people()
        if args.action == "list":
            if args.json:
                emit_json({"people": [codec.encode(p) for p in people.values()]})
            else:
                for p in sorted(people.values(), key=lambda p: p.id):
                    extra = p.directorate or p.party
                    print(f"{p.id:28} {(p.title + ' ' + p.name).strip()}" + (f"  ({extra})" if extra else ""))
            return 0
        if not args.person_id or not args.name:
            raise UsageError("A new person needs --id (e.g. cllr-j-smith) and --name (e.g. 'J Smith').")
        if args.person_id in people:
            raise UsageError(f"The register already has {args.person_id}.")
        person = Person(
            id=args.person_id, name=args.name, title=args.title, kind=PersonKind(args.kind),
            directorate=args.directorate, job_title=args.job_title, email=args.email, party=args.party,
        )
        svc.save_people({**people, person.id: person}, f"Register: {person.title} {person.name} added".replace("  ", " "))
    print(f"Added {person.id} to the register.")
    return 0
