"""Subcommands for versions: history, diff, redline, restore, search and sync."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from tui.commands import emit_json, service

__all__ = ["register"]


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    p = add("history", cmd_history, "every saved version of a meeting: who, when, what")
    p.add_argument("meeting", metavar="MEETING")
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
