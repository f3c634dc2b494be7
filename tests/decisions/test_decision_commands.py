"""Each decision rule through the command line: deadlines, call-in, refusals, listings."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from workflow.record.model import DecisionRecord

from .conftest import MAKER, MEETING, Clerk

REASONS = "A larger adopter pool lets children be matched sooner."


def record(clerk: Clerk, item: str = "8", *extra: str) -> None:
    clerk.on("2019-02-05").ok("decision", "record", MEETING, item, "--reasons", REASONS, *extra)


def publish(clerk: Clerk, day: str, item: str = "8", *extra: str) -> dict[str, object]:
    return clerk.on(day).ok("decision", "publish", MEETING, item, "--json", *extra).json()  # type: ignore[no-any-return]


def rows(clerk: Clerk, day: str) -> dict[str, dict[str, object]]:
    listed = clerk.ok("decisions", "--on", day, "--json").json()
    assert listed["format"] == 1
    return {r["item"]: r for r in listed["decisions"]}


# --------------------------------------------------------------------------- call-in period


def test_call_in_period_across_easter_bank_holidays(held: Clerk) -> None:
    # Published Thursday 18 April 2019; Good Friday 19 and Easter Monday 22 April are bank
    # holidays, so five clear working days are Tue 23 to Mon 29 April.
    record(held)
    published = publish(held, "2019-04-18")
    assert (published["published_on"], published["call_in_deadline"]) == ("2019-04-18", "2019-04-29")
    on_deadline = rows(held, "2019-04-29")["adoption-agency"]
    assert (on_deadline["implementable_on"], on_deadline["can_implement"]) == ("2019-04-30", False)
    assert rows(held, "2019-04-30")["adoption-agency"]["can_implement"] is True
    text = held.ok("decisions", "--on", "2019-04-29").out
    assert "call-in until 2019-04-29; can be implemented from 2019-04-30" in text

    assert held.on("2019-04-29").refused("decision", "implement", MEETING, "8").endswith(
        "' can be called in until 29 April 2019; it can be implemented from 30 April 2019.")
    assert "ended on 29 April 2019; it can no longer be called in" in held.on("2019-04-30").refused(
        "decision", "call-in", MEETING, "8", "--by", "Councillor J Lepoidevin")
    held.on("2019-04-29").ok("decision", "call-in", MEETING, "8", "--by", "Councillor J Lepoidevin")
    assert rows(held, "2019-05-01")["adoption-agency"]["state"] == "called-in"


@pytest.mark.parametrize(("days", "deadline"), [("3", "2019-04-25"), ("10", "2019-05-07")])
def test_call_in_days_come_from_settings(held: Clerk, monkeypatch: pytest.MonkeyPatch,
                                         days: str, deadline: str) -> None:
    # Ten clear working days also skip the early May bank holiday (Monday 6 May 2019).
    monkeypatch.setenv("MINUTEBOOK_CALL_IN_DAYS", days)
    record(held)
    assert publish(held, "2019-04-18")["call_in_deadline"] == deadline


def test_an_urgent_decision_is_exempt_from_call_in(held: Clerk) -> None:
    record(held)
    published = publish(held, "2019-02-06", "8", "--urgent", "The grant offer lapses on 8 February.")
    assert published["call_in_deadline"] is None
    assert "exempt from call-in" in held.refused(
        "decision", "call-in", MEETING, "8", "--by", "Councillor J Lepoidevin")
    row = rows(held, "2019-02-06")["adoption-agency"]
    assert (row["urgent"], row["can_implement"]) == (True, True)
    held.ok("decision", "implement", MEETING, "8")
    assert held.load().item("adoption-agency").decision_record.call_in.implemented_on == dt.date(2019, 2, 6)  # type: ignore[union-attr]


# --------------------------------------------------------------------------- bad input


def test_a_record_missing_its_reasons_is_refused(held: Clerk) -> None:
    assert held.on("2019-02-05").refused("decision", "record", MEETING, "8") == (
        "The record of decision for item 8 'Expansion of the Regional Adoption Agency' needs "
        "the reasons for the decision (--reasons TEXT).")
    meeting = held.load()
    items = tuple(dataclasses.replace(it, decision_record=DecisionRecord(
        decision="To endorse the enlargement of the adoption agency.", decision_maker=MAKER))
        if it.uid == "adoption-agency" else it for it in meeting.items)
    held.save_record(dataclasses.replace(meeting, items=items), "Decision drafted without reasons")
    assert held.on("2019-02-06").refused("decision", "publish", MEETING, "8") == (
        "The record of the decision 'To endorse the enlargement of the adoption agency.' gives "
        "no reasons; add them before publishing it.")
    assert not any(t.endswith("-published") and "decision" in t for t in held.tags())


def test_publishing_refusals_change_nothing(held: Clerk) -> None:
    record(held)
    assert "before the meeting on 4 February 2019" in held.on("2019-02-06").refused(
        "decision", "publish", MEETING, "8", "--on", "2019-02-01")
    assert "which is after today (6 February 2019)" in held.refused(
        "decision", "publish", MEETING, "8", "--on", "2019-02-07")
    publish(held, "2019-02-06")
    assert "was already published on 6 February 2019" in held.on("2019-02-07").refused(
        "decision", "publish", MEETING, "8")
    assert "a published record is not rewritten" in held.refused(
        "decision", "record", MEETING, "8", "--reasons", "Other reasons.")
    record(held, "9")
    assert "Publish the record of" in held.refused("decision", "implement", MEETING, "9")


def test_a_decision_is_recorded_only_after_the_meeting(clerk: Clerk) -> None:
    from . import session

    session.draft(clerk)
    assert clerk.on("2019-01-21").refused(
        "decision", "record", MEETING, "8", "--reasons", REASONS) == (
        "A record of decision is written after the meeting; start the minutes of "
        f"{MEETING} first (minutebook minutes {MEETING}).")


def test_items_are_named_by_uid_or_number(held: Clerk) -> None:
    record(held, "adoption-agency")
    record(held, "9.")
    recorded = [it.uid for it in held.load().items if it.decision_record is not None]
    assert recorded == ["adoption-agency", "fostering-report"]
    message = held.refused("decision", "publish", MEETING, "42")
    assert message.startswith(f"{MEETING} has no item '42'; give an item's uid")
    assert "adoption-agency (8)" in message
    assert "has no record of decision" in held.refused("decision", "publish", MEETING, "10")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("call-in", "--urgent", "x", "--by", "Cllr A"), "--urgent belongs to decision publish"),
        (("call-in",), "Say who called the decision in: --by NAME."),
        (("render",), "Say where to write the record"),
        (("implement", "--reasons", "r"), "--reasons belongs to decision record"),
    ],
)
def test_wrong_options_are_usage_errors(held: Clerk, argv: tuple[str, ...], message: str) -> None:
    head = held.head()
    done = held("decision", argv[0], MEETING, "8", *argv[1:])
    assert (done.code, done.err.count("\n")) == (2, 1)
    assert message in done.err
    assert held.head() == head


def test_no_decisions_recorded(clerk: Clerk) -> None:
    assert clerk.ok("decisions").out == "No decisions are recorded.\n"
    assert clerk.ok("decisions", "--json").json()["decisions"] == []


def test_a_control_character_in_the_reasons_names_the_field(held: Clerk) -> None:
    head = held.head()
    done = held.on("2019-02-05")("decision", "record", MEETING, "8", "--reasons", "Adopters\x0bsooner")
    assert done.code == 1
    assert "decision_record.reasons" in done.err
    assert "Traceback" not in done.err
    assert held.head() == head


def test_an_output_folder_that_does_not_exist_publishes_nothing(held: Clerk) -> None:
    record(held)
    message = held.on("2019-02-06").refused("decision", "publish", MEETING, "8", "-o",
                                            str(held.root / "missing" / "record.docx"))
    assert message.endswith("cannot be written there; nothing was published.")
    assert rows(held, "2019-02-06")["adoption-agency"]["state"] == "made"
