"""A template that extends itself, or two that extend each other: refused by name, never a hang."""

from __future__ import annotations

from pathlib import Path

import pytest

import templates
from schemas import validate
from workflow.drafting import meeting_templates
from workflow.errors import InvalidRecord
from workflow.record.codec import dump_yaml, load_yaml


def _template(slug: str, extends: str) -> dict:
    data = load_yaml(templates.template_path("scrutiny-board").read_bytes())
    return {**data, "slug": slug, "extends": extends}


def _write(folder: Path, data: dict) -> None:
    (folder / f"{data['slug']}.yaml").write_text(dump_yaml(data), encoding="utf-8")


@pytest.mark.parametrize(
    ("chain", "start"),
    [([("loop", "loop")], "loop"), ([("first", "second"), ("second", "first")], "first"),
     ([("a", "b"), ("b", "c"), ("c", "b")], "a")],
    ids=["itself", "each-other", "a-later-circle"],
)
def test_circular_extends_is_refused(tmp_path: Path, chain: list[tuple[str, str]], start: str) -> None:
    for slug, parent in chain:
        _write(tmp_path, _template(slug, parent))
    with pytest.raises(InvalidRecord) as caught:
        meeting_templates.load_template(start, directory=tmp_path)
    problem = caught.value.errors[0]
    assert problem.path == "extends"
    assert "circle" in problem.message


def test_validator_reports_self_reference_without_raising() -> None:
    report = validate("template", _template("loop", "loop"))
    assert all(p.severity in ("error", "warning") for p in report.problems)
    assert not any(p.path not in ("extends", "") and "extends" in p.message for p in report.problems)


def test_extends_a_missing_template(tmp_path: Path) -> None:
    _write(tmp_path, _template("orphan", "no-such-template"))
    with pytest.raises(InvalidRecord) as caught:
        meeting_templates.load_template("orphan", directory=tmp_path)
    assert caught.value.errors[0].path == "extends"
    assert "no-such-template" in caught.value.errors[0].message
