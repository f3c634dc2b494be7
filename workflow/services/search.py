"""Searching the saved meetings for words: the line, its meeting and the item it is in.

Lives here: :class:`Search` and its results (:class:`SearchHit`, :class:`SearchResults`).
The archive's files are searched with git (``git grep`` over the files every save keeps
equal to the newest version); the item each line belongs to is found by reading the file
through the codec, which knows where each item starts. Exempt files are searched only when
``confidential`` is asked for. Must not live here: how git searches (:mod:`archive`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import archive as store
from workflow.errors import MinutebookError
from workflow.record import codec, files
from workflow.services.workspace import Workspace

__all__ = ["Search", "SearchHit", "SearchResults"]


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


class SearchResults(list[SearchHit]):
    """The hits of a search, at most the limit asked for; ``more`` when others matched."""

    more: bool = False


ItemTable = tuple[list[int], list[tuple[str, str]]]
"""The first line of each item of a file, and each item's (number, title)."""


def _yaml_pattern(text: str) -> str:
    """An extended regex matching ``text`` as the YAML files store it (quotes doubled)."""
    escaped = re.sub(r"([.\[\]()*+?{}|^$\\])", r"\\\1", text)
    return escaped.replace("'", "'{1,2}")


def _label(entry: object) -> tuple[str, str]:
    if not isinstance(entry, dict):
        return "", ""
    number = str(entry.get("minute_number") or entry.get("agenda_number") or "")
    return number, str(entry.get("title") or entry.get("public_title") or "")


def item_table(text: bytes, where: str) -> ItemTable:
    """Where each item of a meeting file (or its exempt file) starts, with its label."""
    try:
        entries = codec.entry_lines(text, "items", where=where)
    except MinutebookError:
        return [], []
    return [line for line, _ in entries], [_label(entry) for _, entry in entries]


class Search:
    """Word search over the meetings of one :class:`Workspace`."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    def search(self, text: str, *, confidential: bool = False, limit: int | None = 1000) -> SearchResults:
        """Lines of saved meetings that mention ``text``; exempt files only when
        ``confidential``. At most ``limit`` hits; ``more`` says whether others matched."""
        if not text.strip():
            raise MinutebookError("Give the words to search for.")
        pathspecs = [":(glob)meetings/**/" + files.MEETING_FILE]
        if confidential:
            pathspecs.append(":(glob)meetings/**/" + files.EXEMPT_FILE)
        pattern = _yaml_pattern(text.strip())
        archive = self.workspace.archive
        try:
            head = archive.resolve("HEAD")
            if limit is None:
                found, more = archive.grep(pattern, paths=pathspecs, fixed=False, rev=head), False
            else:
                found, more = archive.grep_first(pattern, limit, paths=pathspecs, fixed=False, rev=head)
            texts = archive.read_many(sorted({path for path, _, _ in found}), head)
        except store.ArchiveError as exc:
            raise MinutebookError(exc.message) from None
        hits = SearchResults()
        hits.more = more
        tables: dict[str, ItemTable] = {}
        for path, line, content in found:
            meeting = path[len("meetings/") :].rsplit("/", 1)[0]
            if path not in tables:
                tables[path] = item_table(texts.get(path, b""), path)
            starts, labels = tables[path]
            at = bisect.bisect_right(starts, line) - 1
            number, title = labels[at] if at >= 0 else ("", "")
            exempt = path.endswith(files.EXEMPT_FILE)
            hits.append(SearchHit(meeting, path, line, content.strip(), exempt, number, title))
        return hits
