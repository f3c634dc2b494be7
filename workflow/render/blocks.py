"""Meeting -> blocks: the agenda and the minutes as a list of styled paragraphs.

Pure and text-testable: no Word, no files, no YAML. The layout follows the council's
published documents: one heading naming the council then "Minutes of the Meeting of …
held at 2.00 pm on Thursday, 12 October 2017" (or the committee and "Agenda"); on the
agenda the date, time and place, the contact right after them and the membership; on the
minutes Present, Public Business, numbered items, RESOLVED in bold, "(Meeting closed at
3.30 pm)" kept with the signature line of the Chair (or the Cabinet Member of a
single-member decision session). Writers in :mod:`workflow.render.docx` and
:mod:`workflow.render.text` turn the same blocks into .docx, Markdown and HTML.

Public documents take :func:`workflow.record.redaction.public_view` output; with
``confidential=False`` these functions also refuse to print exempt content themselves.
"""

from __future__ import annotations

from collections.abc import Mapping

from workflow.record.model import (
    AttendanceState,
    Attendee,
    Item,
    ItemKind,
    Meeting,
    Movement,
    Person,
    Role,
    Status,
)
from workflow.record.names import attendee_name, person_name
from workflow.render.elements import Block, Blocks, Run
from workflow.render.items import agenda_detail, minutes_detail
from workflow.render.styles import Style
from workflow.render.wording import (
    exempt_note,
    time_of_day,
)
from workflow.text.dates import format_date

__all__ = ["MARKING", "Block", "Run", "agenda_blocks", "contact_block", "footer_text",
           "heading", "is_draft", "minutes_blocks", "signer"]

MARKING = "NOT FOR PUBLICATION"
"""The marking at the top and in the page header of every confidential document."""

People = Mapping[str, Person]

_MEMBER_ROLES = {Role.CHAIR, Role.VICE_CHAIR, Role.PRESIDING, Role.MEMBER, Role.CO_OPTED}
_CABINET_ROLES = {Role.CABINET_MEMBER, Role.DEPUTY_CABINET_MEMBER, Role.SHADOW_CABINET_MEMBER}
_SUFFIX = {
    Role.CHAIR: "Chair",
    Role.VICE_CHAIR: "Vice-Chair",
    Role.PRESIDING: "presiding",
    Role.CO_OPTED: "Co-opted Member",
    Role.CABINET_MEMBER: "Cabinet Member",
    Role.DEPUTY_CABINET_MEMBER: "Deputy Cabinet Member",
    Role.SHADOW_CABINET_MEMBER: "Shadow Cabinet Member",
}
_PRESENT = {AttendanceState.PRESENT, AttendanceState.REMOTE}


def agenda_blocks(meeting: Meeting, *, people: People, confidential: bool = False) -> list[Block]:
    """The agenda: heading, date, time, place, public then private business, contact."""
    out = Blocks()
    _marking(out, confidential)
    heading(out, meeting.council, meeting.committee_name or meeting.committee, "Agenda",
            key="meeting:heading")
    out.add(Style.DETAIL, Run("Date:", bold=True), "\t" + format_date(meeting.date, "heading"), key="meeting:date")
    if meeting.start is not None:
        out.add(Style.DETAIL, Run("Time:", bold=True), "\t" + time_of_day(meeting.start),
                key="meeting:time")
    if meeting.venue:
        out.add(Style.DETAIL, Run("Place:", bold=True), "\t" + meeting.venue, key="meeting:venue")
    contact_block(out, meeting, "Contact:", "meeting:contact")
    _membership(out, meeting, people)
    if meeting.agenda.urgency is not None:
        out.add(Style.NOTE, Run("This agenda was published late. Reason: "
                                f"{meeting.agenda.urgency.reason}", italic=True),
                key="meeting:agenda.urgency")
    public, private = _sections(meeting)
    if public:
        out.add(Style.HEADING_2, "Public Business", key="section:public")
    for item in public:
        _agenda_item(out, item, people, confidential)
    if private:
        out.add(Style.HEADING_2, "Private Business", key="section:private")
        _exclusion(out, meeting, private)
    for item in private:
        _agenda_item(out, item, people, confidential)
    return list(out)


def minutes_blocks(meeting: Meeting, *, people: People, confidential: bool = False) -> list[Block]:
    """The minutes: heading, attendance, public then private business, close, signature."""
    out = Blocks()
    _marking(out, confidential)
    heading(out, meeting.council, _minutes_heading(meeting), key="meeting:heading")
    _attendance(out, meeting, people)
    public, private = _sections(meeting)
    if public:
        out.add(Style.HEADING_2, "Public Business", key="section:public")
    for item in public:
        _minutes_item(out, item, people, confidential)
    if private:
        out.add(Style.HEADING_2, "Private Business", key="section:private")
    for item in private:
        _minutes_item(out, item, people, confidential)
    if meeting.closed is not None:
        word = meeting.closing_word or "closed"
        out.add(Style.CLOSING, f"(Meeting {word} at {time_of_day(meeting.closed)})",
                key="meeting:closed")
    out.keep_last()
    out.add(Style.SIGNATURE, signer(meeting), key="meeting:signature")
    _amendments(out, meeting, people)
    return list(out)


def is_draft(meeting: Meeting, which: str) -> bool:
    """Minutes are a draft until the committee approves them; an agenda never is."""
    return which == "minutes" and meeting.status is not Status.MINUTES_APPROVED


def footer_text(meeting: Meeting) -> str:
    """``Scrutiny Board (2), 14 January 2027``: the footer of every page."""
    return f"{meeting.committee_name or meeting.committee}, {format_date(meeting.date)}"


def _marking(out: Blocks, confidential: bool) -> None:
    if confidential:
        out.add(Style.MARKING, Run(MARKING, bold=True), key="meeting:marking")
        out.add(Style.NOTE, Run("This version contains exempt or confidential information "
                                "(Schedule 12A to the Local Government Act 1972). Do not "
                                "publish it or pass it on.", italic=True), key="meeting:marking.note")


def _minutes_heading(meeting: Meeting) -> str:
    committee = meeting.committee_name or meeting.committee
    when = f" held at {time_of_day(meeting.start)} on" if meeting.start else " held on"
    return f"Minutes of the Meeting of {committee}{when} {format_date(meeting.date, 'document')}"


def _sections(meeting: Meeting) -> tuple[list[Item], list[Item]]:
    """Public business, then private business (the exclusion and the exempt items)."""
    exempt = any(item.is_exempt for item in meeting.items)
    private = [i for i in meeting.items if i.is_exempt or (exempt and i.kind is ItemKind.EXCLUSION)]
    public = [i for i in meeting.items if not any(i is p for p in private)]
    return public, private


def _number(number: str, title: str) -> str:
    if not number:
        return title
    return f"{number}{'' if number.endswith('.') else '.'} {title}"


def _exempt_stub(out: Blocks, item: Item, number: str) -> None:
    key = f"item:{item.uid}"
    out.add(Style.HEADING_3, _number(number, item.printed_title or "Item not for publication"),
            key=f"{key}/title")
    out.add(Style.NOTE, Run(exempt_note(item.exemption), italic=True), key=f"{key}/exemption")


def _shows_content(item: Item, confidential: bool) -> bool:
    return not item.withheld and (confidential or not item.is_exempt)


def _agenda_item(out: Blocks, item: Item, people: People, confidential: bool) -> None:
    if not _shows_content(item, confidential):
        _exempt_stub(out, item, item.agenda_number)
        return
    key = f"item:{item.uid}"
    out.add(Style.HEADING_3, _number(item.agenda_number, item.title), key=f"{key}/title")
    if item.is_exempt:
        out.add(Style.NOTE, Run(exempt_note(item.exemption), italic=True), key=f"{key}/exemption")
    agenda_detail(out, item, people, key)


def _minutes_item(out: Blocks, item: Item, people: People, confidential: bool) -> None:
    number = item.minute_number or item.agenda_number
    if not _shows_content(item, confidential):
        _exempt_stub(out, item, number)
        return
    key = f"item:{item.uid}"
    out.add(Style.HEADING_3, _number(number, item.title), key=f"{key}/title")
    if item.is_exempt:
        out.add(Style.NOTE, Run(exempt_note(item.exemption), italic=True), key=f"{key}/exemption")
    minutes_detail(out, item, people, key, confidential=confidential)


def _exclusion(out: Blocks, meeting: Meeting, private: list[Item]) -> None:
    """The recommendation to exclude press and public, unless an item already carries it."""
    if any(i.kind is ItemKind.EXCLUSION for i in private):
        return
    paragraphs = sorted({i.exemption.paragraph for i in private
                         if i.exemption is not None and i.exemption.paragraph is not None})
    if paragraphs:
        listed = ", ".join(str(p) for p in paragraphs)
        noun = "paragraphs" if len(paragraphs) > 1 else "paragraph"
        reason = (f"on the grounds that they involve the likely disclosure of exempt information "
                  f"as defined in {noun} {listed} of Part 1 of Schedule 12A to the Local "
                  "Government Act 1972")
    else:
        reason = "on the grounds that confidential information would otherwise be disclosed"
    out.add(Style.NORMAL, "Recommendation: that the press and public be excluded from the "
            f"meeting for the following items of business {reason}.", key="section:private/exclusion")


def heading(out: Blocks, council: str, *lines: str, key: str) -> None:
    """The document heading: the council's name, then the heading's own lines, as one
    Heading 1 (so the council is part of the heading structure, as in the seeds)."""
    text = "\n".join(line for line in (council, *lines) if line)
    out.add(Style.HEADING_1, text, key=key)


def contact_block(out: Blocks, meeting: Meeting, label: str, key: str) -> None:
    """The clerk's name, telephone and e-mail (a link), kept together on one page."""
    contact = meeting.contact
    lines: list[tuple[Run, ...]] = []
    if contact.name:
        lines.append((Run(contact.name),))
    if contact.phone:
        lines.append((Run(f"Tel: {contact.phone}"),))
    if contact.email:
        lines.append((Run("Email: "), Run(contact.email, link=f"mailto:{contact.email}")))
    for i, runs in enumerate(lines):
        first = Run(label, bold=True) if i == 0 else Run("")
        out.add(Style.DETAIL, first, Run("\t"), *runs, key=key if i == 0 else f"{key}[{i}]",
                keep=i < len(lines) - 1)


def signer(meeting: Meeting) -> str:
    """Who signs the minutes: the Chair, or the Cabinet Member of a single-member session."""
    roles = {a.role for a in meeting.attendance}
    if roles & _MEMBER_ROLES:
        return "Chair"
    if Role.CABINET_MEMBER in roles or meeting.template == "cabinet-member-decision":
        return "Cabinet Member"
    return "Chair"


def _membership(out: Blocks, meeting: Meeting, people: People) -> None:
    """The committee's members (the meeting's expected attendance), as the agenda lists them."""
    members = [a for a in meeting.attendance if a.role in _MEMBER_ROLES and not a.substitute_for]
    cabinet = [a for a in meeting.attendance if a.role in _CABINET_ROLES]
    if not members:
        members, cabinet = cabinet, []
    for label, group, key in (("Membership:", members, "meeting:membership"),
                              ("By invitation:", cabinet, "meeting:invited")):
        names = [_member_line(a, people, show_cabinet=True, movements=False) for a in group]
        if names:
            out.add(Style.DETAIL, Run(label, bold=True), "\t" + ", ".join(names), key=key)


# ----------------------------------------------------------------------- attendance


def _who(att: Attendee, people: People, *, title: bool = True) -> str:
    return attendee_name(att, people, title=title)


def _movement(prefix: str, move: Movement | None) -> str:
    if move is None:
        return ""
    if move.time is not None:
        return f" ({prefix} at {time_of_day(move.time)})"
    if move.item:
        return f" ({prefix} {move.relation} item {move.item})"
    return ""


def _member_line(att: Attendee, people: People, *, show_cabinet: bool,
                 movements: bool = True) -> str:
    text = _who(att, people)
    extras: list[str] = []
    if att.role in _SUFFIX and (show_cabinet or att.role is not Role.CABINET_MEMBER):
        extras.append(_SUFFIX[att.role])
    if att.capacity:
        extras.append(att.capacity)
    if att.substitute_for:
        extras.append(f"substitute for {person_name(att.substitute_for, people)}")
    if movements and att.state is AttendanceState.REMOTE:
        extras.append("attended remotely")
    text += "".join(f" ({e})" for e in extras)
    if not movements:
        return text
    return text + _movement("arrived", att.arrived) + _movement("left", att.left)


def _group(out: Blocks, label: str, lines: list[str], key: str) -> None:
    for i, line in enumerate(lines):
        first = Run(label, bold=True) if i == 0 else Run("")
        out.add(Style.DETAIL, first, "\t" + line, key=f"{key}[{i}]")


def _attendance(out: Blocks, meeting: Meeting, people: People) -> None:
    present = [a for a in meeting.attendance if a.state in _PRESENT]
    members = [a for a in present if a.role in _MEMBER_ROLES]
    cabinet = [a for a in present if a.role in _CABINET_ROLES]
    if not members:
        members, cabinet = cabinet, []
    if present:
        out.add(Style.NORMAL, Run("Present:", bold=True), key="attendance:present")
    _group(out, "Members:", [_member_line(a, people, show_cabinet=True) for a in members],
           "attendance:members")
    label = "Cabinet Members:" if len(cabinet) > 1 else "Cabinet Member:"
    _group(out, label, [_member_line(a, people, show_cabinet=False) for a in cabinet],
           "attendance:cabinet")
    others = [a for a in present if a.role is Role.OTHER_MEMBER]
    _group(out, "Other Members:", [_member_line(a, people, show_cabinet=False) for a in others],
           "attendance:other-members")
    _officers(out, [a for a in present if a.role is Role.OFFICER], people)
    guests = [a for a in present if a.role is Role.OTHER]
    _group(out, "In attendance:", [_member_line(a, people, show_cabinet=False) for a in guests],
           "attendance:others")
    apologies = [a for a in meeting.attendance if a.state is AttendanceState.APOLOGIES]
    _group(out, "Apologies:", [_who(a, people, title=a.role is not Role.OFFICER) for a in apologies],
           "attendance:apologies")
    for i, change in enumerate(meeting.chair_changes):
        reason = f" ({change.reason})" if change.reason else ""
        out.add(Style.NORMAL, f"{person_name(change.person, people)} took the chair from item "
                f"{change.from_item}{reason}.", key=f"attendance:chair_changes[{i}]")


def _officers(out: Blocks, officers: list[Attendee], people: People) -> None:
    by_directorate: dict[str, list[str]] = {}
    for att in officers:
        person = people.get(att.person)
        directorate = att.directorate or (person.directorate if person else "") or "Other"
        name = _who(att, people, title=False) + _movement("arrived", att.arrived) \
            + _movement("left", att.left)
        by_directorate.setdefault(directorate, []).append(name)
    lines = [f"{d}: {', '.join(names)}" for d, names in by_directorate.items()]
    _group(out, "Employees (by Directorate):", lines, "attendance:officers")


def _amendments(out: Blocks, meeting: Meeting, people: People) -> None:
    if not meeting.amendments:
        return
    out.add(Style.HEADING_2, "Amendments to these minutes", key="amendments")
    for i, amendment in enumerate(meeting.amendments):
        text = f"{format_date(amendment.on)}: {amendment.reason}"
        if amendment.summary:
            text += f" — {amendment.summary}"
        if amendment.authority:
            text += f" ({amendment.authority})"
        text += f". Recorded by {person_name(amendment.by, people)}."
        out.add(Style.NORMAL, text, key=f"amendments[{i}]")
