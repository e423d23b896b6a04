"""The graph page's data, kg viz's focus options, kg stats and kg report, without a browser
(tests/test_browser.py opens the pages in headless chromium)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import KgError
from kg.graphdata import build_graph, counts_of, graph_counts, node_id
from kg.store import open_store
from kg.viz import focus, page_data, render_html

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = '<script>window.__pwned=1</script>"><img src=x onerror="window.__pwned=2">株洲恶意公司'


def _invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def page_json(html: str) -> dict:
    """The data document of a graph page."""
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert match, "the page has no data element"
    return json.loads(match.group(1))


def _toy() -> nx.MultiDiGraph:
    """A hub company with three awards, a chain of places, two people and an isolated node."""
    g = nx.MultiDiGraph()

    def add(n: str, type_: str) -> None:
        g.add_node(n, type=type_, label=n, aliases=[], mentions=1, reports=["r1"], standards_counts=[])

    for n, t in [("hub", "Company"), ("a1", "Award"), ("a2", "Award"), ("a3", "Award"), ("p1", "Place"),
                 ("p2", "Place"), ("x", "Person"), ("y", "Person"), ("lonely", "Institution"), ("small", "Company")]:
        add(n, t)
    for i, a in enumerate(["a1", "a2", "a3"]):
        g.add_edge("hub", a, key=f"receivedAward|year={2015 + i}", predicate="receivedAward", year=2015 + i, sources=[])
    g.add_edge("small", "a1", key="receivedAward", predicate="receivedAward", sources=[])
    g.add_edge("hub", "p1", key="locatedIn", predicate="locatedIn", sources=[])
    g.add_edge("p1", "p2", key="locatedIn", predicate="locatedIn", sources=[])
    g.add_edge("x", "hub", key="worksFor|role=总经理", predicate="worksFor", role="总经理", sources=[])
    g.add_edge("y", "small", key="worksFor", predicate="worksFor", sources=[])
    return g


# -- focus ----------------------------------------------------------------------------------------

def test_focus_around_depth_follows_edges_both_ways():
    g = _toy()
    one, notes = focus(g, around="hub", depth=1)
    assert set(one) == {"hub", "a1", "a2", "a3", "p1", "x"} and not notes
    two, _ = focus(g, around="hub", depth=2)
    assert set(two) == set(one) | {"p2", "small"}
    assert set(focus(g, around="hub", depth=0)[0]) == {"hub"}


def test_focus_type_and_predicate_filters():
    g = _toy()
    awards, _ = focus(g, predicates=["receivedAward"])
    assert set(awards) == {"hub", "small", "a1", "a2", "a3"}
    assert {d["predicate"] for _, _, d in awards.edges(data=True)} == {"receivedAward"}
    people, _ = focus(g, types=["Person", "Company"])
    assert set(people) == {"hub", "small", "x", "y"}
    assert people.number_of_edges() == 2


def test_focus_cuts_from_the_hubs_along_edges_with_a_note():
    g = _toy()
    cut, notes = focus(g, max_nodes=3)
    assert set(cut) == {"hub", "a1", "p1"}  # the hub, then its best-connected neighbours (ties by name)
    assert len(notes) == 1 and "10 nodes" in notes[0] and "3" in notes[0]
    assert all(cut.degree(n) > 0 for n in cut)  # no node drawn without an edge
    near, _ = focus(g, around="p2", depth=3, max_nodes=2)
    assert set(near) == {"p2", "p1"}  # grown from the centre
    # on a big graph the cut keeps the hubs and few nodes without a drawn edge
    big = nx.MultiDiGraph()
    for n in range(3000):
        big.add_node(n, type="Company", label=str(n))
    for n in range(1, 3000):
        big.add_edge(n, n % 40, key="locatedIn", predicate="locatedIn")
    cut, _ = focus(big, max_nodes=500)
    degree = dict(big.degree())
    assert max(degree, key=degree.get) in cut
    assert sum(1 for n in cut if cut.degree(n) == 0) == 0


def test_focus_refuses_bad_arguments():
    g = _toy()
    with pytest.raises(KgError):
        focus(g, around="nobody")
    with pytest.raises(KgError):
        focus(g, types=["Spaceship"])
    with pytest.raises(KgError):
        focus(g, max_nodes=0)


# -- page data ------------------------------------------------------------------------------------

def test_page_data_lists_every_node_and_edge_with_qualifiers():
    g = _toy()
    data = page_data(g)
    assert {n["id"] for n in data["nodes"]} == set(g)
    assert len(data["edges"]) == g.number_of_edges()
    components = {n["id"]: n["c"] for n in data["nodes"]}
    assert components["lonely"] == -1 and components["hub"] == 0
    years = sorted(e["q"]["year"] for e in data["edges"] if "year" in e["q"])
    assert years == [2015, 2016, 2017]
    assert any(e["q"].get("role") == "总经理" for e in data["edges"])


def test_page_escapes_hostile_text_in_the_data_and_html():
    g = _toy()
    g.nodes["hub"]["label"] = HOSTILE
    g.nodes["hub"]["aliases"] = ["</script><script>window.__pwned=3</script>", "\u2028line"]
    g.edges["hub", "a1", "receivedAward|year=2015"]["sources"] = [{"report": "r1\"'<>", "sentence": "</script><b>x</b>&amp;"}]
    html = render_html(g, title='<title>"x"</title>')
    assert html.count("</script>") == 3  # library, data, page code: no name closed an element
    assert "<script>window" not in html and "<img" not in html and "<b>x" not in html
    assert "&lt;title&gt;&#34;x&#34;&lt;/title&gt;" in html
    data = page_json(html)
    hub = next(n for n in data["nodes"] if n["id"] == "hub")
    assert hub["label"] == HOSTILE and hub["a"][0].startswith("</script>")
    assert not re.search(r"https?://", html)


# -- one source for the counts --------------------------------------------------------------------

def test_counts_agree_entities_page_stats(built):
    store = str(built["store"])
    listed = json.loads(_invoke("entities", "--store", store, "--format", "json").output)
    by_type = dict(sorted(Counter(r["type"] for r in listed).items()))
    backend = open_store("oxigraph", store)
    try:
        counts = graph_counts(backend)
    finally:
        backend.close()
    assert counts["entities"] == by_type and counts["nodes"] == len(listed)
    stats = json.loads(_invoke("stats", "--store", store, "--format", "json").output)
    assert stats["entities"] == by_type and stats["relations"] == counts["relations"]
    page = (built["out"] / "graph.html").read_text(encoding="utf-8")
    assert len(page_json(page)["nodes"]) == len(listed)
    for type_, n in by_type.items():
        assert re.search(rf'data-type="{type_}".*?<span class="n">{n}</span>', page, re.S)


def test_build_summary_prints_the_graph_counts(tmp_path, seeds_dir):
    store = tmp_path / "s"
    result = _invoke("build", str(seeds_dir / "004_ed2ff3182028a480.txt"), "--store", str(store), "--out", str(tmp_path / "o"))
    assert result.exit_code == 0, result.output
    printed = re.search(r"Entities:  (.*)", result.output).group(1)
    listed = json.loads(_invoke("entities", "--store", str(store), "--format", "json").output)
    expected = ", ".join(f"{t} {n}" for t, n in sorted(Counter(r["type"] for r in listed).items()))
    assert printed == expected


# -- kg viz ---------------------------------------------------------------------------------------

def test_viz_around_gives_a_small_focused_page(built, tmp_path):
    out = tmp_path / "around.html"
    result = _invoke("viz", "--around", "中车株机", "--depth", "1", "--out", str(out), "--store", str(built["store"]))
    assert result.exit_code == 0, result.output
    data = page_json(out.read_text(encoding="utf-8"))
    labels = {n["label"] for n in data["nodes"]}
    assert "中车株洲电力机车有限公司" in labels and 2 <= len(labels) < 20
    centre = next(n for n in data["nodes"] if n["label"] == "中车株洲电力机车有限公司")
    assert data["centre"] == centre["id"]
    assert all(centre["id"] in (e["from"], e["to"]) for e in data["edges"])
    assert f"{len(labels)} nodes" in result.output


def test_viz_max_nodes_cut_and_errors(built, tmp_path):
    out = tmp_path / "cut.html"
    result = _invoke("viz", "--max-nodes", "20", "--out", str(out), "--store", str(built["store"]))
    assert result.exit_code == 0, result.output
    assert "Note:" in result.output and "20" in result.output
    assert len(page_json(out.read_text(encoding="utf-8"))["nodes"]) == 20
    unknown = _invoke("viz", "--around", "没有这个名字的公司", "--out", str(out), "--store", str(built["store"]))
    assert unknown.exit_code != 0 and "Error:" in unknown.output
    nothing = _invoke("viz", "--type", "Standard", "--predicate", "worksFor", "--out", str(tmp_path / "n.html"),
                      "--store", str(built["store"]))
    assert nothing.exit_code != 0 and "nothing to draw" in nothing.output
    assert not (tmp_path / "n.html").exists()


def test_viz_predicate_and_type_filters(built, tmp_path):
    out = tmp_path / "awards.html"
    result = _invoke("viz", "--predicate", "receivedAward", "--type", "Company", "--type", "Award",
                     "--out", str(out), "--store", str(built["store"]))
    assert result.exit_code == 0, result.output
    data = page_json(out.read_text(encoding="utf-8"))
    assert {n["t"] for n in data["nodes"]} == {"Company", "Award"}
    assert {e["p"] for e in data["edges"]} == {"receivedAward"}
    assert all(n["d"] > 0 for n in data["nodes"])


# -- kg stats -------------------------------------------------------------------------------------

def test_stats_json_is_consistent_with_the_graph(built):
    stats = json.loads(_invoke("stats", "--store", str(built["store"]), "--format", "json").output)
    backend = open_store("oxigraph", str(built["store"]))
    try:
        g = build_graph(backend)
    finally:
        backend.close()
    awards = [d for _, _, d in g.edges(data=True) if d["predicate"] == "receivedAward"]
    assert sum(r["awards"] for r in stats["awards_per_year"]) + stats["awards_without_year"] == len(awards)
    assert stats["components"]["count"] == nx.number_weakly_connected_components(g)
    by_label = {d["label"]: n for n, d in g.nodes(data=True)}
    for row in stats["top_by_degree"]:
        assert g.degree(by_label[row["name"]]) == row["degree"]
    degrees = [r["degree"] for r in stats["top_by_degree"]]
    assert degrees == sorted(degrees, reverse=True)
    assert {"year": 2017, "awards": 1} in stats["awards_per_year"] or any(r["year"] == 2017 for r in stats["awards_per_year"])
    assert stats["betweenness"] == "exact"
    won = {r["name"]: r["awards"] for r in stats["top_award_winners"]}
    top = stats["top_award_winners"][0]
    assert top["awards"] == max(Counter(s for s, _, d in g.edges(data=True) if d["predicate"] == "receivedAward").values())
    assert won


def test_stats_table(built):
    result = _invoke("stats", "--store", str(built["store"]), "--top", "3")
    assert result.exit_code == 0, result.output
    for title in ("Top organisations by degree", "Top organisations by betweenness", "Awards per year",
                  "Awards with most recipients", "Organisations sharing awards", "Reports per year"):
        assert title in result.output
    assert re.search(r"Entities:  Award \d+", result.output)


def test_stats_on_a_missing_store_is_a_clear_error(tmp_path):
    result = _invoke("stats", "--store", str(tmp_path / "none"))
    assert result.exit_code != 0 and "no store here" in result.output


# -- kg report ------------------------------------------------------------------------------------

def test_report_page(built, tmp_path):
    out = tmp_path / "report.html"
    result = _invoke("report", "--out", str(out), "--store", str(built["store"]))
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.count("<svg") >= 3  # charts drawn by matplotlib, inline
    assert not re.search(r"https?://", html) and "<script" not in html
    assert "中国质量奖" in html and "2017" in html
    assert 'href="graph.html#focus=' in html


# -- scale ----------------------------------------------------------------------------------------

def test_synthetic_store_stats_report_and_cut_page(tmp_path):
    from kg.report import render_report
    from kg.stats import stats_of
    from kg.synthetic import fill_store

    store = open_store("memory")
    fill_store(store, 4000, per_report=500)
    g = build_graph(store)
    assert g.number_of_nodes() == 4000
    stats = stats_of(g)
    assert stats["nodes"] == 4000 and stats["betweenness"].startswith("estimated")
    assert stats["awards_per_year"] and stats["shared_awards"]
    cut, notes = focus(g, max_nodes=500)
    assert cut.number_of_nodes() == 500 and notes
    html = render_html(cut, totals=counts_of(g), notes=notes)
    assert "500 nodes" in html and "of 4000 nodes" in html
    assert "<svg" in render_report(g)
    assert node_id("https://w3id.org/kg/id/company/1") == "company/1"


@pytest.mark.parametrize("max_nodes", [1, 7, 60, 500, 5000])
def test_cut_page_from_the_outline_is_the_page_of_the_whole_graph(tmp_path, max_nodes):
    """write_html chooses the drawn nodes on the graph's outline (a table on disk, kg.graphtable)
    and reads only theirs in full: the page must be byte for byte the one cut from the whole graph
    in networkx."""
    from kg.synthetic import fill_store
    from kg.viz import write_html

    store = open_store("memory")
    fill_store(store, 1200, per_report=300)
    g = build_graph(store)
    totals = counts_of(g)
    assert graph_counts(store) == totals
    cut, notes = focus(g, max_nodes=max_nodes)
    out = tmp_path / "page.html"
    written = write_html(store, out, max_nodes=max_nodes)
    assert out.read_text(encoding="utf-8") == render_html(cut, totals=totals, notes=notes)
    assert written == {**counts_of(cut), "totals": totals, "notes": notes}


@pytest.mark.parametrize("depth,types,predicates,max_nodes", [
    (1, (), (), 500), (2, (), (), 40), (0, (), (), 500), (2, ("Company", "Award"), (), 500),
    (2, (), ("receivedAward",), 25), (3, ("Company", "Place", "Park"), ("locatedIn",), 500),
])
def test_around_page_from_the_outline_is_the_page_of_the_whole_graph(tmp_path, depth, types, predicates, max_nodes):
    """write_html --around finds the neighbourhood on the graph's outline (kg.graphtable) and
    reads only its nodes in full: the page must be byte for byte the focus of the whole graph."""
    from kg.entities import resolve_name
    from kg.synthetic import fill_store
    from kg.viz import write_html

    store = open_store("memory")
    fill_store(store, 1500, per_report=300)
    g = build_graph(store)
    # a well-connected node of a type the filters keep
    name = max((d["label"] for n, d in g.nodes(data=True) if not types or d["type"] in types),
               key=lambda label: (g.degree(next(n for n, d in g.nodes(data=True) if d["label"] == label)), label))
    centre = node_id(str(resolve_name(store, name, type_=types[0] if len(types) == 1 else None)["iri"]))
    drawn, notes = focus(g, around=centre, depth=depth, types=types, predicates=predicates, max_nodes=max_nodes)
    out = tmp_path / "page.html"
    written = write_html(store, out, around=name, depth=depth, types=types, predicates=predicates, max_nodes=max_nodes)
    assert out.read_text(encoding="utf-8") == render_html(drawn, totals=counts_of(g), notes=notes, centre=centre)
    assert written["nodes"] == drawn.number_of_nodes() > (1 if depth else 0)


@pytest.mark.parametrize("types,predicates,max_nodes", [
    (("Company",), (), 300), (("Company", "Award"), (), 100000), ((), ("receivedAward",), 150),
    ((), ("locatedIn", "worksFor"), 100000), (("Company", "Place", "Park"), ("locatedIn",), 40), (("Place",), (), 5),
])
def test_filtered_page_from_the_outline_is_the_page_of_the_whole_graph(tmp_path, types, predicates, max_nodes):
    """write_html --type/--predicate selects and cuts on the graph's outline (kg.graphtable):
    the page must be byte for byte the focus of the whole graph."""
    from kg.synthetic import fill_store
    from kg.viz import write_html

    store = open_store("memory")
    fill_store(store, 1500, per_report=300)
    g = build_graph(store)
    drawn, notes = focus(g, types=types, predicates=predicates, max_nodes=max_nodes)
    out = tmp_path / "page.html"
    written = write_html(store, out, types=types, predicates=predicates, max_nodes=max_nodes)
    assert out.read_text(encoding="utf-8") == render_html(drawn, totals=counts_of(g), notes=notes)
    assert written["nodes"] == drawn.number_of_nodes() > 0 and written["notes"] == notes


def _hand_store():
    """A store mapped from hand-written results: aliases, a fact read in two reports (one edge,
    two sources), qualifiers of every kind, standards counts repeated across reports and without a
    year, a place chain, an isolated node."""
    from kg.rdfmap import map_report

    def ent(i, type_, name, *aliases):
        return {"id": i, "type": type_, "name": name, "aliases": list(aliases)}

    at = [0]

    def rel(s, p, o, sentence, **extra):
        at[0] += 20
        return {"subject": s, "predicate": p, "object": o, "evidence": sentence,
                "evidence_span": [at[0], at[0] + len(sentence)], "rule": "test.v1", **extra}

    results = [
        {"doc": "hand1", "entities": [
            ent("c", "Company", "甲乙精工科技有限公司", "甲乙精工"), ent("a", "Award", "某省质量奖"),
            ent("b", "Award", "某市创新奖"), ent("p", "Person", "赵某某"), ent("x", "Place", "某县"),
            ent("y", "Place", "某市"), ent("s", "StandardsBody", "某行业标准化技术委员会"), ent("z", "Institution", "孤立研究所")],
         "relations": [
            rel("c", "receivedAward", "a", "甲乙精工获某省质量奖。", year=2019, edition=3, grade="金奖"),
            rel("c", "receivedAward", "a", "甲乙精工再获某省质量奖。", year=2021),
            rel("c", "receivedAward", "b", "甲乙精工获某市创新奖。"),
            rel("p", "worksFor", "c", "赵某某任甲乙精工董事长。", role="董事长"),
            rel("c", "locatedIn", "x", "甲乙精工位于某县。"), rel("x", "locatedIn", "y", "某县属某市。"),
            rel("c", "contributedToStandard", "s", "甲乙精工参与某委员会工作。"),
            rel("c", "standardsCount", "national", "甲乙精工主导制定国家标准5项。", count=5, year=2020),
            rel("c", "standardsCount", "group", "甲乙精工参与团体标准2项。", count=2)]},
        {"doc": "hand2", "entities": [
            ent("c", "Company", "甲乙精工科技有限公司"), ent("a", "Award", "某省质量奖"), ent("d", "Company", "丙丁电气股份有限公司"),
            ent("y", "Place", "某市")],
         "relations": [
            rel("c", "receivedAward", "a", "某省质量奖授予甲乙精工。", year=2019, edition=3, grade="金奖"),
            rel("d", "receivedAward", "a", "丙丁电气获某省质量奖。", year=2019),
            rel("d", "locatedIn", "y", "丙丁电气位于某市。"),
            rel("c", "standardsCount", "national", "甲乙精工主导制定国家标准5项。", count=5, year=2020)]},
    ]
    store = open_store("memory")
    for result in results:
        store.add_report(result["doc"], map_report(result))
    return store


@pytest.mark.parametrize("max_nodes", [1, 2, 3, 5, 8, 9, 100])
def test_cut_page_from_the_graph_table_is_the_page_of_the_whole_graph(tmp_path, monkeypatch, max_nodes):
    """The page cut on the graph table (kg.graphtable) is byte for byte the page cut from the whole
    graph, on a store with every kind of fact, and never reads every fact or entity into Python."""
    import kg.entities
    import kg.graphdata
    from kg.viz import write_html

    store = _hand_store()
    g = build_graph(store)
    totals = counts_of(g)
    assert totals["nodes"] == 9 and totals["relations"]["standardsCount"] == 2
    read_twice = [d for _, _, k, d in g.edges(keys=True, data=True) if k == "receivedAward|edition=3|year=2019|grade=金奖"]
    assert [len(d["sources"]) for d in read_twice] == [2]
    cut, notes = focus(g, max_nodes=max_nodes)
    expected = render_html(cut, totals=totals, notes=notes)

    def whole(*args, **kwargs):
        raise AssertionError("the table path read the whole graph into Python")

    monkeypatch.setattr(kg.graphdata, "_edges", whole)
    monkeypatch.setattr(kg.entities, "list_entities", whole)
    assert graph_counts(store) == totals
    out = tmp_path / "page.html"
    written = write_html(store, out, max_nodes=max_nodes)
    assert out.read_text(encoding="utf-8") == expected
    assert written == {**counts_of(cut), "totals": totals, "notes": notes}
