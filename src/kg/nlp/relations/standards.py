"""Standards in one sentence (family ``standards``): secretariatOf, contributedToStandard,
appliesStandard and standardsCount.

Owns X承担/是 TC 秘书处 (and 国内技术对口单位), X起草/制定/参与 S (with partners: X还与Y联合起草了S),
X实施/采用 S, and counts per level (国家标准51项, 主导制定国际标准3项) for the sentence's subject
or the topic the sentence before left. Must not: count a combined tally (国家标准和行业标准共N项).
"""

from __future__ import annotations

import re

from ...text import to_int
from ..rules import Mention
from .base import register, Relation, RelationInput
from .context import (
    _clause_year,
    _has,
    _is_granter,
    ANAPHOR_RE,
    COUNT_RE,
    ORG_ANAPHOR_RE,
    ReportContext,
    SUBSIDIARY_AFTER_PARENT_RE,
    triggers,
    Walk,
)

#: run_families drops this family's readings inside clauses a precise family claimed
LOOSE = True
register("standards", {
    "count.level_items.v1": ("standardsCount", "N项国家标准 / 国际标准N项: the sentence's subject (else the topic) counted per level"),
    "secretariat.host.v1": ("secretariatOf", "X承担IEC/TC 2（…）国内技术对口单位工作; X…，同时是ISO/TC 79/SC 11的国内技术对口单位; 由X承担秘书处的S; X…作为S秘书处所在单位"),
    "secretariat.counterpart_role.v1": ("secretariatOf", "X作为国内技术对口单位 with the one standards body its sentence names (…承办的第108届IEC/TC 61全体大会)"),
    "standard.applies.v1": ("appliesStandard", "X实施/采用/通过 S: the organisation applies the standard"),
    "standard.contributes.v1": ("contributedToStandard", "X起草/制定/主导 S (X还与Y联合起草了S): the organisations drafted the standard"),
    "standard.drafted_by.v1": ("contributedToStandard", "S由A、B等单位起草/制定, 该标准由X主导制订, S的起草单位为A、B (the standard first, its drafters after 由 or a word naming them)"),
    "standard.enterprise_code.v1": ("contributedToStandard", "X公司Q/XXX 001-2021…: a firm and the enterprise standard (Q/…) written right after it"),
    "standard.enterprise_code_applied.v1": ("appliesStandard", "X公司Q/XXX 001-2021…: the firm applies its own enterprise standard, too"),
})


LEVELS = {"国际": "international", "国家": "national", "行业": "industry", "团体": "group", "地方": "local", "企业": "enterprise"}


AGENT_OF_MODIFIER_RE = re.compile(r"(?:牵头)?(?:组建|建设|成立|设立|投资|打造)的")


#: …与Y（以下简称Z）共同主导制定: Y is a partner of the sentence's subject
PARTNER_VERB_RE = re.compile(r"(?:[(（][^()（）]{1,20}[)）])?\s*(?:联合|共同|合作|一起|一道)")


SELF_RE = re.compile(r"我们|我公司|本公司|该公司|公司(?:累计|已|先后|共|还)")


#: a sentence that opens on a bare 公司/企业 speaks of the firm the text is about (公司执行GB/T…)
BARE_ORG_START_RE = re.compile(r"\s*[“\"]?(?:公司|企业|集团)(?![\u4e00-\u9fff]{0,6}(?:有限|股份))")


#: 该标准 / 该项国际标准: the standard named last
STANDARD_ANAPHOR_RE = re.compile(r"(?:该|此|这)(?:项|个|一)?(?:国际|国家|行业|团体|地方|企业)?标准(?=\s*(?:主要|是|系)?\s*由)")
#: S由A、B等单位起草: 由 after the standard opens its drafters; the verb closes them
DRAFTED_BY_RE = re.compile(r"\s*(?:标准)?\s*(?:主要)?\s*(?:是|系)?\s*由\s*")
#: S的起草单位为A、B / S主要起草单位：A、B: the drafters listed after a word naming them
DRAFTERS_ARE_RE = re.compile(r"\s*(?:的)?\s*(?:主要)?\s*(?:起草|编制|制定|参编|参与起草|牵头起草)单位\s*(?:为|是|有|包括|：|:)\s*")
DRAFTERS_END_RE = re.compile(r"\s*(?:等\s*[0-9一二三四五六七八九十两]*\s*(?:家|个)?\s*(?:单位|企业|机构)?)?\s*(?:[，,。；;]|$)")
DRAFTED_TAIL_RE = re.compile(r"\s*(?:等\s*[0-9一二三四五六七八九十两]*\s*(?:家|个)?\s*(?:单位|企业|机构)?)?\s*(?:共同|联合|牵头|主导|参与|负责|为主)*\s*(?:起草|制定|制订|编制|修订|制修订|研制|提出并起草)")


OTHER_BODY_ANAPHOR_RE = re.compile(r"该(?:委员会|技术委员会|标委会|分委会|协会|联盟|组织)")


#: what follows the body a reporter heard from (从X标准处获悉 / 从X了解到)
SOURCE_AFTER_RE = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:获悉|了解到|得知|获知)")
#: 由 (with 我校/我院/我公司 between) right before a unit: the sentence's agent
AGENT_BEFORE_RE = re.compile(r"由\s*(?:我校|我院|我所|我公司|该校|该院)?\s*$")


def _count_subject(text: str, mentions: list[Mention], idx: list[int], pos: int, s0: int, ctx: ReportContext, topic: int | None) -> int | None:
    cands = [
        i for i in idx
        if mentions[i].end <= pos and mentions[i].label in ("Company", "Institution", "Park", "Place")
        # a place counts only as the subject, or as the home of the firms that made them (由洛阳企业牵头制定的7项)
        and (mentions[i].label != "Place" or mentions[i].start - s0 <= 12 or text.startswith("企业", mentions[i].end))
    ]
    cands = [i for i in cands if not _is_granter(text, mentions, i)]  # 香港品质保证局颁发的…证书
    if not cands and ctx.last_org is not None and SELF_RE.search(text, s0, pos):
        return ctx.last_org  # 公司总工程师说：“我们累计主导制定国际标准2项…”
    if OTHER_BODY_ANAPHOR_RE.search(text, max([s0] + [mentions[i].end for i in cands]), pos):
        return None  # 该委员会…归口管理国家标准28项: the committee's count, no firm's or place's
    an = list(ANAPHOR_RE.finditer(text, s0, pos))
    if an and (not cands or an[-1].start() > mentions[cands[-1]].start):
        return ctx.resolve(an[-1].group(0))
    if cands:
        return cands[-1]
    return topic


def find(inp: RelationInput) -> list[Relation]:
    text, mentions = inp.sh, inp.mentions
    rels: list[Relation] = []
    walk = Walk(text, mentions, inp.shared)
    ctx = walk.ctx
    trig = triggers()
    for s0, s1, idx, sent, ev, orgs in walk:
        # -- X公司Q/XXX-2021: a firm's own enterprise standard, written right after it
        for j, i in enumerate(idx):
            m = mentions[i]
            if m.label not in ("Company", "Institution", "GovernmentAgency"):
                continue
            nxt = next((k for k in idx[j + 1:] if mentions[k].start >= m.end), None)
            if nxt is None or mentions[nxt].label != "Standard":
                continue
            st = mentions[nxt]
            if m.label == "Company" and re.fullmatch(r"\s*", text[m.end:st.start]) and text[st.start:st.start + 2].upper() == "Q/":
                rels.append(Relation(i, "contributedToStandard", nxt, "standard.enterprise_code.v1", ev))
                rels.append(Relation(i, "appliesStandard", nxt, "standard.enterprise_code_applied.v1", ev))
        # -- secretariatOf ---------------------------------------------------------------
        bodies = [i for i in idx if mentions[i].label == "StandardsBody"]
        for b in bodies:
            bm = mentions[b]
            # skip a bracket after the body (its code or name: …委员会（SAC/TC 611）秘书处设在…)
            skip = re.match(r"\)|）|[(（][^()（）]{1,30}[)）]", text[bm.end:s1])
            after_start = bm.end + (skip.end() if skip else 0)
            after = text[after_start:s1]
            before = text[s0:bm.start]
            host = None
            counterpart = re.match(r"(?:的)?(?:国内|中国)?(?:唯一)?(?:技术)?(?:牵头单位|对口单位|归口单位)", after)
            if counterpart and before.rstrip().endswith("作为"):
                host = next((i for i in orgs if mentions[i].start >= bm.end and mentions[i].label != "StandardsBody"), None)
            elif counterpart and re.search(r"(?:承担|承接)[^，,。；;]{0,4}$|(?:是|为|系)\s*$", before):
                # X承担IEC/TC 2（…）国内技术对口单位工作; X…，同时是ISO/TC 79/SC 11的国内技术对口单位
                hosts = [i for i in orgs if mentions[i].end <= bm.start and mentions[i].label != "StandardsBody"]
                host = hosts[-1] if hosts else None
            elif re.match(r"(?:的)?秘书处", after) or bm.text.endswith("秘书处"):
                hosts = [i for i in orgs if mentions[i].end <= bm.start and mentions[i].label != "StandardsBody"]
                if _has(before, trig["secretariat"]):
                    host = hosts[-1] if hosts else walk.last_topic
                m2 = re.match(r"(?:的)?秘书处(?:也|还|亦|则|现)?(?:设在|设于|落户|挂靠在?|承担单位为|由)", after)
                if m2:
                    host = next((i for i in orgs if mentions[i].start >= after_start + m2.end() and mentions[i].label != "StandardsBody"), None)
            if host is None and re.match(r"(?:的)?秘书处(?:所在|承担|挂靠)单位", after) and before.rstrip().endswith("作为"):
                # X副院长Y谈到，…作为S秘书处所在单位: the sentence's organisation
                hosts = [i for i in orgs if mentions[i].end <= bm.start and mentions[i].label != "StandardsBody"]
                host = hosts[0] if hosts else walk.last_topic
            if host is None and re.search(r"承担(?:了)?秘书处(?:工作)?的\s*$", before):
                # 由X承担秘书处的S
                hosts = [i for i in orgs if mentions[i].end <= bm.start and mentions[i].label != "StandardsBody"]
                host = hosts[-1] if hosts and re.search(r"由\s*$", text[s0:mentions[hosts[-1]].start]) else None
            if host is not None and host != b:
                rels.append(Relation(host, "secretariatOf", b, "secretariat.host.v1", ev))
        # X作为国内技术对口单位, …IEC/TC 61…: the one body its sentence names
        role = re.search(r"作为(?:国内|中国)?(?:唯一)?(?:的)?(?:技术)?对口单位", sent)
        later = [b for b in bodies if role and mentions[b].start >= s0 + role.end()]
        if role and (len(later) == 1 or len(bodies) == 1):
            body = later[0] if len(later) == 1 else bodies[0]
            at = s0 + role.start()
            hosts = [i for i in orgs if mentions[i].end <= at and mentions[i].label != "StandardsBody" and not text[mentions[i].end:at].strip("，, ")]
            if hosts and not any(r.predicate == "secretariatOf" and r.object == body for r in rels):
                rels.append(Relation(hosts[-1], "secretariatOf", body, "secretariat.counterpart_role.v1", ev))

        # -- S（…）由A、B等单位起草: the standard first, its drafters after 由 ----------------------
        stds = [i for i in idx if mentions[i].label == "Standard"]
        anchors = [(st, mentions[st].end) for st in stds]
        for am in STANDARD_ANAPHOR_RE.finditer(text, s0, s1):  # 该标准由X主导制订: the standard named last
            last = next((i for i in range(len(mentions) - 1, -1, -1) if mentions[i].label == "Standard" and mentions[i].end <= am.start()), None)
            if last is not None:
                anchors.append((last, am.end()))
        for st, pos in anchors:
            while True:  # 《题名》(GB/T …)由…: the standard's title, code or a note in brackets
                skip = re.match(r"\s*[)）》]|\s*[(（][^()（）]{1,40}[)）]|\s*《[^《》]{1,60}》", text[pos:s1])
                if skip is None:
                    break
                pos += skip.end()
            by = DRAFTED_BY_RE.match(text, pos, s1)
            named = DRAFTERS_ARE_RE.match(text, pos, s1) if by is None else None
            if by is None and named is None:
                continue
            by = by or named
            drafters, at = [], by.end()
            for i in idx:
                m = mentions[i]
                if m.start < at:
                    continue
                if m.start != at or m.label not in ("Company", "Institution", "GovernmentAgency", "StandardsBody"):
                    break
                drafters.append(i)
                coord = re.match(r"\s*(?:、|和|与|及|以及)\s*", text[m.end:s1])
                if coord is None:
                    tail = DRAFTERS_END_RE.match(text[:s1], m.end) if named else DRAFTED_TAIL_RE.match(text, m.end, s1)
                    if tail is None:
                        drafters = []
                    break
                at = m.end + coord.end()
            for i in drafters:
                rels.append(Relation(i, "contributedToStandard", st, "standard.drafted_by.v1", ev))

        # -- standards: contributed / applies ------------------------------------------------
        for st in stds:
            before = text[s0:mentions[st].start]
            seg0 = s0 + max([0] + [k.end() for k in re.finditer(r"[；;]", before)])  # the standard's own ；-segment
            subj_c = [i for i in orgs if seg0 <= mentions[i].start and mentions[i].end <= mentions[st].start and mentions[i].label in ("Company", "Institution", "GovernmentAgency")]
            if not subj_c:  # …；公司通过了ISO 9001认证: the sentence's firm
                subj_c = [i for i in orgs if mentions[i].end <= mentions[st].start and mentions[i].label in ("Company", "Institution", "GovernmentAgency")]
            # X旗下的Y / X的Y / 由X组建的Y: X only qualifies Y, the subject
            subj_c = [i for i in subj_c if not SUBSIDIARY_AFTER_PARENT_RE.match(text, mentions[i].end, mentions[st].start) and text[mentions[i].end:mentions[i].end + 1] != "的" and not AGENT_OF_MODIFIER_RE.match(text, mentions[i].end)] or subj_c
            # a firm in the standard's own clause, followed there by the verb, is its subject
            # (…，全资子公司Y则通过了ISO 9001认证); not the body that issues or publishes it
            # (取得Z颁发的ISO 13485, 参与标准检验局CNS 16130的制定)
            clause0 = s0 + max([0] + [k.end() for k in re.finditer(r"[，,；;]", before)])
            verbs = trig["contributes_standard"] + trig["applies_standard"]
            subj_c = [
                i for i in subj_c
                if mentions[i].start >= clause0 and _has(text[mentions[i].end:mentions[st].start], verbs)
            ] or subj_c
            # 记者从X(标准处)获悉: the news source, no drafter
            subj_c = [i for i in subj_c if not SOURCE_AFTER_RE.match(text, mentions[i].end)]
            # the unit the sentence names as the agent (由X为主要起草单位，主持修订的《…》) drafted it,
            # not the body that issued the plan before it (国家标准化管理委员会下发了…，其中包括由X…)
            agents = [i for i in subj_c if AGENT_BEFORE_RE.search(text, max(s0, mentions[i].start - 4), mentions[i].start)]
            if agents:
                subj_c = [agents[-1]]
                inner = next((i for i in orgs if mentions[i].start == mentions[agents[-1]].end + 1 and text[mentions[agents[-1]].end] in "(（"
                              and text[mentions[i].end:mentions[i].end + 1] in (")", "）")), None)
                if inner is not None:
                    subj_c = [inner]  # 由我校机电工程学院(国家木工机械质量检验检测中心): the unit in brackets is the one named formally
            if not subj_c and (ORG_ANAPHOR_RE.search(before) or BARE_ORG_START_RE.match(before)) and ctx.last_org is not None:
                subj_c = [ctx.last_org]  # 该公司主导制定的GB/T…
            if not subj_c:
                continue
            # the verb nearest before the standard decides (参与起草了GB/T…；公司通过了ISO 9001认证)
            own = before[max([0] + [k.end() for k in re.finditer(r"[；;]", before)]):]
            last_contrib = max((own.rfind(w) for w in trig["contributes_standard"]), default=-1)
            last_apply = max((own.rfind(w) for w in trig["applies_standard"]), default=-1)
            subjects = [subj_c[0]]
            first = mentions[subj_c[0]]
            # A、B共同起草的S / A和B联合制定S: every firm of the list the subject opens
            k = subj_c[0]
            while True:
                # A为第一起草单位、B为主要起草单位的…标准: each unit's own part stands before the 、
                sep = re.match(r"\s*(?:为[\u4e00-\u9fff]{0,6}单位\s*)?(?:、|和|及|(?:还|也|并)?(?:与|同))\s*", text[mentions[k].end:mentions[st].start])
                nxt = next((i for i in subj_c if sep and mentions[i].start == mentions[k].end + sep.end()), None)
                if nxt is None:
                    break
                subjects.append(nxt)
                k = nxt
            if re.search(r"(?:与|和|同)\s*$", text[max(s0, first.start - 2):first.start]) and PARTNER_VERB_RE.match(text, first.end):
                # X还与Y联合起草了S: X drafted it too (the sentence's first firm, else the one 该院 means)
                lead = [i for i in orgs if mentions[i].end <= first.start - 1 and mentions[i].label in ("Company", "Institution")]
                partner = lead[0] if lead else (ctx.last_org if ORG_ANAPHOR_RE.search(before) else None)
                if partner is not None and partner != subj_c[0]:
                    subjects.insert(0, partner)
            if last_contrib >= 0 and last_contrib > last_apply:
                for subj in subjects:
                    rels.append(Relation(subj, "contributedToStandard", st, "standard.contributes.v1", ev))
            elif last_apply >= 0 and mentions[subj_c[0]].label != "GovernmentAgency":
                for subj in subjects:
                    rels.append(Relation(subj, "appliesStandard", st, "standard.applies.v1", ev))

        # -- standardsCount --------------------------------------------------------------
        # firms listed as X's holdings (旗下拥有A、B…) are objects, not the subjects of counts
        held = {r.subject for r in inp.found if r.rule == "subsidiary.holds_list.v1" and r.evidence == ev}  # the subsidiaries family ran before
        unheld = [i for i in idx if i not in held]
        for cm in COUNT_RE.finditer(sent):
            level_word = cm.group("l1") or cm.group("l2")
            n = to_int(re.sub(r"\s+", "", cm.group("n1") or cm.group("n2")))  # 6.36 万, as a PDF copies it
            a0, a1 = s0 + cm.start(), s0 + cm.end()
            before_lv = text[max(s0, a0 - 3):a0] if cm.group("l2") else text[max(s0, s0 + cm.start("l1") - 2):s0 + cm.start("l1")]
            after = text[a1:a1 + 4]
            if re.search(r"[和及与、]$", before_lv) and re.search(r"(国际|国家|行业|团体|地方|企业)$", before_lv[:-1] or "x"):
                continue
            if cm.group("l2") and re.search(r"(?:国际|国家|行业|团体|地方|企业)标准\s*[和及与、]\s*$", text[max(s0, a0 - 8):a0]):
                continue  # 国家标准和行业标准共15项: one count for several levels
            if cm.group("l1") and re.match(r"[、和及与](?:国际|国家|行业|团体|地方|企业)", after):
                continue  # 527项国家标准、行业及团体标准: one count for several levels
            subj = _count_subject(text, mentions, unheld, a0, s0, ctx, walk.last_topic if walk.last_topic_fresh else ctx.topic_place)
            if subj is None or n is None:
                continue
            q = {"count": n}
            year = _clause_year(text, s0, a0)  # 2022年，公司主导制定国际标准3项 (not 截至…, not a span)
            if year is not None:
                q["year"] = year
            rels.append(Relation(subj, "standardsCount", LEVELS[level_word], "count.level_items.v1", ev, q))
    return rels
