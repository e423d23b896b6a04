"""A real Virtuoso 7 (Debian's ``virtuoso-opensource-7-bin``): push the seeds' graph through SPARQL
Update and ask every named query back over the SPARQL 1.1 Protocol.

The setup installs the package with apt where it is missing (about 20 s; skipped with the reason
where apt cannot), starts ``virtuoso-t`` in the foreground with its own database in a temporary
folder, listening on 127.0.0.1 only, grants SPARQL Update to its anonymous SPARQL user (a throwaway
database), and stops the server by its process id. Virtuoso's default graph is the union of its
graphs, as kg's store's. Rows are compared as multisets: Virtuoso orders Chinese text by its own
collation, not by code point, so ORDER BY gives the same rows in another order.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import Iterator

import pytest
import requests

from kg.query import load_query, query_names
from kg.remote import push, query_endpoint
from kg.store import open_store

INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql}
ServerThreads = 4
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = ., {d}

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 4

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _virtuoso() -> str:
    found = shutil.which("virtuoso-t")
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip("virtuoso-t is not installed and apt-get cannot install it here (not root, or no apt)")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    try:
        install = subprocess.run(["apt-get", "install", "-y", "-q", "virtuoso-opensource-7-bin"],
                                 capture_output=True, text=True, env=env, timeout=600)
        if install.returncode != 0:
            subprocess.run(["apt-get", "update", "-q"], capture_output=True, env=env, timeout=600)
            install = subprocess.run(["apt-get", "install", "-y", "-q", "virtuoso-opensource-7-bin"],
                                     capture_output=True, text=True, env=env, timeout=600)
    except subprocess.TimeoutExpired:
        pytest.skip("apt-get install virtuoso-opensource-7-bin took over 10 minutes")
    found = shutil.which("virtuoso-t")
    if install.returncode != 0 or not found:
        pytest.skip(f"Debian's virtuoso-opensource-7-bin does not install here: {install.stderr.strip()[-300:]}")
    return found


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory) -> Iterator[str]:
    """A Virtuoso server on free loopback ports; yields its /sparql URL."""
    program = _virtuoso()
    folder = tmp_path_factory.mktemp("virtuoso")
    sql, http = _free_port(), _free_port()
    (folder / "virtuoso.ini").write_text(INI.format(d=folder, sql=sql, http=http), encoding="utf-8")
    process = subprocess.Popen([program, "+foreground", "+configfile", str(folder / "virtuoso.ini")],
                               cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{http}/sparql"
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                log = (folder / "virtuoso.log").read_text(errors="replace")[-500:] if (folder / "virtuoso.log").exists() else ""
                pytest.fail(f"virtuoso-t exited with {process.returncode}: {log}")
            try:
                if requests.get(url, params={"query": "ASK {}"}, timeout=5).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("Virtuoso did not answer within 120 s")
            time.sleep(0.5)
        isql = shutil.which("isql-vt") or shutil.which("isql")
        granted = subprocess.run([isql, str(sql), "dba", "dba", 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'],
                                 capture_output=True, text=True, timeout=60)
        assert granted.returncode == 0, granted.stdout + granted.stderr
        yield url
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.kill(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


@pytest.fixture(scope="module")
def pushed(virtuoso, built) -> dict:
    store = open_store("oxigraph", built["store"])
    try:
        summary = push(store, virtuoso, protocol="update", batch_size=2000)
        rows = {name: store.query(load_query(name)).rows for name in query_names()}
    finally:
        store.close()
    assert summary.ok, summary.text()
    return {"summary": summary, "rows": rows}


def test_push_to_virtuoso_puts_one_graph_per_report(virtuoso, pushed) -> None:
    assert pushed["summary"].graphs == 7  # five reports, the background graph and the names graph
    query = ('SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } '
             'FILTER(STRSTARTS(STR(?g), "https://w3id.org/kg/id/")) } GROUP BY ?g')
    counts = dict(query_endpoint(virtuoso, query).rows)
    assert len([g for g in counts if "/report/" in g]) == 5
    assert sum(counts.values()) == pushed["summary"].triples


@pytest.mark.parametrize("name", query_names())
def test_every_named_query_on_virtuoso_gives_kgs_rows(virtuoso, pushed, name: str) -> None:
    expected = pushed["rows"][name]
    got = query_endpoint(virtuoso, load_query(name, portable=True)).rows
    assert sorted(got, key=repr) == sorted(expected, key=repr)
