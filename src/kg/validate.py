"""Validation: check a kg graph against the ontology's SHACL shapes.

Owns loading the packaged ontology files (``kg/data/ontology/kg.ttl`` and ``shapes.ttl``, copies
of the canonical ``ontology/`` files at the repository's top) through ``importlib.resources``, and
running pyshacl over a graph. Hands back ``(conforms, report_text)``; the CLI decides what to print.

Must not change the graph it is given, infer new triples into it, or read files by paths built
from the source tree (that breaks once the package is installed).
"""

from __future__ import annotations

from typing import Any

from functools import lru_cache
from importlib import resources

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
]

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
    from rdflib import BNode
    from rdflib.namespace import SH

    data = _as_graph(graph)
    _, results, _ = _shacl(data)
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
    return sorted(found, key=lambda row: (row["message"], row["focus"], row["path"], row["value"]))
