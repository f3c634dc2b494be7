"""Recognisers for people in minutes: attendance lines, arrivals and departures, changes
of chair, apologies given in prose, and declarations of interest.

The attendance section ("Present:", "Members:", "Employees (by Directorate):",
"Apologies:") is read here into :class:`Attendee` records; sentences about people inside
an item are read by the ``*_in`` functions. Nothing here knows about a layout.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from workflow.importers.common import (
    PERSON,
    TITLED_PERSON,
    TITLES,
    Ledger,
    SourceLine,
    bare_name,
    find_time,
    split_names,
)
from workflow.record.model import (
    AttendanceState,
    Attendee,
    Declaration,
    InterestType,
    Movement,
    Person,
    Role,
)

__all__ = [
    "Register",
    "apologies_in",
    "chair_change_in",
    "declaration_in",
    "group_heading",
    "leaves_and_returns",
    "merge_return",
    "movement_in",
    "parse_attendance",
]


class Register:
    """Finds register ids for printed names (``Councillor M Mutton`` -> ``cllr-m-mutton``)."""

    def __init__(self, people: Mapping[str, Person]) -> None:
        self._ids: dict[str, str] = {}
        for pid, person in people.items():
            self._ids[_key(person.name)] = pid
            if person.title:
                self._ids[_key(f"{person.title} {person.name}")] = pid

    def find(self, name: str) -> str:
        return self._ids.get(_key(name)) or self._ids.get(_key(bare_name(name)), "")

    def attendee(self, name: str, **fields: object) -> Attendee:
        return Attendee(person=self.find(name), name=name, **fields)  # type: ignore[arg-type]

    def ref(self, name: str) -> str:
        """Register id when known, else the name as printed."""
        return self.find(name) or name


def _key(name: str) -> str:
    return re.sub(r"[\s.]+", " ", name).strip().lower()


# ------------------------------------------------------------------ attendance section


@dataclass(frozen=True, slots=True)
class _Group:
    role: Role | None
    state: AttendanceState
    officers: bool = False


_GROUPS: list[tuple[re.Pattern[str], _Group]] = [
    (re.compile(p, re.I), g)
    for p, g in [
        (r"(?:members?|councillors?|council)(?:\s+present)?", _Group(Role.MEMBER, AttendanceState.PRESENT)),
        (r"present(?:\s+in\s+person)?|i\s+l[aá]thair|those\s+attending|present\s*/\s*bresennol|"
         r"(?:council|councilmen|members)\s+present|present\s+members|roll\s+call|attendance",
         _Group(None, AttendanceState.PRESENT)),
        (r"cabinet members?(?:\s+and\s+deputy\s+cabinet\s+members?)?(?:\s+present)?",
         _Group(Role.CABINET_MEMBER, AttendanceState.PRESENT)),
        (r"deputy cabinet members?", _Group(Role.DEPUTY_CABINET_MEMBER, AttendanceState.PRESENT)),
        (r"co-?opted members?", _Group(Role.CO_OPTED, AttendanceState.PRESENT)),
        (r"other members?(?:\s+present)?|also\s+present|(?:also\s+)?in\s+attendance|others?\s+present",
         _Group(Role.OTHER_MEMBER, AttendanceState.PRESENT)),
        (r"(?:employees|officers|officials|staff)(?:\s+\(by\s+directorate\))?(?:\s+present|\s+in\s+attendance)?",
         _Group(Role.OFFICER, AttendanceState.PRESENT, officers=True)),
        (r"apologies(?:\s+for\s+absence)?(?:\s+were\s+received\s+from)?|regrets",
         _Group(None, AttendanceState.APOLOGIES)),
        (r"absent", _Group(None, AttendanceState.ABSENT)),
        (r"(?:present|attending|participating)\s+(?:remotely|virtually|online)|remote\s+attendance",
         _Group(None, AttendanceState.REMOTE)),
        (r"members\s+of\s+the\s+public|public\s+speakers?", _Group(Role.OTHER, AttendanceState.PRESENT)),
        (r"presiding", _Group(Role.PRESIDING, AttendanceState.PRESENT)),
        (r"chair(?:man|person)?|cathaoirleach|presiding|mayor", _Group(Role.CHAIR, AttendanceState.PRESENT)),
        (r"vice[- ]chair(?:man|person)?", _Group(Role.VICE_CHAIR, AttendanceState.PRESENT)),
    ]
]
_HEADING = re.compile(r"^(?P<head>[A-Za-z][A-Za-z()\- ]{1,60}?)\s*(?::|$|\s*-\s)\s*(?P<rest>.*)$")


def group_heading(text: str) -> tuple[_Group, str] | None:
    """``Members: Councillor M Mutton (Chair)`` -> (the members group, the rest)."""
    m = _HEADING.match(text.strip())
    if not m:
        return None
    head = m.group("head").strip()
    for pattern, group in _GROUPS:
        if pattern.fullmatch(head):
            if not m.group("rest") and ":" not in text and not _heading_only(text):
                return None
            return group, m.group("rest").strip()
    return None


def _heading_only(text: str) -> bool:
    return bool(re.fullmatch(
        r"(?i)(?:cabinet members?[a-z ]*|employees[a-z ()]*|also present|in attendance|regrets|present|attendance|"
        r"apologies|absent|those attending|(?:members|staff|council|councilmen)\s+present|"
        r"officials in attendance|i l[aá]thair|roll call)", text.strip()))


def parse_attendance(lines: list[SourceLine], ledger: Ledger, register: Register) -> list[Attendee]:
    """Attendees from the lines of the attendance section, in printed order."""
    out: list[Attendee] = []
    group = _Group(Role.MEMBER, AttendanceState.PRESENT)
    directorate = ""
    for line in _joined(lines):
        text = line.text.strip()
        if not text:
            continue
        found = group_heading(text)
        if found:
            new, text = found
            group = _merge(group, new)
            directorate = ""
        if not text:
            ledger.use(line)
            continue
        entries, directorate = _entries(text, group, directorate)
        if not entries:
            ledger.not_understood(line, "an attendance line without a name")
            continue
        out.extend(_attendee(name, notes, group, d, register) for name, notes, d in entries)
        ledger.use(line)
    return out


def _merge(old: _Group, new: _Group) -> _Group:
    if new.role is None:
        role = Role.MEMBER if new.state is AttendanceState.PRESENT else None
        return _Group(role, new.state)
    return new


def _joined(lines: list[SourceLine]) -> list[SourceLine]:
    """Join a line whose brackets are left open to the next (``Employees (by`` / ``Directorate):``)."""
    out: list[SourceLine] = []
    pending: SourceLine | None = None
    for line in lines:
        if line.blank:
            continue
        if pending is not None:
            line = line.but(f"{pending.text.strip()} {line.text.strip()}")
            pending = None
        if line.text.count("(") > line.text.count(")") and len(line.text) < 80:
            pending = line
            continue
        out.append(line)
    if pending is not None:
        out.append(pending)
    return out


_DIRECTORATE = re.compile(
    r"^(?P<dir>[A-Z][A-Za-z&'’\-]+(?:\s+(?:and|of|the|&|[A-Z][A-Za-z&'’\-]+))*?)\s+"
    r"(?P<names>(?:[A-Z]\.?\s?){1,3}\s*[A-Z][A-Za-z'’\-]+.*)$"
)


def _entries(text: str, group: _Group, directorate: str) -> tuple[list[tuple[str, list[str], str]], str]:
    if group.officers:
        m = _DIRECTORATE.match(text)
        if m and not re.match(r"^(?:[A-Z]\.?\s?){1,3}$", m.group("dir")) \
                and not re.fullmatch(TITLES, m.group("dir")):
            directorate, text = m.group("dir"), m.group("names")
    text = re.sub(r"\s+as\s+(substitute\s+for\s+[^,(]+)", r" (\1)", text, flags=re.I)
    if ";" in text:
        text = "; ".join(re.sub(r"^([^,()]+),\s*([^,()]+)$", r"\1 (\2)", part.strip().rstrip("."))
                         for part in text.split(";"))
    text = re.sub(r"^(?:The\s+)?(Mayor|Chairman|Chair|Deputy Mayor)\s*\(([^)]+)\)\s*(?:presiding|in\s+the\s+chair)\.?$",
                  r"\2 (\1, presiding)", text, flags=re.I)
    text = re.sub(r"(?i)^(.*?)\s+(?:presided|presiding|in\s+the\s+chair)\.?$", r"\1 (presiding)", text)

    entries: list[tuple[str, list[str], str]] = []
    for part in re.split(r"(\([^)]*\))", text):
        if part.startswith("(") and part.endswith(")"):
            if entries:
                entries[-1][1].append(part[1:-1].strip())
            continue
        for name in split_names(part):
            if re.search(r"[A-Za-z]", name):
                entries.append((name, [], directorate))
    return entries, directorate


def _attendee(name: str, notes: list[str], group: _Group, directorate: str, register: Register) -> Attendee:
    role = group.role or (Role.MEMBER if re.match(TITLED_PERSON, name) else Role.OTHER)
    if role is Role.OTHER_MEMBER and not re.match(r"(?i)(councillor|cllr|alderman|mayor)", name):
        role = Role.OTHER
    fields: dict[str, object] = {"role": role, "state": group.state}
    if group.officers:
        fields["directorate"] = directorate
    capacity: list[str] = []
    for note in notes:
        if not _note(note, fields):
            capacity.append(note)
    if capacity:
        fields["capacity"] = "; ".join(capacity)
    return register.attendee(name, **fields)


def _note(note: str, fields: dict[str, object]) -> bool:
    low = note.lower()
    sub = re.match(r"(?i)(?:as\s+)?(?:substitute|substituting|sub)\s+for\s+(.+)$", note)
    if sub:
        fields["substitute_for"] = sub.group(1).strip()
        return True
    roles = [
        ("shadow cabinet member", Role.SHADOW_CABINET_MEMBER),
        ("deputy cabinet member", Role.DEPUTY_CABINET_MEMBER),
        ("cabinet member", Role.CABINET_MEMBER),
        ("vice", Role.VICE_CHAIR),
        ("presiding", Role.PRESIDING),
        ("mayor", Role.PRESIDING),
        ("chair", Role.CHAIR),
        ("co-opted", Role.CO_OPTED),
    ]
    for word, role in roles:
        if re.search(rf"\b{word}\b", low) and not re.search(r"arriv|left|from|until|join", low):
            fields["role"] = role
            return role is not Role.CABINET_MEMBER or low.strip() == "cabinet member"
    if re.search(r"remote|virtual|online|teams|zoom", low):
        fields["state"] = AttendanceState.REMOTE
        return True
    movement = _movement(note)
    if movement is not None:
        fields[movement[0]] = movement[1]
        return True
    return False


def _movement(text: str) -> tuple[str, Movement] | None:
    low = text.lower()
    kind = "arrived" if re.search(r"arriv|join|from\b|late", low) else "left" if re.search(r"left|leav|until|depart", low) else ""
    if not kind:
        return None
    time, _ = find_time(text)
    item = re.search(r"(?i)(before|during|after)\s+(?:consideration\s+of\s+)?(?:agenda\s+)?(?:item|minute)\s+(\w+)", text)
    if time is None and item is None:
        return None
    return kind, Movement(
        time=time, item=item.group(2) if item else "", relation=item.group(1).lower() if item else "during"
    )


# ------------------------------------------------------------------ sentences in items

_ARRIVE_LEAVE = re.compile(
    rf"^\(?(?P<who>{TITLED_PERSON})\s+(?P<verb>arrived|joined\s+the\s+meeting|entered|left(?:\s+the\s+(?:meeting|room|chamber))?|"
    rf"returned(?:\s+to\s+the\s+meeting)?)\b(?P<rest>(?:[^.]|\.(?=\d))*)\.?\)?$",
)


def movement_in(text: str, item: str) -> tuple[str, str, Movement] | None:
    """``Councillor X arrived at 7.15 pm`` -> (name, "arrived"/"left", movement)."""
    m = _ARRIVE_LEAVE.match(text.strip())
    if not m:
        return None
    verb = m.group("verb").lower()
    kind = "left" if verb.startswith("left") else "arrived"
    rest = m.group("rest").lower()
    if kind == "left" and re.search(r"\breturned\b", rest):
        return None
    time, _ = find_time(m.group("rest"))
    ref = re.search(r"(before|during|after)\s+(?:consideration\s+of\s+)?(?:agenda\s+)?(?:item|minute)\s+(\w+)", rest)
    relation, number = (ref.group(1), ref.group(2)) if ref else ("during", item)
    if "after this item" in rest or "at the end of this item" in rest:
        relation = "after"
    if "before this item" in rest:
        relation = "before"
    return m.group("who"), kind, Movement(time=time, item=number, relation=relation)


_APOLOGIES = re.compile(
    r"^apologies(?:\s+for\s+absence)?\s+(?:were|was|had\s+been)\s+(?:received|submitted|given|noted|"
    r"tendered)\s+(?:from|on\s+behalf\s+of|by)\s+(?P<names>.+?)\.?$",
    re.I,
)


def apologies_in(text: str) -> list[str] | None:
    m = _APOLOGIES.match(text.strip())
    if not m:
        return None
    names = split_names(re.sub(r"\([^)]*\)", "", m.group("names")))
    return names or None


_CHAIR = re.compile(
    rf"^\(?(?:(?i:the)\s+)?(?P<who>{TITLED_PERSON})(?:\s*\([^)]*\))?\s+(?i:took|was\s+in|in)\s+(?i:the\s+chair)\b(?P<rest>[^)]*)\)?\.?$",
)


def chair_change_in(text: str) -> tuple[str, str] | None:
    """``Councillor X (Vice-Chair) in the Chair for this item`` -> (name, reason)."""
    m = _CHAIR.match(text.strip())
    if not m:
        return None
    return m.group("who"), m.group("rest").strip(" .,")


# ------------------------------------------------------------------ declarations

_DECLARED = re.compile(
    rf"^(?P<who>{TITLED_PERSON})(?:\s*\([^)]*\))?\s*(?:,|:|–|-)?\s*(?P<rest>.*\b(?:interest|lobbied|lobbying|whip|dispensation)\b.*)$",
    re.S,
)
_CLAUSE = r"(?:[^.]|\.(?=\d))*"
_INTERESTS = [
    (r"disclosable pecuniary|pecuniary|prejudicial", InterestType.PECUNIARY),
    (r"other registrable", InterestType.OTHER_REGISTRABLE),
    (r"non[- ]registrable", InterestType.NON_REGISTRABLE),
    (r"significant other", InterestType.SIGNIFICANT_OTHER),
    (r"lobbied|lobbying", InterestType.LOBBYING),
    (r"whip", InterestType.PARTY_WHIP),
]


def declaration_in(text: str, register: Register) -> Declaration | None:
    """One member's declaration, read from a sentence or a bullet of minutes."""
    m = _DECLARED.match(text.strip())
    if not m or re.match(r"(?i)there\s+were\s+no", text.strip()):
        return None
    rest = m.group("rest")
    if not re.search(r"(?i)\b(declared|declaration|disclosed|interest|lobbied)\b", rest[:80]):
        return None
    interest = next(
        (t for p, t in _INTERESTS if re.search(p, rest, re.I)), InterestType.OTHER
    )
    regarding = re.search(r"(?i)\b(?:agenda\s+)?(?:item|minute)\s+(?:no\.?\s*)?(\d+[a-z]?(?:\.\d+)?)", rest)
    nature = re.search(rf"(?i)\b(?:as|because|in that|by virtue of|due to|being)\s+(?P<n>{_CLAUSE})", rest)
    left = re.search(rf"(?i)\bleft\s+the\s+(?:room|meeting|chamber)(?P<at>{_CLAUSE})", rest)
    back = re.search(rf"(?i)\breturned\b(?P<at>{_CLAUSE})", rest)
    dispensation = re.search(r"(?i)[^.]*\bdispensation\b[^.]*", rest)
    left_time = find_time(left.group("at").split(" and ")[0])[0] if left else None
    return Declaration(
        member=register.ref(m.group("who")),
        interest=interest,
        nature=nature.group("n").strip() if nature else "",
        regarding=regarding.group(1) if regarding else "",
        left_room=left is not None,
        left_at=left_time,
        returned_at=find_time(back.group("at"))[0] if back else None,
        dispensation=dispensation.group(0).strip() if dispensation else "",
    )


def leaves_and_returns(text: str) -> tuple[str, dt.time | None, dt.time | None] | None:
    """``Councillor X left the room at 6.55 pm and returned at 7.20 pm`` -> (name, left, back)."""
    m = re.match(rf"^(?P<who>{TITLED_PERSON})\s+left\s+the\s+(?:room|meeting|chamber)(?P<left>{_CLAUSE}?)"
                 rf"\s+and\s+returned\b(?P<back>{_CLAUSE})\.?$", text.strip())
    if not m:
        return None
    return m.group("who"), find_time(m.group("left"))[0], find_time(m.group("back"))[0]


def merge_return(declaration: Declaration, text: str) -> Declaration | None:
    """A follow-up sentence ("She left the room at 7.45 pm…") for the same declaration."""
    low = text.lower()
    if not re.match(rf"(?i)^(?:s?he|they|{PERSON})\s+(?:then\s+)?(?:left|returned)", text.strip()):
        return None
    left = re.search(rf"left\s+the\s+(?:room|meeting|chamber)({_CLAUSE})", low)
    back = re.search(rf"returned({_CLAUSE})", low)
    if not left and not back:
        return None
    return replace(
        declaration,
        left_room=declaration.left_room or left is not None,
        left_at=declaration.left_at or (find_time(left.group(1).split(" and ")[0])[0] if left else None),
        returned_at=declaration.returned_at or (find_time(back.group(1))[0] if back else None),
    )
