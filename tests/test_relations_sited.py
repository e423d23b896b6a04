"""locatedIn rules on real reports: each rule's relations on dev reports that phrase it, against the
dev gold (tests/gold/real-dev.jsonl). Reports are read from ../shared/corpus at run time; nothing
here copies report text, and only dev reports are read.
"""

from __future__ import annotations

import json

import pytest

from kg.eval import normalise_name
from kg.nlp import extract
from kg.reading import read_report
from tests.conftest import ROOT

GOLD = {json.loads(line)["doc"]: json.loads(line) for line in (ROOT / "tests/gold/real-dev.jsonl").read_text().splitlines() if line.strip()}


def _names(e: dict) -> frozenset[str]:
    return frozenset(normalise_name(n) for n in [e["name"], *e.get("aliases", [])] if n)


def located(doc: str, corpus_docs, rule: str | None = None) -> tuple[set[tuple], set[tuple]]:
    """The report's locatedIn pairs that ``rule`` made (as name sets) that the gold holds, and those it does not."""
    pred = extract(read_report(corpus_docs / f"{doc}.txt"))
    ents = {e["id"]: e for e in pred["entities"]}
    gold = GOLD[doc]
    gents = {e["id"]: e for e in gold["entities"]}
    gpairs = [(_names(gents[r["subject"]]), gents[r["subject"]]["type"], _names(gents[r["object"]]), gents[r["object"]]["type"])
              for r in gold["relations"] if r["predicate"] == "locatedIn"]
    right, wrong = set(), set()
    for r in pred["relations"]:
        if r["predicate"] != "locatedIn" or (rule is not None and r["rule"] != rule):
            continue
        s, o = ents[r["subject"]], ents[r["object"]]
        pair = (s["name"], o["name"])
        if any(gs & _names(s) and st == s["type"] and go & _names(o) and ot == o["type"] for gs, st, go, ot in gpairs):
            right.add(pair)
        else:
            wrong.add(pair)
    return right, wrong


@pytest.mark.parametrize("doc, at_least", [("real-116", 8)])
def test_parks_a_clause_sets_up_on_the_basis_of_others_are_in_the_place_it_opens_on(doc, at_least, corpus_docs):
    """同意P以A、B为基础分别设立…，名称为“C”、“D”；Q以E为基础设立…: each park in its own clause's place."""
    right, wrong = located(doc, corpus_docs, "located.approval_basis.v1")
    assert len(right) >= at_least and not wrong, sorted(wrong)


@pytest.mark.parametrize("doc, at_least", [("real-262", 6), ("real-016", 1)])
def test_parks_an_approval_acts_on_are_in_the_place_it_is_addressed_to(doc, at_least, corpus_docs):
    """批复P…方案 … 撤销A，将其整体并入B，保留“C”牌子; 将A更名为B / 复函P人民政府，同意A更名为B."""
    right, wrong = located(doc, corpus_docs, "located.approval_acts.v1")
    assert len(right) >= at_least and not wrong, sorted(wrong)


@pytest.mark.parametrize("doc", ["real-052", "real-253", "real-009"])
def test_the_body_before_a_siting_verb_is_in_the_place_after_it(doc, corpus_docs):
    """X计划进驻P (the body nearest before the verb); …企业。在…下，公司落户于P (the firm a recent
    sentence was about); 批准成立X，并将设立在P (the body the clause before ends on)."""
    right, wrong = located(doc, corpus_docs, "located.siting_verb.v1")
    assert right and not wrong, sorted(wrong)


def test_the_settlers_a_siting_verbs_place_qualifies_are_in_it(corpus_docs):
    """设厂于P的业者，分别为A与B."""
    right, wrong = located("real-301", corpus_docs, "located.sited_at_de.v1")
    assert right and not wrong, sorted(wrong)


@pytest.mark.parametrize("doc, at_least", [("real-242", 4), ("real-136", 1), ("real-099", 1)])
def test_the_winners_of_a_places_share_are_in_it(doc, at_least, corpus_docs):
    """在P入围的N家企业中，… / 在P获得的…金奖中，A占了2项 / 本届X我省获奖专利中，A的“…”和B的“…”获…."""
    right, wrong = located(doc, corpus_docs, "located.share_frame.v1")
    assert len(right) >= at_least and not wrong, sorted(wrong)


def test_a_body_that_sets_up_in_the_reports_park_written_as_yuanqu_is_in_it(corpus_docs):
    """X在园区建成…基地 / Y在园区租用…建立…: 园区 is the park the report is about."""
    right, wrong = located("real-274", corpus_docs, "located.sited_at_area.v1")
    assert len(right) >= 2 and not wrong, sorted(wrong)


@pytest.mark.parametrize("doc", ["real-122", "real-285"])
def test_a_county_beside_the_set_of_its_citys_counties_lies_in_the_city(doc, corpus_docs):
    """A区…为P各县区最多 / 在Q市启动…在全市的N个县市区铺开 (全市: the report's city)."""
    right, wrong = located(doc, corpus_docs, "located.among_subunits.v1")
    assert right and not wrong, sorted(wrong)
