"""The list reader (kg.nlp.relations.lists) on real reports: winners one a line under an award heading.

Reports are read from ../shared/corpus at run time; the expected relations are the real dev
gold's (tests/gold/real-dev.jsonl), written by reading, so nothing here copies report text.
"""

from __future__ import annotations

import json

import pytest

from kg.eval import normalise_name
from kg.nlp import extract
from kg.reading import read_report
from tests.conftest import ROOT

GOLD = {json.loads(line)["doc"]: json.loads(line) for line in (ROOT / "tests/gold/real-dev.jsonl").read_text().splitlines() if line.strip()}


def _triples(report: dict, rule: str | None = None) -> set[tuple[str, str, object]]:
    names = {e["id"]: normalise_name(e["name"]) for e in report["entities"]}
    return {
        (names[r["subject"]], names.get(r["object"], r["object"]), r.get("year"))
        for r in report["relations"]
        if r["predicate"] == "receivedAward" and (rule is None or r.get("rule") == rule)
    }


@pytest.mark.parametrize("doc", ["real-079", "real-203", "real-224"])
def test_items_under_an_award_heading_win_it_with_the_heading_year(doc, corpus_docs):
    if doc not in GOLD:
        pytest.skip(f"{doc} is not in the dev gold")
    pred = extract(read_report(corpus_docs / f"{doc}.txt"))
    gold = _triples(GOLD[doc])
    found = _triples(pred)
    assert len(found & gold) >= 3, "the list's winners, with the year of its heading"


def test_the_list_rule_adds_only_relations_the_gold_has_on_a_winner_list(corpus_docs):
    pred = extract(read_report(corpus_docs / "real-079.txt"))
    listed = _triples(pred, rule="list.award_items.v1")
    assert listed, "the rule read the list"
    assert listed <= _triples(GOLD["real-079"])


def test_candidates_under_a_recommendation_heading_win_nothing():
    from kg.nlp.relations.lists import CANDIDATES_RE

    assert CANDIDATES_RE.search("拟推荐名单") and not CANDIDATES_RE.search("获奖企业名单")


def test_a_place_in_a_set_phrase_is_no_place_mention(corpus_docs):
    """中国特色, 浙江制造: a place as the adjective of a set phrase (lexicons/place_phrases.tsv)."""
    from kg.nlp.rules import generic_words

    phrases = generic_words("place_phrases.tsv")
    checked = 0
    for doc, gold in GOLD.items():
        text = (corpus_docs / f"{doc}.txt").read_text(encoding="utf-8")
        gold_places = {normalise_name(n) for e in gold["entities"] if e["type"] == "Place" for n in [e["name"], *e.get("aliases", [])]}
        if "中国" in gold_places or not any("中国" + p in text for p in phrases) or "中国" in text.replace("中国" + "特色", ""):
            continue  # only reports whose every 中国 opens a set phrase
        pred = extract(read_report(corpus_docs / f"{doc}.txt"))
        assert "中国" not in {normalise_name(e["name"]) for e in pred["entities"] if e["type"] == "Place"}, doc
        checked += 1
    assert checked >= 1


def _won_in(text: str) -> set[tuple[str, str, object]]:
    from kg.nlp import extract_text
    return _triples(extract_text(text), "list.award_items.v1")


def test_an_item_with_its_region_in_brackets_still_wins_the_heading_s_award():
    # invented lines: a heading naming the award, items "firm(city)"
    won = _won_in("第五届湖南省质量奖获奖名单\n一、组织奖\n华盛电子有限公司(长沙市)\n宏达机械有限公司(株洲市)\n")
    assert {s for s, _, _ in won} == {"华盛电子有限公司", "宏达机械有限公司"}


def test_a_person_item_with_body_and_post_after_a_space_wins_the_award_and_two_persons_do_not_merge():
    won = _won_in("第五届湖南省质量奖获奖名单\n二、个人奖\n张伟 华盛电子有限公司董事长\n李明 宏达机械有限公司总经理\n")
    assert {s for s, _, _ in won} == {"张伟", "李明"}
    assert not _won_in("第五届湖南省质量奖获奖名单\n张伟 华盛电子有限公司董事长、宏达机械有限公司会议\n")
