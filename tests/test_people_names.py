"""Person names that no dictionary knows (issue 13, item 4): a name is read by its place in the
sentence (a post before it, a verb or a function character after it, a list separator, a
department's name before it, a dateline's bracket), not by being a name the dev reports hold.

The names here are invented (a common surname and given characters) and the phrases are short
sentences of general vocabulary (no report text). The model is switched off, so that each case
tests the rules alone; ``bench/metamorphic.py --variants names`` measures the same on the dev
reports with every person renamed.
"""

from __future__ import annotations

import pytest

from kg.nlp import extract_text


@pytest.fixture(autouse=True)
def _rules_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_NER", "0")


def _persons(phrase: str) -> set[str]:
    return {e["name"] for e in extract_text(phrase)["entities"] if e["type"] == "Person"}


# -- a name after a post: where does it end? ------------------------------------------------------

@pytest.mark.parametrize(
    "phrase, name",
    [
        # three characters, the segmenter cut the last one off; a verb follows
        ("副主席邱梅新宣读了名单。", "邱梅新"),
        ("市公安局局长柏刚飞参加会议。", "柏刚飞"),
        ("副局长蒲亮亮於十九日出席。", "蒲亮亮"),
        # the surname and the first given character make a place or a word (韩国, 秦国)
        ("委员长韩国飞恭喜所有得主。", "韩国飞"),
        ("副主席秦国明成功当选主席。", "秦国明"),
        # 代表 after the name, although 军代表 is a word of the dictionary
        ("秘书长芮东军代表分会发言。", "芮东军"),
        # two characters, then a function character or a word that opens the predicate
        ("主任郑平就此作了说明。", "郑平"),
        ("主席柏平称，项目进展顺利。", "柏平"),
        ("局长崔宇就工作作了部署。", "崔宇"),
        ("局长蒲平代表市政府致辞。", "蒲平"),
        # 和 as the last given character before 说
        ("质量科科长柏咸和说，奖项已设立多年。", "柏咸和"),
        # the third character makes a rare word with the next (洋参, 华特), a frequent word follows
        ("市公安局局长柏刚洋参加会议。", "柏刚洋"),
        ("总统蒲兰华特别亲临颁奖。", "蒲兰华"),
        # a form of address after the name
        ("总经理芮德军先生致辞。", "芮德军"),
    ],
)
def test_name_after_a_post_ends_where_the_predicate_starts(phrase: str, name: str) -> None:
    assert name in _persons(phrase)


@pytest.mark.parametrize(
    "phrase, wrong",
    [
        ("主任委员蒲峰就明年工作作了部署。", "蒲峰就"),  # 就 opens the predicate
        ("省会长沙获得了一金一银。", "沙获得"),  # 省会|长沙: no post, and 获得 is no given name
        ("主任委员柏陆洲和副主任委员出席。", "和副"),  # two posts joined by 和
        ("长沙钢铁有限公司荣获第5届湖南省质量奖。", "荣获第"),  # 荣 is a surname, 第 opens an ordinal
        ("长沙钢铁有限公司高达3亿元的投资。", "高达"),  # a count after a body's name, not a name
        ("南京江北新区位于南京市长江以北。", "江以北"),  # 江 then a word of direction
        ("中国(湖南)自由贸易试验区长沙片区挂牌。", "沙片区"),  # 沙 then an area word
        ("副省长张伟为获得省长质量奖的企业颁奖。", "张伟为"),  # 为 opens the predicate
        ("局长张伟到华盛电子有限公司调研。", "张伟到"),  # a verb of going glued to the name
    ],
)
def test_no_name_from_a_function_word_or_a_second_post(phrase: str, wrong: str) -> None:
    assert wrong not in _persons(phrase)


# -- a name between a department and its post ----------------------------------------------------

@pytest.mark.parametrize(
    "phrase, name",
    [
        ("联合会标准部柏东明处长到会讲话。", "柏东明"),
        ("行政院蒲梅旭副院长出席。", "蒲梅旭"),
        ("产品四部芮洋副处长发言。", "芮洋"),
        ("知识服务组芮晨新科长介绍情况。", "芮晨新"),
        ("原国务院参事芮英出席。", "芮英"),  # 参事 is a post
    ],
)
def test_name_between_a_department_and_its_post(phrase: str, name: str) -> None:
    assert name in _persons(phrase)


@pytest.mark.parametrize(
    "phrase, wrong",
    [
        ("由专家和有关人员组成的市长质量奖评审委员会。", "成的"),  # 组成 is a word, not 组 + a name
        ("经济部商业司司长出席。", "商业司"),  # a department of its own before its head
    ],
)
def test_no_name_from_a_word_or_a_department_before_a_post(phrase: str, wrong: str) -> None:
    assert wrong not in _persons(phrase)


# -- lists of names -------------------------------------------------------------------------------

def test_list_neighbours_of_a_found_person_are_persons() -> None:
    found = _persons("局长柏平、芮涛海、蒲国新、郑春等领导出席大会。")
    assert {"柏平", "芮涛海", "蒲国新", "郑春"} <= found


def test_last_list_item_ends_before_and() -> None:
    found = _persons("副主任委员柏杰莉、芮晨晶、蒲洋辉和分会委员出席。")
    assert {"柏杰莉", "芮晨晶", "蒲洋辉"} <= found


def test_name_closing_a_list_is_no_field_of_the_body_after_and() -> None:
    result = extract_text("主任委员柏凡伟、芮伟荣、蒲晓宾和量仪分技术委员会主任委员出席。")
    names = {(e["type"], e["name"]) for e in result["entities"]}
    assert ("Person", "蒲晓宾") in names
    assert ("StandardsBody", "量仪分技术委员会") in names


def test_coordinated_field_of_a_body_still_joins() -> None:
    names = {(e["type"], e["name"]) for e in extract_text("全国量具和量仪分技术委员会召开年会。")["entities"]}
    assert not any(t == "Person" for t, _ in names)


def test_last_list_item_ends_before_a_verb() -> None:
    found = _persons("主任委员柏琳秀、芮娜红、蒲峰晨颁发了证书。")
    assert {"柏琳秀", "芮娜红", "蒲峰晨"} <= found


def test_post_closing_a_line_and_its_holder_on_the_next() -> None:
    assert "蒲强建" in _persons("如需查询，请联系：\n企业传讯总经理\n蒲强建小姐\n电话：12345678")


def test_list_of_other_words_after_a_person_stays_unread() -> None:
    found = _persons("局长柏平、高质量发展推进会召开。")
    assert found == {"柏平"}


# -- a name after a firm's or an institution's name ----------------------------------------------

@pytest.mark.parametrize(
    "phrase, name",
    [
        ("嘉锦环保有限公司柏琳新为质量奖拟获奖个人。", "柏琳新"),
        ("授予长沙技师学院芮刚晶同志荣誉称号。", "芮刚晶"),
        ("瑞康电器有限公司蒲志钦创建了新模式。", "蒲志钦"),
    ],
)
def test_name_after_a_body(phrase: str, name: str) -> None:
    assert name in _persons(phrase)


def test_common_word_after_a_firm_is_no_name() -> None:
    assert "高流量" not in _persons("明康医疗科技股份有限公司高流量呼吸治疗仪获奖。")


# -- bylines ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "phrase, names",
    [
        ("本报讯 (柏海刚 芮英)3月2日，省政府召开会议。", {"柏海刚", "芮英"}),
        ("本报讯 (蒲桂 记者柏春海) 12月1日，会议召开。", {"蒲桂", "柏春海"}),
        ("撰文 | 柏兰 芮辉\n今年以来，", {"柏兰", "芮辉"}),
        ("晚报全媒体记者芮宁通讯员蒲成敏\n\n近日", {"芮宁", "蒲成敏"}),
        ("日报新闻记者  蒲浩\n\n  经济发展", {"蒲浩"}),
    ],
)
def test_byline_names(phrase: str, names: set[str]) -> None:
    assert names <= _persons(phrase)


@pytest.mark.parametrize("phrase", ["他在接受记者采访时表示。", "记者了解到，项目已经完工。", "记者从会上获悉，"])
def test_reporter_in_running_text_names_no_one(phrase: str) -> None:
    assert _persons(phrase) == set()


def test_place_after_a_common_noun_is_no_winner_firm() -> None:
    # 省会|长沙 once hid behind a false person (沙获得); with it gone, the subject of 获得 must not
    # become a firm either
    entities = {(e["type"], e["name"]) for e in extract_text("放眼全省，只有省会长沙获得了一金一银。")["entities"]}
    assert ("Place", "长沙") in entities
    assert not any(t == "Company" for t, _ in entities)
