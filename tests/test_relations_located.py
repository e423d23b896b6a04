"""locatedIn and subsidiaryOf rules on short invented phrases (no report text): one test per rule
or fix, each with a phrasing that must be read and one that must not."""

from __future__ import annotations

import pytest

from kg.nlp import extract_text
from kg.text import normalise_name


def _rels(text: str) -> dict[tuple[str, str, str], dict]:
    result = extract_text(text)
    names = {e["id"]: normalise_name(e["name"]) for e in result["entities"]}
    return {(names[r["subject"]], r["predicate"], names.get(r["object"], r["object"])): r for r in result["relations"]}


A, B = "华远精密机械有限公司", "嘉禾新材料股份有限公司"


@pytest.mark.parametrize("text, park", [
    (f"委员会通过{A}、{B}，2案在长沙经济技术开发区设立。", "长沙经济技术开发区"),
    (f"{A}及{B}选择在长沙经济技术开发区设立。", "长沙经济技术开发区"),
    (f"去年招引的{A}、{B}等2家企业已在长沙经济技术开发区注册。", "长沙经济技术开发区"),
])
def test_members_listed_before_zai_a_place_and_a_verb_of_setting_up_are_in_it(text, park):
    rels = _rels(text)
    for firm in (A, B):
        assert (firm, "locatedIn", park) in rels
    # the first member may be read by the sentence rules as the sentence's subject; the rest only by this one
    assert rels[(B, "locatedIn", park)]["rule"] == "located.members_settle_in.v1"


def test_members_before_zai_a_place_with_no_verb_of_setting_up_are_not_placed():
    rels = _rels(f"{A}、{B}在长沙经济技术开发区举办了招聘会。")
    assert not any(p == "locatedIn" and s in (A, B) for s, p, _ in rels)


@pytest.mark.parametrize("text", [
    f"科学技术部表示，{A}在长沙经济技术开发区投资建设新厂。",
    f"长沙市工业和信息化局局长张明说，{A}将落户长沙经济技术开发区。",
])
def test_the_body_that_speaks_is_not_the_one_that_settles(text):
    rels = _rels(text)
    assert not any(p == "locatedIn" and o == "长沙经济技术开发区" and s in ("科学技术部", "长沙市工业和信息化局") for s, p, o in rels)


def test_the_body_in_a_frame_around_the_sentence_is_not_the_one_that_settles():
    rels = _rels("在长沙县人民政府热情邀请下，公司落户于长沙经济技术开发区。")
    assert ("长沙县人民政府", "locatedIn", "长沙经济技术开发区") not in rels


@pytest.mark.parametrize("text", [
    f"记者获悉，4家长沙企业入围制造业单项冠军企业公示名单。示范企业2家。{A}、{B}入选制造业单项冠军示范企业。",
    f"由长沙企业牵头制定的3项国际标准正式发布。这3项标准分别由{A}和{B}制定，涉及连接器。",
    f"大会表扬了30家表现优秀的长沙本地企业。2个大奖得主分别为：{A}(设计)、{B}(创新)。",
])
def test_firms_a_sentence_counts_for_a_place_and_the_next_names_are_in_it(text):
    rels = _rels(text)
    for firm in (A, B):
        assert rels[(firm, "locatedIn", "长沙")]["rule"] == "located.counted_then_named.v1"


@pytest.mark.parametrize("text", [
    f"4家长沙企业入围公示名单。{A}董事长李明表示，将继续加大投入。",
    f"4家长沙企业入围公示名单。株洲市的{A}、{B}也在其中。",
    f"长沙企业积极参与标准制定。{A}、{B}入选示范企业。",
    f"2家长沙企业入围公示名单。{A}、{B}、天力电子科技有限公司入选示范企业。",
])
def test_no_count_or_no_list_opening_the_next_sentence_places_nothing(text):
    rels = _rels(text)
    assert not any(p == "locatedIn" and o == "长沙" for _, p, o in rels)


@pytest.mark.parametrize("text, place", [
    (f"湖南省湘绣、{A}、{B}3个品牌榜上有名。", "湖南省"),
    (f"近日，名单公布，湖南省的{A}、{B}等2家企业上榜。", "湖南省"),
])
def test_a_list_right_after_a_place_closed_by_its_count_and_a_selection_verb(text, place):
    rels = _rels(text)
    for firm in (A, B):
        assert (firm, "locatedIn", place) in rels
    assert rels[(B, "locatedIn", place)]["rule"] == "located.place_qualified_list.v1"


def test_we_set_against_the_city_just_named_is_not_that_city():
    rels = _rels(f"株洲市22个品牌上榜，我市湘绣、{A}、{B}3个品牌榜上有名。")
    assert not any(p == "locatedIn" and s in (A, B) and o == "株洲市" for s, p, o in rels)


@pytest.mark.parametrize("text, holder, place", [
    (f"{B}也成为湖南省唯一获此殊荣的企业。", B, "湖南省"),
    (f"{A}传来好消息，该公司荣获大奖，成为湖南省以及全国机械行业迄今为止唯一获此殊荣的企业。", A, "湖南省"),
    ("作为湖南唯一的国家级经济技术开发区，长沙经济技术开发区从政策、资金等方面下重力。", "长沙经济技术开发区", "湖南"),
    (f"{A}是湖南省首家获此殊荣的民营企业。", A, "湖南省"),
])
def test_the_first_or_only_one_of_a_province_or_city_lies_in_it(text, holder, place):
    assert _rels(text)[(holder, "locatedIn", place)]["rule"] == "located.first_or_only_in.v1"


@pytest.mark.parametrize("text, holder, place", [
    (f"{A}成为中国第一家专业研制精密机床的厂家。", A, "中国"),
    (f"{A}负责人表示，要帮助更多企业成为湖南省首家上市企业。", A, "湖南省"),
    (f"{A}所在的长沙是湖南省首个获此殊荣的城市。", A, "湖南省"),
])
def test_a_country_s_first_or_a_first_someone_else_aims_at_places_nothing(text, holder, place):
    assert (holder, "locatedIn", place) not in _rels(text)


def test_a_count_a_place_holds_echoed_by_the_next_sentence_before_its_list():
    rels = _rels(f"长沙市承担的两个项目通过验收。本次验收的两个项目分别由{A}和{B}完成。")
    for firm in (A, B):
        assert rels[(firm, "locatedIn", "长沙市")]["rule"] == "located.counted_then_named.v1"
    other = _rels(f"长沙市承担的两个项目通过验收。本次验收的三个项目分别由{A}和{B}完成。")
    assert not any(p == "locatedIn" and o == "长沙市" for _, p, o in other)


C = "天力电子科技有限公司"


def test_the_clause_after_a_placed_list_that_opens_on_firms_selected_the_same_way():
    rels = _rels(f"湖南省的{A}、{B}等2家企业入选示范企业，{C}数控机床入选单项冠军产品。")
    assert rels[(C, "locatedIn", "湖南省")]["rule"] == "located.parallel_clause.v1"


@pytest.mark.parametrize("text", [
    f"湖南省的{A}、{B}等2家企业入选示范企业，{C}负责人介绍了经验。",
    f"湖南省的{A}、{B}等2家企业入选示范企业，会上{C}数控机床入选单项冠军产品。",
])
def test_a_clause_not_selected_the_same_way_or_not_opening_on_a_firm_adds_nobody(text):
    assert (C, "locatedIn", "湖南省") not in _rels(text)


@pytest.mark.parametrize("text, member, area", [
    (f"长沙市共12家企业上榜，其中{A}、{B}入选示范企业。", B, "长沙市"),
    ("长沙市共12家企业上榜，其中5家来自长沙经济技术开发区。", "长沙经济技术开发区", "长沙市"),
])
def test_members_after_qizhong_belong_to_the_area_counted_before_it_in_the_sentence(text, member, area):
    assert _rels(text)[(member, "locatedIn", area)]["rule"] == "located.qizhong.v1"


def test_qizhong_after_a_count_of_no_area_places_nothing():
    rels = _rels(f"据长沙市统计，全国共118家企业入围，其中{A}排名第一。")
    assert (A, "locatedIn", "长沙市") not in rels


@pytest.mark.parametrize("text, member, place", [
    ("在湖南入围的24家企业中，有6家长沙企业榜上有名。", "长沙", "湖南"),
    (f"在湖南省获得的4项金奖中，{A}占了2项。", A, "湖南省"),
])
def test_the_winners_of_a_place_s_share_are_in_it(text, member, place):
    assert _rels(text)[(member, "locatedIn", place)]["rule"] == "located.share_frame.v1"


@pytest.mark.parametrize("text, member, place", [
    ("在湖南入围的24家企业中，长沙企业表现突出。", "长沙", "湖南"),
    (f"在全国入围的24家企业中，{A}排名第一，湖南省有3家。", A, "湖南省"),
])
def test_a_share_of_no_place_or_a_place_not_counted_in_it_places_nothing(text, member, place):
    assert (member, "locatedIn", place) not in _rels(text)


def test_two_places_side_by_side_lie_one_in_the_other_unless_they_open_a_longer_name():
    assert _rels("会议在湖北随州召开。")[("随州", "locatedIn", "湖北")]["rule"] == "located.adjacent_places.v1"
    assert ("望城区", "locatedIn", "长沙市") in _rels(f"位于长沙市望城区的{A}生产车间内，焊花四溅。")
    for text, pair in [("江苏溧阳高新技术产业开发区入选。", ("溧阳", "locatedIn", "江苏")),
                       ("湖北随州市信息与标准化所获奖。", ("随州市", "locatedIn", "湖北"))]:
        assert pair not in _rels(text)


def test_a_body_before_a_share_frame_is_not_placed_by_it():
    rels = _rels(f"长江传媒集团记者报道，在湖南省获得的4项金奖中，{A}占了2项。")
    assert (A, "locatedIn", "湖南省") in rels
    assert not any(p == "locatedIn" and o == "湖南省" and s != A for s, p, o in rels)


@pytest.mark.parametrize("text, firms, place", [
    ("长沙钢铁有限公司是一家位于株洲市的国家高新技术企业。", {"长沙钢铁有限公司"}, "株洲市"),
    ("长沙钢铁有限公司、湖南远大科技有限公司均位于株洲高新区。", {"长沙钢铁有限公司", "湖南远大科技有限公司"}, "株洲高新区"),
])
def test_a_copula_or_a_list_before_weiyu_places_its_firms(text, firms, place):
    result = extract_text(text)
    names = {e["id"]: e["name"] for e in result["entities"]}
    placed = {names[r["subject"]] for r in result["relations"] if r["predicate"] == "locatedIn" and names[r["object"]] == place}
    assert placed == firms


@pytest.mark.parametrize("text", [
    f"{A}落脚滨江经济技术开发区。",
    f"{A}新工厂建在滨江经济技术开发区。",
    f"{A}将总部迁至滨江经济技术开发区。",
    f"{A}注册在滨江经济技术开发区。",
])
def test_more_verbs_of_settling_place_the_subject(text):
    assert (A, "locatedIn", "滨江经济技术开发区") in _rels(text)


def test_a_zone_administering_parks_holds_them():
    rels = _rels("滨江经济技术开发区下辖星湖产业园、月湖科技园两个园区。")
    for park in ("星湖产业园", "月湖科技园"):
        assert (park, "locatedIn", "滨江经济技术开发区") in rels
    assert not any(p == "locatedIn" for _, p, _ in _rels("滨江经济技术开发区举办了星湖产业园、月湖科技园推介会。"))


def test_an_adverb_before_the_verb_of_siting_still_places_the_subject():
    assert (A, "locatedIn", "滨江产业园") in _rels(f"{A}年产10万吨项目在滨江产业园正式投产。")
    assert not any(p == "locatedIn" for _, p, _ in _rels(f"{A}在滨江产业园顺利举办招聘会。"))


@pytest.mark.parametrize("text, child, parent", [
    ("宏达集团有限公司下属企业华盛电子有限公司获奖。", "华盛电子有限公司", "宏达集团有限公司"),
    ("宏达集团有限公司成员企业华盛电子有限公司获奖。", "华盛电子有限公司", "宏达集团有限公司"),
    ("华盛電子股份有限公司為宏達集團旗下子公司。", "華盛電子股份有限公司", "宏達集團"),
    ("华盛研究院是宏达集团有限公司直属科研单位。", "华盛研究院", "宏达集团有限公司"),
])
def test_more_words_for_a_unit_under_its_parent(text, child, parent):
    assert (normalise_name(child), "subsidiaryOf", normalise_name(parent)) in _rels(text)


def test_a_firm_that_only_cooperates_with_a_group_is_not_its_unit():
    assert not any(p == "subsidiaryOf" for _, p, _ in _rels("宏达集团有限公司与华盛电子有限公司签订合作协议。"))


def test_a_place_administering_places_holds_them_and_a_place_that_only_has_them_does_not():
    rels = _rels("长沙市辖芙蓉区、天心区、岳麓区等6区。")
    assert {s for s, p, o in rels if p == "locatedIn" and o == "长沙市"} == {"芙蓉区", "天心区", "岳麓区"}
    assert not any(p == "locatedIn" for _, p, _ in _rels("长沙市有芙蓉区、天心区等景点。"))


def test_a_park_that_only_qualifies_the_park_after_it_is_not_the_one_placed(corpus_docs):
    """位于P的Q R…: R (the head) lies in P, not Q; on a real dev report (read at run time)."""
    from kg.nlp import extract
    from kg.reading import read_report

    pred = extract(read_report(corpus_docs / "real-264.txt"))
    names = {e["id"]: normalise_name(e["name"]) for e in pred["entities"]}
    placed = {(names[r["subject"]], names[r["object"]]) for r in pred["relations"] if r["rule"] == "located.weiyu_de.v1"}
    assert ("上海张江软件产业园", "贵阳大数据科创城") in placed
    assert ("贵安新区", "贵阳大数据科创城") not in placed


@pytest.mark.parametrize("text, child, parent", [
    ("华盛计量研究院是宏达市市场监督管理局直属事业单位。", "华盛计量研究院", "宏达市市场监督管理局"),
    ("宏达市质量检验所是宏达市市场监督管理局下属的检验机构。", "宏达市质量检验所", "宏达市市场监督管理局"),
    ("华盛电子有限公司(宏达集团有限公司下属单位)获奖。", "华盛电子有限公司", "宏达集团有限公司"),
    ("华盛电子有限公司，宏达集团有限公司控股子公司，成立于1998年。", "华盛电子有限公司", "宏达集团有限公司"),
    ("宏达集团有限公司及其下属企业华盛电子有限公司获奖。", "华盛电子有限公司", "宏达集团有限公司"),
    ("宏达集团有限公司与其子公司华盛电子有限公司同时获奖。", "华盛电子有限公司", "宏达集团有限公司"),
    ("宏达集团有限公司牵头承担的国家技术标准创新基地(新材料)通过验收。", "国家技术标准创新基地(新材料)", "宏达集团有限公司"),
    ("国家技术标准创新基地(新材料)承担单位华盛材料研究院出席。", "国家技术标准创新基地(新材料)", "华盛材料研究院"),
])
def test_a_unit_under_its_parent_in_apposition_brackets_and_host_units(text, child, parent):
    assert (normalise_name(child), "subsidiaryOf", normalise_name(parent)) in _rels(text)


def test_two_firms_in_a_plain_list_or_a_partner_are_not_parent_and_unit():
    for text in ("获奖企业有华盛电子有限公司，宏达集团有限公司，天成机械有限公司。",
                 "宏达集团有限公司与华盛电子有限公司共同承担的项目通过验收。",
                 "宏达集团有限公司及华盛电子有限公司获奖。"):
        assert not any(p == "subsidiaryOf" for _, p, _ in _rels(text)), text
