"""Qualifiers from elsewhere in the report: the year and the batch or edition of a report's award,
where the clause that gives the award does not state them.

Owns filling a missing ``year`` or ``edition`` of every receivedAward the families before it found,
in this order, each only where it states one value:
1. the headline that names the award or a kindred one (2023年…质量奖评审结果的通报; 第七批…单项冠军
   …名单; see ``enumerations._title_year``);
2. the other mentions of the same award anywhere in the report (…首届桃江县县长质量奖评选工作圆满结束
   at the end of a report that grants 桃江县县长质量奖);
3. a list or notice named in the text that holds the award's name (《关于发布2020年(第24批)河南省企业
   技术中心名单的通知》 for 省级企业技术中心).
Runs after every family that makes receivedAward and makes no relation itself; a value the relation
has is never replaced, and a tally over all rounds (``tally``, set by ``enumerations``) takes none.
Must not: add or drop relations.
"""

from __future__ import annotations

import re

from ...text import normalise_name, occurrences, to_int
from .base import Relation, RelationInput
from .context import _same_award
from .qualifiers import _NOT_A_YEAR_RE, _title_year, round_years

#: the end of a list's or a notice's name after the award's (…企业技术中心名单的通知)
LIST_END_RE = re.compile(r"[^，,。；;！？\n]{0,16}?(?:名单|名录|通知|公告|公示|榜单)")
EDITION_RE = re.compile(r"第\s*([0-9一二三四五六七八九十百]{1,4})\s*[届批]|(首)[届批]")
EDITION_BEFORE_RE = re.compile(r"(?:第\s*([0-9一二三四五六七八九十百]{1,4})\s*[届批]|(首)[届批])\s*$")


def _mention_values(inp: RelationInput, award: str, key: str) -> int | None:
    """The one ``key`` the report's mentions of ``award`` (or a kindred name) carry, if one."""
    name = normalise_name(award)
    values: set[int] = set()
    for m in inp.mentions:
        if m.label != "Award" or not _same_award(normalise_name(inp.sh[m.start:m.end]), name):
            continue
        value = m.attrs.get(key)
        if value is None and key == "edition":
            # 首届桃江县县长质量奖评选工作圆满结束: an edition written right before the name
            before = EDITION_BEFORE_RE.search(inp.sh, max(0, m.start - 8), m.start)
            value = to_int(before.group(1) or before.group(2)) if before else None
        if value is not None:
            values.add(value)
    return values.pop() if len(values) == 1 else None


def _list_values(sh: str, award: str, key: str) -> int | None:
    """The one ``key`` of the lists the text names that hold the award's core (its last six
    characters): 2020年(第24批)河南省企业技术中心名单 for 省级企业技术中心."""
    core = award[-6:] if len(award) >= 6 else award
    if len(core) < 4:
        return None
    values: set[int] = set()
    # the core's occurrences (re.finditer of the escaped core, without a pattern compiled for
    # every award: each one pushed a rule's pattern out of re's cache)
    for m_start, m_end in occurrences(sh, core):
        end = LIST_END_RE.match(sh, m_end)
        if end is None:
            continue
        start = max(sh.rfind(c, 0, m_start) for c in "，,。；;！？\n《“\"") + 1
        window = _NOT_A_YEAR_RE.sub(" ", sh[max(start, m_start - 30):end.end()])
        if key == "year":
            values |= round_years(window)
        else:
            values |= {to_int(a or b) for a, b in EDITION_RE.findall(window)}
    return values.pop() if len(values) == 1 else None


def find(inp: RelationInput) -> list[Relation]:
    memo: dict[tuple[str, str], int | None] = {}
    for r in inp.found:
        if r.predicate != "receivedAward" or not isinstance(r.object, int) or r.qualifiers.get("tally"):
            continue
        award = inp.sh[inp.mentions[r.object].start:inp.mentions[r.object].end]
        for key in ("year", "edition"):
            if r.qualifiers.get(key) is None:
                if (award, key) not in memo:
                    value = _title_year(inp.sh, award, key)
                    if value is None:
                        value = _mention_values(inp, award, key)
                    if value is None:
                        value = _list_values(inp.sh, award, key)
                    memo[(award, key)] = value
                if memo[(award, key)] is not None:
                    r.qualifiers[key] = memo[(award, key)]
    return []
