"""Formats: every export format read back (``kg load``) gives an isomorphic graph; ``kg validate``.

Isomorphism is rdflib's (``rdflib.compare.isomorphic``); TriG and N-Quads are compared graph by
graph, so a report's statements must come back in that report's graph.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.cli import main
from kg.errors import StoreError
from kg.formats import file_format, load_file, parse_file
from kg.names import DERIVED_PREDICATES, NAMES_GRAPH
from kg.store import EXPORT_FORMATS, open_store


@pytest.fixture(scope="module")
def exports(built, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("exports")
    store = open_store("oxigraph", built["store"])
    try:
        paths = {}
        for name, export in EXPORT_FORMATS.items():
            paths[name] = folder / f"graph{export.suffix}"
            store.dump(paths[name], format=name)
        return paths
    finally:
        store.close()


def _graphs(dataset: Dataset) -> dict[str, Graph]:
    out: dict[str, Graph] = {}
    for context in dataset.contexts():
        graph = Graph()
        for triple in context:
            graph.add(triple)
        if len(graph):
            out[str(context.identifier)] = graph
    return out


@pytest.mark.parametrize("fmt", list(EXPORT_FORMATS))
def test_export_then_load_gives_an_isomorphic_graph(exports, fmt: str) -> None:
    original = parse_file(exports["turtle"])
    store = open_store("memory")
    try:
        counts = load_file(store, exports[fmt])
        # what the store derives (kg.names) is written by the store, not loaded
        assert counts["triples"] >= len([t for t in original if str(t[1]) not in DERIVED_PREDICATES])
        again = Graph()
        again.parse(data=store.dump(None, "turtle"), format="turtle")
        assert isomorphic(again, original)
        if EXPORT_FORMATS[fmt].keeps_graphs:
            expected = _graphs(parse_file(exports["trig"]))
            back = Dataset()
            back.parse(data=store.dump(None, "trig"), format="trig")
            got = _graphs(back)
            assert sorted(got) == sorted(expected) and len(got) == 7  # five reports, the background, the names
            assert all(isomorphic(got[name], expected[name]) for name in expected)
            assert len(store.reports()) == 5
    finally:
        store.close()


@pytest.mark.parametrize("fmt", list(EXPORT_FORMATS))
def test_every_export_parses_in_rdflib_to_the_same_graph(exports, fmt: str) -> None:
    parsed = parse_file(exports[fmt])
    merged = Graph()
    for triple in parsed.triples((None, None, None)) if not isinstance(parsed, Dataset) else (
        q[:3] for q in parsed.quads((None, None, None, None))
    ):
        merged.add(triple)
    assert isomorphic(merged, parse_file(exports["turtle"]))


def test_loading_the_same_triples_file_twice_replaces_it(exports) -> None:
    store = open_store("memory")
    try:
        first = load_file(store, exports["nt"])
        second = load_file(store, exports["nt"])
        assert first == second
        count = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{NAMES_GRAPH}>) }}").rows[0][0]
        assert count == first["triples"]
    finally:
        store.close()


def test_file_format_comes_from_the_suffix(tmp_path: Path) -> None:
    assert file_format("a/graph.nq").name == "nq"
    assert file_format("graph.TRIG").name == "trig"
    with pytest.raises(StoreError, match="cannot tell the RDF format"):
        file_format(tmp_path / "graph.xml")


def test_cli_load_then_query(exports, tmp_path: Path) -> None:
    store = tmp_path / "store"
    result = CliRunner().invoke(main, ["load", str(exports["trig"]), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "6 graph(s)" in result.output
    rows = CliRunner().invoke(main, ["query", "awards", "--store", str(store), "--format", "json"])
    assert rows.exit_code == 0 and len(json.loads(rows.output)) > 50


def test_cli_load_bad_file_is_a_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    result = CliRunner().invoke(main, ["load", str(bad), "--store", str(tmp_path / "store")])
    assert result.exit_code == 1 and result.output.startswith("Error: ") and "does not parse" in result.output


# -- kg validate ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def one_report(exports, tmp_path_factory) -> Path:
    """The graph of the smallest seed report alone (validating it is quicker than the whole)."""
    graphs = _graphs(parse_file(exports["trig"]))
    name = min((g for g in graphs if "/report/" in g), key=lambda g: len(graphs[g]))
    path = tmp_path_factory.mktemp("one") / "report.nt"
    graphs[name].serialize(path, format="nt")
    return path


def test_cli_validate_store_and_file_conform(built, one_report) -> None:
    ok = CliRunner().invoke(main, ["validate", "--store", str(built["store"])])
    assert ok.exit_code == 0 and "conforms" in ok.output
    as_file = CliRunner().invoke(main, ["validate", str(one_report), "--format", "json"])
    assert as_file.exit_code == 0 and json.loads(as_file.output) == {"conforms": True, "violations": []}


def test_cli_validate_reports_violations_and_exits_3(one_report, tmp_path: Path) -> None:
    from rdflib import RDF, Namespace

    kg = Namespace("https://w3id.org/kg/ontology#")
    graph = parse_file(one_report)
    awards = sorted(set(graph.objects(None, kg.award)))[:2]
    for award in awards:  # an award that is no longer typed breaks two shapes
        graph.remove((award, RDF.type, None))
    broken = tmp_path / "broken.ttl"
    graph.serialize(broken, format="turtle")
    text = CliRunner().invoke(main, ["validate", str(broken), "--limit", "1"])
    assert text.exit_code == 3, text.output
    assert "violation(s) of kg's shapes" in text.output and "needs exactly one kg:award, a kg:Award" in text.output
    as_json = CliRunner().invoke(main, ["validate", str(broken), "--format", "json"])
    found: list[dict[str, Any]] = json.loads(as_json.output)["violations"]
    assert as_json.exit_code == 3 and {row["value"] for row in found} >= {str(a) for a in awards}


def test_jsonld_export_is_compacted_with_the_ontologys_context(exports) -> None:
    from kg.namespace import PREFIXES

    context = json.loads((Path(__file__).resolve().parents[1] / "ontology" / "context.jsonld").read_text(encoding="utf-8"))
    assert context["@context"] == dict(PREFIXES)
    document = json.loads(exports["jsonld"].read_text(encoding="utf-8"))
    assert document["@context"] == dict(PREFIXES)
    recognitions = [node for node in document["@graph"] if node.get("@type") == "kg:Recognition"]
    assert recognitions and all("kg:recipient" in node for node in recognitions)
    assert [node["@id"] for node in document["@graph"]] == sorted(node["@id"] for node in document["@graph"])


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_export_reads_back_in_networkx_as_the_same_network(built, tmp_path: Path, fmt: str) -> None:
    import networkx as nx

    from kg.network import entity_network

    path = tmp_path / f"graph.{fmt}"
    result = CliRunner().invoke(main, ["export", "--format", fmt, "--out", str(path), "--store", str(built["store"])])
    assert result.exit_code == 0, result.output
    store = open_store("oxigraph", built["store"])
    try:
        expected = entity_network(store)
    finally:
        store.close()
    back = nx.read_graphml(path, force_multigraph=True) if fmt == "graphml" else nx.read_gexf(path)
    assert expected.number_of_nodes() > 100 and expected.number_of_edges() > 100
    assert {n: (d["type"], d["label"]) for n, d in back.nodes(data=True)} == {
        n: (d["type"], d["label"]) for n, d in expected.nodes(data=True)
    }
    assert sorted((s, t, d["predicate"]) for s, t, d in back.edges(data=True)) == sorted(
        (s, t, d["predicate"]) for s, t, d in expected.edges(data=True)
    )
    types = {d["type"] for _, d in back.nodes(data=True)}
    assert {"Company", "Award", "Place", "Person"} <= types
