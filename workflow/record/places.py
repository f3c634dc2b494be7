"""Where in a meeting a problem is, in the clerk's words: ``items[4].declarations[0].returned_at``
is "Item 5, declaration 1, time they came back".

Lives here: :func:`place`, which names a field path of a meeting (as the schema, the rules
and the editors give them) by the item's printed number, the part's place in its list and
the field's name as the forms label it. Pure: a path it does not know is named as it
stands, never refused.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from workflow.record.model import Meeting, Person
from workflow.record.names import attendee_name

__all__ = ["place"]

_SEGMENT = re.compile(r"([A-Za-z_]+)(?:\[(\d{1,6})\])?")

_LISTS = {
    "declarations": "declaration", "motions": "motion", "actions": "action", "resolutions": "resolution",
    "children": "sub-resolution", "body": "paragraph", "documents": "document", "wording": "line",
    "for_names": "name for", "against_names": "name against", "abstain_names": "name abstaining",
    "speakers": "speaker", "parties": "party", "conditions": "condition", "approves": "approved meeting",
    "chair_changes": "change of chair", "amendments": "amendment", "postponements": "postponement",
}  # fmt: skip

_FIELDS = {
    "interest": "kind of interest", "regarding": "item it concerns", "left_at": "time they left the room",
    "returned_at": "time they came back", "left_room": "left the room", "text": "wording",
    "for_count": "votes for", "against_count": "votes against", "abstain_count": "abstentions",
    "owner": "to whom", "due": "date it is due by", "done_on": "date done", "origin": "minute it arose from",
    "substitute_for": "substitute for", "state": "attendance", "closed": "closing time",
    "resolved_intro": "words after RESOLVED", "public_title": "public title", "minute_number": "minute number",
    "agenda_number": "agenda number", "person": "person", "start": "start time",
}  # fmt: skip


def place(path: str, meeting: Meeting | None = None, people: Mapping[str, Person] | None = None) -> str:
    """``path`` in the clerk's words, by the numbers and names of ``meeting`` when given."""
    if not path:
        return "The meeting"
    words: list[str] = []
    for segment in path.split("."):
        found = _SEGMENT.fullmatch(segment)
        if found is None:
            words.append(segment)
            continue
        name, index = found.group(1), found.group(2)
        number = int(index) if index is not None else None
        if name == "items" and number is not None:
            words.append(_item(meeting, number))
        elif name == "attendance" and number is not None:
            words.append(_attendee(meeting, people or {}, number))
        elif number is not None:
            words.append(f"{_LISTS.get(name, name.replace('_', ' '))} {number + 1}")
        else:
            words.append(_FIELDS.get(name, name.replace("_", " ")))
    text = ", ".join(words)
    return text[:1].upper() + text[1:]


def _item(meeting: Meeting | None, index: int) -> str:
    if meeting is not None and index < len(meeting.items):
        item = meeting.items[index]
        number = item.minute_number or item.agenda_number
        kind = "minute" if item.minute_number and meeting.status.value.startswith("minutes") else "item"
        return f"{kind} {number}" if number else f"item {index + 1} ({item.title or 'untitled'})"
    return f"item {index + 1}"


def _attendee(meeting: Meeting | None, people: Mapping[str, Person], index: int) -> str:
    if meeting is not None and index < len(meeting.attendance):
        return f"attendance of {attendee_name(meeting.attendance[index], people)}"
    return f"attendance line {index + 1}"
