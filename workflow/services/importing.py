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
from collections import Counter
from collections.abc import Callable, Sequence
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
    """What one file gave: the meeting made and everything the clerk should know about it."""

    file: str
    meeting: str = ""
    items: int = 0
    resolutions: int = 0
    votes: int = 0
    not_understood: tuple[Line, ...] = ()
    flagged: tuple[Line, ...] = ()
    """Lines kept as narrative because no field fitted them: to review."""
    ignored_lines: tuple[Line, ...] = ()
    """Lines (or parts) left out of the record, each with its reason."""
    warnings: tuple[str, ...] = ()
    error: str = ""
    saved: bool = False
    lines: int = 0
    """Source lines with text, every one read into the record, flagged or ignored."""
    ignored_whole: int = 0

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def ignored(self) -> int:
        return len(self.ignored_lines)

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "meeting": self.meeting,
            "items": self.items,
            "resolutions": self.resolutions,
            "votes": self.votes,
            "ignored": self.ignored,
            "ignored_lines": [{"line": x.number, "text": x.text, "reason": x.reason}
                              for x in self.ignored_lines],
            "flagged": [{"line": x.number, "text": x.text, "reason": x.reason} for x in self.flagged],
            "not_understood": [{"line": x.number, "text": x.text} for x in self.not_understood],
            "lines": self.lines,
            "warnings": list(self.warnings),
            "error": self.error,
            "saved": self.saved,
        }

    def details(self) -> list[str]:
        """The report's lines for this file: flagged lines, what was ignored and why, warnings."""
        name = self.file
        if self.error:
            return []
        flagged = len({x.number for x in self.flagged})
        read = self.lines - self.ignored_whole - flagged - len(self.not_understood)
        out = [f"{name}: {self.lines} line(s) with text: {read} read into the record, {flagged} kept "
               f"as narrative to review, {self.ignored_whole} ignored, {len(self.not_understood)} "
               "not accounted for."]
        out += [f"{name}: {len(self.flagged)} line(s) kept as narrative, to review:"] if self.flagged else []
        out += [f"  line {x.number}: {_short(x.text)} ({x.reason})" for x in self.flagged]
        out += [f"{name}:{x.number}: not understood: {x.text}" for x in self.not_understood]
        if self.ignored_lines:
            out.append(f"{name}: ignored {self.ignored} line(s) or part(s):")
            by_reason: dict[str, list[Line]] = {}
            for line in self.ignored_lines:
                by_reason.setdefault(line.reason, []).append(line)
            for reason, lines in by_reason.items():
                numbers = ", ".join(str(n) for n in sorted({x.number for x in lines})[:12])
                more = "…" if len({x.number for x in lines}) > 12 else ""
                example = Counter(_short(x.text, 30) for x in lines).most_common(1)[0][0]
                out.append(f"  {reason}: {len(lines)} (lines {numbers}{more}; e.g. '{example}')")
        out += [f"{name}: warning: {w}" for w in self.warnings]
        return out


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass
class ImportOutcome:
    rows: list[ImportRow] = field(default_factory=list)

    def table(self) -> str:
        head = ("FILE", "MEETING", "ITEMS", "RESOLUTIONS", "VOTES", "FLAGGED", "IGNORED")
        body = [
            (r.file, r.meeting or f"error: {r.error}", str(r.items), str(r.resolutions), str(r.votes),
             str(len(r.flagged) + len(r.not_understood)), str(r.ignored))
            for r in self.rows
        ]
        widths = [max(len(row[i]) for row in [head, *body]) for i in range(len(head))]
        return "\n".join(
            "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip()
            for row in [head, *body]
        )

    def report(self, *, dry_run: bool = False) -> str:
        """The table, then per file what was flagged, ignored and warned about."""
        lines = [self.table()]
        for row in self.rows:
            lines.extend(row.details())
        if dry_run:
            lines.append("Dry run: nothing was saved.")
        return "\n".join(lines)


def _count_resolutions(meeting: Meeting) -> int:
    def count(resolutions: Sequence[Any]) -> int:
        return sum(1 + count(r.children) for r in resolutions)

    return sum(count(item.resolutions) for item in meeting.items)


def _count_votes(meeting: Meeting) -> int:
    """Motions with a vote recorded by count or by name (not a bare outcome)."""
    return sum(
        1 for item in meeting.items for motion in item.motions
        if motion.vote is not None and (motion.vote.recorded or motion.vote.for_count is not None
                                        or motion.vote.against_count is not None)
    )


def import_files(
    workspace: Workspace,
    files: Sequence[Path],
    *,
    committee: str | None = None,
    date: dt.date | None = None,
    dry_run: bool = False,
    replace: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
) -> ImportOutcome:
    """Import each file; one file's failure never stops the others.

    ``progress(done, total, name)`` is called before each file and once at the end.
    """
    outcome = ImportOutcome()
    checks = Checks(workspace)
    for number, path in enumerate(files, start=1):
        if progress is not None:
            progress(number - 1, len(files), path.name)
        try:
            outcome.rows.append(_one(checks, path, committee, date, dry_run, replace))
        except MinutebookError as exc:
            message = exc.message
            if isinstance(exc, InvalidRecord) and exc.errors:
                message = f"{exc.message}"
            outcome.rows.append(ImportRow(file=str(path), error=message))
    if progress is not None:
        progress(len(files), len(files), "")
    return outcome


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
        votes=_count_votes(meeting),
        not_understood=result.report.not_understood,
        flagged=result.report.flagged,
        ignored_lines=result.report.ignored,
        lines=result.report.lines,
        ignored_whole=result.report.ignored_whole,
        warnings=tuple(warnings),
    )
    if dry_run:
        return row
    source = f"{files.meeting_folder(meeting.id)}/source/{_safe_name(path.name)}.txt"
    saved = meetings.files_of(meeting)
    saved[source] = result.source_text.encode("utf-8")
    verb = "Re-imported" if exists else "Imported"
    message = f"{verb} from {path.name}"
    trailers = {"Meeting": meeting.id, "Status": meeting.status.value, "Imported-From": path.name}
    if meeting.committee not in register.committee_slugs():
        name = meeting.committee_name or meeting.committee
        committee_path, committee_text = register.committee_file(Committee(
            slug=meeting.committee, name=name,
            council=meeting.council or register.settings.council,
            venue=meeting.venue, contact=meeting.contact,
        ))
        saved[committee_path] = committee_text
        message += f"; committee added: {name}"
        trailers["Committee"] = meeting.committee
    if exists:
        approval.check_edit(meetings.load(meeting.id), meeting)
    checks.workspace.save_files(saved, message, trailers, based_on=None)
    return dataclasses.replace(row, saved=True)


def _safe_name(name: str) -> str:
    """The source file's name as the archive keeps it: letters, digits, ``-_.``, and short
    enough for any file system (the name in full is in the version's trailer)."""
    keep = "".join(c if c.isalnum() or c in "-_." else "-" for c in name)
    return keep.strip(".-")[:120].strip(".-") or "source"
