"""A fresh archive for a cabinet member's decision sessions, driven through the command line.

The committee and people follow seed 004 (the Cabinet Member for Children and Young People
of Coventry City Council, Monday 4 February 2019); the reports' prose is our own.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tui.cli.main import main
from workflow.record import codec
from workflow.record.model import Meeting
from workflow.services.meetings import Meetings
from workflow.services.workspace import Workspace

MEETING = "cabinet-member-children/2019-02-04"
MAKER = "Cabinet Member for Children and Young People"

COMMITTEE = """\
slug: cabinet-member-children
name: Cabinet Member for Children and Young People
council: Coventry City Council
template: cabinet-member-decision
venue: Diamond Room 2, Council House
contact: {name: Test Clerk, phone: 024 7683 3166, email: clerk@example.org}
decision_maker: Cabinet Member for Children and Young People
membership:
- {person: cllr-p-seaman, role: cabinet-member, start: "2018-05-16"}
- {person: cllr-j-lepoidevin, role: shadow-cabinet-member, start: "2018-05-16"}
"""

PEOPLE = [
    ("cllr-p-seaman", "P Seaman", "member", ""),
    ("cllr-j-lepoidevin", "J Lepoidevin", "member", ""),
    ("j-gregg", "J Gregg", "officer", "People"),
    ("p-smith", "P Smith", "officer", "People"),
    ("s-bennett", "S Bennett", "officer", "Place"),
]


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


class Clerk:
    """Runs ``minutebook`` in-process on one archive, on a chosen day."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.root = root
        self.archive = root / "archive"
        self._monkeypatch = monkeypatch

    def on(self, day: str) -> Clerk:
        self._monkeypatch.setenv("MINUTEBOOK_TODAY", day)
        return self

    def __call__(self, *argv: str) -> Result:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--archive", str(self.archive), *argv])
        return Result(code, out.getvalue(), err.getvalue())

    def ok(self, *argv: str) -> Result:
        done = self(*argv)
        assert done.code == 0, done.err
        return done

    def refused(self, *argv: str) -> str:
        """Run a command that must be refused: exit 1, one sentence, nothing saved."""
        head, files = self.head(), self.snapshot()
        done = self(*argv)
        assert done.code == 1, (done.out, done.err)
        assert done.err.startswith("minutebook: "), done.err
        assert done.err.count("\n") == 1, done.err
        assert "Traceback" not in done.err
        assert self.head() == head
        assert self.snapshot() == files
        return done.err.removeprefix("minutebook: ").strip()

    def service(self) -> Workspace:
        return Workspace.open(self.archive, create=False)

    def load(self, meeting_id: str = MEETING, *, rev: str = "HEAD") -> Meeting:
        with self.service() as svc:
            return Meetings(svc).load(meeting_id, rev=rev)

    def head(self) -> str:
        with self.service() as svc:
            return svc.archive.resolve("HEAD")

    def tags(self) -> list[str]:
        with self.service() as svc:
            return sorted(svc.archive.tags())

    def snapshot(self) -> dict[str, bytes]:
        return {str(p.relative_to(self.archive)): p.read_bytes()
                for p in sorted(self.archive.rglob("*"))
                if p.is_file() and ".git" not in p.relative_to(self.archive).parts}

    def save_record(self, meeting: Meeting, message: str) -> None:
        path = self.root / "edited.yaml"
        path.write_text(codec.dump_yaml(codec.encode(meeting)), encoding="utf-8")
        self.ok("save", meeting.id, "--from", str(path), "-m", message)


def _set_up(runner: Clerk) -> None:
    runner.ok("init")
    for pid, name, kind, directorate in PEOPLE:
        extra = ["--title", "Councillor"] if kind == "member" else ["--directorate", directorate]
        runner.ok("people", "add", "--id", pid, "--name", name, "--kind", kind, *extra)
    committee = runner.root / "committee.yaml"
    committee.write_text(COMMITTEE, encoding="utf-8")
    runner.ok("committees", "add", "--from", str(committee))


@pytest.fixture
def clerk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Clerk:
    """A fresh archive with the register and the cabinet member's committee."""
    monkeypatch.setenv("MINUTEBOOK_COUNCIL", "Coventry City Council")
    runner = Clerk(tmp_path, monkeypatch)
    _set_up(runner)
    return runner


@pytest.fixture(scope="session")
def _held_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from . import session

    root = tmp_path_factory.mktemp("held")
    with pytest.MonkeyPatch.context() as mp:
        home = root / "home"
        home.mkdir()
        (home / ".gitconfig").write_text("")
        for name, value in {
            "HOME": str(home), "GIT_CONFIG_GLOBAL": str(home / ".gitconfig"),
            "GIT_CONFIG_NOSYSTEM": "1", "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"), "XDG_STATE_HOME": str(home / "state"),
            "MINUTEBOOK_CONFIG": str(home / "config.toml"),
            "MINUTEBOOK_CLERK_NAME": "Test Clerk", "MINUTEBOOK_CLERK_EMAIL": "clerk@example.org",
            "MINUTEBOOK_COUNCIL": "Coventry City Council",
        }.items():
            mp.setenv(name, value)
        runner = Clerk(root, mp)
        _set_up(runner)
        session.draft(runner)
        session.hold(runner)
    return runner.archive


@pytest.fixture
def held(_held_archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Clerk:
    """The 4 February 2019 session held, its minutes circulated, no decision recorded yet."""
    monkeypatch.setenv("MINUTEBOOK_COUNCIL", "Coventry City Council")
    shutil.copytree(_held_archive, tmp_path / "archive", symlinks=True)
    return Clerk(tmp_path, monkeypatch)
