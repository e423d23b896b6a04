"""Table reader: award tables (rank, award, year, winner columns) recognised by structure.

Owns: finding tab-separated and Markdown (| a | b |) blocks, typing each column by what its cells hold (years, small
integers, award names, organisations/people) rather than by header words, adding the people a
winner cell names after its organisation (中材株洲水泥有限责任公司贾相华), and turning each row into
receivedAward (with year, edition, grade) and worksFor relations. Must not: read tables that do
not look like award lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .rules import GRADES, ORG_LABELS, Mention, _name_len_at, _people_tables
from ..text import normalise_name, parse_year

YEAR_CELL = re.compile(r"^\s*((?:19|20)\d{2})\s*年?度?\s*$")
RANK_CELL = re.compile(r"^\s*\d{1,4}\s*$")
GRADE_CELL = re.compile("|".join(GRADES))


@dataclass
class Table:
    rows: list[list[tuple[int, int]]]  # cell spans per data row
    award_col: int
    winner_col: int
    year_col: int | None
    region_col: int | None


_MD_RULE = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")  # | --- | :---: |


_SPACED_SEP = re.compile(r" {2,}|\u3000+")  # columns aligned with runs of spaces


def _cells(text: str, start: int, line: str) -> list[tuple[int, int]]:
    """Cell spans of a table line: tab-separated, a Markdown row (| a | b |), or columns aligned
    by runs of two or more spaces; a cell's span leaves out the spaces around its text."""
    spans = []
    if "\t" not in line and "|" not in line:
        stripped_end = len(line.rstrip())
        lead = len(line) - len(line.lstrip())
        pos = lead
        for sep in _SPACED_SEP.finditer(line, lead, stripped_end):
            spans.append((start + pos, start + sep.start()))
            pos = sep.end()
        spans.append((start + pos, start + stripped_end))
        return spans
    if line.count("\t") >= 2:
        pos = start
        for part in line.split("\t"):
            spans.append((pos, pos + len(part)))
            pos += len(part) + 1
        return spans
    inner_start = start + line.index("|") + 1
    inner = line[line.index("|") + 1 : line.rindex("|")]
    pos = inner_start
    for part in inner.split("|"):
        lead = len(part) - len(part.lstrip())
        spans.append((pos + lead, pos + len(part.rstrip())))
        pos += len(part) + 1
    return spans


def _is_row(line: str) -> bool:
    stripped = line.strip()
    return (
        line.count("\t") >= 2
        or (stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3)
        or ("\t" not in line and len(_SPACED_SEP.findall(stripped)) >= 2)  # 序号  单位  等级
    )


def find_tables(text: str, mentions: list[Mention]) -> list[Table]:
    """Award tables of ``text``: blocks of two or more rows, tab-separated or Markdown (the
    Markdown rule line under a header is skipped)."""
    tables: list[Table] = []
    block: list[list[tuple[int, int]]] = []
    pos = 0
    for line in text.split("\n") + [""]:
        if _MD_RULE.match(line) and block:
            pass  # | --- | --- |: part of the table, not a row
        elif _is_row(line):
            block.append(_cells(text, pos, line))
        else:
            if len(block) >= 2:
                t = _type_columns(text, block, mentions)
                if t:
                    tables.append(t)
            block = []
        pos += len(line) + 1
    return tables


def _type_columns(text: str, block: list[list[tuple[int, int]]], mentions: list[Mention]) -> Table | None:
    ncol = max(len(r) for r in block)
    rows = [r for r in block if len(r) == ncol]
    award_by_cell = {}
    for m in mentions:
        if m.label == "Award":
            award_by_cell.setdefault(m.start, m)

    def frac(col: int, pred) -> float:
        cells = [text[r[col][0]:r[col][1]] for r in rows]
        return sum(1 for c in cells if pred(c)) / max(1, len(cells))

    def has_label(col: int, labels) -> float:
        hits = 0
        for r in rows:
            s, e = r[col]
            if any(m.label in labels and s <= m.start < e for m in mentions):
                hits += 1
        return hits / max(1, len(rows))

    year_col = next((c for c in range(ncol) if frac(c, lambda x: bool(YEAR_CELL.match(x))) >= 0.6), None)

    # award names the text gives before the table: a cell may shorten one (绿色工厂 of 国家级绿色工厂)
    first = rows[0][0][0]
    named = {normalise_name(m.text) for m in mentions if m.label == "Award" and m.end <= first}

    def shortened(cell: str) -> bool:
        cell = normalise_name(cell)
        return len(cell) >= 4 and any(name.endswith(cell) for name in named)

    def award_cells(col: int) -> float:
        # cells naming an award, only its grade (提名奖 under 省政府质量奖), or a shortened name
        return has_label(col, {"Award"}) + frac(col, lambda x: bool(GRADE_CELL.fullmatch(x.strip())) or shortened(x))

    award_col = max(range(ncol), key=award_cells)
    only_grades = has_label(award_col, {"Award"}) == 0 and frac(award_col, shortened) == 0
    if award_cells(award_col) < 0.5 or (only_grades and not named):
        return None  # (a column of grades only is read under the award the text names before it)
    winner_cands = [c for c in range(ncol) if c not in (award_col, year_col)]
    if not winner_cands:
        return None
    winner_col = max(winner_cands, key=lambda c: has_label(c, ORG_LABELS | {"Person"}))
    if has_label(winner_col, ORG_LABELS | {"Person"}) < 0.5:
        return None
    region_col = next((c for c in winner_cands if c != winner_col and has_label(c, {"Place"}) >= 0.6), None)
    # drop a header row: one whose year cell is not a year
    data = [r for r in rows if year_col is None or YEAR_CELL.match(text[r[year_col][0]:r[year_col][1]])]
    return Table(data, award_col, winner_col, year_col, region_col)


def add_cell_people(text: str, sh: str, tables: list[Table], mentions: list[Mention], tok_starts: list[int]) -> list[Mention]:
    """A winner cell that goes on after its organisation (and a post) names a person."""
    _, surnames, roles, _ = _people_tables()
    role_re = _people_tables()[0]
    added = []
    for t in tables:
        for r in t.rows:
            s, e = r[t.winner_col]
            orgs = [m for m in mentions if m.label in ORG_LABELS and s <= m.start and m.end <= e]
            if not orgs:
                continue
            pos = orgs[-1].end
            rm = role_re.match(sh, pos)
            if rm:
                pos = rm.end()
            if pos >= e or any(m.start == pos and m.label == "Person" for m in mentions):
                continue
            n = e - pos if 2 <= e - pos <= 4 else _name_len_at(sh, pos, surnames, roles, tok_starts)
            if n and (sh[pos:pos + 1] in surnames or sh[pos:pos + 2] in surnames):
                added.append(Mention(pos, pos + n, "Person", "person.table_cell.v1", text[pos:pos + n]))
    return added
