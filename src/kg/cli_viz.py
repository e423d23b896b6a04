"""CLI: ``kg viz``, ``kg stats`` and ``kg report``, the commands that draw and summarise the graph.

Owns option parsing and printing for the graph page (:mod:`kg.viz`), the statistics
(:mod:`kg.stats`) and the report page (:mod:`kg.report`); registered on the ``kg`` group by
:func:`register` (called by :mod:`kg.cli` with itself, so that this module needs no import of
``kg.cli``, which would be circular when it runs as ``python -m kg.cli``). The logic is in those
modules.
"""

from __future__ import annotations

import json
from types import ModuleType

import click


def _types() -> list[str]:
    from .viz import STYLE

    return list(STYLE)


def _predicates() -> list[str]:
    from .viz import PREDICATE_STYLE

    return list(PREDICATE_STYLE)


def register(cli: ModuleType) -> None:
    """Add ``viz``, ``stats`` and ``report`` to ``cli.main`` using ``cli``'s shared options."""
    DEFAULT_OUT, _open, _write_rows = cli.DEFAULT_OUT, cli._open, cli._write_rows
    _handle_errors, store_options = cli._handle_errors, cli.store_options

    @click.command("viz")
    @click.option("--out", "output", default=f"{DEFAULT_OUT}/graph.html", show_default=True, type=click.Path(dir_okay=False))
    @click.option("--title", default="kg 知识图谱", show_default=True, help="Page title.")
    @click.option("--around", metavar="NAME", help="Draw only the neighbourhood of the entity NAME (any of its names).")
    @click.option("--depth", default=1, show_default=True, type=click.IntRange(min=0), help="Steps from --around (either direction).")
    @click.option("--type", "types", multiple=True, type=click.Choice(_types()), help="Only nodes of this type (repeatable).")
    @click.option("--predicate", "predicates", multiple=True, type=click.Choice(_predicates()),
                  help="Only edges of this predicate, and the nodes they join (repeatable).")
    @click.option("--max-nodes", default=2000, show_default=True, type=click.IntRange(min=1),
                  help="Draw at most this many nodes: grown from the best-connected (or --around) along edges.")
    @store_options
    @_handle_errors
    def viz(output: str, title: str, around: str | None, depth: int, types: tuple[str, ...], predicates: tuple[str, ...],
            max_nodes: int, store_dir: str, backend: str) -> None:
        """Draw the graph as an offline HTML page (vis-network from pyvis; nothing loaded from the web).

        Nodes are coloured and shaped by type; the legend (top left) hides or shows a type or a
        relation when clicked; unconnected nodes are hidden behind a toggle; the box finds a node by
        any of its names and focuses its neighbourhood; a click on a node opens its relations with
        their qualifiers and source sentences; 'PNG' saves the view.

        \b
        Example:
            kg viz --out build/graph.html
            kg viz --around 中车株洲电力机车有限公司 --depth 2 --out build/zhuji.html
            kg viz --predicate receivedAward --type Company --type Award --max-nodes 500
        """
        from .viz import write_html

        store = _open(store_dir, backend)
        try:
            counts = write_html(store, output, title=title, around=around, depth=depth, types=types,
                                predicates=predicates, max_nodes=max_nodes)
        finally:
            store.close()
        for note in counts["notes"]:
            click.echo(f"Note: {note}", err=True)
        click.echo(f"Wrote {output}: {counts['nodes']} nodes, {counts['edges']} edges"
                   + (f" (of {counts['totals']['nodes']} nodes, {counts['totals']['edges']} edges)."
                      if counts["nodes"] != counts["totals"]["nodes"] else "."), err=True)

    @click.command("stats")
    @click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
                  help="json: one object with every figure.")
    @click.option("--top", default=10, show_default=True, type=click.IntRange(min=1), help="Rows per ranking.")
    @store_options
    @_handle_errors
    def stats(fmt: str, top: int, store_dir: str, backend: str) -> None:
        """Statistics of the graph: counts by type and predicate, connected components, top
        organisations by degree and betweenness, who won most awards, awards per year and per
        award, organisations sharing awards, reports per year (computed on the graph's outline in a
        table on disk, so memory stays small on a large store).

        \b
        Example:
            kg stats
            kg stats --format json --top 20 > stats.json
        """
        from .stats import graph_stats, stat_tables

        store = _open(store_dir, backend)
        try:
            figures = graph_stats(store, top=top)
        finally:
            store.close()
        if fmt == "json":
            click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
            return
        lines, tables = stat_tables(figures)
        click.echo("\n".join(lines))
        for title, columns, rows in tables:
            click.echo(f"\n{title}:")
            if rows:
                _write_rows(columns, rows, "table")
            else:
                click.echo("  none")

    @click.command("report")
    @click.option("--out", "output", default=f"{DEFAULT_OUT}/report.html", show_default=True, type=click.Path(dir_okay=False))
    @click.option("--title", default="kg 知识图谱报告", show_default=True, help="Page title.")
    @click.option("--graph", "graph_href", default="graph.html", show_default=True,
                  help="Where the report's links point: the graph page, relative to the report.")
    @click.option("--top", default=15, show_default=True, type=click.IntRange(min=1), help="Rows per ranking and chart.")
    @store_options
    @_handle_errors
    def report(output: str, title: str, graph_href: str, top: int, store_dir: str, backend: str) -> None:
        """Write one static page to read first: summary counts, charts of awards per year, per
        award and of the top organisations (matplotlib, inline SVG, offline), the latest award
        facts with their sources, and links into the graph page.

        \b
        Example:
            kg report --out build/report.html
        """
        from .report import write_report

        store = _open(store_dir, backend)
        try:
            counts = write_report(store, output, title=title, graph_href=graph_href, top=top)
        finally:
            store.close()
        click.echo(f"Wrote {output}: {counts['nodes']} entities, {counts['edges']} relations.", err=True)

    for command in (viz, stats, report):
        cli.main.add_command(command)
