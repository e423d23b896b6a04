"""The cross-report resolution as it stood before it moved to SQLite (issue 14), kept as the
reference the disk-backed ``kg.resolution.resolve`` must agree with, key for key: the same
algorithm over in-memory dicts and lists (every entity's names held at once).

Used by tests only (tests/test_resolution_disk.py); not part of the package.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kg.resolution import (
    CONTRACTION_TYPES,
    PlaceContext,
    _contraction,
    _Groups,
    _legal_key,
    _split_places,
    entity_key,
    is_local,
    name_key,
    report_context,
)
from kg.text import normalise_name


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
