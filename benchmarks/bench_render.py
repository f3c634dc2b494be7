"""Rendering benchmark: median time to render agenda and minutes, in-process and as a process.

Prints a table beside its targets (issue 17): in-process minutes render of 10 items at
most 20 ms median and of 100 items at most 60 ms; the whole ``minutebook render`` process
(start-up, archive and command line included) at most 1.3x a bare python-docx script
writing the same document from its paragraphs (the floor of the chosen library), both
measured in the same run. pandoc turning the same minutes as Markdown into .docx is
printed beside them for reference only; the earlier target of 1.0x pandoc is retired.

Usage: .venv/bin/python benchmarks/bench_render.py [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bytecode import ensure_bytecode  # noqa: E402

from workflow.record.model import (  # noqa: E402
    Agenda,
    AttendanceState,
    Attendee,
    BulletList,
    Item,
    Meeting,
    Paragraph,
    Person,
    PersonKind,
    Report,
    Resolution,
    Role,
    Status,
)
from workflow.render.documents import HOUSE_STYLE, document_blocks, export  # noqa: E402
from workflow.render.word import render_docx  # noqa: E402

CREATED = dt.datetime(2027, 1, 14, 16, 0, tzinfo=dt.UTC)
PROSE = ("The Board considered a briefing note of the Deputy Chief Executive (People) which "
         "set out progress on recruitment, retention and the development of social workers, "
         "and the support offered to newly qualified staff through the academy. ")

BARE = """
import json, sys
import docx
blocks = json.loads(open(sys.argv[2], encoding="utf-8").read())
document = docx.Document(sys.argv[1])
for style, runs in blocks:
    paragraph = document.add_paragraph(style=style)
    for text, bold, italic in runs:
        run = paragraph.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
document.save(sys.argv[3])
"""
"""The floor: python-docx alone writing the same paragraphs, styles and bold runs."""

def make_meeting(items: int) -> tuple[Meeting, dict[str, Person]]:
    """A minutes record of ``items`` report items with narrative, bullets and resolutions."""
    people = {f"m{i}": Person(id=f"m{i}", name=f"A Member{i}", title="Councillor")
              for i in range(10)}
    people |= {f"o{i}": Person(id=f"o{i}", name=f"B Officer{i}", kind=PersonKind.OFFICER,
                               directorate="People") for i in range(4)}
    attendance = tuple(Attendee(person=p, state=AttendanceState.PRESENT,
                                role=Role.OFFICER if p.startswith("o") else Role.MEMBER)
                       for p in people)
    body = (Paragraph(text=PROSE * 2), BulletList(bullets=("Recruitment", "Retention",
                                                           "Agency workers", "Audits")),
            Paragraph(text=PROSE))
    resolutions = (Resolution(label="(a)", text="Notes the briefing note."),
                   Resolution(label="(b)", text="Requests a further report in six months."))
    meeting = Meeting(
        id="scrutiny-board-2/2027-01-14", committee="scrutiny-board-2",
        committee_name="Scrutiny Board (2)", council="Example City Council",
        date=dt.date(2027, 1, 14), start=dt.time(14, 0), closed=dt.time(15, 30),
        venue="Committee Room 3", attendance=attendance, status=Status.MINUTES_DRAFT,
        agenda=Agenda(published_on=dt.date(2027, 1, 5)),
        items=tuple(Item(uid=f"i{n}", agenda_number=str(n + 1), minute_number=str(n + 18),
                         title=f"Report number {n + 1}",
                         report=Report(kind="Briefing Note", author="Chief Executive"),
                         body=body, resolved_intro="that the Board:", resolutions=resolutions)
                    for n in range(items)))
    return meeting, people


def median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def process_ms(argv: list[str], runs: int, env: dict[str, str]) -> float:
    """Median wall time of a process (bytecode in place, as in an installed copy)."""

    def once() -> None:
        subprocess.run(argv, check=True, capture_output=True, cwd=ROOT, env=env)
    return median_ms(once, runs)


def _archive(folder: Path, meeting: Meeting) -> dict[str, str]:
    """An archive holding ``meeting``; the environment a ``minutebook`` process needs."""
    from workflow.services.meetings import Meetings
    from workflow.services.workspace import Workspace
    from workflow.settings import Settings

    settings = Settings(council="Example City Council", clerk_name="Bench Clerk",
                        clerk_email="bench@example.org")
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "HOME": str(folder),
           "MINUTEBOOK_CONFIG": str(folder / "none.toml"), "XDG_STATE_HOME": str(folder / "state"),
           "MINUTEBOOK_CLERK_NAME": settings.clerk_name,
           "MINUTEBOOK_CLERK_EMAIL": settings.clerk_email}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with Workspace.open(folder / "archive", settings=settings) as svc:
        Meetings(svc).save(meeting, based_on=None, message="Minutes drafted")
    return env


def processes(runs: int) -> list[tuple[str, float, str]]:
    """The whole render process beside the bare python-docx script, and pandoc."""
    meeting, people = make_meeting(10)
    blocks = document_blocks(meeting, "minutes", people=people)
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = _archive(folder, meeting)
        (folder / "blocks.json").write_text(json.dumps(
            [(str(b.style), [(r.text, r.bold, r.italic) for r in b.runs]) for b in blocks]),
            encoding="utf-8")
        minutebook = str(Path(sys.executable).with_name("minutebook"))
        whole = process_ms([minutebook, "render", meeting.id, "minutes", "-o",
                            str(folder / "out.docx"), "--archive", str(folder / "archive")],
                           runs, env)
        bare = process_ms([sys.executable, "-c", BARE, str(HOUSE_STYLE), str(folder / "blocks.json"),
                           str(folder / "bare.docx")], runs, env)
        rows.append(("whole process, minutes, 10 items", whole, ""))
        rows.append(("bare python-docx script, same minutes", bare, ""))
        rows.append(("ratio whole process / python-docx", whole / bare, "<= 1.3"))
        pandoc = shutil.which("pandoc")
        if pandoc:
            (folder / "in.md").write_text(export(meeting, "markdown", people=people), "utf-8")
            pandoc_ms = process_ms([pandoc, str(folder / "in.md"), "-o", str(folder / "p.docx")],
                                   runs, env)
            rows.append(("pandoc, same minutes as Markdown", pandoc_ms, "reference only"))
            rows.append(("ratio whole process / pandoc", whole / pandoc_ms, "reference only"))
        else:
            rows.append(("pandoc", float("nan"), "not installed: no reference"))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    ensure_bytecode()
    rows: list[tuple[str, float, str]] = []
    for items in (10, 100):
        meeting, people = make_meeting(items)
        for which in ("minutes", "agenda"):
            ms = median_ms(lambda m=meeting, p=people, w=which: render_docx(  # type: ignore[misc]
                m, w, people=p, author="Clerk", created=CREATED), args.runs)
            target = {10: "<= 20 ms", 100: "<= 60 ms"}[items] if which == "minutes" else ""
            rows.append((f"in-process {which}, {items} items", ms, target))
    rows += processes(max(5, args.runs // 3))
    print(f"{'measure':40} {'median':>10}  target")
    for name, value, target in rows:
        unit = "" if name.startswith("ratio") else " ms"
        print(f"{name:40} {value:>7.2f}{unit:3}  {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
