"""The typed fields of the minutes: round trips, labels and bad lines named."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from tests.strategies import _actions, _declarations, _resolutions, times
from workflow.drafting import minutes_fields as mt
from workflow.record.model import (
    Action,
    BulletList,
    Declaration,
    Exemption,
    MotionOutcome,
    Paragraph,
    Resolution,
)
from workflow.record.numbering import relabel


def test_narrative_paragraphs_bullets_and_exempt_text_round_trip() -> None:
    body = (
        Paragraph(text="Members raised:"),
        BulletList(bullets=("safety", "consultation")),
        Paragraph(text="Costs were discussed.", exemption=Exemption(paragraph=3, public_interest="Contracts")),
    )
    text = mt.body_text(body)
    assert text == "Members raised:\n\n- safety\n- consultation\n\n[exempt 3] Costs were discussed."
    assert mt.parse_body("Members raised:\n- safety\n- consultation", ())[0] == body[:2]
    parsed, problems = mt.parse_body(text, body)
    assert parsed == body
    assert problems == []


def test_resolutions_get_the_template_labels_and_sub_resolutions() -> None:
    parsed, problems = mt.parse_resolutions("To note the report.\nTo ask for:\n  a report\n  a visit", "(a)")
    assert problems == []
    assert [r.label for r in parsed] == ["(a)", "(b)"]
    assert [c.label for c in parsed[1].children] == ["(i)", "(ii)"]
    single, _ = mt.parse_resolutions("To note the report.", "1)")
    assert single[0].label == ""


def test_motions_votes_and_outcomes_are_read_and_bad_ones_named() -> None:
    motions, problems = mt.parse_motions("To refer the plan | cllr-a | cllr-b | carried | 5-2-1\nTo defer | | | maybe | lots", ())
    assert motions[0].outcome is MotionOutcome.CARRIED
    assert motions[0].vote is not None
    assert (motions[0].vote.for_count, motions[0].vote.against_count, motions[0].vote.abstain_count) == (5, 2, 1)
    paths = {p.path for p in problems}
    assert paths == {"motions[1].outcome", "motions[1].vote"}
    assert mt.parse_motions(mt.motions_text(motions[:1]), motions[:1])[0] == motions[:1]


def test_actions_keep_details_the_text_does_not_show() -> None:
    old = (Action(text="Send the figures", owner="Head of Service", done=True, origin="3/26"),)
    parsed, problems = mt.parse_actions("Send the figures | Head of Service | 2026-12-01\nVisit | x | soon", old)
    assert parsed[0].done
    assert parsed[0].origin == "3/26"
    assert parsed[0].due == dt.date(2026, 12, 1)
    assert [p.path for p in problems] == ["actions[1].due"]


def test_declarations_need_a_member_and_a_known_interest() -> None:
    parsed, problems = mt.parse_declarations("cllr-a | school governor | other-registrable\n | nature\ncllr-b | x | bribery")
    assert parsed[0].member == "cllr-a"
    assert parsed[0].nature == "school governor"
    assert {p.path for p in problems} == {"declarations[1].member", "declarations[2].interest"}


# ------------------------------------------------------------------ properties


def _unique(key):  # type: ignore[no-untyped-def]
    return lambda parts: len({key(p) for p in parts}) == len(parts)


@given(st.lists(_actions(), max_size=4).map(tuple).filter(_unique(lambda a: a.text)))
def test_actions_read_back_from_their_text(actions: tuple[Action, ...]) -> None:
    parsed, problems = mt.parse_actions(mt.actions_text(actions), actions)
    assert problems == []
    assert parsed == actions


@given(st.lists(_declarations(), max_size=4).map(tuple).filter(_unique(lambda d: d.member)))
def test_declarations_read_back_from_their_text(declarations: tuple[Declaration, ...]) -> None:
    parsed, problems = mt.parse_declarations(mt.declarations_text(declarations), declarations)
    assert problems == []
    assert parsed == declarations


def _all_worded(resolutions: tuple[Resolution, ...]) -> bool:
    return all(r.text.strip() and _all_worded(r.children) for r in resolutions)


@given(_resolutions().filter(_all_worded))
def test_resolutions_read_back_with_the_schemes_labels(resolutions: tuple[Resolution, ...]) -> None:
    parsed, problems = mt.parse_resolutions(mt.resolutions_text(resolutions), "(a)")
    assert problems == []
    assert parsed == relabel(resolutions, "(a)")


@given(st.none() | times)
def test_the_closing_time_reads_back(closed: dt.time | None) -> None:
    assert mt.parse_closed(mt.closed_text(closed)) == (closed, [])
