"""CLI: the ``kg`` command. Each command parses its options, calls the library, prints.

Owns: argument parsing (click), output formats chosen with ``--format``, progress on stderr,
and turning ``KgError`` into a one-line ``Error: …`` with a non-zero exit (a traceback only with
``--debug``). Must not: hold logic a library user would need; nothing imports this module.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from .errors import KgError, QueryError

DEFAULT_STORE = "build/store"
DEFAULT_OUT = "build"


# -- shared plumbing --------------------------------------------------------------------------

def _handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Run a command; a KgError becomes ``Error: message`` and its exit code."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        debug = (ctx.find_root().params or {}).get("debug", False)
        try:
            return func(*args, **kwargs)
        except KgError as exc:
            if debug:
                raise
            click.echo(f"Error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except OSError as exc:
            if debug:
                raise
            click.echo(f"Error: {exc.filename or ''}: {exc.strerror}".replace(": : ", ": "), err=True)
            sys.exit(1)

    return wrapper


def store_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--store DIR`` and ``--backend NAME``, shared by every command that reads the graph."""
    from .store import backend_names

    func = click.option(
        "--backend", default="oxigraph", show_default=True, type=click.Choice(backend_names()),
        help="Store backend: 'oxigraph' keeps the graph on disk under --store; 'memory' keeps nothing.",
    )(func)
    func = click.option(
        "--store", "store_dir", default=DEFAULT_STORE, show_default=True, type=click.Path(file_okay=False),
        help="Directory of the on-disk store.",
    )(func)
    return func


def _open(store_dir: str, backend: str, *, must_exist: bool = True) -> Any:
    from .errors import StoreError
    from .store import open_store

    if backend == "oxigraph" and must_exist and not Path(store_dir).exists():
        raise StoreError(f"{store_dir}: no store here. Run 'kg build seeds/' first, or pass --store DIR.")
    return open_store(backend, None if backend == "memory" else store_dir)


def _write_rows(columns: list[str], rows: list[dict[str, Any]], fmt: str, max_width: int = 0) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: ("" if v is None else v) for k, v in r.items()} for r in rows)
        click.echo(buf.getvalue(), nl=False)
    else:
        click.echo(_table(columns, rows, max_width))


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _clip(text: str, max_width: int) -> str:
    """``text`` cut to ``max_width`` display columns, ending in … when cut (0: no limit)."""
    if not max_width or _width(text) <= max_width:
        return text
    out, used = [], 0
    for char in text:
        if used + _width(char) > max_width - 1:
            break
        out.append(char)
        used += _width(char)
    return "".join(out) + "…"


def _table(columns: list[str], rows: list[dict[str, Any]], max_width: int = 0) -> str:
    """A plain-text table that lines up Chinese (double-width) characters; ``max_width`` cuts
    each cell to that many display columns (0: no limit)."""
    cells = [[_clip(("" if r.get(c) is None else str(r.get(c))).replace("\n", " "), max_width) for c in columns] for r in rows]
    widths = [max([_width(c)] + [_width(row[i]) for row in cells]) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip()

    out = [line(columns), line(["-" * w for w in widths])]
    out.extend(line(row) for row in cells)
    return "\n".join(out)


# -- the group ----------------------------------------------------------------------------------

@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.version_option(package_name="kg")
def main(debug: bool) -> None:
    """kg: Chinese quality-work reports to an RDF knowledge graph.

    Reads reports (.txt/.md in UTF-8, UTF-16, GB18030 or Big5; HTML pages; .docx), extracts
    organisations, awards, standards, standards bodies, parks, places and people with their
    relations, and keeps them as RDF with provenance in an embedded store that you query with
    SPARQL, draw and export.

    \b
    Example:
        kg build seeds/
        kg query awards
    """


# -- extract ------------------------------------------------------------------------------------

@main.command()
@click.argument("reports", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True,
              help="jsonl: one contract object per line; json: one array.")
@click.option("--provenance", is_flag=True, help="Keep each relation's evidence_span and rule id (not part of the contract).")
@click.option("--out", "output", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes, each loading the pipeline once  [default: all cores]. Output is the same for any N.")
@_handle_errors
def extract(reports: tuple[str, ...], fmt: str, provenance: bool, output: str | None, jobs: int | None) -> None:
    """Extract entities and relations from REPORTS (files or folders) in the contract's format.

    Each report gives one object: {"doc", "entities": [{"id", "type", "name", "aliases",
    "mentions"}], "relations": [{"subject", "predicate", "object", "year", "edition", "grade",
    "count", "role", "evidence"}]} as defined in ANNOTATION.md.

    \b
    Example:
        kg extract seeds/001_bfa9c6f1daf1a010.txt
        kg extract seeds/ --out build/seeds.jsonl --jobs 2
    """
    import textwrap

    from .parallel import default_jobs, extract_paths
    from .reading import report_paths

    files = report_paths(reports)

    def chunks() -> Any:
        """The output piece by piece, as results arrive: memory holds one result, not all."""
        if fmt == "json":
            yield b"[\n"
        for n, item in enumerate(extract_paths(files, jobs=jobs or default_jobs())):
            result = item.result
            if not provenance:
                for r in result["relations"]:
                    r.pop("evidence_span", None)
                    r.pop("rule", None)
            if fmt == "json":  # the same bytes as json.dumps(results, indent=2)
                text = ("" if n == 0 else ",\n") + textwrap.indent(json.dumps(result, ensure_ascii=False, indent=2), "  ")
            else:
                text = json.dumps(result, ensure_ascii=False) + "\n"
            yield text.encode("utf-8")
        if fmt == "json":
            yield b"\n]\n"

    if output:
        from .store import atomic_write

        atomic_write(output, chunks())  # the old file stays until the whole output is written
    else:
        for chunk in chunks():
            sys.stdout.buffer.write(chunk)
        sys.stdout.flush()


# -- build --------------------------------------------------------------------------------------

@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@store_options
@click.option("--out", "out_dir", default=DEFAULT_OUT, show_default=True, type=click.Path(file_okay=False),
              help="Where graph.ttl, graph.html, manifest.json, texts/ and cache/ go.")
@click.option("--validate/--no-validate", default=True, show_default=True, help="Check the graph against ontology/shapes.ttl.")
@click.option("--strict", is_flag=True, help="Exit with 2 if any input was refused (the build still completes).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for extraction, each loading the pipeline once  [default: all cores]. The graph is the same for any N.")
@click.option("--dask", "dask_address", metavar="tcp://HOST:PORT",
              help="Run extraction as tasks on the Dask cluster whose scheduler is here (needs kg[dask] here and on the workers).")
@_handle_errors
def build(paths: tuple[str, ...], store_dir: str, backend: str, out_dir: str, validate: bool, strict: bool, quiet: bool,
          jobs: int | None, dask_address: str | None) -> None:
    """Build the graph from PATHS (report files or folders) into the store.

    Every report's statements go into its own named graph, so building the same reports again
    replaces them and duplicates nothing. Then writes OUT/graph.ttl (the whole graph, sorted,
    byte-identical for the same input), OUT/graph.html (an offline network page) and
    OUT/manifest.json: every input with its hash, size, encoding and status (processed,
    skipped as unchanged, or refused with the reason). A rebuild extracts only new or changed
    reports and drops the statements of reports whose files are gone; when nothing changed (and
    no kg command wrote to the store since) it keeps the store and the outputs as they are. A
    refused input never
    stops the others; --strict makes any refusal exit with 2. A killed build leaves the store
    as it was; run it again.

    \b
    Example:
        kg build seeds/
        kg build reports/ --strict --store /tmp/kgstore --out /tmp/kgout
        kg build archive/ --jobs 2
        kg build archive/ --dask tcp://10.0.0.5:8786
    """
    from tqdm import tqdm

    from .build import run_build
    from .parallel import default_jobs
    from .errors import ReportError
    from .reading import input_files

    input_files(paths, every_file=True)  # a missing path fails here, before the progress bar
    with tqdm(desc="reports", unit="report", file=sys.stderr, disable=quiet, leave=False) as bar:
        def total(n: int) -> None:
            bar.reset(total=n)

        outcome = run_build(paths, store_dir=store_dir, out_dir=out_dir, backend=backend, validate=validate,
                            strict=strict, progress=bar.update, on_total=total, graph_counts=not quiet,
                            jobs=jobs or default_jobs(), dask=dask_address)
    summary, manifest = outcome.summary, outcome.manifest
    counts = manifest.counts()
    graph = summary.graph_counts  # nodes and facts, as kg entities, kg stats and the page count them
    if not quiet:
        click.echo(f"Inputs: {counts['inputs']} file(s): {counts['processed']} processed, {counts['skipped']} skipped "
                   f"(unchanged), {counts['refused']} refused; {counts['removed']} removed (file gone).", err=True)
        for entry in manifest.refused():
            click.echo(f"  refused {entry.path}: {entry.reason}", err=True)
        click.echo(f"Built {summary.reports} report(s) into {store_dir if backend != 'memory' else 'memory'}: {summary.triples} triples.", err=True)
        click.echo("Entities:  " + ", ".join(f"{k} {v}" for k, v in graph["entities"].items()), err=True)
        click.echo("Relations: " + ", ".join(f"{k} {v}" for k, v in graph["relations"].items()), err=True)
        click.echo(f"Wrote {summary.files['turtle']}, {summary.files['html']} and {summary.files['manifest']}.", err=True)
        if summary.conforms is not None:
            click.echo("SHACL: the graph conforms to ontology/shapes.ttl." if summary.conforms else "SHACL: the graph does NOT conform:", err=True)
    if summary.conforms is False:
        click.echo(summary.shacl_report, err=True)
        sys.exit(3)
    if counts["inputs"] and not counts["processed"] + counts["skipped"]:
        raise ReportError(f"no input could be read ({counts['refused']} refused; see {summary.files['manifest']}).")
    if strict and counts["refused"]:
        raise ReportError(f"--strict: {counts['refused']} input(s) refused (see {summary.files['manifest']}).")


# -- query --------------------------------------------------------------------------------------

@main.command()
@click.argument("name", required=False)
@click.option("-e", "--expression", help="A SPARQL query given inline instead of NAME.")
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE",
              help="Bind ?KEY to the literal VALUE (repeatable). Values are bound, never pasted into the query.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--list", "list_queries", is_flag=True, help="List the named queries with what they answer.")
@click.option("--max-width", type=click.IntRange(min=0), default=None,
              help="Cut table cells to this many columns (0: never). Default: 60 on a terminal, else 0.")
@click.option("--endpoint", metavar="URL", help="Ask this SPARQL 1.1 Protocol endpoint instead of the store (e.g. 'kg serve's http://127.0.0.1:7878/query).")
@store_options
@_handle_errors
def query(name: str | None, expression: str | None, params: tuple[str, ...], fmt: str, list_queries: bool, max_width: int | None, endpoint: str | None, store_dir: str, backend: str) -> None:
    """Run a named query (a file of queries/ without .rq), a .rq FILE, or -e SPARQL.

    \b
    Example:
        kg query awards
        kg query organisation --param name=中车株洲电力机车有限公司
        kg query -e 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' --format csv
        kg query awards --endpoint http://127.0.0.1:7878/query
    """
    from .query import check_params, describe_queries, is_update, load_query, parse_params

    if list_queries:
        rows = describe_queries()
        _write_rows(["name", "answers", "params"], rows, fmt)
        return
    if bool(name) == bool(expression):
        raise QueryError("give a query NAME or FILE, or -e SPARQL (one of them). See 'kg query --list'.")
    if max_width is None:
        max_width = 60 if sys.stdout.isatty() else 0
    # another store gets a named query's plain SPARQL 1.1 text (the default one is written for
    # kg's store and its names graph, and some engines refuse its forms: Virtuoso)
    sparql = expression if expression else load_query(name, portable=bool(endpoint) and "/" not in name and not name.endswith(".rq"))
    if is_update(sparql):
        raise QueryError(
            "kg query only reads: this is a SPARQL Update, and the store is read-only here "
            "(it changes only through 'kg build' and 'kg load')."
        )
    bindings = parse_params(params)
    if name:
        check_params(name, sparql, bindings)
    if endpoint:
        from .remote import query_endpoint

        if bindings:
            raise QueryError(
                "--param cannot be used with --endpoint: the SPARQL 1.1 Protocol has no way to bind a "
                "value to a variable, and kg never pastes values into query text. Filter the rows "
                "yourself, or query kg's store."
            )
        result = query_endpoint(endpoint, sparql)
        _write_rows(list(result.columns), result.as_dicts(), fmt, max_width)
        return
    store = _open(store_dir, backend)
    try:
        result = store.query(sparql, bindings)
    finally:
        store.close()
    _write_rows(list(result.columns), result.as_dicts(), fmt, max_width)


# -- export (viz, stats and report: cli_viz.py) -------------------------------------------------------------------------------

def _export_choices() -> list[str]:
    from .network import NETWORK_FORMATS
    from .store import EXPORT_FORMATS

    return list(EXPORT_FORMATS) + list(NETWORK_FORMATS)


@main.command()
@click.option("--format", "fmt", type=click.Choice(_export_choices()), default="turtle", show_default=True,
              help="trig and nq keep one named graph per report; turtle, nt and jsonld write the merged graph; "
                   "graphml and gexf write the entity network (for Gephi).")
@click.option("--out", "output", type=click.Path(dir_okay=False), help="Write here (atomically) instead of stdout.")
@store_options
@_handle_errors
def export(fmt: str, output: str | None, store_dir: str, backend: str) -> None:
    """Export the graph as Turtle, N-Triples, JSON-LD, TriG or N-Quads, or the network as GraphML or GEXF.

    \b
    Example:
        kg export --format nt --out build/graph.nt
        kg export --format trig > graph.trig
        kg export --format gexf --out build/graph.gexf
    """
    from .network import NETWORK_FORMATS, write_network

    store = _open(store_dir, backend)
    try:
        if fmt in NETWORK_FORMATS:
            data = write_network(store, output, fmt)
            if data is not None:
                sys.stdout.buffer.write(data)
                sys.stdout.flush()
        elif output:
            store.dump(output, format=fmt)
        else:
            data = store.dump(None, format=fmt)
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
    finally:
        store.close()


# -- entities / show ------------------------------------------------------------------------------

def _entity_types() -> list[str]:
    from .namespace import TYPE_CLASSES

    return list(TYPE_CLASSES)


@main.command()
@click.option("--type", "type_", type=click.Choice(_entity_types()), help="Only entities of this type.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="json: an array of {iri, type, name, aliases, mentions, reports}.")
@store_options
@_handle_errors
def entities(type_: str | None, fmt: str, store_dir: str, backend: str) -> None:
    """List the entities of the graph with their aliases, mention counts and reports.

    One row per node, so an organisation that several reports name (under any of its names) is
    one row. Sorted by type, most-mentioned first.

    \b
    Example:
        kg entities --type Company
        kg entities --format json > entities.json
    """
    from .entities import list_entities

    store = _open(store_dir, backend)
    try:
        rows = list_entities(store, type_=type_)
    finally:
        store.close()
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    flat = [dict(r, aliases="、".join(r["aliases"]), reports=" ".join(r["reports"])) for r in rows]
    _write_rows(["type", "name", "aliases", "mentions", "reports", "iri"] if fmt == "csv"
                else ["type", "name", "aliases", "mentions", "reports"], flat, fmt)


@main.command()
@click.argument("name")
@click.option("--type", "type_", type=click.Choice(_entity_types()), help="Only an entity of this type (when a name is ambiguous).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@store_options
@_handle_errors
def show(name: str, type_: str | None, fmt: str, store_dir: str, backend: str) -> None:
    """Print the card of the entity NAME: names, type, reports, and every relation with its
    qualifiers (award edition, year, grade; counts; roles; rename dates) and source sentence.

    NAME is a name or an alias as a report writes it; it is bound as a literal, never pasted
    into the query. A name several entities bear lists them (exit 1): add --type.

    \b
    Example:
        kg show 中车株洲电力机车有限公司
        kg show 株洲 --type Place --format json
    """
    from .entities import AmbiguousName, entity_card, format_card, resolve_name

    store = _open(store_dir, backend)
    try:
        try:
            found = resolve_name(store, name, type_=type_)
        except AmbiguousName as exc:
            click.echo(f"Error: {exc}", err=True)
            _write_rows(["type", "name", "aliases", "mentions", "iri"],
                        [dict(c, aliases="、".join(c["aliases"])) for c in exc.candidates], "table")
            sys.exit(exc.exit_code)
        card = entity_card(store, found["iri"])
    finally:
        store.close()
    click.echo(json.dumps(card, ensure_ascii=False, indent=2, default=str) if fmt == "json" else format_card(card))

# -- eval -----------------------------------------------------------------------------------------

@main.command("eval")
@click.option("--gold", required=True, type=click.Path(dir_okay=False), help="Gold annotations (contract JSON Lines).")
@click.option("--pred", type=click.Path(dir_okay=False), help="Predictions (contract JSON Lines) instead of REPORTS.")
@click.argument("reports", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--show-errors", is_flag=True, help="List misses and false hits per report.")
@click.option("--by", "by_columns", multiple=True, metavar="COLUMN", help="Also give F1 per value of this column of --index (topic, script, layout); repeatable.")
@click.option("--index", "index_path", default="../shared/corpus/index.tsv", show_default=True, type=click.Path(dir_okay=False), help="The corpus index that --by reads.")
@_handle_errors
def eval_(gold: str, pred: str | None, reports: tuple[str, ...], fmt: str, show_errors: bool, by_columns: tuple[str, ...], index_path: str) -> None:
    """Score extraction against gold with the contract's rules (P/R/F1 by type and predicate).

    Either score a file of predictions (--pred) or extract REPORTS now and score them. Only
    reports present in the gold are scored when REPORTS are given.

    \b
    Example:
        kg eval --gold tests/gold/seeds.jsonl seeds/
        kg eval --gold tests/gold/seeds.jsonl --pred build/seeds.jsonl --format json
        kg eval --gold tests/gold/real-dev.jsonl ../shared/corpus/docs --by topic --by script
    """
    from .eval import format_groups, format_text, group_scores, load_jsonl, score

    gold_docs = load_jsonl(gold)
    if bool(pred) == bool(reports):
        raise KgError("give either --pred FILE or REPORTS to extract (one of them).")
    if pred:
        pred_docs = load_jsonl(pred)
    else:
        from .nlp import extract_many
        from .reading import read_report, report_paths

        files = [p for p in report_paths(reports) if p.stem in gold_docs]
        if not files:
            raise KgError(f"none of the reports under {' '.join(reports)} is in {gold}.")
        pred_docs = {r["doc"]: r for r in extract_many([read_report(p) for p in files])}
        gold_docs = {k: v for k, v in gold_docs.items() if k in pred_docs}
    scores = score(gold_docs, pred_docs)
    if by_columns:
        from .gold import read_index

        index = read_index(index_path)
        unknown = [c for c in by_columns if index and c not in next(iter(index.values()))]
        if unknown:
            raise KgError(f"{index_path} has no column {unknown[0]!r}.")
        scores["by_group"] = {c: group_scores(scores, {d: row[c] for d, row in index.items()}) for c in by_columns}
    if fmt == "json":
        click.echo(json.dumps(scores, ensure_ascii=False, indent=2))
    else:
        click.echo(format_text(scores, show_errors=show_errors))
        for column, groups in scores.get("by_group", {}).items():
            click.echo(format_groups(f"By {column}", groups))


from .cli_gold import gold_group  # noqa: E402  (a sub-group in its own module)

main.add_command(gold_group)
from .cli_train import ner_group, train_group  # noqa: E402  (kg train, kg ner: the statistical models)

main.add_command(train_group)
main.add_command(ner_group)
from .cli_serve import push, serve  # noqa: E402

main.add_command(serve)
main.add_command(push)
from .cli_validate import load, ontology_doc, validate  # noqa: E402

main.add_command(validate)
main.add_command(load)
main.add_command(ontology_doc)

from .cli_viz import register as _register_viz  # noqa: E402  (viz, stats, report in their own module)

_register_viz(sys.modules[__name__])

if __name__ == "__main__":  # pragma: no cover
    main()
