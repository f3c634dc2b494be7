"""The command table: each command loads only its own group, and the table says exactly
what the groups register."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli.main import COMMANDS, build_parser, command_in, groups_for


def _registered(group: str) -> list[str]:
    names: list[str] = []

    class _Any:
        def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
            return lambda *a, **k: _Any()

    def add(name: str, handler: object, help: str) -> _Any:
        names.append(name)
        return _Any()

    importlib.import_module(f"tui.cli.{group}").register(add)  # type: ignore[arg-type]
    return names


@pytest.mark.parametrize("group", sorted(COMMANDS))
def test_the_table_names_what_each_group_registers(group: str) -> None:
    assert tuple(_registered(group)) == COMMANDS[group]


def test_every_command_module_is_in_the_table() -> None:
    folder = Path(importlib.import_module("tui.cli").__file__).parent  # type: ignore[arg-type]
    modules = {p.stem for p in folder.glob("*.py")} - {"__init__", "main", "common"}
    assert modules == set(COMMANDS)


def test_the_command_is_found_past_the_global_options() -> None:
    assert command_in(["--archive", "list", "show", "x"]) == "show"
    assert command_in(["--config", "a.toml", "--archive", "b", "list"]) == "list"
    assert command_in(["--archive", "b"]) is None
    assert groups_for(["--archive", "b"]) == []
    assert groups_for(["--help"]) == list(COMMANDS)
    assert groups_for(["lsit"]) == list(COMMANDS)
    assert groups_for(["--archive", "x", "publish", "m"]) == ["lifecycle"]


def test_help_lists_every_command() -> None:
    text = build_parser().format_help()
    for commands in COMMANDS.values():
        for command in commands:
            assert command in text


def test_a_command_loads_only_its_group(project_root: Path, tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from tui.cli.main import main\n"
        f"main(['--archive', {str(tmp_path / 'none')!r}, 'list'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('tui.cli.')))\n"
        "print('docx' in sys.modules, 'jinja2' in sys.modules, 'textual' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=project_root, check=True)
    lines = done.stdout.strip().splitlines()
    assert lines[-2] == "['tui.cli.common', 'tui.cli.main', 'tui.cli.meetings']"
    assert lines[-1] == "False False False"
