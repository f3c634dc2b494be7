"""How the record is worded in print: dates, times, names, exemptions, declarations, votes.

Pure functions from model values to the phrases the council's published documents use
("2.00 pm", "Councillor M Mutton", "(exempt information — paragraph 3 of Schedule 12A)");
dates are written by :func:`workflow.text.dates.format_date`. Block building lives in :mod:`workflow.render.blocks`;
nothing here knows about Word, HTML or files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from workflow.record.model import (
    Declaration,
    Exemption,
    ExemptionBasis,
    InterestType,
    Motion,
    MotionKind,
    MotionOutcome,
    Person,
    Vote,
)
from workflow.record.names import person_name, person_names

__all__ = [
    "declaration_sentence",
    "exempt_note",
    "motion_outcome",
    "motion_lead",
    "time_of_day",
    "vote_lines",
    "withheld_note",
]


def time_of_day(value: dt.time) -> str:
    """``14:00`` -> ``2.00 pm``; noon is ``12.00 pm``, midnight ``12.00 am``."""
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}.{value.minute:02d} {suffix}"






def exempt_note(exemption: Exemption | None, *, schedule: bool = True) -> str:
    """Why content is withheld, in the words printed in its place."""
    if exemption is None:
        return "(exempt information)"
    return withheld_note(exemption.basis, exemption.paragraph, schedule=schedule)


def withheld_note(basis: ExemptionBasis, paragraph: int | None, *, schedule: bool) -> str:
    if basis is ExemptionBasis.CONFIDENTIAL:
        return "(confidential information — not for publication)"
    if basis is ExemptionBasis.LICENSING_HEARING:
        return "(private deliberation of the licensing hearing — not for publication)"
    if paragraph is None:
        return "(exempt information)"
    where = " of Schedule 12A" if schedule else ""
    return f"(exempt information — paragraph {paragraph}{where})"


_INTEREST = {
    InterestType.PECUNIARY: "a disclosable pecuniary interest",
    InterestType.OTHER_REGISTRABLE: "an other registrable interest",
    InterestType.NON_REGISTRABLE: "a non-registrable interest",
    InterestType.SIGNIFICANT_OTHER: "a significant other interest",
    InterestType.LOBBYING: "that they had been lobbied",
    InterestType.PARTY_WHIP: "that they were subject to a party whip",
    InterestType.OTHER: "an interest",
}


def declaration_sentence(decl: Declaration, people: Mapping[str, Person]) -> str:
    """One declaration as the minutes record it."""
    text = f"{person_name(decl.member, people)} declared {_INTEREST[decl.interest]}"
    if decl.regarding:
        text += f" in item {decl.regarding}"
    if decl.nature:
        text += f" ({decl.nature})"
    text += "."
    if decl.left_room:
        text += " They left the meeting room"
        if decl.left_at is not None:
            text += f" at {time_of_day(decl.left_at)}"
        if decl.returned_at is not None:
            text += f" and returned at {time_of_day(decl.returned_at)}"
        else:
            text += " for the consideration of the item"
        text += "."
    if decl.dispensation:
        text += f" Dispensation: {decl.dispensation}."
    return text


_KIND = {MotionKind.MOTION: "motion", MotionKind.AMENDMENT: "amendment",
         MotionKind.PROCEDURAL: "procedural motion"}


def motion_lead(motion: Motion, people: Mapping[str, Person]) -> str:
    """``Councillor A moved, and Councillor B seconded, the following amendment:``."""
    kind = _KIND[motion.kind]
    if motion.part:
        kind = f"{kind} (part {motion.part})"
    mover = person_name(motion.mover, people) if motion.mover else ""
    seconder = person_name(motion.seconder, people) if motion.seconder else ""
    if mover and seconder:
        return f"{mover} moved, and {seconder} seconded, the following {kind}:"
    if mover:
        return f"{mover} moved the following {kind}:"
    return f"The following {kind} was put:"


def motion_outcome(motion: Motion) -> str:
    """``The amendment was carried and became the substantive motion.``."""
    kind = _KIND[motion.kind].capitalize()
    outcome = motion.outcome
    if outcome is MotionOutcome.NOT_VOTED:
        return ""
    words = {
        MotionOutcome.CARRIED: "was carried",
        MotionOutcome.LOST: "was lost",
        MotionOutcome.WITHDRAWN: "was withdrawn",
        MotionOutcome.DEFERRED: "was deferred",
        MotionOutcome.REFERRED: "was referred",
    }[outcome]
    text = f"The {kind.lower()} {words}"
    if motion.substantive and outcome is MotionOutcome.CARRIED:
        text += " and became the substantive motion"
    return text + "."


def vote_lines(vote: Vote, people: Mapping[str, Person]) -> list[str]:
    """The vote as printed: counts on one line, then the named lists."""
    lines: list[str] = []
    if vote.recorded:
        who = f" at the request of {person_name(vote.requested_by, people)}" if vote.requested_by else ""
        lines.append(f"A recorded vote was taken{who}.")
    counts = [
        f"{label} {n}"
        for label, n in (("For", vote.for_count), ("Against", vote.against_count),
                         ("Abstentions", vote.abstain_count))
        if n is not None
    ]
    if vote.unanimous:
        lines.append("The vote was unanimous.")
    if counts:
        lines.append("Votes: " + ", ".join(counts) + ".")
    for label, names in (("For", vote.for_names), ("Against", vote.against_names),
                         ("Abstaining", vote.abstain_names), ("Absent", vote.absent_names)):
        if names:
            lines.append(f"{label}: {person_names(names, people)}.")
    if vote.threshold:
        lines.append(f"A majority of {vote.threshold} was required.")
    if vote.casting_vote:
        lines.append(f"{person_name(vote.casting_vote, people)} gave a casting vote.")
    return lines
