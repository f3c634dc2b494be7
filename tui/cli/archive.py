"""Commands on the archive as a whole: create or copy it, and share it with the team."""

from __future__ import annotations

import argparse
import sys

from tui.cli.common import Add, ask_identity, emit_json, interactive, open_workspace
from workflow.errors import UsageError
from workflow.services import archives
from workflow.services.sync import Sync, missing_folder, outcome
from workflow.services.workspace import clerk_identity
from workflow.settings import load_settings, store_identity

__all__ = ["register"]


def register(add: Add) -> None:
    p = add("init", cmd_init, "create an archive (a demo archive with --sample)")
    p.add_argument("--sample", action="store_true", help="fill it with a fictional council's meetings")
    p.add_argument("--clone", metavar="URL", help="copy a shared archive (a git remote) instead")
    p.add_argument("--name", help="your name, recorded with every version you save (kept in the settings)")
    p.add_argument("--email", help="your e-mail, recorded with your name")

    p = add("sync", cmd_sync, "pull and push the archive through a git remote")
    p.add_argument("remote", nargs="?", default="origin", metavar="REMOTE")
    p.add_argument("--url", help="the remote's address, to add it on first use")
    p.add_argument("--create", action="store_true",
                   help="create the shared archive at --url (a folder) if there is none yet")
    p.add_argument("--keep", choices=["mine", "theirs"],
                   help="settle a stopped sync by keeping your or the team's version")
    p.add_argument("--json", action="store_true")


def cmd_init(args: argparse.Namespace) -> int:
    _identify(args)
    if args.clone:
        if args.sample:
            raise UsageError("Choose --sample or --clone, not both.")
        path = archives.clone_archive(args.clone)
        print(f"Copied the shared archive {args.clone} to {path}")
        return 0
    path, created = archives.init_archive(sample=args.sample)
    what = "a demo archive with sample meetings" if args.sample else "an empty archive"
    if created:
        print(f"Created {what} at {path}")
    else:
        print(f"The archive at {path} already exists; nothing changed.")
    return 0


def _identify(args: argparse.Namespace) -> None:
    """Keep --name/--email in the settings; at a terminal, ask them when none is set."""
    if args.name or args.email:
        current = clerk_identity(load_settings())
        name = args.name or (current.name if current else "")
        email = args.email or (current.email if current else "")
        store_identity(name, email)
        print(f"Versions you save will be recorded as {name} <{email}>.")
    elif clerk_identity(load_settings()) is None and interactive():
        ask_identity()


def cmd_sync(args: argparse.Namespace) -> int:
    with open_workspace() as workspace:
        sync = Sync(workspace)
        if args.keep:
            version = sync.resolve(args.keep)
            print(f"Kept {'your' if args.keep == 'mine' else 'the team'}'s version ({version.short}).")
        result, problems = sync.sync(args.remote, url=args.url, create=_create(args))
    if args.json:
        emit_json({"action": result.action, "head": result.head, "received": list(result.received),
                   "sent": list(result.sent), "problems": problems})
    else:
        print(f"{outcome(result)} ({result.head[:10]}).")
        for meeting in result.received:
            print(f"  received: {meeting}")
        for meeting in result.sent:
            print(f"  sent: {meeting}")
        for problem in problems:
            print(f"warning: {problem}", file=sys.stderr)
    return 1 if problems else 0


def _create(args: argparse.Namespace) -> bool:
    """--create, or the clerk's yes when asked at a terminal about a folder with no archive."""
    if args.create or args.url is None or not sys.stdin.isatty():
        return bool(args.create)
    if not missing_folder(args.url):
        return False
    try:
        answer = input(f"There is no shared archive at {args.url} yet. Create it there? [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in {"y", "yes"}
