"""The ``people`` command: the register of members and officers."""

from __future__ import annotations

import argparse

from tui.cli.common import Add, emit_json, open_workspace
from workflow.errors import UsageError
from workflow.record import codec
from workflow.record.model import Person, PersonKind
from workflow.services.register import Register

__all__ = ["register"]


def register(add: Add) -> None:
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


def cmd_people(args: argparse.Namespace) -> int:
    with open_workspace() as workspace:
        registry = Register(workspace)
        people = registry.people()
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
        registry.save_people({**people, person.id: person}, f"Register: {person.title} {person.name} added".replace("  ", " "))
    print(f"Added {person.id} to the register.")
    return 0
