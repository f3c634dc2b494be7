"""Run every benchmark script and print one table: median, peer, ratio, target, verdict.

Runs ``bench_archive.py``, ``bench_render.py``, ``bench_service.py``, ``bench_tui.py`` and
``bench_site.py`` (when present), each in its own process, one after the other (never in parallel, so they
do not disturb each other's timings). Each figure is the script's median over repeated
runs; the peer (plain git, pandoc) is measured by the same script in the same run.

Usage: .venv/bin/python benchmarks/run.py [--quick] [--only archive,render,service,tui,site]
``--quick`` uses a small archive and few repeats: a smoke test, not figures to quote.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import platform
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

__all__ = ["Figure", "main"]


@dataclass(frozen=True)
class Figure:
    script: str
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


QUICK = {
    "archive": ["--commits", "2000", "--meetings", "200", "--repeat", "10", "--versions", "100",
                "--faults", "2"],
    "render": ["--runs", "10"],
    "service": ["--commits", "2000", "--meetings", "200", "--versions", "100", "--repeat", "10"],
    "tui": ["--runs", "3", "--keys", "100"],
    "site": ["--meetings", "200", "--repeat", "1"],
}


def _run(script: str, args: list[str]) -> str:
    done = subprocess.run([sys.executable, str(HERE / f"bench_{script}.py"), *args],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"bench_{script}.py failed:\n{done.stderr[-2000:]}")
    return done.stdout


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return math.nan


def parse_archive(out: str) -> list[Figure]:
    """Rows of bench_archive's table: name, ours, git, ratio, target, ok/MISSED."""
    figures = []
    row = re.compile(r"^(.{26})\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+(.*?)\s*(ok|MISSED)?$")
    for line in out.splitlines():
        match = row.match(line)
        if match:
            name, ours, peer, _, target, verdict = match.groups()
            peer_name = "git log -- folder" if "history" in name else "git add + git commit"
            ok = None if target.startswith("(") else verdict == "ok"
            figures.append(Figure("archive", name.strip(), float(ours), peer_name, float(peer), target, ok))
    return figures


def _limit_ok(value: float, target: str) -> bool | None:
    match = re.search(r"<=\s*([\d.]+)", target)
    return value <= float(match.group(1)) if match else None


def parse_render(out: str) -> list[Figure]:
    """Rows of bench_render's table; the whole process is paired with bare python-docx."""
    values: dict[str, tuple[float, str]] = {}
    for line in out.splitlines()[1:]:
        match = re.match(r"^(.{40})\s+(\S+)\s*(?:ms)?\s*(.*)$", line)
        if match:
            values[match.group(1).strip()] = (_number(match.group(2)), match.group(3).strip())
    figures = []
    for name, (value, target) in values.items():
        if name.startswith("in-process"):
            figures.append(Figure("render", name, value, target=target or "(no target)",
                                  ok=_limit_ok(value, target)))
    whole = values.get("whole process, minutes, 10 items")
    bare = values.get("bare python-docx script, same minutes")
    pandoc = values.get("pandoc, same minutes as Markdown")
    if whole and bare:
        figures.append(Figure("render", "whole `minutebook render` process, 10 items", whole[0],
                              "bare python-docx script", bare[0], "<= 1.3x python-docx",
                              whole[0] <= 1.3 * bare[0]))
    if whole and pandoc:
        figures.append(Figure("render", "the same process beside pandoc (reference)", whole[0],
                              "pandoc", pandoc[0], "(reference only)", None))
    return figures


def parse_service(out: str) -> list[Figure]:
    rows = json.loads(out.strip().splitlines()[-1])
    return [Figure("service", r["name"], r["ours"], r["peer_name"], r["peer"], r["target"], r["ok"],
                   r["peak_kib"]) for r in rows]


def parse_generic(script: str, out: str) -> list[Figure]:
    """Any other script: lines ending in a number of ms (shown without a verdict)."""
    figures = []
    for line in out.splitlines():
        match = re.match(r"^(.+?)\s{2,}([\d.]+)\s*ms\b\s*(.*)$", line)
        if match:
            value = float(match.group(2))
            target = match.group(3).strip()
            figures.append(Figure(script, match.group(1).strip(), value, target=target,
                                  ok=_limit_ok(value, target)))
    return figures


def parse_tui(out: str) -> list[Figure]:
    """Rows of bench_tui's table: name, result, target, yes/NO."""
    figures = []
    for line in out.splitlines():
        match = re.match(r"^(.+?)\s+([\d.]+)\s+([\d.]+)\s+(yes|NO)$", line)
        if match:
            name, value, target, verdict = match.groups()
            label = "first paint, 500 meetings, from start" if "paint" in name else name
            figures.append(Figure("tui", label.replace(" (ms)", ""), float(value),
                                  target=f"<= {float(target):g} ms", ok=verdict == "yes"))
    return figures


def parse_site(out: str) -> list[Figure]:
    """Rows of bench_site: the whole build is paired with ``cp -r`` of the finished site."""
    figures = [f for f in parse_generic("site", out) if "(peer)" not in f.name]
    peer = next((f.ours for f in parse_generic("site", out) if "(peer)" in f.name), None)
    return [dataclasses.replace(f, peer_name="cp -r of the site", peer=peer,
                                target=f.target.split("  ")[0])
            if f.name.startswith("whole site") else dataclasses.replace(
                f, target=f.target or "(no target)") for f in figures]


PARSERS: dict[str, Callable[[str], list[Figure]]] = {
    "archive": parse_archive,
    "render": parse_render,
    "service": parse_service,
    "tui": parse_tui,
    "site": parse_site,
}


def collect(scripts: list[str], quick: bool) -> tuple[list[Figure], dict[str, str]]:
    figures: list[Figure] = []
    raw: dict[str, str] = {}
    for script in scripts:
        if not (HERE / f"bench_{script}.py").exists():
            raw[script] = f"bench_{script}.py is not present; skipped."
            continue
        args = list(QUICK[script]) if quick else []
        if script == "service":
            args.append("--json")
        started = time.perf_counter()
        try:
            out = _run(script, args)
        except RuntimeError as exc:
            raw[script] = str(exc)
            figures.append(Figure(script, f"bench_{script}.py failed (see below)", math.nan, ok=False))
            continue
        raw[script] = out + f"\n({time.perf_counter() - started:.0f} s)"
        parser = PARSERS.get(script)
        figures += parser(out) if parser else parse_generic(script, out)
    return figures, raw


def table(figures: list[Figure]) -> str:
    lines = [f"{'script':8} {'measure':50}{'median ms':>10}  {'peer':22}{'peer ms':>9}{'ratio':>7}"
             f"{'peak KiB':>10}  {'target':28} result"]
    for f in figures:
        peer = f"{f.peer:9.2f}" if f.peer is not None else f"{'-':>9}"
        ratio = f"{f.ratio:7.2f}" if f.ratio is not None else f"{'-':>7}"
        mem = f"{f.peak_kib:10.0f}" if f.peak_kib is not None else f"{'-':>10}"
        result = "-" if f.ok is None else ("pass" if f.ok else "FAIL")
        lines.append(f"{f.script:8} {f.name[:50]:50}{f.ours:10.2f}  {f.peer_name[:22]:22}{peer}{ratio}"
                     f"{mem}  {f.target[:28]:28} {result}")
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    git = subprocess.run(["git", "--version"], capture_output=True, text=True, check=False).stdout.strip()
    import os

    return f"{cpu}, {os.cpu_count()} cores; Python {platform.python_version()}; {git}; {platform.platform()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small archive, few repeats (smoke test)")
    parser.add_argument("--only", default="archive,render,service,tui,site")
    parser.add_argument("--raw", action="store_true", help="also print each script's own output")
    args = parser.parse_args(argv)
    figures, raw = collect([s.strip() for s in args.only.split(",") if s.strip()], args.quick)
    print(f"machine: {machine()}")
    print(table(figures))
    for script, out in raw.items():
        if args.raw or script not in PARSERS or "failed" in out[:40]:
            print(f"\n--- bench_{script}.py ---\n{out}")
    failed = [f for f in figures if f.ok is False]
    if failed:
        print(f"\n{len(failed)} target(s) missed: " + "; ".join(f"{f.name} ({f.ours:.1f} ms)" for f in failed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
