"""Viz: the graph page, a self-contained HTML file drawn with pyvis / vis-network.

Owns: reading entities, relations and their source sentences out of a store (SPARQL), building
a networkx graph of them, laying it out with pyvis's node/edge model (colour and shape by type,
Chinese labels, edges labelled by predicate, hover text with type, aliases and sources), and
writing one offline page: vis-network's script and style are inlined from the pyvis package and
nothing refers to an outside address. Report text is data: it is JSON-encoded with ``<``, ``>``
and ``&`` escaped, so a sentence can never close the script element.

Why our own template rather than pyvis's ``Network.show``: pyvis's template links Bootstrap and
tom-select from CDNs even with ``cdn_resources="in_line"``, and it inserts node data without
escaping ``</script>``.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from .namespace import ID, KG, PROV, RDF, SKOS, TYPE_CLASSES
from .resources import read_text

STYLE = {
    # type: (colour, vis shape, Chinese label)
    "Company": ("#4e79a7", "dot", "企业"),
    "GovernmentAgency": ("#e15759", "square", "政府机构"),
    "Institution": ("#76b7b2", "dot", "机构"),
    "StandardsBody": ("#b07aa1", "diamond", "标准组织"),
    "Park": ("#59a14f", "triangle", "园区"),
    "Place": ("#9c755f", "square", "地区"),
    "Award": ("#f28e2b", "star", "奖项"),
    "Standard": ("#edc948", "diamond", "标准"),
    "Person": ("#ff9da7", "dot", "人物"),
    "StandardsLevel": ("#bab0ac", "dot", "标准层级"),
}
LEVEL_ZH = {"international": "国际标准", "national": "国家标准", "industry": "行业标准", "group": "团体标准", "local": "地方标准", "enterprise": "企业标准"}
MAX_SOURCES = 3

_PREFIXES = f"PREFIX kg: <{KG._NS}>\nPREFIX skos: <{SKOS}>\nPREFIX prov: <{PROV}>\nPREFIX rdf: <{RDF}>\n"
_TYPES = " ".join(f"<{iri}>" for iri in TYPE_CLASSES.values())
_PREDICATES = ("receivedAward", "locatedIn", "subsidiaryOf", "secretariatOf", "contributedToStandard", "appliesStandard", "worksFor")

NODES_QUERY = _PREFIXES + f"""
SELECT ?e ?type ?label (GROUP_CONCAT(DISTINCT ?alt; separator="、") AS ?aliases) WHERE {{
  VALUES ?type {{ {_TYPES} }}
  ?e a ?type ; skos:prefLabel ?label .
  OPTIONAL {{ ?e skos:altLabel ?alt }}
}} GROUP BY ?e ?type ?label ORDER BY ?e"""
EDGES_QUERY = _PREFIXES + f"""
SELECT DISTINCT ?s ?p ?o WHERE {{
  VALUES ?p {{ {" ".join("kg:" + p for p in _PREDICATES)} }}
  ?s ?p ?o .
}} ORDER BY ?s ?p ?o"""
COUNTS_QUERY = _PREFIXES + """
SELECT DISTINCT ?s ?level ?count ?year WHERE {
  ?n a kg:StandardsCount ; kg:countSubject ?s ; kg:level ?level ; kg:count ?count .
  OPTIONAL { ?n kg:year ?year }
} ORDER BY ?s ?level ?count"""
SOURCES_QUERY = _PREFIXES + """
SELECT DISTINCT ?e ?sentence ?doc WHERE {
  { ?x kg:recipient ?e } UNION { ?x rdf:subject ?e } UNION { ?x kg:countSubject ?e }
  ?x prov:wasDerivedFrom ?ev . ?ev kg:sentence ?sentence ; kg:report ?r . ?r kg:reportId ?doc .
} ORDER BY ?e ?doc ?sentence"""


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _node_id(iri: str) -> str:
    """Node ids drop the ``ID`` namespace (``company/1722ea…``): the page names no address."""
    return iri[len(str(ID)):] if iri.startswith(str(ID)) else iri


def build_graph(store: Any) -> nx.MultiDiGraph:
    """The entity graph held in ``store`` as networkx, keyed by short ids (``company/…``).

    Node attributes: type, label, aliases, sources (up to three ``[report] sentence`` strings).
    """
    g = nx.MultiDiGraph()
    for row in store.query(NODES_QUERY).as_dicts():
        g.add_node(_node_id(row["e"]), type=_local(row["type"]), label=row["label"], aliases=row["aliases"] or "", sources=[])
    for row in store.query(EDGES_QUERY).as_dicts():
        s, o = _node_id(row["s"]), _node_id(row["o"])
        if s in g and o in g:
            g.add_edge(s, o, key=_local(row["p"]), predicate=_local(row["p"]))
    for row in store.query(COUNTS_QUERY).as_dicts():
        level = str(row["level"])
        node = f"level:{level}"
        if node not in g:
            g.add_node(node, type="StandardsLevel", label=LEVEL_ZH.get(level, level), aliases=level, sources=[])
        if _node_id(row["s"]) in g:
            label = f"standardsCount {row['count']}" + (f" ({row['year']})" if row.get("year") else "")
            g.add_edge(_node_id(row["s"]), node, key=label, predicate=label)
    for row in store.query(SOURCES_QUERY).as_dicts():
        e = _node_id(row["e"])
        if e in g and len(g.nodes[e]["sources"]) < MAX_SOURCES:
            g.nodes[e]["sources"].append(f"[{row['doc']}] {row['sentence']}")
    return g


def _safe_json(value: Any) -> str:
    """JSON that can sit inside a <script> element whatever the strings hold."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _offline(js_or_css: str) -> str:
    """Neutralise URLs in inlined library text (licence comments, the SVG namespace string).

    ``http:\\/\\/`` is the same string in JavaScript and inert in comments, and is no address.
    """
    return re.sub(r"(https?):(//)", lambda m: m.group(1) + ":\\/\\/", js_or_css)


def render_html(g: nx.MultiDiGraph, *, title: str = "kg 知识图谱") -> str:
    """The page for graph ``g``, as a string."""
    from jinja2 import Environment
    from markupsafe import Markup
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    big = g.number_of_nodes() > 2000
    for node, data in sorted(g.nodes(data=True)):
        colour, shape, zh = STYLE.get(data["type"], ("#999999", "dot", data["type"]))
        hover = [f"{data['label']}", f"类型 type: {zh} ({data['type']})"]
        if data.get("aliases"):
            hover.append(f"别名 aliases: {data['aliases']}")
        for s in data.get("sources", []):
            hover.append(f"来源 source: {s}")
        net.add_node(
            node, label=data["label"], title="\n".join(hover), color=colour, shape=shape,
            size=10 + 2 * min(10, g.degree(node)), search=data.get("aliases", ""),
        )
    for s, o, data in sorted(g.edges(data=True), key=lambda e: (e[0], e[1], e[2]["predicate"])):
        net.add_edge(s, o, label=data["predicate"], title=data["predicate"], arrows="to")
    nodes, edges, *_ = net.get_network_data()
    options = {
        "nodes": {"font": {"size": 14, "face": "Noto Sans CJK SC, Microsoft YaHei, sans-serif"}},
        "edges": {"font": {"size": 10, "align": "middle"}, "color": {"color": "#999999"}, "smooth": not big},
        "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 200 if big else 500}},
        "layout": {"improvedLayout": not big},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True},
    }
    counts = Counter(data["type"] for _, data in g.nodes(data=True))
    legend = [
        {"type": t, "zh": STYLE[t][2], "color": STYLE[t][0], "shape": STYLE[t][1], "count": counts.get(t, 0)}
        for t in STYLE if counts.get(t)
    ]
    lib = resources.files("pyvis").joinpath("lib", "vis-9.1.2")
    env = Environment(autoescape=True)
    template = env.from_string(read_text("graph.html.j2"))
    return template.render(
        title=title,
        legend=legend,
        node_count=g.number_of_nodes(),
        edge_count=g.number_of_edges(),
        vis_js=Markup(_offline(lib.joinpath("vis-network.min.js").read_text(encoding="utf-8")).replace("</script", "<\\/script")),
        vis_css=Markup(_offline(lib.joinpath("vis-network.css").read_text(encoding="utf-8")).replace("</style", "<\\/style")),
        nodes_json=Markup(_safe_json(nodes)),
        edges_json=Markup(_safe_json(edges)),
        options_json=Markup(_safe_json(options)),
    )


def write_html(store: Any, output: str | Path, *, title: str = "kg 知识图谱") -> dict[str, int]:
    """Draw the store's graph into ``output`` (written atomically); return node and edge counts."""
    from .store import atomic_write

    g = build_graph(store)
    atomic_write(output, render_html(g, title=title).encode("utf-8"))
    by_type: dict[str, int] = defaultdict(int)
    for _, data in g.nodes(data=True):
        by_type[data["type"]] += 1
    return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), **by_type}
