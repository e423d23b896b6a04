"""receivedAward where the award is named before its winners (family ``conferrals``).

Owns two clause shapes the other award families read the other way round:

* ``award.confer_to.v1``: 颁发/颁授 (第N届) AWARD (GRADE) 予/给 A、B及C — the granting body names the
  award first and its winners after 予 or 给 (Taiwan's and Hong Kong's 頒發…予…);
* ``award.counted_then_listed.v1``: N家企业获得 AWARD (GRADE)，包括/分别是/分别为 A、B — a count
  of winners, the award, and the winners listed in the next clause of the same sentence;
* ``award.share_of_list.v1``: 公布 AWARD 名单，其中P有N家，分别是A、B — a published list of the
  award's holders and a place's share of it, its members named;
* ``award.falls_to.v1``: AWARD (GRADE) 花落 A、B; ``award.pocketed.v1``: A (一举) 将 AWARD 收入囊中.

Year and edition come from the award mention or its earlier mentions (``context._award_context``)
and the clause's year; the grade from a grade word right after the award. Vocabulary:
``kg/data/relations/conferrals.json``. Must not: give the award to the body that grants it, or to
members of a list that a candidates' word (推荐, 候选, 拟推) opens.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from ...resources import read_text
from ...text import to_int
from ..rules import GRADE_AFTER_RE
from .base import Relation, RelationInput, register
from .members import members
from .context import alternation, Walk, _award_context, _clause_end, _clause_year

CONFER_RULE = "award.confer_to.v1"
COUNTED_RULE = "award.counted_then_listed.v1"
SHARE_RULE = "award.share_of_list.v1"
#: a notice's title that publishes a list (《关于公布第六批…名单的通告》)
TITLE_LIST_RE = re.compile(r"《[^《》]{2,80}?名单[^《》]{0,12}》")
#: the edition a list's title gives first (第六批, 第3届)
EDITION_IN_TITLE_RE = re.compile(r"第\s*([0-9一二三四五六七八九十百]+)\s*[批届屆]")
FALLS_RULE = "award.falls_to.v1"
POCKET_RULE = "award.pocketed.v1"
register("conferrals", {
    FALLS_RULE: ("receivedAward", "AWARD(GRADE)花落A、B: the winners written after the award"),
    POCKET_RULE: ("receivedAward", "A(一举)将AWARD收入囊中: the one before 将 won the award"),
    SHARE_RULE: ("receivedAward", "公布X名单，其中P有N家，分别是A、B: the listed holders of the award whose list was published"),
    CONFER_RULE: ("receivedAward", "颁发(第N届)AWARD(GRADE)予/给A、B及C: the winners after 予 or 给"),
    COUNTED_RULE: ("receivedAward", "N家企业获得AWARD(GRADE)，包括/分别是A、B: the listed winners of the counted award"),
})


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, re.Pattern[str]]:
    data = json.loads(read_text("relations", "conferrals.json"))

    def alt(key: str) -> str:
        return alternation(data[key], escape=True)

    return {
        "confer": re.compile(r"(?:" + alt("confer_verbs") + r")\s*$"),
        "to": re.compile(r"\s*(?:" + GRADE_AFTER_RE.pattern + r")?\s*[”\"」』]?\s*(?:" + alt("to_words") + r")\s*"),
        "counted": re.compile(r"[0-9一二三四五六七八九十两百]+\s*(?:" + alt("counters") + r")[\u4e00-\u9fff]{0,6}?(?:" + alt("win_verbs") + r")\s*$"),
        "listed": re.compile(r"\s*(?:" + GRADE_AFTER_RE.pattern + r")?\s*[”\"」』]?\s*(?:称号|殊荣|荣誉)?\s*[，,：:]\s*(?:" + alt("list_words") + r")\s*[：:]?\s*"),
        "candidates": re.compile(alt("candidate_words")),
        "falls": re.compile(r"\s*(?:" + GRADE_AFTER_RE.pattern + r")?\s*[”\"」』]?\s*(?:最终|最后|则)?\s*(?:" + alt("falls_to") + r")\s*"),
        "pocket": re.compile(r"\s*[”\"」』]?\s*(?:" + alt("pocket_words") + r")"),
        "list_after": re.compile(r"\s*(?:" + alt("list_nouns") + r")"),
        "share": re.compile(r"[^。；;]{0,40}?其中[^。；;，,]{0,16}?[0-9一二三四五六七八九十两百]+\s*(?:" + alt("counters")
                            + r")[\u4e00-\u9fff]{0,6}?\s*[，,：:]?\s*(?:" + alt("list_words") + r")\s*[：:]?\s*"),
    }


def find(inp: RelationInput) -> list[Relation]:
    text, mentions = inp.sh, inp.mentions
    v = _vocabulary()
    rels: list[Relation] = []
    starts = [m.start for m in mentions]

    def award_to(holders: list[int], a: int, rule: str, q: dict, ev: tuple[int, int], conferred: bool = True) -> None:
        """Each holder receives award ``a`` with the qualifiers ``q`` holds; with ``conferred`` the
        award is kept though its name alone would need a conferring context."""
        for i in holders:
            if conferred:
                mentions[a].attrs["conferred"] = True
            rels.append(Relation(i, "receivedAward", a, rule, ev, {k: q[k] for k in ("year", "edition", "grade") if q.get(k) is not None}))

    def listed_share(pos: int, s1: int) -> list[int]:
        """The members listed from ``pos`` to the clause's end, places left out (其中P有N家，分别是A、B)."""
        return [i for i in members(text, pos, _clause_end(text, pos, s1), mentions, starts) if mentions[i].label != "Place"]
    for s0, s1, idx, sent, ev, orgs in Walk(text, mentions, inp.shared):
        for a in idx:
            award = mentions[a]
            if award.label != "Award":
                continue
            before = text[max(s0, award.start - 24):award.start]
            # 第25届 / 2023年度 may stand between the verb and the award
            head = re.sub(r"(?:第\s*[0-9一二三四五六七八九十百]+\s*[届屆批]|[0-9]{4}\s*年度?|\s)+$", "", before)
            if v["candidates"].search(text, s0, award.start):
                continue
            rule = to = None
            if v["confer"].search(head):
                to, rule = v["to"].match(text, award.end), CONFER_RULE
            elif v["counted"].search(head):
                to, rule = v["listed"].match(text, award.end), COUNTED_RULE
            if to is None:
                continue
            grade = GRADE_AFTER_RE.match(text, award.end)
            q = _award_context(mentions, a)
            if q.get("year") is None:
                q["year"] = _clause_year(text, s0, award.start)
            if grade:
                q["grade"] = inp.text[grade.start():grade.end()]
            award_to(members(text, to.end(), _clause_end(text, to.end(), s1), mentions, starts), a, rule, q, ev, conferred=False)
        # X花落A、B / A将X收入囊中: the winner after the award, or before 将
        for a in idx:
            award = mentions[a]
            if award.label != "Award" or v["candidates"].search(text, s0, award.start):
                continue
            falls = v["falls"].match(text, award.end, s1)
            if falls:
                q = _award_context(mentions, a)
                grade = GRADE_AFTER_RE.match(text, award.end)
                if grade:
                    q["grade"] = inp.text[grade.start():grade.end()]
                award_to(members(text, falls.end(), _clause_end(text, falls.end(), s1), mentions, starts), a, FALLS_RULE, q, ev)
            if v["pocket"].match(text, award.end, s1) and text[max(s0, award.start - 1):award.start] == "将":
                holder = next((i for i in reversed(idx) if mentions[i].end <= award.start - 1 and mentions[i].label in ("Company", "Institution", "Person", "Park", "Place", "GovernmentAgency")
                               and re.fullmatch(r"\s*(?:一举|再次|再度|成功|首次|也|还|又)?\s*", text[mentions[i].end:award.start - 1])), None)
                if holder is not None:
                    award_to([holder], a, POCKET_RULE, _award_context(mentions, a), ev)
        # 公布X名单，其中P有N家，分别是A、B: the share of a published list, its members named
        for a in idx:
            award = mentions[a]
            if award.label != "Award" or v["candidates"].search(text, s0, award.start):
                continue
            listed = v["list_after"].match(text, award.end, s1)
            share = v["share"].match(text, listed.end(), s1) if listed else None
            if share is None:
                continue
            q = _award_context(mentions, a)
            if q.get("year") is None:
                q["year"] = _clause_year(text, s0, award.start)
            title = next((tm for tm in TITLE_LIST_RE.finditer(text, s0, s1) if tm.start() < award.start < tm.end()), None)
            first = EDITION_IN_TITLE_RE.search(title.group(0)) if title else None
            if first and to_int(first.group(1)):
                q["edition"] = to_int(first.group(1))  # 第六批和通过复核的第一批…名单: the list's own batch comes first
            q.pop("grade", None)
            award_to(listed_share(share.end(), s1), a, SHARE_RULE, q, ev)
        # 《关于公布第六批X名单的通告》，…其中P 3家企业，分别为A、B: the award named inside the notice's
        # title (no mention there: a document's title is no place for mentions) is one the report names
        for tm in TITLE_LIST_RE.finditer(text, s0, s1):
            if any(r.rule == SHARE_RULE and r.evidence == ev for r in rels) or v["candidates"].search(tm.group(0)):
                continue
            named = [k for k, m in enumerate(mentions) if m.label == "Award" and len(m.text) >= 4 and m.text in tm.group(0)]
            share = v["share"].match(text, tm.end(), s1)
            if not named or share is None:
                continue
            a = named[0]
            edition = EDITION_IN_TITLE_RE.search(tm.group(0))
            q = {"edition": to_int(edition.group(1))} if edition and to_int(edition.group(1)) else {}
            award_to(listed_share(share.end(), s1), a, SHARE_RULE, q, ev)
    return rels
