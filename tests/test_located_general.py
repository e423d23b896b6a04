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


@pytest.mark.parametrize("text, subject, where", [
    ("湖南星辰科技有限公司作为株洲高新区的龙头企业，带动了产业发展。", "湖南星辰科技有限公司", "株洲高新区"),
    ("湖南星辰科技有限公司是株洲高新区引进的重点企业。", "湖南星辰科技有限公司", "株洲高新区"),
    ("湖南月亮电子有限公司作为湘潭市培育的专精特新企业，获得支持。", "湖南月亮电子有限公司", "湘潭市"),
    ("湖南太阳机械有限公司是醴陵经开区内一家老牌企业。", "湖南太阳机械有限公司", "醴陵经开区"),
    ("株洲高新区作为株洲市的重点园区，发展迅速。", "株洲高新区", "株洲市"),
])
def test_a_body_as_or_is_the_firm_a_park_or_place_brought_in_or_holds_lies_in_it(text, subject, where):
    assert (subject, "locatedIn", where) in _read(text)


def test_a_firm_as_another_firm_s_supplier_is_not_placed():
    relations = _read("湖南星辰科技有限公司作为华为技术有限公司的供应商企业，发展迅速。")
    assert not any(p == "locatedIn" and s == "湖南星辰科技有限公司" for s, p, _ in relations)


@pytest.mark.parametrize("text, firm, where", [
    ("湖南星辰科技有限公司坐落于美丽的株洲高新区。", "湖南星辰科技有限公司", "株洲高新区"),
    ("湖南月亮电子有限公司位于风景秀丽的湘潭市。", "湖南月亮电子有限公司", "湘潭市"),
    ("湖南太阳机械有限公司地处素有“瓷城”之称的醴陵市。", "湖南太阳机械有限公司", "醴陵市"),
    ("湖南星辰科技有限公司落户在美丽的醴陵经开区。", "湖南星辰科技有限公司", "醴陵经开区"),
    ("湖南星辰科技股份有限公司位於風景秀麗的苗栗縣。", "湖南星辰科技股份有限公司", "苗栗縣"),
])
def test_a_descriptive_modifier_between_the_siting_verb_and_the_place_is_passed_over(text, firm, where):
    assert (firm, "locatedIn", where) in _read(text)


@pytest.mark.parametrize("text, where", [
    ("株洲高新区培育了湖南星辰科技有限公司、湖南月亮电子有限公司等一批企业。", "株洲高新区"),
    ("近年来，醴陵经开区先后引进了湖南星辰科技有限公司、湖南月亮电子有限公司等一批重大项目。", "醴陵经开区"),
    ("湘潭市相继招引了湖南星辰科技有限公司、湖南月亮电子有限公司等企业。", "湘潭市"),
    ("株洲高新区已经孵化了湖南星辰科技有限公司、湖南月亮电子有限公司等企业。", "株洲高新区"),
])
def test_what_an_area_fostered_or_brought_in_lies_in_it(text, where):
    relations = _read(text)
    assert ("湖南星辰科技有限公司", "locatedIn", where) in relations
    assert ("湖南月亮电子有限公司", "locatedIn", where) in relations


@pytest.mark.parametrize("text", [
    "序号\t园区名称\t所在市州\n1\t株洲高新区\t株洲市\n2\t湘潭经开区\t湘潭市\n",
    "序号|地区|园区名称\n1|株洲市|株洲高新区\n2|湘潭市|湘潭经开区\n",
    "序号  园区名称  所属市州\n1  株洲高新区  株洲市\n2  湘潭经开区  湘潭市\n",
])
def test_a_table_of_parks_with_a_region_column_sites_each_park(text):
    relations = _read(text)
    assert ("株洲高新区", "locatedIn", "株洲市") in relations
    assert ("湘潭经开区", "locatedIn", "湘潭市") in relations


@pytest.mark.parametrize("text, members, where", [
    ("株洲市的株洲高新区和醴陵经开区获评优秀园区。", ("株洲高新区", "醴陵经开区"), "株洲市"),
    ("湘潭市的湘潭经开区及湘潭高新区获批扩区。", ("湘潭经开区", "湘潭高新区"), "湘潭市"),
    ("株洲市所辖的醴陵市、攸县获评先进。", ("醴陵市", "攸县"), "株洲市"),
    ("湘潭市管辖的湘乡市、韶山市获评先进。", ("湘乡市", "韶山市"), "湘潭市"),
])
def test_the_parks_or_places_listed_after_p_de_or_p_suoxia_de_lie_in_it(text, members, where):
    relations = _read(text)
    for member in members:
        assert (member, "locatedIn", where) in relations


def test_two_firms_joined_by_he_after_p_de_are_not_both_taken():
    relations = _read("株洲市的湖南星辰科技有限公司和湖南月亮电子有限公司签约。")
    assert ("湖南月亮电子有限公司", "locatedIn", "株洲市") not in relations


@pytest.mark.parametrize("text, firm, where", [
    ("作为株洲高新区的重点企业，湖南星辰科技有限公司去年产值突破10亿元。", "湖南星辰科技有限公司", "株洲高新区"),
    ("作为湘潭市培育的专精特新企业之一，湖南月亮电子有限公司去年产值翻番。", "湖南月亮电子有限公司", "湘潭市"),
    ("作為台南科學園區的指標廠商，星辰科技股份有限公司去年營收成長。", "星辰科技股份有限公司", "台南科學園區"),
    ("株洲高新区举行签约仪式。作为园区龙头企业，湖南星辰科技有限公司去年产值突破10亿元。", "湖南星辰科技有限公司", "株洲高新区"),
])
def test_a_frame_as_a_park_s_or_place_s_firm_places_the_firm_after_it(text, firm, where):
    assert (firm, "locatedIn", where) in _read(text)


def test_a_frame_as_a_park_s_owner_does_not_place_the_owner():
    relations = _read("作为株洲高新区的业主单位，湖南星辰投资有限公司加大招商力度。")
    assert not any(p == "locatedIn" and s == "湖南星辰投资有限公司" for s, p, _ in relations)


@pytest.mark.parametrize("text, firms, where", [
    ("湖南星辰科技有限公司来自株洲市。", ("湖南星辰科技有限公司",), "株洲市"),
    ("湖南星辰科技有限公司和湖南月亮电子有限公司均来自湖南省株洲市。", ("湖南星辰科技有限公司", "湖南月亮电子有限公司"), "株洲市"),
    ("获奖的湖南太阳机械有限公司来自醴陵经开区，去年营收10亿元。", ("湖南太阳机械有限公司",), "醴陵经开区"),
    ("星辰科技股份有限公司來自台南市。", ("星辰科技股份有限公司",), "台南市"),
])
def test_a_firm_that_comes_from_a_place_lies_in_it(text, firms, where):
    relations = _read(text)
    for firm in firms:
        assert (firm, "locatedIn", where) in relations


def test_a_firm_s_orders_from_a_place_do_not_place_it():
    relations = _read("湖南星辰科技有限公司来自株洲市的客户订单增长。")
    assert ("湖南星辰科技有限公司", "locatedIn", "株洲市") not in relations


@pytest.mark.parametrize("text, firm, where", [
    ("湖南星辰科技有限公司是一家株洲本土企业。", "湖南星辰科技有限公司", "株洲"),
    ("湖南月亮电子有限公司是湘潭本地企业之一。", "湖南月亮电子有限公司", "湘潭"),
    ("湖南星辰科技有限公司，株洲市一家民营企业，去年获奖。", "湖南星辰科技有限公司", "株洲市"),
    ("湖南太阳机械有限公司，醴陵经开区的一家高新技术企业，去年获奖。", "湖南太阳机械有限公司", "醴陵经开区"),
])
def test_a_firm_called_a_place_s_firm_without_de_or_in_apposition_lies_in_it(text, firm, where):
    assert (firm, "locatedIn", where) in _read(text)


def test_a_place_s_kind_that_ends_its_clause_qualifies_no_firm_after_the_comma():
    relations = _read("湖南星辰科技有限公司是长沙企业，湖南月亮电子有限公司是株洲企业。")
    assert ("湖南月亮电子有限公司", "locatedIn", "长沙") not in relations
    assert ("湖南月亮电子有限公司", "locatedIn", "株洲") in relations


@pytest.mark.parametrize("text", [
    "据悉，株洲高新区已聚集企业535家。仅今年上半年就聚集了湖南星辰科技有限公司、湖南月亮电子有限公司等225家企业。",
    "株洲高新区目前已集聚企业500余家。今年以来，先后引进了湖南星辰科技有限公司、湖南月亮电子有限公司等项目。",
    "株洲高新区举行签约仪式。园区位于株洲市。近年来，该区累计引进企业300家。今年又引进了湖南星辰科技有限公司、湖南月亮电子有限公司等企业。",
])
def test_a_sentence_with_no_subject_goes_on_gathering_for_the_area_before(text):
    relations = _read(text)
    assert ("湖南星辰科技有限公司", "locatedIn", "株洲高新区") in relations
    assert ("湖南月亮电子有限公司", "locatedIn", "株洲高新区") in relations


def test_a_subjectless_gathering_after_a_sentence_that_gathers_nothing_places_nothing():
    relations = _read("株洲高新区举行签约仪式。今年又引进了湖南星辰科技有限公司、湖南月亮电子有限公司等企业。")
    assert ("湖南星辰科技有限公司", "locatedIn", "株洲高新区") not in relations


@pytest.mark.parametrize("text, subject, where", [
    ("醴陵经开区由醴陵市管辖。", "醴陵经开区", "醴陵市"),
    ("湘潭经开区归湘潭市管理。", "湘潭经开区", "湘潭市"),
    ("醴陵市由株洲市代管。", "醴陵市", "株洲市"),
    ("醴陵经开区目前由醴陵市直接管理。", "醴陵经开区", "醴陵市"),
    ("醴陵经开区所在地醴陵市经济发展迅速。", "醴陵经开区", "醴陵市"),
    ("醴陵经开区设立于2003年，地处湘赣边区的醴陵市。", "醴陵经开区", "醴陵市"),
    ("湖南星辰科技有限公司位于湘江之滨的株洲市。", "湖南星辰科技有限公司", "株洲市"),
])
def test_a_park_or_place_run_by_a_place_or_sited_after_a_geographic_modifier_lies_in_it(text, subject, where):
    assert (subject, "locatedIn", where) in _read(text)


@pytest.mark.parametrize("text, places, where", [
    ("湖南省公布专精特新企业名单\n近日，湖南省公布名单。我省株洲市、湘潭市表现突出。", ("株洲市", "湘潭市"), "湖南省"),
    ("株洲市公布名单\n近日，株洲市公布名单。我市天元区、芦淞区表现突出。", ("天元区", "芦淞区"), "株洲市"),
    ("株洲市公布名单\n近日，株洲市公布名单。我市的醴陵市表现突出。", ("醴陵市",), "株洲市"),
])
def test_places_right_after_an_anaphor_of_the_report_s_place_lie_in_it(text, places, where):
    relations = _read(text)
    for place in places:
        assert (place, "locatedIn", where) in relations


def test_a_place_of_the_same_level_after_the_anaphor_is_not_placed():
    relations = _read("株洲市公布名单\n近日，株洲市公布名单。与我市湘潭市相比，差距明显。")
    assert ("湘潭市", "locatedIn", "株洲市") not in relations


@pytest.mark.parametrize("text, firms, where", [
    ("株洲市公布名单\n近日，株洲市公布名单。湖南星辰科技有限公司是我市唯一入选的企业。", ("湖南星辰科技有限公司",), "株洲市"),
    ("株洲市公布名单\n近日，株洲市公布名单。市内企业湖南星辰科技有限公司、湖南月亮电子有限公司入选。", ("湖南星辰科技有限公司", "湖南月亮电子有限公司"), "株洲市"),
    ("苗栗縣政府公布名單\n苗栗縣今日公布名單。縣內企業星辰科技股份有限公司、月亮電子股份有限公司獲獎。", ("星辰科技股份有限公司", "月亮電子股份有限公司"), "苗栗縣"),
    ("株洲市公布名单\n近日，株洲市公布名单。湖南星辰科技有限公司、湖南月亮电子有限公司等我市企业入选。", ("湖南星辰科技有限公司", "湖南月亮电子有限公司"), "株洲市"),
    ("株洲市公布名单\n近日，株洲市公布名单。湖南星辰科技有限公司等5家本市企业入选。", ("湖南星辰科技有限公司",), "株洲市"),
])
def test_firms_named_with_an_anaphor_of_the_report_s_place_and_a_kind_lie_in_it(text, firms, where):
    relations = _read(text)
    for firm in firms:
        assert (firm, "locatedIn", where) in relations


@pytest.mark.parametrize("text, parts, whole", [
    ("株洲高新区由董家塅高科园、栗雨工业园和田心高科园组成。", ("董家塅高科园", "栗雨工业园", "田心高科园"), "株洲高新区"),
    ("株洲高新区主要由董家塅高科园、栗雨工业园等3个园区构成。", ("董家塅高科园", "栗雨工业园"), "株洲高新区"),
    ("株洲市由芦淞区、荷塘区、石峰区和天元区组成。", ("芦淞区", "荷塘区", "石峰区", "天元区"), "株洲市"),
    ("长沙高新区的麓谷产业园获评优秀园区。", ("麓谷产业园",), "长沙高新区"),
    ("株洲高新区的天易工业园区扩建。", ("天易工业园区",), "株洲高新区"),
])
def test_the_parts_of_a_park_or_place_lie_in_it(text, parts, whole):
    relations = _read(text)
    for part in parts:
        assert (part, "locatedIn", whole) in relations


def test_a_zone_after_another_zone_s_de_is_its_peer():
    relations = _read("株洲高新区的株洲经开区获评优秀园区。")
    assert ("株洲经开区", "locatedIn", "株洲高新区") not in relations


@pytest.mark.parametrize("text, firm, park", [
    ("株洲高新区举行签约仪式\n近日，株洲高新区举行签约仪式。高新区企业湖南星辰科技有限公司获评专精特新企业。", "湖南星辰科技有限公司", "株洲高新区"),
    ("株洲高新区举行签约仪式\n近日，株洲高新区举行签约仪式。湖南星辰科技有限公司落户高新区。", "湖南星辰科技有限公司", "株洲高新区"),
    ("株洲经开区举行签约仪式\n近日，株洲经开区举行签约仪式。湖南星辰科技有限公司位于经开区。", "湖南星辰科技有限公司", "株洲经开区"),
    ("湘潭经济技术开发区举行签约仪式\n近日，湘潭经济技术开发区举行签约仪式。湖南月亮电子有限公司入驻经开区。", "湖南月亮电子有限公司", "湘潭经济技术开发区"),
])
def test_the_short_form_of_the_report_s_park_alone_is_its_anaphor(text, firm, park):
    assert (firm, "locatedIn", park) in _read(text)


@pytest.mark.parametrize("text", [
    "株洲经开区举行签约仪式\n近日，株洲经开区举行签约仪式。在全国经开区中，湖南星辰科技有限公司排名靠前。",
    "株洲经开区举行签约仪式\n近日，株洲经开区举行签约仪式。湖南星辰科技有限公司入驻高新区。",
])
def test_a_short_form_of_a_kind_or_of_another_park_s_kind_is_not_the_report_s_park(text):
    relations = _read(text)
    assert ("湖南星辰科技有限公司", "locatedIn", "株洲经开区") not in relations


def test_a_park_s_short_form_before_a_firm_is_cut_from_the_firm_and_read_as_the_park():
    text = "株洲高新区举行签约仪式\n近日，株洲高新区举行签约仪式。高新区湖南星辰科技有限公司获评专精特新企业。"
    result = extract_text(text)
    assert ("Company", "湖南星辰科技有限公司") in {(e["type"], e["name"]) for e in result["entities"]}
    assert ("湖南星辰科技有限公司", "locatedIn", "株洲高新区") in _read(text)


def test_a_firm_name_that_opens_on_a_park_s_kind_is_not_cut():
    result = extract_text("开发区建设投资有限公司成立。")
    assert ("Company", "开发区建设投资有限公司") in {(e["type"], e["name"]) for e in result["entities"]}


@pytest.mark.parametrize("text, body, where", [
    ("三、联络窗口\n湖南省质量协会\n电话：0731-1234567\n地址：湖南省长沙市岳麓区麓山南路1号", "湖南省质量协会", "岳麓区"),
    ("联系单位：湖南星辰科技有限公司\n地址：410000 株洲市天元区珠江北路1号", "湖南星辰科技有限公司", "天元区"),
    ("湖南星辰科技有限公司\n电话：0731-1234567 地址：株洲高新区珠江北路1号", "湖南星辰科技有限公司", "株洲高新区"),
    ("三、聯絡窗口\n湖南省品質協會\n電話:02-1234-5678\n地址:106 臺北市羅斯福路 2 段 95 號", "湖南省品質協會", "臺北市"),
])
def test_the_body_of_a_contact_block_lies_in_its_address_s_place(text, body, where):
    assert (body, "locatedIn", where) in _read(text)


def test_an_address_inside_prose_is_not_a_contact_block():
    relations = _read("湖南星辰科技有限公司获奖。\n该公司新厂地址：株洲高新区珠江北路1号")
    assert ("湖南星辰科技有限公司", "locatedIn", "株洲高新区") not in relations


@pytest.mark.parametrize("text, groups", [
    ("一、株洲高新区\n湖南星辰科技有限公司\n湖南月亮电子有限公司\n二、湘潭经开区\n湖南太阳机械有限公司",
     {"湖南星辰科技有限公司": "株洲高新区", "湖南月亮电子有限公司": "株洲高新区", "湖南太阳机械有限公司": "湘潭经开区"}),
    ("株洲高新区（3家）\n湖南星辰科技有限公司\n湖南月亮电子有限公司\n湖南雨水科技有限公司",
     {"湖南星辰科技有限公司": "株洲高新区", "湖南雨水科技有限公司": "株洲高新区"}),
    ("【新竹科學園區】\n1.星辰科技股份有限公司\n2.月亮電子股份有限公司",
     {"星辰科技股份有限公司": "新竹科學園區", "月亮電子股份有限公司": "新竹科學園區"}),
])
def test_a_park_heading_heads_the_firms_listed_under_it(text, groups):
    relations = _read(text)
    for firm, park in groups.items():
        assert (firm, "locatedIn", park) in relations
    assert ("湖南太阳机械有限公司", "locatedIn", "株洲高新区") not in relations


def test_a_park_that_is_an_item_of_a_numbered_list_heads_nothing():
    relations = _read("1. 株洲高新区\n2. 湘潭经开区\n3. 湖南星辰科技有限公司")
    assert not any(p == "locatedIn" and s == "湖南星辰科技有限公司" for s, p, _ in relations)


def test_each_park_of_a_list_takes_the_place_in_its_own_bracket():
    relations = _read("入选园区：株洲高新区（湖南）、赣州经开区（江西）、南昌高新区（江西）")
    assert ("株洲高新区", "locatedIn", "湖南") in relations
    assert ("赣州经开区", "locatedIn", "江西") in relations
    assert ("南昌高新区", "locatedIn", "江西") in relations


@pytest.mark.parametrize("text, firm, where", [
    ("湖南星辰科技有限公司已在株洲高新区落地投产。", "湖南星辰科技有限公司", "株洲高新区"),
    ("湖南月亮电子有限公司在湘潭经开区注册。", "湖南月亮电子有限公司", "湘潭经开区"),
    ("湖南星辰科技有限公司选址株洲高新区建设新工厂。", "湖南星辰科技有限公司", "株洲高新区"),
    ("湖南太阳机械有限公司布局醴陵经开区。", "湖南太阳机械有限公司", "醴陵经开区"),
    ("湖南星辰科技有限公司把生产基地建在了株洲高新区。", "湖南星辰科技有限公司", "株洲高新区"),
    ("湖南月亮电子有限公司已进驻湘潭经开区。", "湖南月亮电子有限公司", "湘潭经开区"),
])
def test_more_verbs_of_settling_place_the_firm(text, firm, where):
    assert (firm, "locatedIn", where) in _read(text)


@pytest.mark.parametrize("text, park", [
    ("湖南星辰科技有限公司选址株洲高新区建设新工厂。", "株洲高新区"),
    ("湖南星辰科技有限公司布局株洲高新区。", "株洲高新区"),
    ("株洲高新区辖董家塅高科园、栗雨工业园两个园区。", "董家塅高科园"),
])
def test_a_verb_of_siting_before_a_park_is_not_part_of_its_name(text, park):
    result = extract_text(text)
    assert ("Park", park) in {(e["type"], e["name"]) for e in result["entities"]}


@pytest.mark.parametrize("text, where", [
    ("湖南星辰科技有限公司、湖南月亮电子有限公司均为株洲企业。", "株洲"),
    ("湖南星辰科技有限公司和湖南月亮电子有限公司都是株洲市的企业。", "株洲市"),
    ("湖南星辰科技有限公司、湖南月亮电子有限公司（均为株洲高新区企业）入选。", "株洲高新区"),
    ("湖南星辰科技有限公司、湖南月亮电子有限公司两家湘潭企业入选。", "湘潭"),
])
def test_a_list_of_firms_all_of_a_place_s_kind_lies_in_it(text, where):
    relations = _read(text)
    assert ("湖南星辰科技有限公司", "locatedIn", where) in relations
    assert ("湖南月亮电子有限公司", "locatedIn", where) in relations


def test_a_list_of_firms_that_signs_with_a_place_is_not_placed():
    relations = _read("湖南星辰科技有限公司、湖南月亮电子有限公司两家企业与株洲市签约。")
    assert ("湖南星辰科技有限公司", "locatedIn", "株洲市") not in relations


@pytest.mark.parametrize("sentence, where", [
    ("园区位于株洲市河西。", "株洲市"),
    ("该区地处株洲市西部。", "株洲市"),
    ("高新区位于株洲市。", "株洲市"),
    ("园区是株洲市唯一的国家级高新区。", "株洲市"),
    ("作为株洲市的国家级高新区，园区发展迅速。", "株洲市"),
])
def test_the_report_s_park_sited_by_its_anaphor_lies_in_the_place(sentence, where):
    text = "株洲高新区举行签约仪式\n近日，株洲高新区举行签约仪式。" + sentence
    assert ("株洲高新区", "locatedIn", where) in _read(text)


def test_the_report_s_park_that_signs_with_a_place_is_not_in_it():
    text = "株洲高新区举行签约仪式\n近日，株洲高新区举行签约仪式。园区与长沙市签约合作。"
    assert ("株洲高新区", "locatedIn", "长沙市") not in _read(text)


@pytest.mark.parametrize("sentence, where", [
    ("该公司位于株洲高新区。", "株洲高新区"),
    ("公司地处株洲市天元区，交通便利。", "天元区"),
    ("目前，该企业位于湘潭经开区。", "湘潭经开区"),
])
def test_a_firm_s_anaphor_that_lies_in_a_place_is_the_firm_named_before(sentence, where):
    text = "湖南星辰科技有限公司获评专精特新企业\n湖南星辰科技有限公司成立于2010年。" + sentence
    assert ("湖南星辰科技有限公司", "locatedIn", where) in _read(text)


def test_a_firm_s_anaphor_before_a_place_that_qualifies_a_noun_is_not_sited():
    text = "湖南星辰科技有限公司获评专精特新企业\n湖南星辰科技有限公司成立于2010年。公司位于株洲市的客户很多。"
    assert ("湖南星辰科技有限公司", "locatedIn", "株洲市") not in _read(text)


@pytest.mark.parametrize("text, firm, where", [
    ("新竹科學園區業者星辰科技股份有限公司擴廠。", "星辰科技股份有限公司", "新竹科學園區"),
    ("苗栗在地業者星辰科技股份有限公司獲獎。", "星辰科技股份有限公司", "苗栗"),
    ("新竹科學園區廠商星辰科技股份有限公司、月亮電子股份有限公司擴廠。", "月亮電子股份有限公司", "新竹科學園區"),
])
def test_a_park_s_or_place_s_yezhe_or_changshang_before_firms_places_them(text, firm, where):
    assert (firm, "locatedIn", where) in _read(text)


@pytest.mark.parametrize("text, places, where", [
    ("株洲市芦淞区、荷塘区获评先进。", ("芦淞区", "荷塘区"), "株洲市"),
    ("湖南省长沙市、株洲市和湘潭市入选。", ("长沙市", "株洲市", "湘潭市"), "湖南省"),
    ("芦淞区（株洲市）获评先进。", ("芦淞区",), "株洲市"),
])
def test_places_listed_after_a_place_pair_or_a_place_in_brackets_lie_in_it(text, places, where):
    relations = _read(text)
    for place in places:
        assert (place, "locatedIn", where) in relations


def test_a_list_of_place_pairs_keeps_each_pair_s_own_place():
    relations = _read("湖南省长沙市、湖北省武汉市入选。")
    assert ("武汉市", "locatedIn", "湖南省") not in relations
    assert ("武汉市", "locatedIn", "湖北省") in relations


@pytest.mark.parametrize("text, where", [
    ("株洲高新区今年新落户湖南星辰科技有限公司、湖南月亮电子有限公司等项目。", "株洲高新区"),
    ("醴陵经开区新入驻湖南星辰科技有限公司、湖南月亮电子有限公司等企业。", "醴陵经开区"),
    ("株洲高新区新增湖南星辰科技有限公司、湖南月亮电子有限公司等企业。", "株洲高新区"),
    ("湘潭经开区今年以来，已集聚湖南星辰科技有限公司、湖南月亮电子有限公司等企业。", "湘潭经开区"),
])
def test_what_an_area_newly_settled_or_added_lies_in_it(text, where):
    relations = _read(text)
    assert ("湖南星辰科技有限公司", "locatedIn", where) in relations
    assert ("湖南月亮电子有限公司", "locatedIn", where) in relations


@pytest.mark.parametrize("text, where", [
    ("湖南星辰科技有限公司（株洲高新区企业）入选。", "株洲高新区"),
    ("湖南星辰科技有限公司（株洲高新区内）入选。", "株洲高新区"),
    ("湖南星辰科技有限公司（注册地：株洲市）入选。", "株洲市"),
    ("湖南星辰科技有限公司(所在地:株洲市)入选。", "株洲市"),
])
def test_a_bracket_naming_the_firm_s_place_with_a_label_or_kind_places_it(text, where):
    assert ("湖南星辰科技有限公司", "locatedIn", where) in _read(text)


@pytest.mark.parametrize("text, firm, where", [
    ("星辰科技有限公司，一間位於香港科學園的初創公司，獲獎。", "星辰科技有限公司", "香港科學園"),
    ("湖南星辰科技有限公司，一家位于株洲高新区的高新技术企业，获奖。", "湖南星辰科技有限公司", "株洲高新区"),
    ("一間位於觀塘的初創公司星辰科技有限公司獲獎。", "星辰科技有限公司", "觀塘"),
    ("位于湘潭经开区的企业湖南月亮电子有限公司获奖。", "湖南月亮电子有限公司", "湘潭经开区"),
])
def test_a_firm_described_as_one_sited_in_a_place_in_apposition_or_after_a_kind_lies_in_it(text, firm, where):
    assert (firm, "locatedIn", where) in _read(text)


@pytest.mark.parametrize("text, where", [
    ("湖南星辰科技有限公司、湖南月亮电子有限公司入选。这两家企业均位于株洲高新区。", "株洲高新区"),
    ("湖南星辰科技有限公司、湖南月亮电子有限公司入选，上述企业均来自株洲市。", "株洲市"),
    ("湖南星辰科技有限公司和湖南月亮电子有限公司获奖。以上企业都落户湘潭经开区。", "湘潭经开区"),
])
def test_the_list_named_before_an_anaphor_of_it_lies_where_the_anaphor_is_sited(text, where):
    relations = _read(text)
    assert ("湖南星辰科技有限公司", "locatedIn", where) in relations
    assert ("湖南月亮电子有限公司", "locatedIn", where) in relations


def test_an_anaphor_counting_other_than_the_list_places_none_of_it():
    relations = _read("湖南星辰科技有限公司、湖南月亮电子有限公司入选。这三家企业均位于株洲高新区。")
    assert ("湖南星辰科技有限公司", "locatedIn", "株洲高新区") not in relations


def test_members_before_a_place_its_count_and_a_kind_lie_in_the_place():
    relations = _read("湖南星辰科技有限公司、湖南月亮电子有限公司等湖南5家企业获评国家级绿色工厂。")
    assert ("湖南星辰科技有限公司", "locatedIn", "湖南") in relations
    assert ("湖南月亮电子有限公司", "locatedIn", "湖南") in relations
