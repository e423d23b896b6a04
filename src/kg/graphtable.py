"""Graph table: the entity graph's outline in a table on disk, and the part of it a page draws.

Owns choosing what a graph page cut to ``max_nodes`` draws without holding the graph in Python
(:class:`GraphTable`). The store's entity nodes (id, type, name, degree), its distinct edges
(subject, object, key, predicate, qualifiers), each fact's edge and the standards counts are
streamed out of the store, query row by query row, into a temporary SQLite file with a bounded
page cache; the whole graph's counts (:meth:`GraphTable.counts`), the degrees and the order in
which the cut takes its nodes are computed there (GROUP BY, indexes), and the drawn nodes are
then read in full one at a time (:meth:`GraphTable.drawn_graph`). Python holds the drawn part:
the nodes taken, their neighbours met while growing, the drawn edges' facts. With
``reports=True`` the table also holds each node's mentions by report and each fact's reports,
which :mod:`kg.stats` reads.

The rows are the ones :mod:`kg.graphdata` reads (a node and an edge mean the same thing there),
so the counts are its :func:`~kg.graphdata.counts_of` and the drawn graph its
``build_graph(store).subgraph(taken)``; the queries are plain triple patterns without
``DISTINCT`` (pyoxigraph keeps a ``DISTINCT``'s rows in its own memory until the query ends):
the rows a shared triple repeats (one per report graph holding it, oxigraph #1919) are
deduplicated by the table's keys.

Must not: print, paste names into query text, or know how a page is drawn (:mod:`kg.viz`).
"""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import tempfile
import weakref
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from .graphdata import (
    _COUNT_ROWS, _RECOGNITIONS, _SOURCES, _STATEMENTS, _QUALIFIER_VALUES, QUALIFIERS,
    _add_edges, _add_standards, _lazy_rows, _node_graph, _plain, node_id,
)
from .entities import _LABEL_ROWS, _MENTIONS, _TYPE_ROWS

__all__ = ["GraphTable", "CACHE_KIB"]

#: SQLite's page cache (and its sorter's memory before it spills to disk), in KiB.
CACHE_KIB = 16 * 1024
_BATCH = 5_000

_SCHEMA = """
CREATE TABLE node_type (iri TEXT PRIMARY KEY, type TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE label (iri TEXT, label TEXT, preferred INTEGER, PRIMARY KEY (iri, label, preferred)) WITHOUT ROWID;
CREATE TABLE node (id TEXT PRIMARY KEY, iri TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL,
                   degree INTEGER NOT NULL DEFAULT 0, mentions INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
CREATE TABLE raw_fact (fact TEXT PRIMARY KEY, s TEXT NOT NULL, p TEXT NOT NULL, o TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE raw_qualifier (fact TEXT, key TEXT, value TEXT NOT NULL, PRIMARY KEY (fact, key)) WITHOUT ROWID;
CREATE TABLE fact (fact TEXT PRIMARY KEY, s TEXT NOT NULL, o TEXT NOT NULL, key TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE edge (s TEXT, o TEXT, key TEXT, p TEXT NOT NULL, qualifiers TEXT NOT NULL, PRIMARY KEY (s, o, key)) WITHOUT ROWID;
CREATE TABLE standard (s TEXT, level TEXT, count TEXT, year TEXT, PRIMARY KEY (s, level, count, year)) WITHOUT ROWID;
CREATE TABLE raw_mention (id TEXT, report TEXT, count INTEGER NOT NULL, PRIMARY KEY (id, report)) WITHOUT ROWID;
CREATE TABLE mention (id TEXT, report TEXT, count INTEGER NOT NULL, PRIMARY KEY (id, report)) WITHOUT ROWID;
CREATE TABLE fact_report (fact TEXT, report TEXT, PRIMARY KEY (fact, report)) WITHOUT ROWID;
"""

# kg.entities' mention query without its DISTINCT, whose rows pyoxigraph would hold until the
# query ends (the table keeps each node's largest count in a report)
_MENTION_ROWS = _MENTIONS.replace("SELECT DISTINCT", "SELECT", 1)
# kg.graphdata's sources without their sentences (a source counts as there: with a sentence and a
# report that has an id); only the reports are kept
_FACT_REPORTS = _SOURCES.replace("SELECT ?fact ?sentence ?report", "SELECT ?fact ?report", 1)
_LABEL_ROWS = """
SELECT ?entity ?label ?preferred WHERE {
  { ?entity skos:prefLabel ?label BIND(true AS ?preferred) } UNION { ?entity skos:altLabel ?label BIND(false AS ?preferred) }
}"""


def _cell(value: Any) -> str:
    """A query cell as table text that keeps its Python type (``5`` and ``"5"`` stay apart)."""
    return json.dumps(value, ensure_ascii=False)


class GraphTable:
    """The outline of ``store``'s entity graph in a temporary SQLite file (removed by
    :meth:`close`, or when the table is collected). Build it once, then read :meth:`counts`,
    :meth:`grow` and :meth:`drawn_graph`."""

    def __init__(self, store: Any, *, folder: str | os.PathLike[str] | None = None, reports: bool = False) -> None:
        fd, name = tempfile.mkstemp(prefix="kg-graph-", suffix=".sqlite", dir=folder)
        os.close(fd)
        self.path = name
        self._db = sqlite3.connect(name, isolation_level=None)
        self._finalizer = weakref.finalize(self, _close, self._db, name)
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "temp_store = FILE", f"cache_size = -{CACHE_KIB}"):
            self._db.execute(f"PRAGMA {pragma}")
        self._db.executescript(_SCHEMA)
        self._fill(store)
        if reports:
            self._fill_reports(store)

    def __enter__(self) -> "GraphTable":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the table and remove its file."""
        self._finalizer()

    # -- filling -------------------------------------------------------------------------------

    def _fill(self, store: Any) -> None:
        from .entities import _preferred
        from .namespace import TYPE_CLASSES

        db = self._db
        db.execute("BEGIN")
        type_names = {str(iri): name for name, iri in TYPE_CLASSES.items()}
        # first type read wins, as in kg.entities (a node has one type: its IRI is minted from it)
        db.executemany("INSERT OR IGNORE INTO node_type VALUES (?, ?)",
                       ((str(e), type_names[str(t)]) for e, t in _lazy_rows(store, _TYPE_ROWS)))
        db.executemany("INSERT OR IGNORE INTO label VALUES (?, ?, ?)",
                       ((str(e), str(label), 1 if preferred else 0) for e, label, preferred in _lazy_rows(store, _LABEL_ROWS)))
        rows = self._read("SELECT l.iri, t.type, l.label, l.preferred FROM label l JOIN node_type t USING (iri) ORDER BY l.iri")
        pending = []
        for iri, group in itertools.groupby(rows, key=lambda row: row[0]):
            group = list(group)
            preferred = {row[2] for row in group if row[3]}
            pending.append((node_id(iri), iri, group[0][1], _preferred(preferred or {row[2] for row in group})))
            if len(pending) >= _BATCH:
                _insert_nodes(db, pending)
                pending = []
        _insert_nodes(db, pending)
        db.execute("DROP TABLE node_type")
        # the facts (a fact's statements sit in one report graph; a fact read twice in a graph
        # keeps its last row, as kg.graphdata's dict does)
        db.executemany("INSERT OR REPLACE INTO raw_fact VALUES (?, ?, ?, ?)",
                       ((str(f), node_id(str(s)), "receivedAward", node_id(str(o))) for f, s, o in _lazy_rows(store, _RECOGNITIONS)))
        db.executemany("INSERT OR REPLACE INTO raw_fact VALUES (?, ?, ?, ?)",
                       ((str(f), node_id(str(s)), str(p).rsplit("#", 1)[-1], node_id(str(o)))
                        for f, s, p, o in _lazy_rows(store, _STATEMENTS)))
        db.executemany("INSERT OR REPLACE INTO raw_qualifier VALUES (?, ?, ?)",
                       ((str(f), key, _cell(_plain(value))) for f, key, value in _lazy_rows(store, _QUALIFIER_VALUES)
                        if _plain(value) is not None))
        self._edges()
        db.execute("DROP TABLE raw_fact")
        db.execute("DROP TABLE raw_qualifier")
        db.executemany("INSERT OR IGNORE INTO standard VALUES (?, ?, ?, ?)",
                       ((node_id(str(s)), str(level), _cell(_plain(count)), _cell(_plain(year)))
                        for s, level, count, year in _lazy_rows(store, _COUNT_ROWS)))
        db.execute("DELETE FROM standard WHERE s NOT IN (SELECT id FROM node)")
        db.execute("CREATE INDEX edge_o ON edge (o)")
        db.execute("CREATE INDEX fact_s ON fact (s)")
        db.execute("UPDATE node SET degree = (SELECT COUNT(*) FROM edge WHERE s = node.id) + (SELECT COUNT(*) FROM edge WHERE o = node.id)")
        db.execute("CREATE INDEX node_rank ON node (degree DESC, name, id)")
        db.execute("COMMIT")

    def _fill_reports(self, store: Any) -> None:
        """The reports behind the nodes and the facts, for :mod:`kg.stats`: each node's mention
        count in each report naming it (``mention``; ``node.mentions`` their sum, as
        :func:`kg.entities.list_entities` counts it) and the reports each fact was read from
        (``fact_report``)."""
        db = self._db
        db.execute("BEGIN")
        db.executemany(
            "INSERT INTO raw_mention VALUES (?, ?, ?) ON CONFLICT (id, report) DO UPDATE SET count = max(count, excluded.count)",
            ((node_id(str(e)), str(r), int(_plain(c) or 0)) for e, r, c in _lazy_rows(store, _MENTION_ROWS)))
        db.execute("INSERT INTO mention SELECT m.id, m.report, m.count FROM raw_mention m JOIN node n USING (id)")
        db.execute("DROP TABLE raw_mention")
        db.execute("UPDATE node SET mentions = (SELECT COALESCE(SUM(count), 0) FROM mention WHERE mention.id = node.id)")
        db.executemany("INSERT OR IGNORE INTO fact_report VALUES (?, ?)",
                       ((str(f), str(r)) for f, r in _lazy_rows(store, _FACT_REPORTS)))
        db.execute("COMMIT")

    def _edges(self) -> None:
        """Each fact between two nodes becomes its edge ``(s, o, predicate|qualifiers)``; a fact
        read twice is one edge (the first fact's qualifiers kept, as they make its key)."""
        db = self._db
        columns = ", ".join(f"(SELECT value FROM raw_qualifier q WHERE q.fact = f.fact AND q.key = '{k}')" for k in QUALIFIERS)
        rows = self._read(f"""
            SELECT f.fact, f.s, f.p, f.o, {columns} FROM raw_fact f
            JOIN node a ON a.id = f.s JOIN node b ON b.id = f.o""")
        facts, edges = [], []
        for fact, s, p, o, *values in rows:
            quals = {k: json.loads(v) for k, v in zip(QUALIFIERS, values) if v is not None}
            key = "|".join([p, *(f"{k}={v}" for k, v in quals.items())])
            facts.append((fact, s, o, key))
            edges.append((s, o, key, p, json.dumps(quals, ensure_ascii=False)))
            if len(facts) >= _BATCH:
                db.executemany("INSERT INTO fact VALUES (?, ?, ?, ?)", facts)
                db.executemany("INSERT OR IGNORE INTO edge VALUES (?, ?, ?, ?, ?)", edges)
                facts, edges = [], []
        db.executemany("INSERT INTO fact VALUES (?, ?, ?, ?)", facts)
        db.executemany("INSERT OR IGNORE INTO edge VALUES (?, ?, ?, ?, ?)", edges)

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
        """Rows of a query, read in slices (the connection is written while they are read)."""
        cursor = self._db.execute(sql, params)
        while True:
            rows = cursor.fetchmany(_BATCH)
            if not rows:
                return
            yield from rows

    # -- reading -------------------------------------------------------------------------------

    def counts(self) -> dict[str, Any]:
        """:func:`kg.graphdata.counts_of` the whole graph."""
        db = self._db
        relations = dict(db.execute("SELECT p, COUNT(*) FROM edge GROUP BY p").fetchall())
        standards = db.execute("SELECT COUNT(*) FROM standard").fetchone()[0]
        if standards:
            relations["standardsCount"] = standards
        return {
            "nodes": db.execute("SELECT COUNT(*) FROM node").fetchone()[0],
            "edges": db.execute("SELECT COUNT(*) FROM edge").fetchone()[0],
            "entities": dict(sorted(db.execute("SELECT type, COUNT(*) FROM node GROUP BY type").fetchall())),
            "relations": dict(sorted(relations.items())),
        }

    @property
    def db(self) -> sqlite3.Connection:
        """The table's connection, for readers that compute over it (:mod:`kg.stats`)."""
        return self._db

    def ranked(self) -> Iterator[tuple[int, str, str]]:
        """Every node as ``(-degree, name, id)``, best-connected first (ties: name, then id)."""
        cursor = self._db.cursor()
        cursor.execute("SELECT -degree, name, id FROM node ORDER BY degree DESC, name, id")
        while True:
            rows = cursor.fetchmany(1_000)
            if not rows:
                return
            yield from rows

    def neighbours(self, n: str) -> list[tuple[int, str, str]]:
        """``n``'s neighbours either direction as ``(-degree, name, id)``, each once."""
        return self._db.execute(
            "SELECT -m.degree, m.name, m.id FROM node m WHERE m.id IN"
            " (SELECT o FROM edge WHERE s = ?1 UNION SELECT s FROM edge WHERE o = ?1)", (n,)).fetchall()

    def select(self, *, types: Iterable[str] = (), predicates: Iterable[str] = ()) -> int:
        """Keep the nodes of ``types`` and, of the edges between them, those of ``predicates``
        (and then only the nodes keeping an edge), as ``kg.viz.focus`` filters the whole graph;
        return how many nodes are kept. :meth:`selected` and :meth:`selected_neighbours` read the
        selection, ranked by degree within it."""
        types, predicates = tuple(types), tuple(predicates)
        db = self._db
        for table in ("sel", "sel_edge"):
            db.execute(f"DROP TABLE IF EXISTS temp.{table}")
        by_t = f" WHERE type IN ({', '.join('?' * len(types))})" if types else ""
        db.execute(f"CREATE TEMP TABLE sel (id TEXT PRIMARY KEY, name TEXT NOT NULL, degree INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID")
        db.execute(f"INSERT INTO sel (id, name) SELECT id, name FROM node{by_t}", types)
        by_p = f" AND e.p IN ({', '.join('?' * len(predicates))})" if predicates else ""
        db.execute("CREATE TEMP TABLE sel_edge (s TEXT NOT NULL, o TEXT NOT NULL)")
        db.execute(f"INSERT INTO sel_edge SELECT e.s, e.o FROM edge e JOIN sel a ON a.id = e.s JOIN sel b ON b.id = e.o WHERE 1{by_p}",
                   predicates)
        db.execute("CREATE INDEX temp.sel_edge_s ON sel_edge (s)")
        db.execute("CREATE INDEX temp.sel_edge_o ON sel_edge (o)")
        db.execute("UPDATE sel SET degree = (SELECT COUNT(*) FROM sel_edge WHERE s = sel.id) + (SELECT COUNT(*) FROM sel_edge WHERE o = sel.id)")
        if predicates:
            db.execute("DELETE FROM sel WHERE degree = 0")
        db.execute("CREATE INDEX temp.sel_rank ON sel (degree DESC, name, id)")
        return db.execute("SELECT COUNT(*) FROM sel").fetchone()[0]

    def selected(self) -> Iterator[tuple[int, str, str]]:
        """The :meth:`select` ion as ``(-degree, name, id)``, best-connected first."""
        yield from self._read("SELECT -degree, name, id FROM sel ORDER BY degree DESC, name, id")

    def selected_neighbours(self, n: str) -> list[tuple[int, str, str]]:
        """``n``'s neighbours along the selection's edges, as ``(-degree, name, id)``, each once."""
        return self._db.execute(
            "SELECT -m.degree, m.name, m.id FROM sel m WHERE m.id IN"
            " (SELECT o FROM sel_edge WHERE s = ?1 UNION SELECT s FROM sel_edge WHERE o = ?1)", (n,)).fetchall()

    def within(self, centre: str, depth: int, *, types: Iterable[str] = (), predicates: Iterable[str] = ()) -> set[str]:
        """The nodes at most ``depth`` steps from ``centre``, either direction, along edges of
        ``predicates`` through nodes of ``types`` (any, where not given; the centre always)."""
        types, predicates = tuple(types), tuple(predicates)
        by_p = f" AND p IN ({', '.join('?' * len(predicates))})" if predicates else ""
        by_t = f" AND type IN ({', '.join('?' * len(types))})" if types else ""
        sql = f"SELECT id FROM node WHERE id IN (SELECT o FROM edge WHERE s = ?{by_p} UNION SELECT s FROM edge WHERE o = ?{by_p}){by_t}"
        seen, frontier = {centre}, [centre]
        for _ in range(depth):
            step = []
            for n in frontier:
                for (m,) in self._db.execute(sql, (n, *predicates, n, *predicates, *types)):
                    if m not in seen:
                        seen.add(m)
                        step.append(m)
            if not step:
                break
            frontier = step
        return seen

    def drawn_graph(self, store: Any, taken: Iterable[str]) -> nx.MultiDiGraph:
        """``build_graph(store).subgraph(taken)``, read for the nodes ``taken`` only: each node's
        row (its labels from the table, its mentions queried), the edges between them, their
        facts' sources (queried fact by fact) and their standards counts."""
        from .entities import entity_row

        db = self._db
        db.execute("CREATE TEMP TABLE IF NOT EXISTS drawn (id TEXT PRIMARY KEY) WITHOUT ROWID")
        db.execute("DELETE FROM drawn")
        db.executemany("INSERT OR IGNORE INTO drawn VALUES (?)", ((n,) for n in taken))
        nodes = db.execute("SELECT n.iri, n.type FROM node n JOIN drawn d USING (id) ORDER BY n.iri").fetchall()
        g = _node_graph(
            entity_row(store, iri, type_name, ((label, bool(preferred)) for label, preferred in
                                                db.execute("SELECT label, preferred FROM label WHERE iri = ?", (iri,))))
            for iri, type_name in nodes)
        del nodes
        facts = {
            (s, o, key): {"predicate": p, **json.loads(quals)} for s, o, key, p, quals in db.execute(
                "SELECT e.s, e.o, e.key, e.p, e.qualifiers FROM drawn a JOIN edge e ON e.s = a.id WHERE e.o IN (SELECT id FROM drawn)")
        }
        drawn_facts = self._read("SELECT f.fact, f.s, f.o, f.key FROM drawn a JOIN fact f ON f.s = a.id WHERE f.o IN (SELECT id FROM drawn)")
        _add_edges(g, facts, _fact_sources(store, drawn_facts))
        _add_standards(g, (
            {"s": s, "level": level, "count": json.loads(count), "year": json.loads(year)}
            for s, level, count, year in db.execute("SELECT s.s, s.level, s.count, s.year FROM drawn a JOIN standard s ON s.s = a.id")))
        return g


def _fact_sources(store: Any, facts: Iterable[tuple[str, str, str, str]]) -> Iterator[tuple[tuple[str, str, str], Any, Any]]:
    """``(edge, report id, sentence)`` of the sources of ``facts`` (``(fact, s, o, key)`` rows),
    queried fact by fact: the drawn facts are few, the store's sources many."""
    from rdflib import URIRef

    for fact, s, o, key in facts:
        for _, sentence, report in store.query(_SOURCES, {"fact": URIRef(fact)}).rows:
            yield (s, o, key), report, sentence


def _insert_nodes(db: sqlite3.Connection, rows: list[tuple[str, str, str, str]]) -> None:
    db.executemany("INSERT OR IGNORE INTO node (id, iri, type, name) VALUES (?, ?, ?, ?)", rows)


def _close(connection: sqlite3.Connection, path: str) -> None:
    connection.close()
    for suffix in ("", "-journal"):
        Path(path + suffix).unlink(missing_ok=True)
