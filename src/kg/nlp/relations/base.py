"""What every relation family shares: the ``Relation`` a rule hands on, the inputs a family reads,
and the registry of rule ids.

A rule id (``award.enumeration.v1``) names exactly one rule: the registry maps it to the predicate
it makes, the family (module) that owns it and one line on what it reads. Families register their
ids at import time with :func:`register`; a provenance rule id that is not registered is a bug
(``tests/test_relations_registry.py``). Must not: read text or mentions itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..rules import Mention


@dataclass
class Relation:
    subject: int  # index into the mention list
    predicate: str
    object: int | str  # mention index, or a level word for standardsCount
    rule: str
    evidence: tuple[int, int]
    qualifiers: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RuleInfo:
    id: str
    predicate: str
    family: str
    description: str


@dataclass
class RelationInput:
    """What a family reads: the shadow text (Simplified, half-width; same offsets as the report),
    the report as written, the mentions (sorted by start), grade words, tables, and the relations
    the families before it made."""

    sh: str
    text: str
    mentions: list[Mention]
    grades: list[tuple[int, int, str]]
    tables: list[Any]
    found: list[Relation] = field(default_factory=list)
    #: (predicate, start, end) of clauses a precise family read completely (see ``run_families``)
    claims: list[tuple[str, int, int]] = field(default_factory=list)
    #: (predicate, start, end, pairs) of clauses read as respective pairs (A、B分别落户P1和P2): every
    #: relation of the predicate whose subject stands inside must be one of the pairs (``run_families``)
    exclusive: list[tuple[str, int, int, frozenset[tuple[int, int]]]] = field(default_factory=list)
    #: what the families compute once per report and share (``context.Walk``'s sentences and context)
    shared: dict[str, Any] = field(default_factory=dict)


REGISTRY: dict[str, RuleInfo] = {}


def register(family: str, rules: dict[str, tuple[str, str]]) -> None:
    """Register ``{rule id: (predicate, description)}`` for ``family``; an id names one rule only."""
    for rule_id, (predicate, description) in rules.items():
        old = REGISTRY.get(rule_id)
        if old is not None and old.family != family:
            raise ValueError(f"relation rule id {rule_id!r} registered by {old.family} and {family}")
        REGISTRY[rule_id] = RuleInfo(rule_id, predicate, family, description)
