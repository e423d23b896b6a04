"""kg stats computed on the graph's outline on disk (kg.graphtable) and on integer arrays
(kg.centrality) gives what networkx gives on the whole graph in memory (kg.stats.stats_of)."""

from __future__ import annotations

import random

import networkx as nx
import numpy as np
import pytest

from kg.centrality import adjacency, betweenness, components
from kg.graphdata import build_graph
from kg.stats import graph_stats, stats_of
from kg.store import open_store


def _random_graph(seed: int) -> tuple[nx.Graph, np.ndarray, np.ndarray]:
    r = random.Random(seed)
    n = r.randint(2, 80)
    g = nx.gnm_random_graph(n, r.randint(0, 3 * n), seed=seed)
    g.add_edge(0, 0)  # a self-loop: in the graph, on no shortest path
    pairs = list(g.edges()) + [(v, u) for u, v in list(g.edges())[:4]]  # repeated, reversed edges
    return g, np.array([u for u, _ in pairs]), np.array([v for _, v in pairs])


@pytest.mark.parametrize("seed", range(12))
def test_betweenness_and_components_are_networkx_s(seed):
    g, s, o = _random_graph(seed)
    graph = adjacency(g.number_of_nodes(), s, o)
    assert components(graph) == sorted((len(c) for c in nx.connected_components(g)), reverse=True)
    for k in (None, 1, 2, min(7, g.number_of_nodes())):
        ref = nx.betweenness_centrality(g, k=k, seed=0)
        got = betweenness(graph, k=k, seed=0)
        want = np.array([ref[i] for i in range(g.number_of_nodes())])
        assert np.allclose(np.nan_to_num(want, nan=-1.0), np.nan_to_num(got, nan=-1.0)), (k, want, got)


def test_a_path_has_its_middle_between_everything():
    graph = adjacency(5, np.array([0, 1, 2, 3]), np.array([1, 2, 3, 4]))
    assert betweenness(graph).round(4).tolist() == [0.0, 0.5, 0.6667, 0.5, 0.0]
    assert components(adjacency(4, np.array([0]), np.array([1]))) == [2, 1, 1]


def test_stats_of_a_large_store_on_disk_are_the_graph_s():
    """4,000 nodes: betweenness sampled (the same sources as networkx), every figure equal."""
    from kg.synthetic import fill_store

    store = open_store("memory")
    fill_store(store, 4000, per_report=500)
    table = graph_stats(store, top=12)
    assert table["betweenness"].startswith("estimated") and table["shared_awards"]
    assert table == stats_of(build_graph(store), top=12)


def test_stats_of_the_seeds_on_disk_are_the_graph_s(built):
    store = open_store("oxigraph", str(built["store"]))
    try:
        table = graph_stats(store)
        assert table == stats_of(build_graph(store))
    finally:
        store.close()
    assert table["betweenness"] == "exact" and table["reports"] == 5 and table["reports_per_year"]


def test_reports_per_year_counts_every_source_of_a_fact(tmp_path):
    """A fact read in more reports than an edge keeps sources for (MAX_SOURCES) still counts
    every report in "reports per year"."""
    from click.testing import CliRunner

    from kg.cli import main
    from kg.graphdata import MAX_SOURCES

    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(MAX_SOURCES + 2):
        (docs / f"r{i}.txt").write_text("湖南华菱钢铁有限公司荣获2019年湖南省省长质量奖。", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(docs), "--store", str(tmp_path / "store"), "--out",
                                       str(tmp_path / "out"), "--quiet", "--no-validate"])
    assert result.exit_code == 0, result.output
    store = open_store("oxigraph", str(tmp_path / "store"))
    try:
        stats = graph_stats(store)
        assert stats_of(build_graph(store))["reports_per_year"] == [{"year": 2019, "reports": MAX_SOURCES}]
    finally:
        store.close()
    assert stats["reports_per_year"] == [{"year": 2019, "reports": MAX_SOURCES + 2}]
    assert stats["awards_per_year"] == [{"year": 2019, "awards": 1}] and stats["reports"] == MAX_SOURCES + 2


@pytest.mark.parametrize("source", ["seeds", "generated"])
def test_report_page_on_disk_is_the_graph_s(built, tmp_path, source):
    """kg report computed on the outline on disk writes the page rendered from the whole graph."""
    from kg.report import render_report, write_report

    if source == "seeds":
        store = open_store("oxigraph", str(built["store"]))
    else:
        from kg.synthetic import fill_store

        store = open_store("memory")
        fill_store(store, 3500, per_report=400)
    try:
        counts = write_report(store, tmp_path / "report.html", top=9)
        want = render_report(build_graph(store), top=9)
    finally:
        store.close()
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == want
    assert counts["nodes"] > 0 and 'id="latest"' in want
