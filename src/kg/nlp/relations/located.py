"""Places that qualify a list of members: locatedIn read from how real reports introduce winners.

Owns the locatedIn rules that read a place (or park, or 我市/我省 resolved to the report's own) that
introduces the organisations named after it in the same sentence: 其中昆明市3家企业获…，分别是A、B、C;
进入…名单的福建企业是A、B; 我省的A、B等35家“老字号”榜上有名 (a list closed by its count); 这6家长沙企业及其产品为：A…、B…; 郑州市新增A、B等18家; 该区A、B、C被认定为…;
我市A公司入选…; 我市共拥有…奖4个,分别为A、B; A、B等深圳企业; 江苏…的老字号共有68家,…包括A、B. Each member gets locatedIn
the place. The place must be followed by words that make it the members' qualifier (N家企业, 企业是,
新增, 有, 入选的企业, a count of its holdings, a kind noun the sentence goes on to list), and nothing
but the list (and an award or verb) stands between it and the members; members may open items that
go on with a product or brand (A公司煤质检测仪器、B公司的“品牌”). A park is sited in a park only where
it is of a kind that lies inside zones (该区A工业园、B工业园 under a 高新区). Also: members listed
right before a settling verb are in the place after it (A、B将抱团入驻P), or before 在P and a verb of
setting up (A、B，2案在P设立). And across sentences: a sentence that counts a place's firms without
naming them (4家成都企业入围…; 由洛阳企业牵头制定的7项标准), the next naming sentence opening on their list;
or a count the place holds (湛江市承担的四个…) that the next sentence echoes before its list (本次…的四个…分别为A、B).
The clause right after a placed list (this family's or the enumerations family's), opening on firms
selected the same way, lists more of them (我市A入选…，B产品、C产品认定为…; A、B入选…；D的产品入选…).
Vocabulary: ``kg/data/relations/located.json``.
Must not: read a place that only a name contains (厦门市市场监督管理局 is not thereby in 厦门市).

Hand-written over the mentions, like ``enumerations`` (whose member reader it uses).
"""

from __future__ import annotations

import bisect
import json
import re
from functools import lru_cache
from typing import Any

from ...resources import read_text
from ...text import to_int
from ..rules import Mention
from .base import Relation, RelationInput, register
from .members import members
from .context import alternation, ReportContext

RULE = "located.place_qualified_list.v1"
SETTLE_RULE = "located.members_settle_in.v1"
register("located", {
    RULE: ("locatedIn", "a place (or 我市/我省) followed by 'N家企业 / 企业是 / 新增 / 有' qualifies the members listed after it in the sentence"),
    SETTLE_RULE: ("locatedIn", "members listed right before a settling verb (A、B将抱团入驻P, A、B，2案在P设立) are each in the park or place it names"),
})
CARRIED_RULE = "located.counted_then_named.v1"
PARALLEL_RULE = "located.parallel_clause.v1"
register("located", {
    PARALLEL_RULE: ("locatedIn", "the clause right after a placed list, opening on firms selected the same way (我市A入选…，B产品、C产品认定为…), lists more of the place's firms"),
    CARRIED_RULE: ("locatedIn", "a sentence counts a place's firms (4家P企业入围…; P企业牵头的7项标准) and names none; the next sentence opens by naming them (A、B、C入选…; 这7项标准分别由A、B制定)"),
})
SITED = frozenset({"Company", "Institution", "Park"})
#: the enumerations family's place of a winners list (read here only to continue its list)
ENUMERATION_PLACE_RULE = "located.enumeration_place.v1"


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    data = json.loads(read_text("relations", "located.json"))
    alt = lambda key: alternation(data[key])  # noqa: E731
    return {
        # what makes a place the qualifier of the members after it
        "qualifier": re.compile(
            r"\s*(?:的)?(?:" + alt("has_words") + r")?\s*(?:[0-9一二三四五六七八九十两百]+\s*(?:家|个|名|户|所))?\s*(?:" + alt("kinds") + r")?"
            # 株洲市（2家）：A、B: the count in brackets
            r"\s*(?:[(（]\s*(?:共)?[0-9一二三四五六七八九十两百]+\s*(?:家|个|名|户|所|项)\s*[)）])?"
            r"\s*(?:" + alt("bridges") + r")"),
        # 我市共拥有…奖4个,分别为: a count of the place's holdings, then the members
        "counted": re.compile(
            r"\s*(?:" + alt("has_words") + r")[^。！？!?；;\n]{0,30}?[0-9一二三四五六七八九十两百]+\s*(?:家|个|名|项|户|所)"
            r"\s*[,，:：]?\s*(?:" + alt("list_openers") + r")\s*[:：]?"),
        # 江苏…的老字号共有68家,…,包括A、B / 台中市其他各工业区…,包括A、B: the place qualifies a kind
        # noun close after it, and the sentence goes on to list that kind
        "listed_kinds": tuple(data["listed_kinds"]),
        "kind_list": re.compile(
            r"[^。！？!?；;,，\n]{0,12}?(?:" + alt("listed_kinds") + r")[^。！？!?；;\n]{0,40}?(?:" + alt("list_intros") + r")\s*[:：]?"),
        # 我省的A、B等35家“老字号”榜上有名: a list right after the place, closed by its count and a verb of selection
        "closed_list": re.compile(r"(?:的)?(?P<list>[^。！？!?；;，,\n]{2,240}?)(?:等)?\s*[0-9一二三四五六七八九十两百]+\s*(?:家|个)\s*[“\"]?(?:" + alt("closed_kinds") + r")?[”\"]?\s*(?:" + alt("closed_verbs") + r")"),
        "anaphor": re.compile(alt("anaphors")),
        # A、B、C将抱团入驻P: what may stand between the last member and the verb, then the verb
        "settle": re.compile(r"(?:等\s*[0-9一二三四五六七八九十两百]*\s*(?:家|个)?(?:企业|单位|公司|项目|厂商)?)?\s*(?:" + alt("settle_adverbs") + r"){0,3}(?:" + alt("settle_verbs") + r")(?:了|于|到|在)?"),
        # A、B，2案在P设立 / A、B等6家企业已在P注册: the members, then 在, the place, a verb of setting up there
        "settle_at": re.compile(r"(?:等)?\s*[,，]?\s*(?:[0-9一二三四五六七八九十两]+\s*(?:家|个|案)(?:企业|单位|公司|项目|厂商)?)?\s*(?:" + alt("settle_adverbs") + r"){0,3}(?:" + alt("settle_choices") + r")?在"),
        "settle_at_verb": re.compile(r"(?:" + alt("settle_at_verbs") + r")"),
        "carried_kinds": tuple(data["carried_kinds"]),
        # 4家成都企业 / 55家表现优秀的香港本地企业: a count right before the place (a modifier between)
        "carried_count_before": re.compile(r"(?P<n>[0-9一二三四五六七八九十两百]+)\s*(?:家|个)[^，,。；;、]{0,10}?$"),
        # 成都3家企业 / 成都共3家企业: a count right after it
        "carried_count_after": re.compile(r"(?:的)?(?:共|有|共有)?\s*(?P<n>[0-9一二三四五六七八九十两百]+)\s*(?:家|个)"),
        # 由洛阳企业牵头制定的7项国际标准: the place's firms led, and the sentence counts what they led
        "carried_led": re.compile(r"由$"),
        # 湛江市承担的四个…项目: the place's own count of what it holds
        "carried_own_count": re.compile(r"(?:" + alt("carried_holds") + r")?的?\s*(?P<n>[0-9一二三四五六七八九十两百]+)\s*(?:个|项|家|件)"),
        "carried_counted": re.compile(r"的\s*[0-9一二三四五六七八九十两百]+\s*(?:项|个|件)"),
        # 这7项标准分别由 / 6个大奖得主分别为: / 其中: a lead back to the count before the list
        "carried_lead": re.compile(r"(?:这|此|上述|其中)?\s*(?:[0-9一二三四五六七八九十两百]+\s*(?:项|个|家|件))?[^，,。；;：:、]{0,8}?(?:分别由|分别为|分别是|依次为|包括)\s*[:：]?\s*"),
        "parallel_verb": re.compile(alt("parallel_verbs")),
        "container": tuple(data["park_containers"]),
        "part": tuple(data["park_parts"]),
        "gap": re.compile(r"[^。！？!?；;\n]{0," + str(data["max_gap"]) + r"}?"),
        "stop": re.compile(alt("gap_stops")),
    }


def find(inp: RelationInput) -> list[Relation]:
    sh, mentions = inp.sh, inp.mentions
    v = vocabulary()
    starts = [m.start for m in mentions]
    have = {(r.subject, r.object) for r in inp.found if r.predicate == "locatedIn"}
    out: list[Relation] = []
    ctx: list[ReportContext] = []

    def anaphor_place(word: str) -> int | None:
        if not ctx:
            ctx.append(ReportContext(mentions, v["anaphor"].findall(sh)))
        return ctx[0].resolve(word)

    heads: list[tuple[int, int, int | None]] = []  # (place end, sentence end, place mention)
    for i, m in enumerate(mentions):
        if m.label in ("Place", "Park"):
            heads.append((m.end, i, i))
    for an in v["anaphor"].finditer(sh):
        heads.append((an.end(), -1, anaphor_place(an.group(0))))
    out.extend(_settled_members(sh, mentions, starts, have))
    out.extend(_counted_then_named(sh, mentions, starts, have))
    placed: list[Relation] = out
    earlier = [r for r in inp.found if r.predicate == "locatedIn" and r.rule == ENUMERATION_PLACE_RULE]
    out.extend(_members_before_place_kind(sh, mentions, starts, have))
    for end, own, place in heads:
        if place is None:
            continue
        q = v["qualifier"].match(sh, end) or v["counted"].match(sh, end)
        if q is None and own >= 0:
            q = v["kind_list"].match(sh, end)
            k = bisect.bisect_left(starts, end)
            if q is not None and any(mentions[j].label in SITED | {"Place"} and mentions[j].start < q.end() - 2 for j in range(k, len(mentions))):
                q = None  # another place or organisation before the list: the place qualifies nothing of it
            elif q is not None and mentions[own].start > 0 and sh[mentions[own].start - 1] in "与和及、" and any(
                    m.label == "Place" and m.end == mentions[own].start - 1 for m in mentions[max(0, own - 2):own]):
                q = None  # 上海市与云南省…: a pair of places qualifies neither alone
        if q is None:
            closed = v["closed_list"].match(sh, end)
            if closed is not None and own < 0:
                s0 = max(sh.rfind(c, 0, end) for c in "。！？!?\n") + 1
                if sh.find(mentions[place].text, s0, end - 2) >= 0:
                    closed = None  # 潍坊市有22个品牌上榜，我市A、B…: 我市 is set against that city, not it
            if closed is not None and "、" in closed.group("list"):
                # 我省的A、B等35家“老字号”榜上有名 / 我市<brand>、A、B 4个品牌上榜: the list closed by its count
                ms = [i for i in members(sh, closed.start("list"), closed.end("list"), mentions, starts) if mentions[i].label in SITED and i != place]
                if len(ms) >= 2:
                    for i in ms:
                        if (i, place) not in have and not (mentions[i].label == "Park" and mentions[place].label == "Park" and not _part_of(sh, mentions[i], mentions[place])):
                            have.add((i, place))
                            out.append(Relation(i, "locatedIn", place, RULE, (max(0, end - len(mentions[own].text)) if own >= 0 else end - 2, closed.end())))
                    continue
        if q is None and own < 0:
            q = re.compile(r"(?:的)?").match(sh, end)  # 我市A公司入选…: the anaphor right before the firm
            k = bisect.bisect_left(starts, q.end())
            if not (k < len(mentions) and mentions[k].start == q.end() and mentions[k].label in SITED):
                continue
        if q is None:
            continue
        s_end = end
        while s_end < len(sh) and sh[s_end] not in "。！？!?；;\n":
            s_end += 1
        # the members: the first organisation after the qualifier, then its list
        k = bisect.bisect_left(starts, q.end())
        while k < len(mentions) and mentions[k].start < s_end and mentions[k].label not in SITED:
            if mentions[k].label in ("Place", "Park") and mentions[k].start - q.end() < 3:
                break  # 我市高新区…: a nearer place qualifies
            k += 1
        if k >= len(mentions) or mentions[k].start >= s_end or mentions[k].label not in SITED:
            continue
        first = mentions[k]
        gap = sh[q.end():first.start]
        if len(gap) > 40 or v["stop"].search(gap):
            continue
        if re.match(r"\s*[，,]", gap) and re.fullmatch(r"\s*(?:的)?(?:本土|本地|当地|民营)?(?:企业|单位)", sh[end:q.end()]):
            continue  # X是长沙企业，A是…: a kind that ends its clause qualifies nothing after the comma
        if len(re.findall(r"[0-9一二三四五六七八九十百]+\s*(?:家|个)\s*[,，]", gap)) >= 2:
            continue  # 全市新增规上企业938家,…,A、B上市: the count's clause ends before the firms
        list_end = first.end
        j = k + 1
        while j < len(mentions) and mentions[j].start < s_end:
            between = sh[list_end:mentions[j].start]
            if not re.fullmatch(r"\s*(?:[(（][^()（）]{0,40}[)）])?[^，,。；;]{0,24}?\s*(?:[、,，]|以及|及|和|与)\s*", between):
                break
            if mentions[j].label in SITED:
                list_end = mentions[j].end
            j += 1
        ms = members(sh, first.start, list_end, mentions, starts)
        ms += [i for i in _leading_members(sh, first.start, s_end, mentions, starts) if i not in ms]
        for i in ms:
            if mentions[i].label not in SITED or i == place or (mentions[i].label == "Park" and mentions[place].label == "Park" and not _part_of(sh, mentions[i], mentions[place])):
                continue
            if (i, place) in have:
                continue
            have.add((i, place))
            out.append(Relation(i, "locatedIn", place, RULE, (max(0, end - len(mentions[own].text)) if own >= 0 else end - 2, s_end)))
    out.extend(_parallel_clause(sh, mentions, starts, have, earlier + placed))
    return out


def _leading_members(sh: str, s: int, e: int, mentions: list[Mention], starts: list[int]) -> list[int]:
    """Members that each open their item, the item going on with what the member makes or owns
    (A公司煤质检测仪器、B公司的“品牌”、…): items split at 、 (and 和/及 between two names), each
    opening on an organisation; an item whose name the entity rules read only in part (its tail) is
    passed over; the list ends at any other item, or at the clause's first comma."""
    out: list[int] = []
    pos = s
    while pos < e:
        k = bisect.bisect_left(starts, pos)
        stop = re.compile(r"[、,，。；;]").search(sh, pos, e)
        item_end = stop.start() if stop else e
        opening = next((j for j in range(k, len(mentions)) if mentions[j].start == pos and mentions[j].label in SITED), None)
        if opening is not None:
            out.append(opening)
            joined = bisect.bisect_left(starts, mentions[opening].end)
            for j in range(joined, len(mentions)):  # A公司和B公司: the second name after 和/及
                m = mentions[j]
                if m.start >= item_end:
                    break
                if m.label in SITED and sh[mentions[opening].end:m.start] in ("和", "及", "以及", "与"):
                    out.append(j)
        elif not any(mentions[j].label in SITED and mentions[j].end == item_end for j in range(k, bisect.bisect_left(starts, item_end))) or item_end - pos > 30:
            break  # (an item whose name was read only in part is passed over)
        if stop is None or stop.group(0) != "、":
            break
        pos = stop.end()
        while pos < e and sh[pos] in " “\"《":
            pos += 1
    return out if len(out) >= 2 else []


def _part_of(sh: str, member: Mention, park: Mention) -> bool:
    """A park of the kind that lies inside a zone (工业园, 产业园) listed under a zone (高新区, 开发区):
    该区A工业园、B工业园被认定为… Parks of one kind listed under another park are its peers."""
    v = vocabulary()
    name, zone = sh[member.start:member.end], sh[park.start:park.end]
    return zone.endswith(v["container"]) and name.endswith(v["part"]) and not name.endswith(v["container"])


def _listed_before(sh: str, mentions: list[Mention], k: int) -> list[int]:
    """The members of a list that ends with mention ``k``: it and the SITED mentions before it,
    joined by 、/和/及 (a bracketed note after each allowed)."""
    listed, pos = [k], mentions[k].start
    for j in range(k - 1, -1, -1):
        if mentions[j].end > pos:
            continue
        if mentions[j].label in SITED and re.fullmatch(r"\s*(?:[(（][^()（）]{0,30}[)）])?\s*(?:、|和|及|以及|与)\s*", sh[mentions[j].end:pos]):
            listed.append(j)
            pos = mentions[j].start
        elif mentions[j].end <= pos - 1:
            break
    return listed


def _members_before_place_kind(sh: str, mentions: list[Mention], starts: list[int], have: set[tuple[int, int]]) -> list[Relation]:
    """A、B等深圳企业 / A等N家长沙企业 / A、B等湖南5家企业: the place between 等 and a kind noun (a count
    between them too) qualifies the members before."""
    v = vocabulary()
    out: list[Relation] = []
    for p, pm in enumerate(mentions):
        counted = re.compile(r"\s*[0-9一二三四五六七八九十两百]+\s*(?:家|个)").match(sh, pm.end)  # A、B等湖南5家企业
        if pm.label != "Place" or not sh.startswith(v["listed_kinds"], counted.end() if counted else pm.end):
            continue
        lead = re.search(r"等\s*(?:[0-9一二三四五六七八九十两百]+\s*(?:家|个))?\s*$", sh[max(0, pm.start - 8):pm.start])
        if lead is None:
            continue
        k = bisect.bisect_left(starts, pm.start - (len(lead.group(0)))) - 1
        while k >= 0 and mentions[k].end > pm.start - len(lead.group(0)):
            k -= 1
        if k < 0 or mentions[k].label not in SITED or sh[mentions[k].end:pm.start - len(lead.group(0))].strip():
            continue
        for i in _listed_before(sh, mentions, k):
            if (i, p) not in have and mentions[i].label != "Park":
                have.add((i, p))
                out.append(Relation(i, "locatedIn", p, RULE, (mentions[i].start, pm.end)))
    return out


#: a settling verb with no place after it: the clause ends there (…签约入驻。)
SETTLE_END_RE = re.compile(r"\s*(?:[，,。；;！!？?\n]|$)")


def _settled_members(sh: str, mentions: list[Mention], starts: list[int], have: set[tuple[int, int]]) -> list[Relation]:
    """A、B、C将抱团入驻P / A和B先后落户P: two or more members joined by 、/和/及 right before a
    settling verb, the park or place right after it (or, with none after it, the one the sentence
    opens on: P举行签约仪式，A、B等10个项目签约入驻); each member is in that place."""
    v = vocabulary()
    out: list[Relation] = []
    for k, m in enumerate(mentions):
        if m.label not in SITED:
            continue
        verb = v["settle"].match(sh, m.end)
        at = None if verb is not None else v["settle_at"].match(sh, m.end)
        if verb is None and at is None:
            continue
        t = bisect.bisect_left(starts, (verb or at).end())
        target = t if t < len(mentions) and mentions[t].start == (verb or at).end() and mentions[t].label in ("Place", "Park") else None
        if at is not None:
            # A、B选择在P设立: the place is only where the members settle when the verb follows it
            if target is None or not v["settle_at_verb"].match(sh, mentions[target].end):
                continue
        listed = _listed_before(sh, mentions, k)
        pos = min(mentions[i].start for i in listed)
        if target is None and verb is not None and SETTLE_END_RE.match(sh, verb.end()):
            # P举行签约仪式，A、B等10个项目签约入驻。: no place after the verb, the park or place
            # the sentence opens on
            s0 = max(sh.rfind(c, 0, pos) for c in "。！？!?\n") + 1
            first = bisect.bisect_left(starts, s0)
            if first < k and mentions[first].label in ("Park", "Place") and mentions[first].end <= pos and first not in listed:
                target = first
        if target is None:
            continue
        if len(listed) < 2:
            continue  # one subject settling is the sites family's (located.settles_in.v1)
        for i in listed:
            if i != target and (i, target) not in have and not (mentions[i].label == "Park" and not _part_of(sh, mentions[i], mentions[target])):
                have.add((i, target))
                out.append(Relation(i, "locatedIn", target, SETTLE_RULE, (pos, mentions[target].end)))
    return out


SENTENCE_END_RE = re.compile(r"[。！？!?\n]")


@lru_cache(maxsize=256)  # a few counts recur; compiling it for each place named took 1% of the extraction
def _echo_re(n: str) -> re.Pattern[str]:
    """The next sentence echoing a count ``n``: 本次验收的四个示范区分别为."""
    return re.compile(r"[^，,。；;：:]{0,20}?(?<![0-9一二三四五六七八九十两百])" + re.escape(n)
                      + r"\s*(?:个|项|家|件)[^，,。；;：:、]{0,16}?(?:分别为|分别是|分别由|依次为)\s*[:：]?\s*")


def _counted_then_named(sh: str, mentions: list[Mention], starts: list[int], have: set[tuple[int, int]]) -> list[Relation]:
    """4家成都企业入围…名单。…。A、B、C入选… / 由洛阳企业牵头制定的7项国际标准…。这7项标准分别由A、B和C制定:
    a sentence that counts the firms of a place (a count and the place qualifying a kind noun) and
    names no organisation after it; the next sentence that names organisations (at most one
    sentence without any between) opens on the list of them, or on a lead back to the count
    (这7项标准分别由, 6个大奖得主分别为:). Each member of that list is in the place."""
    v = vocabulary()
    out: list[Relation] = []
    for p, pm in enumerate(mentions):
        if pm.label != "Place":
            continue
        s0 = max(sh.rfind(c, 0, pm.start) for c in "。！？!?\n") + 1
        e0 = SENTENCE_END_RE.search(sh, pm.end)
        e0 = e0.start() if e0 else len(sh)
        echo, most = None, None
        if sh.startswith(v["carried_kinds"], pm.end):
            before = sh[max(s0, pm.start - 16):pm.start]
            count = v["carried_count_before"].search(before) or v["carried_count_after"].match(sh, pm.end)
            if count is not None:
                most = to_int(count.group("n"))  # 4家成都企业: the list names at most 4 of them
            elif not (v["carried_led"].search(before) and v["carried_counted"].search(sh, pm.end, e0)):
                continue
        else:
            # 湛江市承担的四个示范区项目…。本次验收的四个示范区分别为A、B: the next sentence echoes the count
            own = v["carried_own_count"].match(sh, pm.end)
            if own is None:
                continue
            echo = _echo_re(own.group("n"))
        if any(mentions[j].label in SITED | {"GovernmentAgency"} for j in range(p + 1, bisect.bisect_left(starts, e0))):
            continue  # the sentence names them itself: the other rules' business
        pos, skipped = e0, 0
        while pos < len(sh) and skipped <= 1:
            n0 = pos + 1
            while n0 < len(sh) and sh[n0] in " \t\r\n\u3000":
                n0 += 1
            n1 = SENTENCE_END_RE.search(sh, n0)
            n1 = n1.start() if n1 else len(sh)
            inside = [j for j in range(bisect.bisect_left(starts, n0), bisect.bisect_left(starts, n1)) if mentions[j].label in SITED | {"GovernmentAgency", "Place", "Person"}]
            if not inside:
                pos, skipped = n1, skipped + 1
                continue
            first = inside[0]
            if echo is None:
                lead = v["carried_lead"].match(sh, n0)
                if mentions[first].label not in SITED or mentions[first].start != (lead.end() if lead else n0):
                    break
            else:
                lead = echo.match(sh, n0)
                # (a stray character before the first name is passed over: 分别为市A示范区、B示范区)
                if lead is None or mentions[first].label not in SITED or not 0 <= mentions[first].start - lead.end() <= 1:
                    break
            clause = re.compile(r"[；;]").search(sh, n0, n1)
            listed = members(sh, lead.end() if lead else mentions[first].start, clause.start() if clause else n1, mentions, starts, opening=True)
            listed = [i for i in listed if mentions[i].label in ("Company", "Institution") or (echo is not None and mentions[i].label == "Park")]
            if len(listed) < 2 or (most is not None and len(listed) > most):
                break
            for i in listed:
                if (i, p) not in have:
                    have.add((i, p))
                    out.append(Relation(i, "locatedIn", p, CARRIED_RULE, (s0, n1)))
            break
    return out


def _parallel_clause(sh: str, mentions: list[Mention], starts: list[int], have: set[tuple[int, int]], placed: list[Relation]) -> list[Relation]:
    """其中，我市A入选示范企业，B折弯机、C涂料认定为单项冠军产品 / A、B入选…；D的辊磨机入选…: the clause
    right after a placed list, opening on firms and selected the same way (a verb of selection
    in both), lists more of the place's firms."""
    v = vocabulary()
    out: list[Relation] = []
    by_clause: dict[tuple[int, int], int] = {}
    for r in placed:
        if r.rule not in (RULE, CARRIED_RULE, ENUMERATION_PLACE_RULE):
            continue
        m = mentions[r.subject]
        c0 = max(sh.rfind(c, 0, m.start) for c in "，,；;。！？!?\n") + 1
        c1 = re.compile(r"[，,；;。！？!?\n]").search(sh, m.end)
        if c1 is None or c1.group(0) not in "，,；;":
            continue
        by_clause[(c0, c1.start())] = r.object
    for (c0, c1), place in by_clause.items():
        if not v["parallel_verb"].search(sh, c0, c1):
            continue
        n0 = c1 + 1
        while n0 < len(sh) and sh[n0] in " \t\u3000":
            n0 += 1
        k = bisect.bisect_left(starts, n0)
        if k >= len(mentions) or mentions[k].start != n0 or mentions[k].label not in ("Company", "Institution"):
            continue
        n1 = re.compile(r"[，,；;。！？!?\n]").search(sh, n0)
        n1 = n1.start() if n1 else len(sh)
        if not v["parallel_verb"].search(sh, n0, n1):
            continue
        for i in members(sh, n0, n1, mentions, starts, opening=True):
            if mentions[i].label in ("Company", "Institution") and mentions[i].start < n1 and (i, place) not in have:
                have.add((i, place))
                out.append(Relation(i, "locatedIn", place, PARALLEL_RULE, (c0, n1)))
    return out
