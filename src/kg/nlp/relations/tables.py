"""Table reader's relations: a winner table's rows (award cell, winner cell, region column) to
receivedAward, worksFor and locatedIn.

Owns: turning the rows that ``kg.nlp.tables`` found into relations, with the year, edition and
grade a row, its columns, its caption (the 名单 line above it) or the text before the table give.
A table without an award column gives each row the award its caption names (not a caption of
candidates: 推荐, 候选); a region column (地区, 城市, 乡镇街道) gives each row's organisation
locatedIn its place, whatever the table lists. Must not: find tables (that is ``kg.nlp.tables``)
or read prose.
"""

from __future__ import annotations

import re
from typing import Any

from ...text import normalise_name, to_int, to_year
from ..awards import AFTER_GRADES, ALL_GRADES
from ..rules import GRADES, ORG_LABELS, Mention
from .base import Relation, RelationInput, register
from ..tables import caption_award, caption_lines
from .context import LIST_YEAR_SCAN
from .lists import CANDIDATES_RE, _edition, _year, heading_grade

register("tables", {
    "table.award_row.v1": ("receivedAward", "a row's winner cell holds the award its award cell names (or the table's award with the cell's grade)"),
    "table.caption_award.v1": ("receivedAward", "a row's winner, in a table with no award column, holds the award the table's caption names (with its year and batch)"),
    "table.winner_cell.v1": ("worksFor", "a winner cell naming a person after an organisation (and a role between)"),
    "table.region_column.v1": ("locatedIn", "a row's organisation lies in the place its region column names"),
})


def find(inp: RelationInput) -> list[Relation]:
    return table_relations(inp.sh, inp.mentions, inp.tables, written=inp.text)


def _lead_award(mentions: list[Mention], cell_award: Mention, before: int) -> dict[str, int]:
    """The year and the edition that the text before a table states for its award (named in full
    or as the cell names it), each only where the text states one value."""
    tail = normalise_name(cell_award.text)
    leads = [m for m in mentions if m.label == "Award" and m.end <= before and normalise_name(m.text).endswith(tail)]
    out = {}
    for key in ("year", "edition"):
        values = {m.attrs.get(key) for m in leads if m.attrs.get(key) is not None}
        if len(values) == 1:
            out[key] = values.pop()
    return out


#: how far above a table under a grade heading the award of its list may be named (characters)
GRADE_HEADING_REACH = 4000


def _heading_grade(text: str, start: int, written: str | None) -> tuple[int, str] | None:
    """The grade heading right above a table (一等奖 / 二、二等奖（3项）), with where its line starts."""
    for s, e in caption_lines(text, start, 2):
        g = heading_grade(text[s:e])
        if g is not None:
            return s, (written or text)[s + g.start("grade"):s + g.end("grade")]
    return None


def _caption_award(text: str, mentions: list[Mention], start: int, written: str | None = None) -> tuple[int, dict[str, Any]] | None:
    """The caption's award (``kg.nlp.tables.caption_award``) with the caption's year and batch, and
    the grade of a grade heading right above the table; under a grade heading that names no award
    (…名单 / 一等奖 / table / 二等奖 / table), the award a line further up names."""
    award = caption_award(text, mentions, start)
    graded = _heading_grade(text, start, written)
    if award is None and graded is not None:
        above = [i for i, m in enumerate(mentions) if m.label == "Award" and m.end <= graded[0] and graded[0] - m.end <= GRADE_HEADING_REACH]
        if above and not CANDIDATES_RE.search(text, text.rfind("\n", 0, mentions[above[-1]].start) + 1, mentions[above[-1]].end):
            award = above[-1]
    if award is None:
        return None
    m = mentions[award]
    line_start = text.rfind("\n", 0, m.start) + 1
    line = text[line_start:text.find("\n", m.end) if "\n" in text[m.end:] else len(text)]
    grade = m.attrs.get("grade") or (graded[1] if graded is not None and graded[0] >= line_start else None)
    return award, {"year": m.attrs.get("year") or _year(line), "edition": m.attrs.get("edition") or _edition(line), "grade": grade}


TABLE_EDITION_RE = re.compile(r"第([0-9一二三四五六七八九十百]+)[届批]|(首)[届批]")
TABLE_GRADE_RE = re.compile("|".join(GRADES))
#: a cell that is a grade and nothing else, of any kind (一等奖, 特优奖): kg/data/lexicons/grades.tsv
TABLE_GRADE_CELL_RE = re.compile("|".join(sorted(set(ALL_GRADES) | set(AFTER_GRADES), key=len, reverse=True)))  # 特优, 金牌 too


def table_relations(text: str, mentions: list[Mention], tables: list[Any], written: str | None = None) -> list[Relation]:
    from ..rules import _people_tables

    role_re = _people_tables()[0]
    rels: list[Relation] = []
    for t in tables:
        if t.award_col is None:
            rels.extend(_caption_rows(text, mentions, t, role_re, written))
            continue
        # the award of the table: the one its award cells name most (for rows that give a grade only)
        named = [i for row in t.rows for i, m in enumerate(mentions) if m.label == "Award" and row[t.award_col][0] <= m.start < row[t.award_col][1]]
        table_award = max(named, key=lambda i: sum(normalise_name(mentions[j].text) == normalise_name(mentions[i].text) for j in named)) if named else None
        if table_award is None:
            # a column of grades only (一等奖, 二等奖): the award the text names last before the table
            before = [i for i, m in enumerate(mentions) if m.label == "Award" and m.end <= t.rows[0][0][0] and t.rows[0][0][0] - m.end <= 600]
            table_award = before[-1] if before else None
        for row in t.rows:
            ev = (row[0][0], row[-1][1])
            aw = [i for i, m in enumerate(mentions) if m.label == "Award" and row[t.award_col][0] <= m.start < row[t.award_col][1]]
            people, orgs = _row_cell(mentions, t, row)
            cell = text[row[t.award_col][0]:row[t.award_col][1]].strip()
            if not aw and len(cell) >= 4:
                # 绿色工厂 under a lead that names 国家级绿色工厂: the award the cell shortens
                aw = [i for i, m in enumerate(mentions) if m.label == "Award" and m.end <= t.rows[0][0][0] and normalise_name(m.text).endswith(normalise_name(cell))][-1:]
            bare_grade = None
            if not aw and table_award is not None and TABLE_GRADE_CELL_RE.fullmatch(cell):
                aw, bare_grade = [table_award], (written or text)[row[t.award_col][0]:row[t.award_col][1]].strip()
            if not aw or not (people or orgs):
                rels.extend(_row_places(text, mentions, t, row, orgs, ev))
                continue
            a = mentions[aw[0]]
            year = None
            if t.year_col is not None:
                cell = text[row[t.year_col][0]:row[t.year_col][1]]
                yy = re.search(r"(?:19|20)\d{2}", cell)
                year = int(yy.group(0)) if yy else None
            q = {"year": year or a.attrs.get("year"), "edition": a.attrs.get("edition"), "grade": bare_grade or a.attrs.get("grade")}
            if q["year"] is None or q["edition"] is None:
                # the lead names the award in full with its year and edition (2023年度第四届重庆市市长质量管理奖)
                lead = _lead_award(mentions, a, t.rows[0][0][0])
                q["year"] = q["year"] or lead.get("year")
                q["edition"] = q["edition"] or lead.get("edition")
            # an edition or grade column of its own (届次: 第六届, 等级: 提名奖)
            for c, (cs, ce) in enumerate(row):
                if c in (t.award_col, t.winner_col):
                    continue
                cell = text[cs:ce]
                ed = TABLE_EDITION_RE.search(cell)
                if q["edition"] is None and ed:
                    q["edition"] = to_int(ed.group(1)) if ed.group(1) else 1
                gr = TABLE_GRADE_RE.search(cell)
                if q["grade"] is None and gr:
                    q["grade"] = written[cs + gr.start():cs + gr.end()] if written else gr.group(0)
            if q["year"] is None or q["edition"] is None:
                # the caption right above the table: 宁波市三星级绿色工厂名单(第三批)
                for cs, ce in caption_lines(text, t.start, 2):
                    q["year"] = q["year"] or _year(text[cs:ce])
                    q["edition"] = q["edition"] or _edition(text[cs:ce])
            if q["year"] is None:
                # the year (and batch) of the list the table gives: 2023年度（第八批）…名单 above it
                captions = list(LIST_YEAR_SCAN.finditer(text, max(0, t.rows[0][0][0] - 600), t.rows[0][0][0]))
                if captions:
                    q["year"] = to_year(captions[-1].group(1))
                    if q["edition"] is None and captions[-1].group(2):
                        q["edition"] = to_int(captions[-1].group(2))
            for recipient in _recipients(text, mentions, people or orgs):
                rels.append(Relation(recipient, "receivedAward", aw[0], "table.award_row.v1", ev, dict(q)))
            if people and orgs and mentions[orgs[-1]].label in ORG_LABELS:
                between = text[mentions[orgs[-1]].end:mentions[people[-1]].start]
                role = between if between and role_re.fullmatch(between) else None
                rels.append(Relation(people[-1], "worksFor", orgs[-1], "table.winner_cell.v1", ev, {"role": role}))
            rels.extend(_row_places(text, mentions, t, row, orgs, ev))
    return rels


def _row_cell(mentions: list[Mention], t: Any, row: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The people and the organisations (and parks) a row's winner cell names."""
    ws, we = row[t.winner_col]
    inside = [i for i, m in enumerate(mentions) if ws <= m.start < we]
    return [i for i in inside if mentions[i].label == "Person"], [i for i in inside if mentions[i].label in ORG_LABELS | {"Park"}]


#: what stands between two winners listed in one cell (A、B; A，B; A和B)
CELL_LIST_SEP_RE = re.compile(r"\s*(?:、|，|,|；|;|/|和|及|与)\s*")


def _recipients(text: str, mentions: list[Mention], found: list[int]) -> list[int]:
    """The winners a cell lists: its last one, and the ones before it that a list separator joins to
    the next (中联重科、中南大学: both; X公司张三: 张三 only, his body is no winner)."""
    out = [found[-1]]
    for a, b in zip(reversed(found[:-1]), reversed(found[1:])):
        if not CELL_LIST_SEP_RE.fullmatch(text, mentions[a].end, mentions[b].start):
            break
        out.insert(0, a)
    return out


def _row_places(text: str, mentions: list[Mention], t: Any, row: list[tuple[int, int]], orgs: list[int], ev: tuple[int, int]) -> list[Relation]:
    """locatedIn of a row's organisation: the place its region column names."""
    if t.region_col is None or not orgs:
        return []
    rs, re_ = row[t.region_col]
    places = [i for i, m in enumerate(mentions) if m.label in ("Place", "Park") and rs <= m.start < re_]
    if not places or places[0] == orgs[-1]:
        return []
    return [Relation(orgs[-1], "locatedIn", places[0], "table.region_column.v1", ev)]


def _caption_rows(text: str, mentions: list[Mention], t: Any, role_re: Any, written: str | None = None) -> list[Relation]:
    """Rows of a table without an award column: the caption's award, worksFor, the region column."""
    caption = _caption_award(text, mentions, t.start, written)
    rels: list[Relation] = []
    for row in t.rows:
        ev = (row[0][0], row[-1][1])
        people, orgs = _row_cell(mentions, t, row)
        if not (people or orgs):
            continue
        if caption is not None:
            award, q = caption
            q = dict(q)
            if t.year_col is not None:
                yy = re.search(r"(?:19|20)\d{2}", text[row[t.year_col][0]:row[t.year_col][1]])
                q["year"] = int(yy.group(0)) if yy else q.get("year")
            if t.grade_col is not None:
                gs, ge = row[t.grade_col]
                gr = TABLE_GRADE_RE.search(text, gs, ge) or TABLE_GRADE_CELL_RE.fullmatch(text[gs:ge].strip())
                q["grade"] = gr.group(0) if gr else q.get("grade")
            for recipient in _recipients(text, mentions, people or orgs):
                rels.append(Relation(recipient, "receivedAward", award, "table.caption_award.v1", ev, dict(q)))
        if people and orgs and mentions[orgs[-1]].label in ORG_LABELS:
            between = text[mentions[orgs[-1]].end:mentions[people[-1]].start]
            role = between if between and role_re.fullmatch(between) else None
            rels.append(Relation(people[-1], "worksFor", orgs[-1], "table.winner_cell.v1", ev, {"role": role}))
        rels.extend(_row_places(text, mentions, t, row, orgs, ev))
    return rels
