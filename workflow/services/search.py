"""Searching the saved meetings for words: where each match is, cited as a clerk cites it.

Lives here: :class:`Search` and its results (:class:`SearchHit`, :class:`SearchResults`).
The archive's files are searched with git (``grep`` of the newest saved version); each
line found is then read through the codec, which says which value of the record the line
holds and so which item it belongs to. A hit names its meeting ("Planning Committee, Wed 4
Nov 2026"), its item with the citable reference ("Minute 12/26", or "Item 3" while the
meeting has only an agenda) and the sentence with the words, and says where in that
sentence they are. Exempt files are searched only when ``confidential`` is asked for.
Must not live here: how git searches (:mod:`archive`), how a reference is formatted
(:func:`workflow.rules.followup.cite_minute`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import archive as store
from workflow.errors import MinutebookError
from workflow.record import codec, files
from workflow.record.model import Item, Meeting, Person, Status
from workflow.record.names import person_name
from workflow.record.yaml_text import Key
from workflow.rules.followup import cite_minute
from workflow.services.register import Register
from workflow.services.workspace import Workspace
from workflow.text.dates import format_date

__all__ = ["Search", "SearchHit", "SearchResults", "sentences_with"]

_MINUTES = {s.value for s in (Status.MINUTES_DRAFT, Status.MINUTES_CIRCULATED,
                              Status.MINUTES_PUBLISHED, Status.MINUTES_APPROVED)}
_IDENTIFIERS = frozenset({"uid", "id", "meeting", "committee", "template", "item"})
"""Keys whose values identify records: a line holding one is not shown as a hit."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\[“‘])")


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One line of a saved meeting that mentions the words, as the clerk reads it."""

    meeting: str
    path: str
    line: int
    text: str
    """The sentence (or sentences) of the record holding the words."""
    confidential: bool
    item: str = ""
    """Minute number of the item the line belongs to (agenda number if it has none)."""
    item_title: str = ""
    uid: str = ""
    """The item's uid ("" for the meeting's own details, such as its venue)."""
    reference: str = ""
    """How the item is cited: "Minute 12/26", or "Item 3" before there are minutes."""
    meeting_name: str = ""
    """The committee and the day: "Planning Committee, Wed 4 Nov 2026"."""
    spans: tuple[tuple[int, int], ...] = ()
    """Where the words are in :attr:`text` (start, end)."""
    field: str = ""
    """The part of the item (``body``, ``resolutions``…) or of the meeting (``attendance``)."""

    @property
    def where(self) -> str:
        """The item as a clerk names it: "Minute 12/26 School Transport", or "meeting details"."""
        if not self.uid:
            return "Attendance" if self.field == "attendance" else "Meeting details"
        return " ".join(part for part in (self.reference, self.item_title) if part) or self.uid


class SearchResults(list[SearchHit]):
    """The hits of a search, at most the limit asked for; ``more`` when others matched."""

    more: bool = False


def _yaml_pattern(text: str) -> str:
    """An extended regex matching ``text`` as the YAML files store it (quotes doubled)."""
    escaped = re.sub(r"([.\[\]()*+?{}|^$\\])", r"\\\1", text)
    return escaped.replace("'", "'{1,2}")


def sentences_with(value: str, words: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The sentences of ``value`` that hold ``words`` (any case), joined with " … ", and
    where the words are in them; the whole value when the words run across sentences."""
    pattern = re.compile(re.escape(words.strip()), re.IGNORECASE)
    parts = [s for s in _SENTENCE_END.split(value.strip()) if pattern.search(s)]
    text = " … ".join(parts) if parts else value.strip()
    return text, tuple(m.span() for m in pattern.finditer(text))


@dataclass
class _File:
    """The text values of one file, in file order, looked up by line or by key."""

    starts: list[int] = field(default_factory=list)
    values: list[tuple[int, int, Key, str]] = field(default_factory=list)
    by_key: dict[Key, str] = field(default_factory=dict)

    @classmethod
    def read(cls, text: bytes | None, where: str) -> _File:
        if text is None:
            return cls()
        try:
            values = codec.text_values(text, where=where)
        except MinutebookError:
            return cls()
        return cls([v[0] for v in values], values, {v[2]: v[3] for v in values})

    def at(self, line: int, words: str) -> tuple[Key, str] | None:
        """The value on ``line`` holding ``words`` (or, failing that, any value there)."""
        last = bisect.bisect_right(self.starts, line) - 1
        candidates = []
        for start, end, key, value in reversed(self.values[max(0, last - 50) : last + 1]):
            if start <= line <= end:
                candidates.append((key, value))
        needle = words.strip().casefold()
        for key, value in candidates:
            if needle in value.casefold():
                return key, value
        return candidates[0] if candidates else None

    def uid_of(self, key: Key) -> str:
        """The uid of the item a value belongs to ("" for the meeting's own details)."""
        if len(key) >= 2 and key[0] == "items":
            return key[1] if isinstance(key[1], str) else self.by_key.get(("items", key[1], "uid"), "")
        if len(key) >= 2 and key[0] == "blocks":
            return self.by_key.get(("blocks", key[1], "item"), "")
        return ""


@dataclass
class _Meeting:
    """What a hit says about its meeting, read from the meeting's public file."""

    id: str
    name: str
    date: dt.date | None
    minutes: bool
    items: dict[str, tuple[str, str, str]]
    """uid -> (agenda number, minute number, title)."""

    @classmethod
    def read(cls, meeting_id: str, public: _File) -> _Meeting:
        get = public.by_key.get
        try:
            date: dt.date | None = dt.date.fromisoformat(get(("date",), ""))
        except ValueError:
            date = None
        name = ", ".join(p for p in (get(("committee_name",), ""), format_date(date, "screen") if date else "") if p)
        items: dict[str, tuple[str, str, str]] = {}
        index = 0
        while ("items", index, "uid") in public.by_key:
            uid = public.by_key[("items", index, "uid")]
            items[uid] = (get(("items", index, "agenda_number"), ""), get(("items", index, "minute_number"), ""),
                          get(("items", index, "title"), "") or get(("items", index, "public_title"), ""))
            index += 1
        return cls(meeting_id, name or meeting_id, date, get(("status",), "") in _MINUTES, items)


class Search:
    """Word search over the meetings of one :class:`Workspace`."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self._people: Mapping[str, Person] | None = None
        self._texts: Mapping[str, bytes] = {}

    def search(self, text: str, *, confidential: bool = False, limit: int | None = 1000) -> SearchResults:
        """Lines of saved meetings that mention ``text``; exempt files only when
        ``confidential``. At most ``limit`` hits; ``more`` says whether others matched."""
        words = text.strip()
        if not words:
            raise MinutebookError("Give the words to search for.")
        pathspecs = [":(glob)meetings/**/" + files.MEETING_FILE]
        if confidential:
            pathspecs.append(":(glob)meetings/**/" + files.EXEMPT_FILE)
        pattern = _yaml_pattern(words)
        want = limit
        while True:
            found, more = self._grep(pattern, pathspecs, want)
            hits = self._hits(found, words)
            if limit is None or len(hits) >= limit or not more:
                break
            want = (want or limit) * 4
        results = SearchResults(hits[:limit] if limit is not None else hits)
        results.more = more or (limit is not None and len(hits) > limit)
        return results

    def _grep(self, pattern: str, pathspecs: list[str], limit: int | None) -> tuple[list[tuple[str, int, str]], bool]:
        archive = self.workspace.archive
        try:
            head = archive.resolve("HEAD")
            if limit is None:
                found, more = archive.grep(pattern, paths=pathspecs, fixed=False, rev=head), False
            else:
                found, more = archive.grep_first(pattern, limit, paths=pathspecs, fixed=False, rev=head)
            paths = {path for path, _, _ in found}
            paths |= {f"{path.rsplit('/', 1)[0]}/{files.MEETING_FILE}" for path in paths}
            self._texts = archive.read_many(sorted(paths), head)
            return found, more
        except store.ArchiveError as exc:
            raise MinutebookError(exc.message) from None

    def _hits(self, found: list[tuple[str, int, str]], words: str) -> list[SearchHit]:
        """The lines found as hits; lines holding only an identifier (an item's uid, the
        meeting's id) are left out, since the hit's item and meeting already say them."""
        hits: list[SearchHit] = []
        read: dict[str, _File] = {}
        meetings: dict[str, _Meeting] = {}
        for path, line, content in found:
            meeting_id = path[len("meetings/") :].rsplit("/", 1)[0]
            exempt = path.endswith(files.EXEMPT_FILE)
            public_path = f"{files.meeting_folder(meeting_id)}/{files.MEETING_FILE}"
            for wanted in {path, public_path} - read.keys():
                read[wanted] = _File.read(self._read(wanted), wanted)
            if meeting_id not in meetings:
                meetings[meeting_id] = _Meeting.read(meeting_id, read[public_path])
            hit = self._hit(meetings[meeting_id], read[path], path, line, content, words, exempt)
            if hit is not None:
                hits.append(hit)
        return hits

    def _read(self, path: str) -> bytes | None:
        """A file of the version searched (read with the others in one go by :meth:`_grep`,
        never from the archive's folder, so what was never saved is never found)."""
        return self._texts.get(path)

    def _hit(self, meeting: _Meeting, file: _File, path: str, line: int, content: str,
             words: str, exempt: bool) -> SearchHit | None:
        found = file.at(line, words)
        if found is None:
            key: Key = ()
            sentence, spans = sentences_with(content.strip().removeprefix("- "), words)
        else:
            key, value = found
            if key and (key[-1] in _IDENTIFIERS or "approves" in key):
                return None
            sentence, spans = sentences_with(self._person(value), words)
        uid = file.uid_of(key)
        part = next((str(k) for k in (key[2:] if uid else key) if isinstance(k, str)), "")
        agenda, minute, title = meeting.items.get(uid, ("", "", ""))
        if exempt and uid:
            title = file.by_key.get(("items", uid, "title"), "") or title
        return SearchHit(
            meeting=meeting.id, path=path, line=line, text=sentence, confidential=exempt,
            item=minute or agenda, item_title=title, uid=uid,
            reference=self._reference(meeting, uid, agenda, minute) if uid else "",
            meeting_name=meeting.name, spans=spans, field=part,
        )

    def _person(self, value: str) -> str:
        """A person's id written as their name ("Councillor Kath Doyle"); other text as it is."""
        if " " in value or "-" not in value:
            return value
        if self._people is None:
            self._people = Register(self.workspace).people()
        return person_name(value, self._people) if value in self._people else value

    def _reference(self, meeting: _Meeting, uid: str, agenda: str, minute: str) -> str:
        """"Minute 12/26" once the meeting has minutes, "Item 3" while it has an agenda."""
        if not (meeting.minutes and minute) or meeting.date is None:
            return f"Item {agenda}" if agenda else (f"Minute {minute}" if minute else "")
        settings = self.workspace.settings
        subject = Meeting(id=meeting.id, committee=meeting.id.split("/", 1)[0], date=meeting.date)
        try:
            cited = cite_minute(subject, Item(uid=uid, minute_number=minute),
                                ref_format=settings.minute_ref_format, year_start=settings.municipal_year_start)
        except MinutebookError:
            cited = minute
        return f"Minute {cited}"
