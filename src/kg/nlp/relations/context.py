"""What the sentence rule families share: a walk over a report's sentences with the mentions in
each, and the report's context as reading goes on.

Owns :class:`ReportContext` (what 我市, 全省, 该区, 园区 and 该公司 point to), :class:`Walk` (the
sentences a rule family reads, and the topic each sentence leaves for the next: its first
organisation or park), clause bounds, the year a clause gives (never a year of the story: ``story_year``,
从2010年开始, 创立于1999年, 2005年成立), an award's year and edition from its
other mentions, the grade words a report uses, and the trigger lexicons
(``kg/data/relations/triggers.json``). The sentence families are ``works_for``, ``awards``,
``sites``, ``subsidiaries`` and ``standards`` (once one 660-line function, ``find_relations``).
Must not: make relations, or read anything but the text and the mentions.
"""

from __future__ import annotations

import bisect
import copy
import json
import re
from collections import Counter
from functools import lru_cache
from typing import Any

from ...resources import read_text
from ...text import normalise_name, sentences, to_year, YEAR_NUM
from ..awards import AFTER_GRADES, BARE_GRADES, QUALITY_CLASSES
from ..rules import GRADE_AFTER_RE, Mention, ORG_LABELS
from ..prefilter import anchored

RECIPIENTS = frozenset({"Company", "GovernmentAgency", "Institution", "Park", "Place", "Person"})


COUNT_RE = re.compile(
    r"(?<![0-9一二三四五六七八九十百千零两])(?P<n1>[0-9]+|[一二三四五六七八九十百千零两]+)\**\s*[项个部](?P<l1>国际|国家|行业|团体|地方|企业)标准(?!化)"
    r"|(?P<l2>国际|国家|行业|团体|地方|企业)标准\s*(?:[(（][A-Za-z/]{2,8}[)）])?\s*(?:自我声明公开|自我声明)?\s*(?:已?达到?|共计?|累计|总计)?\s*\**(?P<n2>[0-9]+(?:\.[0-9]+)?\s*万|[0-9]+|[一二三四五六七八九十百千零两]+)\**\s*[项个部]"
)


def alternation(words: Any, escape: bool = False) -> str:
    """The words as one regex alternation, longest first (so 获评为 is tried before 获评); with
    ``escape`` each word is taken literally. The families build their vocabularies' patterns with it."""
    return "|".join(sorted((re.escape(w) for w in words) if escape else words, key=len, reverse=True))


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
            # a place that opens the report (its title: 上海市标准化发展行动计划) is what it is about
            counts[key][name] += 3 if m.start <= 1 else 1
            first.setdefault(key + name, i)
        self.best: dict[str, int] = {}
        #: how often each city, province, county and park is named (by its table name)
        self.counts = counts
        #: the firm or institution a recent sentence was about, for 该公司/该企业 (set while reading)
        self.last_org: int | None = None
        park_count = 0
        #: the park the report is about, if one park has most of the park mentions
        self.topic_park: int | None = None
        for key, c in counts.items():
            if c:
                name, n = max(c.items(), key=lambda kv: (kv[1], -first[key + kv[0]]))
                if key in ("city", "county") and n == 1 and len(c) > 1:
                    continue  # 宜昌仅1家，襄阳仅4家: cities compared once each; none is the report's own
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
        if word in ("园区", "该区", "全区", "我区", "本区", "新区", "区内"):
            return self.best.get("park", self.best.get("county"))
        return None


#: 2019年度…名单 / 2023年度（第八批）绿色制造名单: the year (group 1) and batch (group 2) of a list
LIST_YEAR_RE = re.compile(
    r"(" + YEAR_NUM + r")\s*年度?\s*(?:[(（]?\s*第([0-9一二三四五六七八九十]+)[批届][)）]?)?[^，,。；;]{0,20}?(?:名单|通报|榜单|评选|评估|评价|公示|公告)"
)
LIST_YEAR_SCAN = anchored(LIST_YEAR_RE)  # its matches, tried only near an anchor (prefilter.Anchored)


CLAUSE_YEAR_RE = re.compile(r"(?<![0-9])(" + YEAR_NUM + r")\s*年(?!度?(?:代|以前|前|的|至|到))度?")
_CLAUSE_YEAR_SCAN = anchored(CLAUSE_YEAR_RE)  # its matches, tried only near an anchor (prefilter.Anchored)


YEAR_SPAN_RE = re.compile(r"\s*年?度?\s*(?:[至到~～\-—–]|以来)")


#: a year of the story rather than of a round: what comes before it (从2010年, 自2008年, 早在, 成立于)
#: or after it (2010年开始/起/以来, 2005年成立, 2009年由省政府设立…奖: the year the award or the firm began;
#: 2020年印发/修订的办法: the date of a rule the grant follows)
STORY_BEFORE_RE = re.compile(r"(?:从|自|自从|早在|始于|起于|成立于|创立于|设立于|创建于|创办于|始建于|建于|诞生于|启动于|开始于|创设于)\s*$")
STORY_AFTER_RE = re.compile(r"\s*(?:年度?)?\s*(?:[0-9]{1,2}\s*月(?:[0-9]{1,2}\s*日)?)?\s*(?:[,，]\s*)?(?:由[\u4e00-\u9fff]{1,12}?)?"
                            r"(?:开始|起(?!草)|以来|至今|成立|设立|创立|创办|创建|创设|设置|建成|投产|开办|建立|组建|注册|始创|诞生"
                            r"|印发|修订|颁布|出台|施行)")


#: a verb of winning right after a year: the year is the grant's (自2019年获批…以来, 从2015年起连续获评…)
AWARD_AFTER_YEAR_RE = re.compile(r"\s*年度?\s*(?:[0-9]{1,2}\s*月(?:[0-9]{1,2}\s*日)?)?\s*(?:起)?\s*(?:先后|连续|相继|成功|首次|正式)?\s*(?:获批|获评|荣获|获得|入选|被评为|被认定为|被授予|当选|摘得|荣膺)")
#: a clause that dates a beginning before its years (分别创立于1999年和2005年)
STORY_CLAUSE_RE = re.compile(r"(?:创立|成立|设立|创建|创办|始建|建立|诞生|创设|开办)于")


def story_year(text: str, start: int, end: int) -> bool:
    """Is the year written at ``text[start:end]`` (its digits) a year of the story, not of an award's
    round: the year something began (从2010年开始, 自2008年起, 2005年成立, 2010年设立“X奖”,
    分别创立于1999年和2005年)?"""
    if AWARD_AFTER_YEAR_RE.match(text, end):
        return False  # 自2019年获批成为…试点城市以来: the year of the grant itself
    if STORY_BEFORE_RE.search(text, max(0, start - 4), start) or STORY_AFTER_RE.match(text, end):
        return True
    clause = max(text.rfind(c, 0, start) for c in "，,；;。！？\n") + 1
    return bool(STORY_CLAUSE_RE.search(text, clause, start))


def _clause_year(text: str, start: int, end: int) -> int | None:
    """The year a sentence gives to what it says before ``end``: 2019年，田心高科园获批…;
    自2019年获批成为….  None where the year is part of a span (2017年至2020年, 由2017年的) or a
    date limit (截至2020年), or a clause break (；) lies between it and ``end``."""
    found = None
    for m in _CLAUSE_YEAR_SCAN.finditer(text, start, end):
        before = text[max(start, m.start() - 4):m.start()].rstrip()[-2:]  # 截至 2021 年底: spaces aside
        after = text[m.end(1):m.end(1) + 5]
        if YEAR_SPAN_RE.match(after) or re.search(r"由|从|到|(?<!截)至", before) or story_year(text, m.start(1), m.end(1)):
            continue  # 2017年至2020年, 从2017年; 自2008年起, 2005年成立: no round's year
        if re.search(r"截[至止]", before) and not re.match(r"\s*年\s*年?(?:底|末)", after):
            continue  # 截至2023年6月: a date limit, no year of its own; 截至2023年底 reports that year
        if re.search(r"[；;]", text[m.end():end]):
            continue
        found = to_year(m.group(1))
    return found


# X旗下的Y, X下属Y, X全资子公司Y, X控股的Y
#: (之 for 的 in Traditional prose: X之全資子公司Y; X100%持股之子公司Y, X的全资孙公司Y)
SUBSIDIARY_AFTER_PARENT_RE = re.compile(r"(?:\s*[(（][^()（）]{0,20}[)）])?\s*(?:的|之)?(?:(?:旗下|下属|所属)(?:的|之)?)?(?:(?:100%|百分之百)持股(?:的|之)?(?=子公司|孙公司))?(?:[二三]级子公司|全资子公司|控股子公司|全资孙公司|控股孙公司|子公司|孙公司|全资附属公司|附属公司|分公司|成员企业|成员单位|旗下|下属|所属|直属|下设|控股|全资)(?:企业|单位)?(?:的|之)?(?!拥有|有|包括|共有|现有|设有)\s*")


CLAUSE_BREAK_RE = re.compile(r"[，,；;。]")


def _clause_end(text: str, pos: int, s1: int) -> int:
    """Where the clause holding ``pos`` ends: at the next ，；。 or the sentence end ``s1``."""
    m = CLAUSE_BREAK_RE.search(text, pos, s1)
    return m.start() if m else s1


def _clause_start(text: str, s0: int, pos: int) -> int:
    """Where the clause holding ``pos`` begins: after the last ，；。 since the sentence start ``s0``."""
    return max([s0] + [k.end() for k in CLAUSE_BREAK_RE.finditer(text, s0, pos)])


ANAPHOR_RE = re.compile(r"我市|全市|本市|该市|我省|全省|本省|该省|园区|该区|全区|我区|本区|我县|全县|本县|该县")


#: what may stand between a body and its verb: its bracket (X（以下简称Y）主办), or the end of the
#: bracket that declares it (…（以下简称Y）主办, read from Y)
BRACKET_AFTER_RE = re.compile(r"\s*[(（][^()（）]{1,30}[)）]|[”\"」』]?\s*[)）]")


ORG_ANAPHOR_RE = re.compile(r"该(?:公司|企业|集团|厂|院|所|中心|大学|学院|校)")


GRANT_VERB_RE = re.compile(r"(?:正式|近日|日前|先后|已|联合|共同)?(?:公布|发布|颁发|授予|认定|命名|表彰|公示|印发|下发|评选|评定|批准|确定|组织|开展|设立|主办|协办|承办|指导)")


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


COORD_RE = re.compile(r"\s*(?:[(（][^()（）]{1,12}[)）])?[”\"」』]?\s*(?:、|和|与|及|以及|[，,]\s*(?:以及|及|和))\s*[“\"「『]?\s*")  # A（石家庄市）、B，以及C


#: grades that stand alone after an award was named (Hong Kong's 大奖 and 优异证书 too: 6个大奖得主, 「大奖」); inside an
#: award's name only ``rules.GRADES`` are split off, so 香港环境卓越大奖 keeps its name
#: a contest's grade (特优奖) or a quality award's class (卓越奖) counts only quoted on its own (获得“特优奖”)
STANDALONE_GRADE_RE = re.compile(GRADE_AFTER_RE.pattern + r"|(?<=组别|类别)大奖|(?<=[」”\"])大奖|(?<=[个项名])大奖(?=得主|获得者|获奖者)|(?<=[“「])大奖(?=[”」])|优异证书|优异奖"
                                 r"|(?<=[“\"「『])(?:" + "|".join(sorted(BARE_GRADES | set(QUALITY_CLASSES), key=len, reverse=True)) + r")(?=[”\"」』])"
                                 # 长岭重工获得特优奖 / 获颁佳作 / 获得银牌: a contest's grade or a medal right after the verb
                                 r"|(?<=[获得颁夺膺])(?:" + "|".join(sorted(BARE_GRADES, key=len, reverse=True)) + r")"
                                 r"|(?<=[获得颁夺膺])(?:" + "|".join(sorted(set(AFTER_GRADES) - {"大奖"}, key=len, reverse=True)) + r")(?=[，,。；;、\s]|$)")
_STANDALONE_GRADE_SCAN = anchored(STANDALONE_GRADE_RE)  # its matches, tried only near an anchor (prefilter.Anchored)


def grade_words(text: str, written: str | None = None) -> list[tuple[int, int, str]]:
    """Grade words (一等奖, 提名奖…) with offsets, for back-references to the last award named.
    ``text`` is searched (the shadow); the grade is taken as ``written`` in the report (大獎)."""
    source = written if written is not None else text
    return [(m.start(), m.end(), source[m.start():m.end()]) for m in _STANDALONE_GRADE_SCAN.finditer(text)]

class Walk:
    """The sentences of a report a family reads, as ``(s0, s1, idx, sent, ev, orgs)``: offsets, the
    indices of the mentions in it, its text, the evidence span and its organisations. A sentence with
    no mention and no count is skipped. After the family has read a sentence, the sentence leaves its
    topic for the next ones: its first organisation or park (``last_topic``, ``last_topic_fresh``) and
    its first firm (``ctx.last_org``, what 该公司 means), as the rules read them in one pass before."""

    def __init__(self, text: str, mentions: list[Mention], shared: dict[str, Any] | None = None) -> None:
        self.text, self.mentions = text, mentions
        if shared is None or "walk" not in shared:
            # the sentences and the report's context, computed once for all the sentence families
            # (``RelationInput.shared``); each walk gets its own copy of the context's reading state
            made = (self._sentences(text, mentions), ReportContext(mentions, ANAPHOR_RE.findall(text)))
            if shared is None:
                shared = {}
            shared["walk"] = made
        self._sents, base = shared["walk"]
        self.ctx = copy.copy(base)
        self.ctx.last_org = None
        self.last_topic: int | None = None
        self.last_topic_fresh = False  # was last_topic set by the sentence just before?

    @staticmethod
    def _sentences(text: str, mentions: list[Mention]) -> list[tuple[int, int, list[int], str, list[int]]]:
        starts = [m.start for m in mentions]
        out = []
        for s0, s1 in sentences(text):
            lo = bisect.bisect_left(starts, s0)
            hi = bisect.bisect_left(starts, s1)
            idx = list(range(lo, hi))
            sent = text[s0:s1]
            if not idx and not COUNT_RE.search(sent):
                continue
            out.append((s0, s1, idx, sent, [i for i in idx if mentions[i].label in ORG_LABELS]))
        return out

    def __iter__(self):
        mentions = self.mentions
        for s0, s1, idx, sent, orgs in self._sents:
            yield s0, s1, idx, sent, (s0, s1), orgs
            # the topic for the next sentences: this sentence's first organisation or park (its subject)
            subjects = [i for i in idx if mentions[i].label in ("Company", "Institution", "Park") and mentions[i].start - s0 < 30]
            self.last_topic_fresh = bool(subjects)
            if subjects:
                self.last_topic = subjects[0]
                # 位于X园区的Y公司，…: the firm, not the park that places it, is what 公司/该公司 refer to next
                firms = [i for i in subjects if mentions[i].label in ("Company", "Institution")]
                if firms:
                    self.ctx.last_org = firms[0]


#: what stands between a modifier's body and the subject it qualifies (依托A建设的B)
_BUILT_BY_RE = re.compile(r"(?:建设|组建|设立|投资|打造|牵头|主导|创办|成立|共建|联合共建)的")


def sentence_subject(text: str, mentions: list[Mention], idx: list[int], s0: int) -> int | None:
    """The organisation or park a sentence opens on (within its first 12 characters), passing over
    one that only qualifies it: 依托A建设的B，… -> B."""
    located = ORG_LABELS | {"Park"}
    subj = next((i for i in idx if mentions[i].label in located and mentions[i].start - s0 <= 12), None)
    if subj is not None:
        head = next((i for i in idx if mentions[i].start > mentions[subj].end and mentions[i].label in located), None)
        if head is not None and _BUILT_BY_RE.fullmatch(text, mentions[subj].end, mentions[head].start):
            subj = head
    return subj
