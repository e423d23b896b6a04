"""Table reader: tables of winners, members and places, recognised by their layout.

Owns: finding the tables of a report as it was pasted (tab-separated rows, Markdown rows with or
without their outer pipes, columns aligned by runs of spaces, and tables written one cell per line
under a header of column words), typing each column by its header word (序号, 单位名称, 地区, 奖项,
等级, 年度: ``kg/data/relations/tables.json``) or else by what its cells hold (years, award names,
organisations or people, places), and adding the people a winner cell names after its organisation
(中材株洲水泥有限责任公司贾相华). A table needs a winner column; its award column may be missing
(the award is then its caption's, read by ``kg.nlp.relations.tables``). Must not: make relations.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from ..resources import read_text
from .awards import AFTER_GRADES, ALL_GRADES
from .rules import ORG_LABELS, Mention, _name_len_at, _people_tables
from ..text import normalise_name

YEAR_CELL = re.compile(r"^\s*((?:19|20)\d{2})\s*年?度?\s*$")
RANK_CELL = re.compile(r"^\s*\d{1,4}\s*[.、]?\s*$")
#: a cell that is a grade (一等奖, 金奖, a contest's 特优奖): kg/data/lexicons/grades.tsv
GRADE_CELL = re.compile("|".join(sorted(set(ALL_GRADES) | set(AFTER_GRADES), key=len, reverse=True)))  # 特优, 金牌: a cell of its own


@dataclass
class Table:
    rows: list[list[tuple[int, int]]]  # cell spans per data row (a missing cell is an empty span)
    award_col: int | None  # None: the award is the caption's
    winner_col: int
    year_col: int | None
    region_col: int | None
    grade_col: int | None = None
    start: int = 0  # where the table (its header, else its first row) begins: its caption stands above


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, object]:
    data = json.loads(read_text("relations", "tables.json"))
    kind_of = {normalise_name(w): kind for kind, words in data["headers"].items() for w in words}
    return {"kind_of": kind_of, "captions": tuple(data["captions"]), "no_header": _kept_ideographs(kind_of)}


def _kept_ideographs(kind_of: dict[str, str]) -> frozenset[str]:
    """The CJK unified ideographs (U+4E00-U+9FFF) that ``normalise_name`` keeps as they are
    wherever they stand and that no header word holds: a cell with one of them names no column.

    ``normalise_name`` is NFKC, zhconv's zh-cn conversion, NFKC again, a bracket table, white
    space removed and upper case. NFKC leaves a unified ideograph as it is (it has no
    decomposition, and no composite decomposes to one with another character: tested in
    tests/test_fast_paths.py), so does the bracket table, the white space removal and upper
    case; zhconv changes only the characters of the phrases of its table, so an ideograph no
    phrase of its table holds is written out as it stands. Why: ``header_kind`` is asked of
    every line of every report, and normalising a line of prose (zhconv's conversion, a Python
    loop per character) was 4% of the extraction of the dev reports; four lines in five hold
    such a character and are settled by one set look-up per character.
    """
    import zhconv

    in_phrases = set("".join(zhconv.zhconv.getdict("zh-cn")))
    in_headers = set("".join(kind_of))
    return frozenset(chr(c) for c in range(0x4E00, 0xA000) if chr(c) not in in_phrases and chr(c) not in in_headers)


def header_kind(cell: str) -> str | None:
    """The kind of column a header cell names (rank, winner, region, award, grade, year, other)."""
    v = vocabulary()
    if not v["no_header"].isdisjoint(cell):  # type: ignore[union-attr]
        return None  # a character no header word has, which normalising keeps (_kept_ideographs)
    return v["kind_of"].get(normalise_name(cell))  # type: ignore[union-attr]


_MD_RULE = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")  # | --- | :---: |
_SPACED_SEP = re.compile(r" {2,}|\u3000+")  # columns aligned with runs of spaces


def _cells(text: str, start: int, line: str) -> list[tuple[int, int]]:
    """Cell spans of a table line: tab-separated, a Markdown row (| a | b |, outer pipes optional),
    or columns aligned by runs of two or more spaces; a cell's span leaves out the spaces around it."""
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
    stripped = line.strip()
    lo = line.index("|") + 1 if stripped.startswith("|") else len(line) - len(line.lstrip())
    hi = line.rindex("|") if stripped.endswith("|") else len(line.rstrip())
    pos = start + lo
    for part in line[lo:hi].split("|"):
        lead = len(part) - len(part.lstrip())
        spans.append((pos + lead, pos + len(part.rstrip())))
        pos += len(part) + 1
    return spans


def _is_row(line: str) -> bool:
    stripped = line.strip()
    return (
        line.count("\t") >= 2
        or (stripped.count("|") >= 3 and stripped.startswith("|") and stripped.endswith("|"))
        or (stripped.count("|") >= 2 and len([c for c in stripped.strip("|").split("|") if c.strip()]) >= 3)  # 1 | 长街镇 | A |
        or ("\t" not in line and "|" not in line and len(_SPACED_SEP.findall(stripped)) >= 2)  # 序号  单位  等级
    )


def find_tables(text: str, mentions: list[Mention]) -> list[Table]:
    """The tables of ``text``: blocks of two or more delimited rows (a Markdown rule line under a
    header is skipped), and tables written one cell per line under a header of column words."""
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
    for header, rows in _cell_per_line_blocks(text, mentions) + _flattened_blocks(text, mentions) + _single_space_blocks(text):
        t = _type_columns(text, [header] + rows, mentions)
        if t:
            tables.append(t)
    return sorted(tables, key=lambda t: t.start)


def _cell_per_line_blocks(text: str, mentions: list[Mention]) -> list[tuple[list[tuple[int, int]], list[list[tuple[int, int]]]]]:
    """Tables pasted one cell per line: three or more header lines (序号 / 地区 / 单位名称 …), then
    rows that each open on their rank (1, 2, 3 …). A row may hold fewer cells than the header
    (a cell left empty); it ends at the next rank, a blank line or a line too long for a cell."""
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos + len(line) - len(line.lstrip()), pos + len(line.rstrip())))
        pos += len(line) + 1
    out = []
    n = 0
    while n < len(lines):
        k = n
        while k < len(lines) and lines[k][1] > lines[k][0] and header_kind(text[lines[k][0]:lines[k][1]]):
            k += 1
        kinds = [header_kind(text[s:e]) for s, e in lines[n:k]]
        if k - n < 3 or "winner" not in kinds:
            n = max(k, n + 1)
            continue
        header = lines[n:k]
        rows: list[list[tuple[int, int]]] = []
        j, want = k, 1
        while j < len(lines):
            s, e = lines[j]
            if RANK_CELL.match(text[s:e]) and int(re.sub(r"\D", "", text[s:e])) == want:
                rows.append([(s, e)])
                want += 1
            elif rows and e > s and e - s <= 60 and len(rows[-1]) < len(header):
                rows[-1].append((s, e))
            else:
                break
            j += 1
        if len(rows) >= 1:
            out.append((header, [_align(text, header, r, mentions) for r in rows]))
        n = j if rows else k
    return out


_WORD_RUN = re.compile(r"\S+")


def _single_space_blocks(text: str) -> list[tuple[list[tuple[int, int]], list[list[tuple[int, int]]]]]:
    """Tables whose cells are parted by single spaces (序号 企业名称 所在地区 / 1 A公司 长沙市): only
    under a header line made wholly of column words, one of them a winner column, and only the
    rows right below it that have as many cells as the header (a name holding a space ends it).
    Lines with tabs, pipes or runs of spaces are the delimited tables of ``find_tables``."""
    out = []
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    n = 0
    while n < len(lines):
        start, line = lines[n]
        cells = [(start + m.start(), start + m.end()) for m in _WORD_RUN.finditer(line)]
        # the cheap tests first: most lines are one run of prose, and their cells' kinds are not needed
        if len(cells) < 2 or "\t" in line or "|" in line or _is_row(line):
            n += 1
            continue
        kinds = [header_kind(text[a:b]) for a, b in cells]
        if None in kinds or "winner" not in kinds:
            n += 1
            continue
        rows = []
        j = n + 1
        while j < len(lines):
            row_start, row = lines[j]
            spans = [(row_start + m.start(), row_start + m.end()) for m in _WORD_RUN.finditer(row)]
            if len(spans) != len(cells) or "\t" in row or "|" in row:
                break
            if kinds[0] == "rank" and not RANK_CELL.match(text[spans[0][0]:spans[0][1]]):
                break  # 序号 first: every row opens on its rank
            rows.append(spans)
            j += 1
        if len(rows) >= 2:
            out.append((cells, rows))
        n = j
    return out


def _header_word_at(text: str, pos: int) -> int:
    """Length of the longest header word at ``pos`` (序号, 申报组织名称, 所在地区), else 0."""
    for n in range(10, 1, -1):
        if header_kind(text[pos:pos + n]):
            return n
    return 0


def _flattened_blocks(text: str, mentions: list[Mention]) -> list[tuple[list[tuple[int, int]], list[list[tuple[int, int]]]]]:
    """Tables whose cells a crawl ran together (序号申报组织名称所在地区1A公司高新区2B公司利辛县):
    header words one after another, then rows that each open on their rank; a middle cell is one
    mention, the last cell runs to the next rank or the end of the line."""
    by_start: dict[int, int] = {}
    for m in mentions:
        by_start[m.start] = max(by_start.get(m.start, 0), m.end)
    out = []
    for hit in re.finditer("序号", text):
        cols, pos = [], hit.start()
        while (n := _header_word_at(text, pos)):
            cols.append((pos, pos + n))
            pos += n
        kinds = [header_kind(text[s:e]) for s, e in cols]
        if len(cols) < 3 or kinds[0] != "rank" or "winner" not in kinds:
            continue
        rows: list[list[tuple[int, int]]] = []
        want = 1
        while text.startswith(str(want), pos) and not text[pos + len(str(want)):pos + len(str(want)) + 1].isdigit():
            p = pos + len(str(want))
            eol = min([k for k in (text.find("\n", p), text.find("。", p)) if k >= 0] or [len(text)])
            nxt = text.find(str(want + 1), p, min(eol, p + 60))
            end = nxt if nxt >= 0 else min(eol, p + 60)
            cells = [(pos, p)]
            for _ in cols[1:-1]:
                if by_start.get(p, end) >= end:
                    break  # no mention closes this cell before the row ends: the row is skipped
                cells.append((p, by_start[p]))
                p = by_start[p]
            else:
                if 0 < end - p <= 20:
                    cells.append((p, end))
                    rows.append(cells)
            if nxt < 0:
                break
            pos, want = end, want + 1
        if len(rows) >= 2:
            out.append((cols, rows))
    return out


def _align(text: str, header: list[tuple[int, int]], row: list[tuple[int, int]], mentions: list[Mention]) -> list[tuple[int, int]]:
    """A row with fewer cells than its header, padded with empty cells where the fewest cells
    disagree with their column (a rank under 序号, a short place under 地区, a name under 单位名称)."""
    missing = len(header) - len(row)
    if missing <= 0:
        return row[: len(header)]
    kinds = [header_kind(text[s:e]) for s, e in header]

    def misfits(gaps: tuple[int, ...]) -> int:
        cells = iter(row)
        bad = 0
        for c, kind in enumerate(kinds):
            if c in gaps:
                bad += kind in ("rank", "winner")  # a row keeps its rank and its winner
                continue
            s, e = next(cells)
            cell = text[s:e]
            if (kind == "rank") != bool(RANK_CELL.match(cell)) or (kind == "region" and len(cell) > 10):
                bad += 1
            elif kind == "winner" and not any(m.label in ORG_LABELS | {"Person", "Park"} and s <= m.start < e for m in mentions):
                bad += 1
        return bad

    gaps = min(combinations(range(len(header)), missing), key=lambda g: (misfits(g), [-x for x in g]))
    cells = iter(row)
    return [(header[c][0], header[c][0]) if c in gaps else next(cells) for c in range(len(header))]


def _type_columns(text: str, block: list[list[tuple[int, int]]], mentions: list[Mention]) -> Table | None:
    ncol = max(len(r) for r in block)
    rows = [r for r in block if len(r) == ncol]
    header = rows[0] if all(header_kind(text[s:e]) or not text[s:e].strip() for s, e in rows[0]) else None
    kinds = [header_kind(text[s:e]) for s, e in header] if header else [None] * ncol
    start = rows[0][0][0]
    rows = rows[1:] if header else rows
    if not rows:
        return None

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

    def by_header(kind: str) -> int | None:
        return kinds.index(kind) if kind in kinds else None

    year_col = by_header("year")
    if year_col is None:
        year_col = next((c for c in range(ncol) if frac(c, lambda x: bool(YEAR_CELL.match(x))) >= 0.6), None)

    # award names the text gives before the table: a cell may shorten one (绿色工厂 of 国家级绿色工厂)
    named = {normalise_name(m.text) for m in mentions if m.label == "Award" and m.end <= start}

    def shortened(cell: str) -> bool:
        cell = normalise_name(cell)
        return len(cell) >= 4 and any(name.endswith(cell) for name in named)

    def award_cells(col: int) -> float:
        # cells naming an award, only its grade (提名奖 under 省政府质量奖), or a shortened name
        return has_label(col, {"Award"}) + frac(col, lambda x: bool(GRADE_CELL.fullmatch(x.strip())) or shortened(x))

    free = [c for c in range(ncol) if kinds[c] in (None, "award", "grade") and c != year_col]
    award_col = by_header("award")
    if award_col is None and free:
        award_col = max(free, key=award_cells)
        only_grades = has_label(award_col, {"Award"}) == 0 and frac(award_col, shortened) == 0
        if award_cells(award_col) < 0.5 or (only_grades and not named):
            award_col = None  # the award is the caption's
    grade_col = by_header("grade")
    if award_col is None and grade_col is not None and named:
        award_col = grade_col  # 等级: 一等奖 under the award the text names before the table
    # a table of parks (园区名称 | 所在市州) lists its rows' parks where a header names their region
    winners = ORG_LABELS | {"Person"} | ({"Park"} if by_header("region") is not None else set())
    winner_col = by_header("winner")
    if winner_col is None or has_label(winner_col, winners) < 0.5:
        cands = [c for c in range(ncol) if c not in (award_col, year_col, by_header("region")) and kinds[c] in (None, "winner")]
        winner_col = max(cands, key=lambda c: has_label(c, winners)) if cands else None
    if winner_col is None or has_label(winner_col, winners) < 0.5:
        return None
    if award_col is None and header is None and not _has_caption(text, start):
        return None  # neither an award column nor a header and caption: no table of winners
    region_col = by_header("region")
    if region_col is None:
        region_col = next((c for c in range(ncol) if c not in (winner_col, award_col, year_col) and kinds[c] is None and has_label(c, {"Place", "Park"}) >= 0.6), None)
    # drop a header row: one whose year cell is not a year
    data = [r for r in rows if year_col is None or YEAR_CELL.match(text[r[year_col][0]:r[year_col][1]])]
    return Table(data, award_col, winner_col, year_col, region_col, grade_col, start)


def caption_lines(text: str, start: int, reach: int = 3) -> list[tuple[int, int]]:
    """The non-blank lines right above ``start`` (nearest first), at most ``reach``; the text before
    ``start`` on its own line first, where there is any."""
    out = []
    end = text.rfind("\n", 0, start)
    if text[end + 1:start].strip():
        out.append((end + 1, start))  # a table flattened into its line: the caption runs into its header
    while end > 0 and len(out) < reach:
        s = text.rfind("\n", 0, end) + 1
        if text[s:end].strip():
            out.append((s, end))
        end = s - 1
    return out


def caption_award(text: str, mentions: list[Mention], start: int) -> int | None:
    """The award the caption right above a table names (宁波市三星级绿色工厂名单(第三批)), as an
    index into ``mentions``; None for a caption of candidates (推荐, 候选) or one naming no award."""
    from .relations.lists import CANDIDATES_RE

    for s, e in caption_lines(text, start, 3):
        if CANDIDATES_RE.search(text[s:e]):
            return None
        named = [i for i, m in enumerate(mentions) if m.label == "Award" and s <= m.start and m.end <= e]
        if named:
            return named[-1]
    return None


def _has_caption(text: str, start: int) -> bool:
    words = vocabulary()["captions"]
    return any(re.search("(?:" + "|".join(words) + r")\s*(?:[(][^()]{1,12}[)])?\s*[:]?\s*$", text[s:e]) for s, e in caption_lines(text, start, 2))  # type: ignore[arg-type]


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


def widen_award_cells(text: str, sh: str, tables: list[Table], mentions: list[Mention]) -> list[Mention]:
    """An award cell that is a place and an award (宁波市|三星级绿色工厂) names one award: the cell
    is the name's boundary, as it is a member's in a list. Returns the mentions with such pairs joined."""
    drop: set[int] = set()
    added = []
    for t in tables:
        if t.award_col is None:
            continue
        for r in t.rows:
            s, e = r[t.award_col]
            inside = [m for m in mentions if s <= m.start and m.end <= e]
            if (len(inside) == 2 and inside[0].label == "Place" and inside[1].label == "Award" and inside[0].start == s
                    and inside[1].start == inside[0].end and inside[1].end == e):
                place, award = inside
                drop.update((id(place), id(award)))
                added.append(Mention(s, e, "Award", award.rule, text[s:e], dict(award.attrs), award.needs_context))
    if not added:
        return mentions
    return sorted([m for m in mentions if id(m) not in drop] + added, key=lambda m: (m.start, m.end))
