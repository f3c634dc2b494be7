"""Recognisers for decisions: RESOLVED wording, resolution labels, motions, outcomes, votes.

Each function reads one paragraph of minutes text and says what it is, returning model
pieces (:class:`Resolution`, :class:`Motion`, :class:`Vote`) or ``None``. They keep no
state; :mod:`.minutes` walks an item's lines and decides where each piece goes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from workflow.importers.common import PERSON, split_names
from workflow.record.model import Motion, MotionKind, MotionOutcome, Vote

__all__ = [
    "Decision",
    "Label",
    "decision_start",
    "label_of",
    "motion_start",
    "named_vote",
    "outcome_of",
    "reference_of",
    "split_run_on",
    "vote_from",
]


# ------------------------------------------------------------------ decision wording


@dataclass(frozen=True, slots=True)
class Decision:
    """The opening of a decision: its word (``RESOLVED``, ``Decision``…) and what follows."""

    word: str
    rest: str
    how: str = ""
    agreed: bool = False
    """``It was agreed``: a decision in prose, weaker than RESOLVED."""


_DECISION = re.compile(
    r"^(?P<word>(?:and\s+)?(?:further\s+)?resolved|it\s+was\s+(?:therefore\s+|further\s+)?"
    r"(?:resolved|agreed)|decision(?:\s+made)?|(?:and\s+)?agreed|be\s+it\s+(?:further\s+)?resolved|"
    r"(?:the\s+)?(?:council|committee|board|cabinet|panel|sub-committee|members)\s+(?:therefore\s+|"
    r"unanimously\s+)?resolved|council\s+resolution)"
    r"(?P<how>\s*\([^)]{1,40}\))?(?P<sep>\s*[:–—-]\s*|\s+|,\s*|$)(?P<rest>.*)$",
    re.I,
)


def decision_start(text: str) -> Decision | None:
    m = _DECISION.match(text.strip())
    if not m:
        return None
    word, rest = m.group("word"), m.group("rest").strip()
    sep = m.group("sep")
    lowered = word.lower()
    bare = lowered.startswith(("decision", "agreed")) and ":" not in sep and not m.group("how")
    if lowered.startswith("council resolution") and ":" not in sep and rest:
        return None
    if bare and (lowered.startswith("decision") or not re.match(r"(?i)that\b", rest)):
        return None
    if lowered.startswith("it was") and not re.match(r"(?i)(that\b|to\b|:|$)", rest):
        return None
    how = (m.group("how") or "").strip().strip("()")
    return Decision(
        word=re.sub(r"\s+", " ", word), rest=rest, how=how,
        agreed=lowered.startswith("it was") and "agreed" in lowered,
    )


# ------------------------------------------------------------------ labels


@dataclass(frozen=True, slots=True)
class Label:
    text: str
    """As printed: ``(a)``, ``1)``, ``2.``, ``(ii)``, ``R2025-191``."""
    family: str
    """``letter``, ``number``, ``roman`` or ``ref``."""
    value: int


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
          "x": 10, "xi": 11, "xii": 12}
_LABEL = re.compile(
    r"^\s*(?P<label>\((?P<a>[a-z]{1,4}|\d{1,2})\)|(?P<b>[a-z]{1,4}|\d{1,2})[.)])(?:\s+|$)(?P<rest>.*)$"
)
_REF = re.compile(r"^\s*(?:Resolution\s+(?:No\.?\s*)?)?(?P<label>R\d{2,4}[-/]\d{1,4})\b[:.\s–-]*(?P<rest>.*)$")


def label_of(text: str, *, after: Label | None = None) -> tuple[Label, str] | None:
    """The resolution label that opens ``text`` and the words after it."""
    ref = _REF.match(text)
    if ref:
        return Label(ref.group("label"), "ref", 0), ref.group("rest").strip()
    m = _LABEL.match(text)
    if not m:
        return None
    core = m.group("a") or m.group("b")
    family, value = _family(core, after)
    if family == "":
        return None
    return Label(m.group("label"), family, value), m.group("rest").strip()


def _family(core: str, after: Label | None) -> tuple[str, int]:
    if core.isdigit():
        return "number", int(core)
    lowered = core.lower()
    letter = ord(lowered) - 96 if len(lowered) == 1 else 0
    roman = _ROMAN.get(lowered, 0)
    if letter and roman:
        if after is not None and after.family == "letter" and after.value + 1 == letter:
            return "letter", letter
        if (after is not None and after.family == "roman") or lowered == "i":
            return "roman", roman
        return "letter", letter
    if letter:
        return "letter", letter
    if roman:
        return "roman", roman
    return "", 0


def split_run_on(text: str, first: Label) -> list[tuple[Label, str]]:
    """``(a) To note. (b) To agree.`` on one line -> one entry per label in sequence."""
    out: list[tuple[Label, str]] = []
    current, rest = first, text
    while True:
        nxt = _successor_text(current)
        m = re.search(rf"(?:(?<=\s)|^){re.escape(nxt)}\s+(?=\S)", rest) if nxt else None
        if not m or m.start() == 0:
            out.append((current, rest.strip()))
            return out
        out.append((current, rest[: m.start()].strip()))
        current = Label(nxt, current.family, current.value + 1)
        rest = rest[m.end():]


def _successor_text(label: Label) -> str:
    value = label.value + 1
    if label.family == "number":
        core = str(value)
    elif label.family == "letter" and value <= 26:
        core = chr(96 + value)
    elif label.family == "roman":
        core = next((k for k, v in _ROMAN.items() if v == value), "")
    else:
        return ""
    if not core:
        return ""
    if label.text.startswith("("):
        return f"({core})"
    return core + label.text[-1]


# ------------------------------------------------------------------ motions

_MOVED_BY = re.compile(
    rf"^(?:(?P<amend>(?i:an?\s+(?:further\s+)?amendment|the\s+following\s+(?:motion|amendment)))\s+(?i:was)\s+)?"
    rf"(?i:(?:it\s+was\s+)?moved\s+by)\s+(?P<mover>{PERSON})\s*(?:,\s*|\s+(?i:and)\s+)(?i:(?:was\s+)?seconded\s+by)\s+"
    rf"(?P<seconder>{PERSON})\s*[,:;.]?\s*(?P<text>.*)$"
)
_X_MOVED = re.compile(
    rf"^(?P<mover>{PERSON})\s+(?i:moved)(?P<amend>\s+(?i:an?\s+amendment))?(?:\s+(?i:the)\s+\w+)?\s*,?\s*"
    rf"(?:(?i:and)\s+|(?i:seconded\s+by)\s+)(?P<seconder>{PERSON})(?:\s+(?i:seconded))?\s*,?\s*(?P<text>.*)$"
)
_MOVER_LINE = re.compile(
    rf"^(?i:moved|mover|proposed|proposer)(?:\s+(?i:by))?\s*[:–-]?\s*(?P<mover>{PERSON})\s*"
    rf"(?:[,;]?\s*(?i:seconded|seconder)(?:\s+(?i:by))?\s*[:–-]?\s*(?P<seconder>{PERSON}))?"
    r"(?:\s*,?\s*(?:and\s+)?(?P<outcome>(?i:resolved|agreed|carried)))?\s*[:.,;]?"
    r"(?:\s+(?P<text>(?i:that|to|be\s+it)\b.*|[\"“].*|[A-Z][a-z].*))?\s*$"
)
_SECONDER_LINE = re.compile(
    rf"^(?i:seconded|seconder)(?:\s+(?i:by))?\s*[:–-]?\s*(?P<seconder>{PERSON})\s*"
    r"(?:[,.:;]?\s*(?P<text>(?i:that|to|be\s+it)\b.*|[\"“].*))?$")
_X_PROPOSED = re.compile(
    rf"^(?P<mover>{PERSON})\s+(?i:proposed|moved)\s+(?P<text>.+?)\s*[–—-]\s*(?P<seconder>{PERSON})\s+"
    r"(?i:seconded)(?:\s+this)?\.?(?:\s+.*)?$"
)
_MOVED_SECONDED = re.compile(r"^(?i:it\s+was\s+moved\s+and\s+seconded)\s+(?P<text>(?i:that|to)\b.*)$")
_IN_SENTENCE = re.compile(
    rf"\b(?i:(?:it\s+was\s+)?(?:moved|proposed)\s+by)\s+(?P<mover>{PERSON})\s*,?\s*(?i:(?:and\s+)?seconded\s+by)"
    rf"\s+(?P<seconder>{PERSON})"
)
_X_AND_Y = re.compile(
    rf"^(?P<mover>{PERSON})\s+(?i:moved)\s+(?i:and)\s+(?P<seconder>{PERSON})\s+(?i:seconded)\s+(?P<text>.*)$"
)
_PROCEDURAL = re.compile(
    r"extend|order of business|closed session|exclude the (?:press|public)|adjourn|"
    r"standing order|next business|guillotine",
    re.I,
)


def motion_start(text: str) -> Motion | None:
    """A motion or amendment with its mover and seconder, or ``None``."""
    unnamed = _MOVED_SECONDED.match(text.strip())
    if unnamed:
        return Motion(text=unnamed.group("text"))
    for pattern in (_MOVED_BY, _X_AND_Y, _X_MOVED, _MOVER_LINE, _X_PROPOSED):
        m = pattern.match(text.strip())
        if m:
            break
    else:
        m = _IN_SENTENCE.search(text.strip())
        if m is None:
            return None
        said = re.search(r"\b(?:and\s+)?(?:it\s+was\s+)?(?P<w>RESOLVED|[Rr]esolved|AGREED|[Aa]greed)\b\s*:?\s*(?P<res>.*)$",
                         text.strip()[m.end():])
        if said and said.group("res"):
            return Motion(text=said.group("res"), mover=_name(m.group("mover")),
                          seconder=_name(m.group("seconder")), outcome=MotionOutcome.CARRIED)
        return Motion(text=text.strip(), mover=_name(m.group("mover")), seconder=_name(m.group("seconder")))

    groups = m.groupdict()
    body = (groups.get("text") or "").strip()
    body = re.sub(r"^(?:that\s*:|:)\s*", "", body, flags=re.I) if body.lower().startswith(":") else body
    kind = MotionKind.AMENDMENT if groups.get("amend") and "amendment" in groups["amend"].lower() else MotionKind.MOTION
    if kind is MotionKind.MOTION and _PROCEDURAL.search(body):
        kind = MotionKind.PROCEDURAL
    said = (groups.get("outcome") or "").lower()
    return Motion(
        kind=kind,
        text=body,
        mover=_name(groups["mover"]),
        seconder=_name(groups.get("seconder") or ""),
        outcome=MotionOutcome.CARRIED if said else MotionOutcome.NOT_VOTED,
    )


def motion_inside(text: str) -> int:
    """Where a motion starts after other sentences on one line ("… Fox. Proposed by …"), or 0."""
    m = re.search(r"(?<=[.!?])\s+(?=(?:It\s+was\s+)?(?:Proposed|Moved|proposed|moved)\s+by\b)", text)
    return m.end() if m else 0


def reference_in(title: str) -> str:
    """``Resolution 2025-123 - Water Rates`` (a heading) -> ``2025-123``."""
    m = re.search(r"(?i)\bresolution\s+(?:no\.?\s*)?([A-Z]{0,3}\d[\w./-]*\d)", title)
    return m.group(1) if m else ""

_REFERENCE = re.compile(
    r"^(?:(?:council\s+)?resolution|motion|by-?law)\s+(?:no\.?\s*|number\s+)?(?P<ref>[A-Z]{0,3}[\d][\w./]*"
    r"(?:\s*-\s*\d+)?)\b\s*[:.–-]?\s*(?P<rest>.*)$|^(?P<bare>\d{2,4}-\d{2,4})\s*(?P<after>(?:moved|proposed)\b.*)?$",
    re.I,
)


def reference_of(text: str) -> tuple[str, str] | None:
    """``Resolution 2020/21``, ``Motion No. C120627 -2``, ``98-430 Moved by …`` -> (reference, rest)."""
    m = _REFERENCE.match(text.strip())
    if not m:
        return None
    if m.group("bare"):
        return m.group("bare"), (m.group("after") or "").strip()
    rest = m.group("rest").strip()
    if rest and not re.match(r"(?i)(?:moved|proposed|seconded|that|be\s+it)\b", rest):
        return None
    return " ".join(m.group("ref").split()), rest


def seconder_of(text: str) -> tuple[str, str] | None:
    """``Seconded by Councillor X`` (and any motion text after it) -> (seconder, text)."""
    m = _SECONDER_LINE.match(text.strip())
    return (_name(m.group("seconder")), (m.group("text") or "").strip()) if m else None


def _name(text: str) -> str:
    return text.strip().rstrip(".,;")


# ------------------------------------------------------------------ outcomes and votes

_OUTCOME = re.compile(
    r"^(?P<lead>(?:up)?on\s+(?:being\s+)?put\s+to\s+(?:the\s+|a\s+)?(?:vote|meeting)|"
    r"(?:up)?on\s+a\s+(?:recorded\s+)?vote|following\s+a\s+vote|when\s+put\s+to\s+the\s+vote|"
    r"disposition\s*:|the\s+vote\s+was\s+taken\s+and)?"
    r"[\s,]*(?:it\s+was\s+)?(?:the\s+)?(?P<what>substantive\s+motion|motion|amendment|recommendations?|"
    r"proposal)?\s*(?:was\s+|were\s+)?(?:declared\s+)?(?P<how>unanimously\s+)?"
    r"(?P<out>not\s+carried|carried|lost|defeated|withdrawn|passed|failed|fell|deferred|agreed)\b(?P<rest>.*)$",
    re.I,
)
_OUTCOMES = {
    "carried": MotionOutcome.CARRIED, "passed": MotionOutcome.CARRIED,
    "agreed": MotionOutcome.CARRIED, "lost": MotionOutcome.LOST,
    "defeated": MotionOutcome.LOST, "failed": MotionOutcome.LOST, "fell": MotionOutcome.LOST,
    "withdrawn": MotionOutcome.WITHDRAWN, "deferred": MotionOutcome.DEFERRED,
    "not carried": MotionOutcome.LOST,
}


@dataclass(frozen=True, slots=True)
class Outcome:
    outcome: MotionOutcome
    what: str
    vote: Vote | None
    substantive: bool
    word: str


def outcome_of(text: str) -> Outcome | None:
    """``Carried.``, ``Motion passed (6 to 0)``, ``the amendment was lost`` …"""
    m = _OUTCOME.match(text.strip())
    if not m:
        return None
    lead, what, rest = m.group("lead"), (m.group("what") or "").lower(), m.group("rest")
    if m.group("how"):
        rest = f"{m.group('how')} {rest}"
    if not lead and not what and len(text.strip()) > 70:
        return None
    if not lead and not what and m.group("out").lower() == "agreed":
        return None
    if len(re.findall(r"[.!?](?:\s|$)", rest)) > 1:
        return None
    word = text.strip()[m.start("what") if what else m.start("out"): m.end("out")]
    return Outcome(
        outcome=_OUTCOMES[" ".join(m.group("out").lower().split())],
        what="amendment" if "amendment" in what else what,
        vote=vote_from(rest),
        substantive="substantive" in rest.lower(),
        word=word,
    )


_COUNT = {
    "for": re.compile(r"(\d+)\s+(?:votes?\s+)?(?:for|in favour)\b|\b(?:for|in favour)\s*[:=]?\s*(\d+)", re.I),
    "against": re.compile(r"(\d+)\s+(?:votes?\s+)?against\b|\bagainst\s*[:=]?\s*(\d+)", re.I),
    "abstain": re.compile(r"(\d+)\s+abstentions?\b|(\d+)\s+abstained\b|\babstentions?\s*[:=]?\s*(\d+)|"
                          r"\babstain(?:ed|ing)?\s*[:=]?\s*(\d+)", re.I),
}
_TO = re.compile(r"\((\d+)\s*(?:to|-|–)\s*(\d+)(?:\s*(?:-|–)\s*(\d+))?\)")


def vote_from(text: str) -> Vote | None:
    """Counts, unanimity, a threshold or a casting vote written in prose."""
    counts: dict[str, int | None] = {}
    for key, pattern in _COUNT.items():
        m = pattern.search(text)
        counts[key] = int(next(g for g in m.groups() if g)) if m else None
    m = _TO.search(text)
    if m and counts["for"] is None and counts["against"] is None:
        counts["for"], counts["against"] = int(m.group(1)), int(m.group(2))
        if m.group(3):
            counts["abstain"] = int(m.group(3))
    unanimous = bool(re.search(r"\bunanimous(?:ly)?\b|\bnem\.?\s*con\b", text, re.I))
    threshold = re.search(r"(\d{1,3}\s*%|two[- ]thirds)\s+(?:majority|threshold)", text, re.I)
    casting = re.search(rf"casting vote(?:\s+of\s+(?:the\s+)?(?P<a>{PERSON}))?|(?P<b>{PERSON})\s+(?:used|gave|using)\s+(?:his|her|their|a)\s+casting vote", text)
    recorded = bool(re.search(r"\brecorded vote\b", text, re.I))
    if not (any(v is not None for v in counts.values()) or unanimous or threshold or casting or recorded):
        return None
    who = ""
    if casting:
        who = _name(casting.group("a") or casting.group("b") or "Chair")
    return Vote(
        for_count=counts["for"], against_count=counts["against"], abstain_count=counts["abstain"],
        unanimous=unanimous, threshold=threshold.group(1).replace(" ", "") if threshold else "",
        casting_vote=who, recorded=recorded,
    )


_NAMED = re.compile(
    r"^(?:(?:those\s+)?(?:voting|voted|vote)\s+)?(?P<side>for|in\s+favou?r|against|yeas?|ayes?|nays?|noes|"
    r"abstain(?:ed|ing|tions?)?|absent|did\s+not\s+vote)"
    r"\s*(?:\((?P<n>\d+)\))?\s*[:–-]\s*(?P<names>.*)$",
    re.I,
)
_REQUEST = re.compile(rf"(?i:recorded vote was (?:requested|called for|demanded) by) (?P<who>{PERSON})")


def named_vote(text: str, vote: Vote | None) -> Vote | None:
    """Add a ``For: Councillors A, B`` line (or a recorded-vote request) to ``vote``."""
    vote = vote or Vote()
    request = _REQUEST.search(text)
    if request:
        return replace(vote, recorded=True, requested_by=_name(request.group("who")))
    m = _NAMED.match(text.strip())
    if not m:
        return None
    names_text = m.group("names").strip()
    tally = re.search(r"\(\s*(\d+)\s*\)\s*\.?$", names_text)
    if tally:
        names_text = names_text[: tally.start()].strip()
    names = () if re.fullmatch(r"(?i)(?:none|nil|-|)\.?", names_text) else tuple(split_names(names_text))
    count = int(m.group("n") or (tally.group(1) if tally else 0)) or len(names)
    side = m.group("side").lower()
    if side.startswith(("nay", "noe")):
        side = "against"
    if side.startswith(("for", "in", "yea", "aye")):
        return replace(vote, for_names=names, for_count=count, recorded=True)
    if side.startswith("against"):
        return replace(vote, against_names=names, against_count=count, recorded=True)
    if side.startswith("abst"):
        return replace(vote, abstain_names=names, abstain_count=count, recorded=True)
    return replace(vote, absent_names=names, recorded=True)
