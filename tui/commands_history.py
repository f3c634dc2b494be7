"""Subcommands for versions: history, diff, redline, restore, search and sync."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from tui.commands import emit_json, service

__all__ = ["register"]


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    p = add("history", cmd_history, "every saved version of a meeting: who, when, what")
    p.add_argument("meeting", metavar="MEETING")
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

    p = add("search", cmd_search, "find meetings and items that mention some words")
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--confidential", action="store_true", help="search exempt business too")
    p.add_argument("--limit", type=int, default=1000, help="show at most this many lines (default 1000)")
    p.add_argument("--json", action="store_true")

    p = add("sync", cmd_sync, "pull and push the archive through a git remote")
    p.add_argument("remote", nargs="?", default="origin", metavar="REMOTE")
    p.add_argument("--url", help="the remote's address, to add it on first use")
    p.add_argument("--keep", choices=["mine", "theirs"],
                   help="settle a stopped sync by keeping your or the team's version")
    p.add_argument("--json", action="store_true")


def cmd_history(args: argparse.Namespace) -> int:
    with service() as svc:
        versions = svc.history(args.meeting)
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
    for i, v in enumerate(versions):
        tags = f"  [{', '.join(t.rsplit('/', 1)[-1] for t in v.tags)}]" if v.tags else ""
        print(f"v{len(versions) - i:<3} {v.short}  {v.when:%Y-%m-%d %H:%M}  {v.author.name:18} {v.subject}{tags}")
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    import os
    import sys

    with service() as svc:
        found = svc.diff(args.meeting, args.rev1, args.rev2, confidential=args.confidential)
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
    with service() as svc:
        path = svc.redline(args.meeting, args.rev1, args.rev2, Path(args.output),
                           confidential=args.confidential)
    print(f"Wrote {path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    with service() as svc:
        version = svc.restore(args.meeting, args.rev)
    print(f"{version.subject}: {args.meeting} (version {version.short}).")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with service() as svc:
        hits = svc.search(args.text, confidential=args.confidential, limit=max(args.limit, 1))
    if args.json:
        emit_json({"query": args.text, "more": hits.more, "hits": [
            {"meeting": h.meeting, "item": h.item, "title": h.item_title, "line": h.line,
             "text": h.text, "confidential": h.confidential} for h in hits]})
        return 0
    if not hits:
        print(f"Nothing mentions '{args.text}'.")
        return 0
    for h in hits:
        where = f"minute {h.item} {h.item_title}".strip() if h.item else (h.item_title or "meeting details")
        mark = " [exempt]" if h.confidential else ""
        print(f"{h.meeting}  {where}{mark}: {h.text}")
    if hits.more:
        print(f"Only the first {len(hits)} lines are shown; add words to narrow the search.")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    import sys

    with service() as svc:
        if args.keep:
            version = svc.resolve_sync(args.keep)
            print(f"Kept {'your' if args.keep == 'mine' else 'the team'}'s version ({version.short}).")
        result, problems = svc.sync(args.remote, url=args.url)
    if args.json:
        emit_json({"action": result.action, "head": result.head, "received": list(result.received),
                   "sent": list(result.sent), "problems": problems})
    else:
        words = {"up-to-date": "Already up to date", "pushed": "Sent your versions",
                 "pulled": "Received the team's versions", "merged": "Received and sent versions"}
        print(f"{words.get(result.action, result.action)} ({result.head[:10]}).")
        for meeting in result.received:
            print(f"  received: {meeting}")
        for meeting in result.sent:
            print(f"  sent: {meeting}")
        for problem in problems:
            print(f"warning: {problem}", file=sys.stderr)
    return 1 if problems else 0
