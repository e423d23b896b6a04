"""Tests for kg.eval: the scorer pinned on small hand-made reports with real names."""

from __future__ import annotations

import doctest
import json
from pathlib import Path
from typing import Any

import pytest

import kg.eval
from kg.errors import KgError
from kg.eval import EvalError, format_text, load_jsonl, normalise_name, score

CRRC_TIMES = "株洲中车时代电气股份有限公司"


def ent(id_: str, type_: str, name: str, *aliases: str) -> dict[str, Any]:
    return {"id": id_, "type": type_, "name": name, "aliases": list(aliases)}


def rel(subject: str, predicate: str, object_: str, **qualifiers: Any) -> dict[str, Any]:
    return {"subject": subject, "predicate": predicate, "object": object_, **qualifiers}


def report(
    doc: str, entities: list[dict[str, Any]], relations: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    return {"doc": doc, "entities": entities, "relations": relations or []}


def figures(p: float, r: float, f1: float, tp: int, fp: int, fn: int) -> dict[str, Any]:
    ratios = {"p": pytest.approx(p), "r": pytest.approx(r), "f1": pytest.approx(f1)}
    return {**ratios, "tp": tp, "fp": fp, "fn": fn}


PERFECT_1 = figures(1.0, 1.0, 1.0, 1, 0, 0)
ZERO = figures(0.0, 0.0, 0.0, 0, 0, 0)


def score_one(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, Any]:
    return score({gold["doc"]: gold}, {pred["doc"]: pred})


# --- normalise_name ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("株洲電力機車", "株洲电力机车"),
        ("ＧＢ／Ｔ　２９４９０", "GB/T29490"),
        ("GB/T 29490-2013", "GB/T29490-2013"),
        ("质量监督检验中心（湖南）", "质量监督检验中心(湖南)"),
        ("iec/tc9", "IEC/TC9"),
        ("中國質量獎", "中国质量奖"),
        ("  株洲 高新区\t\n", "株洲高新区"),
    ],
)
def test_eval_normalise_name(text: str, expected: str) -> None:
    assert normalise_name(text) == expected




# --- entities ---------------------------------------------------------------------------------


def test_eval_entity_exact_match() -> None:
    gold = report("r1", [ent("e1", "Company", CRRC_TIMES)])
    pred = report("r1", [ent("p1", "Company", CRRC_TIMES)])
    scores = score_one(gold, pred)
    assert scores["entity"] == PERFECT_1
    assert scores["by_type"] == {"Company": PERFECT_1}
    assert scores["per_doc"]["r1"]["errors"]["missed_entities"] == []
    assert scores["per_doc"]["r1"]["errors"]["false_entities"] == []


def test_eval_entity_alias_match() -> None:
    gold = report("r1", [ent("e1", "Company", CRRC_TIMES, "中车时代电气")])
    pred = report("r1", [ent("p1", "Company", "中车时代电气")])
    assert score_one(gold, pred)["entity"] == PERFECT_1


def test_eval_entity_traditional_matches_simplified() -> None:
    gold = report("r1", [ent("e1", "Company", "株洲电力机车")])
    pred = report("r1", [ent("p1", "Company", "株洲電力機車")])
    assert score_one(gold, pred)["entity"] == PERFECT_1


def test_eval_entity_full_width_matches_half_width() -> None:
    gold = report("r1", [ent("e1", "Standard", "GB/T29490")])
    pred = report("r1", [ent("p1", "Standard", "ＧＢ／Ｔ　２９４９０")])
    assert score_one(gold, pred)["entity"] == PERFECT_1


def test_eval_entity_duplicate_names_match_once() -> None:
    gold = report("r1", [ent("e1", "Company", "中联重科")])
    pred = report(
        "r1", [ent("p1", "Company", "中联重科"), ent("p2", "Company", "中联重科")]
    )
    scores = score_one(gold, pred)
    assert scores["entity"] == figures(0.5, 1.0, 2 / 3, 1, 1, 0)
    assert scores["per_doc"]["r1"]["errors"]["false_entities"] == [
        {"id": "p2", "type": "Company", "name": "中联重科", "aliases": []}
    ]


def test_eval_entity_matching_is_maximum_not_greedy() -> None:
    # A greedy pass in list order would pair 株机公司 with e1 and leave the full name
    # unmatched; the maximum matching pairs it with e2.
    gold = report(
        "r1",
        [
            ent("e1", "Company", "中车株洲电力机车有限公司", "株机公司"),
            ent("e2", "Company", "株机公司"),
        ],
    )
    pred = report(
        "r1",
        [
            ent("p1", "Company", "株机公司"),
            ent("p2", "Company", "中车株洲电力机车有限公司"),
        ],
    )
    assert score_one(gold, pred)["entity"] == figures(1.0, 1.0, 1.0, 2, 0, 0)


def test_eval_entity_wrong_type_does_not_match() -> None:
    gold = report("r1", [ent("e1", "Institution", "湖南省品牌建设促进会")])
    pred = report("r1", [ent("p1", "Company", "湖南省品牌建设促进会")])
    scores = score_one(gold, pred)
    assert scores["entity"] == figures(0.0, 0.0, 0.0, 0, 1, 1)
    assert scores["by_type"] == {
        "Company": figures(0.0, 0.0, 0.0, 0, 1, 0),
        "Institution": figures(0.0, 0.0, 0.0, 0, 0, 1),
    }


def test_eval_entity_by_type_micro_average() -> None:
    gold = report(
        "r1",
        [
            ent("e1", "Company", CRRC_TIMES),
            ent("e2", "Place", "株洲"),
            ent("e3", "Place", "湖南省"),
        ],
    )
    pred = report(
        "r1",
        [
            ent("p1", "Company", CRRC_TIMES),
            ent("p2", "Place", "株洲"),
            ent("p3", "Park", "田心高科园"),
        ],
    )
    scores = score_one(gold, pred)
    assert scores["entity"] == figures(2 / 3, 2 / 3, 2 / 3, 2, 1, 1)
    assert scores["by_type"] == {
        "Company": PERFECT_1,
        "Park": figures(0.0, 0.0, 0.0, 0, 1, 0),
        "Place": figures(1.0, 0.5, 2 / 3, 1, 0, 1),
    }


# --- relations --------------------------------------------------------------------------------


def award_report(doc: str, **qualifiers: Any) -> dict[str, Any]:
    return report(
        doc,
        [
            ent("e1", "Company", CRRC_TIMES, "中车时代电气"),
            ent("e2", "Award", "中国质量奖"),
        ],
        [rel("e1", "receivedAward", "e2", **qualifiers)],
    )


def test_eval_relation_wrong_year_is_lenient_not_strict() -> None:
    gold = award_report("r1", year=2015, edition=2, grade=None)
    pred = award_report("r1", year=2016, edition=2, grade=None)
    scores = score_one(gold, pred)
    assert scores["relation"] == PERFECT_1
    assert scores["strict"] == figures(0.0, 0.0, 0.0, 0, 1, 1)
    assert scores["by_predicate"] == {
        "receivedAward": {
            **PERFECT_1,
            **{f"strict_{k}": v for k, v in figures(0.0, 0.0, 0.0, 0, 1, 1).items()},
        }
    }
    won = {"subject": CRRC_TIMES, "predicate": "receivedAward", "object": "中国质量奖"}
    assert scores["per_doc"]["r1"]["errors"]["qualifier_mismatches"] == [
        {"gold": {**won, "year": 2015, "edition": 2}, "pred": {**won, "year": 2016, "edition": 2}}
    ]


def test_eval_relation_strict_ignores_qualifiers_gold_leaves_null() -> None:
    gold = award_report("r1", year=2015, edition=None, grade="提名奖")
    pred = award_report("r1", year="2015", edition=3, grade="提名獎")
    scores = score_one(gold, pred)
    assert scores["relation"] == PERFECT_1
    assert scores["strict"] == PERFECT_1


def test_eval_relation_strict_missing_predicted_qualifier_fails() -> None:
    gold = award_report("r1", year=2015)
    pred = award_report("r1")
    assert score_one(gold, pred)["strict"] == figures(0.0, 0.0, 0.0, 0, 1, 1)


def test_eval_relation_strict_matching_is_its_own() -> None:
    # Two gold wins of one award in different years; the predictions give them in the other
    # order. Lenient and strict matching both find the two pairs.
    entities = [ent("e1", "Company", CRRC_TIMES), ent("e2", "Award", "湖南专利奖")]
    won_2018 = rel("e1", "receivedAward", "e2", year=2018)
    won_2020 = rel("e1", "receivedAward", "e2", year=2020)
    gold = report("r1", entities, [won_2018, won_2020])
    pred = report("r1", entities, [won_2020, won_2018])
    scores = score_one(gold, pred)
    assert scores["relation"] == figures(1.0, 1.0, 1.0, 2, 0, 0)
    assert scores["strict"] == figures(1.0, 1.0, 1.0, 2, 0, 0)
    assert scores["per_doc"]["r1"]["errors"]["qualifier_mismatches"] == []


def test_eval_relation_subject_and_object_match_through_aliases() -> None:
    gold = award_report("r1", year=2015)
    pred = report(
        "r1",
        [ent("x", "Company", "中车时代电气"), ent("y", "Award", "中國質量獎")],
        [rel("x", "receivedAward", "y", year=2015)],
    )
    scores = score_one(gold, pred)
    assert scores["relation"] == PERFECT_1
    assert scores["strict"] == PERFECT_1


def test_eval_relation_wrong_predicate_does_not_match() -> None:
    entities = [ent("e1", "Company", CRRC_TIMES), ent("e2", "Standard", "IEC 61375")]
    gold = report("r1", entities, [rel("e1", "contributedToStandard", "e2")])
    pred = report("r1", entities, [rel("e1", "appliesStandard", "e2")])
    scores = score_one(gold, pred)
    assert scores["relation"] == figures(0.0, 0.0, 0.0, 0, 1, 1)
    assert scores["by_predicate"]["appliesStandard"]["fp"] == 1
    assert scores["by_predicate"]["contributedToStandard"]["fn"] == 1


def test_eval_relation_on_duplicate_entity_still_matches() -> None:
    # The entity matching pairs the gold 中联重科 with p1; the relation hangs off p2, whose
    # name is the same, so it matches: the duplicate costs precision once, in entities.
    gold = report(
        "r1",
        [ent("e1", "Company", "中联重科"), ent("e2", "Award", "中国质量奖")],
        [rel("e1", "receivedAward", "e2")],
    )
    pred = report(
        "r1",
        [
            ent("p1", "Company", "中联重科"),
            ent("p2", "Company", "中联重科"),
            ent("p3", "Award", "中国质量奖"),
        ],
        [rel("p2", "receivedAward", "p3")],
    )
    scores = score_one(gold, pred)
    assert scores["entity"] == figures(2 / 3, 1.0, 0.8, 2, 1, 0)
    assert scores["relation"] == PERFECT_1


def test_eval_relation_subject_of_wrong_type_does_not_match() -> None:
    gold = award_report("r1")
    pred = report(
        "r1",
        [ent("p1", "Institution", CRRC_TIMES), ent("p2", "Award", "中国质量奖")],
        [rel("p1", "receivedAward", "p2")],
    )
    assert score_one(gold, pred)["relation"] == figures(0.0, 0.0, 0.0, 0, 1, 1)


def count_report(doc: str, level: str, **qualifiers: Any) -> dict[str, Any]:
    entities = [ent("e1", "Park", "株洲高新区")]
    return report(doc, entities, [rel("e1", "standardsCount", level, **qualifiers)])


def test_eval_standards_count_same_level_and_count() -> None:
    gold = count_report("r1", "national", count=51)
    scores = score_one(gold, count_report("r1", "national", count=51))
    assert scores["relation"] == PERFECT_1
    assert scores["strict"] == PERFECT_1


def test_eval_standards_count_wrong_count_is_lenient_not_strict() -> None:
    gold = count_report("r1", "national", count=51)
    scores = score_one(gold, count_report("r1", "national", count=50))
    assert scores["relation"] == PERFECT_1
    assert scores["strict"] == figures(0.0, 0.0, 0.0, 0, 1, 1)


def test_eval_standards_count_wrong_level_does_not_match() -> None:
    gold = count_report("r1", "national", count=51)
    scores = score_one(gold, count_report("r1", "industry", count=51))
    assert scores["relation"] == figures(0.0, 0.0, 0.0, 0, 1, 1)
    errors = scores["per_doc"]["r1"]["errors"]
    counted = {"subject": "株洲高新区", "predicate": "standardsCount", "count": 51}
    assert errors["missed_relations"] == [{**counted, "object": "national"}]
    assert errors["false_relations"] == [{**counted, "object": "industry"}]


# --- reports ----------------------------------------------------------------------------------


def test_eval_report_missing_in_pred_counts_as_missed() -> None:
    gold = {
        "r1": award_report("r1", year=2015),
        "r2": report("r2", [ent("e1", "Place", "醴陵市"), ent("e2", "Person", "刘可安")]),
    }
    pred = {
        "r1": award_report("r1", year=2015),
        "r3": report("r3", [ent("p1", "Park", "醴陵经开区")]),
    }
    scores = score(gold, pred)
    assert scores["entity"] == figures(2 / 3, 0.5, 4 / 7, 2, 1, 2)
    assert scores["relation"] == PERFECT_1
    assert list(scores["per_doc"]) == ["r1", "r2", "r3"]
    assert scores["per_doc"]["r2"]["entity"] == figures(0.0, 0.0, 0.0, 0, 0, 2)
    assert scores["per_doc"]["r3"]["entity"] == figures(0.0, 0.0, 0.0, 0, 1, 0)
    assert scores["per_doc"]["r2"]["relation"] == ZERO


def test_eval_empty_gold_and_pred_scores_zero() -> None:
    scores = score({}, {})
    assert scores["entity"] == ZERO
    assert scores["relation"] == ZERO
    assert scores["strict"] == ZERO
    assert scores["by_type"] == {}
    assert scores["by_predicate"] == {}
    assert scores["per_doc"] == {}


def test_eval_empty_report_on_both_sides_scores_zero_with_zero_counts() -> None:
    scores = score({"r1": report("r1", [])}, {"r1": {"doc": "r1"}})
    assert scores["per_doc"]["r1"]["entity"] == ZERO
    assert scores["entity"] == ZERO


def test_eval_empty_pred_against_gold() -> None:
    scores = score_one(award_report("r1"), report("r1", []))
    assert scores["entity"] == figures(0.0, 0.0, 0.0, 0, 0, 2)
    assert scores["relation"] == figures(0.0, 0.0, 0.0, 0, 0, 1)


def test_eval_relation_to_unknown_entity_is_an_error() -> None:
    pred = report("r1", [ent("p1", "Company", CRRC_TIMES)], [rel("p1", "receivedAward", "p9")])
    with pytest.raises(EvalError) as excinfo:
        score_one(award_report("r1"), pred)
    assert str(excinfo.value) == (
        "predicted report 'r1': relations[0]: object 'p9' is not the id of an entity"
        " in this report."
    )


# --- load_jsonl -------------------------------------------------------------------------------


def test_eval_load_jsonl_reads_reports_by_doc(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    first = json.dumps(award_report("r1", year=2015), ensure_ascii=False)
    path.write_text(f"{first}\n\n{json.dumps(report('r2', []))}\n", encoding="utf-8")
    reports = load_jsonl(path)
    assert list(reports) == ["r1", "r2"]
    assert reports["r1"]["relations"][0]["year"] == 2015


def test_eval_load_jsonl_bad_json_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "pred.jsonl"
    complete = json.dumps(report("r1", []))
    path.write_text(complete + '\n{"doc": "r2", "entities": [\n', encoding="utf-8")
    with pytest.raises(EvalError) as excinfo:
        load_jsonl(path)
    assert str(excinfo.value).startswith(f"{path}:2: not valid JSON (")
    assert isinstance(excinfo.value, KgError)


def test_eval_load_jsonl_repeated_doc(tmp_path: Path) -> None:
    path = tmp_path / "pred.jsonl"
    line = json.dumps(report("r1", []))
    path.write_text(f"{line}\n{line}\n", encoding="utf-8")
    with pytest.raises(EvalError) as excinfo:
        load_jsonl(path)
    assert str(excinfo.value) == (
        f"{path}:2: report 'r1' already given on line 1. Keep one line per report."
    )


def test_eval_load_jsonl_missing_doc(tmp_path: Path) -> None:
    path = tmp_path / "pred.jsonl"
    path.write_text('{"entities": []}\n', encoding="utf-8")
    with pytest.raises(EvalError) as excinfo:
        load_jsonl(path)
    assert str(excinfo.value) == (
        f'{path}:1: "doc" must be a non-empty string (the report\'s file name).'
    )


def test_eval_load_jsonl_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.jsonl"
    with pytest.raises(EvalError) as excinfo:
        load_jsonl(path)
    assert str(excinfo.value) == (
        f"{path}: no such file. Pass a JSON Lines file, one report per line."
    )


# --- format_text ------------------------------------------------------------------------------


def test_eval_format_text_tables() -> None:
    gold = award_report("r1", year=2015, edition=2)
    pred = award_report("r1", year=2016, edition=2)
    text = format_text(score_one(gold, pred))
    assert text == (
        "Scores, micro-averaged over 1 report\n"
        "               P      R     F1    TP    FP    FN\n"
        "entity     1.000  1.000  1.000     2     0     0\n"
        "relation   1.000  1.000  1.000     1     0     0\n"
        "strict     0.000  0.000  0.000     0     1     1\n"
        "\n"
        "By entity type\n"
        "              P      R     F1    TP    FP    FN\n"
        "Award     1.000  1.000  1.000     1     0     0\n"
        "Company   1.000  1.000  1.000     1     0     0\n"
        "\n"
        "By predicate (lenient | strict)\n"
        "                    P      R     F1    TP    FP    FN |"
        "      P      R     F1    TP    FP    FN\n"
        "receivedAward   1.000  1.000  1.000     1     0     0 |"
        "  0.000  0.000  0.000     0     1     1\n"
    )


def test_eval_format_text_errors() -> None:
    gold = report(
        "r1",
        [
            ent("e1", "Company", CRRC_TIMES, "中车时代电气"),
            ent("e2", "Award", "中国质量奖"),
            ent("e3", "Place", "株洲"),
        ],
        [rel("e1", "receivedAward", "e2", year=2015, edition=2), rel("e1", "locatedIn", "e3")],
    )
    pred = report(
        "r1",
        [
            ent("p1", "Company", "中车时代电气"),
            ent("p2", "Award", "中国质量奖"),
            ent("p3", "Park", "株洲高新区"),
        ],
        [rel("p1", "receivedAward", "p2", year=2016, edition=2), rel("p1", "locatedIn", "p3")],
    )
    text = format_text(score_one(gold, pred), show_errors=True)
    assert text.endswith(
        "Errors\n"
        "r1\n"
        "  missed entity     Place 株洲\n"
        "  false entity      Park 株洲高新区\n"
        f"  missed relation   {CRRC_TIMES} locatedIn 株洲\n"
        "  false relation    中车时代电气 locatedIn 株洲高新区\n"
        f"  wrong qualifiers  {CRRC_TIMES} receivedAward 中国质量奖 [year=2015, edition=2];"
        " predicted year=2016, edition=2\n"
    )


def test_eval_format_text_no_errors() -> None:
    text = format_text(score_one(award_report("r1"), award_report("r1")), show_errors=True)
    assert text.endswith("Errors\n  none\n")
