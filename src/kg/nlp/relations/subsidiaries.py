"""subsidiaryOf in one sentence: a parent and its unit (family ``subsidiaries``).

Owns 依托X建设的Y, X旗下Y (and the list after it), 作为X的子公司，Y, Y隶属于X, Y是X的全资子公司, X旗下拥有A、B等N家子公司, X收购Y,
Y系X投资设立, X(投资)成立Y, Y的母公司X, Y由X控股 and X持有Y 100%股权, and 集团/公司 meaning the firm the report is about. Must not: read a parent from a
name alone (X新疆公司 is not thereby X's), or give a joint venture one parent (ANNOTATION.md).
"""

from __future__ import annotations

import re

from ..rules import _segment_start, Mention, ORG_LABELS
from .base import register, Relation, RelationInput
from .context import _clause_end, COORD_RE, SUBSIDIARY_AFTER_PARENT_RE, sentence_subject, Walk

#: run_families drops this family's readings inside clauses a precise family claimed
LOOSE = True
register("subsidiaries", {
    "subsidiary.acquired.v1": ("subsidiaryOf", "X收购Y: Y is X's"),
    "subsidiary.as_child.v1": ("subsidiaryOf", "作为X的全资子公司，Y…: Y is X's"),
    "subsidiary.bare_child.v1": ("subsidiaryOf", "公司是X的全资附属公司 (after ORG ROLE PERSON表示，): the sentence's firm is the child"),
    "subsidiary.branch_set_up.v1": ("subsidiaryOf", "集团在P设立了Y: the firm the text is about set Y up"),
    "subsidiary.bracket_parent.v1": ("subsidiaryOf", "Y（X子公司）, Y(X集团成员): a bracket after a firm names its parent"),
    "subsidiary.built_on.v1": ("subsidiaryOf", "Y依托X建设: Y is X's"),
    "subsidiary.and_its.v1": ("subsidiaryOf", "X及其下属企业Y / X与其子公司Y: Y is X's"),
    "subsidiary.appositive.v1": ("subsidiaryOf", "Y，X控股子公司，…: an appositive clause after a firm names its parent"),
    "subsidiary.holds_list.v1": ("subsidiaryOf", "X旗下拥有A、B 2家控股子公司: each listed firm is X's"),
    "subsidiary.host_unit.v1": ("subsidiaryOf", "X承担/承建的Y, Y的依托单位X: a base, laboratory or centre and the unit that hosts it"),
    "subsidiary.is_child_of.v1": ("subsidiaryOf", "Y是总部位于浙江省嘉兴市的X的全资子公司: a modifier ending in 的 before the parent"),
    "subsidiary.later_clause.v1": ("subsidiaryOf", "X坐落在P，是Y的全资子公司 / X依托Y建设: a later clause of X's segment names its parent"),
    "subsidiary.lishu.v1": ("subsidiaryOf", "Y隶属于X / Y隶属X集团: a firm or institution under another organisation"),
    "subsidiary.of_bare_group.v1": ("subsidiaryOf", "集团于2021年收购Y / 集团在合肥设立的Y: the group the report is about"),
    "subsidiary.of_topic_firm.v1": ("subsidiaryOf", "Y是集团/公司的子公司: the firm the text is about"),
    "subsidiary.qixia.v1": ("subsidiaryOf", "X旗下(的)Y / X下属Y: Y is X's"),
    "subsidiary.set_up_by.v1": ("subsidiaryOf", "Y系X投资设立: Y is X's"),
    "subsidiary.yituo.v1": ("subsidiaryOf", "依托X建设的Y / 由X成立的Y: Y is X's"),
    "subsidiary.sets_up.v1": ("subsidiaryOf", "X(投资)成立/设立(了)Y: the firm or institution X set Y up (no joint venture)"),
    "subsidiary.parent_named.v1": ("subsidiaryOf", "Y的母公司(为)X / Y的控股股东为X: the parent named after its unit"),
    "subsidiary.majority_held.v1": ("subsidiaryOf", "Y由X(100%)控股 / X持有Y 100%股权: a majority holding"),
})


#: X于2021年收购Y / Y系X投资设立 / Y由X出资组建: Y belongs to X
#: a sentence that opens on a bare 集团 (the group the report is about)
BARE_GROUP_RE = re.compile(r"\s*[“\"]?(?:集团|该集团|集团公司)(?![\u4e00-\u9fff]{0,6}(?:有限|股份))")


#: 集团在合肥设立的Y
SET_UP_IN_RE = re.compile(r"\s*在[\u4e00-\u9fff]{2,10}?(?:投资)?(?:设立|组建|成立|建设)的")


ACQUIRED_RE = re.compile(r"\s*(?:(?:于[0-9]{4}年(?:[0-9]{1,2}月)?|已|先后|成功|以[0-9.]+\s*[亿万]*(?:美)?元)\s*)*(?:全资|整体)?(?:收购|并购|兼并|控股)(?:了)?")


#: Y被X收购 / Y并入X: Y is X's after it
ACQUIRED_BY_RE = re.compile(r"\s*(?:(?:于[0-9]{4}年|已)\s*)?(?:被|由)")
ACQUIRED_BY_TAIL_RE = re.compile(r"\s*(?:全资|整体)?(?:收购|并购|兼并)")
MERGED_INTO_RE = re.compile(r"\s*(?:(?:于[0-9]{4}年|已)\s*)?(?:整体)?并入")


SET_UP_BY_RE = re.compile(r"\s*(?:系|是|为|由)\s*")


#: X(于2010年)(投资|出资)成立/设立(了)Y: X set its unit Y up
SETS_UP_RE = re.compile(r"\s*(?:于[0-9]{4}年(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?)?\s*(?:投资|出资|全资|独资)?(?:成立|设立|组建|创办|创建|注册成立)了?\s*")


#: Y的母公司(为)X, Y母公司為X, Y的控股股东为X: the parent named after its unit
PARENT_NAMED_RE = re.compile(r"\s*(?:的|之)?(?:母公司|控股股东|控股股東|控股公司)\s*(?:为|是|系|：|:)?\s*")


#: Y由X(100%)控股: a unit held by its parent
HELD_BY_RE = re.compile(r"\s*(?:由|被)\s*")
HELD_TAIL_RE = re.compile(r"\s*(?:100\s*%|百分之百|全资|绝对)?\s*控股(?!的)")


#: X持有Y 100%股权 (a majority: more than half): the holder is the parent
HOLDS_SHARE_RE = re.compile(r"\s*(?:持有|拥有|持股)\s*")
SHARE_TAIL_RE = re.compile(r"\s*(?:100|5[1-9]|[6-9][0-9])(?:\.[0-9]+)?\s*%\s*(?:的)?\s*(?:股权|股份)")


#: a co-founder before the founder (A与X成立Y, A、X共同出资设立Y): a joint venture, which gets no parent
JOINT_BEFORE_RE = re.compile(r"(?:与|和|同|及|、|联合|携手)\s*$")


SET_UP_TAIL_RE = re.compile(r"\s*(?:投资|出资|全资|注册|发起)?(?:设立|组建|创办|成立)")


#: the tie after a parent named in a bracket after its unit: Y（X全资子公司）, Y(X集团成员)
BRACKET_TIE_RE = re.compile(r"\s*的?\s*(?:(?:全资|控股|旗下|下属|附属|直属|所属)(?:的)?(?:子公司|孙公司|企业|单位|机构|公司)|子公司|孙公司|附属公司|分公司|成员企业|成员单位|成员)\s*[)）]")


#: X旗下拥有A、B 2家控股子公司: the listed firms are X's
HOLDS_RE = re.compile(r"\s*(?:旗下|目前|现)?(?:拥有|共有|现有|下辖|包括)")


HOLDS_TAIL_RE = re.compile(r"\s*(?:等)?\s*(?:[0-9一二三四五六七八九十两]+\s*[家个])?\s*(?:全资|控股)?(?:子公司|孙公司|成员企业|下属企业|企业)")


SUBSIDIARY_IS_RE = re.compile(r"(?:[(（][^)）]{0,20}[)）])?[，,]?(?:现|目前|已|现已)?(?:是|为|系|作为|成为)")


SUBSIDIARY_TAIL_RE = re.compile(r"(?:的|之)?(?:(?:100|[1-9][0-9](?:\.[0-9]+)?)\s*[%％]\s*)?(?:持股|控股)?(?:的|之)?(?:全资|控股)?(?:(?:100\s*%|百分之百)持股(?:的|之)?)?(?:[二三]级子公司|子公司|孙公司|附属公司|分公司|下属企业|下属单位|二级单位|控股企业|成员企业|所属企业|所属单位|分支机构|附属机构|直属(?:的)?(?:科研|事业|公益[一二]类)?(?:事业)?(?:单位|企业|研究机构|科研机构|机构|研究院|研究所|高校|院校|医院)|(?:下属|所属)(?:的)?(?:[\u4e00-\u9fff]{1,6}?)?(?:机构|单位|企业|研究院|研究所|公司))|(?:的|之)?附属(?:第[一二三四五六七八九十]+)?(?:医院|学院|学校|中学|小学|机构|单位)|旗下(?:的)?(?:全资|控股)?(?:物业|企业|公司|酒店|品牌|成员|子公司)")


SUBSIDIARY_LEAD_RE = re.compile(r"(?:(?:集团|公司|企业|其)(?:的)?)?(?:旗下|下属|所属)(?:的)?|(?:全资|控股)(?:子公司|附属公司)|(?:^|[，,；;：:、])(?:旗下|下属)(?:的)?")


SUBSIDIARY_OF_TOPIC_RE = re.compile(r"(?:是|为|系)(?:集团|公司|该集团|该公司)的(?:二级单位|下属单位|下属企业|全资子公司|控股子公司|子公司|分公司|成员企业)")


UNDER_AFTER_CLAUSE_RE = re.compile(r"[，,]\s*(?:隶属于|隶属|归属于)")


BRANCH_SET_UP_RE = re.compile(r"(?:集团|公司|该集团|该公司)(?:还|已|先后)?(?:在[^，,。；;]{2,8})?(?:设立|成立|组建|注册)了?")


#: 作为X|的全资子公司，|Y: what follows the parent before its unit opens the next clause
AS_CHILD_TAIL_RE = re.compile(r"\s*的\s*(?:全资|控股)?(?:子公司|孙公司|下属企业|下属单位|成员企业|分公司|二级单位)\s*[，,]\s*(?:其|旗下)?")


LIST_SEP_RE = re.compile(r"\s*(?:、|和|及|以及|与)\s*")


UNDER_RE = re.compile(r"(?:隶属于|隶属|归属于|挂靠)")


BARE_CHILD_RE = re.compile(r"(?:^|(?<=[，,：:“\"]))(?:公司|企业|该公司|本公司|我们)(?:现在|目前|现)?(?:是|为|系)")


#: …，是Y的全资子公司: a clause with no subject of its own that names a parent
LATER_CLAUSE_IS_RE = re.compile(r"[，,]\s*(?:现|目前|也|还|同时)?(?:是|为|系)")


#: Y，X控股子公司，: the tie closes an appositive clause (a comma or a stop follows it)
APPOSITIVE_TIE_RE = re.compile(r"\s*的?\s*(?:全资|控股)?(?:子公司|孙公司|下属企业|旗下企业|成员企业|直属单位|下属单位)\s*(?=[，,。；;])")


#: X及其下属企业Y / X与其全资子公司Y: the firm named right after is X's
AND_ITS_RE = re.compile(r"\s*(?:及|与|和|以及|及其|连同)其?(?:全资|控股)?(?:子公司|孙公司|下属企业|下属单位|旗下企业|成员企业|所属企业)\s*")


#: X(牵头)承担/承建的Y: the unit that hosts a base, laboratory or centre
HOSTED_BY_RE = re.compile(r"\s*(?:(?:牵头|负责)?(?:承担|承建|依托建设|组建)|(?:牵头|负责)(?:建设|筹建))的\s*")


#: Y的依托单位(为)X / Y承担单位X
HOST_UNIT_RE = re.compile(r"\s*(?:的|[（(])?(?:依托|承担|承建|建设|牵头)单位\s*(?:为|是|：|:)?\s*")


HOSTED_KIND_RE = re.compile(r"(?:基地|实验室|中心|研究院|研究所|平台)(?:[(（][^()（）]{1,12}[)）])?$")


#: laboratories and research centres, which a body hosts (承建) rather than builds
LAB_RE = re.compile(r"(?:实验室|研究中心|创新中心|工程中心|技术中心)(?:[(（][^()（）]{1,12}[)）])?$")


#: X依托Y建设: X was set up on Y (a body's institute, a firm's lab)
BUILT_ON_RE = re.compile(r"\s*依托(?:于)?")


def _group_referent(mentions: list[Mention], before: int) -> int | None:
    """The group a bare 集团 means: the last company named before ``before`` whose name (or the
    name it shortens) has 集团 in it."""
    for k in range(len(mentions) - 1, -1, -1):
        m = mentions[k]
        if m.end <= before and m.label == "Company" and "集团" in (m.attrs.get("alias_of") or m.text):
            return k
    return None


def find(inp: RelationInput) -> list[Relation]:
    text, mentions = inp.sh, inp.mentions
    rels: list[Relation] = []
    walk = Walk(text, mentions, inp.shared)
    ctx = walk.ctx

    for s0, s1, idx, sent, ev, orgs in walk:
        subj0 = sentence_subject(text, mentions, idx, s0)  # the sentence's organisation or park
        # -- subsidiaryOf: 依托X建设的Y, X旗下的Y ------------------------------------------
        for mm in re.finditer(r"依托|由", sent):
            p0 = s0 + mm.end()
            parent = next((i for i in idx if mentions[i].start == p0 and mentions[i].label in ORG_LABELS), None)
            if parent is None:
                continue
            tail = re.match(r"[^，,。；;]{0,12}?(?:建设|筹建|组建|打造|建立|成立|设立|创办|创建)(?:的)?", text[mentions[parent].end:s1])
            if tail is None and mm.group(0) == "依托" and text.startswith("的", mentions[parent].end):
                # 依托中南大学的…国家重点实验室: the host of a laboratory or centre
                child = next((i for i in idx if mentions[i].start == mentions[parent].end + 1 and mentions[i].label == "Institution" and HOSTED_KIND_RE.search(mentions[i].text)), None)
                if child is not None:
                    rels.append(Relation(child, "subsidiaryOf", parent, "subsidiary.yituo.v1", ev))
            if tail:
                q0 = mentions[parent].end + tail.end()
                child = next((i for i in idx if mentions[i].start == q0 and mentions[i].label in ORG_LABELS), None)
                if child is not None:
                    rels.append(Relation(child, "subsidiaryOf", parent, "subsidiary.yituo.v1", ev))
        # 作为X的全资子公司，Y…: the clause after the comma speaks of X's unit
        for mm in re.finditer(r"作为", sent):
            parent = next((i for i in orgs if mentions[i].start == s0 + mm.end()), None)
            tail = AS_CHILD_TAIL_RE.match(text, mentions[parent].end, s1) if parent is not None else None
            child = next((k for k in orgs if tail and mentions[k].start == tail.end()), None)
            if child is not None and child != parent:
                rels.append(Relation(child, "subsidiaryOf", parent, "subsidiary.as_child.v1", ev))
        for i in orgs:
            m = mentions[i]
            # Y（X子公司）, Y(X集团成员): the bracket right after a firm holds only its parent and the tie
            if text[m.end:m.end + 1] in "(（":
                parent = next((k for k in orgs if mentions[k].start == m.end + 1), None)
                tie = BRACKET_TIE_RE.match(text, mentions[parent].end, s1) if parent is not None else None
                if tie and m.label in ("Company", "Institution"):
                    rels.append(Relation(i, "subsidiaryOf", parent, "subsidiary.bracket_parent.v1", ev))
            nxt = SUBSIDIARY_AFTER_PARENT_RE.match(text, m.end, s1)
            if nxt:
                child = next((k for k in orgs if mentions[k].start == nxt.end()), None)
                while child is not None and child != i:
                    rels.append(Relation(child, "subsidiaryOf", i, "subsidiary.qixia.v1", ev))
                    # X旗下A、B和C: every firm of the list right after is X's
                    sep = LIST_SEP_RE.match(text, mentions[child].end, s1)
                    child = next((k for k in orgs if sep and mentions[k].start == sep.end()), None)
            # 集团下属的Y / 旗下Y / 全资子公司Y with no parent named: the firm the text is about
            lead = SUBSIDIARY_LEAD_RE.search(text, max(s0, m.start - 10), m.start)
            if lead and lead.end() == m.start and m.label in ("Company", "Institution"):
                # the firm its sentence opened on (…，X牵头起草了…，其控股子公司Y…), else the text's
                opener = next((k for k in orgs if mentions[k].label in ("Company", "Institution") and mentions[k].start - s0 < 30 and mentions[k].end <= lead.start()), None)
                parent = opener if opener is not None else ctx.last_org
                named_parent = any(
                    mentions[k].start < lead.start() + 1 <= mentions[k].end
                    or (mentions[k].end <= lead.start() and re.fullmatch(r"的?", text[mentions[k].end:lead.start()]))
                    for k in orgs if k != i
                )
                if parent is not None and parent != i and not named_parent:  # X的全资子公司Y: X is named
                    rels.append(Relation(i, "subsidiaryOf", parent, "subsidiary.of_topic_firm.v1", ev))
            branch = BRANCH_SET_UP_RE.search(text, max(s0, m.start - 16), m.start)
            if branch and branch.end() == m.start and ctx.last_org is not None and ctx.last_org != i and m.label == "Company":
                rels.append(Relation(i, "subsidiaryOf", ctx.last_org, "subsidiary.branch_set_up.v1", ev))
            part = SUBSIDIARY_OF_TOPIC_RE.match(text, m.end, s1)
            if part and ctx.last_org is not None and ctx.last_org != i and m.label in ("Company", "Institution"):
                rels.append(Relation(i, "subsidiaryOf", ctx.last_org, "subsidiary.of_topic_firm.v1", ev))
            # Y隶属于X / Y隶属X集团: a firm or institution under another organisation
            under = UNDER_RE.match(text, m.end, s1) or (UNDER_AFTER_CLAUSE_RE.match(text, _clause_end(text, m.end, s1)) if i == subj0 else None)
            if under:
                parent = next((k for k in orgs if mentions[k].start == under.end() and k != i), None)
                if parent is not None and mentions[i].label in ("Company", "Institution"):
                    rels.append(Relation(i, "subsidiaryOf", parent, "subsidiary.lishu.v1", ev))
            # 公司是X的全资附属公司 (after ORG ROLE PERSON表示，): the sentence's firm is the child
            bare = BARE_CHILD_RE.search(text, max(s0, m.start - 8), m.start)
            if bare and bare.end() == m.start and SUBSIDIARY_TAIL_RE.match(text, m.end, s1):
                child = next((k for k in orgs if mentions[k].end <= bare.start() and mentions[k].label in ("Company", "Institution") and k != i), None)
                if child is None and ctx.last_org is not None and ctx.last_org != i:
                    child = ctx.last_org
                if child is not None:
                    rels.append(Relation(child, "subsidiaryOf", i, "subsidiary.bare_child.v1", ev))
            # Y是X的全资子公司 / Y为X下属企业: the child first
            is_ = SUBSIDIARY_IS_RE.match(text, m.end, s1)
            if is_:
                parent = next((k for k in orgs if mentions[k].start == is_.end() and k != i), None)
                if parent is None:
                    # Y是总部位于浙江省嘉兴市的X的全资子公司: a modifier ending in 的 before the parent
                    parent = next(
                        (k for k in orgs if k != i and is_.end() < mentions[k].start <= is_.end() + 30
                         and re.fullmatch(r"[^，,。；;]*的", text[is_.end():mentions[k].start])
                         and SUBSIDIARY_TAIL_RE.match(text, mentions[k].end, s1)),
                        None,
                    )
                if parent is not None and SUBSIDIARY_TAIL_RE.match(text, mentions[parent].end, s1):
                    rels.append(Relation(i, "subsidiaryOf", parent, "subsidiary.is_child_of.v1", ev))

        bare = BARE_GROUP_RE.match(text, s0)
        if bare:
            # 集团于2021年收购Y / 集团在合肥设立的Y: the group the report is about
            group = _group_referent(mentions, s0)
            acq = ACQUIRED_RE.match(text, bare.end())
            set_up = SET_UP_IN_RE.match(text, bare.end())
            at = acq.end() if acq else (set_up.end() if set_up else None)
            child = next((k for k in orgs if at is not None and mentions[k].start == at and mentions[k].label in ("Company", "Institution")), None)
            if group is not None and child is not None and child != group:
                rels.append(Relation(child, "subsidiaryOf", group, "subsidiary.of_bare_group.v1", ev))
        for i in orgs:
            if mentions[i].label not in ("Company", "Institution"):
                continue
            by = ACQUIRED_BY_RE.match(text, mentions[i].end)
            if by:  # Y被X收购
                parent = next((k for k in orgs if mentions[k].start == by.end() and mentions[k].label in ("Company", "Institution") and k != i), None)
                if parent is not None and ACQUIRED_BY_TAIL_RE.match(text, mentions[parent].end):
                    rels.append(Relation(i, "subsidiaryOf", parent, "subsidiary.acquired.v1", ev))
            into = MERGED_INTO_RE.match(text, mentions[i].end)
            if into:  # Y并入X
                parent = next((k for k in orgs if mentions[k].start == into.end() and mentions[k].label in ("Company", "Institution") and k != i), None)
                if parent is not None:
                    rels.append(Relation(i, "subsidiaryOf", parent, "subsidiary.acquired.v1", ev))
            acq = ACQUIRED_RE.match(text, mentions[i].end)
            if acq:  # X于2021年收购Y
                child = next((k for k in orgs if mentions[k].start == acq.end() and mentions[k].label in ("Company", "Institution")), None)
                if child is not None and child != i:
                    rels.append(Relation(child, "subsidiaryOf", i, "subsidiary.acquired.v1", ev))
            named = PARENT_NAMED_RE.match(text, mentions[i].end, s1)
            if named:  # Y的母公司X / Y的控股股东为X
                parent = next((k for k in orgs if mentions[k].start == named.end() and k != i and mentions[k].label in ("Company", "Institution", "GovernmentAgency")), None)
                if parent is not None:
                    rels.append(Relation(i, "subsidiaryOf", parent, "subsidiary.parent_named.v1", ev))
            held = HELD_BY_RE.match(text, mentions[i].end, s1)
            if held:  # Y由X100%控股
                parent = next((k for k in orgs if mentions[k].start == held.end() and k != i), None)
                if parent is not None and HELD_TAIL_RE.match(text, mentions[parent].end, s1):
                    rels.append(Relation(i, "subsidiaryOf", parent, "subsidiary.majority_held.v1", ev))
            share = HOLDS_SHARE_RE.match(text, mentions[i].end, s1)
            if share:  # X持有Y 100%股权
                child = next((k for k in orgs if mentions[k].start == share.end() and k != i and mentions[k].label in ("Company", "Institution")), None)
                if child is not None and SHARE_TAIL_RE.match(text, mentions[child].end, s1):
                    rels.append(Relation(child, "subsidiaryOf", i, "subsidiary.majority_held.v1", ev))
            sets = SETS_UP_RE.match(text, mentions[i].end, s1)
            if sets and not JOINT_BEFORE_RE.search(text, max(s0, mentions[i].start - 4), mentions[i].start):
                # X(投资)成立了Y: X set Y up (A与X成立Y, a joint venture, has no one parent)
                child = next((k for k in orgs if mentions[k].start == sets.end() and mentions[k].label in ("Company", "Institution") and k != i), None)
                if child is not None:
                    rels.append(Relation(child, "subsidiaryOf", i, "subsidiary.sets_up.v1", ev))
            by = SET_UP_BY_RE.match(text, mentions[i].end)
            if by:  # Y系X投资设立 / Y由X出资组建
                parent = next((k for k in orgs if mentions[k].start == by.end() and k != i), None)
                if parent is not None and (SET_UP_TAIL_RE.match(text, mentions[parent].end) or (
                    LAB_RE.search(mentions[i].text) and re.match(r"\s*(?:承建|牵头(?:组建|建设))", text[mentions[parent].end:mentions[parent].end + 5])
                )):  # (实验室由中南大学承建: hosting a laboratory, not building a site)
                    rels.append(Relation(i, "subsidiaryOf", parent, "subsidiary.set_up_by.v1", ev))
        # X旗下拥有A、B 2家控股子公司: each listed firm is X's
        for i in orgs:
            hm = HOLDS_RE.match(text, mentions[i].end)
            if hm is None or mentions[i].label not in ("Company", "Institution"):
                continue
            stop = _clause_end(text, hm.end(), s1)
            members = [k for k in orgs if hm.end() <= mentions[k].start < stop and mentions[k].label in ("Company", "Institution")]
            if members and HOLDS_TAIL_RE.match(text, mentions[members[-1]].end) and all(
                COORD_RE.fullmatch(text, mentions[a].end, mentions[b].start) for a, b in zip(members, members[1:])
            ):
                for k in members:
                    rels.append(Relation(k, "subsidiaryOf", i, "subsidiary.holds_list.v1", ev))
        for i in orgs:
            m = mentions[i]
            # Y，X控股子公司，: an appositive clause after a firm names its parent
            if m.label in ("Company", "Institution") and text[m.end:m.end + 1] in "，,":
                parent = next((k for k in orgs if mentions[k].start == m.end + 1 and k != i), None)
                if parent is not None and APPOSITIVE_TIE_RE.match(text, mentions[parent].end, s1):
                    rels.append(Relation(i, "subsidiaryOf", parent, "subsidiary.appositive.v1", ev))
            # X及其下属企业Y
            its = AND_ITS_RE.match(text, m.end, s1) if m.label in ORG_LABELS else None
            if its:
                child = next((k for k in orgs if mentions[k].start == its.end() and k != i and mentions[k].label in ("Company", "Institution")), None)
                if child is not None:
                    rels.append(Relation(child, "subsidiaryOf", i, "subsidiary.and_its.v1", ev))
            # X承担的Y (a base, a laboratory): Y is X's
            hosted = HOSTED_BY_RE.match(text, m.end, s1) if m.label in ORG_LABELS else None
            if hosted:
                child = next((k for k in orgs if mentions[k].start == hosted.end() and k != i and mentions[k].label == "Institution"), None)
                if child is not None and HOSTED_KIND_RE.search(mentions[child].text):
                    rels.append(Relation(child, "subsidiaryOf", i, "subsidiary.host_unit.v1", ev))
            # Y的依托单位为X
            host = HOST_UNIT_RE.match(text, m.end, s1) if m.label == "Institution" and HOSTED_KIND_RE.search(m.text) else None
            if host:
                parent = next((k for k in orgs if mentions[k].start == host.end() and k != i), None)
                if parent is not None:
                    rels.append(Relation(i, "subsidiaryOf", parent, "subsidiary.host_unit.v1", ev))
        # X坐落在P，是Y的全资子公司 / X依托Y建设: a later clause of X's segment names its parent
        for cm in LATER_CLAUSE_IS_RE.finditer(text, s0, s1):
            seg0 = max(s0, _segment_start(text, cm.start(), "；;：:。", window=200) + 1)  # X's segment
            child = next((k for k in orgs if seg0 <= mentions[k].start < cm.start() and mentions[k].label in ("Company", "Institution")), None)
            parent = next((k for k in orgs if cm.end() <= mentions[k].start < cm.end() + 30 and k != child
                           and re.fullmatch(r"(?:[^，,。；;]*的)?", text[cm.end():mentions[k].start]) and SUBSIDIARY_TAIL_RE.match(text, mentions[k].end, s1)), None)
            if child is not None and parent is not None and not any(r.subject == child and r.predicate == "subsidiaryOf" for r in rels):
                rels.append(Relation(child, "subsidiaryOf", parent, "subsidiary.later_clause.v1", ev))
        for i in orgs:
            dm = BUILT_ON_RE.match(text, mentions[i].end)
            if dm and mentions[i].label in ("Company", "Institution"):
                parent = next((k for k in orgs if mentions[k].start == dm.end() and k != i), None)
                if parent is not None and (re.match(r"\s*(?:建设|组建|设立)(?!的)", text[mentions[parent].end:mentions[parent].end + 3]) or (
                    HOSTED_KIND_RE.search(mentions[i].text) and re.match(r"\s*(?:[，,。；;]|$)", text[mentions[parent].end:mentions[parent].end + 2])
                )):  # (实验室依托中南大学，…: a laboratory's host at the clause's end)
                    rels.append(Relation(i, "subsidiaryOf", parent, "subsidiary.built_on.v1", ev))

    return rels
