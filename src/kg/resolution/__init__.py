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

Split by concern (this module re-exports their public names, and the private helpers other
modules use): ``lexicons`` (the bundled lexicons, read once), ``places`` (place context, admin
codes and the admin facts), ``keys`` (name and entity keys), ``linking`` (short forms within one
report), ``resolver`` (across reports, with its state in SQLite).

Hands on plain strings and dicts: keys to ``kg.rdfmap`` (which mints IRIs from them), merged
entities and an id remap to ``kg.nlp.to_contract``. Must not mint IRIs, build RDF, touch a store
or run the NLP pipeline (the cross-report state is a scratch SQLite file, not a graph store);
the lexicons are read through ``kg.resources``.

Precision over recall: a short form is linked only on strong evidence (declared with 简称, the
same canonical key, a place prefix dropped, or an in-order contraction that keeps the full name's
head), and never when two candidates fit equally well. Names that identify no body without a
place (政府, 管委会, a bare 市场监督管理局) get a key local to their report.
"""

from __future__ import annotations

from .keys import (  # noqa: F401 - the private helpers are re-exported for kg.nlp and tests
    CONTRACTION_TYPES,
    LINK_TYPES,
    ORG_TYPES,
    _is_bare,
    _legal_key,
    _strip_legal,
    entity_key,
    is_local,
    name_key,
)
from .lexicons import ADMIN_RULE, PARK_RULE, RENAME_RULE, Rename, renames
from .linking import Linked, _contraction, _Groups, combine_names, link_short_forms, remap_relations
from .places import PlaceContext, _split_places, admin_code, admin_links, enclosing_place, name_place, report_context
from .resolver import Resolver, resolve

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
    "combine_names",
    "ADMIN_RULE",
    "PARK_RULE",
    "RENAME_RULE",
]
