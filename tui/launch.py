"""Starting the terminal UI: the app built on an archive, and the bare ``minutebook`` command.

Lives here: :func:`make_app` (the composition root: settings, the archive, the home
screen; tests build the same app on a temporary archive) and :func:`run_app`. The default
archive is created with the sample meetings on first run; a named archive that does not
exist is refused, since it is almost always a typing mistake.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path

import archive as store
from tui.app import MinutebookApp
from tui.screens.home import HomeScreen
from workflow.clock import now as clock_now
from workflow.errors import MinutebookError
from workflow.services import archives
from workflow.services.workspace import Workspace
from workflow.settings import load_settings

__all__ = ["make_app", "run_app"]


def make_app(path: Path | None = None, *, clock: Callable[[], dt.datetime] | None = None) -> MinutebookApp:
    """The app on the archive at ``path`` (default if None), created with samples on first run.

    ``clock`` fixes the time versions are saved at (tests and snapshots). A folder that is
    not an archive is refused here, in one sentence, before anything is drawn.
    """
    settings = load_settings()
    named = path is not None or bool(os.environ.get("MINUTEBOOK_ARCHIVE"))
    target = Path(path) if path is not None else store.default_archive_path()
    if not target.exists() and named:
        raise MinutebookError(
            f"There is no archive at {target}; create one with `minutebook init` "
            "(or `minutebook init --sample` for a demo)."
        )
    if not target.exists():
        archives.init_archive(target, sample=True, settings=settings)

    def open_workspace() -> Workspace:
        # the settings are read again for each: the clerk's name may be given meanwhile
        return Workspace.open(target, settings=load_settings(), create=False, clock=clock or clock_now)

    return MinutebookApp(open_workspace, home=HomeScreen, workspace=open_workspace())


def run_app() -> int:
    """Run the terminal UI on the clerk's archive; the exit code."""
    try:
        app = make_app()
    except MinutebookError as exc:
        print(f"minutebook: {exc.message}", file=sys.stderr)
        return exc.exit_code
    app.run()
    return app.return_code or 0
