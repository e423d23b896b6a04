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
    reports and drops the statements of reports whose files are gone. A refused input never
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

# -- statistical NER: train and evaluate ------------------------------------------------------------

@main.group("train")
def train_group() -> None:
    """Train kg's statistical models (see 'kg train ner --help').

    \b
    Example:
        kg train ner --out build/ner-model --seed 0
    """


@train_group.command("ner")
@click.option("--out", "out_dir", default="build/ner-model", show_default=True, type=click.Path(file_okay=False),
              help="Directory to write the model to (replaced if it exists).")
@click.option("--seed", default=0, show_default=True, type=int, help="Random seed; the same seed gives the same model.")
@click.option("--gold", default="tests/gold/seeds.jsonl", show_default=True, type=click.Path(dir_okay=False),
              help="Seed gold whose tuning-split reports (000, 001, 003) are added as in-domain examples.")
@click.option("--reports", "reports_dir", default="seeds", show_default=True, type=click.Path(file_okay=False),
              help="Folder of the seed reports named in --gold.")
@click.option("--no-gold", is_flag=True, help="Train on UNER only.")
@click.option("--real-gold", type=click.Path(dir_okay=False), default=None,
              help="Also train on every report of this real-report gold (tests/gold/real-dev.jsonl); held-out reports are refused.")
@click.option("--real-reports", default="../shared/corpus/docs", show_default=True, type=click.Path(file_okay=False),
              help="Folder of the real reports named in --real-gold.")
@click.option("--limit", type=int, default=None, help="Keep only the first N training sentences and run a few steps (smoke test).")
@click.option("--quiet", is_flag=True, help="No training log on stderr.")
@_handle_errors
def train_ner(out_dir: str, seed: int, gold: str, reports_dir: str, no_gold: bool, real_gold: str | None, real_reports: str, limit: int | None, quiet: bool) -> None:
    """Train the character-level Chinese NER model (PER, LOC, ORG) into --out.

    Trains on UNER Chinese-GSDSIMP train (best checkpoint chosen on its dev file), plus the
    tuning split of the seed gold, with the config kept in kg/data/ner/config.cfg (CPU, about
    20 minutes on 2 cores). The UNER files are read from $KG_UNER_DIR (default
    ../shared/data beside the clone). With --real-gold, every report of that real-report gold is
    added too (the shipped model: --real-gold tests/gold/real-dev.jsonl). The model's meta.json
    records the figures on UNER Chinese-GSDSIMP test and Chinese-PUD test, the data sources and
    the licence (CC BY-SA 4.0). To ship it, copy the directory to src/kg/data/ner/model.

    \b
    Example:
        kg train ner --out build/ner-model --seed 0
        kg train ner --out build/ner-model --real-gold tests/gold/real-dev.jsonl
        kg ner evaluate ../shared/data/uner-zh-pud/zh_pud-ud-test.iob2 --model build/ner-model
    """
    from .ner.data import GSDSIMP_TEST, PUD_TEST
    from .ner.train import train

    kwargs: dict[str, Any] = {}
    if not no_gold:
        if not Path(gold).is_file():
            raise KgError(f"{gold}: no such file. Pass the seed gold with --gold, or train on UNER only with --no-gold.")
        kwargs.update(gold_path=gold, reports_dir=reports_dir)
    if real_gold is not None:
        if not Path(real_gold).is_file():
            raise KgError(f"{real_gold}: no such file. Pass a real-report gold JSONL with --real-gold.")
        kwargs.update(real_gold_path=real_gold, real_reports_dir=real_reports)
    evals = {name: path for name, path in (("gsdsimp_test", GSDSIMP_TEST), ("pud_test", PUD_TEST)) if path.is_file()}
    figures = train(out_dir, seed=seed, limit=limit, eval_files=evals if limit is None else None, quiet=quiet, **kwargs)
    click.echo(f"Trained the NER model into {out_dir} in {figures['seconds']:.0f} s (seed {seed}).")
    for name, result in [("dev", figures.get("dev")), *figures.get("eval", {}).items()]:
        if result:
            o = result["overall"]
            click.echo(f"{name:<13} P {o['p']:.3f}  R {o['r']:.3f}  F1 {o['f1']:.3f}")


@train_group.command("relations")
@click.option("--gold", default="tests/gold/real-dev.jsonl", show_default=True, type=click.Path(dir_okay=False),
              help="Gold relations to learn from (never the held-out split).")
@click.option("--reports", "reports_dir", default="../shared/corpus/docs", show_default=True, type=click.Path(file_okay=False),
              help="Folder of the reports the gold names (<doc>.txt).")
@click.option("--out", default="build/relation-scorer.json", show_default=True, type=click.Path(dir_okay=False),
              help="Model file to write; copy it to src/kg/data/relations/scorer.json to ship it.")
@click.option("--limit", type=int, default=None, help="Use only the first N gold reports (smoke test).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@_handle_errors
def train_relations(gold: str, reports_dir: str, out: str, limit: int | None, quiet: bool) -> None:
    """Train the relation scorer: a logistic regression over candidate pairs the rules left.

    Runs the rules over the gold's reports, labels every candidate pair of compatible types in a
    sentence by the gold, cross-validates by report (five folds) to choose a threshold per
    predicate (the best F1 whose added pairs are at least half right), fits on all and writes
    the model with its cross-validated figures. Needs scikit-learn (pip install 'kg[train]').

    \b
    Example:
        kg train relations --gold tests/gold/real-dev.jsonl --reports ../shared/corpus/docs --out build/scorer.json
    """
    try:
        import sklearn  # noqa: F401
    except ImportError as err:
        raise KgError("training needs scikit-learn: pip install 'kg[train]' (or pip install scikit-learn)") from err
    from .nlp.relations.training import train_scorer

    if not Path(gold).is_file():
        raise KgError(f"{gold}: no such gold file")
    if not Path(reports_dir).is_dir():
        raise KgError(f"{reports_dir}: no such folder of reports")
    gold_path = gold
    if limit is not None:
        import tempfile

        lines = [line for line in Path(gold).read_text(encoding="utf-8").splitlines() if line.strip()][:limit]
        tmp = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8")
        tmp.write("\n".join(lines) + "\n")
        tmp.close()
        gold_path = tmp.name
    model = train_scorer(gold_path, reports_dir, out, folds=5 if limit is None or limit >= 25 else 2, progress=not quiet)
    click.echo(f"Trained the relation scorer into {out} in {model['trained']['seconds']:.0f} s "
               f"({model['trained']['candidates']} candidates from {model['trained']['reports']} reports).")
    for pred, m in model["predicates"].items():
        cv = m["cv"]
        click.echo(f"{pred:<14} threshold {m['threshold']:.3f}  cross-validated F1 {cv['f1_rules']:.3f} -> {cv['f1_with_scorer']:.3f} "
                   f"({cv['added_right']} of {cv['added']} added pairs right)")


@main.group("ner")
def ner_group() -> None:
    """The statistical NER model shipped with kg (see 'kg ner evaluate --help').

    \b
    Example:
        kg ner evaluate ../shared/data/uner-zh-pud/zh_pud-ud-test.iob2
    """


@ner_group.command("evaluate")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--model", "model_dir", type=click.Path(file_okay=False), help="A model directory (default: the shipped model).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_handle_errors
def ner_evaluate(file: str, model_dir: str | None, fmt: str) -> None:
    """Score the NER model on a UNER .iob2 FILE by exact span and label (P/R/F1 per label).

    Traditional text (UNER Chinese-PUD) is converted to Simplified before prediction; the
    offsets do not move. --format json gives {"overall": {"p", "r", "f1", ...},
    "by_label": {"PER": {...}, "LOC": {...}, "ORG": {...}}, "sentences": n}.

    \b
    Example:
        kg ner evaluate ../shared/data/uner-zh-pud/zh_pud-ud-test.iob2
        kg ner evaluate ../shared/data/uner-zh-gsdsimp/zh_gsdsimp-ud-test.iob2 --format json
    """
    from .ner.evaluate import evaluate, format_text

    result = evaluate(file, model=model_dir)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        click.echo(f"{file}: {result['sentences']} sentences, exact span and label")
        click.echo(format_text(result))


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
