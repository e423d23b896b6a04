"""Respective pairs: a list of holders, 分别, a verb and a list of objects (family ``respectively``).

Owns the reading of A、B分别落户P1和P2 (A in P1, B in P2), A、B分别获得X奖和Y奖 (A won X, B won Y) and
A、B分别担任ORG董事长和总经理 (each person the i-th post at the body named before it):
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
from .context import alternation, Walk
from .members import members

register("respectively", {
    "respectively.located.v1": ("locatedIn", "A、B分别落户P1和P2: the i-th holder is in the i-th park or place"),
    "respectively.award.v1": ("receivedAward", "A、B分别获得X和Y: the i-th holder won the i-th award"),
    "respectively.post.v1": ("worksFor", "A、B分别担任ORG R1和R2 / ORG1 R1、ORG2 R2: the i-th person holds the i-th post"),
})
EMPLOYERS = frozenset({"Company", "Institution", "GovernmentAgency"})

SITED = frozenset({"Company", "Institution", "GovernmentAgency", "StandardsBody", "Park"})
HOLDERS = frozenset({"Company", "Institution", "GovernmentAgency", "Park", "Person", "Place"})
SEP_RE = re.compile(r"\s*(?:、|，|,|和|及|与|以及)\s*")
CLAUSE_END_RE = re.compile(r"[，,；;。！!？?\n]")
#: what may close a list of objects before its clause ends (等, 两地, 3个)
LIST_TAIL_RE = re.compile(r"\s*(?:等)?\s*(?:[两二三四五六七八九十0-9]+\s*[地个家项处])?\s*")


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, re.Pattern[str]]:
    data = json.loads(read_text("relations", "respectively.json"))

    def alt(key: str) -> str:
        return alternation(data[key], escape=True)

    return {
        "mark": re.compile(r"(?:" + alt("marks") + r")"),
        "located": re.compile(r"\s*(?:" + alt("located_verbs") + r")(?:了)?\s*"),
        "award": re.compile(r"\s*(?:" + alt("award_verbs") + r")(?:了)?\s*"),
        "post": re.compile(r"\s*(?:" + alt("post_verbs") + r")\s*"),
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
    return out if out and LIST_TAIL_RE.fullmatch(sh, pos, end) else []


def _posts(sh: str, mentions: list, pos: int, end: int) -> list[tuple[int, tuple[int, int]]]:
    """``(organisation, role span)`` of each item of ORG R1和R2 / ORG1 R1、ORG2 R2 from ``pos`` to
    ``end`` (an item without a body of its own keeps the one before); [] unless the items fill it."""
    from .posts import vocabulary as post_vocabulary

    role_re = post_vocabulary()["role"]
    by_start = {m.start: i for i, m in enumerate(mentions) if pos <= m.start < end}
    out: list[tuple[int, tuple[int, int]]] = []
    org = None
    while pos < end:
        if pos in by_start and mentions[by_start[pos]].label in EMPLOYERS:
            org = by_start[pos]
            pos = mentions[org].end
        n = next((n for n in range(7, 1, -1) if pos + n <= end and role_re.fullmatch(sh, pos, pos + n)), 0)
        if org is None or not n:
            return []
        out.append((org, (pos, pos + n)))
        pos += n
        sep = SEP_RE.match(sh, pos, end)
        if sep is None:
            break
        pos = sep.end()
    return out if not sh[pos:end].strip() else []


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
            post = v["post"].match(sh, mk.end(), s1)
            if post is not None and all(mentions[h].label == "Person" for h in holders):
                end = CLAUSE_END_RE.search(sh, post.end(), s1)
                items = _posts(sh, mentions, post.end(), end.start() if end else s1)
                if items and len(items) == len(holders):
                    pairs = []
                    for h, (org, role) in zip(holders, items):
                        rels.append(Relation(h, "worksFor", org, "respectively.post.v1", ev, {"role": inp.text[role[0]:role[1]]}))
                        pairs.append((h, org))
                    inp.exclusive.append(("worksFor", mentions[holders[0]].start, end.start() if end else s1, frozenset(pairs)))
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
