"""The global options (``--archive``, ``--config``) in either spelling, before or after
the command: the command is still found, and alone they open the terminal UI."""

from __future__ import annotations

import pytest

from tui.cli.main import GLOBAL_OPTIONS, build_parser


@pytest.mark.parametrize(("argv", "command", "archive"), [
    (["--archive", "/srv/minutes", "render", "m", "minutes", "-o", "x.docx"], "render", "/srv/minutes"),
    (["--archive=/srv/minutes", "--config", "c.toml", "list"], "list", "/srv/minutes"),
    (["list", "--archive", "/srv/minutes"], "list", "/srv/minutes"),
    (["--archive", "/srv/minutes"], None, "/srv/minutes"),
    ([], None, None),
])
def test_the_command_is_found_past_the_global_options(
    argv: list[str], command: str | None, archive: str | None
) -> None:
    args = build_parser().parse_args(argv)
    assert args.command == command
    assert getattr(args, "archive", None) == archive


@pytest.mark.parametrize("argv", [["--archive"], ["--archive", "a", "--verbose"]])
def test_a_global_option_without_its_value_is_wrong_usage(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        build_parser().parse_args(argv)
    assert stopped.value.code == 2


def test_every_global_option_is_known_to_the_parser() -> None:
    text = build_parser().format_help()
    for option in GLOBAL_OPTIONS:
        assert option in text
