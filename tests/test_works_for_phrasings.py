"""Phrasings of worksFor as real reports write them, one short invented phrase each.

The phrases are written for these tests (no report text); each rule was checked on the whole
dev split of the real gold before it was kept.
"""

from __future__ import annotations

import pytest

from kg.nlp import extract_text


def _works(text: str) -> dict[tuple[str, str], dict]:
    result = extract_text(text)
    names = {e["id"]: e["name"] for e in result["entities"]}
    return {
        (names[r["subject"]], names[r["object"]]): r
        for r in result["relations"] if r["predicate"] == "worksFor"
    }


@pytest.mark.parametrize("text, person, body, role", [
    ("湖南省市场监管局质量发展局局长刘功元出席会议。", "刘功元", "湖南省市场监管局", "质量发展局局长"),
    ("澳門經濟及科技發展局牌照及稽查廳廳長鄺信昌出席。", "鄺信昌", "澳門經濟及科技發展局", "牌照及稽查廳廳長"),
])
def test_a_bureau_or_hall_inside_a_body_stays_in_the_role(text, person, body, role):
    assert _works(text)[(person, body)]["role"] == role


def test_two_posts_in_one_body_are_one_relation():
    result = extract_text("长沙钢铁有限公司董事长兼总经理王大明出席会议。")
    works = [r for r in result["relations"] if r["predicate"] == "worksFor"]
    assert len(works) == 1 and works[0]["role"] in ("董事长", "总经理")


def test_a_post_in_latin_letters():
    assert ("王大明", "长沙钢铁有限公司") in _works("长沙钢铁有限公司CEO王大明表示,公司将继续投入研发。")


def test_a_council_chairs_short_post_is_no_part_of_the_councils_name():
    # 主委 (主任委员) after a council's short form: the council is 國發會, the post is 主委
    works = _works("國發會主委龔明鑫、工研院院長劉文雄出席。")
    assert ("龔明鑫", "國發會") in works and ("劉文雄", "工研院") in works


@pytest.mark.parametrize("text, person, firm", [
    ("会上，宏达电子总经理李明华介绍了经验。", "李明华", "宏达电子"),
    ("华菱钢铁董事长张建国表示，公司将加大投入。", "张建国", "华菱钢铁"),
])
def test_a_short_firm_name_before_a_firms_post(text, person, firm):
    assert (person, firm) in _works(text)


def test_a_place_and_a_trade_word_before_a_post_name_no_firm():
    assert not [k for k in _works("株洲电子总经理李明华介绍了经验。") if k[1] == "株洲电子"]


@pytest.mark.parametrize("text, person, body", [
    ("省政府决定授予长沙钢铁有限公司、湖南建工集团有限公司2个组织和湖南工业职业技术学院王立新同志第二届湖南省质量奖。",
     "王立新", "湖南工业职业技术学院"),
    ("表彰长沙钢铁有限公司等60个先进单位和湘潭电机股份有限公司李明等93名先进个人。", "李明", "湘潭电机股份有限公司"),
])
def test_a_list_member_named_with_the_body_it_comes_from(text, person, body):
    assert _works(text)[(person, body)]["role"] is None



@pytest.mark.parametrize("text, person, body, role", [
    ("张伟曾担任华盛电子有限公司总经理。", "张伟", "华盛电子有限公司", "总经理"),
    ("王芳曾任宏达机械有限公司董事长。", "王芳", "宏达机械有限公司", "董事长"),
    ("李明先后担任宏达机械有限公司副总经理。", "李明", "宏达机械有限公司", "副总经理"),
])
def test_an_adverb_between_a_name_and_its_post_is_neither_name_nor_gap(text, person, body, role):
    works = _works(text)
    assert works[(person, body)]["role"] == role


def test_a_verb_of_going_glued_to_a_name_ends_the_name_and_opens_no_firm():
    result = extract_text("长沙市市场监督管理局局长张伟到华盛电子有限公司调研。")
    assert {(e["type"], e["name"]) for e in result["entities"]} >= {("Person", "张伟"), ("Company", "华盛电子有限公司")}
    assert _works("长沙市市场监督管理局局长张伟到华盛电子有限公司调研。")[("张伟", "长沙市市场监督管理局")]["role"] == "局长"


@pytest.mark.parametrize("text, person, body, role", [
    ("平江县建设工程质量安全监督站副站长林强出席。", "林强", "平江县建设工程质量安全监督站", "副站长"),
    ("长沙市特种设备检验检测站站长张伟表示。", "张伟", "长沙市特种设备检验检测站", "站长"),
])
def test_a_local_government_station_is_a_body_with_its_posts(text, person, body, role):
    assert _works(text)[(person, body)]["role"] == role


def test_a_station_that_names_no_place_is_no_body():
    assert not extract_text("在加油站附近,监督站工作人员检查。")["entities"]


@pytest.mark.parametrize("text, wrong", [
    ("創思數據行政總裁黃美詩表示，公司是創思控股有限公司的全資附屬公司。", "創思數據行政"),
    ("永利升降機董事總經理吳子聰指出，公司業績增長。", "永利升降機董事"),
])
def test_a_post_inside_a_longer_post_opens_no_short_firm(text, wrong):
    assert wrong not in {e["name"] for e in extract_text(text)["entities"]}


@pytest.mark.parametrize("text, role", [
    ("华盛电子有限公司掌门人张建国表示，公司将加大投入。", "掌门人"),
    ("据华盛电子有限公司总经理助理张建国介绍，项目已经投产。", "总经理助理"),
])
def test_a_firms_head_and_an_assistant_to_its_head_hold_posts_in_it(text, role):
    assert _works(text)[("张建国", "华盛电子有限公司")].get("role") == role


def test_taiwans_former_sme_office_is_a_body_and_its_head_works_for_it():
    assert _works("中小企業處處長何晉滄頒獎給得獎企業。")[("何晉滄", "中小企業處")].get("role") == "處長"
    # 处理 is to handle: no office inside it
    names = {e["name"] for e in extract_text("各縣市中小企業處理中心協助輔導。")["entities"]}
    assert "中小企業處" not in names


@pytest.mark.parametrize("text, person, body, role", [
    ("株洲市公安局长张建国出席。", "张建国", "株洲市公安局", "局长"),
    ("工業局長連錦漳表示，今年共10家企業獲獎。", "連錦漳", "工業局", "局長"),
    ("新北市政府經濟發展局長何怡明表示。", "何怡明", "新北市政府經濟發展局", "局長"),
])
def test_a_bureau_written_fused_with_its_heads_post(text, person, body, role):
    assert _works(text)[(person, body)].get("role") == role


@pytest.mark.parametrize("text", ["该局长期以来重视质量。", "邮局长期亏损。", "张建国升任局长。", "副局长张建国出席。"])
def test_a_post_or_a_word_with_ju_chang_names_no_bureau(text):
    assert not any(e["type"] == "GovernmentAgency" for e in extract_text(text)["entities"])


@pytest.mark.parametrize("text, body, role", [
    ("株洲高新区党委书记王建国出席。", "株洲高新区党委", "书记"),
    ("市长助理、信阳工业城党委书记、主任王建国出席签约仪式。", "信阳工业城党委", "书记"),
])
def test_the_party_committee_of_a_park_is_a_body_and_its_secretary_works_for_it(text, body, role):
    assert _works(text)[("王建国", body)].get("role") == role


def test_a_firms_party_secretary_keeps_the_firm_and_the_whole_post():
    assert _works("华盛电子有限公司党委书记王建国出席。")[("王建国", "华盛电子有限公司")].get("role") == "党委书记"


def test_our_association_written_as_ben_hui_is_the_one_association_the_report_names_and_the_run_after_serves_it():
    works = _works("華盛廠商會舉行座談\n一行人蒞臨本會，得到本會會長林建國，理事長陳志明，副會長王立新等的熱情接待。")
    assert {(p, b) for p, b in works} == {("林建國", "華盛廠商會"), ("陳志明", "華盛廠商會"), ("王立新", "華盛廠商會")}
    assert works[("陳志明", "華盛廠商會")].get("role") == "理事長"
    # a report naming two associations gives 本會 neither
    assert not _works("華盛廠商會與宏達工業總會舉行座談。本會會長林建國致辭。")


@pytest.mark.parametrize("text, person", [("王建国局长表示，要加强质量监管。", "王建国"), ("会上，欧阳劲松局长作了讲话。", "欧阳劲松")])
def test_a_name_before_the_post_juzhang_is_a_person_not_a_bureau(text, person):
    names = {(e["type"], e["name"]) for e in extract_text(text)["entities"]}
    assert ("Person", person) in names and not any(t == "GovernmentAgency" for t, _ in names)


@pytest.mark.parametrize("text", ["张建国自2015年起担任华盛电子有限公司总经理。", "张建国目前担任华盛电子有限公司总经理。"])
def test_a_date_or_an_adverb_between_a_person_and_the_verb_of_a_post(text):
    assert _works(text)[("张建国", "华盛电子有限公司")].get("role") == "总经理"
