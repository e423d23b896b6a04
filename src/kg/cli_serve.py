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
def serve(store_dir: str, host: str, port: int, timeout: float) -> None:
    """Serve the store read-only over the SPARQL 1.1 Protocol (Oxigraph's server).

    Queries go to http://HOST:PORT/query (GET or POST, results as SPARQL JSON, XML, CSV or TSV,
    graphs as Turtle, N-Triples or JSON-LD by the Accept header) and see every report's graph
    without GRAPH, as 'kg query' does. Updates and Graph Store writes are refused. The process
    becomes the server: stop it with Ctrl-C or by its process id. Do not build into the same
    store while it is served.

    \b
    Example:
        kg serve --store build/store --port 7878
        curl -H 'Accept: text/csv' --data-urlencode query@queries/awards.rq http://127.0.0.1:7878/query
    """
    from .server import is_loopback, serve_command

    try:
        argv = serve_command(store_dir, host, port, timeout)
    except KgError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(exc.exit_code)
    if not is_loopback(host):
        click.echo(f"Warning: {host} is not a loopback address: the graph is served to the network.", err=True)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"Serving {store_dir} read-only at http://{shown}:{port}/query (timeout {timeout:g} s). Ctrl-C stops.", err=True)
    sys.stderr.flush()
    sys.stdout.flush()
    os.execv(argv[0], argv)  # the server takes this process id; nothing after this runs


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
