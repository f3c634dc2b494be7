"""A clerk's whole journey through the command line, on a real archive.

Agenda from the template, publish, minutes, circulate, approve at the next meeting, amend
the approved minutes, then review: history, word diff, Word redline, search.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
import yaml

from tests.cli.conftest import Run

BOARD = "children-scrutiny-board"


def _record(run: Run, meeting_id: str) -> dict:  # type: ignore[type-arg]
    result = run("show", meeting_id, "--yaml", "--confidential")
    assert result.code == 0, result.err
    return yaml.safe_load(result.out)


def _save(run: Run, tmp_path: Path, meeting_id: str, data: dict, message: str) -> None:  # type: ignore[type-arg]
    path = tmp_path / "edit.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = run("save", meeting_id, "--from", str(path), "-m", message)
    assert result.code == 0, result.err


def _record_minutes(data: dict) -> dict:  # type: ignore[type-arg]
    for attendee in data.get("attendance", []):
        attendee["state"] = "present"
    for item in data["items"]:
        if item.get("kind") == "report":
            item["body"] = [{"text": "The Board considered the briefing note."}]
            item["resolutions"] = [
                {"label": "(a)", "text": "To note the report."},
                {"label": "(b)", "text": "To ask for a progress report in March."},
            ]
    data["closed"] = "15:40"
    return data


@pytest.fixture
def journey(sample: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("MINUTEBOOK_TODAY", "2027-01-05")
    return sample


def test_agenda_to_circulated_minutes(
    journey: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = journey
    first = run("new", BOARD, "--date", "2027-02-11", "--time", "14:00", "--venue", "Committee Room 3")
    assert first.code == 0, first.err
    meeting = first.out.strip()

    data = _record(run, meeting)
    data["items"].insert(
        3,
        {"uid": "i90", "agenda_number": "", "minute_number": "", "kind": "report",
         "title": "Children's Services Improvement",
         "report": {"kind": "Briefing Note", "author": "Director of Children's Services"}},
    )
    _save(run, tmp_path, meeting, data, "Report added")
    assert run("renumber", meeting).code == 0

    published = run("publish", meeting, "--json")
    assert published.code == 0, published.err
    info = published.json()
    assert info["status"] == "agenda-published"
    assert info["tag"] == f"{meeting}/agenda-published-1"
    agenda = docx.Document(info["files"][0])
    text = "\n".join(p.text for p in agenda.paragraphs)
    assert "Children's Services Improvement" in text
    assert "Briefing Note of the Director of Children's Services" in text

    refused = run("circulate", meeting)
    assert refused.code == 1
    assert "start the minutes" in refused.err

    assert run("minutes", meeting).code == 0
    blocked = run("circulate", meeting)
    assert blocked.code == 1
    assert "Record the attendance" in blocked.err
    _save(run, tmp_path, meeting, _record_minutes(_record(run, meeting)), "Minutes drafted")
    empty = run("circulate", meeting)
    assert empty.code == 1
    assert "'Work Programme' has nothing in its minutes" in empty.err
    data = _record(run, meeting)
    for item in data["items"]:
        if item.get("kind") == "work-programme":
            item["body"] = [{"text": "The Board agreed its work programme."}]
    _save(run, tmp_path, meeting, data, "Work programme minuted")
    circulated = run("circulate", meeting, "--json")
    assert circulated.code == 0, circulated.err
    assert circulated.json()["status"] == "minutes-circulated"

    monkeypatch.setenv("MINUTEBOOK_TODAY", "2027-02-20")
    early = run("approve", meeting, "--at", f"{BOARD}/2027-01-14")
    assert early.code == 1
    assert "later meeting" in early.err

    run_next = run("new", BOARD, "--date", "2027-03-11", "--time", "14:00")
    assert run_next.code == 0, run_next.err
    draft = run("approve", meeting, "--at", run_next.out.strip())
    assert draft.code == 1
    assert "has not been held: its agenda is still a draft" in draft.err
    assert run("publish", run_next.out.strip()).code == 0
    not_yet = run("approve", meeting, "--at", run_next.out.strip())
    assert not_yet.code == 1
    assert "has not happened yet" in not_yet.err


def test_approve_lock_amend_and_review(journey: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run = journey
    meeting = f"{BOARD}/2026-10-22"
    later = f"{BOARD}/2027-01-14"
    assert run("publish", later).code == 0
    monkeypatch.setenv("MINUTEBOOK_TODAY", "2027-01-20")
    approved = run("approve", meeting, "--at", later, "--json")
    assert approved.code == 0, approved.err
    assert approved.json()["status"] == "minutes-approved"
    at = _record(run, later)
    minutes_item = next(i for i in at["items"] if i.get("kind") == "minutes")
    assert meeting in minutes_item["approves"]

    data = _record(run, meeting)
    target = next(i for i in data["items"] if i.get("resolutions"))
    old_text = target["resolutions"][0]["text"]
    target["resolutions"][0]["text"] = old_text + " by 31 March 2027"
    edited = tmp_path / "amended.yaml"
    edited.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")

    locked = run("save", meeting, "--from", str(edited), "-m", "sneaky")
    assert locked.code == 1
    assert "locked" in locked.err

    amended = run("amend", meeting, "--reason", "Wrong date in a resolution", "--from", str(edited),
                  "--authority", "Minute 5/26")
    assert amended.code == 0, amended.err
    record = _record(run, meeting)
    assert record["amendments"][0]["reason"] == "Wrong date in a resolution"
    assert record["amendments"][0]["by"] == "Test Clerk"

    history = run("history", meeting, "--json").json()["versions"]
    assert history[0]["message"].startswith("Approved minutes amended")
    assert any(t.endswith("minutes-approved") for v in history for t in v["tags"])

    n = len(history)
    diff = run("diff", meeting, f"v{n - 1}", f"v{n}", "--json")
    assert diff.code == 0, diff.err
    assert "31 March 2027" in str(diff.json()["diff"])
    plain = run("diff", meeting, f"v{n - 1}", f"v{n}")
    assert "{+" in plain.out
    assert "31" in plain.out

    out = tmp_path / "redline.docx"
    red = run("redline", meeting, f"v{n - 1}", f"v{n}", "-o", str(out))
    assert red.code == 0, red.err
    xml = zipfile.ZipFile(io.BytesIO(out.read_bytes())).read("word/document.xml").decode()
    assert "<w:ins " in xml
    assert "March" in xml

    hits = run("search", "31 March 2027", "--json").json()["hits"]
    assert any(h["meeting"] == meeting for h in hits)

    restored = run("restore", meeting, f"v{n - 1}")
    assert restored.code == 1
    assert "locked" in restored.err


def test_search_never_shows_exempt_content(journey: Run) -> None:
    run = journey
    record = _record(run, f"{BOARD}/2026-10-22")
    exempt_items = [i for i in record["items"] if i.get("exemption")]
    assert exempt_items, "the sample has exempt business"
    public = run("search", exempt_items[0]["title"], "--json").json()["hits"]
    assert not any(h["confidential"] for h in public)
    confidential = run("search", exempt_items[0]["title"], "--confidential", "--json").json()["hits"]
    assert any(h["confidential"] for h in confidential)
    assert public == []
    assert run("search", exempt_items[0]["title"]).out.startswith("Nothing mentions")


def test_search_shows_a_limited_number_of_lines_and_says_so(journey: Run) -> None:
    run = journey
    everything = run("search", "the", "--json").json()
    assert len(everything["hits"]) > 5
    assert everything["more"] is False
    limited = run("search", "the", "--limit", "3", "--json").json()
    assert limited["hits"] == everything["hits"][:3]
    assert limited["more"] is True
    text = run("search", "the", "--limit", "3").out
    assert "Only the first 3 matches are shown" in text
