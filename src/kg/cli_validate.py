"""CLI: ``kg validate``, ``kg load`` and ``kg ontology-doc``: graph files in, checked, documented.

Owns: ``kg validate [--store DIR | FILE]`` (the SHACL shapes: pyshacl on a file, SPARQL over a store, see
:mod:`kg.validate`, printed as violations grouped by message), ``kg load FILE`` (an exported
graph back into a store, see :func:`kg.store.load_file`) and ``kg ontology-doc`` (the ontology's
HTML page, see :mod:`kg.ontodoc`). This module parses options and prints.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict

import click


def _cli():  # the shared plumbing of kg.cli, imported late (kg.cli registers these commands)
    from . import cli

    return cli


@click.command("validate")
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--store", "store_dir", default="build/store", show_default=True, type=click.Path(file_okay=False),
              help="Directory of the on-disk store (used when no FILE is given).")
@click.option("--backend", default="oxigraph", show_default=True, help="Store backend.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--limit", default=5, show_default=True, type=click.IntRange(min=0), help="Focus nodes shown per kind of violation (text).")
def validate(file: str | None, store_dir: str, backend: str, fmt: str, limit: int) -> None:
    """Check a graph against kg's SHACL shapes (pyshacl); exit 3 on violations.

    FILE is a graph in any format 'kg export' writes (by its suffix: .ttl, .nt, .nq, .trig,
    .jsonld); without FILE the store is checked.

    \b
    Example:
        kg validate
        kg validate build/graph.ttl --format json
    """
    cli = _cli()

    @cli._handle_errors
    def run() -> None:
        from .formats import parse_file
        from .validate import store_violations, violations

        if file:
            found = violations(parse_file(file))
            where = file
        else:
            store = cli._open(store_dir, backend)
            try:  # by SPARQL over the store (kg.shacl_sparql): pyshacl's rows, without the dump
                found = store_violations(store)
            finally:
                store.close()
            where = store_dir
        if fmt == "json":
            click.echo(json.dumps({"conforms": not found, "violations": found}, ensure_ascii=False, indent=2))
        elif not found:
            click.echo(f"{where}: the graph conforms to kg's shapes.")
        else:
            groups: dict[str, list[dict[str, str]]] = defaultdict(list)
            for row in found:
                groups[row["message"] or row["shape"] or "(no message)"].append(row)
            click.echo(f"{where}: {len(found)} violation(s) of kg's shapes, {len(groups)} kind(s):")
            for message, rows in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
                click.echo(f"\n  {len(rows)} x {message}")
                for row in rows[:limit]:
                    detail = f" {row['path'].rsplit('#', 1)[-1]}" if row["path"] else ""
                    detail += f" = {row['value']}" if row["value"] else ""
                    click.echo(f"      {row['focus']}{detail}")
                if len(rows) > limit:
                    click.echo(f"      … and {len(rows) - limit} more (--format json lists all)")
        if found:
            sys.exit(3)

    run()


@click.command("load")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--store", "store_dir", default="build/store", show_default=True, type=click.Path(file_okay=False),
              help="Directory of the on-disk store to load into.")
@click.option("--backend", default="oxigraph", show_default=True, help="Store backend.")
def load(file: str, store_dir: str, backend: str) -> None:
    """Load a graph file into the store (the format by its suffix: .ttl, .nt, .nq, .trig, .jsonld).

    TriG and N-Quads keep their graphs: a report's graph replaces that report in the store. A
    Turtle, N-Triples or JSON-LD file has no graphs; it becomes one graph named after the file
    (https://w3id.org/kg/id/graph/file/NAME), replaced when the same file is loaded again.

    \b
    Example:
        kg load build/graph.trig --store build/store2
    """
    cli = _cli()

    @cli._handle_errors
    def run() -> None:
        from .formats import load_file

        store = cli._open(store_dir, backend, must_exist=False)
        try:
            counts = load_file(store, file)
        finally:
            store.close()
        click.echo(f"Loaded {file} into {store_dir}: {counts['graphs']} graph(s), {counts['triples']} triples.", err=True)

    run()


@click.command("ontology-doc")
@click.option("--out", "output", default="build/ontology.html", show_default=True, type=click.Path(dir_okay=False),
              help="Where the page goes (written atomically).")
def ontology_doc(output: str) -> None:
    """Write an HTML page of kg's ontology: classes and properties with English and Chinese labels,
    domains, ranges and alignments to ORG, schema.org, SKOS and PROV. The page loads nothing.

    \b
    Example:
        kg ontology-doc --out build/ontology.html
    """
    cli = _cli()

    @cli._handle_errors
    def run() -> None:
        from .ontodoc import ontology_rows, render_ontology_html
        from .store import atomic_write

        atomic_write(output, render_ontology_html().encode("utf-8"))
        counts = ", ".join(f"{len(terms)} {title.lower()}" for title, terms in ontology_rows()["sections"])
        click.echo(f"Wrote {output}: {counts}.", err=True)

    run()
