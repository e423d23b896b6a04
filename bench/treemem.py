"""Memory of a whole process tree: a command and every process it starts, sampled while it runs.

A build may run phases in child processes (extraction, loading the store); the peak RSS of the
parent alone (``ru_maxrss`` of ``RUSAGE_SELF``) would then miss what moved into them. So the
benchmarks run the build as a command and sample, every ``interval`` seconds, the RSS and the
PSS of that process and of all its descendants (from ``/proc``), summed: the tree's memory at
that moment. RSS counts a page every process maps once per process (pages a forked child shares
with its parent are counted twice: an over-estimate); PSS divides a shared page among the
processes that map it (what the tree takes from the machine). Sampling can miss a peak shorter
than the interval, so the command's own high-water marks are reported beside the samples: the
parent's ``ru_maxrss`` and the largest child's (``RUSAGE_CHILDREN``), read by the command itself
and printed on its last line, whose sum bounds the tree's peak from above when at most one child
runs at a time.

Linux only (``/proc``).
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            try:
                text = Path(f"/proc/{pid}/task/{task}/children").read_text()
            except OSError:
                continue
            out.extend(int(x) for x in text.split())
    except OSError:
        pass
    return out


def tree(pid: int) -> list[int]:
    """``pid`` and all its descendants alive now."""
    seen, stack = [], [pid]
    while stack:
        p = stack.pop()
        seen.append(p)
        stack.extend(_children(p))
    return seen


def _kb(path: str, keys: tuple[str, ...]) -> dict[str, int]:
    out = {}
    try:
        for line in Path(path).read_text().splitlines():
            name = line.split(":", 1)[0]
            if name in keys:
                out[name] = int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return out


def tree_memory(pid: int) -> tuple[int, int, int]:
    """(RSS, PSS, processes) of ``pid``'s tree now; RSS and PSS in kB."""
    rss = pss = count = 0
    for p in tree(pid):
        values = _kb(f"/proc/{p}/smaps_rollup", ("Rss", "Pss"))
        if not values:
            continue
        rss += values.get("Rss", 0)
        pss += values.get("Pss", 0)
        count += 1
    return rss, pss, count


@dataclass
class TreePeak:
    """Peaks of a command's process tree, in MB."""

    rss: float = 0.0
    pss: float = 0.0
    processes: int = 0  # the most processes alive at one sample
    samples: int = 0
    stdout: str = ""
    timeline: list[tuple[float, float, float]] = field(default_factory=list)  # (s, RSS MB, PSS MB)


def run(cmd: list[str], *, env: dict[str, str] | None = None, interval: float = 0.1, cwd: str | None = None) -> TreePeak:
    """Run ``cmd`` to the end, sampling its tree's memory; raise if it fails."""
    peak = TreePeak()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, text=True)
    done = threading.Event()
    t0 = time.perf_counter()

    def sample() -> None:
        while not done.is_set():
            rss, pss, count = tree_memory(proc.pid)
            if count:
                peak.rss = max(peak.rss, rss / 1024)
                peak.pss = max(peak.pss, pss / 1024)
                peak.processes = max(peak.processes, count)
                peak.samples += 1
                peak.timeline.append((round(time.perf_counter() - t0, 1), round(rss / 1024), round(pss / 1024)))
            done.wait(interval)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        peak.stdout = proc.communicate()[0]
    finally:
        done.set()
        thread.join()
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd, peak.stdout)
    return peak
