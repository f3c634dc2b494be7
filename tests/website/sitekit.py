"""An archive for the website tests: the sample council, with exempt sentinels and issued files.

On top of the sample meetings: a sentinel sentence in exempt minute text and in the
exempt item of the circulated Children and Families meeting, and a new private item
(sentinel title and text) on the January agenda, which is then published, so the archive
holds an issued public agenda and its confidential twin, and the Planning Committee's minutes are circulated (issued
draft minutes, public and confidential). The exempt parts of the sample
(the Oakfield House contract, the operators' bids) are sentinels too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from workflow.record.model import Exemption, Item, ItemKind, Paragraph, Report
from workflow.services.archives import init_archive
from workflow.services.lifecycle import Lifecycle
from workflow.services.meetings import Meetings
from workflow.services.workspace import Workspace
from workflow.settings import Settings

__all__ = ["CIRCULATED", "MINUTES_ISSUED", "PUBLISHED", "SENTINELS", "SETTINGS", "TODAY", "make_archive", "open_service"]

SETTINGS = Settings(council="Riverbend Borough Council", clerk_name="Test Clerk",
                    clerk_email="clerk@example.org")
TODAY = dt.date(2026, 12, 1)
CIRCULATED = "children-scrutiny-board/2026-10-22"
PUBLISHED = "children-scrutiny-board/2027-01-14"
MINUTES_ISSUED = "planning-committee/2026-11-04"
SECRET_MINUTE = "Zanzibar tender sealed at 4.2 million"
SECRET_TITLE = "Quillfeather Lodge acquisition"
SECRET_TEXT = "the vendor Marigold Estates would accept 910,000 pounds"
SENTINELS = (SECRET_MINUTE, SECRET_TITLE, SECRET_TEXT, "Oakfield House", "6.5 per cent",
             "two lowest operator bids")


def open_service(path: Path) -> Workspace:
    return Workspace.open(path, settings=SETTINGS, create=False,
                        clock=lambda: dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC))


def make_archive(path: Path) -> Path:
    init_archive(path, sample=True, settings=SETTINGS)
    with open_service(path) as workspace:
        meetings, lifecycle = Meetings(workspace), Lifecycle(workspace)
        meeting = meetings.load(CIRCULATED)
        items = []
        for item in meeting.items:
            if item.is_exempt:
                item = dataclasses.replace(item, body=(*item.body, Paragraph(text=SECRET_MINUTE)))
            items.append(item)
        meetings.save(dataclasses.replace(meeting, items=tuple(items)), based_on=workspace.head(),
                 message="Exempt minute text added")
        january = meetings.load(PUBLISHED)
        secret = Item(uid="lodge", kind=ItemKind.REPORT, title=SECRET_TITLE,
                      public_title="Acquisition of a property",
                      report=Report(author="Director of Place"), wording=(SECRET_TEXT,),
                      exemption=Exemption(paragraph=3, public_interest="Commercial terms."))
        meetings.save(dataclasses.replace(january, items=(*january.items, secret)), based_on=workspace.head(),
                 message="Private item added")
        meetings.renumber(PUBLISHED)
        lifecycle.publish(PUBLISHED, published_on=TODAY)
        lifecycle.circulate(MINUTES_ISSUED)
    return path
