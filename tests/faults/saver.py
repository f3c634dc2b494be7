"""A child process for the concurrency tests: save one meeting over and over.

Usage: python saver.py ARCHIVE MEETING SOURCE TAG COUNT. Waits for a line on stdin (so
several savers start together), then saves COUNT versions of MEETING from the record in
SOURCE, the venue set to "TAG N", each based on the newest version as it reads it just
before (keeping its own venue when another saver changed it in between), printing
"<commit> <N>" after each acknowledged save.
"""

from __future__ import annotations

import sys
from pathlib import Path

from archive import Version
from workflow.errors import MinutebookError
from workflow.services.meetings import EditConflict, Meetings
from workflow.services.workspace import Workspace


def _save(service: Meetings, meeting: str, text: bytes, message: str, source: str) -> Version:
    """Save based on the newest version; when another saver changed the venue in between,
    keep this saver's venue over theirs (both stay in the history)."""
    try:
        return service.save_text(meeting, text, message=message, where=source,
                                 based_on=service.workspace.head()).version
    except EditConflict as first:
        conflict = first
    while True:
        mine = conflict.resolve({c.key: "mine" for c in conflict.merge.unresolved})
        try:
            return service.save(mine, message=message, based_on=conflict.head).version
        except EditConflict as again:
            conflict = again


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
                version = _save(service, meeting, text.encode(), f"{tag} {n}", source)
            except MinutebookError as exc:
                print(f"refused {n} {exc.message}", file=sys.stderr, flush=True)
                continue
            print(f"{version.commit} {n}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:]))
