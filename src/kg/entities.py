"""Entities: what the store knows about each node, as a list and as the card of one entity.

Owns the SPARQL behind ``kg entities`` and ``kg show``: listing the entity nodes of a store with
their names, aliases, mention counts and reports (:func:`list_entities`), finding the nodes a
name stands for (:func:`find_entities`), and gathering one node's card: its names, type and
every relation it takes part in with the relation's qualifiers and the sentence it was read from
(:func:`entity_card`, printed by :func:`format_card`).

Hands plain dicts and strings to the CLI. Must not: print, parse options, or paste a name into
query text: names are bound as RDF literals and IRIs as IRIs by the store (``GraphStore.query``
bindings). A node's name is its longest ``skos:prefLabel`` (ties: the smallest), the contract's
rule for a name and the one the named queries use; every other label is an alias.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from rdflib import URIRef

from .errors import QueryError
from .namespace import TYPE_CLASSES
from .text import normalise_name

__all__ = ["list_entities", "find_entities", "entity_card", "format_card", "resolve_name"]

_TYPE_VALUES = " ".join(f"<{iri}>" for iri in TYPE_CLASSES.values())
_TYPE_NAMES = {str(iri): name for name, iri in TYPE_CLASSES.items()}

# The types and the labels of the entity nodes read apart, joined in Python (list_entities of a
# whole store): their join in one query repeats a node's rows once per pair of report graphs
# holding its type and its label, and DISTINCT then takes time with the square of the reports
# naming it (70 s against 4 s for the two apart, 4,000 generated reports).
_TYPE_ROWS = f"""
SELECT ?entity ?type WHERE {{ VALUES ?type {{ {_TYPE_VALUES} }} ?entity a ?type }}
"""
_LABEL_ROWS = """
SELECT ?entity ?label ?preferred WHERE {
  { ?entity skos:prefLabel ?label BIND(true AS ?preferred) } UNION { ?entity skos:altLabel ?label BIND(false AS ?preferred) }
}"""

# Every label of one entity node.
_LABELS = f"""
SELECT DISTINCT ?entity ?type ?label ?preferred WHERE {{
  VALUES ?type {{ {_TYPE_VALUES} }}
  ?entity a ?type .
  {{ ?entity skos:prefLabel ?label BIND(true AS ?preferred) }}
  UNION
  {{ ?entity skos:altLabel ?label BIND(false AS ?preferred) }}
}}
"""

# Per report: the node is mentioned there, so many times (each report graph holds its own count).
_MENTIONS = """
SELECT DISTINCT ?entity ?report ?count WHERE {
  GRAPH ?graph { ?entity kg:mentionedIn ?report_node . OPTIONAL { ?entity kg:mentionCount ?count } }
  ?report_node kg:reportId ?report .
}
"""

# The nodes bearing a name (as written, or normalised as the contract says) as a label.
_BY_LABEL = f"""
SELECT DISTINCT ?entity ?type ?name ?normalised WHERE {{
  VALUES ?type {{ {_TYPE_VALUES} }}
  ?entity a ?type ; skos:prefLabel|skos:altLabel ?label .
  FILTER(STR(?label) = ?name || STR(?label) = ?normalised)
}}
"""

# Does this node exist, and of which type?
_NODE = f"""
SELECT DISTINCT ?entity ?type WHERE {{
  VALUES ?type {{ {_TYPE_VALUES} }}
  ?entity a ?type .
}}
"""

# Every fact the node takes part in, outgoing and incoming, with qualifiers and evidence.
_FACTS = """
SELECT DISTINCT ?entity ?direction ?relation ?other ?level ?count ?year ?edition ?grade ?role ?date
                ?sentence ?report ?start ?end ?rule WHERE {
  {
    ?fact a kg:Recognition ; kg:recipient ?entity ; kg:award ?other .
    BIND("out" AS ?direction) BIND("receivedAward" AS ?relation)
  } UNION {
    ?fact a kg:Recognition ; kg:award ?entity ; kg:recipient ?other .
    BIND("in" AS ?direction) BIND("receivedAward" AS ?relation)
  } UNION {
    ?fact a kg:StandardsCount ; kg:countSubject ?entity ; kg:level ?level ; kg:count ?count .
    BIND("out" AS ?direction) BIND("standardsCount" AS ?relation)
  } UNION {
    ?fact a rdf:Statement ; rdf:subject ?entity ; rdf:predicate ?property ; rdf:object ?other .
    BIND("out" AS ?direction) BIND(STRAFTER(STR(?property), "#") AS ?relation)
  } UNION {
    ?fact a rdf:Statement ; rdf:object ?entity ; rdf:predicate ?property ; rdf:subject ?other .
    BIND("in" AS ?direction) BIND(STRAFTER(STR(?property), "#") AS ?relation)
  }
  OPTIONAL { ?fact kg:year ?year }
  OPTIONAL { ?fact kg:edition ?edition }
  OPTIONAL { ?fact kg:grade ?grade }
  OPTIONAL { ?fact kg:role ?role }
  OPTIONAL { ?fact kg:renameDate ?date }
  OPTIONAL {
    ?fact prov:wasDerivedFrom ?evidence .
    OPTIONAL { ?evidence kg:report/kg:reportId ?report }
    OPTIONAL { ?evidence kg:sentence ?text }
    OPTIONAL { ?evidence kg:startOffset ?start }
    OPTIONAL { ?evidence kg:endOffset ?end }
    OPTIONAL { ?evidence kg:rule ?rule }
  }
  BIND(STR(?text) AS ?sentence)
}
"""


def _type_iri(type_: str) -> URIRef:
    if type_ not in TYPE_CLASSES:
        raise QueryError(f"unknown entity type {type_!r}; expected one of {', '.join(TYPE_CLASSES)}.")
    return URIRef(str(TYPE_CLASSES[type_]))


def _preferred(labels: Iterable[str]) -> str:
    return min(labels, key=lambda n: (-len(normalise_name(n)), n))


def _rows(store: Any, sparql: str, bindings: dict[str, Any]) -> Iterable[tuple[Any, ...]]:
    """A query's rows; one at a time where the store can hand them so (``iter_query``, without
    bindings): the rows of every node of the store are not all held at once."""
    lazy = getattr(store, "iter_query", None)
    return lazy(sparql) if lazy is not None and not bindings else store.query(sparql, bindings).rows


def _summaries(store: Any, bindings: dict[str, Any]) -> list[dict[str, Any]]:
    """Entity summaries for the nodes the label query finds with ``bindings``."""
    labels: dict[str, dict[str, Any]] = {}
    if "entity" in bindings:
        rows: Iterable[tuple[Any, ...]] = _rows(store, _LABELS, bindings)
    else:  # every node (of one type): types and labels read apart, first type read wins
        for entity, type_iri in _rows(store, _TYPE_ROWS, bindings):
            labels.setdefault(entity, {"type": _TYPE_NAMES[type_iri], "pref": set(), "all": set()})
        rows = ((entity, None, label, preferred) for entity, label, preferred in _rows(store, _LABEL_ROWS, {}) if entity in labels)
    for entity, type_iri, label, preferred in rows:
        slot = labels.get(entity) or labels.setdefault(entity, {"type": _TYPE_NAMES[type_iri], "pref": set(), "all": set()})
        slot["all"].add(label)
        if preferred:
            slot["pref"].add(label)
    labels = {entity: slot for entity, slot in labels.items() if slot["all"]}
    only = {"entity": bindings["entity"]} if "entity" in bindings else {}
    mentions = _mentions(store, only, labels)
    return [_summary(entity, slot["type"], slot["pref"], slot["all"], mentions[entity]) for entity, slot in labels.items()]


def _mentions(store: Any, bindings: dict[str, Any], entities: Any) -> dict[str, dict[str, int]]:
    """Report id -> mention count of each node of ``entities`` the mention query finds."""
    mentions: dict[str, dict[str, int]] = defaultdict(dict)
    for entity, report, count in _rows(store, _MENTIONS, bindings):
        if entity in entities:
            mentions[entity][report] = max(mentions[entity].get(report, 0), int(count or 0))
    return mentions


def _summary(entity: str, type_name: str, preferred: set[str], every: set[str], mentions: dict[str, int]) -> dict[str, Any]:
    """A :func:`list_entities` row from a node's type, labels and mentions by report."""
    name = _preferred(preferred or every)
    aliases = sorted(every - {name}, key=lambda n: (-len(normalise_name(n)), n))
    return {
        "iri": entity,
        "type": type_name,
        "name": name,
        "aliases": aliases,
        "mentions": sum(mentions.values()),
        "reports": sorted(mentions),
    }


def entity_row(store: Any, iri: str, type_name: str, labels: Iterable[tuple[str, bool]]) -> dict[str, Any]:
    """The :func:`list_entities` row of node ``iri`` whose type and ``(label, preferred)`` labels
    the caller read already: only its mentions are queried (one node's label rows, the join of
    its type and labels over the report graphs, grow with the square of the reports naming it)."""
    preferred: set[str] = set()
    every: set[str] = set()
    for label, is_preferred in labels:
        every.add(label)
        if is_preferred:
            preferred.add(label)
    return _summary(iri, type_name, preferred, every, _mentions(store, {"entity": URIRef(iri)}, {iri})[iri])


def list_entities(store: Any, *, type_: str | None = None) -> list[dict[str, Any]]:
    """Every entity node of ``store`` (of type ``type_`` only, when given) as
    ``{"iri", "type", "name", "aliases", "mentions", "reports"}``: ``mentions`` is the number of
    mentions summed over the reports, ``reports`` the ids of the reports naming it. Sorted by
    type, most-mentioned first, then name."""
    bindings = {"type": _type_iri(type_)} if type_ else {}
    rows = _summaries(store, bindings)
    return sorted(rows, key=lambda r: (r["type"], -r["mentions"], r["name"], r["iri"]))


def find_entities(store: Any, name: str, *, type_: str | None = None) -> list[dict[str, Any]]:
    """The entity nodes ``name`` stands for, as :func:`list_entities` rows.

    First the nodes bearing ``name`` as a name or alias (as written, or normalised by the
    contract's rules); when none does, the node whose resolution key ``name`` has (株洲 finds
    the node of 株洲市, 中车株洲电力机车公司 the node of 中车株洲电力机车有限公司).
    """
    from .rdfmap import entity_iri  # the IRI of a name's key, as the mapper mints it

    text = name.strip()
    if not text:
        raise QueryError("give a name, e.g. kg show 中车株洲电力机车有限公司.")
    found: dict[str, str] = {}
    for entity, type_iri, _, _ in store.query(_BY_LABEL, {"name": text, "normalised": normalise_name(text)}).rows:
        found[entity] = _TYPE_NAMES[type_iri]
    if not found:
        for type_name in TYPE_CLASSES:
            iri = entity_iri(type_name, text)
            for entity, type_iri in store.query(_NODE, {"entity": iri, "type": _type_iri(type_name)}).rows:
                found[entity] = _TYPE_NAMES[type_iri]
    if type_:
        found = {k: v for k, v in found.items() if v == type_}
    rows = [row for iri in found for row in _summaries(store, {"entity": URIRef(iri)})]
    return sorted(rows, key=lambda r: (r["type"], -r["mentions"], r["name"], r["iri"]))


def resolve_name(store: Any, name: str, *, type_: str | None = None) -> dict[str, Any]:
    """The one entity ``name`` stands for; a ``QueryError`` when there is none, and an
    :class:`AmbiguousName` (with ``candidates``) when there are several."""
    candidates = find_entities(store, name, type_=type_)
    if not candidates:
        kind = f" {type_}" if type_ else ""
        raise QueryError(f"no{kind} entity is named {name!r}. List names with 'kg entities'.")
    if len(candidates) > 1:
        raise AmbiguousName(name, candidates)
    return candidates[0]


class AmbiguousName(QueryError):
    """A name several entity nodes bear; ``candidates`` are their :func:`list_entities` rows."""

    def __init__(self, name: str, candidates: list[dict[str, Any]]) -> None:
        self.name = name
        self.candidates = candidates
        super().__init__(
            f"{len(candidates)} entities are named {name!r}; pick one with --type "
            f"({', '.join(sorted({c['type'] for c in candidates}))}) or a fuller name."
        )


def entity_card(store: Any, iri: str) -> dict[str, Any]:
    """One node's card: its summary (as :func:`list_entities`) plus ``relations``, each
    ``{"direction": "out"|"in", "relation", "other", "other_type", "other_iri", qualifiers…,
    "sentence", "report", "start", "end", "rule"}``, sorted outgoing first, then by relation,
    report and position. Facts from the bundled lexicons (admin divisions, renames) have a
    rule and no report or sentence."""
    node = URIRef(iri)
    summaries = _summaries(store, {"entity": node})
    if not summaries:
        raise QueryError(f"no entity node {iri} in the store.")
    card = dict(summaries[0])
    result = store.query(_FACTS, {"entity": node})
    names: dict[str, dict[str, Any]] = {}
    relations = []
    for row in result.rows:
        fact = dict(zip(result.columns, row))
        fact.pop("entity")
        other = fact.pop("other")
        if other is not None and other not in names:
            other_summary = _summaries(store, {"entity": URIRef(other)})
            names[other] = other_summary[0] if other_summary else {"name": other, "type": None}
        fact["other"] = names[other]["name"] if other else None
        fact["other_type"] = names[other]["type"] if other else None
        fact["other_iri"] = other
        if fact["date"] is not None:
            fact["date"] = str(fact["date"])
        relations.append(fact)
    relations.sort(key=lambda f: (
        f["direction"] != "out", f["relation"], f["report"] or "~", f["start"] if f["start"] is not None else -1,
        f["other"] or "", f["year"] or 0, f["edition"] or 0, str(f["grade"] or ""), f["level"] or "",
    ))
    card["relations"] = relations
    return card


_QUALIFIERS = ("edition", "year", "grade", "level", "count", "role", "date")


def _qualifiers(fact: dict[str, Any]) -> str:
    parts = []
    for key in _QUALIFIERS:
        value = fact.get(key)
        if value is not None and value != "":
            parts.append(f"{key} {value}")
    return ", ".join(parts)


def format_card(card: dict[str, Any]) -> str:
    """The card as text: a header of names, then one block per relation with its source."""
    lines = [f"{card['name']}  ({card['type']})", f"  iri:      {card['iri']}"]
    lines.append(f"  aliases:  {'、'.join(card['aliases']) if card['aliases'] else '-'}")
    reports = ", ".join(card["reports"]) if card["reports"] else "-"
    lines.append(f"  mentions: {card['mentions']} in {len(card['reports'])} report(s): {reports}")
    relations = card.get("relations") or []
    lines.append(f"relations ({len(relations)}):" if relations else "relations: none")
    for fact in relations:
        target = fact["other"] if fact["other"] is not None else fact.get("level")
        arrow = f"{fact['relation']} -> {target}" if fact["direction"] == "out" else f"<- {fact['relation']} {target}"
        if fact["direction"] == "out" and fact["relation"] == "standardsCount":
            arrow = f"standardsCount -> {fact['level']}"
        qualifiers = _qualifiers({k: v for k, v in fact.items() if not (k == "level" and fact["relation"] == "standardsCount")})
        lines.append(f"  {arrow}" + (f"  [{qualifiers}]" if qualifiers else ""))
        if fact.get("sentence"):
            where = fact["report"] or ""
            if fact.get("start") is not None:
                where += f" {fact['start']}-{fact['end']}"
            sentence = " ".join(str(fact["sentence"]).split())
            lines.append(f"      \u201c{sentence}\u201d")
            lines.append(f"      ({where}; rule {fact['rule']})")
        elif fact.get("rule"):
            lines.append(f"      (lexicon fact; rule {fact['rule']})")
    return "\n".join(lines)

