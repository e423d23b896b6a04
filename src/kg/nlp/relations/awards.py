"""receivedAward in one sentence: an award verb and its holder (family ``awards``).

Owns holder + verb + award (A、B和C each), titles held (作为…企业，X…), holder nouns (…奖获得者、X;
X奖得奖企业Y公司), members listed after an award and a colon (湖南省质量奖：A、B), winners named
after the award named last (得奖者为A、B; 金奖由A夺得; A、B获奖; 获奖的A公司), the members a prize
is given to (颁奖给A、B; 为A、B颁奖), grades that point back to the award named last (其中，X…一等奖;
A、B分别获二等奖和三等奖; 一等奖2项：A、B; …揭晓。一等奖：A、B), and a
title the report's place or park holds where the clause names no holder. Titles worn right before
a holder's name or after a copula (全国劳动模范王芳, A系国家高新技术企业): ``worn_titles``. A government is never
given the award it grants, nor a place a firm's award. Triggers: ``triggers.json``. Who the holder
of an award in its sentence is: ``award_holders``.
Must not: read lists laid out one per line or tables (``lists``, ``tables``). Enumerations in
prose with their own qualifiers: ``enumerations`` (which runs first and claims its clauses).
"""

from __future__ import annotations

import re
from typing import Any

from ...text import to_int, to_year
from ..awards import _award_core
from ..rules import GRADE_AFTER_RE, Mention
from ..prefilter import anchored
from .award_holders import (
    _award_subject,
    _bracketed_place,
    _coordinated,
    _locative,
    _topic_recipient,
    counted_firms,
    COUNTED_FIRMS_RE,
    GIVER_OR_SPEAKER_RE,
    PLACE_TITLE_RE,
    STANDARD_ISSUER_RE,
)
from .base import register, Relation, RelationInput
from .worn_titles import PERSONAL_AWARD_RE, worn_titles
from .context import (
    _award_context,
    _clause_end,
    _clause_start,
    _clause_year,
    _has,
    _is_granter,
    _same_award,
    LIST_YEAR_SCAN,
    RECIPIENTS,
    triggers,
    Walk,
)

#: run_families drops this family's readings inside clauses a precise family claimed
LOOSE = True
register("awards", {
    "award.as_title.v1": ("receivedAward", "作为国家级专精特新“小巨人”企业，锦润厨具…: the title the next clause's subject holds"),
    "award.distributed_grades.v1": ("receivedAward", "A、B分别荣获市长质量奖和提名奖: an award named in the list is an item too (no grade)"),
    "award.grade_back_reference.v1": ("receivedAward", "a grade word standing alone (其中，X…一等奖): the award named last (or the one a fused stem names: 中国专利金奖), to the holders of the grade's own clause or the holder it describes (荣获一等奖的X)"),
    "award.grade_granted.v1": ("receivedAward", "另一项优异奖则颁予A: the grade goes to the recipients after the granting verb"),
    "award.grade_list.v1": ("receivedAward", "其中一等奖2项：A、B；二等奖：C: the members listed after the colon hold that grade"),
    "award.colon_list.v1": ("receivedAward", "湖南省质量奖：A、B / X奖个人奖：张三（…）: the members listed after the award and a colon"),
    "award.given_to.v1": ("receivedAward", "由总统颁奖给A、B / 省长为A、B颁奖: the award named last goes to the members the prize is given to"),
    "award.holder_noun_org.v1": ("receivedAward", "台湾精品奖得奖企业研华公司…: the organisation named right after the award's holder noun"),
    "award.title_apposition.v1": ("receivedAward", "全国劳动模范王芳, 国家级专精特新“小巨人”企业某公司, 国家高新技术企业、国家级绿色工厂某公司: the titles worn right before a holder's name (a person's for a person, a firm's or a park's for an organisation)"),
    "award.honours_of.v1": ("receivedAward", "A获得的荣誉有：X、Y / A所获荣誉：X、Y / A的主要荣誉包括X: the honours a holder's own list names"),
    "award.copula_title.v1": ("receivedAward", "A系国家高新技术企业 / A为国家级绿色工厂 / A為國家品質獎得主: a holder and a copula right before the title it holds"),
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


#: what the members of a winners' list are: A、B等10位专家、企业家, 等5家单位
WINNER_KIND = r"(?:企业家|企业|单位|组织|集体|专家|学者|个人|人士|代表|同志|职工|工匠|科技工作者|园区|基地|品牌|公司|机构|院所|高校)"
#: A、B等共计N位…的专家、企业家(获得此项殊荣): the members' count and what they are
WINNERS_COUNTED_RE = re.compile(r"\s*等\s*(?:共|共计|合计|总计)?\s*[0-9一二三四五六七八九十百]+\s*[家个名位人]\s*(?:[^，,。；;、]{0,30}的)?"
                                + WINNER_KIND + "(?:、" + WINNER_KIND + r"){0,3}\s*(?:分别|均|都|也|同时)?\s*")
WON_UNNAMED_RE = re.compile(r"(?:获奖|获此殊荣|榜上有名|上榜|入围|入选|在(?:得奖|获奖)之列|名列其中|获得?(?:个人|组织|集体|单位)(?:类)?奖"
                            r"|(?:获得?|荣获|摘得|获颁|荣膺)了?(?:该|此|这一?|该项|此项|这项)(?:荣誉称号|荣誉|殊荣|奖项|称号|大奖))(?!(?:企业|单位|组织|项目|产品)?(?:名单|名录))")


WINNERS_RE = re.compile(
    r"(?<!以)(?:得奖者|得奖单位|得奖企业|得奖厂商|得主|获奖者|获奖单位|获奖企业|获奖组织|获奖厂商|获奖个人|获奖集体|获奖人|得奖人|获奖名单|得奖名单|入选名单)(?:如下)?(?:分别)?(?:为(?!榜样|标杆|楷模|典型)|是|有|包括|[：:])"
    r"|(?:获得|荣获|获评)[^，,。；;]{0,24}?的(?:组织|企业|单位|个人)(?:分别)?(?:(?:是|有|为|包括)\s*[：:]?|\s*[：:])"
    r"|(?:获得|荣获|获评)[^，,。；;]{0,24}?的(?:分别)?(?:包括|有|是|为)(?![的一])"
)
_WINNERS_SCAN = anchored(WINNERS_RE)  # its matches, tried only near an anchor (prefilter.Anchored)


#: a prize given with no name of its own right before 给 (the award named last): 颁奖给A、B, 颁发给A
#: 获奖的A公司 / 得奖的A公司: the winner of the award named before, described by its win
WON_DE_RE = re.compile(r"(?<![未没])(?:获奖|得奖|获此殊荣)的\s*")
PRIZE_GIVEN_TO_RE = re.compile(r"(?:颁奖|颁发奖项|颁发|授奖)\s*(?:给|予)\s*")


#: 为A、B颁奖 / 为A等10家企业授牌 / 向A颁发…, 给A颁发…: the members the prize is given to, between 为 (向, 给) and the verb
FOR_THEN_GIVE_RE = re.compile(r"(?:为|向|给)(?P<who>[^，,。；;：:为向给]{2,160}?)(?:颁奖|颁发奖牌|颁发奖杯|颁发证书|授牌|颁牌|颁证|颁授奖牌)(?=$|[，,。；;！!\s])")


FOR_THEN_AWARD_RE = re.compile(r"(?:为|向|给)(?P<who>[^，,。；;：:为向给]{2,160}?)(?:颁发了?|颁授了?|授予了?)\s*(?:(?:19|20)[0-9]{2}\s*年度?)?\s*[“\"「]?$")


GRADE_GRANTED_RE = re.compile(r"\s*(?:则|亦|也)?(?:颁予|颁给|授予|颁发给|由)")


#: an award, a class of its winners (个人奖, 组织奖) and a colon, the members after it: 湖南省质量奖：A、B
AWARD_COLON_RE = re.compile(r"[”\"」』]?\s*(?:个人奖|组织奖|集体奖|单位奖|企业奖)?\s*(?:[(（]\s*[0-9一二三四五六七八九十]+\s*(?:项|个|家|名|人)\s*[)）])?\s*[：:]\s*")
#: a list of candidates, not of winners (拟推荐, 候选)
CANDIDATE_RE = re.compile(r"推荐|候选|拟推|申报")
HOLDER_NOUN_RE = re.compile(r"(?:获得者|获奖者|得主)[、，,]?")
#: a holder noun of organisations right before one's name (X奖获奖企业Y公司, X奖得奖单位：Y)
ORG_HOLDER_NOUN_RE = re.compile(r"[”\"」』]?\s*(?:(?:获奖|得奖)(?:企业|单位|组织|厂商|机构)\s*[、，,：:]?|(?:得主|获得者)(?![、，,]))\s*")


WINNERS_STOP_RE = re.compile(r"[；;。]|(?:得奖者|得主|获奖者)")


BY_WINNER_RE = re.compile(r"由(?P<who>(?:[^，,。；;由]|[，,](?=以及|及|和|与))"r"{2,80}?)(?:分别)?(?:获得|获颁|摘得|夺得)(?![了的]?[0-9一二三四五六七八九十])")


#: an edition right after a verb of winning, before the award's name again (上榜第六批X)
EDITION_AGAIN_RE = re.compile(r"\s*(?:第\s*([0-9一二三四五六七八九十百]+)\s*[批届]|(首)[批届])\s*")


ASPIRE_RE = re.compile(r"(?:争创|申创|申报|争取|力争|冲刺|创建)[^，,。；;]{0,4}$")


def _award_before(mentions: list[Mention], awards: list[int], pos: int, default: int | None) -> int | None:
    """The award named last before ``pos`` (of ``awards``, none that needs its context), else ``default``."""
    return max((a for a in awards if mentions[a].start < pos and not mentions[a].needs_context), default=default, key=lambda a: mentions[a].start)


#: what cannot open the stem of an award fused to its grade (获2017年度|国家科技进步|二等奖)
FUSED_STEM_RE = re.compile(r"[\u4e00-\u9fff]{2,12}$")


def fused_award(text: str, g0: int, mentions: list[Mention], awards: list[int]) -> int | None:
    """The award of a grade fused to its stem (中国专利|金奖, 国家科技进步|二等奖): the one award the
    report names whose core (``kg.nlp.awards._award_core``: place, contractions) is the stem's + 奖,
    the longest stem first; None where the grade stands alone, or several awards fit."""
    if g0 == 0 or text[g0 - 1] == "奖":
        return None
    run = FUSED_STEM_RE.search(text, max(0, g0 - 12), g0)
    if run is None:
        return None
    cores = {a: _award_core(mentions[a].text) for a in awards}
    for k in range(run.start(), g0 - 1):
        place, rest = _award_core(text[k:g0] + "奖")
        fits = {cores[a] for a in awards if cores[a][1] == rest and (not place or cores[a][0] == place)}
        if len(fits) == 1:
            core = fits.pop()
            return max((a for a in awards if cores[a] == core), key=lambda a: (mentions[a].start < g0, -abs(mentions[a].start - g0)))
        if fits:
            return None
    return None


def _in_bracket(text: str, start: int, pos: int) -> bool:
    """Is ``pos`` inside a bracket opened after ``start`` (A（以下简称B），…: B is A again)?"""
    piece = text[start:pos]
    return piece.count("（") + piece.count("(") > piece.count("）") + piece.count(")")


#: what follows a grade whose members are listed after a colon: 一等奖2项：A、B; in prose, after a
#: clause break, 一等奖：A、B too (a line that opens on 一、金奖：A、B is the list reader's)
GRADE_LIST_RE = re.compile(r"\s*[0-9一二三四五六七八九十]+\s*(?:项|个|名|家)?\s*[：:]")
GRADE_LIST_PROSE_RE = re.compile(r"\s*(?:[(（]?\s*[0-9一二三四五六七八九十]+\s*(?:项|个|名|家)?\s*[)）]?)?\s*[：:]")


GRADE_CLAUSE_RE = re.compile(r"[；;，,：:]")


#: what may stand before a grade that opens its sentence: spaces, 其中 (a line that opens on
#: 一、金奖：A、B is the list reader's)
GRADE_OPENS_RE = re.compile(r"[ \t\u3000]*(?:其中\s*)?")


#: a verb right before a grade that describes its holder (荣获一等奖的X), and the 的 between them
WON_GRADE_RE = re.compile(r"(?:荣获|获得|获|摘得|斩获)\s*[“\"「]?$")
GRADE_HOLDER_RE = re.compile(r"[”\"」]?\s*的\s*")


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
    all_awards = [i for i, m in enumerate(mentions) if m.label == "Award" and not m.needs_context]
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
                        q["year"] = _clause_year(text, s0, am.start)  # no year of the story (context.story_year)
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
        # 湖南省质量奖：A、B / X奖个人奖：张三（…）、李四（…）: the members listed after the award and a colon
        for a in awards:
            am = mentions[a]
            cm = AWARD_COLON_RE.match(text, am.end)
            if cm is None or am.attrs.get("in_title") or am.attrs.get("grade") or CANDIDATE_RE.search(text, s0, am.start):
                continue
            stop = min([k.start() for k in re.finditer(r"[；;。\n]", text[cm.end():s1])] or [s1 - cm.end()]) + cm.end()
            listed = [i for i in idx if cm.end() <= mentions[i].start < stop and mentions[i].label in ("Company", "Institution", "Person", "Park")
                      and not _in_bracket(text, cm.end(), mentions[i].start)]
            q = {k: am.attrs.get(k) for k in ("year", "edition", "grade")}
            for i in listed:
                rels.append(Relation(i, "receivedAward", a, "award.colon_list.v1", ev, dict(q)))
            if listed:
                am.attrs["conferred"] = True  # 湖南省劳动模范：A、B: a title the members listed hold
        # 全国五一劳动奖章获得者、北垦农机首席技师尚德刚: the person the holder noun describes
        for a in awards:
            am = mentions[a]
            if am.attrs.get("in_title"):
                continue
            own = GRADE_AFTER_RE.match(text, am.end) if am.attrs.get("grade") else None
            # X奖一等奖获得者、…张三: the award's own grade may stand before the holder noun
            hm = HOLDER_NOUN_RE.match(text, am.end) or (HOLDER_NOUN_RE.match(text, own.end()) if own else None)
            if hm is not None:
                from_ = hm.end()
            elif text[am.end:am.end + 1] == "、" and not _has(text[_clause_start(text, s0, am.start):am.start], trig["award"]):
                from_ = am.end + 1  # 全国劳动模范、桂通车桥首席技师莫建华说: a title worn before the posts
            else:
                continue
            stop = _clause_end(text, from_, s1)
            person = next((i for i in idx if mentions[i].label == "Person" and from_ <= mentions[i].start < min(stop, from_ + 30)), None)
            if person is not None and not PERSONAL_AWARD_RE.search(text[am.start:am.end]) and text[from_ - 1:from_] not in "、，," and any(
                mentions[i].start == from_ and mentions[i].label in ("Company", "Institution") for i in idx
            ):
                person = None  # X奖得主Y公司董事长张三: the firm named right after the holder noun won it
            if person is not None and (_has(text[from_:mentions[person].start], trig["award"]) or any(
                mentions[k].label == "Award" for k in idx if from_ <= mentions[k].start < mentions[person].start
            )):
                person = None  # another title or a verb in between: not this one's holder
            if person is not None:
                q = {k: am.attrs.get(k) for k in ("year", "edition", "grade")}
                rels.append(Relation(person, "receivedAward", a, "award.holder_noun.v1", ev, q))
                # …获得者王建华、李国强: every person of the list the holder noun opens
                k = idx.index(person)
                while k + 1 < len(idx) and mentions[idx[k + 1]].label == "Person" and re.fullmatch(
                    r"\s*(?:、|和|及|与)\s*", text[mentions[idx[k]].end:mentions[idx[k + 1]].start]
                ):
                    k += 1
                    rels.append(Relation(idx[k], "receivedAward", a, "award.holder_noun.v1", ev, dict(q)))
        # 全国劳动模范王芳; A系国家高新技术企业: a title worn right before its holder, or after a copula
        rels.extend(worn_titles(text, mentions, idx, awards, ev, s0))
        # 台湾精品奖得奖企业研华公司董事长…: the organisation the holder noun names right after it
        for a in awards:
            am = mentions[a]
            own = GRADE_AFTER_RE.match(text, am.end) if am.attrs.get("grade") else None
            hm = ORG_HOLDER_NOUN_RE.match(text, own.end() if own else am.end)
            if hm is None or am.attrs.get("in_title") or (PERSONAL_AWARD_RE.search(text[am.start:am.end]) and re.search(r"得主|获得者", hm.group(0))):
                continue
            org = next((i for i in idx if mentions[i].start == hm.end() and mentions[i].label in ("Company", "Institution")), None)
            if org is not None:
                q = {k: am.attrs.get(k) for k in ("year", "edition", "grade")}
                rels.append(Relation(org, "receivedAward", a, "award.holder_noun_org.v1", ev, q))
        # 得奖者为A、B；由C获得: the winners of the award the report named last
        if last_award is not None:
            q = award_context(last_award)
            named_winners = list(_WINNERS_SCAN.finditer(text, s0, s1))
            for w, wm in enumerate(named_winners):
                # the award named last before the winners (…榮膺「X」的N個獲獎者包括A、B…；
                # 而C則奪得「Y」: A and B won X, not the one named after them)
                won = _award_before(mentions, awards, wm.start(), last_award)
                stop = min([k.start() for k in WINNERS_STOP_RE.finditer(text, wm.end(), s1)] or [s1])
                if w + 1 < len(named_winners):
                    # 获得一等奖的是A，获得二等奖的为B: the next winners' clause ends these
                    stop = min(stop, _clause_start(text, s0, named_winners[w + 1].start()))
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
            # 由总统颁奖给A、B等得奖企业: the award named last goes to the members after the verb
            for gm in PRIZE_GIVEN_TO_RE.finditer(text, s0, s1):
                won = _award_before(mentions, awards, gm.start(), last_award)
                stop = min([k.start() for k in WINNERS_STOP_RE.finditer(text, gm.end(), s1)] + [_clause_end(text, gm.end(), s1)])
                qq = award_context(won)
                for i in idx:
                    if gm.end() <= mentions[i].start < stop and mentions[i].label in ("Company", "Institution", "Person"):
                        rels.append(Relation(i, "receivedAward", won, "award.given_to.v1", ev, dict(qq)))
            # 省长为A、B颁奖 / 为A等10家企业授牌: the award named last goes to the members between 为 and the verb
            for fm in FOR_THEN_GIVE_RE.finditer(text, s0, s1):
                if any(fm.start("who") <= mentions[k].start < fm.end("who") for k in awards):
                    continue  # the clause names its own award (为A颁发X奖): the sentence rules read it
                won = _award_before(mentions, awards, fm.start(), last_award)
                qq = award_context(won)
                for i in idx:
                    if fm.start("who") <= mentions[i].start and mentions[i].end <= fm.end("who") and mentions[i].label in ("Company", "Institution", "Person") and not _in_bracket(text, fm.start("who"), mentions[i].start):
                        rels.append(Relation(i, "receivedAward", won, "award.given_to.v1", ev, dict(qq)))
            # 副省长X为A、B颁发Y奖: the award named right after the verb goes to the members after 为
            for a in awards:
                fm = FOR_THEN_AWARD_RE.search(text, s0, mentions[a].start)
                if fm is None:
                    continue
                qq = {k: mentions[a].attrs.get(k) for k in ("year", "edition", "grade")}
                for i in idx:
                    if fm.start("who") <= mentions[i].start and mentions[i].end <= fm.end("who") and mentions[i].label in ("Company", "Institution", "Person") and not _in_bracket(text, fm.start("who"), mentions[i].start):
                        rels.append(Relation(i, "receivedAward", a, "award.given_to.v1", ev, dict(qq)))
            # X奖今天颁奖，获奖的A公司表示: the firm described as the winner of the award named last
            for wd in WON_DE_RE.finditer(text, s0, s1):
                won = _award_before(mentions, awards, wd.start(), before_sentence)  # not one named after it
                if won is None or mentions[won].start < s0 - 300:
                    continue
                for i in idx:
                    if mentions[i].start == wd.end() and mentions[i].label in ("Company", "Institution"):
                        rels.append(Relation(i, "receivedAward", won, "award.winners_named.v1", ev, award_context(won)))
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
                if holders and (re.fullmatch(r"\s*(?:等?\s*[0-9一二三四五六七八九十]*\s*[家个名项人]?(?:企业|单位|组织)?)?\s*(?:分别|均|都|也|同时|还|又|双双|一同|一起)?\s*(?:成功|顺利|再次|一举|首次)?\s*", gap)
                                or WINNERS_COUNTED_RE.fullmatch(gap)):
                    q = award_context(last_award)
                    named = text[mentions[last_award].start:mentions[last_award].end]
                    again = EDITION_AGAIN_RE.match(text, wm.end())
                    if again and text.startswith(named, again.end()):
                        # …第六批和第三批X名单，A、B上榜第六批X: the round the verb names, not the last one named
                        q["edition"] = to_int(again.group(1) or again.group(2))
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
            if s0 <= g0 < s1:
                # 国家科技进步二等奖 / 中国专利金奖: a grade fused to the stem of an award the report
                # names (国家科学技术进步奖, 中国专利奖) is that award's grade (ANNOTATION.md)
                fused = fused_award(text, g0, mentions, all_awards)
                last_award = fused if fused is not None else last_award
            if not (s0 <= g0 < s1) or last_award is None or g0 in paired:
                continue
            named = next((a for a in awards if mentions[a].start <= g0 < mentions[a].end + 4), None)
            if named is not None and re.search(r"中|获|得", text[mentions[named].end:g0]):
                named = None  # 在X奖中获得金奖: a grade of its own clause, read below, not the award's fused one
            listed = None
            if named is not None:
                # 湖西专利奖一等奖：A、B: the award's own grade, its members listed after the colon
                if not re.fullmatch(r"[”\"」』]?[ \t\u3000]{0,2}", text[mentions[named].end:g0]):
                    continue
                listed = GRADE_LIST_PROSE_RE.match(text, g1)
                if listed is None:
                    continue
                last_award = named
            if GRADE_GRANTED_RE.match(text, g1) or HOLDER_NOUN_RE.match(text, g1) or re.match(r"(?:得主|获得者|获奖者|(?:获奖|得奖)(?:单位|企业|组织|者|名单)|的(?:组织|企业|单位|个人|分别|包括|有|是|为))", text[g1:g1 + 5]):
                continue  # 银奖得主为A / 金奖由A夺得 / 优异奖则颁予A: the winners follow, read above
            held = GRADE_HOLDER_RE.match(text, g1) if WON_GRADE_RE.search(text, max(s0, g0 - 4), g0) else None
            holder = next((i for i in idx if held and mentions[i].start == held.end() and mentions[i].label in RECIPIENTS), None)
            if holder is not None:
                # 荣获一等奖的长岭重工…: the holder the grade describes
                context = award_context(last_award)
                rels.append(Relation(holder, "receivedAward", last_award, "award.grade_back_reference.v1", ev, {"year": context["year"], "edition": context["edition"], "grade": grade}))
                continue
            listed = listed or GRADE_LIST_RE.match(text, g1)
            if listed is None and (re.search(r"[，,；;。]\s*(?:其中\s*)?$", text[max(s0, g0 - 6):g0]) or GRADE_OPENS_RE.fullmatch(text, s0, g0)):
                # …揭晓。一等奖：A、B: a sentence that opens on the grade lists its members too
                listed = GRADE_LIST_PROSE_RE.match(text, g1)
            if listed:
                # 其中一等奖2项：A、B；二等奖…: the members listed after the colon hold that grade
                stop = min([k.start() for k in re.finditer(r"[；;。]", text[listed.end():s1])] or [s1 - listed.end()]) + listed.end()
                members = [i for i in idx if listed.end() <= mentions[i].start < stop and mentions[i].label in RECIPIENTS]
                context = award_context(last_award)
                for r in members:
                    rels.append(Relation(r, "receivedAward", last_award, "award.grade_list.v1", ev, {"year": context["year"], "edition": context["edition"], "grade": grade}))
                continue
            cands = [i for i in idx if mentions[i].label in RECIPIENTS and mentions[i].end <= g0 and not _is_granter(text, mentions, i) and not _bracketed_place(text, mentions, i) and mentions[i].rule != "person.byline.v1"]
            gc0 = max([s0] + [k.end() for k in GRADE_CLAUSE_RE.finditer(text, s0, g0)])
            counted = counted_firms(text, [mentions[i] for i in idx], gc0, g0)
            if counted and not any(gc0 <= mentions[i].start and mentions[i].end <= counted.start() for i in cands):
                continue  # 其中31项获得金质奖: counted entries, no named holder (A、B 2家企业获金奖 names them)
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
                    rels.append(Relation(r, "receivedAward", last_award, "award.grade_back_reference.v1", (min(clause_start, mentions[r].start), ev[1]), q))
        last_award = sentence_last

    ms = mentions
    # a person who gives the award or speaks of it (部长X莅临现场颁发…) wins none in that sentence
    # (a title worn before the posts, 全国劳动模范、…技师X说, is the speaker's own: holder_noun keeps it)
    rels = [r for r in rels if not (ms[r.subject].label == "Person" and r.rule != "award.holder_noun.v1" and GIVER_OR_SPEAKER_RE.match(text, ms[r.subject].end))]
    rels = [r for r in rels if not (r.rule == "award.grade_back_reference.v1" and _place_not_the_winner(text, ms[r.subject]))]
    return [r for r in rels if not (r.rule in NOT_FOR_PLACES and not _counted(r) and _granted_to_a_place_in_error(ms[r.subject], text[ms[r.object].start:ms[r.object].end], r.rule))]
