"""Across reports: canonical keys for the entities of many reports, with the state on disk.

Owns :class:`Resolver` and :func:`resolve`: each entity's own key (``keys.entity_key``), then
merges of entities of one type that share a name key, then short forms joined to the one full
name of another report of the same province that they contract (``linking._contraction``);
every group takes the key of its member with the longest name.

The state lives in one SQLite file (a scratch file, in ``kg build``'s output folder or a
temporary one): every entity's names, name keys and contraction stems, the union-find, and the
resulting keys, indexed for the lookups the mapping makes. Memory holds one report's entities
while they are added, one key's members or one short form's candidates while they are merged,
and SQLite's page cache (``CACHE_KIB``), so it stays flat as the corpus grows. SQLite, not a
dict: cross-report identity needs every name at once, and at 60 entities a report those names
took about 60 KB a report in Python objects (the reason a build's peak memory grew with the
corpus). The order of every merge is the order the in-memory resolver used (its code is kept in
``tests/resolution_reference.py``, and a test holds the two to the same keys), so the keys do
not depend on where the state is kept.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import weakref
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..text import normalise_name
from .keys import CONTRACTION_TYPES, _legal_key, entity_key, is_local, name_key
from .linking import _contraction
from .places import PlaceContext, _split_places, report_context

#: SQLite's page cache, in KiB: the only part of the resolution's state kept in memory.
CACHE_KIB = 16_384

_SCHEMA = """
CREATE TABLE docs (doc TEXT PRIMARY KEY, province TEXT, city TEXT);
-- one row per entity, in the order added; own = its entity_key, length = its longest name,
-- legal = the key of its legal company name (or NULL)
CREATE TABLE ents (i INTEGER PRIMARY KEY, doc TEXT NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL,
                   own TEXT NOT NULL, length INTEGER NOT NULL, legal TEXT);
-- its normalised names, in order (name first, then aliases)
CREATE TABLE names (i INTEGER NOT NULL, pos INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY (i, pos)) WITHOUT ROWID;
-- its name keys and own key; link = 1 for a key that holds beyond its report
CREATE TABLE keys (type TEXT NOT NULL, key TEXT NOT NULL, i INTEGER NOT NULL, link INTEGER NOT NULL,
                   PRIMARY KEY (type, key, i)) WITHOUT ROWID;
-- where a contraction may start (the first two characters after the leading places), by province
CREATE TABLE stems (type TEXT NOT NULL, province TEXT NOT NULL, stem TEXT NOT NULL, i INTEGER NOT NULL,
                    PRIMARY KEY (type, province, stem, i)) WITHOUT ROWID;
-- the union-find: parent pointers; legal = the one legal name key a group holds (or NULL)
CREATE TABLE uf (i INTEGER PRIMARY KEY, parent INTEGER NOT NULL, legal TEXT);
"""


def _stem(name: str, context: PlaceContext) -> str:
    """The first two characters after a name's leading places: what a contraction starts with."""
    return _split_places(name, context)[1][:2]


def _contraction_score(type_: str, shorts: Sequence[str], fulls: Sequence[str], context: PlaceContext) -> tuple[int, int] | None:
    best: tuple[int, int] | None = None
    for s in shorts:
        for f in fulls:
            if len(s) < len(f):
                found = _contraction(type_, s, f, context)
                if found is not None and (best is None or found > best):
                    best = found
    return best


def _close(connection: sqlite3.Connection, path: str | None) -> None:
    connection.close()
    if path is not None:
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(path + suffix).unlink(missing_ok=True)


class Resolver:
    """Canonical keys of the entities of many reports (see :func:`resolve`).

    ``path`` is the SQLite file to keep the state in (replaced if it exists; removed by
    :meth:`close`), or None for a temporary file. Add results with :meth:`add`, then call
    :meth:`finish` once; :meth:`key`, :meth:`canonical` and :meth:`groups` read the outcome.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, link_aliases: bool = True) -> None:
        if path is None:
            fd, name = tempfile.mkstemp(prefix="kg-resolution-", suffix=".sqlite")
            os.close(fd)
        else:
            name = str(path)
            Path(name).parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-journal"):
            Path(name + suffix).unlink(missing_ok=True)
        self.path = name
        self.link_aliases = link_aliases
        # check_same_thread: a store's bulk loader may pull the mapped reports from its own thread
        self._db = sqlite3.connect(name, isolation_level=None, check_same_thread=False)
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "temp_store = FILE", f"cache_size = -{CACHE_KIB}"):
            self._db.execute(f"PRAGMA {pragma}")
        self._db.executescript(_SCHEMA)
        self._db.execute("BEGIN")
        self._next = 0
        self._finished = False
        self._finalizer = weakref.finalize(self, _close, self._db, name)

    # -- filling -------------------------------------------------------------------------------

    def add(self, result: Mapping[str, Any]) -> None:
        """Add the entities of one contract result (``doc``, ``entities``, optional ``context``)."""
        if self._finished:
            raise RuntimeError("the resolver is finished; add every result before finish()")
        db = self._db
        doc = str(result.get("doc", ""))
        entities = list(result.get("entities") or [])
        given = result.get("context")
        context = PlaceContext(given.get("province"), given.get("city")) if isinstance(given, Mapping) else report_context(entities)
        db.execute("INSERT OR REPLACE INTO docs VALUES (?, ?, ?)", (doc, context.province, context.city))
        ent_rows, name_rows, key_rows, stem_rows, uf_rows = [], [], [], [], []
        for entity in entities:
            i = self._next
            self._next += 1
            type_ = entity.get("type", "")
            names = [entity.get("name", ""), *(entity.get("aliases") or [])]
            own = entity_key(entity, context=context, doc=doc)
            linked = {k for k in (name_key(type_, n, context=context, doc=doc) for n in names if n) if not is_local(k)}
            length = max(len(normalise_name(n)) for n in names if n) if any(names) else 0
            legal = _legal_key(entity, context)
            normalised = [normalise_name(n) for n in names if n]
            ent_rows.append((i, doc, str(entity.get("id")), type_, own, length, legal))
            uf_rows.append((i, i, legal))
            name_rows.extend((i, pos, n) for pos, n in enumerate(normalised))
            key_rows.extend((type_, k, i, 0 if is_local(k) else 1) for k in linked | {own})
            if type_ in CONTRACTION_TYPES and context.province:
                stem_rows.extend((type_, context.province, s, i) for s in {_stem(n, context) for n in normalised})
        db.executemany("INSERT INTO ents VALUES (?, ?, ?, ?, ?, ?, ?)", ent_rows)
        db.executemany("INSERT INTO uf VALUES (?, ?, ?)", uf_rows)
        db.executemany("INSERT INTO names VALUES (?, ?, ?)", name_rows)
        db.executemany("INSERT INTO keys VALUES (?, ?, ?, ?)", key_rows)
        db.executemany("INSERT OR IGNORE INTO stems VALUES (?, ?, ?, ?)", stem_rows)

    # -- the union-find ------------------------------------------------------------------------

    def _find(self, i: int) -> int:
        get = self._parent
        while True:
            parent = get(i)
            if parent == i:
                return i
            grand = get(parent)
            if grand == parent:
                return parent
            self._db.execute("UPDATE uf SET parent = ? WHERE i = ?", (grand, i))  # path halving
            i = grand

    def _parent(self, i: int) -> int:
        return self._db.execute("SELECT parent FROM uf WHERE i = ?", (i,)).fetchone()[0]

    def _union(self, a: int, b: int) -> bool:
        """Join the groups of ``a`` and ``b``, unless that joins two different legal names."""
        db = self._db
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return True
        la = db.execute("SELECT legal FROM uf WHERE i = ?", (ra,)).fetchone()[0]
        lb = db.execute("SELECT legal FROM uf WHERE i = ?", (rb,)).fetchone()[0]
        if la is not None and lb is not None and la != lb:
            return False  # 株洲南车时代电气… and 株洲中车时代电气… never meet through a short form
        keep, drop = min(ra, rb), max(ra, rb)
        db.execute("UPDATE uf SET parent = ? WHERE i = ?", (keep, drop))
        db.execute("UPDATE uf SET legal = ? WHERE i = ?", (la if la is not None else lb, keep))
        return True

    # -- merging -------------------------------------------------------------------------------

    def finish(self) -> Resolver:
        """Merge (with ``link_aliases``) and settle every entity's key; returns the resolver."""
        if self._finished:
            return self
        db = self._db
        db.execute("CREATE INDEX ents_doc ON ents (doc, id)")
        if self.link_aliases:
            self._link_shared_keys()
            self._link_contractions()
        db.execute("CREATE TABLE roots (i INTEGER PRIMARY KEY, root INTEGER NOT NULL)")
        rows: list[tuple[int, int]] = []
        for (i,) in self._ids():
            rows.append((i, self._find(i)))
            if len(rows) >= 10_000:
                db.executemany("INSERT INTO roots VALUES (?, ?)", rows)
                rows.clear()
        db.executemany("INSERT INTO roots VALUES (?, ?)", rows)
        # a group's key: the own key of its member with the longest name (ties: the smallest key)
        db.execute("CREATE TABLE chosen (root INTEGER PRIMARY KEY, canonical TEXT NOT NULL)")
        db.execute(
            "INSERT INTO chosen SELECT root, own FROM ("
            " SELECT r.root, e.own, ROW_NUMBER() OVER (PARTITION BY r.root ORDER BY e.length DESC, e.own, e.doc, e.id, e.i) AS n"
            " FROM roots r JOIN ents e ON e.i = r.i) WHERE n = 1"
        )
        db.execute("CREATE TABLE resolved (i INTEGER PRIMARY KEY, canonical TEXT NOT NULL)")
        db.execute("INSERT INTO resolved SELECT r.i, c.canonical FROM roots r JOIN chosen c ON c.root = r.root")
        db.execute("COMMIT")
        self._finished = True
        return self

    def _ids(self) -> Iterable[tuple[int]]:
        """Every entity index, read in slices (a cursor over ``ents`` while ``uf`` changes)."""
        start = 0
        while True:
            chunk = self._db.execute("SELECT i FROM ents WHERE i >= ? ORDER BY i LIMIT 10000", (start,)).fetchall()
            if not chunk:
                return
            yield from chunk
            start = chunk[-1][0] + 1

    def _link_shared_keys(self) -> None:
        """Entities of one type that share a key that holds beyond its report are one entity:
        each key's members join its first (longest name, then smallest key, then reference)."""
        db = self._db
        members = db.execute(
            "SELECT k.type, k.key, k.i FROM keys k JOIN ents e ON e.i = k.i WHERE k.link = 1"
            " ORDER BY k.type, k.key, e.length DESC, e.own, e.doc, e.id, e.i"
        )
        current: tuple[str, str] | None = None
        first = -1
        while True:
            chunk = members.fetchmany(10_000)
            if not chunk:
                break
            for type_, key, i in chunk:
                if (type_, key) != current:
                    current, first = (type_, key), i
                else:
                    self._union(first, i)

    def _link_contractions(self) -> None:
        """Across reports: a short form (no legal form) that no longer name of its own report
        contracts joins the longer name of another report that it is an in-order contraction of
        (the test of ``link_short_forms``), when both reports are about the same province and
        exactly one group of full names fits best. The province keeps a firm's short name from
        joining a namesake elsewhere; a tie links nothing."""
        db = self._db
        types = sorted(CONTRACTION_TYPES)
        start = 0
        while True:
            shorts = db.execute(
                "SELECT e.i, e.doc, e.type, e.length, d.province, d.city FROM ents e JOIN docs d ON d.doc = e.doc"
                f" WHERE e.i >= ? AND e.legal IS NULL AND d.province IS NOT NULL AND d.province != '' AND e.type IN ({','.join('?' * len(types))})"
                " ORDER BY e.i LIMIT 1000",
                (start, *types),
            ).fetchall()
            if not shorts:
                return
            start = shorts[-1][0] + 1
            for i, doc, type_, length, province, city in shorts:
                self._link_one_contraction(i, doc, type_, length, PlaceContext(province, city))

    def _names(self, i: int) -> list[str]:
        return [n for (n,) in self._db.execute("SELECT name FROM names WHERE i = ? ORDER BY pos", (i,))]

    def _link_one_contraction(self, i: int, doc: str, type_: str, length: int, context: PlaceContext) -> None:
        shorts = self._names(i)
        stems = sorted({_stem(n, context) for n in shorts})
        rows = self._db.execute(
            "SELECT e.i, e.doc, n.name FROM ents e JOIN names n ON n.i = e.i WHERE e.i IN ("
            f" SELECT DISTINCT i FROM stems WHERE type = ? AND province = ? AND stem IN ({','.join('?' * len(stems))}))"
            " AND e.length > ? ORDER BY e.i, n.pos",
            (type_, context.province, *stems, length),
        )
        candidates: dict[int, tuple[str, list[str]]] = {}
        for j, other_doc, name in rows:
            candidates.setdefault(j, (other_doc, []))[1].append(name)
        scores: dict[int, tuple[int, int]] = {}
        for j, (other_doc, fulls) in candidates.items():
            score = _contraction_score(type_, shorts, fulls, context)
            if score is not None:
                if other_doc == doc:
                    return  # its own report decides (link_short_forms)
                scores[j] = score
        if not scores:
            return
        top = max(scores.values())
        winners = [j for j, score in scores.items() if score == top]
        if len({self._find(j) for j in winners}) == 1:
            self._union(winners[0], i)

    # -- reading -------------------------------------------------------------------------------

    def _ready(self) -> sqlite3.Connection:
        if not self._finished:
            raise RuntimeError("call finish() before reading keys")
        return self._db

    def key(self, doc: str, entity_id: str) -> str:
        """The canonical key of entity ``entity_id`` of report ``doc``."""
        row = self._ready().execute(
            "SELECT r.canonical FROM ents e JOIN resolved r ON r.i = e.i WHERE e.doc = ? AND e.id = ? ORDER BY e.i DESC LIMIT 1",
            (doc, entity_id),
        ).fetchone()
        if row is None:
            raise KeyError((doc, entity_id))
        return row[0]

    def canonical(self, type_: str, name: str, doc: str | None = None) -> str:
        """The canonical key of ``name`` read in report ``doc``: the key of the entity of that
        report bearing the name, else the key the name gets with the report's context."""
        db = self._ready()
        text = normalise_name(name)
        if doc is not None:
            row = db.execute(
                "SELECT e.doc, e.id FROM ents e JOIN names n ON n.i = e.i WHERE e.doc = ? AND e.type = ? AND n.name = ?"
                " ORDER BY e.i LIMIT 1",
                (doc, type_, text),
            ).fetchone()
            if row is not None:
                return self.key(*row)
        found = db.execute("SELECT province, city FROM docs WHERE doc = ?", (doc or "",)).fetchone()
        context = PlaceContext(*found) if found else None
        key = name_key(type_, text, context=context, doc=doc)
        row = db.execute(
            "SELECT r.canonical FROM keys k JOIN resolved r ON r.i = k.i WHERE k.type = ? AND k.key = ? ORDER BY k.i LIMIT 1",
            (type_, key),
        ).fetchone()
        return row[0] if row else key

    def groups(self, type_: str | None = None) -> dict[tuple[str, str], list[tuple[str, str]]]:
        """(type, canonical key) -> the (doc, id) of every entity resolved to it."""
        latest = ("SELECT e.doc, e.id, e.type, r.canonical FROM ents e JOIN resolved r ON r.i = e.i"
                  " WHERE e.i = (SELECT MAX(i) FROM ents x WHERE x.doc = e.doc AND x.id = e.id)")
        out: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        for doc, entity_id, type_of, key in self._ready().execute(latest + " ORDER BY e.doc, e.id"):
            if type_ is None or type_of == type_:
                out[(type_of, key)].append((doc, entity_id))
        return dict(out)

    def __len__(self) -> int:
        return self._next

    def close(self) -> None:
        """Close the database and remove its file."""
        self._finalizer()

    def __enter__(self) -> Resolver:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def resolve(
    results: Iterable[Mapping[str, Any]], *, link_aliases: bool = True, path: str | os.PathLike[str] | None = None
) -> Resolver:
    """Resolve the entities of many contract results into canonical keys.

    Each entity first gets :func:`entity_key` (its report's own evidence and place context).
    With ``link_aliases``, entities of one type that share any name key (a name or an alias,
    local keys excepted) are then merged across reports: 时代新材 alone in one report joins
    株洲时代新材料科技股份有限公司 when another report ties the two. Two different legal company
    names are never merged that way. Then a short form that its own report never expands joins
    the one full name that a report of the same province spells it from (see
    ``Resolver._link_contractions``: 中车株所 in one Hunan report, 中车株洲研究所有限公司 in another).
    A merged group takes the key of its member with the longest name (ties: the smallest key),
    so the result does not depend on the order of ``results``.

    A result may carry its place context as ``"context": {"province": code, "city": code}``
    (the pseudo-reports of a store's nodes do); otherwise it comes from its Place entities.
    The state is kept in SQLite at ``path`` (default: a temporary file), so ``results`` may be
    a generator over more reports than memory holds.

    >>> r = resolve([{"doc": "a", "entities": [{"id": "e1", "type": "Company", "name": "株洲时代新材料科技股份有限公司"},
    ...                                        {"id": "e2", "type": "Company", "name": "时代新材"}]},
    ...              {"doc": "b", "entities": [{"id": "e1", "type": "Company", "name": "时代新材"}]}])
    >>> r.key("b", "e1") == r.key("a", "e2"), r.key("b", "e1") == r.key("a", "e1")
    (True, False)
    """
    resolver = Resolver(path, link_aliases=link_aliases)
    for result in results:
        resolver.add(result)
    return resolver.finish()
