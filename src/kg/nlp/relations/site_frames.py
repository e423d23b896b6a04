"""Sentence frames of the ``sites`` family (kg.nlp.relations.sites calls them per sentence).

Owns two frames in which a place stands for a set its members belong to: a place's **share** of a
list or an award (在湖南入围的24家企业中，有6家长沙企业…, 本届X我省获奖专利中，A的…: the firms and the
smaller places counted after the frame lie in the place) and the **set of a city's counties**
(余杭区…为杭州各县区最多, 在赤壁市启动…在全市的六个县市区铺开: a county named beside the set lies in
the city). Their rule ids are registered by ``sites``. Must not: register rules or read another
family's output.
"""

from __future__ import annotations

import re
from typing import Any

from .base import Mention, Relation
from .context import _clause_start, ANAPHOR_RE
from .site_lists import _level

#: 在湖南入围的24家企业中， / 在广东获得的4项金奖中， / 我省获奖专利中，: P's share of a list or award
#: what may open a share frame before its place: 在, and a time word (本届中国专利奖我省获奖专利中)
SHARE_LEAD_RE = re.compile(r"\s*(?:在)?\s*(?:本届|本次|此次|今年|该届|这次)?\s*")


SHARE_FRAME_RE = re.compile(r"(?P<verb>获得|入围|入选|上榜|获奖)(?:的)?[^，,。；;]{0,20}?中[，,]")


#: 杭州各县区 / 全市的六个县市区: the counties of a city (or the cities of a province) as a set
SUBUNITS_RE = re.compile(r"(?:的)?\s*(?:各|所有|[0-9一二三四五六七八九十两]+\s*个)?\s*(?:县市区|县区|区县|县\(市、区\)|县\(市,区\)|市县区|市州|地市)")
#: a character every match of SUBUNITS_RE holds (the pattern opens on optional parts, so it
#: was tried at every character of every sentence)
_SUBUNITS_KEY = re.compile(r"县|州|地市")


def share_frames(text: str, mentions: list[Mention], idx: list[int], s0: int, s1: int, ev: tuple[int, int], ctx: Any) -> list[Relation]:
    """located.share_frame.v1 in the sentence ``s0``-``s1`` (``idx``: its mentions)."""
    rels: list[Relation] = []
    # 在湖南入围的24家企业中，有6家长沙企业… / 我省获奖专利中，A的…: the winners of P's share are P's
    for fm in SHARE_FRAME_RE.finditer(text, s0, s1):
        c0 = _clause_start(text, s0, fm.start() + 1)
        lead = SHARE_LEAD_RE.match(text, c0)
        award = next((i for i in idx if mentions[i].start == lead.end() and mentions[i].label == "Award"), None)
        if award is not None:
            lead = SHARE_LEAD_RE.match(text, mentions[award].end)  # 本届中国专利奖我省获奖专利中: the award whose share it is
        where = next((i for i in idx if mentions[i].start == lead.end() and mentions[i].end == fm.start("verb") and mentions[i].label == "Place"), None)
        if where is None:
            an = ANAPHOR_RE.fullmatch(text, lead.end(), fm.start("verb"))
            where = ctx.resolve(an.group(0)) if an else None
        if where is None or mentions[where].label != "Place":
            continue
        level = _level(mentions[where].attrs.get("place", {}))
        for i in idx:
            m = mentions[i]
            if m.start < fm.end() or i == where:
                continue
            if m.label in ("Company", "Institution") or (m.label == "Place" and _level(m.attrs.get("place", {})) > level < 4
                                                          and re.search(r"[0-9一二三四五六七八九十两百]+\s*(?:家|个)$", text[max(s0, m.start - 6):m.start])):
                # (a smaller place counted in the share: 有6家长沙企业)
                rels.append(Relation(i, "locatedIn", where, "located.share_frame.v1", ev))
    return rels


def among_subunits(text: str, mentions: list[Mention], idx: list[int], s0: int, s1: int, ev: tuple[int, int], ctx: Any) -> list[Relation]:
    """located.among_subunits.v1 in the sentence ``s0``-``s1`` (``idx``: its mentions)."""
    rels: list[Relation] = []
    if not _SUBUNITS_KEY.search(text, s0, s1):
        return rels
    # 余杭区…为杭州各县区最多 / 在赤壁市启动…在全市的六个县市区铺开: a county named beside the set of
    # its city's counties lies in that city (a place of a lower level than the set's)
    for sm in SUBUNITS_RE.finditer(text, s0, s1):
        whole = next((i for i in idx if mentions[i].end == sm.start() and mentions[i].label == "Place"), None)
        if whole is None:
            an = re.search(r"(?:全市|我市|本市|全省|我省|本省)$", text[s0:sm.start()])
            whole = ctx.resolve(an.group(0)) if an else None
        if whole is None:
            continue
        level = _level(mentions[whole].attrs.get("place", {}))
        for i in idx:
            if i != whole and mentions[i].label == "Place" and 0 < level < _level(mentions[i].attrs.get("place", {})) < 4:
                rels.append(Relation(i, "locatedIn", whole, "located.among_subunits.v1", ev))
    return rels
