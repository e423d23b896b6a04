"""Places in entity resolution: a report's place context, admin codes of place names, the places
a name starts with, and the admin-division facts kg adds to the graph.

Owns :class:`PlaceContext`, :func:`admin_code`, :func:`report_context`, the split of leading
places off a name, and the background facts :func:`admin_links`, :func:`name_place`,
:func:`enclosing_place`. Reads the admin divisions and the place table through ``lexicons``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..text import normalise_name
from .lexicons import _admin, _max_place_len, _places

_MARKS_RE = re.compile(r"[“”\"'‘’「」『』《》]")
_DOT = "·・•"


@dataclass(frozen=True)
class PlaceContext:
    """The province and city a report is about (admin codes), or None where it is not clear."""

    province: str | None = None
    city: str | None = None


def _ancestor(code: str, level: str) -> str | None:
    admin = _admin()
    seen = 0
    while code and seen < 6:
        if admin.level.get(code) == level:
            return code
        code, seen = admin.parent.get(code, ""), seen + 1
    return None


def _ancestors(code: str) -> list[str]:
    admin, out = _admin(), []
    code = admin.parent.get(code, "")
    while code and len(out) < 6:
        out.append(code)
        code = admin.parent.get(code, "")
    return out


def _is_city(code: str) -> bool:
    """A prefecture-level city, or a province-level municipality (北京市): what 市 can stand for."""
    admin = _admin()
    lvl = admin.level.get(code)
    return lvl == "city" and admin.name.get(code) != "市辖区" or (lvl == "province" and admin.name.get(code, "").endswith("市"))


def admin_code(name: str, context: PlaceContext | None = None) -> str | None:
    """The admin code of a place name (株洲 -> 430200), using ``context`` when the name is shared.

    >>> admin_code("株洲"), admin_code("湖南省"), admin_code("沙特阿拉伯")
    ('430200', '430000', None)
    """
    entry = _places().get(normalise_name(name))
    if not entry or not entry.get("code"):
        return None
    codes = _admin().codes.get(entry["name"], (entry["code"],))
    if len(codes) == 1:
        return codes[0]
    if context is not None:
        for anchor in (context.city, context.province):
            if anchor:
                inside = [c for c in codes if anchor in _ancestors(c)]
                if len(inside) == 1:
                    return inside[0]
    return None  # a name several places share (朝阳区): not resolved without context


def _dominant(counts: Counter[str]) -> str | None:
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def report_context(entities: Iterable[Mapping[str, Any]]) -> PlaceContext:
    """The report's province and city: the most-mentioned ones among its Place entities.

    A city counts for its province too (a Zhuzhou report is a Hunan report); a district counts
    for its province, not for a city. A tie gives None. Mention counts come from ``mentions``
    (one when the entity has none).

    >>> ctx = report_context([{"type": "Place", "name": "株洲", "mentions": [[0, 2], [9, 11]]}])
    >>> ctx.province, ctx.city
    ('430000', '430200')
    """
    provinces: Counter[str] = Counter()
    cities: Counter[str] = Counter()
    for entity in entities:
        if entity.get("type") != "Place":
            continue
        count = len(entity.get("mentions") or []) or 1
        code = next(
            (c for c in (admin_code(n) for n in [entity.get("name", ""), *(entity.get("aliases") or [])]) if c), None
        )
        if code is None:
            continue
        province = _ancestor(code, "province")
        if province:
            provinces[province] += count
        if _is_city(code):
            cities[code] += count
    province = _dominant(provinces)
    city = _dominant(cities)
    if city is not None and province is not None and _ancestor(city, "province") != province:
        city = None
    if province is None and city is not None:
        province = _ancestor(city, "province")
    return PlaceContext(province, city)


def _split_places(text: str, context: PlaceContext | None) -> tuple[list[str], str]:
    """Leading admin places of a name -> (their codes, the rest): 湖南株洲X -> (['430000', '430200'], 'X').

    A place followed by a middle dot only locates what follows (株洲·中国动力谷): it is dropped.
    The longest place that leaves some name is taken (湖南省|委, not 湖南|省委).
    """
    codes: list[str] = []
    pos = 0
    places = _places()
    while pos < len(text):
        found = None
        for size in range(min(_max_place_len(), len(text) - pos - 1), 1, -1):
            surface = text[pos:pos + size]
            if surface in places and places[surface].get("code"):
                code = admin_code(surface, context)
                if code:
                    found = (size, code)
                    break
        if found is None:
            break
        size, code = found
        pos += size
        if pos < len(text) and text[pos] in _DOT:
            codes = []
            pos += 1
            continue
        codes.append(code)
    return codes, text[pos:]


def _most_specific(codes: Sequence[str]) -> str:
    rank = {"county": 0, "city": 1, "province": 2}
    admin = _admin()
    return min(reversed(codes), key=lambda c: rank.get(admin.level.get(c, ""), 3))


def name_place(name: str) -> str | None:
    """The admin code of the most specific place a name starts with, unambiguous without
    context (株洲高新区 -> 株洲, 湖南叁农干亩蔬菜产业园 -> 湖南), else None. A place followed by a
    middle dot (株洲·中国动力谷) is not counted, nor is a name that is only a place.

    >>> name_place("株洲高新区"), name_place("攸县高新区"), name_place("中国动力谷")
    ('430200', '430223', None)
    """
    codes, rest = _split_places(_MARKS_RE.sub("", normalise_name(name)), None)
    return _most_specific(codes) if codes and rest else None


def enclosing_place(code: str, present: Iterable[str]) -> str | None:
    """``code`` itself when it is in ``present``, else its nearest ancestor that is, else None.

    >>> enclosing_place("430223", ["430000", "430200"])
    '430200'
    """
    there = set(present)
    return next((c for c in [code, *_ancestors(code)] if c in there), None)


def admin_links(codes: Iterable[str]) -> list[tuple[str, str]]:
    """(place, nearest ancestor) pairs among ``codes``, as the admin data nests them, sorted.

    Only places that are in ``codes`` are linked: a district to its city when the city is
    there, else to its province.

    >>> admin_links(["430211", "430200", "430000", "110000"])
    [('430200', '430000'), ('430211', '430200')]
    """
    present = set(codes)
    links = []
    for code in sorted(present):
        for up in _ancestors(code):
            if up in present:
                links.append((code, up))
                break
    return links
