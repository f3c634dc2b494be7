"""The site's HTML pages, from the Jinja2 templates in ``workflow/site/templates``.

A meeting's pages (its overview, agenda and minutes) are made from a
:class:`~workflow.site.meetings.Prepared` meeting; the document bodies are the blocks of
the one document builder written by :func:`workflow.render.text.html_fragment`, with an
anchor on every item (the minute reference, ``#minute-12-17``) and "Minute 12/17" in the
text linked to that anchor. The home, committee and search pages are made from the
meetings' digests alone. Every link is relative, so the folder works from any address.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

import jinja2
from markupsafe import Markup

from workflow.record.model import Committee, Person, Role
from workflow.record.names import person_name
from workflow.record.numbering import find_minute_refs
from workflow.render.elements import Block
from workflow.render.text import html_fragment
from workflow.site.meetings import Digest, Prepared, item_of, public_title
from workflow.site.values import SiteSettings, committee_path
from workflow.text.dates import format_date

__all__ = ["committee_page", "home_page", "meeting_pages", "search_page"]

_ROLE = {Role.CHAIR: "Chair", Role.VICE_CHAIR: "Vice-Chair", Role.CO_OPTED: "Co-opted Member",
         Role.CABINET_MEMBER: "Cabinet Member", Role.DEPUTY_CABINET_MEMBER: "Deputy Cabinet Member",
         Role.SHADOW_CABINET_MEMBER: "Shadow Cabinet Member"}
_UPCOMING = 20
_RECENT = 10


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("workflow.site", "templates"),
        autoescape=jinja2.select_autoescape(["html"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def _render(template: str, **context: Any) -> bytes:
    return _environment().get_template(template).render(**context).encode("utf-8")


# ------------------------------------------------------------------------- meetings


def meeting_pages(prep: Prepared, digest: Digest, *, settings: SiteSettings,
                  links: Mapping[str, str], prefix: str = "") -> dict[str, bytes]:
    """``index.html``, and ``agenda.html``/``minutes.html`` when public, of one meeting.

    ``links`` maps the minute references the meeting cites to their page and anchor
    (relative to the site's root).
    """
    root = "../../../"
    meeting = prep.meeting
    common = {"council": settings.council, "root": root, "d": digest}
    committee_url = committee_path(meeting.committee)
    crumbs = [("Meetings", f"{root}index.html"),
              (digest["committee_name"], f"{root}{committee_url}/index.html")]
    link = _linker(links, root, settings.minute_ref_format, prefix)
    pages: dict[str, bytes] = {}
    for which, blocks in (("agenda", prep.agenda), ("minutes", prep.minutes)):
        if not blocks:
            continue
        anchors = prep.anchors[which]
        body = html_fragment(blocks, heading_id=_heading_ids(anchors), linkify=link)
        banner, kind = _banner(digest, which, settings.minute_ref_format, link)
        pages[f"{which}.html"] = _render(
            "document.html", **common, which=which, title=digest[f"{which}_title"],
            body=Markup(body), banner=Markup(banner), banner_kind=kind,
            crumbs=[*crumbs, (digest["title"], "index.html"),
                    ("Agenda" if which == "agenda" else "Minutes", "")])
    items = []
    for item in meeting.items:
        number = item.agenda_number or item.minute_number
        title = public_title(item)
        agenda_href = f"agenda.html#{prep.anchors['agenda'][item.uid]}" if prep.agenda else ""
        minute_ref = next((ref for ref, uid in prep.refs.items() if uid == item.uid), "")
        minute_href = f"minutes.html#{prep.anchors['minutes'][item.uid]}" if prep.minutes else ""
        label = f"Minute {minute_ref}" if minute_ref else "Minutes"
        if agenda_href:
            items.append((number, title, agenda_href, minute_href, label))
    approval = ""
    if meeting.approval is not None:
        approval = "The minutes were approved as a correct record"
        if meeting.approval.on:
            approval += f" on {format_date(meeting.approval.on, 'document')}"
        if meeting.approval.minute:
            approval += f" (Minute {meeting.approval.minute})"
        approval += "."
    postponed = format_date(dt.date.fromisoformat(digest["postponed_from"]), "document") \
        if digest["postponed_from"] else ""
    pages["index.html"] = _render(
        "meeting.html", **common, title=digest["title"], crumbs=[*crumbs, (digest["title"], "")],
        committee_url=committee_url, items=items, approval=approval, postponed_from=postponed,
        reports=any(f["kind"] == "report" for f in digest["files"]))
    return pages


def _heading_ids(anchors: Mapping[str, str]) -> Callable[[Block], str]:
    def heading_id(block: Block) -> str:
        if block.key.endswith("/title"):
            return anchors.get(item_of(block), "")
        if block.key.startswith("section:"):
            return block.key.split(":", 1)[1].split("/")[0] + "-business"
        return ""
    return heading_id


def _linker(links: Mapping[str, str], root: str, fmt: str, prefix: str) -> Callable[[str], str]:
    """Link every "Minute 12/17" whose minute is on the site to its anchor."""
    def link(text: str) -> str:
        if not links or "inute" not in text:
            return text
        cited = {r.format(fmt, prefix=prefix) for r in find_minute_refs(html.unescape(text), fmt,
                                                                          prefix or None)}
        known = sorted((ref for ref in cited if ref in links), key=len, reverse=True)
        if not known:
            return text
        pattern = re.compile(r"((?:\b[Mm]inutes?\s+)?)(?<![\w/])("
                             + "|".join(re.escape(html.escape(r)) for r in known) + r")(?![\w/])")

        def anchor(match: re.Match[str]) -> str:
            href = html.escape(root + links[html.unescape(match.group(2))])
            return f'<a href="{href}">{match.group(1)}{match.group(2)}</a>'
        return pattern.sub(anchor, text)
    return link


def _banner(digest: Digest, which: str, fmt: str, link: Callable[[str], str]) -> tuple[str, str]:
    if which == "agenda":
        if digest["published_on"]:
            day = format_date(dt.date.fromisoformat(digest["published_on"]), "document")
            return html.escape(f"Agenda published on {day}."), "agenda"
        return "", ""
    if digest["minutes"] == "draft":
        return ("Draft minutes: these have not yet been approved as a correct record and "
                "may change."), "draft"
    text = "Approved minutes: signed as a correct record"
    if digest["approved_on"]:
        text += f" on {format_date(dt.date.fromisoformat(digest['approved_on']), 'document')}"
    return html.escape(text + "."), "approved"


# ------------------------------------------------------------------------- listings


def home_page(digests: Sequence[Digest], committees: Sequence[Committee], *,
              settings: SiteSettings) -> bytes:
    today = settings.today.isoformat()
    listed = list(digests)
    upcoming = sorted((d for d in listed if d["date"] >= today and not d["cancelled"]),
                      key=_when)[:_UPCOMING]
    recent = sorted((d for d in listed if d["date"] < today and (d["agenda"] or d["minutes"])),
                    key=_when, reverse=True)[:_RECENT]
    counts: dict[str, int] = {}
    for d in listed:
        counts[d["committee"]] = counts.get(d["committee"], 0) + 1
    rows = [{"name": c.name, "url": committee_path(c.slug), "count": counts.get(c.slug, 0)}
            for c in sorted(committees, key=lambda c: c.name.lower())]
    return _render("home.html", council=settings.council, root="", title="Meetings",
                   crumbs=[], upcoming=upcoming, recent=recent, committees=rows,
                   today=format_date(settings.today, "document"))


def committee_page(committee: Committee, digests: Sequence[Digest], *,
                   people: Mapping[str, Person], settings: SiteSettings) -> bytes:
    years: dict[str, list[Digest]] = {}
    for d in sorted(digests, key=_when, reverse=True):
        years.setdefault(d["year"], []).append(d)
    today = settings.today
    members = [
        (person_name(m.person, people), _ROLE.get(m.role, ""))
        for m in committee.membership
        if (m.start is None or m.start <= today) and (m.end is None or m.end >= today)
        and m.role not in (Role.OFFICER, Role.OTHER)
    ]
    members.sort(key=lambda pair: (pair[1] != "Chair", pair[1] != "Vice-Chair", pair[0]))
    contact = committee.contact
    contact_text = ", ".join(p for p in (contact.name, contact.phone, contact.email) if p)
    return _render("committee.html", council=settings.council, root="../../",
                   title=committee.name, crumbs=[("Meetings", "../../index.html"),
                                                 (committee.name, "")],
                   committee=committee, contact=contact_text, years=list(years.items()),
                   members=members)


def search_page(*, settings: SiteSettings) -> bytes:
    return _render("search.html", council=settings.council, root="", title="Search",
                   crumbs=[("Meetings", "index.html"), ("Search", "")])


def _when(digest: Digest) -> tuple[str, str, str]:
    return digest["date"], digest["start"], digest["id"]
