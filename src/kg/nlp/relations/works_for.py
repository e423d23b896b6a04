"""worksFor in one sentence: a post and a body around a name (family ``works_for``).

Owns ORG ROLE PERSON (posts chained with 、; a department between body and post kept in the role;
the posts of two bodies before one name), ORG PERSON ROLE, PERSON（ORG ROLE）, PERSON是ORG ROLE,
X，主任由…PERSON兼任, and a post with no body written (市长 -> the 市政府 the report names; 董事长 ->
the one firm its sentence names, else the firm the text is about). Post words: ``roles.tsv``.
Must not: give a post to a body named only inside another name. Later readings: ``posts``.
"""

from __future__ import annotations

import re

from ..people import role_rows
from ...text import normalise_name
from ..rules import Mention, ORG_LABELS
from .base import register, Relation, RelationInput
from .context import _clause_start, ReportContext, Walk

#: run_families drops this family's readings inside clauses a precise family claimed
LOOSE = True
register("works_for", {
    "works_for.implied_body.v1": ("worksFor", "市长X with no body written: the government the post heads (the one the report names), or a 副 post after its head's body"),
    "works_for.org_person.v1": ("worksFor", "ORG PERSON in a table cell, or in a list (ORG PERSON同志, ORG PERSON等, ORG PERSON、…)"),
    "works_for.org_person_role.v1": ("worksFor", "ORG PERSON ROLE: 关中理工大学雷振邦教授 (the post closes the name)"),
    "works_for.org_dept_role_person.v1": ("worksFor", "ORG 标准专利中心 副主任 PERSON: a department between the body and the post, kept in the role"),
    "works_for.name_post_run.v1": ("worksFor", "ORG P1 R1、P2 R2、P3 R3: every name of a run of name-post items serves the body before the run"),
    "works_for.org_role_person.v1": ("worksFor", "ORG ROLE PERSON (posts chained with 、, and the posts of two bodies before one name)"),
    "works_for.person_is_post.v1": ("worksFor", "PERSON是ORG ROLE / PERSON（ORG ROLE）: the post closing its clause"),
    "works_for.post_held_by.v1": ("worksFor", "X，主任由Y公司副总经理PERSON兼任: the post in X"),
    "works_for.sentence_firm.v1": ("worksFor", "董事长X with no body before the post: the one firm its sentence names before it"),
    "works_for.topic_firm.v1": ("worksFor", "…这家企业…。总经理孙海燕说: the firm the text has just been about"),
})


#: what closes a list member written as ORG PERSON: 同志, 等, a separator
LISTED_PERSON_TAIL_RE = re.compile(r"\s*(?:同志|等|[、，,；;]|和|及|与)")


def _name_post_run_body(text: str, mentions: list[Mention], pos: int, org_by_end: dict[int, int], role_re: "re.Pattern[str]") -> int | None:
    """The body before a run of name-post items that reaches ``pos`` (its 、): ORG P1 R1、P2 R2、…,
    also across a bracket after the body (ORG（以下简称X）P1 R1、…). Each earlier item must be a
    person's name followed by a post; anything else ends the search with None."""
    person_by_end = {m.end: i for i, m in enumerate(mentions) if m.label == "Person"}
    q = pos
    for _ in range(12):
        if q <= 0 or text[q - 1] != "、":
            return None
        q -= 1
        n = next((n for n in range(6, 1, -1) if q - n >= 0 and role_re.fullmatch(text, q - n, q)), None)
        prev = person_by_end.get(q - n) if n is not None else None
        if prev is None:
            return None
        q = mentions[prev].start
        org = org_by_end.get(q)
        if org is None and q > 0 and text[q - 1] in ")）":
            opening = max(text.rfind("(", max(0, q - 31), q - 1), text.rfind("（", max(0, q - 31), q - 1))
            org = org_by_end.get(opening) if opening > 0 else None
        if org is not None:
            return org
    return None


def _works_for(
    text: str,
    mentions: list[Mention],
    p: int,
    rels: list[Relation],
    ev: tuple[int, int],
    written: str = "",
    ctx: ReportContext | None = None,
    org_by_end: dict[int, int] | None = None,
) -> None:
    """ORG ROLE PERSON (with 、-chains of ORG ROLE) and PERSON(ORG ROLE)."""
    from ..rules import _people_tables

    role_re = _people_tables()[0]
    pm = mentions[p]
    pos = pm.start
    while pos > 0 and text[pos - 1] in " \u3000":
        pos -= 1
    if org_by_end is None:
        org_by_end = {m.end: i for i, m in enumerate(mentions) if m.label in ORG_LABELS}
    while True:
        # the longest role word ending at pos
        role = None
        for n in range(6, 1, -1):
            if pos - n >= 0 and role_re.fullmatch(text[pos - n:pos]):
                role = text[pos - n:pos]
                as_written = (written or text)[pos - n:pos]  # the qualifier keeps the report's form (副局長)
                break
        if role is None:
            org = org_by_end.get(pos)
            if org is None and pos > 0 and text[pos - 1] in ")）" and role_re.match(text, pm.end):
                # ORG（以下简称X）PERSON ROLE: the bracket stands between the body and the name
                opening = max(text.rfind("(", max(0, pos - 31), pos - 1), text.rfind("（", max(0, pos - 31), pos - 1))
                org = org_by_end.get(opening) if opening > 0 else None
            dept = None
            if org is None:
                # ORG 科技发展部 PERSON 处长: a department between the body and the name
                d = _dept_body(text, org_by_end, pos)
                if d is not None:
                    org, dept = org_by_end[d], (written or text)[d:pos]
            if org is not None and pm.rule == "person.table_cell.v1" and dept is None:
                rels.append(Relation(p, "worksFor", org, "works_for.org_person.v1", ev, {"role": None}))
            elif org is not None:
                # ORG PERSON ROLE: 关中理工大学雷振邦教授 (the post closes the name)
                after = next((n for n in range(6, 1, -1) if role_re.fullmatch(text, pm.end, pm.end + n)), None)
                if after is not None:
                    rels.append(Relation(p, "worksFor", org, "works_for.org_person_role.v1", ev, {"role": (dept or "") + (written or text)[pm.end:pm.end + after]}))
                elif dept is None and LISTED_PERSON_TAIL_RE.match(text, pm.end):
                    # 授予A公司、B学院王某同志…, C公司李某等…: a member of a list named
                    # with the body it comes from, no post written
                    rels.append(Relation(p, "worksFor", org, "works_for.org_person.v1", ev, {"role": None}))
            elif pos > 0 and text[pos - 1] == "、":
                # ORG P1 R1、P2 R2: a later name of a run of name-post items serves the run's body
                after = next((n for n in range(6, 1, -1) if role_re.fullmatch(text, pm.end, pm.end + n)), None)
                org = _name_post_run_body(text, mentions, pos, org_by_end, role_re) if after is not None else None
                if org is not None:
                    rels.append(Relation(p, "worksFor", org, "works_for.name_post_run.v1", ev, {"role": (written or text)[pm.end:pm.end + after]}))
            return
        # 董事长、总经理X / 董事长兼总经理X / 党委书记、局长X: posts chained before one name
        posts = [as_written]
        first = pos - len(role)
        while first > 1 and text[first - 1] in "、兼暨和":
            n = next((n for n in range(6, 1, -1) if first - 1 - n >= 0 and role_re.fullmatch(text[first - 1 - n:first - 1])), None)
            if n is None:
                break
            posts.insert(0, (written or text)[first - 1 - n:first - 1])
            first -= n + 1
        if len(posts) > 1 and any(normalise_name(x) in HEAD_OF for x in posts):
            # 市委副书记、市长X: the mayor heads the government, not the party committee
            posts, first = [as_written], pos - len(role)
        if len(posts) > 1:
            role = normalise_name(posts[0])  # the body is the one named before the first post

        def emit(org: int, rule: str) -> None:
            for post in posts:
                rels.append(Relation(p, "worksFor", org, rule, ev, {"role": post}))

        pos = first + len(role)
        org = org_by_end.get(pos - len(role))
        if org is None and len(posts) == 1 and len(role) == 2 and role[1] == "长":
            # 经济部长王美花, 公安局长X: the post shares its first character with the body's last
            fused = org_by_end.get(pos - 1)
            if fused is not None and mentions[fused].label == "GovernmentAgency" and mentions[fused].text[-1:] in (role[0], written[pos - 2:pos - 1] if written else role[0]):
                org = fused
        if org is None and len(role) > 3:
            # 信阳工业城党委书记(、主任)X: the body's name ends in the post's first word (党委), the post is the rest
            fused = org_by_end.get(pos - len(role) + 2)
            if fused is not None and mentions[fused].label == "GovernmentAgency" and mentions[fused].text.endswith(role[:2]) and role_re.fullmatch(role[2:]):
                org, role = fused, role[2:]
                posts = [posts[0][2:]] + posts[1:]
        if org is None:
            # ORG 标准专利中心 副主任 PERSON: the department stays in the role (ANNOTATION.md)
            d = _dept_body(text, org_by_end, first)
            if d is not None:
                org = org_by_end[d]
                posts = [(written or text)[d:first] + x for x in posts]
                emit_org = org
                for post in posts:
                    rels.append(Relation(p, "worksFor", emit_org, "works_for.org_dept_role_person.v1", ev, {"role": post}))
                return
        if org is None and pos - len(role) > 0 and text[pos - len(role) - 1] in ")）":
            # ORG（以下简称“X”）ROLE PERSON: the bracket stands between the body and the post
            close = pos - len(role) - 1
            opening = max(text.rfind("(", max(0, close - 30), close), text.rfind("（", max(0, close - 30), close))
            if opening > 0:
                org = org_by_end.get(opening)
        if org is None and role in COMPANY_ROLES:
            # 董事长X with no body before the post: the one firm its sentence names before it
            firms = [i for i, m in enumerate(mentions) if m.label == "Company" and ev[0] <= m.start and m.end <= pm.start]
            if len({normalise_name(mentions[i].attrs.get("alias_of") or mentions[i].text) for i in firms}) == 1:
                org = firms[-1]
                emit(org, "works_for.sentence_firm.v1")
                return
            if not firms and ctx is not None and ctx.last_org is not None and mentions[ctx.last_org].label == "Company" and not any(
                m.label in ORG_LABELS and ev[0] <= m.start < ev[1] for m in mentions
            ):
                # …这家企业…。总经理孙海燕说: the firm the text has just been about
                emit(ctx.last_org, "works_for.topic_firm.v1")
                return
        if org is None:
            org = _implied_org(text, mentions, role, ev, rels)
            if org is None:
                return
            emit(org, "works_for.implied_body.v1")
            pos -= len(role)
            if pos > 0 and text[pos - 1] in "、":
                pos -= 1
                continue
            return
        emit(org, "works_for.org_role_person.v1")
        pos = mentions[org].start
        if pos > 0 and text[pos - 1] in "、":
            pos -= 1
            continue
        if pos > 2 and text[pos - 1] in ",，" and any(role_re.fullmatch(text[pos - 1 - n:pos - 1]) for n in range(2, 7) if pos - 1 - n >= 0):
            pos -= 1  # 市场监管总局党组成员、副局长,国家标准委主任X: the posts of both bodies are X's
            continue
        return


#: a department of a body, between the body's name and a post or a name (科技发展部, 标准专利中心, 地方部)
DEPT_RE = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:部|司|处|處|科|室|中心|办公室|分会|事业部|局|厅|廳)")


def _dept_body(text: str, org_by_end: dict[int, int], pos: int) -> int | None:
    """The end of the body whose department ends at ``pos`` (中国纺织工业协会|科技发展部|), if one."""
    for start in range(pos - 2, max(-1, pos - 11), -1):
        if start in org_by_end and DEPT_RE.fullmatch(text, start, pos):
            return start
    return None


#: PERSON是ORG ROLE / PERSON系ORG ROLE / PERSON现任ORG ROLE, the post closing its clause
#: a profile's clause that states the person's post: ，现任ORG ROLE / ，任ORG ROLE
PROFILE_POST_RE = re.compile(r"[，,]\s*(?:现任|现为|现任职于|任|担任)\s*")


_IS_POST_RE = re.compile(r"\s*(?:先生|女士|同志|博士)?\s*(?:(?:自|从|于)\s*[0-9]{4}\s*年(?:[0-9]{1,2}月)?\s*(?:起|开始)?\s*)?(?:同时|还|兼|并|现|曾经|曾|已|先后|目前|一直)?(?:是|系|为|现任|任|担任|兼任)\s*")  # 馮永業先生是…


def _post_held_by(text: str, mentions: list[Mention], p: int, rels: list[Relation], ev: tuple[int, int], written: str) -> None:
    """X，主任由Y公司副总经理PERSON兼任: the person holds the post in X, the sentence's subject."""
    from ..rules import _people_tables

    pm = mentions[p]
    if not re.match(r"(?:兼任|担任|出任)", text[pm.end:pm.end + 2]):
        return
    cs = _clause_start(text, ev[0], pm.start)
    held = re.match(r"\s*(?P<role>[\u4e00-\u9fff]{2,6}?)由", text[cs:pm.start])
    if held is None or not _people_tables()[0].fullmatch(held.group("role")):
        return
    subject = next((i for i, m in enumerate(mentions) if ev[0] <= m.start and m.end <= cs and m.label in ("Company", "Institution", "GovernmentAgency", "StandardsBody")
                    and not re.match(r"\s*建设的|\s*的", text[m.end:m.end + 4])), None)
    if subject is not None:
        rels.append(Relation(p, "worksFor", subject, "works_for.post_held_by.v1", ev, {"role": written[cs + held.start("role"):cs + held.end("role")]}))


def _is_post_of(text: str, mentions: list[Mention], p: int, rels: list[Relation], ev: tuple[int, int], written: str) -> None:
    """PERSON是ORG ROLE (邬建华是江西信江光伏科技有限公司首席质量官) and PERSON（ORG ROLE）: the
    person holds the post."""
    from ..rules import _people_tables

    pm = mentions[p]
    # PERSON（ORG ROLE）; PERSON，ORG ROLE， (an apposition: the post closes its clause, checked below)
    verb = _IS_POST_RE.match(text, pm.end) or re.compile(r"[（(]|\s*[，,]\s*").match(text, pm.end)
    if verb is None:
        return
    apposition = verb.group(0).strip() in ("，", ",")
    if apposition:
        from ..rules import _people_tables as _tables

        if any(_tables()[0].fullmatch(text, pm.start - n, pm.start) for n in range(2, 7) if pm.start - n >= 0):
            return  # 总裁秦兴才，市委常委、…: a post before the name is the name's; what follows is another's
        # 张建国，男，汉族，…，现任ORG ROLE: a profile's later clause names the post of the
        # person who opens the sentence (no other person between)
        sentence_end = min([k for k in (text.find(c, verb.end()) for c in "。；;\n") if k >= 0] or [len(text)])
        later = PROFILE_POST_RE.search(text, verb.end(), sentence_end)
        opens = pm.start == 0 or text[pm.start - 1] in "。；;\n：:" or text[pm.start - 1].isspace()
        if later and opens and not any(m.label == "Person" and pm.end <= m.start < later.start() for m in mentions):
            verb = later
    org = next((i for i, m in enumerate(mentions) if m.start == verb.end() and m.label in ORG_LABELS), None)
    if org is None:
        return
    at = mentions[org].end
    if text.startswith("的", at) and verb.group(0).strip() and not verb.group(0).strip().startswith(("(", "（")):
        at += 1  # PERSON是ORG的ROLE: 李红是嘉禾公司的总工程师
    ends = "，,。；;\n" if apposition else "，,。；;、）)\n"  # an apposition's post closes its clause, no list goes on
    role = next(
        (n for n in range(6, 1, -1) if _people_tables()[0].fullmatch(text, at, at + n) and (at + n >= len(text) or text[at + n] in ends)),
        None,
    )
    if role is not None:
        rels.append(Relation(p, "worksFor", org, "works_for.person_is_post.v1", ev, {"role": written[at:at + role]}))


#: posts held in a firm, and posts that head a body (市长 -> 市政府): the kind column of roles.tsv
COMPANY_ROLES = frozenset(row[0] for row in role_rows() if len(row) > 1 and row[1] == "company")


HEAD_OF = {row[0]: row[2] for row in role_rows() if len(row) > 2 and row[1] == "heads" and row[2]}


def _implied_org(text: str, mentions: list[Mention], role: str, ev: tuple[int, int], rels: list[Relation]) -> int | None:
    """The body a post implies when none is written before it: 市长 heads the 市政府 the report
    names; 副局长 right after a 局长 of a named body in the same sentence serves the same body."""
    body = HEAD_OF.get(role)
    if body:
        for i, m in enumerate(mentions):
            # 省政府 is also written 省人民政府
            name = text[m.start:m.end].replace("人民政府", "政府")
            if m.label == "GovernmentAgency" and (name.endswith(body) or body.endswith("政府") and name.endswith(body[:-2] + "府")):
                return i  # (市府, 縣府: a Taiwan government by its short form)
        return None
    for r in reversed(rels):
        if r.predicate == "worksFor" and r.evidence == ev and isinstance(r.object, int):
            prev_role = normalise_name(r.qualifiers.get("role") or "")  # written form -> Simplified
            if role.startswith("副") and prev_role == role[1:]:
                return r.object
            break
    return None


def find(inp: RelationInput) -> list[Relation]:
    text, mentions, written = inp.sh, inp.mentions, inp.text
    rels: list[Relation] = []
    walk = Walk(text, mentions, inp.shared)
    ctx = walk.ctx

    org_by_end = {m.end: i for i, m in enumerate(mentions) if m.label in ORG_LABELS}
    for s0, s1, idx, sent, ev, orgs in walk:
        # -- worksFor: [ORG][ROLE] PERSON, chained with 、 -------------------------------
        for i in idx:
            m = mentions[i]
            if m.label != "Person":
                continue
            _works_for(text, mentions, i, rels, ev, written, ctx, org_by_end)
            _is_post_of(text, mentions, i, rels, ev, written)
            _post_held_by(text, mentions, i, rels, ev, written)

    return rels
