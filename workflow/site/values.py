"""The plain values the public website is built from, and where each page lives.

:class:`SiteSource` is what the builder asks for: the archive's public record as plain
values (public meetings, committees, people, the bytes of issued documents), each
listing with the content ids that say whether anything changed since the last build.
:mod:`workflow.site.source` answers it from an archive; nothing else in this package
reads the archive. The URL helpers here are the one place a page's path is decided, so
links from every page, feed and data file agree.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from workflow.record.model import Committee, Meeting, Person

__all__ = [
    "CommitteeEntry",
    "MeetingEntry",
    "PublicFile",
    "PublicMeeting",
    "SiteSettings",
    "SiteSource",
    "Snapshot",
    "committee_path",
    "meeting_path",
    "minute_anchor",
]


@dataclass(frozen=True, slots=True)
class SiteSettings:
    """The council-wide facts a page needs."""

    council: str
    minute_ref_format: str = "{number}/{yy}"
    municipal_year_start: str = "05-01"
    timezone: str = "Europe/London"
    today: dt.date = dt.date(2000, 1, 1)
    """The build day: meetings on or after it are the upcoming ones."""


@dataclass(frozen=True, slots=True)
class PublicFile:
    """A public file of a meeting: an issued Word document or a report to download."""

    name: str
    """Its name on the site, inside the meeting's folder: ``agenda-1.docx``."""
    label: str
    """What the link says: ``Agenda``, ``Minutes (approved)``, a report's title."""
    kind: str
    """``agenda``, ``minutes`` or ``report``."""
    content_id: str
    """The archive's id of the file's content (same id, same bytes)."""
    path: str
    """Where the source reads it from."""
    issued: dt.date | None = None


@dataclass(frozen=True, slots=True)
class MeetingEntry:
    """One meeting as listed: enough to know whether its pages must be built again."""

    id: str
    committee: str
    content_id: str
    """The id of the public record's content (``meeting.yaml``)."""
    files: tuple[str, ...] = ()
    """Content ids of its public files."""


@dataclass(frozen=True, slots=True)
class PublicMeeting:
    """A meeting as the public may see it, with its public files."""

    meeting: Meeting
    """The public view: exempt business is a withheld stub."""
    files: tuple[PublicFile, ...] = ()


@dataclass(frozen=True, slots=True)
class CommitteeEntry:
    committee: Committee
    minute_prefix: str = ""
    content_id: str = ""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The listing of the archive's public record at one version."""

    settings: SiteSettings
    committees: tuple[CommitteeEntry, ...]
    people: Mapping[str, Person]
    people_id: str
    meetings: tuple[MeetingEntry, ...]


class SiteSource(Protocol):
    """What the builder reads: a listing, then the meetings and files it needs."""

    def snapshot(self) -> Snapshot: ...

    def meeting(self, meeting_id: str) -> PublicMeeting: ...

    def file(self, public: PublicFile) -> bytes: ...


# ------------------------------------------------------------------------- paths

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def meeting_path(meeting_id: str) -> str:
    """The meeting's folder on the site: ``meetings/<committee>/<date>``."""
    return "meetings/" + "/".join(_UNSAFE.sub("-", part) for part in meeting_id.split("/"))


def committee_path(slug: str) -> str:
    return "committees/" + _UNSAFE.sub("-", slug)


def minute_anchor(ref: str) -> str:
    """The anchor of a minute on its page: ``12/17`` -> ``minute-12-17``."""
    return "minute-" + _UNSAFE.sub("-", ref).strip("-").lower()
