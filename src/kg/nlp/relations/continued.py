"""The later clauses of a members-first grant (family ``enumerations``): A2020年获评X，2021年被认定为Y;
A获评X，并入选Y; A荣获X，还获得Y. A comma clause that opens on a time or an adverb and a verb of
winning, with no holder of its own before its prize, gives the prize to the same members; and the
year written between the members and their verb (A2020年被评为X) dates the win.

Owns: ``later_clauses`` and ``members_year``. Must not: add relations (``enumerations`` does, with
its own qualifiers and claims).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any

from ..mentions import Mention
from .enumeration_vocabulary import search_selected

#: what opens a later clause of the same holders before its verb: a time (2021年, 2021年3月, 同年),
#: an adverb (并, 还, 又, 同时, 随后, 先后) or both (2021年又…)
CONTINUED_LEAD_RE = re.compile(
    r"\s*(?:(?:(?:19|20)[0-9]{2}\s*年度?(?:\s*[0-9]{1,2}\s*月)?(?:\s*[0-9]{1,2}\s*日)?|同年|次年|翌年|当年)\s*)?"
    r"(?:并且|并|还|又|同时|也|随后|此后|之后|后|再|再次|先后|相继|更|亦|且)*\s*(?:于\s*(?:19|20)[0-9]{2}\s*年度?\s*)?")
#: a count opening a clause (856个荣获…): a subject of its own
COUNT_OPENS_RE = re.compile(r"\s*(?:共有|共|另有|有)?\s*[0-9一二三四五六七八九十百千万两多余]+\s*[个家项名所位户件款]")
#: a year between the members and their verb: A2020年被评为X, A于2020年3月被认定为X
MEMBERS_YEAR_RE = re.compile(r"\s*(?:曾|已|先后)?\s*(?:于|在)?\s*((?:19|20)[0-9]{2})\s*年度?(?:\s*[0-9]{1,2}\s*月)?(?:\s*[0-9]{1,2}\s*日)?\s*(?:曾|已|又|还|先后|成功|再次|均)?\s*")
COMMA_RE = re.compile(r"[，,]")
#: the longest stretch between a later clause's comma and its prize
MAX_HEAD = 24


def members_year(sh: str, members_end: int, verb_start: int) -> int | None:
    """The year written between the members (ending at ``members_end``) and their verb."""
    when = MEMBERS_YEAR_RE.fullmatch(sh, members_end, verb_start)
    return int(when.group(1)) if when is not None else None


def later_clauses(sh: str, mentions: list[Mention], starts: list[int], awards: list[int], award_starts: list[int],
                  pos: int, end: int, v: dict[str, Any]) -> Iterator[tuple[int, str, int]]:
    """``(award, head, clause_start)`` for each later comma clause of ``sh[pos:end]`` that gives its
    prize to the members before: no mention but awards between its comma and its prize, a time or
    an adverb, then a verb of winning right before the prize; the first clause that is not stops."""
    while True:
        comma = COMMA_RE.search(sh, pos, end)
        if comma is None:
            return
        j = bisect.bisect_left(award_starts, comma.end())
        if j >= len(awards) or mentions[awards[j]].start >= end:
            return
        nxt = awards[j]
        head = sh[comma.end():mentions[nxt].start]
        lead = CONTINUED_LEAD_RE.match(head)
        sel = search_selected(v, head[lead.end():]) if not COUNT_OPENS_RE.match(head, lead.end()) else None
        lo, hi = bisect.bisect_left(starts, comma.end()), bisect.bisect_left(starts, mentions[nxt].start)
        if sel is None or sel.start() > 0 or len(head) > MAX_HEAD or COMMA_RE.search(head) or any(
            mentions[x].label != "Award" for x in range(lo, hi)
        ) or v["candidates"].search(head):
            return
        yield nxt, head, comma.end()
        pos = mentions[nxt].end
