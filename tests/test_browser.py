"""The graph page and the report page in a real headless browser (Debian's chromium, offline).

The session's browser comes from ``browser_support.chrome()``, which installs chromium and
chromium-driver with apt-get when absent and skips with the reason where it cannot. Pages are
opened from file:// with every host name unresolvable; each test checks that the console has no
error and that no request left the machine. Screenshots go to the test's temporary folder.
"""

from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from browser_support import chrome, console_errors, open_page, outside, requests
from kg.cli import main
from kg.graphdata import node_id
from kg.report import render_report
from kg.viz import render_html

HOSTILE = '<script>window.__pwned=1</script>株洲恶意公司'
QUOTES = '"><img src=x onerror="window.__pwned=2">\'><svg onload=window.__pwned=3>有限公司'


@pytest.fixture(scope="module")
def browser():
    driver = chrome()
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def seeds_entities(built) -> list[dict]:
    result = CliRunner().invoke(main, ["entities", "--store", str(built["store"]), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _clean(driver) -> None:
    """Drop what the logs hold from earlier pages."""
    console_errors(driver)
    requests(driver)


def _check_quiet(driver) -> None:
    assert console_errors(driver) == []
    assert outside(requests(driver)) == []


def test_the_checks_see_an_outside_request_and_a_console_error(browser, tmp_path):
    """The checks the other tests make are not vacuous: a page that asks for an outside address
    (a reserved .invalid name, which the browser's host rules make unresolvable anyway) is seen."""
    page = tmp_path / "leaky.html"
    page.write_text('<html><body><img src="https://kg-test.invalid/x.png"></body></html>', encoding="utf-8")
    _clean(browser)
    browser.get(page.as_uri())
    browser.execute_script("return document.readyState")
    assert outside(requests(browser)) == ["https://kg-test.invalid/x.png"]
    assert any("kg-test.invalid" in message for message in console_errors(browser))


def test_seeds_page_counts_filters_and_screenshot(browser, built, seeds_entities, tmp_path):
    _clean(browser)
    open_page(browser, built["out"] / "graph.html")
    assert browser.execute_script("return kg.nodes.length") == len(seeds_entities)
    shown = browser.execute_script("return kg.nodeView.length")
    connected = browser.execute_script("return kg.nodes.get({filter: function (n) { return n.c >= 0; }}).length")
    assert shown == connected < len(seeds_entities)  # unconnected nodes hidden at first
    # the main component is centred: its centroid is near the middle of the free area
    offset = browser.execute_script("""
        var ids = kg.nodes.get({filter: function (n) { return n.c === 0; }}).map(function (n) { return n.id; });
        var pos = kg.network.getPositions(ids), sx = 0, sy = 0;
        ids.forEach(function (id) { sx += pos[id].x; sy += pos[id].y; });
        var dom = kg.network.canvasToDOM({x: sx / ids.length, y: sy / ids.length});
        var box = document.getElementById('graph').getBoundingClientRect();
        return [dom.x - box.width / 2, dom.y - box.height / 2];""")
    assert abs(offset[0]) < 250 and abs(offset[1]) < 150
    # physics is off once the layout is done: positions do not move
    before = browser.execute_script("return kg.network.getPositions()")
    browser.execute_script("kg.network.redraw()")
    assert browser.execute_script("return kg.network.getPositions()") == before
    # labels at the first zoom: the best-connected ones readable (>= 10 px on screen), none huge
    # (vis-network's label module holds each label's canvas size; the screen size is that times the zoom)
    sizes = browser.execute_script("""
        var scale = kg.network.getScale(), body = kg.network.body, out = [];
        kg.nodeView.getIds().forEach(function (id) { out.push(body.nodes[id].labelModule.fontOptions.size * scale); });
        return out;""")
    readable = [s for s in sizes if s >= 10]
    assert len(readable) >= 10 and max(sizes) <= 40
    shot = tmp_path / "seeds-graph.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 20_000
    # the legend is a filter: Award off, then on again
    row = browser.find_element("css selector", '.legend-row[data-type="Award"]')
    row.click()
    assert browser.execute_script("return kg.nodeView.get().filter(function (n) { return n.t === 'Award'; }).length") == 0
    assert "off" in row.get_attribute("class")
    row.click()
    assert browser.execute_script("return kg.nodeView.length") == shown
    browser.find_element("css selector", '.legend-row[data-predicate="receivedAward"]').click()
    assert browser.execute_script("return kg.edgeView.get().filter(function (e) { return e.p === 'receivedAward'; }).length") == 0
    browser.find_element("css selector", '.legend-row[data-predicate="receivedAward"]').click()
    # the toggle shows every node
    browser.find_element("id", "isolates").click()
    assert browser.execute_script("return kg.nodeView.length") == len(seeds_entities)
    browser.find_element("id", "isolates").click()
    png = browser.execute_script("return kg.png()")
    assert png.startswith("data:image/png;base64,") and len(png) > 10_000
    _check_quiet(browser)


def test_search_focuses_the_node_and_the_panel_shows_its_award(browser, built, seeds_entities, tmp_path):
    from selenium.webdriver.common.keys import Keys

    _clean(browser)
    open_page(browser, built["out"] / "graph.html")
    target = next(e for e in seeds_entities if e["name"] == "中车株洲电力机车有限公司")
    assert "中车株机" in target["aliases"]
    box = browser.find_element("id", "search")
    box.send_keys("中车株机", Keys.ENTER)  # an alias, typed as a user would
    assert browser.execute_script("return kg.network.getSelectedNodes()") == [node_id(target["iri"])]
    neighbours = browser.execute_script("return kg.network.getConnectedNodes(arguments[0])", node_id(target["iri"]))
    for n in [node_id(target["iri"]), *neighbours]:  # the neighbourhood is in view
        x, y = browser.execute_script("var p = kg.network.canvasToDOM(kg.network.getPosition(arguments[0])); return [p.x, p.y];", n)
        assert 0 <= x <= 1400 and 0 <= y <= 1000
    side = browser.find_element("id", "side")
    assert side.is_displayed() and side.get_attribute("data-node") == node_id(target["iri"])
    text = side.text
    assert "中车株洲电力机车有限公司" in text and "Company" in text and "中车株机公司" in text
    assert "中国质量奖" in text and "year 2017" in text and "001_bfa9c6f1daf1a010" in text
    browser.save_screenshot(str(tmp_path / "search.png"))
    # a click on a related name in the panel moves there
    browser.find_element("xpath", "//div[@id='side']//a[text()='中国质量奖']").click()
    assert "中车株洲电力机车有限公司" in browser.find_element("id", "side").text  # the award's recipients
    assert browser.find_element("id", "side").find_element("tag name", "h2").text == "中国质量奖"
    # an unknown name selects nothing new and says so
    box.clear()
    box.send_keys("不存在的名字xyz", Keys.ENTER)
    assert browser.execute_script("return kg.find('不存在的名字xyz')") is None
    _check_quiet(browser)


def test_edge_tooltips_carry_qualifiers_and_sources(browser, built):
    _clean(browser)
    open_page(browser, built["out"] / "graph.html")
    titles = browser.execute_script("return kg.edges.get().map(function (e) { return e.title; })")
    award = [t for t in titles if "中车株洲电力机车有限公司 —receivedAward→ 中国质量奖" in t]
    assert award and "year 2017" in award[0] and "grade 提名奖" in award[0] and "[001_bfa9c6f1daf1a010]" in award[0]
    _check_quiet(browser)


def test_focused_page_in_the_browser(browser, built, tmp_path):
    out = tmp_path / "around.html"
    result = CliRunner().invoke(main, ["viz", "--around", "中车株洲电力机车有限公司", "--out", str(out), "--store", str(built["store"])])
    assert result.exit_code == 0, result.output
    _clean(browser)
    open_page(browser, out)
    n = browser.execute_script("return kg.nodeView.length")
    assert 2 <= n < 20 and n == browser.execute_script("return kg.nodes.length")
    assert browser.find_element("id", "side").is_displayed()  # the centre's card is open
    browser.save_screenshot(str(tmp_path / "around.png"))
    _check_quiet(browser)


def test_report_page_and_its_links_into_the_graph(browser, built, tmp_path):
    graph = tmp_path / "graph.html"
    report = tmp_path / "report.html"
    for args in (["viz", "--out", str(graph)], ["report", "--out", str(report)]):
        result = CliRunner().invoke(main, [*args, "--store", str(built["store"])])
        assert result.exit_code == 0, result.output
    _clean(browser)
    browser.get(report.as_uri())
    assert len(browser.find_elements("css selector", "#charts svg")) >= 3
    assert "中国质量奖" in browser.find_element("id", "latest").text
    browser.save_screenshot(str(tmp_path / "report.png"))
    _check_quiet(browser)
    link = browser.find_element("xpath", "//table[@id='latest']//a[text()='中车株洲电力机车有限公司']")
    link.click()
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 60).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "body[data-ready='1']")))
    assert browser.find_element("id", "side").find_element("tag name", "h2").text == "中车株洲电力机车有限公司"
    _check_quiet(browser)


def _hostile_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()

    def add(n: str, type_: str, label: str, aliases: list[str]) -> None:
        g.add_node(n, type=type_, label=label, aliases=aliases, mentions=1, reports=['r"1<b>'], standards_counts=[])

    add("company/evil", "Company", HOSTILE, ["</script><script>window.__pwned=4</script>"])
    add("company/quotes", "Company", QUOTES, ["{{ 7*7 }}${7*7}"])
    add("award/evil", "Award", '<img src=x onerror="window.__pwned=5">奖', [])
    add("place/ok", "Place", "株洲市", [])
    sources = [{"report": '"><script>window.__pwned=6</script>', "sentence": "</script><script>window.__pwned=7</script>\u2028&amp;<b>粗</b>"}]
    g.add_edge("company/evil", "award/evil", key="receivedAward|year=2019", predicate="receivedAward", year=2019,
               grade='"><svg onload=window.__pwned=8>', sources=sources)
    g.add_edge("company/quotes", "award/evil", key="receivedAward|year=2020", predicate="receivedAward", year=2020, sources=sources)
    g.add_edge("company/evil", "place/ok", key="locatedIn", predicate="locatedIn", sources=sources)
    return g


def test_hostile_names_run_nothing(browser, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains

    g = _hostile_graph()
    page = tmp_path / "evil.html"
    page.write_text(render_html(g, title='"><script>window.__pwned=9</script>'), encoding="utf-8")
    report = tmp_path / "evil-report.html"
    report.write_text(render_report(g, graph_href="evil.html"), encoding="utf-8")
    _clean(browser)
    open_page(browser, page)
    assert browser.execute_script("return window.__pwned === undefined")
    assert browser.execute_script("return kg.nodes.get('company/evil').label") == HOSTILE
    # search by a hostile alias, open the panel: the text is shown as text
    assert browser.execute_script("return kg.search(arguments[0])", "</script><script>window.__pwned=4") == "company/evil"
    side = browser.find_element("id", "side")
    assert HOSTILE in side.text and "</script><script>window.__pwned=7</script>" in side.text
    assert side.find_elements("css selector", "img, svg, script, b") == []
    assert browser.execute_script("return kg.search(arguments[0])", "有限公司") == "company/quotes"
    assert QUOTES in browser.find_element("id", "side").text
    # hover the node: the tooltip shows the name as text
    x, y = browser.execute_script("var p = kg.network.canvasToDOM(kg.network.getPosition('company/evil')); return [p.x, p.y];")
    graph = browser.find_element("id", "graph")
    rect = graph.rect
    ActionChains(browser).move_to_element_with_offset(graph, int(x - rect["width"] / 2), int(y - rect["height"] / 2)).pause(1).perform()
    tooltip = browser.execute_script(
        "var t = document.querySelector('div.vis-tooltip');"
        "return t ? [t.textContent, Array.prototype.map.call(t.querySelectorAll('*'), function (e) { return e.tagName; })] : null")
    assert tooltip is not None and HOSTILE in tooltip[0]
    assert set(tooltip[1]) <= {"BR"}  # vis-network sets the text with innerText: line breaks only
    browser.save_screenshot(str(tmp_path / "evil.png"))
    assert browser.execute_script("return window.__pwned === undefined")
    _check_quiet(browser)
    browser.get(report.as_uri())
    assert HOSTILE in browser.find_element("id", "latest").text
    assert browser.find_elements("css selector", "#latest img, #latest script, #charts script, #charts img") == []
    assert browser.execute_script("return window.__pwned === undefined")
    _check_quiet(browser)
