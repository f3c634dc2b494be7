"""The static site: what it holds, what it never holds, and how a rebuild behaves."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from tests.leaks.conftest import docx_text
from tests.website.conftest import build
from tests.website.sitekit import (
    CIRCULATED,
    MINUTES_ISSUED,
    PUBLISHED,
    SENTINELS,
    open_service,
)
from tui.cli.main import main
from workflow.errors import OutputError
from workflow.render.pack import has_libreoffice, to_pdf
from workflow.services.documents import Documents
from workflow.services.meetings import Meetings
from workflow.site.output import MANIFEST


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def _text(name: str, data: bytes) -> str:
    if name.endswith(".docx"):
        return docx_text(data)
    return data.decode("utf-8")


def test_every_meeting_and_committee_has_its_pages(built_site: Path) -> None:
    files = _files(built_site)
    for page in ("index.html", "search.html", "search-index.json", "calendar.ics",
                 "documents.atom", "style.css", "search.js", "data/event.schema.json"):
        assert page in files
    for slug in ("children-scrutiny-board", "planning-committee", "cabinet-member-housing"):
        assert f"committees/{slug}/index.html" in files
        assert f"committees/{slug}/calendar.ics" in files
    circulated = f"meetings/{CIRCULATED}"
    for name in ("index.html", "agenda.html", "minutes.html", "event.json", "minutes.akn.xml"):
        assert f"{circulated}/{name}" in files
    # A meeting whose minutes are still being written shows its agenda, not its minutes.
    assert "meetings/children-scrutiny-board/2026-09-17/minutes.html" in files
    draft = "Draft minutes: these have not yet been approved"
    assert draft in files[f"{circulated}/minutes.html"].decode()
    approved = files["meetings/children-scrutiny-board/2026-09-17/minutes.html"].decode()
    assert "Approved minutes" in approved
    assert draft not in approved


def test_issued_word_files_are_offered_but_never_the_confidential_ones(built_site: Path) -> None:
    files = _files(built_site)
    assert f"meetings/{PUBLISHED}/agenda-1.docx" in files
    assert f"meetings/{MINUTES_ISSUED}/minutes-draft.docx" in files
    assert not [name for name in files if "confidential" in name]
    page = files[f"meetings/{PUBLISHED}/index.html"].decode()
    assert 'href="../../../meetings/children-scrutiny-board/2027-01-14/agenda-1.docx"' in page
    assert "Word document" in page


def test_no_exempt_text_anywhere_in_the_site(built_site: Path, pristine_site_archive: Path) -> None:
    for name, data in _files(built_site).items():
        text = _text(name, data)
        for sentinel in SENTINELS:
            assert sentinel not in text, f"{sentinel!r} is in {name}"
    # The sentinels are really in the archive, on the confidential side.
    with open_service(pristine_site_archive) as svc:
        confidential = svc.archive.read(f"meetings/{PUBLISHED}/issued/agenda-1.confidential.docx")
        assert SENTINELS[1] in docx_text(confidential)
        private = Documents(svc).export(CIRCULATED, "markdown", confidential=True)
        assert SENTINELS[0] in private
        assert "Oakfield House" in private


def test_private_items_show_their_public_title_and_paragraph(built_site: Path) -> None:
    agenda = (built_site / f"meetings/{PUBLISHED}/agenda.html").read_text()
    assert "Acquisition of a property" in agenda
    assert "paragraph 3 of Schedule 12A" in agenda
    overview = (built_site / f"meetings/{PUBLISHED}/index.html").read_text()
    assert "Acquisition of a property" in overview


def test_minute_references_are_anchors_and_citations_link_to_them(built_site: Path) -> None:
    minutes = (built_site / f"meetings/{CIRCULATED}/minutes.html").read_text()
    assert '<h3 id="minute-12-26">' in minutes
    target = "../../../meetings/children-scrutiny-board/2026-09-17/minutes.html#minute-3-26"
    assert f'<a href="{target}">Minute 3/26</a>' in minutes
    earlier = (built_site / "meetings/children-scrutiny-board/2026-09-17/minutes.html").read_text()
    assert '<h3 id="minute-3-26">' in earlier


def test_pages_declare_their_language_and_need_no_script(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        text = page.read_text()
        assert text.startswith('<!DOCTYPE html>\n<html lang="en-GB">'), page
        assert 'href="#content">Skip to main content</a>' in text
        assert ("<script" in text) == (page.name == "search.html" and page.parent == built_site)


def test_the_same_archive_gives_the_same_bytes(pristine_site_archive: Path, tmp_path: Path) -> None:
    build(pristine_site_archive, tmp_path / "one")
    build(pristine_site_archive, tmp_path / "two")
    one, two = _files(tmp_path / "one"), _files(tmp_path / "two")
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def test_a_second_run_rewrites_only_what_changed(site_archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "public"
    first = build(site_archive, out)
    assert first.built == first.meetings == 6
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    again = build(site_archive, out)
    assert (again.built, again.written, again.removed) == (0, [], [])
    assert all(p.stat().st_mtime_ns == before[p] for p in before)  # the manifest too
    with open_service(site_archive) as svc:
        meeting = Meetings(svc).load(MINUTES_ISSUED)
        Meetings(svc).save(dataclasses.replace(meeting, venue="The Riverside Room, Civic Centre"), based_on=svc.head(),
                 message="Venue corrected")
    changed = build(site_archive, out)
    assert changed.built == 1
    folder = f"meetings/{MINUTES_ISSUED}/"
    outside = sorted(p for p in changed.written if not p.startswith(folder))
    # The venue shows in the calendars; the committee page and search index do not change.
    assert outside == ["calendar.ics", "committees/planning-committee/calendar.ics"]
    untouched = [p for p in before if not p.relative_to(out).as_posix().startswith(folder)
                 and p.relative_to(out).as_posix() not in outside
                 and p.name != MANIFEST]
    assert all(p.stat().st_mtime_ns == before[p] for p in untouched)
    assert "The Riverside Room" in (out / folder / "index.html").read_text()


def test_a_meeting_gone_from_the_archive_is_gone_from_the_site(site_archive: Path,
                                                                tmp_path: Path) -> None:
    out = tmp_path / "public"
    build(site_archive, out)
    assert (out / f"meetings/{PUBLISHED}/agenda-1.docx").exists()
    with open_service(site_archive) as svc:
        folder = f"meetings/{PUBLISHED}"
        svc.save_files(dict.fromkeys(svc.archive.list_files(folder)), "Meeting withdrawn",
                       {"Meeting": PUBLISHED}, based_on=svc.head())
    result = build(site_archive, out)
    assert f"meetings/{PUBLISHED}/agenda-1.docx" in result.removed
    assert not (out / f"meetings/{PUBLISHED}").exists()
    assert "2027-01-14" not in (out / "committees/children-scrutiny-board/index.html").read_text()


def test_a_folder_it_did_not_build_is_refused(pristine_site_archive: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(OutputError, match="did not write"):
        build(pristine_site_archive, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    with pytest.raises(OutputError, match="is a file"):
        build(pristine_site_archive, tmp_path / "notes.txt")


def test_command_line_builds_the_site(pristine_site_archive: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "archive"
    shutil.copytree(pristine_site_archive, archive)
    monkeypatch.setenv("MINUTEBOOK_ARCHIVE", str(archive))
    monkeypatch.setenv("MINUTEBOOK_TODAY", "2026-12-01")
    assert main(["site", "-o", str(tmp_path / "public")]) == 0
    out = capsys.readouterr().out
    assert "Built the site of 6 meetings" in out
    assert "python -m http.server" in out
    assert (tmp_path / "public" / "index.html").is_file()
    assert main(["site", "-o", str(tmp_path / "archive")]) == 1
    assert "did not write" in capsys.readouterr().err


@pytest.mark.skipif(not has_libreoffice(), reason="LibreOffice is not installed "
                    "(apt-get install libreoffice-writer); the site then offers Word files only")
def test_word_files_get_pdf_copies_converted_once(pristine_site_archive: Path,
                                                  tmp_path: Path) -> None:
    converted: list[int] = []

    def pdf(data: bytes) -> bytes:
        converted.append(len(data))
        return to_pdf(data)

    out = tmp_path / "public"
    build(pristine_site_archive, out, pdf=pdf)
    agenda = out / f"meetings/{PUBLISHED}/agenda-1.pdf"
    assert agenda.read_bytes().startswith(b"%PDF")
    assert 'agenda-1.pdf" download>Agenda (PDF' in (out / f"meetings/{PUBLISHED}/index.html").read_text()
    assert len(converted) == 2
    build(pristine_site_archive, out, pdf=pdf)
    assert len(converted) == 2
