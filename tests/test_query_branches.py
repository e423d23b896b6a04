"""The named queries' guarded branches (queries/*.rq): a bound name is read by index from its
nodes, no parameter by hashing whole scans. Each branch must give the rows of an independent
reference, on a small graph built to reach the cases the branches split on:

- every named query, with each parameter it declares and with every pair of them taken from its
  rows, gives in order the rows of its plain SPARQL text (queries/portable/, no branches);
- awards, the query with the most parameters, gives the rows that plain Python reads off the
  graph's triples (names chosen by ``kg.names.display_name`` from the labels, not from the names
  graph the queries join).

The graph: the reports of tests/data/rdf_reports.jsonl and one synthetic report (the project's own
names, no corpus text) with an alias two organisations share, an organisation of two types, an
award received with no recognition to qualify it, recognitions with and without a year, two
posts with and without a role, a park with a place and an organisation, and a park that has
neither.
"""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterator

import pytest
from rdflib import Literal, URIRef

from kg.names import display_name
from kg.namespace import KG, PROV, RDF, SKOS
from kg.query import declared_params, load_query, query_names
from kg.rdfmap import entity_iri, map_report, report_iri
from kg.store import open_store

DATA = Path(__file__).resolve().parent / "data" / "rdf_reports.jsonl"
NOTHING = "没有这个名字"

SYNTHETIC = {
    "doc": "branches",
    "entities": [
        {"id": "a", "type": "Company", "name": "甲乙科技有限公司", "aliases": ["甲乙"], "mentions": []},
        {"id": "b", "type": "Institution", "name": "甲乙研究院", "aliases": ["甲乙"], "mentions": []},
        {"id": "x", "type": "Award", "name": "省质量奖", "aliases": ["质量奖"], "mentions": []},
        {"id": "y", "type": "Award", "name": "市长质量奖", "aliases": [], "mentions": []},
        {"id": "p", "type": "Person", "name": "王建国", "aliases": [], "mentions": []},
        {"id": "k", "type": "Park", "name": "丙丁高新区", "aliases": ["丙丁园"], "mentions": []},
        {"id": "e", "type": "Park", "name": "戊己工业园", "aliases": [], "mentions": []},
        {"id": "l", "type": "Place", "name": "长沙市", "aliases": ["长沙"], "mentions": []},
        {"id": "s", "type": "Standard", "name": "GB/T 19001-2016", "aliases": [], "mentions": []},
        {"id": "t", "type": "StandardsBody", "name": "全国甲乙标准化技术委员会", "aliases": ["SAC/TC 999"], "mentions": []},
    ],
    "relations": [
        {"subject": "a", "predicate": "receivedAward", "object": "x", "year": 2017, "grade": "一等奖",
         "evidence": "一", "evidence_span": [0, 1], "rule": "test.v1"},
        {"subject": "a", "predicate": "receivedAward", "object": "x", "year": 2019, "edition": 3,
         "evidence": "二", "evidence_span": [2, 3], "rule": "test.v1"},
        {"subject": "b", "predicate": "receivedAward", "object": "x", "evidence": "三", "evidence_span": [4, 5], "rule": "test.v1"},
        {"subject": "p", "predicate": "worksFor", "object": "a", "role": "总经理", "evidence": "四", "evidence_span": [6, 7], "rule": "test.v1"},
        {"subject": "p", "predicate": "worksFor", "object": "b", "evidence": "五", "evidence_span": [8, 9], "rule": "test.v1"},
        {"subject": "k", "predicate": "locatedIn", "object": "l", "evidence": "六", "evidence_span": [10, 11], "rule": "test.v1"},
        {"subject": "a", "predicate": "locatedIn", "object": "k", "evidence": "七", "evidence_span": [12, 13], "rule": "test.v1"},
        {"subject": "a", "predicate": "appliesStandard", "object": "s", "evidence": "八", "evidence_span": [14, 15], "rule": "test.v1"},
        {"subject": "b", "predicate": "secretariatOf", "object": "t", "evidence": "九", "evidence_span": [16, 17], "rule": "test.v1"},
        {"subject": "a", "predicate": "standardsCount", "object": "national", "count": 12, "year": 2020,
         "evidence": "十", "evidence_span": [18, 19], "rule": "test.v1"},
        {"subject": "k", "predicate": "standardsCount", "object": "group", "count": 3,
         "evidence": "十一", "evidence_span": [20, 21], "rule": "test.v1"},
    ],
}


@pytest.fixture(scope="module")
def store() -> Iterator[Any]:
    opened = open_store("memory")
    for line in DATA.read_text(encoding="utf-8").splitlines():
        result = json.loads(line)
        opened.add_report(result["doc"], map_report(result))
    opened.add_report(SYNTHETIC["doc"], map_report(SYNTHETIC))
    # what no extraction result maps to, but a graph from elsewhere may hold: a second type, and
    # an award received with no recognition to qualify it
    company = entity_iri("Company", "甲乙科技有限公司")
    award = entity_iri("Award", "市长质量奖")
    opened.add_report("by-hand", [
        (company, RDF.type, KG.Institution),
        (company, SKOS.prefLabel, Literal("甲乙科技有限公司", lang="zh")),
        (company, KG.receivedAward, award),
        (award, RDF.type, KG.Award),
        (award, SKOS.prefLabel, Literal("市长质量奖", lang="zh")),
    ])
    yield opened
    opened.close()


def test_the_graph_reaches_the_cases_the_branches_split_on(store) -> None:
    ask = lambda text: store.query("ASK { " + text + " }").rows[0][0]  # noqa: E731
    assert ask("?a kg:lookupName '甲乙' . ?b kg:lookupName '甲乙' . FILTER(?a != ?b)")
    assert ask("?o a kg:Company , kg:Institution")
    assert ask("?o kg:receivedAward ?w FILTER NOT EXISTS { ?r kg:recipient ?o ; kg:award ?w }")
    assert ask("?r a kg:Recognition FILTER NOT EXISTS { ?r kg:year ?y }")
    assert ask("?p kg:worksFor ?o FILTER NOT EXISTS { ?s rdf:subject ?p ; rdf:object ?o ; kg:role ?role }")
    assert ask("?k a kg:Park FILTER NOT EXISTS { ?k kg:locatedIn ?l } FILTER NOT EXISTS { ?o kg:locatedIn ?k }")


LABELS = "SELECT DISTINCT ?name WHERE { ?node skos:prefLabel|skos:altLabel ?label BIND(STR(?label) AS ?name) }"
NOT_NAMES = {"year", "grade", "level", "type", "report"}


def _values(result: Any, parameter: str) -> list[Any]:
    column = result.columns.index(parameter)
    return sorted({row[column] for row in result.rows if row[column] not in (None, "")}, key=repr)


@pytest.mark.parametrize("name", query_names())
def test_each_parameter_and_each_pair_gives_the_rows_of_the_plain_text(store, name: str) -> None:
    text, reference = load_query(name), load_query(name, portable=True)
    everything = store.query(reference)
    assert store.query(text).rows == everything.rows
    parameters = declared_params(text)
    tried = 0
    labels = sorted(row[0] for row in store.query(LABELS).rows)
    for parameter in parameters:
        names = [] if parameter in NOT_NAMES else labels  # a name parameter: every label of any node too
        for value in _values(everything, parameter) + names + [NOTHING]:
            bindings = {parameter: value}
            assert store.query(text, bindings).rows == store.query(reference, bindings).rows, bindings
            tried += 1
    for first, second in itertools.combinations(parameters, 2):
        i, j = everything.columns.index(first), everything.columns.index(second)
        pairs = {(row[i], row[j]) for row in everything.rows if row[i] not in (None, "") and row[j] not in (None, "")}
        pairs |= {(row[i], NOTHING) for row in everything.rows[:3] if row[i] not in (None, "")}
        for a, b in sorted(pairs, key=repr):
            bindings = {first: a, second: b}
            assert store.query(text, bindings).rows == store.query(reference, bindings).rows, bindings
            tried += 1
    assert tried >= len(parameters)  # every parameter was bound to at least one value


def test_a_shared_alias_finds_both_organisations(store) -> None:
    rows = store.query(load_query("organisation"), {"name": "甲乙"}).as_dicts()
    assert {row["organisation"] for row in rows} == {"甲乙科技有限公司", "甲乙研究院"}
    assert {row["name"] for row in rows} == {"甲乙"}
    types = {(row["organisation"], row["type"]) for row in rows}
    assert ("甲乙科技有限公司", "Institution") in types and ("甲乙科技有限公司", "Company") in types


# -- awards against plain Python over the triples ------------------------------------------------

def _awards_in_python(store: Any, bindings: dict[str, Any]) -> set[tuple[Any, ...]]:
    """The rows of awards.rq, read off the store's triples in Python: one row per recognition
    with its recipient, award, edition, year, grade and report; a bound name keeps the nodes
    that have it as a label (and shows it), a bound year or grade the recognitions that have it
    (compared as text)."""
    triples = store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }").rows
    by_subject: dict[str, dict[str, set[Any]]] = defaultdict(lambda: defaultdict(set))
    for s, p, o in triples:
        by_subject[s][p].add(o)
    labels = {s: props[str(SKOS.prefLabel)] | props[str(SKOS.altLabel)] for s, props in by_subject.items()}
    names = {s: display_name(props[str(SKOS.prefLabel)]) for s, props in by_subject.items()}

    def one(node: str, prop: Any) -> list[Any]:
        return sorted(by_subject[node][str(prop)], key=repr) or [None]

    rows = set()
    for node, props in by_subject.items():
        if str(KG.Recognition) not in props[str(RDF.type)]:
            continue
        for recipient, award, evidence in itertools.product(one(node, KG.recipient), one(node, KG.award), one(node, PROV.wasDerivedFrom)):
            for report_node in one(evidence, KG.report):
                for report, edition, year, grade in itertools.product(
                        one(report_node, KG.reportId), one(node, KG.edition), one(node, KG.year), one(node, KG.grade)):
                    if None in (recipient, award, report) or names.get(recipient) is None or names.get(award) is None:
                        continue
                    row = [names[recipient], names[award], edition, year, grade, report]
                    if "recipient" in bindings:
                        if bindings["recipient"] not in labels[recipient]:
                            continue
                        row[0] = bindings["recipient"]
                    if "award" in bindings:
                        if bindings["award"] not in labels[award]:
                            continue
                        row[1] = bindings["award"]
                    if "year" in bindings and (year is None or str(year) != str(bindings["year"])):
                        continue
                    if "grade" in bindings and (grade is None or str(grade) != str(bindings["grade"])):
                        continue
                    rows.add(tuple(row))
    return rows


def test_awards_gives_the_rows_python_reads_off_the_triples(store) -> None:
    text = load_query("awards")
    everything = store.query(text)
    assert set(everything.rows) == _awards_in_python(store, {}) and len(everything.rows) >= 7
    for parameter in declared_params(text):
        for value in _values(everything, parameter) + ["甲乙", "质量奖", NOTHING]:
            bindings = {parameter: value}
            assert set(store.query(text, bindings).rows) == _awards_in_python(store, bindings), bindings
    bindings = {"recipient": "甲乙", "award": "质量奖", "year": 2017}
    assert set(store.query(text, bindings).rows) == _awards_in_python(store, bindings) != set()
