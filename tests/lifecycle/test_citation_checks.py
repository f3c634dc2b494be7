"""Minute citations checked against the archive by the service, as the editor's live
check does: the archive's minute numbers are read once per version and read again after
a new version, so a minute saved since is known at once."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from workflow.record import numbering
from workflow.record.model import Meeting, Paragraph, Status
from workflow.services import archives as sample
from workflow.services.checks import Checks
from workflow.services.meetings import Meetings
from workflow.services.workspace import Workspace


def citing(meeting: Meeting, citation: str) -> Meeting:
    item = meeting.items[-1]
    text = Paragraph(text=f"Further to Minute {citation}, the Board noted the update.")
    return dataclasses.replace(
        meeting, items=(*meeting.items[:-1], dataclasses.replace(item, body=(*item.body, text)))
    )


def problems_with(svc: Workspace, meeting: Meeting, citation: str) -> list[str]:
    return [p.message for p in Checks(svc).check(citing(meeting, citation)) if citation in p.message]


def test_a_citation_is_checked_against_the_newest_version(tmp_path: Path) -> None:
    path, _ = sample.init_archive(tmp_path / "archive", sample=True)
    with Workspace.open(path, create=False) as svc:
        drafts = [m for m in map(Meetings(svc).load, Meetings(svc).meeting_ids()) if m.status is Status.MINUTES_DRAFT]
        assert drafts
        meeting = drafts[0]
        numbers = [int(it.minute_number) for it in meeting.items if it.minute_number.isdigit()]
        start = numbering.municipal_year(meeting.date, svc.settings.municipal_year_start)[0].year
        unheard = max(numbers) + 40
        citation = f"{unheard}/{start % 100:02d}"

        assert problems_with(svc, meeting, citation)

        last = dataclasses.replace(meeting.items[-1], minute_number=str(unheard))
        Meetings(svc).save(dataclasses.replace(meeting, items=(*meeting.items[:-1], last)),
                           based_on=svc.head(), message="Last minute renumbered")
        assert problems_with(svc, Meetings(svc).load(meeting.id), citation) == []
