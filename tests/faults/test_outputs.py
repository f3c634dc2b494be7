"""Documents that cannot be written where the clerk asked: one sentence, nothing half-written.

Tests run as root here, which ignores permission bits, so a file "open in Word" or a
read-only folder is made immutable with ``chattr +i`` (skipped with a reason where that is
not possible); a path whose parent is a regular file needs no privilege.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.faults.kit import WITH_EXEMPT, head, mb

COMMANDS = {
    "render": ("render", WITH_EXEMPT, "minutes"),
    "render-confidential": ("render", WITH_EXEMPT, "agenda", "--confidential"),
    "export": ("export", WITH_EXEMPT, "--format", "html"),
}


@pytest.fixture
def immutable() -> Iterator[list[Path]]:
    """Paths appended here are made immutable now and released after the test."""
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed, and root ignores read-only permission bits")
    marked: list[Path] = []

    class Marker(list[Path]):
        def append(self, path: Path) -> None:
            done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True, check=False)
            if done.returncode != 0:
                pytest.skip(f"this file system cannot make files immutable: {done.stderr.strip()}")
            marked.append(path)

    yield Marker()
    for path in marked:
        subprocess.run(["chattr", "-i", str(path)], check=False)


def _refused(result_err: str, code: int) -> None:
    assert code == 1
    lines = [line for line in result_err.splitlines() if line.strip()]
    assert len(lines) == 1, result_err
    assert "Traceback" not in result_err, result_err
    assert "cannot be written" in lines[0] or "close it and try again" in lines[0], lines[0]


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_locked_output_file(archive: Path, tmp_path: Path, immutable: list[Path], command: str) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "document.docx"
    out.write_bytes(b"issued yesterday")
    immutable.append(out)
    before = head(archive)
    result = mb(*COMMANDS[command], "-o", str(out), archive=archive)
    _refused(result.err, result.code)
    assert str(out) in result.err or out.name in result.err
    assert out.read_bytes() == b"issued yesterday"
    assert [p.name for p in folder.iterdir()] == ["document.docx"]
    assert head(archive) == before


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_read_only_folder(archive: Path, tmp_path: Path, immutable: list[Path], command: str) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    immutable.append(folder)
    result = mb(*COMMANDS[command], "-o", str(folder / "document.docx"), archive=archive)
    _refused(result.err, result.code)
    assert list(folder.iterdir()) == []


def test_parent_is_a_file(archive: Path, tmp_path: Path) -> None:
    parent = tmp_path / "notes.txt"
    parent.write_text("not a folder")
    result = mb("render", WITH_EXEMPT, "minutes", "-o", str(parent / "minutes.docx"), archive=archive)
    assert result.code == 1
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert len(lines) == 1, result.err
    assert "minutes.docx" in lines[0], result.err
    assert "notes.txt" in lines[0], result.err
    assert parent.read_text() == "not a folder"


def test_output_outside_the_archive_is_allowed(archive: Path, tmp_path: Path) -> None:
    nested = tmp_path / "clerk" / "documents"
    nested.mkdir(parents=True)
    result = mb("render", WITH_EXEMPT, "minutes", "-o", "../../elsewhere.docx", archive=archive,
                cwd=nested)
    assert result.code == 0, result.err
    assert (tmp_path / "elsewhere.docx").read_bytes()[:2] == b"PK"
