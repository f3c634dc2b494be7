"""Committee membership over time and the attendance a new meeting expects.

Lives here: who served on a committee on a given date, the attendance a new meeting
expects from that membership (everyone ``not-recorded`` until the clerk ticks them), who
a substitute may stand in for, and a membership typed as ``PERSON[:ROLE]``
(:func:`read_membership`). Names are written by :mod:`workflow.record.names`.

Must not live here: reading or writing the register or committee files (that is the
codec's and the archive's job) and any attendance recorded at a meeting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from workflow.record.model import AttendanceState, Attendee, Committee, Membership, Person, Role
from workflow.text.prose import quoted

__all__ = ["MEMBER_ROLES", "ROLE_ORDER", "expected_attendance", "members_on", "read_membership", "substitutable"]

ROLE_ORDER: tuple[Role, ...] = (
    Role.CHAIR,
    Role.VICE_CHAIR,
    Role.PRESIDING,
    Role.CABINET_MEMBER,
    Role.DEPUTY_CABINET_MEMBER,
    Role.SHADOW_CABINET_MEMBER,
    Role.MEMBER,
    Role.CO_OPTED,
    Role.OTHER_MEMBER,
    Role.OFFICER,
    Role.OTHER,
)
"""The order in which attendance lists roles: the chair first, co-opted members after members."""


MEMBER_ROLES = frozenset({Role.CHAIR, Role.VICE_CHAIR, Role.PRESIDING, Role.MEMBER, Role.CO_OPTED})
"""The roles of the committee's own members: those a substitute can stand in for."""


def substitutable(attendance: Sequence[Attendee], index: int) -> tuple[Attendee, ...]:
    """The meeting's members the attendee at ``index`` can substitute for: members of the
    committee listed at the meeting who are not there (apologies, absent or not yet
    ticked), other than the attendee themself."""
    return tuple(
        a for i, a in enumerate(attendance)
        if i != index and a.role in MEMBER_ROLES
        and a.state not in (AttendanceState.PRESENT, AttendanceState.REMOTE)
        and (a.person or a.name)
    )


def members_on(committee: Committee, date: dt.date) -> tuple[Membership, ...]:
    """The memberships in force on ``date`` (an open start or end counts as in force)."""
    return tuple(
        m
        for m in committee.membership
        if (m.start is None or m.start <= date) and (m.end is None or date <= m.end)
    )


def _surname_key(person_id: str, people: Mapping[str, Person]) -> tuple[bool, str, str]:
    person = people.get(person_id)
    if person is None:
        return (True, "", person_id)
    words = person.name.split()
    return (False, words[-1].casefold() if words else "", person.name.casefold())


def expected_attendance(
    committee: Committee, people: Mapping[str, Person], date: dt.date
) -> tuple[Attendee, ...]:
    """Who a meeting on ``date`` expects: one entry per person, in role then surname order.

    Ids missing from the register come last in their role, as given.

    A person holding two roles on the date (say, member and chair) is listed once, in the
    more senior role. Officers are added by the clerk, not taken from the membership.
    """
    best: dict[str, Role] = {}
    for membership in members_on(committee, date):
        current = best.get(membership.person)
        if current is None or ROLE_ORDER.index(membership.role) < ROLE_ORDER.index(current):
            best[membership.person] = membership.role
    ordered = sorted(
        best.items(),
        key=lambda pair: (ROLE_ORDER.index(pair[1]), _surname_key(pair[0], people)),
    )
    return tuple(
        Attendee(person=person, role=role, state=AttendanceState.NOT_RECORDED)
        for person, role in ordered
    )



def read_membership(spec: str, start: dt.date | None) -> tuple[Membership | None, str]:
    """A membership typed as ``PERSON[:ROLE]`` (``cllr-j-smith:chair``) from ``start``, and
    ``""``; or None and the sentence saying what is wrong. Never raises, whatever the text."""
    person, _, role = (part.strip() for part in spec.partition(":"))
    if not person:
        return None, f"Member: {quoted(spec)} names nobody; write PERSON or PERSON:ROLE, e.g. cllr-j-smith:chair."
    try:
        return Membership(person=person, role=Role(role.lower() or "member"), start=start), ""
    except ValueError:
        return None, f"{quoted(role)} is not a role; use chair, vice-chair, member, co-opted…"
