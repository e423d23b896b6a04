"""Canonical keys of names and entities: a pure function of the type, the names and the report's
place context, so that one report rebuilt on its own gets the same keys.

Owns :func:`name_key`, :func:`entity_key`, :func:`is_local` and the name surgery they share
(legal forms, generic words, bare names, contractions, 省/市 levels), and the key of a company's
legal name (``_legal_key``), which no merge may join to another.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from ..text import normalise_name
from .lexicons import _bare_names, _contractions, _generic_words, _legal_forms, _lexicon_names, _places
from .places import _DOT, _MARKS_RE, PlaceContext, _most_specific, _split_places, admin_code

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


@lru_cache(maxsize=16384)  # names recur across the pairs short-form linking compares
def _strip_generic(text: str) -> str:
    rest, changed = text, True
    words = _generic_words()
    while rest and changed:
        if not rest.startswith(words):
            break  # no generic word opens it (most names): one test in C, not one per word
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
    """A lexicon body's full name for any of its surface forms; 国家工信部 -> 工业和信息化部,
    市场监督管理总局 -> 国家市场监督管理总局."""
    table = _lexicon_names().get(type_, {})
    if text in table:
        return table[text]
    if type_ == "GovernmentAgency":
        for prefix in ("中华人民共和国", "国家"):
            if text.startswith(prefix) and text[len(prefix):] in table:
                return table[text[len(prefix):]]
        if "国家" + text in table:
            return table["国家" + text]  # 市场监督管理总局: the national body named without 国家
    return text


def is_local(key: str) -> bool:
    """True for a key that holds only inside its report (a bare or context-dependent name)."""
    return key.startswith("@")


def _local(doc: str | None, text: str) -> str:
    return f"@{doc or ''}:{text}"


#: the legal form of a foundation or a society written before its name in Taiwan (財團法人, 社團法人)
_JURIDICAL_PERSONS = ("财团法人", "社团法人")


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
    if core.startswith(_JURIDICAL_PERSONS) and len(core) > 6:
        core = core[4:]  # 财团法人工业技术研究院 = 工业技术研究院: Taiwan's form of a juridical person, no part of the body's name
    core = _lexicon_name(type_, core)
    # a body of the lexicons is named, though its words are generic (国家标准化管理委员会)
    listed = core in _lexicon_names().get(type_, {})
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
    if code is None and not listed and (_is_bare(core) or (type_ == "GovernmentAgency" and not _is_national(core))):
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
