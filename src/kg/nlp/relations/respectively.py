"""Respective pairs: a list of holders, 分别, a verb and a list of objects (family ``respectively``).

Owns the reading of A、B分别落户P1和P2 (A in P1, B in P2) and A、B分别获得X奖和Y奖 (A won X, B won Y):
the i-th holder goes with the i-th object when both lists have the same length (two or more). The
clause is then claimed *exclusively* for that predicate (``RelationInput.exclusive``): another
family's relation of the predicate inside it stands only if it is one of the pairs, so no family
adds the cross product (A in P2, B won X). Vocabulary: ``kg/data/relations/respectively.json``.
Must not: pair lists of different lengths, or read grades (分别获得金奖、银奖: ``enumerations``).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from ...resources import read_text
from .base import Relation, RelationInput, register
from .context import Walk
from .members import members

register("respectively", {
    "respectively.located.v1": ("locatedIn", "A、B分别落户P1和P2: the i-th holder is in the i-th park or place"),
    "respectively.award.v1": ("receivedAward", "A、B分别获得X和Y: the i-th holder won the i-th award"),
})

SITED = frozenset({"Company", "Institution", "GovernmentAgency", "StandardsBody", "Park"})
HOLDERS = frozenset({"Company", "Institution", "GovernmentAgency", "Park", "Person", "Place"})
SEP_RE = re.compile(r"\s*(?:、|，|,|和|及|与|以及)\s*")
CLAUSE_END_RE = re.compile(r"[，,；;。！!？?\n]")


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, re.Pattern[str]]:
    data = json.loads(read_text("relations", "respectively.json"))

    def alt(key: str) -> str:
        return "|".join(sorted(map(re.escape, data[key]), key=len, reverse=True))

    return {
        "mark": re.compile(r"(?:" + alt("marks") + r")"),
        "located": re.compile(r"\s*(?:" + alt("located_verbs") + r")(?:了)?\s*"),
        "award": re.compile(r"\s*(?:" + alt("award_verbs") + r")(?:了)?\s*"),
    }


def _objects(sh: str, mentions: list, pos: int, end: int, labels: frozenset[str]) -> list[int]:
    """The mentions of ``labels`` listed from ``pos``: one right there, then each after a separator;
    the list must close the clause (nothing but 等/两地/共 words after it)."""
    out: list[int] = []
    by_start = {m.start: i for i, m in enumerate(mentions) if pos <= m.start < end}
    while pos in by_start and mentions[by_start[pos]].label in labels:
        i = by_start[pos]
        out.append(i)
        sep = SEP_RE.match(sh, mentions[i].end, end)
        if sep is None:
            pos = mentions[i].end
            break
        pos = sep.end()
    rest = sh[pos:end] if out else "x"
    return out if re.fullmatch(r"\s*(?:等)?\s*(?:[两二三四五六七八九十0-9]+\s*[地个家项处])?\s*", rest) else []


def find(inp: RelationInput) -> list[Relation]:
    sh, mentions = inp.sh, inp.mentions
    v = _vocabulary()
    starts = [m.start for m in mentions]
    rels: list[Relation] = []
    for s0, s1, idx, sent, ev, orgs in Walk(sh, mentions, inp.shared):
        for mk in v["mark"].finditer(sh, s0, s1):
            cut = [k.end() for k in re.finditer(r"[；;。\n]", sh[s0:mk.start()])]
            c0 = s0 + (cut[-1] if cut else 0)
            left_end = mk.start()
            # the holders: the list that ends right before 分别 (its last member ends there)
            holders = [i for i in members(sh, c0, left_end, mentions, starts) if mentions[i].end <= left_end]
            if len(holders) < 2 or mentions[holders[-1]].end != left_end:
                continue
            for key, labels, pred, rule in (("located", frozenset({"Park", "Place"}), "locatedIn", "respectively.located.v1"),
                                            ("award", frozenset({"Award"}), "receivedAward", "respectively.award.v1")):
                verb = v[key].match(sh, mk.end(), s1)
                if verb is None:
                    continue
                end = CLAUSE_END_RE.search(sh, verb.end(), s1)
                end_pos = end.start() if end else s1
                objs = _objects(sh, mentions, verb.end(), end_pos, labels)
                subject_ok = SITED if pred == "locatedIn" else HOLDERS
                if len(objs) != len(holders) or not all(mentions[h].label in subject_ok for h in holders):
                    continue
                pairs = []
                for h, o in zip(holders, objs):
                    q = {}
                    if pred == "receivedAward":
                        q = {k: mentions[o].attrs[k] for k in ("year", "edition", "grade") if mentions[o].attrs.get(k) is not None}
                    rels.append(Relation(h, pred, o, rule, ev, q))
                    pairs.append((h, o))
                inp.exclusive.append((pred, mentions[holders[0]].start, end_pos, frozenset(pairs)))
                break
    return rels
