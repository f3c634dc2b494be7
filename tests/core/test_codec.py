"""YAML on disk: round trip, byte stability, and every YAML trap refused or kept as text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workflow.errors import InvalidRecord, YamlError
from workflow.record import codec
from workflow.record.model import (
    AttendanceState,
    Attendee,
    BulletList,
    Exemption,
    Item,
    ItemKind,
    Meeting,
    Paragraph,
    Resolution,
    Role,
    Withheld,
)

SENTINEL = "SENTINEL-EXEMPT-7f3a"


def _meeting(**over: object) -> Meeting:
    base = Meeting(
        id="scrutiny-board/2027-01-14",
        committee="scrutiny-board",
        committee_name="Scrutiny Board",
        date=dt.date(2027, 1, 14),
        start=dt.time(14, 0),
        closed=dt.time(15, 40),
        attendance=(
            Attendee(person="cllr-a", role=Role.CHAIR, state=AttendanceState.PRESENT),
            Attendee(person="cllr-b", substitute_for="cllr-c", state=AttendanceState.PRESENT),
        ),
        items=(
            Item(uid="declarations", agenda_number="41", minute_number="41",
                 kind=ItemKind.DECLARATIONS, title="Declarations of Interests",
                 body=(Paragraph(text="There were no declarations of interest."),)),
            Item(uid="i1", agenda_number="42", minute_number="42", title="Children's Services",
                 body=(Paragraph(text="The Board considered a briefing note."),
                       BulletList(bullets=("Recruitment", "no")),
                       Paragraph(text=f"Exempt detail {SENTINEL}", exemption=Exemption(paragraph=3))),
                 resolutions=(Resolution(label="(a)", text="To note the report."),)),
            Item(uid="i2", agenda_number="43", minute_number="43", title=f"Contract {SENTINEL}",
                 public_title="Contract award", exemption=Exemption(paragraph=3),
                 body=(Paragraph(text=f"Discussion {SENTINEL}"),)),
        ),
    )
    return Meeting(**{**{f: getattr(base, f) for f in base.__dataclass_fields__}, **over})  # type: ignore[arg-type]


def test_round_trip_and_exempt_stored_apart() -> None:
    meeting = _meeting()
    public, exempt = codec.encode_meeting(meeting)
    assert SENTINEL not in public
    assert exempt is not None
    assert SENTINEL in exempt
    assert codec.decode_meeting(public, exempt) == meeting


def test_public_decode_is_redacted() -> None:
    public, _ = codec.encode_meeting(_meeting())
    view = codec.decode_meeting(public)
    assert view.is_redacted
    assert view.items[2].withheld
    assert view.items[2].public_title == "Contract award"
    assert view.items[1].body[2] == Withheld(withheld="exempt", paragraph=3)  # type: ignore[arg-type]


def test_encode_is_byte_stable() -> None:
    first = codec.encode_meeting(_meeting())
    again = codec.encode_meeting(codec.decode_meeting(*first))
    assert first == again


def test_no_exempt_file_without_exempt_content() -> None:
    meeting = _meeting(items=_meeting().items[:1])
    assert codec.encode_meeting(meeting)[1] is None


text = st.text(st.characters(min_codepoint=0x09, max_codepoint=0x2FFF, blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\t"), max_size=40)


@given(title=text, para=text, bullets=st.lists(text, max_size=4), label=text)
def test_round_trip_any_text(title: str, para: str, bullets: list[str], label: str) -> None:
    meeting = _meeting(items=(Item(uid="x", title=title, body=(Paragraph(text=para), BulletList(bullets=tuple(bullets))),
                                   resolutions=(Resolution(label=label, text=para),)),))
    public, exempt = codec.encode_meeting(meeting)
    assert codec.decode_meeting(public, exempt) == meeting
    assert codec.encode_meeting(codec.decode_meeting(public, exempt)) == (public, exempt)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("start: 14:00\n", "14:00"),      # no sexagesimal numbers
        ("start: 1:30:00\n", "1:30:00"),
        ("x: no\n", "no"),                # no booleans from prose
        ("x: Yes\n", "Yes"),
        ("x: off\n", "off"),
        ("x: 2026-01-14\n", "2026-01-14"),  # dates stay text until decoded
        ("x: 1.5\n", "1.5"),
        ("x: 1e3\n", "1e3"),
        ("x: 0o14\n", "0o14"),
        ("x: .inf\n", ".inf"),
    ],
)
def test_yaml_traps_stay_text(source: str, expected: str) -> None:
    assert list(codec.load_yaml(source).values()) == [expected]


def test_plain_integers_and_true_false_are_typed() -> None:
    assert codec.load_yaml("a: 12\nb: true\nc: false\nd: ~\n") == {"a": 12, "b": True, "c": False, "d": None}


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("a: 1\na: 2\n", "line 2: the key 'a' appears twice"),
        ("a: &x [1]\nb: *x\n", "anchors and aliases"),
        ("a: !!python/object:os.system x\n", "is not allowed"),
        ("a: !!timestamp 2020-01-01\n", "'!!timestamp' is not allowed"),
        ("- 1\n- 2\n", "not a single value"),
        ("a: [\n", "line 2"),
        ("", "is empty"),
        ("a: b\n  c: d\n", "line 2"),
    ],
)
def test_yaml_errors_are_one_sentence(source: str, words: str) -> None:
    with pytest.raises(YamlError) as caught:
        codec.load_yaml(source, where="meeting.yaml")
    assert words in caught.value.message
    assert caught.value.message.startswith("meeting.yaml")
    assert "\n" not in caught.value.message


def test_billion_laughs_is_refused_quickly() -> None:
    bomb = 'a: &a ["lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n'
    with pytest.raises(YamlError, match="aliases"):
        codec.load_yaml(bomb)


def test_not_utf8_is_named() -> None:
    with pytest.raises(YamlError, match="not UTF-8"):
        codec.load_yaml(b"title: caf\xe9\n", where="x.yaml")


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("date", "2026-02-30", "'2026-02-30' is not a real date"),
        ("start", "25:00", "'25:00' is not a time"),
        ("status", "done", "is not one of"),
    ],
)
def test_decode_names_the_field(field: str, value: str, words: str) -> None:
    data = codec.encode(_meeting())
    data[field] = value
    with pytest.raises(InvalidRecord) as caught:
        codec.decode(Meeting, data, where="meeting.yaml")
    assert caught.value.errors[0].path == field
    assert words in caught.value.errors[0].message


def test_unknown_field_is_named() -> None:
    data = codec.encode(_meeting())
    data["items"][1]["titel"] = "x"
    with pytest.raises(InvalidRecord) as caught:
        codec.decode(Meeting, data)
    assert caught.value.errors[0].path == "items[1].titel"
