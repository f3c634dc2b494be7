"""The one choke point for exempt business: :func:`public_view`.

A public view is exactly what ``meeting.yaml`` holds without ``meeting.exempt.yaml``: it is
built by :func:`workflow.record.codec.split_exempt` and decoded again, so an exempt item becomes a
withheld stub (number, public title, exemption) and an exempt paragraph becomes a
:class:`~workflow.record.model.Withheld` block. Every public document and export is made from
this view; only a confidential render sees the full meeting. Nothing here renders.
"""

from __future__ import annotations

from workflow.record.codec import decode, split_exempt
from workflow.record.model import Meeting

__all__ = ["has_exempt_content", "public_view"]


def has_exempt_content(meeting: Meeting) -> bool:
    """True when anything in the meeting is exempt (an item or a block of minutes text)."""
    return any(
        item.exemption is not None
        or any(getattr(block, "exemption", None) is not None for block in item.body)
        for item in meeting.items
    )


def public_view(meeting: Meeting) -> Meeting:
    """The meeting as the public may see it (idempotent: a view of a view is the same).

    A meeting with nothing exempt is its own public view (``split_exempt`` would give back
    the same data), so it is returned as it is.
    """
    if not has_exempt_content(meeting):
        return meeting
    public, _exempt = split_exempt(meeting)
    return decode(Meeting, public, where=f"the public view of {meeting.id}")
