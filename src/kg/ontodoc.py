"""Ontology documentation: one HTML page of kg's ontology, for people who query the graph.

Owns reading the packaged ``kg.ttl`` (through :func:`kg.validate.load_ontology`) into rows — the
ontology's own labels and comment, then every class, object property and datatype property with
its English and Chinese label and comment, domain, range, and its alignments to other vocabularies
(ORG, schema.org, SKOS, PROV: ``rdfs:subClassOf``, ``rdfs:subPropertyOf``, ``owl:equivalent*``) —
and rendering them with a Jinja2 template (autoescaped). The page is self-contained: its style is
inline, it loads nothing, and terms of other vocabularies are shown by prefixed name with the full
IRI as a tooltip, not as links, so it reads offline.

Must not: read the ontology from a source path (it is packaged), or change it.
"""

from __future__ import annotations

from typing import Any

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from .namespace import PREFIXES

__all__ = ["ontology_rows", "render_ontology_html"]

_KG = PREFIXES["kg"]
_SCHEMA_DOMAIN = URIRef(PREFIXES["schema"] + "domainIncludes")
_SCHEMA_RANGE = URIRef(PREFIXES["schema"] + "rangeIncludes")
_ALIGN = (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, OWL.equivalentProperty)


def _short(iri: Any) -> str:
    text = str(iri)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace) and text != namespace:
            return f"{prefix}:{text[len(namespace):]}"
    return text


def _text(graph: Graph, node: URIRef, predicate: URIRef, language: str) -> str:
    values = sorted(str(v) for v in graph.objects(node, predicate) if getattr(v, "language", None) == language)
    return " ".join(values)


def _terms(graph: Graph, node: URIRef, predicate: URIRef) -> list[dict[str, str]]:
    from rdflib.collection import Collection

    values: list[Any] = []
    for value in sorted(graph.objects(node, predicate), key=str):
        union = graph.value(value, OWL.unionOf) if not isinstance(value, URIRef) else None
        values.extend(Collection(graph, union) if union is not None else [value])  # a union: its members
    return [
        {"name": _short(value), "iri": str(value), "local": str(value).startswith(_KG)}
        for value in values
        if isinstance(value, URIRef)
    ]


def ontology_rows(graph: Graph | None = None) -> dict[str, Any]:
    """The ontology as plain data: ``{"ontology": {...}, "sections": [(title, [term, ...])]}``."""
    if graph is None:
        from .validate import load_ontology

        graph = load_ontology()
    header: dict[str, str] = {}
    for node in graph.subjects(RDF.type, OWL.Ontology):
        header = {
            "iri": str(node),
            "label_en": _text(graph, node, RDFS.label, "en"),
            "label_zh": _text(graph, node, RDFS.label, "zh"),
            "comment_en": _text(graph, node, RDFS.comment, "en"),
            "comment_zh": _text(graph, node, RDFS.comment, "zh"),
            "version": str(graph.value(node, OWL.versionInfo) or ""),
        }
    sections = []
    for title, kind in (("Classes", OWL.Class), ("Object properties", OWL.ObjectProperty),
                        ("Datatype properties", OWL.DatatypeProperty)):
        terms = []
        for node in sorted((n for n in graph.subjects(RDF.type, kind) if str(n).startswith(_KG)), key=str):
            aligned = [term for predicate in _ALIGN for term in _terms(graph, node, predicate)]
            terms.append({
                "name": _short(node),
                "anchor": str(node)[len(_KG):],
                "iri": str(node),
                "label_en": _text(graph, node, RDFS.label, "en"),
                "label_zh": _text(graph, node, RDFS.label, "zh"),
                "comment_en": _text(graph, node, RDFS.comment, "en"),
                "comment_zh": _text(graph, node, RDFS.comment, "zh"),
                "domain": _terms(graph, node, RDFS.domain) + _terms(graph, node, _SCHEMA_DOMAIN),
                "range": _terms(graph, node, RDFS.range) + _terms(graph, node, _SCHEMA_RANGE),
                "parents": [t for t in aligned if t["local"]],
                "aligned": [t for t in aligned if not t["local"]],
            })
        sections.append((title, terms))
    return {"ontology": header, "sections": sections}


_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ o.label_en }} · {{ o.label_zh }}</title>
<style>
body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 2em auto; max-width: 70em; color: #222; }
h1 small { color: #666; font-weight: normal; }
table { border-collapse: collapse; width: 100%; margin-bottom: 2em; }
th, td { border-bottom: 1px solid #ddd; padding: .4em .6em; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
code { background: #f6f6f6; padding: 0 .2em; }
.zh { color: #444; }
td.label { white-space: nowrap; }
nav a { margin-right: 1em; }
</style>
</head>
<body>
<h1>{{ o.label_en }} <small>{{ o.label_zh }}</small></h1>
<p>{{ o.comment_en }}</p>
<p class="zh" lang="zh">{{ o.comment_zh }}</p>
<p>Namespace <code>{{ kg }}</code>{% if o.version %}, version {{ o.version }}{% endif %}.
Alignments are <code>rdfs:subClassOf</code>, <code>rdfs:subPropertyOf</code> or equivalences to
ORG, schema.org, SKOS and PROV.</p>
<nav>{% for title, terms in sections %}<a href="#{{ title|replace(' ', '-') }}">{{ title }} ({{ terms|length }})</a>{% endfor %}</nav>
{% macro names(terms) %}{% for t in terms %}{% if t.local %}<a href="#{{ t.name[3:] }}"><code>{{ t.name }}</code></a>{% else %}<code title="{{ t.iri }}">{{ t.name }}</code>{% endif %}{% if not loop.last %}, {% endif %}{% endfor %}{% endmacro %}
{% for title, terms in sections %}
<h2 id="{{ title|replace(' ', '-') }}">{{ title }}</h2>
<table>
<tr><th>term</th><th>label</th><th>标签</th><th>what it is</th>{% if title != 'Classes' %}<th>domain → range</th>{% endif %}<th>aligned to</th></tr>
{% for t in terms %}
<tr id="{{ t.anchor }}">
<td><code title="{{ t.iri }}">{{ t.name }}</code>{% if t.parents %}<br>⊑ {{ names(t.parents) }}{% endif %}</td>
<td class="label">{{ t.label_en }}</td>
<td class="label zh" lang="zh">{{ t.label_zh }}</td>
<td>{{ t.comment_en }}<br><span class="zh" lang="zh">{{ t.comment_zh }}</span></td>
{% if title != 'Classes' %}<td>{{ names(t.domain) }} → {{ names(t.range) }}</td>{% endif %}
<td>{{ names(t.aligned) }}</td>
</tr>
{% endfor %}
</table>
{% endfor %}
</body>
</html>
"""


def render_ontology_html(graph: Graph | None = None) -> str:
    """The documentation page of the ontology (the packaged ``kg.ttl`` by default), as text."""
    from jinja2 import Environment

    rows = ontology_rows(graph)
    template = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True).from_string(_TEMPLATE)
    return template.render(o=rows["ontology"], sections=rows["sections"], kg=_KG)
