"""Exempt business never leaks into anything public.

Generated meetings carry a sentinel only in exempt items and exempt minute text
(``tests.strategies.meetings(exempt=True)``). No public Word document (every part
unzipped), export, search result, history listing, public diff, commit message, tag or
public ``meeting.yaml`` in the archive may carry it; each test also shows the sentinel is
really there on the confidential side, so it can fail.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from tests.leaks.conftest import docx_text, savable
from tests.strategies import DEFAULT_SENTINEL as SECRET
from tests.strategies import meetings
from workflow.record.codec import encode_meeting
from workflow.record.model import Meeting, Paragraph, Status
from workflow.render.documents import export
from workflow.render.word import render_docx
from workflow.services.history import History
from workflow.services.meetings import Meetings
from workflow.services.search import Search
from workflow.services.workspace import Workspace
from workflow.settings import Settings

CREATED = dt.datetime(2027, 1, 14, 16, 0, tzinfo=dt.UTC)
SETTINGS = Settings(council="Example Council", clerk_name="Test Clerk", clerk_email="clerk@example.org")


@given(meeting=meetings(exempt=True))
def test_public_documents_and_exports_carry_no_exempt_text(meeting: Meeting) -> None:
    for which in ("agenda", "minutes"):
        public = docx_text(render_docx(meeting, which, people={}, author="Clerk", created=CREATED))
        assert SECRET not in public
        for fmt in ("markdown", "html", "json"):
            assert SECRET not in export(meeting, fmt, people={}, which=which)
    confidential = export(meeting, "json", people={}, confidential=True)
    assert SECRET in confidential


@given(meeting=meetings(exempt=True))
def test_public_record_file_carries_no_exempt_text(meeting: Meeting) -> None:
    public, exempt = encode_meeting(meeting)
    assert SECRET not in public
    assert exempt is not None
    assert SECRET in exempt


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True).stdout


def _second_version(meeting: Meeting) -> Meeting:
    """A later version: a public note added and the exempt text changed."""
    items = []
    for item in meeting.items:
        if item.exemption is not None:
            item = dataclasses.replace(item, body=(*item.body, Paragraph(text=f"later {SECRET} terms")))
        items.append(item)
    return dataclasses.replace(meeting, items=tuple(items), notes=(*meeting.notes, "a public note"))


@settings(max_examples=8, suppress_health_check=[HealthCheck.too_slow])
@given(meeting=meetings(exempt=True, max_items=3))
def test_archive_search_history_diff_and_messages_carry_no_exempt_text(meeting: Meeting) -> None:
    meeting = dataclasses.replace(savable(meeting), status=Status.MINUTES_DRAFT)
    with tempfile.TemporaryDirectory() as folder, Workspace.open(Path(folder) / "a", settings=SETTINGS) as svc:
        Meetings(svc).save(meeting, based_on=svc.head(), message="First version")
        Meetings(svc).save(_second_version(meeting), based_on=svc.head(), message="Second version")
        assert not [h for h in Search(svc).search(SECRET) if SECRET in h.text or SECRET in h.item_title]
        assert any(SECRET in h.text for h in Search(svc).search(SECRET, confidential=True))
        for version in History(svc).versions(meeting.id):
            assert SECRET not in f"{version.subject}\n{version.body}\n{version.trailers}\n{version.tags}"
        found = History(svc).diff(meeting.id, "1", "2")
        assert SECRET not in found.to_text()
        assert SECRET not in json.dumps(found.to_json())
        assert SECRET in json.dumps(History(svc).diff(meeting.id, "1", "2", confidential=True).to_json())
        root = Path(folder) / "a"
        assert SECRET not in _git(root, "log", "--all", "--format=%B%n%N")
        public_path = f"meetings/{meeting.id}/meeting.yaml"
        assert SECRET not in _git(root, "log", "-p", "--all", "--", public_path)
        assert SECRET in _git(root, "log", "-p", "--all", "--", f"meetings/{meeting.id}/meeting.exempt.yaml")
