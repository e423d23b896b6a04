"""Who holds an award named in one sentence (helpers of the ``awards`` family).

Owns finding the recipient of an award mention in its sentence (holder + award verb + award, the
clause's own subject, anaphors 该公司/我市, the report's topic place or park for a place's title), the
recipients coordinated with it (A、B和C), and what rules a mention out as a holder (the granting
body, a place something lies in, the organisation that runs the programme, a giver or speaker).
Must not: make relations (``awards.find`` does) or read lists and tables.
"""

from __future__ import annotations

import re

from ..rules import Mention, ORG_LABELS
from .context import (
    _clause_start,
    _has,
    _is_granter,
    ANAPHOR_RE,
    CLAUSE_BREAK_RE,
    COORD_RE,
    ORG_ANAPHOR_RE,
    RECIPIENTS,
    ReportContext,
    SUBSIDIARY_AFTER_PARENT_RE,
)

PLACE_TITLE_RE = re.compile(r"城市|城区|[市县区省](?:[(（][^()（）]*[)）])?$|示范区|试点|之乡|名城|先行区|强[省市县区]|示范[市县区乡镇村]|集群|基地")


# …在A、B中排第81位: a place in a ranked list holds its title
RANKED_IN_RE = re.compile(r"[^，,。；;]{0,30}?中[，,]?\s*(?:排名?|位列|名列|位居|居)[^，,。；;]{0,16}?第")


LOCATIVE_BEFORE_RE = re.compile(r"(?:位于|位在|地处|坐落于|落户|设在|在|于)$")


WINNERS_AFTER_AWARD_RE = re.compile(r"(?:[^，,。；;]{0,4})的(?:组织|企业|单位|个人|集体)(?:分别)?(?:为|是|有|包括|[：:])")


#: a count of firms (10家企业获…) that names none of them; not a list's own count (A、B等 3 家, spaces as a PDF
#: copies them), nor the first or only one (唯一一家, 第一家, 首个: the holder is named before)
COUNTED_FIRMS_RE = re.compile(r"(?<![唯第首])(?<![等0-9一二三四五六七八九十百千余多])(?<!等[ \u3000])(?<![0-9][ \u3000])[0-9一二三四五六七八九十百千余多]+\**\s*(?:家|个|户|所|名|批|项)[^，,。；;0-9]{0,8}?\**\s*(?:被|获|入选|荣获|成功|列入|纳入|入围)")


def _bracketed_place(text: str, mentions: list[Mention], i: int) -> bool:
    """Is mention ``i`` a place or park in brackets right after an organisation (X有限公司（柳北区））?"""
    m = mentions[i]
    inside = re.search(r"[(（][^()（）]{0,10}$", text[max(0, m.start - 11):m.start])  # X（南昌市青山湖区）
    if m.label not in ("Place", "Park") or not inside:
        return False
    opening = max(text.rfind("(", 0, m.start), text.rfind("（", 0, m.start))
    return any(x.end == opening and x.label in ORG_LABELS for x in mentions)


def counted_firms(text: str, mentions: list[Mention], start: int, end: int) -> re.Match[str] | None:
    """The first count of firms in ``text[start:end]`` (10家企业获…) that is no part of a name (七〇五所荣获:
    五所 is the institute's own name)."""
    for cm in COUNTED_FIRMS_RE.finditer(text, start, end):
        if not any(m.start <= cm.start() < m.end for m in mentions if m.start <= cm.start()):
            return cm
    return None


def _award_subject(text: str, mentions: list[Mention], idx: list[int], a: int, trig: dict[str, list[str]], ctx: ReportContext, s0: int) -> int | None:
    """The recipient of award mention ``a`` in its sentence, if an award verb links them."""
    am = mentions[a]
    # 全省10家企业被认定为…: counted firms are the recipients, not the place that counts them
    clause_start = _clause_start(text, s0, am.start)
    if counted_firms(text, [mentions[i] for i in idx], clause_start, am.start):
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
            # X公司总经理张三…，荣获…: the person after the firm's post is the clause's subject
            cands = [_post_holder_after(text, mentions, idx, i) or i for i in initial]
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
            or (re.match(r"\s*(?:同时|亦|也|再度|再次)?为", own) and HOLDER_NOUN_AFTER_AWARD_RE.match(text, am.end))  # X為第32屆台灣精品獎金質獎得主
            or (between.strip().endswith(("作为“", "作为\"")) and _has(text[am.end:am.end + 6], ["上榜", "入选"]))
            or ("在" in between and RANKED_IN_RE.match(text, am.end))
        ):
            # the subject is the first recipient of its coordinated group
            return i
    # anaphor subjects: 我市…获批, 园区新增…荣誉; 该公司…获…奖
    between = text[s0:am.start]
    om = ORG_ANAPHOR_RE.search(between)
    if om is None:
        # 2023年，企业荣获… / 公司先后获得…: a bare 公司/企业 that opens its sentence before the verb
        bare = BARE_ANAPHOR_RE.match(between)
        om = bare if bare is not None and bare.group("an") else None
    if om and ctx.last_org is not None and _has(between[om.end():], trig["award"]) and not cands:
        return ctx.last_org
    am_ = ANAPHOR_RE.search(between)
    if am_ and _has(between[am_.end():], trig["award"]):
        return ctx.resolve(am_.group(0))
    park = BARE_PARK_ANAPHOR_RE.match(between)
    if park and not cands and ctx.topic_park is not None:
        return ctx.topic_park  # 近年来，高新区荣获…: the park the report is about, by its kind
    return None


#: what may open a sentence before a bare 公司/企业 that points back to the firm the report is about
BARE_ANAPHOR_RE = re.compile(r"\s*(?:(?:19|20)[0-9]{2}\s*年度?(?:[0-9]{1,2}\s*月)?|近年来|多年来|近年|目前|此外|同时|随后|今年|去年|当年)?\s*[，,]?\s*"
                             r"(?P<an>公司|企业)(?=先后|成功|相继|连续|再次|多次|还|也|已|曾|又|荣获|获得|获评|获|被评为|被认定为|被授予|入选|荣膺|摘得|斩获)")


# 陶瓷产业成功获批…: an industry of the report's place is the place's own subject
INDUSTRY_SUBJECT_RE = re.compile(r"[\u4e00-\u9fff]{1,8}(?:产业|行业|产业链|集群)(?:成功|先后|相继)?(?:获批|获评|入选|荣获|被评为|被认定为)")


GRANT_TO_RE = re.compile(r"授予|颁给|授给|颁发给|颁授给?")


#: the holder noun right after an award, across its grade (…奖金质奖得主, …奖的得主): X为…奖得主 is X's win
#: (not X为…奖得主颁奖: X presents the award to its winners)
HOLDER_NOUN_AFTER_AWARD_RE = re.compile(r"[”」\"]?\s*(?:[\u4e00-\u9fff]{1,4}奖|优等|佳作|特优|首奖)?\s*(?:的)?(?:得主|获得者|获奖者|得奖者|获奖企业|得奖企业|获奖单位|得奖单位|得奖厂商|获奖厂商)(?!们|\s*(?:颁奖|颁发|举办|举行|表扬|授奖|庆功|办理))")


GRANTED_BEFORE_RE = re.compile(rf"(?:{GRANT_TO_RE.pattern})\s*$")  # with pos/endpos: the verb just before


RECIPIENT_OBJECT_RE = re.compile(r"(?:对|向|给|(?<![成作认评称])为)[^，,。；;]{0,4}(?:获得|获评|荣获|获批|入选)")


#: a park named by its kind alone opening its sentence before the verb (高新区荣获…, 2019年，经开区获批…)
BARE_PARK_ANAPHOR_RE = re.compile(BARE_ANAPHOR_RE.pattern.split("(?P<an>")[0] + r"(?P<an>高新区|经开区|开发区|该园区|本园区|该园|工业园区|产业园区)(?=先后|成功|相继|连续|再次|多次|还|也|已|曾|又|荣获|获得|获评|获批|获|被评为|被认定为|被授予|被命名为|入选|荣膺|摘得|斩获)")


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


def _post_holder_after(text: str, mentions: list[Mention], idx: list[int], i: int) -> int | None:
    """ORG ROLE PERSON (鸿鼎菓子总经理陈忆虹): the person whom the firm and the post only qualify."""
    from ..rules import _people_tables

    nxt = next((k for k in idx if mentions[k].start >= mentions[i].end), None)
    if nxt is None or mentions[nxt].label != "Person":
        return None
    gap = text[mentions[i].end:mentions[nxt].start]
    return nxt if 2 <= len(gap) <= 8 and _people_tables()[0].fullmatch(gap) else None


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


LOCATIVE_LEAD_RE = re.compile(r"(?:位于|位在|地处|坐落于|坐落在|来自|总部设在|总部位于|设在|落户)\s*$")


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
    if place is not None and ctx.topic_place is None and ctx.counts["park"] and max(ctx.counts["city"].values(), default=0) < 2:
        return None  # a park's report that names a city once (成为湘潭唯一…园区) is not that city's
    # a place holds a place's title (示范城市, 试点, 强县); a firm's award (质量奖, 金手獎) is no place's
    return place if place is not None and PLACE_TITLE_RE.search(text[am.start:am.end]) else None


#: what follows a person who gives an award or speaks of it (never its winner in that clause)
GIVER_OR_SPEAKER_RE = re.compile(
    r"\s*(?:[\u4e00-\u9fff]{0,4}?(?:市长|市長|县长|縣長|局长|局長|部长|部長|主任|主席|院长|院長))?\s*"
    r"(?:今天|今日|昨天|昨日|日前|近日|当天|當天|会中|會中|会上|會上|特别|特別|亲自|親自|也|还|還|并|並|莅临现场|莅临|亲临现场|亲临|到场|出席并|出席|现场)*\s*"
    r"(?:颁奖|頒獎|颁发|頒發|表扬|表揚|颁给|頒給|授予|表示|说|說|指出|介绍|介紹|透露|坦言|告诉|告訴|谈到|談到|说道|說道|强调|強調|致词|致詞|致辞|致辭)")


#: a body named as the issuer of the standards that are the subject (中国核学会团体标准荣获…)
STANDARD_ISSUER_RE = re.compile(r"\s*(?:团体|團體|行业|行業|地方|企业|企業)?\s*(?:标准|標準)")


#: titles a park can hold: a report's topic park is given only these
PARK_TITLE_RE = re.compile(r"园|基地|示范区|开发区|集群|试点|示范|高新区|平台|新区|先行区")
