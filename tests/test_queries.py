"""Every query in queries/ parses, documents itself, runs on a mapped graph and answers its question."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterator

import pytest

from kg.rdfmap import map_report
from kg.store import GraphStore, open_store

ROOT = Path(__file__).resolve().parents[1]
QUERIES = sorted((ROOT / "queries").glob("*.rq"))
DATA = Path(__file__).resolve().parent / "data" / "rdf_reports.jsonl"

# A value for every documented parameter that matches something in tests/data/rdf_reports.jsonl.
PARAMETER_VALUES: dict[str, dict[str, str | int]] = {
    "awards": {"recipient": "时代电气", "award": "中国质量奖", "year": 2016, "grade": "提名奖"},
    "organisation": {"name": "株洲市市场监管局"},
    "parks": {"park": "株洲国家高新区"},
    "standards_bodies": {"standards_body": "全国牵引电气设备与系统标准化技术委员会"},
    "standards_counts": {"subject": "中联重科", "level": "national"},
    "people": {"person": "刘可安", "organisation": "株洲市市场监督管理局"},
    "award_ranking": {"type": "Company"},
    "sources": {"subject": "中联重科", "report": "乙 报告"},
    "standards": {"standard": "ISO 9001"},
}


@pytest.fixture(scope="module")
def store() -> Iterator[GraphStore]:
    opened = open_store("memory")
    for line in DATA.read_text(encoding="utf-8").splitlines():
        result = json.loads(line)
        opened.add_report(result["doc"], map_report(result))
    yield opened
    opened.close()


def text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def header(path: Path) -> list[str]:
    lines = text(path).splitlines()
    end = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    return lines[:end]


def documented_parameters(path: Path) -> list[str]:
    return re.findall(r"--param (\w+)=", "\n".join(header(path)))


def documented_columns(path: Path) -> list[str]:
    (line,) = [line for line in header(path) if line.startswith("# Columns:")]
    return [column.strip() for column in line.removeprefix("# Columns:").split(",")]


def run(store: GraphStore, path: Path, bindings: dict[str, Any] | None = None):  # noqa: ANN201
    return store.query(text(path), bindings)


def by_name(name: str) -> Path:
    return ROOT / "queries" / f"{name}.rq"


def test_queries_cover_the_questions_kg_answers() -> None:
    names = {path.stem for path in QUERIES}
    assert {"awards", "organisation", "parks", "standards_bodies", "standards_counts", "people",
            "award_ranking", "sources"} <= names
    assert set(PARAMETER_VALUES) == names, "add a test value for every query's parameters"


@pytest.mark.parametrize("path", QUERIES, ids=lambda path: path.stem)
def test_query_begins_with_comments_saying_what_it_answers(path: Path) -> None:
    lines = header(path)
    assert len(lines) >= 3 and lines[0].startswith("# ")
    assert documented_parameters(path), "say how to pass the parameter (--param name=...)"


@pytest.mark.parametrize("path", QUERIES, ids=lambda path: path.stem)
def test_query_runs_without_parameters_and_returns_rows(store: GraphStore, path: Path) -> None:
    result = run(store, path)
    assert len(result) > 0
    assert list(result.columns) == documented_columns(path)
    assert all(column == column.lower() for column in result.columns)


@pytest.mark.parametrize("path", QUERIES, ids=lambda path: path.stem)
def test_query_returns_no_duplicate_rows_from_reports_that_share_entities(store: GraphStore, path: Path) -> None:
    rows = run(store, path).rows
    assert len(rows) == len(set(rows))


@pytest.mark.parametrize(
    "path, parameter",
    [(path, parameter) for path in QUERIES for parameter in documented_parameters(path)],
    ids=lambda value: value.stem if isinstance(value, Path) else value,
)
def test_query_parameter_is_bound_and_narrows_the_rows(store: GraphStore, path: Path, parameter: str) -> None:
    value = PARAMETER_VALUES[path.stem][parameter]
    everything = run(store, path)
    narrowed = run(store, path, {parameter: value})
    assert 0 < len(narrowed) <= len(everything)
    column = narrowed.columns.index(parameter)
    assert {row[column] for row in narrowed} == {value}


@pytest.mark.parametrize("path", QUERIES, ids=lambda path: path.stem)
def test_query_parameter_that_matches_nothing_gives_no_rows(store: GraphStore, path: Path) -> None:
    (parameter, *_) = documented_parameters(path)
    assert len(run(store, path, {parameter: 'no such "name" }{'})) == 0


def test_awards_lists_every_recognition_ordered_by_year(store: GraphStore) -> None:
    recognitions = store.query("SELECT DISTINCT ?r WHERE { ?r a kg:Recognition }")
    result = run(store, by_name("awards"))
    assert len(result) == len(recognitions) == 4
    rows = result.as_dicts()
    years = [row["year"] for row in rows]
    assert years == sorted(years, key=lambda year: (year is not None, year or 0))
    assert {
        "recipient": "株洲中车时代电气股份有限公司", "award": "中国质量奖", "edition": 2,
        "year": 2016, "grade": "提名奖", "report": "seed_a",
    } in rows


def test_awards_by_alias_finds_the_awards_of_both_reports(store: GraphStore) -> None:
    rows = run(store, by_name("awards"), {"recipient": "中车时代电气"}).as_dicts()
    assert sorted(row["report"] for row in rows) == ["seed_a", "乙 报告"]


def test_organisation_lists_facts_of_every_kind(store: GraphStore) -> None:
    rows = run(store, by_name("organisation"), {"name": "时代电气"}).as_dicts()
    relations = {row["relation"] for row in rows}
    assert {"altLabel", "locatedIn", "secretariatOf", "appliesStandard", "receivedAward",
            "hasSubsidiary", "hasStaff", "mentionedIn"} <= relations
    assert {row["organisation"] for row in rows} == {"株洲中车时代电气股份有限公司"}
    staff = next(row for row in rows if row["relation"] == "hasStaff")
    assert (staff["value"], staff["detail"]) == ("刘可安", "role 总工程师")
    awards = sorted(row["detail"] for row in rows if row["relation"] == "receivedAward")
    assert awards == ["edition 2; grade 提名奖", "year 2016; edition 2; grade 提名奖"]  # one per report


def test_parks_list_their_organisations_and_place(store: GraphStore) -> None:
    rows = run(store, by_name("parks")).as_dicts()
    assert {"park": "株洲高新区", "place": "株洲市", "organisation": "株洲中车时代电气股份有限公司",
            "type": "Company"} in rows


def test_standards_bodies_list_their_secretariat(store: GraphStore) -> None:
    rows = run(store, by_name("standards_bodies")).rows
    assert rows == [("全国牵引电气设备与系统标准化技术委员会", "株洲中车时代电气股份有限公司", "Company")]


def test_standards_counts_give_level_count_and_year(store: GraphStore) -> None:
    rows = run(store, by_name("standards_counts")).as_dicts()
    assert {"subject": "株洲高新区", "type": "Park", "level": "national", "count": 51, "year": 2019,
            "report": "seed_a"} in rows
    assert {"subject": "中联重科", "type": "Company", "level": "international", "count": 27,
            "year": None, "report": "乙 报告"} in rows


def test_people_have_their_post(store: GraphStore) -> None:
    rows = run(store, by_name("people")).rows
    assert rows == [
        ("刘可安", "总工程师", "株洲中车时代电气股份有限公司", "Company"),
        ("钱俊君", "局长", "株洲市市场监督管理局", "GovernmentAgency"),
    ]


def test_award_ranking_counts_distinct_awards_and_conferrals(store: GraphStore) -> None:
    rows = run(store, by_name("award_ranking")).as_dicts()
    assert [row["awards"] for row in rows] == sorted((row["awards"] for row in rows), reverse=True)
    ranked = {row["organisation"]: (row["awards"], row["conferrals"]) for row in rows}
    # one award; two conferrals, because one report gives the year and the other does not
    assert ranked["株洲中车时代电气股份有限公司"] == (1, 2)
    assert ranked["中联重科"] == (1, 1)
    assert rows[0]["organisation"] == "株洲中车时代电气股份有限公司"


def test_sources_give_sentence_offsets_report_and_rule(store: GraphStore) -> None:
    rows = run(store, by_name("sources")).as_dicts()
    assert len(rows) == 16  # every relation of both reports
    for row in rows:
        assert row["sentence"] and row["report"] and row["rule"]
        assert row["end"] - row["start"] == len(row["sentence"])
    count = next(row for row in rows if row["relation"] == "standardsCount" and row["report"] == "乙 报告")
    assert (count["subject"], count["object"], count["rule"]) == ("中联重科", "international 27", "standards.count.v1")


def test_standards_list_who_applies_or_wrote_them(store: GraphStore) -> None:
    rows = run(store, by_name("standards")).rows
    assert ("ISO 9001", "appliesStandard", "中联重科", "Company") in rows
    assert ("ISO 9001", "contributedToStandard", "国家先进轨道交通装备创新中心", "Institution") in rows


def test_packaged_queries_are_byte_identical_to_the_canonical_ones() -> None:
    packaged = ROOT / "src" / "kg" / "data" / "queries"
    assert sorted(path.name for path in packaged.glob("*.rq")) == [path.name for path in QUERIES]
    for path in QUERIES:
        assert (packaged / path.name).read_bytes() == path.read_bytes(), (
            f"copy queries/{path.name} to src/kg/data/queries/{path.name}"
        )
