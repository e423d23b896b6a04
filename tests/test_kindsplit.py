"""A kind word between a place or park and a firm (kg.nlp.kindsplit): the firm keeps its own name
and lies in the place or park. Short invented phrases, no report text."""

from __future__ import annotations

import pytest

from kg.nlp import extract_text

FIRM = "华盛电子有限公司"


def _read(text: str) -> tuple[set[tuple[str, str]], set[tuple[str, str, str]]]:
    result = extract_text(text)
    names = {e["id"]: e["name"] for e in result["entities"]}
    entities = {(e["type"], e["name"]) for e in result["entities"]}
    relations = {(names[r["subject"]], r["predicate"], names[r["object"]]) for r in result["relations"]}
    return entities, relations


@pytest.mark.parametrize("text, holder, label", [
    (f"长沙企业{FIRM}获评示范企业。", "长沙", "Place"),
    (f"湖南本土企业{FIRM}获评示范企业。", "湖南", "Place"),
    (f"长沙高新区企业{FIRM}获评示范企业。", "长沙高新区", "Park"),
    ("新竹科學園區廠商華盛電子股份有限公司宣布擴廠。", "新竹科學園區", "Park"),
])
def test_a_firm_after_a_place_and_a_kind_word_keeps_its_name_and_lies_there(text, holder, label):
    entities, relations = _read(text)
    firm = "華盛電子股份有限公司" if "華盛" in text else FIRM
    assert ("Company", firm) in entities
    assert (label, holder) in entities
    assert (firm, "locatedIn", holder) in relations


def test_a_generic_set_before_the_kind_word_is_dropped_and_places_nothing():
    entities, relations = _read(f"民营企业{FIRM}获评示范企业。")
    assert entities == {("Company", FIRM)}
    assert not relations


@pytest.mark.parametrize("name", ["湖南叁农企业管理有限公司", "长沙中小企业服务中心有限公司", "华盛企业集团有限公司"])
def test_a_kind_word_that_goes_on_into_the_name_is_not_cut(name):
    entities, _ = _read(f"{name}获评示范企业。")
    assert ("Company", name) in entities


def test_a_park_that_lost_to_a_firm_s_longer_run_is_named_when_it_opens_its_clause():
    entities, relations = _read(f"浏阳经开区企业{FIRM}获奖。")
    assert ("Park", "浏阳经开区") in entities and (FIRM, "locatedIn", "浏阳经开区") in relations
    # in mid-clause too, now that 经开区 is no glued preposition's word (浏阳|经开区): as with 高新区
    for kind in ("经开区", "高新区"):
        entities, relations = _read(f"今年,推动浏阳{kind}企业{FIRM}发展。")
        assert (FIRM, "locatedIn", f"浏阳{kind}") in relations


@pytest.mark.parametrize("text, holder", [
    (f"{FIRM}是浏阳市的一家民营企业。", "浏阳市"),
    (f"{FIRM}是长沙高新区的重点企业。", "长沙高新区"),
    (f"{FIRM}是长沙市的龙头企业之一。", "长沙市"),
])
def test_a_firm_said_to_be_a_firm_of_a_place_lies_there(text, holder):
    assert (FIRM, "locatedIn", holder) in _read(text)[1]


def test_a_firm_said_to_be_something_else_of_a_place_is_not_placed():
    assert not _read(f"{FIRM}是湖南省的纳税大户。")[1]


@pytest.mark.parametrize("text, name, label", [
    ("长沙市推荐华盛电子有限公司申报湖南省省长质量奖。", "华盛电子有限公司", "Company"),
    ("华盛电子有限公司对标中国质量奖获奖企业。", "中国质量奖", "Award"),
])
def test_verbs_of_recommending_and_benchmarking_end_names(text, name, label):
    assert (label, name) in _read(text)[0]


def test_a_foreign_or_taiwanese_firm_s_kind_word_is_no_part_of_its_name():
    entities, _ = _read("一家外商英特格股份有限公司台灣分公司设厂。")
    assert ("Company", "英特格股份有限公司台灣分公司") in entities
    entities, _ = _read("华盛外商投资有限公司成立。")
    assert ("Company", "华盛外商投资有限公司") in entities


def test_a_count_and_a_kind_of_firm_before_an_award_verb_name_no_firm():
    entities, _ = _read("其中,华盛电子有限公司斩获金奖,3家株企荣获优秀奖。")
    assert not any(name.startswith("家") for _, name in entities)
    assert ("Company", "炎帝生物") in _read("炎帝生物获评高新技术企业。")[0]
