"""The title block of a document: which body met, when, where, and what kind of meeting.

Councils word the top of their minutes in many ways; each is a signal read here:

- "Minutes of the (Annual) Meeting of X held at … on …" and its variants ("Minutes of
  Proceedings at Meeting of X", "Minutes of October Ordinary Meeting of X", "MINUTES OF
  <council> <body> Meeting HELD AT THE … ON …" split over lines);
- a summons or notice: "You are summoned to attend a meeting of X to be held …", "A
  meeting of X will be held …";
- prose openings: "At an adjourned meeting of X held …", "The regular meeting of X was
  held …", "Mayor M called a Regular Meeting of X to order …", "The X met in session …";
- title lines: "Minutes of X <date>", "X Minutes", "<X> Agenda", "X - Tuesday, 3 May 2025",
  a body's name above a date line, "<date> X".

:func:`body_name` turns what was found into the committee's name, the council's name and
the kind of meeting ("Extraordinary Council Meeting" -> "Council", special).
"""

from __future__ import annotations

import re

from workflow.importers.common import clean, find_date, find_time
from workflow.record.model import MeetingKind

__all__ = ["BODY", "body_name", "held_facts", "opening_facts", "title_facts"]

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
BODY = (r"(?:council|committee|sub-committee|subcommittee|board|cabinet|commission|panel|forum|"
        r"assembly|executive|authority|trust|group|municipal\s+district|district)")
_KINDS = {"extraordinary": MeetingKind.SPECIAL, "special": MeetingKind.SPECIAL,
          "annual": MeetingKind.ANNUAL, "budget": MeetingKind.BUDGET}
_WHEN = r"(?P<rest>(?:\s|,).*)?$"

_FORMS = [
    # Minutes of [the] [October] [Ordinary] Meeting of X held / on / commencing …
    re.compile(r"\bminutes\s+of\s+(?:the\s+)?(?:proceedings\s+(?:at|of)\s+)?(?:an?\s+|the\s+)?"
               r"(?P<pre>(?:[\w&'’-]+\s+){0,6}?)(?:meeting|session|hearing)\s+of\s+(?:the\s+)?"
               r"(?P<name>.+?)\s*,?\s+(?:held|which\s+(?:was|took)|on\s+" + _WEEKDAY + r"|commencing)\b"
               + _WHEN, re.I),
    # MINUTES OF [THE] <council> <kind> Council Meeting HELD AT THE … ON …
    re.compile(r"\bminutes\s+of\s+(?:the\s+)?(?P<name>.{3,150}?\b(?:meeting|session))\s+held\b" + _WHEN,
               re.I),
    # Minutes of X held in / at …   (Minutes of Guelph City Council Held in the Council Chambers …)
    re.compile(r"\bminutes\s+of\s+(?:the\s+)?(?P<name>.{3,120}?\b" + BODY + r")\s+held\b" + _WHEN, re.I),
    # summoned to attend a meeting of X to be held …
    re.compile(r"\bsummoned\s+to\s+attend\s+(?:an?\s+|the\s+)?(?P<pre>(?:\w+\s+){0,2}?)meeting\s+of\s+"
               r"(?:the\s+)?(?P<name>.+?),?\s+(?:to\s+be|which\s+will\s+be)\s+held\b" + _WHEN, re.I),
    # A meeting of X will be held …
    re.compile(r"^(?:an?\s+|the\s+)?(?P<pre>(?:\w+\s+){0,2}?)meeting\s+of\s+(?:the\s+)?(?P<name>.+?)"
               r"\s+(?:will\s+be|is\s+to\s+be|was)\s+held\b" + _WHEN, re.I),
    # At an adjourned meeting of X held …
    re.compile(r"^at\s+(?:an?\s+|the\s+)?(?P<pre>(?:\w+\s+){0,2}?)meeting\s+of\s+(?:the\s+)?(?P<name>.+?)"
               r"\s+held\b" + _WHEN, re.I),
    # … called a Regular Meeting of X to order …
    re.compile(r"\bcalled\s+(?:an?\s+|the\s+)?(?P<pre>(?:\w+\s+){0,2}?)meeting\s+of\s+(?:the\s+)?"
               r"(?P<name>.+?)\s+to\s+order\b" + _WHEN, re.I),
    # Minutes of the proceedings of the City Council of … Regular Session <date>
    re.compile(r"\bminutes\s+of\s+(?:the\s+)?proceedings\s+of\s+(?:the\s+)?(?P<name>.+?)\s+"
               r"(?P<pre>(?:regular|special|adjourned|annual)\s+)?(?:session|meeting)\b" + _WHEN, re.I),
    # The regular meeting of the Council was called to order …
    re.compile(r"^the\s+(?P<pre>(?:\w+\s+){0,2}?)meeting\s+of\s+(?:the\s+)?(?P<name>.+?)\s+was\s+"
               r"called\s+to\s+order\b" + _WHEN, re.I),
    # The X met in [regular] session …
    re.compile(r"\bthe\s+(?P<name>[\w .'’&-]{3,80}?\b" + BODY + r")\s+met\s+in\s+(?P<pre>(?:\w+\s+){0,3}?)"
               r"(?:session|meeting)\b" + _WHEN, re.I),
]


def opening_facts(text: str) -> dict[str, object] | None:
    """Committee, council, kind, date and time from a heading or opening sentence."""
    text = clean(text)
    for form in _FORMS:
        m = form.search(text)
        if not m:
            continue
        name = m.group("name").strip(" ,.;:")
        if not name or find_date(name)[1] or len(name) > 150:
            continue
        if m.group(0).lower().startswith("minutes") and re.search(r"\b[a-z]{3,}\b", text[: m.start()]):
            continue
        pre = (m.groupdict().get("pre") or "") + " " + name
        facts = body_name(name, pre)
        if not _named(str(facts.get("committee_name", ""))):
            continue
        rest = m.group("rest") or ""
        facts.update(_when(rest))
        if "date" not in facts:
            facts.update({k: v for k, v in _when(text[: m.start()]).items() if k not in facts})
        facts["minutes"] = not re.search(r"(?i)\bsummoned\b|\b(?:will|to)\s+be\s+held\b", m.group(0))
        before = text[: m.start()].strip(" ,.-–")
        facts["council"] = facts.get("council") or (before if re.search(BODY, before, re.I) else "")
        venue = _venue_in(rest)
        if venue:
            facts["venue"] = venue
        return facts
    return None


_TITLE_FORMS = [
    # Minutes of X <date>  /  Minutes of X from <date>
    re.compile(r"^(?:minutes|agenda)\s+of\s+(?:the\s+)?(?P<name>.+?)\s*(?:[-–,]|\bfrom\b|\bon\b)?\s*"
               r"(?P<date>(?:" + _WEEKDAY + r",?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+\w+,?\s+\d{4}.*)$", re.I),
    # Minutes <date> Meeting of X
    re.compile(r"^(?:minutes|agenda)\s+(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+\w+\s+\d{4})\s+(?:meeting\s+of\s+)?"
               r"(?:the\s+)?(?P<name>.+)$", re.I),
    # X - Tuesday, 3 May 2025 7.00 pm   /   Ordinary Meeting of Council - 17 December 2020 - Open Minutes
    re.compile(r"^(?P<name>[^\d]{3,120}?)\s+[-–—]\s+(?P<date>(?:" + _WEEKDAY + r",?\s+)?\S.*\d{4}.*)$", re.I),
    # AGENDA SEBASTIAN CITY COUNCIL REGULAR MEETING WEDNESDAY, SEPTEMBER 26, 1990 - 7:00 P.M.
    re.compile(r"(?:^|\s)(?:MINUTES|AGENDA|[Mm]inutes|[Aa]genda)\s+(?P<name>[^\d]{3,120}?\b(?:" + BODY + r"|meeting))\s+,?\s*"
               r"(?P<date>(?:" + _WEEKDAY + r",?\s+)?\w+\s+\d{1,2},?\s+\d{4}.*)$", re.I),
    # KIDWELLY TOWN COUNCIL 18th JANUARY 2011  /  10 NOVEMBER 2011 DEVELOPMENT COMMITTEE
    re.compile(r"^(?P<name>[^\d]{3,100}?\b" + BODY + r")\s+(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+\w+,?\s+\d{4})$", re.I),
    re.compile(r"^(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+\w+,?\s+\d{4})\s+(?P<name>[^\d]{3,100}?\b" + BODY + r")$", re.I),
]
_NAME_LINE = [
    # Extraordinary Council Meeting Minutes - Confirmed / REGULAR COUNCIL MEETING MINUTES
    re.compile(r"^(?P<name>[^\d]{3,100}?\b(?:" + BODY + r"|meeting|session))\s+(?:minutes|agenda)\b.{0,30}$", re.I),
    # Minutes Ordinary Council Meeting / BOARD OF SUPERVISORS … AGENDA
    re.compile(r"^(?:minutes|agenda)\s+(?:of\s+)?(?:the\s+)?(?P<name>[^\d]{3,100}?\b(?:" + BODY + r"|meeting))$", re.I),
    re.compile(r"^(?P<name>[^\d]{0,100}?\b" + BODY + r"\b[^\d]{0,60}?)\s+(?:minutes|agenda)$", re.I),
]


def title_facts(text: str) -> dict[str, object] | None:
    """A title line with the body's name and the date, or the name alone."""
    text = clean(text).strip(" .")
    if len(text) > 400:
        return None
    if " / " in text and len(text) <= 200:
        for half in reversed(text.split(" / ")):
            found = title_facts(half)
            if found:
                return found
    for form in _TITLE_FORMS:
        searched = form.pattern.startswith("(?:^|")
        m = form.search(text) if searched else form.match(text) if len(text) <= 200 else None
        if not m:
            continue
        name = m.group("name").strip(" ,.-–:")
        when = find_date(m.group("date"))
        if not name or not when[1] or find_date(name)[1] or not re.search(r"[A-Za-z]{3}", name):
            continue
        facts = body_name(name, name)
        if not _named(str(facts.get("committee_name", ""))):
            continue
        facts.update(_when(m.group("date")))
        facts["minutes"] = bool(re.search(r"(?i)\bminutes\b", text))
        return facts
    for form in _NAME_LINE:
        m = form.match(text) if len(text) <= 200 else None
        if m and m.group("name").strip():
            facts = body_name(m.group("name").strip(" ,.-–:"), m.group("name"))
            facts["minutes"] = "minutes" in text.lower()
            return facts
    return None


_HELD = re.compile(r"^minutes\s+of\s+the\s+meeting\s+held\b(?P<rest>.*\d{4}.*)$", re.I)


def held_facts(text: str) -> dict[str, object] | None:
    """"Minutes of the meeting held at … on <date>": the date, time and place, no name."""
    m = _HELD.match(clean(text))
    if not m or len(clean(text)) > 160 or re.search(r"(?i)\bminutes\s*:|\bpdf\b", m.group("rest")):
        return None
    facts = _when(m.group("rest"))
    venue = _venue_in(m.group("rest"))
    if venue:
        facts["venue"] = venue
    facts["minutes"] = True
    return facts if "date" in facts else None


def _venue_in(text: str) -> str:
    """The place in "… held at the Council Offices, Eastbrook on …": not a time or a date."""
    for m in re.finditer(r"(?:^|\s|,)(?:held\s+)?(?:at|in)\s+(?P<v>(?:the\s+|The\s+)?[A-Z][^.;]*?)"
                         r"(?=\s+on\s|\s+at\s+\d|\s+commencing|\s+when\b|,?\s*$|\.\s|\s+in\s+)", text):
        place = m.group("v").strip(" ,.")
        if place and not find_date(place)[1] and find_time(place)[0] is None and len(place) < 120:
            return place
    return ""


def _named(name: str) -> bool:
    """A body's name, not "the meeting" or "the last meeting"."""
    return bool(name) and not re.search(r"(?i)\bheld\b", name) and not re.fullmatch(
        r"(?i)(?:the\s+)?(?:last|previous|next|said|above|this|that|same|\w+\s+\d{4})?\s*"
        r"(?:meeting|session|minutes|proceedings)s?", name.strip())


def _when(text: str) -> dict[str, object]:
    out: dict[str, object] = {}
    when, words = find_date(text)
    if when is not None:
        out["date"] = when
    elif words:
        out["date_words"] = words
    start = find_time(text)[0]
    if start is not None:
        out["start"] = start
    return out


_COUNCIL_SPLIT = re.compile(
    r"^(?P<body>.*?\b" + BODY + r")\s+(?:of|for)\s+(?:the\s+)?(?P<council>(?:city|town|township|"
    r"municipality|county|borough|district|village|parish|corporation|royal|london)\b.*)$", re.I)
_SUFFIX = re.compile(r"(?i)\s*[-–,:]?\s*(?:open\s+|draft\s+|confirmed\s+|unconfirmed\s+)?"
                     r"(?:minutes|agenda)(?:\s*[-–]\s*\w+)?$")


def body_name(name: str, context: str = "") -> dict[str, object]:
    """``Extraordinary Council Meeting`` -> name "Council", kind special; ``Annual Meeting,
    Carrick on Shannon Municipal District`` -> "Carrick on Shannon Municipal District", annual."""
    facts: dict[str, object] = {}
    name = _tidy(name)
    kind = re.search(r"(?i)\b(extraordinary|special|annual|budget)\b", context)
    if kind:
        facts["kind"] = _KINDS[kind.group(1).lower()]
    name = _SUFFIX.sub("", name.strip())
    name = re.sub(r"(?i)^(?:the\s+)?(?:[\w&'’-]+\s+){0,5}?(?:meeting|session)\s*(?:,|of\s+(?:the\s+)?)\s*",
                  "", name) if re.search(r"(?i)(?:meeting|session)\s*(?:,|of\b)", name) else name
    name = re.sub(r"(?i)^(?:the\s+)?(?:(?:regular|ordinary|extraordinary|special|annual|budget|"
                  r"adjourned|informal|reconvened|full)\s+)*(?=\w)", lambda m: "Full " if "full" in
                  m.group(0).lower() else "", name)
    name = re.sub(r"(?i)\s+(?:regular\s+|ordinary\s+|special\s+)?(?:meeting|session)$", "", name)
    both = re.match(r"(?i)^(?P<council>.+?\b(?:council|shire|corporation))\s+(?:(?:ordinary|extraordinary|"
                    r"special|annual|regular)\s+)?(?P<body>(?:\w+\s+){0,3}" + BODY + r")$", name)
    if both and len(both.group("council").split()) > 1:
        name, facts["council"] = both.group("body"), both.group("council")
    place = re.match(r"(?i)^(?P<body>.+?)\s+(?:of\s+)?(?P<council>(?:the\s+)?(?:city|town|county|borough|"
                     r"township|municipality|village)\s+(?:and\s+county\s+)?of\s+.+)$", name)
    if place and re.search(BODY, place.group("body"), re.I):
        council = re.sub(r"(?i)^the\s+|\s+in\s+the\s+county\s+of\b.*$", "", place.group("council"))
        name, facts["council"] = place.group("body"), _tidy(council)
    split = _COUNCIL_SPLIT.match(name)
    if split:
        name, facts["council"] = split.group("body"), _tidy(re.sub(
            r"(?i)\s+in\s+the\s+county\s+of\b.*$", "", split.group("council")))
    facts["committee_name"] = _tidy(name.strip(" ,.-–:"))
    return facts


def _tidy(name: str) -> str:
    """Shouted names in title case: ``DEVELOPMENT COMMITTEE`` -> ``Development Committee``."""
    name = " ".join(name.split())
    letters = [c for c in name if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.8 * len(letters):
        small = {"of", "and", "the", "for", "in", "on", "to", "a"}
        words = [w.capitalize() if w.isalpha() or "-" in w else w for w in name.lower().split()]
        name = " ".join(w.lower() if i and w.lower() in small else w for i, w in enumerate(words))
    return name
