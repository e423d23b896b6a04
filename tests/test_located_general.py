"""locatedIn from general forms of park and company news (issue 12): lists grouped by place,
firms inside a park, a firm's standing in a park or place. Short invented phrases, no report text."""

from __future__ import annotations

import pytest

from kg.nlp import extract_text


def _read(text: str) -> set[tuple[str, str, str]]:
    result = extract_text(text)
    names = {e["id"]: e["name"] for e in result["entities"]}
    return {(names[r["subject"]], r["predicate"], names.get(r["object"], r["object"])) for r in result["relations"]}


@pytest.mark.parametrize("text, first, second", [
    ("株洲市（2家）：湖南星辰科技有限公司、湖南月亮电子有限公司；湘潭市（1家）：湖南太阳机械有限公司。", "株洲市", "湘潭市"),
    ("株洲市2家：湖南星辰科技有限公司、湖南月亮电子有限公司；湘潭市1家：湖南太阳机械有限公司。", "株洲市", "湘潭市"),
    ("株洲高新区(2家):湖南星辰科技有限公司、湖南月亮电子有限公司;湘潭经开区(1家):湖南太阳机械有限公司。", "株洲高新区", "湘潭经开区"),
    ("衡阳市（共2个）：湖南星辰科技有限公司、湖南月亮电子有限公司；岳阳市（共1个）：湖南太阳机械有限公司。", "衡阳市", "岳阳市"),
])
def test_a_list_grouped_by_place_gives_each_group_its_own_place(text, first, second):
    relations = _read(text)
    assert ("湖南星辰科技有限公司", "locatedIn", first) in relations
    assert ("湖南月亮电子有限公司", "locatedIn", first) in relations
    assert ("湖南太阳机械有限公司", "locatedIn", second) in relations
    assert ("湖南太阳机械有限公司", "locatedIn", first) not in relations


@pytest.mark.parametrize("text, firm, where", [
    ("株洲高新区内企业湖南星辰科技有限公司获得表彰。", "湖南星辰科技有限公司", "株洲高新区"),
    ("株洲高新区内的入驻企业湖南星辰科技有限公司获得表彰。", "湖南星辰科技有限公司", "株洲高新区"),
    ("醴陵经开区区内重点企业湖南月亮电子有限公司扩产。", "湖南月亮电子有限公司", "醴陵经开区"),
    ("株洲市境内重点企业湖南星辰科技有限公司获得表彰。", "湖南星辰科技有限公司", "株洲市"),
    ("湘潭市境内的龙头企业湖南太阳机械有限公司扩产。", "湖南太阳机械有限公司", "湘潭市"),
])
def test_a_firm_named_after_the_bounds_of_a_park_or_place_and_a_kind_word_lies_in_it(text, firm, where):
    assert (firm, "locatedIn", where) in _read(text)
