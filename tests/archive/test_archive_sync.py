"""Sharing an archive through a bare remote between two clerks' copies."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from archive_testkit import CLERK, OTHER, T0, at, fsck, git

from archive import DemoArchive, GitArchive, RemoteUnreachable, SyncConflict, resolve_conflict, sync
from archive.sync import conflict_refs

X = "meetings/scrutiny-board/2025-01-31/meeting.yaml"
Y = "meetings/planning/2025-02-03/meeting.yaml"


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[GitArchive, GitArchive, Path]]:
    remote = tmp_path / "shared.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(remote))
    with GitArchive.init(tmp_path / "a", when=T0) as a:
        a.save({X: b"x0\n", Y: b"y0\n"}, message="Two meetings", author=CLERK, when=at(1))
        assert sync(a, url=str(remote)).action == "pushed"
        with GitArchive.clone(str(remote), tmp_path / "b") as b:
            yield a, b, remote


def test_clone_has_the_same_history_and_files(pair: tuple[GitArchive, GitArchive, Path]) -> None:
    a, b, _ = pair
    assert b.head() == a.head()
    assert (b.path / X).read_bytes() == b"x0\n"
    assert sync(b).action == "up-to-date"


def test_one_side_moved_pushes_then_pulls(pair: tuple[GitArchive, GitArchive, Path]) -> None:
    a, b, remote = pair
    a.save({X: b"x1\n"}, message="A edits X", author=CLERK, when=at(2))
    a.tag(
        "scrutiny-board/2025-01-31/agenda-published-1",
        message="Published",
        tagger=CLERK,
        when=at(2),
    )
    result = sync(a)
    assert result.action == "pushed"
    assert result.sent == ("scrutiny-board/2025-01-31",)
    assert git(remote, "rev-parse", "main").strip() == a.head()
    pulled = sync(b)
    assert pulled.action == "pulled"
    assert pulled.received == ("scrutiny-board/2025-01-31",)
    assert b.head() == a.head()
    assert (b.path / X).read_bytes() == b"x1\n"
    assert "scrutiny-board/2025-01-31/agenda-published-1" in b.tags()


def test_disjoint_meetings_merge(pair: tuple[GitArchive, GitArchive, Path]) -> None:
    a, b, remote = pair
    va = a.save({X: b"x-from-a\n"}, message="A edits X", author=CLERK, when=at(2))
    vb = b.save({Y: b"y-from-b\n"}, message="B edits Y", author=OTHER, when=at(3))
    sync(a)
    merged = sync(b)
    assert merged.action == "merged"
    assert merged.received == ("scrutiny-board/2025-01-31",)
    assert merged.sent == ("planning/2025-02-03",)
    assert b.read(X) == b"x-from-a\n"
    assert b.read(Y) == b"y-from-b\n"
    assert (b.path / X).read_bytes() == b"x-from-a\n"
    b.flush_index()
    assert git(b.path, "status", "--porcelain") == ""
    assert set(b.version().parents) == {vb.commit, va.commit}
    assert sync(a).action == "pulled"
    assert a.head() == b.head() == git(remote, "rev-parse", "main").strip()
    assert "B edits Y" in [v.subject for v in a.history(Y)]
    fsck(a.path)
    fsck(b.path)


def test_same_meeting_on_both_sides_stops_and_keeps_both(
    pair: tuple[GitArchive, GitArchive, Path],
) -> None:
    a, b, remote = pair
    va = a.save({X: b"a's wording\n"}, message="A edits X", author=CLERK, when=at(2))
    sync(a)
    vb = b.save({X: b"b's wording\n"}, message="B edits X", author=OTHER, when=at(3))
    with pytest.raises(SyncConflict) as caught:
        sync(b)
    err = caught.value
    assert err.units == ("scrutiny-board/2025-01-31",)
    assert "scrutiny-board/2025-01-31" in err.message
    assert b.head() == vb.commit
    assert (b.path / X).read_bytes() == b"b's wording\n"
    assert b.read(X, err.ref) == b"a's wording\n"
    assert err.remote == va.commit
    assert conflict_refs(b) == {err.ref: va.commit}
    assert git(remote, "rev-parse", "main").strip() == va.commit

    settled = resolve_conflict(b, err, "remote", author=OTHER, when=at(4))
    assert b.read(X) == b"a's wording\n"
    assert (b.path / X).read_bytes() == b"a's wording\n"
    assert set(settled.parents) == {va.commit, vb.commit}
    assert b.read(X, vb.commit) == b"b's wording\n"
    assert conflict_refs(b) == {}
    assert sync(b).action == "pushed"
    assert sync(a).action == "pulled"
    assert a.read(X) == b"a's wording\n"


def test_conflict_resolved_keeping_local_takes_other_meetings(
    pair: tuple[GitArchive, GitArchive, Path],
) -> None:
    a, b, _ = pair
    a.save({X: b"a\n", Y: b"y-from-a\n"}, message="A edits both", author=CLERK, when=at(2))
    sync(a)
    b.save({X: b"b\n"}, message="B edits X", author=OTHER, when=at(3))
    with pytest.raises(SyncConflict) as caught:
        sync(b)
    resolve_conflict(b, caught.value.ref, "local", author=OTHER, when=at(4))
    assert b.read(X) == b"b\n"
    assert b.read(Y) == b"y-from-a\n"
    sync(b)
    sync(a)
    assert a.read(X) == b"b\n"


def test_demo_archive_refuses_to_sync(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "--bare", "-b", "main", "shared.git")
    with (
        GitArchive.init(tmp_path / "demo", demo=True) as demo,
        pytest.raises(DemoArchive, match="demo archive"),
    ):
        sync(demo, url=str(tmp_path / "shared.git"))
    assert git(tmp_path / "shared.git", "for-each-ref") == ""


def test_unreachable_remote_is_a_sentence(archive: GitArchive, tmp_path: Path) -> None:
    head = archive.head()
    with pytest.raises(RemoteUnreachable, match="cannot be reached"):
        sync(archive, url=str(tmp_path / "no-such-remote.git"))
    with pytest.raises(RemoteUnreachable, match="No shared archive called 'upstream'"):
        sync(archive, "upstream")
    assert archive.head() == head


def test_a_sync_that_brings_versions_adds_them_to_the_commit_graph(
    pair: tuple[GitArchive, GitArchive, Path],
) -> None:
    a, b, _ = pair
    b.graph_every = 0
    for n in range(3):
        a.save({X: f"x-a{n}\n".encode()}, message=f"A {n}", author=CLERK, when=at(2 + n))
    b.save({Y: b"y-from-b\n"}, message="B edits Y", author=OTHER, when=at(9))
    sync(a)
    assert sync(b).action == "merged"
    in_graph = git(b.path, "log", "-1", "--format=%H", "--", X).strip()
    assert in_graph == a.head()
    assert git(b.path, "commit-graph", "verify", "--no-progress") == ""
    chain = (b.gitdir / "objects" / "info" / "commit-graphs" / "commit-graph-chain").read_text()
    total = sum(_graph_commits(b.gitdir / "objects" / "info" / "commit-graphs" / f"graph-{name}.graph")
                for name in chain.split())
    assert total == int(git(b.path, "rev-list", "--count", "--all"))
    history = b.history(X, with_paths=False)
    assert [v.subject for v in history if len(v.parents) == 1][:3] == ["A 2", "A 1", "A 0"]


def _graph_commits(graph: Path) -> int:
    data = graph.read_bytes()
    for n in range(data[6]):
        entry = data[8 + 12 * n : 20 + 12 * n]
        if entry[:4] == b"OIDF":
            offset = int.from_bytes(entry[4:], "big")
            return int.from_bytes(data[offset + 255 * 4 : offset + 256 * 4], "big")
    raise AssertionError("no OID fan-out in the commit-graph")


def test_a_sync_while_git_moves_the_branch_is_one_sentence(
    pair: tuple[GitArchive, GitArchive, Path],
) -> None:
    from archive import ArchiveLocked

    a, b, _ = pair
    a.save({X: b"x1\n"}, message="A edits X", author=CLERK, when=at(2))
    sync(a)
    before = b.head()
    busy = b.gitdir / "refs" / "heads" / "main.lock"
    busy.write_text("")
    with pytest.raises(ArchiveLocked, match="busy"):
        sync(b)
    assert b.head() == before
    assert (b.path / X).read_bytes() == b"x0\n"
    busy.unlink()
    assert sync(b).action == "pulled"
    assert (b.path / X).read_bytes() == b"x1\n"
