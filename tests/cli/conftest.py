"""Helpers for driving the command line in-process and as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tui.cli.main import main


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> dict:  # type: ignore[type-arg]
        return json.loads(self.out)


Run = Callable[..., Result]


@pytest.fixture
def archive_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "archive"
    monkeypatch.setenv("MINUTEBOOK_ARCHIVE", str(path))
    return path


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], archive_path: Path) -> Run:
    def _run(*argv: str) -> Result:
        code = main(list(argv))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run


@pytest.fixture
def sample(run: Run) -> Run:
    assert run("init", "--sample").code == 0
    return run


def run_process(*argv: str, env: dict[str, str] | None = None, input: str | None = None) -> Result:
    exe = Path(sys.executable).with_name("minutebook")
    done = subprocess.run(
        [str(exe), *argv], capture_output=True, text=True, env={**os.environ, **(env or {})},
        input=input, timeout=120,
    )
    return Result(done.returncode, done.stdout, done.stderr)
