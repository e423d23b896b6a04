"""The GraphStore contract, run against every registered backend."""

from __future__ import annotations

import doctest
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest
from rdflib import Dataset, Graph

from kg.errors import QueryError, StoreError
from kg.names import DERIVED_PREDICATES, NAMES_GRAPH
from kg.rdfmap import map_report, report_iri
from kg.store import EXPORT_FORMATS, GraphStore, QueryResult, atomic_write, backend_names, open_store

DATA = Path(__file__).resolve().parent / "data" / "rdf_reports.jsonl"
# the statements written, not the names the store derives from them (kg.names)
COUNT_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <https://w3id.org/kg/id/graph/names>) }"
LABELLED = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?entity ?name WHERE {
  ?entity skos:prefLabel|skos:altLabel ?label .
  BIND(STR(?label) AS ?name)
}"""


def load_results() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


RESULTS = load_results()
DOCS = [result["doc"] for result in RESULTS]


@pytest.fixture(params=backend_names())
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    opened = open_store(request.param, path=tmp_path / "store")
    yield opened
    opened.close()


def fill(store: GraphStore, results: list[dict[str, Any]] = RESULTS) -> None:
    for result in results:
        store.add_report(result["doc"], map_report(result))


def triple_count(store: GraphStore) -> int:
    return store.query(COUNT_TRIPLES).rows[0][0]


def test_backends_include_oxigraph_and_memory() -> None:
    assert {"oxigraph", "memory"} <= set(backend_names())


def test_store_is_a_graph_store(store: GraphStore) -> None:
    assert isinstance(store, GraphStore)


def test_store_add_report_lists_it(store: GraphStore) -> None:
    assert store.reports() == []
    fill(store)
    assert store.reports() == sorted(DOCS)


def test_store_add_report_returns_the_triple_count(store: GraphStore) -> None:
    dataset = map_report(RESULTS[0])
    assert store.add_report(DOCS[0], dataset) == len(dataset.graph(report_iri(DOCS[0])))
    assert triple_count(store) == len(dataset.graph(report_iri(DOCS[0])))


def test_store_re_adding_a_report_replaces_its_graph(store: GraphStore) -> None:
    fill(store)
    before = triple_count(store)
    fill(store)
    assert triple_count(store) == before
    assert store.reports() == sorted(DOCS)


def test_store_re_adding_a_changed_report_drops_the_old_triples(store: GraphStore) -> None:
    fill(store)
    smaller = dict(RESULTS[0], relations=[])
    store.add_report(smaller["doc"], map_report(smaller))
    query = "SELECT ?r ?g WHERE { GRAPH ?g { ?r a kg:Recognition } }"
    assert len(store.query(query, {"g": report_iri(smaller["doc"])})) == 0
    assert len(store.query(query, {"g": report_iri(DOCS[1])})) == 2


def test_store_accepts_an_rdflib_graph_or_triples(store: GraphStore) -> None:
    graph = map_report(RESULTS[0]).graph(report_iri(DOCS[0]))
    store.add_report(DOCS[0], graph)
    count = triple_count(store)
    store.add_report(DOCS[0], list(graph))
    assert triple_count(store) == count == len(graph)


def test_store_refuses_triples_of_another_report(store: GraphStore) -> None:
    with pytest.raises(StoreError, match="belongs to graph .*seed_a"):
        store.add_report(DOCS[1], map_report(RESULTS[0]))
    assert store.reports() == []


def test_store_remove_report(store: GraphStore) -> None:
    fill(store)
    assert store.remove_report(DOCS[0]) is True
    assert store.reports() == [DOCS[1]]
    assert store.remove_report(DOCS[0]) is False
    assert store.remove_report(DOCS[1]) is True
    assert triple_count(store) == 0


def test_store_query_returns_columns_and_python_values(store: GraphStore) -> None:
    fill(store)
    result = store.query(
        "SELECT ?count ?level WHERE { ?node kg:count ?count ; kg:level ?level } ORDER BY ?count"
    )
    assert isinstance(result, QueryResult)
    assert result.columns == ("count", "level")
    assert result.rows == [(27, "international"), (51, "national")]
    assert result.as_dicts()[0] == {"count": 27, "level": "international"}


def test_store_query_sees_the_union_of_report_graphs(store: GraphStore) -> None:
    fill(store)
    names = {row[1] for row in store.query(LABELLED)}
    assert {"刘可安", "中联重科"} <= names  # one from each report


@pytest.mark.parametrize("name", ['a"b}{', "时代电气"])
def test_store_query_binds_a_parameter_with_quotes_and_braces(store: GraphStore, name: str) -> None:
    fill(store)
    result = store.query(LABELLED, {"name": name})
    assert len(result) >= 1
    assert {row[1] for row in result} == {name}


def test_store_query_parameter_is_never_spliced_into_the_text(store: GraphStore) -> None:
    fill(store)
    injection = '" } UNION { ?entity ?p ?label BIND("x" AS ?name) } #'
    assert len(store.query(LABELLED, {"name": injection})) == 0


def test_store_query_binds_integers_as_xsd_integer(store: GraphStore) -> None:
    fill(store)
    query = "SELECT ?node ?count WHERE { ?node kg:count ?count }"
    assert [row[1] for row in store.query(query, {"count": 51})] == [51]
    assert len(store.query(query, {"count": "51"})) == 0  # a string is not the integer 51


def test_store_query_accepts_question_mark_in_parameter_names(store: GraphStore) -> None:
    fill(store)
    assert len(store.query(LABELLED, {"?name": "中联重科"})) == 1


def test_store_query_syntax_error_is_a_query_error(store: GraphStore) -> None:
    with pytest.raises(QueryError, match="does not parse"):
        store.query("SELECT ?x WHERE { ?x ")


def test_store_query_binding_an_unselected_variable_is_a_query_error(store: GraphStore) -> None:
    with pytest.raises(QueryError, match="cannot bind nope"):
        store.query("SELECT ?s WHERE { ?s ?p ?o }", {"nope": "x"})


@pytest.mark.parametrize("bad", [{"not a name": "x"}, {"name": 1.5}, {"name": True}])
def test_store_query_rejects_bad_bindings(store: GraphStore, bad: dict[str, Any]) -> None:
    with pytest.raises(QueryError):
        store.query(LABELLED, bad)


def test_store_ask_and_construct(store: GraphStore) -> None:
    fill(store)
    assert store.query("ASK { ?s a kg:Recognition }").rows == [(True,)]
    built = store.query("CONSTRUCT { ?s a kg:Award } WHERE { ?s a kg:Award }")
    assert built.columns == ("subject", "predicate", "object")
    assert len(built) == 1


@pytest.mark.parametrize("format", sorted(EXPORT_FORMATS))
def test_store_dump_is_byte_identical_across_rebuilds(
    store: GraphStore, tmp_path: Path, format: str
) -> None:
    fill(store)
    first = store.dump(format=format)
    assert first == store.dump(format=format)
    rebuilt = open_store("memory")
    fill(rebuilt, list(reversed(RESULTS)))  # another order, another store
    fill(rebuilt)
    assert rebuilt.dump(format=format) == first
    rebuilt.close()


def test_store_dump_turtle_is_the_deduplicated_union(store: GraphStore) -> None:
    fill(store)
    union = Graph().parse(data=store.dump(format="turtle"), format="turtle")
    lines = store.dump(format="nt").decode("utf-8").splitlines()
    assert len(lines) == len(set(lines)) == len(union)
    per_report = sum(len(map_report(r).graph(report_iri(r["doc"]))) for r in RESULTS)
    written = [t for t in union if str(t[1]) not in DERIVED_PREDICATES]
    assert len(written) < per_report  # shared entities appear once


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own TriG parser
def test_store_dump_trig_keeps_one_graph_per_report(store: GraphStore) -> None:
    fill(store)
    dataset = Dataset().parse(data=store.dump(format="trig"), format="trig")
    names = {str(graph.identifier) for graph in dataset.graphs() if len(graph)}
    assert names == {str(report_iri(doc)) for doc in DOCS} | {str(NAMES_GRAPH)}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own JSON-LD parser
def test_store_dump_jsonld_parses(store: GraphStore) -> None:
    fill(store)
    graph = Graph().parse(data=store.dump(format="jsonld"), format="json-ld")
    assert len(graph) == len(store.dump(format="nt").splitlines())


def test_store_dump_writes_a_file_and_guesses_the_format(store: GraphStore, tmp_path: Path) -> None:
    fill(store)
    target = tmp_path / "out" / "kg.nt"
    assert store.dump(target) is None
    assert target.read_bytes() == store.dump(format="nt")


def test_store_dump_writes_a_binary_stream(store: GraphStore) -> None:
    fill(store)
    stream = io.BytesIO()
    store.dump(stream, format="turtle")
    assert stream.getvalue() == store.dump()


def test_store_dump_write_is_atomic(store: GraphStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fill(store)
    target = tmp_path / "kg.ttl"
    target.write_bytes(b"previous export\n")

    def fail(*args: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(StoreError, match="cannot write .*kg.ttl: disk full"):
        store.dump(target)
    assert target.read_bytes() == b"previous export\n"
    assert sorted(path.name for path in tmp_path.iterdir() if path.name != "store") == ["kg.ttl"]


def test_store_dump_unknown_format_is_an_error(store: GraphStore) -> None:
    with pytest.raises(StoreError, match="unknown export format 'rdfxml'; choose one of turtle, nt, jsonld, trig"):
        store.dump(format="rdfxml")


def test_store_closed_store_is_an_error(store: GraphStore) -> None:
    store.close()
    with pytest.raises(StoreError, match="is closed"):
        store.reports()
    store.close()  # closing twice is harmless


def test_open_store_unknown_backend_is_an_error() -> None:
    with pytest.raises(StoreError, match="unknown store backend 'neo4j'; choose one of"):
        open_store("neo4j")


def test_oxigraph_store_persists_reports_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "store"
    first = open_store("oxigraph", path=path)
    fill(first)
    dump = first.dump()
    first.close()
    reopened = open_store("oxigraph", path=path)
    assert reopened.reports() == sorted(DOCS)
    assert reopened.dump() == dump
    reopened.close()


def test_oxigraph_store_in_use_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "store"
    first = open_store("oxigraph", path=path)
    try:
        with pytest.raises(StoreError, match="cannot open the store at"):
            open_store("oxigraph", path=path)
    finally:
        first.close()


def test_store_module_imports_backends_lazily() -> None:
    code = "import sys, kg.store; assert 'pyoxigraph' not in sys.modules, 'imported eagerly'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_store_docstring_examples_run() -> None:
    import kg.store

    assert doctest.testmod(kg.store).failed == 0


def test_atomic_write_replaces_a_file_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "graph.html"
    atomic_write(target, b"one")
    target.chmod(0o640)
    atomic_write(target, "二".encode())
    assert target.read_text(encoding="utf-8") == "二"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [path.name for path in target.parent.iterdir()] == ["graph.html"]


def _dump_in_memory(store: GraphStore, fmt: str) -> bytes:
    """The dump as it was before it streamed (issue 14): every statement sorted in memory."""
    import pyoxigraph as ox

    from kg.namespace import PREFIXES
    from kg.store import _stable_prefixes

    export = EXPORT_FORMATS[fmt]
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

    def key(q: Any) -> tuple[str, int, str, str]:
        return (str(q.subject), 0 if q.predicate.value == rdf_type else 1, q.predicate.value, str(q.object))

    quads = [q for q in store._open.quads_for_pattern(None, None, None, None) if isinstance(q.graph_name, ox.NamedNode)]
    if export.keeps_graphs:
        unique = {(str(q.graph_name), *key(q)): q for q in quads}
    else:
        unique = {key(q): ox.Triple(q.subject, q.predicate, q.object) for q in quads}
    statements = [unique[k] for k in sorted(unique)]
    return _stable_prefixes(ox.serialize(statements, format=getattr(ox.RdfFormat, export.oxigraph_name), prefixes=dict(PREFIXES)))


@pytest.mark.parametrize("fmt", [name for name, export in EXPORT_FORMATS.items() if name != "jsonld"])
def test_store_dump_streams_the_bytes_an_in_memory_sort_gave(store: GraphStore, fmt: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """kg.ordered sorts in runs spilled to disk (here of 50 statements, so dozens of runs):
    the bytes are those of one sort in memory, to a path as to the caller."""
    fill(store)
    expected = _dump_in_memory(store, fmt)
    assert store.dump(None, format=fmt) == expected  # one run, in memory
    monkeypatch.setattr("kg.ordered.RUN", 50)
    assert store.dump(None, format=fmt) == expected
    store.dump(tmp_path / "out", format=fmt)
    assert (tmp_path / "out").read_bytes() == expected


def test_iter_query_hands_the_rows_of_query_one_at_a_time(store: GraphStore) -> None:
    """The build's passes over the whole store (``build.refresh_background``) read rows lazily."""
    import types

    fill(store)
    lazy = store.iter_query(LABELLED)
    assert isinstance(lazy, types.GeneratorType)
    assert sorted(lazy) == sorted(store.query(LABELLED).rows) != []
    with pytest.raises(QueryError):
        list(store.iter_query("SELECT ?x WHERE {"))


DISTINCT_TRIPLES = "SELECT (COUNT(DISTINCT *) AS ?n) WHERE { ?s ?p ?o }"


def test_distinct_triples_after_a_dump_is_what_the_distinct_count_query_says(store: GraphStore, tmp_path: Path) -> None:
    """The build's triple count comes from its Turtle dump (deduplicated on disk) instead of a
    query that holds every distinct triple in memory; it must be the same number, whatever was
    dumped last: a triple two reports share counts once, the derived names and the background
    count, and a write since the dump, a dump that keeps graphs (TriG) or a triple in the default
    graph send it to the query."""
    import pyoxigraph as ox

    fill(store)
    shared = RESULTS[0]
    store.add_report("copy-of-" + shared["doc"], map_report({**shared, "doc": "copy-of-" + shared["doc"]}))
    expected = store.query(DISTINCT_TRIPLES).rows[0][0]
    assert sum(1 for _ in store._open.quads_for_pattern(None, None, None, None)) > expected  # shared triples
    assert store.distinct_triples() == expected  # no dump yet: the query
    store.dump(tmp_path / "graph.ttl", format="turtle")
    assert store.dumped_statements == expected
    assert store.distinct_triples() == expected
    store.dump(tmp_path / "graph.trig", format="trig")
    assert store.dumped_statements is None
    assert store.distinct_triples() == expected
    store.dump(tmp_path / "graph.ttl", format="turtle")
    store.remove_report("copy-of-" + shared["doc"])  # a write after the dump: its count no longer holds
    assert store.dumped_statements is None
    expected = store.query(DISTINCT_TRIPLES).rows[0][0]
    assert store.distinct_triples() == expected
    store.dump(tmp_path / "graph.ttl", format="turtle")
    assert store.dumped_statements == expected
    store._open.add(ox.Quad(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"), ox.Literal("o")))
    assert store.distinct_triples() == expected + 1  # a default-graph triple: not in the dump, counted by the query
