"""Commands that write documents: render (Word), export (Markdown, HTML, JSON), pack (PDF)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli.common import Add, open_workspace
from workflow.render.documents import write_output
from workflow.services.documents import Documents

__all__ = ["register"]


def register(add: Add) -> None:
    p = add("render", cmd_render, "write the Word agenda or minutes of a meeting")
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("document", choices=["agenda", "minutes"])
    p.add_argument("--confidential", action="store_true",
                   help="include exempt business, marked NOT FOR PUBLICATION")
    p.add_argument("--rev", default="HEAD", help="a version number, tag or commit")
    p.add_argument("-o", "--output", required=True, metavar="OUT.docx")

    p = add("export", cmd_export, "the meeting as Markdown, HTML or JSON (public unless --confidential)")
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("--format", required=True, choices=["markdown", "html", "json"])
    p.add_argument("--document", choices=["agenda", "minutes"],
                   help="default: the minutes once they are started, else the agenda")
    p.add_argument("--confidential", action="store_true")
    p.add_argument("--rev", default="HEAD")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")

    p = add("pack", cmd_pack, "the published agenda pack as one PDF (needs LibreOffice)")
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf")



def cmd_render(args: argparse.Namespace) -> int:
    with open_workspace() as workspace:
        path = Documents(workspace).render(args.meeting, args.document, confidential=args.confidential, rev=args.rev,
                          out=Path(args.output))
    print(f"Wrote {path}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with open_workspace() as workspace:
        text = Documents(workspace).export(args.meeting, args.format, which=args.document,
                          confidential=args.confidential, rev=args.rev)
    if args.output:
        write_output(text, Path(args.output))
        print(f"Wrote {args.output}")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def cmd_pack(args: argparse.Namespace) -> int:
    with open_workspace() as workspace:
        path = Documents(workspace).pack(args.meeting, Path(args.output))
    print(f"Wrote {path}")
    return 0
