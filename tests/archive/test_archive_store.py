"""Saving, reading, history, trailers, tags and search on a real git archive."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest
from archive_testkit import CLERK, OTHER, T0, at, fsck, git

from archive import (
    FileNotInArchive,
    GitArchive,
    Identity,
    InvalidName,
    PathOutsideArchive,
    RevisionNotFound,
    SaveConflict,
    TagExists,
    default_archive_path,
)

M1 = "meetings/scrutiny-board/2025-01-31/meeting.yaml"
M2 = "meetings/planning/2025-02-03/meeting.yaml"


def test_init_creates_main_with_settings_and_first_version(archive: GitArchive) -> None:
    repo = archive.path
    assert git(repo, "symbolic-ref", "HEAD").strip() == "refs/heads/main"
    assert git(repo, "config", "core.fsync").strip() == "committed,reference"
    assert git(repo, "config", "core.fsyncMethod").strip() == "fsync"
    assert git(repo, "config", "gc.auto").strip() == "0"
    assert archive.read(".gitattributes") == b"*.docx binary\n"
    assert (repo / ".gitattributes").read_bytes() == b"*.docx binary\n"
    assert [v.subject for v in archive.history()] == ["Archive created"]
    assert not archive.is_demo
    assert (repo / ".git" / "objects" / "info" / "commit-graphs").is_dir()


def test_demo_archive_is_marked(tmp_path: Path) -> None:
    with GitArchive.init(tmp_path / "demo", demo=True) as demo:
        assert demo.is_demo
    with GitArchive.open(tmp_path / "demo") as reopened:
        assert reopened.is_demo


def test_save_records_author_dates_message_and_trailers(archive: GitArchive) -> None:
    when = dt.datetime(2025, 1, 7, 14, 5, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    version = archive.save(
        {M1: b"title: Budget\n"},
        message="Item 20: resolution (b) amended\n\nWording agreed with the chair.",
        author=CLERK,
        trailers={"Meeting": "scrutiny-board/2025-01-31", "Status": "minutes draft"},
        when=when,
    )
    assert version.paths == (M1,)
    assert version.when == when
    assert version.author == CLERK
    raw = git(archive.path, "cat-file", "commit", version.commit)
    assert "author Jo Clerk <jo.clerk@example.org> 1736255100 +0100" in raw
    assert "committer Jo Clerk <jo.clerk@example.org> 1736255100 +0100" in raw
    assert raw.endswith(
        "Item 20: resolution (b) amended\n\nWording agreed with the chair.\n\n"
        "Meeting: scrutiny-board/2025-01-31\nStatus: minutes draft\n"
    )
    trailers = git(archive.path, "log", "-1", "--format=%(trailers:key=Status,valueonly)")
    assert trailers.strip() == "minutes draft"
    [logged, *_] = archive.history(M1)
    assert logged == version
    assert logged.subject == "Item 20: resolution (b) amended"
    assert logged.body == "Wording agreed with the chair."
    assert logged.trailers == {"Meeting": "scrutiny-board/2025-01-31", "Status": "minutes draft"}
    fsck(archive.path)


def test_deterministic_history_for_the_same_inputs(tmp_path: Path) -> None:
    commits = []
    for name in ("one", "two"):
        with GitArchive.init(tmp_path / name, when=T0) as arch:
            commits.append(
                arch.save({M1: b"a\n"}, message="Created", author=CLERK, when=at(1)).commit
            )
    assert commits[0] == commits[1]


def test_read_versions_and_the_work_tree(archive: GitArchive) -> None:
    first = archive.save(
        {M1: b"v1\n", M2: b"other\n"}, message="Two meetings", author=CLERK, when=at(1)
    )
    second = archive.save({M1: b"v2\n"}, message="Edited", author=OTHER, when=at(2))
    assert archive.read(M1) == b"v2\n"
    assert archive.read(M1, first.commit) == b"v1\n"
    assert archive.read(M1, first.short) == b"v1\n"
    assert (archive.path / M1).read_bytes() == b"v2\n"
    assert archive.head() == second.commit == archive.resolve("main")
    assert archive.exists(M1)
    assert archive.exists("meetings/planning")
    assert not archive.exists("nope.yaml")
    assert archive.list_files("meetings/") == [M2, M1]
    assert archive.list_files("meetings/planning") == [M2]
    assert second.paths == (M1,)
    assert second.parents == (first.commit,)


def test_delete_removes_file_and_empty_folders(archive: GitArchive) -> None:
    archive.save({M1: b"x\n", M2: b"y\n"}, message="Two", author=CLERK, when=at(1))
    version = archive.save({M1: None}, message="Removed", author=CLERK, when=at(2))
    assert version.paths == (M1,)
    assert not archive.exists(M1)
    assert not (archive.path / "meetings" / "scrutiny-board").exists()
    assert (archive.path / M2).exists()
    fsck(archive.path)


def test_identical_content_records_nothing(archive: GitArchive) -> None:
    first = archive.save({M1: b"same\n"}, message="Created", author=CLERK, when=at(1))
    again = archive.save({M1: b"same\n"}, message="Saved again", author=OTHER, when=at(2))
    assert again.unchanged
    assert not first.unchanged
    assert again.commit == first.commit
    assert again.subject == "Created"
    assert len(archive.history()) == 2


def test_history_only_lists_versions_touching_the_path(archive: GitArchive) -> None:
    made = []
    for n in range(5):
        made.append(
            archive.save({M1: f"{n}\n".encode()}, message=f"M1 edit {n}", author=CLERK, when=at(n))
        )
        archive.save({M2: f"{n}\n".encode()}, message=f"M2 edit {n}", author=CLERK, when=at(n))
    history = archive.history("meetings/scrutiny-board/2025-01-31/")
    assert [v.commit for v in history] == [v.commit for v in reversed(made)]
    assert [v.subject for v in archive.history(M1, limit=2)] == ["M1 edit 4", "M1 edit 3"]
    assert len(archive.history()) == 11
    assert archive.history("meetings/none") == []


def test_tags_annotated_and_lightweight_never_move(archive: GitArchive) -> None:
    v1 = archive.save({M1: b"1\n"}, message="Agenda", author=CLERK, when=at(1))
    archive.tag(
        "scrutiny-board/2025-01-31/agenda-published-1",
        message="Agenda published",
        tagger=CLERK,
        when=at(2),
    )
    v2 = archive.save({M1: b"2\n"}, message="Minutes", author=CLERK, when=at(3))
    archive.tag("scrutiny-board/2025-01-31/minutes-approved-1", v2.commit)
    assert archive.tags("scrutiny-board/2025-01-31/") == {
        "scrutiny-board/2025-01-31/agenda-published-1": v1.commit,
        "scrutiny-board/2025-01-31/minutes-approved-1": v2.commit,
    }
    assert archive.tags("planning/") == {}
    history = archive.history(M1)
    assert history[1].tags == ("scrutiny-board/2025-01-31/agenda-published-1",)
    assert archive.read(M1, "scrutiny-board/2025-01-31/agenda-published-1") == b"1\n"
    assert (
        git(archive.path, "cat-file", "-t", "scrutiny-board/2025-01-31/agenda-published-1").strip()
        == "tag"
    )
    with pytest.raises(TagExists, match="never moved"):
        archive.tag("scrutiny-board/2025-01-31/agenda-published-1", v2.commit)
    with pytest.raises(InvalidName):
        archive.tag("bad name")
    fsck(archive.path)


def test_grep_searches_the_committed_tree(archive: GitArchive) -> None:
    archive.save(
        {
            M1: b"title: Library closures\nnote: fine\n",
            M1.replace("meeting.yaml", "meeting.exempt.yaml"): b"secret library deal\n",
        },
        message="Created",
        author=CLERK,
        when=at(1),
    )
    (archive.path / M2).parent.mkdir(parents=True)
    (archive.path / M2).write_bytes(b"library (not committed)\n")
    hits = archive.grep("LIBRARY", paths=[":(exclude)*.exempt.yaml"])
    assert hits == [(M1, 1, "title: Library closures")]
    assert len(archive.grep("library")) == 2
    assert archive.grep("lib.*closures", fixed=False) == [(M1, 1, "title: Library closures")]
    assert archive.grep("nothing here") == []


def test_errors_are_clear_sentences(archive: GitArchive) -> None:
    archive.save({M1: b"x\n"}, message="Created", author=CLERK, when=at(1))
    with pytest.raises(FileNotInArchive, match="does not exist in version"):
        archive.read(M2)
    with pytest.raises(FileNotFoundError):
        archive.read("meetings/scrutiny-board")
    with pytest.raises(RevisionNotFound, match="No version called 'nope'"):
        archive.read(M1, "nope")
    with pytest.raises(RevisionNotFound):
        archive.resolve("--all")
    with pytest.raises(InvalidName, match="message"):
        archive.save({M1: b"y\n"}, message="  ", author=CLERK)
    with pytest.raises(InvalidName):
        archive.save({M1: b"y\n"}, message="ok", author=CLERK, trailers={"Bad key": "x"})
    with pytest.raises(InvalidName):
        Identity("Jo <x>", "jo@example.org")


@pytest.mark.parametrize(
    "bad", ["../../etc/passwd", "/etc/passwd", ".git/config", "meetings/../../x"]
)
def test_unsafe_paths_write_nothing(archive: GitArchive, tmp_path: Path, bad: str) -> None:
    head = archive.head()
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(PathOutsideArchive):
        archive.save(
            {"meetings/ok/2025-01-01/meeting.yaml": b"ok\n", bad: b"owned\n"},
            message="x",
            author=CLERK,
        )
    assert archive.head() == head
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert not (archive.path / "meetings").exists()
    assert b"owned" not in (archive.path / ".git" / "config").read_bytes()
    with pytest.raises(PathOutsideArchive):
        archive.read(bad)


def test_expect_parent_refuses_to_overwrite_a_newer_version(archive: GitArchive) -> None:
    base = archive.save({M1: b"base\n", M2: b"base\n"}, message="Created", author=CLERK, when=at(1))
    archive.save({M1: b"theirs\n"}, message="Other clerk", author=OTHER, when=at(2))
    with pytest.raises(SaveConflict) as caught:
        archive.save(
            {M1: b"mine\n"}, message="Mine", author=CLERK, when=at(3), expect_parent=base.commit
        )
    assert caught.value.paths == (M1,)
    assert archive.read(M1) == b"theirs\n"
    assert (archive.path / M1).read_bytes() == b"theirs\n"
    ok = archive.save(
        {M2: b"mine\n"}, message="Other file", author=CLERK, when=at(4), expect_parent=base.commit
    )
    assert archive.read(M1, ok.commit) == b"theirs\n"
    assert archive.read(M2) == b"mine\n"


def test_open_errors_name_the_problem(tmp_path: Path) -> None:
    from archive import ArchiveMissing, NotAnArchive

    with pytest.raises(ArchiveMissing, match="no archive at"):
        GitArchive.open(tmp_path / "missing")
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "notes.txt").write_text("hello")
    with pytest.raises(NotAnArchive, match="not a minutebook archive"):
        GitArchive.open(tmp_path / "plain")
    with pytest.raises(NotAnArchive, match="already contains files"):
        GitArchive.init(tmp_path / "plain")
    git(tmp_path, "init", "-q", "--bare", "bare.git")
    with pytest.raises(NotAnArchive, match="bare"):
        GitArchive.open(tmp_path / "bare.git")
    with pytest.raises(NotAnArchive, match="is a file"):
        GitArchive.open(tmp_path / "plain" / "notes.txt")
    assert not (tmp_path / "plain" / ".git").exists()


def test_detached_head_is_reported_as_damage(archive: GitArchive) -> None:
    from archive import CorruptArchive

    (archive.path / ".git" / "HEAD").write_text(archive.head() + "\n")
    with pytest.raises(CorruptArchive, match="not on a branch"):
        archive.save({M1: b"x\n"}, message="x", author=CLERK)
    with pytest.raises(CorruptArchive):
        GitArchive.open(archive.path)


def test_open_or_init_and_default_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with GitArchive.open_or_init(tmp_path / "new") as created:
        head = created.head()
    with GitArchive.open_or_init(tmp_path / "new") as reopened:
        assert reopened.head() == head
    monkeypatch.setenv("MINUTEBOOK_ARCHIVE", str(tmp_path / "chosen"))
    assert default_archive_path() == tmp_path / "chosen"
    monkeypatch.delenv("MINUTEBOOK_ARCHIVE")
    assert default_archive_path().parts[-2:] == ("minutebook", "archive")


def test_read_only_archive_refuses_and_writes_nothing(archive: GitArchive) -> None:
    from archive import ArchiveReadOnly

    head = archive.head()
    folders = [archive.path, archive.path / ".git"]
    for folder in folders:
        folder.chmod(0o555)
    try:
        if os.access(archive.path / ".git", os.W_OK):
            pytest.skip("running as root: permissions do not stop this user writing")
        with pytest.raises(ArchiveReadOnly, match="read-only"):
            archive.save({M1: b"x\n"}, message="x", author=CLERK)
    finally:
        for folder in folders:
            folder.chmod(0o755)
    assert archive.head() == head
    assert not (archive.path / "meetings").exists()


def test_maintenance_packs_and_keeps_everything(archive: GitArchive) -> None:
    for n in range(10):
        archive.save({M1: f"{n}\n".encode()}, message=f"edit {n}", author=CLERK, when=at(n))
    packs = archive.path / ".git" / "objects" / "pack"
    loose = int(git(archive.path, "count-objects", "-v").splitlines()[0].split()[1])
    assert loose >= 10 * 6
    abandoned, recent = packs / "tmp_pack_dead", packs / "tmp_pack_live"
    packs.mkdir(exist_ok=True)
    abandoned.write_bytes(b"half")
    recent.write_bytes(b"half")
    os.utime(abandoned, (0, 0))
    archive.maintenance()
    assert not abandoned.exists()
    assert recent.exists()
    assert len(list(packs.glob("*.pack"))) <= 2
    assert "count: 0" in git(archive.path, "count-objects", "-v")
    assert git(archive.path, "status", "--porcelain") == ""
    assert archive.read(M1) == b"9\n"
    assert len(archive.history(M1)) == 10
    fsck(archive.path)


def _commits_in_graph(repo: Path) -> int:
    folder = repo / ".git" / "objects" / "info" / "commit-graphs"
    total = 0
    for name in (folder / "commit-graph-chain").read_text().split():
        data = (folder / f"graph-{name}.graph").read_bytes()
        chunks = data[6]
        for n in range(chunks):
            entry = data[8 + 12 * n : 20 + 12 * n]
            if entry[:4] == b"OIDF":
                offset = int.from_bytes(entry[4:], "big")
                total += int.from_bytes(data[offset + 255 * 4 : offset + 256 * 4], "big")
    return total


@pytest.mark.parametrize(("every", "expected"), [(4, 8), (0, 1)])
def test_saves_refresh_the_commit_graph(tmp_path: Path, every: int, expected: int) -> None:
    with GitArchive.init(tmp_path / "a", graph_every=every) as arch:
        for n in range(7):
            arch.save({M1: f"{n}\n".encode()}, message=f"edit {n}", author=CLERK, when=at(n))
    assert _commits_in_graph(tmp_path / "a") == expected
    assert git(tmp_path / "a", "commit-graph", "verify", "--no-progress") == ""


def test_each_save_writes_whole_loose_objects(archive: GitArchive) -> None:
    big = bytes(range(256)) * 400
    version = archive.save(
        {M1: b"x\n", "meetings/x/2025-01-01/documents/a.docx": big},
        message="With a document",
        author=CLERK,
        when=at(1),
    )
    objects = archive.path / ".git" / "objects"
    commit_file = objects / version.commit[:2] / version.commit[2:]
    assert commit_file.is_file()
    assert git(archive.path, "cat-file", "-t", version.commit).strip() == "commit"
    assert archive.read("meetings/x/2025-01-01/documents/a.docx") == big
    assert git(archive.path, "cat-file", "-p", f"{version.commit}:{M1}") == "x\n"
    fsck(archive.path)


def test_an_object_file_damaged_by_a_power_cut_is_written_again(archive: GitArchive) -> None:
    content = b"title: Written again\n"
    sha = subprocess.run(
        ["git", "hash-object", "--stdin"], input=content, cwd=archive.path, capture_output=True, check=True
    ).stdout.decode().strip()
    damaged = archive.path / ".git" / "objects" / sha[:2] / sha[2:]
    damaged.parent.mkdir(exist_ok=True)
    damaged.write_bytes(b"")
    version = archive.save({M1: content}, message="Saved over the damage", author=CLERK, when=at(1))
    assert damaged.stat().st_size > 0
    assert archive.read(M1, version.commit) == content
    fsck(archive.path)


@pytest.mark.parametrize("update_index", [True, False])
def test_git_status_is_clean_once_the_archive_is_closed(tmp_path: Path, update_index: bool) -> None:
    with GitArchive.init(tmp_path / "a", when=T0, update_index=update_index) as arch:
        arch.save({M1: b"1\n", M2: b"2\n"}, message="Two", author=CLERK, when=at(1))
        arch.save({M1: b"changed\n", M2: None}, message="Edit and delete", author=CLERK, when=at(2))
    assert (git(arch.path, "status", "--porcelain") == "") is update_index
    with GitArchive.open(arch.path) as again:
        again.maintenance()
        assert git(again.path, "status", "--porcelain") == ""


def test_index_is_written_in_batches_during_long_sessions(archive: GitArchive) -> None:
    from archive._upkeep import INDEX_BATCH

    files = {f"meetings/c/2025-01-01/documents/f{n}.txt": b"x" for n in range(INDEX_BATCH)}
    archive.save(files, message="Many documents", author=CLERK, when=at(1))
    assert git(archive.path, "status", "--porcelain") == ""


def test_saved_at_is_the_version_date(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from archive import GitArchive, Identity

    archive = GitArchive.init(tmp_path / "a")
    when = dt.datetime(2026, 3, 4, 5, 6, 7, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    version = archive.save({"x.txt": b"x"}, message="x", author=Identity("A", "a@b.c"), when=when)
    assert archive.saved_at(version.commit) == when == archive.version(version.commit).when
    archive.close()


def test_read_many_reads_files_of_one_version(archive: GitArchive) -> None:
    first = archive.save({M1: b"one\n", M2: b"two\n"}, message="Two", author=CLERK, when=at(1))
    archive.save({M1: b"changed\n"}, message="Edit", author=CLERK, when=at(2))
    wanted = [M2, M1, "meetings/planning", "nope.yaml", M1]
    assert archive.read_many(wanted) == {M1: b"changed\n", M2: b"two\n"}
    assert archive.read_many(wanted, first.commit) == {M1: b"one\n", M2: b"two\n"}
    assert archive.read_many([]) == {}
    with pytest.raises(PathOutsideArchive):
        archive.read_many(["../x"])
