"""The meeting record: immutable dataclasses for meetings, committees and people.

Everything minutebook does works on these classes: the YAML codec reads and writes them,
the schemas validate their dict form at the boundary, the renderers turn them into
documents, the lifecycle moves them between states. They hold data only: no I/O, no
validation library, no rendering (see ``pyproject.toml``'s import contracts).

Field order is the order the YAML file shows, so related fields sit together and diffs
read top to bottom like the printed minutes. Every class is frozen; change a record with
``dataclasses.replace`` (or the helpers in :mod:`workflow.edits`).

Exempt business (Schedule 12A) lives in the same classes but is marked by an
:class:`Exemption`; :mod:`workflow.redaction` is the one place that strips it for public
use, and :mod:`workflow.codec` stores it apart in ``meeting.exempt.yaml``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from workflow.states import Status

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
    "Declaration",
    "DecisionRecord",
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


def _frozen(cls):  # type: ignore[no-untyped-def]
    return dataclass(frozen=True, slots=True, kw_only=True)(cls)


# --------------------------------------------------------------------------- enums


class MeetingKind(StrEnum):
    """What sort of meeting this is; special meetings take no Any Other Business."""

    ORDINARY = "ordinary"
    SPECIAL = "special"
    ANNUAL = "annual"
    BUDGET = "budget"


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


class ExemptionBasis(StrEnum):
    """Exempt under Schedule 12A (a paragraph) or confidential under s.100A(2)."""

    EXEMPT = "exempt"
    CONFIDENTIAL = "confidential"
    LICENSING_HEARING = "licensing-hearing"


class InterestType(StrEnum):
    PECUNIARY = "pecuniary"
    OTHER_REGISTRABLE = "other-registrable"
    NON_REGISTRABLE = "non-registrable"
    SIGNIFICANT_OTHER = "significant-other"
    LOBBYING = "lobbying"
    PARTY_WHIP = "party-whip"
    OTHER = "other"


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


class ActionKind(StrEnum):
    ACTION = "action"
    REFERRAL = "referral"
    INFORMATION = "information-request"


class KeyDecisionRoute(StrEnum):
    FORWARD_PLAN = "forward-plan"
    GENERAL_EXCEPTION = "general-exception"
    SPECIAL_URGENCY = "special-urgency"


class CallInState(StrEnum):
    MADE = "made"
    PUBLISHED = "published"
    CALLED_IN = "called-in"
    IMPLEMENTED = "implemented"


# --------------------------------------------------------------------------- people


@_frozen
class Contact:
    """The clerk a reader should contact about the meeting."""

    name: str = ""
    phone: str = ""
    email: str = ""


@_frozen
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


@_frozen
class Membership:
    """Who served on a committee, in what role, from when to when."""

    person: str
    role: Role = Role.MEMBER
    start: dt.date | None = None
    end: dt.date | None = None


@_frozen
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


# --------------------------------------------------------------------------- attendance


@_frozen
class Movement:
    """An arrival or departure: at a time, and/or before/during/after an item."""

    time: dt.time | None = None
    item: str = ""
    """Agenda number of the item, e.g. ``"8"``."""
    relation: str = "during"
    """``before``, ``during`` or ``after`` the item."""


@_frozen
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


@_frozen
class ChairChange:
    """A change of who presides during the meeting."""

    person: str
    from_item: str
    reason: str = ""


# --------------------------------------------------------------------------- exemption


@_frozen
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


# --------------------------------------------------------------------------- agenda parts


@_frozen
class Report:
    """The report or briefing note an item considers, and who wrote it."""

    kind: str = "Report"
    """``Report``, ``Briefing Note``… printed as "<kind> of the <author>"."""
    author: str = ""
    """``Deputy Chief Executive (People)``."""
    to_follow: bool = False


@_frozen
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


@_frozen
class Urgency:
    """A late or urgent item, or a late agenda: the chair's recorded reason."""

    reason: str
    agreed_by: str = ""
    late: bool = True


@_frozen
class KeyDecision:
    """An executive key decision and how the 28-day notice rule was met."""

    forward_plan_ref: str = ""
    forward_plan_date: dt.date | None = None
    route: KeyDecisionRoute = KeyDecisionRoute.FORWARD_PLAN
    reasons: str = ""
    notice_to: str = ""
    """General exception: the scrutiny chair informed; special urgency: the chair agreeing."""
    notice_on: dt.date | None = None


# --------------------------------------------------------------------------- minutes parts


@_frozen
class Paragraph:
    """One narrative paragraph of the minutes."""

    text: str
    exemption: Exemption | None = None
    """Exempt minute text inside a public item."""


@_frozen
class BulletList:
    """A list of points (discussion bullets), optionally with a lead-in sentence."""

    bullets: tuple[str, ...]
    exemption: Exemption | None = None


@_frozen
class Withheld:
    """What a public view shows where exempt minute text was left out."""

    withheld: ExemptionBasis
    paragraph: int | None = None


Block = Paragraph | BulletList | Withheld


@_frozen
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


@_frozen
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


@_frozen
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


@_frozen
class Resolution:
    """One resolution (or sub-resolution) with its printed label."""

    label: str = ""
    """``(a)``, ``1)``, ``(i)``; stored as printed, assigned by :mod:`workflow.numbering`."""
    text: str = ""
    children: tuple[Resolution, ...] = ()


@_frozen
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


@_frozen
class Speaker:
    name: str
    capacity: str = ""
    """``objector``, ``supporter``, ``applicant``, ``ward councillor``…"""


@_frozen
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


@_frozen
class Party:
    name: str
    capacity: str = ""
    """``applicant``, ``responsible authority``, ``other person``…"""


@_frozen
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


@_frozen
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


@_frozen
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


# --------------------------------------------------------------------------- items


@_frozen
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
        """The title a public document may show."""
        if self.exemption is not None and self.public_title:
            return self.public_title
        return self.title


# --------------------------------------------------------------------------- meeting


@_frozen
class Agenda:
    """Publication facts of the agenda."""

    published_on: dt.date | None = None
    urgency: Urgency | None = None
    """A late agenda: the chair's reason of urgency."""
    supplements: int = 0
    """How many supplementary agendas (late items) followed the first publication."""


@_frozen
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


@_frozen
class Amendment:
    """A recorded amendment to approved minutes."""

    on: dt.date
    by: str
    reason: str
    authority: str = ""
    """The resolution that agreed it: ``Minute 12/26 of <committee> on <date>``."""
    summary: str = ""


@_frozen
class Postponement:
    from_date: dt.date
    to_date: dt.date
    reason: str = ""


@_frozen
class PrivateNotice:
    """Notice of intention to hold part of an executive meeting in private."""

    given_on: dt.date | None = None
    reasons: str = ""
    urgent_reason: str = ""


@_frozen
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


def field_names(cls: type) -> tuple[str, ...]:
    """The declared fields of a model class, in YAML order."""
    return tuple(f.name for f in dataclasses.fields(cls))
