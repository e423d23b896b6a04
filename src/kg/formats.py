"""Formats: graph files read back into a store, and JSON-LD written with kg's context.

Owns telling an RDF format from a file's suffix (the table is ``store.EXPORT_FORMATS``), parsing a
file with rdflib (:func:`parse_file`, for validation and isomorphism checks), loading one into a
``GraphStore`` graph by graph (:func:`load_file`, what ``kg load`` does), and the JSON-LD that
``GraphStore.dump`` writes (:func:`jsonld`: compacted with ``ontology/context.jsonld``, in a
stable order). Must not: write to a store except through ``add_report``/``replace_graph``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .errors import StoreError
from .names import NAMES_GRAPH
from .rdfmap import report_id, report_iri
from .store import EXPORT_FORMATS, ExportFormat, GraphStore

__all__ = ["file_format", "parse_file", "load_file", "jsonld"]

_RDFLIB_FORMATS = {"turtle": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}


def file_format(path: str | os.PathLike[str]) -> ExportFormat:
    """The export format a file's suffix names (``.ttl``, ``.nt``, ``.nq``, ``.trig``, ``.jsonld``)."""
    suffix = Path(path).suffix.lower()
    for export in EXPORT_FORMATS.values():
        if export.suffix == suffix or (suffix == ".json" and export.name == "jsonld"):
            return export
    raise StoreError(
        f"{path}: cannot tell the RDF format from the suffix {suffix or '(none)'}; "
        f"use one of {', '.join(e.suffix for e in EXPORT_FORMATS.values())}."
    )


def parse_file(path: str | os.PathLike[str]) -> Any:
    """A graph file as rdflib: a ``Dataset`` for TriG and N-Quads, else a ``Graph``."""
    from rdflib import Dataset, Graph

    export = file_format(path)
    graph: Any = Dataset() if export.keeps_graphs else Graph()
    try:
        graph.parse(str(path), format=_RDFLIB_FORMATS[export.name])
    except Exception as error:  # rdflib's parsers raise many unrelated types
        raise StoreError(f"{path} does not parse as {export.name}: {error}") from error
    return graph


def load_file(store: GraphStore, path: str | os.PathLike[str]) -> dict[str, int]:
    """Load a graph file into ``store``; returns ``{"graphs": n, "triples": n}``.

    Named graphs (TriG, N-Quads) are kept: a report's graph replaces that report, another graph
    (the background graph) is replaced whole, and the names graph is left to the store, which
    derives it from the labels loaded. Triples outside any named graph, and every triple of
    a Turtle, N-Triples or JSON-LD file, go to one graph named after the file,
    ``ID["graph/file/<name>"]``, so that loading the same file again replaces them.
    """
    import pyoxigraph as ox

    from .namespace import ID

    export = file_format(path)
    try:
        with open(path, "rb") as handle:
            quads = list(ox.parse(handle, format=getattr(ox.RdfFormat, export.oxigraph_name)))
    except (SyntaxError, ValueError) as error:
        raise StoreError(f"{path} does not parse as {export.name}: {error}") from error
    own = str(ID[f"graph/file/{Path(path).stem}"])
    by_graph: dict[str, list[Any]] = {}
    for quad in quads:
        name = quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else own
        by_graph.setdefault(name, []).append((quad.subject, quad.predicate, quad.object))
    prefix = str(report_iri("x"))[:-1]
    by_graph.pop(str(NAMES_GRAPH), None)  # derived: the store writes it from the labels loaded
    triples = 0
    for name, statements in sorted(by_graph.items()):
        if name.startswith(prefix):
            triples += store.add_report(report_id(name), statements)
        else:
            triples += store.replace_graph(name, statements)
    return {"graphs": len(by_graph), "triples": triples}


def jsonld(triples: list[Any]) -> bytes:
    """JSON-LD compacted with kg's context (``ontology/context.jsonld``, embedded so that the file
    reads offline), in a stable order: nodes by ``@id``, keys sorted, each property's values sorted
    (their order carries no meaning in JSON-LD), so the same store gives the same bytes.

    rdflib writes it: pyoxigraph's JSON-LD writer does not compact with a context.
    """
    import json

    import pyoxigraph as ox
    from rdflib import Graph

    from .validate import ontology_text

    context = json.loads(ontology_text("context.jsonld"))["@context"]
    graph = Graph(bind_namespaces="none")
    graph.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    document = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))

    def ordered(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: ordered(value[key]) for key in sorted(value)}
        if isinstance(value, list):
            items = [ordered(item) for item in value]
            return sorted(items, key=lambda item: json.dumps(item, ensure_ascii=False, sort_keys=True))
        return value

    nodes = document.get("@graph", [] if "@id" not in document else [{k: v for k, v in document.items() if k != "@context"}])
    body = {"@context": context, "@graph": sorted((ordered(n) for n in nodes), key=lambda n: str(n.get("@id", "")))}
    return (json.dumps(body, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
