"""The Word record of decision and the forward plan, re-opened with python-docx."""

from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path

from docx import Document

from workflow.record.model import (
    DecisionRecord,
    Exemption,
    Item,
    KeyDecision,
    Paragraph,
)

from . import session
from .conftest import MAKER, MEETING, Clerk

SECRET = "SENTINEL-7731"


def paragraphs(path: Path) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in Document(str(path)).paragraphs]


def all_text(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return "".join(package.read(name).decode("utf-8", "replace") for name in package.namelist())


def test_the_published_record_of_decision(held: Clerk, tmp_path: Path) -> None:
    held.on("2019-02-05").ok(
        "decision", "record", MEETING, "8",
        "--reasons", "A larger adopter pool lets children be matched sooner.",
        "--alternative", "Keep the agency at four councils.",
        "--alternative", "Leave the agency and run adoption alone.",
        "--conflicts", "Councillor P Seaman declared that a relative is an adopter.",
        "--dispensation", "Granted by the Standards Committee on 10 January 2019.")
    out = tmp_path / "record.docx"
    held.on("2019-02-06").ok("decision", "publish", MEETING, "8", "-o", str(out))
    found = paragraphs(out)
    text = "\n".join(t for _, t in found)
    assert found[0] == ("Heading 1", "Coventry City Council\nRecord of Decision")
    for expected in (
        f"Decision-maker:\t{MAKER}",
        "Date of decision:\tMonday, 4 February 2019",
        "Subject:\tMinute 8: Expansion of the Regional Adoption Agency",
        "Key decision:\tYes (Forward Plan reference FP 2019/004)",
        "Published:\tWednesday, 6 February 2019",
        "Call-in deadline:\tWednesday, 13 February 2019",
        "may be implemented from Thursday, 14 February 2019",
        "Report of the Deputy Chief Executive (People).",
        session.ADOPTION_MINUTES["resolutions"][0].text,  # type: ignore[index]
        "A larger adopter pool lets children be matched sooner.",
        "Conflicts of interest declared: Councillor P Seaman declared that a relative is an adopter.",
        "Dispensation granted: Granted by the Standards Committee on 10 January 2019.",
    ):
        assert expected in text, expected
    bullets = [t for style, t in found if style == "List Bullet"]
    assert bullets == ["Keep the agency at four councils.", "Leave the agency and run adoption alone."]
    headings = [t for style, t in found if style == "Heading 2"]
    assert headings == ["Decision", "Reasons for the decision",
                        "Alternative options considered and rejected",
                        "Conflicts of interest and dispensations"]
    document = Document(str(out))
    decision = next(p for p in document.paragraphs if p.text.startswith("that the Cabinet"))
    assert all(run.bold for run in decision.runs)
    assert document.core_properties.title == (
        "Record of decision: Expansion of the Regional Adoption Agency, 4 February 2019")
    assert "NOT FOR PUBLICATION" not in all_text(out)


def test_rendering_a_record_twice_gives_the_same_bytes(held: Clerk, tmp_path: Path) -> None:
    held.on("2019-02-05").ok("decision", "record", MEETING, "9", "--reasons", "Required yearly.")
    first, second = tmp_path / "one.docx", tmp_path / "two.docx"
    held.ok("decision", "render", MEETING, "9", "-o", str(first))
    held.ok("decision", "render", MEETING, "9", "-o", str(second))
    assert first.read_bytes() == second.read_bytes()
    assert ("Note", "Draft: this record has not been published yet.") in paragraphs(first)


def add_exempt_decision(clerk: Clerk) -> None:
    meeting = clerk.load()
    exempt = Item(
        uid="placement-contract", agenda_number="12", minute_number="12",
        title=f"Residential placement contract with {SECRET} Care Ltd",
        public_title="Residential placement contract",
        exemption=Exemption(paragraph=3),
        key_decision=KeyDecision(forward_plan_ref="FP 2019/011",
                                 forward_plan_date=meeting.date.replace(day=1, month=1)),
        body=(Paragraph(text=f"The Cabinet Member considered the prices tendered by {SECRET}."),),
        decision_record=DecisionRecord(
            decision=f"To award the placement contract to {SECRET} Care Ltd.",
            reasons=f"{SECRET} offered the lowest weekly price.",
            alternatives=(f"Extend the {SECRET} interim arrangement.",),
            conflicts="None.", decision_maker=MAKER, decided_on=meeting.date),
    )
    clerk.save_record(dataclasses.replace(meeting, items=meeting.items + (exempt,)),
                      "Private item added")


def test_a_public_record_never_shows_exempt_content(held: Clerk, tmp_path: Path) -> None:
    add_exempt_decision(held)
    held.on("2019-02-06").ok("decision", "publish", MEETING, "placement-contract",
                             "--urgent", f"The {SECRET} offer expires on 8 February.")
    issued = held.archive / "meetings" / MEETING / "issued"
    public = issued / "decision-placement-contract.docx"
    confidential = issued / "decision-placement-contract.confidential.docx"
    assert SECRET not in all_text(public)
    text = "\n".join(t for _, t in paragraphs(public))
    assert f"Decision-maker:\t{MAKER}" in text
    assert "Date of decision:\tMonday, 4 February 2019" in text
    assert "Subject:\tMinute 12: Residential placement contract" in text
    assert "not for publication (exempt information — paragraph 3 of Schedule 12A)" in text
    assert "exempt from call-in." in text

    secret = "\n".join(t for _, t in paragraphs(confidential))
    assert secret.startswith("NOT FOR PUBLICATION")
    assert f"To award the placement contract to {SECRET} Care Ltd." in secret
    assert f"Extend the {SECRET} interim arrangement." in secret
    assert f"Reason: The {SECRET} offer expires on 8 February." in secret

    listed = held.ok("decisions", "--json").json()["decisions"]
    assert [r["title"] for r in listed if r["item"] == "placement-contract"] == [
        "Residential placement contract"]
    assert SECRET not in held.ok("decisions").out


def test_the_forward_plan(held: Clerk, tmp_path: Path) -> None:
    add_exempt_decision(held)
    plan = held.ok("forward-plan", "--on", "2019-01-21", "--json").json()
    assert plan["key_decisions"] == [
        {"decision_maker": MAKER, "date": "2019-02-04", "meeting": MEETING,
         "title": "Expansion of the Regional Adoption Agency", "reference": "FP 2019/004",
         "route": "forward-plan", "private": False},
        {"decision_maker": MAKER, "date": "2019-02-04", "meeting": MEETING,
         "title": "Residential placement contract", "reference": "FP 2019/011",
         "route": "forward-plan", "private": True},
    ]
    assert held.ok("forward-plan", "--on", "2019-02-05").out == (
        "No key decisions are planned from 2019-02-05.\n")

    out = tmp_path / "plan.docx"
    text = held.ok("forward-plan", "--on", "2019-01-21", "-o", str(out)).out
    assert "FP 2019/004  Expansion of the Regional Adoption Agency" in text
    found = paragraphs(out)
    assert found[:2] == [("Heading 1", "Coventry City Council\nForward Plan of Key Decisions"),
                         ("Detail", "Published:\tMonday, 21 January 2019")]
    assert ("Heading 2", MAKER) in found
    assert [t for s, t in found if s == "Heading 3"] == [
        "Expansion of the Regional Adoption Agency", "Residential placement contract"]
    assert ("Detail", "Reference:\tFP 2019/011") in found
    assert ("Detail", "Decision due:\tMonday, 4 February 2019") in found
    assert any(s == "Note" and "taken in private" in t for s, t in found)
    assert SECRET not in all_text(out)
