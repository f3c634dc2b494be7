"""Commands on versions: history, diff, redline, restore."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tui.cli.common import Add, emit_json, open_workspace
from workflow.services.documents import Documents
from workflow.services.history import History
from workflow.text.dates import format_date

__all__ = ["register"]


def register(add: Add) -> None:
    p = add("history", cmd_history, "every saved version of a meeting: who, when, what")
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("--ids", action="store_true", help="show each version's commit id too")
    p.add_argument("--json", action="store_true")

    p = add("diff", cmd_diff, "what changed between two versions, word by word")
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("rev1", metavar="REV1", help="a version number (v3), a tag or a commit")
    p.add_argument("rev2", metavar="REV2")
    p.add_argument("--confidential", action="store_true", help="include exempt business")
    p.add_argument("--json", action="store_true")
    p.add_argument("--colour", "--color", choices=["auto", "always", "never"], default="auto")

    p = add("redline", cmd_redline, "the minutes of REV2 with Word tracked changes against REV1")
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("rev1", metavar="REV1")
    p.add_argument("rev2", metavar="REV2")
    p.add_argument("-o", "--output", required=True, metavar="OUT.docx")
    p.add_argument("--confidential", action="store_true")

    p = add("restore", cmd_restore, "save an old version again as the newest (history kept)")
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("rev", metavar="REV")



def cmd_history(args: argparse.Namespace) -> int:
    with open_workspace() as workspace:
        versions = History(workspace).versions(args.meeting)
    if args.json:
        emit_json({
            "meeting": args.meeting,
            "versions": [
                {
                    "number": len(versions) - i,
                    "commit": v.commit,
                    "author": v.author.name,
                    "email": v.author.email,
                    "when": v.when.isoformat(),
                    "message": v.subject,
                    "status": v.trailers.get("Status", ""),
                    "tags": list(v.tags),
                }
                for i, v in enumerate(versions)
            ],
        })
        return 0
    width = len(str(len(versions)))
    for i, v in enumerate(versions):
        tags = f"  [{', '.join(t.rsplit('/', 1)[-1] for t in v.tags)}]" if v.tags else ""
        commit = f"{v.short}  " if args.ids else ""
        print(f"version {len(versions) - i:<{width}}  {commit}{format_date(v.when.date(), 'screen')} "
              f"{v.when:%H:%M}  {v.author.name:18} {v.subject}{tags}")
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    with open_workspace() as workspace:
        found = History(workspace).diff(args.meeting, args.rev1, args.rev2, confidential=args.confidential)
    if args.json:
        emit_json({"diff": found.to_json()})
        return 0
    colour = args.colour == "always" or (
        args.colour == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    )
    if found.is_empty:
        print("The two versions are the same.")
    else:
        sys.stdout.write(found.to_text(colour=colour).rstrip("\n") + "\n")
    return 0


def cmd_redline(args: argparse.Namespace) -> int:
    with open_workspace() as workspace:
        path = Documents(workspace).redline(args.meeting, args.rev1, args.rev2, Path(args.output),
                           confidential=args.confidential)
    print(f"Wrote {path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    with open_workspace() as workspace:
        history = History(workspace)
        version = history.restore(args.meeting, args.rev)
        name = history.name_of(args.meeting, version.commit)
    print(f"{version.subject} of {args.meeting}; it is now {name}.")
    return 0
