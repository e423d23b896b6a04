"""Phrasings of standardsCount and contributedToStandard as real reports write them.

The phrases are written for these tests (no report text); each rule was checked on the whole
dev split of the real gold before it was kept.
"""

from __future__ import annotations

import pytest

from kg.nlp import extract_text


def _counts(text: str) -> dict[tuple[str, str], dict]:
    result = extract_text(text)
    names = {e["id"]: e["name"] for e in result["entities"]}
    return {
        (names[r["subject"]], r["object"]): r
        for r in result["relations"] if r["predicate"] == "standardsCount"
    }


@pytest.mark.parametrize("text, level, count", [
    ("辽宁省主导或参与制修订的国际标准达到53项。", "international", 53),
    ("辽宁省主导制定的团体标准累计120项。", "group", 120),
])
def test_a_count_after_a_verb_of_reaching(text, level, count):
    assert _counts(text)[("辽宁省", level)]["count"] == count


def test_more_than_n_is_no_count():
    assert not _counts("辽宁省主导制定的团体标准超过120项。")


def test_every_drafting_unit_named_with_its_part():
    result = extract_text("其中包括湖北齐星集团晶星公司为第一起草单位、随州市标准化研究院为主要起草单位的两项国家标准"
                          "GB/T 38866-2020《电子工业用四氯化硅》、GB/T 38867-2020《电子工业用三氯氢硅》。")
    names = {e["id"]: e["name"] for e in result["entities"]}
    got = {(names[r["subject"]], names[r["object"]]) for r in result["relations"] if r["predicate"] == "contributedToStandard"}
    assert got == {(firm, code) for firm in ("湖北齐星集团晶星公司", "随州市标准化研究院") for code in ("GB/T 38866-2020", "GB/T 38867-2020")}


def test_a_place_opening_the_title_is_the_subject_of_counts_without_one():
    text = ("上海市标准化发展行动计划\n\n实施标准化战略是新时代引领高质量发展的重要保障。"
            "截至2021年年底,发布实施地方标准996项、培育团体标准709项。")
    counts = _counts(text)
    assert counts[("上海市", "local")]["count"] == 996 and counts[("上海市", "group")]["count"] == 709
    assert counts[("上海市", "local")]["year"] == 2021  # 截至2021年年底 reports that year


def test_self_declared_counts_and_counts_in_ten_thousands():
    counts = _counts("湖北省现行团体标准自我声明公开1377项,企业标准自我声明公开累计6.36万项。")
    assert counts[("湖北省", "group")]["count"] == 1377
    assert counts[("湖北省", "enterprise")]["count"] == 63600


def test_the_home_of_the_firms_that_made_the_standards_counts_them():
    counts = _counts("河南省标准化工作会议召开。3月17日,记者获悉,2020年由洛阳企业牵头制定的7项国际标准通过发布。")
    assert counts[("洛阳", "international")]["count"] == 7
    assert ("河南省", "international") not in counts


def test_counts_in_ge():
    counts = _counts("截至目前,长沙市企事业单位已累计主持制修订国际标准12个、国家标准285个。")
    assert counts[("长沙市", "international")]["count"] == 12 and counts[("长沙市", "national")]["count"] == 285
    assert not _counts("长沙市获批5个国家标准化试点项目。")


def test_the_agent_drafts_not_the_body_that_issued_the_plan():
    result = extract_text("国家标准化管理委员会下发了《2022年第一批推荐性国家标准计划的通知》,其中包括由我校机电工程学院"
                          "(国家木工机械质量检验检测中心)为主要起草单位,主持修订的《GB/T18262-2000人造板机械通用技术条件》。")
    names = {e["id"]: e["name"] for e in result["entities"]}
    got = {names[r["subject"]] for r in result["relations"] if r["predicate"] == "contributedToStandard"}
    assert got == {"国家木工机械质量检验检测中心"}


def test_the_body_a_reporter_heard_from_drafted_nothing():
    result = extract_text("记者昨日从市市场和质量监督管理委员会标准处获悉,去年全市组织制定并发布了《反贿赂管理体系》等68项地方标准。")
    assert not [r for r in result["relations"] if r["predicate"] == "contributedToStandard"]


def test_one_count_for_two_levels_is_none():
    assert not _counts("江苏华科新材料股份有限公司参与制定国家标准和行业标准共15项。")


def _drafted(text: str) -> set[tuple[str, str]]:
    result = extract_text(text)
    names = {e["id"]: e["name"] for e in result["entities"]}
    return {(names[r["subject"]], names[r["object"]]) for r in result["relations"] if r["predicate"] == "contributedToStandard"}


@pytest.mark.parametrize("text, drafters", [
    ("《电动机能效限定值》(GB/T 12345-2020)由华盛电子有限公司、宏达机械有限公司等单位起草。", {"华盛电子有限公司", "宏达机械有限公司"}),
    ("GB/T 12345-2020《电动机能效限定值》正式发布。该标准由华盛电子有限公司主导制订。", {"华盛电子有限公司"}),
    ("GB/T 12345-2020正式发布,该项标准主要由华盛电子有限公司起草。", {"华盛电子有限公司"}),
    ("GB/T 12345-2020《电动机能效限定值》的起草单位为华盛电子有限公司、宏达机械有限公司。", {"华盛电子有限公司", "宏达机械有限公司"}),
    ("GB/T 12345-2020的起草单位为华盛电子有限公司，宏达机械有限公司负责宣贯。", {"华盛电子有限公司"}),
])
def test_a_standard_named_before_its_drafters_goes_to_each_of_them(text, drafters):
    assert {s for s, o in _drafted(text) if o == "GB/T 12345-2020"} == drafters


def test_a_body_that_only_issues_the_standard_did_not_draft_it():
    assert not _drafted("GB/T 12345-2020正式发布。该标准由国家市场监督管理总局发布。")


def _hosts(text: str) -> set[tuple[str, str]]:
    result = extract_text(text)
    names = {e["id"]: e["name"] for e in result["entities"]}
    return {(names[r["subject"]], names[r["object"]]) for r in result["relations"] if r["predicate"] == "secretariatOf"}


@pytest.mark.parametrize("text, body", [
    ("由华盛研究院承担秘书处的全国电工合金标准化技术委员会成立。", "全国电工合金标准化技术委员会"),
    ("华盛研究院副院长张伟谈到，作为全国电工合金标准化技术委员会秘书处所在单位，将做好服务。", "全国电工合金标准化技术委员会"),
    ("由国际电工委员会主办，华盛研究院作为国内技术对口单位，宏达检测服务有限公司联合承办的第108届IEC/TC 61全体大会在杭州召开。", "IEC/TC 61"),
])
def test_the_host_of_a_secretariat_or_the_domestic_counterpart_named_around_the_body(text, body):
    assert _hosts(text) == {("华盛研究院", body)}


def test_a_unit_that_only_co_hosts_a_committees_meeting_holds_no_secretariat():
    assert not _hosts("华盛研究院与宏达检测服务有限公司联合承办第108届IEC/TC 61全体大会。")
