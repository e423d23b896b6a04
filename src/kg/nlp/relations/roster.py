"""Roster reader's relations: worksFor from lines that each name one member and the member's posts.

Owns: turning the roster lines ``kg.nlp.rosters`` reads into worksFor: each 'body + post' piece of a
member's line (区发改局副局长, 中国测绘科学研究院副院长) gives the body with the post as the role;
a member listed under a label (组长, 成员) of a roster that follows the naming of a task body
(…领导小组) works for that body in that role. (A line of a person and a post that heads a
government, 龚某市长, is the ``posts`` family's: ``works_for.leader_named_first.v1``.)
Also a paper's authors: a line of names, then their affiliation line (body, city, postcode) right below.
Vocabulary: ``kg/data/relations/roster.json``. Must not: read prose sentences.
"""

from __future__ import annotations

import bisect
import re

from ...text import normalise_name
from ..rosters import roster_lines, vocabulary, _is_post
from ..rules import ORG_LABELS, Mention
from .base import Relation, RelationInput, register

#: an author's affiliation line: a body, perhaps its department, then the city and its six-digit postcode
AFFILIATION_LINE_RE = re.compile(r"[^\n]{4,60}?[\s\u3000]+[\u4e00-\u9fff]{2,4}[\s\u3000]*\d{6}[\s\u3000]*(?:\n|$)")
register("roster", {
    "roster.member_post.v1": ("worksFor", "a roster line's 'body + post' piece: the member works for the body in that post"),
    "roster.member_of_body.v1": ("worksFor", "a member listed under a label (组长, 成员) of a task body (…领导小组) named before the roster"),
    "roster.author_affiliation.v1": ("worksFor", "a line of authors, then their affiliation line (body, city, postcode): each author is of the body"),
})
#: how far before a roster the task body it lists may be named (characters)
BODY_REACH = 1500


#: where an affiliation line ends: a six-digit postcode closing its line
POSTCODE_END_RE = re.compile(r"\d{6}[\s\u3000]*(?:\n|$)")


def _affiliation_lines(sh: str) -> list[re.Match[str]]:
    """The matches of :data:`AFFILIATION_LINE_RE` that open a line. Every match ends on a
    postcode closing its line, so a text without one is not scanned (the pattern tried at every
    character of every report cost 8% of all extraction; few reports hold a postcode)."""
    if POSTCODE_END_RE.search(sh) is None:
        return []
    return [m for m in AFFILIATION_LINE_RE.finditer(sh) if m.start() == 0 or sh[m.start() - 1] == "\n"]


def _affiliations(sh: str, mentions: list[Mention]) -> list[Relation]:
    """文/王某 程某 刘某 / (blank line) / 中国科学院…研究所 北京 100190: the authors of a paper are of the
    first body of the affiliation line right below their names (at most one blank line between)."""
    out: list[Relation] = []
    for am in _affiliation_lines(sh):
        org = next((i for i, m in enumerate(mentions) if m.start == am.start() and m.label in ORG_LABELS), None)
        if org is None:
            continue
        above = sh[:am.start()].rstrip("\n \u3000")
        if sh[len(above):am.start()].count("\n") > 2:
            continue
        line_start = above.rfind("\n") + 1
        people = [i for i, m in enumerate(mentions) if m.label == "Person" and line_start <= m.start < len(above)]
        # the author line holds names only (and a byline's 文/, 作者：), no prose
        rest = re.sub(r"^(?:文|作者|撰文)?\s*[/／:：]?\s*", "", above[line_start:])
        for i in people:
            rest = rest.replace(sh[mentions[i].start:mentions[i].end], " ")
        if people and not rest.strip(" \u3000,，、;；"):
            out.extend(Relation(i, "worksFor", org, "roster.author_affiliation.v1", (line_start, am.end()), {"role": None}) for i in people)
    return out


def find(inp: RelationInput) -> list[Relation]:
    sh, mentions = inp.sh, inp.mentions
    affiliated = _affiliations(sh, mentions) if "\n" in sh else []
    lines = roster_lines(sh, mentions)
    if not lines:
        return affiliated
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
    return out + [r for r in affiliated if (r.subject, r.object) not in have]


def _task_body(sh: str, mentions: list[Mention], starts: list[int], before: int, bodies: tuple[str, ...]) -> int | None:
    """The task body (…领导小组) named last before a roster line, within ``BODY_REACH``."""
    for i in range(bisect.bisect_left(starts, before) - 1, bisect.bisect_left(starts, before - BODY_REACH) - 1, -1):
        m = mentions[i]
        if m.label == "GovernmentAgency" and normalise_name(m.text).endswith(bodies) and len(m.text) > 4:
            return i
    return None
