"""Publishing the agenda: deadline, urgency, exempt business, the exclusion resolution."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from workflow.errors import Refused
from workflow.record.model import (
    Document,
    Exemption,
    ExemptionBasis,
    Item,
    ItemKind,
    MeetingKind,
    Status,
    Urgency,
)
from workflow.rules.deadlines import WorkingCalendar
from workflow.rules.lifecycle import publish_agenda, publish_checks
from workflow.rules.publication import exclusion_item, with_exclusion

from .builders import exempt_item, meeting, replace_item, settings, with_item

D = dt.date
ON_TIME = D(2025, 12, 22)
LATE = D(2025, 12, 30)
TODAY = D(2026, 1, 2)


def publish(m, calendar, published_on=ON_TIME, urgent=None, **s):  # type: ignore[no-untyped-def]
    return publish_agenda(m, settings=settings(**s), calendar=calendar,
                          published_on=published_on, urgent_reason=urgent, today=TODAY)


def test_an_agenda_on_time_is_published_and_tagged(england: WorkingCalendar) -> None:
    draft = meeting()
    new, event = publish(draft, england)
    assert new.status is Status.AGENDA_PUBLISHED
    assert new.agenda.published_on == ON_TIME
    assert new.agenda.urgency is None
    assert new.items == draft.items
    assert event.summary == "Agenda published"
    assert event.tag == "scrutiny-board-2/2026-01-06/agenda-published-1"
    assert (event.from_status, event.to_status) == (Status.AGENDA_DRAFT, Status.AGENDA_PUBLISHED)
    assert event.when == TODAY


def test_a_late_agenda_without_a_reason_is_refused(england: WorkingCalendar) -> None:
    draft = meeting()
    with pytest.raises(Refused) as refused:
        publish(draft, england, LATE)
    message = refused.value.message
    assert "3 clear working days before the meeting where 5 are needed" in message
    assert "due by Wed 24 Dec" in message
    assert "--urgent REASON" in message
    assert draft.status is Status.AGENDA_DRAFT
    assert draft.agenda.published_on is None


def test_a_late_agenda_records_the_chairs_reason(england: WorkingCalendar) -> None:
    new, event = publish(meeting(), england, LATE, urgent="Ofsted report received late")
    assert new.agenda.urgency == Urgency(reason="Ofsted report received late")
    assert new.agenda.published_on == LATE
    assert event.summary == "Agenda published late, as a matter of urgency"


def test_a_reason_given_for_an_agenda_on_time_is_not_recorded_and_says_so(
    england: WorkingCalendar,
) -> None:
    new, event = publish(meeting(), england, urgent="just in case")
    assert new.agenda.urgency is None
    assert event.warnings == ("The agenda is on time, so the reason of urgency was not recorded.",)


def test_three_clear_days_suffice_where_the_settings_say_so(england: WorkingCalendar) -> None:
    new, _ = publish(meeting(), england, LATE, clear_days=3)
    assert new.agenda.urgency is None


def test_a_supplementary_agenda_is_a_new_tagged_publication(england: WorkingCalendar) -> None:
    first, _ = publish(meeting(), england)
    late_item = Item(uid="sen", agenda_number="7", minute_number="37",
                     title="Special Educational Needs Transport",
                     urgency=Urgency(reason="Decision needed before the February Cabinet"))
    second, event = publish(with_item(first, late_item), england, D(2025, 12, 31),
                            urgent="Cabinet timetable")
    assert second.status is Status.AGENDA_PUBLISHED
    assert second.agenda.supplements == 1
    assert second.agenda.published_on == ON_TIME
    assert second.agenda.urgency == Urgency(reason="supplementary agenda 1: Cabinet timetable")
    assert event.summary == "Supplementary agenda 1 published late, as a matter of urgency"
    assert event.tag == "scrutiny-board-2/2026-01-06/agenda-published-2"
    third, event = publish(second, england, D(2026, 1, 2), urgent="Second late report")
    assert third.agenda.supplements == 2
    assert third.agenda.urgency is not None
    assert third.agenda.urgency.reason.startswith("supplementary agenda 1: Cabinet timetable; ")
    assert event.tag.endswith("/agenda-published-3")


def test_an_urgent_item_needs_its_reason(england: WorkingCalendar) -> None:
    draft = replace_item(meeting(), "aob", urgency=Urgency(reason="  "))
    with pytest.raises(Refused) as refused:
        publish(draft, england)
    assert refused.value.message == (
        "Item 6 'Any Other Business' is marked late or urgent but has no reason; "
        "record the chair's reason of urgency for it."
    )


def test_an_exempt_item_needs_its_paragraph(england: WorkingCalendar) -> None:
    draft = with_item(meeting(), exempt_item("a", paragraph=None))
    with pytest.raises(Refused, match="Item 7 'Contract award a' is exempt but names no "
                       r"paragraph of Schedule 12A; give its paragraph \(1-7\)"):
        publish(draft, england)


def test_an_exempt_paragraph_must_exist_in_the_councils_schedule(
    england: WorkingCalendar,
) -> None:
    draft = with_item(meeting(), exempt_item("a", paragraph=14))
    with pytest.raises(Refused, match="cites paragraph 14, which is not one of 1-7"):
        publish(draft, england)
    new, _ = publish(draft, england, exempt_paragraphs="wales")
    assert new.items[6].kind is ItemKind.EXCLUSION
    assert "paragraph 14 of Part 1" in new.items[6].resolutions[0].text


def test_an_exempt_appendix_needs_its_paragraph_too(england: WorkingCalendar) -> None:
    appendix = Document(title="Appendix 2 - Costs", exemption=Exemption())
    draft = replace_item(meeting(), "corporate-parenting", documents=(appendix,))
    with pytest.raises(Refused, match=r"\(document 'Appendix 2 - Costs'\) is exempt"):
        publish(draft, england)


def test_publishing_inserts_the_exclusion_before_the_first_private_item(
    england: WorkingCalendar,
) -> None:
    draft = with_item(with_item(meeting(), exempt_item("a", 3, "7")), exempt_item("b", 1, "8"))
    new, event = publish(draft, england)
    kinds = [it.kind for it in new.items]
    assert kinds.index(ItemKind.EXCLUSION) == 6
    exclusion = new.items[6]
    assert exclusion.title == "Exclusion of Press and Public"
    assert (exclusion.agenda_number, exclusion.minute_number) == ("7", "37")
    assert [(it.uid, it.agenda_number, it.minute_number) for it in new.items[7:]] == [
        ("a", "8", "38"), ("b", "9", "39")
    ]
    assert exclusion.resolutions[0].text == (
        "that the press and public be excluded from the meeting for the following items of "
        "business under Section 100A(4) of the Local Government Act 1972 on the grounds "
        "that they involve the likely disclosure of exempt information as defined in "
        "paragraphs 1 and 3 of Part 1 of Schedule 12A of that Act."
    )
    assert "paragraphs 1 and 3 of Part 1 of Schedule 12A" in exclusion.wording[0]
    assert event.summary == "Agenda published; exclusion of press and public added"


def test_an_exclusion_already_in_place_is_left_alone(england: WorkingCalendar) -> None:
    draft = with_item(with_item(meeting(), exclusion_item([3], uid="excl")), exempt_item("a"))
    new, event = publish(draft, england)
    assert new.items == draft.items
    assert "exclusion" not in event.summary


def test_an_exclusion_after_the_private_item_is_refused(england: WorkingCalendar) -> None:
    draft = with_item(with_item(meeting(), exempt_item("a")),
                      dataclasses.replace(exclusion_item([3], uid="excl"), agenda_number="8"))
    with pytest.raises(Refused) as refused:
        publish(draft, england)
    assert refused.value.message == (
        "Item 8 'Exclusion of Press and Public' comes after the first private item, "
        "Item 7 'Contract award a'; move it before that item."
    )


def test_confidential_business_is_excluded_under_section_100a2() -> None:
    item = dataclasses.replace(exempt_item("c"), exemption=Exemption(
        basis=ExemptionBasis.CONFIDENTIAL))
    new = with_exclusion(with_item(meeting(), item))
    assert "Section 100A(2)" in new.items[6].resolutions[0].text
    assert "confidential information" in new.items[6].wording[0]
    assert new.items[6].uid == "exclusion"


def test_the_new_exclusion_uid_does_not_clash() -> None:
    m = with_item(meeting(), dataclasses.replace(exempt_item("x"), uid="exclusion"))
    assert with_exclusion(m).items[6].uid == "exclusion-1"


def test_a_special_meeting_takes_no_any_other_business(england: WorkingCalendar) -> None:
    draft = meeting(kind=MeetingKind.SPECIAL)
    with pytest.raises(Refused, match="Item 6 'Any Other Business' is Any Other Business, "
                       "which a special meeting cannot take; remove it."):
        publish(draft, england)
    without = dataclasses.replace(draft, items=draft.items[:5])
    assert publish(without, england)[0].status is Status.AGENDA_PUBLISHED


@pytest.mark.parametrize(
    ("published_on", "message"),
    [
        (D(2026, 1, 5), "is in the future"),
        (D(2026, 1, 6), "is not before the meeting"),
    ],
)
def test_impossible_publication_dates_are_refused(
    england: WorkingCalendar, published_on: dt.date, message: str
) -> None:
    m = meeting()
    with pytest.raises(Refused, match=message):
        publish_agenda(m, settings=settings(), calendar=england, published_on=published_on,
                       urgent_reason="x", today=D(2026, 1, 6) if "before" in message else TODAY)


@pytest.mark.parametrize(
    "status", [Status.MINUTES_DRAFT, Status.MINUTES_APPROVED, Status.CANCELLED]
)
def test_the_agenda_cannot_be_published_once_the_minutes_are_started(
    england: WorkingCalendar, status: Status
) -> None:
    with pytest.raises(Refused, match="Publishing the agenda is not possible"):
        publish(meeting(status=status), england)


def test_publish_checks_lists_every_check_for_the_dialog(england: WorkingCalendar) -> None:
    draft = replace_item(with_item(meeting(), exempt_item("a", None)), "aob",
                         urgency=Urgency(reason=""))
    checks = publish_checks(draft, settings=settings(), calendar=england, published_on=LATE,
                            today=TODAY)
    assert [c.name for c in checks] == [
        "state", "numbers", "standing wording", "date", "deadline", "urgent items",
        "exempt paragraphs", "exclusion", "special meeting", "key decisions",
    ]
    assert [c.name for c in checks if not c.ok] == ["deadline", "urgent items",
                                                   "exempt paragraphs"]
    with pytest.raises(Refused) as refused:
        publish(draft, england, LATE)
    assert refused.value.message.endswith("(2 more checks failed).")


def test_a_republished_agenda_after_postponement_gets_a_fresh_tag(
    england: WorkingCalendar,
) -> None:
    from workflow.rules.lifecycle import postpone

    published, _ = publish(meeting(), england)
    moved, _ = postpone(published, D(2026, 1, 20), "Chair unwell", today=TODAY)
    again, event = publish(moved, england, TODAY)
    assert again.agenda.published_on == TODAY
    assert event.tag == (
        "scrutiny-board-2/2026-01-06/agenda-published-1-after-postponement-1"
    )
