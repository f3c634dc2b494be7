"""Who saves: the clerk's name and e-mail, asked once and kept in the settings; never the
login name. With neither set and no terminal to ask at, a save is refused in one sentence
saying how to set them, and reading still works."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import docx
import pytest

from tests.cli.conftest import Run, run_process

MEETING_ARGS = ("new", "audit", "--date", "2027-01-14", "--time", "10:00")


@pytest.fixture
def nobody(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """No name in the settings, the environment or git (the conftest's git config is empty)."""
    monkeypatch.delenv("MINUTEBOOK_CLERK_NAME")
    monkeypatch.delenv("MINUTEBOOK_CLERK_EMAIL")
    return dict(os.environ)


def _log(archive: Path) -> str:
    return subprocess.run(["git", "-C", str(archive), "log", "--format=%an <%ae>|%cn"],
                          capture_output=True, text=True, check=True).stdout


def test_a_save_with_no_name_set_says_how_to_set_it(run: Run, archive_path: Path, nobody: dict[str, str]) -> None:
    assert run("init").code == 0
    added = run("committees", "add", "audit", "--name", "Audit Committee", "--template", "scrutiny-board")
    assert added.code == 1
    lines = added.err.strip().splitlines()
    assert len(lines) == 1, added.err
    assert "minutebook init --name" in lines[0]
    assert "nothing was saved" in lines[0]
    assert run("list").code == 0
    assert "root" not in _log(archive_path)


def test_init_with_name_and_email_keeps_them_and_every_version_carries_them(
    run: Run, archive_path: Path, nobody: dict[str, str], tmp_path: Path
) -> None:
    made = run("init", "--name", "Priya Shah", "--email", "priya.shah@example.gov.uk")
    assert made.code == 0, made.err
    settings = tomllib.loads(Path(os.environ["MINUTEBOOK_CONFIG"]).read_text())
    assert (settings["clerk_name"], settings["clerk_email"]) == ("Priya Shah", "priya.shah@example.gov.uk")
    assert run("committees", "add", "audit", "--name", "Audit Committee", "--template", "scrutiny-board").code == 0
    assert run(*MEETING_ARGS).code == 0
    out = tmp_path / "agenda.docx"
    assert run("render", "audit/2027-01-14", "agenda", "-o", str(out)).code == 0
    assert docx.Document(str(out)).core_properties.author == "Priya Shah"
    log = _log(archive_path)
    assert log.strip().splitlines()[0] == "Priya Shah <priya.shah@example.gov.uk>|Priya Shah"
    assert "root" not in log


def test_init_refuses_an_address_that_is_not_one(run: Run, nobody: dict[str, str]) -> None:
    made = run("init", "--name", "Priya Shah", "--email", "priya")
    assert made.code == 1
    assert "e-mail" in made.err
    assert not Path(os.environ["MINUTEBOOK_CONFIG"]).exists()


def test_the_sample_archive_is_made_without_asking_and_without_a_login_name(
    archive_path: Path, nobody: dict[str, str]
) -> None:
    made = run_process("init", "--sample", env=nobody, input="")
    assert made.code == 0, made.err
    log = _log(archive_path)
    assert "root" not in log
    assert "minutebook sample records" in log


def _answer_at_a_terminal(args: list[str], answers: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run the real command on a pseudo-terminal, typing each answer after its question."""
    exe = str(Path(sys.executable).with_name("minutebook"))
    leader, follower = pty.openpty()
    proc = subprocess.Popen([exe, *args], stdin=follower, stdout=follower, stderr=follower, env=env, close_fds=True)
    os.close(follower)
    seen, pending, deadline = b"", list(answers), time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if pending and seen.rstrip().endswith(b":"):
                os.write(leader, pending.pop(0).encode() + b"\n")
        elif proc.poll() is not None:
            break
    code = proc.wait(timeout=30)
    os.close(leader)
    return code, seen.decode("utf-8", "replace")


def test_init_at_a_terminal_asks_the_name_and_email(archive_path: Path, nobody: dict[str, str]) -> None:
    code, screen = _answer_at_a_terminal(["init"], ["Sam Okoro", "sam.okoro@example.gov.uk"], nobody)
    assert code == 0, screen
    assert "Your name" in screen
    settings = tomllib.loads(Path(os.environ["MINUTEBOOK_CONFIG"]).read_text())
    assert settings["clerk_name"] == "Sam Okoro"


def test_a_save_at_a_terminal_asks_once_then_saves(archive_path: Path, nobody: dict[str, str]) -> None:
    assert run_process("init", env=nobody).code == 0
    code, screen = _answer_at_a_terminal(
        ["committees", "add", "audit", "--name", "Audit Committee", "--template", "scrutiny-board"],
        ["Sam Okoro", "sam.okoro@example.gov.uk"], nobody,
    )
    assert code == 0, screen
    assert _log(archive_path).splitlines()[0].startswith("Sam Okoro <sam.okoro@example.gov.uk>")
