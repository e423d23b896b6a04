"""Server: the read-only SPARQL 1.1 Protocol endpoint over a kg store.

Owns finding the ``oxigraph`` server program (the ``oxigraph`` PyPI package, the same Rust code as
pyoxigraph, so it opens kg's store as it is) and the command line that serves a store read-only:
``oxigraph serve-read-only --location DIR --bind HOST:PORT --union-default-graph --timeout-s N``.

Why this server and not a home-made one: it is maintained, speaks the whole SPARQL 1.1 Protocol
(GET and POST, content negotiation for SPARQL JSON/XML/CSV/TSV results and Turtle/N-Triples/
JSON-LD/RDF-XML graphs), has a query timeout, and in read-only mode refuses updates and Graph
Store writes itself, so kg adds no HTTP code of its own. ``--union-default-graph`` makes a query
without GRAPH see every report's graph, as ``kg query`` does. What it lacks is a cap on the size of
an answer; ``--timeout`` is what bounds the work a query can cost.

Must not: open the store for writing, bind anything but loopback unless told to, or start the
process itself (the CLI does, so that ``kg serve`` is the server's own process id).
"""

from __future__ import annotations

import ipaddress
import os
import shutil
import sys
from pathlib import Path

from .errors import StoreError

__all__ = ["oxigraph_executable", "serve_command", "is_loopback"]


def oxigraph_executable() -> str:
    """The path of the ``oxigraph`` program: beside this Python first (the same virtualenv),
    then on ``PATH``. Raises ``StoreError`` saying how to install it when there is none."""
    beside = Path(sys.executable).parent / ("oxigraph.exe" if os.name == "nt" else "oxigraph")
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise StoreError(
        "the oxigraph server program is not installed; install it with "
        "'pip install oxigraph' (the same version as pyoxigraph)."
    )


def is_loopback(host: str) -> bool:
    """Whether ``host`` only listens on this machine (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve_command(location: str | os.PathLike[str], host: str, port: int, timeout: float) -> list[str]:
    """The argument vector that serves the store at ``location`` read-only on ``host:port``."""
    path = Path(location)
    if not (path / "CURRENT").is_file() and not any(path.glob("*.sst")):
        raise StoreError(f"{path}: no store here. Run 'kg build seeds/' first, or pass --store DIR.")
    if not 0 < port < 65536:
        raise StoreError(f"port {port} is not between 1 and 65535.")
    if timeout <= 0:
        raise StoreError("the query timeout must be a positive number of seconds.")
    bind = f"[{host.strip('[]')}]:{port}" if ":" in host else f"{host}:{port}"
    return [
        oxigraph_executable(),
        "serve-read-only",
        "--location", str(path),
        "--bind", bind,
        "--union-default-graph",
        "--timeout-s", str(max(1, int(round(timeout)))),
    ]
