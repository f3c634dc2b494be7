"""A full disk during a save or a render: one clear sentence, nothing changed, nothing lost.

The disk is filled for one process only: ``RLIMIT_FSIZE`` is lowered in the child (with
``SIGXFSZ`` ignored, so a write past the limit fails with ``EFBIG`` as on a full disk).
Afterwards the archive's newest version and its folder are as before (``git fsck`` clean),
the clerk's input file is untouched, and an existing document is not half-replaced.
"""

from __future__ import annotations

import errno
import os
import resource
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.faults.kit import (
    DRAFT,
    WITH_EXEMPT,
    copy_archive,
    fsck,
    head,
    mb,
    record_text,
    with_venue,
    worktree_matches_head,
)

LIMIT = 1024


def _full_disk() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))


def _one_sentence(err: str) -> None:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("minutebook: "), err
    assert "Traceback" not in err, err


def test_full_disk_during_save_is_one_sentence_and_changes_nothing(archive: Path, tmp_path: Path) -> None:
    source = tmp_path / "edited.yaml"
    source.write_text(with_venue(record_text(archive, DRAFT), "Room On A Full Disk"))
    kept = source.read_bytes()
    assert len(kept) > LIMIT
    before = head(archive)
    result = mb("save", DRAFT, "--from", str(source), "-m", "Full disk", archive=archive, preexec_fn=_full_disk)
    assert result.code == 1
    _one_sentence(result.err)
    assert "too large" in result.err or "full" in result.err
    assert head(archive) == before
    assert worktree_matches_head(archive)
    assert source.read_bytes() == kept
    fsck(archive)
    again = mb("save", DRAFT, "--from", str(source), "-m", "Disk freed", archive=archive)
    assert again.code == 0, again.err


def test_full_disk_during_render_keeps_the_old_document(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "minutes.docx"
    out.write_bytes(b"the document issued last week")
    before = head(archive)
    result = mb("render", WITH_EXEMPT, "minutes", "-o", str(out), archive=archive, preexec_fn=_full_disk)
    assert result.code == 1
    _one_sentence(result.err)
    assert "cannot be written" in result.err
    assert out.read_bytes() == b"the document issued last week"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive", "minutes.docx"]
    assert head(archive) == before
    fsck(archive)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs of our own (needs the right to mount, as root in CI has)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        while True:
            os.write(fd, b"x" * 4096)
    except OSError as exc:
        assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)
    return filler


def test_full_disk_during_edit_keeps_the_text(archive: Path, small_disk: Path, tmp_path: Path) -> None:
    on_disk = copy_archive(archive, small_disk / "archive")
    filler = _fill(small_disk)
    editor = tmp_path / "editor.sh"
    editor.write_text("#!/bin/sh\nsed -i 's/^venue: .*/venue: Typed On A Full Disk/' \"$1\"\n")
    editor.chmod(0o755)
    before = head(on_disk)
    result = mb("edit", DRAFT, archive=on_disk, env={"EDITOR": str(editor)})
    assert result.code == 1
    first = result.err.splitlines()[0]
    assert first.startswith("minutebook: "), result.err
    assert "Traceback" not in result.err, result.err
    assert "space" in first or "full" in first
    assert head(on_disk) == before
    fsck(on_disk)
    filler.unlink()
    seen = tmp_path / "seen.yaml"
    copier = tmp_path / "copy.sh"
    copier.write_text(f'#!/bin/sh\ncp "$1" "{seen}"\n')
    copier.chmod(0o755)
    mb("edit", DRAFT, archive=on_disk, env={"EDITOR": str(copier)})
    assert "venue: Typed On A Full Disk" in seen.read_text()
