"""The meeting record: immutable dataclasses for meetings, their items, committees and people.

Everything minutebook does works on these classes: the YAML codec reads and writes them,
the schemas validate their dict form at the boundary, the renderers turn them into
documents, the lifecycle moves them between states. They hold data only: no I/O, no
validation library, no rendering (see ``pyproject.toml``'s import contracts).

Field order is the order the YAML file shows, so related fields sit together and diffs
read top to bottom like the printed minutes. Every class is frozen; change a record with
``dataclasses.replace`` (or the edits in :mod:`workflow.drafting`).

The meeting and its items are defined here; the parts of an item
(:mod:`workflow.record.business`) and the people (:mod:`workflow.record.people`) are
named here too, so the whole record is imported from this one module.

Exempt business (Schedule 12A) lives in the same classes but is marked by an
:class:`Exemption`; :mod:`workflow.record.redaction` is the one place that strips it for public
use, and :mod:`workflow.record.codec` stores it apart in ``meeting.exempt.yaml``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from workflow.record.business import (
    Action,
    ActionKind,
    Block,
    BulletList,
    CallIn,
    CallInState,
    DecisionRecord,
    Declaration,
    Document,
    Exemption,
    ExemptionBasis,
    InterestType,
    KeyDecision,
    KeyDecisionRoute,
    LicensingHearing,
    Motion,
    MotionKind,
    MotionOutcome,
    Paragraph,
    Party,
    PlanningApplication,
    Report,
    Resolution,
    Speaker,
    Urgency,
    Vote,
    Withheld,
)
from workflow.record.people import (
    AttendanceState,
    Attendee,
    ChairChange,
    Committee,
    Contact,
    Membership,
    Movement,
    Person,
    PersonKind,
    Role,
)

__all__ = [
    "Action",
    "ActionKind",
    "Agenda",
    "Amendment",
    "Approval",
    "AttendanceState",
    "Attendee",
    "Block",
    "BulletList",
    "CallIn",
    "CallInState",
    "ChairChange",
    "Committee",
    "Contact",
    "DecisionRecord",
    "Declaration",
    "Document",
    "Exemption",
    "ExemptionBasis",
    "InterestType",
    "Item",
    "ItemKind",
    "KeyDecision",
    "KeyDecisionRoute",
    "LicensingHearing",
    "Meeting",
    "MeetingKind",
    "Membership",
    "Motion",
    "MotionKind",
    "MotionOutcome",
    "Movement",
    "Paragraph",
    "Party",
    "Person",
    "PersonKind",
    "PlanningApplication",
    "PRIVATE_TITLE",
    "Postponement",
    "PrivateNotice",
    "Report",
    "Resolution",
    "Role",
    "Speaker",
    "Status",
    "Urgency",
    "Vote",
    "Withheld",
]

PRIVATE_TITLE = "Item not for publication"
"""What public documents print for an exempt item that has no public title."""


class Status(StrEnum):
    """Where a meeting is in its lifecycle (rules in :mod:`workflow.rules.lifecycle`)."""

    AGENDA_DRAFT = "agenda-draft"
    AGENDA_PUBLISHED = "agenda-published"
    MINUTES_DRAFT = "minutes-draft"
    MINUTES_CIRCULATED = "minutes-circulated"
    MINUTES_PUBLISHED = "minutes-published"
    MINUTES_APPROVED = "minutes-approved"
    CANCELLED = "cancelled"


class MeetingKind(StrEnum):
    """What sort of meeting this is; special meetings take no Any Other Business."""

    ORDINARY = "ordinary"
    SPECIAL = "special"
    ANNUAL = "annual"
    BUDGET = "budget"


class ItemKind(StrEnum):
    """The kind of agenda item; standing items carry standard wording."""

    ANNOUNCEMENTS = "announcements"
    APOLOGIES = "apologies"
    DECLARATIONS = "declarations"
    MINUTES = "minutes"
    REPORT = "report"
    OUTSTANDING_ISSUES = "outstanding-issues"
    WORK_PROGRAMME = "work-programme"
    ANY_OTHER_BUSINESS = "any-other-business"
    EXCLUSION = "exclusion"
    NOTICE_OF_MOTION = "notice-of-motion"
    QUESTIONS = "questions"
    PLANNING_APPLICATION = "planning-application"
    LICENSING_HEARING = "licensing-hearing"
    OTHER = "other"


@dataclass(frozen=True, slots=True, kw_only=True)
class Item:
    """One item of business, with both its agenda number and its minute number."""

    uid: str
    """Stable identity inside the meeting (survives renumbering; used by diffs)."""
    agenda_number: str = ""
    minute_number: str = ""
    kind: ItemKind = ItemKind.REPORT
    title: str = ""
    public_title: str = ""
    """What public documents print for an exempt item, when different from the title."""
    report: Report | None = None
    wording: tuple[str, ...] = ()
    """The agenda wording, one line each (``a) To agree the minutes …``)."""
    documents: tuple[Document, ...] = ()
    urgency: Urgency | None = None
    exemption: Exemption | None = None
    """The whole item is exempt or confidential (private business)."""
    key_decision: KeyDecision | None = None
    planning: PlanningApplication | None = None
    licensing: LicensingHearing | None = None
    approves: tuple[str, ...] = ()
    """Minutes items: ids of the meetings whose minutes this item approves."""
    declarations: tuple[Declaration, ...] = ()
    body: tuple[Block, ...] = ()
    """Narrative paragraphs and bullet lists, in order."""
    motions: tuple[Motion, ...] = ()
    resolved_word: str = "RESOLVED"
    """How the decision is introduced: ``RESOLVED``, ``Decision``, ``Agreed``."""
    resolved_intro: str = ""
    """Words after RESOLVED before the list: ``that the Board:``."""
    resolutions: tuple[Resolution, ...] = ()
    actions: tuple[Action, ...] = ()
    decision_record: DecisionRecord | None = None
    incomplete: str = ""
    """Set on import when the source was truncated, saying what is missing."""
    withheld: bool = False
    """Public view of an exempt item: its content is stored apart and not loaded."""

    @property
    def is_exempt(self) -> bool:
        return self.exemption is not None

    @property
    def printed_title(self) -> str:
        """The title a public document may show: an exempt item's public title, never its
        own (an exempt item without one, which validation refuses, shows a placeholder)."""
        if self.exemption is not None:
            return self.public_title or PRIVATE_TITLE
        return self.title


@dataclass(frozen=True, slots=True, kw_only=True)
class Agenda:
    """Publication facts of the agenda."""

    published_on: dt.date | None = None
    urgency: Urgency | None = None
    """A late agenda: the chair's reason of urgency."""
    supplements: int = 0
    """How many supplementary agendas (late items) followed the first publication."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Approval:
    """Minutes signed as a correct record at a later meeting."""

    at: str
    """Id of the approving meeting."""
    on: dt.date | None = None
    minute: str = ""
    """Minute number at the approving meeting."""
    other_body: bool = False
    """Approved by another body, as the council's rules allow."""
    subject_to: str = ""
    """Corrections agreed at the approving meeting."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Amendment:
    """A recorded amendment to approved minutes."""

    on: dt.date
    by: str
    reason: str
    authority: str = ""
    """The resolution that agreed it: ``Minute 12/26 of <committee> on <date>``."""
    summary: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Postponement:
    from_date: dt.date
    to_date: dt.date
    reason: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class PrivateNotice:
    """Notice of intention to hold part of an executive meeting in private."""

    given_on: dt.date | None = None
    reasons: str = ""
    urgent_reason: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Meeting:
    """One meeting of a committee: the source of truth for agenda and minutes."""

    id: str
    """``<committee-slug>/<YYYY-MM-DD>``, fixed at creation; postponement keeps it."""
    committee: str
    committee_name: str = ""
    council: str = ""
    kind: MeetingKind = MeetingKind.ORDINARY
    status: Status = Status.AGENDA_DRAFT
    date: dt.date
    start: dt.time | None = None
    closed: dt.time | None = None
    """"(Meeting closed at …)"."""
    closing_word: str = ""
    """How the source words the close when not "Meeting closed" (``adjourned``)."""
    venue: str = ""
    contact: Contact = field(default_factory=Contact)
    template: str = ""
    attendance: tuple[Attendee, ...] = ()
    chair_changes: tuple[ChairChange, ...] = ()
    items: tuple[Item, ...] = ()
    agenda: Agenda = field(default_factory=Agenda)
    private_notice: PrivateNotice | None = None
    approval: Approval | None = None
    amendments: tuple[Amendment, ...] = ()
    postponements: tuple[Postponement, ...] = ()
    notes: tuple[str, ...] = ()
    """Import notes and other clerk's notes not printed in documents."""

    @property
    def is_redacted(self) -> bool:
        """True for a public view: exempt content has been taken out."""
        return any(
            item.withheld or any(isinstance(b, Withheld) for b in item.body)
            for item in self.items
        )

    def item(self, uid: str) -> Item:
        for it in self.items:
            if it.uid == uid:
                return it
        raise KeyError(uid)
