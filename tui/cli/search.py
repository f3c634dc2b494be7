"""The ``search`` command: meetings and items that mention some words."""

from __future__ import annotations

import argparse

from tui.cli.common import Add, emit_json, open_workspace
from workflow.services.search import Search

__all__ = ["register"]


def register(add: Add) -> None:
    p = add("search", cmd_search, "find meetings and items that mention some words")
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--confidential", action="store_true", help="search exempt business too")
    p.add_argument("--limit", type=int, default=1000, help="show at most this many lines (default 1000)")
    p.add_argument("--json", action="store_true")


def cmd_search(args: argparse.Namespace) -> int:
    with open_workspace() as workspace:
        hits = Search(workspace).search(args.text, confidential=args.confidential, limit=max(args.limit, 1))
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
