"""Lists that the ``sites`` family reads around a place or a park (a helper module, no family).

Owns: the organisations or parks enumerated right after a place (P的A、B和C, 位于P的A、B), the places
listed after a place (在株洲、长沙和上海…; 株洲市芦淞区、荷塘区), the level of a place (country, province, city, county),
and parks named as a part of another park the report names on its own (竹科|竹南園區). Used by
``sites``. Must not: make relations other than a part of a park lying in the whole.
"""

from __future__ import annotations

import re

from .base import Relation


#: what goes on after two places side by side when they open a longer name (a park's, a body's,
#: a website's) that the entity rules did not read whole
NAME_GOES_ON_RE = re.compile(r"(?:(?![的在于和及])[\u4e00-\u9fff]){0,10}?(?:高新|开发区|经开区|园区|工业园|产业园|加工区|新区|示范区|研究所|研究院|标准化所|中心|网站)")


#: between two members of an enumeration: a bracketed note, then 、 (or a closing 和/及 after a 、)
ENUM_GAP_RE = re.compile(r"\s*(?:[(（][^()（）]{0,30}[)）])?\s*(?P<sep>、|和|及|以及)\s*")


def _enumerated_after(text: str, mentions: list, idx: list[int], k: int) -> list[int]:
    """P的A、B和C / 位于P的A、B: the firms (or, after a park, the parks) enumerated right after ``k``
    with it (joined by 、, a closing 和/及 only after a 、), each standing alone; [] for A和B (a partner, maybe),
    but two parks joined by 和 (P的A园区和B园区) are both the place's."""
    out, last, commas = [], k, 0
    for i in idx:
        if mentions[i].start < mentions[last].end:
            continue
        gap = ENUM_GAP_RE.fullmatch(text, mentions[last].end, mentions[i].start)
        kinds = {"Park": ("Park",), "Place": ("Place",)}.get(mentions[k].label, ("Company", "Institution"))
        if mentions[i].label == "Place" and _level(mentions[i].attrs.get("place", {})) != _level(mentions[k].attrs.get("place", {})):
            break  # 湖南的株洲、湘潭: places of one level
        if gap is None or mentions[i].label not in kinds or (gap.group("sep") != "、" and commas == 0 and mentions[k].label != "Park"):
            break
        commas += gap.group("sep") == "、"
        out.append(i)
        last = i
    if re.match(r"\s*等\s*[0-9一二三四五六七八九十两百]+\s*(?:家|个)", text[mentions[last].end:mentions[last].end + 12]):
        return []  # P的A、B等2家企业上榜: a list closed by its count is the located family's
    return out


#: between two places of a list after 在 (在株洲、长沙和上海设有…)
PLACE_LIST_JOINT_RE = re.compile(r"\s*(?:、|和|及|与|以及)\s*")


def _places_listed_after(text: str, mentions: list, idx: list[int], k: int) -> list[int]:
    """The places or parks listed right after place ``k`` (P、Q和R): Q and R, each the last of its chain."""
    out, pos = [], mentions[k].end
    while True:
        joint = PLACE_LIST_JOINT_RE.match(text, pos)
        item = None
        at = joint.end() if joint else -1
        for i in idx:
            if mentions[i].start == at and mentions[i].label in ("Place", "Park"):
                item, at = i, mentions[i].end
        if joint is None or item is None:
            return out
        out.append(item)
        pos = at


def _level(place: dict[str, str]) -> int:
    return {"country": 0, "province": 1, "city": 2, "county": 3}.get(place.get("level", ""), 4)


#: what closes a park named as a part of another (竹科|竹南園區, 长沙高新区|麓谷产业园)
PART_PARK_RE = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:园区|产业园|工业园|科技园|分园|片区|园)")


def _parts_of_parks(text: str, mentions: list) -> list[Relation]:
    """竹科竹南園區 where the report also names 竹科 on its own: the part lies in the whole park (the
    first mention of each part; the whole's mention nearest before it, else the first after)."""
    wholes: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        if m.label == "Park":
            wholes.setdefault(text[m.start:m.end], []).append(i)
    out, seen = [], set()
    for i, m in enumerate(mentions):
        name = text[m.start:m.end]
        if m.label != "Park" or name in seen:
            continue
        for whole, at in wholes.items():
            if whole != name and name.startswith(whole) and PART_PARK_RE.fullmatch(name, len(whole)):
                seen.add(name)
                j = max((k for k in at if k < i), default=at[0])
                out.append(Relation(i, "locatedIn", j, "located.part_of_park.v1", (m.start, m.end)))
                break
    return out

def _same_level_listed(text: str, mentions: list, idx: list[int], j: int) -> list[int]:
    """株洲市芦淞区、荷塘区和石峰区: the places listed right after ``idx[j]`` (joined by 、/和/及) of its
    level, none opening a pair of its own (湖南省长沙市、湖北省武汉市 stops at 湖北省)."""
    level = _level(mentions[idx[j]].attrs.get("place", {}))
    out, last = [], idx[j]
    for k in range(j + 1, len(idx)):
        m = mentions[idx[k]]
        if m.start < mentions[last].end:
            continue
        if m.label != "Place" or _level(m.attrs.get("place", {})) != level or not PLACE_LIST_JOINT_RE.fullmatch(text, mentions[last].end, m.start):
            break
        if k + 1 < len(idx) and mentions[idx[k + 1]].start == m.end and mentions[idx[k + 1]].label in ("Place", "Park"):
            break
        out.append(idx[k])
        last = idx[k]
    return out
