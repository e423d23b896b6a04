"""The closed KG namespace, the contract tables and ontology/kg.ttl agree, term for term.

``SDO`` is used through ``ns``: rdflib's open schema.org namespace warns when pytest probes a
module-level name for attributes it does not have.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection

from kg import namespace as ns
from kg.namespace import (
    ID,
    ID_KINDS,
    KG,
    LEVELS,
    ONTOLOGY_IRI,
    ORG,
    OWL,
    PREDICATES,
    PREFIXES,
    RDF,
    RDFS,
    SH,
    TYPE_CLASSES,
    bind_prefixes,
)

ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"
CONTRACT_TYPES = ["Company", "GovernmentAgency", "Institution", "StandardsBody", "Park", "Place", "Award", "Standard", "Person"]
CONTRACT_PREDICATES = [
    "receivedAward", "locatedIn", "subsidiaryOf", "secretariatOf",
    "contributedToStandard", "appliesStandard", "standardsCount", "worksFor",
]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "kg.ttl", format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")


def namespace_terms() -> set[URIRef]:
    return {KG[name] for name in KG.__annotations__}


def ontology_terms(ontology: Graph) -> set[URIRef]:
    prefix = str(KG._NS)
    return {
        subject
        for subject in ontology.subjects(RDF.type, None)
        if isinstance(subject, URIRef) and str(subject).startswith(prefix)
    }


def test_namespace_every_term_is_defined_in_the_ontology(ontology: Graph) -> None:
    missing = namespace_terms() - ontology_terms(ontology)
    assert not missing, f"in namespace.py but not in kg.ttl: {sorted(missing)}"


def test_namespace_lists_every_term_the_ontology_defines(ontology: Graph) -> None:
    missing = ontology_terms(ontology) - namespace_terms()
    assert not missing, f"in kg.ttl but not in namespace.py: {sorted(missing)}"


def test_namespace_is_closed() -> None:
    with pytest.raises(AttributeError):
        KG.recievedAward  # noqa: B018 - a typo must fail loudly


def test_ontology_every_term_has_english_and_chinese_label_and_comment(ontology: Graph) -> None:
    for term in sorted(ontology_terms(ontology) | {ONTOLOGY_IRI}):
        languages = {label.language for label in ontology.objects(term, RDFS.label) if isinstance(label, Literal)}
        assert {"en", "zh"} <= languages, f"{term} needs rdfs:label @en and @zh, has {languages}"
        comments = {c.language for c in ontology.objects(term, RDFS.comment) if isinstance(c, Literal)}
        assert "en" in comments, f"{term} needs an English rdfs:comment"


def test_ontology_every_term_is_typed_as_class_or_property(ontology: Graph) -> None:
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}
    for term in namespace_terms():
        assert kinds & set(ontology.objects(term, RDF.type)), f"{term} is neither a class nor a property"


def test_type_classes_cover_the_contract_types(ontology: Graph) -> None:
    assert list(TYPE_CLASSES) == CONTRACT_TYPES
    for name, cls in TYPE_CLASSES.items():
        assert (cls, RDF.type, OWL.Class) in ontology, name


def test_predicates_cover_the_contract_relations(ontology: Graph) -> None:
    assert sorted(PREDICATES) == sorted(CONTRACT_PREDICATES)
    for name, prop in PREDICATES.items():
        assert (prop, RDF.type, OWL.ObjectProperty) in ontology, name


@pytest.mark.parametrize(
    "term, parent",
    [
        (KG.Company, ORG.Organization),
        (KG.GovernmentAgency, ns.SDO.GovernmentOrganization),
        (KG.Institution, ORG.Organization),
        (KG.StandardsBody, ORG.Organization),
        (KG.Park, ns.SDO.Place),
        (KG.Place, ns.SDO.AdministrativeArea),
        (KG.Standard, ns.SDO.CreativeWork),
        (KG.Person, ns.SDO.Person),
    ],
)
def test_ontology_entity_classes_are_aligned(ontology: Graph, term: URIRef, parent: URIRef) -> None:
    assert (term, RDFS.subClassOf, parent) in ontology


@pytest.mark.parametrize(
    "term, parent",
    [
        (KG.receivedAward, ns.SDO.award),
        (KG.locatedIn, ns.SDO.containedInPlace),
        (KG.subsidiaryOf, ORG.subOrganizationOf),
        (KG.worksFor, ns.SDO.worksFor),
    ],
)
def test_ontology_relations_are_aligned(ontology: Graph, term: URIRef, parent: URIRef) -> None:
    assert (term, RDFS.subPropertyOf, parent) in ontology


def test_levels_match_the_ontology_and_the_shapes(ontology: Graph, shapes: Graph) -> None:
    datatype = ontology.value(KG.level, RDFS.range)
    assert tuple(str(v) for v in Collection(ontology, ontology.value(datatype, OWL.oneOf))) == LEVELS
    (level_shape,) = shapes.subjects(SH.path, KG.level)
    assert tuple(str(v) for v in Collection(shapes, shapes.value(level_shape, SH["in"]))) == LEVELS


def test_prefixes_are_distinct_and_cover_every_minted_kind() -> None:
    assert len(set(PREFIXES.values())) == len(PREFIXES)
    for kind in ID_KINDS:
        assert PREFIXES[kind] == f"{ID}{kind}/"
    assert PREFIXES["kg"] == str(KG._NS)


def test_bind_prefixes_binds_kg_prefixes_on_a_graph() -> None:
    graph = bind_prefixes(Graph())
    bound = {prefix: str(iri) for prefix, iri in graph.namespaces()}
    for prefix, iri in PREFIXES.items():
        assert bound[prefix] == iri
