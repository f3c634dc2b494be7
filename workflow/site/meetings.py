"""One meeting made ready for the site: its public documents as blocks, and its digest.

:func:`prepare` takes a public meeting (already the public view) and gives a
:class:`Prepared`: the agenda and minutes blocks from the one document builder
(:func:`workflow.render.document_blocks`, which applies the public view again), the
anchors of its items, the minute references it holds and cites, and a :class:`Digest`:
the small plain record (JSON-able, kept in the build manifest) from which committee
pages, the home page, feeds and the search index are built without reading the meeting
again. No files and no archive here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from workflow.record.model import Item, Meeting, Person, Status
from workflow.record.numbering import find_minute_refs, municipal_year
from workflow.render.documents import document_blocks, document_title
from workflow.render.elements import Block
from workflow.render.wording import time_of_day
from workflow.rules.followup import cite_minute
from workflow.site.values import PublicMeeting, SiteSettings, meeting_path, minute_anchor
from workflow.text.dates import format_date

__all__ = ["Digest", "Prepared", "item_of", "municipal_year_label", "prepare", "public_title",
           "status_label"]

_MINUTES_PUBLIC = {Status.MINUTES_CIRCULATED: "draft", Status.MINUTES_PUBLISHED: "draft",
                   Status.MINUTES_APPROVED: "approved"}
_STATUS_LABEL = {
    Status.AGENDA_DRAFT: "Agenda not yet published",
    Status.AGENDA_PUBLISHED: "Agenda published",
    Status.MINUTES_DRAFT: "Minutes being written",
    Status.MINUTES_CIRCULATED: "Draft minutes",
    Status.MINUTES_PUBLISHED: "Draft minutes",
    Status.MINUTES_APPROVED: "Minutes approved",
    Status.CANCELLED: "Cancelled",
}

Digest = dict[str, Any]
"""A meeting's facts for listings, feeds and search: plain JSON values only."""


def status_label(status: Status) -> str:
    return _STATUS_LABEL[status]


def municipal_year_label(day: dt.date, start: str) -> str:
    """``2026/27`` for a date in the municipal year that began in May 2026."""
    first, _ = municipal_year(day, start)
    return f"{first.year}/{(first.year + 1) % 100:02d}"


@dataclass(frozen=True, slots=True)
class Prepared:
    """A meeting's public documents as blocks, with everything its pages link to."""

    public: PublicMeeting
    agenda: list[Block] = field(default_factory=list)
    minutes: list[Block] = field(default_factory=list)
    anchors: dict[str, dict[str, str]] = field(default_factory=dict)
    """``agenda``/``minutes`` -> item uid -> the id of its heading."""
    refs: dict[str, str] = field(default_factory=dict)
    """Minute reference -> item uid, for the minutes this meeting holds."""
    digest: Digest = field(default_factory=dict)

    @property
    def meeting(self) -> Meeting:
        return self.public.meeting


def prepare(public: PublicMeeting, *, people: Mapping[str, Person], settings: SiteSettings,
            committee_name: str = "", prefix: str = "") -> Prepared:
    """The blocks, anchors, references and digest of one public meeting."""
    meeting = public.meeting
    shown_agenda = meeting.status is not Status.AGENDA_DRAFT and not (
        meeting.status is Status.CANCELLED and meeting.agenda.published_on is None)
    minutes_state = _MINUTES_PUBLIC.get(meeting.status, "")
    agenda = _strip(document_blocks(meeting, "agenda", people=people)) if shown_agenda else []
    minutes = _strip(document_blocks(meeting, "minutes", people=people)) if minutes_state else []
    refs: dict[str, str] = {}
    minute_ids: dict[str, str] = {}
    for item in meeting.items:
        ref = _cite(meeting, item, settings, prefix) if minutes_state else ""
        if ref and ref not in refs:
            refs[ref] = item.uid
            minute_ids[item.uid] = minute_anchor(ref)
        else:
            minute_ids[item.uid] = "item-" + _slug(item.minute_number or item.uid)
    anchors = {
        "agenda": {i.uid: "item-" + _slug(i.agenda_number or i.uid) for i in meeting.items},
        "minutes": minute_ids,
    }
    mentions = sorted({str(r.format(settings.minute_ref_format, prefix=prefix))
                       for block in agenda + minutes
                       for r in find_minute_refs(block.text, settings.minute_ref_format,
                                                 prefix or None)})
    name = meeting.committee_name or committee_name or meeting.committee
    url = meeting_path(meeting.id)
    digest: Digest = {
        "id": meeting.id,
        "committee": meeting.committee,
        "committee_name": name,
        "title": f"{name}, {format_date(meeting.date)}",
        "date": meeting.date.isoformat(),
        "long_date": format_date(meeting.date, "document"),
        "year": municipal_year_label(meeting.date, settings.municipal_year_start),
        "start": meeting.start.strftime("%H:%M") if meeting.start else "",
        "start_label": time_of_day(meeting.start) if meeting.start else "",
        "end": meeting.closed.strftime("%H:%M") if meeting.closed else "",
        "venue": meeting.venue,
        "status": meeting.status.value,
        "status_label": _STATUS_LABEL[meeting.status],
        "agenda": bool(agenda),
        "minutes": minutes_state,
        "cancelled": meeting.status is Status.CANCELLED,
        "postponed_from": meeting.postponements[0].from_date.isoformat()
        if meeting.postponements else "",
        "url": url,
        "agenda_title": document_title(meeting, "agenda"),
        "minutes_title": document_title(meeting, "minutes"),
        "published_on": meeting.agenda.published_on.isoformat()
        if meeting.agenda.published_on else "",
        "approved_on": meeting.approval.on.isoformat()
        if meeting.approval and meeting.approval.on else "",
        "files": [{"name": f.name, "label": f.label, "kind": f.kind,
                   "issued": f.issued.isoformat() if f.issued else ""} for f in public.files],
        "refs": {ref: f"{url}/minutes.html#{minute_ids[uid]}" for ref, uid in refs.items()},
        "mentions": mentions,
    }
    return Prepared(public, agenda, minutes, anchors, refs, digest)


def _strip(blocks: list[Block]) -> list[Block]:
    """The council's name heads the Word document; on the site the page header has it."""
    return [b for b in blocks if b.key != "meeting:council"]


def _cite(meeting: Meeting, item: Item, settings: SiteSettings, prefix: str) -> str:
    if not (item.minute_number or item.agenda_number):
        return ""
    return cite_minute(meeting, item, ref_format=settings.minute_ref_format,
                       year_start=settings.municipal_year_start, prefix=prefix)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "item"


def public_title(item: Item) -> str:
    """The title a public page shows: an exempt item's public title, as the documents print."""
    if item.is_exempt or item.withheld:
        return item.printed_title or "Item not for publication"
    return item.title


def item_of(block: Block) -> str:
    """The uid of the item a block belongs to (``""`` for meeting-level blocks)."""
    if not block.key.startswith("item:"):
        return ""
    return block.key[5:].split("/", 1)[0]
