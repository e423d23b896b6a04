"""Name extents: candidate spans that the suffix rules ran over a clause, a kind or a count.

Owns the checks that ``kg.nlp.rules.EntityRules`` makes on a suffix candidate where the words
inside the span show that it is no one name, or names a kind or an administrative place:

- a plant as the object of verbs (投资建设新工厂, 经开区|投资|建设|工厂): the verbs that a firm's
  trade may hold (投资, 建设) chained before a plant, or a new plant (新工厂), name no firm;
- a rank after a place (江苏省级高新区, 湖南省省级工业园区): a place and a rank word make a kind of
  park or body conferred by that place, a title like 省级高新区, not a name;
- a new area that is a county-level district of the administrative table (浦东新区, 滨海新区): a
  Place, not a park (national new areas that are no district, 西海岸新区, 贵安新区, stay parks);
- a count word glued to the word before a park's kind (南科三大|科学园区, 两大|产业园): the count
  ends the name;
- a park's kind after a body of state (科技部|科学工业园区, 经济部|加工出口区): that body's parks;
- a park's kind after a named park and an epithet (中北高新区|老牌|工业园区): a description of
  the park named first, no second park;
- a school of a university (北华大学|管理学院): a department of the university, which is the
  entity;
- a park's kind after a field alone (软件|产业园, 人工智能|产业园, 物联网智慧|园): a kind of park
  by its industry, no name.

Must not: build mentions or read lexicons itself (the caller passes the tags and the place table).
"""

from __future__ import annotations

import bisect
import re

#: a one-character modifier of a plant that describes it (新工厂, 老工厂): no name's last word
PLANT_MODIFIERS = frozenset("新老旧大小")

#: the tags of the verbs that chain before a plant's kind (投资|建设, 新建)
_VERB_TAGS = frozenset({"v", "vn", "vd"})


def verb_object_plant(sh: str, tags: dict[str, str], tok_starts: list[int], tok_ends: list[int], start: int, pos: int) -> bool:
    """Is the plant whose kind (工厂) starts at ``pos``, scanned back to ``start``, the object of a
    verb phrase rather than a firm's name: a modifier 新/老 right before the kind (投资建设新工厂,
    华盛|新工厂), or two verbs in a row right before it (经开区|投资|建设|工厂)? A firm's own plant
    reads 华盛服装工厂 (a brand, then one trade word)."""
    if pos - start >= 1 and sh[pos - 1] in PLANT_MODIFIERS:
        i = bisect.bisect_left(tok_starts, pos - 1)
        if i < len(tok_starts) and tok_starts[i] == pos - 1 and tok_ends[i] == pos:
            return True  # 新|工厂: the modifier is a word of its own (not 红新|工厂)
    j = bisect.bisect_right(tok_starts, pos - 1) - 1  # the word that ends at pos
    verbs = 0
    while j >= 0 and tok_starts[j] >= start and tok_ends[j] <= pos:
        tok = sh[tok_starts[j]:tok_ends[j]]
        if tags.get(tok) not in _VERB_TAGS:
            break
        verbs += 1
        j -= 1
    return verbs >= 2


#: a rank word (省级, 市级, 国家级 …) after a place that opens a name
RANK_RE = re.compile(r"(?:省|市|县|区|国家|自治区)级")


def place_then_rank(body: str, is_place) -> int | None:
    """Where the rank word starts in ``body`` when a place opens it and a rank word follows
    (江苏|省级, 江苏省|省级, 长沙市|市级), else None; ``is_place(word)`` tells a place's name."""
    for n in (5, 4, 3, 2):
        if len(body) > n and is_place(body[:n]) and RANK_RE.match(body, n):
            return n
        if len(body) > n - 1 >= 2 and body[n - 1] in "省市县区" and is_place(body[:n - 1]) and RANK_RE.match(body, n - 1):
            return n - 1  # 江苏|省级: the province's 省 is the rank's first character
    return None


def district_new_area(name: str, table: dict) -> tuple[int, dict] | None:
    """Where the district starts in ``name`` and the administrative table's entry, when ``name``
    (…新区, with or without the province or city that holds it) is a county-level district
    (浦东新区, 上海市|浦东新区, 天津|滨海新区): it is a Place. None otherwise."""
    if not name.endswith("新区"):
        return None
    for n in (0, 2, 3, 4):
        if n and (table.get(name[:n]) or {}).get("level") not in ("province", "city"):
            continue
        entry = table.get(name[n:])
        if entry is not None and entry.get("level") == "county" and len(name) - n >= 4:
            return n, entry
    return None


#: a body of state that a park's kind follows (科技部, 经济部, 园管局): its parks, no park named
STATE_BODY_END_RE = re.compile(r"(?:部|局|厅|署|委|政府)$")

#: a region of a country or a province (中部科学园区, 西南部): no body of state
REGION_END_RE = re.compile(r"[东西南北中]部$")

#: words that describe a park (老牌 …) beside the generic words of the lexicon
PARK_EPITHETS = frozenset({"老牌", "知名", "著名", "重要", "主要", "最大", "最早", "首个", "唯一", "传统"})


def described_park(body: str, park_re: re.Pattern) -> bool:
    """Does ``body`` (the words before a park's kind) hold a park's full name and then only an
    epithet that describes it (中北高新区|老牌)? (A kind of the lexicon's generic words names a
    park inside the first: 红安经济开发区|新型|产业园.)"""
    if body in PARK_EPITHETS:
        return True  # 是|老牌|工业园区: an epithet and a kind, no park at all
    last = None
    for last in park_re.finditer(body):
        pass
    if last is None or last.end() >= len(body) or last.start() < 2:
        return False
    rest = body[last.end():]
    return rest in PARK_EPITHETS


def state_body_parks(body: str) -> bool:
    """Is ``body`` a body of state (科技部, 经济部) before a park's kind: that body's parks?"""
    return len(body) >= 3 and STATE_BODY_END_RE.search(body) is not None and not REGION_END_RE.search(body)


def school_of_university(sh: str, start: int, pos: int) -> int:
    """For a name scanned from ``start`` to the suffix 学院 at ``pos``: where the entity ends.
    ``pos + 2`` for a college of its own (华盛学院), the end of 大学 where the name holds a
    university and then its school (北华大学|管理学院: the university is the entity, its school a
    department). (A school after the report's own university, 我校|机电工程学院, stays: relations
    read it as the unit that drafts or wins.)"""
    k = sh.rfind("大学", start, pos)
    if k > start and pos - (k + 2) >= 2:
        return k + 2
    return pos + 2
