"""Benchmark: the graph page, the statistics and the report on large synthetic stores.

Fills an in-memory store with ``--nodes`` synthetic entity nodes (:mod:`kg.synthetic`: kg's
RDF shape, numbered names, no report text), then times each step on its own (CPU and wall time): reading the graph
out of the store (``build_graph``), writing the page for ``--page-nodes`` nodes (the node and
edge lists written directly, then the template; goal: under a second for 10,000 nodes),
``kg viz``'s default cut of the whole graph, the statistics and the report of the graph in
networkx and as ``kg stats`` and ``kg report`` compute them on the store's outline on disk
(goal: each within a minute at 100,000 nodes). ``--pyvis`` also times pyvis's ``Network.add_node/add_edge`` path
for the page's nodes, for comparison.

    python bench/viz_scale.py [--nodes 100000] [--page-nodes 10000] [--pyvis]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from kg.graphdata import build_graph, counts_of
from kg.report import render_report, write_report
from kg.stats import graph_stats, stats_of
from kg.store import open_store
from kg.synthetic import fill_store
from kg.viz import focus, render_html


def _timed(label: str, func, *args, **kwargs):
    """Run ``func``; print its CPU time (what the goals are about: the machine is shared, and wall
    time moves with its load) and its wall time."""
    start, start_cpu = time.perf_counter(), time.process_time()
    value = func(*args, **kwargs)
    print(f"{label:<46} {time.process_time() - start_cpu:7.2f} s CPU {time.perf_counter() - start:7.2f} s wall", flush=True)
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--page-nodes", type=int, default=10_000)
    parser.add_argument("--pyvis", action="store_true", help="Also time pyvis's add_node/add_edge for the page's nodes.")
    args = parser.parse_args()

    store = open_store("memory")
    _timed(f"fill a store with {args.nodes:,} nodes", fill_store, store, args.nodes)
    g = _timed("build_graph (read the store)", build_graph, store)
    print(f"  graph: {g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges")
    out = Path(tempfile.mkdtemp())

    page_graph, _ = focus(g, max_nodes=args.page_nodes)
    print(f"  page graph: {page_graph.number_of_nodes():,} nodes, {page_graph.number_of_edges():,} edges")
    totals = counts_of(g)

    def write_page() -> int:
        return (out / "page.html").write_text(render_html(page_graph, totals=totals), encoding="utf-8")

    size = _timed(f"write the page of {page_graph.number_of_nodes():,} nodes", write_page)
    print(f"  page: {size / 1e6:.1f} MB of text")
    cut, notes = _timed("kg viz default cut (focus, max 2000 nodes)", focus, g)
    _timed("  and its page", lambda: (out / "cut.html").write_text(render_html(cut, totals=totals, notes=notes), encoding="utf-8"))
    figures = _timed("stats of the graph in networkx (stats_of)", stats_of, g)
    print(f"  betweenness: {figures['betweenness']}; components {figures['components']['count']:,}")
    _timed("report of the graph in networkx (render_report)", lambda: (out / "report.html").write_text(render_report(g), encoding="utf-8"))
    # what the commands run: the store's outline on disk, not the graph in networkx
    table = _timed("kg stats (graph_stats on the store)", graph_stats, store)
    print(f"  the same figures as stats_of: {table == figures}")
    _timed("kg report (write_report on the store)", write_report, store, out / "report-table.html")
    if args.pyvis:
        from pyvis.network import Network

        def through_pyvis() -> None:
            net = Network(directed=True)
            for n, d in page_graph.nodes(data=True):
                net.add_node(n, label=d["label"])
            for s, o, d in page_graph.edges(data=True):
                net.add_edge(s, o, title=d["predicate"])
            net.get_network_data()

        _timed(f"pyvis add_node/add_edge, {page_graph.number_of_nodes():,} nodes", through_pyvis)


if __name__ == "__main__":
    main()
