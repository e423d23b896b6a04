"""Queries that travel: every named query gives kg's own rows on the exported graph elsewhere.

The seeds' store is exported as Turtle (report graphs merged) and TriG (one graph per report),
loaded into rdflib and into a fresh pyoxigraph store, and every file of queries/ is run there
without parameters; the rows, in order, must be the ones ``kg query`` gives. Parameters are bound
as RDF terms (pyoxigraph substitutions), never pasted into the text: hostile names find their
entity and change nothing.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from kg.errors import QueryError
from kg.query import check_params, declared_params, load_query, query_names
from kg.rdfmap import map_report
from kg.store import open_store

ENGINES = ["pyoxigraph-turtle", "pyoxigraph-trig", "rdflib-turtle", "rdflib-trig"]

# rdflib's Dataset warns on every quad that its own default_context is deprecated
pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context:DeprecationWarning")


@pytest.fixture(scope="module")
def exported(built) -> dict[str, Any]:
    """kg's own rows for every named query, and the Turtle and TriG exports of the same store."""
    store = open_store("oxigraph", built["store"])
    try:
        rows = {name: store.query(load_query(name)).rows for name in query_names()}
        return {"rows": rows, "turtle": store.dump(None, "turtle"), "trig": store.dump(None, "trig")}
    finally:
        store.close()


@pytest.fixture(scope="module")
def engines(exported) -> dict[str, Any]:
    import pyoxigraph as ox
    from rdflib import Dataset, Graph

    turtle = ox.Store()
    turtle.load(exported["turtle"], format=ox.RdfFormat.TURTLE)
    trig = ox.Store()
    trig.load(exported["trig"], format=ox.RdfFormat.TRIG)
    graph = Graph()
    graph.parse(data=exported["turtle"], format="turtle")
    dataset = Dataset(default_union=True)
    dataset.parse(data=exported["trig"], format="trig")
    return {
        # Turtle has no named graphs: the default graph holds everything. TriG keeps one graph per
        # report, so the engine is asked to query their union, as kg's store and servers do.
        "pyoxigraph-turtle": lambda q: _oxigraph_rows(turtle, q, union=False),
        "pyoxigraph-trig": lambda q: _oxigraph_rows(trig, q, union=True),
        "rdflib-turtle": lambda q: _rdflib_rows(graph, q),
        "rdflib-trig": lambda q: _rdflib_rows(dataset, q),
    }


def _oxigraph_rows(store: Any, sparql: str, *, union: bool) -> list[tuple[Any, ...]]:
    from kg.store import _to_python

    answer = store.query(sparql, use_default_graph_as_union=union)
    columns = [variable.value for variable in answer.variables]
    return [tuple(_to_python(row[column]) for column in columns) for row in answer]


def _rdflib_value(term: Any) -> Any:
    from rdflib import Literal

    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, (bool, int, float, Decimal)):
            return value
        return str(term)
    return str(term)


def _rdflib_rows(graph: Any, sparql: str) -> list[tuple[Any, ...]]:
    result = graph.query(sparql)
    return [tuple(_rdflib_value(row[variable]) for variable in result.vars) for row in result]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", query_names())
def test_named_query_gives_kgs_rows_on_the_exported_graph(exported, engines, name: str, engine: str) -> None:
    expected = exported["rows"][name]
    assert expected, f"{name} gives no rows on kg's own store: nothing to compare"
    assert engines[engine](load_query(name)) == expected


def test_no_named_query_needs_a_named_graph() -> None:
    for name in query_names():
        text = "\n".join(line for line in load_query(name).splitlines() if not line.lstrip().startswith("#"))
        assert "GRAPH" not in text.upper().replace("GRAPH_", ""), name


# -- parameters: declared, bound as terms, never spliced ---------------------------------------

HOSTILE = [  # distinct letters, so that no two merge into one entity once normalised
    'a"b',
    "c'd",
    "e\\f",
    "g}h{",
    "} ; DROP ALL ; {",
    '" } ; DROP ALL ; INSERT DATA { <urn:x> <urn:y> "z" } ; #',
    "\\\" } UNION { ?s ?p ?o } #",
]


@pytest.fixture()
def hostile_store():
    """A store of one synthetic report whose company and award are named with hostile text."""
    store = open_store("memory")
    entities, relations = [], []
    for index, name in enumerate(HOSTILE):
        entities.append({"id": f"c{index}", "type": "Company", "name": f"公司{name}", "aliases": [name], "mentions": []})
        entities.append({"id": f"a{index}", "type": "Award", "name": f"质量奖{name}", "aliases": [], "mentions": []})
        relations.append({"subject": f"c{index}", "predicate": "receivedAward", "object": f"a{index}",
                          "year": 2000 + index, "evidence": "x", "evidence_span": [0, 1], "rule": "test.v1"})
    store.add_report("hostile", map_report({"doc": "hostile", "entities": entities, "relations": relations}))
    yield store
    store.close()


def _size(store: Any) -> int:
    return store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_are_bound_as_literals_and_find_their_entity(hostile_store, name: str) -> None:
    before = _size(hostile_store)
    query = load_query("awards")
    by_alias = hostile_store.query(query, {"recipient": name}).rows
    assert [(row[0], row[1], row[3]) for row in by_alias] == [(name, f"质量奖{name}", 2000 + HOSTILE.index(name))]
    by_award = hostile_store.query(query, {"award": f"质量奖{name}"}).rows
    assert [row[1] for row in by_award] == [f"质量奖{name}"]
    for other in query_names():  # every declared parameter of every query takes it and changes nothing
        for parameter in declared_params(load_query(other)):
            hostile_store.query(load_query(other), {parameter: name})
    assert _size(hostile_store) == before
    assert hostile_store.reports() == ["hostile"]


def test_a_parameter_a_query_does_not_declare_is_an_error() -> None:
    with pytest.raises(QueryError, match="declares no parameter edition; it takes award, grade, recipient, year"):
        check_params("awards", load_query("awards"), {"edition": 3})
    with pytest.raises(QueryError, match="it takes no parameter"):
        check_params("q.rq", "SELECT * WHERE { ?s ?p ?o }", {"s": "x"})
    check_params("awards", load_query("awards"), {"recipient": "x", "award": "y", "year": 2017})


def test_every_named_query_declares_its_parameters_in_its_header() -> None:
    for name in query_names():
        for parameter in declared_params(load_query(name)):
            assert f"?{parameter}" in load_query(name), (name, parameter)


@pytest.mark.parametrize("column", ["year", "grade", "recipient", "award"])
def test_awards_declared_parameters_filter_the_rows(exported, built, column: str) -> None:
    """Each declared parameter of awards keeps exactly the rows whose column holds the value."""
    columns = ("recipient", "award", "edition", "year", "grade", "report")
    index = columns.index(column)
    rows = exported["rows"]["awards"]
    values = sorted({row[index] for row in rows if row[index] is not None}, key=str)
    assert values, f"no award row has a {column}"
    store = open_store("oxigraph", built["store"])
    try:
        for value in values[:3]:
            got = store.query(load_query("awards"), {column: value}).rows
            assert got == [row for row in rows if row[index] == value], (column, value)
        assert store.query(load_query("awards"), {column: "no such value" if column != "year" else 1066}).rows == []
    finally:
        store.close()
