"""Two clerks sharing one archive through a git remote (journey 7), on real repositories."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from tests.cli.conftest import Run

BOARD = "audit"


def _as(run: Run, monkeypatch: pytest.MonkeyPatch, archive: Path, clerk: str) -> Run:
    def clerk_run(*argv: str):  # type: ignore[no-untyped-def]
        monkeypatch.setenv("MINUTEBOOK_ARCHIVE", str(archive))
        monkeypatch.setenv("MINUTEBOOK_CLERK_NAME", clerk)
        return run(*argv)

    return clerk_run  # type: ignore[return-value]


def _edit_venue(run: Run, tmp_path: Path, meeting: str, venue: str, message: str) -> None:
    data = yaml.safe_load(run("show", meeting, "--yaml", "--confidential").out)
    data["venue"] = venue
    path = tmp_path / f"{venue.replace(' ', '-')}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    saved = run("save", meeting, "--from", str(path), "-m", message)
    assert saved.code == 0, saved.err


@pytest.fixture
def team(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Run, Run]:
    remote = tmp_path / "shared.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    priya = _as(run, monkeypatch, tmp_path / "priya", "Priya Shah")
    assert priya("init").code == 0
    assert priya("committees", "add", BOARD, "--name", "Audit Committee", "--template", "scrutiny-board").code == 0
    for day in ("2027-01-14", "2027-02-11"):
        assert priya("new", BOARD, "--date", day, "--time", "10:00").code == 0
    pushed = priya("sync", "--url", str(remote))
    assert pushed.code == 0, pushed.err
    sam = _as(run, monkeypatch, tmp_path / "sam", "Sam Okoro")
    cloned = sam("init", "--clone", str(remote))
    assert cloned.code == 0, cloned.err
    return priya, sam


def test_different_meetings_merge(team: tuple[Run, Run], tmp_path: Path) -> None:
    priya, sam = team
    _edit_venue(priya, tmp_path, f"{BOARD}/2027-01-14", "Room A", "Venue for January")
    _edit_venue(sam, tmp_path, f"{BOARD}/2027-02-11", "Room B", "Venue for February")
    assert priya("sync").code == 0
    merged = sam("sync", "--json")
    assert merged.code == 0, merged.err
    assert merged.json()["action"] == "merged"
    assert priya("sync").code == 0
    for clerk in (priya, sam):
        assert clerk("show", f"{BOARD}/2027-01-14", "--json").json()["meeting"]["venue"] == "Room A"
        assert clerk("show", f"{BOARD}/2027-02-11", "--json").json()["meeting"]["venue"] == "Room B"
    authors = {v["author"] for v in sam("history", f"{BOARD}/2027-01-14", "--json").json()["versions"]}
    assert "Priya Shah" in authors


def test_same_meeting_stops_keeps_both_and_lets_the_clerk_choose(team: tuple[Run, Run], tmp_path: Path) -> None:
    priya, sam = team
    meeting = f"{BOARD}/2027-01-14"
    _edit_venue(priya, tmp_path, meeting, "Room A", "Priya's venue")
    _edit_venue(sam, tmp_path, meeting, "Room C", "Sam's venue")
    assert priya("sync").code == 0
    stopped = sam("sync")
    assert stopped.code == 1
    assert meeting in stopped.err
    assert "--keep" in stopped.err
    assert "Traceback" not in stopped.err
    assert sam("show", meeting, "--json").json()["meeting"]["venue"] == "Room C"

    settled = sam("sync", "--keep", "theirs")
    assert settled.code == 0, settled.err
    assert sam("show", meeting, "--json").json()["meeting"]["venue"] == "Room A"
    messages = [v["message"] for v in sam("history", meeting, "--json").json()["versions"]]
    assert "Sam's venue" in messages
    assert "Priya's venue" in messages
    assert priya("sync").code == 0
    assert priya("show", meeting, "--json").json()["meeting"]["venue"] == "Room A"


def test_demo_archive_never_syncs(run: Run, tmp_path: Path) -> None:
    assert run("init", "--sample").code == 0
    refused = run("sync", "--url", str(tmp_path / "nowhere.git"))
    assert refused.code == 1
    assert "demo" in refused.err


def test_unreachable_remote_is_one_sentence(run: Run, tmp_path: Path) -> None:
    assert run("init").code == 0
    result = run("sync", "--url", str(tmp_path / "missing.git"))
    assert result.code == 1
    assert result.err.count("\n") == 1


def _one_meeting(run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Run:
    priya = _as(run, monkeypatch, tmp_path / "priya", "Priya Shah")
    assert priya("init").code == 0
    assert priya("committees", "add", BOARD, "--name", "Audit Committee", "--template", "scrutiny-board").code == 0
    assert priya("new", BOARD, "--date", "2027-01-14", "--time", "10:00").code == 0
    return priya


@pytest.mark.parametrize("made", ["missing", "empty-folder"])
def test_sync_to_a_folder_with_no_shared_archive_says_so(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, made: str
) -> None:
    priya = _one_meeting(run, monkeypatch, tmp_path)
    remote = tmp_path / "team" / "shared.git"
    if made == "empty-folder":
        remote.mkdir(parents=True)
    refused = priya("sync", "--url", str(remote))
    assert refused.code == 1
    assert refused.err.strip() == (
        f"minutebook: There is no shared archive at {remote} yet; run `minutebook sync --url "
        f"{remote} --create` to create one there."
    )
    assert "cannot be reached" not in refused.err
    assert not (remote / "HEAD").exists()


def test_sync_create_makes_the_shared_archive_and_a_colleague_can_clone_it(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    priya = _one_meeting(run, monkeypatch, tmp_path)
    remote = tmp_path / "team" / "shared.git"
    created = priya("sync", "--url", str(remote), "--create")
    assert created.code == 0, created.err
    bare = subprocess.run(["git", "-C", str(remote), "rev-parse", "--is-bare-repository"],
                          capture_output=True, text=True, check=True).stdout.strip()
    assert bare == "true"
    sam = _as(run, monkeypatch, tmp_path / "sam", "Sam Okoro")
    assert sam("init", "--clone", str(remote)).code == 0
    assert sam("show", f"{BOARD}/2027-01-14", "--json").code == 0
    again = priya("sync", "--url", str(remote), "--create")
    assert again.code == 0, again.err


def test_sync_create_refuses_a_folder_holding_other_files(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    priya = _one_meeting(run, monkeypatch, tmp_path)
    remote = tmp_path / "papers"
    remote.mkdir()
    (remote / "budget.xlsx").write_bytes(b"not a repository")
    refused = priya("sync", "--url", str(remote), "--create")
    assert refused.code == 1
    assert "already holds other files" in refused.err
    assert sorted(p.name for p in remote.iterdir()) == ["budget.xlsx"]


def test_sync_to_a_server_address_with_no_repository_says_it_does_not_exist(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    priya = _one_meeting(run, monkeypatch, tmp_path)
    url = f"file://{tmp_path / 'nowhere' / 'shared.git'}"
    refused = priya("sync", "--url", url)
    assert refused.code == 1
    assert "There is no shared archive at" in refused.err
    assert "cannot be reached" not in refused.err
