"""locatedIn from general ways news states where a firm, park or place lies (Simplified and
Traditional): short invented phrases, no report text."""

from __future__ import annotations

import pytest

from kg.nlp import extract_text


def _read(text: str) -> tuple[set[tuple[str, str]], set[tuple[str, str, str]]]:
    result = extract_text(text)
    names = {e["id"]: e["name"] for e in result["entities"]}
    entities = {(e["type"], e["name"]) for e in result["entities"]}
    relations = {(names[r["subject"]], r["predicate"], names.get(r["object"], r["object"])) for r in result["relations"]}
    return entities, relations


@pytest.mark.parametrize("text, county, park", [
    ("臺南市新市產業園區今年完成擴建。", "臺南市", "新市產業園區"),
    ("嘉義縣中埔產業園區今年完成擴建。", "嘉義縣", "中埔產業園區"),
    ("桃園市觀音工業區的廠商擴廠。", "桃園市", "觀音工業區"),
    ("高雄市楠梓加工出口區今年出口成長。", "高雄市", "楠梓加工出口區"),
    ("台中市大甲幼獅工業區完成更新。", "台中市", "大甲幼獅工業區"),
    ("宜兰县利泽工业区完成更新。", "宜兰县", "利泽工业区"),
])
def test_a_taiwan_county_before_a_park_s_own_name_is_a_place_the_park_lies_in(text, county, park):
    entities, relations = _read(text)
    assert ("Place", county) in entities and ("Park", park) in entities
    assert (park, "locatedIn", county) in relations


@pytest.mark.parametrize("text, park", [
    ("台中市產業園區將擴大綠化。", "台中市產業園區"),  # the parks of the city: no park named after it
    ("台中工業區完成更新。", "台中工業區"),  # the short form is the park's own name
    ("湘潭市雨湖区智造产业园获批。", "湘潭市雨湖区智造产业园"),  # a mainland park keeps its places
])
def test_a_park_that_is_not_a_taiwan_county_and_a_park_s_own_name_is_not_cut(text, park):
    entities, _ = _read(text)
    assert ("Park", park) in entities


def test_a_taiwan_city_s_short_form_and_full_form_are_one_place():
    entities, _ = _read("臺南的廠商多在臺南市新市產業園區。")
    places = {name for label, name in entities if label == "Place"}
    assert places == {"臺南市"}


@pytest.mark.parametrize("text, holder, firm", [
    ("长沙本地企业山河智能装备股份有限公司获奖。", "长沙", "山河智能装备股份有限公司"),
    ("长沙在地企业山河智能装备股份有限公司获奖。", "长沙", "山河智能装备股份有限公司"),
    ("株洲籍企业山河智能装备股份有限公司获奖。", "株洲", "山河智能装备股份有限公司"),
    ("苗栗縣在地企業宏遠電子股份有限公司獲獎。", "苗栗縣", "宏遠電子股份有限公司"),
    ("高雄本地廠商友達光電股份有限公司獲獎。", "高雄", "友達光電股份有限公司"),
])
def test_a_firm_after_a_place_and_a_kind_word_lies_there_where_the_scan_had_cut_it_already(text, holder, firm):
    entities, relations = _read(text)
    assert ("Company", firm) in entities
    assert (firm, "locatedIn", holder) in relations


@pytest.mark.parametrize("text, firm, where", [
    ("在醴陵投资设厂的华联瓷业股份有限公司获得表彰。", "华联瓷业股份有限公司", "醴陵"),
    ("在宁波建厂的吉利汽车控股有限公司获奖。", "吉利汽车控股有限公司", "宁波"),
    ("在醴陵设立生产基地的旗滨玻璃股份有限公司获奖。", "旗滨玻璃股份有限公司", "醴陵"),
    ("於南科設廠的友達光電股份有限公司獲獎。", "友達光電股份有限公司", "南科"),
    ("国家在长沙设立的国家工程机械质量检验检测中心通过验收。", "国家工程机械质量检验检测中心", "长沙"),
])
def test_a_body_a_clause_sets_up_at_a_place_before_its_de_lies_there(text, firm, where):
    assert (firm, "locatedIn", where) in _read(text)[1]


@pytest.mark.parametrize("text, firm, where", [
    ("山河智能装备股份有限公司在长沙的工厂获评灯塔工厂。", "山河智能装备股份有限公司", "长沙"),
    ("山河智能装备股份有限公司在长沙经开区的生产基地投产。", "山河智能装备股份有限公司", "长沙经开区"),
    ("友達光電股份有限公司於中科的晶圓廠擴產。", "友達光電股份有限公司", "中科"),
])
def test_a_body_with_a_plant_or_base_at_a_place_lies_there(text, firm, where):
    assert (firm, "locatedIn", where) in _read(text)[1]


@pytest.mark.parametrize("text, firm, where", [
    ("聯華電子股份有限公司於竹科設立研發中心。", "聯華電子股份有限公司", "竹科"),
    ("山河智能装备股份有限公司于长沙经开区扩建新厂。", "山河智能装备股份有限公司", "长沙经开区"),
    ("山河智能装备股份有限公司总部在长沙。", "山河智能装备股份有限公司", "长沙"),
    ("山河智能装备股份有限公司座落于长沙经开区。", "山河智能装备股份有限公司", "长沙经开区"),
    ("友達光電股份有限公司選定竹科竹南園區設立新廠。", "友達光電股份有限公司", "竹科竹南園區"),
])
def test_a_subject_that_sets_up_or_has_its_seat_at_a_place_lies_there(text, firm, where):
    entities, relations = _read(text)
    assert (firm, "locatedIn", where) in relations
    assert not any(label == "Person" for label, _ in entities)  # 於竹科 is no person's name


@pytest.mark.parametrize("text", [
    "在长沙召开的大会上，山河智能装备股份有限公司获奖。",
    "在长沙举办的展会吸引了山河智能装备股份有限公司参展。",
    "山河智能装备股份有限公司在长沙的发布会上发布新品。",
    "山河智能装备股份有限公司于长沙召开发布会。",
])
def test_an_event_held_at_a_place_sites_nobody_there(text):
    assert not any(p == "locatedIn" for _, p, _ in _read(text)[1])


@pytest.mark.parametrize("text, park, firms", [
    ("长沙经开区内有三一重工股份有限公司、山河智能装备股份有限公司等企业。", "长沙经开区", ["三一重工股份有限公司", "山河智能装备股份有限公司"]),
    ("株洲高新区是国家级高新区。\n园区内有株洲时代新材料科技股份有限公司、株洲硬质合金集团有限公司等企业。", "株洲高新区",
     ["株洲时代新材料科技股份有限公司", "株洲硬质合金集团有限公司"]),
])
def test_what_a_park_has_inside_it_keeps_its_names_and_lies_there(text, park, firms):
    entities, relations = _read(text)
    for firm in firms:
        assert ("Company", firm) in entities
        assert (firm, "locatedIn", park) in relations


@pytest.mark.parametrize("text, inner, outer", [
    ("株洲市境内的株洲高新区获批。", "株洲高新区", "株洲市"),
    ("株洲高新区是株洲市的国家级高新区。", "株洲高新区", "株洲市"),
    ("醴陵经开区（株洲市）获批。", "醴陵经开区", "株洲市"),
    ("醴陵市是株洲市下辖的县级市。", "醴陵市", "株洲市"),
    ("醴陵市是株洲市代管的县级市。", "醴陵市", "株洲市"),
    ("醴陵市是株洲市的一个县级市。", "醴陵市", "株洲市"),
    ("长沙是湖南的省会。", "长沙", "湖南"),
])
def test_a_park_or_place_said_to_be_within_a_place_lies_there(text, inner, outer):
    assert (inner, "locatedIn", outer) in _read(text)[1]


@pytest.mark.parametrize("text", ["株洲是中国的动力之都。", "醴陵经开区（简称醴陵园区）获批。"])
def test_a_place_s_epithet_or_a_park_s_short_form_places_nothing(text):
    assert not any(p == "locatedIn" for _, p, _ in _read(text)[1])


def test_a_body_that_approves_firms_entering_a_park_is_not_the_one_that_enters():
    entities, relations = _read("竹科管理局核准友達光電股份有限公司等3家廠商進駐竹科。")
    assert ("Company", "友達光電股份有限公司") in entities  # 核准 opens no firm's name
    assert ("友達光電股份有限公司", "locatedIn", "竹科") in relations
    assert ("竹科管理局", "locatedIn", "竹科") not in relations


@pytest.mark.parametrize("text, park, firms", [
    ("竹科管理局今日審議通過友達光電股份有限公司、聯華電子股份有限公司投資進駐竹科。", "竹科", ["友達光電股份有限公司", "聯華電子股份有限公司"]),
    ("經濟部產業園區管理局表示，彰濱工業區目前進駐廠商有友達光電股份有限公司、聯華電子股份有限公司等。", "彰濱工業區",
     ["友達光電股份有限公司", "聯華電子股份有限公司"]),
    ("友達光電股份有限公司是彰濱工業區的廠商。", "彰濱工業區", ["友達光電股份有限公司"]),
])
def test_firms_that_enter_or_belong_to_a_park_lie_there(text, park, firms):
    _, relations = _read(text)
    for firm in firms:
        assert (firm, "locatedIn", park) in relations


@pytest.mark.parametrize("text, firm, park", [
    ("山河智能装备股份有限公司在长沙经开区投资建设智能制造基地。", "山河智能装备股份有限公司", "长沙经开区"),
    ("长沙经开区成功引进山河智能装备股份有限公司。", "山河智能装备股份有限公司", "长沙经开区"),
    ("香港科學園租戶商湯科技有限公司獲獎。", "商湯科技有限公司", "香港科學園"),
])
def test_a_park_that_builds_or_brings_in_keeps_its_name_apart_from_what_it_builds_or_brings(text, firm, park):
    entities, relations = _read(text)
    assert ("Park", park) in entities and ("Company", firm) in entities
    assert (firm, "locatedIn", park) in relations


def test_a_firm_that_opens_what_a_body_says_is_the_subject_that_sets_up():
    _, relations = _read("南科管理局表示，華宇半導體於南科設立新廠。")
    assert ("華宇半導體", "locatedIn", "南科") in relations
    assert ("南科管理局", "locatedIn", "南科") not in relations


def test_what_an_area_has_stops_at_a_later_clause_that_opens_on_another_area():
    _, relations = _read("其中，长沙市有山河智能装备股份有限公司、湖南华曙高科技有限责任公司2家企业入选，株洲市有株洲时代新材料科技股份有限公司入选。")
    assert ("湖南华曙高科技有限责任公司", "locatedIn", "长沙市") in relations
    assert ("株洲时代新材料科技股份有限公司", "locatedIn", "株洲市") in relations
    assert ("株洲时代新材料科技股份有限公司", "locatedIn", "长沙市") not in relations


@pytest.mark.parametrize("text, expected", [
    ("获奖名单如下：\n一、长沙市（2家）\n山河智能装备股份有限公司\n湖南华曙高科技有限责任公司\n二、株洲市（1家）\n株洲时代新材料科技股份有限公司",
     {("山河智能装备股份有限公司", "长沙市"), ("湖南华曙高科技有限责任公司", "长沙市"), ("株洲时代新材料科技股份有限公司", "株洲市")}),
    ("获奖名单如下：\n长沙市\n1.山河智能装备股份有限公司\n2.湖南华曙高科技有限责任公司\n株洲市：\n株洲时代新材料科技股份有限公司\n\n以上企业将获得奖励。",
     {("山河智能装备股份有限公司", "长沙市"), ("湖南华曙高科技有限责任公司", "长沙市"), ("株洲时代新材料科技股份有限公司", "株洲市")}),
    ("【臺中市】\n友達光電股份有限公司、聯華電子股份有限公司\n【高雄市】\n日月光集團",
     {("友達光電股份有限公司", "臺中市"), ("聯華電子股份有限公司", "臺中市"), ("日月光集團", "高雄市")}),
])
def test_firms_listed_under_a_line_that_names_only_a_place_lie_there(text, expected):
    located = {(s, o) for s, p, o in _read(text)[1] if p == "locatedIn"}
    assert located == expected


def test_a_place_on_a_line_of_its_own_before_prose_heads_no_list():
    assert not any(p == "locatedIn" for _, p, _ in _read("记者 张三\n长沙市\n山河智能装备股份有限公司今天发布新品。")[1])


@pytest.mark.parametrize("text, park, place", [
    ("雨湖区将持续优化营商环境，与各方携手将湘潭智造科技园打造成为示范高地。", "湘潭智造科技园", "雨湖区"),
    ("株洲市将醴陵经开区建设成为千亿园区。", "醴陵经开区", "株洲市"),
    ("株洲高新区所在的天元区获批。", "株洲高新区", "天元区"),
])
def test_a_park_a_place_develops_or_that_lies_in_a_place_named_after_it_lies_there(text, park, place):
    entities, relations = _read(text)
    assert ("Park", park) in entities
    assert (park, "locatedIn", place) in relations


@pytest.mark.parametrize("text", ["国务院将株洲高新区打造成为示范区。", "株洲市与三一重工股份有限公司将醴陵经开区打造成为示范区。"])
def test_a_park_a_body_or_a_place_with_a_partner_develops_is_not_thereby_placed(text):
    assert not any(p == "locatedIn" for _, p, _ in _read(text)[1])


@pytest.mark.parametrize("text, city, country", [
    ("第50届大会在智利瓦尔帕莱索召开。", "瓦尔帕莱索", "智利"),
    ("代表团前往日本熊本縣考察。", "熊本縣", "日本"),
    ("代表团前往美国加州考察。", "加州", "美国"),
    ("会议于巴西圣保罗隆重开幕。", "圣保罗", "巴西"),
])
def test_a_foreign_city_right_after_its_country_lies_in_it(text, city, country):
    entities, relations = _read(text)
    assert ("Place", city) in entities
    assert (city, "locatedIn", country) in relations


@pytest.mark.parametrize("text", ["美国各州都有分支。", "日本政府表示支持。", "德国企业都很重视。", "美国加州大学获奖。", "在美国举行的大会圆满结束。",
                                  "大会在美国当地举行。", "大会在日本同期举办。"])
def test_what_follows_a_country_is_no_foreign_city_unless_named_so(text):
    entities, relations = _read(text)
    assert {name for label, name in entities if label == "Place"} <= {"美国", "日本", "德国"}
    assert not any(p == "locatedIn" for _, p, _ in relations)


@pytest.mark.parametrize("text, body, where", [
    ("株洲市获批建设国家先进轨道交通装备创新中心。", "国家先进轨道交通装备创新中心", "株洲市"),
    ("株洲市成功获批国家先进轨道交通装备创新中心。", "国家先进轨道交通装备创新中心", "株洲市"),
    ("湖南大学株洲研究院在株洲高新区成立。", "湖南大学株洲研究院", "株洲高新区"),
])
def test_a_body_a_place_was_allowed_to_build_or_that_was_founded_there_lies_there(text, body, where):
    entities, relations = _read(text)
    assert ("Institution", body) in entities
    assert (body, "locatedIn", where) in relations


def test_a_clause_with_no_subject_of_its_own_after_a_park_s_sentence_speaks_of_the_park():
    _, relations = _read("醴陵经开区是湖南省人民政府批准设立的省级开发区，位于醴陵市。")
    assert ("醴陵经开区", "locatedIn", "醴陵市") in relations
    assert ("湖南省人民政府", "locatedIn", "醴陵市") not in relations


@pytest.mark.parametrize("text, inner, outer", [
    ("醴陵陶瓷产业园是醴陵经开区的园中园。", "醴陵陶瓷产业园", "醴陵经开区"),
    ("醴陵经开区下设陶瓷产业园、电子产业园等。", "电子产业园", "醴陵经开区"),
    ("醴陵經開區內設有陶瓷產業園。", "陶瓷產業園", "醴陵經開區"),
])
def test_a_park_inside_a_zone_lies_in_it(text, inner, outer):
    assert (inner, "locatedIn", outer) in _read(text)[1]


@pytest.mark.parametrize("text", [
    "株洲市召开质量大会。\n该市的山河智能装备股份有限公司获得省长质量奖。",
    "株洲市召开质量大会。\n本次获奖的山河智能装备股份有限公司是我市龙头企业。",
    "株洲市召开质量大会。\n山河智能装备股份有限公司作为我市龙头企业获奖。",
    "株洲市召开质量大会。\n山河智能装备股份有限公司是我市的一家民营企业。",
])
def test_a_firm_said_to_be_a_firm_of_the_report_s_place_by_an_anaphor_lies_there(text):
    assert ("山河智能装备股份有限公司", "locatedIn", "株洲市") in _read(text)[1]


def test_a_firm_that_is_a_model_for_the_report_s_place_is_not_thereby_placed():
    assert not any(p == "locatedIn" for _, p, _ in _read("株洲市召开质量大会。\n山河智能装备股份有限公司是我市质量工作的标杆。")[1])


@pytest.mark.parametrize("text", ["進駐數碼港的初創企業商湯科技有限公司獲獎。", "數碼港的初創企業商湯科技有限公司獲獎。"])
def test_a_kind_word_between_a_park_s_de_and_the_firm_still_places_it(text):
    assert ("商湯科技有限公司", "locatedIn", "數碼港") in _read(text)[1]


@pytest.mark.parametrize("text, where", [
    ("长沙市的山河智能装备股份有限公司、湖南华曙高科技有限责任公司和三一重工股份有限公司入选。", "长沙市"),
    ("位于长沙经开区的山河智能装备股份有限公司、湖南华曙高科技有限责任公司、三一重工股份有限公司入选。", "长沙经开区"),
])
def test_every_firm_of_an_enumeration_after_a_place_s_de_lies_there(text, where):
    relations = _read(text)[1]
    for firm in ("山河智能装备股份有限公司", "湖南华曙高科技有限责任公司", "三一重工股份有限公司"):
        assert (firm, "locatedIn", where) in relations


def test_a_partner_joined_by_yu_after_a_placed_firm_is_not_placed():
    relations = _read("位于长沙的山河智能装备股份有限公司与三一重工股份有限公司签约。")[1]
    assert ("山河智能装备股份有限公司", "locatedIn", "长沙") in relations
    assert ("三一重工股份有限公司", "locatedIn", "长沙") not in relations


@pytest.mark.parametrize("text, expected", [
    ("114年度得獎名單\n序號\t廠商名稱\t縣市別\n1\t友達光電股份有限公司\t新竹市\n2\t聯華電子股份有限公司\t高雄市",
     {("友達光電股份有限公司", "新竹市"), ("聯華電子股份有限公司", "高雄市")}),
    ("核准名單\n公司名稱\t所在園區\t投資金額\n友達光電股份有限公司\t竹科竹南園區\t2億元\n聯華電子股份有限公司\t中部科學園區\t4億元",
     {("友達光電股份有限公司", "竹科竹南園區"), ("聯華電子股份有限公司", "中部科學園區")}),
])
def test_a_table_s_county_or_park_column_places_each_row_s_firm(text, expected):
    located = {(s, o) for s, p, o in _read(text)[1] if p == "locatedIn"}
    assert expected <= located


def test_a_zone_with_its_district_in_brackets_is_run_as_one_and_not_placed_in_it():
    assert not any(p == "locatedIn" for _, p, _ in _read("株洲高新区(天元区)获批。")[1])


@pytest.mark.parametrize("short", ["苗栗", "彰化", "花蓮", "基隆", "臺南", "屏東"])
def test_a_taiwan_county_s_short_form_stays_a_place_whatever_else_jieba_reads_in_it(short):
    entities, relations = _read(f"位於{short}的友達光電股份有限公司獲獎。")
    assert ("Place", short) in entities
    assert ("友達光電股份有限公司", "locatedIn", short) in relations


def test_every_park_of_an_enumeration_after_a_place_s_de_lies_there():
    relations = _read("株洲市的醴陵经开区、攸县高新区和株洲高新区入选。")[1]
    for park in ("醴陵经开区", "攸县高新区", "株洲高新区"):
        assert (park, "locatedIn", "株洲市") in relations


@pytest.mark.parametrize("text, expected", [
    ("湖南省的株洲市获评全国文明城市。", {("株洲市", "湖南省")}),
    ("湖南的株洲、湘潭获评全国文明城市。", {("株洲", "湖南"), ("湘潭", "湖南")}),
    ("长沙的株洲获评全国文明城市。", set()),
])
def test_a_smaller_place_after_a_larger_place_s_de_lies_in_it(text, expected):
    assert {(s, o) for s, p, o in _read(text)[1] if p == "locatedIn"} == expected


def test_the_only_one_of_a_place_is_no_firm_s_name_and_lies_in_the_place():
    text = "岳塘智能产业园获评五星，成为当年度湘潭唯一入选园区。\n此外，还成功获批国家级小型微型企业双创示范基地。"
    entities, relations = _read(text)
    assert ("Place", "湘潭") in entities and not any(label == "Company" for label, _ in entities)
    assert ("岳塘智能产业园", "locatedIn", "湘潭") in relations
    assert ("湘潭", "receivedAward", "国家级小型微型企业双创示范基地") not in relations  # the park's, not a city named once


def test_a_firm_that_becomes_this_year_s_only_winner_of_a_province_lies_there():
    assert ("山河智能装备股份有限公司", "locatedIn", "湖南") in _read("山河智能装备股份有限公司成为今年湖南唯一获奖企业。")[1]


@pytest.mark.parametrize("city", ["合肥", "娄底", "周口", "大连", "怀化", "桂林", "义乌", "慈溪"])
def test_a_prefecture_city_s_short_form_is_a_place_whatever_else_jieba_reads_in_it(city):
    entities, relations = _read(f"位于{city}的山河智能装备股份有限公司获奖。")
    assert ("Place", city) in entities
    assert ("山河智能装备股份有限公司", "locatedIn", city) in relations


@pytest.mark.parametrize("text", ["各位来宾出席了仪式。", "建设“智造娄底、品质娄底、幸福娄底”。", "弘扬“诚信娄底、品质至上”的精神。"])
def test_a_common_word_or_a_slogan_s_place_is_no_place(text):
    assert not any(label == "Place" for label, _ in _read(text)[0])


@pytest.mark.parametrize("text, places", [
    ("山河智能装备股份有限公司在株洲、长沙、上海均设有生产基地。", ["株洲", "长沙", "上海"]),
    ("山河智能装备股份有限公司分别在株洲、长沙建设生产基地。", ["株洲", "长沙"]),
    ("星宇電子股份有限公司將在桃園市、苗栗竹科銅鑼園區與高雄市南科廠擴建產線。", ["桃園市", "竹科銅鑼園區", "南科"]),
])
def test_a_subject_that_sets_up_at_each_place_of_a_list_lies_in_each(text, places):
    relations = _read(text)[1]
    firm = "星宇電子股份有限公司" if "星宇" in text else "山河智能装备股份有限公司"
    assert {o for s, p, o in relations if p == "locatedIn" and s == firm} == set(places)


def test_a_subject_popular_in_places_is_not_placed_there():
    assert not any(p == "locatedIn" for _, p, _ in _read("山河智能装备股份有限公司在株洲和长沙的客户中很受欢迎。")[1])


def test_a_science_park_s_sub_park_named_by_its_theme_is_a_park_in_the_whole():
    text = "竹科管理局表示，竹科今年營收成長。\n設立於竹科生醫園區的華宇生技股份有限公司投資3億元。"
    entities, relations = _read(text)
    assert ("Park", "竹科生醫園區") in entities
    assert ("華宇生技股份有限公司", "locatedIn", "竹科生醫園區") in relations
    assert ("竹科生醫園區", "locatedIn", "竹科") in relations


@pytest.mark.parametrize("text, expected", [
    ("山河智能装备股份有限公司和三一重工股份有限公司分别位于株洲和长沙。",
     {("山河智能装备股份有限公司", "株洲"), ("三一重工股份有限公司", "长沙")}),
    ("山河智能装备股份有限公司、三一重工股份有限公司分别落户株洲高新区、长沙经开区。",
     {("山河智能装备股份有限公司", "株洲高新区"), ("三一重工股份有限公司", "长沙经开区")}),
    ("山河智能装备股份有限公司分别落户株洲高新区和长沙经开区。",
     {("山河智能装备股份有限公司", "株洲高新区"), ("山河智能装备股份有限公司", "长沙经开区")}),
    ("山河智能装备股份有限公司、三一重工股份有限公司和中联重科股份有限公司分别位于株洲、长沙。", set()),
])
def test_members_and_places_after_fenbie_pair_in_order(text, expected):
    assert {(s, o) for s, p, o in _read(text)[1] if p == "locatedIn"} == expected


def test_a_subject_that_sets_up_in_a_chain_of_places_lies_in_the_most_specific():
    relations = _read("山河智能装备股份有限公司在株洲市天元区建设生产基地。")[1]
    assert ("山河智能装备股份有限公司", "locatedIn", "天元区") in relations
    assert ("山河智能装备股份有限公司", "locatedIn", "株洲市") not in relations


def test_the_body_a_clause_makes_the_doer_sets_up_at_the_place():
    text = "甲方与株洲市产业投资集团有限公司共同出资设立湘江智造有限公司；以湘江智造有限公司为实施主体，在株洲市天元区建设产业基地。"
    relations = _read(text)[1]
    assert ("湘江智造有限公司", "locatedIn", "天元区") in relations
    assert ("株洲市产业投资集团有限公司", "locatedIn", "天元区") not in relations
