"""The demo archive and the command line run in-process, for the bad-input catalogue."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tui.cli.main import main


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    @property
    def sentence(self) -> str:
        """The first line on stderr, checked to be a sentence and not a traceback."""
        assert "Traceback" not in self.err, self.err
        lines = [line for line in self.err.splitlines() if line.strip()]
        assert lines, f"nothing on stderr (exit {self.code}); stdout: {self.out[:300]}"
        return lines[0]


Cli = Callable[..., Result]



@pytest.fixture
def cli(archive: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    """``minutebook ARGS --archive <copy of the demo archive>`` through ``tui.cli.main``."""

    def run(*args: str) -> Result:
        capsys.readouterr()
        code = main([*args, "--archive", str(archive)])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def head(archive: Path) -> str:
    return subprocess.run(
        ["git", "-C", str(archive), "rev-parse", "refs/heads/main"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
