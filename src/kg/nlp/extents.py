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
  ends the name.

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


#: a count word that a segmenter glued to the word before it (南科三大, 全省两大)
GLUED_COUNT_RE = re.compile(r"[一二三四五六七八九十两几]大$")
