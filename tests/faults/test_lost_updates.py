"""Two clerks at once: a version saved while an edit is open is never undone by its save.

``minutebook edit`` hands the meeting to $EDITOR; the editor here is a script that, while
the meeting is open, runs a real second ``minutebook`` process on the same archive (a
renumbering, a publication, another clerk's save) and then types its own change. The
edit's save is based on the version handed to the editor: changes to other fields are
merged and the command says so; a change to the same field is refused in one sentence
naming the field, with the clerk's text kept in the file it names; the other version
always stays in the history.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import yaml

from tests.faults.kit import (
    DRAFT,
    MINUTEBOOK,
    git,
    head,
    mb,
    meeting_path,
    record_text,
    show,
    with_venue,
)

TODAY = {"MINUTEBOOK_TODAY": "2026-12-20"}
"""A day on which the draft agenda may be published (in time for its meeting)."""


def _editor(tmp_path: Path, archive: Path, meanwhile: list[str], venue: str) -> dict[str, str]:
    """An $EDITOR that runs ``minutebook MEANWHILE`` in a second process, then sets the venue."""
    script = tmp_path / "editor.sh"
    side = " ".join(shlex.quote(a) for a in [str(MINUTEBOOK), *meanwhile, "--archive", str(archive)])
    script.write_text(
        "#!/bin/sh\nset -e\n"
        f"{side} > {shlex.quote(str(tmp_path / 'meanwhile.out'))} 2>&1\n"
        f"sed -i 's/^venue: .*/venue: {venue}/' \"$1\"\n"
    )
    script.chmod(0o755)
    return {"EDITOR": str(script), **TODAY}


def _record(archive: Path, rev: str = "HEAD") -> dict:
    return yaml.safe_load(show(archive, rev, meeting_path(DRAFT)))


def _subjects(archive: Path) -> list[str]:
    return git(archive, "log", "--format=%s", "-n", "3").strip().splitlines()


def test_a_publication_while_the_edit_is_open_is_not_undone(archive: Path, tmp_path: Path) -> None:
    env = _editor(tmp_path, archive, ["publish", DRAFT], "Edited Room")
    edited = mb("edit", DRAFT, "-m", "Venue moved", archive=archive, env=env)
    assert edited.code == 0, edited.err + (tmp_path / "meanwhile.out").read_text()
    assert "Agenda published" in (tmp_path / "meanwhile.out").read_text()
    record = _record(archive)
    assert record["status"] == "agenda-published"
    assert record["venue"] == "Edited Room"
    assert re.search(r"saved meanwhile \(version [0-9a-f]{10}, which changed [^)]*status", edited.out), edited.out
    assert _subjects(archive)[0] == "Venue moved"
    assert _record(archive, "HEAD~1")["status"] == "agenda-published"


def test_a_renumbering_while_the_edit_is_open_is_merged_and_said(archive: Path, tmp_path: Path) -> None:
    env = _editor(tmp_path, archive, ["renumber", DRAFT, "--first", "50"], "Edited Room")
    edited = mb("edit", DRAFT, archive=archive, env=env)
    assert edited.code == 0, edited.err
    record = _record(archive)
    numbers = [int(item["minute_number"]) for item in record["items"] if item.get("minute_number")]
    assert numbers[0] == 50
    assert numbers == list(range(50, 50 + len(numbers)))
    assert record["venue"] == "Edited Room"
    assert "saved meanwhile" in edited.out
    assert f"minute number of {len(numbers)} items" in edited.out


def test_the_same_field_saved_meanwhile_is_refused_naming_it_and_the_text_is_kept(
    archive: Path, tmp_path: Path
) -> None:
    theirs = tmp_path / "theirs.yaml"
    theirs.write_text(with_venue(record_text(archive, DRAFT), "Their Room"))
    env = _editor(tmp_path, archive, ["save", DRAFT, "--from", str(theirs), "-m", "Their venue"], "My Room")
    edited = mb("edit", DRAFT, archive=archive, env=env)
    assert edited.code == 1
    lines = edited.err.strip().splitlines()
    assert len(lines) == 1, edited.err
    assert "venue" in lines[0]
    assert "nothing was saved" in lines[0]
    kept = re.search(r"Your text is kept in (\S+?), with", lines[0])
    assert kept, lines[0]
    assert "venue: My Room" in Path(kept.group(1)).read_text()
    assert _record(archive)["venue"] == "Their Room"
    assert _subjects(archive)[0] == "Their venue"
    typing = tmp_path / "keep-mine.sh"
    typing.write_text("#!/bin/sh\ntrue\n")
    typing.chmod(0o755)
    again = mb("edit", DRAFT, "-m", "My venue after all", archive=archive, env={"EDITOR": str(typing)})
    assert again.code == 0, again.err
    assert _record(archive)["venue"] == "My Room"
    assert _record(archive, "HEAD~1")["venue"] == "Their Room"


def test_save_from_a_file_made_from_an_older_version(archive: Path, tmp_path: Path) -> None:
    before = head(archive)
    theirs = tmp_path / "theirs.yaml"
    theirs.write_text(with_venue(record_text(archive, DRAFT), "Their Room"))
    assert mb("save", DRAFT, "--from", str(theirs), "-m", "Their venue", archive=archive).code == 0
    mine = tmp_path / "mine.yaml"
    mine.write_text(with_venue(show(archive, before, meeting_path(DRAFT)), "My Room"))
    refused = mb("save", DRAFT, "--from", str(mine), "-m", "My venue", "--based-on", before, archive=archive)
    assert refused.code == 1
    assert "venue" in refused.err
    assert str(mine) in refused.err
    assert _record(archive)["venue"] == "Their Room"
