"""The layering holds: the core never imports Textual and the packages are this project's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PACKAGES = ["workflow", "schemas", "templates", "archive", "tui"]


@pytest.mark.parametrize("name", PACKAGES)
def test_installed_package_resolves_inside_this_project(name: str, project_root: Path) -> None:
    module = __import__(name)
    assert Path(module.__file__).resolve().is_relative_to(project_root), module.__file__


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
        capture_output=True, text=True, check=True,
    )
    return set(out.stdout.split())


def test_core_packages_do_not_import_textual() -> None:
    loaded = _modules_after(
        "import pkgutil, importlib, workflow, schemas, archive\n"
        "for found in pkgutil.walk_packages(workflow.__path__, 'workflow.'):\n"
        "    importlib.import_module(found.name)"
    )
    assert {"workflow.services.lifecycle", "workflow.render.docx", "workflow.importers"} <= loaded
    assert "textual" not in loaded


def test_command_line_does_not_import_textual(tmp_path: Path) -> None:
    code = (
        "import os, sys\n"
        f"os.environ['MINUTEBOOK_ARCHIVE'] = {str(tmp_path / 'a')!r}\n"
        "from tui.cli.main import main\n"
        "assert main(['init']) == 0\n"
        "rc = main(['list', '--json'])\n"
        "assert rc == 0, rc\n"
    )
    assert "textual" not in _modules_after(code)


def test_import_contracts_hold(project_root: Path) -> None:
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(linter), "--no-cache"], cwd=project_root, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.lower().split("contracts:")[-1] or "0 broken" in result.stdout


TRICKS = ("setswitchinterval", "gc.disable", "gc.freeze", "gc.unfreeze", "TEXTUAL_FPS")


def test_no_start_up_tricks(project_root: Path) -> None:
    """Stock Textual and a stock interpreter: no frame-rate, lock hand-over or collector tuning."""
    found = [
        f"{path.relative_to(project_root)}: {trick}"
        for package in ("tui", "workflow")
        for path in sorted((project_root / package).rglob("*.py"))
        for trick in TRICKS
        if trick in path.read_text(encoding="utf-8")
    ]
    assert found == []
