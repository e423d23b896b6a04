"""kg build: store, graph.ttl, graph.html, idempotent and byte-identical rebuilds, SHACL."""

from __future__ import annotations

import re

from click.testing import CliRunner

from kg.cli import main
from kg.store import open_store
from kg.validate import validate


def test_build_writes_store_turtle_and_page(built):
    assert (built["out"] / "graph.ttl").stat().st_size > 10_000
    assert (built["out"] / "graph.html").stat().st_size > 100_000
    assert any(built["store"].iterdir())


def test_build_summary_counts_by_type(seeds_dir, tmp_path):
    result = CliRunner().invoke(main, ["build", str(seeds_dir), "--store", str(tmp_path / "s"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert "Built 5 report(s)" in result.output
    assert re.search(r"Entities: .*Company \d+", result.output)
    assert "SHACL: the graph conforms" in result.output


def test_build_twice_is_idempotent_and_byte_identical(built, seeds_dir):
    first = (built["out"] / "graph.ttl").read_bytes()
    store = open_store("oxigraph", built["store"])
    n_before = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0][0]
    store.close()
    result = CliRunner().invoke(main, ["build", str(seeds_dir), "--store", str(built["store"]), "--out", str(built["out"]), "-q"])
    assert result.exit_code == 0, result.output
    store = open_store("oxigraph", built["store"])
    n_after = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0][0]
    store.close()
    assert n_after == n_before
    assert (built["out"] / "graph.ttl").read_bytes() == first


def test_build_graph_conforms_to_shapes(built):
    conforms, report = validate((built["out"] / "graph.ttl").read_bytes())
    assert conforms, report


def test_build_memory_backend_keeps_no_store(seeds_dir, tmp_path):
    result = CliRunner().invoke(main, ["build", str(seeds_dir / "002_4cbe676130c98876.txt"), "--backend", "memory", "--store", str(tmp_path / "none"), "--out", str(tmp_path / "o"), "-q"])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "none").exists()
    assert (tmp_path / "o" / "graph.ttl").exists()


def test_build_graph_page_is_offline_and_escapes_report_text(tmp_path):
    report = tmp_path / "evil.txt"
    report.write_text("株洲恶意科技有限公司获评2019年全国质量标杆企业</script><script>alert(1)</script>。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(report), "--store", str(tmp_path / "s"), "--out", str(tmp_path / "o"), "-q"])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "o" / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"https?://", page)
    assert "株洲恶意科技有限公司" in page
    assert "<script>alert(1)</script>" not in page
    assert page.count("</script>") == 3  # the inlined library, the data and the page script, nothing else
