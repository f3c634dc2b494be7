"""The global options (``--archive``, ``--config``) in either spelling, before or after
the command: the command is still found, and alone they open the terminal UI."""

from __future__ import annotations

import pytest

from tui.cli import GLOBAL_OPTIONS, _command_in, _global_options_only


@pytest.mark.parametrize(("argv", "command"), [
    (["--archive", "/srv/minutes", "render", "m", "minutes"], "render"),
    (["--archive=/srv/minutes", "--config", "c.toml", "list"], "list"),
    (["list", "--archive", "/srv/minutes"], "list"),
    (["--config", "render"], None),
    (["--help", "list"], None),
    ([], None),
])
def test_the_command_is_found_past_the_global_options(argv: list[str], command: str | None) -> None:
    assert _command_in(argv) == command


@pytest.mark.parametrize(("argv", "found"), [
    ([], {}),
    (["--archive", "/srv/minutes"], {"archive": "/srv/minutes"}),
    (["--config=c.toml", "--archive", "a"], {"config": "c.toml", "archive": "a"}),
    (["--archive"], None),
    (["--archive", "--config", "c.toml"], None),
    (["--archive", "a", "list"], None),
    (["--verbose"], None),
])
def test_global_options_alone_are_recognised(argv: list[str], found: dict[str, str] | None) -> None:
    assert _global_options_only(argv) == found


def test_every_global_option_is_known_to_the_parser() -> None:
    from tui.cli import build_parser

    text = build_parser("list").format_help()
    for option in GLOBAL_OPTIONS:
        assert option in text
