"""The divisions family on short invented phrases (no report text): a place stated by a copula to
be a division of another is located in it; a place compared with another is not."""

from __future__ import annotations

import pytest

from kg.nlp import extract_text


def _located(text: str) -> set[tuple[str, str]]:
    result = extract_text(text)
    names = {e["id"]: e["name"] for e in result["entities"]}
    return {(names[r["subject"]], names[r["object"]]) for r in result["relations"] if r["predicate"] == "locatedIn"}


@pytest.mark.parametrize("text, child, parent", [
    ("天元区是株洲市的中心城区。", "天元区", "株洲市"),
    ("醴陵市是株洲市代管的县级市。", "醴陵市", "株洲市"),
    ("长沙县为长沙市下辖的一个县。", "长沙县", "长沙市"),
    ("醴陵市位于湖南省东部，是株洲市代管的县级市。", "醴陵市", "株洲市"),
])
def test_a_place_stated_to_be_a_division_of_another_is_in_it(text, child, parent):
    assert (child, parent) in _located(text)


def test_a_place_compared_with_another_is_not_in_it():
    assert not _located("株洲市是长沙市的重要合作伙伴。")
    assert not _located("株洲市与长沙市的经济总量相当。")
