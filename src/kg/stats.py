"""Stats: what the graph holds, in numbers: who won most, in which years, which awards.

Owns :func:`graph_stats`, computed with networkx on the graph of :mod:`kg.graphdata` (so its
counts are the build summary's, the page's and ``kg entities``'): counts by type and predicate,
connected components, the top organisations by degree and by betweenness, awards per year and
per award, the organisation–award bipartite projection (which organisations share awards), and
reports per year; :func:`format_stats` prints them as tables. Must not: print.

Reports carry no date in the store, so "reports per year" counts, for each year, the reports
that state at least one fact of that year (an award year, a count's year).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations
from typing import Any

import networkx as nx

from .graphdata import build_graph, counts_of

__all__ = ["ORGANISATION_TYPES", "graph_stats", "stats_of", "stat_tables"]

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
    """:func:`stats_of` the store's graph."""
    return stats_of(build_graph(store), top=top)


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
    by_betweenness = sorted(orgs, key=lambda n: (-betweenness[n], _name(g, n), n))[:top]

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
