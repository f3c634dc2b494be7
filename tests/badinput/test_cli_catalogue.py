"""Hostile and broken input through the command line: a clear message, a non-zero exit and
nothing written; and the unusual-but-valid text (right-to-left, combining marks, long
lines) saved, read back and rendered unchanged.
"""

from __future__ import annotations

import io
import os
import time
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
import yaml

from tests.badinput.conftest import Cli, Result, head
from tests.faults.kit import DRAFT, WITH_EXEMPT

Edit = Callable[[dict], None]


def _record(cli: Cli) -> dict:
    shown = cli("show", DRAFT, "--yaml", "--confidential")
    assert shown.code == 0, shown.err
    return yaml.safe_load(shown.out)


def _write(tmp_path: Path, name: str, data: dict | str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    elif isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10**9), encoding="utf-8")
    return path


def _refused(cli: Cli, archive: Path, source: Path, *words: str) -> Result:
    """``save`` and ``validate`` both refuse the file, naming what is wrong; HEAD unchanged."""
    before = head(archive)
    saved = cli("save", DRAFT, "--from", str(source), "-m", "hostile")
    assert saved.code == 1, saved.out
    checked = cli("validate", str(source))
    assert checked.code == 1, checked.out
    for result in (saved, checked):
        text = result.sentence + "\n" + result.err
        for word in words:
            assert word in text, result.err
    assert head(archive) == before
    return saved


BILLION_LAUGHS = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
       f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]" for i in range(8)]
) + "\n"

BROKEN_FILES: dict[str, tuple[bytes, tuple[str, ...]]] = {
    "unclosed-bracket": (b"id: children-scrutiny-board/2027-01-14\nitems: [unclosed\n", ("line",)),
    "tab-indent": (b"id: x\nitems:\n\t- uid: a\n", ("line",)),
    "billion-laughs": (BILLION_LAUGHS.encode(), ("alias",)),
    "not-utf8": ("venue: Caf\xe9\n".encode("latin-1"), ("UTF-8",)),
    "empty": (b"", ("empty",)),
    "a-list": (b"- one\n- two\n", ("field: value",)),
    "python-tag": (b"id: !!python/object/apply:os.system ['echo hi']\n", ("tag", "line 1")),
    "duplicate-key": (b"id: a\nid: b\n", ("id",)),
    "deep-nesting": (b"notes: " + b"[" * 5000 + b"]" * 5000 + b"\n", ("nest",)),
    "raw-control-character": (b"venue: Room\x0b2\n", ("line",)),
}


@pytest.mark.parametrize("name", sorted(BROKEN_FILES))
def test_broken_yaml_is_refused(cli: Cli, archive: Path, tmp_path: Path, name: str) -> None:
    data, words = BROKEN_FILES[name]
    source = _write(tmp_path, f"{name}.yaml", data)
    started = time.monotonic()
    refused = _refused(cli, archive, source, *words)
    assert time.monotonic() - started < 10
    assert "<unicode string>" not in refused.err, refused.err
    assert len(refused.err.strip().splitlines()) == 1, refused.err


def _set(path: str, value: object) -> Edit:
    def edit(data: dict) -> None:
        target = data
        keys = path.split(".")
        for key in keys[:-1]:
            target = target[int(key)] if isinstance(target, list) else target[key]
        last = keys[-1]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value
    return edit


INVALID_FIELDS: dict[str, tuple[Edit, tuple[str, ...]]] = {
    "february-30": (_set("date", "2026-02-30"), ("date", "2026-02-30")),
    "control-character-in-title": (_set("items.1.title", "Minutes\x0bof the last meeting"), ("items[1].title",)),
    "form-feed-in-venue": (_set("venue", "Room\x0c2"), ("venue",)),
    "null-in-notes": (_set("notes", ["before\x00after"]), ("notes[0]",)),
    "ten-megabytes-pasted": (_set("notes", ["pasted words " * 800_000]), ("notes[0]",)),
    "id-with-traversal": (_set("id", "../../../etc/passwd"), ("id",)),
    "start-25-00": (_set("start", "25:00"), ("start",)),
}


@pytest.mark.parametrize("name", sorted(INVALID_FIELDS))
def test_invalid_field_is_named(cli: Cli, archive: Path, tmp_path: Path, name: str) -> None:
    edit, words = INVALID_FIELDS[name]
    data = _record(cli)
    edit(data)
    _refused(cli, archive, _write(tmp_path, f"{name}.yaml", data), *words)


def test_items_out_of_order_are_reported(cli: Cli, tmp_path: Path) -> None:
    data = _record(cli)
    first, second = data["items"][0], data["items"][1]
    for key in ("agenda_number", "minute_number"):
        first[key], second[key] = second[key], first[key]
    checked = cli("validate", str(_write(tmp_path, "order.yaml", data)), "--json")
    problems = yaml.safe_load(checked.out)["problems"]
    assert any(p["path"].startswith("items[") and "number" in p["path"] for p in problems), problems


VALID_TEXT = {
    "arabic": "لجنة التدقيق في شؤون الأطفال",
    "hebrew-with-marks": "\u200fוועדת ביקורת\u200e (Board)",
    "combining": "Cafe\u0301 and Zoe\u0308 with Ångström",
    "emoji-and-cjk": "市议会 ✅ meeting",
    "long-line": "pneumonoultramicroscopic" * 1000,
    "long-paragraph": "The Board considered the report in detail. " * 600,
}


@pytest.mark.parametrize("name", sorted(VALID_TEXT))
def test_unusual_text_round_trips_and_renders(cli: Cli, archive: Path, tmp_path: Path, name: str) -> None:
    text = VALID_TEXT[name]
    data = _record(cli)
    data["venue"] = text
    data["items"][1]["title"] = text
    saved = cli("save", DRAFT, "--from", str(_write(tmp_path, "valid.yaml", data)), "-m", f"Text: {name}")
    assert saved.code == 0, saved.err
    shown = yaml.safe_load(cli("show", DRAFT, "--json").out)["meeting"]
    assert shown["venue"] == text
    assert shown["items"][1]["title"] == text
    out = tmp_path / "agenda.docx"
    rendered = cli("render", DRAFT, "agenda", "-o", str(out))
    assert rendered.code == 0, rendered.err
    document = docx.Document(io.BytesIO(out.read_bytes()))
    body = "\n".join(p.text for p in document.paragraphs)
    body += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert text.strip() in body


TRAVERSALS = ["../../etc/passwd", "children-scrutiny-board/../../../etc", "/etc/passwd",
              "children-scrutiny-board/2027-01-14/../../x", ".git/config", "a\x00b/2027-01-14"]


@pytest.mark.parametrize("meeting", TRAVERSALS)
def test_traversal_in_meeting_ids(cli: Cli, archive: Path, tmp_path: Path, meeting: str) -> None:
    source = _write(tmp_path, "record.yaml", _record(cli))
    before = head(archive)
    outside = tmp_path / "outside.docx"
    for command in (
        ("show", meeting),
        ("history", meeting),
        ("save", meeting, "--from", str(source), "-m", "x"),
        ("render", meeting, "minutes", "-o", str(outside)),
        ("restore", meeting, "1"),
    ):
        result = cli(*command)
        assert result.code in (1, 2), (command, result.out)
        assert result.sentence.startswith(("minutebook: ", "usage:")), result.err
    assert not outside.exists()
    assert head(archive) == before
    assert sorted(os.listdir(archive)) == [".git", ".gitattributes", "committees", "meetings", "people"]


@pytest.mark.parametrize("slug", ["../evil", "..", "committees/../x", "UPPER"])
def test_traversal_in_committee_slugs(cli: Cli, archive: Path, slug: str) -> None:
    before = head(archive)
    result = cli("new", slug, "--date", "2027-03-11", "--time", "14:00")
    assert result.code in (1, 2)
    assert result.sentence.startswith(("minutebook: ", "usage:"))
    assert head(archive) == before
    assert not (archive.parent / "evil").exists()


def test_bad_dates_and_times_on_the_command_line(cli: Cli, archive: Path) -> None:
    before = head(archive)
    for args, word in ((("--date", "2026-02-30", "--time", "14:00"), "2026-02-30"),
                       (("--date", "2027-03-11", "--time", "14:75"), "14:75")):
        result = cli("new", "children-scrutiny-board", *args)
        assert result.code == 2
        assert word in result.sentence
    assert head(archive) == before


def test_init_with_bad_settings_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from tui.cli.main import main

    target = tmp_path / "new-archive"
    monkeypatch.setenv("MINUTEBOOK_CLERK_EMAIL", "not-an-address")
    assert main(["init", "--sample", "--archive", str(target)]) == 1
    assert "clerk_email" in capsys.readouterr().err
    assert not target.exists()
    monkeypatch.setenv("MINUTEBOOK_CLERK_EMAIL", "clerk@example.org")
    assert main(["init", "--sample", "--archive", str(target)]) == 0
    assert (target / "meetings" / WITH_EXEMPT / "meeting.yaml").exists()
