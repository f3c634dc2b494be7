"""``minutebook search`` reads as a clerk cites the minutes: each meeting named once, each
item with its minute reference ("Minute 12/26") and the sentence holding the words, never
the lines of the record's files; ``--json`` carries the same facts for scripts."""

from __future__ import annotations

import re

from tests.cli.conftest import Run

BOARD = "children-scrutiny-board/2026-10-22"


def test_search_prints_meetings_minute_references_and_sentences(sample: Run) -> None:
    result = sample("search", "transport")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert "Children and Families Scrutiny Board, Thu 22 Oct 2026 (children-scrutiny-board/2026-10-22)" in lines
    assert "  Minute 12/26 Home to School Transport Review" in lines
    assert ("    The Board considered a report on the review of home to school transport for pupils "
            "with special educational needs.") in lines
    assert lines.count("  Minute 12/26 Home to School Transport Review") == 1
    for line in lines:
        assert not re.match(r"\s*-?\s*[a-z_]+: ", line), line
        assert "school-transport" not in line, "an item's uid is not a hit"


def test_search_names_people_and_the_attendance(sample: Run) -> None:
    lines = sample("search", "doyle").out.splitlines()
    assert "  Attendance" in lines
    assert "    Councillor K Doyle" in lines
    assert not any("cllr-k-doyle" in line for line in lines)


def test_search_json_keeps_its_fields_and_adds_the_reference(sample: Run) -> None:
    found = sample("search", "Spending on transport", "--json").json()
    assert found["format"] == 1
    assert found["more"] is False
    [hit] = found["hits"]
    assert hit["meeting"] == BOARD
    assert hit["meeting_name"] == "Children and Families Scrutiny Board, Thu 22 Oct 2026"
    assert hit["reference"] == "Minute 12/26"
    assert hit["item"] == "12"
    assert hit["uid"] == "school-transport"
    assert hit["title"] == "Home to School Transport Review"
    assert hit["text"] == "Spending on transport had risen by 18 per cent in two years."
    assert hit["confidential"] is False
    assert isinstance(hit["line"], int)


def test_a_meeting_with_only_an_agenda_cites_its_items_by_agenda_number(sample: Run) -> None:
    hits = sample("search", "Work Programme", "--json").json()["hits"]
    draft = [h for h in hits if h["meeting"] == "children-scrutiny-board/2027-01-14"]
    assert draft, hits
    assert all(h["reference"].startswith("Item ") for h in draft)


def test_exempt_business_is_found_only_when_asked_for_and_is_marked(sample: Run) -> None:
    assert sample("search", "Oakfield").out.startswith("Nothing mentions")
    lines = sample("search", "Oakfield", "--confidential").out.splitlines()
    marked = [line for line in lines if "[exempt: not for publication]" in line]
    assert marked
    assert marked[0].startswith("  Minute 16/26 ")


def test_the_words_are_shown_in_bold_when_asked(sample: Run) -> None:
    out = sample("search", "spending", "--colour", "always").out
    assert "\033[1mSpending\033[22m on transport" in out
    assert "\033[" not in sample("search", "spending").out


def test_only_the_sentences_holding_the_words_are_shown() -> None:
    from workflow.services.search import sentences_with

    value = "Members asked about costs. Transport had risen by 18 per cent. The Chair thanked officers."
    assert sentences_with(value, "TRANSPORT") == ("Transport had risen by 18 per cent.", ((0, 9),))
    both = sentences_with(value + " Transport was reviewed.", "transport")
    assert both[0] == "Transport had risen by 18 per cent. … Transport was reviewed."
    assert len(both[1]) == 2
    across = sentences_with(value, "costs. Transport")
    assert across[0] == value


def test_search_finds_only_what_was_saved(sample: Run, archive_path) -> None:  # type: ignore[no-untyped-def]
    """Text in the archive's folder that no version holds (a refused or interrupted save,
    a stray file) is never found; the saved text is."""
    path = archive_path / "meetings" / BOARD / "meeting.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Spending on transport", "Zebracrossing spending on transport"), encoding="utf-8")
    stray = archive_path / "meetings" / "children-scrutiny-board" / "2027-03-03"
    stray.mkdir()
    (stray / "meeting.yaml").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert sample("search", "Zebracrossing", "--json").json()["hits"] == []
    [hit] = sample("search", "Spending on transport", "--json").json()["hits"]
    assert "Spending on transport" in hit["text"]
    assert "Zebracrossing" not in str(hit)
