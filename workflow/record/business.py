"""The business of an item: what the agenda says about it and what the minutes record.

Immutable dataclasses (see :mod:`workflow.record.model`): the agenda's parts (report,
documents, urgency, key decision), the exemption that marks private business, and the
minutes' parts (paragraphs and bullet lists, declarations, motions and votes,
resolutions, actions, planning and licensing fields, the record of an executive decision
and its call-in). Data only: no I/O, no validation library, no rendering.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "Action",
    "ActionKind",
    "Block",
    "BulletList",
    "CallIn",
    "CallInState",
    "DecisionRecord",
    "Declaration",
    "Document",
    "Exemption",
    "ExemptionBasis",
    "InterestType",
    "KeyDecision",
    "KeyDecisionRoute",
    "LicensingHearing",
    "Motion",
    "MotionKind",
    "MotionOutcome",
    "Paragraph",
    "Party",
    "PlanningApplication",
    "Report",
    "Resolution",
    "Speaker",
    "Urgency",
    "Vote",
    "Withheld",
]


class ExemptionBasis(StrEnum):
    """Exempt under Schedule 12A (a paragraph) or confidential under s.100A(2)."""

    EXEMPT = "exempt"
    CONFIDENTIAL = "confidential"
    LICENSING_HEARING = "licensing-hearing"


@dataclass(frozen=True, slots=True, kw_only=True)
class Exemption:
    """Why content is not for publication, and whether it may be released."""

    basis: ExemptionBasis = ExemptionBasis.EXEMPT
    paragraph: int | None = None
    """Schedule 12A paragraph (England 1-7, Wales 12-18); required when basis is exempt,
    unless ``grounds`` says why there is none."""
    grounds: str = ""
    """Imported minutes: the grounds the source gives when they are not a Schedule 12A
    paragraph (``Section 239 (2) (b) of the Municipal Act``), or that it gives none."""
    public_interest: str = ""
    """Why the public interest in withholding outweighs disclosure."""
    release: str = ""
    """When or on what condition the content may be released."""
    release_on: dt.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """The report or briefing note an item considers, and who wrote it."""

    kind: str = "Report"
    """``Report``, ``Briefing Note``… printed as "<kind> of the <author>"."""
    author: str = ""
    """``Deputy Chief Executive (People)``."""
    to_follow: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """A document attached to an item (report, appendix, presentation)."""

    title: str
    file: str = ""
    """Path of the file inside the meeting's ``documents/`` folder, if attached."""
    size: str = ""
    """As published, e.g. ``PDF 61 KB``."""
    to_follow: bool = False
    exemption: Exemption | None = None
    """An exempt appendix to a public item: listed in public, never included."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Urgency:
    """A late or urgent item, or a late agenda: the chair's recorded reason."""

    reason: str
    agreed_by: str = ""
    late: bool = True


class KeyDecisionRoute(StrEnum):
    FORWARD_PLAN = "forward-plan"
    GENERAL_EXCEPTION = "general-exception"
    SPECIAL_URGENCY = "special-urgency"


@dataclass(frozen=True, slots=True, kw_only=True)
class KeyDecision:
    """An executive key decision and how the 28-day notice rule was met."""

    forward_plan_ref: str = ""
    forward_plan_date: dt.date | None = None
    route: KeyDecisionRoute = KeyDecisionRoute.FORWARD_PLAN
    reasons: str = ""
    notice_to: str = ""
    """General exception: the scrutiny chair informed; special urgency: the chair agreeing."""
    notice_on: dt.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Paragraph:
    """One narrative paragraph of the minutes."""

    text: str
    exemption: Exemption | None = None
    """Exempt minute text inside a public item."""


@dataclass(frozen=True, slots=True, kw_only=True)
class BulletList:
    """A list of points (discussion bullets), optionally with a lead-in sentence."""

    bullets: tuple[str, ...]
    exemption: Exemption | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Withheld:
    """What a public view shows where exempt minute text was left out."""

    withheld: ExemptionBasis
    paragraph: int | None = None


Block = Paragraph | BulletList | Withheld


class InterestType(StrEnum):
    PECUNIARY = "pecuniary"
    OTHER_REGISTRABLE = "other-registrable"
    NON_REGISTRABLE = "non-registrable"
    SIGNIFICANT_OTHER = "significant-other"
    LOBBYING = "lobbying"
    PARTY_WHIP = "party-whip"
    OTHER = "other"


@dataclass(frozen=True, slots=True, kw_only=True)
class Declaration:
    """An interest declared by a member."""

    member: str
    """Register id or name of the member."""
    interest: InterestType = InterestType.OTHER
    nature: str = ""
    regarding: str = ""
    """Agenda number of the item the interest concerns (when declared under a standing item)."""
    left_room: bool = False
    left_at: dt.time | None = None
    returned_at: dt.time | None = None
    dispensation: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Vote:
    """A vote: counts and/or named lists."""

    for_count: int | None = None
    against_count: int | None = None
    abstain_count: int | None = None
    for_names: tuple[str, ...] = ()
    against_names: tuple[str, ...] = ()
    abstain_names: tuple[str, ...] = ()
    absent_names: tuple[str, ...] = ()
    recorded: bool = False
    """A recorded (named) vote, as at budget council or when a member asks."""
    requested_by: str = ""
    unanimous: bool = False
    casting_vote: str = ""
    """Who gave a casting vote (normally the chair)."""
    threshold: str = ""
    """A special majority, e.g. ``75%``."""


class MotionKind(StrEnum):
    MOTION = "motion"
    AMENDMENT = "amendment"
    PROCEDURAL = "procedural"


class MotionOutcome(StrEnum):
    CARRIED = "carried"
    LOST = "lost"
    WITHDRAWN = "withdrawn"
    DEFERRED = "deferred"
    REFERRED = "referred"
    NOT_VOTED = "not-voted"


@dataclass(frozen=True, slots=True, kw_only=True)
class Motion:
    """A motion or amendment with mover, seconder, outcome and vote."""

    kind: MotionKind = MotionKind.MOTION
    text: str = ""
    mover: str = ""
    seconder: str = ""
    outcome: MotionOutcome = MotionOutcome.NOT_VOTED
    substantive: bool = False
    """An amendment that was carried and became the substantive motion."""
    part: str = ""
    """When parts of a motion are voted on separately: which part."""
    vote: Vote | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolution:
    """One resolution (or sub-resolution) with its printed label."""

    label: str = ""
    """``(a)``, ``1)``, ``(i)``; stored as printed, assigned by :mod:`workflow.record.numbering`."""
    text: str = ""
    children: tuple[Resolution, ...] = ()


class ActionKind(StrEnum):
    ACTION = "action"
    REFERRAL = "referral"
    INFORMATION = "information-request"


@dataclass(frozen=True, slots=True, kw_only=True)
class Action:
    """An action, referral or request for information arising from an item."""

    text: str
    kind: ActionKind = ActionKind.ACTION
    owner: str = ""
    """Who is to act (person, officer role or body referred to)."""
    due: dt.date | None = None
    done: bool = False
    done_on: dt.date | None = None
    origin: str = ""
    """Minute reference the action arose from, when carried forward (``14/17``)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Speaker:
    name: str
    capacity: str = ""
    """``objector``, ``supporter``, ``applicant``, ``ward councillor``…"""


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanningApplication:
    """Planning committee fields of an item."""

    reference: str
    site: str = ""
    applicant: str = ""
    proposal: str = ""
    recommendation: str = ""
    speakers: tuple[Speaker, ...] = ()
    decision: str = ""
    """``granted``, ``refused``, ``deferred``, ``granted subject to conditions``…"""
    conditions: tuple[str, ...] = ()
    refusal_reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Party:
    name: str
    capacity: str = ""
    """``applicant``, ``responsible authority``, ``other person``…"""


@dataclass(frozen=True, slots=True, kw_only=True)
class LicensingHearing:
    """Licensing sub-committee hearing fields of an item."""

    application: str
    premises: str = ""
    licence_type: str = ""
    parties: tuple[Party, ...] = ()
    exclusion_regulation: str = ""
    """The hearings regulation under which parties were excluded for deliberation."""
    decision: str = ""
    reasons: str = ""


class CallInState(StrEnum):
    MADE = "made"
    PUBLISHED = "published"
    CALLED_IN = "called-in"
    IMPLEMENTED = "implemented"


@dataclass(frozen=True, slots=True, kw_only=True)
class CallIn:
    """Scrutiny call-in of an executive decision."""

    state: CallInState = CallInState.MADE
    published_on: dt.date | None = None
    deadline: dt.date | None = None
    called_in_by: str = ""
    called_in_on: dt.date | None = None
    urgent_reason: str = ""
    """Decisions taken under urgency are exempt from call-in; the reason is recorded."""
    implemented_on: dt.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DecisionRecord:
    """The written record of an executive decision."""

    decision: str
    reasons: str = ""
    alternatives: tuple[str, ...] = ()
    """Alternative options considered and rejected."""
    conflicts: str = ""
    dispensation: str = ""
    decision_maker: str = ""
    decided_on: dt.date | None = None
    call_in: CallIn = field(default_factory=CallIn)
