"""Entity rules: the engine that turns pattern files into mentions.

Owns: compiling ``kg/data/patterns/*.jsonl`` (kinds ``suffix``, ``regex``, ``lexicon``,
``places``) and finding candidate mentions in a jieba-segmented ``Doc`` (``EntityRules``), with
the checks on each candidate by label. The rest lives beside it: the passes over the chosen
mentions (subcommittees, joint bodies, departments, titled standards: ``kg.nlp.passes``), the
left-boundary scan (``kg.nlp.scan``), the word classes of a name's body (``kg.nlp.bodywords``),
award names (``kg.nlp.awards``), structural rules (``kg.nlp.structural``), people
(``kg.nlp.people``), lexicons (``kg.nlp.lexicons``) and the ``Mention`` record
(``kg.nlp.mentions``); their public names are re-exported here. Hands on ``Mention`` objects in ``doc._.kg_mentions``. Must not:
link mentions to each other (that is ``kg.nlp.relations``) or mint identifiers.

Why regular expressions over the characters and not spaCy's token ``Matcher``: Chinese names do
not respect word boundaries (jieba splits 株洲高新区 differently in different sentences, and fuses
a suffix with what follows), so a suffix is found on the characters and the jieba tokens are used
for what they are good at: deciding where a name *starts* (a name starts on a word boundary, and
the word before it is a function word, a verb or punctuation).
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from ..errors import PatternError
from ..resources import load_jsonl, load_words
from .awards import GRADE_AFTER_RE, GRADES, AwardNames, _join_sub_awards, _quoted_award_lists
from .bodywords import BodyWords, _leading_place_prefix, _society_of_a_realm
from .extents import described_park, school_of_university, district_new_area, place_then_rank, state_body_parks, verb_object_plant
from .kinds import (
    agency_kind,
    bracketed_level_award,
    bureau_divisions,
    ENCLOSED_ZONES,
    counted_title,
    distributed_body,
    epithet,
    join_branch_units,
    opening_after,
    parks_of_a_realm,
    place_in_slogan_or_event,
)
from .lexicons import (
    GENERIC_PLACE_NAMES,
    LongestWords,
    _compile_alternation,
    _is_place_word,
    _lexicon_entries,
    _opens_on_place,
    boundary_words,
    generic_words,
    jieba_freq,
    jieba_tags,
    place_table,
)
from .mentions import (
    CJK_RE,
    DESCRIPTIVE_RE,
    LABELS,
    ORG_LABELS,
    PRIORITY,
    PUNCT,
    Mention,
    _inside_title,
    _quoted_start,
    _in_order,
    _segment_start,
    _word_spans,
    resolve_overlaps,
)
from .passes import (
    ANAPHOR_BODY_RE,
    MEDIA_AFTER_RE,
    POST_AFTER_BODY_RE,
    SITE_AFTER_RE,
    DOC_NUMBER_AFTER_RE,
    JOURNAL_AFTER_RE,
    TASK_MEETING_RE,
    _all_places,
    _cut_departments,
    _generic_addressee,
    _join_intl_organs,
    _join_subcommittees,
    _link_titled_standards,
    _split_joint_bodies,
    _trim_to_attested,
)
from .people import _name_len_at, _people_tables, drop_bodies_ending_in_a_post, find_people
from .prefilter import prefiltered
from .scan import COMMON_WORD_FREQ, NameScan, _skip_outer_place
from .structural import STRUCTURAL_KINDS, StructuralRules
from .name_context import (
    ACRONYM_BODY_RE,
    CITY_WORDS,
    LAW_TITLE_RE,
    PARK_ACTS_RE,
    PARK_QUALIFIER_RE,
    QUOTED_AWARD_LEAD_RE,
    QUOTED_TITLE_RE,
    SITE_PLANT_RE,
    SLOGAN_BEFORE_CHINA_RE,
    TRAILING_QUALIFIER_RE,
    CLASSIFIER_AFTER_COUNT_RE,
    COUNTRY_OFFICE_RE,
    COUNT_AFTER_RE,
    EVENT_NAME_AFTER_RE,
    FIRM_END_RE,
    FIRM_IN_BODY_RE,
    FIRM_UNIT_SUFFIXES,
    MEETING_COUNT_RE,
    QUOTED_PLAN_RE,
    RANK_TITLE_RE,
    SITE_BUILDS_RE,
    SOURCE_LINE_RE,
    SUB_PARK_RE,
    SITED_IN_BEFORE_RE,
    TAIWAN_PARK_SHORT_RE,
    VENUE_AFTER_RE,
    _site_of_a_science_park,
    ZONE_SITE_NOT_FIRST,
    ZONE_SITE_RE,
    _UNIT_WORD_SCAN,
    _person_shaped,
)

# the names other modules import from here (kg.nlp, kg.nlp.relations, kg.ner.fusion, kg.nlp.tables)
__all__ = [
    "CJK_RE", "DESCRIPTIVE_RE", "GENERIC_PLACE_NAMES", "GRADES", "GRADE_AFTER_RE", "LABELS", "ORG_LABELS",
    "PRIORITY", "PUNCT", "EntityRules", "_all_places", "Mention", "_inside_title", "_name_len_at", "_people_tables",
    "_segment_start", "find_people", "generic_words", "jieba_tags", "place_table", "resolve_overlaps",
]


#: the numbered or named bureaus of the state construction groups (中建五局, 中铁大桥局, 中交二航局,
#: 中国水利水电第八工程局): firms, though named like a bureau of government
GROUP_BUREAU_RE = re.compile(
    r"(?:中建|中铁|中交|中冶|中水|中电建|中铁建|中国建筑|中国中铁|中国铁建|中国交建|中国水利水电|中国电建|中国葛洲坝|中国中冶)"
    r"(?:第?[一二三四五六七八九十]+(?:工程)?局|[\u4e00-\u9fff]{0,4}?(?:工程)?局)"
)


PATTERN_FILES = ("standards.jsonl", "organisations.jsonl", "awards.jsonl", "places.jsonl", "structures.jsonl")


PATTERN_KEYS = frozenset(
    {"id", "label", "kind", "suffix", "pattern", "lexicon", "generic", "body_min", "body_max", "conjunctions", "context", "priority", "coordinated", "word_start", "place_start", "comment"}
)


def _written_in_traditional(text: str, sh: str) -> bool:
    """Is ``text`` written in Traditional characters: do at least 1% of its Han characters (and
    five or more) differ from its Simplified shadow?"""
    differ = sum(1 for a, b in zip(text, sh) if a != b and "\u4e00" <= b <= "\u9fff")
    return differ >= 5 and differ * 100 >= len(CJK_RE.findall(sh))


class EntityRules(NameScan, AwardNames, StructuralRules, BodyWords):
    """Compiled entity patterns; ``find(doc)`` returns the chosen mentions."""

    def __init__(self, pattern_files: tuple[str, ...] = PATTERN_FILES) -> None:
        self.patterns: list[dict[str, Any]] = []
        for fname in pattern_files:
            for record in load_jsonl("patterns", fname, PATTERN_KEYS, frozenset({"id", "label", "kind"})):
                if record["label"] not in LABELS:
                    raise PatternError(f"kg/data/patterns/{fname}: {record['id']}: unknown label {record['label']!r}.")
                compiled = dict(record)
                kind = record["kind"]
                try:
                    if kind == "suffix":
                        compiled["re"] = re.compile(f"(?:{record['suffix']})")
                    elif kind == "regex":
                        compiled["re"] = re.compile(record["pattern"])
                    elif kind == "lexicon":
                        entries = _lexicon_entries(record["lexicon"])
                        compiled["labels"] = {s: (lab or record["label"]) for s, lab in entries}
                        compiled["re"] = _compile_alternation([s for s, _ in entries])
                    elif kind == "places":
                        compiled["re"] = LongestWords(place_table())  # the regex's matches, by look-ups (lexicons.LongestWords)
                    elif kind in STRUCTURAL_KINDS:
                        compiled["re"] = re.compile(record["pattern"])
                    else:
                        raise PatternError(f"kg/data/patterns/{fname}: {record['id']}: unknown kind {kind!r}.")
                except re.error as exc:
                    raise PatternError(f"kg/data/patterns/{fname}: {record['id']}: bad regex ({exc}).") from exc
                # the same matches, found faster where re cannot skip ahead by itself (kg.nlp.prefilter)
                compiled["scan"] = prefiltered(compiled["re"]) or compiled["re"]
                self.patterns.append(compiled)
        self.boundaries = boundary_words()
        self.agency_lexicon = _compile_alternation([s for s, _ in _lexicon_entries("agencies.tsv")])
        self.institution_lexicon = {s: lab for s, lab in _lexicon_entries("institutions.tsv")}
        self.institution_lexicon.update({s: "Company" for s, _ in _lexicon_entries("companies.tsv")})
        self.institution_re = _compile_alternation(list(self.institution_lexicon))
        # the listed institutions' names without the place they open on (香港|优质标志局): the same
        # body's short form, which a suffix (局) would type as an agency
        self.placeless_institutions = frozenset(
            name[n:] for name, lab in self.institution_lexicon.items() if lab in (None, "Institution")
            for n in (2, 3) if name[:n] in place_table() and len(name) - n >= 4
        )
        self._boundary_re = _compile_alternation(list(self.boundaries))
        self._place_phrase_re = _compile_alternation(list(generic_words("place_phrases.tsv")))
        self.tags = jieba_tags()
        self.name_verbs = frozenset(load_words("name_verbs.tsv"))

    def _quoted_titles(self, text: str, sh: str, tok_starts: list[int], tok_ends: list[int], chosen: list[Mention]) -> list[Mention]:
        """Titles written as a field or rank before a quoted honour (企业标准“领跑者”, 江苏省“质量标杆”,
        全国制造业“单项冠军”): the whole is the title's name, an award named whether or not the
        sentence confers it (a scheme the report writes about)."""
        award_rule = next((p for p in self.patterns if p["id"] == "award.title_suffix.v1"), None)
        if award_rule is None:
            return chosen
        extra = []
        for q in QUOTED_TITLE_RE.finditer(sh):
            qs, qe = q.start(), q.end()
            if any(m.start < qe and qs < m.end for m in chosen if m.label != "Place"):
                continue  # a name found already (入选…“X”名单) stands
            start = self._scan_start(sh, tok_starts, tok_ends, qs, {**award_rule, "conjunctions": False, "body_max": 10})
            if start is None or not (2 <= qs - start <= 10) or re.search(r"[0-9]", sh[start:qs]) or self._is_stop_token(sh[start:qs]) or self._generic_body(sh[start:qs], "Award"):
                continue
            m = Mention(start, qe, "Award", "award.quoted_title.v1", text[start:qe])
            m = self._split_award(m, text, sh)
            if m is not None:
                extra.append(m)
        if not extra:
            return chosen
        return sorted(chosen + extra, key=lambda m: (m.start, m.end))

    def candidates(self, text: str, sh: str, tok_starts: list[int], tok_ends: list[int]) -> list[Mention]:
        out: list[Mention] = []
        for p in self.patterns:
            label, kind, rule = p["label"], p["kind"], p["id"]
            if kind in STRUCTURAL_KINDS:
                continue  # structural rules run after the others (see ``structural``)
            # a regex may mark the name inside its context (``name``, or ``name2`` in a second branch)
            named = [g for g in ("name", "name2") if g in p["re"].groupindex]
            for m in p["scan"].finditer(sh):
                s, e = m.span(next(g for g in named if m.group(g) is not None)) if named else m.span()
                rank_title = False
                district = None  # a county-level 新区 the park suffix found (上海市浦东新区): a Place
                if kind == "suffix":
                    # the longest suffix wins where two overlap: 建设试点|城市 -> …试点城市
                    for k in range(s + 1, e):
                        longer = p["re"].match(sh, k)
                        if longer and longer.end() > e:
                            e = longer.end()
                    # a bracketed qualifier right after the suffix is part of the name:
                    # 国家新型工业化产业示范基地（电子信息）; not a 简称 declaration
                    q = TRAILING_QUALIFIER_RE.match(sh, e)
                    if q and label in ("Award", "Institution") and not q.group(1).startswith(("简称", "以下", "下称", "原名", "前称")) and not (
                        label == "Institution" and q.group(1)[-1] in "省市县区旗"
                    ) and not (label == "Award" and sh[e - 1] == "奖") and not (
                        label == "Institution" and q.group(1)[-1] == sh[e - 1] and (len(q.group(1)) <= 5 or _in_order(q.group(1), sh[max(0, s - 30):e]))
                    ):
                        # X研究院（雄安新区）: where it is, not part of its name (国家…基地（长株潭） keeps it);
                        # a prize's bracket holds its grade, class, winner or a note (…质量奖(提名奖), (个人奖),
                        # (名单见附件)), never part of its name; a designation's keeps its field; a short
                        # form on the name's own last character (工業技術研究院（工研院）) is its alias
                        e = q.end()
                    elif label == "Park" and (q := PARK_QUALIFIER_RE.match(sh, e)):
                        e = q.end()  # 上海金桥出口加工区(南区), 安徽…开发区(筹): a part or a stage of the park
                    if p.get("word_start") and s not in set(tok_starts[max(0, bisect.bisect_left(tok_starts, s) - 1):bisect.bisect_left(tok_starts, s) + 1]):
                        continue  # the suffix must start a word of its own
                    start = self._scan_start(sh, tok_starts, tok_ends, s, p)
                    if start is not None and label in ("Company", "Institution"):
                        start = _skip_outer_place(sh, start, s)
                    quoted = _quoted_start(sh, s, e) if label != "Award" or sh[e - 1] == "奖" else None
                    if quoted is not None and label == "Award":
                        # “特别主题奖”, 「香港名牌十年成就奖」: the quotes delimit a prize's name too, but
                        # its edition and year stay apart («中华民国第四十八届|创业楷模…奖»)
                        lead = QUOTED_AWARD_LEAD_RE.match(sh, quoted, s)
                        quoted = lead.end() if lead and lead.end() < s - 1 else quoted
                    if quoted is not None and (start is None or quoted < start):
                        start = quoted  # “减震降噪与轻质高强…国家重点实验室”: the quotes delimit the name
                    if start is None:
                        continue
                    if label == "Company":
                        # 子公司/孙公司 is what a firm is to another, never a name's end (X控股子公司),
                        # and it opens no name (全资孙公司|凡凌生物科技有限公司); a 子 that closes a
                        # word of its own (大明|电子|公司, 量子|公司) is the trade's, not a unit's
                        if sh[max(start, s - 1):s] in ("子", "孙") and sh[s:e] == "公司" and not _word_spans(tok_starts, tok_ends, s - 2, s):
                            continue
                        unit = None
                        for unit in _UNIT_WORD_SCAN.finditer(sh, start, s):
                            pass
                        if unit is not None and s - unit.end() >= 2:
                            start = unit.end()
                    if label == "Award":
                        # 授予A有限公司湖南省质量奖: a firm's registered name right before is no part of the prize's
                        firm = None
                        for firm in FIRM_END_RE.finditer(sh, start, s):
                            pass
                        if firm is not None:
                            start = firm.end()
                        builds = None
                        for builds in SITE_BUILDS_RE.finditer(sh, start, s):
                            pass
                        if builds is not None and s - builds.end() >= 2:
                            start = builds.end()
                    elif label in ORG_LABELS or label == "Park":
                        start = opening_after(sh, start, s, label, lambda w: w in place_table())  # 工业和信息化部联合|…联合会, …产业园内|应用产业园
                    if label == "StandardsBody" and not sh.startswith("全国", start) and (k := sh.rfind("全国", max(0, start - 12), start)) >= 0 and re.fullmatch(
                        r"[\u4e00-\u9fff]+", sh[k:start]
                    ) and not re.search(r"[的和在是等首第家个级]|委员会", sh[k + 2:start]):
                        start = k  # 全国|牵引|电气设备与系统标准化技术委员会: a verb-like field word (牵引) inside a national committee's name
                    body = sh[start:s]
                    if label == "GovernmentAgency" and (k := max(body.rfind("公司"), body.rfind("集团"))) >= 0 and _opens_on_place(sh, start + k + 2):
                        start += k + 2  # 授予宏远公司|湖南省人民政府质量奖: a firm's name ends before the body's
                        body = sh[start:s]
                    if (label == "GovernmentAgency" and sh[s:e] in FIRM_UNIT_SUFFIXES and FIRM_IN_BODY_RE.search(body)) or (
                        label == "StandardsBody" and FIRM_IN_BODY_RE.match(body)
                    ):
                        continue  # 集团总裁办公室, 公司质量管理委员会, 公司标准化委员会: a firm's own office or committee, no body of state
                    if label == "GovernmentAgency" and sh[s:e] in ("办公室", "办公厅") and re.search(r"(?:下设|内设|设立|成立|组建|设有)$", body):
                        continue  # 领导小组下设办公室: the body sets up an office, named by the body before the verb
                    if label == "Company" and sh[s:e] == "公司" and (
                        self._common_phrase(sh, tok_starts, tok_ends, start, s) or (place_table().get(body) or {}).get("level") in ("province", "country")
                    ):
                        continue  # 八成公司, 科技创业公司, 间科技公司, 香港公司: a kind of firm or a firm's nationality, no name
                    if label == "Company" and sh[s:e] == "公司" and re.fullmatch(r"(?:制造|服务|物流|零售|批发|餐饮|旅游|建筑|航运|运输|金融|保险|科技|电子|半导体|软件)业", body):
                        continue  # 制造业公司, 服务业公司: a firm of an industry, no name
                    if label == "Place" and any(r in body for r in _people_tables()[2] if len(r) >= 2):
                        continue  # 立委|邱镇|军: a post before a name, no town's name
                    if label == "Place" and (place_table().get(body) or {}).get("level") in ("province", "country"):
                        continue  # 江苏|镇江: a province and a city, no town named 江苏镇
                    if label == "GovernmentAgency" and sh[s:e] == "局" and sh[e:e + 1] == "长" and _person_shaped(body, self.tags):
                        continue  # 王强|局长, 张建国|局长: a person before the post, no bureau named after him
                    if label in ("GovernmentAgency", "Institution", "StandardsBody") and sh[e - 1] == "会" and MEETING_COUNT_RE.search(sh, max(0, start - 8), start + 1):
                        continue  # 第200次投资审议会, 第三次理事会: a meeting counted, no body
                    if label == "StandardsBody" and ACRONYM_BODY_RE.fullmatch(body):
                        continue  # IEC技术委员会, ISO/IEC标准化技术委员会: the organisation's committees, named by the acronym
                    if len(body) < p.get("body_min", 1) or not CJK_RE.search(sh[start:e]):
                        continue
                    sub_park = next((m2 for m2 in SUB_PARK_RE.finditer(body) if m2.end() == len(body) and (m2.start() == 0 or _all_places(body[:m2.start()]))), None) if p.get("place_start") else None
                    if sub_park and not (_is_place_word(sub_park.group("place")) or self.tags.get(sub_park.group("place")) == "ns" or (
                            sub_park.group(0).startswith(("竹科", "中科", "南科")) and len(sub_park.group("place")) == 2)):
                        sub_park = None  # (竹科生醫|園區: a science park's sub-park is named by its town or its theme)
                    if sub_park:
                        start += sub_park.start()  # 苗栗|竹科竹南园区: the county before the park's site is where it is
                        body = sh[start:s]
                    zone_site = ZONE_SITE_RE.search(body) if p.get("place_start") else None
                    if zone_site and (self.tags.get(zone_site.group("site")) not in (None, "ns", "nr", "nz") or zone_site.group("site")[0] in ZONE_SITE_NOT_FIRST or re.match(r"[一二两三四五六七八九十几多][个大家座]", zone_site.group("site"))):
                        zone_site = None  # 高新区核心园区, 经开区各园区: the zone's parks by a common word, no site named
                    if p.get("place_start") and not sub_park and (not any(_is_place_word(sh[start:start + n]) for n in (2, 3, 4)) and not (
                        label == "Park" and SITED_IN_BEFORE_RE.search(sh, max(0, start - 4), start) and 2 <= len(body) <= 4
                        and self._has_proper_token(sh, start, s, tok_starts, tok_ends) and not self._generic_body(body, "Park", "sector_words.tsv")
                    ) or (body in place_table() and label != "Institution" and not _site_of_a_science_park(sh, start, body)) or body[-1] in "区市县省" or (re.search("高新区|开发区|经开区|新区|园", body) and not zone_site)):
                        continue  # 绿色园区: no place opens the name; 株洲市园区, 高新区园区: the parks of a place or a zone
                    if p.get("word_start") and re.search(r"(?:局|委|厅|委员会|园区|海关|署|[一二三四五六七八九]部)[\u4e00-\u9fff]{1,6}$", body):
                        continue  # 市场监管局标准化处: a division of the bureau, which is the entity
                    if self._generic_body(body, label, p.get("generic", "generic_words.tsv")) and not _society_of_a_realm(body, sh[s:e], label):
                        # 国家级经济技术开发区: a rank and a generic kind of park or body is a title
                        if not (label in ("Institution", "Park") and RANK_TITLE_RE.match(body)) or sh[max(0, start - 2):start] in ("首家", "首个", "一家", "一个", "唯一"):
                            continue
                        rank_title = True
                    elif label in ("Institution", "Park") and (k := place_then_rank(body, lambda w: w in place_table())) is not None and self._generic_body(
                        body[k:], label, p.get("generic", "generic_words.tsv")
                    ):
                        continue  # 江苏省级高新区: a place's rank and a kind of park, no park named
                    district = district_new_area(sh[start:e], place_table()) if label == "Park" else None
                    if DESCRIPTIVE_RE.search(body):
                        continue  # 市区两级市场监管局, 中南地区最大数据中心: descriptions, not names
                    if label == "GovernmentAgency" and sh[s:e] in ("政府", "局", "委", "委员会", "办公室") and self._verb_or_count_body(sh, tok_starts, tok_ends, start, s):
                        continue  # 運用|政府, 第一个|政府, 办|局, 次|委員會: a verb or a count names no body
                    if CLASSIFIER_AFTER_COUNT_RE.match(sh, start):
                        continue  # 36家新升级开发区, 3家株企: a kind counted, not a name
                    if COUNT_AFTER_RE.match(sh, e):
                        continue  # 拥有国家标准化专业委员会6个: a kind of body counted, not a name
                    if label == "GovernmentAgency" and COUNTRY_OFFICE_RE.fullmatch(sh, s, e) and (place_table().get(body) or {}).get("level") != "country":
                        continue  # 泰国|商务处, 越南|商务处: a country's office; 商务局|商务处 is a division
                    if label == "Institution" and sh[s:e] == "学院":
                        school = school_of_university(sh, start, s)
                        if school != e:
                            s, e, body = start, school, sh[start:school - 2]  # 北华大学|管理学院: the university
                            start = s
                    if label == "Company" and sh[s:e] == "工厂" and verb_object_plant(sh, self.tags, tok_starts, tok_ends, start, s):
                        continue  # 投资建设新工厂: a plant as the object of verbs, no firm named
                    if label == "Company" and sh[s:e] in ("工厂", "制造厂", "电厂") and "公司" in body:
                        # 北汽株洲分公司二工厂: the firm is the 公司; its plant is no entity of its own
                        e = start + body.rindex("公司") + 2
                    if label == "Park":
                        if parks_of_a_realm(sh[start:e], place_table()):
                            continue  # 台湾产业园区, 湖南工业园区: the parks of a province or a country
                        if p["re"].search(body[-6:]) and p["re"].search(body).end() == len(body) and sh[s:e] not in ENCLOSED_ZONES:
                            # 株洲高新区|产业园区: a park's generic area, the inner park is found on its own
                            # (a customs zone inside a park is named with it: 苏州工业园区出口加工区)
                            continue
                        start += _leading_place_prefix(sh, start, s)
                        start = self._park_opening(sh, tok_starts, tok_ends, start, s)
                        body = sh[start:s]
                        if state_body_parks(body) or described_park(body, p["re"]):
                            continue  # 科技部|科学工业园区: a ministry's parks; 中北高新区老牌|工业园区: the first park described
                        if p["id"] == "park.suffix.v1" and not _opens_on_place(sh, start) and self._generic_body(body, "Park", "sector_words.tsv"):
                            continue  # 软件|产业园, 人工智能|产业园: a kind of park by its industry
                        listed_brand = sh[start - 1:start] == "、" and self.tags.get(body) == "v" and jieba_freq().get(body, 0) <= COMMON_WORD_FREQ
                        if not rank_title and p["id"] == "park.suffix.v1" and not listed_brand and self._verb_phrase_body(sh, tok_starts, tok_ends, start, s):
                            continue  # 促进|全省|开发区, 应用|产业园: a verb and common words, no park's name
                    s = start
                elif kind == "places":
                    # a place starts and ends on word boundaries of the segmenter: 台北 is no place
                    # in 平台|北侧, nor 沙田 in 沙田柚, nor 浏阳 in 浏阳河
                    i = bisect.bisect_right(tok_starts, s) - 1
                    j = bisect.bisect_left(tok_ends, e)
                    if (i >= 0 and tok_starts[i] < s < tok_ends[i]) or (j < len(tok_ends) and tok_starts[j] < e < tok_ends[j] and tok_starts[j] >= s):
                        continue
                if label == "Park" and s >= 3 and sh[s - 1] in "·•・":
                    # a place joined with a middle dot: 株洲·中国动力谷
                    for n in (4, 3, 2):
                        if s - 1 - n >= 0 and sh[s - 1 - n:s - 1] in place_table():
                            s -= n + 1
                            break
                if label == "Award" and kind == "regex":
                    while e > s and sh[e - 1].isspace():
                        e -= 1  # “湖南省省长质量奖 ”: a space inside the quotes is no part of the name
                    while s < e and sh[s].isspace():
                        s += 1
                if label == "Award" and kind == "regex" and s >= 3 and sh[s - 1] in "“「" and sh[e:e + 1] in "”」":
                    # 江苏省“质量标杆”, 国家级“绿色工厂”: a place or a rank written before the quoted
                    # title is part of its name, quotes and all
                    for n in (5, 4, 3, 2):
                        lead = sh[max(0, s - 1 - n):s - 1]
                        if len(lead) == n and (_is_place_word(lead) or lead in ("国家级", "全国", "国家", "省级", "市级")) and (
                            s - 1 - n == 0 or not CJK_RE.match(sh[s - 2 - n]) or (place_table().get(lead) or {}).get("level") in ("province", "city")
                        ):
                            s, e = s - 1 - n, e + 1
                            break
                lab = p["labels"].get(sh[s:e], label) if kind == "lexicon" else label
                context = bool(p.get("context"))
                rank = RANK_TITLE_RE.match(sh, s) if lab in ("Institution", "Park") and kind == "suffix" else None
                if rank_title or rank and (m.start() - rank.end() <= 3 or self._generic_body(sh[rank.end():m.start()], lab)):
                    # 省级制造业创新中心, 国家级经开区: a rank with nothing proper is a title conferred
                    # (国家级先进轨道交通装备创新中心 keeps its proper body and stays a body)
                    lab, context = "Award", True
                if lab == "Award" and rule == "award.title_suffix.v1" and sh.endswith(("示范区", "集聚区"), s, e):
                    if sh[s] in "省市县区" and any(sh[s + 1:s + 1 + n] in place_table() for n in (4, 3, 2)) and not any(sh[s:s + n] in place_table() for n in (4, 3, 2)):
                        s += 1  # 分别为市|廉江市…示范区: a level word glued from the clause before
                    zone = sh[s:e]
                    province = next((n for n in (4, 3, 2) if zone[:n].endswith(("省", "自治区")) and (place_table().get(zone[:n]) or {}).get("level") == "province"), None)
                    if _opens_on_place(sh, s) and province is None and sh[s] not in "省市县区" and not re.search(r"级|全国|中国|局|委|厅|政府|部", zone) and zone[:2] not in ("国家",):
                        # 廉江市河唇红杨桃生产标准化示范区, 北京中关村国家自主创新示范区, 信阳市产业集聚区: a zone named
                        # by its place is a park; a rank's title (国家级农业标准化示范区) and a
                        # province's (湖南省蔬菜全产业链标准化示范区: the province grants it) stay awards
                        lab, context = "Park", False
                if district is not None:
                    lab, (n_outer, county) = "Place", district
                    if n_outer:  # 上海市|浦东新区: the city or province that holds the district is a place of its own
                        outer = Mention(s, s + n_outer, "Place", "place.admin_division.v1", text[s:s + n_outer])
                        outer.attrs["place"] = place_table()[sh[s:s + n_outer]]
                        out.append(outer)
                        s += n_outer
                if lab == "GovernmentAgency" and GROUP_BUREAU_RE.fullmatch(sh, s, e):
                    lab = "Company"  # 中建五局, 中铁大桥局, 中国建筑第五工程局: a state construction group's bureau is a firm
                mention = Mention(s, e, lab, rule, text[s:e], needs_context=context)
                if district is not None:
                    mention.attrs["place"] = county
                if "priority" in p:
                    mention.attrs["priority"] = p["priority"]
                if lab == "Award":
                    mention = self._split_award(mention, text, sh)
                    if mention is None:
                        continue
                if kind == "places":
                    surface = sh[s:e]
                    entry = place_table()[surface]
                    tag = self.tags.get(surface)
                    if len(surface) < 2 or surface in GENERIC_PLACE_NAMES:
                        continue
                    if surface != entry["name"] and entry.get("listed_short") != surface and tag is not None and tag not in ("ns", "nsf", "s") and (
                        (entry.get("level") != "city" and not (entry.get("level") == "county" and tag in ("nr", "nrt", "nz"))) or surface in CITY_WORDS
                    ):
                        continue  # short forms 合作, 白银: words first, places only by accident (a city's 合肥, 娄底, 周口 stay places, and a county's that jieba reads as a name: 义乌, 慈溪)
                    mention.attrs["place"] = entry
                out.append(mention)
        tok_start_set, tok_end_set = set(tok_starts), set(tok_ends)
        for regex, lab_of, rule in (
            (self.agency_lexicon, lambda t: "GovernmentAgency", "agency.lexicon.v1"),
            (self.institution_re, lambda t: self.institution_lexicon.get(t) or "Institution", "institution.lexicon.v1"),
        ):
            for m in regex.finditer(sh):
                start = m.start()
                if rule == "agency.lexicon.v1" and m.group(0).endswith("部") and sh[m.end():m.end() + 1] in ("门", "署", "分", "件", "位", "队"):
                    continue  # 商务部门, 财政部署: no ministry
                if rule == "agency.lexicon.v1" and m.group(0).endswith("部") and re.match(r"副?主任(?!委员|秘书)", sh[m.end():m.end() + 5]):
                    continue  # 协会副秘书长兼科技部主任: a department's head (a ministry is led by its 部长), no ministry
                if rule == "agency.lexicon.v1" and m.group(0).endswith("处") and sh[m.end():m.end() + 1] in ("理", "置", "罚", "分", "于", "在"):
                    continue  # 中小企业处理中心: 处理 is to handle, no office
                if m.end() - start == 2 and not (start in tok_start_set and m.end() in tok_end_set):
                    continue  # 国办, 广达: a two-character short form only as a word of its own (全国|办理, 推广|达到)
                if rule == "agency.lexicon.v1" and sh[max(0, start - 2):start] == "国家" and not sh[start:].startswith("国"):
                    start -= 2  # 国家工信部: the national qualifier is part of the name as written
                end = m.end()
                if lab_of(m.group(0)) == "Company" and sh.startswith("集团", end) and not sh[start:end].endswith("集团"):
                    end += 2  # 日月光|集团: a group's short name with its 集团 is one name
                elif lab_of(m.group(0)) == "Company" and (plant := SITE_PLANT_RE.match(sh, end)) and _is_place_word(plant.group(1)):
                    end = plant.end()  # 日月光|高雄|厂: a firm's plant or branch named by its place
                label = lab_of(m.group(0))
                if label == "Park" and (PARK_ACTS_RE.match(sh, end) or any(sh[end:end + n] in _people_tables()[2] for n in (2, 3, 4))):
                    label = "Company"  # 数码港行政总裁, 数码港表示: the park's operating company, acting or with its posts
                out.append(Mention(start, end, label, rule, text[start:end]))
        if ("中科" in sh or "南科" in sh) and _written_in_traditional(text, sh):
            for m in TAIWAN_PARK_SHORT_RE.finditer(sh):
                i = bisect.bisect_right(tok_starts, m.start()) - 1
                if i >= 0 and tok_starts[i] < m.start() < tok_ends[i]:
                    continue  # the short form opens a word of the segmenter's, never starts inside one
                out.append(Mention(m.start(), m.end(), "Park", "park.taiwan_short.v1", text[m.start():m.end()]))
        return out

    def find(self, text: str, sh: str, tok_starts: list[int], tok_ends: list[int]) -> list[Mention]:
        """Mentions in ``text``; ``sh`` is its shadow (``kg.text.shadow``)."""
        cands = self.candidates(text, sh, tok_starts, tok_ends)
        # 国家标准审评中心|南京分中心: a branch named by its place after its body is one name
        cands = join_branch_units(text, sh, cands, place_table(), lambda s, e, rule: Mention(s, e, "Institution", rule, text[s:e]))
        people = find_people(text, sh, tok_starts, tok_ends, frozenset(c.end for c in cands if c.label in ORG_LABELS))
        cands = drop_bodies_ending_in_a_post(sh, cands, people)
        cands.extend(people)
        # bodies, parks and places named inside a 《document title》 are entities; titles there are not
        chosen = []
        phrases = self._place_phrase_re
        for m in resolve_overlaps(cands, text):
            if m.label == "Place" and phrases.match(sh, m.end) and not sh.startswith("标准化", m.end):  # 上海市标准化…: the place's own work
                continue  # 中国特色, 浙江制造: the place is an adjective of a set phrase, no mention
            if m.label == "Place" and sh[m.end - 1] not in "省市县区州旗镇乡" and self._opens_unknown_name(sh, tok_starts, tok_ends, m.end):
                continue  # 中国|恩菲, 山西|宝聚源: a short place opens a name the rules did not find (炎陵县|全康电子 stays a county)
            if m.label == "Place" and sh[m.start:m.end] == "中国" and SLOGAN_BEFORE_CHINA_RE.search(sh, max(0, m.start - 2), m.start):
                continue  # 新中国, 数字中国, 美丽中国: an era or a slogan, not the country as a place
            if m.label == "Place" and place_in_slogan_or_event(sh, m.start, m.end):
                continue  # “好品山东”, 中国质量(杭州)大会: a slogan's word or an event's venue, no place of the report's
            if m.label == "Place" and sh[m.start - 1:m.start] in ("“", "「") and QUOTED_PLAN_RE.match(sh, m.end):
                continue  # 「高雄市亚洲新湾区计画」: the place opens a quoted plan's name (a plan is no entity)
            if m.label in ORG_LABELS and SOURCE_LINE_RE.search(sh, max(0, m.start - 8), m.start):
                continue  # 资料来源:新闻传播处: the page's source line (as a byline's medium, no entity)
            if m.label == "Place" and EVENT_NAME_AFTER_RE.match(sh, m.end):
                continue  # 台北国际发明暨技术交易展中: the place opens an exhibition's name
            if m.label == "Place" and VENUE_AFTER_RE.match(sh, m.end):
                continue  # 在湾仔会展中心举行, 长沙国际会议中心: the place opens a venue's name (a venue is no entity)
            if m.label == "Place" and MEDIA_AFTER_RE.match(sh, m.end):
                continue  # 青岛日报, 中国证券网讯: a medium's name (media are no entities), not the place
            if m.label == "GovernmentAgency" and sh[m.start:m.end] in _people_tables()[2]:
                continue  # 立委, 副政委: a post, no body
            if m.label == "GovernmentAgency" and _generic_addressee(sh, m.start, m.end):
                continue  # 各市、县人民政府, 各镇政府、街道办事处: the bodies of every place, no body named
            if m.label == "GovernmentAgency" and POST_AFTER_BODY_RE.match(sh, m.end) and sh[m.end - 1] == "司":
                continue  # 财政司司长: the post (Hong Kong's secretaries), not a body of its own
            if m.label == "GovernmentAgency" and agency_kind(sh, m.start, m.end, lambda t, i: any(t[i:i + n] in place_table() for n in (4, 3, 2))):
                continue  # 中央部委, 各课题和项目办公室, 两个招商局: a kind of body, none named
            if m.label == "GovernmentAgency" and distributed_body(sh, m.start, m.end, _opens_on_place):
                continue  # 各省、自治区、直辖市和新疆生产建设兵团市场监管局: the bureaus of every such place
            if m.label == "Award" and counted_title(sh, m.start, m.end):
                m.needs_context = True  # 其中国家高新技术企业10家: holders of a kind counted; kept where conferred
            if m.label == "Award" and (epithet(sh, m.start, m.end) or bracketed_level_award(sh, m.start)):
                continue  # 有“产业界奥斯卡奖”之称, 省(市)长质量奖: a metaphor or a class of awards, none conferred
            if m.label == "GovernmentAgency" and sh[m.start:m.end] in self.placeless_institutions:
                m.label = "Institution"  # 优质标志局 of 香港优质标志局: a listed institution named without its place
            if m.label == "GovernmentAgency" and ANAPHOR_BODY_RE.search(sh, m.start, m.end):
                continue  # 下一步我委: the report's own body by an anaphor, no name
            if m.label in ("Institution", "GovernmentAgency", "StandardsBody") and JOURNAL_AFTER_RE.match(sh, m.end):
                continue  # 中国科学院院刊, 中南大学学报: a journal named after its body, no body
            if m.label in ORG_LABELS and SITE_AFTER_RE.match(sh, m.end):
                continue  # 来源:科技部网站, 株洲政府门户网站: a body's web site names a source, not the body
            if m.label == "GovernmentAgency" and sh.endswith("办公室", m.start, m.end) and (owner := self._office_owner(sh, m.start, m.end - 3)) is not None:
                if owner == m.start:
                    continue  # 中科院标准化办公室, 数码港办公室, 园区办公室: a department or the premises of a body that is no government's
                m.start, m.text = owner, text[owner:m.end]  # 数码港与|政府资讯科技总监办公室: the office named after the conjunction
            if m.label == "Institution" and TASK_MEETING_RE.search(sh, m.start, m.end) and self.agency_lexicon.match(sh, m.start):
                m.label = "GovernmentAgency"  # 科技部科学园区审议会: a ministry's committee for a task
            if m.label == "Place" and _inside_title(sh, m.start) and LAW_TITLE_RE.match(sh, m.end):
                continue  # 《中华人民共和国标准化法》: the state as the law's legislator, no place the report is about
            if m.label in ORG_LABELS | {"Park", "Standard", "Place"} or not _inside_title(sh, m.start):
                chosen.append(m)
            elif m.label == "Award":
                # an award in a title (《关于授予2023年度（第五届）…的决定》) still states its year and edition
                m.needs_context = True
                m.attrs["in_title"] = True
                chosen.append(m)
        chosen = _join_subcommittees(text, sh, chosen)
        chosen = _split_joint_bodies(text, sh, chosen)
        chosen = _cut_departments(text, sh, chosen, self._body_type)
        chosen = bureau_divisions(sh, chosen)  # 经济及科技发展局牌照及|稽查厅: the bureau's division
        chosen = self._quoted_titles(text, sh, tok_starts, tok_ends, chosen)
        chosen = _join_sub_awards(text, sh, chosen)
        chosen = _quoted_award_lists(text, sh, chosen)
        chosen = _link_titled_standards(text, sh, chosen)
        chosen = _trim_to_attested(text, sh, chosen, self._glued_head(sh, tok_starts, tok_ends), frozenset(tok_ends))
        chosen = _join_intl_organs(text, sh, chosen)  # after the trim: 组织 of 国际标准化组织 reads as a verb
        extra, dropped = self.structural(text, sh, tok_starts, tok_ends, chosen)
        if extra:
            chosen = sorted([m for m in chosen if not any(m is d for d in dropped)] + extra, key=lambda m: (m.start, m.end))
        from .items import headed_list_mentions  # the members of 开发区…依次是A、B、C

        extra, dropped = headed_list_mentions(self, text, sh, tok_starts, tok_ends, chosen)
        if extra:
            keep = [m for m in chosen if not any(m is d for d in dropped)]
            chosen = sorted(keep + extra, key=lambda m: (m.start, m.end))
        # 国标委办〔2009〕3号, 苏经信科技〔2016〕222号: the issuer's code of a document number, no body in the prose
        return [m for m in chosen if not (m.label in ORG_LABELS and DOC_NUMBER_AFTER_RE.match(sh, m.end))]
