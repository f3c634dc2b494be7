"""An archive in a bad state: read-only, missing, locked, detached or damaged.

Each gets one clear sentence and a non-zero exit where the command is refused, and
nothing is damaged: the newest version, the branch and git's own files are as before.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive import GitArchive
from tests.faults.kit import DRAFT, WITH_EXEMPT, fsck, git, head, mb, record_text, with_venue


def _one_sentence(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("minutebook: "), err
    assert "Traceback" not in err, err
    return lines[0]


def _edited(archive: Path, tmp_path: Path, venue: str) -> Path:
    source = tmp_path / f"{venue.replace(' ', '-')}.yaml"
    source.write_text(with_venue(record_text(archive, DRAFT), venue))
    return source


@pytest.fixture
def read_only(archive: Path) -> Iterator[Path]:
    """The archive behind a read-only bind mount, or with its history folder immutable."""
    view = archive.parent / "read-only-view"
    view.mkdir()
    mounted = subprocess.run(["mount", "--bind", str(archive), str(view)], capture_output=True, check=False)
    if mounted.returncode == 0:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], check=True)
        try:
            yield view
        finally:
            subprocess.run(["umount", "-l", str(view)], check=False)
        return
    view.rmdir()
    if os.geteuid() != 0:
        for folder, _, _ in os.walk(archive):
            os.chmod(folder, 0o555)
        yield archive
        for folder, _, _ in os.walk(archive):
            os.chmod(folder, 0o755)
        return
    if shutil.which("chattr") is None:
        pytest.skip("no way to make the archive read-only here (no mount, no chattr, running as root)")
    folders = [archive / ".git", archive / "meetings" / DRAFT]
    subprocess.run(["chattr", "+i", *map(str, folders)], check=True)
    try:
        yield archive
    finally:
        subprocess.run(["chattr", "-i", *map(str, folders)], check=False)


def test_read_only_archive_refuses_saves_and_still_reads(archive: Path, read_only: Path, tmp_path: Path) -> None:
    source = _edited(archive, tmp_path, "Read Only Room")
    before = head(archive)
    result = mb("save", DRAFT, "--from", str(source), "-m", "x", archive=read_only)
    assert result.code == 1
    assert "read-only" in _one_sentence(result.err)
    assert mb("history", DRAFT, archive=read_only).code == 0
    assert mb("search", "scrutiny", archive=read_only).code == 0
    shown = mb("show", WITH_EXEMPT, "--json", archive=read_only)
    assert shown.code == 0, shown.err
    rendered = mb("render", WITH_EXEMPT, "minutes", "-o", str(tmp_path / "m.docx"), archive=read_only)
    assert rendered.code == 0, rendered.err
    assert head(archive) == before
    fsck(archive)


def test_missing_archive_is_refused_and_not_created(archive: Path, tmp_path: Path) -> None:
    missing = tmp_path / "typo" / "archive"
    source = _edited(archive, tmp_path, "Nowhere")
    for command in (("save", DRAFT, "--from", str(source), "-m", "x"), ("history", DRAFT), ("list",)):
        result = mb(*command, archive=missing)
        assert result.code == 1, (command, result.out)
        assert str(missing) in _one_sentence(result.err)
    assert not missing.exists()


def test_folder_that_is_not_an_archive(tmp_path: Path) -> None:
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "minutes.docx").write_bytes(b"PK")
    result = mb("history", DRAFT, archive=folder)
    assert result.code == 1
    assert "not a minutebook archive" in _one_sentence(result.err)
    assert sorted(p.name for p in folder.iterdir()) == ["minutes.docx"]


def _age(path: Path, seconds: float) -> None:
    stamp = time.time() - seconds
    os.utime(path, (stamp, stamp))


@pytest.mark.parametrize("lock", ["index.lock", "refs/heads/main.lock"])
def test_stale_git_lock_is_recovered(archive: Path, tmp_path: Path, lock: str) -> None:
    path = archive / ".git" / lock
    path.write_text("")
    _age(path, 3600)
    source = _edited(archive, tmp_path, "After A Stale Lock")
    result = mb("save", DRAFT, "--from", str(source), "-m", "After a stale lock", archive=archive)
    assert result.code == 0, result.err
    assert not path.exists()
    assert git(archive, "log", "-1", "--format=%s").strip() == "After a stale lock"
    fsck(archive)


def test_lock_held_by_a_live_save(archive: Path, tmp_path: Path) -> None:
    source = _edited(archive, tmp_path, "Waiting Room")
    before = head(archive)
    with GitArchive.open(archive) as repo, repo.lock():
        started = time.monotonic()
        result = mb("save", DRAFT, "--from", str(source), "-m", "x", archive=archive)
        waited = time.monotonic() - started
    assert result.code == 1
    sentence = _one_sentence(result.err)
    assert "busy" in sentence
    assert str(os.getpid()) in sentence
    assert waited < 30
    assert head(archive) == before
    again = mb("save", DRAFT, "--from", str(source), "-m", "Now free", archive=archive)
    assert again.code == 0, again.err


def _refused_without_damage(archive: Path, tmp_path: Path, damaged: Path, words: str) -> None:
    snapshot = {p: p.read_bytes() for p in (archive / ".git" / "HEAD", archive / ".git" / "refs" / "heads" / "main")}
    source = _edited_copy(tmp_path)
    for command in (("save", DRAFT, "--from", str(source), "-m", "x"), ("history", DRAFT), ("show", DRAFT)):
        result = mb(*command, archive=archive)
        assert result.code == 1, (command, result.out)
        assert words in _one_sentence(result.err), result.err
    assert {p: p.read_bytes() for p in snapshot} == snapshot
    assert damaged.exists()


def _edited_copy(tmp_path: Path) -> Path:
    return tmp_path / "edited.yaml"


def test_detached_head(archive: Path, tmp_path: Path) -> None:
    _edited(archive, tmp_path, "Detached Room").rename(tmp_path / "edited.yaml")
    branch = head(archive)
    git(archive, "checkout", "-q", "--detach", "HEAD~1")
    detached = git(archive, "rev-parse", "HEAD").strip()
    _refused_without_damage(archive, tmp_path, archive / ".git" / "HEAD", "not on a branch")
    assert git(archive, "rev-parse", "HEAD").strip() == detached
    assert head(archive) == branch
    fsck(archive)


def test_garbage_in_head(archive: Path, tmp_path: Path) -> None:
    _edited(archive, tmp_path, "Garbage Room").rename(tmp_path / "edited.yaml")
    branch = head(archive)
    (archive / ".git" / "HEAD").write_bytes(b"\x00\xffnot a ref at all\n")
    _refused_without_damage(archive, tmp_path, archive / ".git" / "HEAD", "damaged")
    (archive / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    assert head(archive) == branch
    fsck(archive)


@pytest.mark.parametrize("garbage", [b"deadbeef\n", b"\xff\xfe\x00garbage\n"], ids=["short", "binary"])
def test_corrupted_branch_ref(archive: Path, tmp_path: Path, garbage: bytes) -> None:
    _edited(archive, tmp_path, "Corrupt Ref Room").rename(tmp_path / "edited.yaml")
    ref = archive / ".git" / "refs" / "heads" / "main"
    branch = ref.read_text()
    ref.write_bytes(garbage)
    _refused_without_damage(archive, tmp_path, ref, "damaged")
    ref.write_text(branch)
    fsck(archive)


def test_linked_committee_folder_refuses_new_and_save(archive: Path, tmp_path: Path) -> None:
    """A shared archive whose committee folder is a link to somewhere else: ``new`` and
    ``save`` refuse in one sentence and write nothing there."""
    record = _record(archive, tmp_path, "planning-committee/2026-11-04")
    folder = archive / "meetings" / "planning-committee"
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(folder, elsewhere)
    before_files = sorted(p.relative_to(elsewhere) for p in elsewhere.rglob("*"))
    shutil.rmtree(folder)
    folder.symlink_to(elsewhere)
    before = head(archive)
    made = mb("new", "planning-committee", "--date", "2027-03-03", "--time", "18:30", archive=archive)
    assert made.code == 1, made.out
    assert "link" in _one_sentence(made.err)
    saved = mb("save", "planning-committee/2026-11-04", "--from", str(record), "-m", "x", archive=archive)
    assert saved.code == 1, saved.out
    assert "link" in _one_sentence(saved.err)
    assert sorted(p.relative_to(elsewhere) for p in elsewhere.rglob("*")) == before_files
    assert head(archive) == before
    fsck(archive)


def _record(archive: Path, tmp_path: Path, meeting_id: str) -> Path:
    path = tmp_path / "record.yaml"
    path.write_text(with_venue(record_text(archive, meeting_id), "Through The Link"))
    return path


def test_sync_to_a_command_address_runs_nothing(tmp_path: Path) -> None:
    """With every protocol allowed in the clerk's own git settings, ``sync --url
    'ext::sh -c …'`` is refused in one sentence, runs nothing and keeps no remote."""
    with open(os.environ["GIT_CONFIG_GLOBAL"], "a", encoding="utf-8") as fh:
        fh.write("[protocol]\n\tallow = always\n")
    plain = tmp_path / "archive"
    assert mb("init", archive=plain).code == 0
    marker = tmp_path / "ran"
    result = mb("sync", "--url", f"ext::sh -c touch% {marker}", archive=plain)
    assert result.code == 1
    _one_sentence(result.err)
    assert not marker.exists()
    assert git(plain, "remote") == ""
    unreachable = mb("sync", "--url", str(tmp_path / "no-such.git"), archive=plain)
    assert unreachable.code == 1
    _one_sentence(unreachable.err)
    assert git(plain, "remote") == ""
    cloned = mb("init", "--clone", f"ext::sh -c touch% {marker}", archive=tmp_path / "copy")
    assert cloned.code == 1
    _one_sentence(cloned.err)
    assert not marker.exists()


def test_unsaved_text_in_the_folder_is_not_searched_or_listed(archive: Path) -> None:
    """Search and listings read the saved record, not files lying in the archive's folder."""
    draft = archive / "meetings" / DRAFT / "meeting.yaml"
    draft.write_text(draft.read_text().replace("venue:", "venue: Zanzibarish Hall #", 1))
    stray = archive / "meetings" / "children-scrutiny-board" / "2030-01-01" / "meeting.yaml"
    stray.parent.mkdir()
    stray.write_text("id: children-scrutiny-board/2030-01-01\ntitle: Zanzibarish\n")
    found = mb("search", "Zanzibarish", "--json", archive=archive)
    assert found.code == 0, found.err
    assert json.loads(found.out)["hits"] == []
    listed = mb("list", archive=archive)
    assert listed.code == 0, listed.err
    assert "2030-01-01" not in listed.out
