"""Graph store: where report graphs are kept, queried and exported.

Owns the ``GraphStore`` interface, the registry of backends behind it (chosen by name, imported
on first use), and query answers (their terms converted by
``kg.terms``). Takes the dataset ``rdfmap.map_report`` builds for one report; hands query rows
to the CLI, viz and eval, and serialisations to files or streams.

Each report lives in its own named graph (``rdfmap.report_iri(doc)``), so adding a report again
replaces it and a rebuild duplicates nothing. A few graphs hold no report (the background graph of
lexicon facts, ``rdfmap.BACKGROUND_GRAPH``): ``replace_graph`` writes them. Queries see the union
of all named graphs.

One graph is derived: after every write the store brings the names graph (``names.NAMES_GRAPH``:
one ``kg:displayName`` and the ``kg:lookupName``s of every labelled node) up to date for the nodes
whose labels the write changed, so the named queries join one name per node; statements of those
two properties given to ``add_report``, ``replace_graph`` or ``bulk_add_reports`` are dropped.

Known limit: pyoxigraph 0.5 evaluates that union as a multiset, so a triple that two reports
share (an entity's type or name) matches once per report (oxigraph issue #1919, fixed for 0.6).
Queries therefore use ``SELECT DISTINCT`` and ``COUNT(DISTINCT ...)``; ``dump`` deduplicates.

Must not build RDF from extraction results (that is ``rdfmap``), print, or splice values into
query text: parameters are bound as RDF terms through pyoxigraph's ``substitutions``. The table
of export formats and the writing of exports live in ``kg.exports`` (imported back here).
"""

from __future__ import annotations

import gc
import importlib
import itertools
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import (
    TYPE_CHECKING,
    Any,
    Iterable,
    Iterator,
    Mapping,
    Protocol,
    runtime_checkable,
)

from . import names
from .errors import QueryError, StoreError
from .namespace import PREFIXES
from .exports import (  # noqa: F401 - the export table and writers are imported from here too
    EXPORT_FORMATS,
    ExportFormat,
    Output,
    _export_format,
    _stable_prefixes,
    _stable_prefixes_stream,
    _write,
    _write_chunks,
)
from .rdfmap import report_iri, report_id
from .staging import atomic_write  # noqa: F401 - written files' atomic replace lives with crash safety; imported from here too
from .terms import Binding, _substitutions, _to_oxigraph, _to_python  # noqa: F401 - _to_python: kg.remote and tests import it from here

if TYPE_CHECKING:  # pragma: no cover - typing only; pyoxigraph is imported on first use
    import pyoxigraph

__all__ = [
    "DEFAULT_PATH",
    "ExportFormat",
    "EXPORT_FORMATS",
    "GraphStore",
    "QueryResult",
    "Output",
    "backend_names",
    "register_backend",
    "open_store",
    "OxigraphStore",
    "MemoryStore",
    "atomic_write",
]

#: Where the default ``oxigraph`` backend keeps its files, relative to the working directory.
DEFAULT_PATH = Path("build") / "store"

@dataclass(frozen=True)
class QueryResult:
    """The answer to a query: column names and rows of plain Python values.

    IRIs and strings are ``str``, ``xsd:integer`` (and its subtypes) ``int``, ``xsd:decimal``
    ``Decimal``, ``xsd:double``/``xsd:float`` ``float``, ``xsd:boolean`` ``bool``; an unbound
    cell is ``None``. ``ASK`` gives one column ``ask``; ``CONSTRUCT``/``DESCRIBE`` give
    ``subject``, ``predicate``, ``object``.
    """

    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]] = field(default_factory=list)

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def as_dicts(self) -> list[dict[str, Any]]:
        """The rows as dictionaries keyed by column name."""
        return [dict(zip(self.columns, row)) for row in self.rows]


@runtime_checkable
class GraphStore(Protocol):
    """What every backend provides. Open one with :func:`open_store`."""

    def add_report(self, doc_id: str, quads: Any) -> int:
        """Replace the named graph of report ``doc_id`` with ``quads``; return its triple count.

        ``quads`` is what ``rdfmap.map_report`` returns (an rdflib ``Dataset``), an rdflib
        ``Graph``, or an iterable of rdflib triples or quads. Triples in another report's graph
        are refused; triples in the default graph are put in the report's graph. A backend keeps
        the names graph (``kg.names``) up to date here and in ``remove_report``: the named
        queries read each node's ``kg:displayName`` and ``kg:lookupName`` from it.
        """
        ...

    def remove_report(self, doc_id: str) -> bool:
        """Drop the graph of report ``doc_id``; return whether it was there."""
        ...

    def replace_graph(self, graph_iri: str, quads: Any) -> int:
        """Replace the named graph ``graph_iri``, which must not be a report's, with ``quads``
        (as for ``add_report``); return its triple count. An empty ``quads`` drops the graph."""
        ...

    def reports(self) -> list[str]:
        """The ids of the reports in the store, sorted."""
        ...

    def query(self, sparql: str, bindings: Mapping[str, Binding] | None = None) -> QueryResult:
        """Run a SPARQL query over the union of the report graphs.

        ``bindings`` maps variable names (without ``?``) to values, bound as RDF terms, never
        spliced into the text. A bound variable must be one the query SELECTs.
        """
        ...

    def dump(self, output: Output | None = None, format: str | None = None) -> bytes | None:
        """Serialise the store: the union of the report graphs as one graph, or (``trig``) one
        graph per report. Sorted, so the same store gives the same bytes. ``format`` is a key of
        ``EXPORT_FORMATS``; ``None`` means from ``output``'s suffix, else ``turtle``. Returns the
        bytes when ``output`` is ``None``; a path is written atomically."""
        ...

    def close(self) -> None:
        """Flush and release the store; later calls raise ``StoreError``."""
        ...


# Backends by name -> "module:attribute" of a callable taking ``path`` and returning a GraphStore.
_BACKENDS: dict[str, str] = {
    "oxigraph": "kg.store:OxigraphStore",
    "memory": "kg.store:MemoryStore",
}


def backend_names() -> list[str]:
    """The registered backend names, sorted (for the CLI's ``--store-backend`` choices)."""
    return sorted(_BACKENDS)


def register_backend(name: str, target: str) -> None:
    """Register a backend: ``target`` is ``"module:attribute"``, imported on first use."""
    if ":" not in target:
        raise StoreError(f"backend target {target!r} must look like 'package.module:Class'.")
    _BACKENDS[name] = target


def open_store(name: str = "oxigraph", path: str | os.PathLike[str] | None = None) -> GraphStore:
    """Open the backend called ``name``; ``path`` is where an on-disk backend keeps its files.

    >>> store = open_store("memory")
    >>> store.reports()
    []
    >>> store.close()
    """
    try:
        target = _BACKENDS[name]
    except KeyError:
        raise StoreError(
            f"unknown store backend {name!r}; choose one of {', '.join(backend_names())}."
        ) from None
    module_name, _, attribute = target.partition(":")
    try:
        factory = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError) as error:
        raise StoreError(
            f"store backend {name!r} cannot be loaded from {target}: {error}"
        ) from error
    return factory(path)


BULK_SLICE = 25_000  # quads per call of pyoxigraph's bulk loader: it holds a call's quads in memory (~1.4 KB each; 100,000 took 140 MB)


#: A file in a store's folder that kg rewrites with a new random token whenever a kg handle that
#: wrote to the store closes (and removes before its first write): two equal readings mean no kg
#: command changed the store in between (an incremental ``kg build`` trusts its outputs on that).
#: RocksDB leaves files it does not name alone.
STAMP_NAME = "kg-stamp"


def store_stamp(path: str | os.PathLike[str]) -> str | None:
    """The stamp of the store at ``path`` (:data:`STAMP_NAME`), or None when it has none."""
    try:
        return (Path(path) / STAMP_NAME).read_text(encoding="ascii").strip() or None
    except (OSError, UnicodeDecodeError):
        return None


class _PyoxigraphStore:
    """A GraphStore on a ``pyoxigraph.Store``; the ``oxigraph`` and ``memory`` backends share it."""

    def __init__(self, store: "pyoxigraph.Store", *, description: str) -> None:
        self._store: "pyoxigraph.Store | None" = store
        self._description = description
        #: Statements the last :meth:`dump` of the union as one graph wrote (``None``: none yet).
        self.dumped_statements: int | None = None
        #: Where the store's stamp lives (a store on disk), and whether this handle wrote to it.
        self._stamp_path: Path | None = None
        self._written = False

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._description}>"

    def __enter__(self) -> "_PyoxigraphStore":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def _open(self) -> "pyoxigraph.Store":
        if self._store is None:
            raise StoreError(f"the store {self._description} is closed.")
        return self._store

    # -- writing ---------------------------------------------------------------------------

    def _changing(self) -> None:
        """Called before every write: the last dump's count no longer holds, and the store's
        stamp goes (a new one is written when the handle closes, so a process killed in the
        middle of a write leaves no stamp an incremental build could trust)."""
        self.dumped_statements = None
        if not self._written:
            self._written = True
            if self._stamp_path is not None:
                self._stamp_path.unlink(missing_ok=True)

    def add_report(self, doc_id: str, quads: Any) -> int:
        return self._replace(str(report_iri(doc_id)), quads, what=f"report {doc_id!r}", hint="Add each report separately.")

    def replace_graph(self, graph_iri: str, quads: Any) -> int:
        if str(graph_iri).startswith(str(report_iri("x"))[:-1]):
            raise StoreError(f"{graph_iri} is a report's graph; write it with add_report.")
        if str(graph_iri) == str(names.NAMES_GRAPH):
            raise StoreError(f"{graph_iri} holds the names the store derives from the labels; it cannot be written.")
        return self._replace(str(graph_iri), quads, what=f"graph {graph_iri}", hint="Write one graph at a time.")

    def _replace(self, graph_iri: str, quads: Any, *, what: str, hint: str) -> int:
        import pyoxigraph as ox

        store = self._open
        self._changing()
        graph = ox.NamedNode(graph_iri)
        converted = []
        for item in _iter_statements(quads):
            if len(item) == 4 and item[3] is not None and not _is_default_graph(item[3]):
                if str(_graph_identifier(item[3])) != graph_iri:
                    raise StoreError(
                        f"cannot add {what}: a triple belongs to graph "
                        f"{_graph_identifier(item[3])}, not {graph_iri}. {hint}"
                    )
            subject, predicate, obj = (_to_oxigraph(term) for term in item[:3])
            if predicate.value not in names.DERIVED_PREDICATES:  # the store derives those itself
                converted.append(ox.Quad(subject, predicate, obj, graph))
        try:
            before = names.labels_in(store, graph)
            store.remove_graph(graph)
            store.extend(converted)
            names.update(store, names.changed_nodes(before, names.labels_of(converted)))
        except OSError as error:
            raise StoreError(
                f"cannot write {what} to the store {self._description}: {error}"
            ) from error
        return len(set(converted))

    def bulk_add_reports(self, reports: Iterable[tuple[str, Any]]) -> int:
        """Load ``(doc_id, quads)`` pairs with pyoxigraph's bulk loader (``Store.bulk_extend``):
        much faster than one transaction per report, streamed, but neither atomic nor
        replacing: for a store that holds none of these reports yet (a fresh build). Returns
        the number of quads given."""
        import pyoxigraph as ox

        store = self._open
        self._changing()
        count = 0

        def quads() -> Iterator[Any]:
            nonlocal count
            for doc_id, items in reports:
                graph_iri = str(report_iri(doc_id))
                graph = ox.NamedNode(graph_iri)
                for item in _iter_statements(items):
                    if len(item) == 4 and item[3] is not None and not _is_default_graph(item[3]):
                        if str(_graph_identifier(item[3])) != graph_iri:
                            raise StoreError(f"cannot add report {doc_id!r}: a triple belongs to graph "
                                             f"{_graph_identifier(item[3])}, not {graph_iri}.")
                    quad = ox.Quad(*(_to_oxigraph(term) for term in item[:3]), graph)
                    if quad.predicate.value in names.DERIVED_PREDICATES:  # the store derives those itself
                        continue
                    count += 1
                    yield quad

        # in slices: the bulk loader holds what one call gives it in memory before writing it
        stream = quads()
        try:
            while True:
                chunk = list(itertools.islice(stream, BULK_SLICE))
                if not chunk:
                    break
                store.bulk_extend(chunk)
            # the names of every labelled node, read back from the store in batches: not a set of
            # the nodes this load labels, kept in memory across the load (it grew with the
            # corpus); on a store that held no report (what the bulk path is for) the two agree,
            # and elsewhere the other nodes' names are already right, so nothing changes for them
            names.update(store, names.named_nodes(store), bulk=True)
        except OSError as error:
            raise StoreError(f"cannot write to the store {self._description}: {error}") from error
        return count

    def refresh_names(self) -> int:
        """Recompute the whole names graph from the labels (``names.refresh``): for a store a
        killed process left in the middle of a write; returns how many quads changed."""
        self._changing()
        try:
            return names.refresh(self._open)
        except OSError as error:
            raise StoreError(f"cannot write to the store {self._description}: {error}") from error

    def remove_report(self, doc_id: str) -> bool:
        import pyoxigraph as ox

        store = self._open
        self._changing()
        graph = ox.NamedNode(str(report_iri(doc_id)))
        try:
            if not store.contains_named_graph(graph):
                return False
            labelled = names.labels_in(store, graph)
            store.remove_graph(graph)
            names.update(store, labelled)
        except OSError as error:
            raise StoreError(
                f"cannot remove report {doc_id!r} from the store {self._description}: {error}"
            ) from error
        return True

    # -- reading ---------------------------------------------------------------------------

    def reports(self) -> list[str]:
        store = self._open
        prefix = str(report_iri("x"))[:-1]
        try:
            graphs = [graph.value for graph in store.named_graphs() if hasattr(graph, "value")]
        except OSError as error:
            raise StoreError(f"cannot read the store {self._description}: {error}") from error
        return sorted(report_id(name) for name in graphs if name.startswith(prefix))

    def query(self, sparql: str, bindings: Mapping[str, Binding] | None = None) -> QueryResult:
        import pyoxigraph as ox

        store = self._open
        substitutions = _substitutions(bindings or {})
        try:
            answer = store.query(
                sparql,
                prefixes=dict(PREFIXES),
                use_default_graph_as_union=True,
                substitutions=substitutions or None,
            )
            if isinstance(answer, ox.QuerySolutions):
                columns = tuple(variable.value for variable in answer.variables)
                rows = [tuple(map(_to_python, row)) for row in answer]  # a row iterates in column order
                return QueryResult(columns, rows)
            if isinstance(answer, ox.QueryTriples):
                rows = [tuple(_to_python(term) for term in triple) for triple in answer]
                return QueryResult(("subject", "predicate", "object"), rows)
            return QueryResult(("ask",), [(bool(answer),)])
        except SyntaxError as error:
            raise QueryError(f"the query does not parse: {error}") from error
        except OSError as error:
            raise StoreError(f"cannot read the store {self._description}: {error}") from error
        except (RuntimeError, ValueError, TypeError) as error:
            message = str(error)
            if "SELECT projection" in message:
                names = ", ".join(sorted(bindings or {}))
                raise QueryError(
                    f"cannot bind {names}: {message}. "
                    "A parameter must be a variable the query SELECTs."
                ) from error
            raise QueryError(f"the query failed: {message}") from error

    def iter_query(self, sparql: str) -> Iterator[tuple[Any, ...]]:
        """The rows of a SELECT query as :meth:`query` gives them, one at a time: for the
        build's passes over the whole store, which keep only some of the rows."""
        import pyoxigraph as ox

        store = self._open
        try:
            answer = store.query(sparql, prefixes=dict(PREFIXES), use_default_graph_as_union=True)
            if not isinstance(answer, ox.QuerySolutions):
                raise QueryError("iter_query reads SELECT queries only")
            for row in answer:
                yield tuple(map(_to_python, row))
        except SyntaxError as error:
            raise QueryError(f"the query does not parse: {error}") from error
        except OSError as error:
            raise StoreError(f"cannot read the store {self._description}: {error}") from error

    # -- exporting -------------------------------------------------------------------------

    def dump(self, output: Output | None = None, format: str | None = None) -> bytes | None:
        import pyoxigraph as ox

        from .ordered import ordered_statements

        store = self._open
        export = _export_format(format, output)
        self.dumped_statements = None
        # sorted and deduplicated in bounded memory (kg.ordered), streamed to the serialiser
        statements = ordered_statements(
            (quad for quad in store.quads_for_pattern(None, None, None, None)
             if isinstance(quad.graph_name, ox.NamedNode)),  # report graphs only
            keep_graphs=export.keeps_graphs,
        )
        if not export.keeps_graphs:  # the union as one graph: its distinct triples, counted
            statements = self._counted(statements)
        try:
            if export.name == "jsonld":
                from .formats import jsonld

                return _write(jsonld(list(statements)), output)
            rdf_format = getattr(ox.RdfFormat, export.oxigraph_name)
            with tempfile.TemporaryFile() as serialised:
                ox.serialize(statements, output=serialised, format=rdf_format, prefixes=dict(PREFIXES))
                serialised.seek(0)
                return _write_chunks(_stable_prefixes_stream(serialised), output)
        except OSError as error:
            raise StoreError(f"cannot read the store {self._description}: {error}") from error
        except (ValueError, TypeError) as error:
            raise StoreError(f"cannot serialise the store as {export.name}: {error}") from error

    def _counted(self, statements: Iterable[Any]) -> Iterator[Any]:
        """``statements`` passed through, their number set as :attr:`dumped_statements` once all
        were read."""
        count = 0
        for statement in statements:
            count += 1
            yield statement
        self.dumped_statements = count

    def distinct_triples(self) -> int:
        """The number of distinct triples of the union of the graphs, as
        ``SELECT (COUNT(DISTINCT *) AS ?n) WHERE { ?s ?p ?o }`` counts it, which keeps every distinct
        triple in pyoxigraph's memory until it ends (+54 MB at 300 generated reports, growing with
        the corpus). When the default graph is empty and the last :meth:`dump` wrote the union as
        one graph (Turtle, N-Triples) with no write through this object since, that dump's
        statement count is the same number, already deduplicated in bounded memory
        (``kg.ordered``); otherwise the query runs."""
        import pyoxigraph as ox

        store = self._open
        counted = getattr(self, "dumped_statements", None)
        if counted is not None and next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None:
            return counted
        # COUNT(DISTINCT): pyoxigraph 0.5 repeats a triple once per named graph holding it (oxigraph #1919)
        return self.query("SELECT (COUNT(DISTINCT *) AS ?n) WHERE { ?s ?p ?o }").rows[0][0]

    def close(self) -> None:
        store, self._store = self._store, None
        if store is not None and hasattr(store, "flush"):
            try:
                store.flush()
            except OSError as error:
                raise StoreError(f"cannot flush the store {self._description}: {error}") from error
        if store is not None and self._written and self._stamp_path is not None:
            import uuid

            atomic_write(self._stamp_path, (uuid.uuid4().hex + "\n").encode("ascii"))
        del store
        gc.collect()  # release RocksDB's lock now, not when a cycle is next collected


class OxigraphStore(_PyoxigraphStore):
    """The default backend: a pyoxigraph (RocksDB) store on disk, ``build/store`` by default."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        import pyoxigraph as ox

        location = Path(path) if path is not None else DEFAULT_PATH
        try:
            location.parent.mkdir(parents=True, exist_ok=True)
            store = None
            for pause in (0.0, 0.5, 2.0, None):
                try:
                    store = ox.Store(str(location))
                    break
                except OSError as error:
                    # RocksDB's lock goes with the last reference to a store this process
                    # closed; a reference cycle (or an iterator another thread drops) can keep it
                    # a moment longer, so collect and try again, a few times, before refusing
                    if "current process" not in str(error) or pause is None:
                        raise
                    gc.collect()
                    time.sleep(pause)
        except OSError as error:
            raise StoreError(
                f"cannot open the store at {location}: {error}. "
                "Another kg process may be using it; wait for it or pass another store path."
            ) from error
        super().__init__(store, description=str(location))
        self.path = location
        self._stamp_path = location / STAMP_NAME


class MemoryStore(_PyoxigraphStore):
    """An in-memory pyoxigraph store: nothing is written to disk, ``path`` is ignored."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        import pyoxigraph as ox

        super().__init__(ox.Store(), description="(in memory)")


# -- helpers ---------------------------------------------------------------------------------


def _iter_statements(quads: Any) -> Iterator[tuple[Any, ...]]:
    """Triples or quads out of an rdflib Dataset or Graph, or out of an iterable of tuples."""
    from rdflib import Dataset, Graph

    if isinstance(quads, Dataset):
        yield from quads.quads((None, None, None, None))
    elif isinstance(quads, Graph):
        yield from quads.triples((None, None, None))
    else:
        for item in quads:
            statement = tuple(item)
            if len(statement) not in (3, 4):
                raise StoreError(f"add_report takes triples or quads, not {statement!r}.")
            yield statement


def _graph_identifier(graph: Any) -> Any:
    return getattr(graph, "identifier", graph)


def _is_default_graph(graph: Any) -> bool:
    import pyoxigraph as ox
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    if isinstance(graph, ox.DefaultGraph):
        return True
    return _graph_identifier(graph) == DATASET_DEFAULT_GRAPH_ID
