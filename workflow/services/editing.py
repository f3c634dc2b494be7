"""Editing a meeting's YAML in the clerk's editor without ever losing the text.

The working copy lives in the autosave folder (outside the history) from the moment the
editor opens, with the version it was made from beside it (:func:`keep_based_on`). A
valid edit is saved as a version based on that version (merged with a version saved
meanwhile, or refused naming the fields both changed) and the working copy discarded; an
invalid or refused one is reopened (on a terminal) or kept, and the next ``edit`` offers
it back, still based on the version it was made from.
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
from workflow.services.meetings import EditConflict, Meetings
from workflow.services.workspace import Workspace

__all__ = [
    "autosave_key",
    "autosave_store",
    "autosave_text",
    "edit_in_editor",
    "keep_based_on",
    "kept_based_on",
    "pending_edit",
]


def autosave_store() -> store.AutosaveStore:
    return store.AutosaveStore()


def autosave_key(workspace: Workspace, meeting_id: str) -> str:
    """The name the autosave store keeps a meeting's unsaved edits under."""
    return store.autosave_key(workspace.root, meeting_id)


def _base_key(key: str) -> str:
    return key + "#based-on"


def keep_based_on(key: str, commit: str) -> None:
    """Remember the version the unsaved edits kept under ``key`` were made from."""
    autosave_store().put(_base_key(key), commit.encode("ascii"))


def kept_based_on(key: str) -> str | None:
    """The version unsaved edits kept under ``key`` were made from, if known."""
    kept = autosave_store().get(_base_key(key))
    return kept.decode("ascii", "replace").strip() if kept else None


def _forget(key: str) -> None:
    saves = autosave_store()
    saves.discard(key)
    saves.discard(_base_key(key))


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
    """Open the meeting in $EDITOR until it is valid or the clerk gives up; 0 when saved.

    The save is based on the version handed to the editor (or, for recovered edits, the
    version they were made from): a version saved meanwhile is merged in when it changed
    other fields, and the save is refused naming the fields when it changed the same."""
    meeting, head = meetings.read(meeting_id)
    saves = autosave_store()
    key = autosave_key(meetings.workspace, meeting_id)
    original = codec.dump_yaml(codec.encode(meeting)).encode("utf-8")
    work = _work_file(saves, key)
    kept = [t for t in (_read(work), saves.get(key)) if t is not None and t != original]
    if kept:
        text = _as_block_yaml(kept[0])
        based_on = kept_based_on(key) or head
        print(f"Recovered unsaved edits of {meeting_id} from an earlier session.")
    else:
        text, based_on = original, head
    saves.put(key, text)
    keep_based_on(key, based_on)
    if _read(work) != text:
        _write_durably(work, text)
    while True:
        _run_editor(work)
        text = work.read_bytes()
        saves.put(key, text)
        if text == original:
            _forget(key)
            work.unlink(missing_ok=True)
            print("No changes; nothing saved.")
            return 0
        try:
            saved = meetings.save_text(
                meeting_id, text, message=message or "Edited in the editor", where=str(work),
                based_on=based_on,
            )
        except EditConflict as exc:
            kept = _keep_for_choosing(exc, key, work)
            print(f"minutebook: {exc.message} Your text is kept in {kept}, with the other "
                  f"version's other changes; `minutebook edit {meeting_id}` opens it to choose "
                  "those fields and save.", file=sys.stderr)
            return 1
        except MinutebookError as exc:
            _report(exc)
            if _interactive() and _ask("Reopen the editor to fix it? [Y/n] "):
                continue
            print(
                f"Your edit is kept in {work}; `minutebook edit {meeting_id}` offers it back.",
                file=sys.stderr,
            )
            return 1
        _forget(key)
        work.unlink(missing_ok=True)
        if saved.note:
            print(saved.note)
        print(f"Saved {meeting_id} as {History(meetings.workspace).name_of(meeting_id, saved.version.commit)}.")
        return 0


def _keep_for_choosing(conflict: EditConflict, key: str, work: Path) -> Path:
    """Keep the clerk's text for the next ``edit``: their values in the fields both
    changed, the other version's changes elsewhere, based on that version."""
    mine = conflict.resolve({c.key: "mine" for c in conflict.merge.unresolved})
    text = codec.dump_yaml(codec.encode(mine)).encode("utf-8")
    _write_durably(work, text)
    autosave_store().put(key, text)
    keep_based_on(key, conflict.head)
    return work


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
