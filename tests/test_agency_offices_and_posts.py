"""Bodies of government, institutions and the posts people hold in them, on general forms
(issue 13 entities, issue 12 worksFor and subsidiaryOf).

Each test pins a rule on short phrases written for the test (no report text), with a control
where the rule could overreach.
"""

from __future__ import annotations

import pytest

from kg.nlp import extract_text


def _entities(phrase: str) -> dict[str, tuple[str, list[str]]]:
    return {e["name"]: (e["type"], e.get("aliases") or []) for e in extract_text(phrase)["entities"]}


def _works(phrase: str) -> dict[tuple[str, str], dict]:
    result = extract_text(phrase)
    names = {e["id"]: e["name"] for e in result["entities"]}
    return {(names[r["subject"]], names[r["object"]]): r for r in result["relations"] if r["predicate"] == "worksFor"}


@pytest.mark.parametrize(
    ("phrase", "office"),
    [
        ("市政府办公室印发通知。", "市政府办公室"),
        ("省政府办公厅发布通知。", "省政府办公厅"),
        ("据县政府办公室介绍，", "县政府办公室"),
        ("區政府辦公室發文。", "區政府辦公室"),
    ],
)
def test_a_levels_government_office_is_a_body_of_its_own(phrase, office):
    assert _entities(phrase).get(office, ("",))[0] == "GovernmentAgency"


@pytest.mark.parametrize(
    ("phrase", "person", "office", "role"),
    [
        ("区政府办公室副主任周伟出席。", "周伟", "区政府办公室", "副主任"),
        ("省政府办公厅主任陈刚讲话。", "陈刚", "省政府办公厅", "主任"),
        ("副组长：周伟 市政府办公室副主任", "周伟", "市政府办公室", "副主任"),
    ],
)
def test_a_post_in_a_government_office_is_held_at_the_office(phrase, person, office, role):
    assert _works(phrase)[(person, office)]["role"] == role


@pytest.mark.parametrize(
    ("phrase", "full", "short"),
    [
        ("长沙市人民政府办公厅印发通知。市政府办公厅另行部署。", "长沙市人民政府办公厅", "市政府办公厅"),
        ("醴陵市人民政府办公室发文。市政府办公室负责解释。", "醴陵市人民政府办公室", "市政府办公室"),
    ],
)
def test_a_government_offices_short_form_is_an_alias_of_its_full_name(phrase, full, short):
    assert short in _entities(phrase)[full][1]


def test_a_government_alone_is_no_alias_of_its_office():
    ents = _entities("醴陵市人民政府发文。市政府办公室负责解释。")
    assert "市政府办公室" not in ents["醴陵市人民政府"][1]


def test_the_government_stays_the_body_where_no_office_follows():
    assert _entities("市政府印发通知。")["市政府"][0] == "GovernmentAgency"


@pytest.mark.parametrize(
    ("phrase", "person", "school"),
    [
        ("湖南大学校长李明介绍了情况。", "李明", "湖南大学"),
        ("周伟任中南大学校长。", "周伟", "中南大学"),
        ("湖南大學校長李明致辭。", "李明", "湖南大學"),
    ],
)
def test_a_universitys_president_is_no_school_glued_to_its_name(phrase, person, school):
    assert _works(phrase)[(person, school)]["role"] in ("校长", "校長")


@pytest.mark.parametrize(
    ("phrase", "school"),
    [("株洲市特殊教育学校校长李明出席。", "株洲市特殊教育学校"), ("株洲市特殊教育学校获评先进。", "株洲市特殊教育学校")],
)
def test_a_school_keeps_its_name(phrase, school):
    assert _entities(phrase).get(school, ("",))[0] == "Institution"


@pytest.mark.parametrize(
    ("phrase", "body"),
    [
        ("湖南省经信委组织开展评选。", "湖南省经信委"),
        ("江西省经信委发布通知。", "江西省经信委"),
        ("市经信局发布名单。", "市经信局"),
        ("株洲市经信局发布名单。", "株洲市经信局"),
        ("經市經信委批准。", "市經信委"),
    ],
)
def test_the_contraction_jingxin_is_no_preposition_and_stays_in_the_name(phrase, body):
    assert _entities(phrase).get(body, ("",))[0] == "GovernmentAgency"


def test_a_preposition_before_a_level_body_stays_outside():
    assert "省政府" in _entities("经省政府批准。")


@pytest.mark.parametrize(
    "phrase",
    [
        "根据《关于开展试点的通知》（国标委办〔2019〕3号）",
        "（工信部科〔2020〕12号）",
        "依据湘政发[2018]5号文件",
        "（苏经信科技〔2016〕222号）",
    ],
)
def test_the_issuers_code_of_a_document_number_is_no_body(phrase):
    assert not [n for n, (t, _) in _entities(phrase).items() if t in ("GovernmentAgency", "Company", "Institution")]


def test_the_issuer_named_in_prose_stays_a_body():
    assert _entities("工信部公布名单（工信部科〔2020〕12号）。")["工信部"][0] == "GovernmentAgency"


@pytest.mark.parametrize("phrase", ["来源：中国政府网", "信息来源：湖南省人民政府门户网　记者"])
def test_a_governments_web_site_named_as_a_source_is_no_body(phrase):
    assert not [n for n, (t, _) in _entities(phrase).items() if t == "GovernmentAgency"]


@pytest.mark.parametrize(
    ("phrase", "host", "built"),
    [
        ("依托湖南大学建设湖南省智能制造创新中心。", "湖南大学", "湖南省智能制造创新中心"),
        ("支持中南大学建设湖南省先进材料研究院。", "中南大学", "湖南省先进材料研究院"),
        ("依托長沙宏達電子有限公司建設湖南省精密製造研究院。", "長沙宏達電子有限公司", "湖南省精密製造研究院"),
    ],
)
def test_a_body_that_builds_another_is_no_part_of_its_name(phrase, host, built):
    ents = _entities(phrase)
    assert host in ents and ents.get(built, ("",))[0] == "Institution"


def test_a_bank_named_with_the_word_build_keeps_its_name():
    assert "中国建设银行湖南省分行" in _entities("中国建设银行湖南省分行发放贷款。")


@pytest.mark.parametrize(
    "society",
    ["湖南省质量和标准化协会", "浙江省质量与标准化研究院", "湖南省质量和品牌协会", "江西省質量和標準化協會"],
)
def test_a_societys_field_joined_by_a_conjunction_after_its_place(society):
    assert _entities(f"{society}成立大会召开。").get(society, ("",))[0] == "Institution"


def test_two_societies_joined_by_a_conjunction_stay_two():
    assert "株洲市质量协会和标准化协会" not in _entities("株洲市质量协会和标准化协会联合发文。")


@pytest.mark.parametrize(("phrase", "council"), [("臺中市議會通過預算。", "臺中市議會"), ("苗栗縣議會召開大會。", "苗栗縣議會"), ("沙田區議會討論。", "沙田區議會")])
def test_a_local_council_is_a_body_of_state(phrase, council):
    assert _entities(phrase).get(council, ("",))[0] == "GovernmentAgency"


def test_an_industrys_council_stays_an_institution():
    assert _entities("澳門旅遊業議會會長李明致辭。")["澳門旅遊業議會"][0] == "Institution"


def test_two_members_on_one_roster_line_each_hold_their_own_post():
    works = _works("组  长：李明  市人民政府副市长\n成  员：陈刚  市科技局副局长、周伟  市工信局副局长、吴军  市财政局副局长")
    assert works[("周伟", "市工信局")]["role"] == "副局长" and works[("吴军", "市财政局")]["role"] == "副局长"
    assert ("陈刚", "市工信局") not in works and ("陈刚", "市科技局") in works


def test_every_member_on_a_roster_line_belongs_to_the_task_body():
    works = _works("株洲市质量强市工作领导小组成员名单如下：\n组  长：李明  市人民政府副市长\n成  员：陈刚  市科技局副局长、周伟  市工信局副局长")
    assert ("周伟", "株洲市质量强市工作领导小组") in works and ("陈刚", "株洲市质量强市工作领导小组") in works


def test_one_member_with_two_posts_on_a_roster_line():
    works = _works("组  长：李明  市人民政府副市长\n成  员：陈刚 市科技局副局长、市工信局局长")
    assert ("陈刚", "市科技局") in works and ("陈刚", "市工信局") in works


@pytest.mark.parametrize(
    ("phrase", "person", "posts"),
    [
        ("李明曾任湖南省科技厅副厅长、湖南省工信厅厅长。", "李明", {"湖南省科技厅": "副厅长", "湖南省工信厅": "厅长"}),
        ("李明历任株洲市科技局局长、株洲市工信局局长、醴陵市人民政府副市长。", "李明",
         {"株洲市科技局": "局长", "株洲市工信局": "局长", "醴陵市人民政府": "副市长"}),
        ("李明先后担任过湖南华天集团有限公司总经理助理、湖南钢铁集团有限公司副总经理等职。", "李明",
         {"湖南华天集团有限公司": "总经理助理", "湖南钢铁集团有限公司": "副总经理"}),
        ("王建国出生于1967年，早年在央企工作，先后担任过湖南华天集团有限公司总经理助理、湖南钢铁集团有限公司副总经理等职。", "王建国",
         {"湖南华天集团有限公司": "总经理助理", "湖南钢铁集团有限公司": "副总经理"}),
        ("王建國出生於1967年，曾擔任株洲市科技局局長。", "王建國", {"株洲市科技局": "局長"}),
    ],
)
def test_every_post_of_a_career_list(phrase, person, posts):
    works = _works(phrase)
    assert {body: works[(person, body)]["role"] for body in posts if (person, body) in works} == posts


def test_a_profiles_later_clause_names_no_post_of_another_person():
    assert ("李明", "株洲市科技局") not in _works("李明指出，担任株洲市科技局局长的王强做了大量工作。")


@pytest.mark.parametrize(
    ("phrase", "person", "body", "role"),
    [
        ("中国航空工业集团公司第六研究所技师李明获奖。", "李明", "中国航空工业集团公司第六研究所", "技师"),
        ("长沙宏达电子有限公司高级经理李明出席。", "李明", "长沙宏达电子有限公司", "高级经理"),
        ("長沙宏達電子有限公司資深經理李明出席。", "李明", "長沙宏達電子有限公司", "資深經理"),
    ],
)
def test_a_technicians_or_a_senior_managers_post(phrase, person, body, role):
    assert _works(phrase)[(person, body)]["role"] == role


@pytest.mark.parametrize(("phrase", "body"), [("株洲技师学院院长李明出席。", "株洲技师学院"), ("湖南省院士工作站揭牌。", "湖南省院士工作站")])
def test_a_post_that_names_the_kind_of_a_body_stays_in_its_name(phrase, body):
    assert _entities(phrase).get(body, ("",))[0] == "Institution"


@pytest.mark.parametrize(
    ("phrase", "person", "role"),
    [("市府表示，將持續輔導。盧秀燕市長出席。", "盧秀燕", "市長"), ("市府表示，將持續輔導。副市長李明出席。", "李明", "副市長")],
)
def test_a_mayor_works_for_the_city_government_named_by_its_short_form(phrase, person, role):
    assert _works(phrase)[(person, "市府")]["role"] == role


def test_a_mayor_with_no_government_named_works_for_none():
    assert not _works("臺中市長盧秀燕出席。")


@pytest.mark.parametrize(
    "phrase",
    ["全国电工仪器仪表标准化技术委员会副秘书长李明出席会议。", "IEC/TC61副主席李明出席会议。", "量具分技术委员会主任委员李明讲话。"],
)
def test_an_officer_of_a_technical_committee_has_no_works_for(phrase):
    # worksFor takes a Company, a GovernmentAgency or an Institution (ANNOTATION.md), never a StandardsBody
    assert not _works(phrase)


def test_the_officer_of_an_institution_keeps_his_works_for():
    assert ("李明", "中国家用电器研究院") in _works("中国家用电器研究院院长李明出席会议。")


def test_a_departments_head_in_a_society_names_no_ministry():
    ents = _entities("中国有色金属工业协会副秘书长兼科技部主任张洪国出席会议。")
    assert "科技部" not in ents and ("张洪国", "中国有色金属工业协会") in _works("中国有色金属工业协会副秘书长兼科技部主任张洪国出席会议。")


@pytest.mark.parametrize(("phrase", "body"), [("科技部部长王志刚出席。", "科技部"), ("科技部火炬中心主任李明出席。", "科技部火炬中心")])
def test_a_ministry_before_its_own_posts_stays(phrase, body):
    assert _entities(phrase).get(body, ("",))[0] == "GovernmentAgency"


@pytest.mark.parametrize(
    ("phrase", "body"),
    [
        ("今年，联合省工信厅开展检查。", "省工信厅"),
        ("，会同市财政局制定办法。", "市财政局"),
        ("同时协同省工信厅开展检查。", "省工信厅"),
        ("，联合株洲市科技局开展评选。", "株洲市科技局"),
        ("，联合中南大学开展研究。", "中南大学"),
        ("，聯合臺中市政府經濟發展局辦理。", "臺中市政府經濟發展局"),
    ],
)
def test_a_verb_of_acting_jointly_is_no_part_of_the_body_after_it(phrase, body):
    assert body in _entities(phrase)


@pytest.mark.parametrize(("phrase", "body"), [("会同县人民政府发文。", "会同县人民政府"), ("联合国工业发展组织发布报告。", "联合国工业发展组织"), ("国立联合大学举办论坛。", "国立联合大学")])
def test_a_name_that_opens_on_such_a_word_keeps_it(phrase, body):
    assert body in _entities(phrase)


@pytest.mark.parametrize("centre", ["湖南省知识产权保护中心", "株洲市质量技术评价中心", "湖南省质量技术交流中心", "湖南省疾病预防控制中心", "江西省知識產權保護中心"])
def test_a_places_public_centre_is_an_institution(centre):
    assert _entities(f"{centre}发布通告。").get(centre, ("",))[0] == "Institution"


def test_a_centre_with_no_place_is_no_name():
    assert not [n for n, (t, _) in _entities("加强知识产权保护中心建设。").items() if t == "Institution"]


def test_names_in_a_list_with_their_bodies_in_brackets():
    works = _works("专家：李明（中南大学）、王强（湖南大学）、陈刚（株洲市科技局）等。")
    assert {("李明", "中南大学"), ("王强", "湖南大学"), ("陈刚", "株洲市科技局")} <= set(works)


@pytest.mark.parametrize("phrase", ["株洲（中国动力谷）", "湖南（中南大学）"])
def test_a_place_before_a_bracketed_body_is_no_person(phrase):
    assert not [n for n, (t, _) in _entities(phrase).items() if t == "Person"]


@pytest.mark.parametrize("phrase", ["李明，中南大学教授、博士生导师。", "李明，中南大学教授、博士生导师，长期从事材料研究。"])
def test_an_apposition_with_chained_posts(phrase):
    assert _works(phrase)[("李明", "中南大学")]["role"] == "教授"


@pytest.mark.parametrize(
    ("phrase", "body"),
    [("株洲市质量强市工作领导小组下设办公室，办公室设在市市场监管局。", "株洲市质量强市工作领导小组"), ("湖南省市场监督管理局下设办公室、标准化处。", "湖南省市场监督管理局")],
)
def test_a_body_that_sets_up_an_office_is_named_before_the_verb(phrase, body):
    assert body in _entities(phrase)


def test_a_national_committees_field_may_open_on_a_verb_like_word():
    ents = _entities("本标准由全国牵引电气设备与系统标准化技术委员会归口。")
    assert ents.get("全国牵引电气设备与系统标准化技术委员会", ("",))[0] == "StandardsBody"


def test_the_verb_guikou_ends_the_name_before_it():
    ents = _entities("湖南省标准化研究院归口湖南省市场监督管理局管理。")
    assert "湖南省标准化研究院" in ents and "湖南省市场监督管理局" in ents


@pytest.mark.parametrize(
    ("phrase", "person"),
    [("会长李明作报告。", "李明"), ("会长李明作重要讲话。", "李明"), ("院长王建国作了发言。", "王建国"), ("局長陳明宣讀名單。", "陳明")],
)
def test_a_speech_verb_after_a_name_is_no_part_of_it(phrase, person):
    assert _entities(phrase).get(person, ("",))[0] == "Person"


@pytest.mark.parametrize(
    ("phrase", "person", "body"),
    [
        ("株洲市科技局召开会议。局长李明出席并讲话。", "李明", "株洲市科技局"),
        ("株洲市科技局召开会议。副局长李明出席。", "李明", "株洲市科技局"),
        ("中南大学举行典礼。校长李明致辞。", "李明", "中南大学"),
        ("湖南省质量协会召开年会。会长李明作报告。", "李明", "湖南省质量协会"),
    ],
)
def test_a_bare_post_serves_the_one_body_of_its_kind(phrase, person, body):
    assert (person, body) in _works(phrase)


@pytest.mark.parametrize(
    "phrase",
    ["株洲市科技局和株洲市工信局召开会议。局长李明出席。", "株洲高新区管委会召开会议。会长李明出席。", "株洲市科技局召开会议。处长李明出席。"],
)
def test_a_bare_post_with_no_one_body_of_its_kind_serves_none(phrase):
    assert not _works(phrase)


def test_a_patent_offices_local_agency_is_one_body():
    works = _works("国家知识产权局专利局长沙代办处主任李明出席。")
    assert ("李明", "国家知识产权局专利局长沙代办处") in works


@pytest.mark.parametrize("phrase", ["李明是公司的创始人。", "王强是该公司的总经理。"])
def test_a_function_character_before_a_post_makes_no_name(phrase):
    assert not [n for n, (t, _) in _entities(phrase).items() if t == "Person" and "的" in n]


@pytest.mark.parametrize(
    ("phrase", "full", "short"),
    [
        ("市府經發局6月間舉辦活動。經發局表示，明年將擴大辦理。", "市府經發局", "經發局"),
        ("臺中市政府經濟發展局舉辦活動。經濟發展局表示將持續辦理。", "臺中市政府經濟發展局", "經濟發展局"),
    ],
)
def test_a_bureau_named_without_its_government_is_an_alias(phrase, full, short):
    assert short in _entities(phrase)[full][1]


@pytest.mark.parametrize(("phrase", "centre", "kind"), [
    ("湖南省中小企业服务中心入选。", "湖南省中小企业服务中心", "Institution"),
    ("株洲高新区企业发展服务中心发布通知。", "株洲高新区企业发展服务中心", "GovernmentAgency"),
])
def test_a_centre_for_small_firms_is_an_institution_a_zones_service_centre_an_agency(phrase, centre, kind):
    assert _entities(phrase)[centre][0] == kind


@pytest.mark.parametrize(
    ("phrase", "new", "old"),
    [
        ("绥安工业区管委会负责园区建设。绥安工业区管委会将更名为漳浦经济开发区管委会，机构规格为副处级。", "漳浦经济开发区管委会", "绥安工业区管委会"),
        ("長沙宏達電子有限公司擬更名為湖南宏達科技有限公司。", "湖南宏達科技有限公司", "長沙宏達電子有限公司"),
    ],
)
def test_a_rename_announced_makes_one_body_with_the_old_name_wherever_it_stands(phrase, new, old):
    ents = _entities(phrase)
    assert old in ents[new][1] and old not in ents


def test_an_expert_panel_with_no_award_or_task_named_is_no_body():
    assert not _entities("由专家评审委员会评审，结果予以公示。")


@pytest.mark.parametrize(("phrase", "body"), [("外国专家局发布通知。", "外国专家局"), ("株洲市人民政府质量奖评审委员会公布名单。", "株洲市人民政府质量奖评审委员会")])
def test_a_body_with_experts_or_an_award_named_stays(phrase, body):
    assert body in _entities(phrase)


def test_every_clause_of_a_profile_names_a_post():
    works = _works("王建国出生于1967年，2017年起先后担任过中华全国总工会书记处书记，2019年调任宁夏回族自治区党委常委、组织部部长。")
    assert works[("王建国", "中华全国总工会")]["role"] == "书记处书记"
    assert works[("王建国", "宁夏回族自治区党委")]["role"] == "常委"


def test_a_department_in_a_career_list_keeps_it_in_the_role():
    works = _works("李明曾任湖南省市场监管局标准化处处长、株洲市科技局局长。")
    assert works[("李明", "湖南省市场监管局")]["role"] == "标准化处处长" and ("李明", "株洲市科技局") in works


def test_a_departments_sibling_after_it_is_no_body_of_the_person():
    works = _works("王建国出生于1969年，曾任国务院国资委党建工作局巡视员、政策法规局局长等职。")
    assert works[("王建国", "国务院国资委")]["role"] == "党建工作局巡视员" and not [k for k in works if k[1] == "政策法规局"]


@pytest.mark.parametrize("phrase", ["王胜光/中国科学院院刊 2012年6期", "论文发表于中南大学学报（自然科学版）。"])
def test_a_journal_named_after_its_body_is_no_body(phrase):
    assert not [n for n, (t, _) in _entities(phrase).items() if t == "Institution"]


def test_an_academician_of_the_academy_keeps_the_body():
    assert "中国科学院" in _entities("他是中国科学院通讯院士。")


@pytest.mark.parametrize(("phrase", "office"), [("市政府信访办公室主任李明出席。", "市政府信访办公室"), ("市政府扶贫办公室发布通知。", "市政府扶贫办公室")])
def test_a_governments_office_named_by_its_function(phrase, office):
    assert _entities(phrase).get(office, ("",))[0] == "GovernmentAgency"


def test_a_government_holding_a_meeting_names_no_office():
    assert "市政府召开办公室" not in _entities("市政府召开办公室会议。")


@pytest.mark.parametrize(("phrase", "court"), [("市高院审理此案。", "市高院"), ("湖南省高院院长李明出席。", "湖南省高院"), ("长沙市中院判决。", "长沙市中院")])
def test_a_courts_short_form_is_a_body_of_state(phrase, court):
    assert _entities(phrase).get(court, ("",))[0] == "GovernmentAgency"


@pytest.mark.parametrize(
    ("phrase", "people", "body", "role"),
    [
        ("株洲市科技局局长李明，副局长王强、陈刚出席。", ("王强", "陈刚"), "株洲市科技局", "副局长"),
        ("中南大学教授李明、王强、陈刚参加评审。", ("李明", "王强", "陈刚"), "中南大学", "教授"),
    ],
)
def test_names_listed_after_one_post_all_hold_it(phrase, people, body, role):
    works = _works(phrase)
    assert all(works[(p, body)]["role"] == role for p in people)


def test_a_name_with_a_body_of_its_own_in_the_list_keeps_it():
    works = _works("株洲市科技局局长李明、湖南大学教授王强出席。")
    assert ("王强", "湖南大学") in works and ("王强", "株洲市科技局") not in works


@pytest.mark.parametrize("firm", ["中建五局", "中铁大桥局", "中交二航局", "中国水利水电第八工程局", "中铁十一局集团有限公司"])
def test_a_state_construction_groups_bureau_is_a_firm(firm):
    assert _entities(f"{firm}承建了该项目。").get(firm, ("",))[0] == "Company"


@pytest.mark.parametrize("body", ["国家铁路局", "中国民用航空局"])
def test_a_national_bureau_stays_a_body_of_state(body):
    assert _entities(f"{body}发布通知。")[body][0] == "GovernmentAgency"


@pytest.mark.parametrize(
    ("text", "authors", "body"),
    [
        ("标题\n\n文/王胜光 程郁\n\n中国科学院科技政策与管理科学研究所 北京 100190\n\n正文。", ("王胜光", "程郁"), "中国科学院科技政策与管理科学研究所"),
        ("作者：李明 王强\n湖南大学机械学院 长沙 410082\n", ("李明", "王强"), "湖南大学"),
        ("陳明、林強\n國立清華大學 新竹 300044\n", ("陳明", "林強"), "國立清華大學"),
    ],
)
def test_a_papers_authors_are_of_the_affiliation_line_below(text, authors, body):
    works = _works(text)
    assert all((a, body) in works for a in authors)


def test_a_line_of_prose_above_an_address_names_no_author():
    assert not _works("李明介绍了项目进展情况\n湖南大学机械学院 长沙 410082\n")
