"""Statements in export order, in bounded memory: the sorted, deduplicated stream a dump writes.

Owns ordering a store's statements for export (``store.GraphStore.dump``): by subject, then
``rdf:type`` first, then predicate and object (the graph name first when graphs are kept), each
statement once. An external merge sort: runs of ``RUN`` statements are sorted in memory and
spilled to temporary files as text, then merged (``heapq.merge``) and parsed back in slices with
pyoxigraph's N-Quads parser, so memory holds one run, not the graph. A graph of one run is
sorted in memory and never touches the disk. Must not serialise (the store does) nor know where
the statements come from.
"""

from __future__ import annotations

import heapq
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

__all__ = ["RUN", "ordered_statements"]

#: Statements sorted in memory at once (about 40 MB of text at kg's ~300 characters each).
RUN = 100_000
_PARSE_SLICE = 10_000
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _record(quad: Any, keep_graphs: bool) -> tuple[str, ...]:
    """The sort key of a statement, which is also its N-Quads text (pyoxigraph's ``str`` of a
    term is its N-Triples form, with newlines and tabs escaped, so a record is one line)."""
    predicate = quad.predicate.value
    key = (str(quad.subject), "0" if predicate == _RDF_TYPE else "1", predicate, str(quad.object))
    return (str(quad.graph_name), *key) if keep_graphs else key


def _spill(records: list[tuple[str, ...]], folder: Path, number: int) -> Path:
    path = folder / f"run-{number}.tsv"
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write("\t".join(record) + "\n")
    return path


def _read(path: Path) -> Iterator[tuple[str, ...]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield tuple(line[:-1].split("\t"))


def _parsed(records: list[tuple[str, ...]], keep_graphs: bool) -> Iterator[Any]:
    import pyoxigraph as ox

    if keep_graphs:
        text = "".join(f"{s} <{p}> {o} {g} .\n" for g, s, _, p, o in records)
        yield from ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    else:
        text = "".join(f"{s} <{p}> {o} .\n" for s, _, p, o in records)
        for quad in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES):
            yield ox.Triple(quad.subject, quad.predicate, quad.object)


def ordered_statements(quads: Iterable[Any], *, keep_graphs: bool, run: int | None = None) -> Iterator[Any]:
    """``quads`` (pyoxigraph quads) sorted and deduplicated: ``Quad``s with ``keep_graphs``,
    else ``Triple``s (a triple in several graphs once). ``run``: statements sorted in memory at
    once (default :data:`RUN`).

    >>> import pyoxigraph as ox
    >>> ex = lambda n: ox.NamedNode(f"http://example.org/{n}")
    >>> quads = [ox.Quad(ex("b"), ex("p"), ox.Literal("x"), ex("g1")), ox.Quad(ex("a"), ex("p"), ex("b"), ex("g1")),
    ...          ox.Quad(ex("b"), ex("p"), ox.Literal("x"), ex("g2"))]
    >>> [str(t.subject) for t in ordered_statements(quads, keep_graphs=False, run=1)]
    ['<http://example.org/a>', '<http://example.org/b>']
    >>> len(list(ordered_statements(quads, keep_graphs=True)))
    3
    """
    run = run or RUN
    with tempfile.TemporaryDirectory(prefix="kg-order-") as tmp:
        folder = Path(tmp)
        runs: list[Path] = []
        records: set[tuple[str, ...]] = set()
        for quad in quads:
            records.add(_record(quad, keep_graphs))
            if len(records) >= run:
                runs.append(_spill(sorted(records), folder, len(runs)))
                records = set()
        merged: Iterable[tuple[str, ...]]
        if runs:
            if records:
                runs.append(_spill(sorted(records), folder, len(runs)))
            records = set()
            merged = heapq.merge(*(_read(path) for path in runs))
        else:
            merged = sorted(records)
            records = set()
        previous = None
        pending: list[tuple[str, ...]] = []
        for record in merged:
            if record == previous:
                continue
            previous = record
            pending.append(record)
            if len(pending) >= _PARSE_SLICE:
                yield from _parsed(pending, keep_graphs)
                pending = []
        yield from _parsed(pending, keep_graphs)
