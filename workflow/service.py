"""The meetings service opened on its own archive, for callers that open one archive per run.

:class:`Service` is :class:`~workflow.services.meetings.Meetings` on a
:class:`~workflow.services.workspace.Workspace` it opens and closes itself. The fault
tests (``tests/faults``) save through it; everything else asks the service of its
concern in :mod:`workflow.services` for what it needs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from workflow.clock import now as clock_now
from workflow.services.meetings import Meetings
from workflow.services.workspace import Workspace
from workflow.settings import Settings

__all__ = ["Service"]


class Service(Meetings):
    """Meetings on an archive this object opened; close it (or use ``with``) when done."""

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        settings: Settings | None = None,
        create: bool = True,
        clock: Callable[[], dt.datetime] = clock_now,
    ) -> Service:
        return cls(Workspace.open(path, settings=settings, create=create, clock=clock))

    def close(self) -> None:
        self.workspace.close()

    def __enter__(self) -> Service:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
