"""Taiwan and Hong Kong phrasings, one short invented phrase each (Traditional characters).

Traditional reports are read on their Simplified shadow (``kg.text.shadow``); these tests pin the
readings of forms that news and notices of Taiwan and Hong Kong write often and that the dev
split does not hold. The phrases are written for these tests (no report text); each rule was
checked on the whole dev split of the real gold before it was kept.
"""

from __future__ import annotations

import pytest

from kg.nlp import extract_text
from tests.conftest import relations_by_name


def _entities(text: str) -> set[tuple[str, str]]:
    return {(e["type"], e["name"]) for e in extract_text(text)["entities"]}


def _relations(text: str, predicate: str) -> dict[tuple[str, str], dict]:
    return relations_by_name(text, predicate)


@pytest.mark.parametrize("text, person, school", [
    ("國立清華大學校長高為元出席頒獎典禮。", "高為元", "國立清華大學"),
    ("香港大學校長張翔表示，將與業界合作。", "張翔", "香港大學"),
    ("清华大学校长邱勇出席会议。", "邱勇", "清华大学"),
    ("大明國民小學校長林某某頒獎。", "林某某", "大明國民小學"),
])
def test_a_universitys_president_is_no_part_of_its_name(text, person, school):
    # 大學|校長: the school's name ends on 大學 (小學, 中學), the post is 校長
    assert ("Institution", school) in _entities(text)
    assert _relations(text, "worksFor")[(person, school)]["role"] in ("校長", "校长")


def test_a_school_named_with_its_own_xuexiao_end_keeps_it():
    assert ("Institution", "重庆市谢家湾小学校") in _entities("重庆市谢家湾小学校获评示范学校。")


@pytest.mark.parametrize("text, firm", [
    ("大明電子公司今天宣布擴大投資。", "大明電子公司"),
    ("华新电子公司董事长王大明表示。", "华新电子公司"),
    ("永信電子公司榮獲台灣精品獎。", "永信電子公司"),
    ("長沙量子公司今天宣布。", "長沙量子公司"),
])
def test_an_electronics_firm_is_no_subsidiary(text, firm):
    # 電子|公司: the 子 closes the trade's word 電子, it is no 子公司 (a unit word, never a name's end)
    assert ("Company", firm) in _entities(text)


def test_a_subsidiary_word_still_opens_no_name():
    assert ("Company", "凡凌生物科技有限公司") in _entities("其全资子公司凡凌生物科技有限公司今天成立。")
    assert not any(n.endswith("子公司") for _, n in _entities("華為控股子公司今天宣布。"))


def test_an_electronics_firm_is_sited_in_its_park():
    located = _relations("位於台北市內湖科技園區的大明電子公司今天宣布。", "locatedIn")
    assert ("大明電子公司", "內湖科技園區") in located


@pytest.mark.parametrize("text, person, body, role", [
    ("台積電魏哲家董事長表示，今年營收將成長。", "魏哲家", "台積電", "董事長"),
    ("新竹市政府高虹安市長頒獎給得獎廠商。", "高虹安", "新竹市政府", "市長"),
    ("台達電子海英俊董事長表示，感謝評審肯定。", "海英俊", "台達電子", "董事長"),
    ("工業局連錦漳局長致詞。", "連錦漳", "工業局", "局長"),
    ("市府經發局陳某某局長表示，將持續輔導。", "陳某某", "市府經發局", "局長"),
])
def test_body_name_post_as_taiwans_news_writes_it(text, person, body, role):
    # ORG NAME POST: the name stands between the body and its post (工業局|連錦漳|局長), and the
    # body's candidate that runs over the name into the post (工業局連錦漳局) is no body
    assert _relations(text, "worksFor")[(person, body)]["role"] == role


def test_a_department_before_its_head_is_no_person():
    assert ("Person", "商業司") not in _entities("經濟部商業司司長王某某出席。")


@pytest.mark.parametrize("text, person, firm, role", [
    ("智晶光電資深經理袁知賢表示，產品通過認證。", "袁知賢", "智晶光電", "資深經理"),
    ("智晶光電協理袁知賢表示。", "袁知賢", "智晶光電", "協理"),
    ("大明科技執行副總李某某表示，訂單滿載。", "李某某", "大明科技", "執行副總"),
    ("大明科技財務長李某某表示。", "李某某", "大明科技", "財務長"),
    ("大明精密公司副理陳某某說明製程。", "陳某某", "大明精密公司", "副理"),
])
def test_taiwans_firm_posts_name_the_firm_before_them(text, person, firm, role):
    assert _relations(text, "worksFor")[(person, firm)]["role"] == role


@pytest.mark.parametrize("text, person, body, role", [
    ("經濟部主任秘書王某某代表頒獎。", "王某某", "經濟部", "主任秘書"),
    ("環保局技正林某某說明。", "林某某", "環保局", "技正"),
])
def test_taiwans_civil_service_posts(text, person, body, role):
    assert _relations(text, "worksFor")[(person, body)]["role"] == role


def test_a_firm_post_word_inside_a_phrase_names_no_firm():
    assert not _entities("該公司技術長期以來，持續投入研發。")


@pytest.mark.parametrize("text, firm", [
    ("大明設計工作室獲頒金點設計獎。", "大明設計工作室"),
    ("小樹工作室榮獲台灣精品獎。", "小樹工作室"),
    ("台灣大明工作室負責人陳某某表示。", "台灣大明工作室"),
])
def test_a_studio_is_a_firm(text, firm):
    # 工作室: a studio, a small firm's form in Taiwan and Hong Kong
    assert ("Company", firm) in _entities(text)


@pytest.mark.parametrize("text", ["劳模创新工作室被评为省级示范。", "技能大師工作室成立。"])
def test_a_titled_workshop_is_no_firm(text):
    assert not any(t == "Company" for t, _ in _entities(text))


@pytest.mark.parametrize("text, place, firm", [
    ("她在台北開設一間陶藝工作室。", "台北", "陶藝工作室"),
    ("她在台北开设一间陶艺公司。", "台北", "陶艺公司"),
])
def test_a_count_with_the_classifier_jian_opens_no_name(text, place, firm):
    # 一間 (one, of shops and rooms) is a count like 一家: no part of the name after it
    found = _entities(text)
    assert ("Place", place) in found and ("Company", firm) in found


@pytest.mark.parametrize("text, firm, site", [
    ("大明精機座落於屏東加工出口區。", "大明精機", "屏東加工出口區"),
    ("大明生技位於新竹生物醫學園區。", "大明生技", "新竹生物醫學園區"),
    ("大明資訊進駐內湖科技園區。", "大明資訊", "內湖科技園區"),
])
def test_a_short_firm_name_on_a_trade_word_of_taiwan_is_sited(text, firm, site):
    # 精機, 生技, 資訊 end Taiwan's short firm names as 科技 and 電子 do; 座落 (a noun to the
    # segmenter) ends the name before it
    assert (firm, site) in _relations(text, "locatedIn")


@pytest.mark.parametrize("text, firm", [
    ("大明塑膠與永信五金共同研發新產品。", "大明塑膠"),
    ("大明光學獲頒台灣精品獎。", "大明光學"),
])
def test_short_firm_names_of_taiwan(text, firm):
    assert ("Company", firm) in _entities(text)


@pytest.mark.parametrize("text", ["推動國際合作。", "傳統工業轉型升級。", "馬德里商標國際註冊33件。"])
def test_a_trade_word_alone_names_no_firm(text):
    assert not any(t == "Company" for t, _ in _entities(text))


@pytest.mark.parametrize("text, name, alias", [
    ("財團法人工業技術研究院（工研院）今天發表新技術。", "財團法人工業技術研究院", "工研院"),
    ("財團法人資訊工業策進會（資策會）獲頒國家品質獎。", "財團法人資訊工業策進會", "資策會"),
])
def test_a_foundations_short_form_in_brackets_is_its_alias(text, name, alias):
    # 財團法人 (a foundation's legal form) opens the name; the bracket after it declares the short
    # form on the name's own last character, no qualifier of the name
    found = {e["name"]: e for e in extract_text(text)["entities"]}
    assert alias in found[name]["aliases"]


def test_a_foundations_legal_form_joins_its_later_short_form():
    text = "財團法人工業技術研究院今天發表新技術，工研院院長劉文雄表示。"
    assert ("劉文雄", "財團法人工業技術研究院") in _relations(text, "worksFor")


def test_a_bracketed_place_after_an_institution_stays_its_qualifier():
    assert ("Institution", "国家轨道交通装备质量监督检验中心（湖南）") in _entities("国家轨道交通装备质量监督检验中心（湖南）成立。")


@pytest.mark.parametrize("text, holder, award", [
    ("經濟部頒發國家磐石獎給大明精密公司。", "大明精密公司", "國家磐石獎"),
    ("市政府頒發卓越獎給大明精密公司、永信製藥公司。", "永信製藥公司", "卓越獎"),
    ("经济部颁发国家磐石奖给大明精密公司。", "大明精密公司", "国家磐石奖"),
])
def test_an_award_given_to_a_firm_is_no_part_of_its_name(text, holder, award):
    # 頒發X獎給Y: 獎給 (a word to the segmenter) ends the firm's name
    assert (holder, award) in _relations(text, "receivedAward")


@pytest.mark.parametrize("text, holder, award, grade", [
    ("大明科技股份有限公司為第32屆台灣精品獎金質獎得主。", "大明科技股份有限公司", "台灣精品獎", "金質獎"),
    ("大明科技股份有限公司為國家磐石獎得主。", "大明科技股份有限公司", "國家磐石獎", None),
    ("大明公司亦為國家品質獎的得主。", "大明公司", "國家品質獎", None),
])
def test_a_firm_that_is_an_awards_holder(text, holder, award, grade):
    # X為…獎得主 (為 as the copula, as Traditional news writes it)
    assert _relations(text, "receivedAward")[(holder, award)].get("grade") == grade


def test_a_body_that_honours_the_holders_holds_nothing():
    assert not _relations("工研院為國家磐石獎得主舉辦表揚大會。", "receivedAward")


@pytest.mark.parametrize("text, firm, place", [
    ("來自台中的大明精密公司獲得國家磐石獎。", "大明精密公司", "台中"),
    ("南投的大明茶葉公司獲獎。", "大明茶葉公司", "南投"),
])
def test_taiwans_short_city_names_as_words_of_their_own(text, firm, place):
    assert (firm, place) in _relations(text, "locatedIn")


@pytest.mark.parametrize("text", ["在平台中的數據。", "開放平台中可以看到。", "湖南投資集團今天宣布。", "陳云林表示。"])
def test_taiwans_short_city_names_inside_other_words_are_no_places(text):
    assert not any(t == "Place" and n in ("台中", "南投", "云林") for t, n in _entities(text))


@pytest.mark.parametrize("text, firm, place", [
    ("高雄在地的大明食品公司獲獎。", "大明食品公司", "高雄"),
    ("屏東在地的大明食品有限公司榮獲台灣精品獎。", "大明食品有限公司", "屏東"),
    ("株洲本地的大明机械有限公司获奖。", "大明机械有限公司", "株洲"),
])
def test_a_local_firm_of_a_place(text, firm, place):
    # P在地的X (Taiwan: local), P本地的X, P當地的X: the firm of that place
    assert (firm, place) in _relations(text, "locatedIn")


@pytest.mark.parametrize("text, firm, park", [
    ("竹科廠商大明科技股份有限公司獲獎。", "大明科技股份有限公司", "竹科"),
    ("中科廠商大明精密股份有限公司榮獲國家磐石獎。", "大明精密股份有限公司", "中科"),
    ("南科廠商大明光電股份有限公司今天宣布擴廠，預計投資300億元。", "大明光電股份有限公司", "南科"),
])
def test_a_firm_of_a_science_park_named_by_its_short_form(text, firm, park):
    # 竹科|廠商|X: the park's short form, the kind word, the firm (the firm lies in the park)
    assert (firm, park) in _relations(text, "locatedIn")


def test_a_mainland_group_before_a_kind_word_is_no_park():
    assert not any(t == "Park" for t, _ in _entities("中科企业大明精密有限公司获奖。"))


@pytest.mark.parametrize("text, person, firm", [
    ("華新麗華企業董事長焦佑倫說，明年將擴大投資。", "焦佑倫", "華新麗華企業"),
    ("永豐餘企業總經理王某某說。", "王某某", "永豐餘企業"),
])
def test_a_firm_named_on_qiye_before_its_post(text, person, firm):
    # X企業 as a firm's own name (企業 alone is a kind word): only a firm has a 董事長 or 總經理
    assert (person, firm) in _relations(text, "worksFor")


@pytest.mark.parametrize("text", ["該企業董事長王某某表示。", "民營企業董事長王某某表示。", "台灣企業董事長王某某表示。", "龍頭企業董事長王某某表示。"])
def test_a_kind_of_firm_before_a_post_names_no_firm(text):
    assert not any(t == "Company" for t, _ in _entities(text))


@pytest.mark.parametrize("text, holder, award, edition", [
    ("王大明獲選為第20屆創業楷模。", "王大明", "創業楷模", 20),
    ("王大明獲頒第60屆優良商人。", "王大明", "優良商人", 60),
])
def test_taiwans_titles_with_no_prize_suffix(text, holder, award, edition):
    assert _relations(text, "receivedAward")[(holder, award)]["edition"] == edition


@pytest.mark.parametrize("text, holder, award", [
    ("大明公司拿下國家磐石獎。", "大明公司", "國家磐石獎"),
    ("大明公司抱回台灣精品獎金質獎。", "大明公司", "台灣精品獎"),
    ("大明公司奪下金點設計獎。", "大明公司", "金點設計獎"),
])
def test_taiwans_colloquial_verbs_of_winning(text, holder, award):
    assert (holder, award) in _relations(text, "receivedAward")


@pytest.mark.parametrize("text, holder, award", [
    ("終身成就獎頒給大明公司創辦人王大明。", "王大明", "終身成就獎"),
    ("終身成就獎頒予大明公司、永信公司。", "永信公司", "終身成就獎"),
    ("本屆國家品質獎則頒給大明公司。", "大明公司", "國家品質獎"),
    ("终身成就奖颁给大明公司。", "大明公司", "终身成就奖"),
])
def test_an_award_then_the_verb_that_gives_it(text, holder, award):
    # X獎頒給A: the award, the giving verb, then its holders
    assert (holder, award) in _relations(text, "receivedAward")


@pytest.mark.parametrize("text, holders, award", [
    ("大明電信公司、永信醫院雙雙榮獲國家品質獎。", ("大明電信公司", "永信醫院"), "國家品質獎"),
    ("大明電信公司與永信醫院雙雙獲頒國家品質獎。", ("大明電信公司", "永信醫院"), "國家品質獎"),
    ("大明公司、永信公司拿下國家品質獎。", ("大明公司", "永信公司"), "國家品質獎"),
    ("國家品質獎名單出爐，大明電信公司、永信醫院雙雙獲獎。", ("大明電信公司", "永信醫院"), "國家品質獎"),
])
def test_every_member_of_a_pair_that_both_won(text, holders, award):
    # 雙雙 (both): an adverb between the members and the verb, as 均 is
    found = _relations(text, "receivedAward")
    assert all((h, award) in found for h in holders)


@pytest.mark.parametrize("text, firms", [
    ("獲獎企業包括永豐實業、大成工業及新光紡織。", ("大成工業", "新光紡織")),
    ("得獎企業為永豐實業、大成工業、新光紡織。", ("永豐實業", "大成工業", "新光紡織")),
    ("獲獎廠商有永豐實業、大成工業、新光紡織等3家。", ("大成工業", "新光紡織")),
])
def test_firms_listed_by_brand_and_trade_after_a_head_of_firms(text, firms):
    # a rare word and a trade word (大成|工業) after 得獎企業為/包括/有: a firm's short name
    found = _entities(text)
    assert all(("Company", f) in found for f in firms)


@pytest.mark.parametrize("text", [
    "重點企業包括鋼鐵工業、紡織工業、化學工業。",
    "獲獎品牌包括廚房器具、保健產品、新光紡織。",
    "這些企業是推動創新、帶動就業、促進發展的主力。",
    "單項冠軍企業是指長期專注於特定領域，生產技術或工藝水平國際先進、市場占有率位居前列的企業。",
])
def test_industries_and_clauses_after_a_head_of_firms_are_no_firms(text):
    assert not any(t == "Company" for t, _ in _entities(text))


@pytest.mark.parametrize("text", ["縣市 公司名稱 負責人", "序號 公司名稱 產品名稱"])
def test_a_tables_column_head_is_no_firm(text):
    # a head row set out with spaces: 公司名稱 (the firm's name) names no firm with the column before it
    assert not any(t == "Company" for t, _ in _entities(text))


def test_a_firms_name_before_the_word_for_name_stays():
    assert ("Company", "大明公司") in _entities("大明公司名稱變更為永信公司。")


@pytest.mark.parametrize("text", ["中央與地方政府共同合作。", "中央和地方政府共同合作。", "中央及地方政府應加強協調。"])
def test_central_and_local_government_together_name_no_body(text):
    # 中央與地方 (five characters) is a generic modifier like 地方: the generic-word strip reads
    # entries up to five characters long
    assert not any(t == "GovernmentAgency" for t, _ in _entities(text))


@pytest.mark.parametrize("text, person, body", [
    ("盧秀燕市長表示，市府將持續協助業者。", "盧秀燕", "市府"),
    ("王大明縣長表示，台東縣政府將持續協助。", "王大明", "台東縣政府"),
])
def test_a_heads_post_after_the_name_with_its_government_named(text, person, body):
    # NAME 市長 with no body written: the government the post heads, as the report names it (市府 too)
    assert _relations(text, "worksFor")[(person, body)]["role"] in ("市長", "縣長")


def test_a_heads_post_with_no_government_named_serves_no_body():
    assert not _relations("王大明市長表示，將持續協助。", "worksFor")


@pytest.mark.parametrize("text, firm, site", [
    ("大明公司位在台南科學園區。", "大明公司", "台南科學園區"),
    ("大明公司位處彰濱工業區。", "大明公司", "彰濱工業區"),
])
def test_wei_zai_is_wei_yu(text, firm, site):
    # 位在 / 位處: Taiwan's forms of 位於
    assert (firm, site) in _relations(text, "locatedIn")


@pytest.mark.parametrize("text, firm, site", [
    ("大明公司日前宣布，將於高雄仁武產業園區投資興建新廠。", "大明公司", "高雄仁武產業園區"),
    ("大明公司投資50億元，於仁武產業園區興建新廠。", "大明公司", "仁武產業園區"),
    ("大明公司宣布，将在长沙经开区投资建设新工厂。", "大明公司", "长沙经开区"),
])
def test_a_firm_that_announces_where_it_builds(text, firm, site):
    # X宣布，將於P興建新廠: the firm announcing its own plan builds there; ，於P興建: 於 after a comma
    assert (firm, site) in _relations(text, "locatedIn")


def test_a_body_that_announces_a_plan_is_no_settler():
    assert not _relations("南科管理局表示，將於南科設立新的實驗室。", "locatedIn")


@pytest.mark.parametrize("text, park", [
    ("中部科學園區包括台中園區、虎尾園區、后里園區。", "台中園區"),
    ("南科台南園區與高雄園區今年營收成長。", "高雄園區"),
])
def test_a_science_parks_site_named_by_its_city(text, park):
    # a city's short name and 園區 right after a science park: one of the park's sites
    assert ("Park", park) in _entities(text)


@pytest.mark.parametrize("text", ["株洲市园区企业加快发展。", "長沙園區的企業。"])
def test_a_citys_parks_are_no_park(text):
    assert not any(t == "Park" for t, _ in _entities(text))


@pytest.mark.parametrize("text, place", [
    ("將軍澳工業邨位於新界將軍澳。", "將軍澳"),
    ("大明有限公司位於九龍灣。", "九龍灣"),
])
def test_hong_kongs_new_towns_are_places(text, place):
    assert ("Place", place) in _entities(text)


def test_a_government_that_sets_up_parks_in_places_lies_in_none():
    # 在P設有 after a government: it sets up what lies in the places it governs
    assert not _relations("香港政府在將軍澳、大埔及元朗設有三個工業邨。", "locatedIn")


def test_a_prize_named_by_two_fields_joined_by_ji():
    # 生產力及品質卓越獎: one prize named by two fields, not 品質卓越獎
    found = _relations("大明公司獲頒生產力及品質卓越獎。", "receivedAward")
    assert ("大明公司", "生產力及品質卓越獎") in found


@pytest.mark.parametrize("text", ["大明公司榮獲卓越經營獎及績優經營獎。", "大明公司榮獲卓越經營獎和績優經營獎。"])
def test_two_prizes_joined_by_ji_stay_two(text):
    found = _entities(text)
    assert ("Award", "績優經營獎") in found and not any(t == "Award" and ("及" in n or "和" in n) for t, n in found)


def test_a_short_form_in_brackets_that_skips_the_realm_is_an_alias():
    # 外貿協會 of 中華民國對外貿易發展協會: its characters in order, the same last one, in brackets right after
    found = {e["name"]: e for e in extract_text("中華民國對外貿易發展協會（外貿協會）主辦台灣精品獎。")["entities"]}
    assert "外貿協會" in found["中華民國對外貿易發展協會"]["aliases"]


@pytest.mark.parametrize("text, firm, place", [
    ("桃園市業者大明公司獲獎。", "大明公司", "桃園市"),
    ("台南在地企業大明公司獲獎。", "大明公司", "台南"),
])
def test_a_firm_after_a_place_and_a_kind_word(text, firm, place):
    # 業者 (Taiwan: a business) is a kind word like 廠商; a brand and 公司 is enough of a firm after it
    assert (firm, place) in _relations(text, "locatedIn")


@pytest.mark.parametrize("text, firm, place", [
    ("大明公司創立於台中，專精於精密機械。", "大明公司", "台中"),
    ("大明公司於1980年成立於台中市。", "大明公司", "台中市"),
])
def test_a_firm_founded_in_a_place(text, firm, place):
    assert (firm, place) in _relations(text, "locatedIn")


@pytest.mark.parametrize("text, child, parent", [
    ("永信科技為大明公司100%持股的子公司。", "永信科技", "大明公司"),
    ("永信科技（大明集團旗下公司）獲獎。", "永信科技", "大明集團"),
    ("大明控股有限公司全資附屬公司永信有限公司獲獎。", "永信有限公司", "大明控股有限公司"),
    ("大明控股有限公司的附屬公司永信有限公司獲獎。", "永信有限公司", "大明控股有限公司"),
])
def test_subsidiaries_as_taiwan_and_hong_kong_write_them(text, child, parent):
    # 100%持股的子公司, (X旗下公司), 全資附屬公司 (Hong Kong's word for a subsidiary)
    assert (child, parent) in _relations(text, "subsidiaryOf")


@pytest.mark.parametrize("text, person, body", [
    ("大明有限公司行政總裁Stephen Lee表示，公司會繼續投資。", "Stephen Lee", "大明有限公司"),
    ("香港生產力促進局主席Sunny Tan表示。", "Sunny Tan", "香港生產力促進局"),
])
def test_a_name_in_latin_letters_after_a_post(text, person, body):
    assert (person, body) in _relations(text, "worksFor")


def test_a_firms_english_name_after_a_post_is_no_person():
    assert not any(t == "Person" for t, _ in _entities("大明有限公司總裁Tai Ming Group表示。"))


@pytest.mark.parametrize("text, award", [
    ("112年國家品質獎得獎名單：大明公司、永信公司、新光公司。", "國家品質獎"),
    ("2023年国家质量奖获奖名单：大明公司、永信公司、新光公司。", "国家质量奖"),
    ("國家品質獎得獎企業：大明公司、永信公司。", "國家品質獎"),
])
def test_an_awards_list_of_winners_after_a_colon(text, award):
    # X獎得獎名單：A、B、C (a colon after the winners' noun, as 名單如下 and 名單為 do)
    assert ("永信公司", award) in _relations(text, "receivedAward")


@pytest.mark.parametrize("text, holder, award", [
    ("大明公司榮獲2023金點設計獎。", "大明公司", "金點設計獎"),
    ("大明公司榮獲2023 台灣精品獎。", "大明公司", "台灣精品獎"),
    ("大明公司榮獲香港工商業獎2023。", "大明公司", "香港工商業獎"),
])
def test_a_year_in_figures_with_no_nian_beside_a_prize(text, holder, award):
    assert _relations(text, "receivedAward")[(holder, award)].get("year") == 2023


@pytest.mark.parametrize("text", ["大明公司獲第二屆成都市市長質量獎\n\n2018-06-12", "大明公司榮獲2022-2023金點設計獎。"])
def test_a_date_line_or_a_span_of_years_gives_no_year(text):
    assert not any(r.get("year") for r in _relations(text, "receivedAward").values())


def test_a_long_short_form_in_brackets_after_a_society_is_its_alias():
    found = {e["name"]: e for e in extract_text("台北市電腦商業同業公會（台北市電腦公會）理事長王某某表示。")["entities"]}
    assert "台北市電腦公會" in found["台北市電腦商業同業公會"]["aliases"]


@pytest.mark.parametrize("text", ["大明公司位於樹谷園區。", "大明公司進駐樹谷園區。"])
def test_a_park_named_only_on_yuanqu_after_a_verb_of_lying_in(text):
    # 位於/進駐 X園區: the verb says a park follows, though no place opens its name
    assert ("大明公司", "樹谷園區") in _relations(text, "locatedIn")


@pytest.mark.parametrize("text", ["大明公司進駐該園區。", "大明公司進駐科技園區。", "大明公司位於智慧園區。"])
def test_a_kind_of_park_after_a_verb_of_lying_in_is_no_park(text):
    assert not any(t == "Park" for t, _ in _entities(text))


def test_an_awards_winners_after_a_bracketed_note_and_a_colon():
    text = "國家磐石獎得獎企業（依筆畫排序）：大明精密股份有限公司、永信製藥股份有限公司。"
    assert ("永信製藥股份有限公司", "國家磐石獎") in _relations(text, "receivedAward")
