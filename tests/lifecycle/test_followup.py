"""Outstanding actions carried forward between meetings; minute citations checked."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from workflow.errors import Refused
from workflow.record.model import Action, ActionKind, BulletList, Meeting, Paragraph, Resolution
from workflow.rules.followup import carry_forward, check_minute_refs, cite_minute, open_actions

from .builders import meeting, replace_item, with_actions

D = dt.date
EDUCATION = Action(text="Education outcomes for Y11 looked after children last year",
                   kind=ActionKind.INFORMATION, owner="Deputy Chief Executive (People)")
SCHOOLS = Action(text="Examples of schools who are good with looked after children",
                 kind=ActionKind.INFORMATION)
HOUSING = Action(text="Refer housing allocation priority for foster carers",
                 kind=ActionKind.REFERRAL, owner="Scrutiny Board 4", done=True)


def outstanding(m: Meeting) -> list[tuple[str, str, bool]]:
    return [(a.origin, a.text, a.done) for a in m.item("outstanding").actions]


def first_meeting() -> Meeting:
    return with_actions(meeting(D(2026, 1, 6), first=31), "corporate-parenting",
                        EDUCATION, SCHOOLS, HOUSING)


def test_open_actions_are_carried_forward_with_their_minute() -> None:
    m1 = first_meeting()
    m2 = carry_forward([m1], meeting(D(2026, 2, 3), first=40))
    assert outstanding(m2) == [
        ("33/25", EDUCATION.text, False),
        ("33/25", SCHOOLS.text, False),
    ]
    assert m2.item("outstanding").actions[0].owner == "Deputy Chief Executive (People)"
    assert m2.item("outstanding").actions[0].kind is ActionKind.INFORMATION
    assert [it for it in m2.items if it.uid != "outstanding"] == [
        it for it in meeting(D(2026, 2, 3), first=40).items if it.uid != "outstanding"
    ]


def test_an_action_stays_on_the_list_until_marked_done() -> None:
    m1 = first_meeting()
    m2 = carry_forward([m1], meeting(D(2026, 2, 3), first=40))
    # at meeting 2 the schools examples arrive; the clerk marks that action done
    done = tuple(
        dataclasses.replace(a, done=True, done_on=D(2026, 2, 3)) if a.text == SCHOOLS.text else a
        for a in m2.item("outstanding").actions
    )
    m2 = replace_item(m2, "outstanding", actions=done)
    # and the Board asks for something new under item 3 (minute 42)
    new = Action(text="Circulate the Cabinet report", owner="Scrutiny Co-ordinator")
    m2 = with_actions(m2, "corporate-parenting", new)
    m3 = carry_forward([m1, m2], meeting(D(2026, 3, 3), first=50))
    assert outstanding(m3) == [
        ("33/25", EDUCATION.text, False),
        ("42/25", new.text, False),
    ]
    # meeting 3 marks the education outcomes done; meeting 4 still sees the new one
    m3 = replace_item(m3, "outstanding", actions=tuple(
        dataclasses.replace(a, done=True) if a.text == EDUCATION.text else a
        for a in m3.item("outstanding").actions
    ))
    m4 = carry_forward([m3, m2, m1], meeting(D(2026, 4, 7), first=60))
    assert outstanding(m4) == [("42/25", new.text, False)]


def test_carrying_forward_twice_adds_nothing_and_keeps_the_clerks_changes() -> None:
    m1 = first_meeting()
    m2 = carry_forward([m1], meeting(D(2026, 2, 3), first=40))
    assert carry_forward([m1], m2) == m2
    edited = replace_item(m2, "outstanding", actions=(
        dataclasses.replace(m2.item("outstanding").actions[0], owner="Head of Education"),
        *m2.item("outstanding").actions[1:],
    ))
    assert carry_forward([m1], edited) == edited


def test_the_meeting_itself_and_later_meetings_are_not_sources() -> None:
    m1 = first_meeting()
    assert carry_forward([m1], replace_item(m1, "outstanding")) == m1
    earlier = meeting(D(2025, 12, 9), first=20)
    assert carry_forward([m1], earlier) == earlier


def test_no_outstanding_issues_item_is_refused_only_when_something_is_open() -> None:
    m1 = first_meeting()
    bare = meeting(D(2026, 2, 3), first=40)
    bare = dataclasses.replace(bare, items=tuple(i for i in bare.items if i.uid != "outstanding"))
    with pytest.raises(Refused) as refused:
        carry_forward([m1], bare)
    assert refused.value.message == (
        "2 actions are still open from earlier meetings but scrutiny-board-2/2026-02-03 has "
        "no Outstanding Issues item; add one to carry them forward."
    )
    assert carry_forward([meeting()], bare) == bare


def test_open_actions_reads_origins_from_numbers_and_falls_back_to_the_title() -> None:
    m = replace_item(first_meeting(), "corporate-parenting", minute_number="", agenda_number="")
    origins = {a.origin for a in open_actions([m])}
    assert origins == {"scrutiny-board-2/2026-01-06 'Corporate Parenting Board'"}


def test_cite_minute_uses_the_municipal_year_and_the_format() -> None:
    m = meeting(D(2026, 5, 20), first=1)
    item = m.item("corporate-parenting")
    assert cite_minute(m, item) == "3/26"
    assert cite_minute(meeting(D(2026, 4, 20)), item) == "3/25"
    assert cite_minute(m, item, ref_format="{prefix}{number}/{yyyy}", prefix="SB") == "SB3/2026"
    assert cite_minute(m, dataclasses.replace(item, minute_number="", agenda_number="")) == ""


# --------------------------------------------------------------------------- citations


def cites(text: str, *, where: str = "body") -> Meeting:
    m = meeting(D(2026, 2, 3), first=40)
    if where == "body":
        return replace_item(m, "corporate-parenting", body=(
            Paragraph(text="The Board noted the update."), Paragraph(text=text)))
    if where == "bullets":
        return replace_item(m, "corporate-parenting", body=(BulletList(bullets=("a", text)),))
    return replace_item(m, "corporate-parenting", resolutions=(
        Resolution(label="(a)", text="To note the report.",
                   children=(Resolution(label="(i)", text=text),)),))


KNOWN = {(14, 2017): "scrutiny-board-2/2017-09-14", (33, 2025): "scrutiny-board-2/2026-01-06"}


def test_a_citation_of_a_minute_the_archive_holds_passes() -> None:
    assert check_minute_refs(cites("Further to Minute 33/25 the Board noted progress."),
                             KNOWN, 2015) == []
    assert check_minute_refs(cites("Further to minute 14/17 'Redesign' members asked."),
                             KNOWN, 2015) == []


def test_a_citation_of_a_missing_minute_is_an_error_naming_the_field() -> None:
    (problem,) = check_minute_refs(cites("Further to Minute 34/25 the Board noted."), KNOWN, 2015)
    assert problem.path == "items[2].body[1].text"
    assert problem.severity == "error"
    assert problem.message == (
        "Minute 34/25 does not exist: the archive has no minute 34 in the municipal year "
        "2025/26; check the number."
    )


def test_a_citation_of_a_gap_in_the_archive_is_a_warning() -> None:
    (problem,) = check_minute_refs(cites("Further to Minute 20/25 the Board noted."), KNOWN, 2015)
    assert problem.severity == "warning"
    assert "Minute 20/25 is not in the archive" in problem.message


def test_a_citation_older_than_the_archive_is_a_warning() -> None:
    (problem,) = check_minute_refs(cites("Further to Minute 3/12", where="bullets"), KNOWN, 2015)
    assert problem.path == "items[2].body[0].bullets[1]"
    assert problem.severity == "warning"
    assert "older than the archive, which starts in 2015/16" in problem.message


def test_citations_inside_sub_resolutions_are_checked() -> None:
    found = check_minute_refs(cites("That Minutes 33/25 and 35/25 be noted", where="res"),
                              KNOWN, 2015)
    assert [(p.path, p.severity) for p in found] == [
        ("items[2].resolutions[0].children[0].text", "error")
    ]
    assert "Minute 35/25" in found[0].message
