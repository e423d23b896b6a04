"""A foreign city or province written right after its country: 日本熊本县, 在智利瓦尔帕莱索召开.

Owns: ``foreign_places``, which adds a Place mention for a name the place table does not hold
(it lists China's divisions and the countries) where it stands right after a country's name and
either ends on a level word (熊本县, 加州, 大阪府) or, after 在/于, runs up to a verb of holding a
meeting (在智利瓦尔帕莱索召开). The new place's parent is the country, so
``kg.nlp.relations.sites`` (located.adjacent_places.v1) places it there. International standards
meetings are reported this way ("第N届大会在某国某市召开"), with cities no table of ours lists.
Must not: read China (中国|城市 is no foreign city), or a name any mention already covers
(美国加州大学 is the university's).
"""

from __future__ import annotations

import re

from .mentions import Mention

#: a foreign division named by its level word right after the country (熊本县, 加州, 大阪府, 巴伐利亚州); not one
#: that opens on a word of counting or a function word (美国各州, 美国多个州), nor holds 企业 or 政府
LEVELLED_RE = re.compile(r"(?![各多等的和与及在是有一二三四五六七八九十两几全每该本其这那个些了们])(?![\u4e00-\u9fff]{0,4}?(?:企业|政府|个))[\u4e00-\u9fff]{1,5}?(?:县|州|省|府)(?![\u4e00-\u9fff]{0,1}(?:大学|学院|银行|公司|政府|集团|厅|局))")
#: a city named between the country and a verb of holding a meeting (在智利瓦尔帕莱索召开); not a
#: word of time or place (在美国当地举行, 在日本同期举办)
VENUE_RE = re.compile(r"(?:(?![地内外时间期年月日的等之和与及在正再也将已])[\u4e00-\u9fff]){2,5}?(?=召开|举行|举办|开幕|闭幕|落幕|隆重)")
HOME = frozenset({"中国", "中华人民共和国", "我国", "中华"})


def foreign_places(text: str, sh: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with a Place added for each foreign division or venue named right after its country."""
    extra: list[Mention] = []
    spans = [(m.start, m.end) for m in mentions]
    for m in mentions:
        entry = m.attrs.get("place") if m.label == "Place" else None
        if not entry or entry.get("level") != "country" or entry.get("name") in HOME or sh[m.start:m.end] in HOME:
            continue
        hit = LEVELLED_RE.match(sh, m.end)
        if hit is None and m.start > 0 and sh[m.start - 1] in "在于":
            hit = VENUE_RE.match(sh, m.end)
        if hit is None or any(s < hit.end() and hit.start() < e for s, e in spans):
            continue
        place = Mention(hit.start(), hit.end(), "Place", "place.foreign_after_country.v1", text[hit.start():hit.end()])
        place.attrs["place"] = {"name": sh[hit.start():hit.end()], "level": "city", "parent": entry["name"], "code": ""}
        extra.append(place)
    if not extra:
        return mentions
    return sorted(mentions + extra, key=lambda x: (x.start, x.end))
