"""validate checks graphs against the packaged shapes, and the packaged ontology is the canonical one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import pytest
from rdflib import Graph, Literal, URIRef

from kg import namespace as ns
from kg.errors import OntologyError
from kg.namespace import KG, PROV, RDF, SKOS
from kg.rdfmap import entity_iri, map_report, report_iri
from kg.validate import ONTOLOGY_FILES, ensure_valid, load_ontology, load_shapes, ontology_text, validate

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data" / "rdf_reports.jsonl"


@pytest.fixture()
def graph() -> Graph:
    result = json.loads(DATA.read_text(encoding="utf-8").splitlines()[0])
    return map_report(result).graph(report_iri("seed_a"))


@pytest.mark.parametrize("name", ONTOLOGY_FILES)
def test_packaged_ontology_files_are_byte_identical_to_the_canonical_ones(name: str) -> None:
    canonical = (ROOT / "ontology" / name).read_bytes()
    assert (ROOT / "src" / "kg" / "data" / "ontology" / name).read_bytes() == canonical, (
        f"copy ontology/{name} to src/kg/data/ontology/{name}"
    )
    assert ontology_text(name) == canonical


def test_load_ontology_and_shapes_give_fresh_graphs() -> None:
    ontology = load_ontology()
    ontology.add((KG.Company, KG.rule, Literal("changed")))
    assert (KG.Company, KG.rule, Literal("changed")) not in load_ontology()
    assert len(load_shapes()) > 0


def test_unknown_ontology_file_is_an_error() -> None:
    with pytest.raises(OntologyError, match="unknown ontology file 'x.ttl'"):
        ontology_text("x.ttl")


def test_validate_accepts_a_conforming_graph_and_turtle_text(graph: Graph) -> None:
    assert validate(graph) == (True, validate(graph)[1])
    assert validate(graph.serialize(format="turtle").encode())[0]


def test_validate_leaves_the_graph_unchanged(graph: Graph) -> None:
    before = len(graph)
    validate(graph)
    assert len(graph) == before


def recognition(graph: Graph) -> URIRef:
    return next(graph.subjects(RDF.type, KG.Recognition))


def drop_recipient(graph: Graph) -> None:
    graph.remove((recognition(graph), KG.recipient, None))


def add_second_award(graph: Graph) -> None:
    other = entity_iri("Award", "湖南省省长质量奖")
    graph.add((other, RDF.type, KG.Award))
    graph.add((other, SKOS.prefLabel, Literal("湖南省省长质量奖", lang="zh")))
    graph.add((other, KG.mentionedIn, report_iri("seed_a")))
    graph.add((recognition(graph), KG.award, other))


def year_as_text(graph: Graph) -> None:
    node = recognition(graph)
    graph.remove((node, KG.year, None))
    graph.add((node, KG.year, Literal("2016")))


def drop_provenance(graph: Graph) -> None:
    node = next(graph.subjects(RDF.type, RDF.Statement))
    graph.remove((node, PROV.wasDerivedFrom, None))


def bad_level(graph: Graph) -> None:
    node = next(graph.subjects(RDF.type, KG.StandardsCount))
    graph.set((node, KG.level, Literal("provincial")))


def count_as_decimal(graph: Graph) -> None:
    node = next(graph.subjects(RDF.type, KG.StandardsCount))
    graph.set((node, KG.count, Literal("51.0", datatype=ns.XSD.decimal)))


def nameless_entity(graph: Graph) -> None:
    graph.remove((entity_iri("Person", "刘可安"), SKOS.prefLabel, None))


def company_works_for(graph: Graph) -> None:
    graph.add((entity_iri("Company", "株洲中车时代电气股份有限公司"), KG.worksFor, entity_iri("GovernmentAgency", "株洲市市场监督管理局")))


def award_to_a_standard(graph: Graph) -> None:
    graph.add((entity_iri("Company", "株洲中车时代电气股份有限公司"), KG.receivedAward, entity_iri("Standard", "ISO 9001")))


def direct_triple_missing(graph: Graph) -> None:
    node = recognition(graph)
    graph.remove((graph.value(node, KG.recipient), KG.receivedAward, graph.value(node, KG.award)))


def evidence_without_rule(graph: Graph) -> None:
    graph.remove((next(graph.subjects(RDF.type, KG.Evidence)), KG.rule, None))


def offsets_reversed(graph: Graph) -> None:
    evidence = next(graph.subjects(RDF.type, KG.Evidence))
    start, end = graph.value(evidence, KG.startOffset), graph.value(evidence, KG.endOffset)
    graph.set((evidence, KG.startOffset, end))
    graph.set((evidence, KG.endOffset, start))


@pytest.mark.parametrize(
    "break_graph, message",
    [
        (drop_recipient, "exactly one kg:recipient"),
        (add_second_award, "exactly one kg:award"),
        (year_as_text, "kg:year is at most one four-digit xsd:integer"),
        (drop_provenance, "must be prov:wasDerivedFrom at least one kg:Evidence"),
        (bad_level, "kg:level is exactly one of"),
        (count_as_decimal, "kg:count is exactly one non-negative xsd:integer"),
        (nameless_entity, "An entity needs a name"),
        (company_works_for, "kg:worksFor: the subject must be a kg:Person"),
        (award_to_a_standard, "kg:receivedAward: the object must be a kg:Award"),
        (direct_triple_missing, "needs the direct triple"),
        (evidence_without_rule, "kg:rule"),
        (offsets_reversed, "below kg:endOffset"),
    ],
)
def test_validate_reports_what_breaks_the_shapes(
    graph: Graph, break_graph: Callable[[Graph], Any], message: str
) -> None:
    break_graph(graph)
    conforms, report = validate(graph)
    assert not conforms
    assert message in report


def test_ensure_valid_raises_ontology_error_with_the_report(graph: Graph) -> None:
    ensure_valid(graph)
    nameless_entity(graph)
    with pytest.raises(OntologyError, match="does not conform"):
        ensure_valid(graph)


def _broken_store(tmp_path: Path) -> Any:
    """The test reports in a store, with statements removed so that shapes of every kind fail:
    a recognition's direct triple (a SPARQL constraint two steps away), a value's type
    (sh:class on the value), an entity's preferred label (sh:minCount on the focus node)."""
    import pyoxigraph as ox

    from kg.store import open_store

    store = open_store("memory")
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.strip():
            result = json.loads(line)
            store.add_report(result["doc"], map_report(result))
    raw = store._open
    quads = list(raw.quads_for_pattern(None, None, None, None))
    removed = 0
    for predicate in (KG.receivedAward, SKOS.prefLabel):
        for quad in [q for q in quads if q.predicate.value == str(predicate)][:2]:
            raw.remove(quad)
            removed += 1
    award = next(q.subject for q in quads if q.predicate.value == str(RDF.type) and q.object.value == str(KG.Award))
    award_type = [q for q in quads if q.subject == award and q.predicate.value == str(RDF.type)]
    for quad in award_type:  # in every report graph that holds it
        raw.remove(quad)
    assert removed == 4 and award_type
    return store


@pytest.mark.parametrize("engine, slice_triples", [("pyshacl", 1), ("pyshacl", 40), ("pyshacl", 100_000), ("sparql", None)])
def test_validating_a_store_in_slices_finds_what_the_whole_graph_check_finds(tmp_path: Path, engine: str, slice_triples: int) -> None:
    from kg.validate import store_violations, validate_store, violations

    store = _broken_store(tmp_path)
    try:
        whole = violations(store.dump(None, format="turtle"))
        assert len({row["message"] for row in whole}) >= 3  # the three kinds of break
        assert store_violations(store, slice_triples=slice_triples, engine=engine) == whole
        conforms, report = validate_store(store, slice_triples=slice_triples, engine=engine)
        assert conforms is False and f"Results ({len(whole)}):" in report
        assert report.count("Constraint Violation") == len(whole)
    finally:
        store.close()


def test_a_conforming_store_conforms_in_slices(built, tmp_path) -> None:
    import shutil

    from kg.store import open_store
    from kg.validate import validate_store

    # a copy: in the full suite (not alone) a handle this test opens has outlived its close and
    # kept RocksDB's lock on the shared build, refusing it to the tests after (test_virtuoso, test_viz)
    copy = tmp_path / "store"
    shutil.copytree(built["store"], copy, ignore=shutil.ignore_patterns("LOCK"))
    store = open_store("oxigraph", copy)
    try:
        assert validate(store.dump(None, format="turtle"))[0] is True
        assert validate_store(store, slice_triples=500) == (True, "Validation Report\nConforms: True\n")
    finally:
        store.close()


def many_breaks(graph: Graph) -> None:
    """Breaks of every component the shapes use, several on one node: ill-typed and out-of-range
    literals, extra values, a literal where a node is due, a wrong type, a missing direct triple."""
    from kg.namespace import XSD

    evidence = sorted(graph.subjects(RDF.type, KG.Evidence))
    graph.set((evidence[1], KG.startOffset, Literal("abc", datatype=XSD.integer)))
    graph.add((evidence[2], KG.endOffset, Literal(5)))
    graph.set((evidence[3], KG.sentence, Literal("", lang="zh")))
    graph.add((evidence[4], KG.report, Literal("x")))
    graph.remove((evidence[5], KG.sentence, None))
    place = next(graph.subjects(RDF.type, KG.Place))
    graph.add((place, KG.adminCode, Literal("12345")))
    graph.add((place, KG.adminCode, Literal(123456)))
    graph.add((place, KG.locatedIn, entity_iri("Company", "株洲中车时代电气股份有限公司")))
    statement = next(graph.subjects(RDF.type, RDF.Statement))
    graph.add((statement, KG.renameDate, Literal("2020", datatype=XSD.gYear)))
    graph.add((statement, KG.renameDate, Literal("2020-01-01", datatype=XSD.dateTime)))
    graph.set((statement, RDF.predicate, KG.receivedAward))
    graph.add((statement, KG.role, Literal("")))
    node = recognition(graph)
    graph.set((node, KG.year, Literal(1800)))
    graph.add((node, KG.edition, Literal(0)))
    graph.add((node, KG.grade, Literal(3)))
    graph.add((node, PROV.wasDerivedFrom, Literal("e")))
    count = next(graph.subjects(RDF.type, KG.StandardsCount))
    graph.set((count, KG.count, Literal(-1)))
    graph.add((count, KG.countSubject, entity_iri("Place", "株洲市")))
    graph.add((entity_iri("Person", "刘可安"), KG.mentionCount, Literal(0)))
    graph.add((entity_iri("Person", "刘可安"), SKOS.altLabel, Literal("x")))
    graph.add((URIRef("urn:x"), KG.displayName, Literal("a")))
    graph.add((URIRef("urn:x"), KG.displayName, Literal("b")))
    graph.add((URIRef("urn:y"), KG.lookupName, Literal("", lang="zh")))
    graph.add((URIRef("urn:r"), RDF.type, KG.Report))
    graph.add((URIRef("urn:r"), KG.sourcePath, URIRef("urn:p")))
    graph.add((URIRef("urn:l"), RDF.type, KG.LexiconEvidence))  # a subclass: needs only its rule
    graph.add((URIRef("urn:l"), KG.rule, Literal("lexicon")))
    graph.add((URIRef("urn:e"), RDF.type, KG.Evidence))
    graph.add((URIRef("urn:e"), KG.rule, Literal("r")))
    graph.add((URIRef("urn:e"), KG.startOffset, Literal("1")))
    graph.add((URIRef("urn:p1"), KG.worksFor, URIRef("urn:nothing")))
    graph.add((URIRef("urn:p1"), KG.renamedTo, Literal("text")))


@pytest.mark.parametrize("break_graph", [
    drop_recipient, add_second_award, year_as_text, drop_provenance, bad_level, count_as_decimal,
    nameless_entity, company_works_for, award_to_a_standard, direct_triple_missing,
    evidence_without_rule, offsets_reversed, many_breaks, lambda graph: None,
])
def test_the_sparql_check_of_a_store_gives_pyshacls_rows(break_graph: Callable[[Graph], Any]) -> None:
    """kg.shacl_sparql over a store against pyshacl over the store's whole graph: the same rows."""
    from kg.store import open_store
    from kg.validate import store_violations, violations

    graph = Graph()
    for line in DATA.read_text(encoding="utf-8").splitlines():
        result = json.loads(line)
        graph += map_report(result).graph(report_iri(result["doc"]))
    break_graph(graph)
    store = open_store("memory")
    try:
        store.add_report("broken", graph)
        whole = violations(store.dump(None, format="turtle"))  # the store's literals (it normalises some)
        assert store_violations(store, engine="sparql") == whole
        if break_graph is many_breaks:
            assert len(whole) >= 35 and len({row["message"] for row in whole}) >= 20
    finally:
        store.close()


def test_shapes_the_sparql_check_does_not_translate_fall_back_to_pyshacl() -> None:
    from kg.shacl_sparql import Unsupported, compile_shapes

    shapes = load_shapes()
    shapes.add((URIRef("https://w3id.org/kg/shapes#ReportShape"), URIRef("http://www.w3.org/ns/shacl#closed"), Literal(True)))
    with pytest.raises(Unsupported):
        compile_shapes(shapes, [])
