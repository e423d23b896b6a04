"""Remote SPARQL servers: ask any SPARQL 1.1 Protocol endpoint, push the graph to any store.

Owns every HTTP exchange kg has with a triple store it does not run itself: :func:`query_endpoint`
(a query over the SPARQL 1.1 Protocol, answered as a ``store.QueryResult`` with the same Python
values kg's own store gives) and :func:`push` (the graph into a server through the SPARQL 1.1 Graph
Store HTTP Protocol, or SPARQL 1.1 Update where that is all a server has: one named graph per
report, each replaced whole, in batches, with retries on transient errors).

Credentials come from the environment (``KG_SPARQL_USER`` and ``KG_SPARQL_PASSWORD``) or, when those
are unset, from the user's netrc file for the endpoint's host (requests reads it); never from the
command line, where they would land in shell history and ``ps``.

Must not: build RDF (that is ``rdfmap``), choose what a query asks, or paste values into query
text. Statements travel as N-Triples that pyoxigraph serialises (escaped terms), and graph names
are checked as IRIs before they are written into an update.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from .errors import KgError, QueryError, StoreError
from .store import QueryResult, _to_python

__all__ = ["PushSummary", "query_endpoint", "push", "credentials", "TRANSIENT_STATUS"]

#: HTTP statuses worth another try: the server is busy or a proxy hiccuped.
TRANSIENT_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})

USER_VARIABLE = "KG_SPARQL_USER"
PASSWORD_VARIABLE = "KG_SPARQL_PASSWORD"

_RESULTS_JSON = "application/sparql-results+json"
_N_TRIPLES = "application/n-triples"


class RemoteError(StoreError):
    """A remote endpoint cannot be reached or refuses a request."""


def credentials() -> tuple[str, str] | None:
    """``(user, password)`` from ``KG_SPARQL_USER``/``KG_SPARQL_PASSWORD``, or None (then netrc)."""
    user = os.environ.get(USER_VARIABLE)
    if not user:
        return None
    return user, os.environ.get(PASSWORD_VARIABLE, "")


def _session() -> Any:
    import requests

    session = requests.Session()
    session.trust_env = True  # netrc (and proxies from the environment) when no credentials are set
    auth = credentials()
    if auth is not None:
        session.auth = auth
    session.headers["User-Agent"] = "kg (SPARQL 1.1 Protocol client)"
    return session


def _short(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


# -- querying ---------------------------------------------------------------------------------------

def query_endpoint(url: str, sparql: str, *, timeout: float = 60.0) -> QueryResult:
    """Run ``sparql`` at the SPARQL 1.1 Protocol endpoint ``url`` (POST, form-encoded).

    SELECT and ASK answers are read as SPARQL JSON results, CONSTRUCT and DESCRIBE as N-Triples;
    values are converted as ``GraphStore.query`` converts them, so rows compare equal to kg's own.
    """
    import requests

    session = _session()
    try:
        response = session.post(
            url,
            data={"query": sparql},
            headers={"Accept": f"{_RESULTS_JSON}, {_N_TRIPLES};q=0.9"},
            timeout=timeout,
        )
    except requests.RequestException as error:
        raise RemoteError(f"cannot reach the SPARQL endpoint {url}: {error}") from error
    if response.status_code in (401, 403):
        raise RemoteError(
            f"{url} refused the query (HTTP {response.status_code}); set {USER_VARIABLE} and "
            f"{PASSWORD_VARIABLE} or a netrc entry for its host."
        )
    if response.status_code >= 400:
        raise QueryError(f"{url} answered HTTP {response.status_code}: {_short(response.text)}")
    kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if kind in (_RESULTS_JSON, "application/json"):
        return _from_results_json(response.json())
    if kind in (_N_TRIPLES, "text/plain", "text/turtle"):
        return _from_triples(response.content, kind)
    raise RemoteError(f"{url} answered with {kind or 'no content type'}, which kg cannot read.")


def _from_results_json(document: dict[str, Any]) -> QueryResult:
    if "boolean" in document:
        return QueryResult(("ask",), [(bool(document["boolean"]),)])
    columns = tuple(document.get("head", {}).get("vars", []))
    rows = [
        tuple(_json_term(binding.get(column)) for column in columns)
        for binding in document.get("results", {}).get("bindings", [])
    ]
    return QueryResult(columns, rows)


def _json_term(term: dict[str, str] | None) -> Any:
    """A term of SPARQL JSON results as the Python value kg's store gives for it."""
    import pyoxigraph as ox

    if term is None:
        return None
    kind, value = term.get("type"), term.get("value", "")
    if kind == "uri":
        return value
    if kind == "bnode":
        return f"_:{value}"
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in term:
            return _to_python(ox.Literal(value, language=term["xml:lang"]))
        if "datatype" in term:
            return _to_python(ox.Literal(value, datatype=ox.NamedNode(term["datatype"])))
        return value
    if kind == "triple":  # RDF-star, not used by kg
        return str(term.get("value"))
    return value


def _from_triples(data: bytes, kind: str) -> QueryResult:
    import pyoxigraph as ox

    rdf_format = ox.RdfFormat.TURTLE if kind == "text/turtle" else ox.RdfFormat.N_TRIPLES
    rows = [tuple(_to_python(term) for term in triple) for triple in ox.parse(data, format=rdf_format)]
    return QueryResult(("subject", "predicate", "object"), rows)


# -- pushing ----------------------------------------------------------------------------------------

@dataclass
class PushSummary:
    """What a push did: graphs and triples sent, requests made, retries, and what failed."""

    endpoint: str
    protocol: str
    graphs: int = 0
    triples: int = 0
    requests: int = 0
    retries: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (graph IRI, reason)

    @property
    def ok(self) -> bool:
        return not self.failed

    def text(self) -> str:
        head = (
            f"Pushed {self.graphs} graph(s), {self.triples} triples, to {self.endpoint} "
            f"({self.protocol}; {self.requests} request(s), {self.retries} retried)."
        )
        lines = [head]
        for graph, reason in self.failed:
            lines.append(f"FAILED {graph}: {reason}")
        return "\n".join(lines)


def graphs_of(store: Any, graph: str | None = None) -> dict[str, list[Any]]:
    """The store's statements by named graph (report graphs and the background graph), as
    pyoxigraph triples; with ``graph``, the deduplicated union of them all under that one IRI."""
    import pyoxigraph as ox

    data = store.dump(None, format="trig")
    by_graph: dict[str, list[Any]] = {}
    for quad in ox.parse(data, format=ox.RdfFormat.TRIG):
        name = quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else ""
        by_graph.setdefault(name, []).append(ox.Triple(quad.subject, quad.predicate, quad.object))
    if graph is None:
        return by_graph
    union = {str(t): t for triples in by_graph.values() for t in triples}
    return {graph: [union[key] for key in sorted(union)]}


def _iri(text: str) -> Any:
    import pyoxigraph as ox

    try:
        return ox.NamedNode(text)
    except ValueError as error:
        raise KgError(f"{text!r} is not an absolute IRI: {error}") from error


def _n_triples(triples: Iterable[Any]) -> bytes:
    import pyoxigraph as ox

    return ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES)


def push(
    store: Any,
    endpoint: str,
    *,
    graph: str | None = None,
    protocol: str = "gsp",
    batch_size: int = 20000,
    retries: int = 3,
    backoff: float = 0.5,
    timeout: float = 120.0,
    progress: Callable[[str], None] | None = None,
) -> PushSummary:
    """Load the store's graph into a remote server; one named graph per report, each replaced.

    ``protocol="gsp"``: ``endpoint`` is a Graph Store HTTP Protocol endpoint (Oxigraph's
    ``/store``, Fuseki's ``/DATASET/data``); each graph's first batch is PUT (replacing what the
    server held under that name) and later batches are POSTed (added). ``protocol="update"``:
    ``endpoint`` is a SPARQL 1.1 Update endpoint; each graph is dropped, then filled with
    ``INSERT DATA`` batches. ``graph`` puts the whole (merged) graph under that one IRI instead.
    Transient failures (connection errors, timeouts, HTTP 408/429/5xx) are tried again up to
    ``retries`` times with exponential ``backoff``; a graph that still fails is listed in the
    summary's ``failed`` and the push goes on with the next one.
    """
    if protocol not in ("gsp", "update"):
        raise KgError(f"unknown protocol {protocol!r}; choose gsp or update.")
    if batch_size < 1:
        raise KgError("the batch size must be at least 1 triple.")
    if graph is not None:
        _iri(graph)
    summary = PushSummary(endpoint=endpoint, protocol=protocol)
    session = _session()
    pending = sorted((name, triples) for name, triples in graphs_of(store, graph).items() if name)
    for position, (name, triples) in enumerate(pending):
        if summary.failed and summary.failed[-1][1].startswith("cannot reach"):
            # the server is down: trying the other graphs would only repeat the same failure
            summary.failed.extend((other, "not tried: the server cannot be reached") for other, _ in pending[position:])
            break
        target = _iri(name)
        batches = [triples[i : i + batch_size] for i in range(0, len(triples), batch_size)] or [[]]
        try:
            for index, batch in enumerate(batches):
                body = _n_triples(batch)
                if protocol == "gsp":
                    method = "PUT" if index == 0 else "POST"
                    _send(session, summary, method, endpoint, params={"graph": name}, data=body,
                          headers={"Content-Type": _N_TRIPLES}, retries=retries, backoff=backoff, timeout=timeout)
                else:
                    update = (f"DROP SILENT GRAPH {target} ;\n" if index == 0 else "") + (
                        f"INSERT DATA {{ GRAPH {target} {{\n{body.decode('utf-8')}}} }}"
                    )
                    _send(session, summary, "POST", endpoint, params=None, data=update.encode("utf-8"),
                          headers={"Content-Type": "application/sparql-update; charset=utf-8"},
                          retries=retries, backoff=backoff, timeout=timeout)
        except RemoteError as error:
            summary.failed.append((name, str(error)))
            continue
        summary.graphs += 1
        summary.triples += len(triples)
        if progress is not None:
            progress(name)
    return summary


def _send(
    session: Any,
    summary: PushSummary,
    method: str,
    url: str,
    *,
    params: dict[str, str] | None,
    data: bytes,
    headers: dict[str, str],
    retries: int,
    backoff: float,
    timeout: float,
) -> None:
    """One request, tried again on transient failures; raises RemoteError when it gives up."""
    import requests

    attempt = 0
    while True:
        summary.requests += 1
        try:
            response = session.request(method, url, params=params, data=data, headers=headers, timeout=timeout)
        except (requests.ConnectionError, requests.Timeout) as error:
            reason = f"cannot reach {url} ({type(error).__name__})"
            transient = True
        else:
            if response.status_code < 300:
                return
            reason = f"{method} {url} answered HTTP {response.status_code}: {_short(response.text)}"
            transient = response.status_code in TRANSIENT_STATUS
            if response.status_code in (401, 403):
                reason += f" (set {USER_VARIABLE} and {PASSWORD_VARIABLE} or a netrc entry for its host)"
        if not transient or attempt >= retries:
            raise RemoteError(reason)
        attempt += 1
        summary.retries += 1
        time.sleep(backoff * 2 ** (attempt - 1))
