"""Bringing published minutes into the archive: import, validate, save, report.

The importers (:mod:`workflow.importers`) read; this module decides what happens in the
archive: a meeting that already exists is refused unless ``replace`` is asked for (then it
becomes a new version, never a silent overwrite); a committee the archive does not know
is added from what the source says; the source text is kept beside the record; the
version is authored by the clerk with a message naming the file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workflow.errors import InvalidRecord, MinutebookError
from workflow.importers import Line, import_file
from workflow.record import files
from workflow.record.model import Committee, Meeting
from workflow.rules import approval
from workflow.services.checks import Checks
from workflow.services.workspace import Workspace

__all__ = ["ImportOutcome", "ImportRow", "import_files"]


@dataclass(frozen=True, slots=True)
class ImportRow:
    file: str
    meeting: str = ""
    items: int = 0
    resolutions: int = 0
    not_understood: tuple[Line, ...] = ()
    ignored: int = 0
    warnings: tuple[str, ...] = ()
    error: str = ""
    saved: bool = False

    @property
    def ok(self) -> bool:
        return not self.error

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "meeting": self.meeting,
            "items": self.items,
            "resolutions": self.resolutions,
            "ignored": self.ignored,
            "not_understood": [{"line": x.number, "text": x.text} for x in self.not_understood],
            "warnings": list(self.warnings),
            "error": self.error,
            "saved": self.saved,
        }


@dataclass
class ImportOutcome:
    rows: list[ImportRow] = field(default_factory=list)

    def table(self) -> str:
        head = ("FILE", "MEETING", "ITEMS", "RESOLUTIONS", "NOT UNDERSTOOD")
        body = [
            (r.file, r.meeting or f"error: {r.error}", str(r.items), str(r.resolutions),
             str(len(r.not_understood)))
            for r in self.rows
        ]
        widths = [max(len(row[i]) for row in [head, *body]) for i in range(5)]
        return "\n".join(
            "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip()
            for row in [head, *body]
        )


def _count_resolutions(meeting: Meeting) -> int:
    def count(resolutions: Sequence[Any]) -> int:
        return sum(1 + count(r.children) for r in resolutions)

    return sum(count(item.resolutions) for item in meeting.items)


def import_files(
    workspace: Workspace,
    files: Sequence[Path],
    *,
    committee: str | None = None,
    date: dt.date | None = None,
    dry_run: bool = False,
    replace: bool = False,
    progress: bool = False,
) -> ImportOutcome:
    """Import each file; one file's failure never stops the others."""
    outcome = ImportOutcome()
    checks = Checks(workspace)
    for number, path in enumerate(files, start=1):
        if progress:
            _progress(number, len(files), path.name)
        try:
            outcome.rows.append(_one(checks, path, committee, date, dry_run, replace))
        except MinutebookError as exc:
            message = exc.message
            if isinstance(exc, InvalidRecord) and exc.errors:
                message = f"{exc.message}"
            outcome.rows.append(ImportRow(file=str(path), error=message))
    if progress:
        sys.stderr.write("\r" + " " * 60 + "\r")
    return outcome


def _progress(number: int, total: int, name: str) -> None:
    width = 20
    done = int(width * (number - 1) / max(total, 1))
    sys.stderr.write(f"\r[{'#' * done}{'.' * (width - done)}] {number}/{total} {name[:30]}")
    sys.stderr.flush()


def _one(
    checks: Checks, path: Path, committee: str | None, date: dt.date | None,
    dry_run: bool, replace: bool,
) -> ImportRow:
    meetings, register = checks.meetings, checks.register
    result = import_file(path, committee=committee, date=date, people=register.people())
    meeting = result.meeting
    errors = [p for p in files.check(meeting, register.context()) if p.severity == "error"]
    if errors:
        raise InvalidRecord(f"{path.name} (as imported)", errors)
    warnings = list(result.report.warnings)
    warnings += [f"{p.path}: {p.message}" for p in checks.rule_problems(meeting)]
    exists = meetings.exists(meeting.id)
    if exists and not replace:
        raise MinutebookError(
            f"{meeting.id} is already in the archive; add --replace to save the import as a "
            "new version of it."
        )
    row = ImportRow(
        file=str(path),
        meeting=meeting.id,
        items=len(meeting.items),
        resolutions=_count_resolutions(meeting),
        not_understood=result.report.not_understood,
        ignored=len(result.report.ignored),
        warnings=tuple(warnings),
    )
    if dry_run:
        return row
    if meeting.committee not in register.committee_slugs():
        register.save_committee(
            Committee(
                slug=meeting.committee,
                name=meeting.committee_name or meeting.committee,
                council=meeting.council or register.settings.council,
                venue=meeting.venue,
                contact=meeting.contact,
            ),
            f"Committee added on import: {meeting.committee_name or meeting.committee}",
        )
    source = f"{files.meeting_folder(meeting.id)}/source/{_safe_name(path.name)}.txt"
    saved = meetings.files_of(meeting)
    saved[source] = result.source_text.encode("utf-8")
    verb = "Re-imported" if exists else "Imported"
    if exists:
        approval.check_edit(meetings.load(meeting.id), meeting)
    checks.workspace.save_files(
        saved,
        f"{verb} from {path.name}",
        {"Meeting": meeting.id, "Status": meeting.status.value, "Imported-From": path.name},
        based_on=None,
    )
    return dataclasses.replace(row, saved=True)


def _safe_name(name: str) -> str:
    keep = "".join(c if c.isalnum() or c in "-_." else "-" for c in name)
    return keep.strip(".-") or "source"
