"""A Taiwan county or city written before a park's own name: 臺南市新市產業園區, 高雄市楠梓加工出口區.

Owns: ``split_county_prefix``, which cuts a Park mention that opens on the full name of a Taiwan
county or city (縣/市, the place table's entries under 台湾省) down to the park's own name after
it, and names the county or city as a Place mention of its own, so that
``kg.nlp.relations.sites`` (located.adjacent_places.v1) places the park in it. Taiwan's parks are
named without their county (新市產業園區, 彰濱工業區, 楠梓加工出口區); news writes the county
before them as where the park lies, not as part of its name.
Must not: cut a park whose rest is only a kind of park (台中市產業園區: the parks of the city,
no park named after the county), a short form of the county (台中工業區, 新竹科學園區 are the
parks' own names), or a mainland park (湘潭市雨湖区智造产业园, 株洲市攸县工业集中区 keep their places).
"""

from __future__ import annotations

import re

from .lexicons import place_table
from .mentions import Mention

#: the parent the place table gives Taiwan's counties and cities
TAIWAN = "台湾省"

#: what must close the park's own name after the county (a kind of park)
PARK_KIND_RE = re.compile(r"(?:产业园区|工业园区|科学工业园区|科学园区|科技产业园区|软件园区|园区|工业区|加工出口区|加工区|科学园|产业园|工业园|经贸园区|自由贸易港区)$")

#: the least the park's own name holds before its kind (新市, 大甲幼狮)
MIN_OWN = 2


def _county(sh: str, start: int, end: int) -> tuple[int, dict] | None:
    """Length and entry of the full name of a Taiwan county or city (…县, …市) opening ``sh[start:end]``."""
    table = place_table()
    for n in (4, 3):
        head = sh[start:start + n]
        entry = table.get(head)
        if entry and head[-1] in "县市" and entry.get("parent") == TAIWAN and entry.get("level") in ("city", "county"):
            return n, entry
    return None


def split_county_prefix(text: str, sh: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each Park mention that opens on a Taiwan county's or city's full name
    before the park's own name cut to that name, the county a Place mention of its own."""
    out: list[Mention] = []
    changed = False
    for m in mentions:
        county = _county(sh, m.start, m.end) if m.label == "Park" else None
        kind = PARK_KIND_RE.search(sh, m.start, m.end) if county else None
        if county is None or kind is None or kind.start() - (m.start + county[0]) < MIN_OWN:
            out.append(m)
            continue
        n, entry = county
        place = Mention(m.start, m.start + n, "Place", "parksplit.county", text[m.start:m.start + n])
        place.attrs["place"] = entry
        park = Mention(m.start + n, m.end, m.label, m.rule, text[m.start + n:m.end], dict(m.attrs), m.needs_context)
        out.extend((place, park))
        changed = True
    if changed:
        out.sort(key=lambda x: (x.start, x.end))
    return out
