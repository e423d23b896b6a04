"""Gold of real reports: the validator, the draft anchoring, and `kg gold` / `kg eval --by`.

The report texts are read from ../shared/corpus at run time (they are never committed); every
quote and name below is cut from the text there, so nothing here copies a report.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.gold import anchor_report, check_report, find_quote, read_index
from tests.conftest import CORPUS, ROOT, run

GOLD = ROOT / "tests" / "gold"
HELD_OUT_IDS = GOLD / "real-heldout.ids"


def _cjk_run(text: str, length: int) -> tuple[int, str]:
    """The first run of ``length`` CJK characters in ``text``, with its offset."""
    for i in range(len(text) - length):
        piece = text[i:i + length]
        if all("\u4e00" <= ch <= "\u9fff" for ch in piece):
            return i, piece
    raise AssertionError("no CJK run")


@pytest.fixture(scope="module")
def report(corpus_docs: Path) -> tuple[str, str]:
    path = sorted(corpus_docs.glob("real-*.txt"))[0]
    return path.stem, path.read_text(encoding="utf-8")


def test_a_quote_is_anchored_to_its_span_even_with_white_space_changed(report):
    _, text = report
    start, piece = _cjk_run(text, 12)
    assert find_quote(piece, text) == [start, start + 12]
    spaced = piece[:5] + " \n " + piece[5:]
    assert find_quote(spaced, text) == [start, start + 12]
    assert find_quote(piece + "不在文中的字句", text) is None


def test_anchoring_a_draft_finds_mentions_and_keeps_no_text_but_names(report):
    doc, text = report
    start, name = _cjk_run(text, 4)
    _, quote = _cjk_run(text[start:], 10)
    draft = {"doc": doc, "entities": [
        {"id": "a", "type": "Company", "name": name},
        {"id": "b", "type": "Award", "name": name[:2]},  # inside a's name: not a mention there
    ], "relations": [{"subject": "a", "predicate": "receivedAward", "object": "b", "year": 2019, "evidence": quote}]}
    gold, problems = anchor_report(draft, text)
    assert problems == []
    mentions = gold["entities"][0]["mentions"]
    assert [start, start + 4] in mentions and all(text[s:e] == name for s, e in mentions)
    assert all(not (s <= start < e) for s, e in gold["entities"][1]["mentions"])
    rel = gold["relations"][0]
    assert isinstance(rel["evidence"], list) and text[rel["evidence"][0]:rel["evidence"][1]] == quote
    assert rel["year"] == 2019 and "edition" not in rel


def test_the_validator_names_each_broken_rule(report):
    doc, text = report
    _, name = _cjk_run(text, 4)
    bad = {"doc": doc, "entities": [
        {"id": "p", "type": "Place", "name": name},
        {"id": "k", "type": "Park", "name": name + "不在文中"},
        {"id": "x", "type": "Organisation", "name": name[:3]},
    ], "relations": [
        {"subject": "p", "predicate": "locatedIn", "object": "k", "evidence": [0, 5]},
        {"subject": "p", "predicate": "locatedIn", "object": "k", "evidence": [0, 5]},
        {"subject": "p", "predicate": "standardsCount", "object": "national", "year": 19, "evidence": [5, 1]},
    ]}
    problems = "\n".join(check_report(bad, text))
    assert "does not occur in the text" in problems
    assert "not one of the contract's nine" in problems
    assert "a Place cannot be its object" not in problems and "a Park cannot be its object" in problems
    assert "the same triple is annotated twice" in problems
    assert "count must be a positive integer" in problems
    assert "not a four-digit year" in problems
    assert "outside the text" in problems


@pytest.mark.parametrize("name", ["real-dev.jsonl", "real-heldout.jsonl"])
def test_the_real_gold_files_pass_the_validator(name, corpus_docs):
    path = GOLD / name
    if not path.is_file():
        pytest.skip(f"{name} is not written yet")
    result = run("gold", "check", str(path), "--corpus", str(corpus_docs))
    assert result.exit_code == 0, result.output


def test_the_held_out_split_is_locked_and_apart_from_dev():
    held = HELD_OUT_IDS.read_text().split()
    assert len(held) >= 70 and len(set(held)) == len(held)
    dev_path = GOLD / "real-dev.jsonl"
    if dev_path.is_file():
        dev = {json.loads(line)["doc"] for line in dev_path.read_text().splitlines() if line.strip()}
        assert not dev & set(held)
    heldout_path = GOLD / "real-heldout.jsonl"
    if heldout_path.is_file():
        docs = {json.loads(line)["doc"] for line in heldout_path.read_text().splitlines() if line.strip()}
        assert docs <= set(held)


def test_the_held_out_split_is_stratified_by_topic_and_script(corpus_docs):
    index = read_index(CORPUS / "index.tsv")
    held = set(HELD_OUT_IDS.read_text().split())
    strata = {(row["topic"], row["script"]) for row in index.values()}
    for stratum in strata:
        members = [d for d, row in index.items() if (row["topic"], row["script"]) == stratum]
        share = sum(d in held for d in members) / len(members)
        assert 0.15 <= share <= 0.35, (stratum, share)


def test_cli_anchor_refuses_a_draft_with_problems_and_writes_nothing(report, corpus_docs, tmp_path):
    doc, text = report
    _, name = _cjk_run(text, 4)
    draft = tmp_path / "d.json"
    draft.write_text(json.dumps({"doc": doc, "entities": [{"id": "e", "type": "Person", "name": name + "乙乙乙"}],
                                 "relations": []}, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "g.jsonl"
    result = run("gold", "anchor", str(draft), "--corpus", str(corpus_docs), "--out", str(out))
    assert result.exit_code == 1 and "does not occur in the text" in result.output
    assert not out.exists()


def test_cli_eval_breaks_figures_down_by_topic_and_script(report, corpus_docs, tmp_path):
    doc, text = report
    _, name = _cjk_run(text, 4)
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"doc": doc, "entities": [{"id": "e", "type": "Company", "name": name}],
                                "relations": []}, ensure_ascii=False) + "\n", encoding="utf-8")
    pred = tmp_path / "p.jsonl"
    pred.write_text(json.dumps({"doc": doc, "entities": [{"id": "x", "type": "Company", "name": name}],
                                "relations": []}, ensure_ascii=False) + "\n", encoding="utf-8")
    result = run("eval", "--gold", str(gold), "--pred", str(pred), "--by", "topic", "--by", "script",
                 "--index", str(CORPUS / "index.tsv"), "--format", "json")
    assert result.exit_code == 0, result.output
    groups = json.loads(result.output)["by_group"]
    topic = read_index(CORPUS / "index.tsv")[doc]["topic"]
    assert groups["topic"][topic]["entity"]["f1"] == 1.0 and groups["topic"][topic]["reports"] == 1
    bad = run("eval", "--gold", str(gold), "--pred", str(pred), "--by", "colour", "--index", str(CORPUS / "index.tsv"))
    assert bad.exit_code != 0 and "no column 'colour'" in bad.output
