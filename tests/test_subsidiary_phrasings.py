"""Phrasings of subsidiaryOf on general forms, one short invented phrase each (no report text):
a parent that set its unit up, Traditional 之 for 的, a grandchild firm, a 100% holding, a unit
whose building a body led. Controls: a joint venture gets no parent, a firm's anniversary no child.
"""

from __future__ import annotations

import pytest

from kg.nlp import extract_text


def _subs(phrase: str) -> set[tuple[str, str]]:
    result = extract_text(phrase)
    names = {e["id"]: e["name"] for e in result["entities"]}
    return {(names[r["subject"]], names[r["object"]]) for r in result["relations"] if r["predicate"] == "subsidiaryOf"}


@pytest.mark.parametrize(
    ("phrase", "child", "parent"),
    [
        ("长沙宏达电子有限公司投资成立了长沙宏达精密有限公司。", "长沙宏达精密有限公司", "长沙宏达电子有限公司"),
        ("长沙宏达电子有限公司出资设立长沙宏达精密有限公司。", "长沙宏达精密有限公司", "长沙宏达电子有限公司"),
        ("长沙宏达电子有限公司于2012年成立长沙宏达精密有限公司。", "长沙宏达精密有限公司", "长沙宏达电子有限公司"),
        ("長沙宏達電子有限公司投資設立長沙宏達精密有限公司。", "長沙宏達精密有限公司", "長沙宏達電子有限公司"),
        ("湖南大学设立湖南大学株洲研究院。", "湖南大学株洲研究院", "湖南大学"),
    ],
)
def test_a_parent_that_set_its_unit_up(phrase, child, parent):
    assert (child, parent) in _subs(phrase)


@pytest.mark.parametrize(
    "phrase",
    [
        "长沙宏达电子有限公司与湖南星海科技有限公司成立长沙宏达精密有限公司。",
        "长沙宏达电子有限公司和湖南星海科技有限公司共同出资设立长沙宏达精密有限公司。",
        "长沙宏达电子有限公司成立30周年。",
    ],
)
def test_a_joint_venture_or_an_anniversary_gets_no_parent(phrase):
    assert not _subs(phrase)


@pytest.mark.parametrize(
    ("phrase", "child", "parent"),
    [
        ("由长沙宏达电子有限公司投资设立的长沙宏达精密有限公司获奖。", "长沙宏达精密有限公司", "长沙宏达电子有限公司"),
        ("由湖南大学创办的湖南大学株洲研究院揭牌。", "湖南大学株洲研究院", "湖南大学"),
    ],
)
def test_a_unit_set_up_by_a_parent_named_after_you(phrase, child, parent):
    assert (child, parent) in _subs(phrase)


@pytest.mark.parametrize(
    ("phrase", "child", "parent"),
    [
        ("長沙宏達精密有限公司為長沙宏達電子有限公司之全資子公司。", "長沙宏達精密有限公司", "長沙宏達電子有限公司"),
        ("長沙宏達電子有限公司之全資子公司長沙宏達精密有限公司。", "長沙宏達精密有限公司", "長沙宏達電子有限公司"),
        ("長沙宏達電子有限公司100%持股之子公司長沙宏達精密有限公司。", "長沙宏達精密有限公司", "長沙宏達電子有限公司"),
        ("长沙宏达电子有限公司的全资孙公司长沙宏达精密有限公司。", "长沙宏达精密有限公司", "长沙宏达电子有限公司"),
        ("长沙宏达精密有限公司是长沙宏达电子有限公司的全资孙公司。", "长沙宏达精密有限公司", "长沙宏达电子有限公司"),
    ],
)
def test_a_child_firm_in_traditional_prose_or_a_grandchild(phrase, child, parent):
    assert (child, parent) in _subs(phrase)


def test_a_centre_whose_building_a_body_led():
    assert ("湖南省智能制造创新中心", "湖南大学") in _subs("湖南大学牵头建设的湖南省智能制造创新中心通过验收。")


@pytest.mark.parametrize(
    ("phrase", "child", "parent"),
    [
        ("中南大学湘雅医院是中南大学的附属医院。", "中南大学湘雅医院", "中南大学"),
        ("湖南省标准化研究院下设湖南省标准信息中心。", "湖南省标准信息中心", "湖南省标准化研究院"),
        ("湖南省标准化研究院下设的湖南省标准信息中心揭牌。", "湖南省标准信息中心", "湖南省标准化研究院"),
        ("湖南省市场监督管理局直属的湖南省标准化研究院发布报告。", "湖南省标准化研究院", "湖南省市场监督管理局"),
        ("湖南省标准化研究院是湖南省市场监督管理局所属公益一类事业单位。", "湖南省标准化研究院", "湖南省市场监督管理局"),
    ],
)
def test_an_institution_under_another_body(phrase, child, parent):
    assert (child, parent) in _subs(phrase)


@pytest.mark.parametrize(
    ("phrase", "child", "parent"),
    [
        ("長沙宏達精密有限公司的母公司長沙宏達電子有限公司宣布。", "長沙宏達精密有限公司", "長沙宏達電子有限公司"),
        ("長沙宏達精密有限公司母公司為長沙宏達電子有限公司。", "長沙宏達精密有限公司", "長沙宏達電子有限公司"),
        ("长沙宏达精密有限公司的控股股东为长沙宏达电子有限公司。", "长沙宏达精密有限公司", "长沙宏达电子有限公司"),
        ("长沙宏达精密有限公司由长沙宏达电子有限公司100%控股。", "长沙宏达精密有限公司", "长沙宏达电子有限公司"),
        ("长沙宏达电子有限公司持有长沙宏达精密有限公司100%股权。", "长沙宏达精密有限公司", "长沙宏达电子有限公司"),
    ],
)
def test_a_parent_named_after_its_unit_or_a_majority_holding(phrase, child, parent):
    assert (child, parent) in _subs(phrase)


def test_a_minority_stake_makes_no_subsidiary():
    assert not _subs("长沙宏达电子有限公司持有长沙宏达精密有限公司30%股权。")


@pytest.mark.parametrize(
    "phrase",
    [
        "依托中南大学的粉末冶金国家重点实验室通过评估。",
        "粉末冶金国家重点实验室依托中南大学，主要从事材料研究。",
        "粉末冶金国家重点实验室依托于中南大学。",
        "粉末冶金国家重点实验室（依托单位：中南大学）通过评估。",
        "粉末冶金国家重点实验室由中南大学承建。",
    ],
)
def test_a_laboratory_and_its_host(phrase):
    assert ("粉末冶金国家重点实验室", "中南大学") in _subs(phrase)


def test_a_builder_of_a_site_is_no_parent():
    assert not _subs("株洲数据中心由长沙宏达建设有限公司承建。")


@pytest.mark.parametrize(
    "phrase",
    ["雲高精密股份有限公司，為長沙宏達電子有限公司百分之百持股子公司。", "雲高精密股份有限公司是長沙宏達電子有限公司100%持股的子公司。"],
)
def test_a_wholly_held_subsidiary_named_by_its_holding(phrase):
    assert ("雲高精密股份有限公司", "長沙宏達電子有限公司") in _subs(phrase)


@pytest.mark.parametrize(
    "phrase",
    [
        "长沙宏达电子有限公司控股湖南星海科技有限公司。",
        "湖南星海科技有限公司被长沙宏达电子有限公司收购。",
        "湖南星海科技有限公司并入长沙宏达电子有限公司。",
        "长沙宏达电子有限公司于2019年全资收购湖南星海科技有限公司。",
        "长沙宏达电子有限公司以3亿元收购湖南星海科技有限公司。",
    ],
)
def test_an_acquired_or_held_firm(phrase):
    assert ("湖南星海科技有限公司", "长沙宏达电子有限公司") in _subs(phrase)


def test_a_holding_groups_name_keeps_its_word_for_holding():
    result = extract_text("华菱控股集团有限公司发布公告。")
    assert "华菱控股集团有限公司" in {e["name"] for e in result["entities"]}
