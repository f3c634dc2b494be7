"""The ``search`` command: meetings and items that mention some words, as a clerk cites them.

Each meeting is named once ("Planning Committee, Wed 4 Nov 2026"), then each item found
with its citable reference ("Minute 12/26") and the sentence holding the words.
"""

from __future__ import annotations

import argparse
import os
import sys

from tui.cli.common import Add, emit_json, open_workspace
from workflow.services.search import Search, SearchHit, SearchResults

__all__ = ["readable_lines", "register"]


def register(add: Add) -> None:
    p = add("search", cmd_search, "find meetings and items that mention some words")
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--confidential", action="store_true", help="search exempt business too")
    p.add_argument("--limit", type=int, default=1000, help="show at most this many matches (default 1000)")
    p.add_argument("--colour", "--color", choices=["auto", "always", "never"], default="auto",
                   help="show the words found in bold")
    p.add_argument("--json", action="store_true")


def _marked(hit: SearchHit, bold: bool) -> str:
    if not bold:
        return hit.text
    out, at = [], 0
    for start, end in hit.spans:
        out += [hit.text[at:start], "\033[1m", hit.text[start:end], "\033[22m"]
        at = end
    return "".join(out) + hit.text[at:]


def readable_lines(hits: SearchResults, *, bold: bool = False) -> list[str]:
    """The hits as a clerk reads them: each meeting once, then each item and its sentence."""
    lines: list[str] = []
    meeting = item = None
    for hit in hits:
        if hit.meeting != meeting:
            lines.append(f"{hit.meeting_name} ({hit.meeting})")
            meeting, item = hit.meeting, None
        if (hit.uid, hit.confidential) != item:
            mark = " [exempt: not for publication]" if hit.confidential else ""
            lines.append(f"  {hit.where}{mark}")
            item = (hit.uid, hit.confidential)
        lines.append(f"    {_marked(hit, bold)}")
    return lines


def cmd_search(args: argparse.Namespace) -> int:
    with open_workspace() as workspace:
        hits = Search(workspace).search(args.text, confidential=args.confidential, limit=max(args.limit, 1))
    if args.json:
        emit_json({"query": args.text, "more": hits.more, "hits": [
            {"meeting": h.meeting, "meeting_name": h.meeting_name, "item": h.item, "uid": h.uid,
             "reference": h.reference, "title": h.item_title, "line": h.line, "text": h.text,
             "confidential": h.confidential} for h in hits]})
        return 0
    if not hits:
        print(f"Nothing mentions '{args.text}'.")
        return 0
    bold = args.colour == "always" or (
        args.colour == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    )
    print("\n".join(readable_lines(hits, bold=bold)))
    if hits.more:
        print(f"Only the first {len(hits)} matches are shown; add words to narrow the search.")
    return 0
