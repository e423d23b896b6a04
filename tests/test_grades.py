"""Grades read the way reports write them (ANNOTATION.md: grade as written; the award's name carries
none). The grade vocabulary is data (kg/data/lexicons/grades.tsv); the phrases are written for these
tests (no report text).
"""

from __future__ import annotations

import pytest

from kg.nlp import extract_text
from kg.nlp.awards import ALL_GRADES, BARE_GRADES, GRADES, QUALITY_CLASSES


def _grades(text: str) -> dict[tuple[str, str], set]:
    result = extract_text(text)
    names = {e["id"]: e["name"] for e in result["entities"]}
    out: dict[tuple[str, str], set] = {}
    for r in result["relations"]:
        if r["predicate"] == "receivedAward":
            out.setdefault((names[r["subject"]], names[r["object"]]), set()).add(r["grade"])
    return out


def test_the_grade_vocabulary_is_data_by_kind():
    assert GRADES[:4] == ("特等奖", "一等奖", "二等奖", "三等奖") and "提名奖" in GRADES
    assert {"特优奖", "优胜奖", "优选奖"} <= BARE_GRADES and not BARE_GRADES & set(GRADES)
    assert QUALITY_CLASSES == ("卓越奖", "创新奖", "特别奖")
    assert set(ALL_GRADES) == set(GRADES) | BARE_GRADES | set(QUALITY_CLASSES)


@pytest.mark.parametrize("text, award, grade", [
    ("长岭重工机械有限公司荣获湖西省科学技术奖 一等奖。", "湖西省科学技术奖", "一等奖"),  # a space, as a PDF copies it
    ("长岭重工机械有限公司荣获“湖西省专利奖” 金奖。", "湖西省专利奖", "金奖"),
    ("长岭重工机械有限公司荣获湖西省科学技术奖（二等奖）。", "湖西省科学技术奖", "二等奖"),
])
def test_a_grade_after_the_award_across_a_space_a_quote_or_a_bracket(text, award, grade):
    assert _grades(text)[("长岭重工机械有限公司", award)] == {grade}


def test_members_that_each_win_a_grade_of_one_award_take_them_in_order():
    got = _grades("长岭重工机械有限公司、北川精密仪器股份有限公司、东湖新材料科技有限公司分别获得湖西省专利奖金奖、银奖、优秀奖。")
    assert got == {("长岭重工机械有限公司", "湖西省专利奖"): {"金奖"}, ("北川精密仪器股份有限公司", "湖西省专利奖"): {"银奖"},
                   ("东湖新材料科技有限公司", "湖西省专利奖"): {"优秀奖"}}


def test_a_quoted_contest_grade_goes_to_the_named_members_before_their_count():
    got = _grades("湖西市经发局举办“湖西市园区绿美化奖”评选，共有3家企业获奖，其中，长岭重工机械有限公司、"
                  "北川精密仪器股份有限公司2家企业获得“特优奖”。东湖新材料科技有限公司等1家企业获“优胜奖”。")
    assert got[("长岭重工机械有限公司", "湖西市园区绿美化奖")] == {"特优奖"}
    assert got[("北川精密仪器股份有限公司", "湖西市园区绿美化奖")] == {"特优奖"}
    assert got[("东湖新材料科技有限公司", "湖西市园区绿美化奖")] == {"优胜奖"}


def test_a_contest_grade_is_never_split_off_a_name_nor_an_award_alone():
    got = _grades("长岭重工机械有限公司荣获湖西市人民政府质量管理优胜奖。")
    assert got == {("长岭重工机械有限公司", "湖西市人民政府质量管理优胜奖"): {None}}


def test_a_contest_grade_on_a_line_of_its_own_heads_the_list_under_it():
    got = _grades("2021年度湖西市园区绿美化奖获奖名单\n特优奖\n长岭重工机械有限公司\n北川精密仪器股份有限公司\n优胜奖\n东湖新材料科技有限公司")
    assert got[("长岭重工机械有限公司", "湖西市园区绿美化奖")] == {"特优奖"}
    assert got[("北川精密仪器股份有限公司", "湖西市园区绿美化奖")] == {"特优奖"}
    assert got[("东湖新材料科技有限公司", "湖西市园区绿美化奖")] == {"优胜奖"}


def test_tables_under_grade_headings_take_the_grade_and_the_award_of_the_title_above():
    text = ("2021年度湖西省科学技术奖获奖名单\n一等奖（2项）\n序号\t项目名称\t完成单位\n1\t一种轴承\t长岭重工机械有限公司\n"
            "2\t一种阀门\t北川精密仪器股份有限公司\n二等奖（2项）\n序号\t项目名称\t完成单位\n1\t一种水泵\t东湖新材料科技有限公司\n"
            "2\t一种风机\t西山电子科技有限公司")
    got = _grades(text)
    assert got[("长岭重工机械有限公司", "湖西省科学技术奖")] == {"一等奖"}
    assert got[("北川精密仪器股份有限公司", "湖西省科学技术奖")] == {"一等奖"}
    assert got[("东湖新材料科技有限公司", "湖西省科学技术奖")] == {"二等奖"}
    assert got[("西山电子科技有限公司", "湖西省科学技术奖")] == {"二等奖"}


@pytest.mark.parametrize("text, holder, award, grade", [
    # a grade fused to the stem of an award named elsewhere in the report is that award's grade
    ("长岭重工机械有限公司荣获2017年度国家科技进步二等奖。国家科学技术进步奖是国家最高奖项之一。",
     "长岭重工机械有限公司", "国家科学技术进步奖", "二等奖"),
    ("湖南省共有3项专利获得中国专利奖。其中，长岭重工机械有限公司的专利获中国专利金奖。",
     "长岭重工机械有限公司", "中国专利奖", "金奖"),
    # a number inside a name (七〇五所) is no count of unnamed winners
    ("七〇五所荣获2017年度国家科技进步二等奖。国家科学技术进步奖是国家最高奖项之一。", "七〇五所", "国家科学技术进步奖", "二等奖"),
])
def test_a_grade_fused_to_an_awards_stem_belongs_to_that_award(text, holder, award, grade):
    assert grade in _grades(text).get((holder, award), set()), _grades(text)


def test_a_fused_stem_that_fits_two_awards_gives_neither():
    from kg.nlp.relations.awards import fused_award
    from kg.nlp.rules import Mention

    text = "广东专利奖和湖南专利奖揭晓。A获专利金奖。"
    mentions = [Mention(0, 5, "Award", "t", "广东专利奖"), Mention(6, 11, "Award", "t", "湖南专利奖")]
    assert fused_award(text, text.index("金奖"), mentions, [0, 1]) is None
    assert fused_award(text, text.index("金奖"), mentions, [0]) == 0


def test_grades_with_their_members_after_a_colon_in_one_sentence():
    got = _grades("2021年度湖西省科学技术奖获奖名单公布，一等奖：长岭重工机械有限公司、北川精密仪器股份有限公司；"
                  "二等奖：东湖新材料科技有限公司。")
    assert got == {("长岭重工机械有限公司", "湖西省科学技术奖"): {"一等奖"}, ("北川精密仪器股份有限公司", "湖西省科学技术奖"): {"一等奖"},
                   ("东湖新材料科技有限公司", "湖西省科学技术奖"): {"二等奖"}}


def test_a_grade_before_its_holder_describes_it():
    got = _grades("湖西省科学技术奖评选结果揭晓，荣获一等奖的长岭重工机械有限公司将获得奖金100万元。")
    assert got == {("长岭重工机械有限公司", "湖西省科学技术奖"): {"一等奖"}}


def test_a_grade_column_of_contest_grades_gives_each_row_its_grade():
    got = _grades("2021年度湖西市园区绿美化奖获奖名单\n序号 企业名称 获奖等级\n1 长岭重工机械有限公司 特优奖\n"
                  "2 北川精密仪器股份有限公司 优胜奖\n3 东湖新材料科技有限公司 优胜奖")
    assert got == {("长岭重工机械有限公司", "湖西市园区绿美化奖"): {"特优奖"}, ("北川精密仪器股份有限公司", "湖西市园区绿美化奖"): {"优胜奖"},
                   ("东湖新材料科技有限公司", "湖西市园区绿美化奖"): {"优胜奖"}}


@pytest.mark.parametrize("text, award, grade", [
    # a contest's grade (bare kind) right after a name that ends on 奖 is that award's grade
    ("長嶺重工股份有限公司榮獲湖西設計獎優等獎。", "湖西設計獎", "優等獎"),
    ("长岭重工机械有限公司荣获湖西省质量奖 优胜奖。", "湖西省质量奖", "优胜奖"),
    ("長嶺重工股份有限公司榮獲湖西建設獎（特優獎）。", "湖西建設獎", "特優獎"),
    # a grade written without 奖 (kind after): Taiwan's 佳作 and 特優, a medal
    ("長嶺重工股份有限公司榮獲湖西產業創新獎佳作。", "湖西產業創新獎", "佳作"),
    ("長嶺重工股份有限公司榮獲湖西建設獎特優，", "湖西建設獎", "特優"),
    ("長嶺重工股份有限公司獲得國家發明創作獎金牌。", "國家發明創作獎", "金牌"),
    ("长岭重工机械有限公司获得湖西发明奖银牌1项。", "湖西发明奖", "银牌"),
])
def test_a_contest_grade_or_a_medal_right_after_an_award_named_on_its_prize(text, award, grade):
    holder = "長嶺重工股份有限公司" if "長嶺" in text else "长岭重工机械有限公司"
    assert _grades(text)[(holder, award)] == {grade}


def test_a_grade_without_its_prize_is_no_grade_where_a_noun_goes_on():
    got = _grades("长岭重工机械有限公司荣获湖西发明奖金牌企业称号。")
    assert all(g == {None} for g in got.values())


@pytest.mark.parametrize("text", [
    # the award and its grade, then a colon and the members
    "湖西省专利奖一等奖：长岭重工机械有限公司、北川精密仪器股份有限公司。二等奖：东湖新材料科技有限公司。",
    "“湖西省专利奖”一等奖（2项）：长岭重工机械有限公司、北川精密仪器股份有限公司；二等奖（1项）：东湖新材料科技有限公司。",
    # a sentence that opens on the grade, the award named in the sentence before
    "第五届湖西省专利奖评审结果揭晓。一等奖：长岭重工机械有限公司、北川精密仪器股份有限公司。二等奖：东湖新材料科技有限公司。",
])
def test_a_grade_and_a_colon_list_the_members_that_hold_it(text):
    got = _grades(text)
    assert got[("长岭重工机械有限公司", "湖西省专利奖")] == {"一等奖"}
    assert got[("北川精密仪器股份有限公司", "湖西省专利奖")] == {"一等奖"}
    assert got[("东湖新材料科技有限公司", "湖西省专利奖")] == {"二等奖"}


@pytest.mark.parametrize("text", [
    "第五届湖西省专利奖评审结果揭晓。获得一等奖的单位有长岭重工机械有限公司、北川精密仪器股份有限公司；获得二等奖的有东湖新材料科技有限公司。",
    "第五届湖西省专利奖评审结果揭晓。荣获一等奖的企业包括长岭重工机械有限公司、北川精密仪器股份有限公司，获得二等奖的是东湖新材料科技有限公司。",
    "第五届湖西省专利奖评审结果揭晓。获得一等奖的是长岭重工机械有限公司和北川精密仪器股份有限公司，获得二等奖的为东湖新材料科技有限公司。",
])
def test_the_holders_of_each_grade_named_after_who_won_it(text):
    got = _grades(text)
    assert got[("长岭重工机械有限公司", "湖西省专利奖")] == {"一等奖"}
    assert got[("北川精密仪器股份有限公司", "湖西省专利奖")] == {"一等奖"}
    assert got[("东湖新材料科技有限公司", "湖西省专利奖")] == {"二等奖"}


@pytest.mark.parametrize("text, grade", [
    ("长岭重工机械有限公司荣获一等奖的湖西省专利奖。", "一等奖"),  # the grade before the award, as what was won
    ("长岭重工机械有限公司获湖西省专利奖评选一等奖。", "一等奖"),  # the contest between award and grade
    ("长岭重工机械有限公司获得“湖西省专利奖”评审金奖。", "金奖"),
    ("长岭重工机械有限公司获得湖西省专利奖中的二等奖。", "二等奖"),
])
def test_a_grade_one_word_away_from_its_award(text, grade):
    assert _grades(text)[("长岭重工机械有限公司", "湖西省专利奖")] == {grade}


@pytest.mark.parametrize("text", ["长岭重工机械有限公司荣获一等奖。", "长岭重工机械有限公司荣获三等奖1项。", "长岭重工机械有限公司获得金奖。"])
def test_a_verb_and_a_grade_after_a_firm_are_no_person(text):
    assert not [e for e in extract_text(text)["entities"] if e["type"] == "Person"]


@pytest.mark.parametrize("text, award, grade", [
    ("湖西省科学技术进步奖一等奖获奖者张建国", "湖西省科学技术进步奖", "一等奖"),
    ("湖西省专利奖金奖得主、长岭重工机械有限公司总工程师张建国说", "湖西省专利奖", "金奖"),
])
def test_the_holder_noun_after_an_award_and_its_grade(text, award, grade):
    assert _grades(text)[("张建国", award)] == {grade}


def test_a_table_with_a_completers_column_gives_the_award_to_each_completing_unit():
    text = ("湖西省科学技术奖获奖名单\n序号\t项目名称\t主要完成人\t完成单位\t等级\n"
            "1\t一种轴承\t张建国、李明华\t长岭重工机械有限公司、北川精密仪器股份有限公司\t一等奖\n"
            "2\t一种阀门\t王小平\t东湖新材料科技有限公司\t二等奖")
    got = _grades(text)
    assert got[("长岭重工机械有限公司", "湖西省科学技术奖")] == {"一等奖"}
    assert got[("北川精密仪器股份有限公司", "湖西省科学技术奖")] == {"一等奖"}
    assert got[("东湖新材料科技有限公司", "湖西省科学技术奖")] == {"二等奖"}


def test_a_taiwanese_table_of_winners_and_their_grade_column():
    text = ("湖西精品獎得獎名單\n得獎廠商\t產品名稱\t獎別\n長嶺重工股份有限公司\t工業電腦\t金質獎\n"
            "北川精密股份有限公司\t手機\t銀質獎")
    got = _grades(text)
    assert got[("長嶺重工股份有限公司", "湖西精品獎")] == {"金質獎"}
    assert got[("北川精密股份有限公司", "湖西精品獎")] == {"銀質獎"}


@pytest.mark.parametrize("text, grade", [
    ("长岭重工机械有限公司荣获湖西省专利奖两项一等奖。", "一等奖"),  # counted before the grade
    ("长岭重工机械有限公司荣获湖西省专利奖“一等奖”。", "一等奖"),  # the grade quoted
    ("长岭重工机械有限公司荣获“湖西省专利奖”“金奖”。", "金奖"),
    ("长岭重工机械有限公司在第五届湖西省专利奖中获得金奖。", "金奖"),  # 在X奖中获得: a grade of its own clause
])
def test_a_grade_counted_quoted_or_won_in_the_awards_contest(text, grade):
    assert _grades(text)[("长岭重工机械有限公司", "湖西省专利奖")] == {grade}


@pytest.mark.parametrize("sep", ["，", "；"])
def test_a_second_holder_and_grade_after_a_members_first_clause(sep):
    got = _grades(f"长岭重工机械有限公司获湖西省专利奖银奖{sep}北川精密仪器股份有限公司获优秀奖。")
    assert got[("长岭重工机械有限公司", "湖西省专利奖")] == {"银奖"}
    assert got[("北川精密仪器股份有限公司", "湖西省专利奖")] == {"优秀奖"}


@pytest.mark.parametrize("text, holders, grade", [
    ("長嶺重工股份有限公司奪得湖西工商業獎「大獎」。", {"長嶺重工股份有限公司"}, "大獎"),
    ("長嶺重工股份有限公司獲頒湖西工商業獎優異證書。", {"長嶺重工股份有限公司"}, "優異證書"),
    ("湖西工商業獎頒獎禮昨日舉行。2個大獎得主分別為：長嶺重工股份有限公司、北川精密股份有限公司。",
     {"長嶺重工股份有限公司", "北川精密股份有限公司"}, "大獎"),
])
def test_hong_kongs_grand_prize_and_certificate_of_merit_are_grades(text, holders, grade):
    got = _grades(text)
    assert {h for h, a in got if a == "湖西工商業獎"} == holders
    assert all(got[(h, "湖西工商業獎")] == {grade} for h in holders)


def test_a_grand_prize_in_an_awards_own_name_is_no_grade():
    assert _grades("長嶺重工股份有限公司獲得中國工業大獎。") == {("長嶺重工股份有限公司", "中國工業大獎"): {None}}


def test_project_items_under_grade_headings_give_the_award_to_their_labelled_units():
    text = ("2023年度湖西省科学技术进步奖\n（一）一等奖（2项）\n1.一种轴承  完成单位：长岭重工机械有限公司\n"
            "2.一种水泵，完成单位：北川精密仪器股份有限公司、西山电子科技有限公司\n（二）二等奖（1项）\n"
            "1.一种阀门（完成单位：东湖新材料科技有限公司）")
    got = _grades(text)
    for holder in ("长岭重工机械有限公司", "北川精密仪器股份有限公司", "西山电子科技有限公司"):
        assert got[(holder, "湖西省科学技术进步奖")] == {"一等奖"}
    assert got[("东湖新材料科技有限公司", "湖西省科学技术进步奖")] == {"二等奖"}


def test_a_proposed_award_is_no_part_of_the_awards_name():
    got = _grades("湖西省专利奖拟奖名单公示\n一等奖：\n长岭重工机械有限公司\n北川精密仪器股份有限公司")
    assert got == {("长岭重工机械有限公司", "湖西省专利奖"): {"一等奖"}, ("北川精密仪器股份有限公司", "湖西省专利奖"): {"一等奖"}}


@pytest.mark.parametrize("text, award, grade", [
    ("在第十屆湖西設計獎中，長嶺重工股份有限公司榮獲佳作獎。", "湖西設計獎", "佳作獎"),
    ("第十屆湖西設計獎評選揭曉。長嶺重工股份有限公司獲金牌獎。", "湖西設計獎", "金牌獎"),
    ("長嶺重工股份有限公司參加國家發明創作獎，獲得銀牌。", "國家發明創作獎", "銀牌"),
])
def test_a_contests_grade_or_a_medal_right_after_the_verb_points_back_to_the_award(text, award, grade):
    assert _grades(text)[("長嶺重工股份有限公司", award)] == {grade}


@pytest.mark.parametrize("text, award, grade", [
    ("长岭重工机械有限公司荣获湖西省专利奖——一等奖。", "湖西省专利奖", "一等奖"),  # a dash
    ("长岭重工机械有限公司荣获湖西省专利奖-金奖。", "湖西省专利奖", "金奖"),
    ("長嶺重工股份有限公司榮獲台灣精品獎·金質獎。", "台灣精品獎", "金質獎"),  # a middle dot
    ("长岭重工机械有限公司荣获湖西省专利奖【一等奖】。", "湖西省专利奖", "一等奖"),  # square brackets
    ("长岭重工机械有限公司荣获湖西省专利奖[金奖]。", "湖西省专利奖", "金奖"),
])
def test_a_grade_after_a_dash_a_dot_or_square_brackets(text, award, grade):
    holder = next(h for h, a in _grades(text) if a == award)
    assert _grades(text)[(holder, award)] == {grade}


def test_prizes_chained_after_one_verb_each_with_its_grade_in_brackets():
    got = _grades("长岭重工机械有限公司荣获湖西省专利奖（金奖）和湖西省科学技术进步奖（一等奖）。")
    assert got[("长岭重工机械有限公司", "湖西省专利奖")] == {"金奖"}
    assert got[("长岭重工机械有限公司", "湖西省科学技术进步奖")] == {"一等奖"}


@pytest.mark.parametrize("text", [
    "第十屆湖西設計獎得獎名單\n特優\n長嶺重工股份有限公司\n優等\n北川精密股份有限公司\n佳作\n東湖電子股份有限公司",
    "第十屆湖西設計獎得獎名單\n特優：長嶺重工股份有限公司\n優等：北川精密股份有限公司\n佳作：東湖電子股份有限公司",
])
def test_taiwans_grades_without_their_prize_head_the_lines_of_a_list(text):
    got = _grades(text)
    assert got[("長嶺重工股份有限公司", "湖西設計獎")] == {"特優"}
    assert got[("北川精密股份有限公司", "湖西設計獎")] == {"優等"}
    assert got[("東湖電子股份有限公司", "湖西設計獎")] == {"佳作"}


def test_a_contests_grade_and_a_colon_open_a_line_of_its_members():
    got = _grades("第十屆湖西設計獎得獎名單\n特優獎：長嶺重工股份有限公司\n優等獎：北川精密股份有限公司")
    assert got == {("長嶺重工股份有限公司", "湖西設計獎"): {"特優獎"}, ("北川精密股份有限公司", "湖西設計獎"): {"優等獎"}}


@pytest.mark.parametrize("text, grades", [
    ("第十屆湖西設計獎得獎名單\n序號\t獎項\t公司名稱\n1\t特優\t長嶺重工股份有限公司\n2\t佳作\t北川精密股份有限公司", ("特優", "佳作")),
    ("第十屆湖西設計獎得獎名單\n序號\t公司名稱\t等級\n1\t長嶺重工股份有限公司\t金牌\n2\t北川精密股份有限公司\t銀牌", ("金牌", "銀牌")),
])
def test_a_table_cell_of_a_grade_written_without_its_prize(text, grades):
    got = _grades(text)
    assert got[("長嶺重工股份有限公司", "湖西設計獎")] == {grades[0]}
    assert got[("北川精密股份有限公司", "湖西設計獎")] == {grades[1]}


@pytest.mark.parametrize("text", [
    "第五届湖西省专利奖获奖单位为：长岭重工机械有限公司（一等奖）、北川精密仪器股份有限公司（二等奖）。",
    "长岭重工机械有限公司（一等奖）、北川精密仪器股份有限公司（二等奖）荣获第五届湖西省专利奖。",
])
def test_each_member_of_a_prose_list_takes_its_own_bracketed_grade(text):
    got = _grades(text)
    assert got[("长岭重工机械有限公司", "湖西省专利奖")] == {"一等奖"}
    assert got[("北川精密仪器股份有限公司", "湖西省专利奖")] == {"二等奖"}


def test_a_grade_before_its_winners_lead_gives_no_earlier_member_that_grade():
    result = extract_text("第五届湖西省专利奖共评出一等奖3项、二等奖5项。其中，一等奖获奖单位为长岭重工机械有限公司、"
                          "北川精密仪器股份有限公司；二等奖获奖单位为东湖新材料科技有限公司。")
    names = {e["id"]: e["name"] for e in result["entities"]}
    grades = {(names[r["subject"]], r["grade"]) for r in result["relations"] if r["predicate"] == "receivedAward"}
    assert grades == {("长岭重工机械有限公司", "一等奖"), ("北川精密仪器股份有限公司", "一等奖"), ("东湖新材料科技有限公司", "二等奖")}
