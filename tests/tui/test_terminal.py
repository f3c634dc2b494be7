"""The real ``minutebook`` command in a real terminal (tmux): open a meeting, type, save.

Skipped only when tmux is not installed.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from workflow.services.history import History
from workflow.services.meetings import Meetings
from workflow.services.workspace import Workspace

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

MEETING = "children-scrutiny-board/2026-10-22"


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def session(archive_path: Path) -> Iterator[str]:
    name = f"mb-test-{uuid.uuid4().hex[:8]}"
    _start(name, archive_path)
    try:
        yield name
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], check=False, capture_output=True)


def _wait_for(session: str, text: str, timeout: float = 20.0) -> str:
    """The screen once ``text`` appears on it (polling the pane, as a person would look)."""
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _tmux("capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(0.1)
    size = _tmux("display-message", "-p", "-t", session, "#{window_width}x#{window_height}").strip()
    size += f" (widest line {max(len(line) for line in screen.splitlines())})"
    raise AssertionError(f"'{text}' did not appear on the {size} screen:\n{screen}")


def _wait_saved(session: str, archive_path: Path, subject: str, timeout: float = 20.0):  # type: ignore[no-untyped-def]
    """The meeting's newest version once the archive has one with ``subject`` (the archive is
    the record; the status line says so too, but only until the next message)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with Workspace.open(archive_path, create=False) as service:
            latest = History(service).versions(MEETING)[0]
        if latest.subject == subject:
            return latest
        time.sleep(0.2)
    screen = _tmux("capture-pane", "-p", "-t", session)
    raise AssertionError(f"no version '{subject}' was saved; the screen:\n{screen}")


def _wait_gone(session: str, text: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text not in _tmux("capture-pane", "-p", "-t", session):
            return
        time.sleep(0.1)
    raise AssertionError(f"'{text}' stayed on the screen")


def _keys(session: str, *keys: str, settle: float = 0.0) -> None:
    """Send keys; ``settle`` gives a moved focus time to land, as a person's pause would."""
    _tmux("send-keys", "-t", session, *keys)
    if settle:
        time.sleep(settle)


def _open_meeting(session: str) -> None:
    """From home: filter to the 22 October meeting and open it."""
    _wait_for(session, "6 meetings")
    _keys(session, "/", settle=0.3)
    _keys(session, "-l", "22 Oct")
    _wait_gone(session, "Thu 14 Jan 2027")
    _keys(session, "Enter", settle=0.4)
    _keys(session, "Enter")


def _open_transport_narrative(session: str) -> None:
    """Open the meeting's minutes at the transport item, cursor at the end of its narrative."""
    _open_meeting(session)
    _wait_for(session, "Attendance and closing time")
    for _ in range(4):
        _keys(session, "Down")
    _wait_for(session, "12. Home to School Transport Review")
    time.sleep(0.3)
    _keys(session, "Tab", settle=0.3)
    _keys(session, "C-e")


def _type_message(session: str, text: str) -> None:
    """Type into the dialog's field and look that it arrived, as a person does before
    pressing Enter; a busy machine may take a moment to hand the new dialog the keys."""
    for _ in range(5):
        time.sleep(0.3)
        _keys(session, "C-u")
        _keys(session, "-l", text)
        try:
            _wait_for(session, text, timeout=4.0)
            return
        except AssertionError:
            continue
    _wait_for(session, text, timeout=1.0)


def _start(name: str, archive_path: Path) -> None:
    command = str(Path(sys.executable).with_name("minutebook"))
    env = " ".join(
        f"{k}={shlex.quote(v)}" for k, v in os.environ.items()
        if k.startswith(("MINUTEBOOK_", "XDG_", "GIT_CONFIG")) or k == "HOME"
    )
    # A freshly started tmux server opens the window at its default 80x24 and resizes it
    # just after: wait for that before starting, so the app sees the size it is given.
    _tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "36",
          f"sleep 0.5; env {env} TERM=xterm-256color {command} "
          f"--archive {shlex.quote(str(archive_path))}; sleep 5")


def test_open_a_meeting_type_and_save_in_a_real_terminal(session: str, archive_path: Path) -> None:
    _open_transport_narrative(session)
    _keys(session, "-l", " Typed in tmux.")
    _keys(session, "C-s")
    _wait_for(session, "What changed")
    _type_message(session, "Narrative typed in a terminal")
    _keys(session, "Enter")
    latest = _wait_saved(session, archive_path, "Narrative typed in a terminal")
    with Workspace.open(archive_path, create=False) as service:
        meeting = Meetings(service).load(MEETING)
    item = next(it for it in meeting.items if it.title == "Home to School Transport Review")
    assert "Typed in tmux." in item.body[0].text
    assert latest.subject == "Narrative typed in a terminal"
    _keys(session, "Escape")
    _wait_for(session, "d Decisions")
    _keys(session, "C-q")


def _minutebook_pid(session: str) -> int:
    """The minutebook process running in the tmux pane (a child of the pane's shell)."""
    pane = int(_tmux("display-message", "-p", "-t", session, "#{pane_pid}").strip())
    found = subprocess.run(["pgrep", "-f", "-P", str(pane), "minutebook"], capture_output=True, text=True)
    pids = [int(p) for p in found.stdout.split()]
    return pids[0] if pids else pane


def test_killed_terminal_ui_keeps_the_typing_and_offers_it_back(
    session: str, archive_path: Path
) -> None:
    from workflow.services.editing import autosave_key, autosave_store

    with Workspace.open(archive_path, create=False) as service:
        head = service.archive.head()
        key = autosave_key(service, MEETING)
    _open_transport_narrative(session)
    _keys(session, "-l", " Typed before the battery died.")
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        kept = autosave_store().get(key)
        if kept and b"Typed before the battery died." in kept:
            break
        time.sleep(0.2)
    else:
        raise AssertionError("the typing never reached the autosave")
    os.kill(_minutebook_pid(session), 9)
    time.sleep(0.5)

    fsck = subprocess.run(["git", "-C", str(archive_path), "fsck", "--strict"], capture_output=True, text=True)
    assert fsck.returncode == 0, fsck.stdout + fsck.stderr
    with Workspace.open(archive_path, create=False) as service:
        assert service.archive.head() == head
    assert b"Typed before the battery died." in (autosave_store().get(key) or b"")

    again = f"{session}-again"
    _start(again, archive_path)
    try:
        _open_meeting(again)
        _wait_for(again, "Recover them?")
        _keys(again, "Enter")
        _wait_for(again, "Recovered your unsaved edits")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", again], check=False, capture_output=True)
