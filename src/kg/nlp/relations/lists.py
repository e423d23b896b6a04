"""List reader: winner lists written one name per line under a heading that names an award.

Owns: finding runs of list items (a line that, once its numbering is stripped, is one or more
organisation, park or person names joined by 、 and nothing else but a bracketed note) and the
heading above them that names an award, and turning each item into receivedAward with the year,
edition and grade that the heading, or a heading above it, states. Real winner lists are written
this way ("2023年度X奖获奖企业名单" then one firm a line; "一、金奖" then the firms) and say nothing
in prose. Must not: read prose sentences, or take a heading of candidates (推荐, 候选) as a grant.

Hand-written rather than a spaCy Matcher: the unit is a line of the report and its relation to the
lines above it, which token patterns do not see.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from .base import Relation, RelationInput, register
from ..awards import AFTER_GRADES, ALL_GRADES
from ..rules import GRADE_AFTER_RE, Mention, ORG_LABELS
from ...text import YEAR_NUM, to_int, to_year

RULE = "list.award_items.v1"
GRADE_LINE_RULE = "list.grade_line.v1"
register("lists", {
    RULE: ("receivedAward", "each member of a list item gets the award (year, edition, grade) of the heading above the list"),
    GRADE_LINE_RULE: ("receivedAward", "一、金质奖：A、B: a grade with its members on one line gets the award named on a line above"),
})
#: list numbering at the start of a line: 1. 1、 (1) （一） 一、 ① - • ·
NUMBERING_RE = re.compile(
    r"\s*(?:[0-9]{1,3}\s*[.、．)）:：]|[(（][0-9一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[\u2460-\u2473]|[-•·●▪*■□◆])?\s*"
)
#: what may follow the names on an item line: a bracketed note, closing punctuation
TAIL_RE = re.compile(r"^\s*(?:[(（][^()（）]{1,30}[)）])?\s*[，,。；;、]?\s*$")
#: the note after a person on an item line: 丁某(某公司董事长)
PERSON_NOTE_RE = re.compile(r"\s*[(（][^()（）]{2,30}[)）]")
#: a person's body and post after a space on an item line (张伟 华盛电子有限公司董事长)
POST_GAP_RE = re.compile(r"[ \t\u3000]+")
POST_TAIL_RE = re.compile(r"[\u4e00-\u9fff、]{0,16}\s*[，,。；;]?\s*")
YEAR_RE = re.compile("(" + YEAR_NUM + r")\s*年")  # Gregorian or Taiwan (Minguo) years, kg.text
SPAN_RE = re.compile(r"(?:19|20)[0-9]{2}\s*年?\s*[-—~至到]\s*(?:19|20)?[0-9]{2}")
EDITION_RE = re.compile(r"第\s*([0-9一二三四五六七八九十]{1,3})\s*[届批]|(首)批")
#: every grade a list line may open on: any kind, and the ones written without 奖 (Taiwan's 特优,
#: 优等, 佳作; a medal) too, which a line of its own or a colon closes
LINE_GRADES = tuple(sorted(set(ALL_GRADES) | set(AFTER_GRADES), key=len, reverse=True))
#: a line that opens on a grade and a colon (一、金质奖：, 提名奖:, 特优：), its members after it
GRADE_LABEL_RE = re.compile(NUMBERING_RE.pattern + r"(?P<grade>(?:" + "|".join(LINE_GRADES) + r")(?![励金补]))\s*(?:[(（][^()（）]{0,10}[)）])?\s*[:：]\s*")
#: a line that is a grade heading and nothing else: 特优奖 / 二、二等奖（3项） / （一）金奖：/ 一等奖 10项 / 佳作
GRADE_HEADING_RE = re.compile(NUMBERING_RE.pattern + r"(?P<grade>(?:" + "|".join(LINE_GRADES) + r")(?![励金补]))"
                              r"\s*(?:[(（]?\s*(?:共\s*)?[0-9一二三四五六七八九十百]+\s*(?:项|个|家|名|人|件|位)\s*[)）]?)?\s*[:：]?\s*$")
#: the label of a project's winning units on its item line (项目名称 完成单位：A、B; （申报单位：A）)
UNIT_LABEL_RE = re.compile(r"[\s，,；;(（]\s*(?:第一|主要)?(?:完成单位|申报单位|获奖单位|承担单位|申报企业|专利权人)\s*[:：]\s*")
#: a list item that names a project first, then its units after a space or in brackets that close
#: the line (1.一种新型轴承  A公司; 2.高强合金研究（A公司、B大学）): the title has no sentence's
#: punctuation and no colon of a label
PROJECT_ITEM_RE = re.compile(r"(?P<title>[^，,。；;：:\s(（)）][^，,。；;：:\n(（)）]{2,39}?)(?:[ \t\u3000]+|(?P<open>[(（]))(?=[^ \t\u3000])")
#: a header over a table of who runs a scheme's categories (组别 主办机构, 类别 承办单位)
ORGANISER_HEADER_RE = re.compile(r"主办|承办|协办|负责|组织机构|组织单位")
CANDIDATES_RE = re.compile(r"推荐|候选|拟推|申报|评审专家|初审|考察")
GRANTER_RE = re.compile(r"(?:政府|政府办公厅|委员会|领导小组)$")
HOLDERS = frozenset({"Company", "Institution", "GovernmentAgency", "Park", "Person"})
#: how far above a list its heading may stand (lines), and above a grade heading its award's
HEADING_REACH, AWARD_REACH = 4, 40


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _item_members(sh: str, s: int, e: int, mentions: list[Mention], starts: list[int]) -> list[int] | None:
    """Indices of the holder mentions that make up line ``sh[s:e]`` as a list item, else None;
    or, on a line that names a project first, the units that close it (1.一种轴承  A公司;
    1.一种轴承（A公司、B公司）): a project's award goes to its units (ANNOTATION.md)."""
    found = _line_members(sh, s, e, mentions, starts)
    if found is not None:
        return found
    body = NUMBERING_RE.match(sh, s, e).end()
    project = PROJECT_ITEM_RE.match(sh, body, e)
    if project is None or any(body <= m < project.end("title") for m in starts[bisect.bisect_left(starts, body):bisect.bisect_left(starts, project.end("title"))] if not _place_at(mentions, starts, m)):
        return None  # the title holds a firm's, a body's or a person's name: no project's
    close = e
    if project.group("open"):
        close = max(sh.rfind(")", project.end(), e), sh.rfind("）", project.end(), e))
        if close < 0 or sh[close + 1:e].strip():
            return None  # an unclosed bracket, or words after it: no units closing the line
    units = _line_members(sh, project.end(), close, mentions, starts, numbered=False)
    if units is None or any(mentions[i].label not in ("Company", "Institution") for i in units):
        return None  # 记者 张三, 创意 某商会: a byline or a category and its organiser, no project's units
    return units


def _place_at(mentions: list[Mention], starts: list[int], pos: int) -> bool:
    """Is every mention that starts at ``pos`` a place (a project's title may name where it is)?"""
    k = bisect.bisect_left(starts, pos)
    return all(mentions[j].label == "Place" for j in range(k, len(starts)) if starts[j] == pos)


def _line_members(sh: str, s: int, e: int, mentions: list[Mention], starts: list[int], numbered: bool = True) -> list[int] | None:
    """Indices of the holder mentions that make up ``sh[s:e]`` (after its numbering), else None."""
    body = NUMBERING_RE.match(sh, s, e).end() if numbered else s
    unit = UNIT_LABEL_RE.search(sh, body, e)
    if unit is not None:
        body = unit.end()  # 1.一种轴承  完成单位：A、B: a project's item, its units after their label
    lo, hi = bisect.bisect_left(starts, body), bisect.bisect_left(starts, e)
    inside = [i for i in range(lo, hi) if mentions[i].end <= e]
    members, pos = [], body
    for i in inside:
        m = mentions[i]
        if m.start < pos:
            continue  # a mention inside the one already taken
        gap = sh[pos:m.start].strip()
        if gap not in ("", "、", ",", "，", "和", "及"):
            return None
        if m.label not in HOLDERS or (m.label == "GovernmentAgency" and GRANTER_RE.search(m.text)):
            return None  # a government's name alone on a line signs the decision, it wins nothing
        members.append(i)
        pos = m.end
        note = PERSON_NOTE_RE.match(sh, pos, e)  # 丁某(某公司董事长), 某公司(长沙市): a note, no member
        if note:
            pos = note.end()
        elif m.label == "Person" and (gap_ := POST_GAP_RE.match(sh, pos, e)):
            # 张伟 华盛电子有限公司董事长: the person's body and post after a space close the item
            post = next((k for k in inside if mentions[k].start == gap_.end()), None)
            if post is not None and mentions[post].label in ORG_LABELS and POST_TAIL_RE.fullmatch(sh, mentions[post].end, e):
                pos = e
                break
    if unit is not None and sh[unit.start()] in "(（" and sh[pos:e].lstrip().startswith(("）", ")")):
        pos = sh.index(sh[pos:e].lstrip()[0], pos) + 1  # （完成单位：A）: the label's bracket closes
    if not members or not TAIL_RE.match(sh[pos:e]):
        return None
    # 长岭重工 张三: a body written right before a person on the line is the person's, no member
    return [i for k, i in enumerate(members) if not (
        k + 1 < len(members) and mentions[members[k + 1]].label == "Person" and mentions[i].label in ORG_LABELS
        and not sh[mentions[i].end:mentions[members[k + 1]].start].strip())]


def heading_grade(line: str) -> re.Match[str] | None:
    """The grade a heading line names (group ``grade``): a grade of any kind standing alone on its
    line (特优奖, 二、二等奖（3项）, 金奖：); None for any other line."""
    return GRADE_HEADING_RE.match(line)


def _edition(text: str) -> int | None:
    m = EDITION_RE.search(text)
    return to_int(m.group(1) or m.group(2)) if m else None


def _year(text: str) -> int | None:
    if SPAN_RE.search(text):
        return None
    years = {to_year(y) for y in YEAR_RE.findall(text)}
    return years.pop() if len(years) == 1 else None


def find(inp: RelationInput) -> list[Relation]:
    return list_relations(inp.sh, inp.mentions, inp.found, inp.text)


def list_relations(sh: str, mentions: list[Mention], existing: list[Relation], text: str | None = None) -> list[Relation]:
    """receivedAward for every member of a list item under a heading that names an award."""
    lines = _lines(sh)
    starts = [m.start for m in mentions]  # mentions come sorted by start
    awards_by_line: dict[int, list[int]] = {}
    line_of = 0
    for i, m in enumerate(mentions):
        while line_of + 1 < len(lines) and lines[line_of + 1][0] <= m.start:
            line_of += 1
        if m.label == "Award":
            awards_by_line.setdefault(line_of, []).append(i)
    have = {(r.subject, r.object) for r in existing if r.predicate == "receivedAward"}
    title = next((sh[s:e] for s, e in lines if sh[s:e].strip()), "")
    # each line's members once; one heading per run of items (blank lines may stand between them)
    items = [_item_members(sh, s, e, mentions, starts) if sh[s:e].strip() else None for s, e in lines]
    out: list[Relation] = []
    heading: tuple[int, dict[str, Any]] | None = None
    in_run = False
    for n, (s, e) in enumerate(lines):
        members = items[n]
        label = GRADE_LABEL_RE.match(sh, s, e) if not members else None
        if label is not None:
            # 一、金质奖：A、B。 / 提名奖：C: a grade with its members on one line, the award above
            members = _item_members(sh, label.end(), e, mentions, starts)
            found = _award_above(sh, lines, n, awards_by_line, mentions) if members else None
            if found is not None:
                award, quals = found
                quals = {**quals, "grade": (text or sh)[label.start("grade"):label.end("grade")]}  # as written (金質獎)
                if not quals.get("year") and sh[mentions[award].start:mentions[award].end] in title:
                    quals["year"] = _year(title)
                quals = {k: v for k, v in quals.items() if v is not None}
                for i in members:
                    if (i, award) not in have:
                        have.add((i, award))
                        out.append(Relation(i, "receivedAward", award, GRADE_LINE_RULE, (s, e), dict(quals)))
            in_run = False
            continue
        if not members:
            in_run = in_run and not sh[s:e].strip()
            continue
        if not in_run:
            heading = _heading(sh, lines, n, awards_by_line, mentions, items)
            in_run = True
            block = []  # the lines of the block above, up to a blank line (a table's header, its rows)
            for a, b in reversed(lines[max(0, n - 12):n]):
                if not sh[a:b].strip():
                    break
                block.append(sh[a:b])
            if any(ORGANISER_HEADER_RE.search(x) for x in block) and _line_members(sh, s, e, mentions, starts) is None:
                heading = None  # 组别 主办机构 / 类别 承办单位: a table of who runs each category, no winners
        if heading is None:
            continue
        award, quals = heading
        if not quals.get("year") and sh[mentions[award].start:mentions[award].end] in title:
            quals = {**quals, "year": _year(title)}  # a list's year may stand only in the title, with its award
        quals = {k: v for k, v in quals.items() if v is not None}
        for i in members:
            if (i, award) in have:
                continue
            have.add((i, award))
            out.append(Relation(i, "receivedAward", award, RULE, (s, e), dict(quals)))
    return out


def _award_above(sh: str, lines: list[tuple[int, int]], n: int, awards_by_line: dict[int, list[int]], mentions: list[Mention]) -> tuple[int, dict[str, Any]] | None:
    """The award a grade line on line ``n`` belongs to: the last award named on a line above it
    (within AWARD_REACH lines), with that line's year and edition; None under a line of candidates."""
    for j in range(n - 1, max(-1, n - AWARD_REACH), -1):
        js, je = lines[j]
        if CANDIDATES_RE.search(sh[js:je]):
            return None
        if j in awards_by_line:
            award = awards_by_line[j][-1]
            m = mentions[award]
            return award, {"year": m.attrs.get("year") or _year(sh[js:je]), "edition": m.attrs.get("edition") or _edition(sh[js:je])}
    return None


def _heading(sh: str, lines: list[tuple[int, int]], n: int, awards_by_line: dict[int, list[int]], mentions: list[Mention], items: list[list[int] | None]) -> tuple[int, dict[str, Any]] | None:
    """The award an item on line ``n`` is under, with the heading's qualifiers, or None.

    Walk up over other items and blank lines to the first line that is no item: that is the
    heading. It names the award, or a grade whose award a heading further up names.
    """
    k, seen = n - 1, 0
    while k >= 0 and seen < HEADING_REACH:
        s, e = lines[k]
        line = sh[s:e]
        if not line.strip() or items[k]:
            k -= 1
            continue
        seen += 1
        if CANDIDATES_RE.search(line):
            return None
        found = GRADE_AFTER_RE.search(line)
        bare = heading_grade(line) if found is None and k not in awards_by_line else None
        # 特优奖 / 优胜奖 on a line of its own: a contest's grade heads the list too
        grade = found.group(0) if found else (bare.group("grade") if bare else None)
        if k in awards_by_line:
            award = awards_by_line[k][-1]
            m = mentions[award]
            after = GRADE_AFTER_RE.search(line, m.end - s) if m.end - s <= len(line) else None
            return award, {
                "year": m.attrs.get("year") or _year(line),
                "edition": m.attrs.get("edition") or _edition(line),
                "grade": m.attrs.get("grade") or (after.group(0) if after else None),
            }
        if grade:
            for j in range(k - 1, max(-1, k - AWARD_REACH), -1):
                if j in awards_by_line:
                    js, je = lines[j]
                    if CANDIDATES_RE.search(sh[js:je]):
                        return None
                    award = awards_by_line[j][-1]
                    m = mentions[award]
                    return award, {
                        "year": m.attrs.get("year") or _year(sh[js:je]),
                        "edition": m.attrs.get("edition") or _edition(sh[js:je]),
                        "grade": grade,
                    }
            return None
        k -= 1
    return None
