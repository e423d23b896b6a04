"""Server: the read-only SPARQL 1.1 Protocol endpoint over a kg store.

Owns finding the ``oxigraph`` server program (the ``oxigraph`` PyPI package, the same Rust code as
pyoxigraph, so it opens kg's store as it is) and the command line that serves a store read-only:
``oxigraph serve-read-only --location DIR --bind HOST:PORT --union-default-graph --timeout-s N``.

Why this server and not a home-made one: it is maintained, speaks the whole SPARQL 1.1 Protocol
(GET and POST, content negotiation for SPARQL JSON/XML/CSV/TSV results and Turtle/N-Triples/
JSON-LD/RDF-XML graphs), has a query timeout, and in read-only mode refuses updates and Graph
Store writes itself. ``--union-default-graph`` makes a query without GRAPH see every report's
graph, as ``kg query`` does. What it lacks is a cap on the size of an answer: :func:`make_proxy`
adds one in front of it (see there).

Must not: open the store for writing, or bind anything but loopback unless told to.
"""

from __future__ import annotations

import ipaddress
import os
import shutil
import sys
from pathlib import Path

from .errors import StoreError

__all__ = ["oxigraph_executable", "serve_command", "is_loopback", "make_proxy", "die_with_parent"]


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


def die_with_parent() -> None:
    """In a child process (``preexec_fn``): be sent SIGTERM when the parent dies, even by SIGKILL,
    so that a killed ``kg serve`` leaves no server behind. Linux only; elsewhere a no-op."""
    import ctypes
    import signal

    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


# -- the answer-size cap ------------------------------------------------------------------------
#
# Oxigraph's server has a timeout but no cap on the size of an answer. kg serve therefore runs it
# on a private loopback port and puts this small pass-through in front: it forwards SPARQL Protocol
# queries (GET and POST to /query, headers and body as they are, so content negotiation is the
# server's own), holds at most ``max_bytes`` of an answer, and answers HTTP 500 with a message
# instead of an answer that is larger. Anything but a query (updates, Graph Store writes) is
# refused here already. This is the only HTTP code kg has; the SPARQL work stays Oxigraph's.

_FORWARDED_REQUEST_HEADERS = ("Accept", "Content-Type", "Accept-Encoding")
_FORWARDED_RESPONSE_HEADERS = ("Content-Type", "Content-Encoding", "Vary")


def make_proxy(host: str, port: int, backend: str, max_bytes: int):  # noqa: ANN201 - ThreadingHTTPServer
    """A threading HTTP server on ``host:port`` that passes queries to ``backend`` (``host:port``)
    and refuses answers larger than ``max_bytes``. Call ``serve_forever()`` on it."""
    import http.client
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        server_version = "kg-serve"
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
            pass  # quiet, like oxigraph

        def _reply(self, status: int, text: str) -> None:
            body = (text + "\n").encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _forward(self, method: str) -> None:
            path = self.path.split("?", 1)[0]
            if path != "/query":
                self._reply(403 if path in ("/update", "/store") else 404,
                            "This endpoint is read-only: only SPARQL queries at /query are answered.")
                return
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {name: self.headers[name] for name in _FORWARDED_REQUEST_HEADERS if self.headers.get(name)}
            backend_host, _, backend_port = backend.rpartition(":")
            connection = http.client.HTTPConnection(backend_host.strip("[]"), int(backend_port))
            try:
                connection.request(method, self.path, body=body, headers=headers)
                response = connection.getresponse()
                data = response.read(max_bytes + 1)
                if len(data) > max_bytes:
                    self._reply(500, f"The answer is larger than this endpoint's cap of {max_bytes} bytes "
                                     "(kg serve --max-bytes); ask for less, e.g. with LIMIT.")
                    return
                self.send_response(response.status)
                for name in _FORWARDED_RESPONSE_HEADERS:
                    if response.getheader(name):
                        self.send_header(name, response.getheader(name))
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except OSError as error:
                self._reply(502, f"The SPARQL server behind this endpoint did not answer: {error}")
            finally:
                connection.close()

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            self._forward("GET")

        def do_POST(self) -> None:  # noqa: N802
            self._forward("POST")

        def do_PUT(self) -> None:  # noqa: N802
            self._reply(403, "This endpoint is read-only.")

        do_DELETE = do_PATCH = do_PUT  # noqa: N815

    server_class = ThreadingHTTPServer
    if ":" in host:  # an IPv6 address such as ::1
        import socket

        class server_class(ThreadingHTTPServer):  # type: ignore[no-redef]  # noqa: N801
            address_family = socket.AF_INET6

    server = server_class((host.strip("[]"), port), Handler)
    server.daemon_threads = True
    return server
