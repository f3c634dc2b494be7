"""A meeting's lifecycle state, apart from the model's dataclasses so that the meeting
list (:mod:`workflow.overview`) can be read without building them; the model re-exports it."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Status"]


class Status(StrEnum):
    """Where a meeting is in its lifecycle (rules in :mod:`workflow.lifecycle`)."""

    AGENDA_DRAFT = "agenda-draft"
    AGENDA_PUBLISHED = "agenda-published"
    MINUTES_DRAFT = "minutes-draft"
    MINUTES_CIRCULATED = "minutes-circulated"
    MINUTES_PUBLISHED = "minutes-published"
    MINUTES_APPROVED = "minutes-approved"
    CANCELLED = "cancelled"
