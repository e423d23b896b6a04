"""Same rows before and after: a named query's rows with the text of another revision against this tree's.

For a rewrite of a named query (queries/NAME.rq) written for speed: its rows, in order, must not
change. Runs the query of git revision ``--base`` (default ``main``) and the one of this tree on a
store, with no parameter, with sampled values of each parameter it declares (values of the
column named like it, spread over the rows, and names or aliases of any node for a name
parameter), and with pairs of its parameters taken from its rows; prints the differences and
exits 1 if there are any. Times both texts on the way.

    python bench/query_rows.py STORE NAME [NAME ...] [--base REV] [--values 6]
    python bench/query_rows.py /tmp/work/store-100000 awards people --base 64b28c5

STORE is a kg store folder (``kg build --store``, or ``bench/scale.py --work DIR``'s
``DIR/store-N``) or an N-Quads file, loaded into memory.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kg.query import declared_params  # noqa: E402
from kg.store import _PyoxigraphStore, open_store  # noqa: E402

LABELS = "SELECT DISTINCT ?name WHERE { ?node skos:prefLabel|skos:altLabel ?label BIND(STR(?label) AS ?name) }"
NOTHING = "没有这个名字"
NOT_NAMES = {"year", "grade", "level", "type", "report"}


def open_any(path: str) -> Any:
    if path.endswith((".nq", ".nquads")):
        import pyoxigraph as ox

        memory = ox.Store()
        memory.bulk_load(path=path, format=ox.RdfFormat.N_QUADS)
        return _PyoxigraphStore(memory, description=path)
    return open_store("oxigraph", path)


def values_of(store: Any, result: Any, parameter: str, count: int, labels: list[str]) -> list[Any]:
    rng = random.Random(parameter)
    column = result.columns.index(parameter) if parameter in result.columns else None
    found = sorted({row[column] for row in result.rows if row[column] not in (None, "")}, key=repr) if column is not None else []
    values = rng.sample(found, min(count, len(found)))
    if parameter == "year":
        values += [2017, "2017"]
    elif parameter not in NOT_NAMES:
        values += rng.sample(labels, min(count, len(labels)))
    return values + [NOTHING]


def compare(store: Any, name: str, base: str, count: int, labels: list[str]) -> int:
    old = subprocess.run(["git", "show", f"{base}:queries/{name}.rq"], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    new = (ROOT / "queries" / f"{name}.rq").read_text(encoding="utf-8")
    timings = [0.0, 0.0]

    def both(bindings: dict[str, Any]) -> tuple[list, list]:
        t0 = time.perf_counter()
        before = store.query(old, bindings).rows
        t1 = time.perf_counter()
        after = store.query(new, bindings).rows
        timings[0] += t1 - t0
        timings[1] += time.perf_counter() - t1
        return before, after

    everything = store.query(old)
    before, after = both({})
    differences = int(before != after)
    print(f"{name}: no parameter, {len(before)} rows: {'same' if before == after else 'DIFFERENT'}")
    parameters = declared_params(old)
    for parameter in parameters:
        values = values_of(store, everything, parameter, count, labels)
        for value in values:
            before, after = both({parameter: value})
            if before != after:
                differences += 1
                print(f"  DIFFERENT with {parameter}={value!r}: {len(before)} rows before, {len(after)} after")
        print(f"  {parameter}: {len(values)} values")
    rng = random.Random(name)
    for row in rng.sample(everything.rows, min(count, len(everything.rows))):
        bound = {p: row[everything.columns.index(p)] for p in parameters
                 if p in everything.columns and row[everything.columns.index(p)] not in (None, "")}
        for first, second in zip(list(bound), list(bound)[1:]):
            before, after = both({first: bound[first], second: bound[second]})
            if before != after:
                differences += 1
                print(f"  DIFFERENT with {first}={bound[first]!r}, {second}={bound[second]!r}")
    print(f"  {differences} differences; {timings[0]:.2f} s with {base}'s text, {timings[1]:.2f} s with this tree's")
    return differences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("store")
    parser.add_argument("names", nargs="+", help="named queries (queries/NAME.rq)")
    parser.add_argument("--base", default="main", help="git revision whose query texts are the reference")
    parser.add_argument("--values", type=int, default=6, help="sampled values per parameter (and rows for pairs)")
    args = parser.parse_args()
    store = open_any(args.store)
    try:
        labels = sorted(row[0] for row in store.query(LABELS).rows)
        differences = sum(compare(store, name, args.base, args.values, labels) for name in args.names)
    finally:
        store.close()
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
