"""Entity resolution: which names, mentions and entities are one real-world entity.

Owns:

- linking short forms to the full name they abbreviate within one report
  (:func:`link_short_forms`, with :func:`remap_relations` to rewrite relation ids);
- the canonical key of a name (:func:`name_key`) and of an entity (:func:`entity_key`): a pure
  function of the type, the names and the report's place context (:func:`report_context`), so
  that a single report can be rebuilt on its own and still get the same keys;
- the cross-report :class:`Resolver` (:func:`resolve`), which on top of those keys merges
  entities of different reports that share a name or an alias;
- the background facts read from bundled lexicons: admin-division parents
  (:func:`admin_links`) and renames (:func:`renames`).

Hands on plain strings and dicts: keys to ``kg.rdfmap`` (which mints IRIs from them), merged
entities and an id remap to ``kg.nlp.to_contract``. Must not mint IRIs, build RDF, touch a store
or run the NLP pipeline; the lexicons are read through ``kg.resources``.

Precision over recall: a short form is linked only on strong evidence (declared with 简称, the
same canonical key, a place prefix dropped, or an in-order contraction that keeps the full name's
head), and never when two candidates fit equally well. Names that identify no body without a
place (政府, 管委会, a bare 市场监督管理局) get a key local to their report.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from .resources import load_tsv, load_words
from .text import normalise_name

__all__ = [
    "PlaceContext",
    "Linked",
    "Resolver",
    "Rename",
    "report_context",
    "name_key",
    "entity_key",
    "is_local",
    "link_short_forms",
    "remap_relations",
    "resolve",
    "admin_code",
    "admin_links",
    "name_place",
    "enclosing_place",
    "renames",
    "ADMIN_RULE",
    "PARK_RULE",
    "RENAME_RULE",
]

#: The rule id of facts taken from ``admin_divisions.tsv`` (place kg:locatedIn parent place).
ADMIN_RULE = "admin_divisions.v1"
#: The rule id of a park kg:locatedIn the place its own name starts with (攸县高新区 -> 攸县).
PARK_RULE = "park_name_place.v1"
#: The rule id of facts taken from ``renames.tsv`` (old kg:renamedTo new).
RENAME_RULE = "renames.v1"

#: Types whose names are compared as organisation names (place prefix, contractions, heads).
ORG_TYPES = frozenset({"Company", "GovernmentAgency", "Institution", "StandardsBody", "Park", "Award"})
#: Types whose entities link_short_forms compares (places, people and standards by key only).
LINK_TYPES = ORG_TYPES | {"Place", "Person", "Standard"}
#: Types whose short forms may be linked by an in-order contraction (中车电动 -> 中车时代电动汽车…).
CONTRACTION_TYPES = frozenset({"Company", "GovernmentAgency", "Institution", "StandardsBody", "Park"})

# Level characters that stand for "the province / city of this report" at the start of a body's
# name (省市场监管局, 市政府), and the words that merely start with them.
_LEVEL_WORDS = {
    "省": re.compile(r"省(?:级|属|内|外|份|会|直)"),
    "市": re.compile(r"市(?:场|民|级|属|区|内|外|县|直|辖|政(?!府))"),
}
# Levels kg does not resolve from context (a report names many districts): always report-local.
_LOCAL_LEVELS = {
    "区": re.compile(r"区(?:域|级|内)"),
    "县": re.compile(r"县(?:域|级|内)"),
    "镇": re.compile(r"镇级"),
    "乡": re.compile(r"乡(?:村|镇)"),
}
# Names of national bodies start with these.
_NATIONAL = ("国家", "国务院", "中共中央", "党中央", "中央", "全国", "中华人民共和国", "中国")
# Characters and words that end an organisation's name: a short form never drops one of them
# (省委 is not 省委政法委, 北汽 is not 北汽株洲分公司).
_HEAD_RE = re.compile(r"公司|厂|局|委|厅|部|办|处|室|中心|院|所|站|会|组|队|基地|集团|班|园|区|谷|城|集群|校|馆")
_COMPANY_HEAD_RE = re.compile(r"公司|集团|厂$|中心|院$|所$|基地|分部$|事业部")
_PARK_HEAD_RE = re.compile(r"(?:园|区|谷|城|集群|基地)$")
_BRACKETS = "()（）"
_MARKS_RE = re.compile(r"[“”\"'‘’「」『』《》]")
_DOT = "·・•"


# -- lexicons ------------------------------------------------------------------------------------

class _Contraction(NamedTuple):
    short: str
    full: str
    scope: str
    types: frozenset[str]


@lru_cache(maxsize=1)
def _contractions() -> tuple[_Contraction, ...]:
    rows = []
    for row in load_tsv("contractions.tsv"):
        short, full, scope, types = row[:4]
        rows.append(_Contraction(normalise_name(short), normalise_name(full), scope, frozenset(t.strip() for t in types.split(","))))
    return tuple(sorted(rows, key=lambda c: -len(c.short)))


@lru_cache(maxsize=1)
def _legal_forms() -> tuple[str, ...]:
    return tuple(sorted((row[0] for row in load_tsv("legal_forms.tsv")), key=len, reverse=True))


@lru_cache(maxsize=1)
def _bare_names() -> frozenset[str]:
    return frozenset(load_words("bare_names.tsv"))


@lru_cache(maxsize=1)
def _generic_words() -> tuple[str, ...]:
    return tuple(sorted(set(load_words("generic_words.tsv")), key=len, reverse=True))


@lru_cache(maxsize=1)
def _lexicon_names() -> dict[str, dict[str, str]]:
    """Per type, every surface form of a lexicon body -> its full name (工信部 -> 工业和信息化部)."""
    table: dict[str, dict[str, str]] = defaultdict(dict)
    for row in load_tsv("agencies.tsv"):
        name = normalise_name(row[0])
        table["GovernmentAgency"][name] = name
        for alias in (row[1].split(",") if len(row) > 1 else []):
            if alias.strip():
                table["GovernmentAgency"][normalise_name(alias)] = name
    for row in load_tsv("institutions.tsv"):
        name, kind = normalise_name(row[0]), (row[1] if len(row) > 1 else "Institution")
        table[kind][name] = name
        for alias in (row[2].split(",") if len(row) > 2 else []):
            if alias.strip():
                table[kind][normalise_name(alias)] = name
    return dict(table)


class _Admin(NamedTuple):
    name: dict[str, str]  # code -> name
    level: dict[str, str]  # code -> province / city / county
    parent: dict[str, str]  # code -> parent code ("" at the top)
    codes: dict[str, tuple[str, ...]]  # full name -> every code with that name


@lru_cache(maxsize=1)
def _admin() -> _Admin:
    name, level, parent = {}, {}, {}
    codes: dict[str, list[str]] = defaultdict(list)
    for row in load_tsv("admin_divisions.tsv"):
        code, full, lvl, up = (row + ("", "", "", ""))[:4]
        name[code], level[code], parent[code] = full, lvl, up
        codes[full].append(code)
    return _Admin(name, level, parent, {k: tuple(v) for k, v in codes.items()})


@lru_cache(maxsize=1)
def _places() -> dict[str, dict[str, str]]:
    """Place surface forms (株洲, 株洲市, 湖南) -> entry; shared with the extractor's place rules."""
    from .nlp.rules import place_table  # imported late: kg.nlp loads spaCy

    return place_table()


@lru_cache(maxsize=1)
def _max_place_len() -> int:
    return max(len(k) for k in _places())


class Rename(NamedTuple):
    """One row of ``renames.tsv``."""

    old: str
    new: str
    type: str
    date: str
    certainty: str
    note: str


@lru_cache(maxsize=1)
def renames(*, include_likely: bool = False) -> tuple[Rename, ...]:
    """The renames kg applies (``certainty == "sure"``), or every row with ``include_likely``.

    >>> any(r.old == "株洲南车时代电气股份有限公司" and r.new == "株洲中车时代电气股份有限公司" for r in renames())
    True
    """
    rows = [Rename(*(row + ("",) * 6)[:6]) for row in load_tsv("renames.tsv")]
    return tuple(r for r in rows if include_likely or r.certainty == "sure")


# -- places ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PlaceContext:
    """The province and city a report is about (admin codes), or None where it is not clear."""

    province: str | None = None
    city: str | None = None


def _ancestor(code: str, level: str) -> str | None:
    admin = _admin()
    seen = 0
    while code and seen < 6:
        if admin.level.get(code) == level:
            return code
        code, seen = admin.parent.get(code, ""), seen + 1
    return None


def _ancestors(code: str) -> list[str]:
    admin, out = _admin(), []
    code = admin.parent.get(code, "")
    while code and len(out) < 6:
        out.append(code)
        code = admin.parent.get(code, "")
    return out


def _is_city(code: str) -> bool:
    """A prefecture-level city, or a province-level municipality (北京市): what 市 can stand for."""
    admin = _admin()
    lvl = admin.level.get(code)
    return lvl == "city" and admin.name.get(code) != "市辖区" or (lvl == "province" and admin.name.get(code, "").endswith("市"))


def admin_code(name: str, context: PlaceContext | None = None) -> str | None:
    """The admin code of a place name (株洲 -> 430200), using ``context`` when the name is shared.

    >>> admin_code("株洲"), admin_code("湖南省"), admin_code("沙特阿拉伯")
    ('430200', '430000', None)
    """
    entry = _places().get(normalise_name(name))
    if not entry or not entry.get("code"):
        return None
    codes = _admin().codes.get(entry["name"], (entry["code"],))
    if len(codes) == 1:
        return codes[0]
    if context is not None:
        for anchor in (context.city, context.province):
            if anchor:
                inside = [c for c in codes if anchor in _ancestors(c)]
                if len(inside) == 1:
                    return inside[0]
    return None  # a name several places share (朝阳区): not resolved without context


def _dominant(counts: Counter[str]) -> str | None:
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def report_context(entities: Iterable[Mapping[str, Any]]) -> PlaceContext:
    """The report's province and city: the most-mentioned ones among its Place entities.

    A city counts for its province too (a Zhuzhou report is a Hunan report); a district counts
    for its province, not for a city. A tie gives None. Mention counts come from ``mentions``
    (one when the entity has none).

    >>> ctx = report_context([{"type": "Place", "name": "株洲", "mentions": [[0, 2], [9, 11]]}])
    >>> ctx.province, ctx.city
    ('430000', '430200')
    """
    provinces: Counter[str] = Counter()
    cities: Counter[str] = Counter()
    for entity in entities:
        if entity.get("type") != "Place":
            continue
        count = len(entity.get("mentions") or []) or 1
        code = next(
            (c for c in (admin_code(n) for n in [entity.get("name", ""), *(entity.get("aliases") or [])]) if c), None
        )
        if code is None:
            continue
        province = _ancestor(code, "province")
        if province:
            provinces[province] += count
        if _is_city(code):
            cities[code] += count
    province = _dominant(provinces)
    city = _dominant(cities)
    if city is not None and province is not None and _ancestor(city, "province") != province:
        city = None
    if province is None and city is not None:
        province = _ancestor(city, "province")
    return PlaceContext(province, city)


def _split_places(text: str, context: PlaceContext | None) -> tuple[list[str], str]:
    """Leading admin places of a name -> (their codes, the rest): 湖南株洲X -> (['430000', '430200'], 'X').

    A place followed by a middle dot only locates what follows (株洲·中国动力谷): it is dropped.
    The longest place that leaves some name is taken (湖南省|委, not 湖南|省委).
    """
    codes: list[str] = []
    pos = 0
    places = _places()
    while pos < len(text):
        found = None
        for size in range(min(_max_place_len(), len(text) - pos - 1), 1, -1):
            surface = text[pos:pos + size]
            if surface in places and places[surface].get("code"):
                code = admin_code(surface, context)
                if code:
                    found = (size, code)
                    break
        if found is None:
            break
        size, code = found
        pos += size
        if pos < len(text) and text[pos] in _DOT:
            codes = []
            pos += 1
            continue
        codes.append(code)
    return codes, text[pos:]


def _most_specific(codes: Sequence[str]) -> str:
    rank = {"county": 0, "city": 1, "province": 2}
    admin = _admin()
    return min(reversed(codes), key=lambda c: rank.get(admin.level.get(c, ""), 3))


# -- keys ------------------------------------------------------------------------------------------

@lru_cache(maxsize=16384)  # names recur across the pairs short-form linking compares
def _strip_generic(text: str) -> str:
    rest, changed = text, True
    words = _generic_words()
    while rest and changed:
        changed = False
        for word in words:
            if rest.startswith(word) and len(word) < len(rest):
                rest, changed = rest[len(word):], True
                break
    return rest


def _is_bare(text: str) -> bool:
    """True when ``text`` names no particular body on its own (政府, 国家重点实验室, 高新区)."""
    if not text:
        return True
    bare = _bare_names()
    return text in bare or _strip_generic(text) in bare


def _strip_legal(text: str) -> str:
    """Drop a company's legal form (股份有限公司, 公司, 股份), but never a 分公司 / 子公司."""
    for suffix in _legal_forms():
        if text.endswith(suffix) and len(text) - len(suffix) >= 2 and text[-len(suffix) - 1] not in "分子":
            return text[: -len(suffix)]
    return text


def _expand(type_: str, text: str, *, anchored: bool) -> str:
    """Apply the established contractions of ``contractions.tsv`` to a name's core."""
    for c in _contractions():
        if type_ not in c.types:
            continue
        if c.scope == "suffix" and text.endswith(c.short) and not text.endswith(c.full):
            text = text[: -len(c.short)] + c.full
        elif c.scope == "core" and text == c.short and anchored:
            text = c.full
        elif c.scope == "prefix" and text.startswith(c.short):
            text = c.full + text[len(c.short):]
        elif c.scope == "piece" and c.short in text:
            text = text.replace(c.short, c.full)
    return text


def _level(text: str) -> str | None:
    """'province' / 'city' when a body's name starts with 省 / 市 standing for a place; 'local'
    for 区 / 县 / 镇 / 乡, which kg does not resolve; None otherwise."""
    if len(text) < 2:
        return None
    head = text[0]
    if head in _LEVEL_WORDS and not _LEVEL_WORDS[head].match(text):
        return "province" if head == "省" else "city"
    if head in _LOCAL_LEVELS and not _LOCAL_LEVELS[head].match(text):
        return "local"
    return None


def _is_national(text: str) -> bool:
    return text.startswith(_NATIONAL) or text in _lexicon_names().get("GovernmentAgency", {}).values()


def _lexicon_name(type_: str, text: str) -> str:
    """A lexicon body's full name for any of its surface forms; 国家工信部 -> 工业和信息化部."""
    table = _lexicon_names().get(type_, {})
    if text in table:
        return table[text]
    if type_ == "GovernmentAgency":
        for prefix in ("中华人民共和国", "国家"):
            if text.startswith(prefix) and text[len(prefix):] in table:
                return table[text[len(prefix):]]
    return text


def is_local(key: str) -> bool:
    """True for a key that holds only inside its report (a bare or context-dependent name)."""
    return key.startswith("@")


def _local(doc: str | None, text: str) -> str:
    return f"@{doc or ''}:{text}"


def name_key(type_: str, name: str, *, context: PlaceContext | None = None, doc: str | None = None) -> str:
    """The canonical key of one name of an entity of ``type_`` in a report with ``context``.

    Names get the same key when they name the same entity by kg's rules: the contract's
    normalisation; a place by its admin code (株洲 = 株洲市); a place prefix by the code of its
    most specific place (株洲市高新区 = 株洲高新区); 省 / 市 in a body's name by the report's
    province / city (省市场监管局 in a Hunan report = 湖南省市场监督管理局); established
    contractions (市场监管局, 工信局, 株机); a company's legal form dropped; lexicon short
    names (工信部). A bare or unresolved name gets a key local to ``doc`` (``@doc:name``).

    >>> name_key("Place", "株洲") == name_key("Place", "株洲市") == "430200"
    True
    >>> name_key("GovernmentAgency", "省市场监管局", context=PlaceContext("430000", "430200"))
    '430000:市场监督管理局'
    >>> name_key("GovernmentAgency", "市政府", context=PlaceContext("430000", "430200"))
    '430200:人民政府'
    >>> name_key("GovernmentAgency", "市政府", doc="r1"), name_key("GovernmentAgency", "政府", doc="r1")
    ('@r1:市政府', '@r1:政府')
    >>> name_key("Company", "株洲时代新材料科技股份有限公司"), name_key("Company", "中联重科")
    ('430200:时代新材料科技', '中联重科')
    """
    text = normalise_name(name)
    if type_ == "Place":
        code = admin_code(text, context)
        if code:
            return code
        entry = _places().get(text)
        if entry and entry.get("code"):
            return _local(doc, text)  # an admin name several places share, not resolved
        return normalise_name(entry["name"]) if entry else text
    if type_ not in ORG_TYPES:
        return text
    core = _MARKS_RE.sub("", text)
    core = _lexicon_name(type_, core)
    code: str | None = None
    if type_ == "GovernmentAgency":
        level = _level(core)
        if level == "local":
            return _local(doc, text)
        if level is not None:
            code = (context.province if level == "province" else context.city) if context else None
            if code is None:
                return _local(doc, text)
            core = core[1:]
    if code is None:
        codes, core = _split_places(core, context)
        if codes:
            code = _most_specific(codes)
    core = core.strip(_DOT)
    core = _expand(type_, core, anchored=code is not None)
    if type_ == "Company":
        core = _strip_legal(core)
    if code is None and (_is_bare(core) or (type_ == "GovernmentAgency" and not _is_national(core))):
        return _local(doc, text)
    return f"{code}:{core}" if code else core


def entity_key(entity: Mapping[str, Any], *, context: PlaceContext | None = None, doc: str | None = None) -> str:
    """The key of a contract entity: its name's key, or the key of its longest alias that holds
    beyond the report when the name's does not (区政府 named, 株洲高新区管委会 as alias).

    Computed from the entity and its report's context only, so one report can be rebuilt alone.
    """
    type_ = entity.get("type", "")
    names = [entity.get("name", "")] + sorted(entity.get("aliases") or [], key=lambda a: -len(a))
    keys = [name_key(type_, n, context=context, doc=doc) for n in names if n]
    return next((k for k in keys if not is_local(k)), keys[0] if keys else _local(doc, ""))


# -- within one report: short forms ------------------------------------------------------------------

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


def _anchors_only(prefix: str, type_: str, parks: frozenset[str], context: PlaceContext) -> bool:
    """True when ``prefix`` is made of places (and, for awards, parks or 全国; for institutions
    and awards, 国家), so that dropping it leaves the same body: 湖南|新能源汽车检测中心."""
    extra = {"国家", "国家级"} if type_ in ("Institution", "Award") else set()
    if type_ == "Award":
        extra |= {"全国"} | set(parks)
    pos = 0
    while pos < len(prefix):
        for size in range(len(prefix) - pos, 0, -1):
            piece = prefix[pos:pos + size]
            if piece in extra or (size >= 2 and admin_code(piece, context)):
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


def _level_short_form(type_: str, short: str, full: str, context: PlaceContext) -> bool:
    """县市场监管局 of 松阳县市场监督管理局 in one report: a body named by the level of its place
    (省/市/县/区) stands for the body of the report's place of that level that it names in full."""
    if type_ != "GovernmentAgency" or len(short) < 4 or short[0] not in "省市县区":
        return False
    codes, rest = _split_places(full, context)
    if not codes or not rest:
        return False
    place = full[: len(full) - len(rest)]
    return place.endswith(short[0]) and _expand(type_, short[1:], anchored=True) == _expand(type_, rest, anchored=True)


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
def _contraction(type_: str, short: str, full: str, context: PlaceContext) -> tuple[int, int, int] | None:
    """Score an in-order contraction (中车电动 of 中车时代电动汽车…, 时代新材 of 株洲时代新材料…):
    (-runs, runs that begin a word, length of the first run), or None when ``short`` is not one."""
    if type_ not in CONTRACTION_TYPES:
        return None
    if type_ == "GovernmentAgency" and _level(short) is not None:
        return None
    short_codes, short_core = _split_places(short, context)
    full_codes, full_core = _split_places(full, context)
    if short_codes and short_codes != full_codes:
        return None
    short_core = _expand(type_, short_core, anchored=False)
    full_core = _expand(type_, full_core, anchored=False)
    if type_ == "Company":
        short_core, full_core = _strip_legal(short_core), _strip_legal(full_core)
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


def _legal_key(entity: Mapping[str, Any], context: PlaceContext) -> str | None:
    """The key of a company's full legal name (one ending in a legal form), else None."""
    if entity.get("type") != "Company":
        return None
    name = normalise_name(entity.get("name", ""))
    core = _strip_legal(name)
    if core == name:
        return None
    if name.endswith("公司") and not name.endswith("有限公司") and len(core) <= 4:
        return None  # 中车株机公司, 北汽公司: a short name with 公司, not a legal name
    return name_key("Company", name, context=context)


class _Groups:
    """Union-find over list indices that refuses to join two different legal full names."""

    def __init__(self, size: int, legal: Sequence[str | None]) -> None:
        self.parent = list(range(size))
        self.legal = [{k} if k else set() for k in legal]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if len(self.legal[ra] | self.legal[rb]) > 1:
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
    groups = _Groups(len(items), [_legal_key(e, context) for e in items])
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


# -- across reports --------------------------------------------------------------------------------

@dataclass
class Resolver:
    """Canonical keys of the entities of many reports (see :func:`resolve`)."""

    keys: dict[tuple[str, str], str] = field(default_factory=dict)  # (doc, id) -> canonical key
    types: dict[tuple[str, str], str] = field(default_factory=dict)  # (doc, id) -> type
    contexts: dict[str, PlaceContext] = field(default_factory=dict)  # doc -> place context
    names: dict[tuple[str, str, str], tuple[str, str]] = field(default_factory=dict)  # (type, doc, name) -> (doc, id)
    name_keys: dict[tuple[str, str], str] = field(default_factory=dict)  # (type, name key) -> canonical key

    def key(self, doc: str, entity_id: str) -> str:
        """The canonical key of entity ``entity_id`` of report ``doc``."""
        return self.keys[(doc, entity_id)]

    def canonical(self, type_: str, name: str, doc: str | None = None) -> str:
        """The canonical key of ``name`` read in report ``doc``: the key of the entity of that
        report bearing the name, else the key the name gets with the report's context."""
        text = normalise_name(name)
        if doc is not None and (type_, doc, text) in self.names:
            return self.keys[self.names[(type_, doc, text)]]
        context = self.contexts.get(doc or "")
        key = name_key(type_, text, context=context, doc=doc)
        return self.name_keys.get((type_, key), key)

    def groups(self, type_: str | None = None) -> dict[tuple[str, str], list[tuple[str, str]]]:
        """(type, canonical key) -> the (doc, id) of every entity resolved to it."""
        out: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        for ref, key in sorted(self.keys.items()):
            if type_ is None or self.types[ref] == type_:
                out[(self.types[ref], key)].append(ref)
        return dict(out)


def _contraction_score(type_: str, shorts: Sequence[str], fulls: Sequence[str], context: PlaceContext) -> tuple[int, int] | None:
    best: tuple[int, int] | None = None
    for s in shorts:
        for f in fulls:
            if len(s) < len(f):
                found = _contraction(type_, s, f, context)
                if found is not None and (best is None or found > best):
                    best = found
    return best


def _stem(name: str, context: PlaceContext) -> str:
    """The first two characters after a name's leading places: what a contraction starts with."""
    return _split_places(name, context)[1][:2]


def _link_contractions(
    groups: _Groups,
    refs: Sequence[tuple[str, str]],
    resolver: Resolver,
    names_of: Sequence[Sequence[str]],
    lengths: Sequence[int],
    legal: Sequence[str | None],
) -> None:
    """Across reports: a short form (no legal form) that no longer name of its own report
    contracts joins the longer name of another report that it is an in-order contraction of
    (the test of :func:`link_short_forms`), when both reports are about the same province and
    exactly one group of full names fits best. The province keeps a firm's short name from
    joining a namesake elsewhere; a tie links nothing."""
    index: dict[tuple[str, str | None, str], list[int]] = defaultdict(list)
    for j, ref in enumerate(refs):
        type_, context = resolver.types[ref], resolver.contexts[ref[0]]
        if type_ in CONTRACTION_TYPES and context.province:
            for stem in {_stem(n, context) for n in names_of[j]}:
                index[(type_, context.province, stem)].append(j)
    for i, (doc, _) in enumerate(refs):
        type_, context = resolver.types[refs[i]], resolver.contexts[doc]
        if type_ not in CONTRACTION_TYPES or legal[i] is not None or not context.province:
            continue
        candidates = sorted({j for stem in {_stem(n, context) for n in names_of[i]}
                             for j in index.get((type_, context.province, stem), []) if lengths[j] > lengths[i]})
        scores: dict[int, tuple[int, int]] = {}
        own_report = False
        for j in candidates:
            score = _contraction_score(type_, names_of[i], names_of[j], context)
            if score is not None:
                if refs[j][0] == doc:
                    own_report = True  # its own report decides (link_short_forms)
                    break
                scores[j] = score
        if own_report or not scores:
            continue
        top = max(scores.values())
        winners = [j for j, score in scores.items() if score == top]
        if len({groups.find(j) for j in winners}) == 1:
            groups.union(winners[0], i)


def resolve(results: Iterable[Mapping[str, Any]], *, link_aliases: bool = True) -> Resolver:
    """Resolve the entities of many contract results into canonical keys.

    Each entity first gets :func:`entity_key` (its report's own evidence and place context).
    With ``link_aliases``, entities of one type that share any name key (a name or an alias,
    local keys excepted) are then merged across reports: 时代新材 alone in one report joins
    株洲时代新材料科技股份有限公司 when another report ties the two. Two different legal company
    names are never merged that way. Then a short form that its own report never expands joins
    the one full name that a report of the same province spells it from (see
    :func:`_link_contractions`: 中车株所 in one Hunan report, 中车株洲研究所有限公司 in another).
    A merged group takes the key of its member with the longest name (ties: the smallest key),
    so the result does not depend on the order of ``results``.

    A result may carry its place context as ``"context": {"province": code, "city": code}``
    (the pseudo-reports of a store's nodes do); otherwise it comes from its Place entities.
    """
    resolver = Resolver()
    refs: list[tuple[str, str]] = []
    own: list[str] = []
    keys_of: list[set[str]] = []
    lengths: list[int] = []
    legal: list[str | None] = []
    names_of: list[list[str]] = []
    for result in results:
        doc = str(result.get("doc", ""))
        entities = list(result.get("entities") or [])
        given = result.get("context")
        context = PlaceContext(given.get("province"), given.get("city")) if isinstance(given, Mapping) else report_context(entities)
        resolver.contexts[doc] = context
        for entity in entities:
            ref = (doc, str(entity.get("id")))
            type_ = entity.get("type", "")
            names = [entity.get("name", ""), *(entity.get("aliases") or [])]
            refs.append(ref)
            resolver.types[ref] = type_
            own.append(entity_key(entity, context=context, doc=doc))
            keys_of.append({k for k in (name_key(type_, n, context=context, doc=doc) for n in names if n) if not is_local(k)})
            lengths.append(max(len(normalise_name(n)) for n in names if n) if any(names) else 0)
            legal.append(_legal_key(entity, context))
            names_of.append([normalise_name(n) for n in names if n])
            for n in names:
                if n:
                    resolver.names.setdefault((type_, doc, normalise_name(n)), ref)
    groups = _Groups(len(refs), legal)
    if link_aliases:
        holders: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, ref in enumerate(refs):
            for key in keys_of[i] | ({own[i]} if not is_local(own[i]) else set()):
                holders[(resolver.types[ref], key)].append(i)
        order = sorted(range(len(refs)), key=lambda i: (-lengths[i], own[i], refs[i]))
        rank = {i: n for n, i in enumerate(order)}
        for (_, _), members in sorted(holders.items()):
            members = sorted(members, key=rank.__getitem__)
            for other in members[1:]:
                groups.union(members[0], other)
        _link_contractions(groups, refs, resolver, names_of, lengths, legal)
    chosen: dict[int, int] = {}
    for i in range(len(refs)):
        root = groups.find(i)
        best = chosen.get(root)
        if best is None or (-lengths[i], own[i], refs[i]) < (-lengths[best], own[best], refs[best]):
            chosen[root] = i
    for i, ref in enumerate(refs):
        canonical = own[chosen[groups.find(i)]]
        resolver.keys[ref] = canonical
        for key in keys_of[i] | {own[i]}:
            resolver.name_keys.setdefault((resolver.types[ref], key), canonical)
    return resolver


# -- background facts ------------------------------------------------------------------------------

def name_place(name: str) -> str | None:
    """The admin code of the most specific place a name starts with, unambiguous without
    context (株洲高新区 -> 株洲, 湖南叁农干亩蔬菜产业园 -> 湖南), else None. A place followed by a
    middle dot (株洲·中国动力谷) is not counted, nor is a name that is only a place.

    >>> name_place("株洲高新区"), name_place("攸县高新区"), name_place("中国动力谷")
    ('430200', '430223', None)
    """
    codes, rest = _split_places(_MARKS_RE.sub("", normalise_name(name)), None)
    return _most_specific(codes) if codes and rest else None


def enclosing_place(code: str, present: Iterable[str]) -> str | None:
    """``code`` itself when it is in ``present``, else its nearest ancestor that is, else None.

    >>> enclosing_place("430223", ["430000", "430200"])
    '430200'
    """
    there = set(present)
    return next((c for c in [code, *_ancestors(code)] if c in there), None)


def admin_links(codes: Iterable[str]) -> list[tuple[str, str]]:
    """(place, nearest ancestor) pairs among ``codes``, as the admin data nests them, sorted.

    Only places that are in ``codes`` are linked: a district to its city when the city is
    there, else to its province.

    >>> admin_links(["430211", "430200", "430000", "110000"])
    [('430200', '430000'), ('430211', '430200')]
    """
    present = set(codes)
    links = []
    for code in sorted(present):
        for up in _ancestors(code):
            if up in present:
                links.append((code, up))
                break
    return links
