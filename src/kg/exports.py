"""Exports: the table of RDF formats ``GraphStore.dump`` writes and how its bytes reach a file.

Owns ``ExportFormat`` and ``EXPORT_FORMATS`` (the CLI's ``--format`` choices), choosing a format
from a name or a file's suffix, the stable ``@prefix`` header (pyoxigraph writes prefixes in a hash
map's order; the header is rewritten so the bytes cannot depend on it), and writing bytes or
chunks to a stream or, atomically, to a path (``staging.atomic_write``). Split out of
``kg.store``, which imports every name back. Must not: open a store or run queries.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import MappingProxyType
from typing import IO, Iterable, Iterator, Mapping, NamedTuple, Union

from .errors import StoreError
from .namespace import PREFIXES
from .staging import atomic_write

#: A destination for ``dump``: a file path (written atomically) or a binary stream.
Output = Union[str, "os.PathLike[str]", IO[bytes]]



class ExportFormat(NamedTuple):
    """One RDF serialisation ``dump`` can write."""

    name: str
    suffix: str
    media_type: str
    keeps_graphs: bool  # True: one graph per report (a dataset format); False: the union graph
    oxigraph_name: str  # the ``pyoxigraph.RdfFormat`` attribute


#: Export formats by name: the CLI's ``--format`` choices come from this table.
EXPORT_FORMATS: Mapping[str, ExportFormat] = MappingProxyType(
    {
        "turtle": ExportFormat("turtle", ".ttl", "text/turtle", False, "TURTLE"),
        "nt": ExportFormat("nt", ".nt", "application/n-triples", False, "N_TRIPLES"),
        "jsonld": ExportFormat("jsonld", ".jsonld", "application/ld+json", False, "JSON_LD"),
        "trig": ExportFormat("trig", ".trig", "application/trig", True, "TRIG"),
        "nq": ExportFormat("nq", ".nq", "application/n-quads", True, "N_QUADS"),
    }
)


def _stable_prefixes(data: bytes) -> bytes:
    """Rewrite the ``@prefix`` header in ``PREFIXES`` order.

    pyoxigraph writes the prefixes it is given in the order of a hash map; the header is
    rewritten so that the bytes cannot depend on that order.
    """
    header = b"".join(f"@prefix {name}: <{iri}> .\n".encode() for name, iri in PREFIXES.items())
    lines = data.splitlines(keepends=True)
    count = 0
    while count < len(lines) and lines[count].startswith(b"@prefix "):
        count += 1
    if count != len(PREFIXES) or sorted(lines[:count]) != sorted(header.splitlines(keepends=True)):
        return data  # not the header we expect (another format): leave it alone
    return header + b"".join(lines[count:])


def _stable_prefixes_stream(handle: IO[bytes], block: int = 1 << 20) -> Iterator[bytes]:
    """:func:`_stable_prefixes` over a serialised file, in blocks: the header rewritten, the
    rest copied as it is."""
    head = []
    for _ in range(len(PREFIXES)):
        line = handle.readline()
        if not line:
            break
        head.append(line)
    yield _stable_prefixes(b"".join(head))
    while chunk := handle.read(block):
        yield chunk


def _export_format(format: str | None, output: Output | None) -> ExportFormat:
    """The export format asked for, or the one ``output``'s suffix names, or Turtle."""
    if format is None:
        if isinstance(output, (str, os.PathLike)):
            suffix = Path(output).suffix.lower()
            for export in EXPORT_FORMATS.values():
                if export.suffix == suffix:
                    return export
        return EXPORT_FORMATS["turtle"]
    try:
        return EXPORT_FORMATS[format]
    except KeyError:
        raise StoreError(
            f"unknown export format {format!r}; choose one of {', '.join(EXPORT_FORMATS)}."
        ) from None


def _write_chunks(chunks: Iterable[bytes], output: Output | None) -> bytes | None:
    """:func:`_write` for data that comes in chunks (a path gets them as they come)."""
    if output is None:
        return b"".join(chunks)
    if isinstance(output, (str, os.PathLike)):
        atomic_write(output, chunks)
    else:
        for chunk in chunks:
            output.write(chunk)
    return None


def _write(data: bytes, output: Output | None) -> bytes | None:
    """Return ``data``, write it to a binary stream, or replace a file with it atomically."""
    if output is None:
        return data
    if isinstance(output, (str, os.PathLike)):
        atomic_write(output, data)
    else:
        output.write(data)
    return None
