"""Viz: the graph page, a self-contained offline HTML file drawn with vis-network (from pyvis).

Owns: choosing what to draw (:func:`focus`: the neighbourhood of one entity, some types, some
predicates, and a cut to the highest-degree nodes when the graph is too big to draw), turning a
graph of :mod:`kg.graphdata` into the page's node and edge lists (:func:`page_data`) and writing
the page (:func:`render_html`, :func:`write_html`). The page's behaviour (legend as a filter,
search, side panel, tooltips, frozen layout, PNG export) is ``data/graph.js``; its layout is
``data/graph.html.j2``.

Offline: vis-network's script and style are inlined from the pyvis package (vis-network is dual
licensed Apache-2.0 / MIT; its licence header is kept), and the page refers to no web address.
Report text is data: the node and edge lists are one JSON document in a
``<script type="application/json">`` element with ``<``, ``>`` and ``&`` escaped, parsed with
``JSON.parse`` and shown with ``textContent`` (vis-network shows string tooltips as text), so a
name or sentence holding markup is shown, never run.

Why the lists are written directly rather than through pyvis's ``Network.add_node/add_edge``:
those check every node id against a list (quadratic: about 2 s at 10k nodes and 70 s at 50k),
and pyvis's own template links Bootstrap and tom-select from CDNs and does not escape
``</script>`` in node data. ``bench/viz_page.py`` measures the direct path.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from .errors import KgError
from .graphdata import QUALIFIERS, counts_of, node_id

__all__ = ["STYLE", "PREDICATE_STYLE", "DEFAULT_MAX_NODES", "focus", "page_data", "render_html", "write_html"]

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
}
PREDICATE_STYLE = {
    # predicate: (colour, Chinese label)
    "receivedAward": ("#f28e2b", "获奖"),
    "locatedIn": ("#9c755f", "位于"),
    "worksFor": ("#ff9da7", "任职"),
    "subsidiaryOf": ("#4e79a7", "隶属"),
    "secretariatOf": ("#b07aa1", "秘书处"),
    "contributedToStandard": ("#edc948", "参与制定"),
    "appliesStandard": ("#d4a017", "采用标准"),
    "renamedTo": ("#555555", "更名为"),
}
LEVEL_ZH = {"international": "国际标准", "national": "国家标准", "industry": "行业标准", "group": "团体标准", "local": "地方标准", "enterprise": "企业标准"}
#: Above this many nodes a page is cut to the highest-degree nodes (vis-network's layout in a
#: browser takes tens of seconds beyond a few thousand nodes).
DEFAULT_MAX_NODES = 2000


def focus(
    g: nx.MultiDiGraph,
    *,
    around: str | None = None,
    depth: int = 1,
    types: tuple[str, ...] | list[str] = (),
    predicates: tuple[str, ...] | list[str] = (),
    max_nodes: int | None = DEFAULT_MAX_NODES,
) -> tuple[nx.MultiDiGraph, list[str]]:
    """The part of ``g`` to draw, and notes saying what was left out.

    ``types`` keeps only nodes of those types; ``predicates`` then keeps only edges of those
    predicates and the nodes that keep an edge; ``around`` (a node id) keeps the nodes within
    ``depth`` steps of it, either direction. Whatever remains beyond ``max_nodes`` is cut (see
    :func:`_grow`: highest degree first, grown along edges from the centre or the hubs), with a
    note.
    """
    notes: list[str] = []
    if around is not None and around not in g:
        raise KgError(f"{around!r} is not a node of the graph.")
    if depth < 0:
        raise KgError("--depth must be 0 or more.")
    _check_filters(types, max_nodes)
    h = g
    if types:
        keep = {n for n, d in g.nodes(data=True) if d["type"] in types} | ({around} if around else set())
        h = g.subgraph(keep)
    if predicates:
        wanted = set(predicates)
        kept = nx.MultiDiGraph()
        kept.add_nodes_from(h.nodes(data=True))
        kept.add_edges_from((s, o, k, d) for s, o, k, d in h.edges(keys=True, data=True) if d["predicate"] in wanted)
        h = kept.subgraph({n for n in kept if kept.degree(n) > 0} | ({around} if around else set()))
    distance: dict[str, int] = {}
    if around is not None:
        distance = nx.single_source_shortest_path_length(h.to_undirected(as_view=True), around, cutoff=depth)
        h = h.subgraph(distance)
    if max_nodes is not None and h.number_of_nodes() > max_nodes:
        notes.append(_cut_note(h.number_of_nodes(), max_nodes, around is not None))
        h = h.subgraph(_grow(h, max_nodes, around))
    return nx.MultiDiGraph(h), notes


def _cut_note(size: int, max_nodes: int, from_centre: bool) -> str:
    """The page's note when a selection of ``size`` nodes is cut to ``max_nodes``."""
    return (f"the selection has {size:,} nodes; drawing {max_nodes:,}, grown from the "
            + ("centre" if from_centre else "best-connected nodes") + " along their edges, most edges first"
            " (choose with --around NAME, --type, --predicate or --max-nodes).")


def _check_filters(types: Any, max_nodes: int | None) -> None:
    if max_nodes is not None and max_nodes < 1:
        raise KgError("--max-nodes must be 1 or more.")
    for t in types:
        if t not in STYLE:
            raise KgError(f"unknown type {t!r}; expected one of {', '.join(STYLE)}.")


def _grow(h: nx.MultiDiGraph, limit: int, around: str | None) -> list[str]:
    """``limit`` nodes of ``h``, highest degree first but each joined to one already taken
    where it can be: from the centre (or the best-connected node), always the best-connected
    node next to those taken; when a component is used up, the best-connected node left.

    Taking the top nodes by degree alone leaves many of them without a drawn edge (their
    neighbours cut away); growing along edges keeps the page connected around its hubs.
    """
    degree = dict(h.degree())
    undirected = h.to_undirected(as_view=True)
    return _grow_by(list(h.nodes), degree, lambda n: h.nodes[n]["label"], lambda n: undirected[n], limit, around)


def _grow_by(nodes: list[str], degree: dict[str, int], label: Any, neighbours: Any, limit: int,
             around: str | None) -> list[str]:
    """:func:`_grow` on plain data: ``degree`` of each node, ``label(n)`` and ``neighbours(n)``
    (either direction). The order of ``nodes`` and of each node's neighbours does not matter."""
    order = sorted(nodes, key=lambda n: (-degree[n], label(n), n))
    if around is not None:
        order.remove(around)
        order.insert(0, around)
    return _grow_ranked(((-degree[n], label(n), n) for n in order),
                        lambda n: [(-degree[m], label(m), m) for m in neighbours(n)], limit)


def _grow_ranked(seeds: Any, neighbours: Any, limit: int) -> list[str]:
    """The growth of :func:`_grow` on ranks: ``seeds`` yields every node as ``(-degree, label,
    id)`` in the order seeds are taken, ``neighbours(n)`` gives the ranks of ``n``'s neighbours.
    Holds the nodes taken and the neighbours met, not the graph."""
    import heapq

    taken: list[str] = []
    seen: set[str] = set()
    heap: list[tuple[int, str, str]] = []
    seeds = iter(seeds)
    while len(taken) < limit:
        if not heap:
            seed = next((rank for rank in seeds if rank[2] not in seen), None)
            if seed is None:
                break
            seen.add(seed[2])
            heapq.heappush(heap, seed)
        _, _, n = heapq.heappop(heap)
        taken.append(n)
        for rank in neighbours(n):
            if rank[2] not in seen:
                seen.add(rank[2])
                heapq.heappush(heap, rank)
    return taken


def _cut_from_table(store: Any, max_nodes: int) -> tuple[nx.MultiDiGraph, dict[str, Any], list[str]]:
    """The drawn graph, the whole graph's counts and the notes of ``focus(build_graph(store),
    max_nodes=max_nodes)`` without building the whole graph: the graph's outline goes to a table
    on disk (:class:`kg.graphtable.GraphTable`: degrees, ranks, neighbours), the nodes are grown
    from it, and only theirs are read in full."""
    from .graphtable import GraphTable

    with GraphTable(store) as table:
        totals = table.counts()
        if totals["nodes"] <= max_nodes:
            return table.drawn_graph(store, (n for _, _, n in table.ranked())), totals, []
        notes = [_cut_note(totals["nodes"], max_nodes, False)]
        taken = _grow_ranked(table.ranked(), table.neighbours, max_nodes)
        return table.drawn_graph(store, taken), totals, notes


def _filtered_from_table(store: Any, types: Any, predicates: Any, max_nodes: int | None) -> tuple[nx.MultiDiGraph, dict[str, Any], list[str]]:
    """``focus(build_graph(store), types=..., predicates=..., max_nodes=...)``, the whole
    graph's counts and the notes, chosen on the graph's outline on disk: the selection and its
    degrees in the table, the cut grown from it, only the drawn nodes read in full."""
    from .graphtable import GraphTable

    _check_filters(types, max_nodes)
    with GraphTable(store) as table:
        totals = table.counts()
        size = table.select(types=types, predicates=predicates)
        notes = []
        if max_nodes is not None and size > max_nodes:
            notes.append(_cut_note(size, max_nodes, False))
            taken = _grow_ranked(table.selected(), table.selected_neighbours, max_nodes)
        else:
            taken = [n for _, _, n in table.selected()]
        drawn = table.drawn_graph(store, taken)
    if predicates:
        wanted = set(predicates)
        drawn.remove_edges_from([(s, o, k) for s, o, k, d in drawn.edges(keys=True, data=True) if d["predicate"] not in wanted])
    return drawn, totals, notes


def page_data(g: nx.MultiDiGraph, *, centre: str | None = None) -> dict[str, Any]:
    """The page's data: node and edge lists in vis-network's format plus what the panel shows.

    Nodes: ``id``, ``label``, ``shape``, ``color``, ``size``, ``t`` (type), ``a`` (aliases),
    ``r`` (reports), ``m`` (mentions), ``sc`` (standards counts), ``c`` (component rank, 0 the
    largest, -1 for a node without edges), ``d`` and ``value`` (degree). Edges: ``id``, ``from``, ``to``, ``p`` (predicate), ``q``
    (qualifiers), ``src`` (``[report, sentence]`` pairs), ``color``, ``arrows``.
    """
    components = sorted(nx.weakly_connected_components(g), key=lambda c: (-len(c), min(c)))
    rank = {n: i for i, comp in enumerate(components) for n in comp}
    degrees = dict(g.degree())
    nodes = []
    for n, data in sorted(g.nodes(data=True)):
        colour, shape, _ = STYLE.get(data["type"], ("#999999", "dot", data["type"]))
        degree = degrees[n]
        nodes.append({
            "id": n, "label": data["label"], "shape": shape, "color": colour,
            "value": degree, "t": data["type"], "a": data.get("aliases", []),
            "r": data.get("reports", []), "m": data.get("mentions", 0),
            "sc": [[LEVEL_ZH.get(c["level"], c["level"]), c["count"], c["year"]] for c in data.get("standards_counts", [])],
            "c": rank[n] if degree else -1, "d": degree,
        })
    edges = []
    # edge keys are "predicate|qualifiers" (kg.graphdata), so this order is stable
    for i, (s, o, _, data) in enumerate(sorted(g.edges(keys=True, data=True), key=lambda e: e[:3])):
        colour = PREDICATE_STYLE.get(data["predicate"], ("#999999", data["predicate"]))[0]
        edges.append({
            "id": i, "from": s, "to": o, "p": data["predicate"],
            "q": {k: data[k] for k in QUALIFIERS if data.get(k) is not None},
            "src": [[src["report"], src["sentence"]] for src in data.get("sources", [])],
            "color": {"color": colour, "opacity": 0.7}, "arrows": "to",
        })
    return {"nodes": nodes, "edges": edges, "centre": centre}


def _safe_json(value: Any) -> str:
    """JSON that can sit inside a <script> element whatever the strings hold."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _offline(js_or_css: str) -> str:
    """Neutralise URLs in inlined library text (licence comments, the SVG namespace string).

    ``http:\\/\\/`` is the same string in JavaScript and inert in comments, and is no address.
    """
    return re.sub(r"(https?):(//)", lambda m: m.group(1) + ":\\/\\/", js_or_css)


_LIB_CACHE: dict[str, str] = {}


def _library(name: str) -> str:
    if name not in _LIB_CACHE:
        lib = resources.files("pyvis").joinpath("lib", "vis-9.1.2")
        text = _offline(lib.joinpath(name).read_text(encoding="utf-8"))
        text = re.sub(r"^//# sourceMappingURL=.*$", "", text, flags=re.M)  # no map to fetch
        _LIB_CACHE[name] = text.replace("</script", "<\\/script").replace("</style", "<\\/style")
    return _LIB_CACHE[name]


def render_html(
    g: nx.MultiDiGraph,
    *,
    title: str = "kg 知识图谱",
    totals: dict[str, Any] | None = None,
    notes: list[str] | tuple[str, ...] = (),
    centre: str | None = None,
) -> str:
    """The page for graph ``g``, as a string. ``totals`` are :func:`kg.graphdata.counts_of` of
    the whole graph ``g`` was taken from (the page says "N of M" when they differ)."""
    from jinja2 import Environment
    from markupsafe import Markup

    from .resources import read_text

    counts = counts_of(g)
    totals = totals or counts
    legend = [
        {"type": t, "zh": zh, "color": colour, "shape": shape, "count": counts["entities"].get(t, 0),
         "total": totals["entities"].get(t, 0)}
        for t, (colour, shape, zh) in STYLE.items() if counts["entities"].get(t)
    ]
    predicates = [
        {"predicate": p, "zh": zh, "color": colour, "count": counts["relations"].get(p, 0),
         "total": totals["relations"].get(p, 0)}
        for p, (colour, zh) in PREDICATE_STYLE.items() if counts["relations"].get(p)
    ]
    big = g.number_of_nodes() > 1000
    options = {
        # a label's size follows its node's degree and the zoom: at the first (fitted) zoom the
        # labels of the ~30 best-connected nodes are readable and the others, too small to read,
        # are not drawn at all (drawThreshold); zooming in draws them (graph.js sets the largest
        # size from the fitted zoom and scales by the square root of degree)
        "nodes": {"font": {"size": 14, "face": "Noto Sans CJK SC, Microsoft YaHei, sans-serif",
                           "strokeWidth": 3, "strokeColor": "#ffffff"}, "borderWidth": 1,
                  "scaling": {"min": 10, "max": 32, "label": {"enabled": True, "min": 14, "max": 32,
                                                              "drawThreshold": 10, "maxVisible": 26}}},
        "edges": {"width": 1.5, "smooth": False if big else {"type": "continuous"},
                  "font": {"size": 0}},
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -120, "centralGravity": 0.012,
                                 "springLength": 130, "springConstant": 0.05, "avoidOverlap": 0.6},
            "stabilization": {"enabled": True, "iterations": 300 if big else 800, "updateInterval": 25, "fit": False},
            "minVelocity": 1.0,
        },
        "layout": {"improvedLayout": not big, "randomSeed": 7},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big, "multiselect": True},
    }
    env = Environment(autoescape=True)
    template = env.from_string(read_text("graph.html.j2"))
    return template.render(
        title=title,
        legend=legend,
        predicates=predicates,
        counts=counts,
        totals=totals,
        notes=list(notes),
        isolates=sum(1 for _, d in g.degree() if d == 0),
        vis_js=Markup(_library("vis-network.min.js")),
        vis_css=Markup(_library("vis-network.css")),
        page_js=Markup(read_text("graph.js").replace("</script", "<\\/script")),
        data_json=Markup(_safe_json({**page_data(g, centre=centre), "options": options,
                                     "predicates": {p: zh for p, (_, zh) in PREDICATE_STYLE.items()},
                                     "types": {t: zh for t, (_, _, zh) in STYLE.items()}})),
    )


def write_html(
    store: Any,
    output: str | Path,
    *,
    title: str = "kg 知识图谱",
    around: str | None = None,
    depth: int = 1,
    types: tuple[str, ...] | list[str] = (),
    predicates: tuple[str, ...] | list[str] = (),
    max_nodes: int | None = DEFAULT_MAX_NODES,
) -> dict[str, Any]:
    """Draw the store's graph (or the :func:`focus` of it) into ``output``, written atomically.

    ``around`` is an entity name (any of its names, resolved as ``kg show`` does). Returns the
    drawn graph's counts (:func:`kg.graphdata.counts_of`) with ``totals`` (the whole graph's)
    and ``notes`` (what was cut).
    """
    from .store import atomic_write

    centre = None
    if around is None and not types and not predicates and max_nodes is not None:
        if max_nodes < 1:
            raise KgError("--max-nodes must be 1 or more.")
        # the whole graph cut to its best-connected part: chosen on the graph's outline in a table
        # on disk, and only the drawn nodes and edges read in full (the whole graph in networkx,
        # then its outline in Python, grew with the corpus)
        drawn, totals, notes = _cut_from_table(store, max_nodes)
    elif around is not None:
        from .entities import resolve_name
        from .graphtable import GraphTable

        # one --type also picks among entities that share the name (as kg show --type does)
        centre = node_id(str(resolve_name(store, around, type_=types[0] if len(types) == 1 else None)["iri"]))
        # the neighbourhood found on the graph's outline on disk and only its nodes read in full:
        # every node within --depth along the edges the filters keep is there, so its focus is
        # the focus of the whole graph
        with GraphTable(store) as table:
            totals = table.counts()
            near = table.drawn_graph(store, table.within(centre, max(depth, 0), types=types, predicates=predicates))
        drawn, notes = focus(near, around=centre, depth=depth, types=types, predicates=predicates, max_nodes=max_nodes)
    else:
        drawn, totals, notes = _filtered_from_table(store, types, predicates, max_nodes)
    if drawn.number_of_nodes() == 0 and (types or predicates):
        raise KgError("nothing to draw: no node has the --type or --predicate asked for (see 'kg stats').")
    atomic_write(output, render_html(drawn, title=title, totals=totals, notes=notes, centre=centre).encode("utf-8"))
    return {**counts_of(drawn), "totals": totals, "notes": notes}
