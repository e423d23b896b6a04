"""Graph data: the entity graph of a store as networkx, and the counts every view of it prints.

Owns the one reading of a store's entities and facts that the graph page (:mod:`kg.viz`), the
statistics (:mod:`kg.stats`), the report page (:mod:`kg.report`) and the build summary share, so
that their counts agree with each other and with ``kg entities``:

- a *node* is an entity node exactly as :func:`kg.entities.list_entities` lists it (same name
  rule, aliases, mentions and reports);
- an *edge* is a distinct fact: a ``kg:Recognition`` (receivedAward) or an ``rdf:Statement``
  (locatedIn, worksFor, renamedTo, ...), keyed by subject, predicate, object and qualifiers; the
  same fact read in two reports is one edge with two sources;
- ``kg:StandardsCount`` facts are attributes of their subject node (``standards_counts``), not
  edges to made-up level nodes.

Must not: print, or paste names into query text.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from .namespace import ID

__all__ = ["build_graph", "graph_counts", "counts_of", "node_id", "QUALIFIERS", "MAX_SOURCES"]

#: Qualifier keys an edge may carry, in the order they are shown.
QUALIFIERS = ("edition", "year", "grade", "role", "date")
#: Source sentences kept per edge (the card of ``kg show`` has them all).
MAX_SOURCES = 3

# Simple patterns, joined in Python: one query with a UNION and six OPTIONALs took twice as long
# (2.6 s against 4.5 s at 20,000 nodes). Rows may repeat (a triple held in two report graphs).
_RECOGNITIONS = "SELECT ?fact ?s ?o WHERE { ?fact a kg:Recognition ; kg:recipient ?s ; kg:award ?o }"
_STATEMENTS = "SELECT ?fact ?s ?property ?o WHERE { ?fact a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?property ; rdf:object ?o }"
_QUALIFIER_VALUES = """
SELECT ?fact ?key ?value WHERE {
  VALUES (?key ?property) { ("year" kg:year) ("edition" kg:edition) ("grade" kg:grade) ("role" kg:role) ("date" kg:renameDate) }
  ?fact ?property ?value .
}"""
# a source counts when its report node has an id (a row repeats when that triple is in two graphs)
_SOURCES = "SELECT ?fact ?sentence ?report WHERE { ?fact prov:wasDerivedFrom ?ev . ?ev kg:sentence ?sentence ; kg:report ?r . ?r kg:reportId ?report }"

_COUNTS = """
SELECT DISTINCT ?s ?level ?count ?year WHERE {
  ?n a kg:StandardsCount ; kg:countSubject ?s ; kg:level ?level ; kg:count ?count .
  OPTIONAL { ?n kg:year ?year }
}
"""
# The same rows without DISTINCT (deduplicated by the caller): a count's statements sit in one graph.
_COUNT_ROWS = """
SELECT ?s ?level ?count ?year WHERE {
  ?n a kg:StandardsCount ; kg:countSubject ?s ; kg:level ?level ; kg:count ?count .
  OPTIONAL { ?n kg:year ?year }
}
"""


def node_id(iri: str) -> str:
    """Node ids drop the ``ID`` namespace (``company/1722ea…``): the page names no address."""
    return iri[len(str(ID)):] if iri.startswith(str(ID)) else iri


def _plain(value: Any) -> Any:
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        return value
    return str(value)


def build_graph(store: Any, *, only: Any = None, entities: list[dict[str, Any]] | None = None) -> nx.MultiDiGraph:
    """The entity graph held in ``store``, keyed by short ids (``company/…``).

    Node attributes: ``type``, ``label`` (the name), ``aliases`` (list), ``mentions``,
    ``reports`` (list), ``standards_counts`` (list of ``{"level", "count", "year"}``).
    Edge attributes: ``predicate``, the qualifiers of :data:`QUALIFIERS` that the fact has, and
    ``sources`` (up to :data:`MAX_SOURCES` ``{"report", "sentence"}``, sorted). Edges are keyed
    by ``predicate|qualifiers`` so that a fact read twice is one edge.

    ``only`` (a set of node ids) builds the subgraph of those nodes alone, what
    ``build_graph(store).subgraph(only)`` holds, without reading the other nodes' details or the
    sources of edges it leaves out. ``entities`` are :func:`kg.entities.list_entities` rows of the
    store when the caller has them already. (:class:`kg.graphtable.GraphTable` builds such a
    subgraph without reading every fact into Python.)
    """
    from .entities import list_entities

    g = _node_graph(list_entities(store) if entities is None else entities, only)
    edge_of, facts = _edges(store, g)
    _add_edges(g, facts, _sources_of(store, edge_of))
    del edge_of
    _add_standards(g, ({**row, "s": node_id(str(row["s"]))} for row in store.query(_COUNTS).as_dicts()))
    return g


def _node_graph(rows: Any, only: Any = None) -> nx.MultiDiGraph:
    """A graph of the nodes of :func:`kg.entities.list_entities` ``rows`` (those in ``only``)."""
    g = nx.MultiDiGraph()
    for row in rows:
        n = node_id(str(row["iri"]))
        if only is not None and n not in only:
            continue
        g.add_node(
            n, type=row["type"], label=row["name"], aliases=list(row["aliases"]),
            mentions=row["mentions"], reports=list(row["reports"]), standards_counts=[],
        )
    return g


def _add_edges(g: nx.MultiDiGraph, facts: dict[tuple[str, str, str], dict[str, Any]], sources: Any) -> None:
    """Add the edges ``facts`` to ``g``, each with its first :data:`MAX_SOURCES` sources among
    ``sources``, rows ``(edge, report id, sentence)``."""
    kept: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    for edge, report, sentence in sources:
        _keep_first(kept.setdefault(edge, []), (str(report), " ".join(str(sentence).split())), MAX_SOURCES)
    for (s, o, key), data in sorted(facts.items()):
        g.add_edge(s, o, key=key, sources=[{"report": r, "sentence": t} for r, t in kept.get((s, o, key), [])], **data)


def _sources_of(store: Any, edge_of: dict[str, tuple[str, str, str]]) -> Any:
    """``(edge, report id, sentence)`` of each source of the facts ``edge_of`` maps to an edge,
    in one pass over the store's sources (the others are read and dropped)."""
    for fact, sentence, report in _lazy_rows(store, _SOURCES):
        edge = edge_of.get(fact)
        if edge is not None:
            yield edge, report, sentence


def _add_standards(g: nx.MultiDiGraph, rows: Any) -> None:
    """Attach :data:`_COUNTS` rows (``s`` a node id) to their nodes of ``g``, sorted."""
    for row in rows:
        s = row["s"]
        if s in g:
            g.nodes[s]["standards_counts"].append(
                {"level": str(row["level"]), "count": _plain(row["count"]), "year": _plain(row.get("year"))})
    for _, data in g.nodes(data=True):
        data["standards_counts"].sort(key=lambda c: (c["level"], c["year"] or 0, c["count"] or 0))


def _edges(store: Any, nodes: Any) -> tuple[dict[str, tuple[str, str, str]], dict[tuple[str, str, str], dict[str, Any]]]:
    """The graph's edges between ``nodes`` (a container of node ids): each fact's edge
    ``(subject, object, key)`` (a fact read twice is one edge) and each edge's attributes but its
    sources."""
    core: dict[str, tuple[str, str, str]] = {}
    for fact, subject, obj in _lazy_rows(store, _RECOGNITIONS):
        core[fact] = (node_id(subject), "receivedAward", node_id(obj))
    for fact, subject, prop, obj in _lazy_rows(store, _STATEMENTS):
        core[fact] = (node_id(subject), str(prop).rsplit("#", 1)[-1], node_id(obj))
    qualifiers: dict[str, dict[str, Any]] = {}
    for fact, key, value in _lazy_rows(store, _QUALIFIER_VALUES):
        if fact in core and _plain(value) is not None:
            qualifiers.setdefault(fact, {})[key] = _plain(value)
    # each fact's edge (a fact read twice is one edge); sources are read by the caller, only for
    # the edges it keeps (the page's build held every source sentence of the corpus at once)
    edge_of: dict[str, tuple[str, str, str]] = {}
    facts: dict[tuple[str, str, str], dict[str, Any]] = {}
    for fact, (subject, predicate, obj) in core.items():
        if subject not in nodes or obj not in nodes:
            continue
        quals = {k: qualifiers[fact][k] for k in QUALIFIERS if k in qualifiers.get(fact, {})}
        key = "|".join([predicate, *(f"{k}={v}" for k, v in quals.items())])
        edge_of[fact] = (subject, obj, key)
        facts.setdefault((subject, obj, key), {"predicate": predicate, **quals})
    return edge_of, facts


def _lazy_rows(store: Any, sparql: str) -> Any:
    """A query's rows one at a time where the store can hand them so (``iter_query``), else its
    whole answer."""
    lazy = getattr(store, "iter_query", None)
    return lazy(sparql) if lazy is not None else store.query(sparql).rows


def _keep_first(kept: list[Any], item: Any, limit: int) -> None:
    """Keep ``kept`` the ``limit`` smallest distinct items seen, sorted (``sorted(set(all))[:limit]``).

    >>> kept = []
    >>> for item in [5, 1, 4, 1, 3, 2]:
    ...     _keep_first(kept, item, 3)
    >>> kept
    [1, 2, 3]
    """
    import bisect

    at = bisect.bisect_left(kept, item)
    if at < len(kept) and kept[at] == item:
        return
    if len(kept) < limit:
        kept.insert(at, item)
    elif at < limit:
        kept.insert(at, item)
        kept.pop()


def counts_of(g: nx.MultiDiGraph) -> dict[str, Any]:
    """Node counts by type and edge counts by predicate of ``g``, plus the standards counts."""
    entities = Counter(data["type"] for _, data in g.nodes(data=True))
    relations = Counter(data["predicate"] for _, _, data in g.edges(data=True))
    standards = sum(len(data.get("standards_counts", ())) for _, data in g.nodes(data=True))
    if standards:
        relations["standardsCount"] = standards
    return {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "entities": dict(sorted(entities.items())),
        "relations": dict(sorted(relations.items())),
    }


def graph_counts(store: Any) -> dict[str, Any]:
    """:func:`counts_of` the store's graph: what the build summary, the page's legend and
    ``kg stats`` print, and what ``kg entities`` lists (one node per row). Counted in a table on
    disk (:class:`kg.graphtable.GraphTable`), not in Python objects."""
    from .graphtable import GraphTable

    with GraphTable(store) as table:
        return table.counts()
