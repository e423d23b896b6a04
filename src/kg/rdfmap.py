"""RDF mapping: one extraction result (the annotation contract's object) -> that report's graph.

Owns the shape of the RDF that kg writes and the minting of every resource IRI: entities
(:func:`key_iri`, from the canonical keys of ``kg.resolution``; :func:`entity_iri` for a name),
reports, evidence, recognitions, standards counts, reified statements, and the background graph
of lexicon facts (:func:`map_background`). Hands an ``rdflib.Dataset`` holding one named graph,
``report_iri(doc)``, to ``store.GraphStore.add_report`` (``BACKGROUND_GRAPH`` to
``GraphStore.replace_graph``).

Must not read reports, run NLP, or touch a store. The output is a pure function of the input:
no blank nodes, no timestamps, no dependence on dict or set order, so a rebuild gives the same
triples. Literals are typed: integers as ``xsd:integer``, names and sentences as ``@zh``.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any, Iterable, Mapping
from urllib.parse import unquote

from rdflib import Dataset, Graph, Literal, URIRef

from .errors import KgError
from .namespace import ID, KG, LEVELS, PREDICATES, PROV, RDF, SKOS, TYPE_CLASSES, XSD, bind_prefixes
from .resolution import ADMIN_RULE, PARK_RULE, RENAME_RULE, PlaceContext, Resolver, entity_key, name_key, report_context
from .text import normalise_name

__all__ = [
    "BACKGROUND_GRAPH",
    "key_iri",
    "entity_iri",
    "report_iri",
    "report_id",
    "evidence_iri",
    "map_report",
    "map_reports",
    "map_background",
]

#: The named graph of facts read from bundled lexicons rather than from a report (admin-division
#: parents, renames). It is rebuilt from the store's content after every build.
BACKGROUND_GRAPH = ID["graph/background"]

#: Language tag of names and sentences: the reports are Chinese.
LANG = "zh"

_REPORT_PREFIX = str(ID["report/"])
# Characters kept as they are in the report segment of an IRI; anything else is %-escaped.
_UNSAFE_IN_SEGMENT = re.compile(r"[^0-9A-Za-z._~\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]")


def _digest(*parts: object) -> str:
    """First 16 hex digits of the SHA-1 of ``parts``, joined by a separator no text contains."""
    text = "\x1f".join("" if part is None else str(part) for part in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def key_iri(type: str, key: str) -> URIRef:  # noqa: A002 - the contract's field name
    """The IRI of the entity of ``type`` whose canonical key is ``key``: the one place entity IRIs
    are minted. ``ID["<type lower-case>/<sha1(key)[:16]>"]``; keys come from ``kg.resolution``.

    >>> str(key_iri("Company", "中联重科"))
    'https://w3id.org/kg/id/company/28694ca27697ba4c'
    """
    if type not in TYPE_CLASSES:
        raise KgError(f"unknown entity type {type!r}; expected one of {', '.join(TYPE_CLASSES)}.")
    return ID[f"{type.lower()}/{_digest(key)}"]


def entity_iri(  # noqa: A002 - the contract's field name
    type: str, name: str, *, context: PlaceContext | None = None, doc: str | None = None
) -> URIRef:
    """The IRI of the entity a name stands for: ``key_iri(type, resolution.name_key(...))``.

    The same entity gets the same IRI in every report: names are compared after the contract's
    normalisation (Simplified, half-width, no white space, upper-case Latin) and kg's resolution
    rules (株洲 and 株洲市 are one place; a company's legal form does not count; 省 / 市 in a
    body's name stand for the report's province / city, given as ``context``). A bare or
    context-dependent name without context is local to ``doc``.

    >>> str(entity_iri("Company", "中联重科"))
    'https://w3id.org/kg/id/company/28694ca27697ba4c'
    >>> entity_iri("Company", "ＩＳＯ 9001") == entity_iri("Company", "iso9001")
    True
    >>> entity_iri("Place", "株洲") == entity_iri("Place", "株洲市")
    True
    """
    if type not in TYPE_CLASSES:
        raise KgError(f"unknown entity type {type!r}; expected one of {', '.join(TYPE_CLASSES)}.")
    return key_iri(type, name_key(type, name, context=context, doc=doc))


def report_iri(doc: str) -> URIRef:
    """The IRI of a report, which also names the report's graph: ``ID["report/<doc>"]``.

    Characters that cannot stand in an IRI path segment are %-escaped; Chinese is kept.

    >>> str(report_iri("000_66955eca26816a37"))
    'https://w3id.org/kg/id/report/000_66955eca26816a37'
    """
    if not doc:
        raise KgError("a report needs a non-empty doc id (its file name without extension).")
    escaped = _UNSAFE_IN_SEGMENT.sub(
        lambda match: "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8")), doc
    )
    return ID[f"report/{escaped}"]


def report_id(iri: str) -> str:
    """The doc id back from a report IRI (the inverse of :func:`report_iri`).

    >>> report_id(report_iri("a b/c"))
    'a b/c'
    """
    text = str(iri)
    if not text.startswith(_REPORT_PREFIX):
        raise KgError(f"{text} is not a kg report IRI (expected {_REPORT_PREFIX}<doc>).")
    return unquote(text[len(_REPORT_PREFIX) :])


def evidence_iri(
    doc: str, start: int | None, end: int | None, rule: str | None, sentence: str | None = None
) -> URIRef:
    """The IRI of an evidence node: a hash of doc, offsets and rule.

    Relations read from the same sentence by the same rule share it. The sentence text joins the
    hash only when offsets are missing (gold files carry no offsets), so that different sentences
    never collide.
    """
    if start is None or end is None:
        return ID[f"evidence/{_digest(doc, start, end, rule, sentence)}"]
    return ID[f"evidence/{_digest(doc, start, end, rule)}"]


def _integer(value: Any, *, field: str, where: str) -> Literal | None:
    """``value`` as an ``xsd:integer`` literal, or None when absent."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise KgError(f"{where}: {field} must be an integer, not {value!r}.")
    try:
        number = int(value)
    except (TypeError, ValueError) as error:
        raise KgError(f"{where}: {field} must be an integer, not {value!r}.") from error
    if isinstance(value, float) and value != number:
        raise KgError(f"{where}: {field} must be an integer, not {value!r}.")
    return Literal(number, datatype=XSD.integer)


def _string(value: Any) -> Literal | None:
    """A non-empty string as a plain (``xsd:string``) literal, or None when absent.

    Plain, not ``datatype=XSD.string``: RDF 1.1 makes them the same, but rdflib compares them as
    different terms, and what comes back from a store or a parser is plain.
    """
    if value is None:
        return None
    text = str(value).strip()
    return Literal(text) if text else None


def map_report(
    result: Mapping[str, Any], *, report_path: str | None = None, resolver: Resolver | None = None
) -> Dataset:
    """Map one extraction result to RDF in the report's own named graph.

    ``result`` is one object of the contract's JSON Lines (``doc``, ``entities``, ``relations``);
    each relation may also carry ``evidence`` (sentence text), ``evidence_span`` ([start, end]
    of that sentence in the report) and ``rule`` (the id of the rule that fired). Returns a
    ``Dataset`` whose only non-empty graph is ``report_iri(doc)``; pass it to
    ``GraphStore.add_report``. Raises ``KgError`` naming the relation when the input breaks
    the contract (unknown type or predicate, dangling entity id, bad level or integer).

    Entity IRIs come from ``resolution.entity_key`` (the entity's names and the report's own
    place context, so one report maps the same alone or in a batch), or from ``resolver``'s
    keys when one is given (``resolution.resolve`` over a batch, which also merges entities
    that share an alias across reports).

    >>> ds = map_report({"doc": "r1",
    ...     "entities": [{"id": "e1", "type": "Company", "name": "中联重科", "aliases": []},
    ...                  {"id": "e2", "type": "Award", "name": "中国质量奖", "aliases": []}],
    ...     "relations": [{"subject": "e1", "predicate": "receivedAward", "object": "e2",
    ...                    "year": 2016, "edition": 2,
    ...                    "evidence": "中联重科获中国质量奖。",
    ...                    "evidence_span": [0, 11], "rule": "award.v1"}]})
    >>> len(ds.graph(report_iri("r1")))
    21
    """
    doc = result.get("doc")
    if not isinstance(doc, str) or not doc:
        raise KgError("an extraction result needs a non-empty 'doc' (the report's id).")
    report = report_iri(doc)
    dataset = bind_prefixes(Dataset())
    graph = dataset.graph(report)
    _map_into(graph, result, doc=doc, report=report, report_path=report_path, resolver=resolver)
    return dataset


def map_reports(
    results: Iterable[Mapping[str, Any]],
    *,
    report_paths: Mapping[str, str] | None = None,
    resolver: Resolver | None = None,
) -> Dataset:
    """Map several results into one dataset, one named graph per report (for tests and exports).

    Pass ``resolver=resolution.resolve(results)`` to merge entities across the batch on alias
    evidence too; without it each report's entities get their per-report keys.
    """
    dataset = bind_prefixes(Dataset())
    for result in results:
        path = (report_paths or {}).get(result.get("doc", ""))
        for quad in map_report(result, report_path=path, resolver=resolver):
            dataset.add(quad)
    return dataset


def _map_into(
    graph: Graph,
    result: Mapping[str, Any],
    *,
    doc: str,
    report: URIRef,
    report_path: str | None,
    resolver: Resolver | None = None,
) -> None:
    """Write the triples of one result into ``graph``."""
    graph.add((report, RDF.type, KG.Report))
    graph.add((report, KG.reportId, Literal(doc)))
    if report_path:
        graph.add((report, KG.sourcePath, Literal(str(report_path))))

    entities = list(result.get("entities") or [])
    context = report_context(e for e in entities if isinstance(e, Mapping))
    nodes: dict[str, URIRef] = {}
    # entities of this report that resolve to one node share its labels and mention count
    merged: dict[URIRef, dict[str, Any]] = {}
    for index, entity in enumerate(entities):
        where = f"{doc}: entity {index} ({entity.get('id', '?')})"
        type_name, name = entity.get("type"), entity.get("name")
        if type_name not in TYPE_CLASSES:
            raise KgError(
                f"{where}: unknown type {type_name!r}; expected one of {', '.join(TYPE_CLASSES)}."
            )
        if not isinstance(name, str) or not name.strip():
            raise KgError(f"{where}: the entity has no name.")
        key = entity.get("id")
        if not isinstance(key, str) or not key:
            raise KgError(f"{where}: the entity has no id.")
        if key in nodes:
            raise KgError(f"{where}: entity id {key!r} is used twice.")
        canonical = resolver.key(doc, key) if resolver is not None else entity_key(entity, context=context, doc=doc)
        node = nodes[key] = key_iri(type_name, canonical)
        slot = merged.setdefault(node, {"type": type_name, "key": canonical, "names": set(), "labels": set(), "mentions": 0})
        slot["names"].add(name)
        slot["labels"].update(a for a in (entity.get("aliases") or []) if isinstance(a, str) and a.strip())
        slot["labels"].add(name)
        slot["mentions"] += len(entity.get("mentions") or [])

    for node, slot in merged.items():
        preferred = min(slot["names"], key=lambda n: (-len(normalise_name(n)), n))
        graph.add((node, RDF.type, TYPE_CLASSES[slot["type"]]))
        graph.add((node, SKOS.prefLabel, Literal(preferred, lang=LANG)))
        for alias in slot["labels"] - {preferred}:
            graph.add((node, SKOS.altLabel, Literal(alias, lang=LANG)))
        graph.add((node, KG.mentionedIn, report))
        if slot["mentions"]:
            graph.add((node, KG.mentionCount, Literal(slot["mentions"], datatype=XSD.integer)))
        if slot["type"] == "Place" and _ADMIN_CODE.fullmatch(slot["key"]):
            graph.add((node, KG.adminCode, Literal(slot["key"])))

    for index, relation in enumerate(result.get("relations") or []):
        where = f"{doc}: relation {index}"
        _map_relation(graph, relation, nodes, doc=doc, report=report, where=where)


_ADMIN_CODE = re.compile(r"[0-9]{6}")


def _map_relation(
    graph: Graph,
    relation: Mapping[str, Any],
    nodes: Mapping[str, URIRef],
    *,
    doc: str,
    report: URIRef,
    where: str,
) -> None:
    """Write one relation: the direct triple, its qualified or reified node, and its evidence."""
    predicate_name = relation.get("predicate")
    if predicate_name not in PREDICATES:
        raise KgError(
            f"{where}: unknown predicate {predicate_name!r}; "
            f"expected one of {', '.join(PREDICATES)}."
        )
    where = f"{where} ({predicate_name})"
    predicate = PREDICATES[predicate_name]
    subject = _node(nodes, relation.get("subject"), where=where, role="subject")
    evidence = _evidence(graph, relation, doc=doc, report=report, where=where)

    if predicate_name == "standardsCount":
        level = relation.get("object")
        if level not in LEVELS:
            raise KgError(
                f"{where}: the object must be a level word ({', '.join(LEVELS)}), not {level!r}."
            )
        count = _integer(relation.get("count"), field="count", where=where)
        if count is None:
            raise KgError(f"{where}: a standardsCount needs a count.")
        year = _integer(relation.get("year"), field="year", where=where)
        node = ID[f"standardscount/{_digest(doc, subject, level, count, year)}"]
        graph.add((subject, predicate, node))
        graph.add((node, RDF.type, KG.StandardsCount))
        graph.add((node, KG.countSubject, subject))
        graph.add((node, KG.level, Literal(level)))
        graph.add((node, KG.count, count))
        if year is not None:
            graph.add((node, KG.year, year))
    elif predicate_name == "receivedAward":
        award = _node(nodes, relation.get("object"), where=where, role="object")
        year = _integer(relation.get("year"), field="year", where=where)
        edition = _integer(relation.get("edition"), field="edition", where=where)
        grade = _string(relation.get("grade"))
        node = ID[f"recognition/{_digest(doc, subject, award, year, edition, grade)}"]
        graph.add((subject, predicate, award))
        graph.add((node, RDF.type, KG.Recognition))
        graph.add((node, KG.recipient, subject))
        graph.add((node, KG.award, award))
        for prop, value in ((KG.year, year), (KG.edition, edition), (KG.grade, grade)):
            if value is not None:
                graph.add((node, prop, value))
    else:
        obj = _node(nodes, relation.get("object"), where=where, role="object")
        role = _string(relation.get("role")) if predicate_name == "worksFor" else None
        node = ID[f"statement/{_digest(doc, subject, predicate, obj, role)}"]
        graph.add((subject, predicate, obj))
        graph.add((node, RDF.type, RDF.Statement))
        graph.add((node, RDF.subject, subject))
        graph.add((node, RDF.predicate, predicate))
        graph.add((node, RDF.object, obj))
        if role is not None:
            graph.add((node, KG.role, role))

    if evidence is not None:
        graph.add((node, PROV.wasDerivedFrom, evidence))


def _node(nodes: Mapping[str, URIRef], key: Any, *, where: str, role: str) -> URIRef:
    """The IRI of the entity a relation names by id."""
    try:
        return nodes[key]
    except (KeyError, TypeError):
        raise KgError(
            f"{where}: the {role} {key!r} is not the id of an entity of this report."
        ) from None


def _evidence(
    graph: Graph, relation: Mapping[str, Any], *, doc: str, report: URIRef, where: str
) -> URIRef | None:
    """Write the relation's evidence node and return it; None when the relation has no evidence.

    Whatever is present is written; ``validate`` reports what a complete evidence still lacks.
    """
    sentence = relation.get("evidence")
    sentence = sentence if isinstance(sentence, str) and sentence.strip() else None
    span = relation.get("evidence_span")
    rule = _string(relation.get("rule"))
    if sentence is None and span is None and rule is None:
        return None
    start = end = None
    if span is not None:
        if not isinstance(span, (list, tuple)) or len(span) != 2:
            raise KgError(f"{where}: evidence_span must be [start, end], not {span!r}.")
        start = _integer(span[0], field="evidence_span start", where=where)
        end = _integer(span[1], field="evidence_span end", where=where)
    node = evidence_iri(
        doc,
        None if start is None else int(start),
        None if end is None else int(end),
        None if rule is None else str(rule),
        sentence,
    )
    graph.add((node, RDF.type, KG.Evidence))
    graph.add((node, KG.report, report))
    if sentence is not None:
        graph.add((node, KG.sentence, Literal(sentence, lang=LANG)))
    if start is not None:
        graph.add((node, KG.startOffset, start))
    if end is not None:
        graph.add((node, KG.endOffset, end))
    if rule is not None:
        graph.add((node, KG.rule, rule))
    return node


# -- the background graph: facts from bundled lexicons -------------------------------------------

def _date_literal(text: str) -> Literal:
    """``2015`` -> xsd:gYear, ``2015-06`` -> xsd:gYearMonth, ``2015-06-01`` -> xsd:date."""
    if re.fullmatch(r"[0-9]{4}", text):
        return Literal(text, datatype=XSD.gYear)
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}", text):
        return Literal(text, datatype=XSD.gYearMonth)
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return Literal(text, datatype=XSD.date)
    raise KgError(f"rename date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD.")


def _lexicon_statement(graph: Graph, subject: URIRef, predicate: URIRef, obj: URIRef, rule: str) -> URIRef:
    """The direct triple, its rdf:Statement and the kg:LexiconEvidence of ``rule``."""
    evidence = ID[f"evidence/{_digest('lexicon', rule)}"]
    graph.add((evidence, RDF.type, KG.Evidence))
    graph.add((evidence, RDF.type, KG.LexiconEvidence))
    graph.add((evidence, KG.rule, Literal(rule)))
    node = ID[f"statement/{_digest('background', subject, predicate, obj)}"]
    graph.add((subject, predicate, obj))
    graph.add((node, RDF.type, RDF.Statement))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, predicate))
    graph.add((node, RDF.object, obj))
    graph.add((node, PROV.wasDerivedFrom, evidence))
    return node


def map_background(
    located: Iterable[tuple[URIRef, URIRef]] = (),
    renamed: Iterable[tuple[URIRef, URIRef, str | None]] = (),
    parks: Iterable[tuple[URIRef, URIRef]] = (),
) -> Dataset:
    """The background graph: ``place kg:locatedIn parent`` from the admin divisions (rule
    ``admin_divisions.v1``), ``old kg:renamedTo new`` with ``kg:renameDate`` from the renames
    lexicon (rule ``renames.v1``) and ``park kg:locatedIn place`` for a park whose own name
    starts with that place (rule ``park_name_place.v1``), each reified and derived from a
    ``kg:LexiconEvidence``.

    The nodes themselves (type, names, reports) are in the report graphs; pass only IRIs that
    are there. Returns a ``Dataset`` whose only graph is ``BACKGROUND_GRAPH``.

    >>> ds = map_background([(entity_iri("Place", "株洲"), entity_iri("Place", "湖南"))])
    >>> (entity_iri("Place", "株洲市"), KG.locatedIn, entity_iri("Place", "湖南省")) in ds.graph(BACKGROUND_GRAPH)
    True
    """
    dataset = bind_prefixes(Dataset())
    graph = dataset.graph(BACKGROUND_GRAPH)
    for child, parent in located:
        _lexicon_statement(graph, child, KG.locatedIn, parent, ADMIN_RULE)
    for park, place in parks:
        _lexicon_statement(graph, park, KG.locatedIn, place, PARK_RULE)
    for old, new, date in renamed:
        node = _lexicon_statement(graph, old, KG.renamedTo, new, RENAME_RULE)
        if date:
            graph.add((node, KG.renameDate, _date_literal(date)))
    return dataset
