"""Steps on meetings that have not happened, on the command line: no minutes are written
for a meeting whose minutes are not started, and approval is recorded only at a meeting
that has been held. Each refusal is one sentence saying why; nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import Run

BOARD = "children-scrutiny-board"
DRAFT = f"{BOARD}/2027-01-14"
CIRCULATED = f"{BOARD}/2026-10-22"


@pytest.fixture
def clerk(sample: Run, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("MINUTEBOOK_TODAY", "2027-01-05")
    return sample


def _one_sentence(err: str) -> str:
    assert err.startswith("minutebook: ")
    assert err.count("\n") == 1
    return err.removeprefix("minutebook: ").strip()


def test_no_minutes_are_written_for_a_draft_agenda(clerk: Run, tmp_path: Path) -> None:
    out = tmp_path / "minutes.docx"
    refused = clerk("render", DRAFT, "minutes", "-o", str(out))
    assert refused.code == 1
    assert _one_sentence(refused.err) == (
        f"There are no minutes of {DRAFT} to write: its agenda is still a draft, and minutes are "
        "started only after the agenda is published and the meeting held.")
    assert not out.exists()
    exported = clerk("export", DRAFT, "--format", "markdown", "--document", "minutes")
    assert exported.code == 1
    assert "its agenda is still a draft" in exported.err
    agenda = clerk("export", DRAFT, "--format", "markdown")
    assert agenda.code == 0, agenda.err
    assert "Minutes of the Meeting" not in agenda.out
    assert "Youth Justice Plan" in agenda.out
    assert clerk("render", DRAFT, "agenda", "-o", str(tmp_path / "agenda.docx")).code == 0


def test_no_minutes_before_they_are_started(clerk: Run, tmp_path: Path) -> None:
    assert clerk("publish", DRAFT).code == 0
    refused = clerk("render", DRAFT, "minutes", "-o", str(tmp_path / "m.docx"))
    assert refused.code == 1
    assert _one_sentence(refused.err) == (
        f"There are no minutes of {DRAFT} to write: they have not been started; start them from the "
        f"published agenda first (minutebook minutes {DRAFT}, or F8 in the meeting).")


def test_approval_only_at_a_meeting_that_has_been_held(
    clerk: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MINUTEBOOK_TODAY", "2027-01-20")
    at_draft = clerk("approve", CIRCULATED, "--at", DRAFT)
    assert at_draft.code == 1
    assert _one_sentence(at_draft.err) == (
        f"{DRAFT} has not been held: its agenda is still a draft; publish its agenda and record "
        "the approval after the meeting.")
    assert clerk("show", CIRCULATED, "--json").json()["meeting"]["status"] == "minutes-circulated"

    monkeypatch.setenv("MINUTEBOOK_TODAY", "2027-01-05")
    assert clerk("publish", DRAFT).code == 0
    too_soon = clerk("approve", CIRCULATED, "--at", DRAFT)
    assert too_soon.code == 1
    assert "has not happened yet (it is on 14 January 2027)" in too_soon.err

    monkeypatch.setenv("MINUTEBOOK_TODAY", "2027-01-20")
    approved = clerk("approve", CIRCULATED, "--at", DRAFT)
    assert approved.code == 0, approved.err
