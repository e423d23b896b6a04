"""rdfmap turns one extraction result into the report's named graph: the triples kg promises."""

from __future__ import annotations

import copy
import doctest
import json
from pathlib import Path
from typing import Any

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef

from kg import namespace as ns
from kg.errors import KgError
from kg.namespace import ID, KG, PROV, RDF, SKOS
from kg.rdfmap import entity_iri, evidence_iri, map_report, map_reports, report_id, report_iri
from kg.text import normalise_name
from kg.validate import validate

# XSD through the module: rdflib's open XSD namespace warns when pytest probes module globals.
INTEGER = ns.XSD.integer
DATA = Path(__file__).resolve().parent / "data" / "rdf_reports.jsonl"


def load_results() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture()
def result() -> dict[str, Any]:
    return load_results()[0]


@pytest.fixture()
def graph(result: dict[str, Any]) -> Graph:
    return map_report(result, report_path="seeds/seed_a.txt").graph(report_iri("seed_a"))


def company() -> URIRef:
    return entity_iri("Company", "株洲中车时代电气股份有限公司")


def award() -> URIRef:
    return entity_iri("Award", "中国质量奖")


def integer(value: int) -> Literal:
    return Literal(value, datatype=INTEGER)


# -- names and IRIs --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, normalised",
    [
        ("株洲中車時代電氣股份有限公司", "株洲中车时代电气股份有限公司"),  # Traditional -> Simplified
        ("ＩＳＯ　９００１", "ISO9001"),  # full-width letters, digits and space
        ("iso 9001", "ISO9001"),  # white space removed, Latin upper-cased
        ("国家轨道交通高分子材料及制品质量监督检验中心（湖南）", "国家轨道交通高分子材料及制品质量监督检验中心(湖南)"),
    ],
)
def test_normalise_name_follows_the_contract(written: str, normalised: str) -> None:
    assert normalise_name(written) == normalised


def test_entity_iri_is_the_same_for_every_spelling_of_a_name() -> None:
    assert entity_iri("Standard", "ISO 9001") == entity_iri("Standard", "ＩＳＯ　９００１")
    assert entity_iri("Company", "株洲中車時代電氣股份有限公司") == company()
    assert str(company()).startswith(str(ID["company/"]))
    assert len(str(company()).rsplit("/", 1)[1]) == 16


def test_entity_iri_differs_by_type() -> None:
    assert entity_iri("Park", "株洲高新区") != entity_iri("GovernmentAgency", "株洲高新区")


def test_entity_iri_rejects_unknown_type() -> None:
    with pytest.raises(KgError, match="unknown entity type 'Factory'"):
        entity_iri("Factory", "株洲工厂")


@pytest.mark.parametrize("doc", ["seed_a", "乙 报告", "a/b?c#d%", "000_66955eca26816a37"])
def test_report_iri_round_trips_the_doc_id(doc: str) -> None:
    iri = report_iri(doc)
    assert str(iri).startswith(str(ID["report/"]))
    assert " " not in str(iri) and "#" not in str(iri)[len(str(ID)) :]
    assert report_id(iri) == doc


def test_evidence_iri_is_shared_by_relations_of_one_sentence_and_rule() -> None:
    assert evidence_iri("d", 3, 9, "r.v1") == evidence_iri("d", 3, 9, "r.v1")
    assert evidence_iri("d", 3, 9, "r.v1") != evidence_iri("d", 3, 9, "r.v2")
    assert evidence_iri("d", None, None, None, "甲。") != evidence_iri("d", None, None, None, "乙。")


# -- entities ----------------------------------------------------------------------------------


def test_map_report_writes_type_names_aliases_and_mention(graph: Graph) -> None:
    report = report_iri("seed_a")
    assert (company(), RDF.type, KG.Company) in graph
    assert (company(), SKOS.prefLabel, Literal("株洲中车时代电气股份有限公司", lang="zh")) in graph
    assert (company(), SKOS.altLabel, Literal("时代电气", lang="zh")) in graph
    assert (company(), KG.mentionedIn, report) in graph
    quoted = entity_iri("Company", 'a"b}{')
    assert (quoted, SKOS.prefLabel, Literal('a"b}{', lang="zh")) in graph


def test_map_report_writes_the_report_node(graph: Graph) -> None:
    report = report_iri("seed_a")
    assert (report, RDF.type, KG.Report) in graph
    assert (report, KG.reportId, Literal("seed_a")) in graph
    assert (report, KG.sourcePath, Literal("seeds/seed_a.txt")) in graph


def test_map_report_entities_of_every_contract_type_get_their_class(graph: Graph) -> None:
    classes = set(graph.objects(None, RDF.type))
    for cls in (KG.Company, KG.GovernmentAgency, KG.Institution, KG.StandardsBody, KG.Park,
                KG.Place, KG.Award, KG.Standard, KG.Person):
        assert cls in classes, cls


# -- relations ---------------------------------------------------------------------------------


def test_received_award_gives_direct_triple_and_recognition_with_typed_qualifiers(graph: Graph) -> None:
    assert (company(), KG.receivedAward, award()) in graph
    (recognition,) = graph.subjects(KG.recipient, company())
    assert (recognition, RDF.type, KG.Recognition) in graph
    assert (recognition, KG.award, award()) in graph
    assert graph.value(recognition, KG.year) == integer(2016)
    assert graph.value(recognition, KG.year).datatype == INTEGER
    assert graph.value(recognition, KG.edition) == integer(2)
    assert graph.value(recognition, KG.grade) == Literal("提名奖")


def test_received_award_without_qualifiers_writes_none(graph: Graph) -> None:
    (recognition,) = graph.subjects(KG.recipient, entity_iri("Company", 'a"b}{'))
    assert graph.value(recognition, KG.year) == integer(2019)
    assert graph.value(recognition, KG.edition) is None
    assert graph.value(recognition, KG.grade) is None


def test_standards_count_gives_a_count_node(graph: Graph) -> None:
    park = entity_iri("Park", "株洲高新区")
    (node,) = graph.objects(park, KG.standardsCount)
    assert (node, RDF.type, KG.StandardsCount) in graph
    assert (node, KG.countSubject, park) in graph
    assert graph.value(node, KG.level) == Literal("national")
    assert graph.value(node, KG.count) == integer(51)
    assert graph.value(node, KG.year) == integer(2019)


@pytest.mark.parametrize(
    "subject, predicate, obj",
    [
        (("Company", "株洲中车时代电气股份有限公司"), KG.locatedIn, ("Park", "株洲高新区")),
        (("Park", "株洲高新区"), KG.locatedIn, ("Place", "株洲市")),
        (("Place", "株洲市"), KG.locatedIn, ("Place", "湖南省")),
        (("Institution", "国家先进轨道交通装备创新中心"), KG.subsidiaryOf, ("Company", "株洲中车时代电气股份有限公司")),
        (("Institution", "国家先进轨道交通装备创新中心"), KG.contributedToStandard, ("Standard", "ISO 9001")),
        (("Company", "株洲中车时代电气股份有限公司"), KG.secretariatOf, ("StandardsBody", "全国牵引电气设备与系统标准化技术委员会")),
        (("Company", "株洲中车时代电气股份有限公司"), KG.appliesStandard, ("Standard", "GB/T 29490-2013")),
        (("Person", "刘可安"), KG.worksFor, ("Company", "株洲中车时代电气股份有限公司")),
    ],
)
def test_other_relations_give_direct_triple_and_reified_statement(
    graph: Graph, subject: tuple[str, str], predicate: URIRef, obj: tuple[str, str]
) -> None:
    s, o = entity_iri(*subject), entity_iri(*obj)
    assert (s, predicate, o) in graph
    statements = [
        node for node in graph.subjects(RDF.subject, s)
        if (node, RDF.predicate, predicate) in graph and (node, RDF.object, o) in graph
    ]
    assert len(statements) == 1
    assert (statements[0], RDF.type, RDF.Statement) in graph


def test_works_for_statement_carries_the_role(graph: Graph) -> None:
    (statement,) = graph.subjects(RDF.subject, entity_iri("Person", "刘可安"))
    assert graph.value(statement, KG.role) == Literal("总工程师")


def test_every_qualified_node_is_derived_from_complete_evidence(graph: Graph) -> None:
    nodes = [
        node
        for cls in (KG.Recognition, KG.StandardsCount, RDF.Statement)
        for node in graph.subjects(RDF.type, cls)
    ]
    assert len(nodes) == 12  # one per relation of the report
    for node in nodes:
        evidence = graph.value(node, PROV.wasDerivedFrom)
        assert evidence is not None, node
        assert (evidence, RDF.type, KG.Evidence) in graph
        assert graph.value(evidence, KG.report) == report_iri("seed_a")
        sentence = graph.value(evidence, KG.sentence)
        assert sentence.language == "zh" and sentence.endswith("。")
        start, end = graph.value(evidence, KG.startOffset), graph.value(evidence, KG.endOffset)
        assert start.datatype == end.datatype == INTEGER
        assert end.toPython() - start.toPython() == len(sentence)
        assert graph.value(evidence, KG.rule) is not None


def test_relations_from_one_sentence_and_rule_share_their_evidence(graph: Graph) -> None:
    located = [graph.value(node, PROV.wasDerivedFrom) for node in graph.subjects(RDF.predicate, KG.locatedIn)]
    rules = sorted(str(graph.value(evidence, KG.rule)) for evidence in set(located))
    assert rules == ["located.admin.v1", "located.in.v1"]


def test_evidence_offsets_point_at_the_sentence(result: dict[str, Any]) -> None:
    relation = result["relations"][0]
    ds = map_report(result)
    start, end = relation["evidence_span"]
    node = evidence_iri("seed_a", start, end, relation["rule"])
    graph = ds.graph(report_iri("seed_a"))
    assert graph.value(node, KG.startOffset) == integer(start)
    assert graph.value(node, KG.endOffset) == integer(end)


# -- the graph as a whole ----------------------------------------------------------------------


def sorted_quads(dataset: Dataset) -> list[str]:
    return sorted(" ".join(term.n3() for term in quad) for quad in dataset.quads((None, None, None, None)))


def test_map_report_is_deterministic(result: dict[str, Any]) -> None:
    first = sorted_quads(map_report(result))
    second = sorted_quads(map_report(copy.deepcopy(result)))
    assert first == second


def test_map_report_ignores_the_order_of_entities_and_relations(result: dict[str, Any]) -> None:
    shuffled = copy.deepcopy(result)
    shuffled["entities"].reverse()
    shuffled["relations"].reverse()
    assert sorted_quads(map_report(result)) == sorted_quads(map_report(shuffled))


def test_map_report_writes_no_blank_nodes_and_only_into_the_report_graph(result: dict[str, Any]) -> None:
    quads = list(map_report(result).quads((None, None, None, None)))
    assert quads
    for *terms, graph_name in quads:
        assert graph_name == report_iri("seed_a")
        assert not any(isinstance(term, BNode) for term in terms)


def test_map_report_integers_are_xsd_integer(graph: Graph) -> None:
    for prop in (KG.year, KG.edition, KG.count, KG.startOffset, KG.endOffset):
        for value in graph.objects(None, prop):
            assert value.datatype == INTEGER, (prop, value)


def test_map_report_conforms_to_the_shapes(result: dict[str, Any]) -> None:
    conforms, report = validate(map_report(result))
    assert conforms, report


def test_map_reports_of_two_reports_conform_as_a_union() -> None:
    conforms, report = validate(map_reports(load_results()))
    assert conforms, report


def test_map_reports_same_fact_in_two_reports_gives_two_recognitions() -> None:
    dataset = map_reports(load_results())
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    recognitions = set(union.subjects(KG.recipient, company()))
    assert len(recognitions) == 2
    assert len(set(union.objects(company(), KG.receivedAward))) == 1


# -- bad input ---------------------------------------------------------------------------------


def test_map_report_rejects_an_unknown_predicate(result: dict[str, Any]) -> None:
    result["relations"][0]["predicate"] = "wonAward"
    with pytest.raises(KgError, match=r"seed_a: relation 0: unknown predicate 'wonAward'"):
        map_report(result)


def test_map_report_rejects_a_dangling_entity_id(result: dict[str, Any]) -> None:
    result["relations"][1]["object"] = "e99"
    with pytest.raises(KgError, match=r"relation 1 \(locatedIn\): the object 'e99' is not the id of an entity"):
        map_report(result)


def test_map_report_rejects_an_unknown_level(result: dict[str, Any]) -> None:
    relation = next(r for r in result["relations"] if r["predicate"] == "standardsCount")
    relation["object"] = "provincial"
    with pytest.raises(KgError, match="must be a level word"):
        map_report(result)


def test_map_report_rejects_a_year_that_is_not_an_integer(result: dict[str, Any]) -> None:
    result["relations"][0]["year"] = "今年"
    with pytest.raises(KgError, match="year must be an integer"):
        map_report(result)


def test_map_report_without_doc_is_an_error() -> None:
    with pytest.raises(KgError, match="non-empty 'doc'"):
        map_report({"entities": [], "relations": []})


def test_relation_without_offsets_or_rule_maps_but_does_not_validate(result: dict[str, Any]) -> None:
    for relation in result["relations"]:
        relation.pop("evidence_span")
        relation.pop("rule")
    dataset = map_report(result)
    graph = dataset.graph(report_iri("seed_a"))
    for node in graph.subjects(RDF.type, KG.Recognition):
        evidence = graph.value(node, PROV.wasDerivedFrom)
        assert graph.value(evidence, KG.sentence) is not None
    conforms, report = validate(dataset)
    assert not conforms
    assert "kg:startOffset" in report and "kg:rule" in report


def test_rdfmap_docstring_examples_run() -> None:
    import kg.rdfmap

    results = doctest.testmod(kg.rdfmap)
    assert results.attempted > 0 and results.failed == 0
