"""Executive decisions: key decision notice, private meetings, call-in, a session end to end.

The session is shaped on seed 004, a cabinet member decision session for children and
young people on Monday 4 February 2019 (items 6-11, two decisions); prose is our own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from workflow.errors import Refused
from workflow.record.model import (
    AttendanceState,
    Attendee,
    CallInState,
    DecisionRecord,
    Exemption,
    Item,
    ItemKind,
    KeyDecision,
    KeyDecisionRoute,
    Meeting,
    Paragraph,
    PrivateNotice,
    Role,
    Status,
)
from workflow.rules import lifecycle as lc
from workflow.rules.deadlines import WorkingCalendar, working_days_calendar
from workflow.rules.decisions import (
    calendar_clear_days,
    call_in,
    decision_status,
    forward_plan,
    implement,
    key_decision_problem,
    private_notice_problem,
    publish_decision,
)

from .builders import settings

D = dt.date
SESSION = D(2019, 2, 4)  # Monday
MAKER = "Cabinet Member for Children and Young People"


@pytest.fixture(scope="module")
def calendar() -> WorkingCalendar:
    return working_days_calendar("GB", "ENG", years=range(2018, 2021))


def key(**fields: object) -> Item:
    return Item(uid="ace", agenda_number="8", minute_number="8",
                title="Expansion of the Regional Adoption Agency",
                key_decision=KeyDecision(**fields))  # type: ignore[arg-type]


def record(text: str = "To endorse the expansion of the adoption agency.", **fields: object
           ) -> DecisionRecord:
    base = DecisionRecord(decision=text, reasons="A larger pool of adopters.",
                          decision_maker=MAKER, decided_on=SESSION)
    return dataclasses.replace(base, **fields)  # type: ignore[arg-type]


def session(**changes: object) -> Meeting:
    items = (
        Item(uid="declarations", agenda_number="6", minute_number="6",
             kind=ItemKind.DECLARATIONS, title="Declarations of Interests",
             body=(Paragraph(text="There were no declarations of interest."),)),
        Item(uid="minutes", agenda_number="7", minute_number="7", kind=ItemKind.MINUTES,
             title="Minutes", body=(Paragraph(text="The minutes were agreed as a true record."),)),
        dataclasses.replace(key(forward_plan_ref="FP 2019/04",
                                forward_plan_date=D(2018, 12, 20)), decision_record=record()),
        Item(uid="fostering", agenda_number="9", minute_number="9",
             title="Fostering Service Annual Report 2017/18",
             decision_record=record("To accept the Fostering Service Annual Report.")),
        Item(uid="outstanding", agenda_number="10", minute_number="10",
             kind=ItemKind.OUTSTANDING_ISSUES, title="Outstanding Issues",
             body=(Paragraph(text="There were no outstanding issues."),)),
        Item(uid="aob", agenda_number="11", minute_number="11",
             kind=ItemKind.ANY_OTHER_BUSINESS, title="Any Other Business",
             body=(Paragraph(text="There were no other items of business."),)),
    )
    base = Meeting(
        id="cabinet-member-children/2019-02-04", committee="cabinet-member-children",
        committee_name=MAKER, date=SESSION, template="cabinet-member-decision",
        attendance=(Attendee(person="cllr-p-seaman", role=Role.CABINET_MEMBER),
                    Attendee(person="cllr-j-lepoidevin", role=Role.SHADOW_CABINET_MEMBER)),
        items=items,
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- notice rules


def test_clear_calendar_days() -> None:
    assert calendar_clear_days(D(2019, 1, 6), SESSION) == 28
    assert calendar_clear_days(D(2019, 2, 3), SESSION) == 0
    assert calendar_clear_days(D(2019, 2, 9), SESSION) == 0


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"forward_plan_ref": "FP 2019/04", "forward_plan_date": D(2019, 1, 6)}, ""),
        ({"forward_plan_ref": "FP 2019/04", "forward_plan_date": D(2019, 1, 7)},
         "was on the forward plan for 27 clear days where 28 are needed"),
        ({}, "has no forward plan entry"),
        ({"route": KeyDecisionRoute.GENERAL_EXCEPTION, "reasons": "Grant deadline",
          "notice_to": "Chair of Scrutiny Board 2", "notice_on": D(2019, 1, 29)}, ""),
        ({"route": KeyDecisionRoute.GENERAL_EXCEPTION, "reasons": "Grant deadline",
          "notice_to": "Chair of Scrutiny Board 2", "notice_on": D(2019, 1, 30)},
         "had 4 clear days' notice under the general exception where 5 are needed"),
        ({"route": KeyDecisionRoute.GENERAL_EXCEPTION, "reasons": "Grant deadline",
          "notice_to": "Chair of Scrutiny Board 2"}, "needs the date notice was given"),
        ({"route": KeyDecisionRoute.GENERAL_EXCEPTION, "notice_to": "Chair"},
         "gives no reasons"),
        ({"route": KeyDecisionRoute.SPECIAL_URGENCY, "reasons": "Ofsted deadline"},
         "who agreed it is urgent"),
        ({"route": KeyDecisionRoute.SPECIAL_URGENCY, "reasons": "Ofsted deadline",
          "notice_to": "Chair of Scrutiny Co-ordination Committee"}, ""),
    ],
)
def test_key_decision_notice(fields: dict[str, object], problem: str) -> None:
    found = key_decision_problem(key(**fields), SESSION)
    if problem:
        assert problem in found
        assert found.startswith("The key decision 'Expansion of the Regional Adoption Agency'")
    else:
        assert found == ""


def test_an_item_that_is_not_a_key_decision_needs_no_notice() -> None:
    assert key_decision_problem(Item(uid="x", title="Report"), SESSION) == ""


def private(**notice: object) -> Meeting:
    exempt = Item(uid="placement", title="Placement contract", exemption=Exemption(paragraph=3))
    m = session()
    m = dataclasses.replace(m, items=m.items + (exempt,))
    given = PrivateNotice(**notice) if notice else None  # type: ignore[arg-type]
    return dataclasses.replace(m, private_notice=given)


@pytest.mark.parametrize(
    ("meeting", "problem"),
    [
        (session(), ""),
        (private(given_on=D(2019, 1, 6), reasons="Commercially sensitive prices"), ""),
        (private(urgent_reason="Agreed by the scrutiny chair: contract expires"), ""),
        (private(), "records no notice of intention to meet in private"),
        (private(given_on=D(2019, 1, 10), reasons="Prices"), "given 24 clear days ahead"),
        (private(given_on=D(2019, 1, 6)), "gives no reasons"),
    ],
)
def test_notice_of_a_private_meeting(meeting: Meeting, problem: str) -> None:
    found = private_notice_problem(meeting)
    assert (problem in found) if problem else found == ""


def test_publishing_an_executive_agenda_checks_key_decisions_and_private_notice(
    calendar: WorkingCalendar,
) -> None:
    late_plan = session(items=(key(forward_plan_ref="FP", forward_plan_date=D(2019, 1, 20)),
                               *session().items[3:]))
    with pytest.raises(Refused, match="was on the forward plan for 14 clear days"):
        lc.publish_agenda(late_plan, settings=settings(), calendar=calendar,
                          published_on=D(2019, 1, 25), today=D(2019, 1, 25), executive=True)
    with pytest.raises(Refused, match="records no notice of intention to meet in private"):
        lc.publish_agenda(private(), settings=settings(), calendar=calendar,
                          published_on=D(2019, 1, 25), today=D(2019, 1, 25), executive=True)
    published, _ = lc.publish_agenda(
        private(given_on=D(2019, 1, 2), reasons="Prices"), settings=settings(),
        calendar=calendar, published_on=D(2019, 1, 25), today=D(2019, 1, 25), executive=True)
    assert published.status is Status.AGENDA_PUBLISHED


# --------------------------------------------------------------------------- call-in


def test_call_in_deadline_is_five_clear_working_days(calendar: WorkingCalendar) -> None:
    published = publish_decision(record(), published_on=D(2019, 2, 6), call_in_days=5,
                                 calendar=calendar)
    assert published.call_in.state is CallInState.PUBLISHED
    assert published.call_in.published_on == D(2019, 2, 6)
    assert published.call_in.deadline == D(2019, 2, 13)  # Thu 7 .. Wed 13 February


def test_call_in_deadline_across_easter(calendar: WorkingCalendar) -> None:
    # Good Friday 19 and Easter Monday 22 April 2019: Tue 23 .. Mon 29 April
    published = publish_decision(record(), published_on=D(2019, 4, 18), call_in_days=5,
                                 calendar=calendar)
    assert published.call_in.deadline == D(2019, 4, 29)
    with pytest.raises(Refused, match="can be implemented from 30 April 2019"):
        implement(published, on=D(2019, 4, 29))
    assert implement(published, on=D(2019, 4, 30)).call_in.state is CallInState.IMPLEMENTED


def test_an_urgent_decision_is_exempt_from_call_in(calendar: WorkingCalendar) -> None:
    published = publish_decision(record(), published_on=D(2019, 2, 6), call_in_days=5,
                                 calendar=calendar, urgent_reason="Grant lapses on 8 February")
    assert published.call_in.deadline is None
    assert published.call_in.urgent_reason == "Grant lapses on 8 February"
    with pytest.raises(Refused, match="exempt from call-in"):
        call_in(published, by="Councillor J Lepoidevin", on=D(2019, 2, 7))
    assert implement(published, on=D(2019, 2, 6)).call_in.implemented_on == D(2019, 2, 6)


@pytest.mark.parametrize(
    ("changes", "published_on", "message"),
    [
        ({"reasons": " "}, D(2019, 2, 6), "gives no reasons"),
        ({}, D(2019, 2, 1), "before the decision was made on 4 February 2019"),
    ],
)
def test_publishing_a_record_refusals(
    calendar: WorkingCalendar, changes: dict[str, object], published_on: dt.date, message: str
) -> None:
    with pytest.raises(Refused, match=message):
        publish_decision(record(**changes), published_on=published_on, call_in_days=5,
                         calendar=calendar)


def test_a_record_is_published_once(calendar: WorkingCalendar) -> None:
    published = publish_decision(record(), published_on=D(2019, 2, 6), call_in_days=5,
                                 calendar=calendar)
    with pytest.raises(Refused, match="was already published on 6 February 2019"):
        publish_decision(published, published_on=D(2019, 2, 7), call_in_days=5,
                         calendar=calendar)


def test_call_in_refusals(calendar: WorkingCalendar) -> None:
    made = record()
    with pytest.raises(Refused, match="is made, so it cannot be called in"):
        call_in(made, by="Councillor A", on=D(2019, 2, 5))
    published = publish_decision(made, published_on=D(2019, 2, 6), call_in_days=5,
                                 calendar=calendar)
    with pytest.raises(Refused, match="ended on 13 February 2019"):
        call_in(published, by="Councillor A", on=D(2019, 2, 14))
    with pytest.raises(Refused, match="before the record was published"):
        call_in(published, by="Councillor A", on=D(2019, 2, 5))
    with pytest.raises(Refused, match="Say who called the decision in"):
        call_in(published, by=" ", on=D(2019, 2, 13))
    called = call_in(published, by="Councillor A", on=D(2019, 2, 13))
    assert (called.call_in.state, called.call_in.called_in_by, called.call_in.called_in_on) == (
        CallInState.CALLED_IN, "Councillor A", D(2019, 2, 13))
    with pytest.raises(Refused, match="called in by Councillor A; record the outcome"):
        implement(called, on=D(2019, 3, 1))
    done = implement(called, on=D(2019, 3, 1), call_in_concluded=True)
    assert done.call_in.state is CallInState.IMPLEMENTED
    with pytest.raises(Refused, match="already implemented on 1 March 2019"):
        implement(done, on=D(2019, 3, 2))
    with pytest.raises(Refused, match="Publish the record"):
        implement(made, on=D(2019, 3, 2))


# --------------------------------------------------------------------------- end to end


def test_a_cabinet_member_session_from_agenda_to_implementation(
    calendar: WorkingCalendar,
) -> None:
    draft = session()
    published, _ = lc.publish_agenda(draft, settings=settings(), calendar=calendar,
                                     published_on=D(2019, 1, 25), today=D(2019, 1, 25),
                                     executive=True)
    minutes, _ = lc.start_minutes(published)
    minutes = dataclasses.replace(minutes, attendance=tuple(
        dataclasses.replace(a, state=AttendanceState.PRESENT) for a in minutes.attendance))
    circulated, _ = lc.circulate(minutes)
    assert circulated.status is Status.MINUTES_CIRCULATED

    items = tuple(
        dataclasses.replace(it, decision_record=publish_decision(
            it.decision_record, published_on=D(2019, 2, 6), call_in_days=5, calendar=calendar))
        if it.decision_record else it
        for it in circulated.items
    )
    decided = dataclasses.replace(circulated, items=items)
    status = {s.item: s for s in decision_status([decided], D(2019, 2, 13))}
    assert set(status) == {"ace", "fostering"}
    assert status["ace"].deadline == D(2019, 2, 13)
    assert status["ace"].implementable_on == D(2019, 2, 14)
    assert not status["ace"].can_implement
    assert status["ace"].decision_maker == MAKER
    assert all(s.can_implement for s in decision_status([decided], D(2019, 2, 14)))

    fostering = decided.item("fostering").decision_record
    ace = decided.item("ace").decision_record
    assert fostering is not None
    assert ace is not None
    called = call_in(fostering, by="Councillor J Lepoidevin", on=D(2019, 2, 11))
    implemented = implement(ace, on=D(2019, 2, 14))
    final = dataclasses.replace(decided, items=tuple(
        dataclasses.replace(it, decision_record={"ace": implemented, "fostering": called}[it.uid])
        if it.uid in {"ace", "fostering"} else it
        for it in decided.items
    ))
    states = {s.item: (s.state, s.can_implement) for s in decision_status([final], D(2019, 2, 20))}
    assert states == {"ace": (CallInState.IMPLEMENTED, False),
                      "fostering": (CallInState.CALLED_IN, False)}


def test_the_forward_plan_lists_upcoming_key_decisions_by_decision_maker() -> None:
    upcoming = session()
    later = dataclasses.replace(
        session(), id="cabinet/2019-03-12", committee="cabinet", committee_name="Cabinet",
        date=D(2019, 3, 12),
        items=(dataclasses.replace(key(forward_plan_ref="FP 2019/09",
                                       forward_plan_date=D(2019, 1, 10)),
                                   uid="budget", title="Capital programme",
                                   exemption=Exemption(paragraph=3),
                                   public_title="Capital programme (private report)"),),
    )
    past = dataclasses.replace(session(), id="cabinet-member-children/2018-10-22",
                               date=D(2018, 10, 22))
    plan = forward_plan([later, upcoming, past], D(2019, 1, 1))
    assert [(e.decision_maker, e.date, e.title, e.reference, e.private) for e in plan] == [
        ("Cabinet", D(2019, 3, 12), "Capital programme (private report)", "FP 2019/09", True),
        (MAKER, SESSION, "Expansion of the Regional Adoption Agency", "FP 2019/04", False),
    ]
    named = forward_plan([upcoming], D(2019, 1, 1),
                         {"cabinet-member-children": "Councillor P Seaman"})
    assert named[0].decision_maker == "Councillor P Seaman"
