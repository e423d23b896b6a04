"""Region headings: a line that names only a place, the organisations listed one a line under it
lie in that place (family ``regions``).

Owns ``located.region_heading.v1``: lists of winners or members grouped by region, each group
opened by a line holding nothing but the region (一、长沙市（3家）, 株洲市：, 【湘潭市】), then the
group's items one a line (numbered or not; several names joined by 、 on one line; a bracketed
note after a name). Each firm or institution of an item (and a park under a place) gets locatedIn
the region (a park may head a group too: 一、株洲高新区 over its firms); the group ends at the next heading, at a line that is no item, or after more than
``max_blank`` empty lines. Items are read as the ``lists`` family reads them (``lists._item_members``).
Vocabulary: ``kg/data/relations/regions.json``. Must not: read a place that only a name contains,
or a line that goes on after the place (长沙市召开…, 长沙市：A、B is ``located``'s).
"""

from __future__ import annotations

import bisect
import json
import re
from functools import lru_cache
from typing import Any

from ...resources import read_text
from .base import Relation, RelationInput, register
from .lists import NUMBERING_RE, _item_members, _lines

RULE = "located.region_heading.v1"
register("regions", {
    RULE: ("locatedIn", "a line holding only a place or park (一、长沙市（3家）, 株洲市：, 二、株洲高新区) heads the firms listed one a line under it: each lies in that place"),
})
SITED = frozenset({"Company", "Institution", "Park"})
#: what marks a line as a park's heading: a Chinese numeral (一、 / （一）) or a bracket (【)
PARK_HEADING_MARK_RE = re.compile(r"\s*(?:[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十]+\s*[)）]|[【\[])")
#: what a park heading holds (a park under a park heading is its peer in a list of parks)
FIRMS = frozenset({"Company", "Institution"})


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    data = json.loads(read_text("relations", "regions.json"))
    units = "|".join(data["count_units"])
    return {
        # what may close a heading after its place: a bracketed count, a colon, a closing bracket
        "tail": re.compile(r"\s*[】\]]?\s*(?:[(（]\s*(?:共|计)?\s*[0-9一二三四五六七八九十百]+\s*(?:" + units + r")\s*[)）])?\s*[:：]?\s*$"),
        "opening": re.compile(r"\s*[【\[]?\s*"),
        "max_blank": int(data["max_blank"]),
    }


def _heading_place(sh: str, s: int, e: int, mentions, starts: list[int]) -> int | None:
    """The place a line ``sh[s:e]`` names and nothing else (the last of places side by side), else None."""
    v = vocabulary()
    pos = NUMBERING_RE.match(sh, s, e).end()
    pos = v["opening"].match(sh, pos, e).end()
    k = bisect.bisect_left(starts, pos)
    place = None
    while k < len(mentions) and mentions[k].start == pos and mentions[k].end <= e and mentions[k].label == "Place":
        place, pos = k, mentions[k].end
        k = bisect.bisect_left(starts, pos)
    if place is None and k < len(mentions) and mentions[k].start == pos and mentions[k].end <= e and mentions[k].label == "Park":
        # 一、株洲高新区 / 【株洲高新区】 / 株洲高新区（3家）: a park heads the firms under it where the line is
        # marked as a heading (not 1. 株洲高新区, an item of a list of parks)
        tail = v["tail"].match(sh, mentions[k].end, e)
        if tail is not None and (PARK_HEADING_MARK_RE.match(sh, s, e) or tail.group(0).strip()):
            return k
        return None
    if place is None or not v["tail"].match(sh, pos, e):
        return None
    return place


def find(inp: RelationInput) -> list[Relation]:
    sh, mentions = inp.sh, inp.mentions
    v = vocabulary()
    starts = [m.start for m in mentions]
    have = {(r.subject, r.object) for r in inp.found if r.predicate == "locatedIn"}
    out: list[Relation] = []
    lines = _lines(sh)
    n = 0
    while n < len(lines):
        s, e = lines[n]
        place = _heading_place(sh, s, e, mentions, starts) if e > s else None
        if place is None:
            n += 1
            continue
        j, blank, got = n + 1, 0, []
        while j < len(lines):
            ls, le = lines[j]
            if not sh[ls:le].strip():
                blank += 1
                if blank > v["max_blank"] or not got:
                    break  # (the first item right under its heading)
                j += 1
                continue
            if mentions[place].label == "Park" and _heading_place(sh, ls, le, mentions, starts) is not None:
                break  # 二、湘潭经开区: the next park's group
            items = _item_members(sh, ls, le, mentions, starts)
            if items is None:
                break
            got.extend(i for i in items if mentions[i].label in (SITED if mentions[place].label == "Place" else FIRMS))
            blank = 0
            j += 1
        for i in got:
            if (i, place) not in have and i != place:
                have.add((i, place))
                out.append(Relation(i, "locatedIn", place, RULE, (s, lines[j - 1][1])))
        n = max(j, n + 1)
    return out
