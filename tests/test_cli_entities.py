"""kg entities and kg show: the entity list and the card of one entity, on the seeds build."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.rdfmap import map_report
from kg.store import open_store


def _run(*args: str) -> "CliRunner.invoke":
    return CliRunner().invoke(main, list(args))


def test_entities_json_is_an_array_of_the_contract_fields(built: dict[str, Path]) -> None:
    result = _run("entities", "--store", str(built["store"]), "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows and all(set(row) == {"iri", "type", "name", "aliases", "mentions", "reports"} for row in rows)
    assert all(isinstance(row["aliases"], list) and isinstance(row["reports"], list) and isinstance(row["mentions"], int) for row in rows)
    assert len({row["iri"] for row in rows}) == len(rows)


def test_entities_lists_one_row_per_node_with_aliases_and_reports(built: dict[str, Path]) -> None:
    rows = json.loads(_run("entities", "--store", str(built["store"]), "--type", "Company", "--format", "json").output)
    assert {row["type"] for row in rows} == {"Company"}
    [locomotive] = [row for row in rows if row["name"] == "中车株洲电力机车有限公司"]
    assert "中车株机公司" in locomotive["aliases"]
    assert locomotive["reports"] == ["001_bfa9c6f1daf1a010", "004_ed2ff3182028a480"]
    assert locomotive["mentions"] >= 3
    # the short name of one report and the full name of another are one node
    [materials] = [row for row in rows if row["name"] == "株洲时代新材料科技股份有限公司"]
    assert "时代新材" in materials["aliases"]
    assert not [row for row in rows if row["name"] == "时代新材"]


def test_entities_csv_and_table_have_their_columns(built: dict[str, Path]) -> None:
    result = _run("entities", "--store", str(built["store"]), "--type", "Place", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert list(rows[0]) == ["type", "name", "aliases", "mentions", "reports", "iri"]
    zhuzhou = next(row for row in rows if row["name"] == "株洲市")
    assert "株洲" in zhuzhou["aliases"].split("、")
    table = _run("entities", "--store", str(built["store"]), "--type", "Place").output.splitlines()
    assert table[0].split() == ["type", "name", "aliases", "mentions", "reports"]


def test_entities_without_a_store_is_a_one_line_error(tmp_path: Path) -> None:
    result = _run("entities", "--store", str(tmp_path / "none"))
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {tmp_path / 'none'}: no store here. Run 'kg build seeds/' first, or pass --store DIR."
    ]


def test_show_prints_the_complete_card_of_the_zhuzhou_locomotive_works(built: dict[str, Path]) -> None:
    """001's award table gives 中车株洲电力机车有限公司 第三届中国质量奖提名奖 (2017) and 第五届省长质量奖
    (2016); 004 calls it 中车株机公司 (and 中车株机)."""
    result = _run("show", "中车株洲电力机车有限公司", "--store", str(built["store"]))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "中车株洲电力机车有限公司  (Company)"
    assert "中车株机公司" in lines[2]
    assert "001_bfa9c6f1daf1a010, 004_ed2ff3182028a480" in lines[3]
    text = result.output
    assert "receivedAward -> 中国质量奖  [edition 3, year 2017, grade 提名奖]" in text
    assert "\u201c2 第三届中国质量奖提名奖 2017年 中车株洲电力机车有限公司\u201d" in text
    assert "receivedAward -> 省长质量奖  [edition 5, year 2016]" in text
    assert "\u201c5 第五届省长质量奖 2016年 中车株洲电力机车有限公司\u201d" in text
    assert "rule table.award_row.v1" in text


def test_show_json_card_has_relations_with_qualifiers_and_evidence(built: dict[str, Path]) -> None:
    card = json.loads(_run("show", "中车株洲电力机车有限公司", "--store", str(built["store"]), "--format", "json").output)
    assert {"iri", "type", "name", "aliases", "mentions", "reports", "relations"} <= set(card)
    awards = {(r["other"], r["edition"], r["year"], r["grade"]) for r in card["relations"] if r["relation"] == "receivedAward"}
    assert {("中国质量奖", 3, 2017, "提名奖"), ("省长质量奖", 5, 2016, None)} <= awards
    for relation in card["relations"]:
        if relation["relation"] == "receivedAward" and relation["year"] in (2016, 2017):
            assert relation["report"] == "001_bfa9c6f1daf1a010" and relation["sentence"] and relation["start"] < relation["end"]


def test_show_finds_a_node_by_an_alias_or_by_its_resolution_key(built: dict[str, Path]) -> None:
    by_alias = _run("show", "中车株机公司", "--store", str(built["store"]))
    by_key = _run("show", "中车株洲电力机车公司", "--store", str(built["store"]))  # legal form written differently
    assert by_alias.output.splitlines()[0] == by_key.output.splitlines()[0] == "中车株洲电力机车有限公司  (Company)"


def test_show_lists_standards_counts_and_people(built: dict[str, Path]) -> None:
    card = json.loads(_run("show", "株洲南车时代电气股份有限公司", "--store", str(built["store"]), "--format", "json").output)
    [works] = [r for r in card["relations"] if r["relation"] == "worksFor"]
    assert (works["direction"], works["other"], works["role"]) == ("in", "刘可安", "总工程师")


@pytest.mark.parametrize("name", ["不存在的公司", '中车"} UNION { ?s ?p ?o', "无名'}公司"])
def test_show_an_unknown_name_is_a_one_line_error(built: dict[str, Path], name: str) -> None:
    result = _run("show", name, "--store", str(built["store"]))
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"Error: no entity is named {name!r}. List names with 'kg entities'."]


@pytest.fixture(scope="module")
def twin_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store where 湖南长城 is a Company in one report and a Park in another."""
    path = tmp_path_factory.mktemp("twins") / "store"
    store = open_store("oxigraph", path)
    try:
        for doc, type_ in (("r1", "Company"), ("r2", "Park")):
            result = {"doc": doc, "entities": [{"id": "e1", "type": type_, "name": "湖南长城", "aliases": [], "mentions": [[0, 4]]}], "relations": []}
            store.add_report(doc, map_report(result))
    finally:
        store.close()
    return path


def test_show_an_ambiguous_name_lists_the_candidates(twin_store: Path) -> None:
    result = _run("show", "湖南长城", "--store", str(twin_store))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "Error: 2 entities are named '湖南长城'; pick one with --type (Company, Park) or a fuller name."
    assert lines[1].split() == ["type", "name", "aliases", "mentions", "iri"]
    assert [line.split()[0] for line in lines[3:]] == ["Company", "Park"]


def test_show_type_picks_one_of_the_candidates(twin_store: Path) -> None:
    result = _run("show", "湖南长城", "--type", "Park", "--store", str(twin_store))
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "湖南长城  (Park)"
    assert result.output.splitlines()[-1] == "relations: none"
