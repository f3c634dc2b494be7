"""Bad input ends in one clear sentence (an ImportFailed / MinutebookError), never a traceback."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
import pytest

from workflow.errors import MinutebookError, NotFound
from workflow.importers import ImportFailed, MissingDetail, import_file, import_text


def _one_sentence(error: BaseException) -> str:
    message = str(error)
    assert message.endswith(".")
    assert "\n" not in message
    assert "Traceback" not in message
    return message


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "is empty"),
        (b"  \n\n\t \r\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "is a damaged PDF"),
        (b"MZ\x90\x00\x03\x00\x00\x00" * 20, "binary file"),
        (b"The quick brown fox.\nNothing here is a meeting.\n", "does not look like minutes"),
        (b"\x81\x8d\x8f\x90\x9d" * 10, "not text in UTF-8 or Windows-1252"),
    ],
    ids=["empty", "blank", "png", "pdf", "exe", "prose", "bad-encoding"],
)
def test_unreadable_files(tmp_path: Path, data: bytes, words: str) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    with pytest.raises(ImportFailed) as caught:
        import_file(path)
    assert words in _one_sentence(caught.value)
    assert "input.txt" in str(caught.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        import_file(tmp_path / "nope.txt")
    with pytest.raises(ImportFailed, match="is a folder"):
        import_file(tmp_path)


def test_corrupt_docx(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip file")
    with pytest.raises(ImportFailed, match="not a readable Word document"):
        import_file(broken)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(buffer.getvalue())
    with pytest.raises(ImportFailed) as caught:
        import_file(truncated)
    _one_sentence(caught.value)


def test_empty_docx(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    docx.Document().save(str(path))
    with pytest.raises(ImportFailed, match="empty Word document"):
        import_file(path)


def test_encodings_are_named_in_warnings(fixtures: Path, tmp_path: Path) -> None:
    text = (fixtures / "core-printed.md").read_text(encoding="utf-8").replace("Councillor L Brennan",
                                                                              "Councillor L Brennán")
    cases = {
        "utf8.md": (text.encode("utf-8"), None),
        "bom.md": (b"\xef\xbb\xbf" + text.encode("utf-8"), "byte-order mark"),
        "ansi.md": (text.encode("cp1252"), "cp1252"),
        "utf16.md": (text.encode("utf-16"), "UTF-16"),
    }
    for name, (data, words) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        result = import_file(path)
        assert any(a.name == "Councillor L Brennán" for a in result.meeting.attendance), name
        encoding_notes = [w for w in result.report.warnings if "read as" in w]
        if words is None:
            assert encoding_notes == []
        else:
            assert words in encoding_notes[0]


def test_committee_and_date_are_never_guessed(fixtures: Path) -> None:
    text = (fixtures / "core-webpage.txt").read_text()
    without_heading = "\n".join(line for line in text.splitlines() if "Scrutiny Board (4) -" not in line)
    with pytest.raises(MissingDetail, match="give --committee SLUG"):
        import_text(without_heading, source="x.txt")
    with pytest.raises(MissingDetail, match="give --date YYYY-MM-DD"):
        import_text(without_heading, source="x.txt", committee="housing-board")
    meeting = import_text(without_heading, source="x.txt", committee="housing-board",
                          date=dt.date(2025, 1, 15)).meeting
    assert meeting.id == "housing-board/2025-01-15"


def test_impossible_date_in_text(fixtures: Path) -> None:
    text = (fixtures / "var-draft.txt").read_text().replace("12 May 2025", "31 February 2025")
    with pytest.raises(MissingDetail, match="'31 February 2025' is not a real date"):
        import_text(text, source="draft.txt")


def test_given_date_wins_with_a_warning(fixtures: Path) -> None:
    result = import_file(fixtures / "var-draft.txt", date=dt.date(2025, 5, 13))
    assert result.meeting.date == dt.date(2025, 5, 13)
    assert any("2025-05-12" in w for w in result.report.warnings)


def test_committee_must_be_a_slug(fixtures: Path) -> None:
    with pytest.raises(ImportFailed, match="'finance-committee', not 'Finance Committee'"):
        import_file(fixtures / "var-draft.txt", committee="Finance Committee")


def test_control_characters_are_removed_and_reported(fixtures: Path) -> None:
    text = (fixtures / "var-draft.txt").read_text().replace("internal auditor", "internal\x0b audi\x00tor")
    result = import_text(text, source="draft.txt")
    body = result.meeting.items[1].body[0]
    assert body.text == "The Committee noted the internal auditor's report."  # type: ignore[union-attr]
    assert any("control characters" in w for w in result.report.warnings)


def test_unknown_format_is_refused() -> None:
    with pytest.raises(MinutebookError, match="'webpage' or 'printed'"):
        import_text("x", source="x", format="pdf")
