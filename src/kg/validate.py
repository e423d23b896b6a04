"""Validation: check a kg graph against the ontology's SHACL shapes.

Owns loading the packaged ontology files (``kg/data/ontology/kg.ttl`` and ``shapes.ttl``, copies
of the canonical ``ontology/`` files at the repository's top) through ``importlib.resources``, and
running pyshacl over a graph; a store's graph (:func:`validate_store`) is checked by SPARQL over
the store (:mod:`kg.shacl_sparql`, the same rows, fast) or by pyshacl in slices of focus nodes in
bounded memory. Hands back ``(conforms, report_text)``; the CLI decides what to print.

Must not change the graph it is given, infer new triples into it, or read files by paths built
from the source tree (that breaks once the package is installed).
"""

from __future__ import annotations

from contextlib import closing
from functools import lru_cache
from importlib import resources
from typing import Any

from rdflib import Dataset, Graph

from .errors import OntologyError

__all__ = [
    "ONTOLOGY_FILES",
    "ontology_text",
    "load_ontology",
    "load_shapes",
    "validate",
    "ensure_valid",
    "violations",
    "validate_store",
    "store_violations",
    "SLICE_TRIPLES",
]

#: Triples of the focus nodes one slice of :func:`validate_store` holds (their values' own
#: triples come along).
SLICE_TRIPLES = 20_000

#: The packaged ontology files, by name.
ONTOLOGY_FILES: tuple[str, ...] = ("kg.ttl", "shapes.ttl", "context.jsonld")


def ontology_text(name: str) -> bytes:
    """The bytes of one packaged ontology file (``"kg.ttl"``, ``"shapes.ttl"``, ``"context.jsonld"``)."""
    if name not in ONTOLOGY_FILES:
        raise OntologyError(
            f"unknown ontology file {name!r}; expected one of {', '.join(ONTOLOGY_FILES)}."
        )
    try:
        return resources.files("kg").joinpath("data", "ontology", name).read_bytes()
    except OSError as error:
        raise OntologyError(
            f"the packaged ontology file kg/data/ontology/{name} is missing ({error}). "
            "Reinstall kg."
        ) from error


@lru_cache(maxsize=None)
def _parsed(name: str) -> Graph:
    graph = Graph()
    try:
        graph.parse(data=ontology_text(name), format="turtle")
    except Exception as error:  # rdflib raises several unrelated types for bad Turtle
        raise OntologyError(f"kg/data/ontology/{name} does not parse: {error}") from error
    return graph


def load_ontology() -> Graph:
    """The OWL ontology (``kg.ttl``) as a new rdflib graph."""
    return _copy(_parsed("kg.ttl"))


def load_shapes() -> Graph:
    """The SHACL shapes (``shapes.ttl``) as a new rdflib graph."""
    return _copy(_parsed("shapes.ttl"))


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    for prefix, namespace in graph.namespaces():
        copy.bind(prefix, namespace, override=True)
    for triple in graph:
        copy.add(triple)
    return copy


def _as_graph(graph: Graph | Dataset | bytes | str) -> Graph:
    """One graph to validate: a Dataset's graphs are merged, bytes or text are parsed as Turtle."""
    if isinstance(graph, (bytes, str)):
        parsed = Graph()
        parsed.parse(data=graph, format="turtle")
        return parsed
    if isinstance(graph, Dataset):
        union = Graph()
        for subject, predicate, obj, _ in graph.quads((None, None, None, None)):
            union.add((subject, predicate, obj))
        return union
    if isinstance(graph, Graph):
        return graph
    raise TypeError(
        "validate() takes an rdflib Graph or Dataset, or Turtle text, "
        f"not {type(graph).__name__}."
    )


def validate(graph: Graph | Dataset | bytes | str) -> tuple[bool, str]:
    """Validate ``graph`` against the shapes, with the ontology mixed in; return (conforms, report).

    A ``Dataset`` is validated as the union of its graphs (how ``GraphStore.dump`` exports it);
    ``bytes`` or ``str`` are parsed as Turtle, so ``validate(store.dump())`` works. The graph
    itself is left unchanged. The report is pyshacl's text report.
    """
    conforms, _, report_text = _shacl(_as_graph(graph))
    return bool(conforms), str(report_text)


def _shacl(data: Graph) -> tuple[Any, Any, Any]:
    """pyshacl with kg's shapes and ontology, no inference: (conforms, results graph, text)."""
    from pyshacl import validate as shacl_validate

    return shacl_validate(data, shacl_graph=_parsed("shapes.ttl"), ont_graph=_parsed("kg.ttl"), inference="none",
                          abort_on_first=False, allow_warnings=False, inplace=False)


def ensure_valid(graph: Graph | Dataset | bytes | str) -> None:
    """Raise ``OntologyError`` with pyshacl's report when ``graph`` does not conform."""
    conforms, report_text = validate(graph)
    if not conforms:
        raise OntologyError(f"the graph does not conform to kg's shapes:\n{report_text}")


def violations(graph: Graph | Dataset | bytes | str) -> list[dict[str, str]]:
    """Each SHACL result as ``{"severity", "focus", "path", "value", "message", "shape"}``, sorted.

    The same check as :func:`validate`, read from pyshacl's results graph rather than its text,
    so that a caller can group and print them; an empty list means the graph conforms.
    """
    _, results, _ = _shacl(_as_graph(graph))
    return _sorted(_results(results))


def _sorted(found: list[dict[str, str]]) -> list[dict[str, str]]:
    return sorted(found, key=lambda row: (row["message"], row["focus"], row["path"], row["value"]))


def _results(results: Graph) -> list[dict[str, str]]:
    """The rows of :func:`violations` read from one pyshacl results graph."""
    from rdflib import BNode
    from rdflib.namespace import SH

    found = []
    for result in results.subjects(SH.resultSeverity, None):
        def value(predicate):  # noqa: ANN001, ANN202 - local helper
            item = results.value(result, predicate)
            return "" if item is None else str(item)

        found.append({
            "severity": value(SH.resultSeverity).rsplit("#", 1)[-1],
            "focus": value(SH.focusNode),
            "path": value(SH.resultPath),
            "value": value(SH.value),
            "message": value(SH.resultMessage),
            "shape": "" if isinstance(results.value(result, SH.sourceShape), BNode) else value(SH.sourceShape),
        })
    return found


# -- a store's graph, in slices ---------------------------------------------------------------------

class _NotSliceable(Exception):
    """The store's graph has a blank node as a subject (pyshacl's focus filter takes IRIs only)."""


def _slices(ox_store: Any, slice_triples: int) -> Any:
    """(focus nodes, rdflib graph) of the store's report graphs in subject order: the triples of
    up to about ``slice_triples`` subjects' worth, plus every triple whose subject is one of
    their values (a value's type for ``sh:class``; the direct triple the SPARQL constraints look
    for two steps away: recipient kg:receivedAward award, subject kg:standardsCount node, the
    triple a statement reifies). Every subject is a focus node of exactly one slice."""
    import pyoxigraph as ox

    from .ordered import ordered_statements

    def in_reports(subject: Any) -> Any:
        return (q for q in ox_store.quads_for_pattern(subject, None, None, None) if isinstance(q.graph_name, ox.NamedNode))

    def graph_of(own: list[Any], subjects: set[Any]) -> Graph:
        extra: set[Any] = set()
        for value in {t.object for t in own if isinstance(t.object, (ox.NamedNode, ox.BlankNode))} - subjects:
            extra.update(ox.Triple(q.subject, q.predicate, q.object) for q in in_reports(value))
        graph = Graph()
        graph.parse(data=ox.serialize([*own, *extra], format=ox.RdfFormat.N_TRIPLES), format="nt")
        return graph

    own: list[Any] = []
    subjects: set[Any] = set()
    # closed on every way out (a blank node, a caller that stops): the store's iterators it holds
    # keep RocksDB's lock until they go
    with closing(ordered_statements(in_reports(None), keep_graphs=False)) as statements:
        for triple in statements:
            if isinstance(triple.subject, ox.BlankNode):
                raise _NotSliceable()
            if triple.subject not in subjects:
                if len(own) >= slice_triples:
                    yield {s.value for s in subjects}, graph_of(own, subjects)
                    own, subjects = [], set()
                subjects.add(triple.subject)
            own.append(triple)
    if own:
        yield {s.value for s in subjects}, graph_of(own, subjects)


def _store_results(store: Any, slice_triples: int | None, engine: str = "sparql") -> list[dict[str, str]]:
    """The rows of :func:`violations` of a store's graph: by SPARQL over the store where the
    shapes translate (:mod:`kg.shacl_sparql`), else by pyshacl in slices where it can."""
    if engine not in ("sparql", "pyshacl"):
        raise ValueError(f"engine is 'sparql' or 'pyshacl', not {engine!r}")
    ox_store = getattr(store, "_open", None)  # a pyoxigraph-backed store (kg.store); others whole
    if ox_store is not None and engine == "sparql":
        from .shacl_sparql import Unsupported, store_rows

        try:
            return store_rows(ox_store, _parsed("shapes.ttl"), _parsed("kg.ttl"))
        except Unsupported:
            pass
    if ox_store is not None:
        try:
            found = []
            with closing(_slices(ox_store, slice_triples or SLICE_TRIPLES)) as slices:
                for focus, graph in slices:
                    # the slice's values are validated too, on part of their triples: their results
                    # are dropped (each is validated in its own slice). pyshacl's focus_nodes option
                    # would skip them, but it looks each targeted node up in a list (quadratic).
                    ok, results, _ = _shacl(graph)
                    if not ok:
                        found.extend(row for row in _results(results) if row["focus"] in focus)
            return found
        except _NotSliceable:
            pass
    _, results, _ = _shacl(_as_graph(store.dump(None, format="turtle")))
    return _results(results)


def validate_store(store: Any, *, slice_triples: int | None = None, engine: str = "sparql") -> tuple[bool, str]:
    """:func:`validate` of a store's graph (the union of its report graphs, as ``dump`` exports
    it). With ``engine="sparql"`` (the default) each constraint of the shapes is one SPARQL
    query over the store (:mod:`kg.shacl_sparql`: the same rows as pyshacl, in time about linear
    in the graph); where the shapes do not translate, or the store's default graph or a result
    holds what that cannot give as pyshacl does, and with ``engine="pyshacl"``, pyshacl runs
    in bounded memory: its subjects in slices of about ``slice_triples`` triples
    (:data:`SLICE_TRIPLES`), each slice with its values' own triples, and only the results whose
    focus node is one of the slice's subjects kept. That is the whole graph's result, because
    kg's shapes look at a focus node's own triples and at its values' (no longer paths). A
    store that is not pyoxigraph's, or a graph with a blank node as a subject, is validated
    whole. The report lists every result (pyshacl's fields, sorted as :func:`violations`)."""
    found = _sorted(_store_results(store, slice_triples, engine))
    if not found:
        return True, "Validation Report\nConforms: True\n"
    lines = [f"Validation Report\nConforms: False\nResults ({len(found)}):\n"]
    for row in found:
        lines.append(
            f"Constraint Violation ({row['severity']}): {row['message']}\n\tFocus Node: {row['focus']}\n"
            f"\tResult Path: {row['path']}\n\tValue: {row['value']}\n\tSource Shape: {row['shape']}\n"
        )
    return False, "".join(lines)


def store_violations(store: Any, *, slice_triples: int | None = None, engine: str = "sparql") -> list[dict[str, str]]:
    """:func:`violations` of a store's graph, as :func:`validate_store` runs."""
    return _sorted(_store_results(store, slice_triples, engine))
