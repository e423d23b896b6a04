"""What stands around a name that the entity rules' candidate pass checks (patterns, no rules).

Owns the regular expressions and word sets ``EntityRules.candidates`` (kg.nlp.rules) reads around a
suffix match or a lexicon match: ranks before a title, counts and classifiers after a name, a
firm's unit words and legal end, city short forms that are common words, a place building what a
title names, science parks' sites, offices a firm has too, source lines, events, venues and quoted
plans after a place, a zone's site, Taiwan's park short forms and a science park's sites named by
their city (台中園區 after 中部科學園區), a counted meeting, the shape of a person's name before
a post, and the patterns read right around a match (a park's bracketed qualifier, a quoted prize's
lead, a law's title, a park that speaks, a plant named by its place, a slogan before 中国). Split out of ``rules`` so that module stays one concern (the pass
itself). Must not: find mentions.
"""

from __future__ import annotations

import re

from .people import _people_tables
from .prefilter import anchored


RANK_TITLE_RE = re.compile(r"(?:省|国家|市|县|区)级")


COUNT_AFTER_RE = re.compile(r"\s*[0-9一二三四五六七八九十两百余多]+\s*(?:个|家|所|座)(?=[，,。；;、\s]|$)")
#: a count's classifier the scan took in (36|家新升级开发区, 3|家株企, 1000|间科技公司): what follows is a kind counted
CLASSIFIER_AFTER_COUNT_RE = re.compile(r"(?<=[0-9一二三四五六七八九十两百千万余多几])(?:个|家|所|座|间|間|批)")


#: a country's trade or cultural office (泰国商务处), named only after the country
COUNTRY_OFFICE_RE = re.compile(r"(?:商务|经济|经贸|贸易|文化)处")


#: what a firm is to another (its 子公司, 孙公司): no part of a firm's name
UNIT_WORD_RE = re.compile(r"(?:全资|控股)?(?:子公司|孙公司)")
_UNIT_WORD_SCAN = anchored(UNIT_WORD_RE)  # its matches, tried only near an anchor (prefilter.Anchored)


#: the end of a firm's registered name (有限公司, 股份有限公司, 有限责任公司, 股份公司): never inside a prize's name
FIRM_END_RE = re.compile(r"有限(?:责任)?公司|股份公司")


#: short forms of prefecture-level cities that are common words first (来宾 guests, 白银 silver, 日照 sunshine)
CITY_WORDS = frozenset({"来宾", "白银", "日照", "大同", "三明", "黄山"})


#: 在长沙经开区投资建设|智能制造基地: a park or place that builds what a title names is no part of its name
SITE_BUILDS_RE = re.compile(r"(?:区|园|市|县|镇)(?:投资|计划|将|拟|规划)?(?:建设|打造|建成|新建|扩建|兴建|筹建|布局)")
#: a science park then a place: the body of one of its sites (南部科学园区|台南|园区, 竹科|竹南|园区);
#: 竹科, 中科 and 南科 are Taiwan's science parks by their short forms, safe only before a site
SUB_PARK_RE = re.compile(r"(?:[\u4e00-\u9fff]{1,6}科学(?:工业)?园区|竹科|中科|南科)(?P<place>[\u4e00-\u9fff]{2,3})")


#: the suffixes of an office or a committee that a firm has too (集团总裁办公室, 公司质量管理委员会)
FIRM_UNIT_SUFFIXES = frozenset({"办公室", "委员会", "管理委员会", "领导小组", "工作小组", "协调小组"})
#: a firm's word inside the body of such a unit
FIRM_IN_BODY_RE = re.compile(r"公司|集团|企业(?=[^\u4e00-\u9fff]|$|标准|质量|管理)")


#: a page's source line before a body (资料来源:, 来源：)
SOURCE_LINE_RE = re.compile(r"(?:^|\n)\s*(?:资料)?来源\s*[:：]\s*$")


#: an exhibition's or a fair's name after the place that opens it, up to its word and what follows
#: an event (台北国际发明暨技术交易展|中, 广州出口商品交易会|期间): an exhibition is no entity, and the
#: place is only inside its name (not 发展, 进展, 开展: no exhibition; a congress's place, as in
#: 北京市延庆区…颁奖大会, the reports do annotate)
EVENT_NAME_AFTER_RE = re.compile(
    r"(?:(?!召开|举行|举办|在)[\u4e00-\u9fff]){0,14}?(?:(?<![发进拓开扩施伸])展|展览会|博览会|交易会|展销会|洽谈会)"
    r"(?=[^\u4e00-\u9fff]|$|中|上|期间|在|于|举行|举办|开幕|召开|隆重|现场|会场)"
)


#: a venue's name after the place that opens it (湾仔会展中心, 长沙国际会议中心, 台北世贸中心展览馆)
VENUE_AFTER_RE = re.compile(r"(?:国际|世贸)?(?:会议展览中心|会展中心|会议中心|展览中心|展览馆|博览中心|国际博览中心|体育馆|体育中心|大会堂|大礼堂|大剧院|音乐厅)")


#: the rest of a quoted plan or programme's name after the place that opens it (…计划」, …计画”, …方案」)
QUOTED_PLAN_RE = re.compile(r"[^“”「」\n，,。；;]{0,24}?(?:计划|计画|方案|规划|工程|行动|专案|倡议)[”」]")


#: a zone's park named by its site right after the zone (长沙高新区|麓谷|园区, 湘潭经开区|九华|园区): the
#: site is a proper word (one the dictionary does not hold, or holds as a name), not a common one
ZONE_SITE_RE = re.compile(r"(?:高新区|开发区|经开区|新区)(?P<site>[\u4e00-\u9fff]{2,3})$")
#: characters that open no site's name after a zone (各园区, 内园区, 新园区; counts: 两个园区, 三大园区)
ZONE_SITE_NOT_FIRST = frozenset("各内新老本该其此主分")


#: Taiwan's central and southern science parks by their short forms (中科, 南科), read only in a report
#: written in Traditional characters: in a Simplified one they abbreviate 中科院 and 南方科技大学 (南科大)
#: as well; never before 院, 大, 技 or 所 (中科院, 南科大) nor inside a longer word of the segmenter's
TAIWAN_PARK_SHORT_RE = re.compile(r"(?:中科|南科)(?![院大技所学研])")


#: 第200次|投资审议会, 第三次会员大会: the count of a meeting before a name ending in 会
MEETING_COUNT_RE = re.compile(r"[0-9一二三四五六七八九十百]\s*次\s*[\u4e00-\u9fff]?$")


def _person_shaped(body: str, tags: dict[str, str]) -> bool:
    """Is ``body`` shaped like a person's name (a surname and one or two characters, or a name the
    dictionary knows), not a word of the dictionary (公安, 工业, 经发 are bodies' words)?"""
    surnames = _people_tables()[1]
    if (tags.get(body) or "").startswith("nr"):
        return True
    sur = 2 if body[:2] in surnames else (1 if body[:1] in surnames else 0)
    return bool(sur) and sur + 1 <= len(body) <= sur + 2 and not (tags.get(body) or "").startswith(("n", "v", "a"))


#: a science park of Taiwan named just before (中部科學園區包括|台中園區, 南科台南園區與|高雄園區)
SCIENCE_PARK_BEFORE_RE = re.compile(r"科学(?:工业)?园区|竹科|中科|南科")


def _site_of_a_science_park(sh: str, start: int, body: str) -> bool:
    """Is the place ``body`` before 园区 at ``start`` a site of a science park named just before it
    in its sentence (台中園區 of 中部科學園區), not the parks of that place (株洲市园区)?"""
    if body[-1:] in "省市县区" or len(body) > 3:
        return False
    sent = max(sh.rfind(c, max(0, start - 40), start) for c in "。；;\n") + 1
    return SCIENCE_PARK_BEFORE_RE.search(sh, max(sent, start - 40), start) is not None


#: a verb of lying in or settling right before a park named only …園區 (位於樹谷園區, 進駐樹谷園區):
#: the verb says a park follows, though no place opens its name
SITED_IN_BEFORE_RE = re.compile(r"(?:位于|位在|坐落于|座落于|进驻|入驻|落脚|设厂于|迁入)$")


TRAILING_QUALIFIER_RE = re.compile(r"[(（]([\u4e00-\u9fff]{2,8})[)）]")
#: a park's own qualifier in brackets: the part of it (南区, 东区) or its stage (筹, 筹建)
PARK_QUALIFIER_RE = re.compile(r"[(（](?:[东南西北中][区片园]|筹|筹建|筹备)[)）]")


#: what opens a quoted prize's span before its name: a country, an edition, a year
QUOTED_AWARD_LEAD_RE = re.compile(
    r".*(?:第[0-9一二三四五六七八九十百]+届|首届|(?:19|20)[0-9]{2}年?度?|(?:[0-9]{2,3}|[一二三四五六七八九〇零]{2,3})年度?|的)\s*"
)  # 109年, 一一二年: Taiwan's years; 经济界的|奥斯卡奖: a description before the name


#: an international standards organisation's acronym, alone or two joined (ISO/IEC)
ACRONYM_BODY_RE = re.compile(r"(?:ISO|IEC|ITU|IEEE|CEN|CENELEC)(?:/(?:ISO|IEC))?")


#: the rest of a law's title after the state that enacts it (…标准化法》, …产品质量法实施条例》; not …办法》, …方法》)
LAW_TITLE_RE = re.compile(r"[\u4e00-\u9fff]{1,16}(?<![办方])法(?:实施条例|实施细则)?》")


#: a verb of saying or acting right after a park's name: the park's operating company speaks (数码港表示)
PARK_ACTS_RE = re.compile(r"(?:表示|称|指出|宣布|透露|介绍|主席|行政总裁|总裁)")


#: a plant or branch named by its place after a firm's short name (高雄厂, 株洲分公司)
SITE_PLANT_RE = re.compile(r"([\u4e00-\u9fff]{2,3}?)(?:分公司|工厂|厂)")


#: an honour in quotes after its field or rank (企业标准“领跑者”, 江苏省“质量标杆”)
QUOTED_TITLE_RE = re.compile(r"“[\u4e00-\u9fff]{0,8}(?:领跑者|标杆|单项冠军|小巨人|好标准|示范城市)”")


#: what makes 中国 an era or a policy slogan (新中国第一家, 数字中国, 美丽中国建设)
SLOGAN_BEFORE_CHINA_RE = re.compile(r"(?:新|数字|美丽|健康|平安|法治|幸福|智慧)$")
