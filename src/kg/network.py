"""Network export: the entity graph as GraphML or GEXF, for Gephi, Cytoscape and networkx.

Owns reading the entity network out of a store (one node per entity with its type, preferred
name, aliases and reports; one edge per direct relation between two entities, plus
``renamedTo``) into a networkx ``MultiDiGraph``, and writing it with networkx's GraphML and GEXF
writers. Attribute values are plain strings and integers, as both formats want. Provenance
(sentences, offsets, rules) stays in the RDF exports; this is the picture, not the record.

Must not: build RDF, or share code with the HTML page (``viz``), whose node model serves a page.
"""

from __future__ import annotations

import io
import os
from typing import IO, Any, Union

from .errors import StoreError

__all__ = ["NETWORK_FORMATS", "entity_network", "write_network"]

#: Network formats by name: the file suffix of each.
NETWORK_FORMATS = {"graphml": ".graphml", "gexf": ".gexf"}

_NODES = """
PREFIX kg:   <https://w3id.org/kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?node ?type ?name
       (GROUP_CONCAT(DISTINCT STR(?alias); separator="|") AS ?aliases)
       (COUNT(DISTINCT ?report) AS ?reports)
WHERE {
  VALUES ?class { kg:Company kg:GovernmentAgency kg:Institution kg:StandardsBody kg:Park kg:Place
                  kg:Award kg:Standard kg:Person }
  ?node a ?class .
  BIND(STRAFTER(STR(?class), "#") AS ?type)
  { SELECT ?node (SUBSTR(MIN(CONCAT(STR(10000 - STRLEN(STR(?label))), STR(?label))), 5) AS ?name)
    WHERE { ?node skos:prefLabel ?label } GROUP BY ?node }
  OPTIONAL { ?node skos:prefLabel|skos:altLabel ?alias }
  OPTIONAL { ?node kg:mentionedIn ?report }
}
GROUP BY ?node ?type ?name
ORDER BY ?node ?type
"""

_EDGES = """
PREFIX kg: <https://w3id.org/kg/ontology#>
SELECT DISTINCT ?source ?predicate ?target
WHERE {
  VALUES ?property { kg:receivedAward kg:locatedIn kg:subsidiaryOf kg:secretariatOf
                     kg:contributedToStandard kg:appliesStandard kg:worksFor kg:renamedTo }
  ?source ?property ?target .
  BIND(STRAFTER(STR(?property), "#") AS ?predicate)
}
ORDER BY ?source ?predicate ?target
"""


def entity_network(store: Any) -> Any:
    """The store's entities and their direct relations as a networkx ``MultiDiGraph``.

    Nodes are entity IRIs with ``type``, ``label`` (the preferred name: the longest, as the named
    queries choose it), ``aliases`` (every other name, ``|``-separated) and ``reports`` (how many
    reports mention it); an entity typed twice keeps its first type in IRI order. Edges are keyed
    by predicate and carry ``predicate``; an edge whose end is no entity is left out.
    """
    import networkx as nx

    graph = nx.MultiDiGraph()
    for node, kind, name, aliases, reports in store.query(_NODES).rows:
        if node in graph:
            continue
        others = sorted(a for a in (aliases or "").split("|") if a and a != name)
        graph.add_node(node, type=kind, label=name or "", aliases="|".join(others), reports=int(reports or 0))
    for source, predicate, target in store.query(_EDGES).rows:
        if source in graph and target in graph:
            graph.add_edge(source, target, key=predicate, predicate=predicate)
    return graph


def write_network(store: Any, output: Union[str, "os.PathLike[str]", IO[bytes], None], format: str) -> bytes | None:  # noqa: A002
    """Write the entity network as ``graphml`` or ``gexf`` to a path (atomically) or a binary
    stream; with ``output=None`` return the bytes."""
    import networkx as nx

    from .store import _write

    if format not in NETWORK_FORMATS:
        raise StoreError(f"unknown network format {format!r}; choose one of {', '.join(NETWORK_FORMATS)}.")
    graph = entity_network(store)
    buffer = io.BytesIO()
    if format == "graphml":
        nx.write_graphml(graph, buffer, encoding="utf-8", prettyprint=True)
    else:
        nx.write_gexf(graph, buffer, encoding="utf-8", prettyprint=True)
    return _write(buffer.getvalue(), output)
