"""Private business in the public listings: an exempt item must have a public title, and
the forward plan (text and Word) and the decisions listing (text and JSON) print that title,
never the item's own.

Driven through the command line on a copy of the sample archive; the private title is a
word found nowhere else, so any trace of it in a listing is a leak.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import docx
import pytest
import yaml

from tests.leaks.conftest import docx_text
from tui.cli.main import main

MEETING = "cabinet-member-housing/2026-11-09"
ITEM = "empty-homes"
SECRET = "Zorbleworth"
PRIVATE_TITLE = f"Purchase of 14 {SECRET} Road from the receivers"
PUBLIC_TITLE = "Acquisition of a residential property"


def _cli(archive: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--archive", str(archive), *argv])
    return code, out.getvalue(), err.getvalue()


def _private_record(archive: Path, tmp_path: Path, *, public_title: str) -> Path:
    code, out, err = _cli(archive, "show", MEETING, "--yaml", "--confidential")
    assert code == 0, err
    data = yaml.safe_load(out)
    for item in data["items"]:
        if item["uid"] == ITEM:
            item["title"] = PRIVATE_TITLE
            item["exemption"] = {"paragraph": 3}
            item.pop("public_title", None)
            if public_title:
                item["public_title"] = public_title
    path = tmp_path / "private.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def test_an_exempt_item_without_a_public_title_is_refused_naming_the_item(
    archive: Path, tmp_path: Path
) -> None:
    path = _private_record(archive, tmp_path, public_title="")
    code, out, err = _cli(archive, "validate", str(path))
    assert code == 1
    problem = next(line for line in err.splitlines() if "public_title" in line)
    assert "item 8" in problem
    assert "private business" in problem
    code, _, err = _cli(archive, "save", MEETING, "--from", str(path), "-m", "Made private")
    assert code == 1
    assert "public_title" in err
    assert "Traceback" not in err


@pytest.fixture
def private_archive(archive: Path, tmp_path: Path) -> Path:
    path = _private_record(archive, tmp_path, public_title=PUBLIC_TITLE)
    code, _, err = _cli(archive, "save", MEETING, "--from", str(path), "-m", "Item 8 taken in private")
    assert code == 0, err
    return archive


@pytest.fixture
def untitled_archive(archive: Path) -> Path:
    """The same private item saved without a public title, as an archive written before
    the title was required holds it (the files are committed as they are, unchecked)."""
    import dataclasses

    from workflow.record import codec, files
    from workflow.record.model import Exemption
    from workflow.services.meetings import Meetings
    from workflow.services.workspace import Workspace

    with Workspace.open(archive, create=False) as workspace:
        meeting = Meetings(workspace).load(MEETING)
        items = tuple(dataclasses.replace(it, title=PRIVATE_TITLE, public_title="",
                                          exemption=Exemption(paragraph=3))
                      if it.uid == ITEM else it for it in meeting.items)
        public, exempt = codec.encode_meeting(dataclasses.replace(meeting, items=items))
        folder = files.meeting_folder(MEETING)
        workspace.save_files({f"{folder}/{files.MEETING_FILE}": public.encode(),
                              f"{folder}/{files.EXEMPT_FILE}": (exempt or "").encode()},
                             "Item 8 taken in private", {"Meeting": MEETING}, based_on=workspace.head())
    return archive


@pytest.mark.parametrize("kept", ["private_archive", "untitled_archive"])
def test_the_forward_plan_prints_only_the_public_title(
    kept: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    private_archive = request.getfixturevalue(kept)
    expected = PUBLIC_TITLE if kept == "private_archive" else "Item not for publication"
    code, text, err = _cli(private_archive, "forward-plan", "--on", "2026-10-01")
    assert code == 0, err
    assert expected in text
    code, listed, err = _cli(private_archive, "forward-plan", "--on", "2026-10-01", "--json")
    assert code == 0, err
    assert expected in listed
    word = tmp_path / "plan.docx"
    code, _, err = _cli(private_archive, "forward-plan", "--on", "2026-10-01", "-o", str(word))
    assert code == 0, err
    shown = "\n".join(p.text for p in docx.Document(str(word)).paragraphs)
    shown += "\n".join(c.text for t in docx.Document(str(word)).tables for r in t.rows for c in r.cells)
    assert expected in shown
    for output in (text, listed, err, docx_text(word.read_bytes())):
        assert SECRET not in output


@pytest.mark.parametrize("kept", ["private_archive", "untitled_archive"])
def test_the_decisions_listing_prints_only_the_public_title(
    kept: str, request: pytest.FixtureRequest
) -> None:
    private_archive = request.getfixturevalue(kept)
    expected = PUBLIC_TITLE if kept == "private_archive" else "Item not for publication"
    code, text, err = _cli(private_archive, "decisions")
    assert code == 0, err
    assert expected in text
    code, listed, err2 = _cli(private_archive, "decisions", "--json")
    assert code == 0, err2
    rows = {row["item"]: row for row in json.loads(listed)["decisions"]}
    assert rows[ITEM]["title"] == expected
    for output in (text, listed, err, err2):
        assert SECRET not in output


def test_a_private_title_never_stands_in_for_a_missing_public_title() -> None:
    from workflow.record.model import PRIVATE_TITLE as PLACEHOLDER
    from workflow.record.model import Exemption, Item

    item = Item(uid="x", title=PRIVATE_TITLE, exemption=Exemption(paragraph=3))
    assert item.printed_title == PLACEHOLDER
    assert Item(uid="y", title="Budget").printed_title == "Budget"
