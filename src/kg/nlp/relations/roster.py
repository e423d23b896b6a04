"""Roster reader's relations: worksFor from lines that each name one member and the member's posts.

Owns: turning the roster lines ``kg.nlp.rosters`` reads into worksFor: each 'body + post' piece of a
member's line (区发改局副局长, 中国测绘科学研究院副院长) gives the body with the post as the role;
a member listed under a label (组长, 成员) of a roster that follows the naming of a task body
(…领导小组) works for that body in that role. (A line of a person and a post that heads a
government, 龚某市长, is the ``posts`` family's: ``works_for.leader_named_first.v1``.)
Vocabulary: ``kg/data/relations/roster.json``. Must not: read prose sentences.
"""

from __future__ import annotations

import bisect

from ...text import normalise_name
from ..rosters import roster_lines, vocabulary, _is_post
from ..rules import ORG_LABELS, Mention
from .base import Relation, RelationInput, register

register("roster", {
    "roster.member_post.v1": ("worksFor", "a roster line's 'body + post' piece: the member works for the body in that post"),
    "roster.member_of_body.v1": ("worksFor", "a member listed under a label (组长, 成员) of a task body (…领导小组) named before the roster"),
})
#: how far before a roster the task body it lists may be named (characters)
BODY_REACH = 1500


def find(inp: RelationInput) -> list[Relation]:
    sh, mentions = inp.sh, inp.mentions
    lines = roster_lines(sh, mentions)
    if not lines:
        return []
    starts = [m.start for m in mentions]
    have = {(r.subject, r.object) for r in inp.found if r.predicate == "worksFor"}
    out: list[Relation] = []

    def emit(p: int, org: int, rule: str, role: str | None, ev: tuple[int, int]) -> None:
        if (p, org) in have or p == org:
            return
        have.add((p, org))
        out.append(Relation(p, "worksFor", org, rule, ev, {"role": role}))

    bodies = vocabulary()["bodies"]
    for r in lines:
        k = bisect.bisect_left(starts, r.name[0])
        p = next((i for i in range(k, min(k + 3, len(mentions))) if mentions[i].label == "Person" and mentions[i].start == r.name[0]), None)
        if p is None:
            continue
        members = [p]
        for a, b in r.posts:
            # 成员：陈某 市科技局副局长、周某 市工信局副局长: a piece that opens on a person names the next member
            q = next((i for i in range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)) if mentions[i].label == "Person" and mentions[i].start == a), None)
            if q is not None and q != p and sh[mentions[q].end:mentions[q].end + 1] in " \u3000":
                p = q
                members.append(q)
            orgs = [i for i in range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)) if mentions[i].label in ORG_LABELS and mentions[i].end <= b]
            if orgs:
                org = orgs[-1]
                role = inp.text[mentions[org].end:b].strip()
                if sh.startswith("办公室", mentions[org].end) and sh[mentions[org].start:mentions[org].end].endswith("政府"):
                    continue  # 区政府|办公室副主任: the government's office is a body of its own, not the government
                if role and _is_post(sh[mentions[org].end:b]):
                    emit(p, org, "roster.member_post.v1", role, r.line)
        if r.label:
            body = _task_body(sh, mentions, starts, r.line[0], bodies)
            for member in members if body is not None else ():
                emit(member, body, "roster.member_of_body.v1", r.label, r.line)
    return out


def _task_body(sh: str, mentions: list[Mention], starts: list[int], before: int, bodies: tuple[str, ...]) -> int | None:
    """The task body (…领导小组) named last before a roster line, within ``BODY_REACH``."""
    for i in range(bisect.bisect_left(starts, before) - 1, bisect.bisect_left(starts, before - BODY_REACH) - 1, -1):
        m = mentions[i]
        if m.label == "GovernmentAgency" and normalise_name(m.text).endswith(bodies) and len(m.text) > 4:
            return i
    return None
