"""The members of a list written in prose: who an enumeration names (A、B和C等3家企业).

Owns splitting a member list at its separators (、，；, and 和/及/与 only between names), a
bracketed note after a member (no member), a count that closes a sub-list (等3家企业和…, 等2名同志),
a team written after its organisation (X公司Y攻坚团队 -> X), a quoted brand after its firm
(A公司的“淄博大染坊” -> A), a post after a person, and the rule
that a granting government is no member. Used by ``enumerations`` (and any family reading prose
lists). Vocabulary: ``kg/data/relations/enumerations.json``. Must not: decide what the members win.
"""

from __future__ import annotations

import bisect
import json
import re
from functools import lru_cache

from ...resources import read_text
from ..rules import Mention
from .context import alternation

HOLDERS = frozenset({"Company", "Institution", "GovernmentAgency", "Park", "Person", "Place"})
SEP_RE = re.compile(r"[、,，;；]|以及|及|和|与")
NOTE_RE = re.compile(r"\s*[(（][^()（）]{0,40}[)）]")

#: 的“淄博大染坊” / 的“巧媳妇”品牌: what a member owns, quoted after it
OWN_QUOTED_RE = re.compile(r"\s*的\s*[“\"「『][^”\"」』]{1,20}[”\"」』]\s*(?:品牌|商标|产品|字号)?\s*"
                           r"|\s*(?:生产|研制|研发|推出|设计|开发|制造|出品)的\s*[^，,、；;。“”\"]{1,24}"  # A生产的X牌集装箱
                           r"|\s*的\s*(?:[0-9一二三四五六七八九十两]+\s*[个项件款]\s*)?(?:产品|项目|成果|品牌|专利|商标)\s*(?:均|都|分别|也|共同)?\s*")  # A、B的产品入选…
#: A、B共同完成的项目(荣获…): the last owner of a project whose award the owners win (ANNOTATION.md)
PROJECT_TAIL_RE = re.compile(r"\s*(?:共同|联合|合作|牵头)?\s*(?:参与)?(?:完成|申报|研发|研制|承担|主持)\s*的\s*(?:[\u4e00-\u9fff]{0,10}?(?:项目|成果|专利|技术))?\s*(?:均|分别|共同)?\s*$")
ANAPHOR_LEAD_RE = re.compile(r"(?:我[省市县区]|本[省市县区])?")
GRANTER_RE = re.compile(r"(?:政府|办公厅|委员会|领导小组|人民政府|局|厅|部)$")

def members(sh: str, s: int, e: int, mentions: list[Mention], starts: list[int], *, granter_ok: bool = False, opening: bool = False) -> list[int]:
    """The holder mentions that make up the list ``sh[s:e]``: pieces between separators, each
    ending in a holder mention (a bracketed note after it allowed; with ``opening``, an item may
    go on after the firm that opens it: its product). A piece with no such mention
    (a name the entity rules missed) is skipped, not a stop; any piece longer than a name is."""
    out: list[int] = []
    lo, hi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
    if hi > 0 and mentions[hi - 1].start > s and mentions[hi - 1].end > e:
        e = mentions[hi - 1].start  # the list's end cut a name (“平江县|首届: 县 read as a prefix): it ends before it
    inside = [i for i in range(lo, hi) if mentions[i].end <= e]
    ends = frozenset(mentions[i].end for i in inside if mentions[i].label in HOLDERS and mentions[i].label != "Place")
    for piece in _pieces(sh, s, e, ends):
        ps, pe = piece
        body_end = pe
        note = None
        for note in NOTE_RE.finditer(sh, ps, pe):
            pass
        if note is not None and note.end() == pe and note.start() > ps:
            body_end = note.start()
        count = _count_tail_re().search(sh, ps, body_end)
        if count is not None and count.start() > ps:
            body_end = count.start()  # A等3家企业|和B: the count closes a sub-list
        text = sh[ps:body_end].strip()
        if not text:
            continue
        # a mention inside the member's bracketed note (张三（X公司董事长）) is no member
        cands = [i for i in inside if ps <= mentions[i].start and mentions[i].end <= pe and mentions[i].label in HOLDERS
                 and not (body_end < pe and mentions[i].start >= body_end)]
        # (我市)A公司的“淄博大染坊”, A公司生产的X牌集装箱: a firm's brand or product stands for the firm
        lead = len(sh[ps:body_end]) - len(sh[ps:body_end].lstrip())
        lead += len(ANAPHOR_LEAD_RE.match(sh, ps + lead).group(0))
        owner = [i for i in cands if mentions[i].start == ps + lead and mentions[i].label in ("Company", "Institution")
                 and OWN_QUOTED_RE.fullmatch(sh, mentions[i].end, body_end)]
        ending = owner or [i for i in cands if sh[mentions[i].end:body_end].strip() in ("", "”", "\"")
                  or (mentions[i].label == "Person" and _role_re().fullmatch(sh[mentions[i].end:body_end].strip()))
                  or _award_lead_in(sh, mentions[i].end, body_end, inside, mentions)
                  or (mentions[i].label in ("Company", "Institution") and PROJECT_TAIL_RE.fullmatch(sh, mentions[i].end, body_end))]
        if not ending:
            # X公司全生命周期绿色质量管理攻坚团队: a team of an organisation stands for it
            team = _team_tail_re().search(sh, ps, body_end)
            if team is not None:
                ending = [i for i in cands if mentions[i].start == ps + lead and mentions[i].end <= team.start()
                          and mentions[i].label in ("Company", "Institution") and team.end() - ps <= 60]

        if not ending and opening:
            # 这6家企业及其产品为：A公司煤质检测专用仪器、B公司…: the firm that opens each item
            ending = [i for i in cands if mentions[i].start == ps + lead and mentions[i].label in ("Company", "Institution")]
        if ending:
            i = max(ending, key=lambda j: mentions[j].end - mentions[j].start)
            m = mentions[i]
            if m.label == "GovernmentAgency" and GRANTER_RE.search(m.text) and not granter_ok:
                continue
            if m.label == "Place" and len(text) > len(m.text) + 1:
                continue  # a place inside an unread name (中山 of 中山新高电子…) is no member
            out.append(i)
        elif len(text) > 40:
            break
    return out


#: what may stand between the last member and the award's name when the name opens on a place
#: and an edition (B“平江县首届县长质量奖”): a quote, a year, the place, the edition
AWARD_LEAD_IN_RE = re.compile(r"\s*[“\"「『]?\s*(?:(?:19|20)[0-9]{2}\s*年度?)?\s*(?:P\s*(?:第[0-9一二三四五六七八九十百]+[届批]|首[届批])?|(?:第[0-9一二三四五六七八九十百]+[届批]|首[届批]))?\s*$")


def _award_lead_in(sh: str, s: int, e: int, inside: list[int], mentions: list[Mention]) -> bool:
    """Is ``sh[s:e]`` only the lead-in of the award after the list (a quote, a year, a place, and an
    edition, which the award's name leaves out: 平江县首届县长质量奖 names 平江县县长质量奖)?"""
    if e - s > 24:
        return False
    rest = sh[s:e]
    for i in inside:
        m = mentions[i]
        if m.label == "Place" and s <= m.start and m.end <= e:
            rest = rest[: m.start - s] + "P" + rest[m.end - s:]
            break
    return bool(AWARD_LEAD_IN_RE.fullmatch(rest))


def _pieces(sh: str, s: int, e: int, ends: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """Split ``sh[s:e]`` at list separators outside brackets; 和/及/与 only between two mentions'
    worth of text (a name may hold 和: 和平, 中国和…), or right after a mention of a holder that is
    no place (``ends``: 黄仲生和前总干事吴正雄)."""
    out, depth, start, k = [], 0, s, s
    while k < e:
        ch = sh[k]
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = SEP_RE.match(sh, k, e)
            if m and (m.group(0) in "、,，;；" or sh[start:k].rstrip().endswith(_NAME_ENDS)
                      or k in ends or _ends_in_role(sh[start:k])
                      or _count_tail_re().search(sh[start:k].rstrip())):
                out.append((start, k))
                start = k = m.end()
                continue
        k += 1
    out.append((start, e))
    return out


@lru_cache(maxsize=1)
def _count_tail_re() -> re.Pattern[str]:
    """The count that closes a sub-list: 等3家企业 / 等2名同志 / 5个组织 / 两市 (the count needs 等 or a number)."""
    data = json.loads(read_text("relations", "enumerations.json"))
    alt = lambda key: alternation(data[key])  # noqa: E731
    return re.compile(r"\s*(?:等\s*[0-9一二三四五六七八九十百两]*|[0-9一二三四五六七八九十百两]+)\s*(?:" + alt("counters")
                      + r")\s*(?:" + alt("member_nouns") + r")\s*$|\s*等\s*(?:" + alt("member_nouns") + r")?\s*$|(?<=[\u4e00-\u9fff])\s*同志\s*$"
                      + r"|\s*(?:等\s*)?[0-9一二三四五六七八九十两]+\s*(?:" + alt("place_levels") + r")\s*$")  # 株洲、湘潭两市


@lru_cache(maxsize=1)
def _team_tail_re() -> re.Pattern[str]:
    data = json.loads(read_text("relations", "enumerations.json"))
    return re.compile(r"(?:" + "|".join(sorted(data["team_nouns"], key=len, reverse=True)) + r")\s*$")


@lru_cache(maxsize=1)
def _role_re() -> re.Pattern[str]:
    from ..rules import _people_tables

    return _people_tables()[0]


def _ends_in_role(piece: str) -> bool:
    """中国航空工业集团有限公司顾诵芬院士|和…: a piece that closes on a post."""
    piece = piece.rstrip()
    return any(_role_re().fullmatch(piece[-n:]) for n in range(2, 7) if len(piece) > n)


_NAME_ENDS = ("公司", "集团", "厂", "中心", "院", "所", "学校", "大学", "学院", "医院", "协会", "学会", "局", "委员会", "园区", "园", "区", "基地", "银行", "站", "社")
