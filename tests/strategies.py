"""Hypothesis strategies for minutebook records, shared by every test folder.

``meetings()`` builds valid :class:`~workflow.record.model.Meeting` objects (they pass the
schema with no errors); ``meetings(exempt=True, sentinel="…")`` guarantees exempt
business whose private text contains the sentinel, and the sentinel never appears in
anything a public document may show. Public text is drawn from lower-case words (plus
YAML's trap words such as ``no`` and ``14:00``), so an upper-case sentinel cannot be
formed by accident. ``unsafe_texts()`` adds the control characters Word cannot hold.
"""

from __future__ import annotations

import datetime as dt
import functools
import string

from hypothesis import strategies as st

from workflow.record.model import (
    Action,
    ActionKind,
    Agenda,
    AttendanceState,
    Attendee,
    BulletList,
    CallIn,
    Committee,
    Contact,
    DecisionRecord,
    Declaration,
    Document,
    Exemption,
    ExemptionBasis,
    InterestType,
    Item,
    ItemKind,
    KeyDecision,
    LicensingHearing,
    Meeting,
    MeetingKind,
    Membership,
    Motion,
    MotionKind,
    MotionOutcome,
    Movement,
    Paragraph,
    Party,
    Person,
    PersonKind,
    PlanningApplication,
    Report,
    Resolution,
    Role,
    Speaker,
    Status,
    Urgency,
    Vote,
)

__all__ = [
    "DEFAULT_SENTINEL",
    "committees",
    "dates",
    "exemptions",
    "items",
    "meetings",
    "people_registers",
    "persons",
    "slugs",
    "texts",
    "times",
    "unsafe_texts",
]

DEFAULT_SENTINEL = "ZQXSECRETZQX"
"""Upper-case, so no public text (lower-case words) can contain it."""

TRAP_WORDS = ("no", "yes", "on", "off", "null", "~", "true", "14:00", "1.5", "2026-01-14", "0x1f")
CONTROL_CHARACTERS = "\x00\x01\x08\x0b\x0c\x0e\x1f\ufffe\uffff"

WORDS = (
    "board", "members", "report", "noted", "the", "council", "care", "leavers", "social",
    "workers", "agreed", "briefing", "note", "that", "progress", "be", "young", "carers",
    "café", "œuvre", "members’", "adoption", "agency", "a", "of", "and", "update", "city",
)
_word = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(TRAP_WORDS),
    st.text(string.ascii_lowercase + "éœ’", min_size=1, max_size=6),
)


@functools.cache
def texts(*, min_words: int = 1, max_words: int = 8, lines: bool = False) -> st.SearchStrategy[str]:
    """Public prose: lower-case words, sometimes YAML trap words, at least one letter."""
    separator = st.sampled_from([" ", " ", " ", "\n"]) if lines else st.just(" ")
    words = st.lists(st.tuples(_word, separator), min_size=min_words, max_size=max_words)
    return words.map(lambda pairs: "".join(w + s for w, s in pairs).strip()).filter(
        lambda t: any(c.isalpha() for c in t)
    )


@functools.cache
def optional_text() -> st.SearchStrategy[str]:
    return st.one_of(st.just(""), texts(max_words=4))


def unsafe_texts() -> st.SearchStrategy[str]:
    """Text with at least one control character that Word cannot hold."""
    return st.tuples(texts(max_words=3), st.sampled_from(CONTROL_CHARACTERS), texts(max_words=3)).map(
        lambda parts: parts[0] + parts[1] + parts[2]
    )


_SLUG_PARTS = ("cllr", "board", "scrutiny", "planning", "m", "mutton", "s", "bains", "r2", "kaur", "x1")
slugs = st.lists(st.sampled_from(_SLUG_PARTS), min_size=1, max_size=3).map("-".join)
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))
times = st.builds(dt.time, st.integers(0, 23), st.integers(0, 59))
counts = st.one_of(st.none(), st.integers(0, 60))
emails = st.one_of(
    st.just(""),
    st.builds(
        "{}.{}@{}.gov.uk".format,
        st.sampled_from(WORDS[:8]),
        st.sampled_from(WORDS[8:16]),
        st.sampled_from(["coventry", "example"]),
    ),
)
minute_refs = st.one_of(
    st.just(""),
    st.builds(lambda n, y: f"{n}/{y:02d}", st.integers(1, 400), st.integers(0, 99)),
    st.builds(lambda n, y: f"PLA{n}/{y:02d}", st.integers(1, 400), st.integers(0, 99)),
)
meeting_ids = st.builds(lambda s, d: f"{s}/{d.isoformat()}", slugs, dates)


@functools.cache
def exemptions(*, paragraphs: range = range(1, 8)) -> st.SearchStrategy[Exemption]:
    """Exempt with a Schedule 12A paragraph, or confidential / licensing with none."""
    exempt = st.builds(
        Exemption,
        basis=st.just(ExemptionBasis.EXEMPT),
        paragraph=st.sampled_from(list(paragraphs)),
        public_interest=optional_text(),
        release=optional_text(),
        release_on=st.none() | dates,
    )
    other = st.builds(
        Exemption,
        basis=st.sampled_from([ExemptionBasis.CONFIDENTIAL, ExemptionBasis.LICENSING_HEARING]),
        public_interest=optional_text(),
    )
    return st.one_of(exempt, other)


@st.composite
def _resolutions(draw: st.DrawFn, depth: int = 0) -> tuple[Resolution, ...]:
    out = []
    for index in range(draw(st.integers(0, 3 if depth == 0 else 2))):
        children = draw(_resolutions(depth + 1)) if depth < 1 and draw(st.booleans()) else ()
        text = draw(texts()) if not children or draw(st.booleans()) else ""
        out.append(Resolution(label=f"({string.ascii_lowercase[index]})", text=text, children=children))
    return tuple(out)


@functools.cache
def _votes() -> st.SearchStrategy[Vote]:
    names = st.lists(slugs, max_size=3).map(tuple)
    return st.builds(
        Vote,
        for_count=counts,
        against_count=counts,
        abstain_count=counts,
        for_names=names,
        against_names=names,
        recorded=st.booleans(),
        unanimous=st.booleans(),
        threshold=st.sampled_from(["", "75%"]),
    )


@functools.cache
def _motions() -> st.SearchStrategy[Motion]:
    return st.builds(
        Motion,
        kind=st.sampled_from(MotionKind),
        text=optional_text(),
        mover=st.one_of(st.just(""), slugs),
        seconder=st.one_of(st.just(""), slugs),
        outcome=st.sampled_from(MotionOutcome),
        substantive=st.booleans(),
        vote=st.none() | _votes(),
    )


@st.composite
def _declarations(draw: st.DrawFn) -> Declaration:
    left_at = draw(st.none() | times)
    returned_at = None
    if left_at is not None and draw(st.booleans()):
        returned_at = draw(st.builds(dt.time, st.integers(left_at.hour, 23), st.integers(0, 59)))
        returned_at = max(returned_at, left_at)
    return Declaration(
        member=draw(slugs),
        interest=draw(st.sampled_from(InterestType)),
        nature=draw(optional_text()),
        left_room=left_at is not None,
        left_at=left_at,
        returned_at=returned_at,
    )


@functools.cache
def _actions() -> st.SearchStrategy[Action]:
    return st.builds(
        Action,
        text=texts(),
        kind=st.sampled_from(ActionKind),
        owner=optional_text(),
        due=st.none() | dates,
        done=st.booleans(),
        origin=minute_refs,
    )


@functools.cache
def _type_specific(kind: ItemKind) -> st.SearchStrategy[dict[str, object]]:
    if kind is ItemKind.PLANNING_APPLICATION:
        planning = st.builds(
            PlanningApplication,
            reference=st.builds("PL/20{:02d}/0{:03d}/FUL".format, st.integers(0, 99), st.integers(0, 999)),
            site=optional_text(),
            speakers=st.lists(
                st.builds(Speaker, name=texts(max_words=2), capacity=optional_text()), max_size=2
            ).map(tuple),
            conditions=st.lists(texts(), max_size=2).map(tuple),
        )
        return st.fixed_dictionaries({"planning": planning})
    if kind is ItemKind.LICENSING_HEARING:
        hearing = st.builds(
            LicensingHearing,
            application=texts(max_words=3),
            parties=st.lists(
                st.builds(Party, name=texts(max_words=2), capacity=optional_text()), max_size=2
            ).map(tuple),
            decision=optional_text(),
        )
        return st.fixed_dictionaries({"licensing": hearing})
    record = st.builds(
        DecisionRecord,
        decision=texts(),
        alternatives=st.lists(texts(), max_size=2).map(tuple),
        decided_on=st.none() | dates,
        call_in=st.builds(CallIn, deadline=st.none() | dates, urgent_reason=optional_text()),
    )
    key = st.builds(KeyDecision, forward_plan_ref=optional_text(), notice_on=st.none() | dates)
    return st.fixed_dictionaries({}, optional={"decision_record": record, "key_decision": key})


_REPORTS = st.none() | st.builds(
    Report, kind=st.sampled_from(["Report", "Briefing Note"]), author=optional_text()
)
_DOCUMENTS = st.lists(
    st.builds(
        Document,
        title=texts(max_words=3),
        size=st.sampled_from(["", "PDF 61 KB"]),
        exemption=st.none() | exemptions(),
    ),
    max_size=2,
)
_URGENCIES = st.none() | st.builds(Urgency, reason=texts(), agreed_by=optional_text())


@st.composite
def items(
    draw: st.DrawFn,
    *,
    uid: str,
    agenda_number: str = "",
    minute_number: str = "",
    exempt: bool = False,
    sentinel: str | None = None,
    allow_aob: bool = True,
) -> Item:
    """One valid item; an exempt one carries ``sentinel`` in its private text."""
    kinds = [k for k in ItemKind if allow_aob or k is not ItemKind.ANY_OTHER_BUSINESS]
    kind = draw(st.sampled_from(kinds))
    secret = f" {sentinel} " if sentinel else " "
    private = (lambda s: draw(texts(max_words=3)) + s + draw(texts(max_words=3))) if exempt else None
    body: list[Paragraph | BulletList] = []
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.booleans()):
            body.append(Paragraph(text=private(secret) if private else draw(texts(max_words=12, lines=True))))
        else:
            body.append(BulletList(bullets=tuple(draw(st.lists(texts(), min_size=1, max_size=3)))))
    if not exempt and sentinel and draw(st.booleans()):
        body.append(Paragraph(text=draw(texts()) + secret + "minute", exemption=draw(exemptions())))
    resolutions = draw(_resolutions())
    if exempt and sentinel:
        resolutions = (*resolutions, Resolution(label="(z)", text=f"agreed{secret}terms"))
    return Item(
        uid=uid,
        agenda_number=agenda_number,
        minute_number=minute_number,
        kind=kind,
        title=private(secret) if private else draw(texts(max_words=6)),
        public_title=draw(texts(max_words=4)) if exempt else "",
        report=draw(_REPORTS),
        wording=tuple(draw(st.lists(texts(), max_size=2))),
        documents=tuple(draw(_DOCUMENTS)),
        urgency=draw(_URGENCIES),
        exemption=draw(exemptions()) if exempt else None,
        declarations=tuple(draw(st.lists(_declarations(), max_size=2))),
        body=tuple(body),
        motions=tuple(draw(st.lists(_motions(), max_size=2))),
        resolved_intro=draw(optional_text()),
        resolutions=resolutions,
        actions=tuple(draw(st.lists(_actions(), max_size=2))),
        **draw(_type_specific(kind)),
    )


_MOVEMENTS = st.none() | st.builds(
    Movement, time=st.none() | times, relation=st.sampled_from(["before", "during", "after"])
)


@st.composite
def _attendance(draw: st.DrawFn) -> tuple[Attendee, ...]:
    ids = draw(st.lists(slugs, min_size=0, max_size=6, unique=True))
    people = []
    for person in ids:
        people.append(
            Attendee(
                person=person,
                role=draw(st.sampled_from(Role)),
                state=draw(st.sampled_from(AttendanceState)),
                directorate=draw(optional_text()),
                arrived=draw(_MOVEMENTS),
            )
        )
    away_states = (AttendanceState.APOLOGIES, AttendanceState.ABSENT)
    away = [a.person for a in people if a.role is Role.MEMBER and a.state in away_states]
    if away and draw(st.booleans()):
        substitute = Attendee(
            name=draw(texts(max_words=2)),
            state=AttendanceState.PRESENT,
            substitute_for=draw(st.sampled_from(away)),
        )
        people.append(substitute)
    return tuple(people)


_CONTACTS = st.builds(
    Contact, name=optional_text(), phone=st.sampled_from(["", "024 7683 3111"]), email=emails
)
_AGENDAS = st.builds(Agenda, published_on=st.none() | dates, supplements=st.integers(0, 3))


@st.composite
def meetings(
    draw: st.DrawFn,
    *,
    exempt: bool | None = None,
    sentinel: str | None = DEFAULT_SENTINEL,
    max_items: int = 4,
) -> Meeting:
    """A valid meeting. ``exempt``: None = maybe, True = at least one exempt item, False = none.

    With ``exempt`` not False and a ``sentinel``, exempt items (and exempt minute text in
    public items) contain the sentinel; nothing public does.
    """
    committee = draw(slugs)
    date = draw(dates)
    kind = draw(st.sampled_from(MeetingKind))
    count = draw(st.integers(1 if exempt else 0, max_items))
    private = [False] * count
    if exempt is None:
        private = [draw(st.booleans()) for _ in range(count)]
    elif exempt:
        private = [draw(st.booleans()) for _ in range(count)]
        private[draw(st.integers(0, count - 1))] = True
    first = draw(st.integers(1, 300))
    numbered = draw(st.booleans())
    built = tuple(
        draw(
            items(
                uid=f"i{index + 1}",
                agenda_number=str(index + 1),
                minute_number=str(first + index) if numbered else "",
                exempt=private[index],
                sentinel=sentinel if exempt is not False else None,
                allow_aob=kind is not MeetingKind.SPECIAL,
            )
        )
        for index in range(count)
    )
    start = draw(st.none() | times)
    closed = None
    if start is not None and draw(st.booleans()):
        closed = dt.time(draw(st.integers(start.hour, 23)), draw(st.integers(0, 59)))
        closed = max(closed, start)
    return Meeting(
        id=f"{committee}/{date.isoformat()}" + draw(st.sampled_from(["", "", "-2"])),
        committee=committee,
        committee_name=draw(optional_text()),
        council=draw(optional_text()),
        kind=kind,
        status=draw(st.sampled_from(Status)),
        date=date,
        start=start,
        closed=closed,
        venue=draw(optional_text()),
        contact=draw(_CONTACTS),
        template=draw(st.sampled_from(["", "scrutiny-board", "planning-committee"])),
        attendance=draw(_attendance()),
        items=built,
        agenda=draw(_AGENDAS),
        notes=tuple(draw(st.lists(texts(), max_size=2))),
    )


def persons(id: st.SearchStrategy[str] = slugs) -> st.SearchStrategy[Person]:
    return st.builds(
        Person,
        id=id,
        name=texts(max_words=3),
        title=st.sampled_from(["", "Councillor", "Dr"]),
        kind=st.sampled_from(PersonKind),
        directorate=optional_text(),
        email=emails,
    )


@st.composite
def people_registers(draw: st.DrawFn, max_size: int = 6) -> tuple[Person, ...]:
    """People with distinct ids."""
    ids = draw(st.lists(slugs, max_size=max_size, unique=True))
    return tuple(draw(persons(st.just(i))) for i in ids)


@st.composite
def _memberships(draw: st.DrawFn) -> Membership:
    start = draw(st.none() | dates)
    end = draw(st.none() | dates)
    if start is not None and end is not None and end < start:
        start, end = end, start
    return Membership(person=draw(slugs), role=draw(st.sampled_from(Role)), start=start, end=end)


def committees() -> st.SearchStrategy[Committee]:
    return st.builds(
        Committee,
        slug=slugs,
        name=texts(max_words=5),
        council=optional_text(),
        template=st.sampled_from(["", "scrutiny-board"]),
        contact=st.builds(Contact, name=optional_text(), email=emails),
        quorum=st.none() | st.integers(1, 12),
        remote_counts_for_quorum=st.booleans(),
        membership=st.lists(_memberships(), max_size=4).map(tuple),
    )
