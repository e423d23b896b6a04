"""Stats: what the graph holds, in numbers: who won most, in which years, which awards.

Owns the statistics of a store's graph: :func:`graph_stats` (what ``kg stats`` and ``kg report``
print), computed on the graph's outline in a table on disk (:class:`kg.graphtable.GraphTable`:
SQL for counts, rankings, shared awards and reports per year) and on integer arrays
(:mod:`kg.centrality`: components and betweenness), and :func:`stats_of`, the same figures of a
graph in networkx (:mod:`kg.graphdata`), which the tests hold the table's against. The counts are
the build summary's, the page's and ``kg entities``': counts by type and predicate, connected
components, the top organisations by degree and by betweenness, awards per year and per award,
the organisation–award bipartite projection (which organisations share awards), and reports per
year; :func:`stat_tables` lays them out for printing. Must not: print.

Reports carry no date in the store, so "reports per year" counts, for each year, the reports
that state at least one fact of that year (an award year, a count's year).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import chain, combinations
from typing import Any

import networkx as nx

from .graphdata import build_graph, counts_of

__all__ = ["ORGANISATION_TYPES", "graph_stats", "table_stats", "stats_of", "stat_tables"]

#: The node types that count as organisations in rankings.
ORGANISATION_TYPES = ("Company", "GovernmentAgency", "Institution", "StandardsBody", "Park")
#: Betweenness is exact up to this many nodes; beyond, it is estimated from sampled sources,
#: as many as a budget of about BETWEENNESS_BUDGET node-or-edge visits allows (10 to 300).
EXACT_BETWEENNESS = 3000
BETWEENNESS_BUDGET = 1_000_000
#: An award with more recipients than this is left out of the shared-award pairs (its pairs
#: would swamp the list and cost k²/2 steps); the stats say so.
MAX_PAIR_AWARD = 300


def graph_stats(store: Any, *, top: int = 10) -> dict[str, Any]:
    """:func:`stats_of` the store's graph, computed on its outline in a table on disk
    (:class:`kg.graphtable.GraphTable`) and on integer arrays (:mod:`kg.centrality`), so that
    memory grows with a few numbers a node and an edge, not with the graph in networkx.

    The one difference from ``stats_of(build_graph(store))``: "reports per year" counts every
    report a fact of that year was read from, where the networkx graph keeps the first
    :data:`~kg.graphdata.MAX_SOURCES` sources of each edge."""
    from .graphtable import GraphTable

    with GraphTable(store, reports=True) as table:
        return table_stats(table, top=top)


def table_stats(table: Any, *, top: int) -> dict[str, Any]:
    """:func:`graph_stats` over a :class:`~kg.graphtable.GraphTable` built with ``reports=True``."""
    import numpy as np

    from .centrality import adjacency, betweenness, components

    db = table.db
    counts = table.counts()
    orgs = ",".join("?" * len(ORGANISATION_TYPES))

    def rows(sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        return db.execute(sql, params).fetchall()

    # the nodes numbered in kg.entities' order (networkx samples betweenness sources by it)
    db.execute("CREATE TEMP TABLE nid (id TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID")
    db.execute("INSERT INTO nid SELECT id, ROW_NUMBER() OVER (ORDER BY type, mentions DESC, name, iri) - 1 FROM node")
    n = counts["nodes"]
    # the edges' ends straight into one array (a Python tuple per edge took ~100 bytes each)
    cursor = db.execute("SELECT a.n, b.n FROM edge e JOIN nid a ON a.id = e.s JOIN nid b ON b.id = e.o")
    batches = iter(lambda: cursor.fetchmany(50_000), [])
    ends = np.fromiter(chain.from_iterable(chain.from_iterable(batches)), dtype=np.int64).reshape(-1, 2)
    graph = adjacency(n, ends[:, 0], ends[:, 1])
    del ends
    sizes = components(graph)
    exact = n <= EXACT_BETWEENNESS
    simple_edges = rows("SELECT COUNT(*) FROM (SELECT DISTINCT min(s, o), max(s, o) FROM edge)")[0][0]  # self-loops too
    samples = max(1, min(n, max(10, min(300, BETWEENNESS_BUDGET // max(1, n + simple_edges)))))
    between = betweenness(graph, k=None if exact else samples, seed=0) if n else np.zeros(0)
    del graph
    db.execute("CREATE TEMP TABLE centre (n INTEGER PRIMARY KEY, b REAL NOT NULL)")
    db.executemany("INSERT INTO centre VALUES (?, ?)", enumerate(round(float(b), 9) for b in between))
    del between

    def ranked(sql: str, value: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        return [{"name": name, "type": type_, value: v} for name, type_, v in rows(sql, params)]

    by_degree = ranked(f"SELECT name, type, degree FROM node WHERE type IN ({orgs}) ORDER BY degree DESC, name, id LIMIT ?",
                       "degree", (*ORGANISATION_TYPES, top))
    by_betweenness = [{**row, "betweenness": round(row["betweenness"], 4)} for row in ranked(
        f"SELECT v.name, v.type, c.b FROM node v JOIN nid USING (id) JOIN centre c USING (n) WHERE v.type IN ({orgs})"
        " ORDER BY c.b DESC, v.name, v.id LIMIT ?", "betweenness", (*ORGANISATION_TYPES, top))]

    award = "FROM edge e WHERE e.p = 'receivedAward'"
    year = "json_extract(e.qualifiers, '$.year')"
    per_year = rows(f"SELECT {year}, COUNT(*) {award} AND {year} IS NOT NULL GROUP BY 1 ORDER BY 1")
    winners = ranked(f"SELECT v.name, v.type, COUNT(*) {award.replace('FROM edge e', 'FROM edge e JOIN node v ON v.id = e.s')}"
                     " GROUP BY v.id ORDER BY COUNT(*) DESC, v.name, v.id LIMIT ?", "awards", (top,))
    per_award = rows(f"SELECT a.name, COUNT(DISTINCT e.s), COUNT(*) {award.replace('FROM edge e', 'FROM edge e JOIN node a ON a.id = e.o')}"
                     " GROUP BY a.id ORDER BY COUNT(DISTINCT e.s) DESC, a.name, a.id LIMIT ?", (top,))

    # organisations sharing awards, counted on disk (an award's pairs grow with its holders squared)
    db.execute(f"""CREATE TEMP TABLE holder AS SELECT DISTINCT e.o AS award, v.id AS id, v.name AS name
                   {award.replace('FROM edge e', 'FROM edge e JOIN node v ON v.id = e.s')} AND v.type IN ({orgs})""",
               ORGANISATION_TYPES)
    db.execute(f"CREATE TEMP TABLE crowded AS SELECT award FROM holder GROUP BY award HAVING COUNT(*) > {MAX_PAIR_AWARD}")
    skipped = sorted(name for (name,) in rows("SELECT a.name FROM crowded c JOIN node a ON a.id = c.award"))
    shared = [{"organisation": a, "other": b, "shared": c} for a, b, c in rows(
        "SELECT x.name, y.name, COUNT(*) FROM holder x JOIN holder y ON y.award = x.award AND (x.name, x.id) < (y.name, y.id)"
        " WHERE x.award NOT IN (SELECT award FROM crowded) GROUP BY x.id, y.id"
        " ORDER BY COUNT(*) DESC, x.name, y.name, x.id, y.id LIMIT ?", (top,))]

    report_years = rows(f"""
        SELECT year, COUNT(DISTINCT report) FROM (
            SELECT {year} AS year, r.report FROM edge e JOIN fact f ON f.s = e.s AND f.o = e.o AND f.key = e.key
                JOIN fact_report r ON r.fact = f.fact WHERE {year} IS NOT NULL
            UNION SELECT CAST(json_extract(c.year, '$') AS INTEGER), m.report FROM standard c JOIN mention m ON m.id = c.s
                WHERE json_extract(c.year, '$') IS NOT NULL)
        GROUP BY year ORDER BY year""")
    return {
        **counts,
        "reports": rows("SELECT COUNT(DISTINCT report) FROM mention")[0][0],
        "components": {"count": len(sizes), "largest": sizes[:5],
                       "isolated": rows("SELECT COUNT(*) FROM node WHERE degree = 0")[0][0]},
        "top_by_degree": by_degree,
        "top_by_betweenness": by_betweenness,
        "betweenness": "exact" if exact else f"estimated from {samples} sampled nodes",
        "top_award_winners": winners,
        "awards_per_year": [{"year": y, "awards": c} for y, c in per_year],
        "awards_without_year": rows(f"SELECT COUNT(*) {award} AND {year} IS NULL")[0][0],
        "awards_per_award": [{"award": a, "recipients": r, "facts": f} for a, r, f in per_award],
        "shared_awards": shared,
        "shared_awards_skipped": skipped,
        "reports_per_year": [{"year": int(y), "reports": c} for y, c in report_years],
    }


def _samples(simple: nx.Graph) -> int:
    size = simple.number_of_nodes() + simple.number_of_edges()
    return max(1, min(simple.number_of_nodes(), max(10, min(300, BETWEENNESS_BUDGET // max(1, size)))))


def _name(g: nx.MultiDiGraph, n: str) -> str:
    return g.nodes[n]["label"]


def stats_of(g: nx.MultiDiGraph, *, top: int = 10) -> dict[str, Any]:
    """The statistics of graph ``g`` as one JSON-ready dict (lists sorted, ties by name)."""
    counts = counts_of(g)
    simple = nx.Graph(g.to_undirected(as_view=True))
    components = sorted((len(c) for c in nx.connected_components(simple)), reverse=True)
    orgs = [n for n, d in g.nodes(data=True) if d["type"] in ORGANISATION_TYPES]

    by_degree = sorted(orgs, key=lambda n: (-g.degree(n), _name(g, n), n))[:top]
    exact = simple.number_of_nodes() <= EXACT_BETWEENNESS
    samples = _samples(simple)
    betweenness = nx.betweenness_centrality(simple, k=None if exact else samples, seed=0)
    # ranked on the value to 9 places: equal values summed in another order stay equal
    by_betweenness = sorted(orgs, key=lambda n: (-round(betweenness[n], 9), _name(g, n), n))[:top]

    awards = [(s, o, d) for s, o, d in g.edges(data=True) if d["predicate"] == "receivedAward"]
    per_year = Counter(d["year"] for _, _, d in awards if d.get("year") is not None)
    recipients: dict[str, set[str]] = defaultdict(set)
    facts_per_award: Counter[str] = Counter()
    for s, o, _ in awards:
        recipients[o].add(s)
        facts_per_award[o] += 1
    won: Counter[str] = Counter()
    for s, _, _ in awards:
        won[s] += 1
    top_winners = sorted(won, key=lambda n: (-won[n], _name(g, n), n))[:top]

    pairs: Counter[tuple[str, str]] = Counter()
    skipped = []
    for award, holders in recipients.items():
        orgs_holding = sorted((h for h in holders if g.nodes[h]["type"] in ORGANISATION_TYPES), key=lambda h: (_name(g, h), h))
        if len(orgs_holding) > MAX_PAIR_AWARD:
            skipped.append(_name(g, award))
            continue
        for a, b in combinations(orgs_holding, 2):
            pairs[(a, b)] += 1
    top_pairs = sorted(pairs, key=lambda p: (-pairs[p], _name(g, p[0]), _name(g, p[1])))[:top]

    report_years: dict[int, set[str]] = defaultdict(set)
    for _, _, d in g.edges(data=True):
        if d.get("year") is not None:
            for src in d.get("sources", []):
                report_years[int(d["year"])].add(src["report"])
    for _, d in g.nodes(data=True):
        for c in d.get("standards_counts", []):
            if c.get("year") is not None:
                report_years[int(c["year"])].update(d.get("reports", []))
    reports = set()
    for _, d in g.nodes(data=True):
        reports.update(d.get("reports", []))

    def row(n: str, **extra: Any) -> dict[str, Any]:
        return {"name": _name(g, n), "type": g.nodes[n]["type"], **extra}

    return {
        **counts,
        "reports": len(reports),
        "components": {"count": len(components), "largest": components[:5],
                       "isolated": sum(1 for n in simple if simple.degree(n) == 0)},
        "top_by_degree": [row(n, degree=g.degree(n)) for n in by_degree],
        "top_by_betweenness": [row(n, betweenness=round(betweenness[n], 4)) for n in by_betweenness],
        "betweenness": "exact" if exact else f"estimated from {samples} sampled nodes",
        "top_award_winners": [row(n, awards=won[n]) for n in top_winners],
        "awards_per_year": [{"year": y, "awards": per_year[y]} for y in sorted(per_year)],
        "awards_without_year": sum(1 for _, _, d in awards if d.get("year") is None),
        "awards_per_award": [
            {"award": _name(g, a), "recipients": len(recipients[a]), "facts": facts_per_award[a]}
            for a in sorted(recipients, key=lambda a: (-len(recipients[a]), _name(g, a), a))[:top]
        ],
        "shared_awards": [
            {"organisation": _name(g, a), "other": _name(g, b), "shared": pairs[(a, b)]} for a, b in top_pairs
        ],
        "shared_awards_skipped": sorted(skipped),
        "reports_per_year": [{"year": y, "reports": len(report_years[y])} for y in sorted(report_years)],
    }


def stat_tables(stats: dict[str, Any]) -> tuple[list[str], list[tuple[str, list[str], list[dict[str, Any]]]]]:
    """The statistics as summary lines and ``(title, columns, rows)`` tables, for printing."""
    comp = stats["components"]
    components = (f"{comp['count']} connected components (largest {', '.join(map(str, comp['largest']))}; "
                  f"{comp['isolated']} nodes without an edge)" if comp["count"] else "no connected component")
    lines = [
        f"{stats['nodes']} nodes, {stats['edges']} edges, {stats['reports']} reports; {components}.",
        "Entities:  " + (", ".join(f"{k} {v}" for k, v in stats["entities"].items()) or "none"),
        "Relations: " + (", ".join(f"{k} {v}" for k, v in stats["relations"].items()) or "none"),
    ]
    if stats["shared_awards_skipped"]:
        lines.append(f"Awards with over {MAX_PAIR_AWARD} organisations, left out of the shared-award pairs: "
                     + "、".join(stats["shared_awards_skipped"]))
    no_year = f" ({stats['awards_without_year']} without a year)" if stats["awards_without_year"] else ""
    tables = [
        ("Top organisations by degree", ["name", "type", "degree"], stats["top_by_degree"]),
        (f"Top organisations by betweenness ({stats['betweenness']})", ["name", "type", "betweenness"],
         stats["top_by_betweenness"]),
        ("Most awards won", ["name", "type", "awards"], stats["top_award_winners"]),
        ("Awards per year" + no_year, ["year", "awards"], stats["awards_per_year"]),
        ("Awards with most recipients", ["award", "recipients", "facts"], stats["awards_per_award"]),
        ("Organisations sharing awards", ["organisation", "other", "shared"], stats["shared_awards"]),
        ("Reports per year (reports stating a fact of that year)", ["year", "reports"], stats["reports_per_year"]),
    ]
    return lines, tables
