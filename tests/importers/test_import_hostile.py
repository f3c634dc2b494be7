"""Hostile Word files are refused in one sentence, within a second and in little memory.

Each file is imported in a child process that reports how long the import took and the
most memory the process ever held, so a file that makes the importer count to ten
million or unpack gigabytes fails by its figures (or by the child's time-out), not by
taking the test run down with it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import hostile_files
import pytest

SECONDS = 1.0
MEGABYTES = 200
PROBE = """
import json, resource, sys, time
from workflow.errors import MinutebookError
from workflow.importers import import_file
started = time.perf_counter()
try:
    import_file(sys.argv[1])
    outcome = ""
except MinutebookError as exc:
    outcome = str(exc)
print(json.dumps({"seconds": time.perf_counter() - started, "refusal": outcome,
                  "megabytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

CASES = {
    "roman-from-ten-million": (lambda: hostile_files.numbered_from(10 ** 7), "starts at 10,000,000"),
    "roman-from-a-trillion": (lambda: hostile_files.numbered_from(10 ** 12), "starts at"),
    "letters-from-ten-million": (lambda: hostile_files.numbered_from(10 ** 7, "lowerLetter"),
                                 "starts at 10,000,000"),
    "cell-spanning-a-billion": (lambda: hostile_files.spanning(10 ** 9), "spans 1,000,000,000 columns"),
    "zip-bomb": (hostile_files.zip_bomb, "unpacks to"),
    "million-paragraphs": (lambda: hostile_files.many_paragraphs(1_000_000), "XML elements"),
}


def _probe(path: Path) -> dict[str, object]:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True,
                          timeout=120, cwd=root)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_docx_is_refused_quickly_and_small(tmp_path: Path, case: str) -> None:
    make, words = CASES[case]
    path = tmp_path / f"{case}.docx"
    path.write_bytes(make())
    figures = _probe(path)
    refusal = str(figures["refusal"])
    assert words in refusal
    assert refusal.startswith(f"{case}.docx ")
    assert refusal.endswith(".")
    assert "\n" not in refusal
    assert float(figures["seconds"]) < SECONDS  # type: ignore[arg-type]
    assert float(figures["megabytes"]) < MEGABYTES  # type: ignore[arg-type]


def test_numbering_within_word_limits_still_reads(tmp_path: Path) -> None:
    from workflow.importers import import_file

    path = tmp_path / "roman.docx"
    path.write_bytes(hostile_files.numbered_from(3999))
    result = import_file(path)
    assert "mmmcmxcix. Apologies for absence" in result.source_text
    assert "mmmmi. Apologies for absence" in result.source_text


def test_spanning_cell_is_read_once(tmp_path: Path) -> None:
    from workflow.importers import import_file

    path = tmp_path / "span.docx"
    path.write_bytes(hostile_files.spanning(40))
    result = import_file(path)
    assert result.source_text.count("Present: Councillor A Ford") == 1


def test_oversized_text_file_is_refused_before_reading(tmp_path: Path) -> None:
    from workflow.importers import ImportFailed, import_file

    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)
    with pytest.raises(ImportFailed, match="is 60 MB, more than the 50 MB"):
        import_file(path)
