"""The bundled lexicons entity resolution reads, loaded once each: established contractions,
legal forms, bare names, generic words, the agencies' and institutions' surface forms, the
admin divisions, the place table shared with the extractor, and renames.

Owns reading them (through ``kg.resources``) into lookup tables, and the rule ids of the facts
taken from them. Must not compute keys or link anything (``keys``, ``linking`` do).
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import NamedTuple

from ..resources import load_tsv, load_words
from ..text import normalise_name

#: The rule id of facts taken from ``admin_divisions.tsv`` (place kg:locatedIn parent place).
ADMIN_RULE = "admin_divisions.v1"
#: The rule id of a park kg:locatedIn the place its own name starts with (攸县高新区 -> 攸县).
PARK_RULE = "park_name_place.v1"
#: The rule id of facts taken from ``renames.tsv`` (old kg:renamedTo new).
RENAME_RULE = "renames.v1"


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
def place_table() -> dict[str, dict[str, str]]:
    """Every place surface form -> ``{"name", "level", "parent", "code"}`` (short forms included)."""
    table: dict[str, dict[str, str]] = {}
    by_code: dict[str, str] = {}
    rows = load_tsv("admin_divisions.tsv")
    for code, name, level, parent in (r + ("",) * (4 - len(r)) for r in rows):
        by_code[code] = name
    # common words that are also short forms of cities: never match them alone
    ambiguous_short = {"东方", "开封", "长治", "安康", "城中", "城区", "郊区", "矿区", "新区", "和平", "永安", "普洱", "白山", "通化"}
    for code, name, level, parent in (r + ("",) * (4 - len(r)) for r in rows):
        entry = {"name": name, "level": level, "parent": by_code.get(parent, ""), "code": code}
        table.setdefault(name, entry)
        short = None
        for suffix in ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省"):
            if level == "province" and name.endswith(suffix):
                short = name[: -len(suffix)]
                break
        if level == "province" and name.endswith("市") and len(name) == 3:
            short = name[:-1]
        if level in ("city", "county") and name.endswith("市") and len(name) >= 3:
            short = name[:-1]
        if short and len(short) >= 2 and short not in ambiguous_short:
            table.setdefault(short, entry)
    # counties made county-level cities or districts since the data was drawn (神木县 -> 神木市,
    # 2017; 潮安县 -> 潮安区, 2013): a county X县 also answers to X市 and X区 where no other
    # place has that name
    for code, name, level, parent in (r + ("",) * (4 - len(r)) for r in rows):
        if level == "county" and name.endswith("县") and len(name) >= 3:
            table.setdefault(name[:-1] + "市", table[name])
            table.setdefault(name[:-1] + "区", table[name])
    for name, level, parent in load_tsv("places_extra.tsv"):
        # 台南 of 台南市, 苗栗 of 苗栗县: a short form listed beside its one full form is that place
        # (one entity of a report); 嘉义 and 新竹 (…市 and …县 both) stay places of their own
        full = [table[name + s] for s in ("市", "县") if name + s in table]
        if len(full) == 1 and full[0]["level"] == level and full[0]["parent"] == parent:
            table.setdefault(name, {**full[0], "listed_short": name})  # (a listed place: read as one even where jieba has another word)
        table.setdefault(name, {"name": name, "level": level, "parent": parent, "code": ""})
    for row in load_tsv("countries.tsv"):
        name = row[0]
        entry = {"name": name, "level": "country", "parent": "", "code": ""}
        table.setdefault(name, entry)
        for alias in (row[1].split(",") if len(row) > 1 else []):
            if alias.strip():
                table.setdefault(alias.strip(), entry)
    return table


def _places() -> dict[str, dict[str, str]]:
    """Place surface forms (株洲, 株洲市, 湖南) -> entry; shared with the extractor's place rules."""
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
