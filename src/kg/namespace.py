"""Namespaces: the one place where kg writes IRIs.

Owns the closed ``KG`` vocabulary (mirroring ``ontology/kg.ttl`` term for term), the ``ID``
namespace under which every resource is minted, the external vocabularies kg aligns to, and the
tables that turn the annotation contract's names (``"Company"``, ``"receivedAward"``, the level
words) into RDF terms. Hands these to ``rdfmap``, ``store``, ``validate`` and ``viz``.

Must not mint resource IRIs (that is ``rdfmap.entity_iri`` and friends) or read data. Any other
module that needs an IRI imports it from here; a term missing from ``KG`` is an ``AttributeError``
(``_fail = True``), and ``tests/test_namespace.py`` keeps ``KG`` and ``kg.ttl`` equal both ways.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

from rdflib import Graph
from rdflib.namespace import (
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SH,
    SKOS,
    XSD,
    DefinedNamespace,
    Namespace,
)
from rdflib.term import URIRef

__all__ = [
    "KG",
    "ID",
    "ORG",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SDO",
    "SH",
    "SKOS",
    "XSD",
    "ONTOLOGY_IRI",
    "TYPE_CLASSES",
    "PREDICATES",
    "LEVELS",
    "ID_KINDS",
    "PREFIXES",
    "bind_prefixes",
]


class KG(DefinedNamespace):
    """The kg ontology (``ontology/kg.ttl``): classes, then object, then datatype properties."""

    _NS = Namespace("https://w3id.org/kg/ontology#")
    _fail = True

    # Classes: the nine entity types of the annotation contract
    Company: URIRef  # a business: company, group, branch or factory
    GovernmentAgency: URIRef  # a state or party body
    Institution: URIRef  # research institute, university, hospital, association, alliance
    StandardsBody: URIRef  # a technical committee, its secretariat, a standards organisation
    Park: URIRef  # an industrial park, high-tech or development zone with a proper name
    Place: URIRef  # an administrative place or a country
    Award: URIRef  # a named prize, award or honorary title
    Standard: URIRef  # one specific standard, by code or title
    Person: URIRef  # a named person
    # Classes: n-ary and provenance nodes
    Recognition: URIRef  # one conferral of an award (recipient, award, year, edition, grade)
    StandardsCount: URIRef  # "N standards of level L" stated for a subject
    Report: URIRef  # a source report
    Evidence: URIRef  # the sentence of a report a fact was read from
    LexiconEvidence: URIRef  # the bundled lexicon a background fact was taken from

    # Object properties: the contract's relations
    receivedAward: URIRef
    locatedIn: URIRef
    subsidiaryOf: URIRef
    secretariatOf: URIRef
    contributedToStandard: URIRef
    appliesStandard: URIRef
    worksFor: URIRef
    standardsCount: URIRef
    # Object properties: structure and provenance
    recipient: URIRef  # Recognition -> who received it
    award: URIRef  # Recognition -> the Award
    countSubject: URIRef  # StandardsCount -> whose standards are counted
    mentionedIn: URIRef  # entity -> Report
    report: URIRef  # Evidence -> Report
    renamedTo: URIRef  # old entity -> new entity (for entity resolution)

    # Datatype properties
    year: URIRef
    edition: URIRef
    grade: URIRef
    count: URIRef
    level: URIRef
    role: URIRef
    reportId: URIRef
    sourcePath: URIRef
    sentence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    rule: URIRef
    mentionCount: URIRef  # mentions of the entity in the report whose graph holds the triple
    adminCode: URIRef  # six-digit code of an administrative division (Place)
    renameDate: URIRef  # when a rename took effect (on the kg:renamedTo statement)
    displayName: URIRef  # derived: the one name shown for a node (kg.names, the names graph)
    lookupName: URIRef  # derived: each label text of a node as a plain string, to find it by name


#: The ontology document itself (``owl:Ontology``); not a term of ``KG``.
ONTOLOGY_IRI = URIRef("https://w3id.org/kg/ontology")

#: Every resource kg mints lives here: ``ID["company/<hash>"]``, ``ID["report/<doc>"]``, ...
ID = Namespace("https://w3id.org/kg/id/")

#: Contract entity type -> class.
TYPE_CLASSES: Mapping[str, URIRef] = MappingProxyType(
    {
        "Company": KG.Company,
        "GovernmentAgency": KG.GovernmentAgency,
        "Institution": KG.Institution,
        "StandardsBody": KG.StandardsBody,
        "Park": KG.Park,
        "Place": KG.Place,
        "Award": KG.Award,
        "Standard": KG.Standard,
        "Person": KG.Person,
    }
)

#: Contract predicate -> property (the direct, "flat" triple kg always writes).
PREDICATES: Mapping[str, URIRef] = MappingProxyType(
    {
        "receivedAward": KG.receivedAward,
        "locatedIn": KG.locatedIn,
        "subsidiaryOf": KG.subsidiaryOf,
        "secretariatOf": KG.secretariatOf,
        "contributedToStandard": KG.contributedToStandard,
        "appliesStandard": KG.appliesStandard,
        "worksFor": KG.worksFor,
        "standardsCount": KG.standardsCount,
    }
)

#: The level words a ``standardsCount`` may count; stored as plain ``xsd:string`` literals.
LEVELS: tuple[str, ...] = ("international", "national", "industry", "group", "local", "enterprise")

#: The first path segment of every minted IRI: one per entity type, then the node kinds.
ID_KINDS: tuple[str, ...] = tuple(name.lower() for name in TYPE_CLASSES) + (
    "report",
    "evidence",
    "recognition",
    "standardscount",
    "statement",
    "graph",
)

#: Prefixes for serialisations, in a fixed order so that dumps are byte-stable.
#: ``company:`` stands for ``ID["company/"]`` and so on, which keeps Turtle readable.
PREFIXES: Mapping[str, str] = MappingProxyType(
    {
        "kg": str(KG._NS),
        "rdf": str(RDF),
        "rdfs": str(RDFS),
        "xsd": str(XSD),
        "owl": str(OWL),
        "skos": str(SKOS),
        "schema": str(SDO),
        "org": str(ORG),
        "prov": str(PROV),
        **{kind: f"{ID}{kind}/" for kind in ID_KINDS},
    }
)


def bind_prefixes(graph: Graph) -> Graph:
    """Bind :data:`PREFIXES` on an rdflib graph or dataset, over rdflib's defaults; return it."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, Namespace(iri), override=True, replace=True)
    return graph
