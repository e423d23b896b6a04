"""Name extents (issue 13, boundaries and recall): spans the suffix rules ran over a clause, a
kind or a count, and short firm names that structure alone shows to be names.

One test per pattern family, each on short phrases written for the test (no report text), with a
control that the names beside the failing span are still found.
"""

from __future__ import annotations

from kg.nlp import extract_text


def _typed(phrase: str) -> set[tuple[str, str]]:
    return {(e["type"], e["name"]) for e in extract_text(phrase)["entities"]}


def test_a_list_item_never_runs_over_a_preposition_or_a_park_to_a_firms_suffix():
    names = _typed("屯门工业邨、荃湾工业邨和沙田工业邨由华盛科技园公司负责管理。")
    assert ("Company", "华盛科技园公司") in names
    assert ("Park", "荃湾工业邨") in names and ("Park", "沙田工业邨") in names
    assert not any("由" in n for _, n in names)


def test_a_plant_as_the_object_of_verbs_names_no_firm():
    names = _typed("华盛公司在长沙经开区投资建设新工厂。")
    assert ("Park", "长沙经开区") in names
    assert {n for t, n in names if t == "Company"} == {"华盛公司"}
    assert _typed("华盛公司计划建设新工厂。") == {("Company", "华盛公司")}
    assert ("Company", "华盛服装工厂") in _typed("华盛服装工厂获得表彰。")  # a brand and a trade: a firm's plant


def test_a_place_and_a_rank_before_a_kind_of_park_name_no_park():
    names = _typed("溧阳高新区是江苏省级高新区。")
    assert ("Park", "溧阳高新区") in names
    assert not any(n.endswith("省级高新区") for _, n in names)


def test_a_county_level_new_area_is_a_place_and_a_national_new_area_a_park():
    names = _typed("华盛电子有限公司是一家注册在上海市浦东新区的企业。")
    assert ("Place", "浦东新区") in names and not any(t == "Park" for t, _ in names)
    assert ("Park", "青岛西海岸新区") in _typed("青岛西海岸新区引进了三家企业。")


def test_a_count_glued_to_the_word_before_a_kind_of_park_ends_the_name():
    names = _typed("竹科、中科、南科三大科學園區的營收都成長了。")
    assert not any("三大" in n for _, n in names)
    assert ("Park", "竹科") in names


def test_a_short_firm_named_right_after_what_it_is_to_another_is_a_firm():
    assert ("Company", "亞旭電腦") in _typed("這家廠商是華碩的子公司亞旭電腦,投資約十億元。")
    assert ("Company", "株洲所") in _typed("該標準由南車下屬的株洲所起草。")
    # no name after the unit word: a verb, a count, a generic noun
    assert _typed("华盛集团子公司投建8万吨产线。") == {("Company", "华盛集团")}
    assert _typed("华盛集团下属的企业有三家。") == {("Company", "华盛集团")}


def test_a_firms_origin_before_its_legal_name_is_no_part_of_it():
    assert ("Company", "华盛电子股份有限公司台湾分公司") in _typed("一家外商华盛电子股份有限公司台湾分公司设厂。")
    assert ("Company", "北京外企人力资源服务有限公司") in _typed("北京外企人力资源服务有限公司成立。")


def test_two_parks_sharing_a_kind_name_the_second_written_whole():
    names = _typed("园管局表示,嘉义县民雄及鹿草产业园区将扩建。")  # jieba glues 民雄及
    assert ("Park", "鹿草产业园区") in names
    assert not any("及" in n for _, n in names)


def test_a_ministrys_kind_of_park_names_no_park():
    assert not any(t == "Park" for t, _ in _typed("科技部科學工業園區今年營收成長。"))
    assert not any(t == "Park" for t, _ in _typed("经济部工业区的厂商增加。"))
    assert ("Park", "中部科學園區") in _typed("中部科學園區的營收創新高。")  # a region, no ministry


def test_a_park_described_by_an_epithet_and_a_kind_is_the_park_named_first():
    assert _typed("华盛高新区是老牌工业园区。") == {("Park", "华盛高新区")}
    names = _typed("长沙经开区是华盛高新区老牌工业园区。")
    assert not any(n.endswith("老牌工业园区") for _, n in names)


def test_a_kind_of_park_by_its_industry_alone_names_no_park():
    names = _typed("该园区包含软件产业园、人工智能产业园两个板块。")
    assert not any(n in ("软件产业园", "人工智能产业园") for _, n in names)
    assert ("Park", "长沙软件产业园") in _typed("长沙软件产业园开园。")


def test_health_and_training_centres_are_institutions_with_the_hospital_that_runs_them():
    assert ("Institution", "华康医养中心") in _typed("我市华康医养中心、力博重工等单位承担了项目。")
    names = _typed("华盛公司、长沙市中心医院分子诊断中心等3家单位入选。")
    assert ("Institution", "长沙市中心医院分子诊断中心") in names
    assert ("Institution", "长沙市中心医院") not in names


def test_a_list_item_opens_on_a_rare_verb_that_is_its_brand():
    assert ("Institution", "铸成职业技能培训中心") in _typed("党委书记、铸成职业技能培训中心主任王明发言。")
    names = _typed("该局通过开展评定、成立标准化工作站、组建专家库等举措推进工作。")
    assert not any(n.startswith("成立") for _, n in names)


def test_two_fields_joined_before_a_suffix_that_opens_on_its_field_are_one_name():
    assert ("Institution", "华阳市信息与标准化所") in _typed("华阳市信息与标准化所承担了两项国家标准。")


def test_a_society_of_a_prizes_winners_is_named_with_the_prize_and_its_city_drops_in_a_repeat():
    ents = extract_text("臺中市華盛獎得獎廠商協進會舉辦年會。華盛獎得獎廠商協進會會員表示支持。")["entities"]
    inst = [e for e in ents if e["type"] == "Institution"]
    assert len(inst) == 1
    assert inst[0]["name"] == "臺中市華盛獎得獎廠商協進會" and "華盛獎得獎廠商協進會" in inst[0]["aliases"]


def test_a_body_after_the_authority_that_it_is_is_named_alone_and_joins_its_short_form():
    assert ("GovernmentAgency", "华阳市商务局") in _typed("该区主管部门华阳市商务局表示支持。")
    ents = extract_text("本园区主管机关交通部华港港务局表示同意。华港港务局将配合。")["entities"]
    agencies = [e for e in ents if e["type"] == "GovernmentAgency"]
    assert len(agencies) == 1 and agencies[0]["name"] == "交通部华港港务局" and "华港港务局" in agencies[0]["aliases"]


def test_a_sub_award_written_against_its_main_award_is_one_name():
    names = _typed("授予华盛电器股份有限公司湖南省标准化突出贡献奖标准化组织奖。")
    assert ("Award", "湖南省标准化突出贡献奖标准化组织奖") in names
    names = _typed("该院获得中国标准创新贡献奖项目奖5项。")
    assert ("Award", "项目奖") not in names
    assert any(n.startswith("中国标准创新贡献奖") for t, n in names if t == "Award")
    assert not any(t == "Award" for t, _ in _typed("该奖项目前已开放申报。"))  # 奖项 is the noun


def test_a_winners_name_before_a_provinces_prize_is_no_part_of_it():
    names = _typed("华盛大学教授王芳、华盛研究院研究员曾永平四川省青年科技奖。")
    assert ("Award", "四川省青年科技奖") in names
    assert not any(t == "Award" and n.startswith("永平") for t, n in names)


def test_a_school_of_a_university_is_a_department_of_the_university():
    names = _typed("北华科技大学管理学院王明院长致辞。")
    assert ("Institution", "北华科技大学") in names
    assert not any(n.endswith("管理学院") for _, n in names)
    assert ("Institution", "湖南工程学院") in _typed("湖南工程学院获奖。")  # a college of its own


def test_embassies_and_a_countrys_trade_office_are_agencies():
    names = _typed("获奖者包括智利共和国大使馆以及越南商务处。")
    assert ("GovernmentAgency", "智利共和国大使馆") in names
    assert ("GovernmentAgency", "越南商务处") in names


def test_an_incubator_park_inside_a_zone_is_named_with_it():
    assert ("Park", "华阳高新区创业园") in _typed("华阳高新区创业园新入驻企业20家。")


def test_a_park_that_opens_on_its_place_after_a_bracketed_field_starts_there():
    names = _typed("入选的有新材料(先进陶瓷)江苏华阳高新技术产业开发区、电子信息长沙经开区。")
    assert ("Park", "江苏华阳高新技术产业开发区") in names


def test_a_verb_of_submission_glued_to_a_level_word_opens_no_body():
    names = _typed("经评审组评审并报县人民政府常务会议审定。")
    assert ("GovernmentAgency", "县人民政府") in names
    assert not any(n.startswith("报") for _, n in names)


def test_a_bracket_closes_the_body_before_a_coordinated_bureaus_name():
    names = _typed("分管市发展和改革委员会(市物价局)及市粮食和物资储备局等部门。")
    assert ("GovernmentAgency", "市粮食和物资储备局") in names
    assert ("GovernmentAgency", "物资储备局") not in names


def test_schools_of_both_levels_are_a_common_noun_and_a_survey_team_an_institution():
    assert not any(t == "Institution" for t, _ in _typed("编写了全国中小学美术教材和全国中小学音乐教材。"))
    names = _typed("授予华盛铝业有限公司、湖南煤田地质局综合普查队、华盛集团有限公司质量奖。")
    assert ("Institution", "湖南煤田地质局综合普查队") in names
    assert ("GovernmentAgency", "湖南煤田地质局") not in names


def test_an_adjective_or_copula_before_a_firms_kind_and_an_industry_name_no_firm():
    assert _typed("华盛集团有限公司迎来了新任公司董事。") == {("Company", "华盛集团有限公司")}
    assert not any(t == "Company" for t, _ in _typed("申请企业属外国公司设立的分公司。"))
    assert not any(t == "Company" for t, _ in _typed("它是国内医药行业的龙头。"))
    assert not any(t == "Company" for t, _ in _typed("向高等院校、科研院所、检测机构等单位征集意见。"))


def test_a_verb_and_town_and_country_open_no_village_or_township():
    names = _typed("国务院批复同意建设华阳村示范区。")
    assert not any(n.startswith("建设") for _, n in names)
    assert not any(t == "Place" for t, _ in _typed("多家住房城乡建设领域单位上榜。"))


def test_a_kind_of_park_by_region_or_industry_or_after_a_verb_of_building_names_none():
    for phrase in ("沿海开发区发展迅速。", "该公司入驻新能源产业园。", "打造数字经济产业园和智能制造产业园。", "加快建设现代农业产业园。"):
        assert not any(t == "Park" for t, _ in _typed(phrase)), phrase
    assert ("Park", "长沙新能源产业园") in _typed("长沙新能源产业园开园。")


def test_a_water_saving_designation_conferred_is_an_award():
    assert ("Award", "华阳市节水型企业") in _typed("华盛公司被认定为华阳市节水型企业。")
    assert not any(t == "Award" for t, _ in _typed("推进节水型企业建设。"))


def test_the_committee_of_a_park_written_with_the_short_kind_keeps_the_park_in_its_name():
    # 经开区 opens on 经, which is no glued preposition here (宁乡|经开区|管委会)
    assert ("GovernmentAgency", "宁乡经开区管委会") in _typed("宁乡经开区管委会主任王强出席。")
    assert ("GovernmentAgency", "望城经开区党工委") in _typed("望城经开区党工委书记王强出席。")
    # a glued preposition is still cut off: 经|市政府 approved by the city's government
    assert not any(n.startswith("经") for _, n in _typed("项目经市政府批准后实施。"))


def test_countries_of_the_world_and_their_taiwanese_names_are_places():
    names = _typed("公司产品远销澳洲、紐西蘭、愛爾蘭、科威特和巴拿马等国家。")
    assert {("Place", n) for n in ("澳洲", "紐西蘭", "愛爾蘭", "科威特", "巴拿马")} <= names
    # a country's name that is also a run of ordinary words is left out of the list (马|里)
    assert not any(t == "Place" for t, _ in _typed("他骑马里外跑了一圈。"))


def test_a_graduate_school_and_an_academys_branch_are_institutions_named_whole():
    assert ("Institution", "清华大学深圳国际研究生院") in _typed("清华大学深圳国际研究生院获得表彰。")
    assert ("Institution", "中国科学院长沙分院") in _typed("中国科学院长沙分院获得表彰。")


def test_two_bodies_the_lexicon_knows_written_side_by_side_with_a_space_stay_two():
    names = _typed("中共中央 国务院印发《质量强国建设纲要》")
    assert ("GovernmentAgency", "中共中央") in names and ("GovernmentAgency", "国务院") in names
    assert not any(" " in n for _, n in names)


def test_a_banks_branch_is_named_whole_and_by_industry_is_no_branch():
    assert ("Company", "中国建设银行股份有限公司湖南省分行") in _typed("中国建设银行股份有限公司湖南省分行荣获湖南省省长质量奖。")
    assert ("Company", "招商银行长沙分行") in _typed("招商银行长沙分行荣获奖项。")
    assert ("Company", "华盛电子有限公司") in _typed("华盛电子有限公司分行业统计。")
    assert not _typed("他在银行分行工作。")


def test_a_latin_name_before_a_bracketed_region_and_a_legal_form_is_one_firm():
    assert ("Company", "ABB(中国)有限公司") in _typed("获奖企业包括ABB(中国)有限公司、华盛电子有限公司等。")


def test_taiwans_former_counties_and_the_names_of_the_two_sides_are_places_and_no_head_of_a_county_is_a_person():
    assert ("Place", "台中縣") in _typed("前台中縣工策會總幹事吳正雄出席。")
    assert ("Place", "中國大陸") in _typed("中國大陸市場需求降低。")
    assert ("Place", "中華民國") in _typed("中華民國經濟部公布名單。")
    assert ("Person", "高雄") not in _typed("高雄縣長楊秋興表示。")


def test_a_counted_meeting_is_no_body():
    names = _typed("竹科管理局今日召開第200次投資審議會，通過華盛科技股份有限公司投資案。")
    assert not any(t in ("Institution", "GovernmentAgency") and "審議會" in n for t, n in names)
    assert ("GovernmentAgency", "竹科管理局") in names
