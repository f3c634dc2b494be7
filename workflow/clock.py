"""The clerk's clock: the time versions are saved at, and the day deadlines count from.

``MINUTEBOOK_TODAY`` (YYYY-MM-DD) fixes the day, for demonstrations and tests.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable

from workflow.errors import MinutebookError

__all__ = ["now", "today"]


def now() -> dt.datetime:
    """The current time in UTC, to the second (a version's time)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def today(clock: Callable[[], dt.datetime] = now) -> dt.date:
    """The day deadlines and next steps count from: ``MINUTEBOOK_TODAY``, else ``clock``'s."""
    override = os.environ.get("MINUTEBOOK_TODAY")
    if not override:
        return clock().date()
    try:
        return dt.date.fromisoformat(override)
    except ValueError:
        raise MinutebookError(
            f"MINUTEBOOK_TODAY is '{override}', which is not a date like 2026-11-25."
        ) from None
