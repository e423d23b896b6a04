"""Extraction on real sentences of the seeds, and its invariances (Traditional, full-width)."""

from __future__ import annotations

from pathlib import Path

import pytest
import zhconv

from kg.nlp import extract_text
from kg.text import normalise_name, to_int, parse_year

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _entities(result):
    return {(e["type"], normalise_name(e["name"])) for e in result["entities"]}


def _relations(result):
    names = {e["id"]: normalise_name(e["name"]) for e in result["entities"]}
    return {
        (names[r["subject"]], r["predicate"], names.get(r["object"], r["object"]), r["year"], r["edition"],
         normalise_name(r["grade"]) if r["grade"] else None, r["count"])
        for r in result["relations"]
    }


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("省市场监管局局长钱俊君说,湖南坚持把质量基础设施建设作为质量工作的重中之重。", {("GovernmentAgency", "省市场监管局"), ("Person", "钱俊君"), ("Place", "湖南")}),
        ("株洲千金药业股份有限公司作为国家知识产权示范企业,不断运用国家企业知识产权管理规范(GB/T 29490-2013)体系提高企业的知识产权工作水平。", {("Company", "株洲千金药业股份有限公司"), ("Standard", "GB/T29490-2013")}),
        ("11月15日,位于益阳市沅江市的三环船舶工程有限公司生产车间内,焊花四溅。", {("Place", "益阳市"), ("Place", "沅江市"), ("Company", "三环船舶工程有限公司")}),
        ("作为IEC/TC9国内唯一牵头单位,中车株洲所带领动力产业企业先后制修订了101项国际标准。", {("StandardsBody", "IEC/TC9")}),
        ("承担国际标准化组织起重机技术委员会秘书处,是中国装备制造行业承担的第一个国际标准化秘书处。", {("StandardsBody", "国际标准化组织起重机技术委员会")}),
        ("中车株洲研究所有限公司获评2019年全国质量标杆企业,醴陵红官窑瓷业获评湖南省工业品牌培育示范企业。", {("Company", "中车株洲研究所有限公司"), ("Award", "全国质量标杆企业"), ("Company", "醴陵红官窑瓷业"), ("Award", "湖南省工业品牌培育示范企业")}),
    ],
)
def test_nlp_entities_on_seed_sentences(sentence, expected):
    found = _entities(extract_text(sentence))
    assert expected <= found, expected - found


def test_nlp_generic_nouns_are_not_entities():
    found = _entities(extract_text("在轨道交通等领域,拥有国家重点实验室、国家工程技术中心等国家级企业创新平台24个。"))
    assert not any(t in ("Institution", "Company") for t, _ in found), found


def test_nlp_award_with_year_edition_grade():
    rels = _relations(extract_text("中车株洲研究所有限公司获评2019年全国质量标杆企业。"))
    assert ("中车株洲研究所有限公司", "receivedAward", "全国质量标杆企业", 2019, None, None, None) in rels


def test_nlp_award_table_rows():
    text = (SEEDS / "001_bfa9c6f1daf1a010.txt").read_text(encoding="utf-8")
    rels = _relations(extract_text(text))
    assert ("株洲中车时代电气股份有限公司", "receivedAward", "中国质量奖", 2015, 2, None, None) in rels
    assert ("中车株洲电力机车有限公司", "receivedAward", "中国质量奖", 2017, 3, "提名奖", None) in rels
    assert ("刘可安", "worksFor", "株洲南车时代电气股份有限公司", None, None, None, None) in rels
    assert ("贾相华", "receivedAward", "市长质量奖", 2016, 2, None, None) in rels


def test_nlp_works_for_chain_of_posts():
    rels = _relations(extract_text("市委书记、市人大常委会主任毛腾飞思路明确。"))
    assert ("毛腾飞", "worksFor", "市委", None, None, None, None) in rels
    assert ("毛腾飞", "worksFor", "市人大常委会", None, None, None, None) in rels


def test_nlp_standards_counts_per_level_and_no_combined_count():
    rels = _relations(extract_text("株洲高新区参与制修订国际标准48项,国家标准51项;中联重科先后主导、参与制修订527项国家标准、行业及团体标准。"))
    assert ("株洲高新区", "standardsCount", "international", None, None, None, 48) in rels
    assert ("株洲高新区", "standardsCount", "national", None, None, None, 51) in rels
    assert not any(r[2] == "national" and r[6] == 527 for r in rels)


@pytest.mark.parametrize("doc", ["000_66955eca26816a37", "003_bcbdc7e4ef3b0b1e"])
def test_nlp_traditional_copy_gives_the_same_graph(doc):
    text = (SEEDS / f"{doc}.txt").read_text(encoding="utf-8")
    traditional = zhconv.convert(text, "zh-hant")
    assert traditional != text and len(traditional) == len(text)
    simp, trad = extract_text(text, doc), extract_text(traditional, doc)
    assert _entities(trad) == _entities(simp)
    assert _relations(trad) == _relations(simp)
    # names are reported as written: in Traditional characters
    assert any(e["name"] != zhconv.convert(e["name"], "zh-cn") for e in trad["entities"])


def test_nlp_full_width_copy_gives_the_same_graph():
    text = "株洲千金药业股份有限公司运用国家企业知识产权管理规范(GB/T 29490-2013)体系。"
    wide = text.replace("GB/T 29490-2013", "ＧＢ／Ｔ　２９４９０－２０１３").replace("(", "（").replace(")", "）")
    assert _entities(extract_text(wide)) == _entities(extract_text(text))


@pytest.mark.parametrize("text, value", [("一百零一", 101), ("二〇一九", 2019), ("12", 12), ("首", 1), ("三", 3)])
def test_text_numerals(text, value):
    assert to_int(text) == value


@pytest.mark.parametrize("text, year", [("2019年度省长质量奖", 2019), ("二〇一九年", 2019), ("今年", None)])
def test_text_years(text, year):
    assert parse_year(text) == year


@pytest.mark.parametrize("text, year", [("109年国家发明创作奖", 2020), ("106年产业园区厂商绿美化评选", 2017),
                                        ("112年度", 2023), ("已有110年历史", None), ("近100年来", None)])
def test_text_minguo_years_before_an_award_or_a_title(text, year):
    import re

    from kg.text import YEAR_NUM, to_year

    m = re.search(YEAR_NUM, text)
    assert (to_year(m.group(0)) if m else None) == year


DEV = Path(__file__).resolve().parent / "dev"


def _dev_sentence(doc: str, marker: str) -> str:
    text = (DEV / f"{doc}.txt").read_text(encoding="utf-8")
    i = text.index(marker)
    start = max(text.rfind("\n", 0, i), 0)
    end = text.find("\n", i)
    return text[start:end if end > 0 else len(text)]


def test_nlp_rename_stated_in_the_text_gives_one_entity_named_by_the_new_name():
    result = extract_text(_dev_sentence("dev06_xiangyang_city", "原名"))
    companies = {e["name"]: e["aliases"] for e in result["entities"] if e["type"] == "Company"}
    assert "襄阳隆中客车制造有限公司" in companies["襄阳隆中新能源汽车股份有限公司"]
    assert "襄阳隆中客车制造有限公司" not in companies


def test_nlp_winners_named_after_the_award_take_its_edition_and_minguo_year():
    text = (DEV / "dev02_taiwan_quality_award.txt").read_text(encoding="utf-8")
    rels = _relations(extract_text(text))
    assert ("晶创半导体股份有限公司", "receivedAward", "国家品质奖", 2023, 33, None, None) in rels
    assert ("财团法人工业技术研究院", "receivedAward", "国家品质奖", 2023, 33, None, None) in rels


def test_nlp_distributive_list_shares_the_title_from_its_province():
    text = (SEEDS / "004_ed2ff3182028a480.txt").read_text(encoding="utf-8")
    rels = _relations(extract_text(text))
    for park in ("董家墩高科园", "荷塘工业集中区", "醴陵经开区"):
        assert (park, "receivedAward", "湖南省产业集群建设试点", 2020, None, None, None) in rels


def test_nlp_award_table_reads_edition_and_grade_columns_and_the_caption_year():
    text = (
        "2022年度福州市市长质量奖获奖名单\n"
        "序号\t届次\t奖项\t等级\t获奖单位\n"
        "1\t第五届\t福州市市长质量奖\t提名奖\t福建闽江机电有限公司\n"
        "2\t第五届\t福州市市长质量奖\t\t福州海峡电子科技有限公司\n"
    )
    rels = _relations(extract_text(text))
    assert ("福建闽江机电有限公司", "receivedAward", "福州市市长质量奖", 2022, 5, "提名奖", None) in rels
    assert ("福州海峡电子科技有限公司", "receivedAward", "福州市市长质量奖", 2022, 5, None, None) in rels


def test_nlp_subsidiary_and_certificate_phrasings():
    rels = _relations(extract_text("长沙华泰精密有限公司是湖南华泰集团有限公司的全资子公司。华泰集团旗下的长沙华泰精密有限公司取得IATF 16949证书。"))
    assert ("长沙华泰精密有限公司", "subsidiaryOf", "湖南华泰集团有限公司", None, None, None, None) in rels
    assert ("长沙华泰精密有限公司", "appliesStandard", "IATF16949", None, None, None, None) in rels


def test_tokenizer_cuts_the_shadow_once_and_keeps_the_text():
    from kg.nlp import make_nlp

    tokenizer = make_nlp().tokenizer
    simplified = "中车株洲电力机车有限公司于二〇二一年获得第四届中国质量奖提名奖。"
    traditional = zhconv.convert(simplified, "zh-hant")
    assert traditional != simplified and len(traditional) == len(simplified)
    simp, trad = tokenizer(simplified), tokenizer(traditional)
    assert trad.text == traditional and trad._.kg_text == traditional
    assert trad._.kg_shadow == simp._.kg_shadow
    # the Traditional report is cut where its Simplified twin is (the words of the shadow)
    assert [(t.idx, len(t)) for t in trad] == [(t.idx, len(t)) for t in simp]
    assert [t.text for t in trad][0] == traditional[: len(simp[0])]


def _rels_by_name(result):
    names = {e["id"]: e["name"] for e in result["entities"]}
    return {(names[r["subject"]], r["predicate"], names.get(r["object"], r["object"])): r for r in result["relations"]}


def test_nlp_markdown_award_table_with_the_region_column_first():
    text = (
        "2022年度第六届山西省政府质量奖获奖名单如下：\n\n"
        "| 序号 | 所在市 | 获奖单位 | 奖项 |\n| --- | --- | --- | --- |\n"
        "| 1 | 太原市 | 太原汾河精密机械有限公司 | 省政府质量奖 |\n"
        "| 2 | 大同市 | 大同云冈新材料股份有限公司 | 提名奖 |\n"
    )
    rels = _rels_by_name(extract_text(text))
    assert ("太原汾河精密机械有限公司", "locatedIn", "太原市") in rels
    assert ("大同云冈新材料股份有限公司", "locatedIn", "大同市") in rels
    nominee = next(r for k, r in rels.items() if k[0] == "大同云冈新材料股份有限公司" and k[1] == "receivedAward")
    assert (nominee["year"], nominee["edition"], nominee["grade"]) == (2022, 6, "提名奖")
    # a place in the region column is no winner
    assert not any(k[0] in ("太原市", "大同市") and k[1] == "receivedAward" for k in rels)


def test_nlp_granted_list_of_counted_people_and_their_posts():
    text = (
        "省人民政府印发《关于表彰第三届甘肃省政府质量奖的决定》，授予陇原重工股份有限公司等3家组织甘肃省政府质量奖，"
        "授予马俊峰、杨丽华2名个人甘肃省政府质量奖。马俊峰是陇原重工股份有限公司首席质量官，杨丽华是兰州河谷检测有限公司总工程师。"
    )
    result = extract_text(text)
    assert {("Person", "马俊峰"), ("Person", "杨丽华")} <= _entities(result)
    rels = _rels_by_name(result)
    for person in ("马俊峰", "杨丽华"):
        won = rels[(person, "receivedAward", "甘肃省政府质量奖")]
        assert won["edition"] == 3
    assert rels[("陇原重工股份有限公司", "receivedAward", "甘肃省政府质量奖")]["grade"] is None
    assert rels[("马俊峰", "worksFor", "陇原重工股份有限公司")]["role"] == "首席质量官"
    assert rels[("杨丽华", "worksFor", "兰州河谷检测有限公司")]["role"] == "总工程师"
    assert not any(e["name"].startswith("个人") for e in result["entities"])


def test_nlp_declared_short_form_beats_a_similar_full_name():
    text = (
        "天水秦州机床集团有限公司（以下简称秦州机床）成立于1968年。秦州机床董事长王立新介绍，"
        "全资子公司甘肃秦州机床铸造有限公司则通过了ISO 9001认证。"
    )
    rels = _rels_by_name(extract_text(text))
    assert ("王立新", "worksFor", "天水秦州机床集团有限公司") in rels
    assert ("甘肃秦州机床铸造有限公司", "appliesStandard", "ISO 9001") in rels
    assert ("天水秦州机床集团有限公司", "appliesStandard", "ISO 9001") not in rels


def test_nlp_deputy_governor_serves_the_peoples_government_and_byline_of_a_paper():
    text = "本报记者 周晓岚\n\n甘肃省人民政府召开全省质量大会，副省长韩立群为获奖代表颁奖。"
    result = extract_text(text)
    assert ("Person", "周晓岚") in _entities(result)
    assert ("韩立群", "worksFor", "甘肃省人民政府") in _rels_by_name(result)
    assert not any(e["type"] == "Award" for e in result["entities"])  # 颁奖 is a verb


def test_nlp_standards_feature_patterns():
    text = (
        "地处太原市南部的太原经济技术开发区，是标准创新的高地。区内的山西晋阳精密轴承股份有限公司牵头起草了GB/T 41234—2022。\n"
        "在大同市，大同北岳新材料研究院有限公司（以下简称北岳研究院）承担全国钢标准化技术委员会钢及合金分技术委员会（SAC/TC 183/SC 9）"
        "秘书处工作，同时是ISO/TC 17/SC 4的国内技术对口单位。北岳研究院主导制定的GB/T 40111—2021于去年发布；凭借该标准，该院荣获2021年度中国标准创新贡献奖二等奖。\n"
        "山西省标准化研究院院长郭文斌介绍，该院还与中北工业大学联合起草了地方标准DB14/T 1234—2022。中北工业大学秦志远教授团队参与了研究。\n"
        "位于太原经济技术开发区的山西汾阳重型机械有限公司，是山西晋商装备集团有限公司的控股子公司。公司执行GB/T 19001—2016建立质量管理体系。"
    )
    result = extract_text(text)
    rels = _rels_by_name(result)
    assert ("山西晋阳精密轴承股份有限公司", "locatedIn", "太原经济技术开发区") in rels
    body = "全国钢标准化技术委员会钢及合金分技术委员会"
    assert ("StandardsBody", body) in _entities(result)
    assert ("大同北岳新材料研究院有限公司", "secretariatOf", body) in rels
    assert ("大同北岳新材料研究院有限公司", "secretariatOf", "ISO/TC 17/SC 4") in rels
    assert not any(e["name"] == "北岳研究院" and e["type"] == "Institution" for e in result["entities"])
    award = rels[("大同北岳新材料研究院有限公司", "receivedAward", "中国标准创新贡献奖")]
    assert (award["year"], award["grade"]) == (2021, "二等奖")
    assert ("山西省标准化研究院", "contributedToStandard", "DB14/T 1234—2022") in rels
    assert ("中北工业大学", "contributedToStandard", "DB14/T 1234—2022") in rels
    assert rels[("秦志远", "worksFor", "中北工业大学")]["role"] == "教授"
    assert ("山西汾阳重型机械有限公司", "appliesStandard", "GB/T 19001—2016") in rels


def test_nlp_city_award_prose_patterns():
    text = (
        "宝鸡市人民政府印发《关于表彰2023年度宝鸡市市长质量奖获奖组织和个人的决定》，第三届宝鸡市市长质量奖评选结果揭晓。\n"
        "获得市长质量奖的企业为：宝鸡秦川齿轮有限公司（渭滨区）、宝鸡西岐食品集团有限公司（岐山县）；获得提名奖的企业为：宝鸡凤翔酒业有限公司（凤翔区）。"
        "位于宝鸡市东部的宝鸡高新技术产业开发区有两家企业上榜：宝鸡钛峰材料股份有限公司、陕西宝钛精工有限公司分别荣获市长质量奖和提名奖。"
        "孙慧敏（宝鸡西岐食品集团有限公司董事长）、冯建军（宝鸡秦川齿轮有限公司首席质量官）获得个人奖。\n"
        "作为行业龙头，宝鸡西岐食品集团有限公司牵头起草了团体标准，其控股子公司陕西西岐物流有限公司通过了ISO 22000认证。"
    )
    result = extract_text(text)
    rels = _rels_by_name(result)
    assert ("宝鸡秦川齿轮有限公司", "locatedIn", "渭滨区") in rels
    assert not any(k[0] in ("渭滨区", "岐山县", "凤翔区") and k[1] == "receivedAward" for k in rels)
    assert ("宝鸡钛峰材料股份有限公司", "locatedIn", "宝鸡高新技术产业开发区") in rels
    assert ("陕西宝钛精工有限公司", "locatedIn", "宝鸡高新技术产业开发区") in rels
    first = rels[("宝鸡钛峰材料股份有限公司", "receivedAward", "宝鸡市市长质量奖")]
    second = rels[("陕西宝钛精工有限公司", "receivedAward", "宝鸡市市长质量奖")]
    assert (first["year"], first["grade"]) == (2023, None)
    assert (second["year"], second["edition"], second["grade"]) == (2023, 3, "提名奖")
    assert rels[("孙慧敏", "worksFor", "宝鸡西岐食品集团有限公司")]["role"] == "董事长"
    assert ("冯建军", "receivedAward", "宝鸡市市长质量奖") in rels
    assert ("陕西西岐物流有限公司", "subsidiaryOf", "宝鸡西岐食品集团有限公司") in rels
    assert not any(e["type"] == "Person" and e["name"] == "荣获" for e in result["entities"])


def test_nlp_company_feature_patterns():
    text = (
        "总部坐落于长春市的吉林长垦智能农机股份有限公司（以下简称长垦农机），是国内农业机械的骨干企业。\n"
        "这些年，长垦先后通过ISO 9001和ISO 14001认证。\n"
        "在长垦的产业版图上，旗下的长春长垦液压科技有限公司专注液压件研发；全资子公司四平长垦铸造有限公司位于四平市铁西区，获评国家级绿色工厂；"
        "原白城农机厂于2020年更名为白城长垦收获机械有限公司，现为长垦农机的控股子公司。\n"
        "依托长垦农机建设的吉林省农机装备工程技术研究中心，主任由长垦农机副总经理邢立军兼任。\n"
        "全国五一劳动奖章获得者、长垦农机首席技师高德明带领的班组屡获佳绩。"
    )
    result = extract_text(text)
    rels = _rels_by_name(result)
    parent = "吉林长垦智能农机股份有限公司"
    assert (parent, "appliesStandard", "ISO 9001") in rels
    for child in ("长春长垦液压科技有限公司", "四平长垦铸造有限公司", "白城长垦收获机械有限公司"):
        assert (child, "subsidiaryOf", parent) in rels, child
    assert ("Company", "白城长垦收获机械有限公司") in _entities(result)
    assert ("四平长垦铸造有限公司", "receivedAward", "国家级绿色工厂") in rels
    assert not any(k[0] == "铁西区" and k[1] == "receivedAward" for k in rels)
    assert rels[("邢立军", "worksFor", "吉林省农机装备工程技术研究中心")]["role"] == "主任"
    assert ("高德明", "receivedAward", "全国五一劳动奖章") in rels
    assert not any(e["type"] == "Person" and e["name"].startswith("由") for e in result["entities"])


def test_nlp_hong_kong_award_grades_and_winners():
    text = (
        "【本報訊】（記者 陳家欣）香港工業總會昨日舉行2024年度第十屆香港工商業獎頒獎典禮。\n"
        "金獎由位於數碼港的創思數據科技有限公司（以下簡稱創思數據），以及總部設於觀塘的永利升降機工程有限公司奪得；"
        "銀獎得主為元朗創新園（前稱元朗工業邨）的福滿食品製造有限公司；另一項優異獎則頒予香港明德檢測研究所。\n"
        "創思數據行政總裁黃美詩表示，公司是創思控股有限公司的全資附屬公司。"
        "永利升降機董事總經理吳子聰指出，公司旗下的永利機電保養有限公司已獲得香港綠色企業大獎。"
    )
    result = extract_text(text)
    assert {("Person", "陈家欣"), ("Park", "数码港")} <= _entities(result)  # normalised names
    assert not any(e["name"] == "優異獎" for e in result["entities"])  # a grade, not an award
    rels = _rels_by_name(result)
    award = "香港工商業獎"
    grades = {k[0]: r["grade"] for k, r in rels.items() if k[1] == "receivedAward" and k[2] == award}
    assert grades == {
        "創思數據科技有限公司": "金獎",
        "永利升降機工程有限公司": "金獎",
        "福滿食品製造有限公司": "銀獎",
        "香港明德檢測研究所": "優異獎",
    }
    assert ("創思數據科技有限公司", "locatedIn", "數碼港") in rels
    assert ("永利升降機工程有限公司", "locatedIn", "觀塘") in rels
    assert ("創思數據科技有限公司", "locatedIn", "觀塘") not in rels
    assert ("福滿食品製造有限公司", "locatedIn", "元朗創新園") in rels
    assert ("創思數據科技有限公司", "subsidiaryOf", "創思控股有限公司") in rels
    assert ("永利機電保養有限公司", "subsidiaryOf", "永利升降機工程有限公司") in rels


def test_nlp_taiwan_feature_patterns():
    text = (
        "經濟部今日公布112年度「國家產業創新獎」得獎名單，工具機大廠岳豐精密機械股份有限公司（以下簡稱岳豐）名列其中。"
        "這也是岳豐繼108年獲得第29屆國家品質獎後，再度獲得國家級肯定。\n"
        "岳豐目前總部位於大雅區，並在臺中市的中部科學園區（簡稱中科）設有五軸加工機智慧工廠。\n"
        "岳豐董事長林冠中表示，公司已通過ISO 9001認證，並與財團法人精密機械研究發展中心（以下簡稱精機中心）共同主導制定CNS 17012。"
        "林冠中說，岳豐累計參與制定國家標準（CNS）9項。\n"
        "精機中心總經理鄭文山指出，CNS 17012公布後，國內廠商可依本土標準進行驗收。"
    )
    result = extract_text(text)
    names = {e["name"] for e in result["entities"]}
    assert "岳豐精密機械股份有限公司" in names and not any(n.startswith("工具機") for n in names)
    assert "五軸加工機智慧工廠" not in names  # a facility, not a firm
    rels = _rels_by_name(result)
    firm = "岳豐精密機械股份有限公司"
    won = rels[(firm, "receivedAward", "國家品質獎")]
    assert (won["year"], won["edition"]) == (2019, 29)
    assert (firm, "locatedIn", "中部科學園區") in rels and (firm, "locatedIn", "臺中市") not in rels
    assert (firm, "contributedToStandard", "CNS 17012") in rels
    assert ("財團法人精密機械研究發展中心", "contributedToStandard", "CNS 17012") in rels
    assert rels[(firm, "standardsCount", "national")]["count"] == 9
    assert rels[("鄭文山", "worksFor", "財團法人精密機械研究發展中心")]["role"] == "總經理"


def test_nlp_green_list_table_with_shortened_award_cells():
    text = (
        "近日，工业和信息化部公布2023年度（第八批）绿色制造名单，榆林市共有2家企业入选国家级绿色工厂或国家级绿色供应链管理企业。\n\n"
        "榆林市入选企业名单\n序号\t企业名称\t入选类别\t所在区县\n"
        "1\t陕西神府煤基新材料有限公司\t绿色工厂\t神木市\n"
        "2\t榆林榆阳能源集团有限公司\t绿色供应链管理企业\t榆阳区\n\n"
        "陕西神府煤基新材料有限公司落户神木市的锦界工业园区仅三年。全国煤化工标准化技术委员会秘书处也设在榆林榆阳能源集团有限公司。"
        "府谷县人民政府副县长刘海军介绍，全县将推动节能改造。"
    )
    rels = _rels_by_name(extract_text(text))
    first = rels[("陕西神府煤基新材料有限公司", "receivedAward", "国家级绿色工厂")]
    second = rels[("榆林榆阳能源集团有限公司", "receivedAward", "国家级绿色供应链管理企业")]
    assert (first["year"], first["edition"]) == (2023, 8) == (second["year"], second["edition"])
    assert ("榆林榆阳能源集团有限公司", "locatedIn", "榆阳区") in rels
    assert not any(k[0] == "榆林市" and k[1] == "receivedAward" for k in rels)  # a caption, no winner
    assert ("陕西神府煤基新材料有限公司", "locatedIn", "锦界工业园区") in rels
    assert ("锦界工业园区", "locatedIn", "神木市") in rels
    assert ("榆林榆阳能源集团有限公司", "secretariatOf", "全国煤化工标准化技术委员会") in rels
    assert rels[("刘海军", "worksFor", "府谷县人民政府")]["role"] == "副县长"


def test_nlp_space_aligned_table_of_grades_and_bracketed_grant_list():
    text = (
        "近日，中国机械工业联合会、中国机械工程学会联合公布2023年度中国机械工业科学技术奖授奖项目名单，"
        "我省共有3个项目获奖，其中一等奖1项、二等奖2项。\n\n"
        "序号  项目名称                第一完成单位              所在地    等级\n"
        "1     大型水轮机转轮制造技术  成都锦江重型机械有限公司  成都市    一等奖\n"
        "2     数控磨床精度保持技术    绵阳涪江精密机床有限公司  绵阳市    二等奖\n\n"
        "其中，成都锦江重型机械有限公司（以下简称“锦江重机”）继2019年之后再获该奖一等奖。\n"
        "省政府决定：授予德阳旌湖制药股份有限公司（德阳市）、四川天府计量测试研究院（天府新区）等2家组织四川省政府质量奖。"
    )
    result = extract_text(text)
    rels = _rels_by_name(result)
    award = "中国机械工业科学技术奖"
    assert rels[("绵阳涪江精密机床有限公司", "receivedAward", award)]["grade"] == "二等奖"
    assert ("绵阳涪江精密机床有限公司", "locatedIn", "绵阳市") in rels
    assert not any(k[0] in ("中国机械工程学会", "中国机械工业联合会", "成都市") and k[1] == "receivedAward" for k in rels)
    assert not any(e["name"] == "该奖" for e in result["entities"])
    provincial = "四川省政府质量奖"
    assert ("德阳旌湖制药股份有限公司", "receivedAward", provincial) in rels
    assert ("四川天府计量测试研究院", "receivedAward", provincial) in rels
    assert ("四川天府计量测试研究院", "locatedIn", "天府新区") in rels
    assert not any(k[0] in ("德阳市", "天府新区") and k[1] == "receivedAward" for k in rels)


def test_nlp_winners_listed_with_their_places_and_a_dotted_name():
    text = (
        "工业和信息化部日前公布2023年第五批专精特新“小巨人”企业名单，青海共有3家企业入选，"
        "西宁经济技术开发区的青海昆仑智能装备有限公司、格尔木市的青海柴达木新材料股份有限公司"
        "和位于海东工业城的青海河湟纺织有限公司榜上有名。"
        "同日公布的2023年度国家级绿色工厂名单中，德令哈市的青海祁连光伏玻璃有限公司，"
        "以及青海柴达木新材料股份有限公司的全资子公司青海察尔汗新能源有限公司同时入选。"
        "省工业和信息化厅副厅长阿依古丽·买买提表示，将加大培育力度。"
    )
    result = extract_text(text)
    rels = _rels_by_name(result)
    little_giant = "专精特新“小巨人”企业"
    for firm in ("青海昆仑智能装备有限公司", "青海柴达木新材料股份有限公司", "青海河湟纺织有限公司"):
        won = rels[(firm, "receivedAward", little_giant)]
        assert (won["year"], won["edition"]) == (2023, 5), firm
    for firm in ("青海祁连光伏玻璃有限公司", "青海察尔汗新能源有限公司"):
        assert (firm, "receivedAward", "国家级绿色工厂") in rels, firm
    assert ("青海柴达木新材料股份有限公司", "receivedAward", "国家级绿色工厂") not in rels
    assert ("青海河湟纺织有限公司", "locatedIn", "海东工业城") in rels
    assert ("Person", "阿依古丽·买买提") in _entities(result)


def test_nlp_county_feature_holdings_and_titles():
    text = (
        "博丰新材料集团有限公司旗下拥有淄川博丰塑业有限公司、山东博丰膜材科技有限公司2家控股子公司，"
        "主导制定国家标准3项，已通过ISO 14001认证，2023年获得山东省省长质量奖。\n"
        "作为国家级专精特新“小巨人”企业，山东锦丰厨具股份有限公司的产品远销62个国家和地区。"
    )
    rels = _rels_by_name(extract_text(text))
    parent = "博丰新材料集团有限公司"
    for child in ("淄川博丰塑业有限公司", "山东博丰膜材科技有限公司"):
        assert (child, "subsidiaryOf", parent) in rels
        assert (child, "receivedAward", "山东省省长质量奖") not in rels
    assert rels[(parent, "standardsCount", "national")]["count"] == 3
    assert (parent, "appliesStandard", "ISO 14001") in rels
    assert rels[(parent, "receivedAward", "山东省省长质量奖")]["year"] == 2023
    assert ("山东锦丰厨具股份有限公司", "receivedAward", "国家级专精特新“小巨人”企业") in rels


def test_nlp_interview_answers_speak_for_the_firm():
    text = (
        "——访福建德化白瓷集团股份有限公司董事长陈志雄\n\n"
        "福建德化白瓷集团股份有限公司（以下简称“德化白瓷”）坐落在泉州市德化县。\n\n"
        "记者：今年以来，德化白瓷在质量荣誉方面有哪些收获？\n\n"
        "答：今年，我们的“低温快烧日用瓷制备技术”项目获得2023年度中国轻工业联合会科学技术进步奖二等奖。"
    )
    result = extract_text(text)
    rels = _rels_by_name(result)
    firm = "福建德化白瓷集团股份有限公司"
    assert not any(e["name"].startswith("访") for e in result["entities"])
    assert rels[("陈志雄", "worksFor", firm)]["role"] == "董事长"
    won = rels[(firm, "receivedAward", "中国轻工业联合会科学技术进步奖")]
    assert (won["year"], won["grade"]) == (2023, "二等奖")


def test_nlp_macau_award_winners_included_and_organisers_are_no_holders():
    text = (
        "【本報記者 何嘉欣 報道】由澳門特別行政區政府環境保護局（以下簡稱環保局）主辦的「2023年度澳門環保酒店獎」"
        "頒獎典禮昨日舉行，今屆共有5間酒店獲獎，其中金獎2間、銀獎3間。"
        "獲得金獎的包括位於嘉模堂區的海晴灣酒店，以及花地瑪堂區的蓮華國際酒店。"
        "海晴灣酒店為香港海晴酒店集團有限公司旗下物業，該集團總部位於香港灣仔。"
    )
    rels = _rels_by_name(extract_text(text))
    award = "澳門環保酒店獎"
    for hotel in ("海晴灣酒店", "蓮華國際酒店"):
        won = rels[(hotel, "receivedAward", award)]
        assert (won["year"], won["grade"]) == (2023, "金獎"), hotel
    assert not any(k[1] == "receivedAward" and k[0] in ("何嘉欣", "澳門特別行政區政府環境保護局") for k in rels)
    assert ("海晴灣酒店", "subsidiaryOf", "香港海晴酒店集團有限公司") in rels
    assert ("海晴灣酒店", "locatedIn", "灣仔") not in rels


def test_nlp_taiwan_winners_with_modifiers_and_a_second_post():
    text = (
        "經濟部今日公布113年「第27屆國家磐石獎」得獎名單。其中，位於彰化縣的鼎興精密工業股份有限公司、"
        "總部設在臺中市大雅區的宏安航太零組件股份有限公司（原名宏安機械股份有限公司），以及南投縣的藍山製茶股份有限公司都在得獎之列。"
        "鼎興精密董事長黃振中同時擔任彰化縣扣件產業發展協會理事長。"
        "藍山製茶是南投縣首家獲得國家磐石獎的茶業公司。"
    )
    rels = _rels_by_name(extract_text(text))
    for firm in ("鼎興精密工業股份有限公司", "宏安航太零組件股份有限公司", "藍山製茶股份有限公司"):
        won = rels[(firm, "receivedAward", "國家磐石獎")]
        assert (won["year"], won["edition"]) == (2024, 27), firm
    assert not any(k[0] in ("南投縣", "彰化縣", "大雅區") and k[1] == "receivedAward" for k in rels)
    assert rels[("黃振中", "worksFor", "彰化縣扣件產業發展協會")]["role"] == "理事長"


def test_nlp_acquisitions_investments_and_a_city_before_a_legal_name():
    text = (
        "芜湖江淮智能装备集团股份有限公司于2021年收购马鞍山钢达精密铸造有限公司。"
        "芜湖江淮机器人有限公司系芜湖江淮智能装备集团股份有限公司投资设立。"
        "位于辽阳市的辽阳千峰矿业有限公司是辽宁千峰冶金集团有限公司所属企业。"
        "新余市江西锂华科技有限公司、鹰潭信江精线有限公司（鹰潭市余江区）获评第七届江西省井冈质量奖。"
    )
    result = extract_text(text)
    rels = _rels_by_name(result)
    group = "芜湖江淮智能装备集团股份有限公司"
    assert ("马鞍山钢达精密铸造有限公司", "subsidiaryOf", group) in rels
    assert ("芜湖江淮机器人有限公司", "subsidiaryOf", group) in rels
    assert ("辽阳千峰矿业有限公司", "subsidiaryOf", "辽宁千峰冶金集团有限公司") in rels
    assert ("Company", "江西锂华科技有限公司") in _entities(result)
    assert ("江西锂华科技有限公司", "receivedAward", "江西省井冈质量奖") in rels
    assert not any(k[0] in ("余江区", "鹰潭市") and k[1] == "receivedAward" for k in rels)


def test_nlp_bare_group_and_a_noun_before_a_name():
    text = (
        "芜湖江南智能装备集团股份有限公司（以下简称“江南集团”）是装备制造骨干企业。"
        "集团于2021年收购马鞍山钢华精密铸造有限公司。集团在合肥设立的江南智能研究院有限公司负责起草团体标准。"
        "赣西新能源控股集团有限公司旗下另一家企业新余赣能电池有限公司，2022年被评为国家级绿色工厂。"
        "公司将推动更多子公司通过能源管理体系认证。"
    )
    result = extract_text(text)
    rels = _rels_by_name(result)
    group = "芜湖江南智能装备集团股份有限公司"
    assert ("马鞍山钢华精密铸造有限公司", "subsidiaryOf", group) in rels
    assert ("江南智能研究院有限公司", "subsidiaryOf", group) in rels
    names = {e["name"] for e in result["entities"]}
    assert "新余赣能电池有限公司" in names and "更多子公司" not in names
    assert ("新余赣能电池有限公司", "receivedAward", "国家级绿色工厂") in rels


def test_nlp_list_entered_with_jishen_is_a_title():
    result = extract_text("宣城江淮电机有限公司按照GB/T 19001-2016组织生产，去年跻身安徽工业精品名单。")
    assert ("Award", "安徽工业精品") in _entities(result)
    assert ("宣城江淮电机有限公司", "receivedAward", "安徽工业精品") in _rels_by_name(result)


def test_nlp_title_worn_before_a_post_chain():
    text = "“质量就是饭碗。”全国劳动模范、桂安车桥有限公司首席技师莫建国说。张三获得全国劳动模范、李四获得全国五一劳动奖章。"
    rels = _rels_by_name(extract_text(text))
    assert ("莫建国", "receivedAward", "全国劳动模范") in rels
    assert ("李四", "receivedAward", "全国劳动模范") not in rels


def test_nlp_acting_posts_are_posts_and_a_firms_name_keeps_its_last_character():
    text = "市旅游局代局长林国栋出席。宁德时代董事长曾毓群介绍，署理署长陈家明致辞。"
    rels = _rels_by_name(extract_text(text))
    assert rels[("林国栋", "worksFor", "市旅游局")]["role"] == "代局长"
    # 时代|董事长: 代 ends the firm's name, it does not make the chairman acting
    assert not any(r.get("role", "").startswith("代董") for r in rels.values())


def test_nlp_a_run_of_names_with_their_posts_serves_the_body_before_it():
    text = "华远精密机械研究所（以下简称华远所）王劲松所长、李琳书记、梅恪副所长等出席。嘉禾新材料股份有限公司张建国董事长、刘红总经理参加。"
    rels = _rels_by_name(extract_text(text))
    for person, body, role in (("王劲松", "华远精密机械研究所", "所长"), ("李琳", "华远精密机械研究所", "书记"),
                               ("梅恪", "华远精密机械研究所", "副所长"), ("刘红", "嘉禾新材料股份有限公司", "总经理")):
        assert rels[(person, "worksFor", body)]["role"] == role
    # the run ends where an item is no name with a post
    other = _rels_by_name(extract_text("嘉禾新材料股份有限公司张建国董事长、技术骨干、刘红总经理参加。"))
    assert ("刘红", "worksFor", "嘉禾新材料股份有限公司") not in other


def test_nlp_a_prize_before_its_gold_grade_is_no_bonus():
    text = "省政府决定，授予华远精密机械有限公司2019年度湖南省质量奖金奖，授予嘉禾新材料股份有限公司银奖。公司发放奖金奖励员工。"
    result = extract_text(text)
    rels = _rels_by_name(result)
    assert rels[("华远精密机械有限公司", "receivedAward", "湖南省质量奖")]["grade"] == "金奖"
    assert rels[("嘉禾新材料股份有限公司", "receivedAward", "湖南省质量奖")]["grade"] == "银奖"
    assert not any(e["type"] == "Award" and "奖金" in e["name"] for e in result["entities"])


def test_nlp_a_prize_written_right_after_its_winners_registered_name_leaves_the_name_out():
    text = "决定授予华远精密机械有限公司、嘉禾新材料股份有限公司中国质量奖提名奖，授予天力电子有限责任公司湖南省质量奖。"
    result = extract_text(text)
    rels = _rels_by_name(result)
    for firm in ("华远精密机械有限公司", "嘉禾新材料股份有限公司"):
        assert rels[(firm, "receivedAward", "中国质量奖")]["grade"] == "提名奖"
    assert ("天力电子有限责任公司", "receivedAward", "湖南省质量奖") in rels
    assert not any(e["type"] == "Award" and "公司" in e["name"] for e in result["entities"])


def test_nlp_the_last_member_before_a_prize_that_opens_on_its_place_and_edition():
    text = "决定授予华远精密机械有限公司、嘉禾新材料股份有限公司“平江县首届县长质量奖”。"
    rels = _rels_by_name(extract_text(text))
    won = {k[0] for k, r in rels.items() if k[1] == "receivedAward" and r["edition"] == 1}
    assert won == {"华远精密机械有限公司", "嘉禾新材料股份有限公司"}


def test_nlp_a_person_is_the_post_of_a_body_with_de_between():
    rels = _rels_by_name(extract_text("李红是嘉禾新材料股份有限公司的总工程师。"))
    assert rels[("李红", "worksFor", "嘉禾新材料股份有限公司")]["role"] == "总工程师"


def test_nlp_the_firms_inside_a_park_named_right_before_nei():
    rels = _rels_by_name(extract_text("长沙经济技术开发区内的华远精密机械有限公司、嘉禾新材料股份有限公司入选。"))
    for firm in ("华远精密机械有限公司", "嘉禾新材料股份有限公司"):
        assert (firm, "locatedIn", "长沙经济技术开发区") in rels


def test_nlp_a_head_post_fused_with_its_bodys_last_character():
    rels = _rels_by_name(extract_text("商务部长李明出席。經濟部長王美花頒獎。"))
    assert rels[("李明", "worksFor", "商务部")]["role"] == "部长"
    assert rels[("王美花", "worksFor", "經濟部")]["role"] == "部長"


def test_nlp_a_time_word_after_a_name_ends_it():
    result = extract_text("行政院长卓荣泰今(24)日出席颁奖典礼。董事长张三昨天表示满意。")
    people = {e["name"] for e in result["entities"] if e["type"] == "Person"}
    assert {"卓荣泰", "张三"} <= people


@pytest.mark.parametrize("text, name", [
    ("质量管理部部长王新新荣获提名奖。", "王新新"),
    ("总经理赵明明当选协会副会长。", "赵明明"),
    ("董事长孙亮亮出任公司总裁。", "孙亮亮"),
])
def test_nlp_a_verb_of_honour_or_post_after_a_name_ends_it(text, name):
    people = {e["name"] for e in extract_text(text)["entities"] if e["type"] == "Person"}
    assert name in people


@pytest.mark.parametrize("text, name", [("集团董事长竺明亮出席会议。", "竺明亮"), ("局长习明亮出席会议。", "习明亮")])
def test_nlp_rare_surnames_of_national_news_open_a_name(text, name):
    people = {e["name"] for e in extract_text(text)["entities"] if e["type"] == "Person"}
    assert name in people



@pytest.mark.parametrize("text, child, parent", [
    ("华远精密机械有限公司控股子公司天力电子科技有限公司上榜。", "天力电子科技有限公司", "华远精密机械有限公司"),
    ("华远集团旗下天力电子科技有限公司、嘉禾新材料股份有限公司双双入选。", "嘉禾新材料股份有限公司", "华远集团"),
    ("作为华远精密机械有限公司的子公司，天力电子科技有限公司成立于2005年。", "天力电子科技有限公司", "华远精密机械有限公司"),
    ("嘉禾新材料研究院由华远精密机械有限公司注册成立。", "嘉禾新材料研究院", "华远精密机械有限公司"),
    ("华远精密机械有限公司(以下简称公司)下属全资子公司天力电子科技有限公司获奖。", "天力电子科技有限公司", "华远精密机械有限公司"),
])
def test_nlp_subsidiary_phrasings(text, child, parent):
    result = extract_text(text)
    assert (child, "subsidiaryOf", parent) in _rels_by_name(result)
    assert not any(e["name"].endswith(("子公司", "孙公司")) or e["name"].startswith(("子公司", "孙公司")) for e in result["entities"])


@pytest.mark.parametrize("text", [
    "华远精密机械有限公司、嘉禾新材料股份有限公司共同起草的JB/T 1234-2019发布。",
    "华远精密机械有限公司还与嘉禾新材料股份有限公司联合起草了JB/T 1234-2019。",
])
def test_nlp_every_firm_of_a_drafting_list_contributed(text):
    rels = _rels_by_name(extract_text(text))
    for firm in ("华远精密机械有限公司", "嘉禾新材料股份有限公司"):
        assert (firm, "contributedToStandard", "JB/T 1234-2019") in rels


@pytest.mark.parametrize("text, firm, place", [
    ("长沙经济技术开发区举行项目签约仪式，华远精密机械有限公司、嘉禾新材料股份有限公司等10个项目签约入驻。", "嘉禾新材料股份有限公司", "长沙经济技术开发区"),
    ("在长沙经济技术开发区，华远精密机械有限公司正在满负荷生产。", "华远精密机械有限公司", "长沙经济技术开发区"),
])
def test_nlp_park_news_phrasings(text, firm, place):
    assert (firm, "locatedIn", place) in _rels_by_name(extract_text(text))


def test_nlp_a_list_of_winners_announced_as_the_prizes_list():
    text = "第26屆國家磐石獎得獎名單如下：華遠精密機械股份有限公司、嘉禾新材料股份有限公司、天力電子股份有限公司。"
    rels = _rels_by_name(extract_text(text))
    won = {k[0] for k, r in rels.items() if k[1] == "receivedAward" and k[2] == "國家磐石獎" and r["edition"] == 26}
    assert won == {"華遠精密機械股份有限公司", "嘉禾新材料股份有限公司", "天力電子股份有限公司"}


@pytest.mark.parametrize("text, person, body, role", [
    ("张建国，男，汉族，1965年出生，现任华远精密机械有限公司董事长。", "张建国", "华远精密机械有限公司", "董事长"),
    ("获奖个人：张建国，华远精密机械有限公司总经理。", "张建国", "华远精密机械有限公司", "总经理"),
])
def test_nlp_a_profile_or_an_apposition_gives_the_post(text, person, body, role):
    result = extract_text(text)
    assert _rels_by_name(result)[(person, "worksFor", body)]["role"] == role
    assert not any(e["name"].startswith("现任") for e in result["entities"])


def test_nlp_an_apposition_after_a_named_post_is_anothers():
    rels = _rels_by_name(extract_text("华远精密机械有限公司总裁秦兴才，市委常委、县委书记余学武共同揭幕。"))
    assert ("秦兴才", "worksFor", "市委") not in rels


@pytest.mark.parametrize("text, award, quals", [
    ("华远精密机械有限公司荣获2018-2019年度湖南省质量奖。", "湖南省质量奖", (None, None, None)),
    ("华远精密机械有限公司先后获得中国专利优秀奖、湖南省质量奖等荣誉。", "湖南省质量奖", (None, None, None)),
    ("华远精密机械有限公司的“齿轮技术”获得湖南省科学技术进步奖一等奖、湖南省专利奖金奖。", "湖南省专利奖", (None, None, "金奖")),
    ("在2022年度湖南省专利奖评选中，华远精密机械有限公司获得一等奖。", "湖南省专利奖", (2022, None, "一等奖")),
])
def test_nlp_qualifiers_of_prizes_in_one_clause(text, award, quals):
    won = _rels_by_name(extract_text(text))[("华远精密机械有限公司", "receivedAward", award)]
    assert (won.get("year"), won.get("edition"), won.get("grade")) == quals


def test_nlp_a_trade_word_and_company_is_no_short_form_of_a_firm():
    result = extract_text("香港科技园公司宣布，园区已有1000间科技公司落户。湖南华远精密机械公司宣布，华远精密将扩产。")
    aliases = {e["name"]: e["aliases"] for e in result["entities"] if e["type"] == "Company"}
    assert aliases["香港科技园公司"] == []
    assert aliases["湖南华远精密机械公司"] == ["华远精密"]
