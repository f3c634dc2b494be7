"""The site's folder on disk: its manifest, and writing only the files that changed.

The manifest (``.minutebook-site.json`` in the folder) records the SHA-256 of every file
the last build wrote and, per meeting, the key of what it was built from and its digest.
:class:`Output` writes a file only when its bytes differ from the manifest's record (or
the file has gone), removes the files the last build wrote that this one did not, and
refuses a folder holding files it did not write. Everything in the manifest is public
and sorted, so the same archive gives the same manifest too.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from workflow.errors import OutputError

__all__ = ["MANIFEST", "MANIFEST_FORMAT", "Output", "sha256"]

MANIFEST = ".minutebook-site.json"
MANIFEST_FORMAT = 1


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Output:
    """One build's writes into the site folder ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.old_manifest = b""
        self.old: dict[str, Any] = self._read_manifest()
        self.old_files: dict[str, str] = dict(self.old.get("files", {}))
        self.files: dict[str, str] = {}
        self.written: list[str] = []
        self.removed: list[str] = []

    def _read_manifest(self) -> dict[str, Any]:
        root = self.root
        if root.exists() and not root.is_dir():
            raise OutputError(f"{root} is a file; give a folder for the site.")
        path = root / MANIFEST
        try:
            self.old_manifest = path.read_bytes()
            data = json.loads(self.old_manifest)
            if isinstance(data, dict) and data.get("format") == MANIFEST_FORMAT:
                return data
        except FileNotFoundError:
            pass
        except (OSError, ValueError):
            return {}
        if root.is_dir() and any(root.iterdir()) and not path.exists():
            raise OutputError(f"The folder {root} already holds files that minutebook did not "
                              "write; choose an empty folder or one a site was built in before.")
        return {}

    def meeting_record(self, meeting_id: str, generator: str) -> dict[str, Any] | None:
        """What the last build kept of a meeting, if it was made by this generator."""
        if self.old.get("generator") != generator:
            return None
        record = self.old.get("meetings", {}).get(meeting_id)
        if not isinstance(record, dict) or not isinstance(record.get("files"), list):
            return None
        if not all(self.old_files.get(p) and (self.root / p).is_file() for p in record["files"]):
            return None
        return record

    def keep(self, path: str) -> None:
        """A file this build did not make again because its inputs did not change."""
        self.files[path] = self.old_files[path]

    def read_old(self, path: str) -> bytes | None:
        """A file the last build wrote, if it is still there unchanged."""
        if path not in self.old_files:
            return None
        try:
            data = (self.root / path).read_bytes()
        except OSError:
            return None
        return data if sha256(data) == self.old_files[path] else None

    def put(self, path: str, data: bytes) -> None:
        digest = sha256(data)
        self.files[path] = digest
        target = self.root / path
        if self.old_files.get(path) == digest and target.is_file():
            return
        self._write(target, data)
        self.written.append(path)

    def _write(self, target: Path, data: bytes) -> None:
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(data)
            os.replace(tmp, target)
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise OutputError(f"{target} cannot be written: {exc.strerror or exc}.") from None

    def finish(self, generator: str, meetings: dict[str, Any]) -> None:
        """Remove what the last build wrote and this one did not; write the manifest."""
        for path in sorted(set(self.old_files) - set(self.files)):
            target = self.root / path
            with contextlib.suppress(FileNotFoundError):
                target.unlink()
                self.removed.append(path)
            parent = target.parent
            while parent != self.root:
                try:
                    parent.rmdir()
                except OSError:
                    break
                parent = parent.parent
        manifest = {"format": MANIFEST_FORMAT, "generator": generator,
                    "files": dict(sorted(self.files.items())),
                    "meetings": dict(sorted(meetings.items()))}
        data = json.dumps(manifest, ensure_ascii=False, sort_keys=True,
                          separators=(",", ":")).encode() + b"\n"
        if data != self.old_manifest:
            self._write(self.root / MANIFEST, data)
