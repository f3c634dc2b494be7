"""A cabinet member session from agenda to implemented decisions, all through the CLI."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from docx import Document

from workflow.record.model import CallInState, Status
from workflow.services.history import History

from . import session
from .conftest import MAKER, MEETING, Clerk


def test_draft_agenda_numbers_run_on_from_the_previous_session(clerk: Clerk) -> None:
    meeting = session.draft(clerk)
    assert [(it.minute_number, it.title) for it in meeting.items] == [
        ("6", "Declarations of Interests"), ("7", "Minutes"),
        ("8", "Expansion of the Regional Adoption Agency"),
        ("9", "Coventry Fostering Service Annual Report 2017/18"),
        ("10", "Outstanding Issues"), ("11", "Any Other Business"),
    ]
    assert meeting.template == "cabinet-member-decision"


def test_session_from_agenda_to_implemented_decisions(clerk: Clerk, tmp_path: Path) -> None:
    session.draft(clerk)
    held = session.hold(clerk)
    assert held.status is Status.MINUTES_CIRCULATED
    clerk.ok("render", MEETING, "minutes", "-o", str(tmp_path / "minutes.docx"))
    minutes = Document(str(tmp_path / "minutes.docx"))
    resolved = [p.text for p in minutes.paragraphs if p.text.startswith("RESOLVED")]
    assert len(resolved) == 2

    clerk.on("2019-02-05")
    assert "has no record of decision; write one first" in clerk.refused(
        "decision", "publish", MEETING, "8")
    clerk.ok("decision", "record", MEETING, "8",
             "--reasons", "A larger adopter pool lets children be matched sooner.",
             "--alternative", "Keep the agency at four councils.",
             "--conflicts", "None declared.")
    clerk.ok("decision", "record", MEETING, "fostering-report",
             "--reasons", "The annual report is required by the fostering regulations.")
    adoption = clerk.load().item("adoption-agency").decision_record
    assert adoption is not None
    assert adoption.decision == session.ADOPTION_MINUTES["resolutions"][0].text  # type: ignore[index]
    assert (adoption.decision_maker, adoption.decided_on) == (MAKER, dt.date(2019, 2, 4))
    assert adoption.call_in.state is CallInState.MADE

    clerk.on("2019-02-06")
    out = tmp_path / "record-8.docx"
    published = clerk.ok("decision", "publish", MEETING, "8", "-o", str(out), "--json").json()
    assert published["state"] == "published"
    assert published["call_in_deadline"] == "2019-02-13"
    assert published["tag"] == f"{MEETING}/decision-adoption-agency-published"
    assert out.is_file()
    assert (clerk.archive / "meetings" / MEETING / "issued" / "decision-adoption-agency.docx"
            ).read_bytes() == out.read_bytes()
    clerk.ok("decision", "publish", MEETING, "9")
    with clerk.service() as svc:
        latest = History(svc).versions(MEETING)[0]
        changed = svc.archive.history(f"meetings/{MEETING}/", limit=1)[0].paths
    assert latest.subject == "Item 9: record of decision published"
    assert latest.trailers["Decision"] == "fostering-report"
    assert latest.trailers["Step"] == "publish_decision"
    assert f"meetings/{MEETING}/issued/decision-fostering-report.docx" in changed
    assert f"{MEETING}/decision-fostering-report-published" in clerk.tags()

    rows = {r["item"]: r for r in clerk.on("2019-02-13").ok("decisions", "--json").json()["decisions"]}
    assert set(rows) == {"adoption-agency", "fostering-report"}
    assert (rows["adoption-agency"]["state"], rows["adoption-agency"]["can_implement"],
            rows["adoption-agency"]["implementable_on"]) == ("published", False, "2019-02-14")
    assert "can be implemented from 14 February 2019" in clerk.refused(
        "decision", "implement", MEETING, "8")

    clerk.on("2019-02-11").ok("decision", "call-in", MEETING, "9",
                              "--by", "Councillor J Lepoidevin")
    clerk.on("2019-02-14").ok("decision", "implement", MEETING, "8")
    assert "record the outcome of the scrutiny meeting" in clerk.on("2019-02-20").refused(
        "decision", "implement", MEETING, "9")

    # The minutes are approved at the next session; the called-in decision is then
    # implemented after scrutiny, which the approval lock does not prevent.
    clerk.on("2019-02-20").ok("new", "cabinet-member-children", "--date", "2019-03-04",
                              "--time", "14:30")
    clerk.on("2019-02-22").ok("publish", "cabinet-member-children/2019-03-04")
    clerk.on("2019-03-04").ok("approve", MEETING, "--at", "cabinet-member-children/2019-03-04")
    clerk.on("2019-03-05").ok("decision", "implement", MEETING, "9", "--call-in-concluded")

    final = {r["item"]: r for r in clerk.ok("decisions", "--json").json()["decisions"]}
    assert {k: (r["state"], r["implemented_on"]) for k, r in final.items()} == {
        "adoption-agency": ("implemented", "2019-02-14"),
        "fostering-report": ("implemented", "2019-03-05"),
    }
    assert final["fostering-report"]["called_in_by"] == "Councillor J Lepoidevin"
    record = clerk.load()
    assert record.status is Status.MINUTES_APPROVED
    kept = record.item("adoption-agency").decision_record
    assert kept is not None
    assert dataclasses.replace(kept, call_in=adoption.call_in) == adoption
