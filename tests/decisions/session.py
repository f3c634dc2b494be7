"""A cabinet member decision session shaped on seed 004, taken through the command line.

Structure from the seed: Monday 4 February 2019 at 2.30 pm; items 6-11 (declarations,
minutes of 22 October 2018, two reports of the Deputy Chief Executive (People) each with
one unlabelled RESOLVED, outstanding issues, any other business); the Cabinet Member and
the Shadow Cabinet Member present; closed at 2.50 pm. The wording is our own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from workflow.record.model import (
    AttendanceState,
    Attendee,
    BulletList,
    Item,
    KeyDecision,
    Meeting,
    Paragraph,
    Report,
    Resolution,
    Role,
)

from .conftest import MEETING, Clerk

AUTHOR = "Deputy Chief Executive (People)"

ADOPTION = Item(
    uid="adoption-agency",
    title="Expansion of the Regional Adoption Agency",
    report=Report(kind="Report", author=AUTHOR),
    key_decision=KeyDecision(forward_plan_ref="FP 2019/004",
                             forward_plan_date=dt.date(2018, 12, 20)),
)
FOSTERING = Item(
    uid="fostering-report",
    title="Coventry Fostering Service Annual Report 2017/18",
    report=Report(kind="Report", author=AUTHOR),
)

ADOPTION_MINUTES = dict(
    body=(
        Paragraph(text="The Cabinet Member considered a report on a request from a fifth council "
                  "to join the regional adoption agency that the City Council already shares "
                  "with three neighbouring authorities."),
        BulletList(bullets=("A larger pool of approved adopters for better matching.",
                    "Good practice shared across the region.",
                    "Economies of scale in the adoption service.")),
    ),
    resolutions=(Resolution(text="that the Cabinet Member for Children and Young People "
                                 "endorses the enlargement of the regional adoption agency "
                                 "and delegates signing the agreement to the Director of "
                                 "Children's Services."),),
)
FOSTERING_MINUTES = dict(
    body=(Paragraph(text="The Cabinet Member considered the annual report of the fostering "
                    "service for April 2017 to March 2018, and thanked the service's staff "
                    "and foster carers."),),
    resolutions=(Resolution(text="that the Cabinet Member for Children and Young People "
                                 "accepts the Fostering Service Annual Report 2017/18."),),
)


def draft(clerk: Clerk) -> Meeting:
    """The agenda from the cabinet-member-decision template, with the two reports, 6-11."""
    clerk.on("2019-01-20")
    assert clerk.ok("new", "cabinet-member-children", "--date", "2019-02-04",
                    "--time", "14:30").out.strip() == MEETING
    meeting = clerk.load()
    standing = list(meeting.items)
    at = next(i for i, it in enumerate(standing) if it.kind.value == "minutes") + 1
    items = standing[:at] + [ADOPTION, FOSTERING] + standing[at:]
    items = [_previous_date(it) for it in items]
    clerk.save_record(dataclasses.replace(meeting, items=tuple(items), notes=()),
                      "Reports added: adoption agency, fostering annual report")
    clerk.ok("renumber", MEETING, "--first", "6")
    return clerk.load()


def _previous_date(item: Item) -> Item:
    def fill(text: str) -> str:
        return text.replace("[date of the previous meeting]", "22 October 2018")

    body = tuple(dataclasses.replace(b, text=fill(b.text)) if isinstance(b, Paragraph) else b
                 for b in item.body)
    return dataclasses.replace(item, wording=tuple(fill(w) for w in item.wording), body=body)


def hold(clerk: Clerk) -> Meeting:
    """Publish the agenda, hold the meeting and circulate the minutes."""
    clerk.on("2019-01-25").ok("publish", MEETING)
    clerk.on("2019-02-04").ok("minutes", MEETING)
    meeting = clerk.load()
    present = tuple(dataclasses.replace(a, state=AttendanceState.PRESENT)
                    for a in meeting.attendance)
    officers = tuple(Attendee(person=p, role=Role.OFFICER, state=AttendanceState.PRESENT)
                     for p in ("j-gregg", "p-smith", "s-bennett"))
    minutes = {ADOPTION.uid: ADOPTION_MINUTES, FOSTERING.uid: FOSTERING_MINUTES}
    items = tuple(dataclasses.replace(it, **minutes.get(it.uid, {})) for it in meeting.items)
    clerk.save_record(dataclasses.replace(meeting, attendance=present + officers, items=items,
                                          closed=dt.time(14, 50)), "Minutes drafted")
    clerk.ok("circulate", MEETING)
    return clerk.load()
