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
