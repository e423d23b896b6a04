"""Enumerations in prose: one clause that grants or selects several winners at once.

Owns the receivedAward rules that read a clause as *verb + member list + award + grade*
(授予A、B、C等5家单位“2022年度X奖”称号；授予D、E…X奖提名奖), *member list + verb + award*
(A、B、C 3家企业成功入选X), and *award + 'the winners are' + member list* (X获奖单位分别为：A、B、C;
「X」由A、B獲獎). Every member of the list gets the award, with the year, edition and grade the
clause gives (the award's own, words between verb and award, a grade after the award), and a clause
that names only a grade (授予D、E银奖) takes the award of the clause before it. The granting body
stands before the verb and is never a member; a bracketed note inside the list is no member.
Vocabulary: ``kg/data/relations/enumerations.json`` (compiled in ``enumeration_vocabulary``); the
qualifiers of a grant: ``qualifiers``. Must not: read lists laid out one per line
(``lists``) or tables (``tables``).

Hand-written over the mentions rather than a spaCy Matcher: the members are mentions the entity
rules found (of several types, with unknown stretches between them), which token patterns over a
jieba segmentation do not see as units.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from ..prefilter import anchored, prefiltered
from ..rules import GRADE_AFTER_RE, GRADES, Mention
from .base import Relation, RelationInput, register
from .context import ReportContext
from .enumeration_vocabulary import search_selected, vocabulary
from .members import HOLDERS, members
from .continued import later_clauses, members_year
from .qualifiers import _quals, grade_chain
from .worn_titles import PERSONAL_AWARD_RE  # an award only persons hold (…奖章, …劳动模范, …先进个人)

#: what follows a place that qualifies the members after it: 昆明市3家企业, 我市有, 高新区入选的企业
PLACE_QUALIFIES_RE = re.compile(
    r"\s*(?:的)?(?:共有|共|有|另有)?\s*[0-9一二三四五六七八九十两]*\s*(?:家|个|名|户)?\s*(?:企业|单位|组织|公司)?\s*"
    r"(?:成功|分别|均)?(?:入选|获奖|上榜|入围|获得|荣获|获评|获|被|的企业|的单位|企业|单位|[:：])")
ANAPHOR_PLACE_RE = re.compile(r"我市|本市|全市|我省|本省|全省|我县|本县|全县|我区|本区|全区")

GRANT, SELECTED, NAMED = "award.enumeration_grant.v1", "award.enumeration_selected.v1", "award.enumeration_named.v1"
CONTINUED = "award.enumeration_continued.v1"
LOCATED = "located.enumeration_place.v1"
PROJECT = "award.project_owner.v1"
COUNTED = "award.enumeration_counted.v1"
#: what may stand between a verb of winning and the award it precedes: 第33届, 2023年度
EDITION_GAP_RE = re.compile(r"(?:第\s*[0-9一二三四五六七八九十百]+\s*[届批]|(?:19|20)[0-9]{2}\s*年度?)\s*$")
#: the noun of an award's holders written right after it, before them (X获奖企业A)
HOLDER_NOUN_AFTER_RE = re.compile(r"\s*(?:获奖企业|获奖单位|获奖组织|获奖者|获得者|得奖企业|得奖厂商|得奖者|得主)\s*")
GIVE_TO, ATTRIBUTIVE, WON_COUNT = "award.give_to.v1", "award.attributive_holder.v1", "award.won_count.v1"
register("enumerations", {
    WON_COUNT: ("receivedAward", "A(、B等N所高校)共计获得/斩获N项: the award the text named just before, won N times"),
    GIVE_TO: ("receivedAward", "颁发/頒發 award 给/給 A和B, or award 颁给/授予 A和B: the members after 给 win it"),
    ATTRIBUTIVE: ("receivedAward", "(已|曾)获得/荣获(第N届) award 的 A(、B), award获奖企业A: the holders the award describes"),
    COUNTED: ("receivedAward", "N家单位获奖/入围，(包括|分别为)A、B / 包括A、B在内的N家单位获(grade) / A、B乃往届的得奖品牌 / 获奖代表X公司: the award the paragraph names before it"),
    PROJECT: ("receivedAward", "ORG的“project”(、ORG的“project”…)(等N个项目)荣获/获得 award, 由A牵头与B合作完成的“…”, ORG的N个产品荣获: the unit named as the owner wins it (ANNOTATION.md)"),
    LOCATED: ("locatedIn", "the place or park that qualifies an enumeration's members (其中昆明市3家企业获…，分别是A、B; 我市A、B入选…; 园区入选的企业分别是A、B)"),
    GRANT: ("receivedAward", "授予/表彰/命名/确定 + members + (等N家) + award (+ grade); a grade-only clause takes the award before it"),
    SELECTED: ("receivedAward", "members (等N家) + 入选/荣获/获评/被评为 + award, the members opening their clause"),
    CONTINUED: ("receivedAward", "A获评X，2021年被认定为Y / A获评X，并入选Y: a later clause of the sentence with no holder of its own, opening on a time or an adverb and a verb of winning, gives its prize to the members before"),
    NAMED: ("receivedAward", "award + 获奖单位(分别)为/是/有/包括 + members, or 「award」由 members 获奖"),
})
CLAUSE_END_RE = re.compile(r"[。；;！!？?\n]")
TAIL_COMMA_RE = re.compile(r"[，,]")
PROJECT_VERB_RE = re.compile(r"(?:荣获|获得了?|获|摘得|斩获|夺得)\s*[“\"「]?$")
#: what closes a project's title before the verb: ” (等N个项目) (分别|均|共同)
#: (a code in brackets, a kind of work: 质量管理模式, 专利, N项…标准), (等)N个项目, an adverb
PROJECT_TAIL_RE = re.compile(
    r"[”\"」》]\s*(?:[(（][^()（）]{1,30}[)）])?\s*(?:[\u4e00-\u9fff]{0,8}?(?:项目|成果|模式|专利|技术|标准|产品))?"
    r"\s*(?:等?\s*[0-9一二三四五六七八九十]+\s*[个项件]\s*[^，,。；;“”《》]{0,12}?(?:项目|成果|专利|标准|产品)?)?"
    r"\s*(?:分别|均|共同|也|还|同时|又)?\s*$")
#: between 「award」由 and the win verb: the award's organisers (由A和B共同主办，…，获奖专利…), not its winners
BY_NOT_WINNERS_RE = re.compile(r"[，,。；;]|主办|承办|协办|组织|颁发|设立|评选|发起|负责")
#: a firm's counted products or projects right before the verb: 的3个产品 / 的2项成果均
OWNED_COUNT_RE = re.compile(r"的\s*[0-9一二三四五六七八九十两]+\s*[个项件款]\s*(?:产品|项目|成果|专利|品牌)\s*(?:均|都|分别|也|还|同时)?\s*$")
#: between an owner and its project's title: 的“ / 牵头研发的“ / 合作完成的“ / 牵头编制的《
OWNER_LINK_RE = re.compile(
    r"\s*(?:牵头|联合|主持|参与|作为第一完成单位)?\s*(?:合作|共同|联合)?\s*"
    r"(?:研发|研制|完成|申报|承担|开发|编制|起草|创建|主导)?(?:的)[“\"「《]")
#: an owner coordinated with the next one before their shared link: 由A牵头与B合作完成的“…”
OWNER_WITH_NEXT_RE = re.compile(r"\s*(?:牵头)?\s*(?:与|和|、|及|联合)\s*$")
BY_AGENT_RE = re.compile(r"被[^，,。；;、]{2,20}$")
#: 共有6家单位获奖，分别为： / 最终仅有35家入围，包括 / 共10家企业入选，名单如下：
COUNTED_WIN_RE = re.compile(
    r"[0-9一二三四五六七八九十百两]+\s*(?:家|个|名|户)\s*(?:单位|企业|组织|品牌|集体|个人)?\s*(?:成功|最终)?"
    r"(?:获奖|入围|入选|上榜|获评|获得表彰|获(?P<g1>" + "|".join(GRADES) + r"))\s*[,，]?\s*(?:其中)?\s*"
    r"(?:包括|分别是|分别为|依次为|为|是|有|名单如下)\s*[:：]?\s*")
#: 获奖者包含A、B (the award named before) / 产品创新组有A、B (a class of the award named before)
WINNERS_LEAD_RE = re.compile(r"(?:获奖者|得奖者|得主|获奖单位|获奖企业|获奖组织|[\u4e00-\u9fff]{2,6}(?:组|类)|入选的[\u4e00-\u9fff]{0,10}?(?:企业|单位|园区|基地|项目)|(?:历年|历届)?风云榜)\s*(?:分别)?(?:包含|包括|涵盖了?|为|是|有)\s*[:：]?\s*")
_WINNERS_LEAD_SCAN = anchored(WINNERS_LEAD_RE)  # its matches, tried only near an anchor (prefilter.Anchored)
#: 这6家长沙企业及其产品为：A公司<product>、B公司<product>: firms that open items with their products
OWNERS_LEAD_RE = re.compile(r"(?:这|共|其中)?\s*[0-9一二三四五六七八九十百两]+\s*(?:家|个)[^，,。；;：:\n]{0,8}?(?:企业|单位|公司)\s*(?:及其|和其|与其)\s*(?:产品|项目|品牌)\s*(?:分别)?(?:为|是|包括|如下)\s*[:：]?\s*")
#: 进入公示名单 / 列入拟认定名单: members entered on the list of the award named before
ENTERED_LIST_RE = re.compile(r"(?:成功|均|都|已)?(?:进入|列入|入选|入围|纳入|登上)了?\s*(?:拟认定|公示|公布的?|最终|该|这一)?\s*名单")
_ENTERED_LIST_SCAN = anchored(ENTERED_LIST_RE)  # its matches, tried only near an anchor (prefilter.Anchored)
#: 6个大奖得主 / 金奖获得者: a grade right before the winners' lead
GRADE_BEFORE_LEAD_RE = re.compile(r"(?:[0-9一二三四五六七八九十]+\s*[个项名])?\s*(?P<g>" + "|".join(GRADES) + r"|大奖)\s*$")
#: A、B及C乃往届的得奖品牌 / A、B均为获奖企业: members said to be winners (of the award named before)
COPULA_WINNER_RE = re.compile(r"(?:乃|是|为|均为|均是|系|都是)\s*(?:往届|历届|本届|今年|去年|上届)?\s*(?:的)?\s*(?:得奖|获奖)(?:品牌|企业|单位|者|组织|机构|人)(?![^，,。；;]{0,6}(?:颁奖|颁发|授牌|颁证))")  # not 为获奖单位和个人颁奖: the givers
#: 获奖代表X公司董事长Y表示: the organisation that speaks for the winners is one
#: verbs whose subject receives (a government before one is a winner, not the granting body)
RECEIVES_RE = re.compile(r"\s*(?:荣获|获得|获评|获颁|摘得|斩获|夺得|摘取|入选|当选|荣膺|获)")
WINNER_REP_RE = re.compile(r"(?:获奖|得奖)(?:企业|单位)?代表\s*")
#: 另有包括A、B在内的10家单位获提名奖
INCLUDING_RE = re.compile(r"包括(?P<list>[^。；;\n]{2,400}?)在内的\s*[0-9一二三四五六七八九十百两]+\s*(?:家|个|名)\s*(?:单位|企业|组织)?\s*(?:获得?|荣获|入选)(?P<g>" + "|".join(GRADES) + r")?")
#: 颁发终身贡献奖给A和B: the verb right before the award, 给 right after it
GIVE_VERB_RE = re.compile(r"(?:颁发|頒發|颁授|頒授|颁|頒)\s*[“\"「]?$")
GIVE_TO_RE = re.compile(r"[”\"」]?\s*(?:给|給|予)\s*")
#: the verb that gives an award right after it (終身成就獎頒給A, X奖授予A, X奖则颁予A)
AWARD_THEN_GIVEN_RE = re.compile(r"[”\"」]?\s*(?:则|将|最终|分别)?\s*(?:颁给|颁予|授予|授给|颁发给|颁授给|颁发予)\s*")
#: 已获得福建省政府质量奖的三棵树涂料股份有限公司: a holder described by the award it won
ATTRIB_VERB_RE = re.compile(r"(?:已|曾|先后|均)?(?:获得|荣获|获评|获|被评为|被认定为)(?:过|了)?\s*[“\"「]?$")
ATTRIB_DE_RE = re.compile(r"[”\"」]?\s*(?:称号|荣誉|荣誉称号)?\s*的\s*")
#: 共计获得12项 / 斩获4项 / 分获3项: a number of wins right after the verb (no noun between: 获得专利5项 is no win)
WON_COUNT_RE = re.compile(r"(?:共计|共|总共|累计|分别|均)?\s*(?:获得|斩获|摘得|荣获|夺得|分获|共有|获)了?\s*[0-9一二三四五六七八九十两]+\s*项(?![\u4e00-\u9fff]{0,2}(?:专利|标准|发明|成果|技术))")
#: WON_COUNT_RE's matches, tried only at its possible first characters (kg.nlp.prefilter)
_WON_COUNT_SCAN = prefiltered(WON_COUNT_RE) or WON_COUNT_RE
#: between two prizes one verb gives (获得X一等奖、Y金奖): a list separator and the next one's lead-in
#: a member's own grade in brackets right after it: A（一等奖）、B（二等奖）
MEMBER_GRADE_RE = re.compile(r"\s*[(（【\[]\s*(?P<g>" + GRADE_AFTER_RE.pattern + r")\s*[)）】\]]")
#: a grade in brackets after a prize (X奖（金奖）和Y奖（一等奖）): the chain goes on after it
BRACKETED_GRADE_RE = re.compile(r"\s*[(（【\[]\s*(?:" + GRADE_AFTER_RE.pattern + r")\s*[)）】\]]")
#: the closing quote and the title word of the prize before (X”称号、“Y), then the separator (、 和 及
#: 以及 与 暨, or none between two quoted prizes: “X”“Y”) and the next one's opening quote
AWARD_CHAIN_RE = re.compile(
    r"[”\"」』]?\s*(?:荣誉称号|称号|荣誉)?\s*"
    r"(?:(?:、|和|及|以及|与|暨)\s*[“\"「『]?|(?<=[”\"」』])\s*[“\"「『])\s*")
#: a prize written fused with its grade (中国专利优秀奖: no award name of its own, ANNOTATION.md)
#: inside a chain of prizes one verb gives: the chain goes on past it
FUSED_GRADE_ITEM_RE = re.compile(r"[\u4e00-\u9fff]{2,14}?(?:金奖|银奖|铜奖|优秀奖|特等奖|一等奖|二等奖|三等奖)(?=[”\"」』]?\s*(?:、|和|及|以及|与|暨))")
#: what opens a clause before its member list: 其中， / 我省的 / 共有
LEAD_RE = re.compile(r"\s*(?:其中|此外|另外|同时|我[省市县区]|全[省市县区]|本[省市县区]|共有|有)?\s*(?:的)?")
ORG_NOUN_RE = re.compile(r"企业|单位|组织|公司|机构")


#: what ends a run of an award's categories: another award brought in (此外，其他额外獎項「…」)
_RUN_BREAK_RE = re.compile(r"此外|另外|其他|其它|另有|同时")


def _category_run_end(sh: str, pos: int, mentions: list[Mention], awards: list[int], award_starts: list[int]) -> int:
    """Where the categories listed after ``pos`` end: the end of the paragraph, extended over the
    paragraphs that open on a category (「Y」由… / Y：…), and cut at a word that brings in another award."""
    end = sh.find("\n", pos)
    end = len(sh) if end < 0 else end
    while end < len(sh):
        nxt = end
        while nxt < len(sh) and sh[nxt] in "\n \t\u3000":
            nxt += 1
        k = bisect.bisect_left(award_starts, nxt)
        if nxt >= len(sh) or not (k < len(awards) and mentions[awards[k]].start - nxt <= 1):
            break
        e2 = sh.find("\n", nxt)
        end = len(sh) if e2 < 0 else e2
    cut = _RUN_BREAK_RE.search(sh, pos, end)
    return cut.start() if cut else end



def _owners_start(sh: str, end: int) -> int:
    """Where the owners of the project closing at ``end`` can begin: the sentence's start or the
    last clause stop (，；) outside quotes and brackets before it (A的“…”荣获X，B的“…”获Y: B only)."""
    depth = 0
    i = end
    while i > 0 and end - i < 600:
        ch = sh[i - 1]
        if ch in "”」》)）":
            depth += 1
        elif ch in "“「《(（":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in "。！!？?\n，,；;":
            return i
        i -= 1
    return i

def find(inp: RelationInput) -> list[Relation]:
    sh, mentions = inp.sh, inp.mentions
    v = vocabulary()
    starts = [m.start for m in mentions]
    awards = [i for i, m in enumerate(mentions) if m.label == "Award"]
    award_starts = [mentions[i].start for i in awards]
    out: list[Relation] = []
    seen: set[tuple[int, int]] = set()
    inp_claims = inp.claims  # the clauses read completely (per report: no state outside inp)

    ctx: list[ReportContext] = []

    def add(ms: list[int], award: int, rule: str, ev: tuple[int, int], q: dict[str, Any]) -> None:
        for i in ms:
            if (i, award) not in seen and i != award:
                seen.add((i, award))
                # A（一等奖）、B（二等奖）: a member's own grade in brackets right after it
                own = MEMBER_GRADE_RE.match(sh, mentions[i].end)
                qi = {**q, "grade": inp.text[own.start("g"):own.end("g")]} if own else q
                out.append(Relation(i, "receivedAward", award, rule, ev, dict(qi)))
        if ms:
            mentions[award].attrs["conferred"] = True  # a generic title (中华老字号) is kept once it is won
        if rule != COUNTED:  # a counted list borrows its award from before: it reads too little to claim
            inp_claims.append(("receivedAward", ev[0], ev[1]))
        if not ms:
            return
        place = _qualifying_place(mentions[ms[0]].start)
        if place is not None:
            for i in ms:
                m = mentions[i]
                if m.label in ("Company", "Institution", "Park") and (i, place) not in seen and not (m.label == "Park" and mentions[place].label == "Park"):
                    seen.add((i, place))
                    out.append(Relation(i, "locatedIn", place, LOCATED, ev))

    def _qualifying_place(list_start: int) -> int | None:
        """The place or park named just before an enumeration as the home of its members."""
        s0 = list_start
        while s0 > 0 and sh[s0 - 1] not in "。！!？?\n" and list_start - s0 < 80:
            s0 -= 1
        lo, hi = bisect.bisect_left(starts, s0), bisect.bisect_left(starts, list_start)
        for i in range(hi - 1, lo - 1, -1):
            m = mentions[i]
            if m.label in ("Place", "Park") and PLACE_QUALIFIES_RE.match(sh, m.end, list_start + 1):
                return i
            if m.label not in ("Place", "Park", "Award"):
                return None  # an organisation between: the place is that one's
        for an in ANAPHOR_PLACE_RE.finditer(sh, s0, list_start):
            if PLACE_QUALIFIES_RE.match(sh, an.end(), list_start + 1) or an.end() == list_start:
                if not ctx:
                    ctx.append(ReportContext(mentions, ANAPHOR_PLACE_RE.findall(sh)))
                return ctx[0].resolve(an.group(0))
        return None

    def clause_end(pos: int) -> int:
        m = CLAUSE_END_RE.search(sh, pos)
        return m.start() if m else len(sh)

    def comma_start(pos: int) -> int:
        k = pos
        while k > 0 and sh[k - 1] not in "。；;！!？?\n：:,，" and (pos - k < 30 or ("、" in sh[k:pos] and pos - k < 300)):
            k -= 1  # a 、-list before the verb is read whole (A、B、…、G等高校斩获4项)
        return k

    def clause_start(pos: int) -> int:
        # after the last clause stop before pos (found by rfind: a walk back char by char was
        # quadratic in a piece without punctuation)
        return max(sh.rfind(c, 0, pos) for c in "。；;！!？?\n：:") + 1

    # 1. verb first: 授予 A、B、C 等N家单位 “2022年度X奖” (称号)，授予 D、E … 提名奖
    last_award: tuple[int, dict[str, Any]] | None = None
    for g in v["grant"].finditer(sh):
        s = g.end()
        end = clause_end(s)
        k = bisect.bisect_left(award_starts, s)
        while end < len(sh) and sh[end] in ";；" and not (k < len(awards) and mentions[awards[k]].start < end):
            # 授予A、B;C、D等9家单位…奖: a semicolon slipped into the list, which goes on to its award
            nk = bisect.bisect_left(starts, end + 1)
            if not (nk < len(mentions) and mentions[nk].start <= end + 2 and mentions[nk].label in HOLDERS):
                break
            end = clause_end(end + 1)
        nxt = v["grant"].search(sh, s, end)
        scope_end = nxt.start() if nxt else end
        k = bisect.bisect_left(award_starts, s)
        award = awards[k] if k < len(awards) and mentions[awards[k]].start < scope_end else None
        if v["candidates"].search(sh, comma_start(g.start()), g.start()):
            continue  # 拟推荐授予…: a candidate list (the whole sentence may say 经自愿申报 of the winners)
        if award is not None:
            a = mentions[award]
            head = sh[s:a.start]
            tail = v["grant_tail"].search(head)
            list_end = s + (tail.start() if tail else len(head))
            ms = members(sh, s, list_end, mentions, starts)
            if not ms:
                continue
            q = _quals(sh, mentions, award, sh[list_end:a.start], a.end, scope_end)
            add(ms, award, GRANT, (clause_start(g.start()), scope_end), q)
            last_award = (award, q)
        elif last_award is not None:
            # a clause that names a grade only: 授予D、E银奖 after 授予A、B…X奖金奖
            gr = None
            for gm in GRADE_AFTER_RE.finditer(sh, s, scope_end):
                gr = gm
                break
            if gr is None:
                continue
            head = sh[s:gr.start()]
            tail = v["grant_tail"].search(head)
            ms = members(sh, s, s + (tail.start() if tail else len(head)), mentions, starts)
            if ms:
                add(ms, last_award[0], GRANT, (clause_start(g.start()), scope_end), {**last_award[1], "grade": gr.group(0)})

    def lead_len(pos: int) -> int:
        return LEAD_RE.match(sh, pos).end() - pos

    # 2. members first: A、B、C 3家企业成功入选 X
    award_at = {mentions[i].start: i for i in awards}
    for a_i in awards:
        a = mentions[a_i]
        cs = clause_start(a.start)
        # the clause for a members-first reading opens at a comma too (其中，A、B入选X)
        k = max(cs, sh.rfind(",", cs, a.start) + 1, sh.rfind("，", cs, a.start) + 1)
        before = sh[k:a.start]
        sel = search_selected(v, before)
        if not sel or v["candidates"].search(before):
            continue
        lead = LEAD_RE.match(before)
        list_end = k + sel.start()
        by = BY_AGENT_RE.search(sh, k + lead.end(), list_end)
        if by is not None:
            list_end = by.start()  # A被商务部认定为…: the body after 被 grants, it wins nothing
        # a government right before a verb of receiving is the winner (泰州市政府荣获…); one before
        # a verb of granting (决定将…认定为) grants, and one after 被 (cut off above) too
        wins = RECEIVES_RE.match(sel.group(0)) is not None
        ms = members(sh, k + lead.end(), list_end, mentions, starts, granter_ok=wins)
        if not ms and k > cs and sh[k - 1] in ",，":
            link = v["subject_link"].search(sh, cs, k)
            if link is not None and k - link.end() <= 60:
                ms = members(sh, cs + lead_len(cs), link.start(), mentions, starts)
        if ORG_NOUN_RE.search(sel.group(0)):
            ms = [i for i in ms if mentions[i].label not in ("Place", "Park")]  # 昆明市3家企业获…, 滨海新区五家企业获评…: the firms' home
        if not ms:
            continue
        ce = clause_end(a.end)
        q = _quals(sh, mentions, a_i, sh[k + sel.start():a.start], a.end, ce)
        if q.get("year") is None:
            # A2020年被评为X: the year between the members and the verb dates the win
            q["year"] = members_year(sh, max(mentions[i].end for i in ms), k + sel.start())
        shared = grade_chain(sh, inp.text, a.end, ce) if "分别" in sh[k:a.start] and len(ms) >= 2 else []
        if len(shared) == len(ms):
            # A和B分别荣获X一等奖和二等奖: the grades go to the members in order
            for i, grade in zip(ms, shared):
                add([i], a_i, SELECTED, (k, ce), {**q, "grade": grade})
        else:
            add(ms, a_i, SELECTED, (k, ce), q)
        # A获得X一等奖、Y金奖: the prizes chained after the verb go to the same members
        at = last_at = a_i
        while True:
            after = GRADE_AFTER_RE.match(sh, mentions[at].end) or BRACKETED_GRADE_RE.match(sh, mentions[at].end)
            chain = AWARD_CHAIN_RE.match(sh, after.end() if after else mentions[at].end)
            at = award_at.get(chain.end()) if chain else None
            if chain and at is None:
                fused = FUSED_GRADE_ITEM_RE.match(sh, chain.end(), ce)
                if fused and not any(chain.end() <= s_ < fused.end() for s_ in award_at):
                    chain = AWARD_CHAIN_RE.match(sh, fused.end())
                    at = award_at.get(chain.end()) if chain else None
            if at is None or mentions[at].start >= ce:
                break
            add(ms, at, SELECTED, (k, ce), _quals(sh, mentions, at, "", mentions[at].end, ce))
            last_at = at
        # A2020年获评X，2021年被认定为Y / A获评X，并入选Y: later clauses with the holder left unsaid
        for nxt, head, cs_ in later_clauses(sh, mentions, starts, awards, award_starts, mentions[last_at].end, ce, v):
            add(ms, nxt, CONTINUED, (cs_, ce), _quals(sh, mentions, nxt, head, mentions[nxt].end, ce))
        # A获X银奖，B获优秀奖: the members-first reading claims its own clause, not the next one's
        # holder and grade (the sentence rules read those)
        tail_comma = TAIL_COMMA_RE.search(sh, mentions[last_at].end, ce)
        after_comma = range(bisect.bisect_left(starts, tail_comma.end()), bisect.bisect_left(starts, ce)) if tail_comma is not None else range(0)
        # …，2021年被认定为Y / …，并入选Y: a later clause with a prize of its own (its holder left
        # unsaid) is the sentence rules' to read too
        if tail_comma is not None and any(mentions[j].label in HOLDERS or (mentions[j].label == "Award" and search_selected(v, sh[tail_comma.end():mentions[j].start])) for j in after_comma):
            for c, claim in enumerate(inp_claims):
                if claim == ("receivedAward", k, ce):
                    inp_claims[c] = ("receivedAward", k, tail_comma.start())

    # 3. award first: X获奖单位分别为：A、B、C ；「X」由 A、B 獲獎
    parent: tuple[int, int, int] | None = None  # (award, start, end) of a lead 'X得主包括：' over categories

    def with_parent(ms: list[int], a_i: int, ev: tuple[int, int]) -> None:
        if parent is not None and parent[1] <= mentions[a_i].start < parent[2] and a_i != parent[0]:
            add(ms, parent[0], NAMED, ev, _quals(sh, mentions, parent[0], "", mentions[parent[0]].end, ev[1]))

    for a_i in awards:
        a = mentions[a_i]
        ce = clause_end(a.end)
        named = v["named"].match(sh, a.end, ce)
        g = GRADE_AFTER_RE.match(sh, a.end, ce)
        if named is None and g is not None:
            named = v["named"].match(sh, g.end(), ce)
        if named is None:
            named = v["named_list"].match(sh, a.end, ce)
        if named is None:
            named = v["named_count"].match(sh, (g.end() if g is not None else a.end), ce)
        if named is not None:
            if v["candidates"].search(sh, clause_start(a.start), named.end()):
                continue
            k = bisect.bisect_left(award_starts, named.end())
            if k < len(awards) and mentions[awards[k]].start - named.end() <= 1:
                # X得主包括：「Y」由A、B獲獎；「Z」由C獲獎 / X获奖名单：Y：A、B: the winners of each category
                # win X too, for as long as paragraphs go on naming categories
                parent = (a_i, named.end(), _category_run_end(sh, named.end(), mentions, awards, award_starts))
                continue
            ms = members(sh, named.end(), ce, mentions, starts, granter_ok=True)
            if len(ms) >= 1:
                # the edition may follow the award: …企业名单(第二批第二年)的福建企业是
                around = sh[clause_start(a.start):a.start] + " " + sh[a.end:named.end()]
                add(ms, a_i, NAMED, (clause_start(a.start), ce), _quals(sh, mentions, a_i, around, a.end, ce))
                with_parent(ms, a_i, (clause_start(a.start), ce))
            continue
        by = re.match(r"[”\"」』]?\s*由", sh[a.end:ce])
        if by:
            rest_start = a.end + by.end()
            won = None
            for won in re.finditer(r"(?:分别|共同)?(?:获奖|獲獎|获得|夺得|摘得)", sh[rest_start:ce]):
                break
            if won is not None and not BY_NOT_WINNERS_RE.search(sh, rest_start, rest_start + won.start()):
                ms = members(sh, rest_start, rest_start + won.start(), mentions, starts, granter_ok=True)
                if ms:
                    add(ms, a_i, NAMED, (clause_start(a.start), ce), _quals(sh, mentions, a_i, "", a.end, ce))
                    with_parent(ms, a_i, (clause_start(a.start), ce))
    # 5. counted winners named after the count: 共有6家单位获奖，分别为：A、B; 包括A、B在内的10家单位获提名奖
    def context_award(pos: int) -> int | None:
        """The award the text names last before ``pos`` (within 300 characters; it may stand in the
        paragraph before: …组织开展了第二届X评选工作。\n\n…共有6家单位获奖，分别为：)."""
        k = bisect.bisect_left(award_starts, pos) - 1
        while k >= 0:
            m = mentions[awards[k]]
            if pos - m.end > 300:
                return None
            if not v["candidates"].search(sh, comma_start(m.start), m.start):
                return awards[k]
            k -= 1
        return None

    for cm in COUNTED_WIN_RE.finditer(sh):
        a_i = context_award(cm.start())
        if a_i is None:
            continue
        ce = clause_end(cm.end())
        ms = members(sh, cm.end(), ce, mentions, starts)
        if ms:
            q = _quals(sh, mentions, a_i, "", mentions[a_i].end, clause_end(mentions[a_i].end))
            if cm.group("g1"):
                q["grade"] = cm.group("g1")
            add(ms, a_i, COUNTED, (clause_start(cm.start()), ce), q)
    for wc in _WON_COUNT_SCAN.finditer(sh):
        # 浙江大学共计获得12项，…; A、B等高校斩获4项: the award the text named before, won N times
        cs = comma_start(wc.start())
        a_i = context_award(cs)
        if a_i is None or v["candidates"].search(sh, cs, wc.end()):
            continue
        k = bisect.bisect_left(award_starts, cs)
        if k < len(awards) and mentions[awards[k]].start < wc.end():
            continue  # the clause names its award: the rules above read it
        lead = LEAD_RE.match(sh, cs).end()
        ms = [i for i in members(sh, lead, wc.start(), mentions, starts) if mentions[i].label != "Place"]
        if ms:
            q = _quals(sh, mentions, a_i, "", mentions[a_i].end, clause_end(mentions[a_i].end))
            add(ms, a_i, WON_COUNT, (cs, clause_end(wc.end())), q)
    for cm in COPULA_WINNER_RE.finditer(sh):
        cs = comma_start(cm.start())
        a_i = context_award(cs)
        if a_i is None:
            continue
        lead = LEAD_RE.match(sh, cs).end()
        ms = members(sh, lead, cm.start(), mentions, starts)
        if ms:
            add(ms, a_i, COUNTED, (cs, clause_end(cm.end())), _quals(sh, mentions, a_i, "", mentions[a_i].end, clause_end(mentions[a_i].end)))
    for rm in WINNER_REP_RE.finditer(sh):
        k = bisect.bisect_left(starts, rm.end())
        a_i = context_award(rm.start())
        if a_i is not None and k < len(mentions) and mentions[k].start == rm.end() and mentions[k].label in ("Company", "Institution"):
            add([k], a_i, COUNTED, (comma_start(rm.start()), clause_end(rm.end())), _quals(sh, mentions, a_i, "", mentions[a_i].end, clause_end(mentions[a_i].end)))
    for em in _ENTERED_LIST_SCAN.finditer(sh):
        # A公司的“品牌”、B公司的“品牌”进入公示名单: the award the text named before
        cs = clause_start(em.start())
        a_i = context_award(cs)
        k = bisect.bisect_left(award_starts, cs)
        if a_i is None or (k < len(awards) and mentions[awards[k]].start < em.end()) or v["candidates"].search(sh, cs, em.end()):
            continue
        ms = members(sh, LEAD_RE.match(sh, cs).end(), em.start(), mentions, starts)
        if len(ms) >= 2:
            add(ms, a_i, COUNTED, (cs, clause_end(em.end())), _quals(sh, mentions, a_i, "", mentions[a_i].end, clause_end(mentions[a_i].end)))
    for om in OWNERS_LEAD_RE.finditer(sh):
        a_i = context_award(om.start())
        if a_i is None:
            continue
        ce = clause_end(om.end())
        ms = members(sh, om.end(), ce, mentions, starts, opening=True)
        if len(ms) >= 2:
            add(ms, a_i, COUNTED, (clause_start(om.start()), ce), _quals(sh, mentions, a_i, "", mentions[a_i].end, clause_end(mentions[a_i].end)))
    for lm in v["listed"].finditer(sh):
        k = bisect.bisect_left(award_starts, lm.start())
        if k < len(awards) and mentions[awards[k]].start < lm.end():
            continue  # an award inside the count: the members-first rule reads it
        cs = comma_start(lm.start())
        a_i = context_award(cs)
        if a_i is None or v["candidates"].search(sh, cs, lm.end()):
            continue
        ms = members(sh, cs + lead_len(cs), lm.start(), mentions, starts)
        if len(ms) >= 2:
            q = _quals(sh, mentions, a_i, "", mentions[a_i].end, clause_end(mentions[a_i].end))
            add(ms, a_i, COUNTED, (cs, clause_end(lm.end())), q)
    for wm in _WINNERS_LEAD_SCAN.finditer(sh):
        k = bisect.bisect_left(award_starts, wm.start())
        if k > 0 and wm.start() - mentions[awards[k - 1]].end <= 3:
            continue  # the award right before: the named-winner rule reads it
        a_i = context_award(wm.start())
        if a_i is None:
            continue
        ce = clause_end(wm.end())
        ms = members(sh, wm.end(), ce, mentions, starts, granter_ok=True)
        if len(ms) >= 2:
            q = _quals(sh, mentions, a_i, "", mentions[a_i].end, clause_end(mentions[a_i].end))
            grade = GRADE_BEFORE_LEAD_RE.search(sh, max(0, wm.start() - 12), wm.start())
            if grade is not None:
                q["grade"] = inp.text[grade.start("g"):grade.end("g")]  # 6個大獎得主分別為: the grade as written
            add(ms, a_i, COUNTED, (clause_start(wm.start()), ce), q)
    for im in INCLUDING_RE.finditer(sh):
        a_i = context_award(im.start())
        if a_i is None:
            continue
        ms = members(sh, im.start("list"), im.end("list"), mentions, starts)
        if ms:
            q = _quals(sh, mentions, a_i, "", mentions[a_i].end, clause_end(mentions[a_i].end))
            q["grade"] = im.group("g") or q.get("grade")
            q = {k: val for k, val in q.items() if val is not None}
            add(ms, a_i, COUNTED, (clause_start(im.start()), clause_end(im.end())), q)

    # 6. 頒發終身貢獻獎給A和B; 已获得X的A公司
    for a_i in awards:
        a = mentions[a_i]
        ce = clause_end(a.end)
        give = GIVE_VERB_RE.search(sh, max(0, a.start - 6), a.start)
        to = GIVE_TO_RE.match(sh, a.end, ce)
        if to is None or give is None or give.end() != a.start:
            # 終身成就獎頒給A / X奖授予A: the award, then the verb that gives it, then its holders
            to = AWARD_THEN_GIVEN_RE.match(sh, a.end, ce)
            give = to
        if give is not None and (give is to or give.end() == a.start) and to is not None:
            stop = re.search(r"[,，]|表彰|表扬|表揚|以表", sh[to.end():ce])
            ms = members(sh, to.end(), to.end() + (stop.start() if stop else ce - to.end()), mentions, starts)
            if ms:
                add(ms, a_i, GIVE_TO, (clause_start(a.start), ce), _quals(sh, mentions, a_i, "", a.end, ce))
            continue
        gap = EDITION_GAP_RE.search(sh, max(0, a.start - 12), a.start)  # 荣获|第33届|X的A
        at = gap.start() if gap else a.start
        won = ATTRIB_VERB_RE.search(sh, max(0, at - 8), at)
        de = ATTRIB_DE_RE.match(sh, a.end, ce)
        title = HOLDER_NOUN_AFTER_RE.match(sh, a.end, ce)
        if title is not None and PERSONAL_AWARD_RE.search(sh, a.start, a.end) and re.search(r"得主|获得者|获奖者|得奖者", title.group(0)):
            title = None  # 全国五一劳动奖章获得者X公司技师张三: a person's medal, its holder is the person
        if title is not None and not won:
            # 湖南省省长质量奖获奖企业华盛电子有限公司(、…): the holders the award's noun introduces
            ks, pos = [], title.end()
            while (k := bisect.bisect_left(starts, pos)) < len(mentions) and mentions[k].start == pos and mentions[k].label in ("Company", "Institution", "Park", "Person"):
                ks.append(k)
                sep = re.match(r"\s*(?:、|和|及|与)\s*", sh[mentions[k].end:ce])
                if sep is None:
                    break
                pos = mentions[k].end + sep.end()
            if ks:
                add(ks, a_i, ATTRIBUTIVE, (clause_start(a.start), ce), _quals(sh, mentions, a_i, "", a.end, ce))
        if won is not None and de is not None:
            k = bisect.bisect_left(starts, de.end())
            if k < len(mentions) and mentions[k].start == de.end() and mentions[k].label in ("Company", "Institution", "Park", "Person"):
                add([k], a_i, ATTRIBUTIVE, (clause_start(a.start), ce), _quals(sh, mentions, a_i, "", a.end, ce))

    # 4. the owners of winning projects: 城建集团的“…”、化工院的“…”等9个项目荣获X; 由A牵头研发的“…”获得X
    for a_i in awards:
        a = mentions[a_i]
        verb = PROJECT_VERB_RE.search(sh, max(0, a.start - 6), a.start)
        if verb is None or verb.end() != a.start:
            continue
        tail = PROJECT_TAIL_RE.search(sh, max(0, verb.start() - 60), verb.start())
        if tail is None:
            counted = OWNED_COUNT_RE.search(sh, max(0, verb.start() - 20), verb.start())
            k = bisect.bisect_left(starts, counted.start()) - 1 if counted else -1
            if counted and k >= 0 and mentions[k].end == counted.start() and mentions[k].label in ("Company", "Institution"):
                # 长沙钢铁有限公司的3个产品荣获X: the owner of the counted products wins it
                ce = clause_end(a.end)
                add([k], a_i, PROJECT, (clause_start(counted.start()), ce), _quals(sh, mentions, a_i, "", a.end, ce))
            continue
        s0 = _owners_start(sh, tail.start() + 1)
        owners: list[int] = []
        lo, hi = bisect.bisect_left(starts, s0), bisect.bisect_left(starts, tail.start())
        for i in range(hi - 1, lo - 1, -1):  # right to left: 由A牵头与B合作完成的 gives A through B
            m = mentions[i]
            if m.label not in ("Company", "Institution", "GovernmentAgency"):
                continue
            if OWNER_LINK_RE.match(sh, m.end, tail.start()):
                owners.append(i)
            elif owners and OWNER_WITH_NEXT_RE.fullmatch(sh, m.end, mentions[owners[-1]].start) and mentions[owners[-1]].end <= tail.start():
                owners.append(i)
        owners.sort()
        if owners:
            ce = clause_end(a.end)
            add(owners, a_i, PROJECT, (s0, ce), _quals(sh, mentions, a_i, "", a.end, ce))
    return out
