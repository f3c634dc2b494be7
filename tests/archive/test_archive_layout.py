"""Meeting ids, folders and the path gate."""

from __future__ import annotations

import posixpath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archive import PathOutsideArchive
from archive.layout import (
    committee_file,
    exempt_file,
    is_valid_meeting_id,
    meeting_dir,
    meeting_file,
    meeting_id_from_path,
    safe_prefix,
    safe_relpath,
    unit_of_path,
)


@pytest.mark.parametrize(
    ("meeting_id", "folder"),
    [
        ("scrutiny-board/2025-01-31", "meetings/scrutiny-board/2025-01-31"),
        ("planning/2024-02-29-2", "meetings/planning/2024-02-29-2"),
        ("c1/2025-12-01-10", "meetings/c1/2025-12-01-10"),
    ],
)
def test_meeting_id_and_folder_round_trip(meeting_id: str, folder: str) -> None:
    assert meeting_dir(meeting_id) == folder
    assert meeting_file(meeting_id) == folder + "/meeting.yaml"
    assert exempt_file(meeting_id) == folder + "/meeting.exempt.yaml"
    assert meeting_id_from_path(folder) == meeting_id
    assert meeting_id_from_path(folder + "/documents/agenda.docx") == meeting_id
    assert unit_of_path(folder + "/meeting.yaml") == meeting_id


@pytest.mark.parametrize(
    "bad",
    [
        "Scrutiny/2025-01-31",
        "scrutiny/2025-02-30",
        "scrutiny/2025-1-31",
        "scrutiny/2025-01-31-1",
        "scrutiny/2025-01-31-02",
        "scrutiny--board/2025-01-31",
        "-scrutiny/2025-01-31",
        "scrutiny/2025-01-31/x",
        "scrutiny",
        "../x/2025-01-31",
    ],
)
def test_invalid_meeting_ids_are_refused(bad: str) -> None:
    assert not is_valid_meeting_id(bad)
    with pytest.raises(PathOutsideArchive, match="not a meeting id"):
        meeting_dir(bad)


def test_paths_outside_meetings_have_no_meeting_id() -> None:
    assert meeting_id_from_path("committees/scrutiny.yaml") is None
    assert meeting_id_from_path("meetings/scrutiny") is None
    assert unit_of_path("people/register.yaml") == "people/register.yaml"
    assert committee_file("licensing") == "committees/licensing.yaml"
    with pytest.raises(PathOutsideArchive):
        committee_file("Licensing Board")


@pytest.mark.parametrize(
    "bad",
    [
        "../../etc/passwd",
        "/etc/passwd",
        ".git/config",
        "meetings/../.git/config",
        "meetings/x/.GIT/hooks/pre-commit",
        "a\\b",
        "C:/Windows",
        "a/./b",
        "a//b",
        "a/b/",
        "",
        "nul\0byte",
        "line\nbreak",
        "trailing./x",
        ".gitmodules",
    ],
)
def test_unsafe_paths_are_refused(bad: str) -> None:
    with pytest.raises(PathOutsideArchive) as caught:
        safe_relpath(bad)
    assert caught.value.message.startswith("The path")
    assert "\n" not in caught.value.message


def test_prefixes_allow_the_whole_archive_and_trailing_slashes() -> None:
    assert safe_prefix("") == ""
    assert safe_prefix("meetings/") == "meetings"
    with pytest.raises(PathOutsideArchive):
        safe_prefix("../meetings")


@given(st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=4))
def test_accepted_paths_never_escape_the_archive(parts: list[str]) -> None:
    path = "/".join(parts)
    try:
        checked = safe_relpath(path)
    except PathOutsideArchive:
        return
    assert checked == path
    normal = posixpath.normpath(checked)
    assert normal == checked
    assert not normal.startswith(("/", ".."))
    assert ".git" not in [p.casefold() for p in checked.split("/")]
