"""The names graph (kg.names): one display name and the lookup names of every labelled node, kept
exact by the store through additions, replacements and removals of report graphs.

Labels here are small synthetic strings (no report text): what is tested is the bookkeeping.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef

from kg.errors import StoreError
from kg.formats import load_file
from kg.names import DERIVED_PREDICATES, NAMES_GRAPH, display_name
from kg.namespace import KG, SKOS
from kg.rdfmap import map_report
from kg.store import open_store

DATA = Path(__file__).resolve().parent / "data" / "rdf_reports.jsonl"
NODES = [URIRef(f"https://w3id.org/kg/id/company/{i:016x}") for i in range(4)]

# How the queries chose a name before kg.names: the longest prefLabel, ties the smallest.
GROUPED = """
SELECT ?node (SUBSTR(MIN(CONCAT(STR(10000 - STRLEN(STR(?label))), STR(?label))), 5) AS ?name)
WHERE { ?node skos:prefLabel ?label } GROUP BY ?node
"""
STORED = f"SELECT ?node ?name WHERE {{ GRAPH <{NAMES_GRAPH}> {{ ?node kg:displayName ?name }} }}"
LOOKUP = f"SELECT ?node ?name WHERE {{ GRAPH <{NAMES_GRAPH}> {{ ?node kg:lookupName ?name }} }}"
LABELS = "SELECT ?node ?name WHERE { ?node skos:prefLabel|skos:altLabel ?label BIND(STR(?label) AS ?name) }"


def rows(store: Any, query: str) -> set[tuple[Any, ...]]:
    return set(store.query(query).rows)


def assert_names_follow_labels(store: Any) -> None:
    """The names graph is what the labels the store holds give, and a fresh recomputation changes nothing."""
    assert rows(store, STORED) == rows(store, GROUPED)
    assert rows(store, LOOKUP) == rows(store, LABELS)
    assert store.refresh_names() == 0


labels = st.text(alphabet="株洲市高新区AB1 ", min_size=1, max_size=5).map(str.strip).filter(bool)
report_labels = st.dictionaries(st.sampled_from(range(len(NODES))),
                                st.tuples(labels, st.lists(labels, max_size=2)), max_size=3)
operations = st.lists(st.tuples(st.sampled_from(["add", "remove"]), st.sampled_from("abc"), report_labels),
                      min_size=1, max_size=8)


def statements(labelled: dict[int, tuple[str, list[str]]]) -> list[tuple[Any, Any, Any]]:
    out = []
    for index, (preferred, aliases) in labelled.items():
        out.append((NODES[index], SKOS.prefLabel, Literal(preferred, lang="zh")))
        out.extend((NODES[index], SKOS.altLabel, Literal(alias, lang="zh")) for alias in aliases)
    return out


@settings(max_examples=100)  # each example runs a store and several queries per step
@given(operations)
def test_names_stay_exact_through_any_sequence_of_additions_changes_and_removals(steps) -> None:
    store = open_store("memory")
    try:
        for operation, doc, labelled in steps:
            if operation == "add":
                store.add_report(doc, statements(labelled))
            else:
                store.remove_report(doc)
            assert_names_follow_labels(store)
    finally:
        store.close()


@settings(max_examples=50)
@given(st.lists(labels, min_size=1, max_size=6))
def test_display_name_is_the_rule_the_queries_applied(texts: list[str]) -> None:
    store = open_store("memory")
    try:
        for index, text in enumerate(texts):  # one report per label: the node is named differently
            store.add_report(f"r{index}", [(NODES[0], SKOS.prefLabel, Literal(text, lang="zh"))])
        assert rows(store, STORED) == {(str(NODES[0]), display_name(texts))} == rows(store, GROUPED)
    finally:
        store.close()


def test_a_name_goes_back_when_the_report_that_gave_it_is_removed_or_changed(tmp_path: Path) -> None:
    store = open_store("oxigraph", tmp_path / "store")
    try:
        store.add_report("short", [(NODES[0], SKOS.prefLabel, Literal("株洲", lang="zh"))])
        store.add_report("long", [(NODES[0], SKOS.prefLabel, Literal("株洲市", lang="zh")),
                                  (NODES[0], SKOS.altLabel, Literal("株洲地区", lang="zh"))])
        assert rows(store, STORED) == {(str(NODES[0]), "株洲市")}
        assert rows(store, LOOKUP) == {(str(NODES[0]), name) for name in ("株洲", "株洲市", "株洲地区")}
        store.add_report("long", [(NODES[0], SKOS.prefLabel, Literal("株州", lang="zh"))])  # changed
        assert rows(store, STORED) == {(str(NODES[0]), "株州")}  # same length: the smaller
        store.remove_report("long")
        assert rows(store, STORED) == {(str(NODES[0]), "株洲")}
        assert rows(store, LOOKUP) == {(str(NODES[0]), "株洲")}
        store.remove_report("short")
        assert rows(store, STORED) == set() and rows(store, LOOKUP) == set()
    finally:
        store.close()


def test_a_bulk_load_writes_the_names_of_what_it_loaded(tmp_path: Path) -> None:
    results = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    bulk, one_by_one = open_store("oxigraph", tmp_path / "bulk"), open_store("memory")
    try:
        bulk.bulk_add_reports((r["doc"], map_report(r)) for r in results)
        for result in results:
            one_by_one.add_report(result["doc"], map_report(result))
        assert rows(bulk, STORED) == rows(one_by_one, STORED) == rows(bulk, GROUPED)
        assert rows(bulk, LOOKUP) == rows(one_by_one, LOOKUP) == rows(bulk, LABELS)
        assert bulk.refresh_names() == 0
    finally:
        bulk.close()
        one_by_one.close()


def test_derived_statements_given_to_the_store_are_dropped_and_the_names_graph_is_its_own() -> None:
    store = open_store("memory")
    try:
        store.add_report("r", [(NODES[0], SKOS.prefLabel, Literal("甲公司", lang="zh")),
                               (NODES[0], KG.displayName, Literal("乙")), (NODES[0], KG.lookupName, Literal("乙"))])
        assert rows(store, STORED) == {(str(NODES[0]), "甲公司")}
        assert rows(store, LOOKUP) == {(str(NODES[0]), "甲公司")}
        with pytest.raises(StoreError, match="derives"):
            store.replace_graph(str(NAMES_GRAPH), [(NODES[0], KG.displayName, Literal("乙"))])
    finally:
        store.close()


def test_an_export_loaded_again_gets_the_same_names(tmp_path: Path) -> None:
    results = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    store = open_store("memory")
    try:
        for result in results:
            store.add_report(result["doc"], map_report(result))
        for fmt in ("trig", "turtle"):
            path = tmp_path / f"graph.{'ttl' if fmt == 'turtle' else fmt}"
            store.dump(path, format=fmt)
            again = open_store("memory")
            try:
                load_file(again, path)
                assert rows(again, STORED) == rows(store, STORED)
                assert rows(again, LOOKUP) == rows(store, LOOKUP)
                derived = {str(p) for p in DERIVED_PREDICATES}
                count = again.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(STR(?p) IN (?a, ?b)) }".replace(
                    "?a, ?b", ", ".join(f'"{p}"' for p in sorted(derived)))).rows[0][0]
                assert count == len(rows(store, STORED)) + len(rows(store, LOOKUP))  # once, in the names graph
            finally:
                again.close()
    finally:
        store.close()


@pytest.mark.parametrize("backend", ["oxigraph", "memory"])
def test_a_large_update_goes_through_its_nodes_in_bounded_batches(tmp_path: Path, monkeypatch, backend: str) -> None:
    """A bulk load and a refresh recompute the names a batch of nodes at a time (``BATCH_NODES``),
    writing each batch before reading the next (so memory holds one batch, not every label of
    the store), and end where one pass over all nodes ends."""
    from kg import names

    results = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    reference = open_store("memory")
    store = open_store(backend, tmp_path / "store")
    try:
        for result in results:
            reference.add_report(result["doc"], map_report(result))
        monkeypatch.setattr(names, "BATCH_NODES", 3)
        monkeypatch.setattr(names, "BULK_QUADS", 4)
        seen: list[int] = []
        lookup = names._lookup

        def spy(store_: Any, batch: set[Any]) -> Any:
            seen.append(len(batch))
            return lookup(store_, batch)

        monkeypatch.setattr(names, "_lookup", spy)
        store.bulk_add_reports((r["doc"], map_report(r)) for r in results)
        assert len(seen) > 2 and max(seen) <= 3
        assert rows(store, STORED) == rows(reference, STORED) == rows(store, GROUPED)
        assert rows(store, LOOKUP) == rows(reference, LOOKUP) == rows(store, LABELS)
        # a refresh puts back names lost from the names graph, batch by batch too
        import pyoxigraph as ox

        raw = store._open
        lost = list(raw.quads_for_pattern(None, None, None, ox.NamedNode(str(NAMES_GRAPH))))[:5]
        for quad in lost:
            raw.remove(quad)
        seen.clear()
        assert store.refresh_names() == len(lost) == 5
        assert len(seen) > 2 and max(seen) <= 3
        assert rows(store, LOOKUP) == rows(reference, LOOKUP) and store.refresh_names() == 0
    finally:
        store.close()
        reference.close()
