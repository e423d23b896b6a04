"""Titles worn by their holders: a title written right before a holder's name (全国劳动模范王芳,
国家级专精特新“小巨人”企业某公司, 国家高新技术企业、国家级绿色工厂某公司), a holder, the copula
系/为 and the title it holds (A系国家高新技术企业, A为首批国家级绿色工厂, A為國家品質獎得主), and the
honours a holder's own list names (A获得的荣誉有：X、Y; A所获荣誉：X、Y).

Owns: ``worn_titles`` (rules ``award.title_apposition.v1``, ``award.copula_title.v1`` and
``award.honours_of.v1``, registered by the ``awards`` family that calls it), and
``PERSONAL_AWARD_RE``, the awards only persons hold.
A person's title goes to a person, a firm's or a park's to an organisation; a prize written before
a name (…奖张三, a list's cell) is no apposition. Must not: read verbs of winning (``awards``,
``enumerations``).
"""

from __future__ import annotations

import re

from ...text import to_int
from ..mentions import Mention
from .base import Relation

#: an award only persons hold (…奖章, …劳动模范, …先进个人): its 得主 is the person, not the body named with them
PERSONAL_AWARD_RE = re.compile(r"(?:奖章|勋章|星章|模范|个人|工匠|能手|企业家|人物|人才|工作者)$")
#: titles persons wear before their names beside PERSONAL_AWARD_RE's (全国三八红旗手王芳, 优秀教师)
PERSONAL_TITLE_RE = re.compile(r"(?:红旗手|劳模|优秀共产党员|教师|带头人|最美职工)$")
#: titles firms, units and parks wear before their names (国家高新技术企业某公司, 国家级绿色工厂某公司)
ORG_TITLE_RE = re.compile(r"(?:企业|工厂|单位|集体|园区|基地|示范区|开发区|中心|平台|孵化器|众创空间|小巨人)$")
#: two titles worn together before one name (A、B某公司)
WORN_JOIN_RE = re.compile(r"[”\"」』]?\s*(?:、|和|及|与)\s*[“\"「『]?")
#: the copula between a holder and the title it holds (A系…, A为…, A為…), a batch between: 为首批…
COPULA_BEFORE_RE = re.compile(r"\s*(?:系|为)\s*(?:第\s*(?P<ed>[0-9一二三四五六七八九十]+)\s*批|(?P<ed1>首)批)?\s*[“\"「]?$")
#: what closes a title held: the clause's end, 之一, or the holder noun (得主, 获得者)
COPULA_AFTER_RE = re.compile(r"[”\"」]?\s*(?:称号)?\s*(?:之一|得主|获得者|获奖企业|获奖单位)?\s*(?:[，,。；;！!）)、和及]|$)")
HOLDERS = ("Company", "Institution", "Park", "Person")
#: the holder's own list of honours right after its name (A获得的荣誉有：, A所获荣誉：, A的主要荣誉包括)
HONOURS_LEAD_RE = re.compile(
    r"(?:(?:先后|累计|曾|已)?(?:获得|荣获|获)(?:过)?的|所获(?:得)?的?|的)\s*(?:主要|重要)?\s*(?:荣誉|奖项|荣誉称号|称号)\s*(?:有|包括|主要有|如下)?\s*[:：]\s*"
    r"|(?:(?:先后|累计|曾|已)?(?:获得|荣获|获)(?:过)?的|所获(?:得)?的?|的)\s*(?:主要|重要)?\s*(?:荣誉|奖项|荣誉称号|称号)\s*(?:有|包括|主要有)\s*")
#: a comma between a person's name and the title set off after it (王建华，全国劳动模范，…)
COMMA_APPOSITION_RE = re.compile(r"\s*[，,]\s*[“\"「]?")
#: what closes a title set off by commas: another comma, a list's 、, the sentence's end
COMMA_CLOSE_RE = re.compile(r"[”\"」]?\s*(?:[，,、。；;]|$)")


def _quals(m: Mention) -> dict:
    return {key: m.attrs.get(key) for key in ("year", "edition", "grade")}


def worn_titles(text: str, mentions: list[Mention], idx: list[int], awards: list[int], ev: tuple[int, int], s0: int) -> list[Relation]:
    """receivedAward for the titles of one sentence (mention indices ``idx``, its awards ``awards``)
    worn right before a holder's name or held after a copula; each such title is conferred."""
    rels: list[Relation] = []
    for a in awards:
        am = mentions[a]
        if am.attrs.get("in_title") or text[am.end - 1:am.end] in ("奖", "獎"):
            continue
        gap = re.match(r"[”\"」』]?", text[am.end:am.end + 1]).end()
        holder = next((i for i in idx if mentions[i].start == am.end + gap), None)
        if holder is None:
            continue
        title = text[am.start:am.end]
        kind = mentions[holder].label
        if not ((kind == "Person" and (PERSONAL_AWARD_RE.search(title) or PERSONAL_TITLE_RE.search(title)))
                or (kind in ("Company", "Institution", "Park") and ORG_TITLE_RE.search(title) and not PERSONAL_AWARD_RE.search(title))):
            continue
        worn = [a]
        k = awards.index(a)
        while k > 0 and WORN_JOIN_RE.fullmatch(text, mentions[awards[k - 1]].end, mentions[worn[0]].start):
            k -= 1
            worn.insert(0, awards[k])  # 国家高新技术企业、国家级绿色工厂某公司: each title it wears
        for w in worn:
            rels.append(Relation(holder, "receivedAward", w, "award.title_apposition.v1", ev, _quals(mentions[w])))
            mentions[w].attrs["conferred"] = True
    for a in awards:
        am = mentions[a]
        cop = COPULA_BEFORE_RE.search(text, max(s0, am.start - 12), am.start)
        if cop is None or am.attrs.get("in_title") or not COPULA_AFTER_RE.match(text, am.end):
            continue
        holder = next((i for i in idx if mentions[i].end == cop.start() and mentions[i].label in HOLDERS), None)
        if holder is None:
            continue
        q = _quals(am)
        if q["edition"] is None and (cop.group("ed") or cop.group("ed1")):
            q["edition"] = to_int(cop.group("ed")) if cop.group("ed") else 1
        rels.append(Relation(holder, "receivedAward", a, "award.copula_title.v1", ev, q))
        am.attrs["conferred"] = True
        k = awards.index(a)
        while k + 1 < len(awards) and WORN_JOIN_RE.fullmatch(text, mentions[awards[k]].end, mentions[awards[k + 1]].start) and COPULA_AFTER_RE.match(text, mentions[awards[k + 1]].end):
            k += 1  # A系全国劳动模范、全国五一劳动奖章获得者: each title of the list
            rels.append(Relation(holder, "receivedAward", awards[k], "award.copula_title.v1", ev, _quals(mentions[awards[k]])))
            mentions[awards[k]].attrs["conferred"] = True
    # 王建华，全国劳动模范，某公司总工程师: a person's title set off by commas right after the name
    for a in awards:
        am = mentions[a]
        title = text[am.start:am.end]
        if am.attrs.get("in_title") or not (PERSONAL_AWARD_RE.search(title) or PERSONAL_TITLE_RE.search(title)):
            continue
        person = next((i for i in idx if mentions[i].label == "Person" and COMMA_APPOSITION_RE.fullmatch(text, mentions[i].end, am.start)), None)
        if person is not None and COMMA_CLOSE_RE.match(text, am.end):
            rels.append(Relation(person, "receivedAward", a, "award.title_apposition.v1", ev, _quals(am)))
            am.attrs["conferred"] = True
    # A获得的荣誉有：X、Y / A所获荣誉：X、Y: the honours listed after the holder's own list noun
    for lead in HONOURS_LEAD_RE.finditer(text, s0, ev[1]):
        holder = next((i for i in idx if mentions[i].end == lead.start() and mentions[i].label in HOLDERS), None)
        if holder is None:
            continue
        stop = min([k.start() for k in re.finditer(r"[。；;\n]", text[lead.end():ev[1]])] or [ev[1] - lead.end()]) + lead.end()
        for a in awards:
            if lead.end() <= mentions[a].start < stop:
                rels.append(Relation(holder, "receivedAward", a, "award.honours_of.v1", ev, _quals(mentions[a])))
                mentions[a].attrs["conferred"] = True
    return rels
