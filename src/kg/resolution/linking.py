"""Within one report: linking short forms to the full name they abbreviate.

Owns :func:`link_short_forms` (with :func:`remap_relations` to rewrite relation ids and
:func:`combine_names`), the in-order contraction test (``_contraction``, also used across
reports by ``resolver`` and by the extractor's short-form finder), and the union-find that
refuses to join two legal names (``_Groups``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from ..text import normalise_name
from .keys import (
    CONTRACTION_TYPES,
    LINK_TYPES,
    ORG_TYPES,
    _expand,
    _is_bare,
    _legal_key,
    _level,
    _strip_legal,
    is_local,
    name_key,
)
from .places import PlaceContext, _split_places, admin_code, report_context
from .lexicons import _lexicon_names, _places

# Characters and words that end an organisation's name: a short form never drops one of them
# (省委 is not 省委政法委, 北汽 is not 北汽株洲分公司).
_HEAD_RE = re.compile(r"公司|厂|局|委|厅|部|办|处|室|中心|院|所|站|会|组|队|基地|集团|班|园|区|谷|城|集群|校|馆|署")
_COMPANY_HEAD_RE = re.compile(r"公司|集团|厂$|中心|院$|所$|基地|分部$|事业部")
#: the words that make a park's kind before 园区 (中关村|科技园区 is 中关村's designator, not a site)
_PARK_KIND_WORDS = frozenset("科技 科学 产业 工业 高新 经济 软件 生态 物流 创业 创新 文化 农业 生物 医药 健康 智能 数字 总部 商务 贸易 综合 示范 特色 现代".split())
_PARK_HEAD_RE = re.compile(r"(?:园|区|谷|城|集群|基地)$")
_BRACKETS = "()（）"


class Linked(NamedTuple):
    """What :func:`link_short_forms` returns.

    ``entities``: the entities after merging, in input order (a merged entity keeps the id and
    place of its earliest member); ``remap``: every merged-away id -> the id it now belongs to.
    """

    entities: list[dict[str, Any]]
    remap: dict[str, str]


_DECLARATION_RE = re.compile(r"[(（]\s*(?:以下简称|以下簡稱|以下称|以下稱|下称|下稱|简称|簡稱)\s*[“\"「『]?\s*([^”\"」』()（）]{1,24}?)\s*[”\"」』]?\s*[)）]")
_QUALIFIER_TAIL_RE = re.compile(r"[(（][^()（）]{1,12}[)）]\s*$")


@lru_cache(maxsize=16)
def _declarations(text: str) -> tuple[tuple[int, str], ...]:
    """Every (以下简称"S") of ``text``: where its bracket opens, and S. Computed once per text,
    so that checking many name pairs does not compile a pattern per pair."""
    return tuple((m.start(), m.group(1)) for m in _DECLARATION_RE.finditer(text))


def _declared(text: str, short: str, full: str) -> bool:
    """F (以下简称"S") or F（简称S）in the text, also after a bracketed qualifier: F(湖南)(以下简称"S")."""
    for pos, declared in _declarations(text):
        if declared != short:
            continue
        before = text[max(0, pos - len(full) - 16):pos].rstrip()
        if before.endswith(full) or _QUALIFIER_TAIL_RE.sub("", before).rstrip().endswith(full):
            return True
    return False


_BRACKET_RE = re.compile(r"[(（]\s*([^()（）]{1,40}?)\s*[)）]")


@lru_cache(maxsize=16)
def _brackets(text: str) -> dict[str, tuple[int, ...]]:
    """What stands in brackets in ``text``, with where each bracket opens; once per text, so that
    checking many name pairs compiles no pattern per pair."""
    found: dict[str, list[int]] = defaultdict(list)
    for m in _BRACKET_RE.finditer(text):
        found[m.group(1)].append(m.start())
    return {inside: tuple(starts) for inside, starts in found.items()}


def _bracketed(text: str, one: str, other: str) -> bool:
    """One name right after the other in brackets: 国家企业知识产权管理规范(GB/T 29490-2013)."""
    brackets = _brackets(text)
    for a, b in ((one, other), (other, one)):
        for start in brackets.get(b, ()):
            if text[max(0, start - len(a) - 4):start].rstrip().endswith(a):
                return True
    return False


def _in_order(short: str, full: str) -> bool:
    """Are the characters of ``short`` found in ``full`` in order (外贸协会 in 对外贸易发展协会)?"""
    it = iter(full)
    return all(c in it for c in short)


def _national_ministry(prefix: str) -> bool:
    """Is ``prefix`` a national ministry of the agencies lexicon (交通部, 经济部, 商务部)?"""
    return prefix.endswith("部") and len(prefix) >= 3 and _lexicon_names().get("GovernmentAgency", {}).get(prefix) is not None


def _uncoded_place(name: str) -> bool:
    """A city or county of the place table that has no admin code (台中市, 新北市, 嘉义县), or
    its short form (高雄 of 高雄市)."""
    entry = _places().get(name)
    return entry is not None and not entry.get("code") and entry.get("level") in ("city", "county") and name in (entry["name"], entry["name"][:-1])


def _anchors_only(prefix: str, type_: str, parks: frozenset[str], context: PlaceContext) -> bool:
    """True when ``prefix`` is made of places (and, for awards, parks or 全国; for institutions
    and awards, 国家), so that dropping it leaves the same body: 湖南|新能源汽车检测中心."""
    extra = {"国家", "国家级"} if type_ in ("Institution", "Award") else set()
    if type_ in ("Institution", "GovernmentAgency", "StandardsBody"):
        extra |= {"中华民国", "中華民國"}  # 中華民國全國商業總會 -> 全國商業總會: the state's formal name
    if type_ == "Award":
        extra |= {"全国"} | set(parks)
    if type_ == "GovernmentAgency":
        # 市府|经发局, 台中市|政府|经济发展局: a place's government before its bureau (经发局 of 市府经发局)
        extra |= {"市府", "县府", "政府", "人民政府"}
    if type_ == "GovernmentAgency" and _national_ministry(prefix):
        return True  # 交通部|高雄港务局: a national ministry's bureau, named without the ministry
    pos = 0
    while pos < len(prefix):
        for size in range(len(prefix) - pos, 0, -1):
            piece = prefix[pos:pos + size]
            # a place with no admin code (Taiwan's, Hong Kong's: 台中市|…协进会) is a place all the same
            if piece in extra or (size >= 2 and (admin_code(piece, context) or _uncoded_place(piece))):
                pos += size
                break
        else:
            return False
    return pos > 0


def _affix(type_: str, short: str, full: str, parks: frozenset[str], context: PlaceContext) -> bool:
    """``full`` = places + ``short`` (+ a bracketed qualifier): 沅江市|船舶制造产业链联合党委."""
    if _is_bare(short) or len(short) < 3:
        return False
    if type_ == "GovernmentAgency" and _level(short) is not None:
        return False  # 市委 is resolved by the report's context, not by any 某市委 it mentions
    body = re.sub(r"\([^()]*\)$", "", full) if full.endswith(")") else full
    if not body.endswith(short) or body == short:
        return False
    return _anchors_only(body[: -len(short)], type_, parks, context)


_TASK_FORCE_RE = re.compile(r"(?:专班|领导小组|工作组|指挥部|工作专班)$")
_TASK_QUALIFIERS_RE = re.compile(r"省级|市级|县级|区级|专项|工作|推进")


def _same_task_force(type_: str, short: str, full: str) -> bool:
    """产业园建设工作专班 and 衡器产业园建设省级专班 in one report: task forces named by the same task
    (their names without rank and 工作/专项 words end alike, in four characters or more)."""
    if type_ != "GovernmentAgency":
        return False
    a, b = _TASK_FORCE_RE.search(short), _TASK_FORCE_RE.search(full)
    if not a or not b:
        return False
    task_a = _TASK_QUALIFIERS_RE.sub("", short[: a.start()])
    task_b = _TASK_QUALIFIERS_RE.sub("", full[: b.start()])
    return len(task_a) >= 4 and task_b.endswith(task_a)


#: the level word a body's short form opens on (省市场监管局, 县政府, 自治区人民政府, 盟民政局)
_LEVEL_WORD_RE = re.compile(r"自治区|自治州|自治县|[省市县区州盟旗]")


def _level_short_form(type_: str, short: str, full: str, context: PlaceContext) -> bool:
    """县市场监管局 of 松阳县市场监督管理局 in one report: a body named by the level of its place
    (省/市/县/区, 自治区) stands for the body of the report's place of that level that it names in
    full. A government is one too (县政府 of 叶县人民政府, 自治区人民政府 of 广西壮族自治区人民政府),
    and so is the level's government written in both forms (市政府 of 市人民政府)."""
    level = _LEVEL_WORD_RE.match(short) if type_ == "GovernmentAgency" else None
    if level is None:
        return False
    body = _expand(type_, short[level.end():], anchored=True)
    if len(short) < 4 and body != "人民政府":
        return False  # 省委, 市局: too short to name one body by its head
    codes, rest = _split_places(full, context)
    if not codes or not rest:
        # no place named: the level's government in its other form (市人民政府 for 市政府)
        return body == "人民政府" and full.startswith(level.group(0)) and _expand(type_, full[level.end():], anchored=True) == body
    place = full[: len(full) - len(rest)]
    return place.endswith(level.group(0)) and body == _expand(type_, rest, anchored=True)


def _align(short: str, full: str, min_gap: int = 2) -> list[tuple[int, int]] | None:
    """Runs of ``full`` that spell ``short`` in order, each gap at least ``min_gap`` characters,
    with the fewest runs (leftmost among equals); None when there is no such alignment."""
    best: list[tuple[int, int]] | None = None

    def walk(i: int, j: int, runs: list[tuple[int, int]]) -> None:
        nonlocal best
        if best is not None and len(runs) >= len(best):
            return
        if i == len(short):
            best = list(runs)
            return
        for start in range(j, len(full)):
            if full[start] != short[i]:
                continue
            if runs and start - runs[-1][1] < min_gap:
                continue
            end = start
            while end < len(full) and i + (end - start) < len(short) and full[end] == short[i + end - start]:
                end += 1
            # try the longest run first, then shorter ones (a later gap may need them)
            for stop in range(end, start, -1):
                walk(i + stop - start, stop, runs + [(start, stop)])

    walk(0, 0, [])
    return best


@lru_cache(maxsize=65536)  # the short-form finder and the linker test the same pairs
@lru_cache(maxsize=16384)
def _core_of(type_: str, name: str, context: PlaceContext) -> tuple[tuple[str, ...], str]:
    """A name's leading place codes and its core as ``_contraction`` compares them (places split
    off, contractions expanded, a company's legal form stripped), memoised: short-form linking
    compares every pair of a report's names of one type, and each name was split and expanded
    again for every other name (codes as a tuple: compared with ``!=`` and tested for emptiness only)."""
    codes, core = _split_places(name, context)
    core = _expand(type_, core, anchored=False)
    if type_ == "Company":
        core = _strip_legal(core)
    return tuple(codes), core


#: the realm words a body's name opens on after its place (中华, 中国, 全国), dropped with it in a short form
_REALM_WORDS_RE = re.compile(r"(?:中华|中国|全国)+")


def _contraction(type_: str, short: str, full: str, context: PlaceContext) -> tuple[int, int, int] | None:
    """Score an in-order contraction (中车电动 of 中车时代电动汽车…, 时代新材 of 株洲时代新材料…):
    (-runs, runs that begin a word, length of the first run), or None when ``short`` is not one."""
    if type_ not in CONTRACTION_TYPES:
        return None
    if type_ == "GovernmentAgency" and _level(short) is not None:
        return None
    short_codes, short_core = _core_of(type_, short, context)
    full_codes, full_core = _core_of(type_, full, context)
    if short_codes and short_codes != full_codes:
        return None
    if type_ in ("Institution", "GovernmentAgency") and short_core[:2] != full_core[:2] and (realm := _REALM_WORDS_RE.match(full_core)):
        full_core = full_core[realm.end():]  # 厂商会 of 香港中华厂商联合会: the realm words go with the place
    if len(short_core) < 2 or _is_bare(short_core) or short_core[:2] != full_core[:2]:
        return None
    if any(admin_code(short_core[-n:], context) for n in (2, 3) if len(short_core) > n):
        return None  # 中车株洲 (a brand and a place) names none of 中车株洲电机, 中车株洲所, 中车株机
    runs = _align(short_core, full_core)
    if runs is None and type_ == "Company":
        # 伊滨重机 of 伊滨重型机械: one skipped character, when every later run begins a word
        loose = _align(short_core, full_core, min_gap=1)
        if loose is not None and len(loose) > 1 and all(a in _word_offsets(full_core) for a, _ in loose[1:]):
            runs = loose
    if runs is None and type_ == "Company" and not short_codes and full_codes:
        # a contraction may keep one character of the place inside the name: 中车株机 of
        # 中车株洲电力机车 (株 of 株洲, 机 of 机车), so align against the name with its place too
        whole = _strip_legal(_expand(type_, full, anchored=False))
        if whole[:2] == short_core[:2]:
            runs = _align(short_core, whole)
            if runs is not None:
                full_core = whole
    if runs is None or len(runs) > 3:
        return None
    tail = full_core[runs[-1][1]:]
    gaps = "".join(full_core[a[1]:b[0]] for a, b in zip(runs, runs[1:]))
    if any(c in _BRACKETS for c in tail + gaps) or _split_places(tail, context)[0] or any(
        admin_code(tail[i:i + n], context) for n in (2, 3) for i in range(len(tail) - n + 1)
    ):
        return None  # 北汽 / 北汽株洲分公司, 中国移动 / 中国移动(湖南株洲)数据中心
    if type_ == "Park" and tail.endswith("园区") and (
        any(tail[:-2] + lvl in _places() for lvl in ("", "镇", "乡", "区", "市", "县")) or len(tail) == 4 and tail[:2] not in _PARK_KIND_WORDS
    ):
        return None  # 竹科 / 竹科新竹园区: a park and its site's park (a place and 园区) are two parks
    heads = _COMPANY_HEAD_RE if type_ == "Company" else _HEAD_RE  # 华锐汽车|部件: 部 of 部件 is no head
    if heads.search(tail) or heads.search(gaps):
        if not (type_ == "Park" and len(runs) == 1 and not _PARK_HEAD_RE.search(short_core) and _PARK_HEAD_RE.search(tail)):
            return None  # 省委 / 省委政法委; a park may drop its designator (清水塘 / 清水塘老工业区)
    return (-len(runs), _word_starts(full_core, runs), runs[0][1] - runs[0][0])


@lru_cache(maxsize=16384)
def _word_offsets(text: str) -> frozenset[int]:
    """Offsets where jieba starts a word in ``text``."""
    import jieba

    return frozenset(start for _, start, _ in jieba.tokenize(text, mode="search"))  # sub-words too: 电力|机车 of 电力机车


def _word_starts(full: str, runs: Sequence[tuple[int, int]]) -> int:
    """How many of the runs begin a word: 中车株机 takes 机 from 机车 (a word start) in
    中车株洲电力机车, but only from the middle of 电机 in 中车株洲电机; the first reading wins."""
    starts = _word_offsets(full)
    return sum(1 for a, _ in runs if a in starts)


@lru_cache(maxsize=16384)
def _context_key(type_: str, name: str, context: PlaceContext) -> str:
    """``name_key`` memoised: short-form linking compares every pair of a report's names."""
    return name_key(type_, name, context=context)


def _strength(
    type_: str, short: Mapping[str, Any], full: Mapping[str, Any], text: str, parks: frozenset[str], context: PlaceContext
) -> tuple[int, int, int] | None:
    """How strongly the entity ``short`` is a short form of ``full`` (higher is stronger)."""
    best: tuple[int, int, int] | None = None
    org = type_ in ORG_TYPES
    fulls = [(f_raw, f, len(f)) for f_raw in [full["name"], *(full.get("aliases") or [])] for f in (normalise_name(f_raw),)]
    for s_raw in [short["name"], *(short.get("aliases") or [])]:
        s = normalise_name(s_raw)
        s_len = len(s)
        s_key = None
        for f_raw, f, f_len in fulls:
            if s_len >= f_len:
                continue
            score: tuple[int, int, int] | None = None
            if org and _declared(text, s_raw, f_raw) or type_ in ("Standard", "StandardsBody") and _bracketed(text, s_raw, f_raw):
                score = (4, 0, 0)
            elif type_ == "GovernmentAgency" and _bracketed(text, s_raw, f_raw):
                score = (4, 0, 0)  # 潍坊市市场监督管理局（市知识产权局）: one body with two plaques
            elif org and _bracketed(text, s_raw, f_raw) and _contraction(type_, s, f, context) is not None:
                score = (4, 0, 0)  # 经济部标准检验局（标检局）
            elif org and len(s) >= 3 and s[-1] == f[-1] and _in_order(s, f) and _bracketed(text, s_raw, f_raw):
                score = (4, 0, 0)  # 中華民國對外貿易發展協會（外貿協會）: a short form in brackets right after the name
            elif (s_key := s_key or _context_key(type_, s, context)) == _context_key(type_, f, context) and not is_local(s_key):
                score = (3, 0, 0)
            elif not org:
                continue
            elif _affix(type_, s, f, parks, context) or _level_short_form(type_, s, f, context) or _same_task_force(type_, s, f):
                score = (2, 0, 0)
            else:
                found = _contraction(type_, s, f, context)
                if found is not None:
                    score = (1, *found)
            if score is not None and (best is None or score > best):
                best = score
    return best


def _legal_compatible(keys: set[str]) -> bool:
    """Are ``keys`` (legal-name keys, ``code:core`` or ``core``) one firm's: one core, and at most
    one place code (株洲市中车时代电动汽车股份有限公司 is 中车时代电动汽车股份有限公司 with its city
    written before it; 湖南X有限公司 and 江苏X有限公司 are two firms)?"""
    if len(keys) <= 1:
        return True
    cores = {k.split(":", 1)[-1] for k in keys}
    codes = {k.split(":", 1)[0] for k in keys if ":" in k}
    return len(cores) == 1 and len(codes) <= 1


class _Groups:
    """Union-find over list indices that refuses to join two different legal full names; within
    one report (``placed``), a legal name with its place written before it is not a different one."""

    def __init__(self, size: int, legal: Sequence[str | None], *, placed: bool = False) -> None:
        self.parent = list(range(size))
        self.legal = [{k} if k else set() for k in legal]
        self.placed = placed

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        joined = self.legal[ra] | self.legal[rb]
        if len(joined) > 1 and not (self.placed and _legal_compatible(joined)):
            return False  # 株洲南车时代电气… and 株洲中车时代电气… never meet through a short form
        keep, drop = min(ra, rb), max(ra, rb)
        self.parent[drop] = keep
        self.legal[keep] |= self.legal[drop]
        return True


def _bracket_aliases(entities: list[dict[str, Any]], text: str) -> None:
    """A park written with a district in brackets, 株洲高新区(天元区), keeps that written form as an
    alias: the report calls the park so. The district stays a Place of its own, and no locatedIn
    is implied either way (the brackets say the two are run as one, not that one holds the other)."""
    places = [(s, e) for ent in entities if ent.get("type") == "Place" for s, e in (ent.get("mentions") or [])]
    starts = {s: e for s, e in places}
    for entity in entities:
        if entity.get("type") != "Park":
            continue
        for start, end in entity.get("mentions") or []:
            if end < len(text) and text[end] in "(（" and end + 1 in starts:
                close = starts[end + 1]
                if close < len(text) and text[close] in ")）":
                    written = text[start:close + 1]
                    if written != entity["name"] and written not in entity.setdefault("aliases", []):
                        entity["aliases"].append(written)


def combine_names(entities: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The name, aliases and mentions of one entity made of ``entities`` (contract entity dicts,
    in order): its name is the longest of all their names (the first such), the others are its
    aliases once each by normalised form, its mentions the union, sorted."""
    names: list[str] = []
    for e in entities:
        for n in [e["name"], *e.get("aliases", [])]:
            if n not in names:
                names.append(n)
    name = max(names, key=lambda n: (len(normalise_name(n)), -names.index(n)))
    seen = {normalise_name(name)}
    aliases = []
    for n in names:
        if normalise_name(n) not in seen:
            seen.add(normalise_name(n))
            aliases.append(n)
    mentions = sorted({tuple(m) for e in entities for m in e["mentions"]})
    return {"name": name, "aliases": aliases, "mentions": [list(m) for m in mentions]}


#: a park's part named after the whole (竹科|竹南園區, 长沙高新区|麓谷产业园): its own name, then a kind
_PART_TAIL_RE = re.compile(r"(?P<own>[\u4e00-\u9fff]{2,6}?)(?:园区|产业园|工业园|科技园|分园|片区)")
#: what opens a park's kind, not a part's own name (中关村|科技园区 is 中关村's long form)
_KIND_HEADS = ("科技", "科学", "高新", "高科", "工业", "产业", "经济", "技术", "开发", "软件", "国家", "自主")


def _part_of_park(short: str, full: str) -> bool:
    """Is park ``full`` a part of park ``short`` named after it (竹科竹南園區 of 竹科), not its long form?"""
    short, full = normalise_name(short), normalise_name(full)
    m = _PART_TAIL_RE.fullmatch(full, len(short)) if full.startswith(short) else None
    return m is not None and not m.group("own").startswith(_KIND_HEADS)


def link_short_forms(entities: list[dict[str, Any]], text: str) -> Linked:
    """Merge short forms into the full name they abbreviate, within one report.

    ``entities`` are contract entity dicts (``id``, ``type``, ``name``, ``aliases``,
    ``mentions``); ``text`` is the report's text (for 以下简称 declarations and bracketed
    forms). A short form S is linked to a full form F of the same type, on one of (strongest
    first): F (以下简称"S"); the same canonical key (株洲高新区市场监管局 = 株洲高新区市场监督管理局,
    中车株机 = 中车株洲电力机车有限公司, 省委 = 湖南省委 in a Hunan report); F = places + S
    (湖南新能源汽车检测中心); or S spells F's name in order, starting with F's first two
    characters, skipping whole words only and dropping no head word (中车电动 = 中车时代电动汽车
    股份有限公司, 时代新材 = 株洲时代新材料科技股份有限公司). When two candidates fit equally well,
    S is left alone; two different legal names are never merged.

    A merged entity keeps the earliest member's id and position; its name is the longest name of
    the group, the others become aliases; mentions are united. Input dicts are not modified.
    Rewrite relations with ``remap_relations(relations, linked.remap)``.

    >>> linked = link_short_forms([
    ...     {"id": "e1", "type": "Company", "name": "中车电动", "aliases": [], "mentions": [[0, 4]]},
    ...     {"id": "e2", "type": "Company", "name": "中车时代电动汽车股份有限公司", "aliases": [], "mentions": [[9, 23]]},
    ...     {"id": "e3", "type": "Company", "name": "中车株洲电机有限公司", "aliases": [], "mentions": [[30, 40]]}], "")
    >>> [(e["id"], e["name"], e["aliases"]) for e in linked.entities], linked.remap
    ([('e1', '中车时代电动汽车股份有限公司', ['中车电动']), ('e3', '中车株洲电机有限公司', [])], {'e2': 'e1'})
    """
    items = [dict(e, aliases=list(e.get("aliases") or []), mentions=[list(m) for m in (e.get("mentions") or [])]) for e in entities]
    context = report_context(items)
    parks = frozenset(normalise_name(n) for e in items if e.get("type") == "Park" for n in [e["name"], *e["aliases"]])
    lengths = [max(len(normalise_name(n)) for n in [e["name"], *e["aliases"]]) for e in items]
    edges: list[tuple[int, int]] = []
    ties: list[tuple[int, list[int]]] = []
    of_type: dict[Any, list[int]] = defaultdict(list)  # the candidates of a short form: its type's entities
    for j, e in enumerate(items):
        of_type[e.get("type")].append(j)
    for i, short in enumerate(items):
        if short.get("type") not in LINK_TYPES:
            continue
        scores: dict[int, tuple[int, int, int]] = {}
        for j in of_type[short.get("type")]:
            if j == i or lengths[j] <= lengths[i]:
                continue
            if short.get("type") == "Park" and _part_of_park(short["name"], items[j]["name"]):
                continue  # 竹科 and 竹科竹南園區: the whole park and a part of it, two parks
            score = _strength(short["type"], short, items[j], text, parks, context)
            if score is not None:
                scores[j] = score
        if scores:
            top = max(scores.values())
            winners = [j for j, s in scores.items() if s == top]
            if len(winners) == 1:
                edges.append((i, winners[0]))
            else:
                ties.append((i, sorted(winners)))
    groups = _Groups(len(items), [_legal_key(e, context) for e in items], placed=True)
    for i, j in sorted(edges, key=lambda edge: (-lengths[edge[1]], edge)):
        groups.union(i, j)
    # a tie between candidates that are already one entity is no tie (区长质量奖 of 株洲高新区区长质量奖
    # and of 株洲市株洲高新区区长质量奖, which are linked themselves)
    for i, winners in ties:
        if len({groups.find(j) for j in winners}) == 1:
            groups.union(i, winners[0])
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        members[groups.find(i)].append(i)
    out: list[dict[str, Any]] = []
    remap: dict[str, str] = {}
    for root in sorted(members):
        idx = members[root]
        head = dict(items[idx[0]])
        head.update(combine_names([items[i] for i in idx]))
        out.append(head)
        for i in idx[1:]:
            remap[items[i]["id"]] = head["id"]
    order = {e["id"]: n for n, e in enumerate(items)}
    out.sort(key=lambda e: order[e["id"]])
    _bracket_aliases(out, text)
    return Linked(out, remap)


def remap_relations(relations: Iterable[Mapping[str, Any]], remap: Mapping[str, str]) -> list[dict[str, Any]]:
    """Relations with subject and object ids rewritten by ``remap``; a relation that now joins
    an entity to itself is dropped, and so is an exact repeat (same ids, predicate, qualifiers).

    >>> remap_relations([{"subject": "e2", "predicate": "receivedAward", "object": "e5"},
    ...                  {"subject": "e1", "predicate": "receivedAward", "object": "e5"},
    ...                  {"subject": "e1", "predicate": "standardsCount", "object": "national", "count": 3}],
    ...                 {"e2": "e1"})
    [{'subject': 'e1', 'predicate': 'receivedAward', 'object': 'e5'}, {'subject': 'e1', 'predicate': 'standardsCount', 'object': 'national', 'count': 3}]
    """
    out: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()
    for relation in relations:
        rel = dict(relation)
        rel["subject"] = remap.get(rel.get("subject"), rel.get("subject"))
        obj = rel.get("object")
        if isinstance(obj, str) and rel.get("predicate") != "standardsCount":
            rel["object"] = remap.get(obj, obj)
        if rel["subject"] == rel.get("object"):
            continue
        key = tuple(rel.get(k) for k in ("subject", "predicate", "object", "year", "edition", "grade", "count", "role"))
        if key in seen:
            continue
        seen.add(key)
        out.append(rel)
    return out
