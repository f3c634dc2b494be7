"""A child process for the concurrency tests: save one meeting over and over.

Usage: python saver.py ARCHIVE MEETING SOURCE TAG COUNT. Waits for a line on stdin (so
several savers start together), then saves COUNT versions of MEETING from the record in
SOURCE, the venue set to "TAG N", printing "<commit> <N>" after each acknowledged save.
"""

from __future__ import annotations

import sys
from pathlib import Path

from workflow.errors import MinutebookError
from workflow.services.meetings import Meetings
from workflow.services.workspace import Workspace


def main(archive: str, meeting: str, source: str, tag: str, count: str) -> int:
    base = Path(source).read_text(encoding="utf-8")
    sys.stdin.readline()
    with Workspace.open(Path(archive), create=False) as workspace:
        service = Meetings(workspace)
        for n in range(int(count)):
            text = "".join(
                f"venue: {tag} {n}\n" if line.startswith("venue:") else line
                for line in base.splitlines(keepends=True)
            )
            try:
                version = service.save_text(meeting, text.encode(), message=f"{tag} {n}", where=source)
            except MinutebookError as exc:
                print(f"refused {n} {exc.message}", file=sys.stderr, flush=True)
                continue
            print(f"{version.commit} {n}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:]))
