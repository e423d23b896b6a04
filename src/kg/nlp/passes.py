"""Passes over the mentions the rules chose, and the checks that turn a chosen one down.

Owns: joining a subcommittee to its parent committee, splitting two bodies written as one
(省委省政府, 国家…总局国家…委员会), cutting an agency's name at one of its departments (…局质量发展局),
linking a standard's title to its code, trimming a name to the form the report attests
elsewhere, and the patterns that turn a chosen mention down (a medium after a place, a level's
body 各 distributes over, a body's web site, an anaphor). Called by ``kg.nlp.rules.EntityRules.find``
on ``Mention`` lists sorted by offset. Must not: find new candidates by suffix or lexicon
(that is ``kg.nlp.rules``) or link mentions to each other (``kg.nlp.relations``).
"""

from __future__ import annotations

import re
from typing import Any

from .lexicons import _is_place_word
from .mentions import ORG_LABELS, Mention


#: a subcommittee's subject between its parent committee and 分技术委员会 (钛及钛合金, 石油、天然气)
_SUBCOMMITTEE_GAP_RE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9及与和、]{1,16}")


def _join_subcommittees(text: str, sh: str, mentions: list[Mention]) -> list[Mention]:
    """One name for 全国X标准化技术委员会Y分技术委员会 where the scan for the subcommittee's name
    stopped inside Y at a conjunction (钛及钛合金): the parent, the gap and the subcommittee."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and m.label == prev.label == "StandardsBody"
            and sh.endswith("委员会", 0, prev.end)
            and sh.endswith("分技术委员会", 0, m.end)
            and (m.start == prev.end or _SUBCOMMITTEE_GAP_RE.fullmatch(sh, prev.end, m.start))
        ):
            out[-1] = Mention(prev.start, m.end, "StandardsBody", m.rule, text[prev.start:m.end], dict(m.attrs))
            continue
        out.append(m)
    return out


#: an international standards organisation by its name or acronym, with the other in brackets
#: (国际电工委员会(IEC), IEC(国际电工委员会))
INTL_ORG_RE = re.compile(
    r"(?:国际标准化组织|国际电工委员会|国际电信联盟|ISO|IEC|ITU)(?:[(（](?:国际标准化组织|国际电工委员会|国际电信联盟|ISO|IEC|ITU)[)）])?"
)
#: an organ of such an organisation named by its kind only (IEC系统委员会, ISO全体大会): no name of its own
_ORGAN_KIND_RE = re.compile(r"(?:技术|系统|分技术)?委员会|(?:全体)?大会|理事会|秘书处")
#: the heads of an organisation's organs: its committees, boards and bureaux (TMB 技术管理局, SMB 标准化管理局)
_ORGAN_HEAD_RE = re.compile(r"(?:委员会|局|理事会)$")
#: what a body of a state opens on: such a body named after the organisation is none of its organs
_STATE_OPENING_RE = re.compile(r"国家|全国|中国|中华|中央|国务院|[省市县区]")


def _join_intl_organs(text: str, sh: str, mentions: list[Mention]) -> list[Mention]:
    """Organs of an international standards organisation (ISO, IEC, ITU) are its, never a state's.
    An organ named right after the organisation is one standards body with it, named with it
    (国际标准化组织|烟花爆竹技术委员会, 国际电工委员会(IEC)可持续|电气化交通系统委员会), and the same
    organ written after the other form of the organisation's name (IEC可持续…委员会) or alone is
    that body (an alias); an organ named by its kind only (IEC系统委员会) is the organisation. A
    board or committee named later in the clause that speaks of the organisation (出席ISO的大会及
    技术管理局的会议) is one of its departments, no entity (ANNOTATION.md)."""
    if not INTL_ORG_RE.search(sh):
        return mentions
    out: list[Mention] = []
    joined: list[Mention] = []
    drop: set[int] = set()
    for m in mentions:
        if m.label not in ("GovernmentAgency", "StandardsBody") or not _ORGAN_HEAD_RE.search(sh, m.start, m.end):
            continue
        if INTL_ORG_RE.fullmatch(sh, m.start, m.end):
            continue
        org = INTL_ORG_RE.match(sh, m.start)
        if org is None or org.end() >= m.end:
            # the organisation right before the organ, past at most a few words of its name (可持续)
            lo = max(0, m.start - 30)
            org = next((o for o in INTL_ORG_RE.finditer(sh, lo, m.start) if re.fullmatch(r"[\u4e00-\u9fff]{0,4}", sh[o.end():m.start])), None)
        if org is not None:
            tail = sh[org.end():m.end]
            if _STATE_OPENING_RE.match(tail):
                continue  # ISO|国家标准委: a state's body written after the organisation
            if _ORGAN_KIND_RE.fullmatch(tail):
                drop.add(id(m))
                out.append(Mention(org.start(), org.end(), "StandardsBody", "standards_body.intl_organ.v1", text[org.start():org.end()]))
                continue
            drop.add(id(m))
            joined.append(Mention(org.start(), m.end, "StandardsBody", "standards_body.intl_organ.v1", text[org.start():m.end], {"organ": tail}))
            continue
        if m.start > 0 and sh[m.start - 1] in "该此本" and _ORGAN_KIND_RE.fullmatch(sh, m.start, m.end) and INTL_ORG_RE.search(sh, 0, m.start):
            drop.add(id(m))  # 该系统委员会的秘书处: the organ named before, by an anaphor and its kind
            continue
        clause = max(sh.rfind(c, 0, m.start) for c in "。；;!?！？\n") + 1
        if m.label == "GovernmentAgency" and INTL_ORG_RE.search(sh, clause, m.start) and not _STATE_OPENING_RE.match(sh, m.start) and not any(_is_place_word(sh[m.start:m.start + n]) for n in (2, 3, 4)):
            drop.add(id(m))  # ISO的大会及技术管理局的会议: the organisation's board
    if not drop:
        return mentions
    spans = [(j.start, j.end) for j in joined + out]
    kept = [m for m in mentions if id(m) not in drop and not any(a <= m.start and m.end <= b for a, b in spans)]
    # the same organ after either form of the organisation's name, or written alone: one body, the longest form
    longest: dict[str, str] = {}
    for j in joined:
        if len(j.text) > len(longest.get(j.attrs["organ"], "")):
            longest[j.attrs["organ"]] = j.text
    for j in joined:
        if j.text != longest[j.attrs["organ"]]:
            j.attrs["alias_of"] = longest[j.attrs["organ"]]
    for m in kept:
        if m.label == "StandardsBody" and sh[m.start:m.end] in longest:
            m.attrs["alias_of"] = longest[sh[m.start:m.end]]
    taken = [(m.start, m.end) for m in kept]
    extra = [m for m in joined + out if not any(a < m.end and m.start < b for a, b in taken)]
    return sorted(kept + extra, key=lambda m: (m.start, m.end))


#: the rest of a newspaper's, broadcaster's or news site's name after a place (日报, 证券报, 中国…网讯)
MEDIA_AFTER_RE = re.compile(
    r"[\u4e00-\u9fff]{0,5}?(?:日报|晚报|早报|晨报|商报|时报|证券报|都市报|新闻网|门户网站|电视台|广播电视台|卫视|网)"
    r"(?=[^\u4e00-\u9fff]|讯|社|记者|报道|消息|客户端|$)"
    # right after the place, a newspaper's or broadcaster's word needs nothing after it (泰安日报收集,
    # 德州晚报全媒体记者, 广州电视台持续); a news site's 在线 and a county's 融媒 centre are media too
    r"|(?:日报|晚报|早报|晨报|商报|证券报|都市报|电视台|广播电视台|融媒|在线(?=记者|消息|新闻|讯|[^\u4e00-\u9fff]|$))"
)


_LEVEL = r"(?:[省市县区镇乡州旗]|乡镇|街道|自治州|自治区|自治县|设区的?市|经济开发区|开发区|高新区)"
_GENERIC_HEAD = r"(?:人民政府|政府|办事处|管委会|管理委员会|经信委|经信局|办局)"
#: a body named by its level only (县人民政府, 镇政府, 街道办事处)
LEVEL_BODY_RE = re.compile("各?" + _LEVEL + "+" + _GENERIC_HEAD)
#: a clause that opens on 各 and goes on with levels and such bodies only (各市、, 各镇政府、, 各设区的)
EVERY_LEVEL_RE = re.compile(r"各(?:" + _LEVEL + "|" + _GENERIC_HEAD + r"|设区的|[、\s])*")
#: the post of a head of a 司 (财政司司长)
POST_AFTER_BODY_RE = re.compile(r"司长")
#: a body of the report's own by an anaphor (我委, 我局) ending a name
ANAPHOR_BODY_RE = re.compile(r"[我本该][委局厅办]$")


def _generic_addressee(sh: str, start: int, end: int) -> bool:
    """Is the body at ``sh[start:end]`` a level's body among those that 各 distributes over
    (各市、县人民政府, 各镇政府、街道办事处), an addressee of a notice and no body named?"""
    if not LEVEL_BODY_RE.fullmatch(sh, start, end):
        return False
    if sh[start] == "各":
        return True
    cs = max(sh.rfind(c, 0, start) for c in "，,：:。；;\n") + 1
    return EVERY_LEVEL_RE.fullmatch(sh, cs, start) is not None


#: a body's web site or account, named as a report's source (科技部网站, 株洲政府门户网站, 浙江政府服务网)
SITE_AFTER_RE = re.compile(r"(?:门户网站|官方网站|网站|官网|服务网|政务网|信息网|门户网|微信公众号|公众号|网(?=$|[\s:：/|,，。;；)）]))")

#: a journal named after the body that publishes it (中国科学院院刊, 中南大学学报, 中国标准化杂志): the journal, no body
JOURNAL_AFTER_RE = re.compile(r"(?:院刊|学报|会刊|杂志|期刊)(?![\u4e00-\u9fff]{0,2}(?:社|编辑部))")

#: a document number after its issuer's code (国标委办〔2009〕3号, 工信部科〔2020〕12号, 苏经信科技〔2016〕222号):
#: the code names the issuing office, no body mentioned in the report's prose
DOC_NUMBER_AFTER_RE = re.compile(r"[\u4e00-\u9fff]{0,4}\s*[〔\[［【(（]\s*(?:19|20)\d\d\s*[〕\]］】)）]\s*第?\s*\d+\s*号")


#: the end of a committee a body sets up for a task (审议会, 审定会, 评审会), not a society (协会, 学会)
TASK_MEETING_RE = re.compile(r"(?:审议|审定|评审|评议|审查)会$")


#: a party committee written against its government with no separator: 省委省政府, 中共中央国务院
JOINT_BODIES_RE = re.compile(r"(.{0,12}?(?:省委|市委|县委|区委|州委|旗委|党中央|中共中央))((?:省|市|县|区|州|旗)?(?:人民)?政府|国务院)")


def _split_joint_bodies(text: str, sh: str, mentions: list[Mention]) -> list[Mention]:
    """Two bodies written as one (省委省政府, 党中央国务院) are two mentions."""
    out: list[Mention] = []
    for m in mentions:
        j = JOINT_BODIES_RE.fullmatch(sh, m.start, m.end) if m.label == "GovernmentAgency" else None
        if j is None:
            out.append(m)
            continue
        for a, b in (j.span(1), j.span(2)):
            out.append(Mention(a, b, m.label, m.rule, text[a:b], {}))
    return out


#: the head of a body inside a longer name, and the department suffixes that may follow each:
#: a bureau's or a commission's department (…局质量发展局, …国资委企业改革局, …局标准化科, Macau's
#: …局稽查厅), an academy's (中科院条财局), a ministry's or a commission's 司, a committee's 工作小组,
#: a firm's board (…公司董事局). 处 and 署 stay: 经济部中小企业处 is an agency of its own.
_DEPARTMENT_AFTER = (
    (re.compile(r"(?:局|委|委员会)$"), re.compile(r"局|科|厅|司|工作小组")),
    (re.compile(r"院$"), re.compile(r"局")),
    (re.compile(r"部$"), re.compile(r"司")),
    (re.compile(r"(?:公司|集团)$"), re.compile(r"董事局|董事会")),
)
#: words a separate body opens on (国家市场监督管理总局|国家标准化管理委员会): not a department
_SEPARATE_BODY_RE = re.compile(r"国家|全国|中国|中华|中央|国务院")
#: heads of bodies: a department's own name holds none (国资委|企业改革局, not 国务院|国资委…)
_BODY_HEAD_RE = re.compile(r"局|委|部|厅|院|府|署|办|会|司|公司|集团")


def _department_tail(sh: str, start: int, end: int) -> int | None:
    """Where the body ends in a name that goes on to one of its departments
    (湖南省市场监管局|质量发展局, 国务院国资委|企业改革局), or None. The contract: departments are
    no entities, the body they belong to is."""
    name = sh[start:end]
    for k in range(len(name) - 2, 1, -1):
        head, tail = name[:k], name[k:]
        for head_re, dept_re in _DEPARTMENT_AFTER:
            if not head_re.search(head):
                continue
            d = dept_re.search(tail)
            if d is None or d.end() != len(tail) or (tail.endswith("厅") and tail.endswith("办公厅")):
                continue
            body = tail[:d.start()]
            if len(body) > 8 or (len(body) < 2 and d.group(0) not in ("工作小组", "董事局", "董事会")) or _BODY_HEAD_RE.search(body):
                continue
            if _SEPARATE_BODY_RE.match(tail) or any(_is_place_word(tail[:n]) for n in (2, 3, 4)):
                continue
            return start + k
    return None


#: a national body written right after the one it belongs to (国家市场监督管理总局|国家标准化管理委员会)
_TWO_NATIONAL_BODIES_RE = re.compile(r"(.{2,14}?(?:总局|部|委员会|委))(国家.{2,14}(?:总局|局|委员会|委))")


#: the head of an institution inside a longer name, and the realm a second body opens on
_INSTITUTION_HEAD_RE = re.compile(r"(?:研究所|研究院|大学|学院|医院|科学院|[所院])$")
_REALM_OPENING_RE = re.compile(r"中国|国家|中科院|中华")


def _second_institution(sh: str, start: int, end: int) -> int | None:
    """Where a second institution opens inside ``sh[start:end]``: after one whose name ends on its
    head (…研究所, 金属所), on the country, the nation or the academy (中国高新区研究中心, 中科院…实验室),
    at least four characters each."""
    name = sh[start:end]
    for k in range(2, len(name) - 5):
        if _INSTITUTION_HEAD_RE.search(name[:k]) and _REALM_OPENING_RE.match(name, k):
            return start + k
    return None


def _cut_departments(text: str, sh: str, mentions: list[Mention], org_type: Any) -> list[Mention]:
    """An agency's (or a firm's) name that runs on into one of its departments is the body's name;
    the body's type is read from its own head (中科院|条财局 is an institution's). Two national
    bodies written one after the other are two mentions."""
    out: list[Mention] = []
    for m in mentions:
        if m.label == "Institution":
            k = _second_institution(sh, m.start, m.end)
            if k is not None:
                # 金属所|中科院核用材料与安全评价重点实验室: a second body that opens on its own realm
                out.extend(Mention(a, b, m.label, m.rule, text[a:b], {}) for a, b in ((m.start, k), (k, m.end)))
                continue
        if m.label != "GovernmentAgency":
            out.append(m)
            continue
        two = _TWO_NATIONAL_BODIES_RE.fullmatch(sh, m.start, m.end)
        if two is not None:
            out.extend(Mention(a, b, m.label, m.rule, text[a:b], {}) for a, b in (two.span(1), two.span(2)))
            continue
        cut = _department_tail(sh, m.start, m.end)
        if cut is not None:
            m.end, m.text = cut, text[m.start:cut]
            m.label = org_type(sh[m.start:cut])
        out.append(m)
    return out


def _link_titled_standards(text: str, sh: str, mentions: list[Mention]) -> list[Mention]:
    """A standard's title written right after its code (GB/T 38866-2020《…》) or before it
    (《…》(标准编号:GB/T 37456-2019)) names the same standard: the title becomes the code's alias
    (a title right after a code is one even where no 标准 follows). Returns the mentions."""
    codes = [m for m in mentions if m.label == "Standard" and m.rule != "standard.titled.v1"]
    titled = {(m.start, m.end): m for m in mentions if m.rule == "standard.titled.v1"}
    extra = []
    for c in codes:
        t = re.match(r"\s?《([^《》\n]{2,90})》", sh[c.end:c.end + 100])
        if t and (c.end + t.start(1), c.end + t.end(1)) not in titled:
            s, e = c.end + t.start(1), c.end + t.end(1)
            if not any(m.start < e and s < m.end for m in mentions):
                m = Mention(s, e, "Standard", "standard.titled.v1", text[s:e])
                titled[(s, e)] = m
                extra.append(m)
    for m in titled.values():
        for c in codes:
            before = c.end <= m.start and sh[c.end:m.start].strip() == "《"
            after = m.end < c.start and re.fullmatch(r"》\s*[(（][^()（）]{0,8}", sh[m.end:c.start])
            if before or after:
                m.attrs["alias_of"] = c.text
                break
    return sorted(mentions + extra, key=lambda m: (m.start, m.end)) if extra else mentions


#: the head of a body's, a firm's or a park's name: a prefix that holds one is a name of its own
_NAME_HEAD_RE = re.compile(r"公司|集团|院|所|大学|中心|会|局|委|厅|部|府|办|区|园|城|谷")


def _trim_to_attested(text: str, sh: str, mentions: list[Mention], glued: Any, word_ends: frozenset[int] | None = None) -> list[Mention]:
    """A name the report writes on its own elsewhere (鲁疆产业园) is that name where words were glued
    before it (标志着|鲁疆产业园, 将|鲁澳…科技园): the longer span is cut to it where what stands before
    it holds a verb or function word (``glued(start, end)``), not where it is a place (甘肃省|张掖…
    开发区) or a name of its own (中国科学院|金属研究所). Mentions change in place; returns them."""
    attested: dict[str, set[str]] = {}
    for m in mentions:
        if m.label in ORG_LABELS or m.label == "Park":
            attested.setdefault(m.label, set()).add(sh[m.start:m.end])
    for m in mentions:
        names = attested.get(m.label)
        if not names:
            continue
        name = sh[m.start:m.end]
        for k in range(1, len(name) - 3):
            tail, head = name[k:], name[:k]
            if tail not in names:
                continue
            # a head word of a name in what stands before (…协会|X) ends one of the segmenter's words (not 会|员 of 会员)
            heads = [h for h in _NAME_HEAD_RE.finditer(head) if word_ends is None or m.start + h.end() in word_ends]
            if heads or _all_places(head) or not glued(m.start, m.start + k):
                break
            m.start += k
            m.text = text[m.start:m.end]
            break
    return mentions


def _all_places(s: str) -> bool:
    """Is ``s`` one or more place names written one after another (江苏苏州, 甘肃省, 梁山 of 梁山县)?"""
    while s:
        n = next((n for n in (5, 4, 3, 2) if _is_place_word(s[:n])), 0)
        if not n:
            return False
        s = s[n:]
    return True
