"""The year, edition and grade of one grant an enumeration reads (helpers of ``enumerations``,
used by ``headline`` too): the award mention's own, the clause's words between verb and award, the
year that opens the grant's sentence (2015年，A、B被评为X), the award's earlier mentions, the
paragraph's kindred award, the report's headline; a tally over all rounds takes none. A year is a
round's only where it is no year of the story (``round_years``: not 从2010年开始, 创立于1999年, a
document number or a span). Must not: decide who wins.
"""

from __future__ import annotations

import re
from typing import Any

from ...text import YEAR_NUM, to_int, to_year
from ..rules import GRADE_AFTER_RE, Mention
from .context import _award_context, story_year
from .enumeration_vocabulary import vocabulary

#: a tally over all rounds (截至目前共拥有 / 累计 / 历年): its winners take no year or round from elsewhere
CUMULATIVE_RE = re.compile(r"截至|截止|累计|历年|历届|先后|至今|目前共")

#: a document number (杭政办函〔2024〕10号) or a span (2011-2020年): no year of the award
_NOT_A_YEAR_RE = re.compile(r"[〔\[［(（]\s*(?:19|20)[0-9]{2}\s*[〕\]］)）]|(?:19|20)[0-9]{2}\s*年?\s*[-—~至到]\s*(?:19|20)?[0-9]{2}")
_HEADLINE_RE = re.compile(r"名单|通报|决定|公告|公示|结果|揭晓|入选|表彰|授予|获|评选|认定")
#: a year (and a date) that opens a sentence, then a comma: 2005年，… / 2019年6月，…
OPENING_YEAR_RE = re.compile(r"\s*(" + YEAR_NUM + r")\s*年\s*(?:[0-9]{1,2}\s*月)?\s*(?:[0-9]{1,2}\s*日)?\s*[,，]")


def round_years(text: str) -> set[int]:
    """The years ``text`` writes that can be an award's round: not a document number, a span or a
    year of the story (``story_year``)."""
    clean = _NOT_A_YEAR_RE.sub(lambda m: " " * len(m.group(0)), text)
    return {to_year(m.group(1)) for m in vocabulary()["year"].finditer(clean) if not story_year(clean, m.start(1), m.end(1))}


def _title_year(sh: str, award: str, key: str = "year") -> int | None:
    """The year of the headline that names the award or a kindred one (its first six characters or
    its last four): 2023年杭州市人民政府质量奖评审结果的通报 gives 杭州市人民政府质量管理创新奖 its
    2023, where the decision itself says no year (``key="edition"``: its one 第N届/批). Only the first
    lines of the report that read as a headline are looked at, and only a headline with one value."""
    lines = [line for line in sh[:600].split("\n") if line.strip()][:8]
    for line in lines:
        if not _HEADLINE_RE.search(line) or not (award[:6] in line or award[-4:] in line):
            continue
        if key == "edition":
            eds = {to_int(m.group(1) or m.group(2)) for m in vocabulary()["edition"].finditer(line)}
            return eds.pop() if len(eds) == 1 else None
        years = round_years(line)
        if len(years) == 1:
            return years.pop()
    return None



def _quals(sh: str, mentions: list[Mention], a: int, between: str, after_end: int, clause_end: int) -> dict[str, Any]:
    """Year, edition and grade of one grant: the award mention's own, else the clause's words
    between verb and award, else (year, edition) what earlier mentions of the award say, else the
    title's year where the title names the award; the grade right after the award."""
    v = vocabulary()
    award = mentions[a]
    q: dict[str, Any] = {k: award.attrs.get(k) for k in ("year", "edition", "grade")}
    if q["year"] is None:
        years = round_years(between)  # 2018-2019年度, 从2010年起: none
        q["year"] = years.pop() if len(years) == 1 else None
    if q["edition"] is None:
        ed = v["edition"].search(between)
        q["edition"] = to_int(ed.group(1) or ed.group(2)) if ed else None
    if q["grade"] is None:
        g = GRADE_AFTER_RE.match(sh, after_end, clause_end)
        if g is None:
            # X奖”一等奖 / X奖 一等奖 / X奖（一等奖）: a closing quote, spaces or a bracket between
            gap = re.match(r"[”\"」』]?[ \t\u3000]{0,4}[(（]?", sh[after_end:after_end + 6])
            g = GRADE_AFTER_RE.match(sh, after_end + gap.end(), clause_end) if gap.end() else None
        q["grade"] = g.group(0) if g else None
    ss = max(sh.rfind(c, 0, award.start) for c in "。！？\n") + 1
    if re.match(r"\s*(?:此外|另外|另|还)", sh[ss:ss + 4]):
        ss = max(sh.rfind(c, 0, max(ss - 1, 0)) for c in "。！？\n") + 1  # 此外，有…: the sentence before goes on
    if CUMULATIVE_RE.search(sh, ss, clause_end):
        # 截至目前，我市共拥有X组织奖4个: a tally over all rounds has no round of its own (and the
        # headline family must not give it the headline's round: ``tally`` is not a contract field)
        return {**{k: val for k, val in q.items() if val is not None}, "tally": True}
    if q["year"] is None:
        # 2005年，A、B…被评为X: the year that opens the grant's sentence dates the grant
        opening = OPENING_YEAR_RE.match(sh, ss)
        if opening and not story_year(sh, opening.start(1), opening.end(1)):
            q["year"] = to_year(opening.group(1))
    if q["year"] is None or q["edition"] is None:
        ctx = _award_context(mentions, a)
        q["year"] = q["year"] or ctx.get("year")
        q["edition"] = q["edition"] or ctx.get("edition")
    if q["year"] is None or q["edition"] is None:
        # 济宁市第四届市长质量奖获奖企业揭晓，A、B获得济宁市长质量管理奖: the round the paragraph
        # opened with, named by a kindred award (the same last three characters) shortly before
        para = sh.rfind("\n", 0, award.start)
        for m in reversed(mentions[:a]):
            if m.start <= para or award.start - m.end > 300:
                break
            if m.label == "Award" and m.text[-3:] == award.text[-3:]:
                q["year"] = q["year"] or m.attrs.get("year")
                q["edition"] = q["edition"] or m.attrs.get("edition")
                break
    if q["year"] is None:
        q["year"] = _title_year(sh, award.text)
    if q["edition"] is None:
        q["edition"] = _title_year(sh, award.text, "edition")  # 第七批…名单 in the headline
    return {k: val for k, val in q.items() if val is not None}


#: between two grades of one award (一等奖和二等奖, 金奖、银奖及铜奖)
GRADE_JOIN_RE = re.compile(r"\s*(?:、|和|与|及|以及|,|，)\s*")


def grade_chain(sh: str, written: str, pos: int, end: int) -> list[str]:
    """The grades written one after another from ``pos`` (X奖一等奖和二等奖: 一等奖, 二等奖), as the
    report writes them (``written``: the text before shadowing), stopping before ``end``."""
    gap = re.match(r"[”\"」』]?[ \t\u3000]{0,4}", sh[pos:pos + 6])
    out: list[str] = []
    g = GRADE_AFTER_RE.match(sh, pos + gap.end(), end)
    while g is not None:
        out.append(written[g.start():g.end()])
        join = GRADE_JOIN_RE.match(sh, g.end(), end)
        g = GRADE_AFTER_RE.match(sh, join.end(), end) if join else None
    return out
