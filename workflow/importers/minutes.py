"""The minutes of one item: from its source lines to narrative, lists, declarations,
motions, votes, resolutions and actions.

:func:`read_minutes` walks an item's lines once, in order. A line goes to the structure
it belongs to (a RESOLVED block, a motion, a declaration…) and only otherwise to the
narrative; page furniture and web-page links are reported to the :class:`Ledger`.
Layout modules decide which lines belong to the item; this module never looks outside.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields, replace

from workflow.importers import decisions as dec
from workflow.importers import people
from workflow.importers.common import Ledger, SourceLine
from workflow.importers.paragraphs import Unit, closing_of, units_of
from workflow.record.model import (
    Action,
    Block,
    BulletList,
    ChairChange,
    Declaration,
    Motion,
    MotionKind,
    MotionOutcome,
    Movement,
    Paragraph,
    Resolution,
    Vote,
)

__all__ = ["ItemMinutes", "read_minutes"]


@dataclass
class ItemMinutes:
    body: list[Block] = field(default_factory=list)
    declarations: list[Declaration] = field(default_factory=list)
    motions: list[Motion] = field(default_factory=list)
    resolved_word: str = ""
    resolved_intro: str = ""
    resolutions: list[Resolution] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    agreed: list[str] = field(default_factory=list)
    incomplete: str = ""
    closing: tuple[dt.time | None, str] | None = None
    movements: list[tuple[str, str, Movement]] = field(default_factory=list)
    returns: list[tuple[str, dt.time | None, dt.time | None]] = field(default_factory=list)
    """Members who left and came back during this item because of an earlier declaration."""
    apologies: list[str] = field(default_factory=list)
    chair_changes: list[ChairChange] = field(default_factory=list)
    paragraph: int | None = None


_SCHEDULE_12A = re.compile(r"(?i)paragraphs?\s+(\d{1,2})\b[^.]*schedule\s+12a")


# ------------------------------------------------------------------------ walking


class _Walker:
    def __init__(self, ledger: Ledger, register: people.Register, item: str,
                 declared: set[tuple[str, str]]) -> None:
        self.declared = declared
        self.ledger = ledger
        self.register = register
        self.item = item
        self.m = ItemMinutes()
        self.block: list[Resolution] | None = None
        self.block_intro = ""
        self.top_family = ""
        self.last_label: dec.Label | None = None
        self.pending_text = False
        self.carried_word = ""
        self.reference = ""
        self.resolution_ref = False
        self.references: dict[int, str] = {}

    def run(self, units: list[Unit]) -> ItemMinutes:
        for unit in units:
            self.ledger.use(*unit.lines)
            if self.block is not None and self._in_block(unit):
                continue
            self._close_block()
            self._body(unit)
        self._close_block()
        self._finish()
        return self.m

    # -- resolutions

    def _start_block(self, decision: dec.Decision) -> None:
        self._close_block()
        word = decision.word
        last = self.m.motions[-1] if self.m.motions else None
        if last is not None and last.outcome is MotionOutcome.NOT_VOTED and (last.mover or last.seconder):
            self.m.motions[-1] = replace(last, outcome=MotionOutcome.CARRIED)
        if decision.how:
            vote = dec.vote_from(decision.how)
            if vote is not None and not self.m.motions:
                self.m.motions.append(Motion(outcome=MotionOutcome.CARRIED, vote=vote))
            else:
                word = f"{word} ({decision.how})"
        if not self.m.resolved_word:
            self.m.resolved_word = word
        self.block, self.block_intro, self.top_family, self.last_label = [], "", "", None
        rest = decision.rest
        first = dec.label_of(rest) if rest else None
        if first is not None:
            self._labelled(*first)
        elif not rest or rest.endswith(":") or rest.lower() in {"that", "that:"}:
            self.block_intro = rest
        else:
            self.block.append(Resolution(text=rest))

    def _in_block(self, unit: Unit) -> bool:
        assert self.block is not None
        found = None if unit.bullet else dec.label_of(unit.text, after=self.last_label)
        if found is not None:
            if len(self.block) == 1 and not self.block[0].label and not self.block_intro:
                self.block_intro = self.block.pop().text
            self._labelled(*found, child=unit.level > 0 and bool(self.block))
            return True
        if unit.bullet or (unit.indented and self.block):
            self._child(unit.text)
            return True
        if not self.block and dec.decision_start(unit.text) is None and dec.outcome_of(unit.text) is None:
            self.block.append(Resolution(text=unit.text))
            return True
        return False

    def _labelled(self, label: dec.Label, text: str, *, child: bool = False) -> None:
        assert self.block is not None
        parts = dec.split_run_on(text, label) if label.family != "ref" else [(label, text)]
        for lab, words in parts:
            if not self.top_family:
                self.top_family = lab.family
            nested = (child or lab.family != self.top_family) and self.block
            entry = Resolution(label=lab.text, text=words)
            if nested:
                parent = self.block[-1]
                self.block[-1] = replace(parent, children=(*parent.children, entry))
            else:
                self.block.append(entry)
            self.last_label = lab

    def _child(self, text: str) -> None:
        assert self.block is not None
        if not self.block:
            self.block.append(Resolution(text=text))
            return
        parent = self.block[-1]
        self.block[-1] = replace(parent, children=(*parent.children, Resolution(text=text)))

    def _close_block(self) -> None:
        if self.block is None:
            return
        block, intro = self.block, self.block_intro
        self.block = None
        if not self.m.resolutions and not self.m.resolved_intro:
            self.m.resolved_intro = intro
            self.m.resolutions.extend(block)
        elif intro:
            self.m.resolutions.append(Resolution(text=intro, children=tuple(block)))
        else:
            self.m.resolutions.extend(block)

    # -- everything else

    def _body(self, unit: Unit) -> None:
        text = unit.text
        if self.pending_text and re.match(r"(?i)[\"“]?(?:that|be\s+it\s+resolved)\b", text) and self.m.motions:
            self.m.motions[-1] = replace(self.m.motions[-1], text=text)
            self.pending_text = False
            return
        self.pending_text = False
        split = dec.motion_inside(text)
        if split:
            self._narrative(Unit(unit.lines, text[:split].strip(), unit.bullet, unit.level, unit.indented))
            text = text[split:]
            unit = Unit(unit.lines, text, unit.bullet, unit.level, unit.indented)
        labelled = dec.label_of(text)
        reference = None if labelled is not None and labelled[0].family == "ref" else dec.reference_of(text)
        if reference is not None:
            self.reference = reference[0]
            self.resolution_ref = bool(re.match(r"(?i)(?:council\s+)?resolution\b", text))
            if not reference[1]:
                return
            unit = Unit(unit.lines, reference[1], unit.bullet, unit.level, unit.indented)
        for handler in (self._decision, self._motion, self._outcome, self._vote, self._person,
                        self._closing, self._resolved_inside):
            if handler(unit):
                return
        self._narrative(unit)

    def _resolved_inside(self, unit: Unit) -> bool:
        """``… the Council RESOLVED to elect Councillor Beck …``: a decision inside a sentence."""
        m = re.search(r"\b(?:the\s+\w+\s+)?RESOLVED\b:?\s*", unit.text)
        if not m or m.start() == 0 or len(unit.text) - m.end() < 8:
            return False
        self._narrative(Unit(unit.lines, unit.text[: m.start()].strip(), unit.bullet, unit.level))
        self._start_block(dec.Decision(word="RESOLVED", rest=unit.text[m.end():].strip()))
        self._close_block()
        return True

    def _decision(self, unit: Unit) -> bool:
        decision = None if unit.bullet else dec.decision_start(unit.text)
        if decision is None:
            found = None if unit.bullet else dec.label_of(unit.text)
            if found is None or found[0].family != "ref":
                return False
            decision = dec.Decision(word="Resolution", rest=unit.text)
        if decision.agreed:
            self.m.agreed.append(decision.rest)
            return True
        self._start_block(decision)
        return True

    def _motion(self, unit: Unit) -> bool:
        motion = dec.motion_start(unit.text.lstrip("•·▪*- "))
        if motion is None:
            seconded = dec.seconder_of(unit.text.lstrip("•·▪*- "))
            if seconded is None or not self.m.motions:
                return False
            last = self.m.motions[-1]
            self.m.motions[-1] = replace(last, seconder=seconded[0], text=last.text or seconded[1])
            self.pending_text = not self.m.motions[-1].text
            return True
        if self.reference:
            self.references[len(self.m.motions)] = self.reference
            if self.resolution_ref and motion.outcome is MotionOutcome.NOT_VOTED:
                motion = replace(motion, outcome=MotionOutcome.CARRIED)
            self.reference, self.resolution_ref = "", False
        self.m.motions.append(motion)
        self.pending_text = not motion.text
        return True

    def _outcome(self, unit: Unit) -> bool:
        result = dec.outcome_of(unit.text)
        if result is None:
            return False
        index = self._target(result.what)
        if index is None and self.m.motions and self.m.motions[-1].outcome is result.outcome:
            return True
        if index is None:
            text = ""
            last = self.m.body[-1] if self.m.body else None
            if isinstance(last, Paragraph) and re.match(r"(?i)that\b", last.text):
                text = last.text
                self.m.body.pop()
            kind = MotionKind.AMENDMENT if result.what == "amendment" else MotionKind.MOTION
            self.m.motions.append(Motion(kind=kind, text=text))
            index = len(self.m.motions) - 1
        motion = self.m.motions[index]
        vote = _merge_votes(motion.vote, result.vote)
        self.m.motions[index] = replace(
            motion, outcome=result.outcome, vote=vote, substantive=motion.substantive or result.substantive
        )
        if result.outcome is MotionOutcome.CARRIED and not self.carried_word:
            plain = unit.text.strip().lower().startswith(result.word.lower())
            self.carried_word = result.word[:1].upper() + result.word[1:] if plain else "Carried"
        return True

    def _target(self, what: str) -> int | None:
        for index in range(len(self.m.motions) - 1, -1, -1):
            motion = self.m.motions[index]
            if what == "amendment" and motion.kind is not MotionKind.AMENDMENT:
                continue
            if motion.outcome is MotionOutcome.NOT_VOTED:
                return index
        return None

    def _vote(self, unit: Unit) -> bool:
        last = self.m.motions[-1] if self.m.motions else None
        if re.match(r"(?i)^for\s+against\s+abstain(?:ed|ing)?\b", unit.text):
            vote = replace(last.vote or Vote(), recorded=True) if last else Vote(recorded=True)
            if last is None:
                self.m.motions.append(Motion(vote=vote))
            else:
                self.m.motions[-1] = replace(last, vote=vote)
            self.m.body.append(Paragraph(text=unit.text))
            for line in unit.lines:
                self.ledger.flag(line, "a recorded vote whose names the copy no longer lines up "
                                 "under For, Against and Abstained: kept as narrative")
            return True
        vote = dec.named_vote(unit.text, last.vote if last else None)
        if vote is None and re.match(r"^\(?\d+\s+(?:votes?\s+)?(?:for|in favour)\b", unit.text, re.I):
            vote = _merge_votes(last.vote if last else None, dec.vote_from(unit.text))
        if vote is None:
            return False
        if last is None:
            self.m.motions.append(Motion(vote=vote))
        else:
            self.m.motions[-1] = replace(last, vote=vote)
        return True

    def _person(self, unit: Unit) -> bool:
        text = unit.text
        declaration = people.declaration_in(text, self.register)
        if declaration is not None:
            self.m.declarations.append(declaration)
            return True
        if self.m.declarations:
            merged = people.merge_return(self.m.declarations[-1], text)
            if merged is not None:
                self.m.declarations[-1] = merged
                return True
        back = people.leaves_and_returns(text)
        if back is not None and (self.register.ref(back[0]), self.item) in self.declared:
            self.m.returns.append((self.register.ref(back[0]), back[1], back[2]))
            return True
        moved = people.movement_in(text, self.item)
        if moved is not None:
            self.m.movements.append(moved)
            return True
        names = people.apologies_in(text)
        if names is not None:
            self.m.apologies.extend(names)
            return True
        chair = people.chair_change_in(text)
        if chair is not None:
            who, reason = chair
            self.m.chair_changes.append(
                ChairChange(person=self.register.ref(who), from_item=self.item, reason=reason)
            )
            return True
        return False

    def _closing(self, unit: Unit) -> bool:
        closing = closing_of(unit.text)
        if closing is None:
            return False
        self.m.closing = closing
        return True

    def _narrative(self, unit: Unit) -> None:
        paragraph = _SCHEDULE_12A.search(unit.text)
        if paragraph and self.m.paragraph is None:
            self.m.paragraph = int(paragraph.group(1))
        body = self.m.body
        if unit.bullet or unit.indented or dec.label_of(unit.text) is not None:
            text = unit.text
            found = dec.label_of(text)
            if found is not None and not unit.bullet:
                text = found[1] or text
            if body and isinstance(body[-1], BulletList):
                body[-1] = BulletList(bullets=(*body[-1].bullets, text))
            else:
                body.append(BulletList(bullets=(text,)))
            return
        body.append(Paragraph(text=unit.text))

    def _finish(self) -> None:
        m = self.m
        if m.agreed and not (m.resolutions or m.resolved_word):
            m.resolved_word = "It was agreed"
            m.resolutions.extend(Resolution(text=t) for t in m.agreed)
        elif m.agreed:
            m.actions.extend(Action(text=re.sub(r"(?i)^that\s+", "", t)) for t in m.agreed)
        if not m.resolutions:
            carried = [(i, x) for i, x in enumerate(m.motions) if x.outcome is MotionOutcome.CARRIED
                       and (x.kind is MotionKind.MOTION or i in self.references) and x.text]
            m.resolutions.extend(Resolution(label=self.references.get(i, ""), text=x.text) for i, x in carried)
            if carried and not m.resolved_word:
                m.resolved_word = self.carried_word or "Carried"


def _merge_votes(old: Vote | None, new: Vote | None) -> Vote | None:
    if old is None or new is None:
        return old or new
    changes = {
        f.name: getattr(new, f.name)
        for f in fields(Vote)
        if getattr(new, f.name) not in (None, (), False, "")
    }
    return replace(old, **changes)


def read_minutes(lines: list[SourceLine], ledger: Ledger, register: people.Register, *, item: str,
                 declared: set[tuple[str, str]] | None = None, reference: str = "") -> ItemMinutes:
    """The minutes of one item from its lines (those after "Minutes:" or its heading).

    ``declared`` holds (member, item number) of interests declared earlier in the meeting,
    so that "X left the room … and returned …" under that item completes the declaration.
    """
    walker = _Walker(ledger, register, item, declared or set())
    walker.reference, walker.resolution_ref = reference, bool(reference)
    units, walker.m.incomplete = units_of(lines, ledger)
    return walker.run(units)
