"""The package's public surface and its independence from the rest of the project."""

from __future__ import annotations

import subprocess
import sys

from archive_testkit import child_env

import archive


def test_all_is_sorted_and_complete() -> None:
    assert archive.__all__ == sorted(archive.__all__)
    for name in archive.__all__:
        assert hasattr(archive, name), name


def test_every_error_has_a_sentence_and_a_title() -> None:
    for name in archive.__all__:
        obj = getattr(archive, name)
        if isinstance(obj, type) and issubclass(obj, archive.ArchiveError):
            err = obj("Something went wrong.")
            assert err.message == str(err) == "Something went wrong."
            assert err.title


def test_importing_archive_pulls_in_nothing_else_from_the_project() -> None:
    code = (
        "import sys, archive, archive.sync, archive.autosave;"
        "bad = [m for m in sys.modules if m.split('.')[0] in "
        "('workflow', 'schemas', 'templates', 'tui', 'textual', 'yaml', 'docx')];"
        "print(','.join(bad))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=child_env(), check=True
    )
    assert out.stdout.strip() == ""
