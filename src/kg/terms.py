"""Terms: RDF terms between rdflib, pyoxigraph and plain Python values.

Owns binding query parameters as pyoxigraph terms (:func:`_substitutions`), turning the terms of
an answer into the Python values of ``store.QueryResult`` (:func:`_to_python`, once per cell, so
kept fast), and rdflib terms into pyoxigraph ones for writing (:func:`_to_oxigraph`). ``store``
and ``remote`` use them; pyoxigraph and rdflib are imported on first use. Must not: read or write
a store, or splice a value into query text.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Mapping, Union

from .errors import QueryError, StoreError
from .namespace import RDF, XSD

#: A value a query parameter may be bound to: ``str`` -> ``xsd:string``, ``int`` -> ``xsd:integer``;
#: an ``rdflib.URIRef`` (a ``str``) is bound as an IRI.
Binding = Union[str, int]

_VARIABLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_INTEGER_TYPES = {
    str(XSD[name])
    for name in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort",
        "unsignedByte",
    )
}


def _substitutions(bindings: Mapping[str, Binding]) -> dict[Any, Any]:
    """Query parameters as pyoxigraph terms.

    ``str`` -> ``xsd:string``, ``int`` -> ``xsd:integer``, ``rdflib.URIRef`` -> IRI.
    """
    import pyoxigraph as ox
    from rdflib import URIRef

    substitutions: dict[Any, Any] = {}
    for raw_name, value in bindings.items():
        name = raw_name[1:] if raw_name[:1] in "?$" else raw_name
        if not _VARIABLE_NAME.match(name):
            raise QueryError(f"{raw_name!r} is not a SPARQL variable name (letters, digits, _).")
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise QueryError(
                f"parameter {name}: bind a string or an integer, not {type(value).__name__}."
            )
        if isinstance(value, URIRef):
            term = ox.NamedNode(str(value))
        elif isinstance(value, int):
            term = ox.Literal(str(value), datatype=ox.NamedNode(str(XSD.integer)))
        else:
            term = ox.Literal(value)
        substitutions[ox.Variable(name)] = term
    return substitutions


# datatype IRIs as strings once (str(XSD.x) per literal was a third of reading a large result)
_DECIMAL, _FLOATS, _BOOLEAN = str(XSD.decimal), (str(XSD.double), str(XSD.float)), str(XSD.boolean)


def _to_python(term: Any) -> Any:
    """A pyoxigraph term as a plain Python value (see ``QueryResult``).

    Called once per cell of every answer, so it tests exact types (a subclass is still a term:
    ``str(term)``) and reads a literal's datatype once, strings first (most cells are names).
    """
    term_type = type(term)
    if term_type is _TERMS.literal:
        datatype = term.datatype.value
        if datatype in _TEXT:
            return term.value
        try:
            if datatype in _INTEGER_TYPES:
                return int(term.value)
            if datatype == _DECIMAL:
                return Decimal(term.value)
            if datatype in _FLOATS:
                return float(term.value)
            if datatype == _BOOLEAN:
                return term.value in ("true", "1")
        except ValueError:
            return term.value  # an ill-typed literal: keep its text
        return term.value
    if term is None:
        return None
    if term_type is _TERMS.named_node:
        return term.value
    if term_type is _TERMS.blank_node:
        return f"_:{term.value}"
    return str(term)


class _Terms:
    """pyoxigraph's term classes, imported when the first cell is converted (not at import)."""

    def __getattr__(self, name: str) -> Any:
        if name not in ("literal", "named_node", "blank_node"):
            raise AttributeError(name)
        import pyoxigraph as ox

        self.literal, self.named_node, self.blank_node = ox.Literal, ox.NamedNode, ox.BlankNode
        return getattr(self, name)


_TERMS = _Terms()
_TEXT = frozenset({str(XSD.string), str(RDF.langString)})


def _to_oxigraph(term: Any) -> Any:
    """An rdflib term (or a pyoxigraph one, passed through) as a pyoxigraph term."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return term
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise StoreError(f"cannot store {term!r}: not an RDF term.")
