"""Service operations on versions: naming revisions, diff, redline, restore, search, sync.

Revisions are named the way a clerk sees them in ``history``: a version number (``3`` or
``v3``), a tag of the meeting (``agenda-published-1``, or its full name), or a commit.
Public callers get public diffs and search results: exempt content is left out unless
``confidential`` is asked for.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import archive as store
from workflow import records
from workflow.errors import MinutebookError, NotFound, Refused

if TYPE_CHECKING:
    from workflow.diff import MeetingDiff
    from workflow.service import Service

__all__ = ["HistoryMixin", "SearchHit", "SearchResults"]

_VERSION = re.compile(r"^[vV]?(\d{1,6})$")


@dataclass(frozen=True, slots=True)
class SearchHit:
    meeting: str
    path: str
    line: int
    text: str
    confidential: bool
    item: str = ""
    """Minute number of the item the line belongs to (agenda number if it has none)."""
    item_title: str = ""


_ITEM_START = re.compile(r"^- uid: ")
_FIELD = re.compile(r"^  (minute_number|agenda_number|title|public_title): (.*)$")
_EXEMPT_ITEM = re.compile(r"^  ([A-Za-z0-9_.-]+):$")
_EXEMPT_TITLE = re.compile(r"^    title: (.*)$")


def _yaml_pattern(text: str) -> str:
    """An extended regex matching ``text`` as the YAML files store it (quotes doubled)."""
    escaped = re.sub(r"([.\[\]()*+?{}|^$\\])", r"\\\1", text)
    return escaped.replace("'", "'{1,2}")


def _unquote(raw: str) -> str:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "'\"":
        raw = raw[1:-1]
    return raw.replace("''", "'")


def _item_table(lines: list[str], exempt: bool) -> tuple[list[int], list[tuple[str, str]]]:
    """Where each item's block starts in a meeting file, with its (number, title)."""
    starts: list[int] = []
    labels: list[tuple[str, str]] = []
    opener, field = (_EXEMPT_ITEM, _EXEMPT_TITLE) if exempt else (_ITEM_START, _FIELD)
    fields: dict[str, str] = {}
    for index, text in enumerate(lines):
        if opener.match(text):
            if starts:
                labels.append(_label(fields))
            starts.append(index)
            fields = {}
        elif starts:
            match = field.match(text)
            if match and exempt:
                fields.setdefault("title", _unquote(match.group(1)))
            elif match:
                fields.setdefault(match.group(1), _unquote(match.group(2)))
    if starts:
        labels.append(_label(fields))
    return starts, labels


def _label(fields: dict[str, str]) -> tuple[str, str]:
    number = fields.get("minute_number") or fields.get("agenda_number", "")
    return number, fields.get("title") or fields.get("public_title", "")


class SearchResults(list[SearchHit]):
    """The hits of a search, at most the limit asked for; ``more`` when others matched."""

    more: bool = False


class HistoryMixin:
    """Versions of meetings; mixed into :class:`workflow.service.Service`."""

    def resolve_rev(self: Service, meeting_id: str, rev: str) -> str:
        """The commit a clerk means by ``rev`` for this meeting."""
        if rev in ("", "HEAD"):
            return self.archive.resolve("HEAD")
        match = _VERSION.match(rev)
        if match and len(rev) < 7:
            versions = self.versions_at_head(meeting_id)
            number = int(match.group(1))
            if not 1 <= number <= len(versions):
                raise NotFound(
                    f"{meeting_id} has versions 1 to {len(versions)}; there is no version {number}."
                )
            return versions[len(versions) - number].commit
        for name in (f"{meeting_id}/{rev}", rev):
            if name in self.archive.tags(name):
                return self.archive.resolve(f"refs/tags/{name}")
        try:
            return self.archive.resolve(rev)
        except store.ArchiveError:
            raise NotFound(
                f"'{rev}' is not a version of {meeting_id}; use a number from "
                f"`minutebook history {meeting_id}`, a tag or a commit."
            ) from None

    def versions_at_head(self: Service, meeting_id: str) -> list[store.Version]:
        """The meeting's history, listed once per head of the archive."""
        head = self.archive.resolve("HEAD")
        cached = self._versions.get(meeting_id)
        if cached is None or cached[0] != head:
            cached = (head, self.history(meeting_id))
            self._versions[meeting_id] = cached
        return cached[1]

    def diff(
        self: Service,
        meeting_id: str,
        rev1: str,
        rev2: str,
        *,
        confidential: bool = False,
    ) -> MeetingDiff:
        """What changed between two versions; public unless ``confidential``."""
        from workflow.diff import diff_meetings

        old = self.load(meeting_id, rev=self.resolve_rev(meeting_id, rev1), public=not confidential)
        new = self.load(meeting_id, rev=self.resolve_rev(meeting_id, rev2), public=not confidential)
        return diff_meetings(old, new, people=self.people())

    def redline(
        self: Service,
        meeting_id: str,
        rev1: str,
        rev2: str,
        out: Path,
        *,
        confidential: bool = False,
    ) -> Path:
        """The minutes as of ``rev2`` with Word tracked changes against ``rev1``."""
        from workflow.redaction import public_view
        from workflow.render import write_output
        from workflow.render.redline import redline_docx

        c1, c2 = self.resolve_rev(meeting_id, rev1), self.resolve_rev(meeting_id, rev2)
        old = self.load(meeting_id, rev=c1, public=not confidential)
        new = self.load(meeting_id, rev=c2, public=not confidential)
        if not confidential:
            old, new = public_view(old), public_view(new)
        version = self.archive.version(c2)
        data = redline_docx(
            old,
            new,
            people=self.people(),
            author=version.author.name,
            when=version.when,
            confidential=confidential,
            language=self.settings.language,
            style_path=self._style_path(),
        )
        write_output(data, out)
        return out

    def restore(self: Service, meeting_id: str, rev: str) -> store.Version:
        """Save an old version again as the newest one (history is never rewritten)."""
        commit = self.resolve_rev(meeting_id, rev)
        old = self.load(meeting_id, rev=commit)
        current = self.load(meeting_id)
        if old == current:
            raise Refused(f"Version {rev} of {meeting_id} is the same as the current one; nothing to restore.")
        self.check_edit(current, old)
        number = next(
            (len(vs) - i for vs in [self.history(meeting_id)] for i, v in enumerate(vs) if v.commit == commit),
            None,
        )
        label = f"version {number}" if number else f"commit {commit[:10]}"
        return self.save(old, message=f"Restored {label}", trailers={"Restored-From": commit})

    def search(
        self: Service, text: str, *, confidential: bool = False, limit: int | None = 1000
    ) -> SearchResults:
        """Lines of saved meetings that mention ``text`` (git grep over the archive's files,
        which every save keeps equal to the newest version); exempt files only when
        ``confidential``. At most ``limit`` hits; ``more`` says whether others matched."""
        if not text.strip():
            raise MinutebookError("Give the words to search for.")
        pathspecs = [":(glob)meetings/**/" + records.MEETING_FILE]
        if confidential:
            pathspecs.append(":(glob)meetings/**/" + records.EXEMPT_FILE)
        try:
            if limit is None:
                found, more = self.archive.grep(
                    _yaml_pattern(text.strip()), paths=pathspecs, fixed=False, rev=None
                ), False
            else:
                found, more = self.archive.grep_first(
                    _yaml_pattern(text.strip()), limit, paths=pathspecs, fixed=False, rev=None
                )
        except store.ArchiveError as exc:
            raise MinutebookError(exc.message) from None
        hits = SearchResults()
        hits.more = more
        tables: dict[str, tuple[list[int], list[tuple[str, str]]]] = {}
        for path, line, content in found:
            meeting = path[len("meetings/") :].rsplit("/", 1)[0]
            exempt = path.endswith(records.EXEMPT_FILE)
            if path not in tables:
                lines = (self.root / path).read_text("utf-8", "replace").splitlines()
                tables[path] = _item_table(lines, exempt)
            starts, labels = tables[path]
            at = bisect.bisect_right(starts, line - 1) - 1
            number, title = labels[at] if at >= 0 else ("", "")
            hits.append(SearchHit(meeting, path, line, content.strip(), exempt, number, title))
        return hits

    def sync(
        self: Service, remote: str = "origin", url: str | None = None
    ) -> tuple[store.SyncResult, list[str]]:
        """Pull and push through a git remote; then check what came in.

        Every received meeting is validated, and approved minutes must have changed only
        by a recorded amendment; problems are returned as sentences for the clerk.
        """
        before = self.archive.resolve("HEAD")
        try:
            result = store.sync(
                self.archive, remote=remote, url=url, author=self.identity, when=self.clock()
            )
        except store.SyncConflict as exc:
            raise MinutebookError(_conflict_sentence(exc), title="Sync conflict") from None
        except store.ArchiveError as exc:
            raise MinutebookError(exc.message, title="Sync") from None
        return result, self._received_problems(result, before)

    def resolve_sync(self: Service, keep: str) -> store.Version:
        """Settle the pending sync conflict keeping this archive's ("mine") or the team's
        ("theirs") version of each meeting changed on both sides; the other stays in history."""
        side = {"mine": "local", "theirs": "remote"}[keep]
        pending = store.conflict_refs(self.archive)
        if not pending:
            raise MinutebookError("There is no sync conflict waiting to be settled.")
        version = None
        for ref in sorted(pending):
            try:
                version = store.resolve_conflict(
                    self.archive, ref, side, author=self.identity, when=self.clock()  # type: ignore[arg-type]
                )
            except store.ArchiveError as exc:
                raise MinutebookError(exc.message, title="Sync") from None
        assert version is not None
        return version

    def _received_problems(self: Service, result: store.SyncResult, before: str) -> list[str]:
        problems: list[str] = []
        for name in result.received:
            meeting_id = name.removeprefix("meetings/").rstrip("/")
            if not self.exists(meeting_id):
                continue
            try:
                new = self.load(meeting_id)
                errors = [p for p in self.check(new) if p.severity == "error"]
                if errors:
                    problems.append(f"{meeting_id} came in with problems: {errors[0]}")
                if self.exists(meeting_id, before):
                    self.check_edit(self.load(meeting_id, rev=before), new)
            except MinutebookError as exc:
                problems.append(f"{meeting_id}: {exc.message}")
        return problems


def _conflict_sentence(exc: store.SyncConflict) -> str:
    which = ", ".join(exc.units) or "a meeting"
    return (
        f"{which} changed both here and in the shared archive, so the sync stopped and "
        "changed nothing; both versions are kept. Compare them, then run `minutebook sync "
        "--keep mine` or `--keep theirs` (the other version stays in the history)."
    )
