"""Spans that name a kind, a formula or an epithet, not one body (kg.nlp.kinds and its data), and
the name forms that sit beside them (issue 13: parks and agencies that stay low on unseen reports).

One test per pattern family, each on short phrases written for the test (no report text), with a
control that the named body beside the kind is still found.
"""

from __future__ import annotations

import pytest

from kg.nlp import extract_text


def _names(phrase: str, label: str | None = None) -> set[str]:
    return {e["name"] for e in extract_text(phrase)["entities"] if label is None or e["type"] == label}


def _typed(phrase: str) -> set[tuple[str, str]]:
    return {(e["type"], e["name"]) for e in extract_text(phrase)["entities"]}


@pytest.mark.parametrize(
    "phrase",
    [
        "各省、自治区、直辖市和新疆生产建设兵团科技厅（委、局）：",
        "请相关省、自治区、直辖市生态环境厅认真落实。",
        "各设区市人力资源社会保障局、发展改革委，有关单位：",
    ],
)
def test_a_notices_distributive_addressees_name_no_agency(phrase):
    assert _names(phrase, "GovernmentAgency") == set()


def test_a_named_body_after_a_distributive_clause_stays():
    assert _names("各市州人民政府，长沙市人民政府：", "GovernmentAgency") == {"长沙市人民政府"}


@pytest.mark.parametrize(
    "phrase",
    [
        "这项评选素有“家电界诺贝尔奖”之称。",
        "该榜单被誉为“制造业奥斯卡奖”。",
        "这一荣誉等同「工業界金馬獎」的地位。",
    ],
)
def test_an_award_in_an_epithet_is_no_award(phrase):
    assert _names(phrase, "Award") == set()


def test_the_class_of_mayors_prizes_after_a_bracketed_level_list_is_no_award():
    assert _names("全省各县(区)长质量奖的评审工作", "Award") == set()
    assert "长沙市市长质量奖" in _names("授予该公司长沙市市长质量奖。", "Award")


def test_a_name_opens_after_a_body_and_a_verb_of_joint_action():
    names = _typed("国家发展改革委会同中国电子商务协会发布名单。")
    assert ("Institution", "中国电子商务协会") in names
    assert not any(n.startswith("国家发展改革委会同") for _, n in names)


def test_a_park_inside_another_opens_after_it_and_a_firms_name_ends_before_a_park():
    assert _names("星沙经济技术开发区内智能装备产业园的企业", "Park") == {"星沙经济技术开发区", "智能装备产业园"}
    parks = _names("序号 名称 地区\n1湖南华岳精工机械有限公司高新区2", "Park")
    assert not any("有限公司" in p for p in parks)


def test_the_kind_science_based_industrial_park_alone_is_no_park():
    assert _names("今年科學工業園區的營業額成長兩成。", "Park") == set()
    assert "新竹科學工業園區" in _names("位於新竹科學工業園區的廠商", "Park")


@pytest.mark.parametrize("phrase", ["臺灣產業園區吸引外資進駐。", "河北工业园区的企业数量增加。", "位于中国开发区的企业"])
def test_a_province_or_a_country_and_a_kind_of_park_name_no_park(phrase):
    assert _names(phrase, "Park") == set()


def test_a_municipality_or_a_special_region_with_a_kind_of_park_is_a_park():
    assert "北京经济技术开发区" in _names("落户北京经济技术开发区的企业", "Park")
    assert "香港科學園" in _names("進駐香港科學園的初創公司", "Park")


@pytest.mark.parametrize(
    "phrase",
    ["长沙市省级以上开发区调整方案获批。", "东部开发区的发展指数上升。", "打造一个综合性产业园区。"],
)
def test_descriptive_or_generic_words_before_a_park_suffix_name_no_park(phrase):
    assert _names(phrase, "Park") == set()


def test_trade_bodies_as_a_class_and_a_strategic_alliance_are_no_institutions():
    assert _names("政府與相關公協會合作，雙方結成策略聯盟。", "Institution") == set()
    assert "中国智能制造产业技术创新战略联盟" in _names("中国智能制造产业技术创新战略联盟成立", "Institution")


def test_a_branch_named_by_its_place_after_its_body_is_one_name():
    assert "国家新材料测试评价中心长沙分中心" in _names("筹建国家新材料测试评价中心长沙分中心。", "Institution")


def test_a_verb_of_the_dictionary_may_stand_in_a_societys_field_after_its_realm():
    assert "中国半导体照明产业联盟" in _names("中国半导体照明产业联盟发布报告。", "Institution")


def test_a_division_of_a_bureau_named_after_it_is_no_body():
    assert _names("澳門經濟及科技發展局工業及能源廳廳長出席", "GovernmentAgency") == {"澳門經濟及科技發展局"}


def test_outsourcing_is_no_committee_but_a_party_committee_before_it_stays():
    assert _names("園區委外經營的廠房", "GovernmentAgency") == set()
    assert _names("市委外事办和市委", "GovernmentAgency") == {"市委外事办", "市委"}


def test_a_fellowship_committee_is_an_institution():
    assert ("Institution", "金質獎聯誼委員會") in _typed("由金質獎聯誼委員會推薦")


def test_a_listed_institution_named_without_its_place_keeps_its_type():
    assert ("Institution", "生產力促進局") in _typed("生產力促進局表示將協助中小企。")


@pytest.mark.parametrize(
    "phrase",
    ["他曾在中央部委任职。", "成立专家委员会进行评审。", "各课题组和工作办公室负责人出席。", "一个县设立三个招商局。"],
)
def test_kinds_of_government_body_name_none(phrase):
    assert _names(phrase, "GovernmentAgency") == set()


def test_the_youth_leagues_committees_are_mass_organisations():
    assert ("Institution", "团省委") in _typed("省总工会、团省委、省妇联联合开展活动")


def test_a_bureau_named_by_its_functions_verb_is_found_after_its_level():
    assert _names("他分管市审计局、市统计局。", "GovernmentAgency") == {"市审计局", "市统计局"}
    assert _names("为新阶段的工作开好局", "GovernmentAgency") == set()


@pytest.mark.parametrize(
    "phrase, body",
    [("全国人大常委会副委员长和全国人大代表", "全国人大常委会"), ("出席的有全国人大领导", "全国人大"), ("抄送县人武部。", "县人武部"), ("由长沙海关负责查验", "长沙海关")],
)
def test_congresses_armed_forces_departments_and_customs_are_agencies(phrase, body):
    assert body in _names(phrase, "GovernmentAgency")


def test_a_congress_deputy_and_a_school_are_no_agencies():
    assert _names("他是省人大代表，毕业于人大附中", "GovernmentAgency") == set()


def test_a_task_group_opens_on_its_level_word_past_the_verbs_inside_it():
    assert "省制造强省建设协调推进领导小组办公室" in _names("根据省制造强省建设协调推进领导小组办公室的通知", "GovernmentAgency")


def test_taiwans_township_offices_and_the_legislative_councils_are_agencies():
    assert "南投縣竹山鎮公所" in _names("南投縣竹山鎮公所舉辦說明會", "GovernmentAgency")
    assert _names("立法會議員昨日質詢", "GovernmentAgency") == {"立法會"}
    assert _names("這個公所的地址", "GovernmentAgency") == set()


def test_a_cluster_zone_named_by_its_place_is_a_park_and_a_ranked_one_a_title():
    assert ("Park", "南阳市产业集聚区") in _typed("南阳市产业集聚区今年新签项目")
    assert ("Award", "国家级产业集聚区") in _typed("该区获批国家级产业集聚区")
    assert ("Park", "长沙智能制造科创城") in _typed("位于长沙智能制造科创城的企业")


def test_a_designation_followed_by_a_count_of_its_holders_is_kept_only_where_conferred():
    assert _names("全区共有企业80家，其中国家高新技术企业12家，专精特新企业5家。", "Award") == set()
    assert "国家高新技术企业" in _names("该公司被认定为国家高新技术企业。", "Award")
    assert _names("共有湖南省质量奖3项", "Award") == {"湖南省质量奖"}  # a prize counted stays a prize


def test_a_place_in_a_quoted_slogan_or_as_an_events_venue_is_no_place():
    assert _names("以打造“智造湖南”为抓手", "Place") == set()
    assert _names("出席中国质量(上海)大会", "Place") == set()
    assert _names("“株洲”两个字", "Place") == {"株洲"}


def test_a_customs_zone_inside_a_park_is_named_with_it_and_a_park_opens_after_its_zone_on_its_own_place():
    assert "湖南岳阳经济开发区综合保税区" in _names("设立湖南岳阳经济开发区综合保税区", "Park")
    assert "深圳南山软件产业园" in _names("位于两江新区深圳南山软件产业园的企业", "Park")
    assert _names("株洲高新区产业园区内", "Park") == {"株洲高新区"}


def test_two_parks_joined_by_a_conjunction_are_two_and_free_trade_port_zones_are_parks():
    assert _names("楠梓加工出口區及成功加工出口區", "Park") == {"楠梓加工出口區", "成功加工出口區"}
    assert "台中港自由貿易港區" in _names("進駐台中港自由貿易港區的廠商", "Park")


def test_a_hong_kong_federation_named_with_lianhui_is_an_institution():
    assert ("Institution", "香港工商專業聯會") in _typed("香港工商專業聯會主席致辭")


def test_a_body_after_an_anaphor_for_its_place_names_none():
    assert _names("会上，该县农业局局长作了发言", "GovernmentAgency") == set()
