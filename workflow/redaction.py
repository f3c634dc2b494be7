"""The one choke point for exempt business: :func:`public_view`.

A public view is exactly what ``meeting.yaml`` holds without ``meeting.exempt.yaml``: it is
built by :func:`workflow.codec.split_exempt` and decoded again, so an exempt item becomes a
withheld stub (number, public title, exemption) and an exempt paragraph becomes a
:class:`~workflow.model.Withheld` block. Every public document and export is made from
this view; only a confidential render sees the full meeting. Nothing here renders.
"""

from __future__ import annotations

from workflow.codec import decode, split_exempt
from workflow.model import Meeting

__all__ = ["public_view"]


def public_view(meeting: Meeting) -> Meeting:
    """The meeting as the public may see it (idempotent: a view of a view is the same)."""
    public, _exempt = split_exempt(meeting)
    return decode(Meeting, public, where=f"the public view of {meeting.id}")
