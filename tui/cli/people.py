"""The ``people`` command: the register of members and officers."""

from __future__ import annotations

import argparse
import dataclasses

from tui.cli.common import Add, emit_json, open_workspace
from workflow.drafting.attendance import new_person
from workflow.errors import UsageError
from workflow.record import codec
from workflow.record.model import PersonKind
from workflow.services.register import Register

__all__ = ["register"]


def register(add: Add) -> None:
    p = add("people", cmd_people, "the register of members and officers")
    p.add_argument("action", choices=["list", "add"])
    p.add_argument("--id", dest="person_id", help="register id (made from the title and name when not given)")
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
        if not args.name:
            raise UsageError("A new person needs --name (e.g. 'J Smith'); --id is made from it if not given.")
        if args.person_id in people:
            raise UsageError(f"The register already has {args.person_id}.")
        made, problems = new_person(args.name, args.title, PersonKind(args.kind), people, directorate=args.directorate)
        if made is None:
            raise UsageError(problems[0].message)
        person = dataclasses.replace(
            made, id=args.person_id or made.id, directorate=args.directorate, job_title=args.job_title,
            email=args.email, party=args.party,
        )  # fmt: skip
        registry.add_person(person)
    print(f"Added {person.id} to the register.")
    return 0
