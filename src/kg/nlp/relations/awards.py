"""receivedAward in one sentence: an award verb and its holder (family ``awards``).

Owns holder + verb + award (A、B和C each), titles held (作为…企业，X…), holder nouns (…奖获得者、X),
winners named after the award named last (得奖者为A、B; 金奖由A夺得; A、B获奖), grades that point
back to the award named last (其中，X…一等奖; A、B分别获二等奖和三等奖; 一等奖2项：A、B), and a
title the report's place or park holds where the clause names no holder. A government is never
given the award it grants, nor a place a firm's award. Triggers: ``triggers.json``.
Must not: read lists laid out one per line or tables (``lists``, ``tables``). Enumerations in
prose with their own qualifiers: ``enumerations`` (which runs first and claims its clauses).
"""

from __future__ import annotations

import re
from typing import Any

from ...text import to_int, to_year
from ..rules import Mention, ORG_LABELS
from ..prefilter import anchored
from .base import register, Relation, RelationInput
from .context import (
    _award_context,
    _clause_end,
    _clause_start,
    _clause_year,
    _has,
    _is_granter,
    _same_award,
    ANAPHOR_RE,
    CLAUSE_BREAK_RE,
    COORD_RE,
    LIST_YEAR_SCAN,
    ORG_ANAPHOR_RE,
    RECIPIENTS,
    ReportContext,
    SUBSIDIARY_AFTER_PARENT_RE,
    triggers,
    Walk,
)

#: run_families drops this family's readings inside clauses a precise family claimed
LOOSE = True
register("awards", {
    "award.as_title.v1": ("receivedAward", "作为国家级专精特新“小巨人”企业，锦润厨具…: the title the next clause's subject holds"),
    "award.distributed_grades.v1": ("receivedAward", "A、B分别荣获市长质量奖和提名奖: an award named in the list is an item too (no grade)"),
    "award.grade_back_reference.v1": ("receivedAward", "a grade word standing alone (其中，X…一等奖): the award named last, to the holders of the grade's own clause"),
    "award.grade_granted.v1": ("receivedAward", "另一项优异奖则颁予A: the grade goes to the recipients after the granting verb"),
    "award.grade_list.v1": ("receivedAward", "其中一等奖2项：A、B；二等奖…: the members listed after the colon hold that grade"),
    "award.holder_noun.v1": ("receivedAward", "全国五一劳动奖章获得者、北垦农机首席技师尚德刚: the person the holder noun describes"),
    "award.report_topic.v1": ("receivedAward", "an award verb whose clause names no recipient (陶瓷产业成功获批…试点): the place or park the report is about, for a title such a place can hold"),
    "award.verb_clause.v1": ("receivedAward", "holder + award verb + award in one clause (A、B和C each get it); never a government, and a place only for a place's title"),
    "award.winners_named.v1": ("receivedAward", "得奖者为A、B: the winners of the award the report named last"),
    "award.won_by.v1": ("receivedAward", "(grade)由A、B夺得: the award the report named last, with the grade named before 由"),
    "award.won_unnamed.v1": ("receivedAward", "A、B获奖 / 榜上有名 with the award named just before"),
})


#: what may stand between a title and the comma after 作为…: 作为首届X奖获得者，Y
AS_HOLDER_RE = re.compile(r"[”\"]?\s*(?:的)?(?:获得者|得主|获奖者|获奖企业|获奖单位|获奖组织)?(?:之一)?\s*[，,]")


#: rules that, on real reports, give a government the award it grants (市政府决定授予…) or a place
#: the award of the firms it counts (全市N家企业获…省政府质量奖): a government's reading is
#: dropped, and a place's unless the title is one for places (…百强县, …示范城市, …示范区, …试点)
NOT_FOR_PLACES = frozenset({"award.verb_clause.v1", "award.grade_back_reference.v1"})


def _granted_to_a_place_in_error(m: Mention, award: str, rule: str) -> bool:
    """``award``: the award's name in the shadow text (Simplified), so 縣 reads as 县."""
    if m.label == "GovernmentAgency":
        return True
    # a grade read back to a place is mostly its own count (某市斩获金奖1项): kept
    return m.label == "Place" and rule == "award.verb_clause.v1" and not PLACE_TITLE_RE.search(award[-6:])


#: a place that is itself the subject of its win (某区斩获金奖2项): the verb right after its name, not
#: attributive (在广东获得的4项…金奖中) and not a modifier of the prize (株洲市中国专利金奖, 广东专利金奖)
PLACE_WINS_RE = re.compile(r"\s*(?:共|共计|累计|先后|再次|一举|又|还|也|共有)?\s*(?:斩获|获得|荣获|夺得|摘得|获)(?![的得])")


def _place_not_the_winner(text: str, m: Mention) -> bool:
    """A place a grade was read back to, where the text does not make it the winner."""
    return m.label in ("Place", "Park") and (not PLACE_WINS_RE.match(text, m.end) or text[max(0, m.start - 1):m.start] in ("在", "于"))


def _counted(r: Relation) -> bool:
    return r.qualifiers.get("count") is not None  # 某区斩获金奖2项: the place itself won (ANNOTATION.md)


PLACE_TITLE_RE = re.compile(r"城市|城区|[市县区省](?:[(（][^()（）]*[)）])?$|示范区|试点|之乡|名城|先行区|强[省市县区]|示范[市县区乡镇村]|集群|基地")


# …在A、B中排第81位: a place in a ranked list holds its title
RANKED_IN_RE = re.compile(r"[^，,。；;]{0,30}?中[，,]?\s*(?:排名?|位列|名列|位居|居)[^，,。；;]{0,16}?第")


LOCATIVE_BEFORE_RE = re.compile(r"(?:位于|地处|坐落于|落户|设在|在|于)$")


#: what the members of a winners' list are: A、B等10位专家、企业家, 等5家单位
WINNER_KIND = r"(?:企业家|企业|单位|组织|集体|专家|学者|个人|人士|代表|同志|职工|工匠|科技工作者|园区|基地|品牌|公司|机构|院所|高校)"
#: A、B等共计N位…的专家、企业家(获得此项殊荣): the members' count and what they are
WINNERS_COUNTED_RE = re.compile(r"\s*等\s*(?:共|共计|合计|总计)?\s*[0-9一二三四五六七八九十百]+\s*[家个名位人]\s*(?:[^，,。；;、]{0,30}的)?"
                                + WINNER_KIND + "(?:、" + WINNER_KIND + r"){0,3}\s*(?:分别|均|都|也|同时)?\s*")
WON_UNNAMED_RE = re.compile(r"(?:获奖|获此殊荣|榜上有名|上榜|入围|入选|在(?:得奖|获奖)之列|名列其中|获得?(?:个人|组织|集体|单位)(?:类)?奖"
                            r"|(?:获得?|荣获|摘得|获颁|荣膺)了?(?:该|此|这一?|该项|此项|这项)(?:荣誉称号|荣誉|殊荣|奖项|称号|大奖))(?!(?:企业|单位|组织|项目|产品)?(?:名单|名录))")


WINNERS_RE = re.compile(
    r"(?<!以)(?:得奖者|得奖单位|得主|获奖者|获奖单位|获奖企业|获奖组织)(?:分别)?(?:为(?!榜样|标杆|楷模|典型)|是|有|包括|[：:])"
    r"|(?:获得|荣获|获评)[^，,。；;]{0,24}?的(?:组织|企业|单位|个人)(?:分别)?(?:是|有|为|包括)?\s*[：:]"
    r"|(?:获得|荣获|获评)[^，,。；;]{0,24}?的(?:包括|有)"
)
_WINNERS_SCAN = anchored(WINNERS_RE)  # its matches, tried only near an anchor (prefilter.Anchored)


GRADE_GRANTED_RE = re.compile(r"\s*(?:则|亦|也)?(?:颁予|颁给|授予|颁发给|由)")


HOLDER_NOUN_RE = re.compile(r"(?:获得者|获奖者|得主)[、，,]?")


WINNERS_AFTER_AWARD_RE = re.compile(r"(?:[^，,。；;]{0,4})的(?:组织|企业|单位|个人|集体)(?:分别)?(?:为|是|有|包括|[：:])")


WINNERS_STOP_RE = re.compile(r"[；;。]|(?:得奖者|得主|获奖者)")


BY_WINNER_RE = re.compile(r"由(?P<who>(?:[^，,。；;由]|[，,](?=以及|及|和|与))"r"{2,80}?)(?:分别)?(?:获得|获颁|摘得|夺得)(?![了的]?[0-9一二三四五六七八九十])")


COUNTED_FIRMS_RE = re.compile(r"(?<![等0-9一二三四五六七八九十百千余多])[0-9一二三四五六七八九十百千余多]+\**\s*(?:家|个|户|所|名|批|项)[^，,。；;0-9]{0,8}?\**\s*(?:被|获|入选|荣获|成功|列入|纳入|入围)")


ASPIRE_RE = re.compile(r"(?:争创|申创|申报|争取|力争|冲刺|创建)[^，,。；;]{0,4}$")


def _award_before(mentions: list[Mention], awards: list[int], pos: int, default: int | None) -> int | None:
    """The award named last before ``pos`` (of ``awards``, none that needs its context), else ``default``."""
    return max((a for a in awards if mentions[a].start < pos and not mentions[a].needs_context), default=default, key=lambda a: mentions[a].start)


def _in_bracket(text: str, start: int, pos: int) -> bool:
    """Is ``pos`` inside a bracket opened after ``start`` (A（以下简称B），…: B is A again)?"""
    piece = text[start:pos]
    return piece.count("（") + piece.count("(") > piece.count("）") + piece.count(")")


def _bracketed_place(text: str, mentions: list[Mention], i: int) -> bool:
    """Is mention ``i`` a place or park in brackets right after an organisation (X有限公司（柳北区））?"""
    m = mentions[i]
    inside = re.search(r"[(（][^()（）]{0,10}$", text[max(0, m.start - 11):m.start])  # X（南昌市青山湖区）
    if m.label not in ("Place", "Park") or not inside:
        return False
    opening = max(text.rfind("(", 0, m.start), text.rfind("（", 0, m.start))
    return any(x.end == opening and x.label in ORG_LABELS for x in mentions)


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


GRANT_TO_RE = re.compile(r"授予|颁给|授给|颁发给|颁授给?")


GRANTED_BEFORE_RE = re.compile(rf"(?:{GRANT_TO_RE.pattern})\s*$")  # with pos/endpos: the verb just before


RECIPIENT_OBJECT_RE = re.compile(r"(?:对|向|给|为)[^，,。；;]{0,4}(?:获得|获评|荣获|获批|入选)")


TOPIC_ANAPHOR_RE = re.compile(r"(?:^|(?<=[，,:：。！？!?；;\s]))(?P<an>我省|我市|我县)")


#: 我们的X获得…, 我公司… (a firm speaking of itself, as in an interview's answers)
SELF_ANAPHOR_RE = re.compile(r"我们|我公司|本公司|我厂|我院")


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


GRADE_LIST_RE = re.compile(r"\s*[0-9一二三四五六七八九十]+\s*(?:项|个|名|家)?\s*[：:]")


GRADE_CLAUSE_RE = re.compile(r"[；;，,：:]")


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
        return ctx.topic_park if PARK_TITLE_RE.search(text[am.start:am.end]) else None
    place = ctx.topic_place if ctx.topic_place is not None else ctx.best.get("city")
    # a place holds a place's title (示范城市, 试点, 强县); a firm's award (质量奖, 金手獎) is no place's
    return place if place is not None and PLACE_TITLE_RE.search(text[am.start:am.end]) else None


#: what follows a person who gives an award or speaks of it (never its winner in that clause)
GIVER_OR_SPEAKER_RE = re.compile(
    r"\s*(?:[\u4e00-\u9fff]{0,4}?(?:市长|市長|县长|縣長|局长|局長|部长|部長|主任|主席|院长|院長))?\s*"
    r"(?:今天|今日|昨天|昨日|日前|近日|当天|當天|会中|會中|会上|會上|特别|特別|亲自|親自|也|还|還|并|並|莅临现场|莅临|亲临现场|亲临|到场|出席并|出席|现场)*\s*"
    r"(?:颁奖|頒獎|颁发|頒發|表扬|表揚|颁给|頒給|授予|表示|说|說|指出|强调|強調|致词|致詞|致辞|致辭)")


#: a body named as the issuer of the standards that are the subject (中国核学会团体标准荣获…)
STANDARD_ISSUER_RE = re.compile(r"\s*(?:团体|團體|行业|行業|地方|企业|企業)?\s*(?:标准|標準)")


#: titles a park can hold: a report's topic park is given only these
PARK_TITLE_RE = re.compile(r"园|基地|示范区|开发区|集群|试点|示范|高新区|平台|新区|先行区")


def find(inp: RelationInput) -> list[Relation]:
    text, mentions, grades = inp.sh, inp.mentions, inp.grades
    rels: list[Relation] = []
    walk = Walk(text, mentions, inp.shared)
    ctx = walk.ctx
    trig = triggers()
    memo: dict[int, dict[str, Any]] = {}

    def award_context(a: int) -> dict[str, Any]:
        """``_award_context`` once per award mention (it scans the mentions before it)."""
        if a not in memo:
            memo[a] = _award_context(mentions, a)
        return dict(memo[a])

    last_award: int | None = None
    for s0, s1, idx, sent, ev, orgs in walk:
        # -- receivedAward ---------------------------------------------------------------
        awards = [i for i in idx if mentions[i].label == "Award"]
        before_sentence = last_award  # the award named last before this sentence
        for a in awards:
            am = mentions[a]
            subj = _award_subject(text, mentions, idx, a, trig, ctx, s0)
            rule = "award.verb_clause.v1"
            held = AS_HOLDER_RE.match(text, am.end)
            if subj is None and held and re.fullmatch(r"\s*作为\s*(?:(?:19|20)[0-9]{2}\s*年度?|首届|第[0-9一二三四五六七八九十]+届)?\s*[“\"]?", text[_clause_start(text, s0, am.start):am.start]):
                # 作为国家级专精特新“小巨人”企业，锦润厨具…, 作为首届X奖获得者，Y…: the title the next
                # clause's subject holds
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
            if subj is not None and mentions[subj].label == "Person" and GIVER_OR_SPEAKER_RE.match(text, mentions[subj].end):
                subj = None  # 市长胡志強今天頒獎表揚獲得「金手獎」的…; 張善政市長表示，…: the giver or the speaker
            if subj is not None and STANDARD_ISSUER_RE.match(text, mentions[subj].end):
                subj = None  # 4项中国核学会团体标准荣获…: the standards win, not the body that issues them
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
                    ly = LIST_YEAR_SCAN.search(text, s0, am.start)
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
                    rels.append(Relation(holder, "receivedAward", a, rule, ev, dict(q)))
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
            for wm in _WINNERS_SCAN.finditer(text, s0, s1):
                # the award named last before the winners (…榮膺「X」的N個獲獎者包括A、B…；
                # 而C則奪得「Y」: A and B won X, not the one named after them)
                won = _award_before(mentions, awards, wm.start(), last_award)
                stop = min([k.start() for k in WINNERS_STOP_RE.finditer(text, wm.end(), s1)] or [s1])
                qq = award_context(won)
                # 获得提名奖的组织有：E、F: the grade the clause names
                g = next((g for g in grades if _clause_start(text, s0, wm.start()) <= g[0] < wm.end()), None)
                if g is not None:
                    qq["grade"] = g[2]
                for i in idx:
                    m = mentions[i]
                    if wm.end() <= m.start < stop and m.label in ("Company", "Institution", "Person", "GovernmentAgency"):
                        rels.append(Relation(i, "receivedAward", won, "award.winners_named.v1", ev, dict(qq)))
            for bm_ in BY_WINNER_RE.finditer(text, s0, s1):
                qq = dict(q)
                # 金奖由A、B夺得: the grade named just before 由
                g = next((g for g in grades if s0 <= g[0] and g[1] <= bm_.start() and re.fullmatch(r"\s*(?:则|均|分别)?\s*", text[g[1]:bm_.start()])), None)
                if g is not None:
                    qq["grade"] = g[2]
                for i in idx:
                    m = mentions[i]
                    if bm_.start("who") <= m.start and m.end <= bm_.end("who") and m.label in ("Company", "Institution", "Person") and not _in_bracket(text, bm_.start("who"), m.start):
                        rels.append(Relation(i, "receivedAward", last_award, "award.won_by.v1", ev, dict(qq)))
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
                if holders and (re.fullmatch(r"\s*(?:等?[0-9一二三四五六七八九十]*[家个名项人]?(?:企业|单位|组织)?)?\s*(?:分别|均|都|也|同时)?\s*", gap)
                                or WINNERS_COUNTED_RE.fullmatch(gap)):
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
        sentence_last = last_award
        for g0, g1, grade in grades:
            # a grade points back to the award named last *before* it (中国专利优秀奖、湖南省质量奖:
            # the fused 优秀奖 is none of the prize after it)
            last_award = _award_before(mentions, awards, g0, before_sentence) if s0 <= g0 < s1 else sentence_last
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
        last_award = sentence_last

    ms = mentions
    # a person who gives the award or speaks of it (部长X莅临现场颁发…) wins none in that sentence
    # (a title worn before the posts, 全国劳动模范、…技师X说, is the speaker's own: holder_noun keeps it)
    rels = [r for r in rels if not (ms[r.subject].label == "Person" and r.rule != "award.holder_noun.v1" and GIVER_OR_SPEAKER_RE.match(text, ms[r.subject].end))]
    rels = [r for r in rels if not (r.rule == "award.grade_back_reference.v1" and _place_not_the_winner(text, ms[r.subject]))]
    return [r for r in rels if not (r.rule in NOT_FOR_PLACES and not _counted(r) and _granted_to_a_place_in_error(ms[r.subject], text[ms[r.object].start:ms[r.object].end], r.rule))]
