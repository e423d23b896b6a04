"""SHACL as SPARQL: kg's shapes checked by SPARQL queries over a pyoxigraph store.

Owns compiling the shapes graph (``shapes.ttl``) into one SPARQL query per constraint and running
them over the union of a store's report graphs, giving the rows of :func:`kg.validate.violations`
(severity, focus, path, value, message, shape) that pyshacl gives over the same graph with the
ontology mixed in and no inference.

Why hand-written rather than pyshacl: pyshacl walks every focus node in Python over an rdflib
copy of the data, re-parses each SPARQL constraint once per focus node (rdflib's parser), builds a
throwaway result for every failed alternative of an ``sh:or``, and needs the store converted into
rdflib graphs first; measured on generated reports it took about a second a report and grew
faster than the graph (see README, "Validation at scale"). kg's shapes use a small part of SHACL
Core (targets by class and by subject of a predicate; ``sh:nodeKind``, ``sh:class``,
``sh:datatype``, ``sh:minCount``, ``sh:maxCount``, ``sh:minLength``, ``sh:minInclusive``,
``sh:maxInclusive``, ``sh:pattern``, ``sh:in``, ``sh:lessThan``, ``sh:or``, on predicate paths)
and SPARQL-based constraints, each of which is one query whose solutions are the violations,
evaluated by Oxigraph's indexes. A shape using anything else raises :class:`Unsupported`, and the
caller falls back to pyshacl; ``tests/test_validate.py`` checks that both give the same rows on
graphs broken in every way the shapes catch.

Must not write to the store.
"""

from __future__ import annotations

import re
from typing import Any, Iterator, NamedTuple

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD

__all__ = ["Unsupported", "compile_shapes", "store_rows"]


class Unsupported(Exception):
    """The shapes use a part of SHACL this module does not translate."""


_KNOWN = {
    SH.targetClass, SH.targetSubjectsOf, SH.nodeKind, SH["class"], SH.datatype, SH.minCount,
    SH.maxCount, SH.minLength, SH.minInclusive, SH.maxInclusive, SH.pattern, SH["in"], SH.lessThan,
    SH["or"], SH.property, SH.path, SH.message, SH.sparql, RDF.type, RDFS.comment, RDFS.label,
}
_XSD_CHECKED_IN_PYTHON = {XSD.date, XSD.gYearMonth, XSD.gYear}  # ill-typed lexical forms


def _term(node: Any) -> str:
    """A SPARQL term for an rdflib node."""
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        return node.n3()
    raise Unsupported(f"a blank node {node} as a constant")


class _Compiler:
    """Turns each targeted shape into queries (:class:`_Query`); ``?this`` is the focus node,
    ``?value`` a value of a property shape's path."""

    def __init__(self, shapes: Graph, subclasses: dict[URIRef, set[URIRef]]) -> None:
        self.shapes = shapes
        self.subclasses = subclasses  # class -> itself and every class below it
        self.counter = 0

    def var(self, stem: str) -> str:
        self.counter += 1
        return f"?{stem}{self.counter}"

    def classes(self, cls: URIRef) -> str:
        return " ".join(_term(c) for c in sorted(self.subclasses.get(cls, {cls})))

    def instance_of(self, node: str, cls: URIRef) -> str:
        t = self.var("t")
        return f"EXISTS {{ {node} <{RDF.type}> {t} . VALUES {t} {{ {self.classes(cls)} }} }}"

    def check_unknown(self, shape: Any) -> None:
        for predicate in set(self.shapes.predicates(shape, None)):
            if predicate not in _KNOWN:
                raise Unsupported(f"{predicate} on shape {shape}")
        if len(set(self.shapes.objects(shape, SH.message))) > 1:
            raise Unsupported(f"several messages on shape {shape}")

    def message(self, shape: Any, component: Any = None) -> str:
        """The shape's sh:message. Without one pyshacl writes its own text a component, which
        this module does not copy: Unsupported, except for sh:nodeKind sh:IRI on a node shape,
        which only a blank node fails (and a blank node in a result falls back anyway)."""
        message = self.shapes.value(shape, SH.message)
        if message is None and component != SH.nodeKind:
            raise Unsupported(f"a constraint of shape {shape} without sh:message")
        return str(message or "")

    def path(self, shape: Any) -> URIRef:
        path = self.shapes.value(shape, SH.path)
        if not isinstance(path, URIRef):
            raise Unsupported(f"a path that is not a predicate: {path}")
        return path

    # -- conditions a node fails (for sh:or alternatives and per-value components) -------------

    def fails(self, shape: Any, node: str) -> str:
        """A SPARQL expression true when ``node`` does not conform to the anonymous ``shape``."""
        self.check_unknown(shape)
        parts = []
        for predicate, obj in self.shapes.predicate_objects(shape):
            if predicate in (RDF.type, RDFS.comment, RDFS.label, SH.message):
                continue
            if predicate == SH.property:
                self.check_unknown(obj)
                path = self.path(obj)
                keys = set(self.shapes.predicates(obj, None)) - {SH.path, SH.message}
                if keys != {SH.minCount} or int(self.shapes.value(obj, SH.minCount)) != 1:
                    raise Unsupported("an sh:or alternative's property shape other than sh:minCount 1")
                parts.append(f"NOT EXISTS {{ {node} <{path}> [] }}")
            else:
                parts.append(self.value_fails(predicate, obj, node))
        if not parts:
            return "false"
        return "(" + " || ".join(parts) + ")"

    def value_fails(self, predicate: URIRef, obj: Any, node: str) -> str:
        """A SPARQL expression true when ``node`` fails one value-type component."""
        if predicate == SH.nodeKind:
            if obj != SH.IRI:
                raise Unsupported(f"sh:nodeKind {obj}")
            return f"!isIRI({node})"
        if predicate == SH["class"]:
            return f"!{self.instance_of(node, obj)}"
        if predicate == SH.datatype:
            if obj == RDF.langString:
                return f"!(isLiteral({node}) && lang({node}) != \"\")"
            if obj == XSD.integer:  # an ill-typed integer is not numeric in Oxigraph
                return f"!(isLiteral({node}) && datatype({node}) = <{obj}> && isNumeric({node}))"
            if obj == XSD.string or obj in _XSD_CHECKED_IN_PYTHON:
                return f"!(isLiteral({node}) && datatype({node}) = <{obj}> && lang({node}) = \"\")"
            raise Unsupported(f"sh:datatype {obj}")
        if predicate == SH.minLength:
            return f"(isBlank({node}) || STRLEN(STR({node})) < {int(obj)})"
        if predicate in (SH.minInclusive, SH.maxInclusive):
            op = ">=" if predicate == SH.minInclusive else "<="
            return f"!COALESCE({node} {op} {_term(obj)}, false)"
        if predicate == SH.pattern:
            return f"(isBlank({node}) || !REGEX(STR({node}), {Literal(str(obj)).n3()}))"
        if predicate == SH["in"]:
            members = list(Collection(self.shapes, obj))
            return "(" + " && ".join(f"!sameTerm({node}, {_term(m)})" for m in members) + ")" if members else "true"
        if predicate == SH["or"]:
            alternatives = list(Collection(self.shapes, obj))
            return "(" + " && ".join(self.fails(a, node) for a in alternatives) + ")" if alternatives else "true"
        raise Unsupported(f"{predicate}")

    # -- queries ----------------------------------------------------------------------------------

    def target(self, shape: URIRef) -> str:
        parts = []
        for cls in self.shapes.objects(shape, SH.targetClass):
            if len(self.subclasses.get(cls, {cls})) == 1:
                parts.append(f"{{ ?this <{RDF.type}> <{cls}> }}")
            else:
                t = self.var("t")
                parts.append(f"{{ ?this <{RDF.type}> {t} . VALUES {t} {{ {self.classes(cls)} }} }}")
        for predicate in self.shapes.objects(shape, SH.targetSubjectsOf):
            parts.append(f"{{ ?this <{predicate}> [] }}")
        if not parts:
            raise Unsupported(f"shape {shape} without a target kg translates")
        return " UNION ".join(parts)

    @staticmethod
    def focus_nodes(target: str) -> str:
        """A pattern binding ``?this`` to each focus node of a target once."""
        return f"{{ SELECT DISTINCT ?this WHERE {{ {target} }} }}"

    def node_shape(self, shape: URIRef) -> Iterator[_Query]:
        """The queries of a targeted node shape: one for its own components, one for each
        property shape's counts and one for its values, one for each SPARQL constraint."""
        self.check_unknown(shape)
        target = self.target(shape)
        message = str(self.shapes.value(shape, SH.message) or "")  # checked a component below
        fields = {"path": "", "message": message, "shape": str(shape)}
        own = []
        for predicate, obj in self.shapes.predicate_objects(shape):
            if predicate in (RDF.type, RDFS.comment, RDFS.label, SH.message, SH.targetClass, SH.targetSubjectsOf):
                continue
            if predicate == SH.property:
                yield from self.property_shape(obj, target)
            elif predicate == SH.sparql:  # the constraint's own message, else the shape's
                yield _Query(self.sparql(obj, self.focus_nodes(target)),
                             {**fields, "message": str(self.shapes.value(obj, SH.message) or self.message(shape))})
            else:
                self.message(shape, predicate)
                own.append(self.value_fails(predicate, obj, "?this"))
        if own:
            yield _flagged(self.focus_nodes(target), own, fields, value=None)

    def property_shape(self, shape: Any, target: str) -> Iterator[_Query]:
        self.check_unknown(shape)
        if not isinstance(shape, BNode):
            raise Unsupported("a named property shape (its sh:sourceShape would be kept)")
        path = self.path(shape)
        fields = {"path": str(path), "message": self.message(shape), "shape": ""}
        # The value's triple first, then the checks, then whether its subject is a focus node: the
        # union of the report graphs repeats a triple once per graph holding it, and most values
        # pass, so only the few failures are deduplicated and looked up as focus nodes.
        # (FILTER EXISTS on the target in the query would be tested first, on every solution)
        per_value = []
        for predicate, obj in self.shapes.predicate_objects(shape):
            if predicate in (RDF.type, RDFS.comment, RDFS.label, SH.message, SH.path):
                continue
            if predicate == SH.minCount and int(obj) == 1:
                yield _Query(f"SELECT ?this WHERE {{ {self.focus_nodes(target)} FILTER NOT EXISTS {{ ?this <{path}> [] }} }}",
                             fields, value="")
            elif predicate == SH.minCount:
                yield _Query(f"SELECT ?this WHERE {{ {self.focus_nodes(target)} OPTIONAL {{ ?this <{path}> ?value }} }} "
                             f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) < {int(obj)})", fields, value="")
            elif predicate == SH.maxCount:
                yield _Query(f"SELECT ?this WHERE {{ ?this <{path}> ?value }} GROUP BY ?this HAVING (COUNT(DISTINCT ?value) > {int(obj)})",
                             fields, value="", target=target)
            elif predicate == SH.lessThan:  # a result per value and other value it is not below
                yield _Query(f"SELECT ?this ?value WHERE {{ {{ SELECT DISTINCT ?this ?value ?other WHERE {{ ?this <{path}> ?value . "
                             f"?this <{obj}> ?other FILTER(!COALESCE(?value < ?other, false)) }} }} }}",
                             fields, value="value", target=target)
            else:
                per_value.append(self.value_fails(predicate, obj, "?value"))
                if predicate == SH.datatype and obj in _XSD_CHECKED_IN_PYTHON:  # the right datatype, ill-typed
                    yield _Query(f"SELECT DISTINCT ?this ?value WHERE {{ ?this <{path}> ?value "
                                 f"FILTER(isLiteral(?value) && datatype(?value) = <{obj}>) }}",
                                 fields, value="value", ill_typed=str(obj), target=target)
        if per_value:
            # the components look at the value alone: each distinct value checked once (a node's
            # type repeats in every report graph that mentions it, and Oxigraph's EXISTS reads
            # them all), then the failures joined back to their subjects
            checked = _flagged(f"{{ SELECT DISTINCT ?value WHERE {{ [] <{path}> ?value }} }}", per_value, fields, value="value",
                               focus="")
            flags = " ".join(f"?f{i}" for i in range(checked.flags))
            yield checked._replace(text=f"SELECT DISTINCT ?this ?value {flags} WHERE {{ {{ {checked.text} }} ?this <{path}> ?value }}",
                                   target=target)

    def sparql(self, constraint: Any, target: str) -> str:
        for predicate in set(self.shapes.predicates(constraint, None)):
            if predicate not in (RDF.type, SH.prefixes, SH.message, SH.select):
                raise Unsupported(f"{predicate} on a SPARQL constraint")
        select = str(self.shapes.value(constraint, SH.select))
        match = re.fullmatch(r"\s*SELECT\s+\$this\s+WHERE\s*(\{.*\})\s*", select, re.S | re.I)
        if not match:
            raise Unsupported("a SPARQL constraint other than SELECT $this WHERE { ... }")
        # pyshacl keeps one result per distinct $this of a constraint's solutions
        return f"SELECT DISTINCT ?this WHERE {{ {target} {match.group(1).replace('$this', '?this')} }}"


class _Query(NamedTuple):
    """A query whose solutions are violations: a result for each of ``flags`` true in a solution
    (each flag a component), or one a solution without flags. ``value`` names the variable of the
    result's value (None: the focus node; "": no value). ``ill_typed`` names a datatype whose
    values' lexical forms are checked here (each solution is a result when its value is ill-typed).
    ``target``, a pattern binding ``?this``, is checked here for the solutions' subjects: a query
    over a property's triples alone, its few failures' subjects then looked up as focus nodes."""

    text: str
    fields: dict[str, str]
    value: str | None = None
    flags: int = 0
    ill_typed: str = ""
    target: str = ""


def _flagged(pattern: str, conditions: list[str], fields: dict[str, str], value: str | None, focus: str = "?this") -> _Query:
    """One query for several components on the same solutions: a flag bound to each component's
    failure, the solutions with any flag true kept (an error in a condition fails no component,
    as a FILTER on it alone would)."""
    binds = " ".join(f"BIND(({condition}) AS ?f{i})" for i, condition in enumerate(conditions))
    flags = " ".join(f"?f{i}" for i in range(len(conditions)))
    keep = " || ".join(f"COALESCE(?f{i}, false)" for i in range(len(conditions)))
    variable = f" ?{value}" if value else ""
    # DISTINCT: a solution is repeated once per report graph holding its triple; the flags are
    # functions of the other variables
    query = f"SELECT DISTINCT {focus}{variable} {flags} WHERE {{ {pattern} {binds} FILTER({keep}) }}"
    return _Query(query,
                  fields, value, len(conditions))


def _prefixes(shapes: Graph) -> dict[str, str]:
    prefixes = {}
    for declaration in shapes.objects(None, SH.declare):
        prefixes[str(shapes.value(declaration, SH.prefix))] = str(shapes.value(declaration, SH.namespace))
    return prefixes


def _subclasses(graphs: list[Any]) -> dict[URIRef, set[URIRef]]:
    """Each class to itself and all its subclasses, from rdfs:subClassOf triples ((s, o) pairs)."""
    below: dict[URIRef, set[URIRef]] = {}
    for pairs in graphs:
        for sub, sup in pairs:
            below.setdefault(sup, set()).add(sub)
    closure: dict[URIRef, set[URIRef]] = {}
    for cls in list(below):
        seen, todo = {cls}, [cls]
        while todo:
            for sub in below.get(todo.pop(), ()):
                if sub not in seen:
                    seen.add(sub)
                    todo.append(sub)
        closure[cls] = seen
    return closure


def compile_shapes(shapes: Graph, subclass_pairs: list[Any]) -> tuple[list[_Query], dict[str, str]]:
    """(queries, prefixes): a query per constraint of every targeted shape of ``shapes``.

    ``subclass_pairs`` are iterables of (subclass, class) pairs (the ontology's and the data's
    ``rdfs:subClassOf``): ``sh:class`` and ``sh:targetClass`` take instances of subclasses."""
    compiler = _Compiler(shapes, _subclasses(subclass_pairs))
    queries = []
    targeted = set(shapes.subjects(SH.targetClass, None)) | set(shapes.subjects(SH.targetSubjectsOf, None))
    for predicate in (SH.targetNode, SH.targetObjectsOf, SH.target):
        if next(shapes.subjects(predicate, None), None) is not None:
            raise Unsupported(f"{predicate}")
    for shape in sorted(targeted):
        if not isinstance(shape, URIRef):
            raise Unsupported("a targeted blank-node shape")
        queries.extend(compiler.node_shape(shape))
    return queries, _prefixes(shapes)


def _python_ill_typed(value: Any, datatype: str) -> bool:
    literal = Literal(value.value, datatype=URIRef(datatype))
    return bool(getattr(literal, "ill_typed", False))


def store_rows(ox_store: Any, shapes: Graph, ontology: Graph) -> list[dict[str, str]]:
    """The violation rows of the union of the store's named (report) graphs, unsorted.

    Raises :class:`Unsupported` when the shapes use what this module does not translate, or
    when the store's default graph holds triples (the union queried here would include them)."""
    import pyoxigraph as ox

    if next(iter(ox_store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
        raise Unsupported("triples in the store's default graph")
    data_pairs = [(URIRef(q.subject.value), URIRef(q.object.value))
                  for q in ox_store.quads_for_pattern(None, ox.NamedNode(str(RDFS.subClassOf)), None, None)
                  if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, (ox.BlankNode, ox.Literal))]
    ontology_pairs = [(s, o) for s, o in ontology.subject_objects(RDFS.subClassOf)
                      if isinstance(s, URIRef) and isinstance(o, URIRef)]
    queries, prefixes = compile_shapes(shapes, [ontology_pairs, data_pairs])
    rows = []
    for query in queries:
        fields = query.fields
        solutions = list(ox_store.query(query.text, prefixes=prefixes, use_default_graph_as_union=True))
        if query.target and solutions:
            focus_nodes = _in_target(ox_store, query.target, {solution["this"] for solution in solutions})
            solutions = [solution for solution in solutions if solution["this"] in focus_nodes]
        for solution in solutions:
            focus = solution["this"]
            value = focus if query.value is None else _get(solution, query.value) if query.value else None
            if query.ill_typed and not _python_ill_typed(value, query.ill_typed):
                continue
            results = 1
            if query.flags:
                results = sum(1 for i in range(query.flags) if _true(_get(solution, f"f{i}")))
            row = {"severity": "Violation", "focus": _str(focus), "path": fields["path"], "value": _str(value),
                   "message": fields["message"], "shape": fields["shape"]}
            rows.extend(dict(row) for _ in range(results))
    return rows


def _in_target(ox_store: Any, target: str, nodes: set[Any], batch: int = 500) -> set[Any]:
    """Those of ``nodes`` that ``target`` (a pattern binding ``?this``) binds."""
    import pyoxigraph as ox

    found: set[Any] = set()
    ordered = sorted(nodes, key=str)
    for start in range(0, len(ordered), batch):
        chunk = ordered[start:start + batch]
        if any(not isinstance(node, ox.NamedNode) for node in chunk):
            raise Unsupported("a subject that is not an IRI among the failures")
        values = " ".join(f"<{node.value}>" for node in chunk)
        query = f"SELECT DISTINCT ?this WHERE {{ VALUES ?this {{ {values} }} {{ {target} }} }}"
        found.update(solution["this"] for solution in ox_store.query(query, use_default_graph_as_union=True))
    return found


def _true(term: Any) -> bool:
    return term is not None and term.value == "true"


def _get(solution: Any, name: str) -> Any:
    try:
        return solution[name]
    except (KeyError, IndexError):
        return None


def _str(term: Any) -> str:
    """The text pyshacl's row gives a term: an IRI's, a literal's lexical form. A blank node's
    id is not the one pyshacl gives (its rdflib copy names them anew): the caller falls back."""
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        raise Unsupported("a blank node in a result")
    return str(term.value)
