"""Benchmark of the archive: save and history against plain git on a large archive.

Run ``python benchmarks/bench_archive.py [--commits 20000 --meetings 2000]``. The first
run builds the archive with ``git fast-import`` and caches it under
``benchmarks/.work/``; every run measures on a fresh copy:

- a save of a 10-item meeting beside ``git add`` + ``git commit`` of the same file, the
  two taking turns;
- the history of a meeting saved 1,000 times beside ``git log -- <folder>``;
- two writers at once, one killed at a random moment, ten times: how many acknowledged
  saves are missing afterwards, and whether ``git fsck --strict`` is clean.

The builder is importable:
``cached_archive(commits, meetings)`` returns the path of a pristine archive and
``fresh_copy(src, dst)`` a scratch copy other benchmarks may change freely.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from archive import GitArchive, Identity, meeting_dir, meeting_file  # noqa: E402
from archive.versions import LOG_FORMAT  # noqa: E402

__all__ = [
    "WORK",
    "build_archive",
    "cached_archive",
    "fresh_copy",
    "meeting_ids",
    "meeting_yaml",
    "median_ms",
    "paired_ms",
    "run",
]

WORK = Path(__file__).resolve().parent / ".work"
EPOCH = dt.datetime(2015, 5, 1, 9, 0, tzinfo=dt.UTC)
CLERK = Identity("Bench Clerk", "bench@example.org")


def meeting_ids(meetings: int, committees: int = 20) -> list[str]:
    """``meetings`` ids spread over ``committees`` committees, a fortnight apart."""
    ids = []
    for n in range(meetings):
        slug = f"committee-{n % committees:02d}"
        day = EPOCH.date() + dt.timedelta(days=14 * (n // committees) + n % committees % 5)
        ids.append(f"{slug}/{day.isoformat()}")
    return ids


def meeting_yaml(meeting_id: str, revision: int, items: int = 10) -> bytes:
    """A meeting record of about 10 KB (``items`` items); ``revision`` varies one line."""
    slug, day = meeting_id.split("/")
    lines = [
        f"committee: {slug}",
        "council: Example Borough Council",
        f"date: '{day}'",
        "start: '10:00'",
        "venue: Civic Hall, Committee Room 2",
        f"status: minutes draft (revision {revision})",
        "items:",
    ]
    for i in range(1, items + 1):
        lines += [
            f"- number: {i}",
            f"  title: Item {i} of the meeting of {day}",
            "  kind: report",
            "  minutes:",
        ]
        for p in range(6):
            lines.append(
                f"  - The Board considered paragraph {p} of the report on item {i}, noting the "
                "officer's advice, the consultation responses and the budget position; members "
                "asked questions and received answers on each point raised."
            )
        lines.append(f"  resolved: The report on item {i} was noted (revision {revision}).")
    return ("\n".join(lines) + "\n").encode()


def _fast_import_stream(commits: int, meetings: int, seed: int) -> Iterator[bytes]:
    ids = meeting_ids(meetings)
    per = max(1, commits // meetings)
    rng = random.Random(seed)
    revisions = dict.fromkeys(ids, 0)
    yield b"reset refs/heads/main\n"
    attributes = b"*.docx binary\n"
    for n in range(commits):
        window = ids[max(0, n // per - 10) : n // per + 1]
        meeting = window[-1] if revisions[window[-1]] == 0 else rng.choice(window)
        revisions[meeting] += 1
        when = int((EPOCH + dt.timedelta(hours=n)).timestamp())
        msg = f"Meeting {meeting}: revision {revisions[meeting]}\n\nMeeting: {meeting}\n".encode()
        data = meeting_yaml(meeting, revisions[meeting])
        ident = f"{CLERK.name} <{CLERK.email}> {when} +0000".encode()
        head = b"commit refs/heads/main\nauthor %s\ncommitter %s\ndata %d\n%s" % (
            ident,
            ident,
            len(msg),
            msg,
        )
        if n == 0:
            head += b"M 100644 inline .gitattributes\ndata %d\n%s\n" % (len(attributes), attributes)
        path = meeting_file(meeting).encode()
        yield head + b"M 100644 inline %s\ndata %d\n%s\n" % (path, len(data), data)


def build_archive(path: Path, commits: int = 20_000, meetings: int = 2_000, seed: int = 1) -> Path:
    """Create an archive at ``path`` with ``commits`` versions across ``meetings`` meetings."""
    if path.exists():
        shutil.rmtree(path)
    GitArchive.init(path).close()
    shutil.rmtree(path / ".git" / "objects" / "info" / "commit-graphs", ignore_errors=True)
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull}
    subprocess.run(["git", "update-ref", "-d", "refs/heads/main"], cwd=path, check=True, env=env)
    proc = subprocess.Popen(
        ["git", "fast-import", "--quiet", "--force"], cwd=path, stdin=subprocess.PIPE, env=env
    )
    assert proc.stdin is not None
    for chunk in _fast_import_stream(commits, meetings, seed):
        proc.stdin.write(chunk)
    proc.stdin.close()
    if proc.wait() != 0:
        raise RuntimeError("git fast-import failed")
    for args in (
        ["reset", "-q", "--hard", "main"],
        ["repack", "-a", "-d", "-q"],
        ["commit-graph", "write", "--reachable", "--changed-paths", "--no-progress"],
    ):
        subprocess.run(["git", *args], cwd=path, check=True, env=env)
    return path


def cached_archive(commits: int = 20_000, meetings: int = 2_000) -> Path:
    """A pristine archive of this size, built once and kept under benchmarks/.work/."""
    path = WORK / f"archive-{commits}-{meetings}"
    stamp = path / ".git" / "minutebook-bench-complete"
    if not stamp.exists():
        build_archive(path, commits, meetings)
        stamp.touch()
    return path


def fresh_copy(src: Path, dst: Path) -> Path:
    """A scratch copy of an archive that may be changed freely."""
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst, symlinks=True)
    os.sync()
    return dst


def median_ms(
    fn: Callable[[int], object], repeat: int, warmup: int = 3,
    before: Callable[[int], object] | None = None,
) -> float:
    """Median wall time in ms of ``fn(n)`` over ``repeat`` runs, after ``warmup`` runs;
    ``before(n)``, when given, runs untimed ahead of each run."""
    for n in range(warmup):
        fn(-1 - n)
    times = []
    for n in range(repeat):
        if before is not None:
            before(n)
        start = time.perf_counter()
        fn(n)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def paired_ms(
    ours: Callable[[int], object], peer: Callable[[int], object], repeat: int, warmup: int = 3,
    before: Callable[[int], object] | None = None,
) -> tuple[float, float]:
    """Median wall times in ms of ``ours(n)`` and ``peer(n)``, run in turn (which goes
    first alternates), so that a busy moment of the machine falls on both alike;
    ``before(n)``, when given, runs untimed ahead of each pair."""
    times: tuple[list[float], list[float]] = ([], [])
    for n in range(-warmup, repeat):
        if before is not None:
            before(n)
        pair = [(0, ours), (1, peer)]
        for side, fn in pair if n % 2 else pair[::-1]:
            start = time.perf_counter()
            fn(n)
            if n >= 0:
                times[side].append(time.perf_counter() - start)
    return statistics.median(times[0]) * 1000, statistics.median(times[1]) * 1000


def bench_save(path: Path, meetings: int, repeat: int) -> dict[str, float]:
    """Median ms: our save (warm and cold) and plain git add + commit of the same change."""
    ids = meeting_ids(meetings)
    rng = random.Random(7)
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull}
    results = {}

    def plain(n: int) -> None:
        meeting = rng.choice(ids)
        rel = meeting_file(meeting)
        (path / rel).write_bytes(meeting_yaml(meeting, 9000 + n))
        subprocess.run(["git", "add", "--", rel], cwd=path, check=True, env=env)
        subprocess.run(
            ["git", "-c", f"user.name={CLERK.name}", "-c", f"user.email={CLERK.email}",
             "commit", "-q", "-m", f"Meeting {meeting}: plain {n}\n\nMeeting: {meeting}"],
            cwd=path, check=True, env=env,
        )

    with GitArchive.open(path, graph_every=0, repack_every=0) as archive:

        def ours(n: int) -> None:
            meeting = rng.choice(ids)
            archive.save(
                {meeting_file(meeting): meeting_yaml(meeting, 1000 + n)},
                message=f"Meeting {meeting}: bench {n}",
                author=CLERK,
                trailers={"Meeting": meeting, "Status": "minutes draft"},
            )

        subprocess.run(["git", "reset", "-q"], cwd=path, check=True, env=env)
        mine, theirs = paired_ms(ours, plain, repeat)
        results["save (open archive)"] = mine
        results["git add + git commit"] = theirs
        archive.flush_index()

    def cold(n: int) -> None:
        meeting = rng.choice(ids)
        with GitArchive.open(path, graph_every=0, repack_every=0) as archive:
            archive.save(
                {meeting_file(meeting): meeting_yaml(meeting, 5000 + n)},
                message=f"Meeting {meeting}: cold {n}",
                author=CLERK,
                trailers={"Meeting": meeting},
            )

    results["open + save + close"] = median_ms(cold, max(5, repeat // 3))
    return results


def bench_history(path: Path, versions: int, repeat: int) -> dict[str, float]:
    """Median ms: the history of one meeting saved ``versions`` times (its versions among
    the archive's others), beside plain ``git log -- <folder>`` of the same folder."""
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull}
    meeting = "committee-99/2030-01-31"
    folder = meeting_dir(meeting)
    with GitArchive.open(path) as archive:  # packing and commit-graph as a clerk's archive has them
        for n in range(versions):
            archive.save({meeting_file(meeting): meeting_yaml(meeting, n)},
                         message=f"Meeting {meeting}: revision {n}", author=CLERK,
                         trailers={"Meeting": meeting})
        archive.write_commit_graph()
        count = len(archive.history(folder, with_paths=False))
        results = {"versions of the meeting": float(count)}
        plain = ["git", "log", "-z", f"--format={LOG_FORMAT}", "HEAD", "--", folder]
        pairs = {
            "history (one meeting)": (
                lambda: archive.history(folder, with_paths=False, tags_under=meeting + "/"),
                plain,
            ),
            "history with paths": (
                lambda: archive.history(folder, tags_under=meeting + "/"),
                [*plain[:3], "--name-only", *plain[3:]],
            ),
        }
        for name, (mine, peer) in pairs.items():
            results[name], results[f"git log ({name})"] = paired_ms(
                lambda n, mine=mine: mine(),
                lambda n, peer=peer: subprocess.run(peer, cwd=path, check=True, capture_output=True,
                                                    env=env),
                repeat,
            )
    return results


_SAVER = """
import sys
from archive import GitArchive, Identity
name, count = sys.argv[2], int(sys.argv[3])
author = Identity("Clerk " + name, name + "@example.org")
with GitArchive.open(sys.argv[1], lock_timeout=60) as archive:
    for n in range(count):
        path = f"meetings/{name}/2031-01-{n % 28 + 1:02d}/meeting.yaml"
        version = archive.save({path: f"{name} {n}\\n".encode(),
                                "people/register.yaml": f"{name} {n}\\n".encode()},
                               message=f"{name} {n}", author=author)
        print(version.commit, path, n, flush=True)
"""


def bench_faults(path: Path, runs: int) -> dict[str, float]:
    """Two writers at once, one of them killed at a random moment, ``runs`` times; then
    every acknowledged save is looked for and ``git fsck --strict`` run."""
    rng = random.Random(5)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    acknowledged: list[tuple[str, str, str]] = []
    for run in range(runs):
        procs = [
            subprocess.Popen([sys.executable, "-c", _SAVER, str(path), f"w{run}-{k}", "400"],
                             stdout=subprocess.PIPE, text=True, env=env)
            for k in range(2)
        ]
        time.sleep(rng.uniform(0.2, 1.0))
        procs[0].kill()
        for proc in procs:
            out, _ = proc.communicate()
            for line in out.splitlines():
                parts = line.split()
                if len(parts) == 3:
                    acknowledged.append((parts[0], parts[1], f"{parts[1].split('/')[1]} {parts[2]}"))
    missing = 0
    for commit, rel, text in acknowledged:
        shown = subprocess.run(["git", "show", f"{commit}:{rel}"], cwd=path, capture_output=True,
                               text=True, check=False)
        reachable = subprocess.run(["git", "merge-base", "--is-ancestor", commit, "main"], cwd=path,
                                   check=False).returncode == 0
        missing += not (reachable and shown.stdout == text + "\n")
    fsck = subprocess.run(["git", "fsck", "--strict", "--no-progress", "--no-dangling"], cwd=path,
                          capture_output=True, text=True, check=False)
    clean = fsck.returncode == 0 and not (fsck.stdout + fsck.stderr).strip()
    return {"acknowledged saves": float(len(acknowledged)), "missing": float(missing),
            "killed": float(runs), "fsck clean": float(clean)}


def run(commits: int, meetings: int, repeat: int, versions: int = 1000,
        faults: int = 10) -> dict[str, float]:
    """Build or reuse the archive, measure on a scratch copy, return the medians (ms)."""
    start = time.perf_counter()
    pristine = cached_archive(commits, meetings)
    built = time.perf_counter() - start
    scratch = fresh_copy(pristine, WORK / "scratch")
    try:
        results = {"archive ready (s)": built}
        results.update(bench_save(scratch, meetings, repeat))
        results.update(bench_history(scratch, versions, repeat))
        if faults:
            results.update(bench_faults(scratch, faults))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return results


def _report(results: dict[str, float], commits: int, meetings: int) -> str:
    save = results["save (open archive)"]
    git_save = results["git add + git commit"]
    rows = [
        ("save, open archive", save, git_save, "<= 1.0x git and <= 25 ms",
         save <= git_save and save <= 25),
        ("save, open+save+close", results["open + save + close"], git_save,
         "(CLI: one save per process)", True),
    ]
    for name, label in (("history (one meeting)", "history of one meeting"),
                        ("history with paths", "history with paths")):
        ours, theirs = results[name], results[f"git log ({name})"]
        rows.append((label, ours, theirs, "<= 1.2x git log", ours <= 1.2 * theirs))
    lines = [
        f"archive: {commits} commits, {meetings} meetings, "
        f"{results['versions of the meeting']:.0f} versions in the meeting whose history is "
        f"listed; ready in {results['archive ready (s)']:.1f} s",
        f"{'measure':<26}{'ours ms':>10}{'git ms':>10}{'ratio':>8}  target",
    ]
    for name, ours, theirs, target, ok in rows:
        mark = "ok" if ok else "MISSED"
        lines.append(
            f"{name:<26}{ours:>10.2f}{theirs:>10.2f}{ours / theirs:>8.2f}  {target} {mark}"
        )
    if "acknowledged saves" in results:
        ok = results["missing"] == 0 and results["fsck clean"] == 1
        lines.append(
            f"faults: {results['killed']:.0f} runs of two writers at once, one killed; "
            f"{results['acknowledged saves']:.0f} acknowledged saves, "
            f"{results['missing']:.0f} missing; git fsck --strict "
            f"{'clean' if results['fsck clean'] else 'NOT clean'} "
            f"(target: 0 missing, clean) {'ok' if ok else 'MISSED'}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=20_000)
    parser.add_argument("--meetings", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--versions", type=int, default=1_000)
    parser.add_argument("--faults", type=int, default=10, help="runs of the kill test (0: none)")
    args = parser.parse_args(argv)
    os.environ.setdefault("GIT_CONFIG_GLOBAL", os.devnull)
    results = run(args.commits, args.meetings, args.repeat, args.versions, args.faults)
    print(_report(results, args.commits, args.meetings))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
