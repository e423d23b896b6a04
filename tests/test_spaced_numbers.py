"""Numbers written with a space beside the ideographs (2016 年度, 第 6 批, 等 4 人, 3 家企业), as PDF
copies and many web pages write them, read as written without the spaces. The phrases are written for
these tests (no report text).
"""

from __future__ import annotations

import pytest

from kg.nlp import extract_text
from tests.conftest import relations_by_name


def _won(text: str) -> dict[tuple[str, str], dict]:
    return relations_by_name(text, "receivedAward")


@pytest.mark.parametrize("text, pair, quals", [
    ("湖西省工业和信息化厅公布 2021 年度省级专精特新示范企业名单，长岭重工机械有限公司入选。",
     ("长岭重工机械有限公司", "省级专精特新示范企业"), {"year": 2021}),
    ("授予张明远等 3 人湖南省标准创新贡献奖突出贡献奖。", ("张明远", "湖南省标准创新贡献奖突出贡献奖"), {}),
    ("记者获悉，首届湖西市政府质量奖获奖名单出炉，长岭重工机械有限公司、北川精密仪器股份有限公司 2 家企业上榜。",
     ("北川精密仪器股份有限公司", "湖西市政府质量奖"), {"edition": 1}),
    ("长岭重工机械有限公司、北川精密仪器股份有限公司等 2 家企业获湖西市市长质量奖金奖。",
     ("长岭重工机械有限公司", "湖西市市长质量奖"), {"grade": "金奖"}),
])
def test_a_spaced_number_reads_as_the_number(text, pair, quals):
    won = _won(text)
    assert pair in won, sorted(won)
    assert {k: won[pair][k] for k in quals} == quals


def test_a_spaced_year_end_after_a_date_limit_is_the_reports_year():
    result = extract_text("截至 2021 年底，湖南省累计主导制定国际标准 15 项。")
    counts = [r for r in result["relations"] if r["predicate"] == "standardsCount"]
    assert counts and {r["year"] for r in counts} == {2021}


def test_a_spaced_count_in_ten_thousands_reads_as_one_number():
    result = extract_text("湖北省企业标准自我声明公开累计 6.36 万项。")
    assert [(r["object"], r["count"]) for r in result["relations"] if r["predicate"] == "standardsCount"] == [("enterprise", 63600)]


def test_firms_an_area_has_after_a_spaced_span_of_years_lie_in_it():
    result = extract_text("高雄加工出口區今年產值創新高。加工處指出，從 100 年至 103 年間，區內主要擴廠增資的廠商有"
                          "長嶺精密機械公司投資 8 億元；北川光電公司擴廠投資 5 億元。")
    names = {e["id"]: e["name"] for e in result["entities"]}
    got = {(names[r["subject"]], names[r["object"]]) for r in result["relations"] if r["predicate"] == "locatedIn"}
    assert ("北川光電公司", "高雄加工出口區") in got
