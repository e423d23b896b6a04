"""Qualifiers from the headline: the year and the batch or edition of a report's award, where only
its headline states them.

Owns filling a missing ``year`` or ``edition`` of every receivedAward the families before it found,
from the one value of the headline that names the award or a kindred one (2023年…质量奖评审结果的
通报; 第七批…单项冠军…名单; see ``enumerations._title_year``). Runs after every family that makes
receivedAward and makes no relation itself; a value the relation has is never replaced, and a tally over
all rounds (``tally``, set by ``enumerations``) takes none.
Must not: add or drop relations.
"""

from __future__ import annotations

from .base import Relation, RelationInput
from .enumerations import _title_year


def find(inp: RelationInput) -> list[Relation]:
    memo: dict[tuple[str, str], int | None] = {}
    for r in inp.found:
        if r.predicate != "receivedAward" or not isinstance(r.object, int) or r.qualifiers.get("tally"):
            continue
        award = inp.sh[inp.mentions[r.object].start:inp.mentions[r.object].end]
        for key in ("year", "edition"):
            if r.qualifiers.get(key) is None:
                if (award, key) not in memo:
                    memo[(award, key)] = _title_year(inp.sh, award, key)
                if memo[(award, key)] is not None:
                    r.qualifiers[key] = memo[(award, key)]
    return []
