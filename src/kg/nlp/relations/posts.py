"""Posts: who holds a post at which body, where the first sentence rules stop (family ``posts``).

Owns the worksFor readings of
* a **run of posts after a body**: 市市场监管局局长A，党组成员、副局长B，党组成员、总工程师C, and
  仪综所欧阳劲松所长、李琳书记: every person of the run serves the body the run opened with, for as
  long as each piece of the run is posts and a name only (a piece that names another body ends it);
* a **former post**: 中国工程院原副院长X (ANNOTATION.md annotates the post as written);
* a **move**: X出任/调任/升任 ORG ROLE (one or more, 、-joined);
* a **body written by its kind alone** (協會理事長X, 该局局长X): the one body of that kind the report names;
* a **leader named before the post**: 舒庆副市长 / 龚正市长 in a report that names the government the
  post heads (省长 → 省政府, as ``roles.tsv`` says), never a guessed one.
Vocabulary: ``kg/data/relations/posts.json``; post words: ``kg/data/lexicons/roles.tsv``.
Must not: give a post to a body named only inside another name, or re-read a person the families
before it already placed at that body.

Hand-written over the mentions rather than a spaCy Matcher, like ``enumerations``: the units are
mentions of several types with post words between them, which jieba's segmentation does not keep whole.
"""

from __future__ import annotations

import bisect
import json
import re
from functools import lru_cache
from typing import Any

from ...resources import read_text
from ...text import normalise_name
from ..rules import Mention
from .base import Relation, RelationInput, register
from .works_for import HEAD_OF

RUN, FORMER, MOVE, LEADER = "works_for.post_run.v1", "works_for.former_post.v1", "works_for.move.v1", "works_for.leader_named_first.v1"
KIND = "works_for.body_by_kind.v1"
register("posts", {
    KIND: ("worksFor", "協會理事長X / 该局局长X: a body written by its kind alone is the one body of that kind the report names"),
    RUN: ("worksFor", "ORG ROLE A，(ROLE、)ROLE B，… / ORG A ROLE、B ROLE: each person of a run of posts serves the body the run opened with"),
    FORMER: ("worksFor", "ORG 原/前 ROLE PERSON: a former post is annotated as written"),
    MOVE: ("worksFor", "PERSON 出任/调任/升任 ORG ROLE(、ORG ROLE): the post moved to"),
    LEADER: ("worksFor", "PERSON 市长/副省长…: the government the post heads, where the report names it"),
})
BODIES = frozenset({"Company", "Institution", "GovernmentAgency"})
SENTENCE_STOP_RE = re.compile(r"[。！？!?\n]")
#: the pieces of a run of posts: one separator between them
SEP = "，,、;；"


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    from ..rules import _people_tables

    data = json.loads(read_text("relations", "posts.json"))
    return {
        "role": _people_tables()[0],
        "heads": HEAD_OF,  # 省长 -> 省政府, one table with the sentence rules (roles.tsv)
        "former": re.compile("|".join(data["former_marks"])),
        "move": re.compile(r"\s*(?:" + "|".join(sorted(data["move_verbs"], key=len, reverse=True)) + r")\s*"),
        "rank": re.compile("^(?:" + "|".join(data["rank_prefixes"]) + ")"),
        "kind": re.compile(r"(?:该|本)?(?P<noun>" + "|".join(sorted(data["body_kinds"], key=len, reverse=True)) + r")$"),
    }


def _role_ending(sh: str, pos: int, floor: int) -> int:
    """Length of the longest post word ending at ``pos`` (0 if none)."""
    role = vocabulary()["role"]
    return next((n for n in range(7, 1, -1) if pos - n >= floor and role.fullmatch(sh, pos - n, pos)), 0)


def _role_starting(sh: str, pos: int, ceil: int) -> int:
    role = vocabulary()["role"]
    return next((n for n in range(7, 1, -1) if pos + n <= ceil and role.fullmatch(sh, pos, pos + n)), 0)


def _posts_only(sh: str, s: int, e: int) -> bool:
    """Is ``sh[s:e]`` posts only, joined by 、/兼 (党组成员、副局长)? Empty is not."""
    pos = e
    while pos > s:
        n = _role_ending(sh, pos, s)
        if n == 0:
            return False
        pos -= n
        if pos > s and sh[pos - 1] in "、兼":
            pos -= 1
        elif pos > s:
            return False
    return e > s


def find(inp: RelationInput) -> list[Relation]:
    sh, mentions = inp.sh, inp.mentions
    v = vocabulary()
    out: list[Relation] = []
    placed = {(r.subject, r.object) for r in inp.found if r.predicate == "worksFor"}
    has_post = {r.subject for r in inp.found if r.predicate == "worksFor"}
    org_by_end = {m.end: i for i, m in enumerate(mentions) if m.label in BODIES}
    nxt_mention = {i: i + 1 for i in range(len(mentions) - 1)}

    def add(p: int, org: int, rule: str, ev: tuple[int, int], role: str | None) -> None:
        if (p, org) in placed or mentions[p].label != "Person":
            return
        placed.add((p, org))
        has_post.add(p)
        out.append(Relation(p, "worksFor", org, rule, ev, {"role": role}))

    # the sentence stops, found once: a person's sentence is looked up, not scanned for
    stops = [m.start() for m in SENTENCE_STOP_RE.finditer(sh)]

    def sentence(pos: int) -> tuple[int, int]:
        k = bisect.bisect_left(stops, pos)
        return (stops[k - 1] + 1 if k else 0), (stops[k] if k < len(stops) else len(sh))

    def run(p: int, org: int) -> None:
        """The pieces after placed person ``p`` that are posts and a name only serve ``org`` too."""
        s0, s1 = sentence(mentions[p].start)
        pos = mentions[p].end + _role_starting(sh, mentions[p].end, s1)
        k = p
        while True:
            if pos >= s1 or sh[pos] not in SEP:
                break
            k = nxt_mention.get(k)
            if k is None:
                break
            nm = mentions[k]
            if nm.label != "Person" or nm.start >= s1:
                break
            gap_s = pos + 1
            after = _role_starting(sh, nm.end, s1)
            if nm.start == gap_s and after:
                role = inp.text[nm.end:nm.end + after]  # …所长、李琳书记
            elif _posts_only(sh, gap_s, nm.start):
                role = inp.text[gap_s:nm.start]  # …，党组成员、副局长肖阳伟
            else:
                break
            heads = v["heads"].get(v["rank"].sub("", normalise_name(role).split("、")[-1]))
            if heads and not sh[mentions[org].start:mentions[org].end].replace("人民政府", "政府").endswith(heads):
                break  # 省委书记A、省长B: the governor heads the government, not the run's party committee
            add(k, org, RUN, (s0, s1), role)
            pos = nm.end + after

    # 1. runs: from each placed person, the pieces after it that are posts and a name only
    for r in list(inp.found):
        if r.predicate != "worksFor" or not isinstance(r.object, int) or r.rule == MOVE:
            continue
        if mentions[r.object].end > mentions[r.subject].start:
            continue  # the body after the person (X是ORG ROLE): no run follows
        run(r.subject, r.object)
    # 1c. a body written by its kind alone: 協會理事長X / 该局局长X -> the one such body the report names
    for p, pm in enumerate(mentions):
        if pm.label != "Person" or p in has_post:
            continue
        s0, s1 = sentence(pm.start)
        n = _role_ending(sh, pm.start, s0)
        if not n:
            continue
        kind = v["kind"].search(sh, max(s0, pm.start - n - 4), pm.start - n)
        if kind is None or kind.end() != pm.start - n:
            continue
        if kind.start() > s0 and "\u4e00" <= sh[kind.start() - 1] <= "\u9fff" and sh[kind.start() - 1] not in "该本" and sh[kind.start()] not in "该本":
            continue  # …发展协会 is a name the entity rules did not find, not the kind alone
        noun = kind.group("noun")
        bodies = {normalise_name(m.attrs.get("alias_of") or m.text): j for j, m in enumerate(mentions)
                  if m.label in BODIES and sh[m.start:m.end].endswith(noun) and m.end - m.start > len(noun)}
        if len(bodies) == 1:
            body = next(iter(bodies.values()))
            add(p, body, KIND, (s0, s1), inp.text[pm.start - n:pm.start])
            run(p, body)  # 本會會長A，理事長B，副會長C: the run after serves the same body
    # 2. former posts and 3. moves, 4. leaders named first: person by person
    for p, pm in enumerate(mentions):
        if pm.label != "Person":
            continue
        s0, s1 = sentence(pm.start)
        n = _role_ending(sh, pm.start, s0)
        if n:
            mark = v["former"].match(sh, max(s0, pm.start - n - 1), pm.start - n)
            if mark and mark.end() == pm.start - n and mark.start() in org_by_end:
                add(p, org_by_end[mark.start()], FORMER, (s0, s1), inp.text[mark.start():pm.start])
        mv = v["move"].match(sh, pm.end, s1)
        if mv:
            pos = mv.end()
            while True:
                org = next((i for i in range(p + 1, len(mentions)) if mentions[i].start == pos and mentions[i].label in BODIES), None)
                if org is None:
                    break
                after = _role_starting(sh, mentions[org].end, s1)
                if not after:
                    break
                add(p, org, MOVE, (s0, s1), inp.text[mentions[org].end:mentions[org].end + after])
                pos = mentions[org].end + after
                if pos < s1 and sh[pos] == "、":
                    pos += 1
                    continue
                break
        if p not in has_post:
            after = _role_starting(sh, pm.end, s1)
            role = sh[pm.end:pm.end + after]
            base = v["rank"].sub("", role)
            body = v["heads"].get(role) or v["heads"].get(base)
            if body and not any(m.label in BODIES and s0 <= m.start < pm.start for m in mentions):
                govs = [i for i, m in enumerate(mentions) if m.label == "GovernmentAgency" and _heads_body(sh[m.start:m.end], body)]
                if govs:  # the first the report names, as the sentence rules' implied body does
                    add(p, govs[0], LEADER, (s0, s1), inp.text[pm.end:pm.end + after])
    return out


__all__ = ["find", "vocabulary", "Mention"]


def _heads_body(name: str, body: str) -> bool:
    """Is the government ``name`` the body (市政府) a post heads: 省人民政府 is 省政府 too, and 市府
    or 縣府 is Taiwan's short form of the 市政府 or 縣政府."""
    name = name.replace("人民政府", "政府")
    return name.endswith(body) or (body.endswith("政府") and name.endswith(body[:-2] + "府"))
