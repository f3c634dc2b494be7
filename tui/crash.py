"""What happens on a bug: the traceback goes to a crash report, the clerk gets a sentence.

Lives here: :func:`write_crash_report` (the traceback in the user's state folder) and
:func:`crash_sentence`, shared by the command line and the terminal UI. Must not live
here: clerk errors (:class:`~workflow.errors.MinutebookError` are reported as they are).
"""

from __future__ import annotations

import traceback

import platformdirs

__all__ = ["crash_sentence", "write_crash_report"]


def write_crash_report(error: BaseException) -> str:
    """Write the traceback of ``error`` for a bug report; its path, or "" when even that
    cannot be written."""
    try:
        folder = platformdirs.user_state_path("minutebook", appauthor=False)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "last-error.txt"
        path.write_text("".join(traceback.format_exception(error)), encoding="utf-8")
        return str(path)
    except OSError:
        return ""


def crash_sentence(error: BaseException, where: str, consequence: str) -> str:
    """One sentence: what stopped, what became of the clerk's work, where the report is."""
    details = f" Details: {where}" if where else ""
    problem = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return f"An unexpected problem ({problem}) {consequence}.{details}"
