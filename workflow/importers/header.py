"""Recognisers for the top of a document and for section headings: the committee and
date heading, venue, contact, DRAFT and AMENDED markers, summons letters, and the
Public / Private (Part 1 / Part 2) headings between items.

These functions fill a :class:`~workflow.importers.assemble.Draft`; they never split a
document into items (the layout modules do that).
"""

from __future__ import annotations

import re

from workflow.importers.assemble import Draft
from workflow.importers.common import Ledger, SourceLine, clean, find_date, find_time
from workflow.importers.titles import body_name
from workflow.record.model import Contact, MeetingKind

__all__ = ["date_only", "header_line", "heading_facts", "name_and_date", "section_of"]

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MINUTES_OF = re.compile(
    r"\bminutes\s+of\s+(?:the\s+|an?\s+)?(?:(?P<special>extraordinary|special|annual|budget)\s+)?"
    r"(?:meeting|session|hearing)\s+of\s+(?:the\s+)?(?P<name>.+?)\s+(?:held|which\s+(?:was|took)|on\s+"
    + _WEEKDAY + r")\b(?P<rest>.*)$",
    re.I,
)
_SUMMONS = re.compile(
    r"\bsummoned\s+to\s+attend\s+(?:an?\s+|the\s+)?(?:(?P<special>extraordinary|special|annual|budget)\s+)?"
    r"meeting\s+of\s+(?:the\s+)?(?P<name>.+?),?\s+(?:to\s+be|which\s+will\s+be)\s+held\b(?P<rest>.*)$",
    re.I,
)
_KINDS = {"extraordinary": MeetingKind.SPECIAL, "special": MeetingKind.SPECIAL,
          "annual": MeetingKind.ANNUAL, "budget": MeetingKind.BUDGET}


def heading_facts(text: str, draft: Draft) -> bool:
    """Read "Minutes of the Meeting of X held at T on D" (or a summons) into ``draft``."""
    text = clean(text)
    m = _MINUTES_OF.search(text) or _SUMMONS.search(text)
    if not m:
        return False
    draft.minutes = draft.minutes or m.re is _MINUTES_OF
    draft.council = draft.council or text[: m.start()].strip(" ,.-–") if m.re is _MINUTES_OF else draft.council
    draft.committee_name = m.group("name").strip(" ,")
    if m.group("special"):
        draft.kind = _KINDS[m.group("special").lower()]
    rest = m.group("rest")
    _when(rest, draft)
    venue = re.search(r"(?i)\b(?:held\s+)?(?:at|in)\s+(?P<v>(?:the\s+)?[A-Z][^,]*?(?:,\s*[A-Z][^,]*?)*?)(?=\s+on\b|\s+at\s+\d|,?\s*$)", rest)
    if venue and find_time(venue.group("v"))[0] is None and find_date(venue.group("v"))[1] == "":
        draft.venue = draft.venue or venue.group("v").strip(" ,.")
    return True


def _when(text: str, draft: Draft) -> None:
    when, words = find_date(text)
    if when is not None:
        draft.date = when
    elif words:
        draft.date_words = words
    start, _ = find_time(text)
    if start is not None:
        draft.start = start


_WEB_HEADING = re.compile(rf"^(?P<name>.+?)\s+[-–—]\s+(?P<when>{_WEEKDAY}?.*\d{{4}}.*)$")
_CONTACT = re.compile(
    r"^Contact:?\s*(?P<name>.*?)\s*(?:\b(?:Tel(?:ephone)?|Phone)\.?:?\s*(?P<tel>[\d ()+]{6,}?))?\s*"
    r"(?:\b(?:E-?mail):?\s*(?P<email>\S+@\S+?))?\s*\.?$",
    re.I,
)
_LETTER = re.compile(
    r"^(?:dear\s+[\w ]+,?|yours\s+(?:faithfully|sincerely)|to:?\s+(?:all\s+)?(?:members|councillors)\b.*|"
    r"(?:date\s+of\s+)?publi(?:shed|cation)\b.*|chief\s+executive|(?:head\s+of\s+)?democratic\s+services|"
    r"members\s+of\s+the\s+public\s+are\s+welcome.*|notice\s+of\s+meeting|summons)$",
    re.I,
)


def header_line(line: SourceLine, draft: Draft, ledger: Ledger) -> bool:
    """Read one line of the header region; ``False`` when it is none of the known lines."""
    text = clean(line.text)
    low = text.lower()
    if re.fullmatch(r"(?:agenda|minutes|agenda and minutes|agenda, decisions and (?:draft )?minutes|"
                    r"extracts? (?:from|of) the minutes|"
                    r"agenda and draft minutes|decisions|record of decisions?)", low):
        draft.minutes = draft.minutes or "minutes" in low or "decision" in low
        draft.draft_marker = draft.draft_marker or "draft" in low
        ledger.use(line)
        return True
    if re.fullmatch(r"\(?(?:draft|draft minutes|minutes\s*[-–]\s*draft|draft\s*[-–].*|unconfirmed)\)?", low):
        draft.draft_marker = True
        ledger.use(line)
        return True
    if re.fullmatch(r"(?:amended|supplementary|revised)\s+agenda.*", low):
        ledger.use(line)
        ledger.warn(f"Line {line.number}: the source is marked '{text}'.")
        return True
    if low.startswith("venue"):
        return _venue(line, text, draft, ledger)
    if low.startswith("contact"):
        return _contact(line, text, draft, ledger)
    if not draft.committee_name and heading_facts(text, draft):
        ledger.use(line)
        return True
    if _LETTER.match(text):
        ledger.ignore(line, "summons letter")
        return True
    m = None if draft.committee_name else _WEB_HEADING.match(text)
    if m and find_date(m.group("when"))[1] and not find_date(m.group("name"))[1]:
        facts = body_name(m.group("name").strip(), m.group("name"))
        draft.committee_name = str(facts["committee_name"])
        draft.council = draft.council or str(facts.get("council") or "")
        _when(m.group("when"), draft)
        special = re.search(r"(?i)\b(extraordinary|special|annual|budget)\b", text)
        if special:
            draft.kind = _KINDS[special.group(1).lower()]
        ledger.use(line)
        return True
    return False


def date_only(text: str) -> bool:
    """A line that is a date (and perhaps a time) and nothing else."""
    text = clean(text)
    when, words = find_date(text)
    rest = text.replace(words, "") if words else text
    rest = re.sub(r"(?i)\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|,", "", rest)
    return when is not None and find_time(rest)[1] == rest.strip()[: len(find_time(rest)[1])] and \
        len(re.sub(r"[\d.:apm ]", "", rest.lower())) <= 2


def name_and_date(name: SourceLine, when: SourceLine, draft: Draft, ledger: Ledger) -> None:
    """A committee's name on one line and the date of the meeting on the next."""
    facts = body_name(clean(name.text), clean(name.text))
    draft.committee_name = str(facts["committee_name"])
    draft.kind = facts.get("kind", draft.kind)  # type: ignore[assignment]
    _when(clean(when.text), draft)
    ledger.use(name, when)


def _venue(line: SourceLine, text: str, draft: Draft, ledger: Ledger) -> bool:
    m = re.match(r"(?i)^venue:?\s*(?P<v>.*?)(?P<link>\.?\s*view directions)?\s*$", text)
    if not m or not m.group("v"):
        return False
    draft.venue = m.group("v").strip(" .")
    if m.group("link"):
        ledger.ignore(line, "web page link", "View directions")
    ledger.use(line)
    return True


def _contact(line: SourceLine, text: str, draft: Draft, ledger: Ledger) -> bool:
    m = _CONTACT.match(text)
    if not m or not (m.group("name") or m.group("email")):
        return False
    draft.contact = Contact(
        name=(m.group("name") or "").strip(" ,.;"),
        phone=(m.group("tel") or "").strip(),
        email=(m.group("email") or "").strip(" .,;"),
    )
    ledger.use(line)
    return True


_SECTION = re.compile(
    r"^(?:part\s+(?P<part>1|2|i|ii|one|two|a|b)\b[^.]{0,60}|"
    r"(?P<session>closed|open|in\s+camera|public\s+excluded|confidential)\s*(?:meeting|session|items)?"
    r"\s*(?:\(\s*\d{1,2}[:.]\d{2}\s*[ap]\.?m\.?\s*\))?(?:\s*[.…]+\s*\d{0,3})?|"
    r"(?P<word>public|private|unrestricted|exempt|confidential|restricted|open|closed)\s+"
    r"(?:business|items?|session|reports?|part)\b[^.]{0,60}|"
    r"items?\s+(?:in|for|taken\s+in)\s+(?P<where>public|private)\b[^.]{0,60})$",
    re.I,
)


def section_of(text: str) -> tuple[bool, int | None] | None:
    """A Public/Private or Part 1/Part 2 heading -> (private?, Schedule 12A paragraph)."""
    text = clean(text).strip(" :")
    m = _SECTION.match(text)
    if not m:
        return None
    part = (m.group("part") or "").lower()
    word = (m.group("word") or m.group("where") or m.group("session") or "").lower()
    private = part in {"2", "ii", "two", "b"} or word in {
        "private", "exempt", "confidential", "restricted", "closed"} or word.startswith(
        ("in camera", "public excluded"))
    paragraph = re.search(r"(?i)paragraphs?\s+(\d{1,2})", text)
    return private, int(paragraph.group(1)) if paragraph else None
