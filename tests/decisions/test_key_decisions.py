"""Key decisions when the agenda is published, and the approval lock on decision records."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from workflow.errors import Refused
from workflow.record.model import (
    Approval,
    CallIn,
    CallInState,
    DecisionRecord,
    Item,
    KeyDecision,
    KeyDecisionRoute,
    Meeting,
    Status,
)
from workflow.rules.approval import check_edit

from . import session
from .conftest import MAKER, MEETING, Clerk

D = dt.date


def with_key(clerk: Clerk, key: KeyDecision) -> None:
    meeting = clerk.load()
    items = tuple(dataclasses.replace(it, key_decision=key) if it.uid == "adoption-agency"
                  else it for it in meeting.items)
    clerk.save_record(dataclasses.replace(meeting, items=items), "Key decision notice changed")


@pytest.mark.parametrize(
    ("key", "message"),
    [
        (KeyDecision(),
         "The key decision 'Expansion of the Regional Adoption Agency' has no forward plan "
         "entry; give its reference and date, or record the general exception or special "
         "urgency route with reasons."),
        (KeyDecision(forward_plan_ref="FP 2019/004", forward_plan_date=D(2019, 1, 20)),
         "The key decision 'Expansion of the Regional Adoption Agency' was on the forward plan "
         "for 14 clear days where 28 are needed; record the general exception or special "
         "urgency route with reasons."),
        (KeyDecision(route=KeyDecisionRoute.GENERAL_EXCEPTION, notice_to="Chair of Scrutiny",
                     notice_on=D(2019, 1, 28)),
         "The key decision 'Expansion of the Regional Adoption Agency' is taken by the general "
         "exception route but gives no reasons; record why it cannot wait for the forward plan."),
    ],
)
def test_a_key_decision_without_notice_stops_the_agenda(clerk: Clerk, key: KeyDecision,
                                                       message: str) -> None:
    session.draft(clerk)
    with_key(clerk, key)
    assert clerk.on("2019-01-25").refused("publish", MEETING) == message
    assert clerk.load().status is Status.AGENDA_DRAFT


def test_the_general_exception_route_with_reasons_lets_the_agenda_go(clerk: Clerk) -> None:
    session.draft(clerk)
    with_key(clerk, KeyDecision(route=KeyDecisionRoute.GENERAL_EXCEPTION,
                                reasons="Herefordshire asked to join before 1 July.",
                                notice_to="Chair of Scrutiny Co-ordination Committee",
                                notice_on=D(2019, 1, 25)))
    clerk.on("2019-01-25").ok("publish", MEETING)
    assert clerk.load().status is Status.AGENDA_PUBLISHED


# --------------------------------------------------------------------------- approval lock


def approved(record: DecisionRecord | None) -> Meeting:
    return Meeting(
        id=MEETING, committee="cabinet-member-children", committee_name=MAKER, date=D(2019, 2, 4),
        status=Status.MINUTES_APPROVED,
        approval=Approval(at="cabinet-member-children/2019-03-04", on=D(2019, 3, 4), minute="2"),
        items=(Item(uid="adoption-agency", minute_number="8", title="Adoption agency",
                    decision_record=record),),
    )


RECORD = DecisionRecord(decision="To endorse the enlargement.", reasons="More adopters.",
                        decision_maker=MAKER, decided_on=D(2019, 2, 4),
                        call_in=CallIn(state=CallInState.PUBLISHED, published_on=D(2019, 2, 6),
                                       deadline=D(2019, 2, 13)))


def test_approved_minutes_leave_a_decisions_call_in_progress_open() -> None:
    done = dataclasses.replace(RECORD, call_in=dataclasses.replace(
        RECORD.call_in, state=CallInState.IMPLEMENTED, implemented_on=D(2019, 3, 5)))
    check_edit(approved(RECORD), approved(done))


@pytest.mark.parametrize(
    "changed",
    [
        approved(dataclasses.replace(RECORD, decision="To refuse the enlargement.")),
        approved(dataclasses.replace(RECORD, reasons="Other reasons.",
                                     call_in=CallIn(state=CallInState.IMPLEMENTED))),
        approved(None),
        dataclasses.replace(approved(RECORD), closed=dt.time(15, 0)),
    ],
    ids=["decision", "reasons-with-call-in", "record-removed", "meeting-field"],
)
def test_approved_minutes_lock_the_decision_itself(changed: Meeting) -> None:
    with pytest.raises(Refused, match="were approved at cabinet-member-children/2019-03-04 on "
                                      "4 March 2019 and are locked"):
        check_edit(approved(RECORD), changed)


def test_adding_a_record_to_approved_minutes_is_an_amendment() -> None:
    with pytest.raises(Refused, match="are locked"):
        check_edit(approved(None), approved(RECORD))
