"""Machine-readable data of one meeting: Open Civic Data event JSON and Akoma Ntoso minutes.

:func:`event_json` writes the meeting in the shape of an Open Civic Data *Event* (name,
times, location, status, documents, participants, agenda items); the JSON Schema it
keeps to is ``static/event.schema.json``, published beside the data. :func:`minutes_akn`
writes the public minutes as an Akoma Ntoso 3.0 ``debate``: the attendance as its roll
call, each item a ``debateSection`` numbered with its minute reference, the discussion
as ``narrative`` and what was decided as ``resolutions``. Both are made from the public
meeting and the minutes blocks of the one document builder, so exempt business appears
exactly as on the printed public minutes: a public title and the paragraph of Schedule 12A.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo

from workflow.record.model import AttendanceState, Meeting, Person, Status
from workflow.record.names import person_name
from workflow.site.meetings import Digest, Prepared, item_of, public_title
from workflow.site.values import SiteSettings

__all__ = ["AKN_NAMESPACE", "event_id", "event_json", "minutes_akn"]

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_OCD_STATUS = {Status.AGENDA_DRAFT: "tentative", Status.AGENDA_PUBLISHED: "confirmed",
               Status.MINUTES_DRAFT: "passed", Status.MINUTES_CIRCULATED: "passed",
               Status.MINUTES_PUBLISHED: "passed", Status.MINUTES_APPROVED: "passed",
               Status.CANCELLED: "cancelled"}
_PRESENT = (AttendanceState.PRESENT, AttendanceState.REMOTE)


def event_id(council: str, meeting_id: str) -> str:
    """A stable Open Civic Data id: the same meeting of the same council, the same id."""
    return "ocd-event/" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"minutebook:{council}:{meeting_id}"))


def _when(meeting: Meeting, time: dt.time | None, zone: str) -> str:
    if time is None:
        return meeting.date.isoformat()
    return dt.datetime.combine(meeting.date, time, ZoneInfo(zone)).isoformat()


def event_json(prep: Prepared, digest: Digest, *, settings: SiteSettings,
               people: Mapping[str, Person], base_url: str = "") -> bytes:
    """The meeting as an Open Civic Data style Event (URLs from ``base_url``, else relative
    to the site's root)."""
    meeting = prep.meeting
    url = base_url + digest["url"]
    documents: list[dict[str, Any]] = []
    for which in ("agenda", "minutes"):
        if digest[which]:
            note = "Draft minutes" if digest[which] == "draft" else which.capitalize()
            documents.append({"note": note, "url": f"{url}/{which}.html", "media_type": "text/html",
                              "date": ""})
    for f in digest["files"]:
        documents.append({"note": f["label"], "url": f"{url}/{f['name']}", "media_type": _DOCX
                          if f["name"].endswith(".docx") else _media_type(f["name"]),
                          "date": f["issued"]})
        if f.get("pdf"):
            documents.append({"note": f"{f['label']} (PDF)", "url": f"{url}/{f['pdf']}",
                              "media_type": "application/pdf", "date": f["issued"]})
    participants: list[dict[str, str]] = [
        {"name": digest["committee_name"], "entity_type": "organization", "note": "host"}]
    if digest["minutes"]:
        for att in meeting.attendance:
            if att.state in _PRESENT:
                name = person_name(att.person, people) if att.person else att.name
                participants.append({"name": name, "entity_type": "person",
                                     "note": att.role.value})
    agenda: list[dict[str, Any]] = []
    if digest["agenda"]:
        refs = {uid: ref for ref, uid in prep.refs.items()}
        for order, item in enumerate(meeting.items, start=1):
            notes = []
            if item.is_exempt or item.withheld:
                notes.append(_exempt_text(prep, item.uid))
            agenda.append({
                "description": public_title(item),
                "order": str(order),
                "classification": [item.kind.value],
                "notes": [n for n in notes if n],
                "extras": {"agenda_number": item.agenda_number,
                           "minute_reference": refs.get(item.uid, ""),
                           "private": item.is_exempt or item.withheld},
            })
    event = {
        "id": event_id(settings.council, meeting.id),
        "name": digest["title"],
        "description": f"Meeting of {digest['committee_name']} of {settings.council}",
        "classification": "committee-meeting",
        "start_date": _when(meeting, meeting.start, settings.timezone),
        "end_date": _when(meeting, meeting.closed, settings.timezone) if meeting.closed else "",
        "all_day": meeting.start is None,
        "timezone": settings.timezone,
        "status": _OCD_STATUS[meeting.status],
        "location": {"name": meeting.venue, "note": "", "coordinates": None},
        "links": [{"note": "Meeting page", "url": f"{url}/index.html"}],
        "sources": [{"note": "minutebook record", "url": f"{url}/index.html"}],
        "documents": documents,
        "participants": participants,
        "agenda": agenda,
        "extras": {"minutebook_id": meeting.id, "committee": meeting.committee,
                   "state": meeting.status.value},
    }
    return (json.dumps(event, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def _media_type(name: str) -> str:
    suffix = name.rsplit(".", 1)[-1].lower()
    return {"pdf": "application/pdf", "doc": "application/msword", "odt":
            "application/vnd.oasis.opendocument.text", "rtf": "application/rtf"}.get(
                suffix, "application/octet-stream")


def _exempt_text(prep: Prepared, uid: str) -> str:
    """The note the public agenda prints for a private item (its Schedule 12A paragraph)."""
    return next((b.text for b in prep.agenda or prep.minutes
                 if b.key == f"item:{uid}/exemption"), "")


# ------------------------------------------------------------------------- akoma ntoso


def _sub(parent: ET.Element, tag: str, text: str = "", **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text:
        element.text = text
    return element


def minutes_akn(prep: Prepared, digest: Digest, *, settings: SiteSettings,
                people: Mapping[str, Person]) -> bytes:
    """The public minutes as an Akoma Ntoso 3.0 debate document."""
    meeting = prep.meeting
    ET.register_namespace("", AKN_NAMESPACE)
    root = ET.Element("akomaNtoso", {"xmlns": AKN_NAMESPACE})
    debate = _sub(root, "debate", name="minutes")
    _meta(debate, meeting, digest, people)
    preface = _sub(debate, "preface")
    heading = next((b.text for b in prep.minutes if b.key == "meeting:heading"), digest["title"])
    _sub(_sub(preface, "p"), "docTitle", heading)
    _sub(_sub(preface, "p"), "docStatus", "Approved" if digest["minutes"] == "approved"
         else "Draft")
    body = _sub(debate, "debateBody")
    roll = [b for b in prep.minutes if b.key.startswith("attendance:")]
    if roll:
        section = _sub(body, "rollCall", eId="rollCall")
        for block in roll:
            _sub(section, "p", " ".join(block.text.split()))
    refs = {uid: ref for ref, uid in prep.refs.items()}
    items = {item.uid: item for item in meeting.items}
    container: ET.Element = body
    current: ET.Element | None = None
    part: tuple[str, ET.Element] | None = None
    """The open ``resolutions`` of the current item, while its decisions run on."""
    for n, block in enumerate(prep.minutes):
        key = block.key
        if key in ("section:public", "section:private"):
            name = key.split(":")[1] + "-business"
            container = _sub(body, "debateSection", name=name, eId=f"dbsect_{name}")
            _sub(container, "heading", block.text)
            current, part = None, None
        elif key.endswith("/title") and item_of(block) in items:
            item = items[item_of(block)]
            number = item.minute_number or item.agenda_number
            current = _sub(container, "debateSection", name="item", eId=f"dbsect_{n}")
            if refs.get(item.uid):
                current.set("refersTo", f"#minute-{refs[item.uid].replace('/', '-')}")
            if number:
                _sub(current, "num", number.rstrip(".") + ".")
            _sub(current, "heading", public_title(item))
            part = None
        elif key.startswith("item:") and current is not None:
            text = " ".join((f"{block.label} {block.text}" if block.label else block.text).split())
            if any(s in key for s in ("/resolutions", "/resolved", "/decision_record")):
                if part is None:
                    part = ("resolutions", _sub(current, "resolutions", eId=f"resolutions_{n}"))
                _sub(part[1], "p", text)
            else:
                part = None
                _sub(current, "narrative", text)
        elif key == "meeting:closed":
            _sub(_sub(body, "adjournment", eId="adjournment"), "p", block.text)
        elif key.startswith("amendments"):
            if key == "amendments":
                container = _sub(body, "debateSection", name="amendments", eId="dbsect_amendments")
                _sub(container, "heading", block.text)
            else:
                _sub(container, "narrative", block.text)
    if len(body) == 0:
        _sub(_sub(body, "debateSection", name="minutes", eId="dbsect_empty"), "p",
             "No business was recorded.")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _meta(debate: ET.Element, meeting: Meeting, digest: Digest,
          people: Mapping[str, Person]) -> None:
    meta = _sub(debate, "meta")
    ident = _sub(meta, "identification", source="#minutebook")
    work = f"/akn/gb/debate/{meeting.date.isoformat()}/{meeting.id.replace('/', '-')}"
    day = meeting.date.isoformat()
    expressed = digest["approved_on"] or day
    for level, this, uri, date, name, author in (
        ("FRBRWork", f"{work}/main", work, day, "meeting", "#committee"),
        ("FRBRExpression", f"{work}/eng@/main", f"{work}/eng@", expressed,
         "approved" if digest["minutes"] == "approved" else "draft", "#council"),
        ("FRBRManifestation", f"{work}/eng@/main.xml", f"{work}/eng@.akn", expressed,
         "generation", "#minutebook"),
    ):
        frbr = _sub(ident, level)
        _sub(frbr, "FRBRthis", value=this)
        _sub(frbr, "FRBRuri", value=uri)
        _sub(frbr, "FRBRdate", date=date, name=name)
        _sub(frbr, "FRBRauthor", href=author)
        if level == "FRBRWork":
            _sub(frbr, "FRBRcountry", value="gb")
        if level == "FRBRExpression":
            _sub(frbr, "FRBRlanguage", language="eng")
    refs = _sub(meta, "references", source="#minutebook")
    _sub(refs, "TLCOrganization", eId="minutebook", href="/ontology/organization/minutebook",
         showAs="minutebook")
    _sub(refs, "TLCOrganization", eId="council", href="/ontology/organization/council",
         showAs=meeting.council or "Council")
    _sub(refs, "TLCOrganization", eId="committee",
         href=f"/ontology/organization/{meeting.committee}", showAs=digest["committee_name"])
    seen: set[str] = set()
    for att in meeting.attendance:
        if att.state not in _PRESENT or not att.person or att.person in seen:
            continue
        seen.add(att.person)
        _sub(refs, "TLCPerson", eId=_ncname(att.person), href=f"/ontology/person/{att.person}",
             showAs=person_name(att.person, people))


def _ncname(text: str) -> str:
    cleaned = "".join(c if c.isalnum() or c in "-_." else "_" for c in text)
    return cleaned if cleaned[:1].isalpha() else f"p_{cleaned}"
