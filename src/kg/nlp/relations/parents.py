"""Parent awards (family ``parents``): the winner of a sub-award also wins the award it belongs to.

Owns one reading: an award written as its parent award's name followed by a category that is an
award itself (中国标准创新贡献奖|终身成就奖, 浙江省人民政府质量奖|贡献奖, 台灣精品獎|金質獎 is a grade,
not this) gives every receivedAward of the sub-award a second one of the parent, with the same
qualifiers, where the report also names the parent alone. The real gold annotates both
(ANNOTATION.md: a sub-award with grades of its own is an Award of its own). Categories that are
grades (金奖, 提名奖: ``GRADES``) are not sub-awards. Vocabulary: ``kg/data/relations/parents.json``.
Must not: make an award of a name the report does not write.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from ...resources import read_text
from ...text import normalise_name
from ..rules import GRADES
from .base import Relation, RelationInput, register

PARENT = "award.parent_of_sub_award.v1"
register("parents", {
    PARENT: ("receivedAward", "X奖Y奖 (a sub-award written after its parent's name): its winners win the parent X奖 too, where the report names X奖 alone"),
})


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    data = json.loads(read_text("relations", "parents.json"))
    return {"award_ends": tuple(data["award_ends"]), "min_parent": int(data["min_parent_chars"])}


def find(inp: RelationInput) -> list[Relation]:
    v = vocabulary()
    sh, mentions = inp.sh, inp.mentions
    by_name: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if m.label == "Award":
            by_name.setdefault(normalise_name(sh[m.start:m.end]), i)
    parent_of: dict[int, int | None] = {}

    def parent(a: int) -> int | None:
        if a not in parent_of:
            name = normalise_name(sh[mentions[a].start:mentions[a].end])
            found = None
            for k in range(len(name) - 2, v["min_parent"] - 1, -1):
                head, tail = name[:k], name[k:]
                if head.endswith(v["award_ends"]) and tail.endswith(v["award_ends"]) and tail not in GRADES and head in by_name:
                    found = by_name[head]
                    break
            parent_of[a] = found
        return parent_of[a]

    have = {(r.subject, r.object) for r in inp.found if r.predicate == "receivedAward"}
    out: list[Relation] = []
    for r in inp.found:
        if r.predicate != "receivedAward" or not isinstance(r.object, int):
            continue
        p = parent(r.object)
        if p is not None and (r.subject, p) not in have:
            have.add((r.subject, p))
            mentions[p].attrs["conferred"] = True
            out.append(Relation(r.subject, "receivedAward", p, PARENT, r.evidence, dict(r.qualifiers)))
    return out
