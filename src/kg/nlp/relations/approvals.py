"""Parks that a government approval groups under a place (family ``approvals``).

Owns the locatedIn rules that read approvals of parks: a clause that opens on a place and sets up
parks on the basis of others (同意P以A、B为基础分别设立…，名称为“C”、“D”; P以E为基础设立…): every
park of the clause is in P; and an approval addressed to one place (批复P…方案, 复函P人民政府，同意…,
同意P…) whose acts on parks follow it (撤销A，将其整体并入B，保留“C”牌子; 将A更名为B): every park an
act names, in the clauses from the approval to the next approval, is in that place (a renamed
park keeps the place). The approval's place is read from the words after its verb through the
gazetteer and must be a place the report names (批复X市省级以上开发区…方案 names X市 even where
the entity rules read a longer name there). Vocabulary: ``kg/data/relations/approvals.json``.
Must not: place a park from its own name (甘肃省张掖高新技术产业开发区 is in 张掖市 only because the
approval says so), or read an approval that names no place.

Hand-written over the mentions like ``located``: the acts are clauses of a decision, not a phrase
a matcher pattern could hold.
"""

from __future__ import annotations

import bisect
import json
import re
from functools import lru_cache
from typing import Any

from ...resources import read_text
from ..lexicons import place_table
from ..rules import Mention
from .context import alternation
from .base import Relation, RelationInput, register

BASIS_RULE = "located.approval_basis.v1"
ACTS_RULE = "located.approval_acts.v1"
register("approvals", {
    BASIS_RULE: ("locatedIn", "同意P以A、B为基础分别设立…，名称为“C”、“D”: every park of the clause that opens on P is in P"),
    ACTS_RULE: ("locatedIn", "批复P…方案 / 复函P人民政府，同意… then 撤销A，将其并入B; 将A更名为B: every park an act of the approval names is in P"),
})

CLAUSE_END_RE = re.compile(r"[；;。！？!?\n]")
COMMA_RE = re.compile(r"[，,；;。！？!?\n]")
#: how far an approval's acts reach: its own paragraph and the next
PARAGRAPHS = 2


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    data = json.loads(read_text("relations", "approvals.json"))
    alt = lambda key: alternation(data[key])  # noqa: E731
    return {
        "basis": re.compile(r"以[^；;。！？!?\n]{2,80}?(?:" + alt("basis_words") + r")[，,]?\s*(?:分别|各自|整合)?\s*(?:" + alt("found_verbs") + r")"),
        "approval": re.compile(r"(?:" + alt("approval_verbs") + r")(?:了)?"),
        "government": tuple(sorted(data["government_suffixes"], key=len, reverse=True)),
        "act": re.compile(alt("act_verbs")),
        "plan": re.compile(r"[^，,；;。！？!?\n]{0,24}?(?:" + alt("plan_words") + r")[^，,；;。！？!?\n]{0,4}?(?:" + alt("plan_approved") + r")"),
    }


def _place_at(sh: str, pos: int) -> tuple[str, int] | None:
    """The gazetteer name of the place written at ``pos`` (the longest surface form there) and
    the length of that form."""
    table = place_table()
    for n in range(8, 1, -1):
        entry = table.get(sh[pos:pos + n])
        if entry is not None and entry.get("level") in ("province", "city", "county"):
            return entry["name"], n
    return None


def _opens_clause(sh: str, pos: int) -> bool:
    """Does ``pos`` open a clause, or follow an approval verb (同意张掖市以…)?"""
    before = sh[max(0, pos - 2):pos]
    return pos == 0 or before[-1:] in "，,；;。：:\n" or before.endswith(("同意", "批复", "批准"))


def find(inp: RelationInput) -> list[Relation]:
    sh, mentions = inp.sh, inp.mentions
    v = vocabulary()
    have = {(r.subject, r.object) for r in inp.found if r.predicate == "locatedIn"}
    out: list[Relation] = []
    by_name: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        if m.label == "Place" and "place" in m.attrs:
            by_name.setdefault(m.attrs["place"]["name"], []).append(i)

    def add(park: int, place: int, rule: str, ev: tuple[int, int]) -> None:
        if (park, place) not in have:
            have.add((park, place))
            out.append(Relation(park, "locatedIn", place, rule, ev))

    # 同意P以A、B为基础分别设立…，名称为“C”、“D”: the clause that opens on P
    basis_read: set[int] = set()
    for p, pm in enumerate(mentions):
        if pm.label != "Place" or not _opens_clause(sh, pm.start):
            continue
        basis = v["basis"].match(sh, pm.end)
        if basis is None:
            continue
        end = CLAUSE_END_RE.search(sh, pm.end)
        end = end.start() if end else len(sh)
        for k in range(p + 1, len(mentions)):
            if mentions[k].start >= end:
                break
            if mentions[k].label == "Place" and mentions[k].start > basis.end():
                break  # another place opens its own part of the clause
            if mentions[k].label == "Park":
                add(k, p, BASIS_RULE, (pm.start, end))
                basis_read.add(k)

    # an approval addressed to one place, then its acts on parks
    anchors: list[tuple[int, int]] = []  # (where the approval or the approved plan is written, its place mention)
    for am in v["approval"].finditer(sh):
        written = _place_at(sh, am.end())
        if written is None or written[0] not in by_name:
            continue
        name, length = written
        if sh.startswith("以", am.end() + length):
            continue  # 同意P以…为基础: the basis clause's, read above
        anchors.append((am.start(), _nearest(by_name[name], mentions, am.start())))
    for p, pm in enumerate(mentions):
        # P…方案获得了省政府批复: the place's plan was approved
        if pm.label == "Place" and _opens_clause(sh, pm.start) and v["plan"].match(sh, pm.end):
            anchors.append((pm.start, p))
    anchors.sort()
    starts = [m.start for m in mentions]
    for n, (start, place) in enumerate(anchors):
        # the acts: from the approval's sentence to the next approval, in its paragraph and the next
        stop = anchors[n + 1][0] if n + 1 < len(anchors) else len(sh)
        breaks = [b.start() for b in re.finditer(r"\n\s*\S", sh[start:stop])][:PARAGRAPHS]
        if len(breaks) == PARAGRAPHS:
            stop = start + breaks[-1]
        s0 = max(sh.rfind(c, 0, start) for c in "。！？!?\n") + 1
        for k in range(bisect.bisect_left(starts, s0), bisect.bisect_left(starts, stop)):
            m = mentions[k]
            if m.label != "Park" or k in basis_read:
                continue
            c0 = max(sh.rfind(c, 0, m.start) for c in "，,；;。！？!?\n") + 1
            c1 = COMMA_RE.search(sh, m.end)
            c1 = c1.start() if c1 else len(sh)
            if v["act"].search(sh, c0, c1) and not any(
                    mentions[j].label == "Place" and j != place for j in range(bisect.bisect_left(starts, c0), k)):
                add(k, place, ACTS_RULE, (c0, c1))  # (a place of its own in the clause: not the approval's)
    return out


def _nearest(candidates: list[int], mentions: list[Mention], pos: int) -> int:
    """Of the mentions of one place, the one nearest ``pos`` (the approval names it there)."""
    return min(candidates, key=lambda i: abs(mentions[i].start - pos))
