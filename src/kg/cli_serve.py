"""CLI: ``kg serve`` and ``kg push``, the commands that put the graph where other tools reach it.

Owns: ``kg serve`` (a read-only SPARQL 1.1 Protocol endpoint over the store: the ``oxigraph``
package's server, see :mod:`kg.server`) and ``kg push`` (the graph into any SPARQL 1.1 server, see
:mod:`kg.remote`). The logic is in those modules; this one parses options and prints.
"""

from __future__ import annotations

import os
import sys

import click

from .errors import KgError


def _cli():  # the shared plumbing of kg.cli, imported late (kg.cli registers these commands)
    from . import cli

    return cli


@click.command("serve")
@click.option("--store", "store_dir", default="build/store", show_default=True, type=click.Path(file_okay=False),
              help="Directory of the on-disk store to serve.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Loopback by default; anything else serves the graph to the network.")
@click.option("--port", default=7878, show_default=True, type=int, help="Port to listen on.")
@click.option("--timeout", default=30.0, show_default=True, type=float, help="Seconds a query may run before it is stopped.")
@click.option("--max-bytes", default=64 * 1024 * 1024, show_default=True, type=click.IntRange(min=0),
              help="Largest answer served, in bytes; a larger one is refused with a message. 0: no cap.")
def serve(store_dir: str, host: str, port: int, timeout: float, max_bytes: int) -> None:
    """Serve the store read-only over the SPARQL 1.1 Protocol (Oxigraph's server).

    Queries go to http://HOST:PORT/query (GET or POST, results as SPARQL JSON, XML, CSV or TSV,
    graphs as Turtle, N-Triples or JSON-LD by the Accept header) and see every report's graph
    without GRAPH, as 'kg query' does. Updates and Graph Store writes are refused; a query stops
    after --timeout seconds and an answer larger than --max-bytes is refused. Stop it with Ctrl-C
    or by its process id. Do not build into the same store while it is served.

    \b
    Example:
        kg serve --store build/store --port 7878
        curl -H 'Accept: text/csv' --data-urlencode query@queries/awards.rq http://127.0.0.1:7878/query
    """
    from .server import is_loopback, serve_command

    try:
        if max_bytes == 0:
            argv = serve_command(store_dir, host, port, timeout)
        else:
            backend_port = _free_port()
            argv = serve_command(store_dir, "127.0.0.1", backend_port, timeout)
    except KgError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(exc.exit_code)
    if not is_loopback(host):
        click.echo(f"Warning: {host} is not a loopback address: the graph is served to the network.", err=True)
    shown = f"[{host}]" if ":" in host else host
    cap = f", answers up to {max_bytes} bytes" if max_bytes else ""
    click.echo(f"Serving {store_dir} read-only at http://{shown}:{port}/query (timeout {timeout:g} s{cap}). Ctrl-C stops.", err=True)
    sys.stderr.flush()
    sys.stdout.flush()
    if max_bytes == 0:
        os.execv(argv[0], argv)  # the server takes this process id; nothing after this runs
    _serve_capped(argv, host, port, backend_port, max_bytes)


def _free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve_capped(argv: list[str], host: str, port: int, backend_port: int, max_bytes: int) -> None:
    """Run Oxigraph on a private port and the capping pass-through on HOST:PORT until stopped."""
    import signal
    import socket
    import subprocess
    import time

    from .server import die_with_parent, make_proxy

    import tempfile

    log = tempfile.TemporaryFile()  # Oxigraph's own messages (its private port would only confuse)
    child = subprocess.Popen(argv, stdout=log, stderr=log, preexec_fn=die_with_parent)  # noqa: S603
    try:
        deadline = time.monotonic() + 30
        while True:  # wait until Oxigraph listens
            if child.poll() is not None:
                log.seek(0)
                said = " ".join(log.read().decode("utf-8", "replace").split())[-300:]
                click.echo(f"Error: the oxigraph server stopped at once (exit {child.returncode}): {said}", err=True)
                sys.exit(1)
            try:
                socket.create_connection(("127.0.0.1", backend_port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    click.echo("Error: the oxigraph server did not start within 30 s.", err=True)
                    sys.exit(1)
                time.sleep(0.1)
        try:
            proxy = make_proxy(host, port, f"127.0.0.1:{backend_port}", max_bytes)
        except OSError as error:
            click.echo(f"Error: cannot listen on {host}:{port}: {error.strerror}", err=True)
            sys.exit(1)

        def stop(signum: int, frame: object) -> None:
            raise KeyboardInterrupt

        signal.signal(signal.SIGTERM, stop)
        try:
            proxy.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            proxy.server_close()
    finally:
        if child.poll() is None:
            child.terminate()
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


@click.command("push")
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store Protocol endpoint (Oxigraph: http://HOST:PORT/store; Fuseki: .../DATASET/data), "
                   "or with --protocol update a SPARQL Update endpoint.")
@click.option("--graph", "graph_iri", metavar="IRI", help="Put the whole merged graph under this one IRI instead of one graph per report.")
@click.option("--protocol", type=click.Choice(["gsp", "update"]), default="gsp", show_default=True,
              help="gsp: Graph Store HTTP Protocol (PUT replaces a graph); update: SPARQL 1.1 Update (DROP then INSERT DATA).")
@click.option("--batch-size", default=20000, show_default=True, type=click.IntRange(min=1), help="Triples per request.")
@click.option("--retries", default=3, show_default=True, type=click.IntRange(min=0), help="Tries again on connection errors, timeouts and HTTP 408/429/5xx.")
@click.option("--timeout", default=120.0, show_default=True, type=float, help="Seconds one request may take.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--store", "store_dir", default="build/store", show_default=True, type=click.Path(file_okay=False),
              help="Directory of the on-disk store.")
@click.option("--backend", default="oxigraph", show_default=True, help="Store backend.")
def push(endpoint: str, graph_iri: str | None, protocol: str, batch_size: int, retries: int, timeout: float,
         quiet: bool, store_dir: str, backend: str) -> None:
    """Load the graph into a SPARQL 1.1 server, one named graph per report, each replaced whole.

    Credentials come from KG_SPARQL_USER and KG_SPARQL_PASSWORD, or from your netrc entry for the
    endpoint's host; never from the command line. Exits 1 when a graph could not be pushed.

    \b
    Example:
        kg push --endpoint http://127.0.0.1:7878/store
        kg push --endpoint http://127.0.0.1:8890/sparql --protocol update --graph https://example.org/kg
    """
    cli = _cli()

    @cli._handle_errors
    def run() -> None:
        from .remote import graphs_of, push as push_graphs

        store = cli._open(store_dir, backend)
        try:
            total = len([g for g in graphs_of(store, graph_iri) if g])
            bar = None
            if not quiet:
                from tqdm import tqdm

                bar = tqdm(total=total, unit="graph", desc="push", file=sys.stderr, leave=False)
            summary = push_graphs(
                store, endpoint, graph=graph_iri, protocol=protocol, batch_size=batch_size,
                retries=retries, timeout=timeout, progress=(lambda _name: bar.update(1)) if bar else None,
            )
            if bar is not None:
                bar.close()
        finally:
            store.close()
        click.echo(summary.text(), err=not summary.ok)
        if not summary.ok:
            sys.exit(1)

    run()
