"""Report: one static page to read before querying (``kg report --out report.html``).

Owns the report page: the summary counts and rankings of :mod:`kg.stats`, charts of awards per
year, awards by recipients, most awards won and the best-connected organisations (matplotlib,
drawn as SVG and inlined, text kept as text so the browser draws the Chinese), a table of the
latest award facts with their sources, and links into the graph page (``graph.html#focus=NAME``
focuses NAME there). Offline: nothing is loaded; the SVG's XML header and namespace addresses
are dropped (inline SVG in HTML needs neither). Every name and sentence is escaped: by Jinja2's
autoescape in the page and by matplotlib's SVG writer in the charts.
"""

from __future__ import annotations

import io
import json
import re
import warnings
from pathlib import Path
from typing import Any
from urllib.parse import quote

import networkx as nx

from .graphdata import QUALIFIERS
from .stats import stats_of

__all__ = ["render_report", "render_page", "write_report", "latest_awards"]

LATEST = 50
_CJK_FONTS = ["Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Zen Hei", "Microsoft YaHei", "SimHei", "DejaVu Sans"]


def _svg(fig: Any) -> str:
    """The figure as inline SVG: no XML header, no namespace addresses, stable ids."""
    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "kg"}), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph .* missing from")
        fig.savefig(buf, format="svg", bbox_inches="tight",
                    metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    text = buf.getvalue()
    text = text[text.index("<svg"):]
    return re.sub(r'\s+xmlns(:\w+)?="[^"]*"', "", text)


def _bar_chart(labels: list[str], values: list[int], *, title: str, horizontal: bool, colour: str) -> str | None:
    if not values:
        return None
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context({"font.family": "sans-serif", "font.sans-serif": _CJK_FONTS, "font.size": 10}):
        height = max(2.5, 0.32 * len(values) + 1) if horizontal else 3.2
        fig = Figure(figsize=(7.5, height))
        ax = fig.subplots()
        if horizontal:
            ax.barh(range(len(values))[::-1], values, color=colour)
            ax.set_yticks(range(len(values))[::-1], labels)
        else:
            ax.bar(range(len(values)), values, color=colour)
            ax.set_xticks(range(len(values)), labels, rotation=45 if len(values) > 12 else 0)
        ax.set_title(title)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.grid(axis="x" if horizontal else "y", alpha=0.3)
        return _svg(fig)


def latest_awards(g: nx.MultiDiGraph, *, limit: int = LATEST) -> list[dict[str, Any]]:
    """The latest ``receivedAward`` facts (latest year first; facts without a year last)."""
    rows = []
    for s, o, d in g.edges(data=True):
        if d["predicate"] != "receivedAward":
            continue
        rows.append({
            "recipient": g.nodes[s]["label"], "recipient_type": g.nodes[s]["type"], "award": g.nodes[o]["label"],
            **{k: d.get(k) for k in QUALIFIERS if k in ("year", "edition", "grade")},
            "sources": d.get("sources", []),
        })
    rows.sort(key=lambda r: (r["year"] is None, -(r["year"] or 0), r["award"], r["recipient"]))
    return rows[:limit]


def _latest_in_table(table: Any, store: Any, *, limit: int = LATEST) -> list[dict[str, Any]]:
    """:func:`latest_awards` read from a :class:`~kg.graphtable.GraphTable`: the rows ranked
    there, the sources queried for the ``limit`` facts shown only."""
    from .graphdata import MAX_SOURCES, _keep_first
    from .graphtable import _fact_sources

    year = "json_extract(e.qualifiers, '$.year')"
    rows = table.db.execute(f"""
        SELECT e.s, e.o, e.key, v.name, v.type, a.name, e.qualifiers FROM edge e
        JOIN node v ON v.id = e.s JOIN node a ON a.id = e.o WHERE e.p = 'receivedAward'
        ORDER BY {year} IS NULL, {year} DESC, a.name, v.name, e.s, e.o, e.key LIMIT ?""", (limit,)).fetchall()
    out = []
    for s, o, key, recipient, kind, award, qualifiers in rows:
        quals = json.loads(qualifiers)
        kept: list[tuple[str, str]] = []
        facts = table.db.execute("SELECT fact, s, o, key FROM fact WHERE s = ? AND o = ? AND key = ?", (s, o, key)).fetchall()
        for _, report, sentence in _fact_sources(store, facts):
            _keep_first(kept, (str(report), " ".join(str(sentence).split())), MAX_SOURCES)
        out.append({
            "recipient": recipient, "recipient_type": kind, "award": award,
            **{k: quals.get(k) for k in QUALIFIERS if k in ("year", "edition", "grade")},
            "sources": [{"report": r, "sentence": t} for r, t in kept],
        })
    return out


def render_report(g: nx.MultiDiGraph, *, title: str = "kg 知识图谱报告", graph_href: str = "graph.html", top: int = 15) -> str:
    """The report page for graph ``g``, as a string."""
    return render_page(stats_of(g, top=top), latest_awards(g), title=title, graph_href=graph_href)


def render_page(stats: dict[str, Any], latest: list[dict[str, Any]], *, title: str = "kg 知识图谱报告",
                graph_href: str = "graph.html") -> str:
    """The report page of :mod:`kg.stats` figures and :func:`latest_awards` rows, as a string."""
    from jinja2 import Environment
    from markupsafe import Markup

    from .resources import read_text

    charts = [
        _bar_chart([str(r["year"]) for r in stats["awards_per_year"]], [r["awards"] for r in stats["awards_per_year"]],
                   title="Awards per year 每年获奖", horizontal=False, colour="#f28e2b"),
        _bar_chart([r["award"] for r in stats["awards_per_award"]], [r["recipients"] for r in stats["awards_per_award"]],
                   title="Awards by recipients 奖项获奖者数", horizontal=True, colour="#e15759"),
        _bar_chart([r["name"] for r in stats["top_award_winners"]], [r["awards"] for r in stats["top_award_winners"]],
                   title="Most awards won 获奖最多", horizontal=True, colour="#4e79a7"),
        _bar_chart([r["name"] for r in stats["top_by_degree"]], [r["degree"] for r in stats["top_by_degree"]],
                   title="Best-connected organisations 关系最多的机构", horizontal=True, colour="#59a14f"),
    ]
    env = Environment(autoescape=True)
    env.filters["focus"] = lambda name: f"{graph_href}#focus={quote(name, safe='')}"
    template = env.from_string(read_text("report.html.j2"))
    return template.render(
        title=title, stats=stats, graph_href=graph_href, latest=latest,
        charts=[Markup(c) for c in charts if c],
    )


def write_report(store: Any, output: str | Path, *, title: str = "kg 知识图谱报告", graph_href: str = "graph.html", top: int = 15) -> dict[str, Any]:
    """Write the report of the store's graph to ``output`` (atomically); return its counts.

    Computed on the graph's outline on disk (:func:`kg.stats.graph_stats`), so memory does not
    grow with the graph held in networkx; the page is :func:`render_report` of the whole graph
    but for "reports per year", which counts every source of a fact there."""
    from .graphtable import GraphTable
    from .stats import table_stats
    from .store import atomic_write

    with GraphTable(store, reports=True) as table:
        stats = table_stats(table, top=top)
        latest = _latest_in_table(table, store)
    atomic_write(output, render_page(stats, latest, title=title, graph_href=graph_href).encode("utf-8"))
    return {k: stats[k] for k in ("nodes", "edges", "entities", "relations")}
