"""Feeds beside the pages: the meetings as iCalendar, the published documents as Atom.

:func:`calendar` writes an RFC 5545 calendar (with the ``icalendar`` library) of the
meetings it is given, one event each (:func:`calendar_event`, made once per version of a
meeting), in the council's time zone: the whole council's calendar and each committee's
come from here. :func:`atom_feed` writes an RFC 4287 feed
with an entry for every agenda and set of minutes on the site, newest first. Both are
made from the meetings' digests alone, and every stamp in them comes from the record (the
meeting's date, when its documents were issued), so the same archive gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from functools import lru_cache
from zoneinfo import ZoneInfo

import icalendar

from workflow.site.meetings import Digest
from workflow.site.values import SiteSettings

__all__ = ["ATOM_NAMESPACE", "atom_feed", "calendar", "calendar_event"]

ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"
_FEED_SIZE = 200
_STATUS = {"cancelled": "CANCELLED", "agenda-draft": "TENTATIVE"}


def _uid(council: str, what: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"minutebook:{council}:{what}"))


def _moment(day: str, time: str, zone: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time.fromisoformat(time), zone)


def calendar_event(d: Digest, *, settings: SiteSettings, base_url: str = "") -> str:
    """One meeting as an iCalendar VEVENT (text), kept with the meeting's digest between
    builds so a calendar of thousands of meetings is put together without making each again."""
    zone = ZoneInfo(settings.timezone)
    event = icalendar.Event()
    event.add("uid", f"{_uid(settings.council, d['id'])}@minutebook")
    event.add("summary", d["title"] if not d["cancelled"] else f"Cancelled: {d['title']}")
    if d["start"]:
        event.add("dtstart", _moment(d["date"], d["start"], zone))
        if d["end"] and d["end"] > d["start"]:
            event.add("dtend", _moment(d["date"], d["end"], zone))
    else:
        event.add("dtstart", dt.date.fromisoformat(d["date"]))
    event.add("dtstamp", dt.datetime.combine(dt.date.fromisoformat(d["date"]), dt.time(), dt.UTC))
    if d["venue"]:
        event.add("location", d["venue"])
    event.add("status", _STATUS.get(d["status"], "CONFIRMED"))
    event.add("description", f"{d['committee_name']}: {d['status_label']}.")
    event.add("url", f"{base_url}{d['url']}/index.html")
    return event.to_ical().decode("utf-8")


@lru_cache(maxsize=4)
def _timezone(name: str) -> str:
    return icalendar.Timezone.from_tzid(name).to_ical().decode("utf-8")


def calendar(events: Sequence[tuple[Digest, str]], *, settings: SiteSettings, name: str) -> bytes:
    """A calendar of meetings, from each meeting's digest and its :func:`calendar_event`,
    in date order, with the council's time zone when any meeting has a time."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//minutebook//public record//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.timezone)
    head = cal.to_ical().decode("utf-8")
    end = "END:VCALENDAR\r\n"
    if not head.endswith(end):
        raise ValueError("icalendar wrote a calendar that does not end with END:VCALENDAR")
    ordered = sorted(events, key=lambda pair: (pair[0]["date"], pair[0]["start"], pair[0]["id"]))
    zone = _timezone(settings.timezone) if any(d["start"] for d, _ in events) else ""
    body = "".join(text for _, text in ordered)
    return (head[: -len(end)] + zone + body + end).encode("utf-8")


def _issued(d: Digest, kind: str) -> str:
    """When a document went out, from the record: the issued file's date, else the meeting's."""
    dates = sorted(f["issued"] for f in d["files"] if f["kind"] == kind and f["issued"])
    if kind == "agenda" and d["published_on"]:
        return d["published_on"]
    if kind == "minutes" and d["approved_on"] and d["minutes"] == "approved":
        return d["approved_on"]
    return dates[-1] if dates else d["date"]


def atom_feed(digests: Sequence[Digest], *, settings: SiteSettings, base_url: str = "") -> bytes:
    """The agendas and minutes published on the site, newest first (the latest 200)."""
    entries: list[tuple[str, str, Digest, str]] = []
    for d in digests:
        if d["agenda"]:
            entries.append((_issued(d, "agenda"), "agenda", d, "Agenda"))
        if d["minutes"]:
            label = "Minutes" if d["minutes"] == "approved" else "Draft minutes"
            entries.append((_issued(d, "minutes"), "minutes", d, label))
    entries.sort(key=lambda e: (e[0], e[2]["id"], e[1]), reverse=True)
    entries = entries[:_FEED_SIZE]
    ET.register_namespace("", ATOM_NAMESPACE)
    feed = ET.Element("feed", {"xmlns": ATOM_NAMESPACE,
                                "{http://www.w3.org/XML/1998/namespace}lang": "en-GB"})
    ET.SubElement(feed, "title").text = f"{settings.council}: agendas and minutes"
    ET.SubElement(feed, "id").text = f"urn:uuid:{_uid(settings.council, 'documents')}"
    newest = entries[0][0] if entries else "2000-01-01"
    ET.SubElement(feed, "updated").text = _stamp(newest)
    ET.SubElement(feed, "link", {"rel": "self", "href": f"{base_url}documents.atom"})
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html",
                                 "href": f"{base_url}index.html"})
    ET.SubElement(ET.SubElement(feed, "author"), "name").text = settings.council
    ET.SubElement(feed, "generator").text = "minutebook"
    for day, which, d, label in entries:
        entry = ET.SubElement(feed, "entry")
        ET.SubElement(entry, "title").text = f"{label}: {d['title']}"
        ET.SubElement(entry, "id").text = \
            f"urn:uuid:{_uid(settings.council, d['id'] + '/' + which + '/' + d['minutes'])}"
        ET.SubElement(entry, "updated").text = _stamp(day)
        ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html",
                                      "href": f"{base_url}{d['url']}/{which}.html"})
        for f in d["files"]:
            if f["kind"] == which:
                ET.SubElement(entry, "link", {
                    "rel": "enclosure", "href": f"{base_url}{d['url']}/{f['name']}",
                    "type": "application/vnd.openxmlformats-officedocument."
                            "wordprocessingml.document", "title": f["label"],
                    "length": str(f.get("bytes", 0))})
        ET.SubElement(entry, "summary").text = (
            f"{label} of the meeting of {d['committee_name']} on {d['long_date']}.")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _stamp(day: str) -> str:
    return f"{day}T00:00:00Z"
