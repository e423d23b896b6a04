"""CLI: ``kg viz``, ``kg stats`` and ``kg report``, the commands that draw and summarise the graph.

Owns option parsing and printing for the graph page (:mod:`kg.viz`), the statistics
(:mod:`kg.stats`) and the report page (:mod:`kg.report`); registered on the ``kg`` group by
:func:`register` (called by :mod:`kg.cli` with itself, so that this module needs no import of
``kg.cli``, which would be circular when it runs as ``python -m kg.cli``). The logic is in those
modules.
"""

from __future__ import annotations

import json
import sys

import click

from types import ModuleType
from typing import Any

from .errors import KgError


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
                  help="Draw at most this many nodes: the ones with the most edges (nearest to --around first).")
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

    for command in (viz,):
        cli.main.add_command(command)
