"""What the services remember, in one place: every entry is derived and can be dropped.

Lives here:

- :class:`Cache`, the memo shared by the services of one
  :class:`~workflow.services.workspace.Workspace`. Each entry is stamped with the
  archive's head when it was made and made again once the head has moved, so a cached
  value is always what reading the archive again would give.
- :class:`SummaryStore`, the meeting list's lines kept between runs in the user's cache
  folder, keyed by the git blob id of each meeting file: a file's summary is read through
  the codec once, and again only when the file's content changes. Deleting the store (or
  a damaged store) costs one slower listing and loses nothing.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable, Hashable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import platformdirs

from workflow.errors import MinutebookError
from workflow.record import codec
from workflow.record.model import Status
from workflow.rules.next_steps import MeetingSummary

__all__ = ["Cache", "SummaryStore", "blob_id", "summary_of"]

T = TypeVar("T")

FORMAT = 2
"""Version of the summary store's layout; a store of another version is read as empty."""


class Cache:
    """Values worked out from the archive, each valid while the archive's head is the same."""

    def __init__(self) -> None:
        self._entries: dict[Hashable, tuple[str, object]] = {}

    def at(self, head: str, key: Hashable, make: Callable[[], T]) -> T:
        """The value for ``key`` at ``head``, made by ``make`` once per head."""
        found = self._entries.get(key)
        if found is not None and found[0] == head:
            return found[1]  # type: ignore[return-value]
        value = make()
        self._entries[key] = (head, value)
        return value

    def clear(self) -> None:
        """Forget everything (the next call reads the archive again)."""
        self._entries.clear()


def blob_id(content: bytes) -> str:
    """The id git gives a file with this content (``git hash-object``)."""
    return hashlib.sha1(b"blob %d\0" % len(content) + content, usedforsecurity=False).hexdigest()


def _row(summary: MeetingSummary) -> list[Any]:
    start = summary.start.strftime("%H:%M") if summary.start else None
    return [summary.id, summary.committee, summary.committee_name, summary.date.isoformat(),
            start, summary.status.value, summary.incomplete]


def _summary(row: list[Any]) -> MeetingSummary:
    meeting_id, committee, name, date, start, status, incomplete = row
    return MeetingSummary(
        id=meeting_id, committee=committee, committee_name=name, date=dt.date.fromisoformat(date),
        start=dt.time.fromisoformat(start) if start else None, status=Status(status),
        incomplete=incomplete,
    )


_FIELDS = tuple(f.name for f in dataclasses.fields(MeetingSummary) if f.name != "incomplete")


def summary_of(text: bytes, *, where: str) -> MeetingSummary:
    """The list line of a meeting file, read through the codec;
    :class:`~workflow.errors.MinutebookError` naming the field when it cannot give one."""
    data = codec.load_yaml(text, where=where)
    summary = codec.decode(MeetingSummary, {k: data[k] for k in _FIELDS if k in data}, where=where)
    items = data.get("items")
    incomplete = sum(1 for it in items if isinstance(it, dict) and it.get("incomplete")) \
        if isinstance(items, list) else 0
    return dataclasses.replace(summary, committee_name=summary.committee_name or summary.committee,
                               incomplete=incomplete)


class SummaryStore:
    """The meeting list's lines of one archive, by the blob id of each meeting file."""

    def __init__(self, root: Path, folder: Path | None = None) -> None:
        folder = folder or platformdirs.user_cache_path("minutebook", appauthor=False) / "summaries"
        key = hashlib.sha1(str(root).encode("utf-8"), usedforsecurity=False).hexdigest()[:16]
        self.file = folder / f"{key}.json"
        """Where the store is kept (one file per archive)."""

    def _load(self) -> dict[str, list[Any]]:
        with contextlib.suppress(OSError, ValueError):
            data = json.loads(self.file.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("format") == FORMAT:
                return dict(data.get("summaries") or {})
        return {}

    def _save(self, rows: dict[str, list[Any]]) -> None:
        """Keep the summaries; a cache only, so a failure to write it is harmless."""
        with contextlib.suppress(OSError):
            self.file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.file.with_name(f".{self.file.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps({"format": FORMAT, "summaries": rows}), encoding="utf-8")
            tmp.replace(self.file)

    def summaries(
        self, ids: Mapping[str, str], read: Callable[[list[str]], Mapping[str, bytes]]
    ) -> list[MeetingSummary]:
        """The summary of each meeting file (``ids``: path -> blob id, in listing order);
        ``read`` gives the content of the files the store does not know yet, all at once.
        A file that cannot give a summary is left out.

        Only the entries of these files are kept, so the store never outgrows the archive.
        """
        known = self._load()
        texts = read([path for path, key in ids.items() if key not in known])
        kept: dict[str, list[Any]] = {}
        found = []
        for path, key in ids.items():
            row = known.get(key)
            try:
                summary = _summary(row) if row is not None else summary_of(texts[path], where=path)
            except (MinutebookError, ValueError, TypeError, KeyError):
                continue
            kept[key] = row if row is not None else _row(summary)
            found.append(summary)
        if kept != known:
            self._save(kept)
        return found
