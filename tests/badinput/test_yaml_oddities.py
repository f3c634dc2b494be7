"""Numbers and shapes no record holds, in a meeting, a template or the settings: one
sentence naming the file and the field, never "an unexpected problem" and never a hang.

Python refuses to read an integer of more than 4,300 digits; floats of any size stay text
in a record (and are refused by the field's type); nesting is bounded before Python's
recursion limit is reached.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import templates
from tests.badinput.conftest import Cli, head
from tests.faults.kit import DRAFT
from workflow.drafting import meeting_templates
from workflow.errors import MinutebookError
from workflow.record.codec import load_yaml
from workflow.settings import load_settings

HUGE = "9" * 5000
"""More digits than Python will turn into an integer."""


def _record_with(cli: Cli, tmp_path: Path, line: str) -> Path:
    shown = cli("show", DRAFT, "--yaml", "--confidential")
    assert shown.code == 0, shown.err
    path = tmp_path / "odd.yaml"
    path.write_text(shown.out + line + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("line", "words"),
    [
        (f"agenda:\n  supplements: {HUGE}", ("odd.yaml", "agenda.supplements", "digits")),
        (f"notes:\n- first\n- {HUGE}", ("odd.yaml", "notes[1]", "digits")),
        ("agenda:\n  supplements: 1e99999", ("agenda.supplements",)),
        ("agenda:\n  supplements: " + "9" * 4000, ("agenda.supplements",)),
        ("notes: " + "[" * 3000 + "]" * 3000, ("odd.yaml", "nest")),
        ("notes:\n" + "".join(" " * i + f"- k{i}:\n" for i in range(0, 600, 2)), ("odd.yaml", "nest", "notes[0]")),
    ],
    ids=["huge-integer", "huge-integer-in-a-list", "huge-float", "long-integer", "deep-flow", "deep-block"],
)
def test_a_meeting_with_odd_numbers_is_refused_in_one_sentence(
    cli: Cli, archive: Path, tmp_path: Path, line: str, words: tuple[str, ...]
) -> None:
    source = _record_with(cli, tmp_path, line)
    before = head(archive)
    started = time.monotonic()
    for result in (cli("save", DRAFT, "--from", str(source), "-m", "odd"), cli("validate", str(source))):
        assert result.code == 1, result.out
        text = result.sentence + "\n" + result.err
        assert "unexpected" not in text, text
        for word in words:
            assert word in text, text
    assert time.monotonic() - started < 10
    assert head(archive) == before


def test_a_huge_integer_is_named_by_the_yaml_reader() -> None:
    with pytest.raises(MinutebookError) as caught:
        load_yaml(f"a:\n  b:\n  - 1\n  - {HUGE}\n", where="f.yaml")
    assert caught.value.message == (
        "f.yaml, line 4 (field a.b[1]): the number has 5,000 digits, far more than any field "
        "of a record holds."
    )


def test_a_template_with_a_huge_integer_names_its_file(tmp_path: Path) -> None:
    text = templates.template_path("scrutiny-board").read_text(encoding="utf-8")
    (tmp_path / "odd.yaml").write_text(text.replace("slug: scrutiny-board", "slug: odd") + f"version: {HUGE}\n")
    with pytest.raises(MinutebookError) as caught:
        meeting_templates.load_template("odd", directory=tmp_path)
    assert "odd.yaml" in caught.value.message
    assert "version" in caught.value.message


@pytest.mark.parametrize(
    ("line", "field"),
    [(f"clear_days = {HUGE}", "clear_days"), ("call_in_days = 1e400", "call_in_days"),
     ("clear_days = " + "9" * 4000, "clear_days")],
    ids=["huge-integer", "huge-float", "long-integer"],
)
def test_settings_with_odd_numbers_name_the_file_and_field(tmp_path: Path, line: str, field: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f'council = "Testshire"\n{line}\n', encoding="utf-8")
    with pytest.raises(MinutebookError) as caught:
        load_settings(path)
    error = caught.value
    text = error.message + " ".join(str(e) for e in getattr(error, "errors", ()))
    assert field in text, text
    assert str(path) in text, text


def test_the_command_line_reports_odd_settings_in_one_sentence(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f"clear_days = {HUGE}\n", encoding="utf-8")
    monkeypatch.setenv("MINUTEBOOK_CONFIG", str(path))
    result = cli("list")
    assert result.code == 1
    assert "unexpected" not in result.err
    assert "clear_days" in result.sentence
