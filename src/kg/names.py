"""Names: one display name and the lookup names of every labelled node, in the names graph.

Owns the rule that picks the name kg shows for a node (:func:`display_name`: its longest
``skos:prefLabel``, ties broken by the smallest in code-point order, the contract's rule for a
name), the names graph (``NAMES_GRAPH``) where the store keeps, for every node that has a label,
exactly one ``kg:displayName`` and one ``kg:lookupName`` per distinct label text (each
``skos:prefLabel`` and ``skos:altLabel`` as a plain string), and keeping that graph exact while
report graphs are added, replaced and removed (:func:`changed_nodes`, :func:`update`,
:func:`refresh`). Hands nothing to callers but counts; ``store`` calls it after every write, and
the named queries (``queries/``) read the two properties.

Why: a node's names are spread over the report graphs that name it, and pyoxigraph 0.5 evaluates
their union as a multiset (one match per report). Choosing the display name in every query (a
grouped subquery over every prefLabel) and matching a parameter against every label (an EXISTS per
row) grew faster than the graph; one triple per node joins in linear time, and a parameter is one
index probe (``?node kg:lookupName "…"``).

Works on a ``pyoxigraph.Store`` directly. Must not: build RDF from extraction results (that is
``rdfmap``), or touch any graph but ``NAMES_GRAPH``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .namespace import ID, KG, SKOS

__all__ = ["NAMES_GRAPH", "DERIVED_PREDICATES", "display_name", "changed_nodes", "update", "refresh", "named_nodes"]

#: The graph that holds the derived names; the store writes it, and only the store.
NAMES_GRAPH = ID["graph/names"]

#: Properties whose statements are derived here: the store drops them from what it is given.
DERIVED_PREDICATES = frozenset({str(KG.displayName), str(KG.lookupName)})

_PREF, _ALT = str(SKOS.prefLabel), str(SKOS.altLabel)
LABEL_PREDICATES = frozenset({_PREF, _ALT})

#: Nodes whose names :func:`update` recomputes together: what one step of it holds in memory.
#: A large update (a bulk load, a refresh) goes through its nodes this many at a time, with one
#: index look-up per node, and writes each step's changes before the next: reading every label
#: of the store into memory at once (as it did) made the names the peak of a fresh build's
#: memory, growing with the corpus (+330 MB at 3,000 generated reports).
BATCH_NODES = 2_000
#: Names-graph quads handed to one call of pyoxigraph's bulk loader, which holds them in memory:
#: the names of a 1,000-report store (90,060 quads, the store opened at 141 MB of RSS) peaked at
#: 230 MB at 25,000 a call, 200 MB at 5,000 (and took half the time).
BULK_QUADS = 5_000


def display_name(labels: Iterable[str]) -> str | None:
    """The name shown for a node with these ``skos:prefLabel`` texts: the longest, and among
    equally long ones the smallest in code-point order; ``None`` for no label.

    >>> display_name(["株洲", "株洲市", "株州市"])
    '株州市'
    >>> display_name([]) is None
    True
    """
    best = None
    for label in labels:
        if best is None or len(label) > len(best) or (len(label) == len(best) and label < best):
            best = label
    return best


def _ox() -> Any:
    import pyoxigraph

    return pyoxigraph


def labels_in(store: Any, graph: Any) -> dict[Any, set[tuple[str, str]]]:
    """Node -> its ``(predicate, text)`` labels in one graph of ``store``."""
    ox = _ox()
    out: dict[Any, set[tuple[str, str]]] = {}
    for predicate in LABEL_PREDICATES:
        for quad in store.quads_for_pattern(None, ox.NamedNode(predicate), None, graph):
            out.setdefault(quad.subject, set()).add((predicate, quad.object.value))
    return out


def labels_of(statements: Iterable[Any]) -> dict[Any, set[tuple[str, str]]]:
    """Node -> its ``(predicate, text)`` labels among pyoxigraph quads or triples."""
    out: dict[Any, set[tuple[str, str]]] = {}
    for statement in statements:
        predicate = statement.predicate.value
        if predicate in LABEL_PREDICATES:
            out.setdefault(statement.subject, set()).add((predicate, statement.object.value))
    return out


def changed_nodes(before: dict[Any, set[tuple[str, str]]], after: dict[Any, set[tuple[str, str]]]) -> set[Any]:
    """The nodes whose labels differ between two :func:`labels_in` / :func:`labels_of` maps: only
    their names can have changed (a report added again unchanged changes none)."""
    return {node for node in before.keys() | after.keys() if before.get(node) != after.get(node)}


def _wanted(node: Any, preferred: set[str], alternative: set[str]) -> set[Any]:
    """The names-graph quads one node should have."""
    ox = _ox()
    graph = ox.NamedNode(str(NAMES_GRAPH))
    quads = set()
    name = display_name(preferred)
    if name is not None:
        quads.add(ox.Quad(node, ox.NamedNode(str(KG.displayName)), ox.Literal(name), graph))
    for text in preferred | alternative:
        quads.add(ox.Quad(node, ox.NamedNode(str(KG.lookupName)), ox.Literal(text), graph))
    return quads


def _lookup(store: Any, nodes: set[Any]) -> tuple[dict[Any, set[Any]], dict[Any, set[Any]]]:
    """(wanted, present) names-graph quads of a few nodes, one index look-up per node and property."""
    ox = _ox()
    pref, alt, graph = ox.NamedNode(_PREF), ox.NamedNode(_ALT), ox.NamedNode(str(NAMES_GRAPH))
    wanted, present = {}, {}
    for node in nodes:
        preferred = {quad.object.value for quad in store.quads_for_pattern(node, pref, None, None)}
        alternative = {quad.object.value for quad in store.quads_for_pattern(node, alt, None, None)}
        wanted[node] = _wanted(node, preferred, alternative)
        present[node] = set(store.quads_for_pattern(node, None, None, graph))
    return wanted, present


def update(store: Any, nodes: Iterable[Any] | None, *, bulk: bool = False) -> int:
    """Recompute the names of ``nodes`` (pyoxigraph subjects; ``None``: every node that has a label
    or a name) from the labels ``store`` now holds in all its graphs, and write what differs into
    the names graph. Returns the number of quads added or removed. ``bulk`` writes with
    pyoxigraph's bulk loader (a fresh load). ``nodes`` may be a lazy iterable: it is read
    :data:`BATCH_NODES` at a time, each batch written before the next is read."""
    if nodes is None:
        nodes = named_nodes(store)
    changed = 0
    pending: list[Any] = []
    for batch in _batches(nodes, BATCH_NODES):
        wanted, present = _lookup(store, batch)
        for node, quads in present.items():
            for quad in quads - wanted.get(node, set()):
                store.remove(quad)
                changed += 1
        missing = [quad for node, quads in wanted.items() for quad in quads - present.get(node, set())]
        changed += len(missing)
        if not bulk:
            if missing:
                store.extend(missing)
            continue
        pending.extend(missing)
        if len(pending) >= BULK_QUADS:
            store.bulk_extend(pending)
            pending = []
    if pending:
        store.bulk_extend(pending)
    return changed


def _batches(nodes: Iterable[Any], size: int) -> Iterator[set[Any]]:
    batch: set[Any] = set()
    for node in nodes:
        batch.add(node)
        if len(batch) >= size:
            yield batch
            batch = set()
    if batch:
        yield batch


# plain triple patterns in a UNION, not the property path ``skos:prefLabel|skos:altLabel``:
# pyoxigraph evaluates a path with set semantics, keeping every (node, label, graph) it has
# matched in a hash set until the query ends; that set grew with the corpus (named nodes of
# 3,000 generated reports: peak RSS 174 MB with the path, 129 MB with the union, from 47 MB
# with the store open). DISTINCT over ``?node`` alone keeps one entry a node.
_NAMED_NODES = f"""
SELECT DISTINCT ?node WHERE {{
  {{ GRAPH ?graph {{ ?node <{_PREF}> ?label }} }} UNION {{ GRAPH ?graph {{ ?node <{_ALT}> ?label }} }}
  UNION {{ ?node <{_PREF}> ?label }} UNION {{ ?node <{_ALT}> ?label }}
  UNION {{ GRAPH <{NAMES_GRAPH}> {{ ?node ?property ?name }} }}
}}
"""


def named_nodes(store: Any) -> Iterator[Any]:
    """Every node of ``store`` that has a label (in any graph) or a name, each once, read lazily
    (the query keeps the distinct nodes in pyoxigraph's own memory, a few dozen bytes each)."""
    for solution in store.query(_NAMED_NODES):
        yield solution["node"]


def refresh(store: Any) -> int:
    """Recompute every node's names from scratch (after a process was killed inside a write, or on
    a store written without kg); returns the number of quads that changed (0 on an exact store)."""
    return update(store, None)
