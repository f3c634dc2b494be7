"""The writer lock (an operating-system lock), stale git locks and atomic writes."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
from archive_testkit import CLERK, at, child_env, git, helper

from archive import ArchiveLocked, GitArchive
from archive.locking import ArchiveLock, atomic_write

M1 = "meetings/scrutiny-board/2025-01-31/meeting.yaml"


def test_lock_held_by_a_live_process_times_out_with_a_sentence(archive: GitArchive) -> None:
    holder = subprocess.Popen(
        helper("hold", str(archive.path)), stdout=subprocess.PIPE, text=True, env=child_env()
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        archive.lock_timeout = 0.3
        start = time.monotonic()
        with pytest.raises(ArchiveLocked) as caught:
            archive.save({M1: b"x\n"}, message="x", author=CLERK)
        waited = time.monotonic() - start
        assert 0.3 <= waited < 2.0
        err = caught.value
        assert err.pid == holder.pid
        assert err.host == socket.gethostname()
        assert f"process {holder.pid}" in err.message
        assert "since" in err.message
        assert not (archive.path / M1).exists()
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    archive.lock_timeout = 0.3
    start = time.monotonic()
    version = archive.save({M1: b"x\n"}, message="after the holder died", author=CLERK, when=at(1))
    assert time.monotonic() - start < 0.3
    assert archive.head() == version.commit


def test_lock_left_by_a_killed_holder_never_blocks(archive: GitArchive) -> None:
    holder = subprocess.Popen(
        helper("hold", str(archive.path)), stdout=subprocess.PIPE, text=True, env=child_env()
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    holder.stdout.close()
    lock = archive.path / ".git" / "minutebook.lock"
    holder_file = lock.with_name("minutebook.lock.holder")
    assert json.loads(holder_file.read_text())["pid"] == holder.pid
    archive.lock_timeout = 0.2
    archive.save({M1: b"x\n"}, message="x", author=CLERK, when=at(1))
    assert len(archive.history(M1)) == 1
    assert archive.notes == []


def test_the_lock_reads_no_process_table(archive: GitArchive, monkeypatch: pytest.MonkeyPatch) -> None:
    import archive.locking as locking

    assert not hasattr(locking, "live_git_processes")
    real_scandir, real_iterdir = os.scandir, Path.iterdir

    def scandir(path: object = ".") -> object:
        assert not str(path).startswith("/proc"), path
        return real_scandir(path)  # type: ignore[arg-type]

    def iterdir(self: Path) -> object:
        assert not str(self).startswith("/proc"), self
        return real_iterdir(self)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(Path, "iterdir", iterdir)
    stale = archive.gitdir / "refs" / "heads" / "main.lock"
    stale.write_text("")
    os.utime(stale, (time.time() - 60, time.time() - 60))
    archive.save({M1: b"x\n"}, message="x", author=CLERK, when=at(1))
    assert not stale.exists()


def test_lock_is_exclusive_within_one_process(archive: GitArchive) -> None:
    with ArchiveLock(archive.gitdir, archive.path):
        other = ArchiveLock(archive.gitdir, archive.path, timeout=0.1)
        with pytest.raises(ArchiveLocked):
            other.acquire()
        assert not other.held
    with ArchiveLock(archive.gitdir, archive.path, timeout=0.1) as again:
        assert again.held
    assert not (archive.gitdir / "minutebook.lock.holder").exists()


@pytest.mark.parametrize(
    "name",
    ["index.lock", "refs/heads/main.lock", "objects/info/commit-graphs/commit-graph-chain.lock"],
)
def test_stale_git_lock_is_recovered_with_a_note(archive: GitArchive, name: str) -> None:
    stale = archive.gitdir / name
    stale.write_text("")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    archive.save({M1: b"x\n"}, message="x", author=CLERK, when=at(1))
    assert not stale.exists()
    assert any(name in note for note in archive.notes)
    archive.maintenance()
    assert git(archive.path, "status", "--porcelain") == ""


def test_fresh_git_lock_is_left_alone(archive: GitArchive) -> None:
    fresh = archive.gitdir / "index.lock"
    fresh.write_text("")
    archive.save({M1: b"x\n"}, message="x", author=CLERK, when=at(1))
    assert fresh.exists()
    assert archive.notes == []


def test_fresh_ref_lock_makes_the_save_wait_then_recovers(archive: GitArchive) -> None:
    ref_lock = archive.gitdir / "refs" / "heads" / "main.lock"
    ref_lock.write_text("")
    archive.lock_timeout = 4.0
    version = archive.save({M1: b"x\n"}, message="x", author=CLERK, when=at(1))
    assert archive.head() == version.commit
    assert not ref_lock.exists()


def test_atomic_write_replaces_whole_files_and_leaves_no_temporaries(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "folder" / "meeting.yaml"
    atomic_write(target, b"first\n", root=tmp_path)
    atomic_write(target, b"second\n", root=tmp_path)
    assert target.read_bytes() == b"second\n"
    blocked = tmp_path / "deep" / "dir-not-file"
    (blocked / "inside").mkdir(parents=True)
    with pytest.raises(IsADirectoryError):
        atomic_write(blocked, b"x")
    assert (blocked / "inside").is_dir()
    leftovers = [p.name for p in tmp_path.rglob("*") if "mbtmp" in p.name]
    assert leftovers == []
