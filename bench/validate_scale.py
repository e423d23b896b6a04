"""Benchmark: the SHACL check of a store (``kg build``'s last step) as the store grows.

For each size N, a store of N generated reports (``bench/generate.py``, seed 1) mapped from their
gold, as ``bench/scale.py``'s outputs stage builds it (no extraction), with the background graph
``kg build`` adds; then ``kg.validate.store_violations`` timed with the SPARQL engine (the default,
``kg.shacl_sparql``) and, up to ``--pyshacl-max`` reports, with pyshacl in slices (the engine
before it), with both engines' rows compared. Prints a table and writes ``--json``.

    python bench/validate_scale.py [--sizes 30,100,300,1000,3000] [--pyshacl-max 100] [--backend oxigraph]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (bench/generate.py)


def gold(i: int) -> dict:
    result = generate.report(1, i)[1]
    for relation in result["relations"]:
        relation.setdefault("rule", "gold")  # what the shapes ask of evidence, so that the graph conforms
    return result


def build_store(n: int, backend: str, folder: str):
    from kg.build import refresh_background
    from kg.rdfmap import map_report
    from kg.resolution import resolve
    from kg.store import open_store

    resolver = resolve(gold(i) for i in range(n))
    store = open_store(backend, None if backend == "memory" else folder)
    store.bulk_add_reports((g["doc"], map_report(g, resolver=resolver)) for g in (gold(i) for i in range(n)))
    refresh_background(store)
    return store


def timed(store, engine: str) -> tuple[float, list]:
    from kg.validate import store_violations

    t0 = time.perf_counter()
    rows = store_violations(store, engine=engine)
    return time.perf_counter() - t0, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="30,100,300,1000,3000")
    parser.add_argument("--pyshacl-max", type=int, default=100, help="time pyshacl up to this many reports (it takes about a second a report)")
    parser.add_argument("--backend", default="oxigraph", choices=["oxigraph", "memory"])
    parser.add_argument("--json", default="build/bench-validate.json")
    args = parser.parse_args()

    rows = []
    for n in [int(size) for size in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            store = build_store(n, args.backend, tmp + "/store")
            try:
                quads = sum(1 for _ in store._open.quads_for_pattern(None, None, None, None))
                sparql_s, sparql_rows = timed(store, "sparql")
                row = {"reports": n, "quads": quads, "sparql (s)": round(sparql_s, 2),
                       "sparql (ms/report)": round(1000 * sparql_s / n, 1), "violations": len(sparql_rows)}
                if n <= args.pyshacl_max:
                    pyshacl_s, pyshacl_rows = timed(store, "pyshacl")
                    row.update({"pyshacl (s)": round(pyshacl_s, 1), "pyshacl (ms/report)": round(1000 * pyshacl_s / n),
                                "speed-up": round(pyshacl_s / sparql_s), "same rows": pyshacl_rows == sparql_rows})
            finally:
                store.close()
        rows.append(row)
        print(json.dumps(row), flush=True)
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(rows, indent=2) + "\n")
    keys = list(dict.fromkeys(key for row in rows for key in row))
    print(" | ".join(keys))
    for row in rows:
        print(" | ".join(str(row.get(key, "")) for key in keys))


if __name__ == "__main__":
    main()
