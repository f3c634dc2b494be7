"""Two clerks adding people to the register at once: nobody added by one is lost by the
other's save (each addition is based on the register it read, and made again on a newer
one)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.faults.kit import MINUTEBOOK, fsck, mb


def _adder(archive: Path, prefix: str, count: int) -> subprocess.Popen[str]:
    script = " && ".join(
        f"{MINUTEBOOK} people add --name 'Person {prefix}{n}' --title Mr --archive {archive}"
        for n in range(count)
    )
    return subprocess.Popen(["sh", "-c", script], text=True, env=dict(os.environ),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_two_clerks_adding_people_keep_everyone(archive: Path) -> None:
    before = mb("people", "list", "--json", archive=archive)
    assert before.code == 0, before.err
    count = 8
    first, second = _adder(archive, "A", count), _adder(archive, "B", count)
    outs = [p.communicate(timeout=300) for p in (first, second)]
    assert first.returncode == second.returncode == 0, outs
    listed = mb("people", "list", "--json", archive=archive).out
    for prefix in "AB":
        for n in range(count):
            assert f"Person {prefix}{n}" in listed
    fsck(archive)
