"""Benchmark: kg at scale, each figure beside its reference from the same run.

Stages (``--stages``, default all), on reports from ``bench/generate.py`` (deterministic):

* ``startup``: wall time of ``kg --version`` and of ``kg extract`` on one short report;
* ``jobs``: extraction throughput with 1 and 2 worker processes (wall time, best of two runs
  each, alternated; goal >= 1.8x), with the CPU throughput of one process and the load average
  beside it (another job on the 2 cores takes from the second worker first);
* ``memory``: peak memory of a streaming build (``build.add_reports``, ``--jobs 1``) of N1 and N2
  reports, the whole process tree sampled (``bench/treemem.py``: RSS and PSS summed over the
  build and the processes it starts), with the parent's and the largest child's own peaks
  (goal: ratio <= 1.2);
* ``outputs``: a build of N1 and N2 generated reports from their gold (no extraction): peak RSS
  of resolving, mapping and bulk-loading them (one process), then of what ``kg build`` writes
  after loading (``build.write_outputs``: ``graph.ttl``, ``graph.html``, the SHACL check) in a
  fresh process;
* ``rebuild``: ``kg build`` of N generated reports into a fresh store, then the same build again
  with nothing changed (the store and outputs reused), then again after one report changed (one
  extracted, the store rebuilt), each in its own process (wall time; goal: the unchanged rebuild
  <= 2% of the full build);
* ``load``: writing a graph with kg's bulk path against pyoxigraph's own ``bulk_load`` of the
  same N-Triples (goal >= 0.5x);
* ``export``: ``kg export`` of the graphs of ``--triples`` as N-Triples (the union, deduplicated
  and sorted), N-Quads and Turtle, against pyoxigraph's own unsorted N-Quads dump of the same
  store (goal: within 3x);
* ``queries``: every named query p50/p95 on a graph of ``--triples`` triples in kg's on-disk
  store, against pyoxigraph in memory (within 2x) and, where ``--rdflib`` allows, rdflib (goal:
  kg >= 10x faster): without parameters (``--runs`` runs), and with each parameter it declares
  (``--runs`` values of that column from the rows without parameters, each run once; not in
  rdflib). The graph is mapped from the generator's gold (what a perfect
  extractor would find), so its size is known without paying for extraction.

Prints a table and writes ``--json`` (default ``build/bench-scale.json``).

    python bench/scale.py [--stages startup,jobs,memory,outputs,rebuild,load,queries] [--triples 10000,100000,1000000]
                          [--memory-reports 100,1000] [--outputs-reports 250,1000] [--jobs-reports 200]
                          [--rebuild-reports 300]
                          [--rdflib 20000] [--limit 60]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator

from tqdm import tqdm

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (bench/generate.py)

PY = sys.executable
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}


def write_reports(folder: Path, n: int, seed: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        text, gold = generate.report(seed, i)
        path = folder / f"{gold['doc']}.txt"
        if not path.exists():
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def wall(cmd: list[str], repeat: int = 3) -> float:
    best = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, env=ENV, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    return best


def stage_rebuild(work: Path, out: dict, n: int) -> None:
    import shutil

    docs = work / "rebuild-docs"
    shutil.rmtree(docs, ignore_errors=True)
    paths = write_reports(docs, n)
    store, built = work / "rebuild-store", work / "rebuild-out"
    for folder in (store, built):
        shutil.rmtree(folder, ignore_errors=True)
    cmd = [PY, "-m", "kg.cli", "build", str(docs), "--store", str(store), "--out", str(built), "-q", "--jobs", "1"]
    full = wall(cmd, repeat=1)
    unchanged = wall(cmd, repeat=3)
    paths[0].write_text(paths[0].read_text(encoding="utf-8") + "\n", encoding="utf-8")
    one_changed = wall(cmd, repeat=1)
    out["rebuild"] = {"reports": n, "full build (s)": round(full, 2), "unchanged rebuild (s)": round(unchanged, 2),
                      "unchanged / full": round(unchanged / full, 4), "one report changed (s)": round(one_changed, 2)}


def stage_startup(work: Path, out: dict) -> None:
    one = write_reports(work / "one", 1)[0]
    out["startup"] = {
        "kg --version (s)": round(wall([PY, "-m", "kg.cli", "--version"]), 2),
        "kg extract one report (s)": round(wall([PY, "-m", "kg.cli", "extract", str(one), "--jobs", "1"]), 2),
        "python -c pass (s)": round(wall([PY, "-c", "pass"]), 2),
    }


def stage_jobs(work: Path, out: dict, n: int, repeat: int = 2) -> None:
    from kg.nlp import make_nlp
    from kg.parallel import extract_paths

    paths = write_reports(work / "docs", n)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    make_nlp()("预热，钱俊君")
    load_before = os.getloadavg()[0]
    times: dict = {1: [], 2: []}
    outputs = {}
    cpu1 = []
    for _ in range(repeat):  # alternated, best of each: the machine's load moves between runs
        for jobs in (1, 2):
            t0, c0 = time.perf_counter(), time.process_time()
            results = [x.result for x in extract_paths(paths, jobs=jobs)]
            times[jobs].append(time.perf_counter() - t0)
            if jobs == 1:
                cpu1.append(time.process_time() - c0)
            outputs[jobs] = json.dumps(results, ensure_ascii=False)
    best1, best2 = min(times[1]), min(times[2])
    out["jobs"] = {"reports": n, "chars": chars,
                   "jobs 1 (chars/s)": round(chars / best1), "jobs 2 (chars/s)": round(chars / best2),
                   "speed-up": round(best1 / best2, 2), "identical": outputs[1] == outputs[2],
                   "jobs 1 (chars/CPU s)": round(chars / min(cpu1)),
                   "load average": [round(load_before, 1), round(os.getloadavg()[0], 1)]}


_MEMORY = """
import resource, sys, tempfile
from pathlib import Path
from kg.build import add_reports
from kg.store import open_store
paths = sorted(Path(sys.argv[1]).glob('*.txt'))[:int(sys.argv[2])]
with tempfile.TemporaryDirectory() as tmp:
    store = open_store('oxigraph', tmp + '/store')
    summary = add_reports(store, paths, jobs=1)
    store.close()
print(summary.reports, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def stage_memory(work: Path, out: dict, sizes: list[int]) -> None:
    """Peak memory of the whole process tree of a streaming build (``treemem``): the build may
    run phases in child processes, and the parent's own peak would not count them."""
    import treemem

    write_reports(work / "docs", max(sizes))
    rows = {}
    for n in sizes:
        peak = treemem.run([PY, "-c", _MEMORY, str(work / "docs"), str(n)], env=ENV)
        reports, parent, child = (int(x) for x in peak.stdout.split()[-3:])
        rows[n] = {"tree peak RSS (MB)": round(peak.rss), "tree peak PSS (MB)": round(peak.pss),
                   "parent peak (MB)": round(parent / 1024), "largest child peak (MB)": round(child / 1024),
                   "processes": peak.processes}
        print(f"memory: streaming build of {reports} reports: " + ", ".join(f"{k} {v}" for k, v in rows[n].items()), flush=True)
    small, large = rows[min(sizes)], rows[max(sizes)]
    out["memory"] = {f"{n} reports": row for n, row in rows.items()}
    for key in ("tree peak RSS (MB)", "tree peak PSS (MB)"):
        out["memory"][f"ratio, {key.split(' (')[0]}"] = round(large[key] / max(small[key], 1), 2)
    # the sum of the parent's and the largest child's high-water marks bounds the tree's peak
    # from above when one child runs at a time (the samples may miss a short peak)
    bound = {n: row["parent peak (MB)"] + row["largest child peak (MB)"] for n, row in rows.items()}
    out["memory"]["ratio, parent + largest child"] = round(bound[max(sizes)] / max(bound[min(sizes)], 1), 2)


_GOLD_STORE = """
import resource, sys
sys.path.insert(0, sys.argv[3])
import generate
from kg.rdfmap import map_report
from kg.resolution import resolve
from kg.store import open_store
n = int(sys.argv[2])
def gold(i):
    result = generate.report(1, i)[1]
    for relation in result['relations']:
        relation.setdefault('rule', 'gold')  # what the shapes ask of evidence, so that the graph conforms
    return result
resolver = resolve(gold(i) for i in range(n))
store = open_store('oxigraph', sys.argv[1])
store.bulk_add_reports((g['doc'], map_report(g, resolver=resolver)) for g in (gold(i) for i in range(n)))
store.close()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

_OUTPUTS = """
import resource, sys, time
from kg.build import BuildSummary, refresh_background, write_outputs
from kg.store import open_store
store = open_store('oxigraph', sys.argv[1])
refresh_background(store)
t0 = time.perf_counter()
summary = write_outputs(store, sys.argv[2], BuildSummary())
store.close()
print(summary.triples, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, round(time.perf_counter() - t0, 1), summary.conforms)
"""


def stage_outputs(work: Path, out: dict, sizes: list[int]) -> None:
    rows = {}
    for n in sizes:
        store = work / f"gold-store-{n}"
        subprocess.run(["rm", "-rf", str(store)], check=True)
        loaded = subprocess.run([PY, "-c", _GOLD_STORE, str(store), str(n), str(HERE)], env=ENV, check=True,
                                capture_output=True, text=True).stdout.split()
        done = subprocess.run([PY, "-c", _OUTPUTS, str(store), str(work / f"outputs-{n}")], env=ENV, check=True,
                              capture_output=True, text=True).stdout.split()
        rows[n] = {"triples": int(done[0]), "load peak RSS (MB)": round(int(loaded[0]) / 1024),
                   "outputs peak RSS (MB)": round(int(done[1]) / 1024), "outputs (s)": float(done[2]),
                   "conforms": done[3] == "True"}
        print("outputs", n, rows[n], flush=True)
    out["outputs"] = {f"{n} reports": row for n, row in rows.items()}
    for what in ("load", "outputs"):
        out["outputs"][f"{what} ratio"] = round(rows[max(sizes)][f"{what} peak RSS (MB)"] / rows[min(sizes)][f"{what} peak RSS (MB)"], 2)


def gold_graph(triples: int) -> tuple[list[tuple[str, list]], int]:
    """(doc id, quads) of generated reports (seed 1), mapped from their gold, about ``triples``
    quads in all (the number of reports is set from the quads of the first 20)."""
    mapped, total = [], 0
    for doc, quads in gold_stream(triples):
        quads = list(quads)
        mapped.append((doc, quads))
        total += len(quads)
    return mapped, total


def gold_stream(triples: int) -> Iterator[tuple[str, Any]]:
    """The reports of :func:`gold_graph`, each mapped when it is read: for a graph whose quads
    do not fit in memory as rdflib objects (10M quads)."""
    from kg.rdfmap import map_report
    from kg.resolution import resolve

    sample = [generate.report(1, i)[1] for i in range(20)]
    per_report = sum(len(list(map_report(g))) for g in sample) / len(sample)
    golds = [generate.report(1, i)[1] for i in range(max(1, round(triples / per_report)))]
    resolver = resolve(golds)
    for gold in tqdm(golds, desc=f"mapping and loading ~{triples:,} quads", unit="report", leave=False):
        yield gold["doc"], map_report(gold, resolver=resolver)


def stage_load_and_queries(work: Path, out: dict, sizes: list[int], rdflib_limit: int, runs: int, limit: float,
                           stages: list[str], only: list[str] | None = None) -> None:
    import pyoxigraph as ox

    from kg.build import refresh_background
    from kg.namespace import PREFIXES
    from kg.query import declared_params, load_query, query_names
    from kg.store import open_store
    from kg.terms import _substitutions

    out["load"], out["queries"] = {}, {}
    previous: dict[str, float] = {}
    last_size = None
    for size in sizes:
        done = work / f"graph-{size}.json"  # written once the store, its N-Quads and the references are complete
        nq = work / f"graph-{size}.nq"
        if "load" not in stages and done.exists():
            # a store of this size from an earlier run in the same --work folder: its queries only
            n = json.loads(done.read_text())["quads"]
            store = open_store("oxigraph", work / f"store-{size}")
            print(f"queries: reusing the graph of {n:,} quads in {work}", flush=True)
        else:
            for stale in (done, nq):
                stale.unlink(missing_ok=True)
            subprocess.run(["rm", "-rf", str(work / f"store-{size}"), str(work / f"ref-store-{size}")], check=True)
            store = open_store("oxigraph", work / f"store-{size}")
            if "load" in stages:
                t0 = time.perf_counter()
                mapped, n = gold_graph(size)
                t_map = time.perf_counter() - t0
                t0 = time.perf_counter()
                store.bulk_add_reports(mapped)
                t_kg = time.perf_counter() - t0
                del mapped
            else:  # queries only: mapped while loading, in bounded memory, and not timed
                n = store.bulk_add_reports(gold_stream(size))
            refresh_background(store)
            store._open.dump(str(nq), format=ox.RdfFormat.N_QUADS)  # the same quads, for the references
            if "load" in stages:
                ref = ox.Store(str(work / f"ref-store-{size}"))
                t0 = time.perf_counter()
                ref.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
                t_ref = time.perf_counter() - t0
                del ref
                out["load"][n] = {"mapping from gold (s)": round(t_map, 1), "kg bulk (s)": round(t_kg, 2),
                                  "pyoxigraph bulk_load (s)": round(t_ref, 2), "kg / pyoxigraph speed": round(t_ref / t_kg, 2)}
                print("load", n, out["load"][n], flush=True)
            done.write_text(json.dumps({"quads": n}))
        if "export" in stages:
            out.setdefault("export", {})[n] = row = _export_times(store, work, size)
            print("export", n, row, flush=True)
        if "queries" not in stages:
            store.close()
            continue
        memory = ox.Store()
        memory.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        rdf = None
        if n <= rdflib_limit:
            import rdflib

            rdf = rdflib.Dataset(default_union=True)
            rdf.parse(str(nq), format="nquads")
        rows = {}
        for name in query_names():
            if only and name not in only:
                continue
            text = load_query(name)
            projected = previous.get(name, 0) * (n / last_size) if last_size else 0
            if projected > limit:
                rows[name] = {"skipped": f"projected {projected:.0f} s > {limit:.0f} s from the smaller graph"}
                previous[name] = projected
                continue
            answer = []
            kg_t = _timed(lambda: answer.append(store.query(text, {})), runs, limit)
            mem_t = _timed(lambda: [tuple(row) for row in memory.query(text, prefixes=dict(PREFIXES), use_default_graph_as_union=True)], runs, limit)
            row = {"kg p50 (ms)": kg_t[0], "kg p95 (ms)": kg_t[1], "pyoxigraph p50 (ms)": mem_t[0], "pyoxigraph p95 (ms)": mem_t[1],
                   "kg / pyoxigraph": round(kg_t[0] / max(mem_t[0], 0.01), 2)}
            if rdf is not None:
                row["rdflib (ms)"] = _timed(lambda: list(rdf.query(text)), 1, limit)[0]
                row["rdflib / kg"] = round(row["rdflib (ms)"] / max(kg_t[0], 0.01), 2)
            rows[name] = row
            previous[name] = kg_t[0] / 1000
            print(f"  {n:>9,} quads {name:<18} " + "  ".join(f"{k} {v}" for k, v in row.items()), flush=True)
            for parameter in declared_params(text):
                values = _sampled_values(answer[-1], parameter, runs)
                if not values:
                    continue
                kg_p = _timed_each(lambda value: store.query(text, {parameter: value}).rows, values)
                mem_p = _timed_each(lambda value: [tuple(r) for r in memory.query(
                    text, prefixes=dict(PREFIXES), use_default_graph_as_union=True,
                    substitutions=_substitutions({parameter: value}))], values)
                row = {"values": len(values), "kg p50 (ms)": kg_p[0], "kg p95 (ms)": kg_p[1],
                       "pyoxigraph p50 (ms)": mem_p[0], "pyoxigraph p95 (ms)": mem_p[1],
                       "kg / pyoxigraph": round(kg_p[0] / max(mem_p[0], 0.01), 2)}
                rows[f"{name} --param {parameter}"] = row
                print(f"  {n:>9,} quads {name + ' ' + parameter:<34} " + "  ".join(f"{k} {v}" for k, v in row.items()), flush=True)
        out["queries"][n] = rows
        last_size = n
        store.close()
        del memory, rdf


def _export_times(store, work: Path, size: int) -> dict:
    """``kg export`` of the store (the union as one graph, deduplicated and sorted on disk, and
    the report graphs as N-Quads) against pyoxigraph's own dump of its quads, unsorted."""
    import pyoxigraph as ox

    row = {}
    for label, fmt in (("kg export nt (s)", "nt"), ("kg export nq (s)", "nq"), ("kg export turtle (s)", "turtle")):
        target = work / f"export-{size}.{fmt}"
        t0 = time.perf_counter()
        store.dump(target, format=fmt)
        row[label] = round(time.perf_counter() - t0, 2)
        target.unlink()
    target = work / f"export-{size}-ref.nq"
    t0 = time.perf_counter()
    store._open.dump(str(target), format=ox.RdfFormat.N_QUADS)
    row["pyoxigraph dump nq (s)"] = round(time.perf_counter() - t0, 2)
    target.unlink()
    for label in ("nt", "nq", "turtle"):
        row[f"kg {label} / pyoxigraph"] = round(row[f"kg export {label} (s)"] / max(row["pyoxigraph dump nq (s)"], 0.01), 2)
    return row


def _sampled_values(result, parameter: str, count: int) -> list:
    """Up to ``count`` distinct values of the column named like ``parameter`` in a query's rows
    without parameters, spread over the rows (every named query's parameters are columns)."""
    if parameter not in result.columns:
        return []
    column = result.columns.index(parameter)
    found = list(dict.fromkeys(row[column] for row in result.rows if row[column] not in (None, "")))
    step = max(1, len(found) // count)
    return found[step // 2::step][:count]


def _timed_each(fn, values: list) -> tuple[float, float]:
    """p50 and p95 in ms of one run for each value (a query with a parameter: each value once)."""
    times = []
    for value in values:
        t0 = time.perf_counter()
        fn(value)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return round(statistics.median(times), 1), round(p95, 1)


def _timed(fn, runs: int, limit: float) -> tuple[float, float]:
    """p50 and p95 in ms over up to ``runs`` runs, fewer where a run is long (about ``limit`` s in all)."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
        if sum(times) > limit * 1000:
            break
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return round(statistics.median(times), 1), round(p95, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stages", default="startup,jobs,memory,outputs,rebuild,load,queries")
    parser.add_argument("--triples", default="10000,100000,1000000", help="graph sizes for load and queries, ascending")
    parser.add_argument("--limit", type=float, default=60, help="seconds a query may take: fewer runs past it, and skipped at a larger size when projected past it")
    parser.add_argument("--memory-reports", default="100,1000")
    parser.add_argument("--outputs-reports", default="250,1000", help="store sizes (generated reports) for the outputs stage")
    parser.add_argument("--jobs-reports", type=int, default=200)
    parser.add_argument("--rebuild-reports", type=int, default=300, help="generated reports the rebuild stage builds")
    parser.add_argument("--rdflib", type=int, default=20_000, help="run rdflib only on graphs up to this many quads")
    parser.add_argument("--queries", help="only these named queries (comma-separated; default all)")
    parser.add_argument("--runs", type=int, default=20, help="runs per query")
    parser.add_argument("--work", type=Path, help="working folder (default: a temporary one)")
    parser.add_argument("--json", type=Path, default=ROOT / "build" / "bench-scale.json")
    args = parser.parse_args()
    stages = args.stages.split(",")
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        if "startup" in stages:
            stage_startup(work, out)
            print("startup", out["startup"], flush=True)
        if "jobs" in stages:
            stage_jobs(work, out, args.jobs_reports)
            print("jobs", out["jobs"], flush=True)
        if "memory" in stages:
            stage_memory(work, out, [int(x) for x in args.memory_reports.split(",")])
            print("memory", out["memory"], flush=True)
        if "outputs" in stages:
            stage_outputs(work, out, [int(x) for x in args.outputs_reports.split(",")])
            print("outputs", out["outputs"], flush=True)
        if "rebuild" in stages:
            stage_rebuild(work, out, args.rebuild_reports)
            print("rebuild", out["rebuild"], flush=True)
        if "load" in stages or "queries" in stages or "export" in stages:
            stage_load_and_queries(work, out, [int(x) for x in args.triples.split(",")], args.rdflib, args.runs, args.limit,
                                   stages, args.queries.split(",") if args.queries else None)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2))
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
