"""Power loss, which kill -9 cannot show: every save makes what it writes durable.

Checked by inspecting the calls a save makes, two ways: the real ``minutebook`` command
under ``strace`` (skipped when strace is not installed), and an in-process save with a
counting wrapper around ``os.fsync``/``os.replace`` that calls the real functions. In both,
the record file is fsynced before it is renamed into place and its folder after; every new
git object (a loose file) is fsynced and so is its folder, all before the branch ref is
moved; under strace, the ref's lock file is fsynced by git before git renames it into
place, and its folder is fsynced after; the autosave file of an edit and its folder
likewise. git itself is told to fsync what it writes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from archive.autosave import default_autosave_folder
from tests.faults.kit import DRAFT, MINUTEBOOK, git, record_text, with_venue
from workflow.services.editing import edit_in_editor
from workflow.services.meetings import Meetings
from workflow.services.workspace import Workspace

Event = tuple[str, ...]

_FSYNC = re.compile(r"^\d+\s+f(?:data)?sync\(\d+<(.*)>\)\s+= 0")
_RENAME = re.compile(r'^\d+\s+rename(?:at2?)?\((?:[^"]*)"([^"]+)", (?:[^"]*)"([^"]+)"(?:, \w+)?\)\s+= 0')
_OBJECT = re.compile(r"/objects/[0-9a-f]{2}/[0-9a-f]{38}$")


def parse_strace(text: str) -> list[Event]:
    events: list[Event] = []
    for line in text.splitlines():
        if match := _FSYNC.match(line):
            events.append(("fsync", os.path.normpath(match.group(1))))
        elif match := _RENAME.match(line):
            events.append(("rename", os.path.normpath(match.group(1)), os.path.normpath(match.group(2))))
    return events


def durable_renames(events: list[Event], into: Callable[[str], bool]) -> list[tuple[int, int]]:
    """(rename index, folder fsync index) of each rename into a matching path; checks the order."""
    found = []
    for index, event in enumerate(events):
        if event[0] != "rename" or not into(event[2]):
            continue
        source, target = event[1], event[2]
        assert ("fsync", source) in events[:index], f"{source} renamed to {target} without fsync"
        folder = os.path.dirname(target)
        later = [i for i in range(index + 1, len(events)) if events[i] == ("fsync", folder)]
        assert later, f"the folder {folder} was not fsynced after {target} was put in place"
        found.append((index, later[0]))
    return found


def durable_objects(events: list[Event], archive: Path, before: int) -> set[str]:
    """The loose objects written before event ``before``; each must be fsynced after it
    is in place, and its folder and ``objects/`` after that, all before ``before``."""
    objects = str(archive / ".git" / "objects")
    written = {e[2] for e in events[:before] if e[0] == "rename" and _OBJECT.search(e[2])}
    written |= {e[1] for e in events[:before] if e[0] == "fsync" and _OBJECT.search(e[1])}
    for path in written:
        synced = [i for i in range(before) if events[i] == ("fsync", path)]
        assert synced, f"the object {path} was not fsynced before the ref moved"
        folder = [i for i in range(synced[0], before) if events[i] == ("fsync", os.path.dirname(path))]
        assert folder, f"the folder of {path} was not fsynced before the ref moved"
        assert ("fsync", objects) in events[folder[0]:before], "objects/ was not fsynced"
    return written


def check_save(events: list[Event], archive: Path, meeting_id: str, *, ref_moved: int | None = None) -> None:
    """``ref_moved``: index of the event at which the branch moved, when the ref's own
    rename cannot be seen (an in-process count cannot see git's children)."""
    record = str(archive / "meetings" / meeting_id / "meeting.yaml")
    assert durable_renames(events, lambda p: p == record), "the record was not written"
    ref = str(archive / ".git" / "refs" / "heads" / "main")
    if ref_moved is None:
        moves = durable_renames(events, lambda p: p == ref)
        assert len(moves) == 1
        ref_moved = moves[0][0]
    written = durable_objects(events, archive, ref_moved)
    new = git(archive, "rev-list", "--objects", "--no-object-names", "HEAD", "--not", "HEAD~1").split()
    assert len(new) >= 3, new
    for sha in new:
        assert str(archive / ".git" / "objects" / sha[:2] / sha[2:]) in written, f"{sha} not durable"
    assert git(archive, "config", "--get", "core.fsync").strip().startswith("committed")


def check_autosave(events: list[Event]) -> None:
    folder = str(default_autosave_folder())
    assert durable_renames(events, lambda p: os.path.dirname(p) == folder and p.endswith(".autosave"))


def _typing_editor(tmp_path: Path, venue: str) -> Path:
    script = tmp_path / "editor.sh"
    script.write_text(f"#!/bin/sh\nsed -i 's/^venue: .*/venue: {venue}/' \"$1\"\n")
    script.chmod(0o755)
    return script


def _strace(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> list[Event]:
    if shutil.which("strace") is None:
        pytest.skip("strace is not installed; the in-process fsync test covers the same ground")
    trace = tmp_path / "trace.txt"
    done = subprocess.run(
        ["strace", "-f", "-y", "-qq", "-o", str(trace),
         "-e", "trace=fsync,fdatasync,rename,renameat,renameat2,openat", str(MINUTEBOOK), *args],
        capture_output=True, text=True, env={**os.environ, **(env or {})}, check=False,
    )
    if "PTRACE" in done.stderr or ("Operation not permitted" in done.stderr and not trace.exists()):
        pytest.skip(f"strace cannot trace here: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    return parse_strace(trace.read_text())


def test_save_under_strace_fsyncs_record_objects_and_ref(archive: Path, tmp_path: Path) -> None:
    source = tmp_path / "edited.yaml"
    source.write_text(with_venue(record_text(archive, DRAFT), "Durable Room"))
    events = _strace(tmp_path, "save", DRAFT, "--from", str(source), "-m", "Durable", "--archive", str(archive))
    check_save(events, archive, DRAFT)


def test_edit_under_strace_fsyncs_the_autosave(archive: Path, tmp_path: Path) -> None:
    editor = _typing_editor(tmp_path, "Autosaved Room")
    events = _strace(tmp_path, "edit", DRAFT, "--archive", str(archive), env={"EDITOR": str(editor)})
    check_autosave(events)
    check_save(events, archive, DRAFT)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[Event]:
    """Record every fsync and rename made in this process, then do the real call, and
    the moment the branch ref is moved (by a git child, which the count cannot see)."""
    events: list[Event] = []
    real_fsync, real_replace, real_rename = os.fsync, os.replace, os.rename

    def fsync(fd: int) -> None:
        events.append(("fsync", os.path.normpath(os.readlink(f"/proc/self/fd/{fd}"))))
        real_fsync(fd)

    def moved(real: Callable[..., None]) -> Callable[..., None]:
        def wrapper(src: str | os.PathLike[str], dst: str | os.PathLike[str], **kw: object) -> None:
            real(src, dst, **kw)
            events.append(("rename", os.path.abspath(src), os.path.abspath(dst)))
        return wrapper

    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to name the file behind a descriptor")
    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", moved(real_replace))
    monkeypatch.setattr(os, "rename", moved(real_rename))
    import archive._saving

    real_move = archive._saving.move_ref

    def move_ref(*args: object, **kw: object) -> None:
        real_move(*args, **kw)  # type: ignore[arg-type]
        events.append(("moved", str(args[1])))

    monkeypatch.setattr(archive._saving, "move_ref", move_ref)
    return events


def _moved(events: list[Event]) -> int:
    [index] = [i for i, e in enumerate(events) if e == ("moved", "refs/heads/main")]
    return index


def test_in_process_save_fsyncs_record_objects_and_ref(archive: Path, tmp_path: Path, counted: list[Event]) -> None:
    text = with_venue(record_text(archive, DRAFT), "Counted Room").encode()
    counted.clear()
    with Workspace.open(archive, create=False) as workspace:
        Meetings(workspace).save_text(DRAFT, text, message="Counted", where="edited.yaml",
                                      based_on=workspace.head())
    check_save(counted, archive, DRAFT, ref_moved=_moved(counted))


def test_in_process_edit_fsyncs_the_autosave(
    archive: Path, tmp_path: Path, counted: list[Event], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", str(_typing_editor(tmp_path, "Counted Autosave Room")))
    counted.clear()
    with Workspace.open(archive, create=False) as workspace:
        assert edit_in_editor(Meetings(workspace), DRAFT) == 0
    check_autosave(counted)
    check_save(counted, archive, DRAFT, ref_moved=_moved(counted))
