"""Kinds, formulas and epithets: spans the suffix rules read as names that name no one body.

Owns the checks that ``kg.nlp.rules.EntityRules`` makes on a candidate or a chosen mention where
the words around it, not its own body, show that no body, park or award is named:

- a notice's distributive addressee: 各省、自治区、直辖市和新疆生产建设兵团市场监管局, 相关省、自治区、
  直辖市市场监管局, 各地级以上市人力资源和社会保障局、市场监督管理局 (the bureaus of every such place,
  ANNOTATION.md: descriptive phrases are no entities);
- an epithet in quotes: 有“产业界奥斯卡奖”之称, 被誉为“…奖”, 等同“…奖” (a metaphor, no award);
- a class of awards named after a bracketed level list: 省(市)长质量奖, 区(县)长质量奖;
- where a name opens after a body and a verb of joint action (工业和信息化部联合|中国工业经济联合会),
  or after the park or firm that it lies in or follows in a table row (…产业园内|应用产业园,
  …有限公司|高新区).

Must not: build mentions or read lexicons (the caller passes what it knows).
"""

from __future__ import annotations

import re

#: the levels a notice distributes over (省、自治区、直辖市, 计划单列市, 新疆生产建设兵团, 地级以上市)
_LEVEL = (
    r"(?:省|自治区|直辖市|计划单列市|副省级城市|副省级市|地级以上市|地级及以上市|地级市|设区的?市|"
    r"新疆生产建设兵团|兵团|市|州|盟|县|区|旗|乡|镇|街道)"
)
#: an item of such a list: levels alone, or a level's body (人力资源和社会保障局, 市场监管局(厅、委))
_ITEM = _LEVEL + r"+(?:[\u4e00-\u9fff]{1,16}?(?:局|厅|委|委员会|办公室|办|政府)(?:[(（][\u4e00-\u9fff、]{1,8}[)）])?)?"
#: a clause that opens on 各, 相关 or 有关 and lists levels and levels' bodies up to the mention
DISTRIBUTED_CLAUSE_RE = re.compile(r"(?:各|相关|有关)(?:" + _ITEM + r"|[、和及与\s])*")
#: the levels that open the mention itself (直辖市|市场监管局, 新疆生产建设兵团|市场监管局)
LEADING_LEVELS_RE = re.compile(_LEVEL + "+")
#: what ends a clause for the distributive test
_CLAUSE_END = "，,：:。；;\n"


def distributed_body(sh: str, start: int, end: int, opens_on_place) -> bool:
    """Is the agency at ``sh[start:end]`` one of the bodies of every place of some levels, listed in
    a clause that opens on 各, 相关 or 有关 (各省、自治区、直辖市和新疆生产建设兵团市场监管局)? Its name
    is levels and a function, no place (``opens_on_place(sh, i)`` tells a place at ``i``)."""
    cs = max(sh.rfind(c, 0, start) for c in _CLAUSE_END) + 1
    k = sh.rfind("各", cs, start)
    k = max(k, sh.rfind("相关", cs, start), sh.rfind("有关", cs, start))
    if k < 0:
        return False
    if DISTRIBUTED_CLAUSE_RE.fullmatch(sh, k, start) is None:
        return False
    if not re.search(_LEVEL, sh[k:start]):
        return False  # 有关|部门: no levels listed
    lead = LEADING_LEVELS_RE.match(sh, start, end)
    rest = lead.end() if lead else start
    if lead is None and sh[start - 1:start] not in "、和及与":
        return False
    if rest >= end - 1:
        return False
    return not opens_on_place(sh, rest)


#: an epithet's frame around a quoted name: 有“X”之称, 素有“X”的美誉, 被誉为“X”, 等同“X”
EPITHET_AFTER_RE = re.compile(r"[”」』\"]?(?:之称|之稱|的美誉|之美誉|的美称|之美称|的称号之外)")
EPITHET_BEFORE_RE = re.compile(r"(?:被誉为|誉为|号称|堪称|等同于?|相当于|犹如|有如|好比|被称为|称为)[“「『\"]?$")


def epithet(sh: str, start: int, end: int) -> bool:
    """Is the award at ``sh[start:end]`` an epithet (有“产业界奥斯卡奖”之称, 等同“奥斯卡奖”): a
    metaphor for another prize, no award of its own?"""
    return EPITHET_AFTER_RE.match(sh, end) is not None or EPITHET_BEFORE_RE.search(sh, max(0, start - 5), start) is not None


def bracketed_level_award(sh: str, start: int) -> bool:
    """Is the award at ``start`` the tail of a class of awards after a bracketed level list
    (省(市)|长质量奖, 区(县)|长质量管理奖): the mayors' and governors' prizes as a kind?"""
    return sh.startswith("长", start) and sh[start - 1:start] in (")", "）")


#: a body, then a verb of joint action: the body after it opens there (工业和信息化部联合|中国…联合会)
JOINT_VERB_RE = re.compile(r"(?<=[部局委厅院府署办])(?:联合|会同|携手)(?!会)")
#: customs zones set up inside a park and named with it (苏州工业园区|出口加工区, …高新区|综合保税区),
#: and a park's incubator park (西安高新区|创业园)
ENCLOSED_ZONES = frozenset({"出口加工区", "加工出口区", "综合保税区", "保税区", "保税港区", "保税物流园区", "创业园"})
#: a park, then 内: the park inside it opens there (张江高科技产业园内|应用产业园)
INSIDE_PARK_RE = re.compile(r"(?:园|园区|区|城)内")
#: a park's suffix and a conjunction: the second of two parks named together opens after it
#: (屏东加工出口区及|中港加工出口区)
PARKS_JOINED_RE = re.compile(r"(?:区|园)(?:及|和|与|暨|、)")
#: a firm's registered name before a park in a table row (…股份有限公司|高新区)
FIRM_END_RE = re.compile(r"有限(?:责任)?公司|股份公司")


#: a zone's suffix inside a park's body: where the zone's name ends and the park's may begin
ZONE_IN_BODY_RE = re.compile(r"(?:新区|高新区|开发区|经开区|园区)")


def opening_after(sh: str, start: int, pos: int, label: str, is_place=None) -> int:
    """Where a name found from ``start`` to its suffix at ``pos`` really opens: after a body and a
    verb of joint action (any body), after the park it lies in or a firm's registered name before
    it (a park), after the zone it lies in where a place of its own follows (a park; ``is_place``
    tells a place's name). ``start`` where none stands in the body, or where too little is left."""
    best = start
    found = [JOINT_VERB_RE]
    if label == "Park":
        found += [INSIDE_PARK_RE, FIRM_END_RE, PARKS_JOINED_RE]
    if label == "Park" and is_place is not None:
        # 贵安新区|上海张江软件产业园: the zone a park lies in, then the park named by its own place
        for m in ZONE_IN_BODY_RE.finditer(sh, start, pos):
            if pos - m.end() >= 4 and any(is_place(sh[m.end():m.end() + n]) for n in (2, 3)) and m.end() > best:
                best = m.end()
    for regex in found:
        for m in regex.finditer(sh, start, pos):
            # a firm's name may leave the park no body (…有限公司|高新区): then it names no park
            if (pos - m.end() >= 2 or regex is FIRM_END_RE) and m.end() > best:
                best = m.end()
    return best


#: the kinds of park that a country or a province has many of (台湾产业园区, 浙江省工业园区, 中国开发区)
PARK_KINDS = frozenset({"产业园区", "工业园区", "科学园区", "科学工业园区", "科技园区", "园区", "产业园", "工业园", "开发区", "工业区"})


def parks_of_a_realm(name: str, table: dict) -> bool:
    """Is the park ``name`` a country or a province (not a municipality nor a special region,
    whose parks have such names: 北京经济技术开发区, 香港科学园) and a kind of park: the parks of
    that realm (台湾产业园区, 湖南工业园区), no park named? So is a whole realm's kind (全台科学园区,
    全省工业园区, 全港工业邨): 全 and a place or a level word before the kind."""
    if name[:1] == "全" and any(
        name[n:] in PARK_KINDS | {"工业邨", "科学园", "科技园"} and (n == 2 and name[1] in "台港澳国省市县区岛" or name[1:n] in table) for n in (2, 3)
    ):
        return True
    for n in (8, 7, 6, 5, 4, 3, 2):
        entry = table.get(name[:n])
        if entry is None:
            continue
        level, full = entry.get("level"), entry["name"]
        if level == "country" or (level == "province" and full.endswith(("省", "自治区"))):
            return name[n:] in PARK_KINDS
        return False
    return False


#: the suffix of a branch named by its place after the body it belongs to (…中心|南京|分中心)
BRANCH_SUFFIX_RE = re.compile(r"(?:分中心|分院|分所|分会)$")


def join_branch_units(text: str, sh: str, cands: list, table: dict, make) -> list:
    """A branch named by its place right after its body's name (国家标准审评中心|南京|分中心, 中国
    科学院|长沙|分院) is one name, the body's and the branch's: the candidate that the branch's
    suffix gave from inside the body's name (中心南京分中心) is replaced by the whole, and the
    body alone stays a candidate of its own. ``make(start, end, rule)`` builds the mention."""
    out = []
    for b in cands:
        if b.label == "Institution" and (suffix := BRANCH_SUFFIX_RE.search(sh, b.start, b.end)):
            p = suffix.start()
            body = next(
                (a for n in (4, 3, 2) if sh[p - n:p] in table for a in cands
                 if a is not b and a.label == "Institution" and a.end == p - n and a.start <= b.start),
                None,
            )
            if body is not None:
                out.append(make(body.start, b.end, b.rule))
                continue
        out.append(b)
    return out


#: what may stand between a bureau and its division's head word: the division's own field
_DIVISION_FIELD_RE = re.compile(r"[\u4e00-\u9fff]{0,8}")


def bureau_divisions(sh: str, mentions: list) -> list:
    """A 厅 named right after a bureau, its field between them and no separator (澳门经济及科技发展局
    牌照及|稽查厅厅长: Macau's bureaus are divided into 厅), is the bureau's division, no body."""
    out = []
    prev = None
    for m in mentions:
        if (
            m.label == "GovernmentAgency" and prev is not None and sh[m.end - 1] == "厅" and not sh.endswith("办公厅", m.start, m.end)
            and sh[prev.end - 1] == "局" and prev.end <= m.start and _DIVISION_FIELD_RE.fullmatch(sh, prev.end, m.start)
        ):
            continue
        if m.label == "GovernmentAgency":
            prev = m
        out.append(m)
    return out


#: kinds of government body as a class (中央部委, 部门办公厅, 各委办局) and a panel of experts
#: set up by someone unnamed (成立专家委员会): no one body named
AGENCY_CLASS_RE = re.compile(r"^部门|(?:部委|厅局|委办局|委办|部门)$|^专家委员会$")
#: an anaphor for a place right before a body (该市|质监局, 该县|农业局): no name of its own
ANAPHOR_LEVEL_RE = re.compile(r"该[省市县区镇州]$")
#: a count right before a body: bodies of a kind counted (两个招商局, 3个工作组)
COUNT_BEFORE_RE = re.compile(r"[0-9一二三四五六七八九十两几多]+(?:个|家|所)$")


def agency_kind(sh: str, start: int, end: int, opens_on_place) -> bool:
    """Is the agency at ``sh[start:end]`` a kind of body, no body named: a class noun (中央部委,
    部门办公厅), the bodies that 各 distributes over (各课题和项目办公室, 各市场监管局: not a named
    place's, 各|株洲市人民政府; ``opens_on_place(sh, i)`` tells a place's name at ``i``), or bodies
    counted (两个招商局)?"""
    if AGENCY_CLASS_RE.search(sh[start:end]):
        return True
    if sh[start - 1:start] == "各" and not opens_on_place(sh, start):
        return True
    if ANAPHOR_LEVEL_RE.search(sh, max(0, start - 2), start) and not opens_on_place(sh, start):
        return True  # 该市|质监局: that city's bureau, by an anaphor and its function only
    return COUNT_BEFORE_RE.search(sh, max(0, start - 4), start) is not None


#: a count right after a title: the holders of the title counted (国家高新技术企业10家, 绿色设计产品193种)
COUNT_AFTER_TITLE_RE = re.compile(r"\s*[0-9一二三四五六七八九十百千两]+\s*(?:余|多)?\s*(?:家|个|种|款|所|项)")


def counted_title(sh: str, start: int, end: int) -> bool:
    """Is the title at ``sh[start:end]`` (a designation, not a prize: 高新技术企业, 绿色工厂) followed by
    a count of its holders (其中国家高新技术企业10家)? The text counts holders of a kind there and
    confers it on no one; the title stands only where the report confers it elsewhere."""
    if sh.endswith(("奖", "奖章", "奖状"), start, end):
        return False
    return COUNT_AFTER_TITLE_RE.match(sh, end) is not None


#: an event's name after a bracketed place (中国质量(杭州)大会, 中国(成都)国际软件博览会)
EVENT_AFTER_RE = re.compile(r"[)）][\u4e00-\u9fff]{0,8}?(?:大会|会议|论坛|峰会|博览会|交易会|展览会|洽谈会|年会)")


def place_in_slogan_or_event(sh: str, start: int, end: int) -> bool:
    """Is the place at ``sh[start:end]`` a word of a quoted slogan (“设计河南”, “好品山东”: words
    before it inside the quotes) or the bracketed venue inside an event's name (中国质量(杭州)大会)?
    A slogan and an event are no entities, and the place is no place the report is about."""
    if sh[end:end + 1] in ("”", "」"):
        opening = max(sh.rfind("“", max(0, start - 6), start), sh.rfind("「", max(0, start - 6), start))
        if opening >= 0 and opening + 2 <= start and re.fullmatch(r"[\u4e00-\u9fff]+", sh[opening + 1:start]):
            return True
        opening = max(sh.rfind("“", max(0, start - 24), start), sh.rfind("「", max(0, start - 24), start))
        if opening >= 0 and "\u4e00" <= sh[start - 1] <= "\u9fff" and re.fullmatch(r"[\u4e00-\u9fff]+(?:[、，,][\u4e00-\u9fff]+)+", sh[opening + 1:start]):
            return True  # “智造娄底、品质娄底、幸福娄底”: the last of parallel phrases
    if sh[end:end + 1] in ("、", "，", ","):
        # “诚信娄底、品质至上”, “智造娄底、品质娄底”: a slogan of parallel phrases, the place a word closing one
        opening = max(sh.rfind("“", max(0, start - 24), start), sh.rfind("「", max(0, start - 24), start))
        closing = re.compile(r"[\u4e00-\u9fff、，,]{2,24}?[”」]").match(sh, end + 1)
        if opening >= 0 and closing and "\u4e00" <= sh[start - 1] <= "\u9fff" and re.fullmatch(r"[\u4e00-\u9fff、，,]+", sh[opening + 1:start]):
            return True
    return sh[start - 1:start] in ("(", "（") and start >= 2 and "\u4e00" <= sh[start - 2] <= "\u9fff" and EVENT_AFTER_RE.match(sh, end) is not None
