"""Rendering benchmark: median time to render agenda and minutes, in-process and as a process.

Prints a table beside its targets (issue 4): in-process minutes render of 10 items at most
20 ms median and of 100 items at most 60 ms; the whole rendering process, start-up
included, no slower than pandoc turning the equivalent Markdown into .docx (ratio <= 1.0,
measured in the same run, when pandoc is installed).

The whole-process command is :func:`render_command`; once ``minutebook render`` exists,
point it there (``--command minutebook``).

Usage: .venv/bin/python benchmarks/bench_render.py [--runs N] [--command minutebook]
"""

from __future__ import annotations

import argparse
import datetime as dt
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

from workflow.record.codec import encode_meeting  # noqa: E402
from workflow.record.model import (  # noqa: E402
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
)
from workflow.render import export, render_docx  # noqa: E402

CREATED = dt.datetime(2027, 1, 14, 16, 0, tzinfo=dt.UTC)
PROSE = ("The Board considered a briefing note of the Deputy Chief Executive (People) which "
         "set out progress on recruitment, retention and the development of social workers, "
         "and the support offered to newly qualified staff through the academy. ")

SCRIPT = """
import datetime as dt, sys
from pathlib import Path
from workflow.record.codec import decode_meeting
from workflow.record.model import Person
from workflow.render import render_docx
meeting = decode_meeting(Path(sys.argv[1]).read_bytes())
data = render_docx(meeting, "minutes", people={}, author="Clerk",
                   created=dt.datetime(2027, 1, 14, 16, 0, tzinfo=dt.UTC))
Path(sys.argv[2]).write_bytes(data)
"""


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
        venue="Committee Room 3", attendance=attendance,
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


def render_command(meeting_yaml: Path, out: Path, command: str = "") -> list[str]:
    """The command line of one whole rendering process."""
    if command:
        return [command, "render", str(meeting_yaml), "minutes", "-o", str(out)]
    return [sys.executable, "-c", SCRIPT, str(meeting_yaml), str(out)]


def process_ms(argv: list[str], runs: int, cache: Path) -> float:
    """Median wall time of a process, with compiled bytecode cached as in an installation."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache)

    def once() -> None:
        subprocess.run(argv, check=True, capture_output=True, cwd=ROOT, env=env)
    return median_ms(once, runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--command", default="", help="e.g. minutebook (default: a small script)")
    args = parser.parse_args()
    rows: list[tuple[str, float, str]] = []
    for items in (10, 100):
        meeting, people = make_meeting(items)
        for which in ("minutes", "agenda"):
            ms = median_ms(lambda m=meeting, p=people, w=which: render_docx(  # type: ignore[misc]
                m, w, people=p, author="Clerk", created=CREATED), args.runs)
            target = {10: "<= 20 ms", 100: "<= 60 ms"}[items] if which == "minutes" else ""
            rows.append((f"in-process {which}, {items} items", ms, target))
    meeting, people = make_meeting(10)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        public_yaml, _ = encode_meeting(meeting)
        (folder / "meeting.yaml").write_text(public_yaml, encoding="utf-8")
        argv = render_command(folder / "meeting.yaml", folder / "out.docx", args.command)
        whole = process_ms(argv, max(5, args.runs // 3), folder / "pycache")
        rows.append(("whole process, minutes, 10 items", whole, "<= pandoc"))
        pandoc = shutil.which("pandoc")
        if pandoc:
            (folder / "in.md").write_text(export(meeting, "markdown", people=people), "utf-8")
            pandoc_ms = process_ms([pandoc, str(folder / "in.md"), "-o", str(folder / "p.docx")],
                                   max(5, args.runs // 3), folder / "pycache")
            rows.append(("pandoc, same minutes as Markdown", pandoc_ms, ""))
            rows.append(("ratio whole process / pandoc", whole / pandoc_ms, "<= 1.0"))
        else:
            rows.append(("pandoc", float("nan"), "not installed: no ratio"))
    print(f"{'measure':40} {'median':>10}  target")
    for name, value, target in rows:
        unit = "" if name.startswith("ratio") else " ms"
        print(f"{name:40} {value:>7.2f}{unit:3}  {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
