"""Phrasings of receivedAward as real reports write them, one short invented phrase each.

The phrases are written for these tests (no report text); each rule was checked on the whole
dev split of the real gold before it was kept (tests/gold/REAL.md).
"""

from __future__ import annotations

import pytest

from kg.nlp import extract_text
from tests.conftest import relations_by_name


def _won(text: str) -> dict[tuple[str, str], dict]:
    return relations_by_name(text, "receivedAward")


@pytest.mark.parametrize("text, owners, award, grade", [
    ("由中南大学牵头与远大科技有限公司合作完成的“高强纤维材料研究”荣获湖南省科学技术进步奖二等奖。",
     {"中南大学", "远大科技有限公司"}, "湖南省科学技术进步奖", "二等奖"),
    ("远大科技有限公司的“一种新型喷嘴”和长沙新材料研究院有限公司的“一种合金”2项专利获湖南省专利奖一等奖。",
     {"远大科技有限公司", "长沙新材料研究院有限公司"}, "湖南省专利奖", "一等奖"),
    ("长沙医院创建的“四轮驱动、一键必达,急救120”质量管理模式等20个项目获湖南省质量奖。",
     {"长沙医院"}, "湖南省质量奖", None),
    ("中南大学牵头编制的《金属材料试验方法》(T/CNS 3—2018)等4项团体标准荣获中国标准创新贡献奖二等奖。",
     {"中南大学"}, "中国标准创新贡献奖", "二等奖"),
])
def test_the_owners_of_a_winning_project(text, owners, award, grade):
    won = _won(text)
    got = {holder for holder, prize in won if prize == award}
    assert got == owners
    assert {won[(holder, award)]["grade"] for holder in owners} == {grade}


def test_a_projects_owner_is_not_the_owner_of_the_next_clauses_project():
    won = _won("长沙钢铁有限公司的“高强纤维关键技术”荣获湖南省技术发明奖一等奖,"
               "湖南建工集团的“隧道测控关键技术”获湖南省科学技术进步奖二等奖。")
    assert ("长沙钢铁有限公司", "湖南省技术发明奖") in won
    assert ("湖南建工集团", "湖南省科学技术进步奖") in won
    assert ("长沙钢铁有限公司", "湖南省科学技术进步奖") not in won


@pytest.mark.parametrize("text, award, year, grade", [
    ("长沙钢铁有限公司等获2017年“湖南省质量效益型企业”称号。", "湖南省质量效益型企业", 2017, None),
    ("授予长沙钢铁有限公司“全国实施卓越绩效模式先进企业”荣誉称号。", "全国实施卓越绩效模式先进企业", None, None),
    ("授予长沙钢铁有限公司“2022年度中山市政府质量奖提名奖”称号。", "中山市政府质量奖", 2022, "提名奖"),
])
def test_a_title_in_quotes_before_chenghao(text, award, year, grade):
    won = _won(text)[("长沙钢铁有限公司", award)]
    assert (won["year"], won["grade"]) == (year, grade)


def test_a_fused_prize_and_grade_in_quotes_names_no_award():
    result = extract_text("授予长沙钢铁有限公司“中国专利金奖”称号。")
    assert not [e for e in result["entities"] if e["type"] == "Award"]


@pytest.mark.parametrize("text, award", [
    ("省发改委公布了2019年湖南省企业技术中心名单,我市长沙钢铁有限公司入选。", "湖南省企业技术中心"),
    ("工业和信息化部公布拟认定的第六批制造业单项冠军名单,我区长沙钢铁有限公司上榜。", "制造业单项冠军"),
])
def test_a_designation_named_before_its_list_by_batch_or_year(text, award):
    assert ("长沙钢铁有限公司", award) in _won(text)


def test_a_place_wins_a_grade_only_as_the_subject_of_its_verb():
    won = _won("在2022年度湖南省专利奖评选中,株洲市斩获金奖2项。")
    assert won[("株洲市", "湖南省专利奖")]["grade"] == "金奖"
    # a place that qualifies the prize or where it was won is no winner
    assert not [k for k in _won("在2022年度湖南省专利奖评选中,在株洲获得的4项金奖中,株洲钢铁有限公司占了2项。") if k[0] == "株洲"]
    assert not [k for k in _won("湖南省专利奖评选揭晓,株洲钢铁有限公司是株洲市湖南省专利奖金奖的主要获得者。") if k[0] == "株洲市"]


def test_a_long_list_before_a_count_of_wins_is_read_whole():
    won = _won("共有151家单位完成的项目通过2020年国家科学技术奖初评。清华大学斩获5项,"
               "大连理工大学、复旦大学、哈尔滨工业大学、天津大学、武汉大学、中国农业大学等高校斩获4项。")
    holders = {h for h, a in won if a == "国家科学技术奖"}
    assert {"清华大学", "大连理工大学", "复旦大学", "中国农业大学"} <= holders


def test_those_who_present_the_prizes_to_the_winners_win_none():
    won = _won("2011年湖南省质量工作先进单位表彰晚会举行。省政协主席马中平、副省长吴登昌等领导出席晚会并为获奖单位和个人颁奖。")
    assert not [h for h, _ in won if h in ("马中平", "吴登昌")]


@pytest.mark.parametrize("text, award", [
    ("长沙钢铁有限公司再次获得全国质协系统先进单位称号。", "全国质协系统先进单位"),
    ("长沙钢铁有限公司被授予中国名牌产品的称号。", "中国名牌产品"),
])
def test_a_title_without_quotes_before_chenghao(text, award):
    assert ("长沙钢铁有限公司", award) in _won(text)


@pytest.mark.parametrize("text, award, grade", [
    ("长沙钢铁有限公司的3个产品荣获中国世界名牌产品称号。", "中国世界名牌产品", None),
    ("湖南建工集团有限公司生产的湘江牌水泥,长沙钢铁有限公司生产的星光牌钢材2个产品荣获中国世界名牌产品称号。",
     "中国世界名牌产品", None),
    ("长沙钢铁有限公司的2项成果均获湖南省科学技术进步奖一等奖。", "湖南省科学技术进步奖", "一等奖"),
])
def test_the_owner_of_counted_products_wins(text, award, grade):
    assert _won(text)[("长沙钢铁有限公司", award)]["grade"] == grade


def test_a_nomination_after_the_prize_is_its_grade():
    won = _won("泗水利丰食品有限公司等5家企业获得济宁市长质量奖提名。")
    assert won[("泗水利丰食品有限公司", "济宁市长质量奖")]["grade"] == "提名奖"


@pytest.mark.parametrize("text, not_winner", [
    ("2022年度湖南省质量奖揭晓。全省各行各业要以获奖单位为榜样,深入学习贯彻习近平总书记关于高质量发展的重要论述。", "习近平"),
    ("据了解,中国专利奖由国家知识产权局和世界知识产权组织共同主办,是我国专利领域的最高奖,获奖专利创新质量高。", "国家知识产权局"),
])
def test_examples_and_organisers_are_no_winners(text, not_winner):
    assert not [h for h, _ in _won(text) if h == not_winner]


@pytest.mark.parametrize("text, place", [
    ("滨海新区五家企业获评第五届天津质量奖、提名奖。", "滨海新区"),
    ("长沙市3家企业荣获2022年度湖南省质量奖。", "长沙市"),
])
def test_a_place_or_park_that_counts_its_firms_wins_nothing(text, place):
    assert not [h for h, _ in _won(text) if h == place]


@pytest.mark.parametrize("text, award", [
    ("海南首设省政府质量奖,长沙钢铁有限公司获此殊荣。", "省政府质量奖"),
    ("该奖项分设项目奖、组织奖和个人奖。", "项目奖"),
    ("卓院长頒發國家磐石關懷獎章贈獎給范書愷院長。", "國家磐石關懷獎章"),
])
def test_a_verb_before_a_prize_is_no_part_of_its_name(text, award):
    names = {e["name"] for e in extract_text(text)["entities"] if e["type"] == "Award"}
    assert award in names and not [n for n in names if n != award and n.endswith(award)]


def test_a_provinces_demonstration_zone_is_a_title_a_countys_is_a_park():
    ents = {(e["type"], e["name"]) for e in extract_text(
        "攸县获评湖南省蔬菜全产业链标准化示范区,廉江市河唇红杨桃生产标准化示范区通过考核验收。")["entities"]}
    assert ("Award", "湖南省蔬菜全产业链标准化示范区") in ents
    assert ("Park", "廉江市河唇红杨桃生产标准化示范区") in ents


def test_the_verb_after_a_year_is_no_part_of_a_titles_name():
    names = {e["name"] for e in extract_text("绵阳经济技术开发区2021年入选国家级绿色工业园区名单。")["entities"] if e["type"] == "Award"}
    assert names == {"国家级绿色工业园区"}


@pytest.mark.parametrize("text, awards", [
    ("本批共有391家绿色工厂、480种绿色设计产品、34家绿色园区上榜。", {"绿色工厂", "绿色设计产品", "绿色园区"}),
    ("2007年中国名牌产品暨中国世界名牌产品表彰大会在京举行。", {"中国名牌产品", "中国世界名牌产品"}),
    ("专家组对该县国家级农业标准化示范区项目进行了考核验收。", {"国家级农业标准化示范区"}),
])
def test_national_titles_of_the_lexicon_are_awards_without_a_verb(text, awards):
    result = extract_text(text)
    assert awards <= {e["name"] for e in result["entities"] if e["type"] == "Award"}


def test_a_firm_named_a_national_title_of_the_lexicon_receives_it():
    won = _won("湖南华峰机械有限公司获评2020年绿色工厂。")
    assert ("湖南华峰机械有限公司", "绿色工厂") in won


@pytest.mark.parametrize("text, child, parent", [
    ("湖南华峰机械有限公司（中国中车股份有限公司子公司）获奖。", "湖南华峰机械有限公司", "中国中车股份有限公司"),
    ("益力坚实业有限公司(晶苑集团成员)获奖。", "益力坚实业有限公司", "晶苑集团"),
])
def test_a_parent_named_in_a_bracket_after_its_unit(text, child, parent):
    result = extract_text(text)
    names = {e["id"]: e["name"] for e in result["entities"]}
    assert (child, parent) in {(names[r["subject"]], names[r["object"]]) for r in result["relations"] if r["predicate"] == "subsidiaryOf"}


def test_a_place_in_a_bracket_after_a_firm_is_no_parent():
    result = extract_text("湖南华峰机械有限公司（长沙市）获奖。")
    assert not [r for r in result["relations"] if r["predicate"] == "subsidiaryOf"]


def test_a_title_a_city_sets_out_to_create_is_an_award():
    result = extract_text("验收组来我市，对我市创建“质量强市示范城市”进行考核验收。")
    assert "质量强市示范城市" in {e["name"] for e in result["entities"] if e["type"] == "Award"}
    assert not [e for e in extract_text("创建一批示范企业。")["entities"] if e["type"] == "Award"]


def test_a_government_before_a_verb_of_receiving_wins():
    won = _won("经评审，湘潭市人民政府荣获第四届中国质量奖提名奖。")
    assert won[("湘潭市人民政府", "中国质量奖")]["grade"] == "提名奖"


def test_governments_that_decide_to_name_the_winners_win_nothing():
    won = _won("工业和信息化部、财政部决定将56家企业认定为第二批国家技术创新示范企业。")
    assert not [holder for holder, _ in won if holder in ("工业和信息化部", "财政部")]


def test_winners_of_the_award_named_before_by_an_anaphor():
    won = _won("第三届“湖南省质量奖”评选揭晓。长沙钢铁有限公司总经理王立新、湖南建工集团有限公司董事长李明等"
               "共计7位为全省质量发展作出贡献的企业家获得此项殊荣。")
    assert {holder for holder, award in won if award == "湖南省质量奖"} >= {"王立新", "李明"}


def test_a_category_of_an_award_won_by_a_counted_list_is_not_the_first_category_named():
    won = _won("该奖项下设项目奖、个人奖及组织奖,长沙钢铁有限公司和湖南建工集团有限公司等6家单位分获组织奖。")
    assert not [holder for holder, award in won if award == "项目奖"]


@pytest.mark.parametrize("text, award", [
    ("长沙钢铁有限公司被评为“最佳诚信商户”。", "最佳诚信商户"),
    ("湖南建工集团有限公司当选“年度十佳雇主”,并获表彰。", "年度十佳雇主"),
])
def test_a_quoted_title_right_after_a_conferring_verb_is_an_award(text, award):
    assert award in {e["name"] for e in extract_text(text)["entities"] if e["type"] == "Award"}


@pytest.mark.parametrize("text", [
    "长沙钢铁有限公司的产品荣获“湖南制造”认证。",  # a noun after the quotes: a certification
    "这片林地成为“城市绿肺”。",  # 成为: a figure of speech
    "长沙钢铁有限公司获得“一种合金轧制方法”发明专利。",  # 获得: a patent
])
def test_a_quoted_name_after_other_verbs_or_before_a_noun_is_no_award(text):
    assert not [e for e in extract_text(text)["entities"] if e["type"] == "Award"]


def test_a_long_title_after_a_person_and_tongzhi_opens_on_its_province():
    # 17 characters from the name to 奖: longer than a prize's body may be, so the scan stops at
    # the province it passed on the way back
    won = _won("授予汪伟同志四川省杰出青年科学技术创新奖。")
    assert ("汪伟", "四川省杰出青年科学技术创新奖") in won


def test_as_the_winner_of_a_title_the_next_clauses_subject_holds_it():
    won = _won("作为首届湖南省质量奖获得者,长沙钢铁有限公司始终坚持质量第一。")
    assert won[("长沙钢铁有限公司", "湖南省质量奖")]["edition"] == 1


def test_a_prizes_winner_noun_ends_what_stands_before_a_firms_name():
    names = {e["name"] for e in extract_text("中国质量奖得主长沙钢铁有限公司。")["entities"]}
    assert "长沙钢铁有限公司" in names and "中国质量奖" in names


def test_a_grade_read_in_traditional_text_is_given_as_written():
    won = _won("第31屆台灣精品獎得獎名單公布\n其中獲得金質獎的企業如下:\n1.華盛電子股份有限公司\n")
    assert won[("華盛電子股份有限公司", "台灣精品獎")]["grade"] == "金質獎"


@pytest.mark.parametrize("text, award, edition, year", [
    ("經濟部今日頒發第25屆國家品質獎予華盛電子股份有限公司及宏達機械股份有限公司。", "國家品質獎", 25, None),
    ("今年共有12家企業獲得國家品質獎,包括華盛電子股份有限公司、宏達機械股份有限公司。", "國家品質獎", None, None),
])
def test_an_award_named_before_its_winners_goes_to_each_of_them(text, award, edition, year):
    won = _won(text)
    for firm in ("華盛電子股份有限公司", "宏達機械股份有限公司"):
        assert won[(firm, award)].get("edition") == edition
    assert not any(s == "經濟部" for s, _ in won)


@pytest.mark.parametrize("text", [
    "市长特别颁发终身贡献奖给黄建华和前市工策会总干事吴正平，表彰他们的贡献。",
    "經濟部頒發終身貢獻獎予黃建華與前工策會總幹事吳正平。",
])
def test_two_people_joined_by_he_both_win_even_when_the_second_carries_a_post(text):
    won = {s for s, a in _won(text)}
    assert {"黄建华", "吴正平"} <= won or {"黃建華", "吳正平"} <= won


def test_firms_listed_after_a_count_of_candidates_win_nothing():
    assert not _won("省里推荐5家企业申报中国质量奖,包括华盛电子有限公司、宏达机械有限公司。")


def test_a_ranking_after_a_year_written_without_nian_is_the_title_held():
    assert ("华盛电子有限公司", "中国企业500强") in _won("华盛电子有限公司入选2023中国企业500强。")


def test_the_official_who_hands_an_award_to_its_winners_wins_nothing():
    won = _won("副省长张伟为获得湖南省省长质量奖的企业颁奖。")
    assert not won
    names = {e["name"] for e in extract_text("副省长张伟为获得湖南省省长质量奖的企业颁奖。")["entities"]}
    assert "张伟" in names and "张伟为" not in names


def test_a_short_firm_before_a_post_is_a_firm_and_the_post_holder_wins_in_a_later_clause():
    text = "而在女性创业领域,鸿鼎菓子总经理陈忆虹则以品牌策略、营运管理的卓越贡献,荣获第14届女性创业菁英奖。"
    won = _won(text)
    assert ("陈忆虹", "女性创业菁英奖") in won and ("鸿鼎菓子", "女性创业菁英奖") not in won
    result = extract_text(text)
    assert ("Company", "鸿鼎菓子") in {(e["type"], e["name"]) for e in result["entities"]}
    assert not _won("公司总经理张伟表示,将继续努力。")


@pytest.mark.parametrize("text, award", [
    ("华盛电子有限公司获得湖南省质量信用AAA级企业称号。", "湖南省质量信用AAA级企业"),
    ("华盛电子有限公司获得国家级“守合同重信用”企业称号。", "国家级“守合同重信用”企业"),
    ("华盛电子有限公司获得中国驰名商标认定。", "中国驰名商标"),
    ("华盛电子有限公司获评国家级智能制造示范工厂。", "国家级智能制造示范工厂"),
    ("华盛电子有限公司被认定为湖南省“专精特新”中小企业。", "湖南省“专精特新”中小企业"),
    ("华盛电子有限公司入选湖南省专精特新中小企业。", "湖南省专精特新中小企业"),
    ("华盛电子有限公司荣获全国工人先锋号称号。", "全国工人先锋号"),
    ("华盛电子有限公司获评青年文明号。", "青年文明号"),
    ("华盛电子有限公司入选5G全连接工厂名单。", "5G全连接工厂"),
])
def test_more_forms_of_titles_held(text, award):
    assert ("华盛电子有限公司", award) in _won(text)


def test_a_factory_being_built_is_no_title():
    assert not _won("华盛电子有限公司建设智能工厂。")


def test_a_verb_of_building_after_the_grant_is_no_part_of_the_title():
    won = _won("长沙高新区获批建设国家知识产权示范园区。")
    assert ("长沙高新区", "国家知识产权示范园区") in won


@pytest.mark.parametrize("text, holder, award", [
    # a name with 同志 before the verb is the person, not a firm
    ("张建国同志被评为全国优秀共产党员。", "张建国", "全国优秀共产党员"),
    ("李明华同志荣获全国五一劳动奖章。", "李明华", "全国五一劳动奖章"),
])
def test_a_person_named_with_a_form_of_address_holds_the_title(text, holder, award):
    result = extract_text(text)
    assert not [e for e in result["entities"] if e["type"] == "Company"]
    assert (holder, award) in _won(text)


@pytest.mark.parametrize("title", ["全国三八红旗手", "大国工匠", "全国优秀企业家", "全国优秀共产党员", "中国质量工匠"])
def test_honours_of_persons_are_titles_they_hold(title):
    assert ("张建国", title) in _won(f"华盛电子有限公司总工程师张建国荣获{title}称号。")


def test_the_craftsman_spirit_is_no_title():
    assert not _won("公司大力弘扬工匠精神，培养了一批技术工匠。")


@pytest.mark.parametrize("text, award", [
    ("醴陵经开区获评湖西省五星级园区。", "湖西省五星级园区"),
    ("醴陵经开区成功创建湖南省三星级园区。", "湖南省三星级园区"),
])
def test_a_parks_star_rating_is_a_title_it_holds_not_a_park(text, award):
    result = extract_text(text)
    assert award not in {e["name"] for e in result["entities"] if e["type"] == "Park"}
    assert ("醴陵经开区", award) in _won(text)


@pytest.mark.parametrize("text, holder, award", [
    # a verb of winning ends the award's name on its left (獲頒|績優廠商獎, 荣膺|…奖)
    ("長嶺重工股份有限公司獲頒績優廠商獎。", "長嶺重工股份有限公司", "績優廠商獎"),
    ("新竹科學園區獲頒績優園區獎。", "新竹科學園區", "績優園區獎"),
    # a pilot park or base is named whole (…试点园区, …试点基地), not cut at 试点
    ("株洲高新区获批国家知识产权试点园区。", "株洲高新区", "国家知识产权试点园区"),
    ("株洲高新区获批国家生态文明建设试点基地。", "株洲高新区", "国家生态文明建设试点基地"),
])
def test_an_awards_name_between_the_verb_and_its_own_last_word(text, holder, award):
    assert (holder, award) in _won(text)


@pytest.mark.parametrize("text, holders, award", [
    ("湖西省5家企业入选国家级绿色工厂名单，分别是长岭重工机械有限公司、北川精密仪器股份有限公司。",
     {"长岭重工机械有限公司", "北川精密仪器股份有限公司"}, "国家级绿色工厂"),
    ("我省3个园区入选国家级绿色园区名单，分别是株洲高新区、醴陵经开区和湘潭经开区。",
     {"株洲高新区", "醴陵经开区", "湘潭经开区"}, "国家级绿色园区"),
])
def test_the_members_of_a_list_named_after_it(text, holders, award):
    assert {h for h, a in _won(text) if a == award} == holders


@pytest.mark.parametrize("text, holder", [
    ("恭喜長嶺重工股份有限公司榮獲第30屆國家磐石獎！", "長嶺重工股份有限公司"),
    ("热烈祝贺长岭重工机械有限公司荣获湖南省省长质量奖！", "长岭重工机械有限公司"),
    ("祝贺长岭重工荣获中国质量奖提名奖", "长岭重工"),
])
def test_a_congratulation_is_no_part_of_the_winners_name(text, holder):
    names = {e["name"] for e in extract_text(text)["entities"] if e["type"] == "Company"}
    assert names == {holder}


@pytest.mark.parametrize("text, holder, award, grade", [
    ("湖西省省长质量奖获奖企业长岭重工机械有限公司总经理张建国介绍", "长岭重工机械有限公司", "湖西省省长质量奖", None),
    ("台灣精品獎得獎企業長嶺重工股份有限公司董事長張建國表示", "長嶺重工股份有限公司", "台灣精品獎", None),
    ("湖西省专利奖一等奖获奖单位：长岭重工机械有限公司。", "长岭重工机械有限公司", "湖西省专利奖", "一等奖"),
])
def test_the_organisation_named_right_after_the_awards_holder_noun(text, holder, award, grade):
    won = _won(text)
    assert (holder, award) in won and won[(holder, award)]["grade"] == grade


def test_a_holder_noun_before_a_list_heading_names_no_holder():
    assert not _won("湖西省省长质量奖获奖企业名单公布")


@pytest.mark.parametrize("text, holders, award", [
    ("湖西省政府今天舉行國家品質獎頒獎典禮，由院長親自頒獎給長嶺重工股份有限公司、北川精密股份有限公司等得獎企業。", {"長嶺重工股份有限公司", "北川精密股份有限公司"}, "國家品質獎"),
    ("省政府召开湖西省省长质量奖表彰大会，省长为长岭重工机械有限公司、北川精密仪器股份有限公司颁奖。",
     {"长岭重工机械有限公司", "北川精密仪器股份有限公司"}, "湖西省省长质量奖"),
    ("副省长张建国为长岭重工机械有限公司颁发湖西省省长质量奖。", {"长岭重工机械有限公司"}, "湖西省省长质量奖"),
    ("省长为长岭重工机械有限公司、北川精密仪器股份有限公司颁发了“湖西省省长质量奖”奖牌。",
     {"长岭重工机械有限公司", "北川精密仪器股份有限公司"}, "湖西省省长质量奖"),
])
def test_the_members_a_prize_is_given_to(text, holders, award):
    assert {h for h, a in _won(text) if a == award} == holders


@pytest.mark.parametrize("text, award", [
    ("长岭重工机械有限公司位列湖西省民营企业100强第5位。", "湖西省民营企业100强"),  # a province's ranking
    ("長嶺重工股份有限公司入選2023台灣百大品牌。", "台灣百大品牌"),  # a top-hundred list
    ("长岭重工机械有限公司入选2023年中国十大品牌。", "中国十大品牌"),
])
def test_a_place_on_a_provinces_ranking_or_a_top_ten_list(text, award):
    holder = next(e["name"] for e in extract_text(text)["entities"] if e["type"] == "Company")
    assert (holder, award) in _won(text)


@pytest.mark.parametrize("text", [
    "株洲高新区管委会主任张建国介绍，园区已获批国家级经济技术开发区。",
    "长岭重工机械有限公司董事长张建国透露，公司已获评国家级绿色工厂。",
])
def test_a_person_who_tells_of_a_win_does_not_win_it(text):
    assert not [h for h, _ in _won(text) if h == "张建国"]


@pytest.mark.parametrize("text", [
    "湖西大学、长岭重工机械有限公司共同完成的项目荣获国家科学技术进步奖二等奖。",
    "由湖西大学和长岭重工机械有限公司完成的项目荣获国家科学技术进步奖二等奖。",
])
def test_each_unit_that_completed_a_project_wins_its_award(text):
    won = _won(text)
    assert {h for h, a in won if a == "国家科学技术进步奖"} == {"湖西大学", "长岭重工机械有限公司"}
    assert won[("长岭重工机械有限公司", "国家科学技术进步奖")]["grade"] == "二等奖"


@pytest.mark.parametrize("title", ["全国用户满意企业", "湖西省质量标杆", "全国质量诚信标杆典型企业"])
def test_more_titles_a_firm_is_named(title):
    assert ("长岭重工机械有限公司", title) in _won(f"长岭重工机械有限公司获评{title}。")


@pytest.mark.parametrize("text", ["公司致力于打造行业质量标杆。", "让用户满意企业才能发展。"])
def test_such_words_in_prose_name_no_title(text):
    assert not [e for e in extract_text(text)["entities"] if e["type"] == "Award"]


@pytest.mark.parametrize("text, award", [
    ("長嶺重工股份有限公司獲選「優質商戶」。", "優質商戶"),  # a quoted title after 获选
    ("長嶺重工股份有限公司獲選為「卓越中堅企業」，", "卓越中堅企業"),
    ("長嶺重工股份有限公司榮獲湖西縣卓越中堅企業。", "湖西縣卓越中堅企業"),
])
def test_taiwans_and_hong_kongs_titles_after_their_verbs(text, award):
    assert ("長嶺重工股份有限公司", award) in _won(text)


def test_a_person_with_a_bracketed_post_wins_not_the_body_in_the_bracket():
    won = _won("张建国（长岭重工机械有限公司董事长）、李明华（北川精密仪器股份有限公司总经理）荣获湖南省省长质量奖。")
    assert {h for h, a in won if a == "湖南省省长质量奖"} == {"张建国", "李明华"}


@pytest.mark.parametrize("text, holders", [
    ("湖南省质量奖：长岭重工机械有限公司、北川精密仪器股份有限公司。", {"长岭重工机械有限公司", "北川精密仪器股份有限公司"}),
    ("湖南省质量奖个人奖：张建国（长岭重工机械有限公司董事长）、李明华（北川精密仪器股份有限公司总经理）。", {"张建国", "李明华"}),
    ("拟推荐湖南省质量奖：长岭重工机械有限公司。", set()),  # candidates recommended win nothing yet
])
def test_the_members_listed_after_an_award_and_a_colon(text, holders):
    assert {h for h, a in _won(text) if a == "湖南省质量奖"} == holders


@pytest.mark.parametrize("text", [
    "2023年湖南省优秀企业家名单\n张建国（长岭重工机械有限公司董事长）\n李明华（北川精密仪器股份有限公司总经理）",
    "2023年湖南省优秀企业家名单\n长岭重工机械有限公司 张建国\n北川精密仪器股份有限公司 李明华",
])
def test_a_list_of_persons_under_a_persons_title(text):
    assert {h for h, a in _won(text) if a == "湖南省优秀企业家"} == {"张建国", "李明华"}


@pytest.mark.parametrize("text", [
    "长岭重工机械有限公司是一家装备制造企业。公司先后获得湖南省省长质量奖等荣誉。",
    "长岭重工机械有限公司始终坚持质量第一。2023年，企业荣获湖南省省长质量奖。",
])
def test_a_bare_firm_noun_opening_its_sentence_points_back_to_the_firm(text):
    assert ("长岭重工机械有限公司", "湖南省省长质量奖") in _won(text)


def test_a_bare_firm_noun_with_no_firm_before_wins_nothing():
    assert not _won("湖南省市场监管局召开会议。企业获得湖南省省长质量奖后可享受奖励。")

def test_an_awards_name_may_hold_words_the_dictionary_tags_as_adverbs():
    assert ("華盛電子股份有限公司", "台灣企業永續獎") in _won("華盛電子股份有限公司榮獲台灣企業永續獎。")


def test_places_listed_before_a_count_of_them_are_places_and_each_wins():
    text = "株洲、湘潭两市入选国家质量强市示范城市。"
    names = {(e["type"], e["name"]) for e in extract_text(text)["entities"]}
    assert ("Place", "湘潭") in names and not any(n.endswith("两市") for _, n in names)
    won = _won(text)
    assert ("株洲", "国家质量强市示范城市") in won and ("湘潭", "国家质量强市示范城市") in won


@pytest.mark.parametrize("text", [
    "工信部公布第六批国家级工业设计中心名单，其中湖南省有3家，分别是华盛电子有限公司、宏达机械有限公司和天成重工有限公司。",
    "工信部印发《关于公布第六批和复核通过的第二批国家级工业设计中心名单的通告》，全国新认定113家，其中郑州市3家企业，分别为华盛电子有限公司、宏达机械有限公司、天成重工有限公司。",
])
def test_the_share_of_a_published_list_holds_the_award_of_the_list(text):
    won = _won(text)
    for firm in ("华盛电子有限公司", "宏达机械有限公司", "天成重工有限公司"):
        assert won[(firm, "国家级工业设计中心")].get("edition") == 6


def test_the_share_of_a_list_of_candidates_holds_nothing():
    assert not _won("省工信厅公布国家级工业设计中心推荐名单，其中株洲市有2家，分别是华盛电子有限公司、宏达机械有限公司。")


def test_the_winners_named_after_de_shi():
    won = _won("荣获湖南省省长质量奖提名奖的是华盛电子有限公司和宏达机械有限公司。")
    assert won[("华盛电子有限公司", "湖南省省长质量奖")].get("grade") == "提名奖"
    assert ("宏达机械有限公司", "湖南省省长质量奖") in won


@pytest.mark.parametrize("text, grade", [
    ("本届湖南省省长质量奖花落华盛电子有限公司、宏达机械有限公司。", None),
    ("湖南省省长质量奖金奖花落华盛电子有限公司。", "金奖"),
    ("华盛电子有限公司一举将湖南省省长质量奖收入囊中。", None),
    ("华盛电子有限公司问鼎湖南省省长质量奖。", None),
])
def test_idioms_of_winning_give_the_award_to_its_winner(text, grade):
    won = _won(text)
    assert won[("华盛电子有限公司", "湖南省省长质量奖")].get("grade") == grade
    assert not any(n.startswith("花落") for n, _ in won)


@pytest.mark.parametrize("text, holders, award", [
    ("長嶺重工股份有限公司與北川精密股份有限公司同獲第25屆國家磐石獎。", {"長嶺重工股份有限公司", "北川精密股份有限公司"}, "國家磐石獎"),
    ("长岭重工机械有限公司和北川精密仪器股份有限公司也获评国家级绿色工厂。", {"长岭重工机械有限公司", "北川精密仪器股份有限公司"}, "国家级绿色工厂"),
    ("第25屆國家磐石獎得獎名單揭曉。本屆得獎企業分別為長嶺重工股份有限公司、北川精密股份有限公司。",
     {"長嶺重工股份有限公司", "北川精密股份有限公司"}, "國家磐石獎"),
    ("國家磐石獎得主長嶺重工股份有限公司董事長張建國表示，", {"長嶺重工股份有限公司"}, "國家磐石獎"),
    ("全国五一劳动奖章获得者长岭重工机械有限公司首席技师张建国说", {"张建国"}, "全国五一劳动奖章"),  # a person's medal
    ("國家磐石獎今天頒獎，獲獎的長嶺重工股份有限公司表示，", {"長嶺重工股份有限公司"}, "國家磐石獎"),
    ("湖南省省长质量奖评审结果揭晓。未获奖的长岭重工机械有限公司表示，", set(), "湖南省省长质量奖"),
])
def test_winners_named_together_by_their_win_or_as_the_awards_holder(text, holders, award):
    assert {h for h, a in _won(text) if a == award} == holders


def test_the_means_of_a_win_is_no_winner():
    won = _won("华盛电子有限公司凭借卓越绩效管理模式荣获湖南省省长质量奖。")
    assert set(won) == {("华盛电子有限公司", "湖南省省长质量奖")}


@pytest.mark.parametrize("text, edition", [
    ("荣获第33届湖南省省长质量奖的华盛电子有限公司今天举办发布会。", 33),
    ("湖南省省长质量奖获奖企业华盛电子有限公司近日投产新线。", None),
])
def test_a_holder_described_by_the_award_it_won(text, edition):
    assert _won(text)[("华盛电子有限公司", "湖南省省长质量奖")].get("edition") == edition


def test_the_award_winners_representative_is_no_holder_named():
    assert not _won("湖南省省长质量奖获奖企业代表发言。")
