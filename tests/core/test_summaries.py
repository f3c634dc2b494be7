"""The meeting list reads each meeting file of the newest version through the codec, and
keeps what it read by the file's blob id in a store that can be lost without losing
anything; what is in the archive's folder but was never saved is never listed."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from workflow.record import codec
from workflow.services import archives
from workflow.services.cache import SummaryStore, blob_id
from workflow.services.meetings import Meetings
from workflow.services.workspace import Workspace


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    path, _ = archives.init_archive(tmp_path / "archive", sample=True)
    with Workspace.open(path, create=False) as opened:
        yield opened  # type: ignore[misc]


PLANNING = "meetings/planning-committee/2026-11-04/meeting.yaml"


def _commit(workspace: Workspace, content: bytes) -> None:
    """A version whose planning meeting file is ``content`` (saved as git saves it, with no
    validation: a file another tool or an older version wrote)."""
    workspace.save_files({PLANNING: content}, "Meeting file rewritten", {}, based_on=workspace.head())


def _saved(workspace: Workspace) -> bytes:
    return workspace.archive.read(PLANNING)


def _listed(workspace: Workspace) -> list[tuple[str, str, str]]:
    return [(s.id, s.committee_name, s.status.value) for s in Meetings(workspace).summaries()]


def test_blob_ids_are_the_ones_git_gives(tmp_path: Path) -> None:
    content = b"id: x/2026-01-01\n"
    done = subprocess.run(["git", "hash-object", "--stdin"], input=content, capture_output=True, check=True)
    assert blob_id(content) == done.stdout.decode().strip()


def test_a_listing_is_the_same_from_the_store_and_without_it(workspace: Workspace) -> None:
    first = _listed(workspace)
    store = SummaryStore(workspace.root)
    assert store.file.is_file()
    assert len(json.loads(store.file.read_text())["summaries"]) == len(first) == 6
    assert _listed(workspace) == first
    store.file.write_text("{not json")
    assert _listed(workspace) == first
    store.file.unlink()
    assert _listed(workspace) == first


def test_the_store_is_used_until_a_file_changes(workspace: Workspace) -> None:
    _listed(workspace)
    store = SummaryStore(workspace.root)
    data = json.loads(store.file.read_text())
    key = blob_id(_saved(workspace))
    data["summaries"][key][2] = "Name kept in the store"
    store.file.write_text(json.dumps(data))
    assert ("planning-committee/2026-11-04", "Name kept in the store", "minutes-draft") in _listed(workspace)
    _commit(workspace, _saved(workspace).replace(b"committee_name: Planning Committee", b"committee_name: Planning"))
    assert ("planning-committee/2026-11-04", "Planning", "minutes-draft") in _listed(workspace)
    assert key not in json.loads(store.file.read_text())["summaries"]


def test_a_file_in_another_layout_is_read_as_any_record_is(workspace: Workspace) -> None:
    data = codec.load_yaml(_saved(workspace))
    reordered = {"items": data.get("items", []), **{k: v for k, v in data.items() if k != "items"}}
    _commit(workspace, json.dumps(reordered, indent=1).encode("utf-8"))
    assert ("planning-committee/2026-11-04", "Planning Committee", "minutes-draft") in _listed(workspace)


def test_a_file_that_cannot_be_read_is_left_out(workspace: Workspace) -> None:
    _commit(workspace, b"id: [not closed\n")
    listed = [meeting_id for meeting_id, _, _ in _listed(workspace)]
    assert "planning-committee/2026-11-04" not in listed
    assert len(listed) == 5


def test_what_was_never_saved_is_never_listed(workspace: Workspace) -> None:
    before = _listed(workspace)
    path = workspace.root / PLANNING
    path.write_bytes(path.read_bytes().replace(b"committee_name: Planning Committee",
                                               b"committee_name: Never Saved"))
    stray = workspace.root / "meetings" / "planning-committee" / "2027-02-02"
    stray.mkdir()
    (stray / "meeting.yaml").write_bytes(path.read_bytes().replace(b"2026-11-04", b"2027-02-02"))
    assert _listed(workspace) == before
