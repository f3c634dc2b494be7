"""Small valid records in plain-data form, for tests to break one field at a time."""

from __future__ import annotations

from typing import Any

import pytest


def meeting_data() -> dict[str, Any]:
    return {
        "id": "scrutiny-board/2017-10-12",
        "committee": "scrutiny-board",
        "committee_name": "Education and Children's Services Scrutiny Board (2)",
        "council": "Coventry City Council",
        "date": "2017-10-12",
        "start": "14:00",
        "closed": "15:30",
        "venue": "Committee Room 3 - Council House",
        "contact": {"name": "M Rose", "phone": "024 7683 3111", "email": "m.rose@example.gov.uk"},
        "attendance": [
            {"person": "cllr-m-mutton", "role": "chair", "state": "present"},
            {"person": "cllr-d-kershaw", "state": "apologies"},
            {"person": "cllr-r-brown", "state": "present", "substitute_for": "cllr-d-kershaw"},
            {"name": "J Gregg", "role": "officer", "state": "present", "directorate": "People"},
        ],
        "items": [
            {"uid": "i1", "agenda_number": "1", "minute_number": "18", "kind": "declarations",
             "title": "Declarations of Interests",
             "body": [{"text": "There were no disclosable pecuniary interests."}]},
            {"uid": "i2", "agenda_number": "2", "minute_number": "19", "kind": "minutes",
             "title": "Minutes", "approves": ["scrutiny-board/2017-09-14"],
             "actions": [{"text": "Arrange a briefing seminar", "origin": "14/17"}]},
            {"uid": "i3", "agenda_number": "3", "minute_number": "20", "title": "Social Workers",
             "report": {"kind": "Briefing Note", "author": "Deputy Chief Executive (People)"},
             "body": [{"text": "The Board considered a briefing note."},
                      {"bullets": ["caseloads", "recruitment"]}],
             "resolutions": [{"label": "(a)", "text": "That the progress be noted."},
                             {"label": "(b)", "text": "That a further report be considered."}]},
            {"uid": "i4", "agenda_number": "4", "minute_number": "21", "kind": "report",
             "title": "Placement Contract", "public_title": "Contract award",
             "exemption": {"paragraph": 3},
             "body": [{"text": "Members considered the tender results."}]},
        ],
    }


@pytest.fixture
def meeting() -> dict[str, Any]:
    """A small valid meeting (facts from the 12 October 2017 seed, our own words)."""
    return meeting_data()
