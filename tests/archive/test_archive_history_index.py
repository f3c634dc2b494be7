"""The history index: a folder's history listed from the index is the history git lists.

Every test compares the indexed listing (``history(folder, with_paths=False)`` at HEAD)
with git's own listing of the same folder (asked for with ``limit``, which never uses the
index), after the archive has moved in each way it can: plain saves, saves elsewhere,
merges, new tags on old versions, a damaged or foreign index, a reset, many commits.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from archive_testkit import CLERK, OTHER, at, git

from archive import GitArchive, sync
from archive._history_cache import MAX_CATCH_UP, HistoryIndex

FOLDER = "meetings/scrutiny-board/2025-01-31/"
M1 = FOLDER + "meeting.yaml"
M2 = "meetings/planning/2025-02-03/meeting.yaml"
TAGS = "scrutiny-board/2025-01-31/"


def indexed(archive: GitArchive) -> list:
    return archive.history(FOLDER, with_paths=False, tags_under=TAGS)


def from_git(archive: GitArchive) -> list:
    return archive.history(FOLDER, with_paths=False, tags_under=TAGS, limit=10**6)


def index_file(archive: GitArchive) -> Path:
    files = list((archive.gitdir / "minutebook-cache" / "history").iterdir())
    assert len(files) == 1, files
    return files[0]


def save(archive: GitArchive, path: str, n: int, who=CLERK) -> str:
    return archive.save({path: f"{n}\n".encode()}, message=f"Edit {n}", author=who, when=at(n)).commit


def test_first_listing_writes_the_index_and_later_saves_extend_it(archive: GitArchive) -> None:
    made = [save(archive, M1, n) for n in range(3)]
    first = indexed(archive)
    assert [v.commit for v in first] == made[::-1]
    assert first == from_git(archive)
    header = index_file(archive).read_bytes().split(b"\n", 1)[0].split()
    assert header[2].decode() == archive.head()
    assert header[3] == b"3"

    made.append(save(archive, M2, 10))
    made.append(save(archive, M1, 11, OTHER))
    made.append(save(archive, M2, 12))
    listed = indexed(archive)
    assert [v.subject for v in listed] == ["Edit 11", "Edit 2", "Edit 1", "Edit 0"]
    assert listed[0].author == OTHER
    assert listed == from_git(archive)
    assert index_file(archive).read_bytes().split(b" ", 3)[2].decode() == archive.head()


def test_tags_added_later_show_on_indexed_versions(archive: GitArchive) -> None:
    first = save(archive, M1, 1)
    save(archive, M1, 2)
    assert indexed(archive)[1].tags == ()
    archive.tag(TAGS + "agenda-published", first, "Agenda published", tagger=CLERK, when=at(3))
    archive.tag("planning/2025-02-03/published", first, "Elsewhere", tagger=CLERK, when=at(3))
    listed = indexed(archive)
    assert listed[1].tags == (TAGS + "agenda-published",)
    assert listed == from_git(archive)


def test_a_merge_from_a_sync_lists_the_whole_history_again(tmp_path: Path) -> None:
    remote = tmp_path / "shared.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(remote))
    with GitArchive.init(tmp_path / "a", when=at(0)) as a:
        save(a, M1, 1)
        sync(a, url=str(remote))
        with GitArchive.clone(str(remote), tmp_path / "b") as b:
            indexed(b)
            save(a, M1, 2)
            save(b, M2, 3, OTHER)
            sync(a)
            assert sync(b).action == "merged"
            listed = indexed(b)
            assert [v.subject for v in listed][-2:] == ["Edit 2", "Edit 1"]
            assert listed == from_git(b)
            assert len(b.version().parents) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[: len(data) // 2],
        lambda data: data.replace(b"Edit 1", b"Edit 9"),
        lambda data: b"something else entirely\n" + data,
        lambda data: data.replace(b"minutebook-history 1", b"minutebook-history 2"),
    ],
    ids=["empty", "truncated", "altered", "foreign", "newer-format"],
)
def test_a_damaged_index_is_never_believed(archive: GitArchive, damage) -> None:
    for n in range(3):
        save(archive, M1, n)
    indexed(archive)
    path = index_file(archive)
    path.write_bytes(damage(path.read_bytes()))
    listed = indexed(archive)
    assert [v.subject for v in listed] == ["Edit 2", "Edit 1", "Edit 0"]
    assert listed == from_git(archive)
    assert HistoryIndex(archive.gitdir).load(FOLDER) is not None


def test_an_index_from_a_version_no_longer_in_line_is_not_extended(archive: GitArchive) -> None:
    save(archive, M1, 1)
    second = save(archive, M1, 2)
    indexed(archive)
    git(archive.path, "reset", "-q", "--hard", "HEAD~1")
    save(archive, M1, 3)
    listed = indexed(archive)
    assert second not in [v.commit for v in listed]
    assert [v.subject for v in listed] == ["Edit 3", "Edit 1"]


def test_many_commits_since_the_index_list_the_whole_history(archive: GitArchive) -> None:
    save(archive, M1, 0)
    indexed(archive)
    for n in range(1, MAX_CATCH_UP + 3):
        save(archive, M2 if n % 50 else M1, n)
    listed = indexed(archive)
    assert listed == from_git(archive)
    assert len(listed) == 1 + (MAX_CATCH_UP + 2) // 50


def test_an_index_that_cannot_be_written_changes_nothing(archive: GitArchive) -> None:
    (archive.gitdir / "minutebook-cache").write_text("not a folder\n")
    save(archive, M1, 1)
    save(archive, M1, 2)
    assert [v.subject for v in indexed(archive)] == ["Edit 2", "Edit 1"]
    assert indexed(archive) == from_git(archive)
    assert git(archive.path, "fsck", "--no-progress", check=False) == ""
