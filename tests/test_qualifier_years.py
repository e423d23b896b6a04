"""The year of a receivedAward is the award's round, never a year of the story around it.

A year that dates a beginning (从2012年开始…设立, 自2008年起, 创立于2001年, 2003年成立) is no round's
year, wherever the rules look for one (the report's first lines, the clause, the words between the
verb and the award); the year that opens a grant's sentence (2015年，A、B被评为X) dates the grant,
before any year the report's other mentions of the award carry. The phrases are written for these
tests (no report text).
"""

from __future__ import annotations

import pytest

from kg.nlp import extract_text
from tests.conftest import relations_by_name
from kg.nlp.relations.context import story_year
from kg.nlp.relations.qualifiers import round_years


def _won(text: str) -> dict[tuple[str, str], dict]:
    return relations_by_name(text, "receivedAward")


def _years(text: str, award: str) -> set:
    """The years every receivedAward of ``award`` carries (each rule's reading)."""
    result = extract_text(text)
    names = {e["id"]: e["name"] for e in result["entities"]}
    return {r["year"] for r in result["relations"] if r["predicate"] == "receivedAward" and names[r["object"]] == award}


@pytest.mark.parametrize("text, expected", [
    ("从2012年开始设立", set()),
    ("自2008年起增设", set()),
    ("分别创立于1999年和2005年", set()),
    ("2003年成立的公司", set()),
    ("2010年，市政府设立该奖", {2010}),  # the founding verb is not right after the year: kept
    ("2009年由省政府设立的质量奖", set()),
    ("按照2020年印发的评审办法", set()),
    ("2021年度质量奖名单", {2021}),
    ("杭政办函〔2024〕10号", set()),
    ("2018-2019年度", set()),
])
def test_round_years_leave_out_years_of_the_story(text, expected):
    assert round_years(text) == expected


def test_a_story_year_is_told_by_the_words_around_it():
    text = "早在1998年就已创办"
    assert story_year(text, 2, 6)
    assert not story_year("荣获2019年度奖", 2, 6)


def test_the_founding_year_in_the_first_lines_is_no_winners_year():
    text = ("湖西市第十二届市长质量奖揭晓\n据悉，从2012年开始，湖西市设立“湖西市市长质量奖”，已有30家企业获得该奖。\n"
            "长岭重工机械有限公司、北川精密仪器股份有限公司2家企业摘得“湖西市市长质量奖”。")
    assert _years(text, "湖西市市长质量奖") == {None}
    assert _won(text)[("长岭重工机械有限公司", "湖西市市长质量奖")]["edition"] == 12


def test_the_year_that_opens_the_grant_sentence_beats_the_years_of_other_mentions():
    text = ("湖西名牌产品表彰大会召开\n大会公布了2016年湖西名牌产品名单，并对获得2016年湖西名牌产品称号的企业进行了表彰。\n"
            "家具类进入评价目录是在2006年。2015年，长岭重工机械有限公司、北川精密仪器股份有限公司两家企业被评为湖西名牌产品。")
    assert _years(text, "湖西名牌产品") == {2015}


def test_a_firms_founding_year_in_the_clause_is_not_its_awards_year():
    assert _won("长岭重工机械有限公司2003年成立，荣获湖西省科学技术奖。")[("长岭重工机械有限公司", "湖西省科学技术奖")]["year"] is None
    assert _won("长岭重工机械有限公司成立于2003年，2019年荣获湖西省科学技术奖。")[("长岭重工机械有限公司", "湖西省科学技术奖")]["year"] == 2019


def test_a_rules_date_in_an_earlier_clause_is_not_the_holders_year():
    won = _won("按照2020年印发的评审办法，经过层层评审，长岭重工机械有限公司荣获湖西省质量奖。")
    assert won[("长岭重工机械有限公司", "湖西省质量奖")]["year"] is None
    won = _won("2019年，经过层层评审，长岭重工机械有限公司荣获湖西省质量奖。")
    assert won[("长岭重工机械有限公司", "湖西省质量奖")]["year"] == 2019


def test_the_round_a_winning_verb_names_beats_the_last_round_named():
    won = _won("湖西省经信委公布拟认定的第六批制造业单项冠军和拟通过复核的第三批制造业单项冠军名单，"
               "长岭重工机械有限公司和北川精密仪器股份有限公司2家企业上榜第六批制造业单项冠军，东湖新材料科技有限公司通过复核。")
    assert {won[(c, "制造业单项冠军")]["edition"] for c in ("长岭重工机械有限公司", "北川精密仪器股份有限公司")} == {6}


def test_a_date_clause_dates_the_clauses_after_it_until_the_next_one():
    text = ("2019年，长岭重工机械有限公司获批创建湖南省制造业创新中心，2020年，北川精密仪器股份有限公司、"
            "东湖新材料科技有限公司分别获批创建湖南省产业集群建设试点。")
    won = _won(text)
    assert won[("北川精密仪器股份有限公司", "湖南省产业集群建设试点")]["year"] == 2020


def test_a_year_right_before_a_verb_of_winning_is_the_grants_even_after_zi():
    assert not story_year("自2019年获批成为全国首批试点城市以来", 1, 5)
    assert story_year("自2019年起实施", 1, 5)
