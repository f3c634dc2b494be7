"""Editing a meeting's YAML in the clerk's editor without ever losing the text.

The working copy lives in the autosave folder (outside the history) from the moment the
editor opens. A valid edit is saved as a version and the working copy discarded; an
invalid one is reopened (on a terminal) or kept, and the next ``edit`` offers it back.
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import archive as store
from archive.locking import atomic_write
from workflow.errors import InvalidRecord, MinutebookError
from workflow.record import codec
from workflow.record.model import Meeting
from workflow.services.history import History
from workflow.services.meetings import Meetings
from workflow.services.workspace import Workspace

__all__ = ["autosave_key", "autosave_store", "autosave_text", "edit_in_editor", "pending_edit"]


def autosave_store() -> store.AutosaveStore:
    return store.AutosaveStore()


def autosave_key(workspace: Workspace, meeting_id: str) -> str:
    """The name the autosave store keeps a meeting's unsaved edits under."""
    return store.autosave_key(workspace.root, meeting_id)


def _work_file(saves: store.AutosaveStore, key: str) -> Path:
    digest = hashlib.sha256(key.encode()).hexdigest()[:12]
    name = key.rsplit("/", 2)[-2:]
    folder = saves.folder / "editing"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{'-'.join(name)}-{digest}.yaml"


def pending_edit(workspace: Workspace, meeting_id: str) -> bytes | None:
    """Unsaved text of a meeting kept from an earlier session, if any."""
    return autosave_store().get(autosave_key(workspace, meeting_id))


def autosave_text(meeting: Meeting) -> bytes:
    """Unsaved edits as the terminal UI keeps them every few seconds while the clerk types:
    JSON, which is YAML too and is written about four times faster than block YAML."""
    return json.dumps(codec.encode(meeting), ensure_ascii=False).encode("utf-8")


def _as_block_yaml(text: bytes) -> bytes:
    """Recovered edits as the clerk edits them: the terminal UI keeps them as JSON (which
    is YAML too); text that does not read as a record is shown as it was kept."""
    if not text.lstrip().startswith(b"{"):
        return text
    try:
        return codec.dump_yaml(codec.load_yaml(text, where="the recovered edits")).encode("utf-8")
    except MinutebookError:
        return text


def _editor() -> list[str]:
    command = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not command:
        command = "notepad" if os.name == "nt" else "vi"
    return shlex.split(command)


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def edit_in_editor(meetings: Meetings, meeting_id: str, *, message: str | None = None) -> int:
    """Open the meeting in $EDITOR until it is valid or the clerk gives up; 0 when saved."""
    meeting = meetings.load(meeting_id)
    saves = autosave_store()
    key = autosave_key(meetings.workspace, meeting_id)
    original = codec.dump_yaml(codec.encode(meeting)).encode("utf-8")
    work = _work_file(saves, key)
    kept = [t for t in (_read(work), saves.get(key)) if t is not None and t != original]
    if kept:
        text = _as_block_yaml(kept[0])
        print(f"Recovered unsaved edits of {meeting_id} from an earlier session.")
    else:
        text = original
    saves.put(key, text)
    if _read(work) != text:
        _write_durably(work, text)
    while True:
        _run_editor(work)
        text = work.read_bytes()
        saves.put(key, text)
        if text == original:
            saves.discard(key)
            work.unlink(missing_ok=True)
            print("No changes; nothing saved.")
            return 0
        try:
            version = meetings.save_text(
                meeting_id, text, message=message or "Edited in the editor", where=str(work)
            )
        except MinutebookError as exc:
            _report(exc)
            if _interactive() and _ask("Reopen the editor to fix it? [Y/n] "):
                continue
            print(
                f"Your edit is kept in {work}; `minutebook edit {meeting_id}` offers it back.",
                file=sys.stderr,
            )
            return 1
        saves.discard(key)
        work.unlink(missing_ok=True)
        print(f"Saved {meeting_id} as {History(meetings.workspace).name_of(meeting_id, version.commit)}.")
        return 0


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _write_durably(path: Path, data: bytes) -> None:
    atomic_write(path, data)


def _run_editor(path: Path) -> None:
    command = [*_editor(), str(path)]
    try:
        result = subprocess.run(command, check=False)
    except FileNotFoundError:
        raise MinutebookError(
            f"The editor '{command[0]}' was not found; set EDITOR (e.g. EDITOR=nano)."
        ) from None
    if result.returncode != 0:
        raise MinutebookError(
            f"The editor stopped with an error (exit {result.returncode}); your text is kept "
            f"in {path}."
        )


def _report(exc: MinutebookError) -> None:
    if isinstance(exc, InvalidRecord):
        print(f"minutebook: {exc.where} is not valid:", file=sys.stderr)
        for problem in exc.errors:
            print(f"  {problem}", file=sys.stderr)
    else:
        print(f"minutebook: {exc.message}", file=sys.stderr)


def _ask(question: str) -> bool:
    try:
        answer = input(question)
    except EOFError:
        return False
    return answer.strip().lower() in {"", "y", "yes"}
