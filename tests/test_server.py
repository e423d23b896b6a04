"""Real SPARQL servers: ``kg serve`` and ``kg push`` against an Oxigraph server on 127.0.0.1.

The servers are the ``oxigraph`` PyPI package (a kg dependency), started on free loopback ports
and stopped by their process ids. The seeds' graph is served read-only by ``kg serve`` and pushed
into a read-write server; every named query asked over HTTP must give ``kg query``'s rows.
Virtuoso is not tried: Debian's ``virtuoso-opensource`` pulls a large server and needs setting up
(ini file, dba password) that does not fit in a test fixture, so only Oxigraph is exercised here.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator

import pytest
import requests
from click.testing import CliRunner

from kg.cli import main
from kg.query import load_query, query_names
from kg.remote import push, query_endpoint
from kg.server import oxigraph_executable
from kg.store import open_store

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}: {process.stderr.read() if process.stderr else ''}")
        try:
            if requests.get(url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"no server answered at {url} within {seconds} s")


def _start_kg_serve(store: Path, *options: str) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    process = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", str(port), *options],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        _wait_until_up(url, process)
    except BaseException:
        _stop(process)
        raise
    return process, url


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _stop(process: subprocess.Popen) -> None:
    """Stop the server by its process id, and make sure it is gone."""
    if process.poll() is None:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


@pytest.fixture(scope="module")
def oxigraph() -> str:
    try:
        return oxigraph_executable()
    except Exception as error:  # the package is a dependency; say so plainly if it is missing
        pytest.skip(f"the oxigraph server program is not installed: {error}")


@pytest.fixture(scope="module")
def kg_rows(built) -> dict[str, list[tuple[Any, ...]]]:
    store = open_store("oxigraph", built["store"])
    try:
        return {name: store.query(load_query(name)).rows for name in query_names()}
    finally:
        store.close()


@pytest.fixture(scope="module")
def served(built, oxigraph, tmp_path_factory) -> Iterator[str]:
    """``kg serve`` over a copy of the seeds' store on a free loopback port; yields /query's URL."""
    copy = tmp_path_factory.mktemp("served") / "store"
    shutil.copytree(built["store"], copy, ignore=shutil.ignore_patterns("LOCK"))
    process, url = _start_kg_serve(copy, "--timeout", "20")
    try:
        yield url
    finally:
        _stop(process)
    assert process.poll() is not None


@pytest.fixture(scope="module")
def writable(oxigraph, tmp_path_factory) -> Iterator[str]:
    """A read-write Oxigraph server (union default graph, as kg's store) on a free loopback port."""
    location = tmp_path_factory.mktemp("remote") / "store"
    port = _free_port()
    process = subprocess.Popen(
        [oxigraph, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(f"{base}/query", process)
        yield base
    finally:
        _stop(process)


# -- kg serve ------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", query_names())
def test_kg_serve_answers_every_named_query_with_kg_querys_rows(served, kg_rows, name: str) -> None:
    assert query_endpoint(served, load_query(name)).rows == kg_rows[name]


def test_kg_serve_negotiates_result_formats(served) -> None:
    query = "SELECT ?report WHERE { ?r a <https://w3id.org/kg/ontology#Report> ; <https://w3id.org/kg/ontology#reportId> ?report } ORDER BY ?report"
    csv = requests.get(served, params={"query": query}, headers={"Accept": "text/csv"}, timeout=10)
    assert csv.status_code == 200 and csv.text.splitlines()[0] == "report"
    assert len(csv.text.splitlines()) == 1 + 5
    xml = requests.post(served, data={"query": query}, headers={"Accept": "application/sparql-results+xml"}, timeout=10)
    assert xml.status_code == 200 and "<sparql" in xml.text
    graph = requests.get(served, params={"query": "CONSTRUCT WHERE { ?s a <https://w3id.org/kg/ontology#Report> }"},
                         headers={"Accept": "application/n-triples"}, timeout=10)
    assert graph.status_code == 200 and graph.text.count("\n") == 5


def test_kg_serve_refuses_updates_and_graph_store_writes(served, kg_rows) -> None:
    base = served.rsplit("/", 1)[0]
    update = requests.post(f"{base}/update", data="DROP ALL", headers={"Content-Type": "application/sparql-update"}, timeout=10)
    assert update.status_code >= 400
    write = requests.put(f"{base}/store", params={"graph": "urn:x"}, data=b"<urn:a> <urn:b> <urn:c> .",
                         headers={"Content-Type": "application/n-triples"}, timeout=10)
    assert write.status_code >= 400
    assert query_endpoint(served, load_query("awards")).rows == kg_rows["awards"]  # nothing dropped


def test_kg_serve_caps_the_answer_size_and_leaves_no_server_when_stopped(built, oxigraph, tmp_path) -> None:
    copy = tmp_path / "store"
    shutil.copytree(built["store"], copy, ignore=shutil.ignore_patterns("LOCK"))
    process, url = _start_kg_serve(copy, "--max-bytes", "4000")
    try:
        children = _children(process.pid)
        assert len(children) == 1  # the oxigraph server behind the cap
        small = requests.get(url, params={"query": "ASK {}"}, timeout=10)
        assert small.status_code == 200
        big = requests.post(url, data={"query": load_query("awards")},
                            headers={"Accept": "text/csv", "Accept-Encoding": "identity"}, timeout=20)
        assert big.status_code == 500 and "larger than this endpoint's cap of 4000 bytes" in big.text
    finally:
        _stop(process)
    time.sleep(0.5)
    assert all(not Path(f"/proc/{child}").exists() or "zombie" in Path(f"/proc/{child}/status").read_text()
               for child in children)


def test_kg_query_endpoint_gives_the_same_rows_as_the_store(served, built) -> None:
    remote = CliRunner().invoke(main, ["query", "awards", "--endpoint", served, "--format", "csv"])
    local = CliRunner().invoke(main, ["query", "awards", "--store", str(built["store"]), "--format", "csv"])
    assert remote.exit_code == 0 and local.exit_code == 0, remote.output + local.output
    assert remote.output == local.output and remote.output.count("\n") > 50


def test_kg_query_endpoint_refuses_parameters(served) -> None:
    result = CliRunner().invoke(main, ["query", "awards", "--endpoint", served, "--param", "recipient=x"])
    assert result.exit_code == 1 and "cannot be used with --endpoint" in result.output


def test_kg_serve_without_a_store_is_a_one_line_error(tmp_path) -> None:
    result = CliRunner().invoke(main, ["serve", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1 and "no store here" in result.output


# -- kg push ------------------------------------------------------------------------------------

def test_push_then_every_named_query_over_http_gives_kg_querys_rows(writable, built, kg_rows) -> None:
    result = CliRunner().invoke(main, ["push", "--endpoint", f"{writable}/store", "--store", str(built["store"]),
                                       "--batch-size", "300", "-q"])
    assert result.exit_code == 0, result.output
    assert "Pushed 7 graph(s)" in result.output  # five reports, the background graph and the names graph
    for name in query_names():
        assert query_endpoint(f"{writable}/query", load_query(name)).rows == kg_rows[name], name
    graphs = query_endpoint(f"{writable}/query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g").rows
    assert len([g for (g,) in graphs if "/report/" in g]) == 5


def test_push_again_replaces_each_graph(writable, built) -> None:
    store = open_store("oxigraph", built["store"])
    try:
        count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        first = push(store, f"{writable}/store", batch_size=1000)
        before = query_endpoint(f"{writable}/query", count).rows
        second = push(store, f"{writable}/store", batch_size=1000)
        assert first.ok and second.ok and second.triples == first.triples
        assert query_endpoint(f"{writable}/query", count).rows == before  # replaced, not doubled
    finally:
        store.close()


def test_push_through_sparql_update_into_one_graph(writable, built, kg_rows) -> None:
    store = open_store("oxigraph", built["store"])
    try:
        summary = push(store, f"{writable}/update", protocol="update", graph="https://example.org/kg-all", batch_size=500)
    finally:
        store.close()
    assert summary.ok and summary.graphs == 1 and summary.requests >= 5
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://example.org/kg-all> { ?s ?p ?o } }"
    assert query_endpoint(f"{writable}/query", query).rows == [(summary.triples,)]


def test_push_to_a_server_that_is_down_fails_with_a_summary(built) -> None:
    port = _free_port()
    result = CliRunner().invoke(main, ["push", "--endpoint", f"http://127.0.0.1:{port}/store", "--store",
                                       str(built["store"]), "--retries", "1", "-q"])
    assert result.exit_code == 1
    assert "Pushed 0 graph(s)" in result.output and "not tried" in result.output


def test_push_takes_credentials_from_the_environment(monkeypatch) -> None:
    from kg.remote import credentials

    monkeypatch.delenv("KG_SPARQL_USER", raising=False)
    assert credentials() is None  # then requests reads the netrc entry of the host
    monkeypatch.setenv("KG_SPARQL_USER", "kg")
    monkeypatch.setenv("KG_SPARQL_PASSWORD", "secret")
    assert credentials() == ("kg", "secret")
