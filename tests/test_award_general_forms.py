"""General forms of awards and their holders (issues 12 and 13), one invented phrase each.

The phrases are written for these tests (no report text): several wordings, punctuation and
scripts of one structure. Each rule was checked on the dev split of the real gold before it
was kept.
"""

from __future__ import annotations

import pytest

from kg.nlp import extract_text
from tests.conftest import relations_by_name


def _won(text: str) -> dict[tuple[str, str], dict]:
    return relations_by_name(text, "receivedAward")


@pytest.mark.parametrize("text, holder, awards", [
    ("长沙华力机械有限公司荣获“湖南省省长质量奖”和“湖南省五一劳动奖状”。",
     "长沙华力机械有限公司", {"湖南省省长质量奖", "湖南省五一劳动奖状"}),
    ("长沙华力机械有限公司荣获“湖南省省长质量奖”、“湖南省五一劳动奖状”。",
     "长沙华力机械有限公司", {"湖南省省长质量奖", "湖南省五一劳动奖状"}),
    ("长沙华力机械有限公司荣获“湖南省省长质量奖”“湖南省五一劳动奖状”等荣誉。",
     "长沙华力机械有限公司", {"湖南省省长质量奖", "湖南省五一劳动奖状"}),
    ("長沙華力機械有限公司榮獲「國家品質獎」及「國家磐石獎」。",
     "長沙華力機械有限公司", {"國家品質獎", "國家磐石獎"}),
    ("長沙華力機械有限公司獲頒國家品質獎與小巨人獎。",
     "長沙華力機械有限公司", {"國家品質獎", "小巨人獎"}),
    ("长沙华力机械有限公司先后获得湖南省省长质量奖、中国专利优秀奖、国家科学技术进步奖二等奖等。",
     "长沙华力机械有限公司", {"湖南省省长质量奖", "国家科学技术进步奖"}),
])
def test_every_prize_of_a_chain_after_one_verb_goes_to_the_holder(text, holder, awards):
    won = _won(text)
    assert {prize for who, prize in won if who == holder} == awards


def _types(text: str) -> dict[str, str]:
    return {e["name"]: e["type"] for e in extract_text(text)["entities"]}


@pytest.mark.parametrize("text, names", [
    ("王芳被评为全国三八红旗手。", {"王芳"}),
    ("张伟获评全国技术能手。", {"张伟"}),
    ("2022年，王芳荣获全国劳动模范称号。", {"王芳"}),
    ("刘洋荣获全国五一劳动奖章。", {"刘洋"}),
    ("周敏荣获“全国最美职工”称号。", {"周敏"}),
    ("赵强获评“大国工匠”。", {"赵强"}),
    ("王芳、李明荣获全国劳动模范称号。", {"王芳", "李明"}),
    ("陈刚入选湖南省优秀企业家。", {"陈刚"}),
])
def test_a_short_name_before_a_persons_honour_is_a_person(text, names):
    types = _types(text)
    assert {n: types.get(n) for n in names} == {n: "Person" for n in names}
    assert {who for who, _ in _won(text)} == names


def test_a_short_name_before_a_firms_award_stays_a_firm():
    assert _types("欧科亿荣获湖南省省长质量奖。")["欧科亿"] == "Company"
    assert _types("金鹰入选全国质量标杆。")["金鹰"] == "Company"


@pytest.mark.parametrize("text, award", [
    ("刘洋荣获全国青年五四奖章。", "全国青年五四奖章"),
    ("劉洋榮獲全國青年五四獎章。", "全國青年五四獎章"),
    ("公司荣获中国青年五四奖章。", "中国青年五四奖章"),
    ("公司获得全国五四青年奖章。", "全国五四青年奖章"),
])
def test_the_day_an_honour_is_named_after_is_part_of_its_name(text, award):
    assert _types(text).get(award) == "Award"


@pytest.mark.parametrize("text, holder, award", [
    ("长沙华力机械有限公司被认定为国家知识产权优势企业。", "长沙华力机械有限公司", "国家知识产权优势企业"),
    ("长沙华力机械有限公司被评为湖南省文明单位。", "长沙华力机械有限公司", "湖南省文明单位"),
    ("长沙华力机械有限公司荣膺全国模范劳动关系和谐企业。", "长沙华力机械有限公司", "全国模范劳动关系和谐企业"),
    ("长沙华力机械有限公司被认定为湖南省瞪羚企业。", "长沙华力机械有限公司", "湖南省瞪羚企业"),
    ("长沙华力机械有限公司获评国家级科技型中小企业。", "长沙华力机械有限公司", "国家级科技型中小企业"),
    ("长沙华力机械有限公司当选中国500强企业。", "长沙华力机械有限公司", "中国500强企业"),
    ("長沙華力機械有限公司被評為臺灣優良企業。", "長沙華力機械有限公司", "臺灣優良企業"),
    ("长沙旅游发展有限公司被评为国家AAAA级旅游景区。", "长沙旅游发展有限公司", "国家AAAA级旅游景区"),
    ("张三被评为湖南省优秀教师。", "张三", "湖南省优秀教师"),
])
def test_a_ranked_title_right_after_a_verb_of_designation(text, holder, award):
    assert (holder, award) in _won(text)


@pytest.mark.parametrize("text", [
    "长沙华力机械有限公司被评为全市优秀企业。",  # a whole city's own round: no rank or place named
    "该项目被列为湖南省重点建设项目。",  # a plan's list, no honour
    "长沙华力机械有限公司被评为湖南省规模最大的企业。",  # a description with 的, no title
])
def test_no_title_without_a_rank_or_with_a_description(text):
    assert not [e for e in extract_text(text)["entities"] if e["type"] == "Award"]


@pytest.mark.parametrize("text, holder, awards", [
    ("长沙华力机械有限公司2020年被评为湖南省瞪羚企业，2021年被认定为国家级专精特新“小巨人”企业。",
     "长沙华力机械有限公司", {"湖南省瞪羚企业", "国家级专精特新“小巨人”企业"}),
    ("长沙华力机械有限公司获评国家级绿色工厂，并入选国家技术创新示范企业。",
     "长沙华力机械有限公司", {"国家级绿色工厂", "国家技术创新示范企业"}),
    ("长沙华力机械有限公司荣获湖南省省长质量奖，还获得全国五一劳动奖状。",
     "长沙华力机械有限公司", {"湖南省省长质量奖", "全国五一劳动奖状"}),
])
def test_a_later_clause_with_its_holder_left_unsaid(text, holder, awards):
    won = _won(text)
    assert {prize for who, prize in won if who == holder} == awards


def test_a_later_clause_with_a_count_of_its_own_is_not_the_holders():
    won = _won("长沙华力机械有限公司的产品荣获湖南名牌产品称号，300个荣获湖南省著名商标称号。")
    assert ("长沙华力机械有限公司", "湖南省著名商标") not in won
    won = _won("长沙华力机械有限公司荣获湖南省省长质量奖，湘潭电机股份有限公司获湖南省质量奖提名奖。")
    assert ("长沙华力机械有限公司", "湖南省质量奖") not in won


@pytest.mark.parametrize("text, award", [
    ("长沙华力机械有限公司2020年被评为湖南省瞪羚企业。", "湖南省瞪羚企业"),
    ("长沙华力机械有限公司2020年3月被认定为国家知识产权优势企业。", "国家知识产权优势企业"),
])
def test_a_year_between_the_holder_and_the_verb_dates_the_win(text, award):
    assert _won(text)[("长沙华力机械有限公司", award)]["year"] == 2020


@pytest.mark.parametrize("text, holder, awards", [
    ("全国劳动模范王芳在会上发言。", "王芳", {"全国劳动模范"}),
    ("全国三八红旗手周敏讲述了她的故事。", "周敏", {"全国三八红旗手"}),
    ("国家级专精特新“小巨人”企业长沙华力机械有限公司近日投产。", "长沙华力机械有限公司", {"国家级专精特新“小巨人”企业"}),
    ("国家高新技术企业、国家级绿色工厂长沙华力机械有限公司近日投产。", "长沙华力机械有限公司", {"国家高新技术企业", "国家级绿色工厂"}),
])
def test_a_title_worn_right_before_its_holder(text, holder, awards):
    won = _won(text)
    assert {prize for who, prize in won if who == holder} == awards


def test_a_firms_title_before_a_person_or_a_persons_before_a_firm_is_no_apposition():
    assert not _won("国家高新技术企业王芳在会上发言。")
    assert ("长沙华力机械有限公司", "全国劳动模范") not in _won("全国劳动模范长沙华力机械有限公司。")


def test_a_firms_name_does_not_take_in_the_title_worn_before_it():
    types = _types("国家级绿色工厂长沙华力机械有限公司近日投产。")
    assert types.get("长沙华力机械有限公司") == "Company"
    assert _types("国家电网湖南省电力有限公司近日投产。").get("国家电网湖南省电力有限公司") == "Company"


@pytest.mark.parametrize("text, units", [
    ("第七届湖南省专利奖获奖名单\n一等奖\n1. 一种新型喷嘴 长沙华力机械有限公司\n二等奖\n2. 一种合金 湘潭电机股份有限公司",
     {("长沙华力机械有限公司", "一等奖"), ("湘潭电机股份有限公司", "二等奖")}),
    ("第七届湖南省专利奖获奖名单\n一等奖\n1.一种新型喷嘴（长沙华力机械有限公司）\n二等奖\n2.一种合金（湘潭电机股份有限公司、中南大学）",
     {("长沙华力机械有限公司", "一等奖"), ("湘潭电机股份有限公司", "二等奖"), ("中南大学", "二等奖")}),
    ("湖南省科学技术进步奖获奖项目\n一等奖\n1.长沙地铁隧道施工关键技术\t长沙华力机械有限公司",
     {("长沙华力机械有限公司", "一等奖")}),
])
def test_a_list_item_that_names_a_project_before_its_units(text, units):
    got = {(who, r["grade"]) for (who, _), r in _won(text).items()}
    assert got == units


def test_a_table_of_organisers_or_a_byline_names_no_winner():
    assert not _won("「湖南工商业奖」设有三个组别：\n组别 主办机构\n消费产品设计 湖南省工业总会\n顾客服务 湖南省零售管理协会")
    assert ("张三", "湖南省省长质量奖") not in _won("湖南省省长质量奖获奖名单\n一等奖\n本报记者 张三")


def test_a_national_centre_designated_by_name_stays_an_institution():
    # 国家…创新中心 names the centre itself: no title the firm holds
    types = _types("长沙华力机械有限公司获评国家先进动力装备创新中心。")
    assert types.get("国家先进动力装备创新中心") != "Award"


@pytest.mark.parametrize("text, award, grade", [
    ("长沙华力机械有限公司获评2022年湖南省工业设计大赛金奖。", "湖南省工业设计大赛", "金奖"),
    ("长沙华力机械有限公司荣获第十届中国机器人大赛一等奖。", "中国机器人大赛", "一等奖"),
    ("长沙华力机械有限公司获中国国际工业博览会金奖。", "中国国际工业博览会", "金奖"),
])
def test_a_contest_named_before_the_grade_it_gave(text, award, grade):
    assert _won(text)[("长沙华力机械有限公司", award)]["grade"] == grade


def test_a_contest_without_a_grade_is_no_award():
    assert not [e for e in extract_text("长沙华力机械有限公司参加湖南省工业设计大赛。")["entities"] if e["type"] == "Award"]


@pytest.mark.parametrize("text, holder, award", [
    ("长沙市第一中学被评为全国文明校园。", "长沙市第一中学", "全国文明校园"),
    ("醴陵市入选全国文明城市提名城市。", "醴陵市", "全国文明城市提名城市"),
    ("浏阳市荣获全国科技进步先进市。", "浏阳市", "全国科技进步先进市"),
    ("株洲市获批国家创新型城市。", "株洲市", "国家创新型城市"),
])
def test_titles_of_places_and_schools(text, holder, award):
    assert (holder, award) in _won(text)


def test_a_batch_inside_a_designation_stays_outside_its_name():
    types = _types("株洲市获批全国首批国家知识产权强市建设试点城市。")
    assert "全国首批国家知识产权强市建设试点城市" not in types


@pytest.mark.parametrize("text, award", [
    ("长沙华力机械有限公司成为获得湖南省省长质量奖的民营企业。", "湖南省省长质量奖"),
    ("长沙华力机械有限公司成为首家获得湖南省省长质量奖的企业。", "湖南省省长质量奖"),
    ("长沙华力机械有限公司是湖南省唯一一家获得中国质量奖的企业。", "中国质量奖"),
    ("长沙华力机械有限公司成为全省第一家获得湖南省省长质量奖的企业。", "湖南省省长质量奖"),
])
def test_the_first_or_only_winner_named_before_the_verb(text, award):
    assert ("长沙华力机械有限公司", award) in _won(text)


def test_winners_that_are_the_object_of_a_reward_are_not_the_subject():
    assert not _won("湖南省政府将对获得湖南省省长质量奖的企业给予奖励。")


@pytest.mark.parametrize("text, award", [
    ("湖南省政府向长沙华力机械有限公司颁发了湖南省省长质量奖。", "湖南省省长质量奖"),
    ("湖南省人民政府给长沙华力机械有限公司颁发湖南省省长质量奖。", "湖南省省长质量奖"),
    ("湖南省政府向長沙華力機械有限公司頒發湖南省省長質量獎。", "湖南省省長質量獎"),
    ("省长为长沙华力机械有限公司颁发湖南省省长质量奖奖牌。", "湖南省省长质量奖"),
])
def test_the_recipient_after_xiang_or_gei_before_the_verb_of_giving(text, award):
    won = _won(text)
    assert {prize for _, prize in won} == {award}
    assert [who for who, _ in won][0].endswith("有限公司")


def test_winners_named_after_a_label_for_persons():
    won = _won("2021年度湖南省省长质量奖\n获奖组织：长沙华力机械有限公司、湘潭电机股份有限公司\n获奖个人：王芳（长沙华力机械有限公司董事长）")
    assert {who for who, _ in won} == {"长沙华力机械有限公司", "湘潭电机股份有限公司", "王芳"}
    assert ("王芳", "湖南省省长质量奖") in _won("湖南省省长质量奖个人奖获奖人：王芳。")
    assert not _won("湖南省省长质量奖获奖人数为20人，其中有王芳。")


@pytest.mark.parametrize("text, award", [
    ("華力機械股份有限公司拿下國家品質獎。", "國家品質獎"),
    ("華力機械股份有限公司抱回三座台灣精品獎。", "台灣精品獎"),
    ("长沙华力机械有限公司捧回湖南省省长质量奖。", "湖南省省长质量奖"),
])
def test_more_verbs_of_winning(text, award):
    assert [prize for _, prize in _won(text)] == [award]


@pytest.mark.parametrize("text", [
    "今年國家品質獎得獎名單：華力機械股份有限公司、大同科技股份有限公司。",
    "湖南省省长质量奖获奖名单如下：华力机械股份有限公司、大同科技股份有限公司。",
    "湖南省省长质量奖获奖名单：华力机械股份有限公司、大同科技股份有限公司。",
])
def test_winners_after_the_list_of_winners_and_a_colon(text):
    assert {who for who, _ in _won(text)} == {"華力機械股份有限公司", "大同科技股份有限公司"} or {who for who, _ in _won(text)} == {"华力机械股份有限公司", "大同科技股份有限公司"}


@pytest.mark.parametrize("text, holder, award", [
    ("王芳荣获全国青年岗位能手。", "王芳", "全国青年岗位能手"),
    ("王芳荣获三湘巾帼建功标兵。", "王芳", "三湘巾帼建功标兵"),
    ("王芳荣获湖南省五一巾帼标兵。", "王芳", "湖南省五一巾帼标兵"),
    ("长沙华力机械有限公司荣获中国安装之星。", "长沙华力机械有限公司", "中国安装之星"),
])
def test_honours_named_by_their_kind_of_holder(text, holder, award):
    assert (holder, award) in _won(text)
    assert _types(text)[holder] == ("Person" if holder == "王芳" else "Company")


@pytest.mark.parametrize("text, park, award", [
    ("长沙高新区成立于1991年。近年来，高新区荣获“中国最具投资价值园区”称号。", "长沙高新区", "中国最具投资价值园区"),
    ("长沙经济技术开发区成立于1992年。2019年，经开区被评为国家级绿色园区。", "长沙经济技术开发区", "国家级绿色园区"),
])
def test_a_park_named_by_its_kind_is_the_park_the_report_is_about(text, park, award):
    assert (park, award) in _won(text)


def test_a_park_named_by_its_kind_with_no_park_in_the_report_wins_nothing():
    assert not _won("湖南省有多个园区。高新区荣获中国最具投资价值园区称号。")


def test_a_partnership_is_a_firm():
    assert ("长沙华力投资合伙企业", "湖南省省长质量奖") in _won("长沙华力投资合伙企业荣获湖南省省长质量奖。")
    assert not extract_text("公司拟设立有限合伙企业。")["entities"]


def test_a_title_before_a_colon_and_its_holders_is_kept():
    won = _won("湖南省劳动模范：王建华、李国强、赵建明。")
    assert {who for who, _ in won} == {"王建华", "李国强", "赵建明"}


@pytest.mark.parametrize("text", [
    "长沙华力机械有限公司生产的华力牌轴承获评湖南名牌产品。",
    "长沙华力机械有限公司研发的智能轴承获评湖南名牌产品。",
])
def test_a_firms_product_before_the_verb_is_no_firm(text):
    types = _types(text)
    assert [n for n, t in types.items() if t == "Company"] == ["长沙华力机械有限公司"]
    assert ("长沙华力机械有限公司", "湖南名牌产品") in _won(text)


@pytest.mark.parametrize("text", [
    "长沙华力机械有限公司、湘潭电机股份有限公司的产品入选2022年湖南省首台套重大技术装备名单。",
    "长沙华力机械有限公司和湘潭电机股份有限公司的产品荣获湖南名牌产品。",
    "长沙华力机械有限公司、湘潭电机股份有限公司的项目获得湖南省科学技术进步奖一等奖。",
])
def test_every_firm_of_a_list_whose_products_win(text):
    assert {who for who, _ in _won(text)} == {"长沙华力机械有限公司", "湘潭电机股份有限公司"}


@pytest.mark.parametrize("text, holder, award", [
    ("陳大文先生獲頒銅紫荊星章。", "陳大文", "銅紫荊星章"),
    ("刘洋荣获七一勋章。", "刘洋", "七一勋章"),
    ("袁隆平被授予共和国勋章。", "袁隆平", "共和国勋章"),
])
def test_medals_of_state(text, holder, award):
    assert (holder, award) in _won(text)
    assert _types(text)[holder] == "Person"


@pytest.mark.parametrize("text, award", [
    ("长沙华力机械有限公司荣获湖南省“十大杰出民营企业”称号。", "湖南省“十大杰出民营企业”"),
    ("长沙华力机械有限公司被评为2016年江苏省“质量标杆”。", "江苏省“质量标杆”"),
])
def test_a_place_before_a_quoted_title_is_part_of_its_name(text, award):
    assert ("长沙华力机械有限公司", award) in _won(text)


@pytest.mark.parametrize("text, awards", [
    ("长沙华力机械有限公司先后荣获湖南省省长质量奖和国家级绿色工厂称号。", {"湖南省省长质量奖", "国家级绿色工厂"}),
    ("长沙华力机械有限公司荣获国家级绿色工厂及国家技术创新示范企业称号。", {"国家级绿色工厂", "国家技术创新示范企业"}),
])
def test_two_titles_joined_before_chenghao_stay_two(text, awards):
    assert {prize for _, prize in _won(text)} == awards


def test_a_conjunction_inside_a_titles_field_stays_in_it():
    assert "全国质量和品牌先进企业" in _types("长沙华力机械有限公司荣获全国质量和品牌先进企业称号。")


def test_an_unclosed_bracket_on_a_list_line_is_no_crash():
    assert extract_text("湖南省专利奖获奖名单\n一等奖\n1.一种新型喷嘴（长沙华力机械有限公司")["entities"]


def test_every_person_the_holder_noun_lists():
    won = _won("湖南省五一劳动奖章获得者王建华、李国强受到表彰。")
    assert {who for who, _ in won} == {"王建华", "李国强"}


@pytest.mark.parametrize("text, award, grade", [
    ("长沙华力机械有限公司荣获全国脱贫攻坚奖。", "全国脱贫攻坚奖", None),
    ("长沙华力机械有限公司荣获全国创新争先奖一等奖。", "全国创新争先奖", "一等奖"),
    ("长沙华力机械有限公司荣获湖南省促进就业先进单位。", "湖南省促进就业先进单位", None),
    ("长沙华力机械有限公司荣获湖南省乡村振兴先进企业。", "湖南省乡村振兴先进企业", None),
    ("长沙华力机械有限公司荣获第五届湖南省省长质量奖提名奖。", "湖南省省长质量奖", "提名奖"),
])
def test_a_ranked_title_with_verbs_in_its_field(text, award, grade):
    assert _won(text)[("长沙华力机械有限公司", award)]["grade"] == grade


@pytest.mark.parametrize("text", [
    "长沙华力机械有限公司获得湖南省内企业、高校的广泛认可。",
    "长沙华力机械有限公司获得长沙市政府补贴500万元。",
    "长沙华力机械有限公司获得湖南省财政资金奖励。",
    "长沙华力机械有限公司获得第十一届中国专利金奖。",
])
def test_what_a_firm_gets_that_is_no_title(text):
    assert not _won(text)


def test_a_registered_trademark_is_no_title():
    assert not _won("2019年，桑植县华力白茶合作社成功获得国家地理标志商标。")


@pytest.mark.parametrize("text, holder, award, edition", [
    ("长沙华力机械有限公司系国家高新技术企业。", "长沙华力机械有限公司", "国家高新技术企业", None),
    ("长沙华力机械有限公司为首批国家级绿色工厂，拥有员工500人。", "长沙华力机械有限公司", "国家级绿色工厂", 1),
    ("長沙華力機械股份有限公司為國家品質獎得主。", "長沙華力機械股份有限公司", "國家品質獎", None),
])
def test_a_holder_and_a_copula_before_its_title(text, holder, award, edition):
    assert _won(text)[(holder, award)]["edition"] == edition


def test_for_before_a_title_is_no_copula():
    assert not _won("长沙华力机械有限公司为国家高新技术企业提供服务。")


@pytest.mark.parametrize("text, award", [
    ("长沙华力机械有限公司入选全国标准化良好行为企业。", "全国标准化良好行为企业"),
    ("长沙华力机械有限公司入选国家标准化良好行为AAAA级企业。", "国家标准化良好行为AAAA级企业"),
])
def test_a_ranked_title_after_ruxuan(text, award):
    assert ("长沙华力机械有限公司", award) in _won(text)


@pytest.mark.parametrize("text, awards", [
    ("王建华，全国劳动模范，长沙华力机械有限公司总工程师。", {"全国劳动模范"}),
    ("王建华系全国劳动模范、全国五一劳动奖章获得者。", {"全国劳动模范", "全国五一劳动奖章"}),
])
def test_a_persons_titles_after_a_comma_or_a_copula(text, awards):
    assert {prize for who, prize in _won(text) if who == "王建华"} == awards


def test_a_title_worn_by_the_next_person_is_not_the_first_ones():
    won = _won("会议由王建华主持，全国劳动模范李国强发言。")
    assert {who for who, _ in won} == {"李国强"}


@pytest.mark.parametrize("text, award", [
    ("长沙华力机械有限公司荣获“湖南省省长质量奖 ”。", "湖南省省长质量奖"),
    ("长沙华力机械有限公司荣获“ 国家级绿色工厂 ”称号。", "国家级绿色工厂"),
])
def test_spaces_inside_the_quotes_are_no_part_of_the_name(text, award):
    assert ("长沙华力机械有限公司", award) in _won(text)


@pytest.mark.parametrize("text, award", [
    ("近日，2021年度湖南省省长质量奖评审结果揭晓，长沙华力机械有限公司成功获奖。", "湖南省省长质量奖"),
    ("近日，湖南省工信厅公布了2022年国家级绿色工厂名单，长沙华力机械有限公司成功入选。", "国家级绿色工厂"),
    ("湖南省省长质量奖评选结果出炉。长沙华力机械有限公司再次上榜。", "湖南省省长质量奖"),
])
def test_a_win_with_an_adverb_of_the_award_named_before(text, award):
    assert ("长沙华力机械有限公司", award) in _won(text)


@pytest.mark.parametrize("text", [
    "长沙华力机械有限公司获得的荣誉有：湖南省省长质量奖、国家级绿色工厂。",
    "长沙华力机械有限公司所获荣誉：湖南省省长质量奖、国家级绿色工厂。",
    "长沙华力机械有限公司的主要荣誉包括湖南省省长质量奖、国家级绿色工厂等。",
])
def test_the_honours_a_holders_own_list_names(text):
    assert {prize for who, prize in _won(text) if who == "长沙华力机械有限公司"} == {"湖南省省长质量奖", "国家级绿色工厂"}


@pytest.mark.parametrize("text, awards", [
    ("长沙华力机械有限公司先后荣获“湖南省文明单位”“湖南省守合同重信用企业”等荣誉。", {"湖南省文明单位", "湖南省守合同重信用企业"}),
    ("长沙华力机械有限公司拥有“国家级绿色工厂”“国家级专精特新小巨人企业”等称号。", {"国家级绿色工厂", "国家级专精特新小巨人企业"}),
])
def test_two_quoted_titles_side_by_side_in_a_list_of_honours(text, awards):
    assert {prize for who, prize in _won(text) if who == "长沙华力机械有限公司"} == awards


def test_a_ranking_of_a_ranks_parks():
    won = _won("浏阳经开区入选国家级经济技术开发区综合发展水平30强。")
    assert [prize for _, prize in won] == ["国家级经济技术开发区综合发展水平30强"]
