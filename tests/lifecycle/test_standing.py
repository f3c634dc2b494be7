"""Standing wording follows the record: the prefilled sentences give way to what the minutes
record, wording typed by hand that contradicts the record is flagged (a warning while
drafting), and circulating or publishing the minutes refuses it, as it refuses an exclusion
without its resolution and a standing item with nothing in its minutes."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tests.lifecycle.builders import COMMITTEE, PEOPLE, meeting, recorded, replace_item, settings
from workflow.drafting.items import add_report_item
from workflow.errors import Refused
from workflow.record.model import (
    Action,
    Declaration,
    Item,
    ItemKind,
    Meeting,
    Paragraph,
    Resolution,
    Status,
)
from workflow.rules import lifecycle as lc
from workflow.rules.standing import follow_record, standing_problems

D = dt.date


def minutes(**changes: object) -> Meeting:
    return dataclasses.replace(recorded(meeting(status=Status.MINUTES_DRAFT)), **changes)  # type: ignore[arg-type]


def declared(m: Meeting, uid: str = "corporate-parenting") -> Meeting:
    return replace_item(m, uid, declarations=(Declaration(member="cllr-r-ali", nature="foster carer"),))


def circulate(m: Meeting) -> Meeting:
    return lc.circulate(m, people=PEOPLE, committee=COMMITTEE, today=D(2026, 1, 7))[0]


def test_clean_minutes_have_no_standing_problems_and_circulate() -> None:
    assert standing_problems(minutes()) == []
    assert circulate(minutes()).status is Status.MINUTES_CIRCULATED


def test_the_prefilled_no_declarations_sentence_gives_way_to_a_declaration() -> None:
    m = declared(minutes())
    followed = follow_record(m)
    assert followed.item("declarations").body == ()
    assert followed.item("corporate-parenting") == m.item("corporate-parenting")
    assert follow_record(followed) is followed
    assert follow_record(minutes()) == minutes()


@pytest.mark.parametrize("typed", [
    "No declarations of interest were made.",
    "There were no declarations of interest, other than those below.",
    "No interests were declared.",
])
def test_a_no_declarations_sentence_typed_by_hand_is_flagged_and_blocks_circulation(typed: str) -> None:
    m = follow_record(declared(replace_item(minutes(), "declarations", body=(Paragraph(text=typed),))))
    found = standing_problems(m)
    assert [(p.path, p.severity) for p in found] == [("items[0].body[0].text", "warning")]
    assert "says there were no declarations of interest, but Item 33 'Corporate Parenting Board' " \
           "records a declaration by cllr-r-ali" in found[0].message
    with pytest.raises(Refused, match="Item 31 'Declarations of Interests' says there were no declarations"):
        circulate(m)


def test_no_outstanding_issues_above_open_actions_is_flagged_and_the_prefilled_one_goes() -> None:
    open_action = Action(text="Report back on placement costs", origin="12/25")
    m = replace_item(minutes(), "outstanding", actions=(open_action,))
    assert follow_record(m).item("outstanding").body == ()
    typed = replace_item(m, "outstanding", body=(Paragraph(text="There were no outstanding actions."),))
    found = standing_problems(typed)
    assert [p.path for p in found] == ["items[3].body[0].text"]
    assert "lists an open action ('Report back on placement costs')" in found[0].message
    with pytest.raises(Refused, match="says there were no outstanding issues"):
        circulate(typed)
    done = replace_item(typed, "outstanding", actions=(dataclasses.replace(open_action, done=True),))
    assert standing_problems(done) == []


def test_an_exclusion_needs_its_resolution_and_a_standing_item_its_minutes() -> None:
    m = replace_item(minutes(), "work-programme", body=())
    m = dataclasses.replace(m, items=(*m.items, Item(uid="exclusion", agenda_number="7", minute_number="37",
                                                      kind=ItemKind.EXCLUSION, title="Exclusion of Press and Public")))
    found = standing_problems(m)
    assert [p.path for p in found] == ["items[4].body", "items[6].resolutions"]
    assert found[0].message == ("Item 35 'Work Programme 2025/26' has nothing in its minutes; write what "
                                "was said or agreed (or remove the item).")
    with pytest.raises(Refused, match=r"\(1 more to put right before sending the minutes to the chair\)"):
        circulate(m)
    circulated = dataclasses.replace(m, status=Status.MINUTES_CIRCULATED)
    with pytest.raises(Refused, match="has nothing in its minutes"):
        lc.publish_draft_minutes(circulated, settings=settings(publish_draft_minutes=True), today=D(2026, 1, 8))
    fixed = replace_item(replace_item(m, "work-programme", body=(Paragraph(text="Noted."),)), "exclusion",
                         resolutions=(Resolution(text="that the press and public be excluded"),))
    assert standing_problems(fixed) == []


def test_the_minutes_checks_wait_for_the_minutes() -> None:
    agenda = replace_item(meeting(), "work-programme", body=())
    assert standing_problems(agenda) == []


def test_a_drafted_exclusion_carries_its_resolution() -> None:
    m = add_report_item(meeting(template=""), title="Placement costs", exempt_paragraph=3,
                        public_title="Placement costs (exempt)")
    exclusion = next(it for it in m.items if it.kind is ItemKind.EXCLUSION)
    assert "paragraph 3 of Part 1 of Schedule 12A" in exclusion.resolutions[0].text


def test_an_agenda_saying_there_are_no_outstanding_issues_above_open_actions_is_not_published(
    england,  # type: ignore[no-untyped-def]
) -> None:
    carried = replace_item(meeting(), "outstanding", actions=(Action(text="Report back on costs", origin="12/25"),))
    kwargs = {"settings": settings(), "calendar": england, "published_on": D(2025, 12, 10),
              "today": D(2025, 12, 10)}
    checks = {c.name: c for c in lc.publish_checks(carried, **kwargs)}  # type: ignore[arg-type]
    assert not checks["standing wording"].ok
    assert "says there were no outstanding issues" in checks["standing wording"].message
    with pytest.raises(Refused, match="says there were no outstanding issues"):
        lc.publish_agenda(carried, **kwargs)  # type: ignore[arg-type]
    published, _ = lc.publish_agenda(follow_record(carried), **kwargs)  # type: ignore[arg-type]
    assert published.status is Status.AGENDA_PUBLISHED
