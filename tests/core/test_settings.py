"""Settings: TOML in the config folder, environment overrides, clear messages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workflow.errors import InvalidRecord, MinutebookError
from workflow.settings import Settings, config_path, load_settings


def _write(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file() -> None:
    settings = load_settings()
    assert settings.clear_days == 5
    assert settings.minute_ref_format == "{number}/{yy}"
    assert settings.exempt_paragraph_numbers == frozenset(range(1, 8))


def test_file_values_and_environment_override(monkeypatch: pytest.MonkeyPatch) -> None:
    _write('council = "Riverbend Borough Council"\nclear_days = 3\nexempt_paragraphs = "wales"\n')
    monkeypatch.setenv("MINUTEBOOK_CLEAR_DAYS", "4")
    settings = load_settings()
    assert settings.council == "Riverbend Borough Council"
    assert settings.clear_days == 4
    assert settings.exempt_paragraph_numbers == frozenset(range(12, 19))


def test_config_path_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MINUTEBOOK_CONFIG", str(tmp_path / "x.toml"))
    assert config_path() == tmp_path / "x.toml"


def test_unknown_key_suggests_the_nearest() -> None:
    _write('clear_dayz = 3\n')
    with pytest.raises(InvalidRecord) as caught:
        load_settings()
    assert caught.value.errors[0].path == "clear_dayz"
    assert "clear_days" in caught.value.errors[0].message


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ('clear_days = "five"\n', "clear_days"),
        ('municipal_year_start = "13-45"\n', "municipal_year_start"),
        ('exempt_paragraphs = "scotland"\n', "exempt_paragraphs"),
    ],
)
def test_bad_values_name_the_field(text: str, field: str) -> None:
    _write(text)
    with pytest.raises(InvalidRecord) as caught:
        load_settings()
    assert [e.path for e in caught.value.errors if e.severity == "error"] == [field]


def test_broken_toml_is_one_sentence() -> None:
    path = _write('council = "unterminated\n')
    with pytest.raises(MinutebookError) as caught:
        load_settings()
    assert str(path) in caught.value.message
    assert "\n" not in caught.value.message


def test_bad_environment_number(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MINUTEBOOK_CLEAR_DAYS", "lots")
    with pytest.raises(MinutebookError, match="MINUTEBOOK_CLEAR_DAYS"):
        load_settings()


def test_settings_dataclass_matches_defaults() -> None:
    assert load_settings() == Settings(
        clerk_name=os.environ["MINUTEBOOK_CLERK_NAME"], clerk_email=os.environ["MINUTEBOOK_CLERK_EMAIL"]
    )
