"""The respectively family on short invented phrases (no report text): A、B分别V P1和P2 pairs the
i-th holder with the i-th object, and no other family adds the cross product in that clause."""

from __future__ import annotations

import pytest

from kg.nlp import extract_text


def _rels(text: str) -> set[tuple[str, str, str]]:
    result = extract_text(text)
    names = {e["id"]: e["name"] for e in result["entities"]}
    return {(names[r["subject"]], r["predicate"], names.get(r["object"], r["object"])) for r in result["relations"]}


A, B = "华盛电子有限公司", "宏达机械有限公司"


@pytest.mark.parametrize("text, pred, first, second", [
    (f"{A}和{B}分别落户长沙经济技术开发区和株洲高新区。", "locatedIn", "长沙经济技术开发区", "株洲高新区"),
    (f"{A}、{B}分别位于长沙市和株洲市。", "locatedIn", "长沙市", "株洲市"),
    (f"{A}、{B}分别获得湖南省省长质量奖和株洲市市长质量奖。", "receivedAward", "湖南省省长质量奖", "株洲市市长质量奖"),
    ("華盛光電股份有限公司、宏達生技股份有限公司分別進駐台南科學園區及高雄科學園區。", "locatedIn", "台南科學園區", "高雄科學園區"),
])
def test_the_ith_holder_goes_with_the_ith_object_and_only_with_it(text, pred, first, second):
    rels = {(s, o) for s, p, o in _rels(text) if p == pred}
    holders = sorted({s for s, _ in rels}, key=text.index)
    assert rels == {(holders[0], first), (holders[1], second)} and len(holders) == 2


def test_lists_of_different_lengths_are_not_paired():
    rels = _rels(f"{A}、{B}分别位于长沙市。")
    assert not any(p == "locatedIn" and o == "株洲市" for _, p, o in rels)
    # the one place is where both are (the ordinary reading)
    assert (A, "locatedIn", "长沙市") in rels and (B, "locatedIn", "长沙市") in rels


@pytest.mark.parametrize("text, first, second", [
    ("张建国、李红分别担任华盛电子有限公司董事长和总经理。", ("华盛电子有限公司", "董事长"), ("华盛电子有限公司", "总经理")),
    ("张建国和李红分别担任华盛电子有限公司董事长、宏达机械有限公司总经理。", ("华盛电子有限公司", "董事长"), ("宏达机械有限公司", "总经理")),
])
def test_each_person_holds_the_ith_post(text, first, second):
    result = extract_text(text)
    names = {e["id"]: e["name"] for e in result["entities"]}
    works = {(names[r["subject"]], names[r["object"]], r.get("role")) for r in result["relations"] if r["predicate"] == "worksFor"}
    assert works == {("张建国",) + first, ("李红",) + second}
