"""The first relation rules, written for composed sentences (one 660-line function): still run
after the newer families and being taken apart into them (issue 12).

From mentions in a sentence to the contract's 8 predicates.

Owns: sentence- and clause-level scoping, trigger lexicons (``kg/data/relations/triggers.json``),
coordination (A、B和C each get the relation), anaphors (我市, 全区 -> the report's own city or
park), qualifiers (year, edition, grade, count, role), and the evidence span and rule id of each
relation. Hands on ``Relation`` objects in ``doc._.kg_relations``. Must not: create entities other
than by reference to mentions, or read anything but the text and the mentions.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from typing import Any

from ...resources import load_tsv, read_text
from ...text import YEAR_NUM, normalise_name, sentences, to_int, to_year
from ..rules import GRADE_AFTER_RE, ORG_LABELS, Mention, _inside_title, _segment_start
from .base import Relation, RelationInput, register

RECIPIENTS = frozenset({"Company", "GovernmentAgency", "Institution", "Park", "Place", "Person"})
LEVELS = {"国际": "international", "国家": "national", "行业": "industry", "团体": "group", "地方": "local", "企业": "enterprise"}
COUNT_RE = re.compile(
    r"(?<![0-9一二三四五六七八九十百千零两])(?P<n1>[0-9]+|[一二三四五六七八九十百千零两]+)\**\s*项(?P<l1>国际|国家|行业|团体|地方|企业)标准"
    r"|(?P<l2>国际|国家|行业|团体|地方|企业)标准\s*(?:[(（][A-Za-z/]{2,8}[)）])?\s*\**(?P<n2>[0-9]+|[一二三四五六七八九十百千零两]+)\**\s*项"
)




register("legacy", {
    "award.as_title.v1": ("receivedAward", "legacy rule: see find_relations"),
    "award.distributed_grades.v1": ("receivedAward", "legacy rule: see find_relations"),
    "award.grade_back_reference.v1": ("receivedAward", "legacy rule: see find_relations"),
    "award.grade_granted.v1": ("receivedAward", "legacy rule: see find_relations"),
    "award.grade_list.v1": ("receivedAward", "legacy rule: see find_relations"),
    "award.holder_noun.v1": ("receivedAward", "legacy rule: see find_relations"),
    "award.report_topic.v1": ("receivedAward", "legacy rule: see find_relations"),
    "award.verb_clause.v1": ("receivedAward", "legacy rule: see find_relations"),
    "award.winners_named.v1": ("receivedAward", "legacy rule: see find_relations"),
    "award.won_by.v1": ("receivedAward", "legacy rule: see find_relations"),
    "award.won_unnamed.v1": ("receivedAward", "legacy rule: see find_relations"),
    "count.level_items.v1": ("standardsCount", "legacy rule: see find_relations"),
    "located.adjacent_places.v1": ("locatedIn", "legacy rule: see find_relations"),
    "located.area_has.v1": ("locatedIn", "legacy rule: see find_relations"),
    "located.bracket_place.v1": ("locatedIn", "legacy rule: see find_relations"),
    "located.built_by_place.v1": ("locatedIn", "legacy rule: see find_relations"),
    "located.counted_members.v1": ("locatedIn", "legacy rule: see find_relations"),
    "located.inside_park.v1": ("locatedIn", "legacy rule: see find_relations"),
    "located.park_anaphor.v1": ("locatedIn", "legacy rule: see find_relations"),
    "located.part_of.v1": ("locatedIn", "legacy rule: see find_relations"),
    "located.place_de_org.v1": ("locatedIn", "legacy rule: see find_relations"),
    "located.place_then_org.v1": ("locatedIn", "legacy rule: see find_relations"),
    "located.qizhong.v1": ("locatedIn", "legacy rule: see find_relations"),
    "located.sentence_frame.v1": ("locatedIn", "legacy rule: see find_relations"),
    "located.settles_in.v1": ("locatedIn", "legacy rule: see find_relations"),
    "located.subject_weiyu.v1": ("locatedIn", "legacy rule: see find_relations"),
    "located.subject_zai.v1": ("locatedIn", "legacy rule: see find_relations"),
    "located.suozai.v1": ("locatedIn", "legacy rule: see find_relations"),
    "located.weiyu_de.v1": ("locatedIn", "legacy rule: see find_relations"),
    "secretariat.host.v1": ("secretariatOf", "legacy rule: see find_relations"),
    "standard.applies.v1": ("appliesStandard", "legacy rule: see find_relations"),
    "standard.contributes.v1": ("contributedToStandard", "legacy rule: see find_relations"),
    "subsidiary.acquired.v1": ("subsidiaryOf", "legacy rule: see find_relations"),
    "subsidiary.bare_child.v1": ("subsidiaryOf", "legacy rule: see find_relations"),
    "subsidiary.branch_set_up.v1": ("subsidiaryOf", "legacy rule: see find_relations"),
    "subsidiary.built_on.v1": ("subsidiaryOf", "legacy rule: see find_relations"),
    "subsidiary.holds_list.v1": ("subsidiaryOf", "legacy rule: see find_relations"),
    "subsidiary.is_child_of.v1": ("subsidiaryOf", "legacy rule: see find_relations"),
    "subsidiary.later_clause.v1": ("subsidiaryOf", "legacy rule: see find_relations"),
    "subsidiary.lishu.v1": ("subsidiaryOf", "legacy rule: see find_relations"),
    "subsidiary.of_bare_group.v1": ("subsidiaryOf", "legacy rule: see find_relations"),
    "subsidiary.of_topic_firm.v1": ("subsidiaryOf", "legacy rule: see find_relations"),
    "subsidiary.qixia.v1": ("subsidiaryOf", "legacy rule: see find_relations"),
    "subsidiary.set_up_by.v1": ("subsidiaryOf", "legacy rule: see find_relations"),
    "subsidiary.yituo.v1": ("subsidiaryOf", "legacy rule: see find_relations"),
    "works_for.implied_body.v1": ("worksFor", "legacy rule: see find_relations"),
    "works_for.org_dept_role_person.v1": ("worksFor", "ORG + department + post + PERSON (the department kept in the role)"),
    "works_for.org_person.v1": ("worksFor", "legacy rule: see find_relations"),
    "works_for.org_person_role.v1": ("worksFor", "legacy rule: see find_relations"),
    "works_for.org_role_person.v1": ("worksFor", "legacy rule: see find_relations"),
    "works_for.person_is_post.v1": ("worksFor", "legacy rule: see find_relations"),
    "works_for.post_held_by.v1": ("worksFor", "legacy rule: see find_relations"),
    "works_for.sentence_firm.v1": ("worksFor", "legacy rule: see find_relations"),
    "works_for.topic_firm.v1": ("worksFor", "legacy rule: see find_relations"),
})


#: rules that, on real reports, give a government the award it grants (市政府决定授予…) or a place
#: the award of the firms it counts (全市N家企业获…省政府质量奖): a government's reading is
#: dropped, and a place's unless the title is one for places (…百强县, …示范城市, …示范区, …试点)
#: (real dev: 4 right of 40 such readings; the seeds' place titles all kept)
#: run_families drops this family's readings inside clauses a precise family claimed
LOOSE = True
NOT_FOR_PLACES = frozenset({"award.verb_clause.v1", "award.grade_back_reference.v1"})
PLACE_TITLE_RE = re.compile(r"城市|城区|[市县区省](?:[(（][^()（）]*[)）])?$|示范区|试点|之乡|名城|先行区|强[省市县区]|示范[市县区乡镇村]|集群|基地")


def _granted_to_a_place_in_error(m: Mention, award: str, rule: str) -> bool:
    """``award``: the award's name in the shadow text (Simplified), so 縣 reads as 县."""
    if m.label == "GovernmentAgency":
        return True
    # a grade read back to a place is mostly its own count (某市斩获金奖1项): kept
    return m.label == "Place" and rule == "award.verb_clause.v1" and not PLACE_TITLE_RE.search(award[-6:])


def _counted(r: Relation) -> bool:
    return r.qualifiers.get("count") is not None  # 某区斩获金奖2项: the place itself won (ANNOTATION.md)


def find(inp: RelationInput) -> list[Relation]:
    rels = find_relations(inp.sh, inp.mentions, inp.grades, written=inp.text)
    ms = inp.mentions
    return [r for r in rels if not (r.rule in NOT_FOR_PLACES and not _counted(r) and _granted_to_a_place_in_error(ms[r.subject], inp.sh[ms[r.object].start:ms[r.object].end], r.rule))]


@lru_cache(maxsize=1)
def triggers() -> dict[str, list[str]]:
    data = json.loads(read_text("relations", "triggers.json"))
    return {k: sorted(v, key=len, reverse=True) for k, v in data.items() if not k.startswith("_")}


def _has(text: str, words: list[str]) -> bool:
    return any(w in text for w in words)


class ReportContext:
    """What anaphors (我市, 全省, 该区, 园区) point to in one report: its most-named city, province, park."""

    def __init__(self, mentions: list[Mention], anaphors: list[str] | None = None) -> None:
        anaphors = anaphors or []
        counts: dict[str, Counter[int]] = {"city": Counter(), "province": Counter(), "park": Counter(), "county": Counter()}
        first: dict[str, int] = {}
        for i, m in enumerate(mentions):
            if m.label == "Park":
                key = "park"
            elif m.label == "Place" and "place" in m.attrs:
                key = m.attrs["place"]["level"]
                if key not in counts:
                    continue
            else:
                continue
            name = m.attrs.get("place", {}).get("name", m.text)
            counts[key][name] += 1
            first.setdefault(key + name, i)
        self.best: dict[str, int] = {}
        #: the firm or institution a recent sentence was about, for 该公司/该企业 (set while reading)
        self.last_org: int | None = None
        park_count = 0
        #: the park the report is about, if one park has most of the park mentions
        self.topic_park: int | None = None
        for key, c in counts.items():
            if c:
                name, n = max(c.items(), key=lambda kv: (kv[1], -first[key + kv[0]]))
                self.best[key] = first[key + name]
                if key == "park" and n * 2 > sum(c.values()):
                    self.topic_park = first[key + name]
                    park_count = n
        #: the province or city the report is about: the one named (or pointed at with 我省/我市)
        #: most often, at least three times
        self.topic_place: int | None = None
        level_counts = {}
        for key, words in (("province", ("我省", "全省", "本省")), ("city", ("我市", "全市", "本市")), ("county", ("我县", "全县", "本县"))):
            if key in self.best:
                level_counts[key] = max(counts[key].values()) + sum(1 for t in anaphors if t in words)
        if level_counts:
            specific = {"province": 0, "city": 1, "county": 2}
            key = max(level_counts, key=lambda k: (level_counts[k], specific[k]))
            if level_counts[key] >= 3:
                self.topic_place = self.best[key]
                if self.topic_park is not None and level_counts[key] > 2 * park_count:
                    self.topic_park = None  # a province's report that names one park often is still the province's

    def resolve(self, word: str) -> int | None:
        if word in ("我市", "全市", "本市", "该市"):
            return self.best.get("city")
        if word in ("我省", "全省", "本省", "该省"):
            return self.best.get("province")
        if word in ("我县", "全县", "本县", "该县"):
            return self.best.get("county")
        if word in ("园区", "该区", "全区", "我区", "本区", "新区"):
            return self.best.get("park", self.best.get("county"))
        return None


SITE_VERB_RE = re.compile(r"[“”\"]?(?:上马|开辟|建设|建立|设立|落户|投资|扎根|布局|建成|生产|设有|拥有|开工|投产|入驻|办厂|设厂|选址|揭牌|挂牌|启用|运行|运营)")
HAS_RE = re.compile(r"\s*(?:还|已|现|目前)?(?:共有|拥有|有|集聚了?|聚集了?|入驻了?|引进了?|汇聚了?)")
#: 2019年度…名单 / 2023年度（第八批）绿色制造名单: the year (group 1) and batch (group 2) of a list
LIST_YEAR_RE = re.compile(
    r"(" + YEAR_NUM + r")\s*年度?\s*(?:[(（]?\s*第([0-9一二三四五六七八九十]+)[批届][)）]?)?[^，,。；;]{0,20}?(?:名单|通报|榜单|评选|评估|评价|公示|公告)"
)
CLAUSE_YEAR_RE = re.compile(r"(?<![0-9])(" + YEAR_NUM + r")\s*年(?!度?(?:代|以前|前|的|至|到))度?")
YEAR_SPAN_RE = re.compile(r"\s*年?度?\s*(?:[至到~～\-—–]|以来)")


def _clause_year(text: str, start: int, end: int) -> int | None:
    """The year a sentence gives to what it says before ``end``: 2019年，田心高科园获批…;
    自2019年获批成为….  None where the year is part of a span (2017年至2020年, 由2017年的) or a
    date limit (截至2020年), or a clause break (；) lies between it and ``end``."""
    found = None
    for m in CLAUSE_YEAR_RE.finditer(text, start, end):
        before = text[max(start, m.start() - 2):m.start()]
        after = text[m.end(1):m.end(1) + 4]
        if YEAR_SPAN_RE.match(after) or re.search(r"由|从|到|(?<!截)至", before):
            continue
        if re.search(r"截[至止]", before) and not re.match(r"\s*年(?:底|末)", after):
            continue  # 截至2023年6月: a date limit, no year of its own; 截至2023年底 reports that year
        if re.search(r"[；;]", text[m.end():end]):
            continue
        found = to_year(m.group(1))
    return found


# …在A、B中排第81位: a place in a ranked list holds its title
RANKED_IN_RE = re.compile(r"[^，,。；;]{0,30}?中[，,]?\s*(?:排名?|位列|名列|位居|居)[^，,。；;]{0,16}?第")
PART_OF_AREA_RE = re.compile(r"(?:[东南西北中]{1,2}部|[东南西北]{1,2}|境内|一带|腹地|中心|核心区)(?=的)")
PART_OF_RE = re.compile(r"是(?P<p>[^，,。；;的]{2,20})的(?:重要|核心|主要)?(?:组成部分|一部分|核心区|主体部分)")
SETTLE_RE = re.compile(r"(?:成功|正式)?(?:落户|入驻|扎根|坐落于|坐落在|落地|安家|进驻|总部设在|总部位于|总部落户|设在|设于)(?:在|于|到)?")
AREA_ANAPHOR_HAS_RE = re.compile(r"(?:[^，,。；;]{0,6}[，,])?[^，,。；;]{0,6}?(?P<an>园区|该区|全区|我区|本区|全市|我市|本市|全县|我县)(?:内)?(?:现已|已|现|目前)?(?:入驻|落户|集聚|聚集|引进)?(?:的)?(?:企业|单位)?(?:有|包括|涵盖)")
BUILT_RE = re.compile(r"(?:成功)?(?:创建|建成|组建|筹建|设立|引进|落地)(?:了)?")
FRAME_TAIL_RE = re.compile(r"(?:[(（][^()（）]{1,16}[)）])?[，,]")
# X旗下的Y, X下属Y, X全资子公司Y, X控股的Y
SUBSIDIARY_AFTER_PARENT_RE = re.compile(r"(?:的)?(?:[二三]级子公司|全资子公司|控股子公司|子公司|孙公司|分公司|旗下|下属|所属|控股|全资)(?:的)?(?!拥有|有|包括|共有|现有|设有)")
#: X于2021年收购Y / Y系X投资设立 / Y由X出资组建: Y belongs to X
#: a sentence that opens on a bare 集团 (the group the report is about)
BARE_GROUP_RE = re.compile(r"\s*[“\"]?(?:集团|该集团|集团公司)(?![\u4e00-\u9fff]{0,6}(?:有限|股份))")
#: 集团在合肥设立的Y
SET_UP_IN_RE = re.compile(r"\s*在[\u4e00-\u9fff]{2,10}?(?:投资)?(?:设立|组建|成立|建设)的")
ACQUIRED_RE = re.compile(r"\s*(?:于[0-9]{4}年|已|先后|成功)?\s*(?:收购|并购|兼并|控股)(?:了)?")
SET_UP_BY_RE = re.compile(r"\s*(?:系|是|为|由)\s*")
SET_UP_TAIL_RE = re.compile(r"\s*(?:投资|出资|全资)?(?:设立|组建|创办|成立)")
#: X旗下拥有A、B 2家控股子公司: the listed firms are X's
HOLDS_RE = re.compile(r"\s*(?:旗下|目前|现)?(?:拥有|共有|现有|下辖|包括)")
HOLDS_TAIL_RE = re.compile(r"\s*(?:等)?\s*(?:[0-9一二三四五六七八九十两]+\s*[家个])?\s*(?:全资|控股)?(?:子公司|孙公司|成员企业|下属企业|企业)")
SUBSIDIARY_IS_RE = re.compile(r"(?:[(（][^)）]{0,20}[)）])?[，,]?(?:现|目前|已|现已)?(?:是|为|系|作为|成为)")
SUBSIDIARY_TAIL_RE = re.compile(r"(?:的)?(?:全资|控股)?(?:[二三]级子公司|子公司|附属公司|分公司|下属企业|下属单位|二级单位|控股企业|成员企业|所属企业|所属单位|分支机构|附属机构)|旗下(?:的)?(?:物业|企业|公司|酒店|品牌|成员)")
CLAUSE_BREAK_RE = re.compile(r"[，,；;。]")
SUBSIDIARY_LEAD_RE = re.compile(r"(?:(?:集团|公司|企业|其)(?:的)?)?(?:旗下|下属|所属)(?:的)?|(?:全资|控股)子公司|(?:^|[，,；;：:、])(?:旗下|下属)(?:的)?")
SUBSIDIARY_OF_TOPIC_RE = re.compile(r"(?:是|为|系)(?:集团|公司|该集团|该公司)的(?:二级单位|下属单位|下属企业|全资子公司|控股子公司|子公司|分公司|成员企业)")
LOCATIVE_BEFORE_RE = re.compile(r"(?:位于|地处|坐落于|落户|设在|在|于)$")
UNDER_AFTER_CLAUSE_RE = re.compile(r"[，,]\s*(?:隶属于|隶属|归属于)")
BRANCH_SET_UP_RE = re.compile(r"(?:集团|公司|该集团|该公司)(?:还|已|先后)?(?:在[^，,。；;]{2,8})?(?:设立|成立|组建|注册)了?")
AGENT_OF_MODIFIER_RE = re.compile(r"(?:牵头)?(?:组建|建设|成立|设立|投资|打造)的")
UNDER_RE = re.compile(r"(?:隶属于|隶属|归属于|挂靠)")
WON_UNNAMED_RE = re.compile(r"(?:获奖|获此殊荣|榜上有名|上榜|入围|入选|在(?:得奖|获奖)之列|名列其中|获得?(?:个人|组织|集体|单位)(?:类)?奖)(?!(?:企业|单位|组织|项目|产品)?(?:名单|名录))")


def _clause_end(text: str, pos: int, s1: int) -> int:
    """Where the clause holding ``pos`` ends: at the next ，；。 or the sentence end ``s1``."""
    m = CLAUSE_BREAK_RE.search(text, pos, s1)
    return m.start() if m else s1


def _clause_start(text: str, s0: int, pos: int) -> int:
    """Where the clause holding ``pos`` begins: after the last ，；。 since the sentence start ``s0``."""
    return max([s0] + [k.end() for k in CLAUSE_BREAK_RE.finditer(text, s0, pos)])
WINNERS_RE = re.compile(
    r"(?:得奖者|得奖单位|得主|获奖者|获奖单位|获奖企业|获奖组织)(?:分别)?(?:为|是|有|包括|[：:])"
    r"|(?:获得|荣获|获评)[^，,。；;]{0,24}?的(?:组织|企业|单位|个人)(?:分别)?(?:是|有|为|包括)?\s*[：:]"
    r"|(?:获得|荣获|获评)[^，,。；;]{0,24}?的(?:包括|有)"
)
GRADE_GRANTED_RE = re.compile(r"\s*(?:则|亦|也)?(?:颁予|颁给|授予|颁发给|由)")
BARE_CHILD_RE = re.compile(r"(?:^|(?<=[，,：:“\"]))(?:公司|企业|该公司|本公司|我们)(?:现在|目前|现)?(?:是|为|系)")
HOLDER_NOUN_RE = re.compile(r"(?:获得者|获奖者|得主)[、，,]?")
WINNERS_AFTER_AWARD_RE = re.compile(r"(?:[^，,。；;]{0,4})的(?:组织|企业|单位|个人|集体)(?:分别)?(?:为|是|有|包括|[：:])")
WINNERS_STOP_RE = re.compile(r"[；;。]|(?:得奖者|得主|获奖者)")
BY_WINNER_RE = re.compile(r"由(?P<who>(?:[^，,。；;由]|[，,](?=以及|及|和|与))"r"{2,80}?)(?:分别)?(?:获得|获颁|摘得|夺得)(?![了的]?[0-9一二三四五六七八九十])")
COUNTED_FIRMS_RE = re.compile(r"(?<![等0-9一二三四五六七八九十百千余多])[0-9一二三四五六七八九十百千余多]+\**\s*(?:家|个|户|所|名|批|项)[^，,。；;0-9]{0,8}?\**\s*(?:被|获|入选|荣获|成功|列入|纳入|入围)")
ASPIRE_RE = re.compile(r"(?:争创|申创|申报|争取|力争|冲刺|积极创建)[^，,。；;]{0,4}$")
#: 中国移动(湖南株洲)数据中心: the bracket is inside a longer name, not after a firm's name
BRACKET_IN_NAME_RE = re.compile(r"[\u4e00-\u9fff]{0,6}(?:中心|公司|基地|工厂|厂|研究院|研究所|分院|分所)")
#: …与Y（以下简称Z）共同主导制定: Y is a partner of the sentence's subject
PARTNER_VERB_RE = re.compile(r"(?:[(（][^()（）]{1,20}[)）])?\s*(?:联合|共同|合作|一起|一道)")
#: …，是Y的全资子公司: a clause with no subject of its own that names a parent
LATER_CLAUSE_IS_RE = re.compile(r"[，,]\s*(?:现|目前|也|还|同时)?(?:是|为|系)")
#: X依托Y建设: X was set up on Y (a body's institute, a firm's lab)
BUILT_ON_RE = re.compile(r"\s*依托")
PLACE_DE_RE = re.compile(r"(?:[(（][^()（）]{1,20}[)）])?的")
INSIDE_PARK_RE = re.compile(r"(?:^|(?<=[，,。；;：:\s]))(?:园区|区|园)内(?:的|，)?")
PARK_ANAPHOR_RE = re.compile(r"(?<![业工技科高经开发新产城矿])(?:全区|该区|园区|区内|我区|本区)(?![县市])")
COUNTED_RE = re.compile(r"(?<![0-9一二三四五六七八九十两])[0-9一二三四五六七八九十两]+\s*(?:项|家|个)")


ANAPHOR_RE = re.compile(r"我市|全市|本市|该市|我省|全省|本省|该省|园区|该区|全区|我区|本区|我县|全县|本县|该县")


def find_relations(text: str, mentions: list[Mention], grades: list[tuple[int, int, str]], written: str | None = None) -> list[Relation]:
    """All relations the rules find in ``text`` given its ``mentions`` (sorted by start)."""
    trig = triggers()
    ctx = ReportContext(mentions, ANAPHOR_RE.findall(text))
    memo: dict[int, dict[str, Any]] = {}

    def award_context(a: int) -> dict[str, Any]:
        """``_award_context`` once per award mention (it scans the mentions before it)."""
        if a not in memo:
            memo[a] = _award_context(mentions, a)
        return dict(memo[a])

    org_by_end = {m.end: i for i, m in enumerate(mentions) if m.label in ORG_LABELS}
    prev_area: int | None = None
    rels: list[Relation] = []
    starts = [m.start for m in mentions]
    last_award: int | None = None
    last_topic: int | None = None
    last_topic_fresh = False  # was last_topic set by the sentence just before?
    import bisect

    for s0, s1 in sentences(text):
        lo = bisect.bisect_left(starts, s0)
        hi = bisect.bisect_left(starts, s1)
        idx = list(range(lo, hi))
        sent = text[s0:s1]
        ev = (s0, s1)
        if not idx and not COUNT_RE.search(sent):
            continue
        orgs = [i for i in idx if mentions[i].label in ORG_LABELS]

        # -- worksFor: [ORG][ROLE] PERSON, chained with 、 -------------------------------
        for i in idx:
            m = mentions[i]
            if m.label != "Person":
                continue
            _works_for(text, mentions, i, rels, ev, written if written is not None else text, ctx, org_by_end)
            _is_post_of(text, mentions, i, rels, ev, written if written is not None else text)
            _post_held_by(text, mentions, i, rels, ev, written if written is not None else text)

        # -- receivedAward ---------------------------------------------------------------
        awards = [i for i in idx if mentions[i].label == "Award"]
        for a in awards:
            am = mentions[a]
            subj = _award_subject(text, mentions, idx, a, trig, ctx, s0)
            rule = "award.verb_clause.v1"
            if subj is None and re.fullmatch(r"\s*作为\s*[“\"]?", text[_clause_start(text, s0, am.start):am.start]) and re.match(r"[”\"]?\s*[，,]", text[am.end:am.end + 2]):
                # 作为国家级专精特新“小巨人”企业，锦润厨具…: the title the next clause's subject holds
                nxt = _clause_end(text, am.end, s1)
                subj = next((i for i in idx if nxt < mentions[i].start <= nxt + 3 and mentions[i].label in ("Company", "Institution", "Park")), None)
                rule = "award.as_title.v1"
            if subj is None and not am.attrs.get("honour_list"):
                subj = _topic_recipient(text, mentions, idx, a, trig, ctx, s0)
                rule = "award.report_topic.v1"
            if subj is None and am.attrs.get("honour_list"):
                # 集A、B等16项国家级荣誉于一身的高新区: the holder is the sentence's subject, or the park it is about
                holders = [i for i in idx if mentions[i].label in RECIPIENTS and mentions[i].end <= am.start]
                subj = holders[0] if holders else (ctx.resolve("园区") if re.search(r"高新区|开发区|园区|这里", sent) else None)
            if subj is not None:
                q = {k: am.attrs.get(k) for k in ("year", "edition", "grade")}
                if q["edition"] is None:
                    # 《关于表彰第七届X奖获奖组织的决定》，授予A X奖: the edition its sentence gave the award
                    same = [m for m in mentions[:a] if m.label == "Award" and m.start >= s0 and m.attrs.get("edition") is not None and _same_award(m.text, am.text)]
                    if same:
                        q["edition"] = same[-1].attrs["edition"]
                if q["edition"] is None:
                    # 第二届XX奖…名单公布。A获XX奖: the one edition the report states for the award
                    editions = {m.attrs.get("edition") for m in mentions if m.label == "Award" and m.attrs.get("edition") is not None and _same_award(m.text, am.text)}
                    if len(editions) == 1:
                        q["edition"] = editions.pop()
                if q["year"] is None:
                    # the year of the award's list: 2019年度…名单/通报 earlier in the sentence
                    ly = LIST_YEAR_RE.search(text, s0, am.start)
                    if ly:
                        q["year"] = to_year(ly.group(1))
                        if q["edition"] is None and ly.group(2):
                            q["edition"] = to_int(ly.group(2))
                    else:
                        q["year"] = _clause_year(text, s0, am.start)
                if q["year"] is None:
                    # 2023年度XX奖名单 in a heading, then A获XX奖: the one year the report gives the award
                    years = {m.attrs.get("year") for m in mentions if m.label == "Award" and m.attrs.get("year") is not None and _same_award(m.text, am.text)}
                    if len(years) == 1:
                        q["year"] = years.pop()
                if q["edition"] is None and q["year"] is not None:
                    # two editions named, one of them in the year this sentence gives (第七届（2023年度）
                    # in the heading, 2019年…第五届 later): the edition of that year
                    editions = {m.attrs["edition"] for m in mentions if m.label == "Award" and m.attrs.get("edition") is not None and m.attrs.get("year") == q["year"] and _same_award(m.text, am.text)}
                    if len(editions) == 1:
                        q["edition"] = editions.pop()
                for holder in _coordinated(text, mentions, idx, subj):
                    rels.append(Relation(holder, "receivedAward", a, rule, ev, q))
                am.attrs["conferred"] = True
            elif am.needs_context and _has(own_clause := text[_clause_start(text, s0, am.start):am.start], trig["award"]) and not COUNTED_FIRMS_RE.search(own_clause):
                # 工程机械产业入选国家先进制造业集群: conferred, on a holder that is no entity
                am.attrs["conferred"] = True
            elif am.needs_context and ASPIRE_RE.search(text, max(s0, am.start - 8), am.start) and not re.search(r"一批|一系列|若干|多家|更多$", text[max(s0, am.start - 4):am.start]):
                # 争创全国质量强区示范城区: a title named as a goal is an award, though not (yet) won
                am.attrs["conferred"] = True
            if not am.needs_context:
                last_award = a
        # 全国五一劳动奖章获得者、北垦农机首席技师尚德刚: the person the holder noun describes
        for a in awards:
            am = mentions[a]
            if am.attrs.get("in_title"):
                continue
            hm = HOLDER_NOUN_RE.match(text, am.end)
            if hm is not None:
                from_ = hm.end()
            elif text[am.end:am.end + 1] == "、" and not _has(text[_clause_start(text, s0, am.start):am.start], trig["award"]):
                from_ = am.end + 1  # 全国劳动模范、桂通车桥首席技师莫建华说: a title worn before the posts
            else:
                continue
            stop = _clause_end(text, from_, s1)
            person = next((i for i in idx if mentions[i].label == "Person" and from_ <= mentions[i].start < min(stop, from_ + 30)), None)
            if person is not None and (_has(text[from_:mentions[person].start], trig["award"]) or any(
                mentions[k].label == "Award" for k in idx if from_ <= mentions[k].start < mentions[person].start
            )):
                person = None  # another title or a verb in between: not this one's holder
            if person is not None:
                q = {k: am.attrs.get(k) for k in ("year", "edition", "grade")}
                rels.append(Relation(person, "receivedAward", a, "award.holder_noun.v1", ev, q))
        # 得奖者为A、B；由C获得: the winners of the award the report named last
        if last_award is not None:
            q = award_context(last_award)
            for wm in WINNERS_RE.finditer(text, s0, s1):
                stop = min([k.start() for k in WINNERS_STOP_RE.finditer(text, wm.end(), s1)] or [s1])
                qq = dict(q)
                # 获得提名奖的组织有：E、F: the grade the clause names
                g = next((g for g in grades if _clause_start(text, s0, wm.start()) <= g[0] < wm.end()), None)
                if g is not None:
                    qq["grade"] = g[2]
                for i in idx:
                    m = mentions[i]
                    if wm.end() <= m.start < stop and m.label in ("Company", "Institution", "Person", "GovernmentAgency"):
                        rels.append(Relation(i, "receivedAward", last_award, "award.winners_named.v1", ev, qq))
            for bm_ in BY_WINNER_RE.finditer(text, s0, s1):
                qq = dict(q)
                # 金奖由A、B夺得: the grade named just before 由
                g = next((g for g in grades if re.fullmatch(r"\s*(?:则|均|分别)?\s*", text[g[1]:bm_.start()])), None)
                if g is not None:
                    qq["grade"] = g[2]
                for i in idx:
                    m = mentions[i]
                    if bm_.start("who") <= m.start and m.end <= bm_.end("who") and m.label in ("Company", "Institution", "Person") and not _in_bracket(text, bm_.start("who"), m.start):
                        rels.append(Relation(i, "receivedAward", last_award, "award.won_by.v1", ev, qq))
            # 另一项优异奖则颁予A: the grade goes to the recipients after the granting verb
            for g0, g1, grade in grades:
                gv = GRADE_GRANTED_RE.match(text, g1)
                if gv is None or not (s0 <= g0 < s1):
                    continue
                stop = _clause_end(text, gv.end(), s1)
                for i in idx:
                    if gv.end() <= mentions[i].start < stop and mentions[i].label in ("Company", "Institution", "Person"):
                        qq = dict(q)
                        qq["grade"] = grade
                        rels.append(Relation(i, "receivedAward", last_award, "award.grade_granted.v1", ev, qq))
        # A、B获奖 / 榜上有名 with the award named just before (…省长质量奖评审结果揭晓，A、B获奖)
        if last_award is not None and mentions[last_award].start >= s0 - 300:
            for wm in WON_UNNAMED_RE.finditer(text, s0, s1):
                if any(wm.end() <= mentions[k].start < _clause_end(text, wm.end(), s1) for k in awards):
                    continue  # the clause names its award: the rules above read it
                before = wm.start()
                if text[s0:before].rstrip().endswith(("）", ")")):
                    # A（X公司董事长）、B（…）获得个人奖: the holder stands before the bracket
                    before = max(text.rfind("（", s0, before), text.rfind("(", s0, before))
                holders = [i for i in idx if mentions[i].end <= before and mentions[i].label in RECIPIENTS and not _is_granter(text, mentions, i)]
                if re.match(r"的\s*[0-9一二三四五六七八九十百]*\s*[家个名]?\s*(?:企业|单位|组织|公司)", text[wm.end():wm.end() + 12]):
                    continue  # 在湖南入围的24家企业中: an attribute of the firms counted, no one's win
                gap = text[mentions[holders[-1]].end:before] if holders else ""
                if holders and mentions[holders[-1]].label == "Place" and re.search(r"企业|单位|组织", gap):
                    continue  # 昆明市3家企业上榜: the place counts its firms, it wins nothing (ANNOTATION.md)
                if holders and re.fullmatch(r"\s*(?:等?[0-9一二三四五六七八九十]*[家个名项人]?(?:企业|单位|组织)?)?\s*(?:分别|均|都|也|同时)?\s*", gap):
                    q = award_context(last_award)
                    for holder in _coordinated(text, mentions, idx, holders[-1]):
                        rels.append(Relation(holder, "receivedAward", last_award, "award.won_unnamed.v1", ev, dict(q)))
        # grade words standing alone point back to the award named last (其中，X…一等奖)
        # A、B…分别获二等奖和三等奖: the grades go to the holders in order
        paired: set[int] = set()
        if last_award is not None:
            for dm in re.finditer(r"分别", text[s0:s1]):
                d0 = s0 + dm.start()
                c0 = max([s0] + [k.end() for k in GRADE_CLAUSE_RE.finditer(text, s0, d0)])
                c1 = _clause_end(text, d0, s1)
                holders = [i for i in idx if c0 <= mentions[i].start < d0 and mentions[i].label in RECIPIENTS and not _locative(text, mentions, i, s0)]
                mine = [g for g in grades if d0 < g[0] < c1]
                # A、B分别荣获市长质量奖和提名奖: an award named in the list is an item too (no grade)
                named = [(mentions[k].start, None, None) for k in awards if d0 < mentions[k].start < c1 and not any(g[0] <= mentions[k].start < g[1] for g in mine)]
                items = sorted(mine + named) if mine else []
                if len(holders) >= 2 and len(holders) == len(items):
                    context = award_context(last_award)
                    for h, (g0, _, grade) in zip(holders, items):
                        if grade is None:
                            continue  # the award itself: the verb-clause rule gave it, with no grade
                        rels.append(Relation(h, "receivedAward", last_award, "award.distributed_grades.v1", ev, {"year": context["year"], "edition": context["edition"], "grade": grade}))
                        paired.add(g0)
        for g0, g1, grade in grades:
            if not (s0 <= g0 < s1) or last_award is None or g0 in paired:
                continue
            if any(mentions[a].start <= g0 < mentions[a].end + 4 for a in awards):
                continue
            if GRADE_GRANTED_RE.match(text, g1) or HOLDER_NOUN_RE.match(text, g1) or re.match(r"(?:得主|获得者|获奖者|的(?:组织|企业|单位))", text[g1:g1 + 5]):
                continue  # 银奖得主为A / 金奖由A夺得 / 优异奖则颁予A: the winners follow, read above
            listed = GRADE_LIST_RE.match(text, g1)
            if listed:
                # 其中一等奖2项：A、B；二等奖…: the members listed after the colon hold that grade
                stop = min([k.start() for k in re.finditer(r"[；;。]", text[listed.end():s1])] or [s1 - listed.end()]) + listed.end()
                members = [i for i in idx if listed.end() <= mentions[i].start < stop and mentions[i].label in RECIPIENTS]
                context = award_context(last_award)
                for r in members:
                    rels.append(Relation(r, "receivedAward", last_award, "award.grade_list.v1", ev, {"year": context["year"], "edition": context["edition"], "grade": grade}))
                continue
            cands = [i for i in idx if mentions[i].label in RECIPIENTS and mentions[i].end <= g0 and not _is_granter(text, mentions, i) and not _bracketed_place(text, mentions, i) and mentions[i].rule != "person.byline.v1"]
            if COUNTED_FIRMS_RE.search(text, max([s0] + [k.end() for k in GRADE_CLAUSE_RE.finditer(text, s0, g0)]), g0):
                continue  # 其中31项获得金质奖: counted entries, no named holder
            if cands:
                # coordination: every recipient of the grade's own clause (X、Y等2项专利获二等奖);
                # none from an earlier clause (华晟动力获一等奖，A、B等3家企业获二等奖)
                clause_start = max([s0] + [k.end() for k in GRADE_CLAUSE_RE.finditer(text, s0, g0)])
                tally = re.match(r"\s*[0-9一二三四五六七八九十两百]+\s*(?:项|个|家|间|名|人|件)", text[g1:g1 + 6])
                # 其中金奖3间: a tally names no holder, so none is taken from an earlier clause
                group = [i for i in cands if mentions[i].start >= clause_start and not _locative(text, mentions, i, s0)] or ([] if tally else [cands[-1]])
                if not group:
                    continue
                context = award_context(last_award)
                own_year = _clause_year(text, max(s0, min(mentions[r].start for r in group)), g0)  # 继2019年获得提名奖
                for r in group:
                    q = {"year": own_year or context["year"], "edition": None if own_year and own_year != context["year"] else context["edition"], "grade": grade}
                    rels.append(Relation(r, "receivedAward", last_award, "award.grade_back_reference.v1", ev, q))

        # -- locatedIn -------------------------------------------------------------------
        for j in range(len(idx) - 1):
            a, b = mentions[idx[j]], mentions[idx[j + 1]]
            if a.label == "Place" and b.label in ("Place", "Park") and b.start == a.end:
                pa, pb = a.attrs.get("place", {}), b.attrs.get("place", {})
                if b.label == "Park" or pb.get("parent") == pa.get("name") or _level(pa) < _level(pb):
                    rels.append(Relation(idx[j + 1], "locatedIn", idx[j], "located.adjacent_places.v1", ev))
        located = ORG_LABELS | {"Park"}
        # X所在的P: X lies in P (西彭精铝所在的西彭铝产业园区)
        for j in range(len(idx) - 1):
            a, b = mentions[idx[j]], mentions[idx[j + 1]]
            if a.label in ORG_LABELS and b.label in ("Park", "Place") and re.fullmatch(r"所在的?", text[a.end:b.start]):
                rels.append(Relation(idx[j], "locatedIn", idx[j + 1], "located.suozai.v1", ev))
        # P的 + firm (宜兰县的兰阳食品股份有限公司, 大埔的嘉丰食品有限公司): the firm of that place
        for j in range(len(idx) - 1):
            a = mentions[idx[j]]
            gap = PLACE_DE_RE.match(text, a.end)  # P（前称Q）的X too
            if a.label not in ("Place", "Park") or gap is None or text[a.start - 2:a.start] in ("位于", "地处"):
                continue
            k = next((k for k in idx[j + 1:] if mentions[k].start == gap.end()), None)
            if k is not None and (mentions[k].label in ("Company", "Institution") or (mentions[k].label == "Park" and a.label == "Place")):
                rels.append(Relation(k, "locatedIn", idx[j], "located.place_de_org.v1", ev))
        # firm（P）: a bracket holding only the firm's place (云南沾益硅业有限公司（沾益区）)
        for j in range(len(idx) - 1):
            a, b = mentions[idx[j]], mentions[idx[j + 1]]
            if a.label in ("Company", "Institution") and b.label in ("Place", "Park") and re.fullmatch(r"\s*[(（]\s*", text[a.end:b.start]):
                inner = [k for k in idx[j + 1:] if mentions[k].label in ("Place", "Park") and mentions[k].start < b.start + 12]
                last = inner[-1] if inner else idx[j + 1]
                close = re.match(r"\s*[)）]", text[mentions[last].end:])
                if close and not BRACKET_IN_NAME_RE.match(text, mentions[last].end + close.end()) and all(mentions[k].end == mentions[k2].start for k, k2 in zip(inner, inner[1:])):
                    rels.append(Relation(idx[j], "locatedIn", last, "located.bracket_place.v1", ev))
        # P + firm, side by side (炎陵县全康电子): the firm of that place
        for j in range(len(idx) - 1):
            a, b = mentions[idx[j]], mentions[idx[j + 1]]
            if a.label == "Place" and b.label in ("Company", "Institution") and b.start == a.end and "alias_of" not in b.attrs:
                rels.append(Relation(idx[j + 1], "locatedIn", idx[j], "located.place_then_org.v1", ev))
        # P (or 我市) 成功创建/建成/组建 X: the body it set up lies in it
        for bm_ in BUILT_RE.finditer(text, s0, s1):
            clause_start = _clause_start(text, s0, bm_.start())
            builder = None
            an = ANAPHOR_RE.search(text, clause_start, bm_.start())
            places = [i for i in idx if clause_start <= mentions[i].start and mentions[i].end <= bm_.start() and mentions[i].label in ("Place", "Park")]
            if places:
                builder = places[-1]
            elif an:
                builder = ctx.resolve(an.group(0))
            if builder is None or any(clause_start <= mentions[i].start < bm_.start() and mentions[i].label in ORG_LABELS for i in idx):
                continue
            built = next((i for i in idx if mentions[i].start == bm_.end() and mentions[i].label in ("Institution", "Company", "Park")), None)
            if built is not None and built != builder:
                rels.append(Relation(built, "locatedIn", builder, "located.built_by_place.v1", ev))
        # 在P，…: a sentence framed by a place sets its parks and bodies in it
        if text.startswith("在", s0):
            # 在衡阳，…; 在合肥高新技术产业开发区（简称合肥高新区），…: the sentence is set in P
            where = next((i for i in idx if mentions[i].start == s0 + 1 and mentions[i].label in ("Place", "Park")), None)
            frame = FRAME_TAIL_RE.match(text, mentions[where].end) if where is not None else None
            if frame:
                for i in idx:
                    if mentions[i].start > frame.end() and mentions[i].label in ("Park", "Institution", "Company"):
                        rels.append(Relation(i, "locatedIn", where, "located.sentence_frame.v1", ev))
        # P 有/拥有/共有/集聚 … A、B: what an area has lies in it (园区入选的企业有 A、B)
        areas = [i for i in idx if mentions[i].label in ("Park", "Place") and mentions[i].start - s0 <= 12]
        area, hm = None, None
        if areas:
            area = areas[0]
            hm = HAS_RE.match(text, mentions[area].end, s1)
        else:
            # 目前，园区入驻企业有A、B: the anaphor names the area
            am_ = AREA_ANAPHOR_HAS_RE.match(text, s0)
            if am_ and ctx.resolve(am_.group("an")) is not None:
                area, hm = ctx.resolve(am_.group("an")), am_
        if area is not None:
            if hm:
                for i in idx:
                    if mentions[i].start >= hm.end() and mentions[i].label in located and i != area:
                        rels.append(Relation(i, "locatedIn", area, "located.area_has.v1", ev))
        # S …在 P(+P) …: the sentence's subject acts in that place
        subj0 = next((i for i in idx if mentions[i].label in located and mentions[i].start - s0 <= 12), None)
        if subj0 is not None:
            # 依托A建设的B，…在P揭牌: A only qualifies the subject B
            head = next((i for i in idx if mentions[i].start > mentions[subj0].end and mentions[i].label in located), None)
            if head is not None and re.fullmatch(r"(?:建设|组建|设立|投资|打造|牵头|主导|创办|成立|共建|联合共建)的", text[mentions[subj0].end:mentions[head].start]):
                subj0 = head
        for mm in re.finditer(r"(?<![存现实所正])在", sent):
            p0 = s0 + mm.end()
            if subj0 is None or mentions[subj0].end > s0 + mm.start():
                break
            if re.search(r"[；;]", text[mentions[subj0].end:s0 + mm.start()]):
                break  # …；集团还在鞍山设立了…: another segment, another subject
            chain, pos = [], p0
            for i in idx:
                # 在株洲市荷塘区, 在臺中市的中部科學園區: places side by side or joined by 的
                if mentions[i].label in ("Place", "Park") and mentions[i].start == pos:
                    chain.append(i)
                    pos = mentions[i].end
                elif chain and mentions[i].label in ("Place", "Park") and mentions[i].start == pos + 1 and text[pos] == "的":
                    chain = [i]  # P的Q: the subject is in Q, which lies in P
                    pos = mentions[i].end
            if chain:
                skip = re.match(r"[(（][^()（）]{1,20}[)）]", text[pos:pos + 22])  # P（简称Q）设有
                if skip:
                    pos += skip.end()
            if not chain or not SITE_VERB_RE.match(text, pos):
                continue
            for c in chain:
                rels.append(Relation(subj0, "locatedIn", c, "located.subject_zai.v1", ev))
            if chain:
                break
        # S …落户/入驻/扎根 P: the sentence's subject settles in that place
        for mm in SETTLE_RE.finditer(text, s0, s1):
            if subj0 is None or mentions[subj0].end > mm.start():
                break
            if ORG_ANAPHOR_RE.search(text, _clause_start(text, s0, mm.start()), mm.start()):
                continue  # …，该集团总部位于P: the group, not the sentence's subject (read nowhere yet)
            target = next((i for i in idx if mentions[i].start == mm.end() and mentions[i].label in ("Place", "Park")), None)
            while target is not None:  # 总部位于沈阳市铁西区: the most specific place of the chain
                nxt = next((i for i in idx if mentions[i].start == mentions[target].end and mentions[i].label in ("Place", "Park")), None)
                if nxt is None and text[mentions[target].end:mentions[target].end + 1] == "的":
                    # 落户伊金霍洛旗的蒙苏经济开发区: the park in that place
                    nxt = next((i for i in idx if mentions[i].start == mentions[target].end + 1 and mentions[i].label == "Park"), None)
                if nxt is None:
                    break
                target = nxt
            if target is not None and re.match(r"的", text[mentions[target].end:mentions[target].end + 1]) and any(
                mentions[i].start == mentions[target].end + 1 and mentions[i].label in ORG_LABELS for i in idx
            ):
                continue  # 以及总部设于观塘的B: the verb belongs to B's modifier, not to the subject
            if target is not None and target != subj0:
                rels.append(Relation(subj0, "locatedIn", target, "located.settles_in.v1", ev))
        for mm in re.finditer(r"位于|地处|隶属于|隶属|坐落于|总部设在|总部设于|总部位于|(?<![存现实所正])在(?=[^，,。；;]{2,16}的)", sent):
            p0 = s0 + mm.end()
            places = [i for i in idx if mentions[i].start >= p0 and mentions[i].label in ("Place", "Park")]
            chain = []
            pos = p0
            for i in places:
                if mentions[i].start == pos:
                    chain.append(i)
                    pos = mentions[i].end
            if not chain:
                continue
            rest = text[pos:s1]
            bracket = re.match(r"[(（][^()（）]{1,20}[)）]", rest)  # 位于新竹科学园区（简称竹科）的…
            if bracket:
                pos += bracket.end()
                rest = text[pos:s1]
            part = PART_OF_AREA_RE.match(rest)  # 地处浙江省西南部的松阳县
            if part:
                pos += part.end()
                rest = text[pos:s1]
            # a place can lie in a place (the county in its province), a body or park in either
            holders = ORG_LABELS | {"Park"} | ({"Place"} if mentions[chain[-1]].label == "Place" else set())
            if rest.startswith("的"):
                after = [i for i in idx if mentions[i].start == pos + 1 and mentions[i].label in holders]
                for i in after:
                    rels.append(Relation(i, "locatedIn", chain[-1], "located.weiyu_de.v1", ev))
            else:
                before = [i for i in idx if mentions[i].end <= s0 + mm.start() and mentions[i].label in holders]
                if before and re.search(r"[，,]\s*(?:并|且|也|还|目前|现)?$", text[s0:s0 + mm.start()]):
                    # X是Y的控股子公司，位于P: a clause with no subject of its own speaks of X
                    firsts = [i for i in before if mentions[i].start - s0 < 30 and mentions[i].label in ("Company", "Institution")]
                    before = firsts[:1] or before
                if before and before[-1] != chain[-1]:
                    rels.append(Relation(before[-1], "locatedIn", chain[-1], "located.subject_weiyu.v1", ev))

        # 区内的X / 园区内的X, Y: the firms the clause names are in the park named just before
        for am_ in INSIDE_PARK_RE.finditer(text, s0, s1):
            near = [k for k in range(bisect.bisect_left(starts, am_.start()) - 1, -1, -1) if mentions[k].label == "Park"][:1]
            if not near or am_.start() - mentions[near[0]].end > 200:
                continue
            c1 = min([p for p in (text.find(c, am_.end(), s1) for c in "，,。；;！？\n") if p >= 0] or [s1])
            for i in idx:
                if mentions[i].label in ("Company", "Institution") and am_.end() <= mentions[i].start and mentions[i].end <= c1:
                    rels.append(Relation(i, "locatedIn", near[0], "located.inside_park.v1", ev))
        # an anaphor of the report's park (吹响全区…, 园区企业…): the firms of the sentence are in it
        park = ctx.topic_park
        if park is not None:
            for am_ in PARK_ANAPHOR_RE.finditer(text, s0, s1):
                if any(mentions[k].start <= am_.start() < mentions[k].end for k in idx) or _inside_title(text, am_.start()):
                    continue  # 园区 inside a name or a 《title》
                c0 = _segment_start(text, am_.start(), "，,。；;：:！？\n", ) + 1
                c1 = min([p for p in (text.find(c, am_.end(), s1) for c in "，,。；;！？\n") if p >= 0] or [s1])
                for i in idx:
                    if mentions[i].label == "Company" and c0 <= mentions[i].start and mentions[i].end <= c1:
                        rels.append(Relation(i, "locatedIn", park, "located.park_anaphor.v1", ev))
        # P…N项/家…。其中，A…、B…: the members named after 其中 belong to the area counted before
        if prev_area is not None and re.match(r"\s*其中", sent):
            for i in idx:
                if mentions[i].label in ("Company", "Institution"):
                    rels.append(Relation(i, "locatedIn", prev_area, "located.qizhong.v1", ev))
        # the area a clause counts for (株洲高新区4项专利上榜, 潍坊市斩获金奖1项): its subject
        prev_area = None
        for counted in COUNTED_RE.finditer(text, s0, s1):
            c0 = _clause_start(text, s0, counted.start())
            subjects0 = [i for i in idx if mentions[i].label in ("Park", "Place") and c0 <= mentions[i].start <= c0 + 4 and mentions[i].end <= counted.start()]
            if subjects0 and re.search(r"(?:位于|地处)$", text[c0:mentions[subjects0[0]].start]):
                # 位于柳州市东部的柳东新区有两家企业上榜: the area after the modifier counts
                after = [i for i in idx if mentions[i].label in ("Park", "Place") and mentions[subjects0[0]].end < mentions[i].start and mentions[i].end <= counted.start()
                         and re.fullmatch(r"[^，,。；;]{0,6}的", text[mentions[subjects0[0]].end:mentions[i].start])]
                subjects0 = after[:1]
            if subjects0:
                prev_area = subjects0[0]
                # …共有6项专利获奖：A获一等奖，B…: the members after the colon belong to it
                colon = re.compile(r"[：:]").search(text, counted.end(), s1)
                if colon and not CLAUSE_BREAK_RE.search(text, counted.end(), colon.start()):
                    for i in idx:
                        if mentions[i].start >= colon.end() and mentions[i].label in ("Company", "Institution"):
                            rels.append(Relation(i, "locatedIn", prev_area, "located.counted_members.v1", ev))
                break

        # X…是P的重要组成部分: X lies in P
        for pm_ in PART_OF_RE.finditer(text, s0, s1):
            where = next((i for i in idx if mentions[i].start == pm_.start("p") and mentions[i].label in ("Park", "Place")), None)
            holder = subj0 if subj0 is not None else next((i for i in idx if mentions[i].label in ("Park", "Place") and mentions[i].start - s0 <= 12), None)
            if where is not None and holder is not None and holder != where and mentions[holder].end <= pm_.start():
                rels.append(Relation(holder, "locatedIn", where, "located.part_of.v1", ev))

        # -- subsidiaryOf: 依托X建设的Y, X旗下的Y ------------------------------------------
        for mm in re.finditer(r"依托|由", sent):
            p0 = s0 + mm.end()
            parent = next((i for i in idx if mentions[i].start == p0 and mentions[i].label in ORG_LABELS), None)
            if parent is None:
                continue
            tail = re.match(r"[^，,。；;]{0,12}?(?:建设|筹建|组建|打造|建立|成立)(?:的)?", text[mentions[parent].end:s1])
            if tail:
                q0 = mentions[parent].end + tail.end()
                child = next((i for i in idx if mentions[i].start == q0 and mentions[i].label in ORG_LABELS), None)
                if child is not None:
                    rels.append(Relation(child, "subsidiaryOf", parent, "subsidiary.yituo.v1", ev))
        for i in orgs:
            m = mentions[i]
            nxt = SUBSIDIARY_AFTER_PARENT_RE.match(text, m.end, s1)
            if nxt:
                child = next((k for k in orgs if mentions[k].start == nxt.end()), None)
                if child is not None and child != i:
                    rels.append(Relation(child, "subsidiaryOf", i, "subsidiary.qixia.v1", ev))
            # 集团下属的Y / 旗下Y / 全资子公司Y with no parent named: the firm the text is about
            lead = SUBSIDIARY_LEAD_RE.search(text, max(s0, m.start - 10), m.start)
            if lead and lead.end() == m.start and m.label in ("Company", "Institution"):
                # the firm its sentence opened on (…，X牵头起草了…，其控股子公司Y…), else the text's
                opener = next((k for k in orgs if mentions[k].label in ("Company", "Institution") and mentions[k].start - s0 < 30 and mentions[k].end <= lead.start()), None)
                parent = opener if opener is not None else ctx.last_org
                named_parent = any(
                    mentions[k].start < lead.start() + 1 <= mentions[k].end
                    or (mentions[k].end <= lead.start() and re.fullmatch(r"的?", text[mentions[k].end:lead.start()]))
                    for k in orgs if k != i
                )
                if parent is not None and parent != i and not named_parent:  # X的全资子公司Y: X is named
                    rels.append(Relation(i, "subsidiaryOf", parent, "subsidiary.of_topic_firm.v1", ev))
            branch = BRANCH_SET_UP_RE.search(text, max(s0, m.start - 16), m.start)
            if branch and branch.end() == m.start and ctx.last_org is not None and ctx.last_org != i and m.label == "Company":
                rels.append(Relation(i, "subsidiaryOf", ctx.last_org, "subsidiary.branch_set_up.v1", ev))
            part = SUBSIDIARY_OF_TOPIC_RE.match(text, m.end, s1)
            if part and ctx.last_org is not None and ctx.last_org != i and m.label in ("Company", "Institution"):
                rels.append(Relation(i, "subsidiaryOf", ctx.last_org, "subsidiary.of_topic_firm.v1", ev))
            # Y隶属于X / Y隶属X集团: a firm or institution under another organisation
            under = UNDER_RE.match(text, m.end, s1) or (UNDER_AFTER_CLAUSE_RE.match(text, _clause_end(text, m.end, s1)) if i == subj0 else None)
            if under:
                parent = next((k for k in orgs if mentions[k].start == under.end() and k != i), None)
                if parent is not None and mentions[i].label in ("Company", "Institution"):
                    rels.append(Relation(i, "subsidiaryOf", parent, "subsidiary.lishu.v1", ev))
            # 公司是X的全资附属公司 (after ORG ROLE PERSON表示，): the sentence's firm is the child
            bare = BARE_CHILD_RE.search(text, max(s0, m.start - 8), m.start)
            if bare and bare.end() == m.start and SUBSIDIARY_TAIL_RE.match(text, m.end, s1):
                child = next((k for k in orgs if mentions[k].end <= bare.start() and mentions[k].label in ("Company", "Institution") and k != i), None)
                if child is None and ctx.last_org is not None and ctx.last_org != i:
                    child = ctx.last_org
                if child is not None:
                    rels.append(Relation(child, "subsidiaryOf", i, "subsidiary.bare_child.v1", ev))
            # Y是X的全资子公司 / Y为X下属企业: the child first
            is_ = SUBSIDIARY_IS_RE.match(text, m.end, s1)
            if is_:
                parent = next((k for k in orgs if mentions[k].start == is_.end() and k != i), None)
                if parent is None:
                    # Y是总部位于浙江省嘉兴市的X的全资子公司: a modifier ending in 的 before the parent
                    parent = next(
                        (k for k in orgs if k != i and is_.end() < mentions[k].start <= is_.end() + 30
                         and re.fullmatch(r"[^，,。；;]*的", text[is_.end():mentions[k].start])
                         and SUBSIDIARY_TAIL_RE.match(text, mentions[k].end, s1)),
                        None,
                    )
                if parent is not None and SUBSIDIARY_TAIL_RE.match(text, mentions[parent].end, s1):
                    rels.append(Relation(i, "subsidiaryOf", parent, "subsidiary.is_child_of.v1", ev))

        bare = BARE_GROUP_RE.match(text, s0)
        if bare:
            # 集团于2021年收购Y / 集团在合肥设立的Y: the group the report is about
            group = _group_referent(mentions, s0)
            acq = ACQUIRED_RE.match(text, bare.end())
            set_up = SET_UP_IN_RE.match(text, bare.end())
            at = acq.end() if acq else (set_up.end() if set_up else None)
            child = next((k for k in orgs if at is not None and mentions[k].start == at and mentions[k].label in ("Company", "Institution")), None)
            if group is not None and child is not None and child != group:
                rels.append(Relation(child, "subsidiaryOf", group, "subsidiary.of_bare_group.v1", ev))
        for i in orgs:
            if mentions[i].label not in ("Company", "Institution"):
                continue
            acq = ACQUIRED_RE.match(text, mentions[i].end)
            if acq:  # X于2021年收购Y
                child = next((k for k in orgs if mentions[k].start == acq.end() and mentions[k].label in ("Company", "Institution")), None)
                if child is not None and child != i:
                    rels.append(Relation(child, "subsidiaryOf", i, "subsidiary.acquired.v1", ev))
            by = SET_UP_BY_RE.match(text, mentions[i].end)
            if by:  # Y系X投资设立 / Y由X出资组建
                parent = next((k for k in orgs if mentions[k].start == by.end() and k != i), None)
                if parent is not None and SET_UP_TAIL_RE.match(text, mentions[parent].end):
                    rels.append(Relation(i, "subsidiaryOf", parent, "subsidiary.set_up_by.v1", ev))
        # X旗下拥有A、B 2家控股子公司: each listed firm is X's
        for i in orgs:
            hm = HOLDS_RE.match(text, mentions[i].end)
            if hm is None or mentions[i].label not in ("Company", "Institution"):
                continue
            stop = _clause_end(text, hm.end(), s1)
            members = [k for k in orgs if hm.end() <= mentions[k].start < stop and mentions[k].label in ("Company", "Institution")]
            if members and HOLDS_TAIL_RE.match(text, mentions[members[-1]].end) and all(
                COORD_RE.fullmatch(text, mentions[a].end, mentions[b].start) for a, b in zip(members, members[1:])
            ):
                for k in members:
                    rels.append(Relation(k, "subsidiaryOf", i, "subsidiary.holds_list.v1", ev))
        # X坐落在P，是Y的全资子公司 / X依托Y建设: a later clause of X's segment names its parent
        for cm in LATER_CLAUSE_IS_RE.finditer(text, s0, s1):
            seg0 = max(s0, _segment_start(text, cm.start(), "；;：:。", window=200) + 1)  # X's segment
            child = next((k for k in orgs if seg0 <= mentions[k].start < cm.start() and mentions[k].label in ("Company", "Institution")), None)
            parent = next((k for k in orgs if cm.end() <= mentions[k].start < cm.end() + 30 and k != child
                           and re.fullmatch(r"(?:[^，,。；;]*的)?", text[cm.end():mentions[k].start]) and SUBSIDIARY_TAIL_RE.match(text, mentions[k].end, s1)), None)
            if child is not None and parent is not None and not any(r.subject == child and r.predicate == "subsidiaryOf" for r in rels):
                rels.append(Relation(child, "subsidiaryOf", parent, "subsidiary.later_clause.v1", ev))
        for i in orgs:
            dm = BUILT_ON_RE.match(text, mentions[i].end)
            if dm and mentions[i].label in ("Company", "Institution"):
                parent = next((k for k in orgs if mentions[k].start == dm.end() and k != i), None)
                if parent is not None and re.match(r"\s*(?:建设|组建|设立)(?!的)", text[mentions[parent].end:mentions[parent].end + 3]):
                    rels.append(Relation(i, "subsidiaryOf", parent, "subsidiary.built_on.v1", ev))

        # -- secretariatOf ---------------------------------------------------------------
        bodies = [i for i in idx if mentions[i].label == "StandardsBody"]
        for b in bodies:
            bm = mentions[b]
            # skip a bracket after the body (its code or name: …委员会（SAC/TC 611）秘书处设在…)
            skip = re.match(r"\)|）|[(（][^()（）]{1,30}[)）]", text[bm.end:s1])
            after_start = bm.end + (skip.end() if skip else 0)
            after = text[after_start:s1]
            before = text[s0:bm.start]
            host = None
            counterpart = re.match(r"(?:的)?(?:国内|中国)?(?:唯一)?(?:技术)?(?:牵头单位|对口单位|归口单位)", after)
            if counterpart and before.rstrip().endswith("作为"):
                host = next((i for i in orgs if mentions[i].start >= bm.end and mentions[i].label != "StandardsBody"), None)
            elif counterpart and re.search(r"(?:承担|承接)[^，,。；;]{0,4}$|(?:是|为|系)\s*$", before):
                # X承担IEC/TC 2（…）国内技术对口单位工作; X…，同时是ISO/TC 79/SC 11的国内技术对口单位
                hosts = [i for i in orgs if mentions[i].end <= bm.start and mentions[i].label != "StandardsBody"]
                host = hosts[-1] if hosts else None
            elif re.match(r"(?:的)?秘书处", after) or bm.text.endswith("秘书处"):
                hosts = [i for i in orgs if mentions[i].end <= bm.start and mentions[i].label != "StandardsBody"]
                if _has(before, trig["secretariat"]):
                    host = hosts[-1] if hosts else last_topic
                m2 = re.match(r"(?:的)?秘书处(?:也|还|亦|则|现)?(?:设在|设于|落户|挂靠在?|承担单位为|由)", after)
                if m2:
                    host = next((i for i in orgs if mentions[i].start >= after_start + m2.end() and mentions[i].label != "StandardsBody"), None)
            if host is not None and host != b:
                rels.append(Relation(host, "secretariatOf", b, "secretariat.host.v1", ev))

        # -- standards: contributed / applies ------------------------------------------------
        stds = [i for i in idx if mentions[i].label == "Standard"]
        for st in stds:
            before = text[s0:mentions[st].start]
            seg0 = s0 + max([0] + [k.end() for k in re.finditer(r"[；;]", before)])  # the standard's own ；-segment
            subj_c = [i for i in orgs if seg0 <= mentions[i].start and mentions[i].end <= mentions[st].start and mentions[i].label in ("Company", "Institution", "GovernmentAgency")]
            if not subj_c:  # …；公司通过了ISO 9001认证: the sentence's firm
                subj_c = [i for i in orgs if mentions[i].end <= mentions[st].start and mentions[i].label in ("Company", "Institution", "GovernmentAgency")]
            # X旗下的Y / X的Y / 由X组建的Y: X only qualifies Y, the subject
            subj_c = [i for i in subj_c if not SUBSIDIARY_AFTER_PARENT_RE.match(text, mentions[i].end, mentions[st].start) and text[mentions[i].end:mentions[i].end + 1] != "的" and not AGENT_OF_MODIFIER_RE.match(text, mentions[i].end)] or subj_c
            # a firm in the standard's own clause, followed there by the verb, is its subject
            # (…，全资子公司Y则通过了ISO 9001认证); not the body that issues or publishes it
            # (取得Z颁发的ISO 13485, 参与标准检验局CNS 16130的制定)
            clause0 = s0 + max([0] + [k.end() for k in re.finditer(r"[，,；;]", before)])
            verbs = trig["contributes_standard"] + trig["applies_standard"]
            subj_c = [
                i for i in subj_c
                if mentions[i].start >= clause0 and _has(text[mentions[i].end:mentions[st].start], verbs)
            ] or subj_c
            if not subj_c and (ORG_ANAPHOR_RE.search(before) or BARE_ORG_START_RE.match(before)) and ctx.last_org is not None:
                subj_c = [ctx.last_org]  # 该公司主导制定的GB/T…
            if not subj_c:
                continue
            # the verb nearest before the standard decides (参与起草了GB/T…；公司通过了ISO 9001认证)
            own = before[max([0] + [k.end() for k in re.finditer(r"[；;]", before)]):]
            last_contrib = max((own.rfind(w) for w in trig["contributes_standard"]), default=-1)
            last_apply = max((own.rfind(w) for w in trig["applies_standard"]), default=-1)
            subjects = [subj_c[0]]
            first = mentions[subj_c[0]]
            if re.search(r"(?:与|和|同)\s*$", text[max(s0, first.start - 2):first.start]) and PARTNER_VERB_RE.match(text, first.end):
                # X还与Y联合起草了S: X drafted it too (the sentence's first firm, else the one 该院 means)
                lead = [i for i in orgs if mentions[i].end <= first.start - 1 and mentions[i].label in ("Company", "Institution")]
                partner = lead[0] if lead else (ctx.last_org if ORG_ANAPHOR_RE.search(before) else None)
                if partner is not None and partner != subj_c[0]:
                    subjects.insert(0, partner)
            if last_contrib >= 0 and last_contrib > last_apply:
                for subj in subjects:
                    rels.append(Relation(subj, "contributedToStandard", st, "standard.contributes.v1", ev))
            elif last_apply >= 0 and mentions[subj_c[0]].label != "GovernmentAgency":
                for subj in subjects:
                    rels.append(Relation(subj, "appliesStandard", st, "standard.applies.v1", ev))

        # -- standardsCount --------------------------------------------------------------
        # firms listed as X's holdings (旗下拥有A、B…) are objects, not the subjects of counts
        held = {r.subject for r in rels if r.rule == "subsidiary.holds_list.v1" and r.evidence == ev}
        unheld = [i for i in idx if i not in held]
        for cm in COUNT_RE.finditer(sent):
            level_word = cm.group("l1") or cm.group("l2")
            n = to_int(cm.group("n1") or cm.group("n2"))
            a0, a1 = s0 + cm.start(), s0 + cm.end()
            before_lv = text[max(s0, a0 - 3):a0] if cm.group("l2") else text[max(s0, s0 + cm.start("l1") - 2):s0 + cm.start("l1")]
            after = text[a1:a1 + 4]
            if re.search(r"[和及与、]$", before_lv) and re.search(r"(国际|国家|行业|团体|地方|企业)$", before_lv[:-1] or "x"):
                continue
            if cm.group("l1") and re.match(r"[、和及与](?:国际|国家|行业|团体|地方|企业)", after):
                continue  # 527项国家标准、行业及团体标准: one count for several levels
            subj = _count_subject(text, mentions, unheld, a0, s0, ctx, last_topic if last_topic_fresh else ctx.topic_place)
            if subj is None or n is None:
                continue
            q = {"count": n}
            year = _clause_year(text, s0, a0)  # 2022年，公司主导制定国际标准3项 (not 截至…, not a span)
            if year is not None:
                q["year"] = year
            rels.append(Relation(subj, "standardsCount", LEVELS[level_word], "count.level_items.v1", ev, q))

        # the topic for the next sentences: this sentence's first organisation or park (its subject)
        subjects = [i for i in idx if mentions[i].label in ("Company", "Institution", "Park") and mentions[i].start - s0 < 30]
        last_topic_fresh = bool(subjects)
        if subjects:
            last_topic = subjects[0]
            # 位于X园区的Y公司，…: the firm, not the park that places it, is what 公司/该公司 refer to next
            firms = [i for i in subjects if mentions[i].label in ("Company", "Institution")]
            if firms:
                ctx.last_org = firms[0]
    return rels


def _in_bracket(text: str, start: int, pos: int) -> bool:
    """Is ``pos`` inside a bracket opened after ``start`` (A（以下简称B），…: B is A again)?"""
    piece = text[start:pos]
    return piece.count("（") + piece.count("(") > piece.count("）") + piece.count(")")


def _group_referent(mentions: list[Mention], before: int) -> int | None:
    """The group a bare 集团 means: the last company named before ``before`` whose name (or the
    name it shortens) has 集团 in it."""
    for k in range(len(mentions) - 1, -1, -1):
        m = mentions[k]
        if m.end <= before and m.label == "Company" and "集团" in (m.attrs.get("alias_of") or m.text):
            return k
    return None


def _bracketed_place(text: str, mentions: list[Mention], i: int) -> bool:
    """Is mention ``i`` a place or park in brackets right after an organisation (X有限公司（柳北区））?"""
    m = mentions[i]
    inside = re.search(r"[(（][^()（）]{0,10}$", text[max(0, m.start - 11):m.start])  # X（南昌市青山湖区）
    if m.label not in ("Place", "Park") or not inside:
        return False
    opening = max(text.rfind("(", 0, m.start), text.rfind("（", 0, m.start))
    return any(x.end == opening and x.label in ORG_LABELS for x in mentions)


def _level(place: dict[str, str]) -> int:
    return {"country": 0, "province": 1, "city": 2, "county": 3}.get(place.get("level", ""), 4)


def _works_for(
    text: str,
    mentions: list[Mention],
    p: int,
    rels: list[Relation],
    ev: tuple[int, int],
    written: str = "",
    ctx: ReportContext | None = None,
    org_by_end: dict[int, int] | None = None,
) -> None:
    """ORG ROLE PERSON (with 、-chains of ORG ROLE) and PERSON(ORG ROLE)."""
    from ..rules import _people_tables

    role_re = _people_tables()[0]
    pm = mentions[p]
    pos = pm.start
    while pos > 0 and text[pos - 1] in " \u3000":
        pos -= 1
    if org_by_end is None:
        org_by_end = {m.end: i for i, m in enumerate(mentions) if m.label in ORG_LABELS}
    while True:
        # the longest role word ending at pos
        role = None
        for n in range(6, 1, -1):
            if pos - n >= 0 and role_re.fullmatch(text[pos - n:pos]):
                role = text[pos - n:pos]
                as_written = (written or text)[pos - n:pos]  # the qualifier keeps the report's form (副局長)
                break
        if role is None:
            org = org_by_end.get(pos)
            dept = None
            if org is None:
                # ORG 科技发展部 PERSON 处长: a department between the body and the name
                d = _dept_body(text, org_by_end, pos)
                if d is not None:
                    org, dept = org_by_end[d], (written or text)[d:pos]
            if org is not None and pm.rule == "person.table_cell.v1" and dept is None:
                rels.append(Relation(p, "worksFor", org, "works_for.org_person.v1", ev, {"role": None}))
            elif org is not None:
                # ORG PERSON ROLE: 关中理工大学雷振邦教授 (the post closes the name)
                after = next((n for n in range(6, 1, -1) if role_re.fullmatch(text, pm.end, pm.end + n)), None)
                if after is not None:
                    rels.append(Relation(p, "worksFor", org, "works_for.org_person_role.v1", ev, {"role": (dept or "") + (written or text)[pm.end:pm.end + after]}))
            return
        # 董事长、总经理X / 董事长兼总经理X / 党委书记、局长X: posts chained before one name
        posts = [as_written]
        first = pos - len(role)
        while first > 1 and text[first - 1] in "、兼暨和":
            n = next((n for n in range(6, 1, -1) if first - 1 - n >= 0 and role_re.fullmatch(text[first - 1 - n:first - 1])), None)
            if n is None:
                break
            posts.insert(0, (written or text)[first - 1 - n:first - 1])
            first -= n + 1
        if len(posts) > 1 and any(normalise_name(x) in HEAD_OF for x in posts):
            # 市委副书记、市长X: the mayor heads the government, not the party committee
            posts, first = [as_written], pos - len(role)
        if len(posts) > 1:
            role = normalise_name(posts[0])  # the body is the one named before the first post

        def emit(org: int, rule: str) -> None:
            for post in posts:
                rels.append(Relation(p, "worksFor", org, rule, ev, {"role": post}))

        pos = first + len(role)
        org = org_by_end.get(pos - len(role))
        if org is None:
            # ORG 标准专利中心 副主任 PERSON: the department stays in the role (ANNOTATION.md)
            d = _dept_body(text, org_by_end, first)
            if d is not None:
                org = org_by_end[d]
                posts = [(written or text)[d:first] + x for x in posts]
                emit_org = org
                for post in posts:
                    rels.append(Relation(p, "worksFor", emit_org, "works_for.org_dept_role_person.v1", ev, {"role": post}))
                return
        if org is None and pos - len(role) > 0 and text[pos - len(role) - 1] in ")）":
            # ORG（以下简称“X”）ROLE PERSON: the bracket stands between the body and the post
            close = pos - len(role) - 1
            opening = max(text.rfind("(", max(0, close - 30), close), text.rfind("（", max(0, close - 30), close))
            if opening > 0:
                org = org_by_end.get(opening)
        if org is None and role in COMPANY_ROLES:
            # 董事长X with no body before the post: the one firm its sentence names before it
            firms = [i for i, m in enumerate(mentions) if m.label == "Company" and ev[0] <= m.start and m.end <= pm.start]
            if len({normalise_name(mentions[i].attrs.get("alias_of") or mentions[i].text) for i in firms}) == 1:
                org = firms[-1]
                emit(org, "works_for.sentence_firm.v1")
                return
            if not firms and ctx is not None and ctx.last_org is not None and mentions[ctx.last_org].label == "Company" and not any(
                m.label in ORG_LABELS and ev[0] <= m.start < ev[1] for m in mentions
            ):
                # …这家企业…。总经理孙海燕说: the firm the text has just been about
                emit(ctx.last_org, "works_for.topic_firm.v1")
                return
        if org is None:
            org = _implied_org(text, mentions, role, ev, rels)
            if org is None:
                return
            emit(org, "works_for.implied_body.v1")
            pos -= len(role)
            if pos > 0 and text[pos - 1] in "、":
                pos -= 1
                continue
            return
        emit(org, "works_for.org_role_person.v1")
        pos = mentions[org].start
        if pos > 0 and text[pos - 1] in "、":
            pos -= 1
            continue
        if pos > 2 and text[pos - 1] in ",，" and any(role_re.fullmatch(text[pos - 1 - n:pos - 1]) for n in range(2, 7) if pos - 1 - n >= 0):
            pos -= 1  # 市场监管总局党组成员、副局长,国家标准委主任X: the posts of both bodies are X's
            continue
        return


#: a department of a body, between the body's name and a post or a name (科技发展部, 标准专利中心, 地方部)
DEPT_RE = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:部|司|处|科|室|中心|办公室|分会|事业部)")


def _dept_body(text: str, org_by_end: dict[int, int], pos: int) -> int | None:
    """The end of the body whose department ends at ``pos`` (中国纺织工业协会|科技发展部|), if one."""
    for start in range(pos - 2, max(-1, pos - 11), -1):
        if start in org_by_end and DEPT_RE.fullmatch(text, start, pos):
            return start
    return None
#: PERSON是ORG ROLE / PERSON系ORG ROLE / PERSON现任ORG ROLE, the post closing its clause
_IS_POST_RE = re.compile(r"\s*(?:同时|还|兼|并|现)?(?:是|系|为|现任|任|担任|兼任)\s*")


def _post_held_by(text: str, mentions: list[Mention], p: int, rels: list[Relation], ev: tuple[int, int], written: str) -> None:
    """X，主任由Y公司副总经理PERSON兼任: the person holds the post in X, the sentence's subject."""
    from ..rules import _people_tables

    pm = mentions[p]
    if not re.match(r"(?:兼任|担任|出任)", text[pm.end:pm.end + 2]):
        return
    cs = _clause_start(text, ev[0], pm.start)
    held = re.match(r"\s*(?P<role>[\u4e00-\u9fff]{2,6}?)由", text[cs:pm.start])
    if held is None or not _people_tables()[0].fullmatch(held.group("role")):
        return
    subject = next((i for i, m in enumerate(mentions) if ev[0] <= m.start and m.end <= cs and m.label in ("Company", "Institution", "GovernmentAgency", "StandardsBody")
                    and not re.match(r"\s*建设的|\s*的", text[m.end:m.end + 4])), None)
    if subject is not None:
        rels.append(Relation(p, "worksFor", subject, "works_for.post_held_by.v1", ev, {"role": written[cs + held.start("role"):cs + held.end("role")]}))


def _is_post_of(text: str, mentions: list[Mention], p: int, rels: list[Relation], ev: tuple[int, int], written: str) -> None:
    """PERSON是ORG ROLE (邬建华是江西信江光伏科技有限公司首席质量官) and PERSON（ORG ROLE）: the
    person holds the post."""
    from ..rules import _people_tables

    pm = mentions[p]
    verb = _IS_POST_RE.match(text, pm.end) or re.compile(r"[（(]").match(text, pm.end)  # PERSON（ORG ROLE）
    if verb is None:
        return
    org = next((i for i, m in enumerate(mentions) if m.start == verb.end() and m.label in ORG_LABELS), None)
    if org is None:
        return
    at = mentions[org].end
    role = next(
        (n for n in range(6, 1, -1) if _people_tables()[0].fullmatch(text, at, at + n) and (at + n >= len(text) or text[at + n] in "，,。；;、）)\n")),
        None,
    )
    if role is not None:
        rels.append(Relation(p, "worksFor", org, "works_for.person_is_post.v1", ev, {"role": written[at:at + role]}))


#: posts held in a firm, and posts that head a body (市长 -> 市政府): the kind column of roles.tsv
COMPANY_ROLES = frozenset(row[0] for row in load_tsv("roles.tsv") if len(row) > 1 and row[1] == "company")
HEAD_OF = {row[0]: row[2] for row in load_tsv("roles.tsv") if len(row) > 2 and row[1] == "heads" and row[2]}


def _implied_org(text: str, mentions: list[Mention], role: str, ev: tuple[int, int], rels: list[Relation]) -> int | None:
    """The body a post implies when none is written before it: 市长 heads the 市政府 the report
    names; 副局长 right after a 局长 of a named body in the same sentence serves the same body."""
    body = HEAD_OF.get(role)
    if body:
        for i, m in enumerate(mentions):
            # 省政府 is also written 省人民政府
            if m.label == "GovernmentAgency" and text[m.start:m.end].replace("人民政府", "政府").endswith(body):
                return i
        return None
    for r in reversed(rels):
        if r.predicate == "worksFor" and r.evidence == ev and isinstance(r.object, int):
            prev_role = normalise_name(r.qualifiers.get("role") or "")  # written form -> Simplified
            if role.startswith("副") and prev_role == role[1:]:
                return r.object
            break
    return None


def _award_subject(text: str, mentions: list[Mention], idx: list[int], a: int, trig: dict[str, list[str]], ctx: ReportContext, s0: int) -> int | None:
    """The recipient of award mention ``a`` in its sentence, if an award verb links them."""
    am = mentions[a]
    # 全省10家企业被认定为…: counted firms are the recipients, not the place that counts them
    clause_start = _clause_start(text, s0, am.start)
    if COUNTED_FIRMS_RE.search(text, clause_start, am.start):
        return None
    # the verb must sit between the subject and the award, in the same stretch (no 。)
    cands = [i for i in idx if mentions[i].end <= am.start and mentions[i].label in RECIPIENTS]
    oa = ORG_ANAPHOR_RE.search(text, clause_start, am.start) or SELF_ANAPHOR_RE.search(text, clause_start, am.start)
    if oa and _has(text[oa.end():am.start], trig["award"]) and not any(mentions[i].start >= clause_start for i in cands):
        # …，该院荣获…: the organisation its sentence opened on, else the one the text is about
        firsts = [i for i in cands if mentions[i].label in ("Company", "Institution") and mentions[i].start - s0 < 30]
        if firsts or ctx.last_org is not None:
            return firsts[0] if firsts else ctx.last_org
    own_start = clause_start
    if _clause_has_own_subject(text[own_start:am.start], trig["award"]):
        # 工程机械产业入选…: the clause names its own (non-entity) subject; no earlier one is meant
        cands = [i for i in cands if mentions[i].start >= own_start]
    cands = [
        i for i in cands
        if not _is_granter(text, mentions, i) and not _title_owner(text, mentions[i], am, trig) and not _bracketed_place(text, mentions, i)
        and not (mentions[i].label == "Place" and re.match(r"(?:首家|首个|第一家|唯一一家|唯一)", text[mentions[i].end:mentions[i].end + 4]))
    ]  # (X是南投县首家获得…的公司: the place is the scope, not the holder)
    # a place or park the sentence puts something in (地处泉州市东部, 在台商区投资) is no recipient
    # when the sentence also names a subject before it
    located = [i for i in cands if _locative(text, mentions, i, s0)]
    if located and any(k not in located for k in cands):
        cands = [i for i in cands if i not in located]
    # 旭瑞光电旗下的旭瑞车电…获得: the parent only qualifies the holder
    cands = [i for i in cands if not SUBSIDIARY_AFTER_PARENT_RE.match(text, mentions[i].end, am.start)] or cands
    if not any(mentions[i].start >= clause_start for i in cands):
        # the award's clause names no holder (…，2019年获批…): the holder is a clause's subject
        # before it (泉州台商投资区…地处泉州市东部、泉州湾北岸，…，2019年获批…), not an object
        initial = [i for i in cands if mentions[i].label != "Person" and _clause_initial(text, s0, mentions[i].start)]
        if initial:
            cands = initial
    topic = TOPIC_ANAPHOR_RE.search(text, s0, min(am.start, s0 + 40))
    if topic and cands and mentions[cands[-1]].start < own_start and _has(text[own_start:am.start], trig["award"]):
        # 我省持续加强…，还依托X打造Y，获批开展…试点: the clauses share the sentence's subject (我省);
        # Y is an object of an earlier clause
        resolved = ctx.resolve(topic.group("an"))
        if resolved is not None and all(mentions[i].start > topic.end() for i in cands if mentions[i].label != "Person"):
            return resolved
    for i in reversed(cands):
        between = text[mentions[i].end:am.start]
        if re.search(r"[；;]", between):
            break
        if RECIPIENT_OBJECT_RE.search(between):
            break  # X将对获得…的企业给予奖励: the winners are the object, not X
        # the award verb sits in the award's own clause (A获批X，…，Y将作为…: Y is not won)
        own = between[max([0] + [k.end() for k in CLAUSE_BREAK_RE.finditer(between)]):]
        if GRANT_TO_RE.search(text, _clause_start(text, s0, mentions[i].start), mentions[i].start) and re.fullmatch(
            r"(?:[(（][^()（）]{1,12}[)）])?[^，,。；;“”\"]{0,10}", between
        ) and not _has(between, trig["award"]):
            # 授予A、B 2名个人X奖: the recipients follow the granting verb
            return i
        if (
            _has(own, trig["award"])
            or own.rstrip().endswith("作为")  # 千金药业作为国家知识产权示范企业: holding the title
            or (between.strip().endswith(("作为“", "作为\"")) and _has(text[am.end:am.end + 6], ["上榜", "入选"]))
            or ("在" in between and RANKED_IN_RE.match(text, am.end))
        ):
            # the subject is the first recipient of its coordinated group
            return i
    # anaphor subjects: 我市…获批, 园区新增…荣誉; 该公司…获…奖
    between = text[s0:am.start]
    om = ORG_ANAPHOR_RE.search(between)
    if om and ctx.last_org is not None and _has(between[om.end():], trig["award"]) and not cands:
        return ctx.last_org
    am_ = ANAPHOR_RE.search(between)
    if am_ and _has(between[am_.end():], trig["award"]):
        return ctx.resolve(am_.group(0))
    return None


# 陶瓷产业成功获批…: an industry of the report's place is the place's own subject
INDUSTRY_SUBJECT_RE = re.compile(r"[\u4e00-\u9fff]{1,8}(?:产业|行业|产业链|集群)(?:成功|先后|相继)?(?:获批|获评|入选|荣获|被评为|被认定为)")
#: what may stand between a body and its verb: its bracket (X（以下简称Y）主办), or the end of the
#: bracket that declares it (…（以下简称Y）主办, read from Y)
BRACKET_AFTER_RE = re.compile(r"\s*[(（][^()（）]{1,30}[)）]|[”\"」』]?\s*[)）]")
GRANT_TO_RE = re.compile(r"授予|颁给|授给|颁发给|颁授给?")
GRANTED_BEFORE_RE = re.compile(rf"(?:{GRANT_TO_RE.pattern})\s*$")  # with pos/endpos: the verb just before
RECIPIENT_OBJECT_RE = re.compile(r"(?:对|向|给|为)[^，,。；;]{0,4}(?:获得|获评|荣获|获批|入选)")
TOPIC_ANAPHOR_RE = re.compile(r"(?:^|(?<=[，,:：。！？!?；;\s]))(?P<an>我省|我市|我县)")
SELF_RE = re.compile(r"我们|我公司|本公司|该公司|公司(?:累计|已|先后|共|还)")
ORG_ANAPHOR_RE = re.compile(r"该(?:公司|企业|集团|厂|院|所|中心|大学|学院|校)")
#: 我们的X获得…, 我公司… (a firm speaking of itself, as in an interview's answers)
SELF_ANAPHOR_RE = re.compile(r"我们|我公司|本公司|我厂|我院")
#: a sentence that opens on a bare 公司/企业 speaks of the firm the text is about (公司执行GB/T…)
BARE_ORG_START_RE = re.compile(r"\s*[“\"]?(?:公司|企业|集团)(?![\u4e00-\u9fff]{0,6}(?:有限|股份))")
OTHER_BODY_ANAPHOR_RE = re.compile(r"该(?:委员会|技术委员会|标委会|分委会|协会|联盟|组织)")
CLAUSE_ADVERBS_RE = re.compile(r"先后|成功|相继|连续|再次|多次|分别|同时|还|也|并|又|已|均|曾|今年|去年|近年来|目前|当年|首次|正式|顺利|一举|此外|其中|[0-9]{4}年度?|[0-9]{1,2}月(?:[0-9]{1,2}日)?|[“”\"]")


def _title_owner(text: str, m: Mention, am: Mention, trig: dict[str, list[str]]) -> bool:
    """Is the organisation ``m`` part of the award's own noun phrase (成为中国移动全国首批5G试点城市:
    中国移动 runs the programme), with no verb or break between it and the title?"""
    if m.label not in ORG_LABELS:
        return False
    if GRANTED_BEFORE_RE.search(text, max(0, m.start - 6), m.start):
        return False  # 授予X等5家组织Y奖: X is the recipient the verb names
    between = text[m.end:am.start]
    return len(between) <= 8 and not re.search(r"[，,。；;、和与及]|作为|是|为", between) and not _has(between, trig["award"]) and not between.startswith(("的", "获", "被"))


def _locative(text: str, mentions: list[Mention], i: int, s0: int) -> bool:
    """Is mention ``i`` a place or park something lies in (位于P的X, 在P投资, 桃园市的X)?"""
    m = mentions[i]
    if m.label not in ("Place", "Park"):
        return False
    if LOCATIVE_BEFORE_RE.search(text, max(s0, m.start - 3), m.start):
        return True
    # 位于齐齐哈尔市富拉尔基区: a place right after a locative one is locative too
    outer = next((k for k in range(i - 1, max(-1, i - 4), -1) if mentions[k].end == m.start and mentions[k].label in ("Place", "Park")), None)  # sorted: just before i
    if outer is not None and outer != i and _locative(text, mentions, outer, s0):
        return True
    after = re.match(r"[”\"」]?[)）]?的", text[m.end:m.end + 3])  # P（以下简称Q）的X: Q too
    return bool(after) and any(k.start == m.end + after.end() and k.label in ORG_LABELS for k in mentions)


def _clause_initial(text: str, s0: int, pos: int) -> bool:
    """Does ``pos`` open its clause (after dates and adverbs only)?"""
    lead = text[_clause_start(text, s0, pos):pos]
    return not CLAUSE_ADVERBS_RE.sub("", lead).strip(" \u3000“”\"")


def _clause_has_own_subject(clause: str, triggers: list[str]) -> bool:
    """Does the text of a clause before its award verb hold a subject of its own (工程机械产业入选),
    rather than only adverbs and dates (先后获评, 2019年获批)?"""
    pos = min((clause.find(w) for w in triggers if w in clause), default=-1)
    if pos <= 0:
        return False
    rest = CLAUSE_ADVERBS_RE.sub("", clause[:pos])
    if re.match(r"\s*(?:被|由|经|其)", rest):
        return False  # 被工信部认定为…: a passive's agent; 其…项目获得…: its project, its award
    return len(re.findall(r"[\u4e00-\u9fff]", rest)) >= 3


GRANT_VERB_RE = re.compile(r"(?:正式|近日|日前|先后|已|联合|共同)?(?:公布|发布|颁发|授予|认定|命名|表彰|公示|印发|下发|评选|评定|批准|确定|组织|开展|设立|主办|协办|承办|指导)")
GRADE_LIST_RE = re.compile(r"\s*[0-9一二三四五六七八九十]+\s*(?:项|个|名|家)?\s*[：:]")
GRADE_CLAUSE_RE = re.compile(r"[；;，,：:]")


def _is_granter(text: str, mentions: list[Mention], i: int) -> bool:
    """Is mention ``i`` the body that grants an award rather than a recipient? 国家知识产权局公布…,
    被商务部认定为…: an agency followed by a granting verb, or standing after 被/由."""
    m = mentions[i]
    if m.label not in ("GovernmentAgency", "Institution"):
        return False
    after = BRACKET_AFTER_RE.match(text, m.end)  # X（以下简称Y）主办
    if GRANT_VERB_RE.match(text, after.end() if after else m.end) or text[max(0, m.start - 1):m.start] in ("被", "由", "经"):
        return True  # …公布 / 被…认定 / 由…主办 / 经国务院批准
    # A、B联合公布: every body of the list before the verb (mentions are sorted by start)
    j = i + 1
    while j < len(mentions) and mentions[j].start < m.end:
        j += 1
    return (
        j < len(mentions) and mentions[j].label in ("GovernmentAgency", "Institution")
        and re.fullmatch(r"[、和与及]", text[m.end:mentions[j].start]) is not None and _is_granter(text, mentions, j)
    )


def _award_context(mentions: list[Mention], a: int) -> dict[str, Any]:
    """Year and edition of award mention ``a``, or, each where the text states one value for it,
    of the earlier mentions of the same award (第33届国家品质奖 in the headline, 国家品质奖 later;
    第五届吉林省省长质量奖, then 本届省长质量奖: a name that ends the other's counts as the same)."""
    name = normalise_name(mentions[a].text)
    q = {k: mentions[a].attrs.get(k) for k in ("year", "edition")}
    q["grade"] = None
    earlier = [m for m in mentions[:a] if m.label == "Award" and _same_award(normalise_name(m.text), name)]
    for k in ("year", "edition"):
        if q[k] is None:
            values = {m.attrs.get(k) for m in earlier if m.attrs.get(k) is not None}
            if len(values) == 1:
                q[k] = values.pop()
    return q


def _same_award(one: str, other: str) -> bool:
    """吉林省省长质量奖 and 省长质量奖 name one award in a report; 质量奖 alone names none."""
    short, long_ = sorted((one, other), key=len)
    return short == long_ or (len(short) >= 4 and long_.endswith(short))


def _coordinated(text: str, mentions: list[Mention], idx: list[int], subj: int) -> list[int]:
    """``subj`` and the recipients coordinated before it (A、B和C入选…): each holds the award.
    People come with their posts (X公司首席质量官A、Y公司总工程师B获个人奖): every person of the
    、-list counts."""
    if mentions[subj].label == "Person":
        start = _clause_start(text, max(0, mentions[subj].start - 200), mentions[subj].start)
        people = [i for i in idx if mentions[i].label == "Person" and start <= mentions[i].start <= mentions[subj].start]
        if len(people) > 1 and all("、" in text[mentions[a].end:mentions[b].start] for a, b in zip(people, people[1:])):
            return people
    group = [subj]
    idx = [i for i in idx if not _bracketed_place(text, mentions, i)]  # A（石家庄市）、B: places aside
    pos = idx.index(subj) if subj in idx else -1
    head = {subj: mentions[subj].start}  # where each member's phrase starts (its place modifier too)
    while pos > 0:
        prev, cur = idx[pos - 1], group[-1]
        # 昌吉市的B / 位于P的B: a place that only qualifies the member; the list goes on before it
        opening = re.search(r"[(（][^()（）]{0,6}$", text[max(0, mentions[prev].start - 7):mentions[prev].start])
        if opening and re.match(r"[”\"」』]?[)）]", text[mentions[prev].end:mentions[prev].end + 2]):
            pos -= 1  # B（原名C）: C, in B's bracket, is B's old name, not a member
            continue
        if mentions[prev].label in ORG_LABELS and re.fullmatch(r"的(?:全资|控股)?(?:子公司|孙公司)", text[mentions[prev].end:mentions[cur].start]):
            head[cur] = mentions[prev].start  # D的全资子公司E: D only qualifies the member E
            pos -= 1
            continue
        if mentions[prev].label in ("Place", "Park") and mentions[prev].end + 1 == mentions[cur].start and text[mentions[prev].end] == "的":
            first = prev  # 总部设在臺中市大雅區的B: the whole chain of places qualifies B
            while pos - 2 >= 0 and mentions[idx[pos - 2]].label in ("Place", "Park") and mentions[idx[pos - 2]].end == mentions[first].start:
                pos -= 1
                first = idx[pos - 1]
            lead = LOCATIVE_LEAD_RE.search(text, max(0, mentions[first].start - 6), mentions[first].start)
            head[cur] = lead.start() if lead else mentions[first].start
            pos -= 1
            continue
        if mentions[prev].label not in RECIPIENTS or not COORD_RE.fullmatch(text, mentions[prev].end, head.get(cur, mentions[cur].start)):
            break
        group.append(prev)
        pos -= 1
    return group[::-1]


LOCATIVE_LEAD_RE = re.compile(r"(?:位于|地处|坐落于|坐落在|来自|总部设在|总部位于|设在|落户)\s*$")


COORD_RE = re.compile(r"\s*(?:[(（][^()（）]{1,12}[)）])?[”\"」』]?\s*(?:、|和|与|及|以及|[，,]\s*(?:以及|及|和))\s*[“\"「『]?\s*")  # A（石家庄市）、B，以及C


def _topic_recipient(text: str, mentions: list[Mention], idx: list[int], a: int, trig: dict[str, list[str]], ctx: ReportContext, s0: int) -> int | None:
    """陶瓷产业成功获批…试点: an award verb whose clause names no recipient (an industry, a
    project of the report's place) gives the title to the place the report is about: its
    dominant park, else its city. None when the clause names any organisation or place."""
    am = mentions[a]
    if am.attrs.get("in_title"):
        return None  # 《关于表彰…X奖获奖组织的决定》: a document's title confers nothing by itself
    if WINNERS_AFTER_AWARD_RE.match(text, am.end):
        return None  # 获得X奖的企业为：A、B: the winners are named, the report's place is not one
    clause_start = _clause_start(text, s0, am.start)
    before = text[clause_start:am.start]
    if not _has(before, trig["award"]) or COUNTED_FIRMS_RE.search(before):
        return None
    if _clause_has_own_subject(before, trig["award"]) and not ANAPHOR_RE.search(before) and not INDUSTRY_SUBJECT_RE.match(before):
        return None  # 国芯科技成功创建…: a subject the rules did not find is still not the report's place
    if any(
        clause_start <= mentions[i].start < am.start and mentions[i].label in RECIPIENTS | {"Award"}
        and mentions[i].attrs.get("place", {}).get("level") != "country"  # 中国 of 中国移动全国首批…
        and not _title_owner(text, mentions[i], am, trig)
        for i in idx
    ):
        return None
    if ctx.topic_park is not None:
        return ctx.topic_park if PARK_TITLE_RE.search(am.text) else None
    place = ctx.topic_place if ctx.topic_place is not None else ctx.best.get("city")
    # a place holds a place's title (示范城市, 试点, 强县); a firm's award (质量奖, 金手獎) is no place's
    return place if place is not None and PLACE_TITLE_RE.search(am.text) else None


#: titles a park can hold: a report's topic park is given only these
PARK_TITLE_RE = re.compile(r"园|基地|示范区|开发区|集群|试点|示范|高新区|平台|新区|先行区")


def _count_subject(text: str, mentions: list[Mention], idx: list[int], pos: int, s0: int, ctx: ReportContext, topic: int | None) -> int | None:
    cands = [
        i for i in idx
        if mentions[i].end <= pos and mentions[i].label in ("Company", "Institution", "Park", "Place")
        and (mentions[i].label != "Place" or mentions[i].start - s0 <= 12)  # a place counts only as the subject
    ]
    cands = [i for i in cands if not _is_granter(text, mentions, i)]  # 香港品质保证局颁发的…证书
    if not cands and ctx.last_org is not None and SELF_RE.search(text, s0, pos):
        return ctx.last_org  # 公司总工程师说：“我们累计主导制定国际标准2项…”
    if OTHER_BODY_ANAPHOR_RE.search(text, max([s0] + [mentions[i].end for i in cands]), pos):
        return None  # 该委员会…归口管理国家标准28项: the committee's count, no firm's or place's
    an = list(ANAPHOR_RE.finditer(text, s0, pos))
    if an and (not cands or an[-1].start() > mentions[cands[-1]].start):
        return ctx.resolve(an[-1].group(0))
    if cands:
        return cands[-1]
    return topic


#: grades that stand alone after an award was named (Hong Kong's 大奖 and 优异证书 too); inside an
#: award's name only ``rules.GRADES`` are split off, so 香港环境卓越大奖 keeps its name
STANDALONE_GRADE_RE = re.compile(GRADE_AFTER_RE.pattern + r"|(?<=组别|类别)大奖|(?<=[」”\"])大奖|优异证书|优异奖")


def grade_words(text: str, written: str | None = None) -> list[tuple[int, int, str]]:
    """Grade words (一等奖, 提名奖…) with offsets, for back-references to the last award named.
    ``text`` is searched (the shadow); the grade is taken as ``written`` in the report (大獎)."""
    source = written if written is not None else text
    return [(m.start(), m.end(), source[m.start():m.end()]) for m in STANDALONE_GRADE_RE.finditer(text)]
