"""What an attacker or a crash found: each case refused in one sentence, or recovered.

- A refused or killed save leaves the archive's folder as the newest version has it and
  no temporary files; listings and search read the committed record only.
- A file that replaces a folder of the same name, in one save or in a sync, is kept.
- A link in the archive's folders (``meetings/x -> /elsewhere``) makes a save refuse and
  write nothing outside.
- A damaged git index is rebuilt instead of failing at every save.
- git runs with a protocol allow-list, so an ``ext::`` address never runs a command, and
  a first sync that fails leaves no remote behind.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from archive_testkit import CLERK, OTHER, T0, at, child_env, fsck, git, helper

from archive import (
    ArchiveError,
    GitArchive,
    PathOutsideArchive,
    RemoteUnreachable,
    sync,
)
from archive._repo import run

M1 = "meetings/scrutiny-board/2025-01-31/meeting.yaml"
M2 = "meetings/planning/2025-02-03/meeting.yaml"
DOCS = "meetings/scrutiny-board/2025-01-31/documents"


def _matches_head(repo: Path) -> bool:
    """Every file of the newest version is in the folder as saved, and nothing else is."""
    tracked = set(git(repo, "ls-tree", "-r", "--name-only", "HEAD").split("\n")) - {""}
    present = {
        str(p.relative_to(repo)) for p in repo.rglob("*") if p.is_file() and ".git" not in p.parts
    }
    if tracked != present:
        return False
    return all(
        (repo / rel).read_bytes()
        == subprocess.run(["git", "show", f"HEAD:{rel}"], cwd=repo, capture_output=True).stdout
        for rel in tracked
    )


def _one_sentence(exc: BaseException) -> str:
    text = str(exc)
    assert "\n" not in text
    assert "Traceback" not in text
    assert text.endswith(".")
    return text


# -- a refused or killed save -------------------------------------------------------------
def test_a_save_refused_half_way_puts_the_folder_back(archive: GitArchive) -> None:
    archive.save({M1: b"saved\n"}, message="Saved", author=CLERK, when=at(1))
    head = archive.head()
    in_the_way = archive.path / M2 / "someone's own file"
    in_the_way.parent.mkdir(parents=True)
    in_the_way.write_bytes(b"not the archive's\n")
    with pytest.raises(IsADirectoryError):
        archive.save({M1: b"never saved\n", M2: b"never saved\n"}, message="x", author=CLERK)
    assert archive.head() == head
    assert (archive.path / M1).read_bytes() == b"saved\n"
    assert in_the_way.read_bytes() == b"not the archive's\n"
    assert not [p for p in archive.path.rglob("*") if ".mbtmp-" in p.name]
    assert not (archive.gitdir / "minutebook-pending").exists()
    assert archive.grep("never saved", rev=None) == []
    fsck(archive.path)


def test_a_name_too_long_is_refused_before_anything_is_written(archive: GitArchive) -> None:
    head = archive.head()
    too_long = f"{DOCS}/{'x' * 300}.docx"
    with pytest.raises(PathOutsideArchive) as caught:
        archive.save({M1: b"never saved\n", too_long: b"PK"}, message="x", author=CLERK)
    assert "longer than" in _one_sentence(caught.value)
    assert archive.head() == head
    assert not (archive.path / "meetings").exists()


@pytest.mark.parametrize("when", ["ref", "rename"])
def test_a_killed_save_is_put_back_when_the_archive_is_next_opened(archive: GitArchive, when: str) -> None:
    archive.save({M1: b"saved\n"}, message="Saved", author=CLERK, when=at(1))
    head = archive.head()
    done = subprocess.run(
        helper("die", str(archive.path), when, M1, M2), env=child_env(), capture_output=True, check=False
    )
    assert done.returncode == -9, done.stderr
    leftovers = [p for p in archive.path.rglob("*") if ".mbtmp-" in p.name]
    if when == "ref":
        assert (archive.path / M2).read_bytes() == b"never saved\n"
    else:
        assert leftovers
    with GitArchive.open(archive.path) as reopened:
        assert reopened.head() == head
        assert any("interrupted" in note for note in reopened.notes)
    assert _matches_head(archive.path)
    assert not [p for p in archive.path.rglob("*") if ".mbtmp-" in p.name]
    assert not (archive.path / M2).exists()
    fsck(archive.path)


def test_listings_and_search_read_only_the_committed_record(archive: GitArchive) -> None:
    archive.save({M1: b"title: Library\n"}, message="Saved", author=CLERK, when=at(1))
    (archive.path / M2).parent.mkdir(parents=True)
    (archive.path / M2).write_bytes(b"title: Library of unsaved text\n")
    (archive.path / M1).write_bytes(b"title: Library edited but never saved\n")
    for rev in (None, "HEAD"):
        assert archive.grep("library", rev=rev) == [(M1, 1, "title: Library")]
        assert archive.grep_first("library", 10, rev=rev) == ([(M1, 1, "title: Library")], False)
    assert archive.list_files("meetings/") == [M1]
    assert not archive.exists(M2)
    assert archive.read(M1) == b"title: Library\n"


# -- a file in the place of a folder ------------------------------------------------------
def test_a_file_replacing_a_folder_in_one_save_is_kept(archive: GitArchive) -> None:
    archive.save({f"{DOCS}/a.docx": b"PK a", f"{DOCS}/b.docx": b"PK b"}, message="Two", author=CLERK,
                 when=at(1))
    version = archive.save({DOCS: b"now a file\n", f"{DOCS}/a.docx": None}, message="Replaced",
                           author=CLERK, when=at(2))
    assert archive.read(DOCS, version.commit) == b"now a file\n"
    assert git(archive.path, "cat-file", "-t", f"{version.commit}:{DOCS}").strip() == "blob"
    assert set(version.paths) == {DOCS, f"{DOCS}/a.docx", f"{DOCS}/b.docx"}
    assert (archive.path / DOCS).read_bytes() == b"now a file\n"
    back = archive.save({DOCS: None, f"{DOCS}/c.docx": b"PK c"}, message="A folder again",
                        author=CLERK, when=at(3))
    assert archive.list_files(DOCS, back.commit) == [f"{DOCS}/c.docx"]
    assert _matches_head(archive.path)
    fsck(archive.path)


def test_one_save_cannot_make_a_path_both_file_and_folder(archive: GitArchive) -> None:
    head = archive.head()
    with pytest.raises(PathOutsideArchive) as caught:
        archive.save({DOCS: b"file", f"{DOCS}/a.docx": b"PK"}, message="x", author=CLERK)
    assert "both a file and a folder" in _one_sentence(caught.value)
    assert archive.head() == head
    assert not (archive.path / "meetings").exists()


@pytest.mark.parametrize("pull", [False, True], ids=["merged", "pulled"])
def test_a_file_replacing_a_folder_in_a_sync_is_kept(tmp_path: Path, pull: bool) -> None:
    remote = tmp_path / "shared.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(remote))
    with GitArchive.init(tmp_path / "a", when=T0) as a:
        a.save({f"{DOCS}/a.docx": b"PK", M2: b"y0\n"}, message="Two", author=CLERK, when=at(1))
        sync(a, url=str(remote))
        with GitArchive.clone(str(remote), tmp_path / "b") as b:
            a.save({DOCS: b"now a file\n", f"{DOCS}/a.docx": None}, message="Replaced",
                   author=CLERK, when=at(2))
            sync(a)
            if not pull:
                b.save({M2: b"y1\n"}, message="B edits Y", author=OTHER, when=at(3))
            assert sync(b).action == ("pulled" if pull else "merged")
            assert b.read(DOCS) == b"now a file\n"
            assert (b.path / DOCS).read_bytes() == b"now a file\n"
            assert not b.exists(f"{DOCS}/a.docx")
            assert _matches_head(b.path)
            fsck(b.path)


# -- links --------------------------------------------------------------------------------
def test_a_linked_folder_makes_a_save_refuse_and_write_nothing_outside(
    archive: GitArchive, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (archive.path / "meetings").mkdir()
    (archive.path / "meetings" / "planning").symlink_to(elsewhere)
    head = archive.head()
    with pytest.raises(PathOutsideArchive) as caught:
        archive.save({M2: b"through the link\n"}, message="x", author=CLERK)
    sentence = _one_sentence(caught.value)
    assert "'meetings/planning'" in sentence
    assert "link" in sentence
    assert list(elsewhere.iterdir()) == []
    assert archive.head() == head


def test_a_linked_file_makes_a_save_refuse(archive: GitArchive, tmp_path: Path) -> None:
    archive.save({M1: b"saved\n"}, message="Saved", author=CLERK, when=at(1))
    target = tmp_path / "outside.txt"
    target.write_bytes(b"outside\n")
    (archive.path / M1).unlink()
    (archive.path / M1).symlink_to(target)
    with pytest.raises(PathOutsideArchive, match="link"):
        archive.save({M1: b"changed\n"}, message="x", author=CLERK)
    assert target.read_bytes() == b"outside\n"


def test_a_sync_into_a_linked_folder_is_refused(tmp_path: Path) -> None:
    remote = tmp_path / "shared.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(remote))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    with GitArchive.init(tmp_path / "a", when=T0) as a, GitArchive.init(tmp_path / "b", when=T0) as b:
        sync(a, url=str(remote))
        a.save({M2: b"from a\n"}, message="A", author=CLERK, when=at(1))
        sync(a)
        (b.path / "meetings").mkdir()
        (b.path / "meetings" / "planning").symlink_to(elsewhere)
        head = b.head()
        with pytest.raises(PathOutsideArchive):
            sync(b, url=str(remote))
        assert b.head() == head
        assert list(elsewhere.iterdir()) == []


# -- git's index --------------------------------------------------------------------------
def test_a_damaged_index_is_rebuilt(archive: GitArchive) -> None:
    (archive.gitdir / "index").write_bytes(b"DIRC garbage, not an index")
    archive.save({M1: b"x\n"}, message="x", author=CLERK, when=at(1))
    archive.flush_index()
    assert git(archive.path, "status", "--porcelain") == ""
    assert git(archive.path, "ls-files").split() == [".gitattributes", M1]


def test_an_index_that_cannot_be_updated_is_not_retried_forever(archive: GitArchive) -> None:
    archive.save({M1: b"x\n"}, message="x", author=CLERK, when=at(1))
    (archive.gitdir / "index").write_bytes(b"")
    archive.flush_index()
    assert archive._index_pending == set()
    assert git(archive.path, "status", "--porcelain") == ""


# -- remotes ------------------------------------------------------------------------------
@pytest.fixture
def allow_everything(tmp_path: Path) -> None:
    """A clerk whose own git settings allow every protocol."""
    with open(os.environ["GIT_CONFIG_GLOBAL"], "a", encoding="utf-8") as fh:
        fh.write("[protocol]\n\tallow = always\n")


def test_an_ext_address_is_refused_and_runs_nothing(
    archive: GitArchive, tmp_path: Path, allow_everything: None
) -> None:
    marker = tmp_path / "ran"
    with pytest.raises(RemoteUnreachable) as caught:
        sync(archive, url=f"ext::sh -c touch% {marker}")
    _one_sentence(caught.value)
    assert not marker.exists()
    assert git(archive.path, "remote") == ""
    assert git(archive.path, "config", "--get-regexp", "remote", check=False) == ""


def test_every_git_child_has_the_protocol_allow_list(
    archive: GitArchive, tmp_path: Path, allow_everything: None
) -> None:
    marker = tmp_path / "ran"
    git(archive.path, "config", "remote.origin.url", f"ext::sh -c touch% {marker}")
    with pytest.raises(ArchiveError):
        run(archive.repo, ["fetch", "origin"], what="fetch")
    with pytest.raises(RemoteUnreachable):
        sync(archive)
    assert not marker.exists()
    plain = subprocess.run(["git", "fetch", "origin"], cwd=archive.path, capture_output=True, check=False)
    assert marker.exists(), plain.stderr  # the same fetch without the allow-list runs it


def test_a_failed_first_sync_leaves_no_remote(archive: GitArchive, tmp_path: Path) -> None:
    with pytest.raises(RemoteUnreachable, match="cannot be reached"):
        sync(archive, url=str(tmp_path / "no-such-remote.git"))
    assert git(archive.path, "remote") == ""
    remote = tmp_path / "shared.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(remote))
    assert sync(archive, url=str(remote)).action == "pushed"
    with pytest.raises(RemoteUnreachable):
        sync(archive, url=str(tmp_path / "moved-away.git"))
    assert git(archive.path, "remote", "get-url", "origin").strip() == str(remote)


# -- git's failures in one sentence -------------------------------------------------------
def test_a_missing_object_is_one_sentence(archive: GitArchive) -> None:
    version = archive.save({M1: b"will go missing\n"}, message="x", author=CLERK, when=at(1))
    blob = git(archive.path, "rev-parse", f"{version.commit}:{M1}").strip()
    (archive.gitdir / "objects" / blob[:2] / blob[2:]).unlink()
    with pytest.raises(ArchiveError) as caught:
        archive.read(M1)
    assert "damaged" in _one_sentence(caught.value)
    for rev in ("main~5", "HEAD@{upstream}", "nope..main", "refs/heads/../x"):
        with pytest.raises(ArchiveError):
            archive.read(M1, rev)


def test_a_damaged_settings_file_is_named(archive: GitArchive) -> None:
    head = archive.head()
    with open(archive.gitdir / "config", "a", encoding="utf-8") as fh:
        fh.write("[broken\n")
    with GitArchive.open(archive.path) as damaged:
        for attempt in (
            lambda: damaged.save({M1: b"x\n"}, message="x", author=CLERK),
            lambda: damaged.read(".gitattributes"),
            lambda: damaged.history(),
        ):
            with pytest.raises(ArchiveError) as caught:
                attempt()
            _one_sentence(caught.value)
        with pytest.raises(ArchiveError, match=r"\.git/config is damaged"):
            damaged.read(".gitattributes")
    assert git(archive.path, "rev-parse", "refs/heads/main", check=False).strip() in ("", head)


@pytest.mark.parametrize("garbage", [b"[", b"\xff\xfe\x00", b"[core]\n\tfsync = x\n[core"],
                         ids=["open-section", "binary", "unfinished"])
def test_any_damaged_settings_file_is_one_sentence(archive: GitArchive, garbage: bytes) -> None:
    with open(archive.gitdir / "config", "ab") as fh:
        fh.write(garbage)
    with pytest.raises(ArchiveError) as caught, GitArchive.open(archive.path) as damaged:
        damaged.save({M1: b"x\n"}, message="x", author=CLERK)
    assert "config" in _one_sentence(caught.value)
