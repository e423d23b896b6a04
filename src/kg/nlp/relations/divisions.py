"""Administrative divisions stated by a copula (family ``divisions``): X是P(代管)的<kind>.

Owns one reading of locatedIn between places: 天元区是株洲市的中心城区, 醴陵市是株洲市代管的县级市,
X为P下辖的一个县 (the subject place is part of the parent place), also in a later clause with no
subject of its own (醴陵市位于湖南省东部，是株洲市代管的县级市). Other forms of a place in a
place (P下辖X, X隶属于P, X位于P, P1P2 written together) belong to the families that read them
for organisations too. Vocabulary: ``kg/data/relations/divisions.json``.
Must not: relate places the text does not state (no parent from the place table).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from ...resources import read_text
from .base import Relation, RelationInput, register
from .context import alternation, Walk

RULE = "located.division_copula.v1"
register("divisions", {RULE: ("locatedIn", "X是P(代管)的县级市/中心城区/区: a place stated to be a division of another")})


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = json.loads(read_text("relations", "divisions.json"))

    def alt(key: str) -> str:
        return alternation(data[key], escape=True)

    copula = re.compile(r"\s*(?:现|也|则|即)?\s*(?:是|为|系|属)\s*")
    tail = re.compile(r"\s*(?:" + alt("ties") + r")?\s*的\s*(?:[^，,。；;的]{0,8}?)(?:" + alt("kinds") + r")(?=[，,。；;、之和\s]|$)")
    return copula, tail


def find(inp: RelationInput) -> list[Relation]:
    sh, mentions = inp.sh, inp.mentions
    copula, tail = _vocabulary()
    rels: list[Relation] = []
    for s0, s1, idx, sent, ev, orgs in Walk(sh, mentions, inp.shared):
        places = [i for i in idx if mentions[i].label == "Place"]
        for k, i in enumerate(places):
            cm = copula.match(sh, mentions[i].end, s1)
            if cm is None:
                continue
            parent = next((j for j in places[k + 1:] if mentions[j].start == cm.end()), None)
            if parent is not None and tail.match(sh, mentions[parent].end, s1):
                rels.append(Relation(i, "locatedIn", parent, RULE, ev))
        # 醴陵市位于湖南省东部，是株洲市代管的县级市: a clause with no subject of its own speaks of
        # the place that opens the sentence
        opener = places[0] if places and mentions[places[0]].start - s0 <= 2 else None
        for cm in re.finditer(r"[，,]\s*(?:现|也|则|即|同时)?\s*(?:是|为|系)\s*", sh[s0:s1]):
            parent = next((j for j in places if mentions[j].start == s0 + cm.end()), None)
            if opener is not None and parent is not None and parent != opener and tail.match(sh, mentions[parent].end, s1):
                rels.append(Relation(opener, "locatedIn", parent, RULE, ev))
    return rels
