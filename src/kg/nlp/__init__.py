"""NLP: the spaCy pipeline that turns a report into the contract's entities and relations.

Owns: the registered components (``kg_entity_rules``, ``kg_table_reader``, ``kg_relation_rules``),
assembling them from ``kg/data/pipeline.cfg`` on ``spacy.blank("zh")`` with the jieba segmenter,
driving reports through it (a long one as bounded pieces, ``kg.nlp.segment``),
and the final step from mentions to the contract object (entities with names, aliases and
mentions; relations with qualifiers, evidence, evidence span and rule). Hands on plain dicts.
Must not: mint IRIs or touch RDF (that is ``kg.rdfmap``).
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import logging
import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import spacy
from spacy.attrs import IDX, LENGTH, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from ..reading import Report
from ..resolution import link_short_forms, remap_relations
from ..resources import read_text
from ..text import normalise_name, occurrences, shadow
from .relations import DEFAULT_FAMILIES, Relation, RelationInput, grade_words, run_families
from .awards import link_award_forms
from .rules import ORG_LABELS, EntityRules, Mention, resolve_overlaps
from .lexicons import place_table
from .shortforms import BARE_SHORT_FORMS, DECLARED_RE, find_short_forms, link_renames
from .segment import merge_results, pieces
from .rosters import roster_mentions
from .kindsplit import split_kind_prefix
from .parksplit import split_county_prefix
from .foreign import foreign_places
from .tables import add_cell_people, caption_award, find_tables, widen_award_cells
from .tokenizer import ShadowTokenizer  # noqa: F401  (registers kg.ShadowTokenizer.v1 and .v2)
from ..ner import fusion as _ner_fusion  # noqa: E402,F401  (registers the kg_ner component)
from . import enumerated as _enumerated  # noqa: E402,F401  (registers the kg_list_members component)

# kg_words: (starts, ends) of the words the rules read, the shadow text's jieba words
for _attr in ("kg_mentions", "kg_relations", "kg_tables", "kg_shadow", "kg_text", "kg_words"):
    if not Doc.has_extension(_attr):
        Doc.set_extension(_attr, default=None)



def _token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Token start and end offsets, read as arrays (iterating Token objects is slow)."""
    arr = doc.to_array([IDX, LENGTH])
    starts = arr[:, 0].tolist()
    ends = (arr[:, 0] + arr[:, 1]).tolist()
    return starts, ends


def _is_width_only(ch: str) -> bool:
    code = ord(ch)
    return 0xFF01 <= code <= 0xFF5E or code == 0x3000


def _shadow_bounds(doc: Doc, text: str, sh: str) -> tuple[list[int], list[int]]:
    """Word boundaries for the rules: the words of the shadow text ``sh``. A doc from
    ``kg.ShadowTokenizer.v1`` (the pipeline's tokenizer, which sets ``doc._.kg_shadow``) was cut
    on the shadow already, so its tokens are those words; a doc made by another tokenizer from
    a text whose shadow differs beyond width (Traditional characters, 二〇二一年) has its shadow
    cut here, so that a Traditional report is read exactly like its Simplified twin."""
    if doc._.kg_shadow == sh or sh == text or not any(a != b and not _is_width_only(a) for a, b in zip(text, sh)):
        return _token_bounds(doc)
    import jieba

    starts, ends = [], []
    for _, a, b in jieba.tokenize(sh):
        starts.append(a)
        ends.append(b)
    return starts, ends


@Language.factory("kg_entity_rules", assigns=["doc._.kg_mentions"], default_config={"version": 1})
def make_entity_rules(nlp: Language, name: str, version: int) -> "EntityRulesComponent":
    return EntityRulesComponent(version)


class EntityRulesComponent:
    """Finds mentions with the pattern files, then links 简称 short forms and repeats of names."""

    def __init__(self, version: int = 1) -> None:
        self.version = version
        self.rules = EntityRules()

    def __call__(self, doc: Doc) -> Doc:
        # kg.ShadowTokenizer.v1 keeps the text (doc.text would rebuild it token by token)
        text = doc._.kg_text = doc._.kg_text if doc._.kg_text is not None else doc.text
        sh = shadow(text) if doc._.kg_shadow is None else doc._.kg_shadow  # None: another tokenizer
        starts, ends = doc._.kg_words = _shadow_bounds(doc, text, sh)
        doc._.kg_shadow = sh
        mentions = foreign_places(text, sh, split_county_prefix(text, sh, split_kind_prefix(text, sh, self.rules.find(text, sh, starts, ends))))
        short = find_short_forms(text, sh, mentions, starts, ends)
        if short:
            inside = [m for m in mentions if m.label == "Place" and any(f.start <= m.start and m.end <= f.end for f in short)]
            mentions = sorted([m for m in mentions if not any(m is x for x in inside)] + short, key=lambda m: (m.start, m.end))
        link_renames(sh, mentions)
        doc._.kg_mentions = propagate_names(text, sh, mentions)
        return doc


_COUNTED_RE = re.compile(r"[两二三四五六七八九十0-9]+(?:部门|部委|单位|家|方)")


def _leftmost_longest(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """``(start, end)`` of what ``re.finditer("|".join(longest first), text)`` matches for the
    non-empty ``words``: from left to right, at the first place any word occurs, the longest
    one there, then on after it. A regex of the names was compiled for every report (2% of the
    extraction's time, and it pushed the rules' own patterns out of ``re``'s cache)."""
    longest: dict[int, int] = {}
    for word in words:
        n = len(word)
        at = text.find(word)
        while at >= 0:  # every occurrence, overlapping ones too
            if longest.get(at, 0) < n:
                longest[at] = n
            at = text.find(word, at + 1)
    out: list[tuple[int, int]] = []
    end = 0
    for at in sorted(longest):
        if at >= end:
            end = at + longest[at]
            out.append((at, end))
    return out


def propagate_names(text: str, sh: str, mentions: list[Mention]) -> list[Mention]:
    """Short forms declared with (以下简称"Y") and later repeats of a found name become mentions."""
    extra: list[Mention] = []
    for m in DECLARED_RE.finditer(sh):
        owner = next((x for x in reversed(mentions) if x.end <= m.start() and m.start() - x.end <= 2 and x.label != "Place"), None)
        if owner is None:
            continue
        short = m.group(1)
        listed = owner.start > 0 and sh[owner.start - 1] in "、和与及" and any(x.end == owner.start - 1 and x.label != "Place" for x in mentions)
        if _COUNTED_RE.search(short) or listed or short in BARE_SHORT_FORMS:
            continue  # A、B、C(简称"三部门"): the short form names the whole list, not its last member
        owner.attrs.setdefault("aliases", []).append(text[m.start(1):m.end(1)])
        # a rule may have typed the short form by its own head word (钛谷研究院 of 宝鸡钛谷新材料
        # 研究院有限公司) or read it as a person before a post (岳丰董事长): the declaration says
        # whose name it is
        for x in mentions:
            if x.label in ORG_LABELS | {"Park", "Person"} and x is not owner and sh[x.start:x.end] == short:
                x.label = owner.label
                x.attrs["alias_of"] = owner.text
        for a, b in occurrences(sh, short):
            extra.append(Mention(a, b, owner.label, "alias.declared_short_form.v1", text[a:b], {"alias_of": owner.text}))
    # a name found once by a rule is a mention wherever it recurs (钱俊君 after 局长, then alone)
    seen = {}
    for m in mentions:
        if m.label in ORG_LABELS | {"Person", "Park"} and len(m.text) >= 2 and not m.needs_context:
            seen.setdefault(sh[m.start:m.end], m)
    for a, b in _leftmost_longest(sh, seen):
        src = seen[sh[a:b]]
        extra.append(Mention(a, b, src.label, "propagate.same_name.v1", text[a:b], {}))
    if not extra:
        return mentions
    # existing mentions win ties; new ones only fill gaps, but a declared short form takes in
    # the place names inside it (曲靖钢铁 declared for 曲靖…钢铁有限公司 is no mention of 曲靖)
    declared = [m for m in extra if m.rule == "alias.declared_short_form.v1"]

    def inside_declared(m: Mention) -> bool:
        return m.label == "Place" and any(d.start <= m.start and m.end <= d.end and (d.start, d.end) != (m.start, m.end) for d in declared)

    mentions = [m for m in mentions if not inside_declared(m)] if declared else mentions
    # a repeat of a body's name that covers shorter mentions wholly takes their place where the
    # words after it fooled the rules there (经济部中小企业处|于本年: 处于 is a verb, so only 经济部
    # was found)
    covering = [
        x for x in extra
        if x.rule == "propagate.same_name.v1" and x.label in ORG_LABELS and any(m.start >= x.start and m.end <= x.end for m in mentions)
        and all(m.end <= x.start or m.start >= x.end or (m.start >= x.start and m.end <= x.end and (m.start, m.end) != (x.start, x.end)) for m in mentions)
    ]
    if covering:
        mentions = [m for m in mentions if not any(m.start >= x.start and m.end <= x.end for x in covering)]
    taken = bytearray(len(text) + 1)
    for m in mentions:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    kept = resolve_overlaps([m for m in extra if not any(taken[m.start:m.end])], text)
    return sorted(mentions + kept, key=lambda m: (m.start, m.end))


@Language.factory("kg_table_reader", assigns=["doc._.kg_tables"], requires=["doc._.kg_mentions"], default_config={"version": 1})
def make_table_reader(nlp: Language, name: str, version: int) -> "TableReaderComponent":
    return TableReaderComponent()


class TableReaderComponent:
    """The report's layout (``kg.nlp.tables``, ``kg.nlp.rosters``): roster lines (their members and
    local bodies become mentions), tables (``doc._.kg_tables``; the people of winner cells, place+award
    cells joined, the awards of award cells and captions marked as conferred)."""

    def __call__(self, doc: Doc) -> Doc:
        text = doc._.kg_text
        mentions = doc._.kg_mentions
        members = roster_mentions(text, doc._.kg_shadow, mentions)
        if members:  # names a roster line sets apart (许 某 区发改局副局长), local bodies before a post
            mentions = doc._.kg_mentions = sorted(mentions + members, key=lambda m: (m.start, m.end))
        tables = find_tables(doc._.kg_shadow, mentions)
        if tables:
            starts, _ = doc._.kg_words
            people = add_cell_people(text, doc._.kg_shadow, tables, mentions, starts)
            mentions = widen_award_cells(text, doc._.kg_shadow, tables, mentions)
            if people:
                mentions = sorted(mentions + people, key=lambda m: (m.start, m.end))
            doc._.kg_mentions = mentions
            for t in tables:
                caption = caption_award(doc._.kg_shadow, mentions, t.start) if t.award_col is None else None
                if caption is not None:
                    mentions[caption].attrs["conferred"] = True
                for row in t.rows if t.award_col is not None else ():
                    s, e = row[t.award_col]
                    for m in mentions:
                        if m.label == "Award" and s <= m.start < e:
                            m.attrs["conferred"] = True
        doc._.kg_tables = tables
        return doc


@Language.factory("kg_relation_rules", assigns=["doc._.kg_relations"], requires=["doc._.kg_mentions"],
                  default_config={"version": 1, "families": list(DEFAULT_FAMILIES)})
def make_relation_rules(nlp: Language, name: str, version: int, families: list[str]) -> "RelationRulesComponent":
    return RelationRulesComponent(families)


class RelationRulesComponent:
    """Runs the relation families (``kg.nlp.relations``) in the configured order."""

    def __init__(self, families: list[str] | tuple[str, ...] = DEFAULT_FAMILIES) -> None:
        self.families = tuple(families)

    def inputs(self, doc: Doc) -> RelationInput:
        """What the families read from ``doc`` (also used to train the relation scorer)."""
        text = doc._.kg_text
        # relation rules read the shadow (Simplified, half-width) text; offsets are the same
        sh = doc._.kg_shadow
        tables = doc._.kg_tables or []
        # grades inside an award table are the table reader's (a 提名奖 cell is no back-reference)
        rows = [(row[0][0], row[-1][1]) for t in tables for row in t.rows]
        grades = [g for g in grade_words(sh, text) if not any(a <= g[0] < b for a, b in rows)]
        return RelationInput(sh=sh, text=text, mentions=doc._.kg_mentions, grades=grades, tables=tables)

    def __call__(self, doc: Doc) -> Doc:
        families = self.families
        if os.environ.get("KG_RELATION_SCORER", "1") == "0":
            families = tuple(f for f in families if f != "scorer")  # the rules alone (figures, training)
        doc._.kg_relations = run_families(self.inputs(doc), families)
        return doc


# -- assembling the contract object -----------------------------------------------------------

def _entity_key(m: Mention) -> tuple[str, str]:
    if m.label == "Place" and "place" in m.attrs:
        return ("Place", m.attrs["place"]["name"])
    if "alias_of" in m.attrs:
        return (m.label, normalise_name(m.attrs["alias_of"]))
    return (m.label, normalise_name(m.text))


def park_site_names(name: str) -> list[str]:
    """The forms of a park's name without the places written before it (臺南市新市產業園區 → 新市產業園區;
    广东省东莞市松山湖高新区 → 东莞市松山湖高新区, 松山湖高新区): the same park, named with or without
    where it lies, so a later bare mention is one entity with it. Only a place written with its level
    (省, 市, 县, 区) or a country is taken off, and only where a proper name of two characters or more is
    left before the kind (株洲高新区, 株洲市产业园区 keep their place: it is the name)."""
    sh = shadow(name)
    if len(sh) != len(name):
        return []
    table = place_table()
    cuts: list[int] = []
    at = 0
    while n := next((n for n in (7, 6, 5, 4, 3, 2) if at + n <= len(sh) and (e := table.get(sh[at:at + n])) is not None and (
            sh[at + n - 1] in "省市县区" or e.get("level") == "country")), 0):
        at += n
        cuts.append(at)
    if not cuts:
        return []
    rest = sh[at:]
    kind = next((k for k in PARK_KIND_TAILS if rest.endswith(k)), None)
    core = rest[:len(rest) - len(kind)] if kind else ""
    if len(core) < 2 or not CJK_ONLY_RE.fullmatch(core) or core in table or core[:2] in table or "区" in core:
        return []  # 株洲市产业园区, 长沙市高新区: the place is the park's name
    return [name[c:] for c in cuts]


#: the kinds a park's name ends on, longest first (产业园区 before 园区)
PARK_KIND_TAILS = tuple(sorted(
    "园区 产业园区 工业园区 科技园区 科学园区 工业区 高新区 经开区 开发区 经济开发区 经济技术开发区 高新技术产业开发区 产业园 工业园 科技园 科学园 "
    "软件园 加工区 出口加工区 加工出口区 保税区 综合保税区 自贸区 试验区 合作区 新区 工业城 科技城 科学城".split(), key=len, reverse=True))
#: Han characters only (no bracket, digit or Latin letter in what names the park)
CJK_ONLY_RE = re.compile(r"[\u4e00-\u9fff]+")


def to_contract(doc_id: str, text: str, mentions: list[Mention], relations: list[Relation]) -> dict[str, Any]:
    """Group mentions into entities and relations onto entity ids, in the contract's format."""
    used = set()
    for r in relations:
        used.add(r.subject)
        if isinstance(r.object, int):
            used.add(r.object)
    keep = [i for i, m in enumerate(mentions) if not (m.needs_context and not m.attrs.get("conferred"))]
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    alias_keys: dict[tuple[str, str], tuple[str, str]] = {}
    for i in keep:
        m = mentions[i]
        for a in m.attrs.get("aliases", []):
            alias_keys[(m.label, normalise_name(a))] = _entity_key(m)
    site_names: dict[int, list[str]] = {}
    for i in keep:
        m = mentions[i]
        if m.label == "Park" and "alias_of" not in m.attrs and (bare := park_site_names(m.text)):
            site_names[i] = bare
            for a in bare:
                alias_keys.setdefault((m.label, normalise_name(a)), _entity_key(m))
    mention_entity: dict[int, tuple[str, str]] = {}
    for i in keep:
        m = mentions[i]
        key = _entity_key(m)
        key = alias_keys.get(key, key)
        g = groups.setdefault(key, {"type": m.label, "names": [], "mentions": [], "first": m.start})
        g["names"].append(m.text)
        g["names"].extend(site_names.get(i, ()))
        g["mentions"].append([m.start, m.end])
        mention_entity[i] = key
    entities = []
    ids: dict[tuple[str, str], str] = {}
    for n, (key, g) in enumerate(sorted(groups.items(), key=lambda kv: kv[1]["first"]), start=1):
        # the longest form is the name; of equals, the one the others point to (a rename's new name)
        names = sorted(set(g["names"]), key=lambda s: (-len(s), normalise_name(s) != key[1], g["names"].index(s)))
        ids[key] = f"e{n}"
        entities.append(
            {"id": f"e{n}", "type": g["type"], "name": names[0], "aliases": names[1:], "mentions": sorted(g["mentions"])}
        )
    out_rels = []
    seen = set()
    whole_shadow: list[str] = []  # the report's shadow, made only if a grade needs it
    for r in relations:
        if r.subject not in mention_entity:
            continue
        subj = ids[mention_entity[r.subject]]
        if isinstance(r.object, int):
            if r.object not in mention_entity:
                continue
            obj = ids[mention_entity[r.object]]
        else:
            obj = r.object
        if subj == obj:
            continue
        q = r.qualifiers
        rel = {
            "subject": subj,
            "predicate": r.predicate,
            "object": obj,
            "year": q.get("year"),
            "edition": q.get("edition"),
            "grade": _as_written(text, r.evidence, q.get("grade"), whole_shadow),
            "count": q.get("count"),
            "role": q.get("role"),
            "evidence": text[r.evidence[0]:r.evidence[1]],
            "evidence_span": list(r.evidence),
            "rule": r.rule,
        }
        key = (subj, r.predicate, obj, rel["year"], rel["edition"], rel["grade"], rel["count"], rel["role"])
        if key in seen:
            continue
        seen.add(key)
        out_rels.append(rel)
    # short forms (时代新材) join the full name they abbreviate (株洲时代新材料科技股份有限公司)
    linked = link_short_forms(entities, text)
    if linked.remap:
        entities, out_rels = linked.entities, remap_relations(out_rels, linked.remap)
    else:
        entities = linked.entities
    # an award written in full and short (浙江省人民政府质量奖, 省政府质量奖) is one award
    award_remap = link_award_forms(entities)
    if award_remap:
        out_rels = remap_relations(out_rels, award_remap)
    return {"doc": doc_id, "entities": entities, "relations": merge_compatible(out_rels)}


QUALIFIERS = ("year", "edition", "grade", "count", "role")


def _as_written(text: str, span: tuple[int, int], value: Any, whole: list[str]) -> Any:
    """A qualifier the rules read on the Simplified shadow (金质奖), as the report writes it
    (金質獎): the contract keeps a grade as written. Looked for on the shadow (which keeps every
    offset) of the evidence span, then of the whole report (a list item's grade stands in its
    heading), computed once per report into ``whole``; a value written nowhere (a grade the rules
    spelled themselves) stays as it is."""
    if not isinstance(value, str) or not value or value in text:
        return value
    window = text[span[0]:span[1]]
    at = shadow(window).find(value)
    if at >= 0:
        return window[at:at + len(value)]
    if not whole:
        whole.append(shadow(text))
    at = whole[0].find(value)
    return text[at:at + len(value)] if at >= 0 else value


def merge_compatible(relations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One fact stated twice is one relation: a relation whose qualifiers agree with a richer
    one's wherever both are set (中国质量奖 in prose and 第二届中国质量奖, 2015年 in the table) is
    folded into it, which then carries the qualifiers of both. The richer one's evidence stays.

    >>> merge_compatible([{"subject": "e1", "predicate": "receivedAward", "object": "e2", "grade": "提名奖"},
    ...                   {"subject": "e1", "predicate": "receivedAward", "object": "e2", "year": 2017, "edition": 3}])
    [{'subject': 'e1', 'predicate': 'receivedAward', 'object': 'e2', 'year': 2017, 'edition': 3, 'grade': '提名奖'}]
    """
    def richness(rel: dict[str, Any]) -> int:
        return sum(rel.get(q) is not None for q in QUALIFIERS)

    groups: dict[tuple[Any, Any, Any], list[dict[str, Any]]] = {}
    for rel in relations:
        groups.setdefault((rel["subject"], rel["predicate"], rel["object"]), []).append(rel)
    drop: set[int] = set()
    for key, members in groups.items():
        if len(members) < 2:
            continue
        if key[1] == "worksFor":
            # one relation per person and body, either post as its role (ANNOTATION.md):
            # 董事长兼总经理X is one worksFor, the first post written
            drop.update(id(other) for other in members[1:])
            continue
        members = sorted(members, key=lambda r: -richness(r))  # stable: the first of equals leads
        for i, base in enumerate(members):
            if id(base) in drop:
                continue
            for other in members[i + 1:]:
                if id(other) in drop:
                    continue
                if all(base.get(q) is None or other.get(q) is None or base.get(q) == other.get(q) for q in QUALIFIERS):
                    for q in QUALIFIERS:
                        if base.get(q) is None and other.get(q) is not None:
                            base[q] = other[q]
                    drop.add(id(other))
    return [rel for rel in relations if id(rel) not in drop]


# -- the pipeline ---------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def make_nlp() -> Language:
    """The pipeline from ``kg/data/pipeline.cfg`` (cached: jieba's dictionary loads once)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    from thinc.api import Config

    config = Config().from_str(read_text("pipeline.cfg"))
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)


def extract_text(text: str, doc_id: str = "report") -> dict[str, Any]:
    """Extract one report's text into a contract object (with evidence spans and rule ids)."""
    return next(extract_many([Report(id=doc_id, text=text)]))


def extract(report: Report) -> dict[str, Any]:
    return extract_text(report.text, report.id)


#: Pieces read in one spaCy memory zone (see :func:`extract_many`).
ZONE_PIECES = 256
#: Words kept in the vocabulary for good (see :func:`_keep_words`): a bound on its memory.
KEPT_WORDS = 50_000
_kept = 0


def _zone_words(nlp: Language, orths: list[Any]) -> list[str]:
    """The words read at least twice in a zone (``orths``: its docs' ORTH arrays), most
    frequent first, while their strings are still in the zone."""
    import numpy

    if not orths:
        return []
    ids, counts = numpy.unique(numpy.concatenate(orths), return_counts=True)
    order = numpy.argsort(-counts, kind="stable")
    return [nlp.vocab.strings[int(h)] for h in ids[order][counts[order] >= 2][:KEPT_WORDS - _kept]]


def _keep_words(nlp: Language, words: list[str]) -> None:
    """Make ``words`` lasting lexemes of ``nlp``'s vocabulary, up to ``KEPT_WORDS`` in all.
    spaCy makes a lexeme for every word of a doc it has no lasting one for, and drops it when
    the zone closes: 9,700 lexemes remade per zone over the dev reports, about 0.15 s of the
    tokenizer's 0.5-0.7 s. Lexemes are only words and their table attributes; no component
    reads them, so which words are kept changes no result."""
    global _kept
    for word in words:
        if _kept >= KEPT_WORDS:
            break
        if word not in nlp.vocab.strings:
            nlp.vocab[word]  # outside a zone: lasting
            _kept += 1


_frozen = False


def _freeze_loaded() -> None:
    """Once per process, after the first piece is read (when the pipeline has loaded what it
    loads lazily: jieba's dictionary of 350,000 words, the lexicons, the tables and their
    caches), move every object alive to the garbage collector's permanent generation
    (``gc.freeze``). A full collection (generation 2) walks every container object, these
    dictionaries included: about 0.1 s each, a few per megabyte of text read (0.2-0.3 s of GC
    per 600,000 characters, 0.05-0.08 s once frozen). Frozen objects are still freed when no
    longer referenced; only a reference cycle alive at that moment would never be collected.
    Changes no result."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()


def extract_many(reports: Iterable[Report], *, batch_size: int = 16) -> Iterator[dict[str, Any]]:
    """Stream reports through the pipeline with ``nlp.pipe``, lazily (one result per report, in
    order). A report longer than ``segment.PIECE_CHARS`` is read as bounded pieces whose results
    are merged (``kg.nlp.segment``), so time is linear and memory bounded in its length."""
    nlp = make_nlp()

    def jobs() -> Iterator[tuple[str, tuple[Report, str, int, bool]]]:
        for report in reports:
            spans = pieces(report.text)
            for k, (start, end) in enumerate(spans):
                piece = report.text[start:end]
                yield piece, (report, piece, start, k == len(spans) - 1)

    parts: list[tuple[int, dict[str, Any]]] = []
    stream = jobs()
    while True:
        # spaCy's vocabulary keeps a lexeme and a string for every new word it has seen (1,000
        # generated reports: +4,000 lexemes, without end): in a memory zone they are dropped
        # when it closes (the words a zone read twice are then made lasting, up to KEPT_WORDS,
        # so that the next zones need not remake them). The results are plain dicts, built before it closes; the components
        # keep no spaCy object from one doc to the next. Zones do not nest: inside someone
        # else's zone, run in theirs.
        chunk = list(itertools.islice(stream, ZONE_PIECES))
        if not chunk:
            break
        keep = not nlp.vocab.in_memory_zone and _kept < KEPT_WORDS
        orths: list[Any] = []
        with nlp.memory_zone() if not nlp.vocab.in_memory_zone else contextlib.nullcontext():
            for doc, (report, piece, start, last) in nlp.pipe(chunk, batch_size=batch_size, as_tuples=True):
                if keep:
                    orths.append(doc.to_array(ORTH))
                parts.append((start, to_contract(report.id, piece, doc._.kg_mentions, doc._.kg_relations)))
                _freeze_loaded()
                if last:
                    yield merge_results(report.id, parts)
                    parts = []
            words = _zone_words(nlp, orths) if keep else []
        _keep_words(nlp, words)
