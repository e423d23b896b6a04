"""Relation rules: from mentions to the contract's predicates, one family of rules per module.

Owns: the order the families run in (the ``families`` setting of ``kg_relation_rules`` in
``kg/data/pipeline.cfg``), handing each family what the ones before it found, and the registry of
rule ids (``base.REGISTRY``). Each family is one module here with a ``find(RelationInput)``
function, the rule ids it registers and its vocabulary in ``kg/data/relations/``:

* ``respectively``: A、B分别落户P1和P2, A、B分别获得X和Y (the i-th with the i-th; the clause is theirs);
* ``enumerations``: grants and selections that name several winners in one clause
  (授予A、B等N家…奖, A、B入选…, …奖获奖单位为A、B) with the clause's own award, year and grade;
* ``tables``: rows of winner tables; ``lists``: winners one a line under an award heading;
* ``roster``: members one a line with their bodies and posts (组长:X 区委常委; X 某局副局长);
* ``regions``: a line naming only a place (一、长沙市（3家）) heads the firms listed one a line under it;
* ``located``: a place (or 我市) that introduces the organisations listed after it;
* ``divisions``: a place stated to be a division of another (X是P代管的县级市);
* ``posts``: runs of posts after a body, former posts, moves, leaders named before their post;
* ``works_for``, ``awards``, ``sites``, ``subsidiaries``, ``standards``: the sentence rules, one
  predicate family each, reading one sentence at a time with the report's context (``context``);

Modules here without ``find`` are a family's helpers, not families: ``award_holders`` (of ``awards``),
``enumeration_vocabulary`` and ``qualifiers`` (of ``enumerations``), ``site_lists`` and ``standing`` (of
``sites``), ``members``, ``context``, ``base``.

A new family: one module with ``find`` and its ``register`` call, one data file, its name in the
config. Must not: create entities, or read anything but the text, mentions and tables.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from .base import REGISTRY, Relation, RelationInput, RuleInfo, register
from .context import LIST_YEAR_RE, grade_words

__all__ = ["REGISTRY", "Relation", "RelationInput", "RuleInfo", "register", "run_families",
           "LIST_YEAR_RE", "grade_words", "DEFAULT_FAMILIES"]

DEFAULT_FAMILIES = ("respectively", "enumerations", "conferrals", "works_for", "awards", "sites", "approvals", "siting", "subsidiaries", "standards", "posts", "tables", "lists", "roster", "regions", "located", "divisions", "scorer", "parents", "headline")


@lru_cache(maxsize=None)  # a few names; import_module per family and report was 1% of the extraction
def family(name: str):
    """The module of relation family ``name`` (imported on first use)."""
    if not name.isidentifier() or name in ("base",):
        raise ValueError(f"unknown relation family {name!r}")
    try:
        mod = importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as err:
        raise ValueError(f"unknown relation family {name!r}") from err
    if not callable(getattr(mod, "find", None)):
        raise ValueError(f"{name!r} is a module of the relation families, not a family (it has no find)")
    return mod


def _given_other(found: list[Relation], r: Relation, a: int, b: int) -> bool:
    """Did a family before give ``r``'s subject another object of its predicate in the clause ``[a, b)``?"""
    objects = {f.object for f in found if f.subject == r.subject and f.predicate == r.predicate and a <= f.evidence[0] < b}
    return bool(objects) and r.object not in objects


def run_families(inp: RelationInput, families: tuple[str, ...] | list[str] = DEFAULT_FAMILIES) -> list[Relation]:
    """Run the families in order; each sees in ``inp.found`` what the ones before it made.

    A family may claim spans (appending to ``inp.claims`` the clauses it read completely): relations of the
    same predicate that a later *loose* family (``LOOSE = True``: the sentence rules) makes
    starting inside a claimed span, or whose subject stands inside one and was given another object
    there, are dropped, so an older, looser rule does not add a second,
    wrong reading of a clause a precise rule has read. Tables and lists are never dropped.
    """
    for name in families:
        mod = family(name)
        rels = mod.find(inp)
        if getattr(mod, "LOOSE", False):
            rels = [r for r in rels if not any(
                p == r.predicate and (a <= r.evidence[0] < b or (a <= inp.mentions[r.subject].start < b and _given_other(inp.found, r, a, b)))
                for p, a, b in inp.claims)]
        inp.found.extend(rels)
    if inp.exclusive:
        inp.found[:] = [r for r in inp.found if not _outside_pairs(inp, r)]
    # the contract's signatures (kg.gold): worksFor of a technical committee's officer, a Place
    # locatedIn a Park, … name no relation the contract has
    inp.found[:] = [r for r in inp.found if _in_signature(inp, r)]
    return inp.found


def _in_signature(inp: RelationInput, r: Relation) -> bool:
    """Do ``r``'s subject and object types fit its predicate's signature (ANNOTATION.md)?"""
    from ...gold import NARROWER, SIGNATURES

    signature = SIGNATURES.get(r.predicate)
    if signature is None or not isinstance(r.subject, int):
        return True
    subject = inp.mentions[r.subject].label
    if subject not in signature[0]:
        return False
    if not isinstance(r.object, int) or signature[1] is None:
        return True
    return inp.mentions[r.object].label in NARROWER.get((r.predicate, subject), signature[1])


def _outside_pairs(inp: RelationInput, r: Relation) -> bool:
    """Is ``r`` a relation of a clause read as respective pairs (``RelationInput.exclusive``) that is not one of them?"""
    if not isinstance(r.object, int) or r.rule.startswith("respectively."):
        return False
    ms = inp.mentions
    for p, a, b, pairs in inp.exclusive:
        if p == r.predicate and a <= ms[r.subject].start < b:
            names = {(ms[s].text, ms[o].text) for s, o in pairs}
            if (ms[r.subject].text, ms[r.object].text) not in names:
                return True
    return False
