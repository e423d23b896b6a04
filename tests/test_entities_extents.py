"""Name extents (issue 13, boundaries and recall): spans the suffix rules ran over a clause, a
kind or a count, and short firm names that structure alone shows to be names.

One test per pattern family, each on short phrases written for the test (no report text), with a
control that the names beside the failing span are still found.
"""

from __future__ import annotations

from kg.nlp import extract_text


def _typed(phrase: str) -> set[tuple[str, str]]:
    return {(e["type"], e["name"]) for e in extract_text(phrase)["entities"]}


def test_a_list_item_never_runs_over_a_preposition_or_a_park_to_a_firms_suffix():
    names = _typed("屯门工业邨、荃湾工业邨和沙田工业邨由华盛科技园公司负责管理。")
    assert ("Company", "华盛科技园公司") in names
    assert ("Park", "荃湾工业邨") in names and ("Park", "沙田工业邨") in names
    assert not any("由" in n for _, n in names)
