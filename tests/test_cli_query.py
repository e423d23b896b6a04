"""kg query / viz / export / extract / eval through click's CliRunner, on the seeds."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.query import query_names


def _invoke(*args):
    return CliRunner().invoke(main, list(args))


def test_query_awards_lists_the_whole_award_table(built):
    result = _invoke("query", "awards", "--format", "json", "--store", str(built["store"]))
    assert result.exit_code == 0, result.output
    rows = [r for r in json.loads(result.output) if r["report"] == "001_bfa9c6f1daf1a010" and r["year"]]
    table = {(r["recipient"], r["award"], r["edition"], r["year"]) for r in rows}
    # rows 1, 4 and 16 of the report's table, read from the text
    assert ("株洲中车时代电气股份有限公司", "中国质量奖", 2, 2015) in table
    assert ("刘可安", "省长质量奖", 4, 2013) in table
    assert ("黄靖", "市长质量奖", 2, 2016) in table
    assert len([r for r in rows if r["year"] in (2010, 2012, 2013, 2015, 2016, 2017)]) >= 16
    grades = {(r["recipient"], r["grade"]) for r in rows}
    assert ("中车株洲电力机车有限公司", "提名奖") in grades


@pytest.mark.parametrize("name", query_names())
def test_query_every_named_query_returns_rows(built, name):
    result = _invoke("query", name, "--format", "csv", "--store", str(built["store"]))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows, f"{name} returned no rows"


def test_query_param_is_bound_not_spliced(built):
    ok = _invoke("query", "organisation", "--param", "name=中车株洲电力机车有限公司", "--format", "json", "--store", str(built["store"]))
    assert ok.exit_code == 0, ok.output
    assert any(r["relation"] for r in json.loads(ok.output))
    evil = _invoke("query", "organisation", "--param", 'name=x" } UNION { ?s ?p ?o } #', "--format", "json", "--store", str(built["store"]))
    assert evil.exit_code == 0, evil.output
    assert json.loads(evil.output) == []


def test_query_inline_expression_table(built):
    result = _invoke("query", "-e", "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a <https://w3id.org/kg/ontology#Company> }", "--store", str(built["store"]))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].strip() == "n"
    assert int(result.output.splitlines()[2]) > 10


def test_query_list(built):
    result = _invoke("query", "--list")
    assert result.exit_code == 0
    assert "awards" in result.output and "organisation" in result.output


def test_viz_writes_offline_page(built, tmp_path):
    out = tmp_path / "page.html"
    result = _invoke("viz", "--out", str(out), "--store", str(built["store"]))
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "http://" not in page and "https://" not in page
    assert "中车株洲电力机车有限公司" in page and "receivedAward" in page
    assert "企业" in page  # the legend names types in Chinese


@pytest.mark.parametrize("fmt", ["turtle", "nt", "jsonld", "trig"])
def test_export_formats_parse(built, tmp_path, fmt):
    import rdflib

    out = tmp_path / f"g.{fmt}"
    result = _invoke("export", "--format", fmt, "--out", str(out), "--store", str(built["store"]))
    assert result.exit_code == 0, result.output
    if fmt == "trig":
        ds = rdflib.Dataset()
        ds.parse(out, format="trig")
        assert len(list(ds.graphs())) >= 5
    else:
        g = rdflib.Graph()
        g.parse(out, format={"turtle": "turtle", "nt": "nt", "jsonld": "json-ld"}[fmt])
        assert len(g) > 1000


def test_extract_jsonl_one_contract_object_per_report(seeds_dir):
    result = _invoke("extract", str(seeds_dir))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 5
    for line in lines:
        obj = json.loads(line)
        assert set(obj) == {"doc", "entities", "relations"}
        ids = {e["id"] for e in obj["entities"]}
        for e in obj["entities"]:
            assert set(e) == {"id", "type", "name", "aliases", "mentions"}
        for r in obj["relations"]:
            assert r["subject"] in ids
            assert r["predicate"] == "standardsCount" or r["object"] in ids
            assert "rule" not in r


def test_extract_mentions_point_into_the_text(seeds_dir):
    path = seeds_dir / "001_bfa9c6f1daf1a010.txt"
    text = path.read_text(encoding="utf-8")
    obj = json.loads(_invoke("extract", str(path)).output)
    for e in obj["entities"]:
        for s, t in e["mentions"]:
            assert text[s:t] in [e["name"], *e["aliases"]]


def test_eval_text_and_json(seeds_dir):
    gold = str(seeds_dir.parent / "tests" / "gold" / "seeds.jsonl")
    text = _invoke("eval", "--gold", gold, str(seeds_dir))
    assert text.exit_code == 0, text.output
    assert "entity" in text.output and "strict" in text.output
    js = _invoke("eval", "--gold", gold, str(seeds_dir), "--format", "json")
    data = json.loads(js.output)
    assert set(data) >= {"entity", "relation", "strict", "by_type", "by_predicate", "per_doc"}
    assert 0 < data["entity"]["f1"] <= 1


def test_help_of_every_command_has_an_example():
    for command in main.commands:
        result = _invoke(command, "--help")
        assert result.exit_code == 0
        assert "Example" in result.output, command
