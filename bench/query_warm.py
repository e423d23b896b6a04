"""Warm CPU time of named queries on kg's on-disk store against the same quads in memory.

Reads a ``--work`` folder left by ``bench/scale.py --stages queries --work DIR --triples N``
(``store-N`` and ``graph-N.nq``) and runs each given query, with at most one parameter, with
pyoxigraph directly on the on-disk store, then on an in-memory store bulk-loaded from the N-Quads:
CPU time of the process, best of ``--repeat`` runs, so a value's blocks are read before the best
run and the machine's load weighs less than on wall time. ::

    python bench/query_warm.py --work DIR --triples 3000000 awards:award=绵阳市质量奖 people
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    import pyoxigraph as ox

    from kg.namespace import PREFIXES
    from kg.query import load_query
    from kg.terms import _substitutions

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, required=True, help="the --work folder of bench/scale.py")
    parser.add_argument("--triples", required=True, help="the size given to bench/scale.py (names store-N, graph-N.nq)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("specs", nargs="+", help="QUERY or QUERY:PARAMETER=VALUE")
    args = parser.parse_args()
    for where in ("disk", "memory"):
        if where == "disk":
            store = ox.Store(str(args.work / f"store-{args.triples}"))
        else:
            store = ox.Store()
            store.bulk_load(path=str(args.work / f"graph-{args.triples}.nq"), format=ox.RdfFormat.N_QUADS)
        for spec in args.specs:
            name, _, binding = spec.partition(":")
            text = load_query(name)
            substitutions = None
            if binding:
                parameter, value = binding.split("=", 1)
                substitutions = _substitutions({parameter: value})
            best, walls, rows = float("inf"), [], 0
            for _ in range(args.repeat):
                t0, c0 = time.perf_counter(), _cpu()
                rows = sum(1 for _ in store.query(text, prefixes=dict(PREFIXES), use_default_graph_as_union=True,
                                                  substitutions=substitutions))
                best = min(best, _cpu() - c0)
                walls.append(time.perf_counter() - t0)
            print(f"{where:<6} {spec}  rows {rows}  CPU best {best * 1000:.1f} ms  wall "
                  + " ".join(f"{w * 1000:.1f}" for w in walls), flush=True)
        del store


if __name__ == "__main__":
    main()
