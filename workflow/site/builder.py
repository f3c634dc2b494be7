"""Build the public website of an archive into a folder: :func:`build_site`.

The build reads the listing of the public record from a
:class:`~workflow.site.values.SiteSource`, then for each meeting compares the key of what
its pages are made from (the content ids of its record, its public files, the register,
its committee, the settings and the site's own code) with the manifest of the last build:
only a meeting whose key changed is read, prepared and written again. The pages that list
many meetings (home, committees, feeds, search index) are made from the digests every
build and written only when their bytes differ. Nothing here reads the archive.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from workflow.errors import MinutebookError
from workflow.record.model import Committee
from workflow.site import feeds, opendata, pages, search
from workflow.site.meetings import Digest, Prepared, prepare
from workflow.site.output import Output
from workflow.site.values import (
    CommitteeEntry,
    MeetingEntry,
    SiteSource,
    Snapshot,
    committee_path,
)

__all__ = ["BuildResult", "build_site", "generator_key"]

PdfConverter = Callable[[bytes], bytes]
_HERE = Path(__file__).resolve().parent
_STATIC = ("style.css", "search.js")


@dataclass
class BuildResult:
    """What a build did: files written and removed, meetings built, problems noted."""

    folder: Path
    meetings: int = 0
    built: int = 0
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """One sentence per meeting left out because its record could not be read."""


@lru_cache(maxsize=1)
def generator_key() -> str:
    """A hash of the code and templates that shape the site: a change rebuilds every page."""
    digest = hashlib.sha256()
    roots = [_HERE, _HERE.parent / "render"]
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".html", ".css", ".js", ".json"):
                digest.update(path.relative_to(root.parent).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def _key(*parts: object) -> str:
    """A short hash of the parts (strings, tuples of strings, sorted pairs)."""
    return hashlib.sha256("\x1f".join(map(repr, parts)).encode()).hexdigest()[:32]


def build_site(source: SiteSource, out: Path, *, base_url: str = "",
               pdf: PdfConverter | None = None) -> BuildResult:
    """Write (or bring up to date) the site of ``source`` in the folder ``out``."""
    output = Output(out)
    snap = source.snapshot()
    generator = _key(generator_key(), base_url, pdf is not None)
    committees = {c.committee.slug: c for c in snap.committees}
    result = BuildResult(out, meetings=len(snap.meetings))
    records: dict[str, dict[str, Any]] = {}
    prepared: dict[str, Prepared] = {}
    for entry in snap.meetings:
        key = _meeting_key(entry, snap, committees.get(entry.committee), generator)
        old = output.meeting_record(entry.id, generator)
        if old is not None and old["key"] == key:
            records[entry.id] = old
            continue
        try:
            prep = _prepare(source, entry.id, snap, committees.get(entry.committee))
        except MinutebookError as exc:
            result.skipped.append(f"{entry.id}: {exc.message}")
            continue
        prepared[entry.id] = prep
        records[entry.id] = {"key": key, "page": "", "digest": prep.digest, "files": [],
                             "search": search.entries(prep, prep.digest),
                             "ical": feeds.calendar_event(prep.digest, settings=snap.settings,
                                                          base_url=base_url)}
    index = _minute_index(records)
    for meeting_id, record in sorted(records.items()):
        digest = record["digest"]
        links = {ref: index[digest["committee"]][ref] for ref in digest["mentions"]
                 if ref in index.get(digest["committee"], {})}
        page_key = _key(record["key"], sorted(links.items()))
        if page_key == record["page"] and meeting_id not in prepared:
            for path in record["files"]:
                output.keep(path)
            continue
        prep = prepared.get(meeting_id) or _prepare(source, meeting_id, snap,
                                                    committees.get(digest["committee"]))
        record["files"] = _write_meeting(output, source, prep, record, links, snap,
                                         committees.get(digest["committee"]), pdf, base_url)
        record["page"] = page_key
        result.built += 1
    digests = [r["digest"] for _, r in sorted(records.items())]
    _write_listings(output, snap, digests, records, base_url)
    output.finish(generator, records)
    result.written, result.removed = output.written, output.removed
    return result


def _meeting_key(entry: MeetingEntry, snap: Snapshot, committee: CommitteeEntry | None,
                 generator: str) -> str:
    s = snap.settings
    return _key(entry.content_id, entry.files, snap.people_id,
                committee.content_id if committee else "", committee.minute_prefix if committee
                else "", s.council, s.minute_ref_format, s.municipal_year_start, s.timezone,
                generator)


def _prepare(source: SiteSource, meeting_id: str, snap: Snapshot,
             committee: CommitteeEntry | None) -> Prepared:
    public = source.meeting(meeting_id)
    return prepare(public, people=snap.people, settings=snap.settings,
                   committee_name=committee.committee.name if committee else "",
                   prefix=committee.minute_prefix if committee else "")


def _minute_index(records: Mapping[str, dict[str, Any]]) -> dict[str, dict[str, str]]:
    """Committee -> minute reference -> its page and anchor (the first meeting holding it)."""
    index: dict[str, dict[str, str]] = {}
    for _, record in sorted(records.items()):
        digest = record["digest"]
        refs = index.setdefault(digest["committee"], {})
        for ref, target in digest["refs"].items():
            refs.setdefault(ref, target)
    return index


def _write_meeting(output: Output, source: SiteSource, prep: Prepared, record: dict[str, Any],
                   links: Mapping[str, str], snap: Snapshot, committee: CommitteeEntry | None,
                   pdf: PdfConverter | None, base_url: str) -> list[str]:
    digest: Digest = record["digest"]
    folder = digest["url"]
    old = {f["name"]: f for f in digest["files"]}
    files: dict[str, bytes] = {}
    for public, entry in zip(prep.public.files, digest["files"], strict=True):
        data = source.file(public)
        files[public.name] = data
        entry["bytes"] = len(data)
        entry["size"] = _size(len(data))
        entry["id"] = public.content_id
        entry["pdf"] = ""
        if pdf is not None and public.name.endswith(".docx"):
            name = public.name[:-5] + ".pdf"
            earlier = old.get(public.name, {})
            converted = output.read_old(f"{folder}/{name}") if earlier.get("id") == \
                public.content_id and earlier.get("pdf") else None
            if converted is None:
                try:
                    converted = pdf(data)
                except MinutebookError:
                    converted = None
            if converted is not None:
                files[name] = converted
                entry["pdf"], entry["pdf_size"] = name, _size(len(converted))
    prefix = committee.minute_prefix if committee else ""
    for name, data in pages.meeting_pages(prep, digest, settings=snap.settings, links=links,
                                          prefix=prefix).items():
        files[name] = data
    files["event.json"] = opendata.event_json(prep, digest, settings=snap.settings,
                                              people=snap.people, base_url=base_url)
    if prep.minutes:
        files["minutes.akn.xml"] = opendata.minutes_akn(prep, digest, settings=snap.settings,
                                                        people=snap.people)
    written = []
    for name, data in sorted(files.items()):
        output.put(f"{folder}/{name}", data)
        written.append(f"{folder}/{name}")
    return written


def _write_listings(output: Output, snap: Snapshot, digests: list[Digest],
                    records: Mapping[str, dict[str, Any]], base_url: str) -> None:
    settings = snap.settings
    committees = [c.committee for c in snap.committees]
    known = {c.slug for c in committees}
    for d in digests:
        if d["committee"] not in known:
            known.add(d["committee"])
            committees.append(Committee(slug=d["committee"], name=d["committee_name"]))
    output.put("index.html", pages.home_page(digests, committees, settings=settings))
    output.put("search.html", pages.search_page(settings=settings))
    output.put("search-index.json", search.index_json(
        entry for _, record in sorted(records.items()) for entry in record["search"]))
    events = [(r["digest"], r["ical"]) for _, r in sorted(records.items())]
    output.put("calendar.ics", feeds.calendar(events, settings=settings,
                                              name=f"{settings.council}: meetings"))
    output.put("documents.atom", feeds.atom_feed(digests, settings=settings, base_url=base_url))
    for name in _STATIC:
        output.put(name, (_HERE / "static" / name).read_bytes())
    output.put("data/event.schema.json", (_HERE / "static" / "event.schema.json").read_bytes())
    by_committee: dict[str, list[tuple[Digest, str]]] = {}
    for d, text in events:
        by_committee.setdefault(d["committee"], []).append((d, text))
    for committee in committees:
        own = by_committee.get(committee.slug, [])
        folder = committee_path(committee.slug)
        output.put(f"{folder}/index.html", pages.committee_page(
            committee, [d for d, _ in own], people=snap.people, settings=settings))
        output.put(f"{folder}/calendar.ics", feeds.calendar(
            own, settings=settings, name=f"{committee.name}: meetings"))


def _size(count: int) -> str:
    if count < 1024:
        return f"{count} bytes"
    if count < 1024 * 1024:
        return f"{round(count / 1024)} KB"
    return f"{count / (1024 * 1024):.1f} MB"
