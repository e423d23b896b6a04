"""Siting verbs: a body settles in the place or park a verb names (family ``siting``).

Owns the locatedIn rules read from a verb that sites its subject (落户, 进驻, 入驻, 设立于, 设厂于,
坐落于…) in the place or park written right after it, whoever the subject is:

* ``located.siting_verb.v1``: the body nearest before the verb in its clause, with only a short
  modifier between (X计划进驻P, X项目一马当先进驻P, 此次X进驻P); where no body stands there, a short
  form of the firm named last before it (…企业。在…邀请下，公司落户于P; 该集团: the group), or, in a clause that
  goes on with no subject of its own, the body the clause before ends on (批准成立X，并将设立在P); and
  a firm's anaphor opening its clause before 位于/地处 (该公司位于P, 公司地处P) means the firm named last;
* ``located.sited_at_area.v1``: the body right before 在 and an anaphor of the report's park with
  a verb of setting up after it (X在园区建成生产基地) is in the park the anaphor means;
* ``located.sited_at_de.v1``: the verb, the place, 的 and the body it qualifies (设立于P的X), or the
  kind of settler and its members after it (设厂于P的业者，分别为A与B);
* ``located.sited_at_then_de.v1``: 在/于, the place, a verb of setting up (and its object), 的 and the
  body it qualifies (在醴陵投资设厂的X, 於南科設廠的X, 在P设立生产基地的X);
* ``located.plant_in.v1``: the body right before 在/于 the place 的 and a plant or base (X在长沙的工厂,
  X於中科的晶圓廠): a body with a plant in a place is sited there (an event there, 在P的发布会, is not).

Of a chain of places after the verb (沈阳市铁西区) the last, most specific one is taken. The
sentence rules (``sites``) read the sentence's own subject; this family reads the verb's.
Vocabulary: ``kg/data/relations/siting.json``. Must not: read a place from a name alone, or take the
body that invites, attracts or helps another to settle (吸引X落户P) for the settler.
"""

from __future__ import annotations

import bisect
import json
import re
from functools import lru_cache
from typing import Any

from ..rules import Mention
from ...resources import read_text
from .base import Relation, RelationInput, register
from .context import alternation, Walk
from .members import members
from ..kindsplit import KIND_RE

VERB_RULE = "located.siting_verb.v1"
DE_RULE = "located.sited_at_de.v1"
AREA_RULE = "located.sited_at_area.v1"
AT_DE_RULE = "located.sited_at_then_de.v1"
PLANT_RULE = "located.plant_in.v1"
register("siting", {
    AT_DE_RULE: ("locatedIn", "在/于P + a verb of setting up + 的 + X (在P投资设厂的X, 于P设立的X): the body the clause qualifies is in P"),
    PLANT_RULE: ("locatedIn", "X在/于P的工厂/生产基地/总部: the body that has a plant or base in P is in P"),
    AREA_RULE: ("locatedIn", "X在园区建成/租用…建立…: the body before 在 and an anaphor of the report's park is in that park"),
    VERB_RULE: ("locatedIn", "X (计划/将/已…) 落户/进驻/设立于/设厂于 P: the body nearest before the verb in its clause (or 该公司 / 公司 for the firm a recent sentence was about; or, after 并将, the body the clause before ends on) is in P"),
    DE_RULE: ("locatedIn", "设立于P的X / 设厂于P的业者，分别为A与B: the body the verb's place qualifies is in it"),
})

#: 该公司位于P / 公司地处P: a firm's anaphor opening its clause, then 位于 / 地处
ANAPHOR_LIES_RE = re.compile(r"(?P<an>该公司|该企业|该集团|该中心|该院|该所|公司|企业|集团)\s*(?:目前|现|现已|则|总部)?\s*(?:位于|地处)\s*")
SETTLERS = frozenset({"Company", "Institution", "StandardsBody"})
CLAUSE_BREAK = "，,；;。！？!?\n：:"
SENTENCE_END_RE = re.compile(r"[。！？!?\n]")


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    data = json.loads(read_text("relations", "siting.json"))
    alt = lambda key: alternation(data[key])  # noqa: E731
    return {
        "verb": re.compile(r"(?:" + alt("verbs") + r")(?:于|在|到)?"),
        "blocker": re.compile(alt("blockers")),
        "anaphor": re.compile(r"(?:" + alt("anaphors") + r")"),
        "continuer": re.compile(r"\s*(?:" + alt("continuers") + r")"),
        "kind_list": re.compile(r"(?:" + alt("kinds") + r")\s*[,，]?\s*(?:" + alt("list_intros") + r")\s*[:：]?\s*"),
        "max_gap": int(data["max_gap"]),
        # X在园区建成生产基地: 在, an anaphor of the report's park, a verb of setting up within a few characters
        # 在P投资设厂的X, 在P设立生产基地的X: after the place, a verb of setting up (and its object), then 的
        "at_de": re.compile(r"[^，,；;。！？!?\n的在于]{0,6}?(?:" + alt("modifier_verbs") + r")(?:了)?[^，,；;。！？!?\n的在于]{0,6}的"),
        # X在P的工厂: after the place, 的 and what the body has there
        "plant": re.compile(r"的(?:[^，,；;。！？!?\n的]{0,8}?)(?:" + alt("plants") + r")"),
        "at_area": re.compile(r"在(?P<an>" + alt("area_anaphors") + r")[^，,；;。！？!?\n]{0,4}?(?:" + alt("site_verbs") + r")"),
    }


def _clause_start(sh: str, pos: int) -> int:
    return max(sh.rfind(c, 0, pos) for c in CLAUSE_BREAK) + 1


def _last_before(mentions: list[Mention], starts: list[int], pos: int) -> int:
    """The index of the last mention that ends at or before ``pos`` (-1 where none does)."""
    k = bisect.bisect_left(starts, pos) - 1
    while k >= 0 and mentions[k].end > pos:
        k -= 1
    return k


def _place_chain(mentions: list[Mention], starts: list[int], pos: int) -> int | None:
    """The most specific of the places or parks written one after another from ``pos``."""
    k = bisect.bisect_left(starts, pos)
    last = None
    while k < len(mentions) and mentions[k].start == pos and mentions[k].label in ("Place", "Park"):
        last, pos = k, mentions[k].end
        k = bisect.bisect_left(starts, pos)
    return last


def _recent_firm(sh: str, mentions: list[Mention], starts: list[int], pos: int, word: str) -> int | None:
    """The firm an anaphor at ``pos`` means: the nearest firm or institution named before it, in its
    sentence or the two before; for 该集团/集团 the nearest whose name holds 集团 (A为B集团旗下物业，
    该集团总部位于P: the group, not A)."""
    s0 = pos
    for _ in range(3):
        s0 = max(sh.rfind(c, 0, max(0, s0 - 1)) for c in "。！？!?\n") + 1
        if s0 == 0:
            break
    for k in range(bisect.bisect_left(starts, pos) - 1, -1, -1):
        m = mentions[k]
        if m.start < s0:
            break
        if m.end <= pos and m.label in ("Company", "Institution") and ("集团" not in word or "集团" in m.text):
            return k
    return None


def find(inp: RelationInput) -> list[Relation]:
    sh, mentions = inp.sh, inp.mentions
    v = vocabulary()
    starts = [m.start for m in mentions]
    have = {(r.subject, r.object) for r in inp.found if r.predicate == "locatedIn"}
    out: list[Relation] = []

    def add(s: int, o: int, rule: str, ev: tuple[int, int]) -> None:
        if s != o and (s, o) not in have:
            have.add((s, o))
            out.append(Relation(s, "locatedIn", o, rule, ev))

    for vm in v["verb"].finditer(sh):
        if any(m.start < vm.start() < m.end for m in mentions[max(0, bisect.bisect_left(starts, vm.start()) - 3):bisect.bisect_left(starts, vm.start())]):
            continue  # the verb inside a name
        place = _place_chain(mentions, starts, vm.end())
        if place is None:
            continue
        c0 = _clause_start(sh, vm.start())
        after = mentions[place].end
        if sh.startswith("的", after):
            # 设立于P的X / 设厂于P的业者，分别为A与B
            kind = KIND_RE.match(sh, after + 1)  # 進駐數碼港的初創企業X: a kind word before the body
            k = bisect.bisect_left(starts, after + 1)
            if kind is not None and not (k < len(mentions) and mentions[k].start == after + 1):
                k = bisect.bisect_left(starts, kind.end())
            if k < len(mentions) and mentions[k].start in (after + 1, kind.end() if kind else after + 1) and mentions[k].label in SETTLERS:
                add(k, place, DE_RULE, (c0, mentions[k].end))
                continue
            kinds = v["kind_list"].match(sh, after + 1)
            if kinds is not None:
                s1 = SENTENCE_END_RE.search(sh, kinds.end())
                s1 = s1.start() if s1 else len(sh)
                for i in members(sh, kinds.end(), s1, mentions, starts, opening=True):
                    if mentions[i].label in SETTLERS:
                        add(i, place, DE_RULE, (c0, s1))
            continue  # the verb qualifies what follows: it has no subject before it
        # the subject: the body nearest before the verb in its clause
        k = _last_before(mentions, starts, vm.start())
        subject = None
        if k >= 0 and mentions[k].start >= c0:
            # the name nearest before the verb: a settler with a short modifier between, or nobody
            # (a place, a person, a body that invites: 吸引X落户P)
            gap = sh[mentions[k].end:vm.start()]
            if mentions[k].label not in SETTLERS or len(gap) > v["max_gap"] or v["blocker"].search(gap):
                continue
            subject = k
        else:
            head = sh[c0:vm.start()]
            an = v["anaphor"].search(head)
            if an is not None and len(head) - an.end() <= v["max_gap"] and not v["blocker"].search(head, an.end()) and (
                    an.group(0).startswith("该") or not head[:an.start()].strip()):
                subject = _recent_firm(sh, mentions, starts, c0 + an.start(), an.group(0))  # 该公司落户于P / …，公司落户于P
            elif v["continuer"].match(sh, c0) and len(head) <= 6 and c0 >= 2:
                # 批准成立X，并将设立在P: the body the clause before ends on
                j = _last_before(mentions, starts, c0 - 1)
                if j >= 0 and mentions[j].end == c0 - 1 and mentions[j].label in SETTLERS:
                    subject = j
        if subject is not None and "分别" in sh[mentions[subject].end:vm.start()]:
            # A分别落户P和Q: one body in each; A、B分别落户于P: all in one
            places, pos = [place], mentions[place].end
            while (joint := re.compile(r"\s*(?:、|和|及|与|以及)\s*").match(sh, pos)) and (nxt := _place_chain(mentions, starts, joint.end())) is not None:
                places.append(nxt)
                pos = mentions[nxt].end
            settlers = [subject]
            while (j := _last_before(mentions, starts, mentions[settlers[0]].start)) >= 0 and mentions[j].label in SETTLERS and re.fullmatch(
                    r"\s*(?:、|和|及|与|以及)\s*", sh[mentions[j].end:mentions[settlers[0]].start]):
                settlers.insert(0, j)
            # A、B分别落户P、Q (as many of each): the i-th with the i-th is the ``respectively`` family's
            if len(settlers) == 1:
                for p_ in places:  # A分别落户P和Q: one body in each
                    add(settlers[0], p_, VERB_RULE, (min(c0, mentions[settlers[0]].start), mentions[places[-1]].end))
            elif len(places) == 1:
                for a_ in settlers:
                    add(a_, place, VERB_RULE, (min(c0, mentions[settlers[0]].start), mentions[place].end))
        elif subject is not None:
            add(subject, place, VERB_RULE, (min(c0, mentions[subject].start), mentions[place].end))
    # 该公司位于P / …。公司地处P: the firm a recent sentence was about (位于 itself is the sites family's)
    for am in ANAPHOR_LIES_RE.finditer(sh):
        c0 = _clause_start(sh, am.start())
        place = _place_chain(mentions, starts, am.end())
        if place is None or sh[c0:am.start()].strip() or any(m.start <= am.start() < m.end for m in mentions[max(0, bisect.bisect_left(starts, am.start()) - 3):bisect.bisect_left(starts, am.start())]):
            continue
        subject = _recent_firm(sh, mentions, starts, am.start(), am.group("an"))
        if subject is not None and not sh.startswith("的", mentions[place].end):
            add(subject, place, VERB_RULE, (am.start(), mentions[place].end))
    out.extend(_at_place(sh, mentions, starts, have))
    ctx = None
    for am in v["at_area"].finditer(sh):
        k = _last_before(mentions, starts, am.start())
        if k < 0 or mentions[k].label not in SETTLERS or mentions[k].start < _clause_start(sh, am.start()):
            continue
        gap = sh[mentions[k].end:am.start()]
        if len(gap) > v["max_gap"] or v["blocker"].search(gap):
            continue
        if ctx is None:
            ctx = Walk(sh, mentions, inp.shared).ctx
        park = ctx.resolve(am.group("an"))
        if park is not None and mentions[park].label == "Park":
            add(k, park, AREA_RULE, (mentions[k].start, am.end()))
    return out


def _at_place(sh: str, mentions: list[Mention], starts: list[int], have: set[tuple[int, int]]) -> list[Relation]:
    """在醴陵投资设厂的X / 於南科設廠的X: the body right after the 的 of a clause that sets something up
    at a place is in that place; X在长沙的工厂 / X於中科的晶圆厂: the body right before 在 that has a
    plant or base at the place is in it. Of a chain of places the last, most specific one."""
    v = vocabulary()
    out: list[Relation] = []
    for k, m in enumerate(mentions):
        if m.label not in ("Place", "Park") or m.start == 0 or sh[m.start - 1] not in "在于":
            continue
        if k > 0 and mentions[k - 1].end == m.start and mentions[k - 1].label in ("Place", "Park"):
            continue  # inside a chain: its first place is read
        place = _place_chain(mentions, starts, m.start)
        after = mentions[place].end
        de = v["at_de"].match(sh, after)
        if de is not None:
            j = bisect.bisect_left(starts, de.end())
            if j < len(mentions) and mentions[j].start == de.end() and mentions[j].label in SETTLERS and (j, place) not in have:
                have.add((j, place))
                out.append(Relation(j, "locatedIn", place, AT_DE_RULE, (m.start - 1, mentions[j].end)))
            continue
        plant = v["plant"].match(sh, after)
        j = _last_before(mentions, starts, m.start - 1)
        if plant is not None and j >= 0 and mentions[j].end == m.start - 1 and mentions[j].label in SETTLERS and (j, place) not in have:
            have.add((j, place))
            out.append(Relation(j, "locatedIn", place, PLANT_RULE, (mentions[j].start, plant.end())))
    return out
