"""Creating archives: an empty one, or a demo archive filled with sample meetings.

The sample is a fictional council's data shipped in ``templates/sample/`` in the archive
layout. Each record is validated and saved as its own version, so a new user's history
shows how versions look.
"""

from __future__ import annotations

from pathlib import Path

import archive as store
import templates
from workflow.errors import MinutebookError
from workflow.record import codec, files
from workflow.record.model import Committee, Meeting
from workflow.services.meetings import Meetings
from workflow.services.workspace import Workspace, archive_errors
from workflow.settings import Settings, load_settings
from workflow.text.dates import format_date

__all__ = ["SAMPLE_AUTHOR", "clone_archive", "init_archive", "install_sample", "sample_root"]

SAMPLE_AUTHOR = store.Identity(name="minutebook sample records", email="")
"""Who the sample's versions are by when the clerk has not given a name yet."""


def sample_root() -> Path:
    return Path(templates.__file__).resolve().parent / "sample"


def init_archive(
    path: Path | None = None, *, sample: bool = False, settings: Settings | None = None
) -> tuple[Path, bool]:
    """Create the archive at ``path`` (default location if None); False if it existed."""
    target = Path(path) if path is not None else store.default_archive_path()
    settings = settings or load_settings()
    with archive_errors():
        if (target / ".git").exists():
            store.GitArchive.open(target).close()
            return target, False
        if target.exists() and any(target.iterdir()):
            raise MinutebookError(
                f"{target} already holds files but is not an archive; choose an empty folder."
            )
        repo = store.GitArchive.init(target, demo=sample)
    with Workspace(repo, settings) as workspace:
        if sample:
            if workspace.known is None:
                workspace.known = SAMPLE_AUTHOR
            install_sample(workspace)
    return target, True


def clone_archive(url: str, path: Path | None = None) -> Path:
    """Make a local copy of a team's shared archive (a git remote) at ``path``."""
    target = Path(path) if path is not None else store.default_archive_path()
    with archive_errors():
        store.GitArchive.clone(url, target).close()
    return target


def install_sample(workspace: Workspace) -> None:
    """Save the sample register, committees and meetings, one version each."""
    meetings = Meetings(workspace)
    root = sample_root()
    register = root / files.REGISTER_PATH
    people = files.parse_people(register.read_bytes(), where=str(register))
    meetings.register.save_people(people, "Register of members and officers")
    for path in sorted((root / "committees").glob("*.yaml")):
        committee = codec.decode(Committee, codec.load_yaml(path.read_bytes(), where=str(path)))
        meetings.register.save_committee(committee, f"Committee: {committee.name}")
    for path in sorted((root / "meetings").glob("*/*/" + files.MEETING_FILE)):
        exempt = path.with_name(files.EXEMPT_FILE)
        meeting = codec.decode_meeting(
            path.read_bytes(), exempt.read_bytes() if exempt.exists() else None, where=str(path)
        )
        _save_with_history(meetings, meeting)


def _save_with_history(meetings: Meetings, meeting: Meeting) -> None:
    name = meeting.committee_name or meeting.committee
    meetings.save(meeting, message=f"{name}, {format_date(meeting.date)}: sample record", based_on=None)
