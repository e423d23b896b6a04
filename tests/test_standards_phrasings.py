"""Phrasings of standardsCount and contributedToStandard as real reports write them.

The phrases are written for these tests (no report text); each rule was checked on the whole
dev split of the real gold before it was kept.
"""

from __future__ import annotations

import pytest

from kg.nlp import extract_text


def _counts(text: str) -> dict[tuple[str, str], dict]:
    result = extract_text(text)
    names = {e["id"]: e["name"] for e in result["entities"]}
    return {
        (names[r["subject"]], r["object"]): r
        for r in result["relations"] if r["predicate"] == "standardsCount"
    }


@pytest.mark.parametrize("text, level, count", [
    ("辽宁省主导或参与制修订的国际标准达到53项。", "international", 53),
    ("辽宁省主导制定的团体标准累计120项。", "group", 120),
])
def test_a_count_after_a_verb_of_reaching(text, level, count):
    assert _counts(text)[("辽宁省", level)]["count"] == count


def test_more_than_n_is_no_count():
    assert not _counts("辽宁省主导制定的团体标准超过120项。")


def test_every_drafting_unit_named_with_its_part():
    result = extract_text("其中包括湖北齐星集团晶星公司为第一起草单位、随州市标准化研究院为主要起草单位的两项国家标准"
                          "GB/T 38866-2020《电子工业用四氯化硅》、GB/T 38867-2020《电子工业用三氯氢硅》。")
    names = {e["id"]: e["name"] for e in result["entities"]}
    got = {(names[r["subject"]], names[r["object"]]) for r in result["relations"] if r["predicate"] == "contributedToStandard"}
    assert got == {(firm, code) for firm in ("湖北齐星集团晶星公司", "随州市标准化研究院") for code in ("GB/T 38866-2020", "GB/T 38867-2020")}
