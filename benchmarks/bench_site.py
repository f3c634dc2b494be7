"""Benchmark of ``minutebook site``: the whole public website of a large archive, and a rebuild.

The archive (built once and kept under ``benchmarks/.work/``) holds 2,000 real meeting
records across 20 committees: ten public items each with discussion, bullets and
resolutions, a private item (its content in the exempt file), a citation of an earlier
minute, and an issued public agenda; most have approved minutes, some draft minutes, some
only an agenda. Measured through ``workflow.site.build_site`` reading the archive by
``ArchiveSource``, as the command does:

- the whole site into an empty folder, beside ``cp -r`` of the finished site (the cost of
  writing the same files, with nothing to build);
- a rebuild after one meeting's record changed (a new version saved), beside the same;
- a rebuild when nothing changed.

Usage: .venv/bin/python benchmarks/bench_site.py [--meetings 2000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "benchmarks"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from bench_render import make_meeting  # noqa: E402

from workflow.record import codec  # noqa: E402
from workflow.record import files as records  # noqa: E402
from workflow.record.model import (  # noqa: E402
    Agenda,
    Approval,
    Committee,
    Exemption,
    Item,
    Membership,
    Paragraph,
    Role,
    Status,
)
from workflow.record.yaml_text import dump_yaml  # noqa: E402
from workflow.render.word import render_docx  # noqa: E402
from workflow.services.meetings import Meetings  # noqa: E402
from workflow.services.workspace import Workspace  # noqa: E402
from workflow.settings import Settings  # noqa: E402
from workflow.site.builder import build_site  # noqa: E402
from workflow.site.source import ArchiveSource  # noqa: E402

WORK = Path(__file__).resolve().parent / ".work"
SETTINGS = Settings(council="Example City Council", clerk_name="Bench Clerk",
                    clerk_email="bench@example.org")
GIT_ENV = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_AUTHOR_NAME": "Bench Clerk",
           "GIT_AUTHOR_EMAIL": "bench@example.org", "GIT_COMMITTER_NAME": "Bench Clerk",
           "GIT_COMMITTER_EMAIL": "bench@example.org"}
COMMITTEES = 20
FULL_TARGET_MS = 60_000
INCREMENTAL_TARGET_MS = 2_000


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, env=GIT_ENV, capture_output=True)


def _meetings(count: int):  # type: ignore[no-untyped-def]
    base, people = make_meeting(10)
    first = dt.date(2015, 5, 7)
    secret = Item(uid="private", agenda_number="11", minute_number="", title="Land disposal",
                  public_title="Disposal of land", exemption=Exemption(paragraph=3),
                  body=(Paragraph(text="The offer received was 1.2 million pounds."),))
    for n in range(count):
        slug = f"committee-{n % COMMITTEES:02d}"
        day = first + dt.timedelta(days=14 * (n // COMMITTEES) + n % 5)
        number = 1 + (n // COMMITTEES) % 10 * 12
        items = tuple(dataclasses.replace(
            item, agenda_number=str(i + 1), minute_number=str(number + i),
            body=item.body + ((Paragraph(text=f"Further to Minute {max(1, number - 3)}/"
                                              f"{day.year % 100:02d}, members noted progress."),)
                              if i == 0 else ()))
            for i, item in enumerate(base.items))
        status = (Status.MINUTES_APPROVED if n < count - 60 else Status.MINUTES_CIRCULATED
                  if n < count - 20 else Status.AGENDA_PUBLISHED)
        yield dataclasses.replace(
            base, id=f"{slug}/{day.isoformat()}", committee=slug,
            committee_name=f"Committee {n % COMMITTEES:02d}", date=day, status=status,
            items=(*items, dataclasses.replace(secret, minute_number=str(number + 10))),
            agenda=Agenda(published_on=day - dt.timedelta(days=8)),
            approval=Approval(at=f"{slug}/{day.isoformat()}", on=day + dt.timedelta(days=14))
            if status is Status.MINUTES_APPROVED else None), people


def build_archive(path: Path, meetings: int) -> Path:
    """A git archive of ``meetings`` real meeting records (one commit, plain git)."""
    if path.exists():
        shutil.rmtree(path)
    from archive import GitArchive

    GitArchive.init(path).close()
    docx = b""
    people: dict = {}
    for meeting, people in _meetings(meetings):
        folder = path / records.meeting_folder(meeting.id)
        (folder / "issued").mkdir(parents=True, exist_ok=True)
        public, exempt = codec.encode_meeting(meeting)
        (folder / records.MEETING_FILE).write_text(public)
        if exempt:
            (folder / records.EXEMPT_FILE).write_text(exempt)
        if not docx:
            docx = render_docx(meeting, "agenda", people=people, author="Bench Clerk",
                               created=dt.datetime(2027, 1, 1, tzinfo=dt.UTC))
        (folder / "issued" / "agenda-1.docx").write_bytes(docx)
    (path / "people").mkdir(exist_ok=True)
    (path / records.REGISTER_PATH).write_bytes(records.people_file(people))
    (path / "committees").mkdir(exist_ok=True)
    members = tuple(Membership(person=p, role=Role.CHAIR if p == "m0" else Role.MEMBER)
                    for p in people if p.startswith("m"))
    for c in range(COMMITTEES):
        committee = Committee(slug=f"committee-{c:02d}", name=f"Committee {c:02d}",
                              council="Example City Council", venue="Committee Room 3",
                              membership=members)
        text = dump_yaml(codec.encode(committee))
        (path / records.committee_path(committee.slug)).write_text(text)
    _git(path, "add", "-A")
    _git(path, "commit", "-q", "-m", "Benchmark archive")
    return path


def cached_archive(meetings: int) -> Path:
    path = WORK / f"site-archive-{meetings}"
    if not (path / ".git").is_dir():
        WORK.mkdir(parents=True, exist_ok=True)
        build_archive(path, meetings)
    return path


def _timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def measure(meetings: int, repeat: int) -> list[str]:
    pristine = cached_archive(meetings)
    with tempfile.TemporaryDirectory(prefix="minutebook-bench-site-") as tmp:
        work = Path(tmp)
        archive = work / "archive"
        shutil.copytree(pristine, archive)
        full, copies, rebuilds, nothing = [], [], [], []
        with Workspace.open(archive, settings=SETTINGS, create=False) as svc:
            for n in range(repeat):
                out = work / f"site-{n}"
                full.append(_timed(lambda out=out: build_site(ArchiveSource(svc), out)))
                copies.append(_timed(lambda out=out, n=n: subprocess.run(
                    ["cp", "-r", str(out), str(work / f"copy-{n}")], check=True)))
            out = work / "site-0"
            ids = [row.id for row in Meetings(svc).summaries() if row.status is not Status.MINUTES_APPROVED]
            for n in range(max(5, repeat)):
                meeting = Meetings(svc).load(ids[(n * 37) % len(ids)])
                Meetings(svc).save(dataclasses.replace(meeting, venue=f"The Council Chamber, sitting {n}"), based_on=svc.head(),
                         message="Venue changed")
                result = None

                def rebuild(out: Path = out) -> None:
                    nonlocal result
                    result = build_site(ArchiveSource(svc), out)
                rebuilds.append(_timed(rebuild))
                if result is None or result.built != 1:
                    raise RuntimeError(f"the rebuild after one change built {result}")
                nothing.append(_timed(lambda out=out: build_site(ArchiveSource(svc), out)))
    full_ms, copy_ms = statistics.median(full), statistics.median(copies)
    return [
        f"whole site, {meetings} meetings, empty folder  {full_ms:.1f} ms  <= {FULL_TARGET_MS} ms"
        f"  (cp -r of the site {copy_ms:.1f} ms, ratio {full_ms / copy_ms:.1f}x)",
        f"rebuild after one meeting changed  {statistics.median(rebuilds):.1f} ms  "
        f"<= {INCREMENTAL_TARGET_MS} ms",
        f"rebuild with nothing changed  {statistics.median(nothing):.1f} ms",
        f"cp -r of the finished site (peer)  {copy_ms:.1f} ms",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    for line in measure(args.meetings, args.repeat):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
