"""Synthetic graphs: a store of any size with kg's own RDF shape, for benchmarks and scale tests.

Owns :func:`fill_store`, which writes ``n`` made-up entity nodes (numbered names such as
合成企业123有限公司, no report text) and their facts into a store, shaped as :mod:`kg.rdfmap`
writes them: typed nodes with ``skos:prefLabel`` and ``kg:mentionedIn`` in their report's graph,
``kg:Recognition`` nodes with year, edition and evidence for awards, ``rdf:Statement`` nodes
for locatedIn and worksFor, and the direct triples. Award popularity is skewed (a few awards
have many recipients), as in real bulletins. Deterministic for a seed. Must not: be used to
develop or measure extraction (it has no text to extract from).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

__all__ = ["fill_store"]

_SHARE = (("Company", 0.40), ("Award", 0.08), ("Person", 0.17), ("Place", 0.08), ("Institution", 0.12),
          ("GovernmentAgency", 0.08), ("Park", 0.05), ("StandardsBody", 0.02))
_NAME = {"Company": "合成企业{}有限公司", "Award": "合成质量奖{}", "Person": "合成人{}", "Place": "合成市{}",
         "Institution": "合成研究院{}", "GovernmentAgency": "合成市场监督管理局{}", "Park": "合成高新区{}",
         "StandardsBody": "合成标准化技术委员会{}"}


def _report_quads(doc: str, members: list[tuple[str, int]], rng: random.Random, awards: list[int],
                  places: list[int], companies: list[int]) -> Iterator[tuple[Any, Any, Any]]:
    import pyoxigraph as ox

    from .namespace import ID, KG, PROV, RDF, SKOS

    def node(iri: Any) -> Any:
        return ox.NamedNode(str(iri))

    def lit(value: Any) -> Any:
        return ox.Literal(value) if isinstance(value, str) else ox.Literal(str(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))

    a, label, mentioned, count = node(RDF.type), node(SKOS.prefLabel), node(KG.mentionedIn), node(KG.mentionCount)
    report = node(ID[f"report/{doc}"])
    yield report, a, node(KG.Report)
    yield report, node(KG.reportId), lit(doc)

    def entity(type_: str, i: int) -> Any:
        return node(ID[f"{type_.lower()}/{i:016x}"])

    def evidence(key: str, sentence: str) -> Any:
        ev = node(ID[f"evidence/{key}"])
        yield ev, a, node(KG.Evidence)
        yield ev, node(KG.sentence), lit(sentence)
        yield ev, node(KG.report), report
        yield ev, node(KG.rule), lit("synthetic.v1")

    for type_, i in members:
        e = entity(type_, i)
        yield e, a, node(getattr(KG, type_))
        yield e, label, lit(_NAME[type_].format(i))
        yield e, mentioned, report
        yield e, count, lit(1)
        others = []
        if type_ in ("Company", "Institution", "Park", "Person") and rng.random() < 0.5:
            # skewed popularity: low award numbers win far more often
            for _ in range(rng.choice((1, 1, 1, 2, 3))):
                others.append(("receivedAward", "Award", awards[min(len(awards) - 1, int(rng.paretovariate(1.2)) - 1)]))
        if type_ in ("Company", "Institution", "Park", "GovernmentAgency") and rng.random() < 0.6:
            others.append(("locatedIn", "Place", rng.choice(places)))
        if type_ == "Person" and rng.random() < 0.7:
            others.append(("worksFor", "Company", rng.choice(companies)))
        for k, (predicate, other_type, j) in enumerate(others):
            o = entity(other_type, j)
            key = f"{doc}-{i}-{k}"
            sentence = f"{_NAME[type_].format(i)} {predicate} {_NAME[other_type].format(j)}。"
            yield e, node(getattr(KG, predicate)), o
            if predicate == "receivedAward":
                fact = node(ID[f"recognition/{key}"])
                yield fact, a, node(KG.Recognition)
                yield fact, node(KG.recipient), e
                yield fact, node(KG.award), o
                yield fact, node(KG.year), lit(2010 + (i + j) % 14)
                yield fact, node(KG.edition), lit(1 + j % 7)
            else:
                fact = node(ID[f"statement/{key}"])
                yield fact, a, node(RDF.Statement)
                yield fact, node(RDF.subject), e
                yield fact, node(RDF.predicate), node(getattr(KG, predicate))
                yield fact, node(RDF.object), o
            yield fact, node(PROV.wasDerivedFrom), node(ID[f"evidence/{key}"])
            yield from evidence(key, sentence)


def fill_store(store: Any, n: int, *, per_report: int = 1000, seed: int = 0) -> int:
    """Write ``n`` synthetic entity nodes and their facts into ``store``, ``per_report`` nodes
    to a report graph; return the number of reports written."""
    rng = random.Random(seed)
    members: list[tuple[str, int]] = []
    for type_, share in _SHARE:
        members.extend((type_, i) for i in range(max(1, round(n * share))))
    members = members[:n]
    rng.shuffle(members)
    by_type: dict[str, list[int]] = {}
    for type_, i in members:
        by_type.setdefault(type_, []).append(i)
    awards, places, companies = (sorted(by_type.get(t, [0])) for t in ("Award", "Place", "Company"))
    reports = 0
    for start in range(0, len(members), per_report):
        doc = f"synthetic_{start // per_report:05d}"
        store.add_report(doc, list(_report_quads(doc, members[start:start + per_report], rng, awards, places, companies)))
        reports += 1
    return reports
