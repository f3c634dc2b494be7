"""From a layout's draft (header facts, attendance lines, item line groups) to a Meeting.

Layout modules (:mod:`.webpage`, :mod:`.printed`, :mod:`.docx_reader`) fill a
:class:`Draft`; :func:`build_meeting` turns it into the immutable record, reading each
item's agenda part and minutes with the shared recognisers. Nothing here reads files
or knows a layout.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from workflow.importers.common import (
    NOT_PLACED,
    Ledger,
    MissingDetail,
    SourceLine,
    bare_name,
    clean,
    find_date,
    slugify,
)
from workflow.importers.decisions import reference_in
from workflow.importers.minutes import ItemMinutes, read_minutes
from workflow.importers.people import Register, parse_attendance
from workflow.record.model import (
    PRIVATE_TITLE,
    AttendanceState,
    Attendee,
    ChairChange,
    Contact,
    Document,
    Exemption,
    Item,
    ItemKind,
    Meeting,
    MeetingKind,
    Person,
    Report,
    Status,
)

__all__ = ["Draft", "DraftItem", "build_meeting", "document_in", "is_report_line", "item_kind", "read_agenda"]


@dataclass
class DraftItem:
    number: str = ""
    minute_number: str = ""
    title: str = ""
    line: int = 0
    agenda: list[SourceLine] = field(default_factory=list)
    minutes: list[SourceLine] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    has_minutes: bool = False
    private: bool = False
    paragraph: int | None = None
    part: int = 0
    """The heading's piece of its source line, in text without line breaks."""
    rest: str = ""
    """Text run on after the title on the heading line."""
    title_next: bool = False
    """The number stood alone: the next line is the title."""
    motion_open: bool = False
    """A motion was moved under this item and its outcome is not yet given."""


@dataclass
class Draft:
    format: str
    committee_name: str = ""
    council: str = ""
    kind: MeetingKind = MeetingKind.ORDINARY
    date: dt.date | None = None
    date_words: str = ""
    start: dt.time | None = None
    venue: str = ""
    contact: Contact = field(default_factory=Contact)
    attendance: list[SourceLine] = field(default_factory=list)
    items: list[DraftItem] = field(default_factory=list)
    closing: tuple[dt.time | None, str] | None = None
    minutes: bool = False
    draft_marker: bool = False
    section_paragraph: int | None = None
    numbered: bool = False
    """The document numbers its items (so a title-case line alone is not a heading)."""
    grounds: str = ""
    """The law the source gives for taking business in private, when not Schedule 12A."""


_KINDS = [
    (r"not\s+yet\s+placed$", ItemKind.OTHER),
    (r"declarations?\s+of\s+(?:disclosable\s+)?(?:pecuniary\s+)?interests?|declarations?\b|disclosures?\s+of\s+interest",
     ItemKind.DECLARATIONS),
    (r"apologies", ItemKind.APOLOGIES),
    (r"(?:confirmation\s+of\s+|approval\s+of\s+)?(?:the\s+)?minutes\b", ItemKind.MINUTES),
    (r"outstanding\s+issues|action\s+(?:log|tracker)", ItemKind.OUTSTANDING_ISSUES),
    (r"(?:the\s+)?(?:\S+\s+)?work\s+programme|forward\s+plan", ItemKind.WORK_PROGRAMME),
    (r"any\s+other\s+(?:urgent\s+)?business|urgent\s+(?:public\s+)?business", ItemKind.ANY_OTHER_BUSINESS),
    (r"exclusion\s+of\s+(?:the\s+)?(?:press|public)", ItemKind.EXCLUSION),
    (r"(?:chair(?:man)?'?s?\s+|mayor'?s?\s+)?announcements|tributes", ItemKind.ANNOUNCEMENTS),
    (r"notices?\s+of\s+motion", ItemKind.NOTICE_OF_MOTION),
    (r"(?:public\s+|members'?\s+)?questions", ItemKind.QUESTIONS),
]


def item_kind(title: str) -> ItemKind:
    for pattern, kind in _KINDS:
        if re.match(pattern, title.strip(), re.I):
            return kind
    return ItemKind.REPORT


_REPORT = re.compile(
    r"^(?P<kind>(?:Joint\s+)?(?:Report|Briefing\s+Note|Briefing\s+Paper|Verbal\s+Report|Verbal\s+Update|"
    r"Presentation|Note))\s+(?:of|from|by)\s+(?:the\s+)?(?P<author>[^.]{3,100}?)\.?(?P<tf>\s*\(to follow\))?$",
    re.I,
)
_DOC = re.compile(r"^(?P<title>.*?)\s*pdf\s+icon\s*(?P<size>PDF\s+[\d.,]+\s*[KMG]B)?\s*$", re.I)
_PARAGRAPH = re.compile(r"(?i)paragraphs?\s+(\d{1,2})\b")


def is_report_line(text: str) -> bool:
    """``Report of the Director of Housing``, ``Briefing Note of the Scrutiny Co-ordinator``."""
    return _REPORT.match(text.strip()) is not None


def document_in(text: str) -> tuple[str, Document | None]:
    """``Minutes pdf icon PDF 61 KB`` -> ("Minutes", the document)."""
    m = _DOC.match(text.strip())
    if not m:
        return text.strip(), None
    title = m.group("title").strip() or "Document"
    return title, Document(title=title, size=(m.group("size") or "").strip())


def read_agenda(item: DraftItem, ledger: Ledger) -> tuple[Report | None, list[str]]:
    """The agenda part of an item: report author, documents and wording lines."""
    report: Report | None = None
    wording: list[str] = []
    additional = False
    for line in item.agenda:
        text = clean(line.text)
        if not text:
            continue
        ledger.use(line)
        m = _REPORT.match(text)
        if m and report is None:
            report = Report(kind=_kind_words(m.group("kind")), author=m.group("author").strip(),
                            to_follow=bool(m.group("tf")))
            continue
        if re.fullmatch(r"(?i)additional\s+documents:?", text):
            additional = True
            ledger.ignore(line, "list heading of the web page")
            continue
        title, doc = document_in(text)
        if doc is not None:
            item.documents.append(doc)
            ledger.ignore(line, "web page link", "pdf icon")
            continue
        if re.search(r"(?i)schedule\s+12a|exempt", text) and _PARAGRAPH.search(text):
            item.paragraph = int(_PARAGRAPH.search(text).group(1))  # type: ignore[union-attr]
        wording.append(text)
    if additional and not any(d for d in item.documents[1:]):
        ledger.warn(f"Item {item.number or item.title}: the source lists additional documents without their names.")
    return report, wording


def _kind_words(kind: str) -> str:
    words = re.sub(r"\s+", " ", kind.strip())
    return words[:1].upper() + words[1:]


def build_meeting(
    draft: Draft,
    ledger: Ledger,
    *,
    source: str,
    committee: str | None,
    date: dt.date | None,
    people: Mapping[str, Person],
    title: str = "",
) -> tuple[Meeting, list[int]]:
    """The meeting, and for each of its items the source line (and piece) of its heading."""
    slug, name = _committee(draft, source, committee, title, ledger)
    draft.grounds = draft.grounds or _grounds(ledger.lines)
    when = _date(draft, source, date, ledger)
    register = Register(people)
    attendance = parse_attendance(draft.attendance, ledger, register)
    items, attendance, chair_changes, closing = _items(draft, ledger, register, slug, attendance)
    status = _status(draft, ledger, items)
    _flag_unplaced(draft, ledger)
    meeting = Meeting(
        id=f"{slug}/{when.isoformat()}",
        committee=slug,
        committee_name=name,
        council=draft.council,
        kind=draft.kind,
        status=status,
        date=when,
        start=draft.start,
        closed=closing[0] if closing else None,
        closing_word="" if not closing or closing[1] == "closed" else closing[1],
        venue=draft.venue,
        contact=draft.contact,
        attendance=tuple(attendance),
        chair_changes=tuple(chair_changes),
        items=tuple(items),
        notes=(f"Imported from {source} ({_FORMATS.get(draft.format, draft.format)}).",),
    )
    return meeting, [(d.line, d.part) for d in draft.items]


_GROUNDS = re.compile(
    r"(?i)\b(?:section|s\.)\s*\d+[A-Z]?(?:\s*\(\s*\w{1,3}\s*\))*(?:\s*(?:,|and|&)\s*\(\s*\w\s*\))*"
    r"(?:\s+of)?(?:\s+the)?\s+[A-Z][\w ()]{2,80}?\bAct\b(?:,?\s+\d{4})?"
)


def _grounds(lines: list[SourceLine]) -> str:
    """The first statutory ground for private business the text cites (other than Schedule 12A)."""
    for line in lines:
        if re.search(r"(?i)closed|private|exclude|confidential|in camera|public\s+excluded", line.text):
            m = _GROUNDS.search(line.text)
            if m:
                return " ".join(m.group(0).split())
    return ""


def _flag_unplaced(draft: Draft, ledger: Ledger) -> None:
    """Text before the first item is kept on an item "Not yet placed", flagged for review."""
    for item in draft.items:
        if item.title == NOT_PLACED:
            for line in [*item.agenda, *item.minutes]:
                if not line.blank:
                    ledger.flag(line, "kept as narrative before the first item")


def _items(draft: Draft, ledger: Ledger, register: Register, slug: str, attendance: list[Attendee]
           ) -> tuple[list[Item], list[Attendee], list[ChairChange], tuple[dt.time | None, str] | None]:
    items: list[Item] = []
    chair_changes: list[ChairChange] = []
    closing = draft.closing
    uids: set[str] = set()
    declared: set[tuple[str, str]] = set()
    for draft_item in draft.items:
        report, wording = read_agenda(draft_item, ledger)
        minutes = read_minutes(draft_item.minutes, ledger, register, item=draft_item.number,
                               declared=declared, reference=reference_in(draft_item.title))
        declared.update((d.member, d.regarding) for d in minutes.declarations if d.regarding)
        items = _returns(items, minutes, draft_item.number)
        if item_kind(draft_item.title) is ItemKind.EXCLUSION and draft.section_paragraph is None:
            draft.section_paragraph = _exclusion_paragraph(wording, minutes)
        items.append(_item(draft_item, report, wording, minutes, uids, slug, draft, ledger))
        attendance = _movements(attendance, minutes, register)
        chair_changes.extend(minutes.chair_changes)
        closing = closing or minutes.closing
    return items, attendance, chair_changes, closing


_FORMATS = {"webpage": "committee system web page", "printed": "printed minutes", "docx": "Word document",
            "pdf": "PDF"}


def _committee(draft: Draft, source: str, committee: str | None, title: str,
               ledger: Ledger) -> tuple[str, str]:
    if committee:
        return committee, draft.committee_name
    name = draft.committee_name
    if not slugify(name) and title:
        from workflow.importers.titles import body_name, title_facts

        facts = title_facts(title) or body_name(title, title)
        name = str(facts.get("committee_name") or "")
        if name:
            ledger.warn(f"The committee's name was taken from the file's properties: '{title}'.")
    slug = slugify(name)
    if not slug:
        raise MissingDetail(f"{source}: the committee's name is not in the text; give --committee SLUG.")
    return slug, name


def _date(draft: Draft, source: str, date: dt.date | None, ledger: Ledger) -> dt.date:
    if date is not None:
        if draft.date is not None and draft.date != date:
            ledger.warn(f"The text gives the meeting date as {draft.date.isoformat()}; "
                        f"{date.isoformat()} was used as given.")
        return date
    if draft.date is not None:
        return draft.date
    if draft.date_words:
        raise MissingDetail(f"{source}: the meeting date '{draft.date_words}' is not a real date; "
                            "give --date YYYY-MM-DD.")
    raise MissingDetail(f"{source}: the meeting date is not in the text; give --date YYYY-MM-DD.")


def _status(draft: Draft, ledger: Ledger, items: list[Item]) -> Status:
    decided = any(i.resolutions or i.motions for i in items)
    if not (draft.minutes or decided or any(i.has_minutes for i in draft.items)):
        return Status.AGENDA_PUBLISHED
    if draft.draft_marker:
        ledger.warn("The source is marked DRAFT: imported as published draft minutes, not approved.")
        return Status.MINUTES_PUBLISHED
    return Status.MINUTES_APPROVED


def _item(d: DraftItem, report: Report | None, wording: list[str], m: ItemMinutes,
          uids: set[str], slug: str, draft: Draft, ledger: Ledger) -> Item:
    uid = f"item-{slugify(d.number) or len(uids) + 1}"
    while uid in uids:
        uid += "-x"
    uids.add(uid)
    kind = item_kind(d.title)
    exemption = None
    if d.private:
        paragraph = d.paragraph or m.paragraph or draft.section_paragraph
        grounds = "" if paragraph else (draft.grounds or "not stated in the imported text")
        if paragraph is None:
            ledger.warn(f"Item {d.number or d.minute_number or d.title} is private business but the "
                        "source does not give its Schedule 12A paragraph; add it.")
        exemption = Exemption(paragraph=paragraph, grounds=grounds)
    return Item(
        uid=uid,
        agenda_number=d.number,
        minute_number=d.minute_number or d.number,
        kind=kind,
        title=d.title,
        public_title=(d.title or PRIVATE_TITLE) if exemption is not None else "",
        report=report,
        wording=tuple(wording),
        documents=tuple(d.documents),
        exemption=exemption,
        approves=_approves(kind, wording, m, slug),
        declarations=tuple(m.declarations),
        body=tuple(m.body),
        motions=tuple(m.motions),
        resolved_word=m.resolved_word or "RESOLVED",
        resolved_intro=m.resolved_intro,
        resolutions=tuple(m.resolutions),
        actions=tuple(m.actions),
        incomplete=m.incomplete,
    )


def _returns(items: list[Item], m: ItemMinutes, number: str) -> list[Item]:
    """Complete earlier declarations with the times the member left and came back."""
    for member, left, back in m.returns:
        for index, item in enumerate(items):
            found = [i for i, d in enumerate(item.declarations) if d.member == member and d.regarding == number]
            if found:
                decls = list(item.declarations)
                decls[found[0]] = replace(decls[found[0]], left_room=True, left_at=left, returned_at=back)
                items[index] = replace(item, declarations=tuple(decls))
                break
    return items


def _exclusion_paragraph(wording: list[str], m: ItemMinutes) -> int | None:
    texts = [*wording, *(r.text for r in m.resolutions), *(getattr(b, "text", "") for b in m.body)]
    found = {int(x) for t in texts if re.search(r"(?i)12\s*A", t) for x in _PARAGRAPH.findall(t)}
    return found.pop() if len(found) == 1 else None


def _approves(kind: ItemKind, wording: list[str], m: ItemMinutes, slug: str) -> tuple[str, ...]:
    if kind is not ItemKind.MINUTES:
        return ()
    texts = wording + [getattr(b, "text", "") for b in m.body]
    dates: list[str] = []
    for text in texts:
        for chunk in re.split(r"\band\b", text):
            found, _ = find_date(chunk)
            if found is not None and f"{slug}/{found.isoformat()}" not in dates:
                dates.append(f"{slug}/{found.isoformat()}")
        if dates:
            break
    return tuple(dates)


def _movements(attendance: list[Attendee], m: ItemMinutes, register: Register) -> list[Attendee]:
    out = list(attendance)
    for name, kind, movement in m.movements:
        index = _find(out, name)
        if index is None:
            out.append(register.attendee(name, state=AttendanceState.PRESENT, **{kind: movement}))
        else:
            out[index] = replace(out[index], **{kind: movement})
    for name in m.apologies:
        if _find(out, name) is None:
            out.append(register.attendee(name, state=AttendanceState.APOLOGIES))
    return out


def _find(attendance: list[Attendee], name: str) -> int | None:
    key = bare_name(name).lower()
    for index, attendee in enumerate(attendance):
        if bare_name(attendee.name).lower() == key:
            return index
    return None
