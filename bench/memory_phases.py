"""Where a streaming build's memory goes: peak RSS and the Python heap, phase by phase.

Runs what ``kg.build.add_reports`` runs, one phase at a time, on the first N reports of a folder
(``bench/generate.py`` writes them), then, with ``--outputs``, what ``kg build`` writes after it
(``build.write_outputs``: ``graph.ttl``, the triple count, ``graph.html``, and with ``--shacl`` the
SHACL check), and prints for each phase: the process's peak RSS within the phase (the kernel's
high-water mark, reset at the start of each phase through ``/proc/self/clear_refs`` where Linux
allows it, else the peak so far), its RSS at the end of the phase, and, with ``--trace``, the
Python heap's peak within the phase and at its end (tracemalloc) with the lines that allocated most
of it. RSS minus the heap is native memory: pyoxigraph (RocksDB), SQLite's page cache, spaCy's C
structures, the allocator's free lists.

    python bench/memory_phases.py DOCS N [--results FILE] [--outputs [--shacl]] [--trace] [--top 8]
    python bench/memory_phases.py --store DIR [--shacl] [--trace]   # the output phases of a kept store

``--keep-store DIR`` keeps the store built; ``--store DIR`` then measures the output phases alone on
it, in a fresh process (each phase's rise is the peak minus the RSS at its start, 1 s after the store
is opened).

``--results FILE`` reads extraction results (one JSON array ``[id, path, result]`` a line, what
the build spills) instead of extracting, and writes them there when the file does not exist yet,
so that the phases after extraction can be measured again without paying for it.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_mb() -> float:
    """The peak RSS since the last :func:`reset_peak` (``VmHWM``), else since the start."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak() -> bool:
    """Reset the kernel's peak RSS of this process to its RSS now (Linux >= 4.0); False where it cannot."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


class Phases:
    def __init__(self, trace: bool, top: int) -> None:
        self.trace, self.top = trace, top
        self.rows: list[dict] = []

    def start(self) -> None:
        self.t0 = time.perf_counter()
        self.resets = reset_peak()
        self.rss0 = rss_mb()
        if self.trace:
            tracemalloc.reset_peak()

    def end(self, name: str) -> None:
        row = {"phase": name, "s": round(time.perf_counter() - self.t0, 1), "RSS at start (MB)": round(self.rss0),
               ("peak RSS (MB)" if self.resets else "peak RSS so far (MB)"): round(peak_mb()), "RSS (MB)": round(rss_mb()),
               "load": Path("/proc/loadavg").read_text().split()[0]}
        if self.trace:
            current, peak = tracemalloc.get_traced_memory()
            row["heap peak (MB)"] = round(peak / 2**20, 1)
            row["heap now (MB)"] = round(current / 2**20, 1)
            stats = tracemalloc.take_snapshot().statistics("lineno")[: self.top]
            row["top"] = [f"{s.size / 2**20:.1f} MB {s.traceback[0].filename.rsplit('/', 2)[-1]}:{s.traceback[0].lineno}"
                          for s in stats]
        self.rows.append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", nargs="?")
    parser.add_argument("n", type=int, nargs="?")
    parser.add_argument("--results")
    parser.add_argument("--trace", action="store_true")
    parser.add_argument("--outputs", action="store_true", help="then write graph.ttl, count the triples and write graph.html, each a phase")
    parser.add_argument("--shacl", action="store_true", help="with --outputs: then the SHACL check (slow: pyshacl took minutes a slice of 20,000 triples on the loaded 2-core machine)")
    parser.add_argument("--top", type=int, default=8)
    parser.add_argument("--keep-store", help="build the store here (kept) instead of in a temporary folder")
    parser.add_argument("--store", help="measure the output phases only, on this store (kept by --keep-store)")
    parser.add_argument("--out", help="with --store: write graph.ttl and graph.html here (kept) instead of a temporary folder")
    args = parser.parse_args()
    if args.store:
        return outputs_of_kept(args)
    if args.docs is None or args.n is None:
        parser.error("give DOCS and N, or --store DIR")

    from kg.build import _names_only, refresh_background
    from kg.rdfmap import map_report
    from kg.resolution import Resolver
    from kg.store import open_store

    phases = Phases(args.trace, args.top)
    if args.trace:
        tracemalloc.start()
    paths = sorted(Path(args.docs).glob("*.txt"))[: args.n]
    cached = Path(args.results) if args.results else None
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryFile() as spill:
        reading = cached is not None and cached.exists()
        phases.start()
        if reading:
            with cached.open("rb") as handle:
                for _, line in zip(range(args.n), handle):
                    spill.write(line)
        else:
            from kg.parallel import extract_paths

            for item in extract_paths(paths, jobs=1):
                spill.write(json.dumps([item.id, item.path, item.result], ensure_ascii=False).encode("utf-8") + b"\n")
            if cached is not None:
                spill.seek(0)
                with cached.open("wb") as handle:  # in blocks: reading the spill whole peaked at its size
                    shutil.copyfileobj(spill, handle)
        phases.end("results read" if reading else "extraction + spill")

        store = open_store("oxigraph", args.keep_store or tmp + "/store")
        phases.start()
        resolver = Resolver()
        spill.seek(0)
        for line in spill:
            resolver.add(_names_only(json.loads(line)[2]))
        phases.end("resolver.add")
        phases.start()
        resolver.finish()
        phases.end("resolver.finish")
        phases.start()
        spill.seek(0)

        def mapped():
            for line in spill:
                doc_id, path, result = json.loads(line)
                yield doc_id, map_report(result, report_path=path, resolver=resolver)

        from kg import names

        update = names.update

        def timed_update(*a, **k):  # the names graph is written after the last slice
            phases.end("map + bulk_extend slices")
            phases.start()
            return update(*a, **k)

        names.update = timed_update
        store.bulk_add_reports(mapped())
        names.update = update
        phases.end("names.update (bulk)")
        resolver.close()
        phases.start()
        refresh_background(store)
        phases.end("refresh_background")
        if args.outputs:
            output_phases(store, Path(tmp), phases, args.shacl)
        store.close()


def output_phases(store, tmp: Path, phases: Phases, shacl: bool) -> None:
    """What ``build.write_outputs`` runs, a phase each."""
    from kg.validate import validate_store
    from kg.viz import write_html

    out = tmp / "out"
    out.mkdir(parents=True, exist_ok=True)
    phases.start()
    store.dump(out / "graph.ttl", format="turtle")
    phases.end("graph.ttl")
    phases.start()
    store.distinct_triples()  # what write_outputs counts
    phases.end("triple count")
    phases.start()
    write_html(store, out / "graph.html")
    phases.end("graph.html")
    if shacl:
        phases.start()
        validate_store(store)
        phases.end("SHACL check")


def outputs_of_kept(args: argparse.Namespace) -> None:
    """The output phases on a kept store, in this fresh process."""
    import kg.viz  # noqa: F401 - imported before the first phase, as in a build
    from kg.store import open_store

    phases = Phases(args.trace, args.top)
    if args.trace:
        tracemalloc.start()
    store = open_store("oxigraph", args.store)
    store.query("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    time.sleep(1)
    with tempfile.TemporaryDirectory() as tmp:
        output_phases(store, Path(args.out or tmp), phases, args.shacl)
    store.close()


if __name__ == "__main__":
    main()
