"""Benchmark: one very large report through ``kg build``, its time and peak memory.

Writes one report of at least ``--mb`` megabytes (UTF-8) made of the seed reports repeated
(``--one-line`` drops every line break, the worst case for segmenting), runs ``kg build`` on it
in a child process, and prints the wall time, the child's peak resident memory, and the
manifest's account. Goal: peak memory bounded (it grows with the extraction result, not with
spaCy's document of the whole text; see ``kg.segments``).

    python bench/big_report.py [--mb 50] [--one-line] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=50.0, help="size of the report in megabytes of UTF-8")
    parser.add_argument("--one-line", action="store_true", help="no line breaks at all")
    parser.add_argument("--keep", help="build in this folder and keep it (default: a temporary folder)")
    args = parser.parse_args()
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kg-big-"))
    base.mkdir(parents=True, exist_ok=True)
    seeds = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    if args.one_line:
        seeds = seeds.replace("\n", "").replace("\r", "")
    unit = seeds.encode("utf-8")
    target = int(args.mb * 1024 * 1024)
    report = base / "big.txt"
    with report.open("wb") as handle:
        written = 0
        while written < target:
            handle.write(unit)
            written += len(unit)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]))
    started = time.monotonic()
    child = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", str(report), "--store", str(base / "store"), "--out", str(base / "out"), "-q"],
        env=env, capture_output=True, text=True,
    )
    elapsed = time.monotonic() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"report: {report.stat().st_size / 1e6:.1f} MB, {len(unit) and report.stat().st_size // len(unit)} copies of the seeds"
          f"{' on one line' if args.one_line else ''}")
    print(f"exit {child.returncode}; wall {elapsed:.0f} s; peak RSS {peak_mb:.0f} MB")
    if child.returncode:
        print(child.stderr[-2000:])
    manifest = base / "out" / "manifest.json"
    if manifest.exists():
        data = json.loads(manifest.read_text(encoding="utf-8"))
        print("manifest counts:", data["counts"])
    if not args.keep:
        import shutil

        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
