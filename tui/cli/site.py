"""The ``site`` subcommand: write the archive's public record as a static website."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli.common import Add, open_workspace
from workflow.render.pack import has_libreoffice, to_pdf
from workflow.site.builder import build_site
from workflow.site.source import ArchiveSource

__all__ = ["register"]


def register(add: Add) -> None:
    p = add("site", cmd_site, "write the public record as a static website (pages, feeds, open data)")
    p.add_argument("-o", "--output", required=True, metavar="DIR",
                   help="the site's folder: empty, or one a site was built in before")
    p.add_argument("--base-url", default="", metavar="URL",
                   help="the address the site will be served from, for absolute links in "
                        "feeds and data (default: links relative to the site)")
    p.add_argument("--no-pdf", action="store_true",
                   help="do not convert the Word documents to PDF even if LibreOffice is installed")


def cmd_site(args: argparse.Namespace) -> int:
    base = args.base_url
    if base and not base.endswith("/"):
        base += "/"
    pdf = to_pdf if has_libreoffice() and not args.no_pdf else None
    out = Path(args.output)
    with open_workspace() as workspace:
        result = build_site(ArchiveSource(workspace), out, base_url=base, pdf=pdf)
    for problem in result.skipped:
        print(f"Left out {problem}", file=sys.stderr)
    print(f"Built the site of {result.meetings} meetings in {out}: {result.built} rebuilt, "
          f"{len(result.written)} files written, {len(result.removed)} removed.")
    if pdf is None and not args.no_pdf:
        print("LibreOffice is not installed, so the Word documents have no PDF copies.")
    print(f"To look at it: python -m http.server --directory {out}  (then open http://localhost:8000/)")
    return 0
