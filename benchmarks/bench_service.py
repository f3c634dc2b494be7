"""Benchmark of the clerk's operations through the services of ``workflow.services`` against plain git.

Measured on a scratch copy of the 20,000-commit / 2,000-meeting archive that
``bench_archive`` builds (cached under ``benchmarks/.work/``), into which one real
10-item meeting is saved 1,000 times:

- save (validate + write + commit) of that meeting, beside ``git add`` + ``git commit``;
- its history (1,000 versions), beside ``git log -- <folder>``;
- a diff of two of its versions, beside ``git diff REV1 REV2 -- <file>``;
- search across the 2,000 meetings, beside ``git grep``;
- validation of a 10- and a 100-item meeting (no peer: Cerberus is the validator);
- the whole ``minutebook render`` process for the 10-item minutes, beside pandoc turning
  the same minutes (exported as Markdown) into .docx, for reference (its target, 1.3x a
  bare python-docx script, is measured by ``bench_render.py``);
- the memory peak of each (tracemalloc, one extra run; peak resident size of the
  render process).

Usage: .venv/bin/python benchmarks/bench_service.py [--versions 1000] [--repeat 30]
[--commits 20000 --meetings 2000] [--profile save|history|diff|search|search-common]
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import json
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bytecode import ensure_bytecode  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "benchmarks"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from bench_archive import WORK, cached_archive, fresh_copy, median_ms, paired_ms  # noqa: E402
from bench_render import make_meeting  # noqa: E402

from workflow.record import files as records  # noqa: E402
from workflow.record.model import Meeting  # noqa: E402
from workflow.services.checks import Checks  # noqa: E402
from workflow.services.history import History  # noqa: E402
from workflow.services.meetings import Meetings  # noqa: E402
from workflow.services.search import Search  # noqa: E402
from workflow.services.workspace import Workspace  # noqa: E402
from workflow.settings import Settings  # noqa: E402

__all__ = ["Row", "main", "measure"]

SETTINGS = Settings(council="Example City Council", clerk_name="Bench Clerk",
                    clerk_email="bench@example.org")
GIT_ENV = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull}
COMMON = "consultation"
"""A word in every benchmark meeting: the search returns tens of thousands of lines."""
RARE = "-03-1"
"""Words found in a handful of meetings (a clerk looking for one meeting's date)."""


@dataclass(frozen=True)
class Row:
    """One figure: our median, the peer's median in the same run, the target and the verdict."""

    name: str
    ours: float
    peer_name: str = ""
    peer: float | None = None
    target: str = ""
    ok: bool | None = None
    peak_kib: float | None = None

    @property
    def ratio(self) -> float | None:
        return self.ours / self.peer if self.peer else None


def peak_kib(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1024
    finally:
        tracemalloc.stop()


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, env=GIT_ENV, check=False)
    if done.returncode not in ((0, 1) if args[0] == "grep" else (0,)):
        raise RuntimeError(f"git {args[0]} failed: {done.stderr.decode(errors='replace')}")
    return done


def _version(meeting: Meeting, n: int) -> Meeting:
    return dataclasses.replace(meeting, venue=f"Committee Room {n % 7}, version {n}")


def _fill_history(svc: Workspace, meeting: Meeting, versions: int) -> None:
    """Save ``versions`` versions of the meeting."""
    for n in range(versions):
        Meetings(svc).save(_version(meeting, n), based_on=svc.head(), message=f"Venue changed ({n})")


def _plain_commit(repo: Path, rel: str, n: int) -> None:
    data = (repo / rel).read_bytes().replace(b"venue:", f"venue: plain {n}".encode(), 1)
    (repo / rel).write_bytes(data)
    _git(repo, "add", "--", rel)
    _git(repo, "-c", "user.name=Bench Clerk", "-c", "user.email=bench@example.org",
         "commit", "-q", "-m", f"Venue changed (plain {n})")


def _bench_save(svc: Workspace, repo: Path, meeting: Meeting, repeat: int) -> Row:
    """Our save and git's of the same file, taken in turn."""
    rel = f"{records.meeting_folder(meeting.id)}/{records.MEETING_FILE}"
    _git(repo, "reset", "-q")
    ours, peer = paired_ms(
        lambda n: Meetings(svc).save(_version(meeting, 3 * 10**6 + n), based_on=svc.head(), message=f"Venue changed (paired {n})"),
        lambda n: _plain_commit(repo, rel, n),
        repeat,
    )
    _git(repo, "reset", "-q", "--hard", "HEAD")
    mem = peak_kib(lambda: Meetings(svc).save(_version(meeting, 10**6), based_on=svc.head(), message="Memory"))
    return Row("save 10-item meeting (validate+write+commit)", ours, "git add + git commit", peer,
               "<= 1.0x git and <= 25 ms", ours <= peer and ours <= 25, mem)


def _bench_history(svc: Workspace, repo: Path, meeting: Meeting, repeat: int) -> list[Row]:
    """The meeting's history, and the same just after a new version of it was saved, each
    beside git's listing of the folder taken in turn with it."""
    folder = records.meeting_folder(meeting.id) + "/"
    count = len(History(svc).versions(meeting.id))

    def peer(n: int) -> object:
        return _git(repo, "log", "--format=%H%x00%an%x00%ae%x00%aI%x00%B%x00", "HEAD", "--", folder)

    ours, plain = paired_ms(lambda n: History(svc).versions(meeting.id), peer, repeat)
    mem = peak_kib(lambda: History(svc).versions(meeting.id))
    after, plain_after = paired_ms(
        lambda n: History(svc).versions(meeting.id), peer, max(5, repeat // 2), warmup=0,
        before=lambda n: Meetings(svc).save(_version(meeting, 2 * 10**6 + n), based_on=svc.head(), message="One more"))
    target = "<= 1.2x git"
    return [
        Row(f"history of one meeting ({count} versions)", ours, "git log -- folder", plain,
            target, ours <= 1.2 * plain, mem),
        Row("history of that meeting just after saving it", after, "git log -- folder",
            plain_after, target, after <= 1.2 * plain_after),
    ]


def _bench_diff(svc: Workspace, repo: Path, meeting: Meeting, repeat: int) -> Row:
    versions = History(svc).versions(meeting.id)
    old, new = versions[len(versions) // 2].commit, versions[len(versions) // 2 - 1].commit
    rel = f"{records.meeting_folder(meeting.id)}/{records.MEETING_FILE}"
    ours = median_ms(lambda n: History(svc).diff(meeting.id, old, new), repeat)
    peer = median_ms(lambda n: _git(repo, "diff", "--word-diff", old, new, "--", rel), repeat)
    mem = peak_kib(lambda: History(svc).diff(meeting.id, old, new))
    return Row("diff of two versions", ours, "git diff --word-diff", peer, "< 10 ms", ours < 10, mem)


def _bench_search(svc: Workspace, repo: Path, repeat: int, word: str, label: str, meetings: int) -> Row:
    hits = len(Search(svc).search(word))
    ours = median_ms(lambda n: Search(svc).search(word), repeat)
    peer = median_ms(lambda n: _git(repo, "grep", "-z", "-n", "-I", "-F", "-i", "-e", word, "HEAD",
                                    "--", "meetings/", ":(exclude)*.exempt.yaml"), repeat)
    mem = peak_kib(lambda: Search(svc).search(word))
    return Row(f"search {meetings:,} meetings, {label} ({hits} lines)", ours, "git grep", peer,
               "<= 1.2x git and < 150 ms", ours <= 1.2 * peer and ours < 150, mem)


def _bench_validate(svc: Workspace, repeat: int) -> list[Row]:
    rows = []
    for items in (10, 100):
        meeting, _ = make_meeting(items)
        ours = median_ms(lambda n, m=meeting: Checks(svc).check(dataclasses.replace(m, venue=f"Room {n}")),
                         repeat)
        mem = peak_kib(lambda m=meeting: Checks(svc).check(dataclasses.replace(m, venue="Room x")))
        rows.append(Row(f"validate {items}-item meeting", ours, target="(no target; TUI validates per item)",
                        peak_kib=mem))
    return rows


def _timed_process(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall ms, peak resident KiB) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{argv[0]} failed: {proc.stderr.read().decode() if proc.stderr else ''}")
    return elapsed, float(usage.ru_maxrss)


def _median_process(argv: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    _timed_process(argv, env)
    found = [_timed_process(argv, env) for _ in range(runs)]
    return statistics.median(t for t, _ in found), max(m for _, m in found)


def _bench_render_process(repeat: int) -> Row:
    """The whole ``minutebook render`` process (start-up included) beside pandoc.

    Measured first, while this process is small: a child's peak resident size counts
    the parent's pages until it execs. Bytecode comes from the installed ``__pycache__``
    folders, as for a clerk.
    """
    from workflow.render.documents import export

    meeting, people = make_meeting(10)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Workspace.open(folder / "archive", settings=SETTINGS) as svc:
            Meetings(svc).save(meeting, based_on=svc.head(), message="Minutes drafted")
        env = {**GIT_ENV, "HOME": str(folder),
               "MINUTEBOOK_CONFIG": str(folder / "none.toml"), "XDG_STATE_HOME": str(folder / "state"),
               "MINUTEBOOK_CLERK_NAME": SETTINGS.clerk_name, "MINUTEBOOK_CLERK_EMAIL": SETTINGS.clerk_email}
        command = [str(Path(sys.executable).with_name("minutebook")), "render", meeting.id, "minutes",
                   "-o", str(folder / "out.docx"), "--archive", str(folder / "archive")]
        runs = max(5, repeat // 3)
        ours, rss = _median_process(command, env, runs)
        pandoc = shutil.which("pandoc")
        if not pandoc:
            return Row("whole `minutebook render` process, 10 items", ours, "pandoc not installed",
                       None, "(reference; target in bench_render)", None, rss)
        (folder / "in.md").write_text(export(meeting, "markdown", people=people), encoding="utf-8")
        peer, _ = _median_process([pandoc, str(folder / "in.md"), "-o", str(folder / "p.docx")], env, runs)
    return Row("whole `minutebook render` process, 10 items", ours, "pandoc (same minutes)", peer,
               "(reference; target in bench_render)", None, rss)


def measure(*, commits: int, meetings: int, versions: int, repeat: int,
            profile: str = "") -> list[Row]:
    """Build or reuse the archive, fill one meeting's history, measure; return the rows."""
    render = _bench_render_process(repeat)
    pristine = cached_archive(commits, meetings)
    scratch = fresh_copy(pristine, WORK / "scratch-service")
    try:
        meeting, _ = make_meeting(10)
        with Workspace.open(scratch, settings=SETTINGS, create=False) as svc:
            _fill_history(svc, meeting, versions)
            svc.archive.maintenance()
            if profile:
                _profile(svc, scratch, meeting, profile)
            rows = [_bench_save(svc, scratch, meeting, repeat)]
            rows += _bench_history(svc, scratch, meeting, repeat)
            rows.append(_bench_diff(svc, scratch, meeting, repeat))
            rows.append(_bench_search(svc, scratch, repeat, RARE, "rare words", meetings))
            rows.append(_bench_search(svc, scratch, max(5, repeat // 3), COMMON, "common word", meetings))
            rows += _bench_validate(svc, repeat)
        rows.append(render)
        return rows
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _profile(svc: Workspace, repo: Path, meeting: Meeting, what: str) -> None:
    actions: dict[str, Callable[[int], object]] = {
        "save": lambda n: Meetings(svc).save(_version(meeting, 5000 + n), based_on=svc.head(), message=f"Profile {n}"),
        "history": lambda n: History(svc).versions(meeting.id),
        "diff": lambda n: History(svc).diff(meeting.id, "10", "11"),
        "search": lambda n: Search(svc).search(RARE),
        "search-common": lambda n: Search(svc).search(COMMON),
    }
    profiler = cProfile.Profile()
    profiler.enable()
    for n in range(3 if what == "search-common" else 20):
        actions[what](n)
    profiler.disable()
    pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(25)


def table(rows: list[Row]) -> str:
    head = f"{'measure':46}{'ours ms':>9}  {'peer':24}{'peer ms':>9}{'ratio':>7}{'peak KiB':>10}  target"
    lines = [head]
    for r in rows:
        peer = f"{r.peer:9.2f}" if r.peer is not None else f"{'-':>9}"
        ratio = f"{r.ratio:7.2f}" if r.ratio is not None else f"{'-':>7}"
        mem = f"{r.peak_kib:10.0f}" if r.peak_kib is not None else f"{'-':>10}"
        verdict = "" if r.ok is None else (" ok" if r.ok else " MISSED")
        lines.append(f"{r.name:46}{r.ours:9.2f}  {r.peer_name:24}{peer}{ratio}{mem}  {r.target}{verdict}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=20_000)
    parser.add_argument("--meetings", type=int, default=2_000)
    parser.add_argument("--versions", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--profile", choices=["save", "history", "diff", "search", "search-common"], default="")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON (for run.py)")
    args = parser.parse_args(argv)
    ensure_bytecode()
    os.environ.setdefault("GIT_CONFIG_GLOBAL", os.devnull)
    rows = measure(commits=args.commits, meetings=args.meetings, versions=args.versions,
                   repeat=args.repeat, profile=args.profile)
    if args.json:
        print(json.dumps([dataclasses.asdict(r) for r in rows]))
        return 0
    print(f"archive: {args.commits} commits, {args.meetings} meetings; one meeting saved "
          f"{args.versions} times")
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
