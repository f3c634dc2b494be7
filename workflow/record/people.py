"""People in the record: the register, committees and their membership, and attendance.

Immutable dataclasses (see :mod:`workflow.record.model`): a :class:`Person` of the
register (``people/register.yaml``), a :class:`Committee` (``committees/<slug>.yaml``)
with its :class:`Membership` over time, and a meeting's :class:`Attendee` lines. Data
only: no I/O, no validation library, no rendering.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "AttendanceState",
    "Attendee",
    "ChairChange",
    "Committee",
    "Contact",
    "Membership",
    "Movement",
    "Person",
    "PersonKind",
    "Role",
]


class AttendanceState(StrEnum):
    """A person's attendance; expected attendees stay ``not-recorded`` until ticked."""

    NOT_RECORDED = "not-recorded"
    PRESENT = "present"
    REMOTE = "present-remotely"
    APOLOGIES = "apologies"
    ABSENT = "absent"


class Role(StrEnum):
    """The capacity in which someone attends."""

    CHAIR = "chair"
    VICE_CHAIR = "vice-chair"
    PRESIDING = "presiding"
    MEMBER = "member"
    CO_OPTED = "co-opted"
    CABINET_MEMBER = "cabinet-member"
    DEPUTY_CABINET_MEMBER = "deputy-cabinet-member"
    SHADOW_CABINET_MEMBER = "shadow-cabinet-member"
    OTHER_MEMBER = "other-member"
    OFFICER = "officer"
    OTHER = "other"


class PersonKind(StrEnum):
    MEMBER = "member"
    OFFICER = "officer"
    OTHER = "other"


@dataclass(frozen=True, slots=True, kw_only=True)
class Contact:
    """The clerk a reader should contact about the meeting."""

    name: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    """One entry of the register of members and officers (``people/register.yaml``)."""

    id: str
    """Stable slug such as ``cllr-m-mutton``; attendance and declarations refer to it."""
    name: str
    """Name as printed, without title: ``M Mutton``."""
    title: str = ""
    """``Councillor``, ``Mr``, ``Dr``… printed before the name for members."""
    kind: PersonKind = PersonKind.MEMBER
    directorate: str = ""
    """Officers: the directorate the minutes group them by (``People``, ``Place``)."""
    job_title: str = ""
    party: str = ""
    email: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Membership:
    """Who served on a committee, in what role, from when to when."""

    person: str
    role: Role = Role.MEMBER
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Committee:
    """A committee as data in the archive (``committees/<slug>.yaml``)."""

    slug: str
    name: str
    council: str = ""
    template: str = ""
    venue: str = ""
    contact: Contact = field(default_factory=Contact)
    quorum: int | None = None
    """Members who must be present in person; ``None`` when the rules set none."""
    remote_counts_for_quorum: bool = False
    decision_maker: str = ""
    """Executive sessions: the decision-maker named in records of decision."""
    membership: tuple[Membership, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Movement:
    """An arrival or departure: at a time, and/or before/during/after an item."""

    time: dt.time | None = None
    item: str = ""
    """Agenda number of the item, e.g. ``"8"``."""
    relation: str = "during"
    """``before``, ``during`` or ``after`` the item."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Attendee:
    """One person's attendance at a meeting."""

    person: str = ""
    """Register id; may be empty for someone not in the register (``name`` then)."""
    name: str = ""
    """Display name when the person is not in the register (or as printed on import)."""
    role: Role = Role.MEMBER
    state: AttendanceState = AttendanceState.NOT_RECORDED
    substitute_for: str = ""
    """Register id (or name) of the member this person substitutes for."""
    directorate: str = ""
    """Officers: overrides the register's directorate for this meeting."""
    capacity: str = ""
    """Free words printed after the name: ``Cabinet Member``, ``Carers Trust``…"""
    arrived: Movement | None = None
    left: Movement | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ChairChange:
    """A change of who presides during the meeting."""

    person: str
    from_item: str
    reason: str = ""
