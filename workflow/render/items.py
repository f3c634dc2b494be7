"""The content of one item of business as blocks: agenda detail and minutes (with a note
where the text stops when an item is marked incomplete).

Called by :mod:`workflow.render.blocks` for each item. ``confidential=False`` never
prints exempt content, whatever the input (exempt blocks become a withheld note):
:func:`workflow.record.redaction.public_view` is the choke point, and this is the second lock.
"""

from __future__ import annotations

from collections.abc import Mapping

from workflow.record.model import (
    ActionKind,
    BulletList,
    DecisionRecord,
    Document,
    Item,
    ItemKind,
    LicensingHearing,
    Paragraph,
    Person,
    PlanningApplication,
    Resolution,
    Withheld,
)
from workflow.record.names import person_name
from workflow.render.elements import Blocks, Run
from workflow.render.styles import Style
from workflow.render.wording import (
    declaration_sentence,
    exempt_note,
    motion_lead,
    motion_outcome,
    vote_lines,
    withheld_note,
)
from workflow.text.dates import format_date

__all__ = ["agenda_detail", "minutes_detail", "urgency_note"]

People = Mapping[str, Person]


def urgency_note(out: Blocks, item: Item, people: People, key: str) -> None:
    if item.urgency is None:
        return
    kind = "Late item" if item.urgency.late else "Urgent item"
    chair = person_name(item.urgency.agreed_by, people) if item.urgency.agreed_by else "the Chair"
    out.add(Style.NOTE, Run(f"{kind}: ", italic=True),
            Run(f"{chair} agreed that this item be considered as a matter of urgency. "
                f"Reason: {item.urgency.reason}", italic=True), key=f"{key}/urgency")


def agenda_detail(out: Blocks, item: Item, people: People, key: str) -> None:
    """Report line, wording, documents, key decision and application details."""
    urgency_note(out, item, people, key)
    if item.report is not None and item.report.author:
        text = f"{item.report.kind} of the {item.report.author}"
        out.add(Style.NORMAL, text, Run(" (to follow)", italic=True) if item.report.to_follow
                else "", key=f"{key}/report")
    for i, line in enumerate(item.wording):
        out.add(Style.NORMAL, line, key=f"{key}/wording[{i}]")
    if item.key_decision is not None:
        ref = item.key_decision.forward_plan_ref
        out.add(Style.NOTE, Run("Key decision" + (f" (Forward Plan reference {ref})" if ref
                                                  else ""), italic=True), key=f"{key}/key_decision")
    if item.planning is not None:
        _planning_summary(out, item.planning, key)
    if item.licensing is not None:
        _licensing_summary(out, item.licensing, key)
    if item.kind is ItemKind.OUTSTANDING_ISSUES:
        _open_actions(out, item, people, key)
    _documents(out, item.documents, key)


def _open_actions(out: Blocks, item: Item, people: People, key: str) -> None:
    """The actions still open, carried forward from earlier minutes, as the agenda lists them."""
    for i, action in enumerate(a for a in item.actions if not a.done):
        owner = person_name(action.owner, people) if action.owner else ""
        text = action.text.rstrip()
        if action.origin:
            text = f"Minute {action.origin}: {text}"
        if owner:
            text += f" ({owner})"
        out.add(Style.LIST_BULLET, text, key=f"{key}/open[{i}]")


def _documents(out: Blocks, documents: tuple[Document, ...], key: str) -> None:
    for i, doc in enumerate(documents):
        runs: list[Run] = [Run(doc.title)]
        if doc.size:
            runs.append(Run(f" ({doc.size})"))
        if doc.exemption is not None:
            runs.append(Run(f" {exempt_note(doc.exemption)} — not for publication", italic=True))
        if doc.to_follow:
            runs.append(Run(" (to follow)", italic=True))
        out.add(Style.LIST_BULLET, *runs, key=f"{key}/documents[{i}]")


def _planning_summary(out: Blocks, app: PlanningApplication, key: str) -> None:
    k = f"{key}/planning"
    out.add(Style.DETAIL, Run("Application:", bold=True), "\t" + app.reference, key=f"{k}.reference")
    for label, value, field in (("Site:", app.site, "site"), ("Applicant:", app.applicant, "applicant"),
                                ("Proposal:", app.proposal, "proposal"),
                                ("Recommendation:", app.recommendation, "recommendation")):
        if value:
            out.add(Style.DETAIL, Run(label, bold=True), "\t" + value, key=f"{k}.{field}")


def _licensing_summary(out: Blocks, hearing: LicensingHearing, key: str) -> None:
    k = f"{key}/licensing"
    out.add(Style.DETAIL, Run("Application:", bold=True), "\t" + hearing.application,
            key=f"{k}.application")
    for label, value, field in (("Premises:", hearing.premises, "premises"),
                                ("Licence:", hearing.licence_type, "licence_type")):
        if value:
            out.add(Style.DETAIL, Run(label, bold=True), "\t" + value, key=f"{k}.{field}")


def minutes_detail(out: Blocks, item: Item, people: People, key: str, *,
                   confidential: bool) -> None:
    """Everything the minutes record under one item, in reading order."""
    urgency_note(out, item, people, key)
    for i, decl in enumerate(item.declarations):
        out.add(Style.NORMAL, declaration_sentence(decl, people), key=f"{key}/declarations[{i}]")
    if item.planning is not None:
        _planning_minutes(out, item.planning, key)
    if item.licensing is not None:
        _licensing_minutes(out, item.licensing, key)
    _body(out, item, key, confidential=confidential)
    _motions(out, item, people, key)
    _resolutions(out, item, key)
    if item.incomplete.strip():
        out.add(Style.NOTE, Run(f"[This minute is incomplete: {item.incomplete.strip()}]", italic=True),
                key=f"{key}/incomplete")
    if item.decision_record is not None:
        _decision_record(out, item.decision_record, people, key)
    _actions(out, item, people, key)


def _body(out: Blocks, item: Item, key: str, *, confidential: bool) -> None:
    for i, block in enumerate(item.body):
        k = f"{key}/body[{i}]"
        if isinstance(block, Withheld):
            note = withheld_note(block.withheld, block.paragraph, schedule=False)
            out.add(Style.NOTE, Run(note, italic=True), key=k)
            continue
        if block.exemption is not None and not confidential:
            out.add(Style.NOTE, Run(exempt_note(block.exemption, schedule=False), italic=True), key=k)
            continue
        marker = Run(exempt_note(block.exemption, schedule=False) + " ", italic=True) \
            if block.exemption is not None else Run("")
        if isinstance(block, Paragraph):
            out.add(Style.NORMAL, marker, block.text, key=k)
        elif isinstance(block, BulletList):
            if marker.text:
                out.add(Style.NOTE, marker, key=k)
            for j, bullet in enumerate(block.bullets):
                out.add(Style.LIST_BULLET, bullet, key=f"{k}[{j}]")


def _motions(out: Blocks, item: Item, people: People, key: str) -> None:
    for i, motion in enumerate(item.motions):
        k = f"{key}/motions[{i}]"
        out.add(Style.NORMAL, motion_lead(motion, people), key=k)
        out.add(Style.MOTION, motion.text, key=f"{k}.text")
        if motion.vote is not None:
            for j, line in enumerate(vote_lines(motion.vote, people)):
                out.add(Style.NORMAL, line, key=f"{k}.vote[{j}]")
        out.add(Style.NORMAL, motion_outcome(motion), key=f"{k}.outcome")


def _resolutions(out: Blocks, item: Item, key: str) -> None:
    word = item.resolved_word or "RESOLVED"
    found = [r for r in item.resolutions if r.text or r.children]
    if not found and not item.resolved_intro:
        return
    only = found[0] if len(found) == 1 else None
    if only is not None and not only.label and not only.children and not item.resolved_intro:
        out.add(Style.NORMAL, Run(word, bold=True), Run(" " + only.text, bold=True),
                key=f"{key}/resolutions[0]")
        return
    intro = f" {item.resolved_intro}" if item.resolved_intro else ":"
    out.add(Style.NORMAL, Run(word, bold=True), Run(intro, bold=True), key=f"{key}/resolved")
    for i, res in enumerate(item.resolutions):
        _resolution(out, res, f"{key}/resolutions[{i}]", 0)


def _resolution(out: Blocks, res: Resolution, key: str, level: int) -> None:
    out.add(Style.RESOLUTION, res.text or "…", key=key, level=level, label=res.label)
    for j, child in enumerate(res.children):
        _resolution(out, child, f"{key}.children[{j}]", min(level + 1, 2))


def _decision_record(out: Blocks, rec: DecisionRecord, people: People, key: str) -> None:
    k = f"{key}/decision_record"
    out.add(Style.NORMAL, Run("Decision: ", bold=True), Run(rec.decision, bold=True),
            key=f"{k}.decision")
    if rec.reasons:
        out.add(Style.NORMAL, Run("Reasons for the decision: ", bold=True), rec.reasons,
                key=f"{k}.reasons")
    if rec.alternatives:
        out.add(Style.NORMAL, Run("Alternative options considered and rejected:", bold=True),
                key=f"{k}.alternatives")
        for i, alt in enumerate(rec.alternatives):
            out.add(Style.LIST_BULLET, alt, key=f"{k}.alternatives[{i}]")
    for label, value, field in (("Conflicts of interest: ", rec.conflicts, "conflicts"),
                                ("Dispensation: ", rec.dispensation, "dispensation")):
        if value:
            out.add(Style.NORMAL, Run(label, bold=True), value, key=f"{k}.{field}")
    if rec.decision_maker or rec.decided_on:
        who = person_name(rec.decision_maker, people) if rec.decision_maker else "the decision-maker"
        when = f" on {format_date(rec.decided_on)}" if rec.decided_on else ""
        out.add(Style.NORMAL, f"Decision taken by {who}{when}.", key=f"{k}.decision_maker")
    call_in = rec.call_in
    if call_in.urgent_reason:
        out.add(Style.NORMAL, "This decision is not subject to call-in because it is urgent: "
                f"{call_in.urgent_reason}", key=f"{k}.call_in")
    elif call_in.deadline is not None:
        out.add(Style.NORMAL, f"This decision may be called in until {format_date(call_in.deadline)}.",
                key=f"{k}.call_in")


def _actions(out: Blocks, item: Item, people: People, key: str) -> None:
    for i, action in enumerate(item.actions):
        owner = person_name(action.owner, people) if action.owner else ""
        what = action.text.rstrip() if action.due is None else action.text.rstrip().rstrip(".")
        if action.kind is ActionKind.REFERRAL:
            text = f"Referred to {owner}: {what}" if owner else f"Referral: {what}"
        elif action.kind is ActionKind.INFORMATION:
            text = f"Information requested: {what}" + (f" ({owner})" if owner else "")
        else:
            text = f"Action: {what}" + (f" ({owner})" if owner else "")
        if action.due is not None:
            text += f", by {format_date(action.due)}"
        out.add(Style.LIST_BULLET, text, key=f"{key}/actions[{i}]")


def _planning_minutes(out: Blocks, app: PlanningApplication, key: str) -> None:
    _planning_summary(out, app, key)
    k = f"{key}/planning"
    if app.speakers:
        names = ", ".join(f"{s.name} ({s.capacity})" if s.capacity else s.name for s in app.speakers)
        out.add(Style.NORMAL, f"The Committee heard from {names}.", key=f"{k}.speakers")
    if app.decision:
        out.add(Style.NORMAL, Run("Decision: ", bold=True), Run(app.decision, bold=True),
                key=f"{k}.decision")
    for field, label, values in (("conditions", "Conditions:", app.conditions),
                                 ("refusal_reasons", "Reasons for refusal:", app.refusal_reasons)):
        if values:
            out.add(Style.NORMAL, Run(label, bold=True), key=f"{k}.{field}")
            for i, value in enumerate(values):
                out.add(Style.LIST_BULLET, value, key=f"{k}.{field}[{i}]")


def _licensing_minutes(out: Blocks, hearing: LicensingHearing, key: str) -> None:
    _licensing_summary(out, hearing, key)
    k = f"{key}/licensing"
    if hearing.parties:
        names = ", ".join(f"{p.name} ({p.capacity})" if p.capacity else p.name
                          for p in hearing.parties)
        out.add(Style.NORMAL, f"The Sub-Committee heard from {names}.", key=f"{k}.parties")
    if hearing.exclusion_regulation:
        out.add(Style.NORMAL, "The parties were excluded while the Sub-Committee deliberated "
                f"({hearing.exclusion_regulation}).", key=f"{k}.exclusion_regulation")
    if hearing.decision:
        out.add(Style.NORMAL, Run("Decision: ", bold=True), Run(hearing.decision, bold=True),
                key=f"{k}.decision")
    if hearing.reasons:
        out.add(Style.NORMAL, Run("Reasons: ", bold=True), hearing.reasons, key=f"{k}.reasons")
