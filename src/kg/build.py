"""Build: the main job, reports in, a persistent graph and its files out.

Owns: streaming reports through extraction and RDF mapping into a store, one named graph per
report (so a rebuild replaces, never duplicates), refreshing the background graph of lexicon
facts from what the store then holds (:func:`refresh_background`), then writing ``graph.ttl`` and
``graph.html`` and validating against the shapes. Hands back a summary of counts. Must not: print
(the CLI does), or know how a store keeps its data.

Entity IRIs come from per-report keys (``kg.resolution.entity_key``), so building one report
again gives the same IRIs as building it with all the others. ``link_aliases=True`` resolves the
whole batch first and also merges entities that only another report ties together (时代新材 in
one report, 株洲时代新材料科技股份有限公司 in another, both in a third); the price is that a report
rebuilt alone may then get other IRIs than in the full build.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .nlp import extract_many
from .rdfmap import BACKGROUND_GRAPH, map_background, map_report
from .reading import read_report, report_paths
from .resolution import admin_links, renames, resolve
from .text import normalise_name

BATCH = 32


@dataclass
class BuildSummary:
    reports: int = 0
    entities: Counter[str] = field(default_factory=Counter)
    relations: Counter[str] = field(default_factory=Counter)
    triples: int = 0
    files: dict[str, str] = field(default_factory=dict)
    conforms: bool | None = None
    shacl_report: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "reports": self.reports,
            "entities": dict(sorted(self.entities.items())),
            "relations": dict(sorted(self.relations.items())),
            "triples": self.triples,
            "files": self.files,
            "conforms": self.conforms,
        }


def add_reports(
    store: Any,
    paths: Iterable[str | Path],
    *,
    progress: Callable[[int], None] | None = None,
    link_aliases: bool = False,
) -> BuildSummary:
    """Extract every report under ``paths``, put its statements into ``store``, then refresh the
    background graph. ``link_aliases`` resolves the whole batch before mapping (see the module)."""
    files = report_paths(paths)
    summary = BuildSummary()
    pending: list[tuple[Any, dict[str, Any]]] = []
    for i in range(0, len(files), BATCH):
        reports = [read_report(p) for p in files[i:i + BATCH]]
        for report, result in zip(reports, extract_many(reports)):
            if link_aliases:
                pending.append((report, result))
                continue
            _store_one(store, report, result, summary, progress)
    if pending:
        resolver = resolve([result for _, result in pending])
        for report, result in pending:
            _store_one(store, report, result, summary, progress, resolver=resolver)
    refresh_background(store)
    return summary


def _store_one(
    store: Any,
    report: Any,
    result: dict[str, Any],
    summary: BuildSummary,
    progress: Callable[[int], None] | None,
    resolver: Any = None,
) -> None:
    store.add_report(report.id, map_report(result, report_path=report.path, resolver=resolver))
    summary.reports += 1
    summary.entities.update(e["type"] for e in result["entities"])
    summary.relations.update(r["predicate"] for r in result["relations"])
    if progress:
        progress(1)


_PLACES_WITH_CODES = """
SELECT DISTINCT ?place ?code WHERE { ?place a kg:Place ; kg:adminCode ?code }
"""

_ENTITY_LABELS = """
SELECT DISTINCT ?entity ?type ?label WHERE {
  VALUES ?type { kg:Company kg:GovernmentAgency kg:Institution kg:StandardsBody }
  ?entity a ?type ; skos:prefLabel|skos:altLabel ?label .
}
"""


def refresh_background(store: Any) -> int:
    """Rewrite the background graph from the store's content; return its triple count.

    A Place with an admin code is ``kg:locatedIn`` the nearest place above it that the store
    holds; an old name of ``renames.tsv`` that a node bears is ``kg:renamedTo`` the node bearing
    the new name. Only nodes the reports mention take part, so no fact points at a node that no
    report names. Computed from the store alone: the same store gives the same graph.
    """
    from rdflib import URIRef

    places: dict[str, str] = {}
    for place, code in store.query(_PLACES_WITH_CODES).rows:
        places.setdefault(str(code), str(place))
    located = [(URIRef(places[child]), URIRef(places[parent])) for child, parent in admin_links(places)]
    bearers: dict[tuple[str, str], set[str]] = {}
    for entity, type_iri, label in store.query(_ENTITY_LABELS).rows:
        type_name = str(type_iri).rsplit("#", 1)[-1]
        bearers.setdefault((type_name, normalise_name(str(label))), set()).add(str(entity))
    renamed = []
    for rename in renames():
        old = bearers.get((rename.type, normalise_name(rename.old)), set())
        new = bearers.get((rename.type, normalise_name(rename.new)), set())
        if len(old) == 1 and len(new) == 1 and old != new:
            renamed.append((URIRef(next(iter(old))), URIRef(next(iter(new))), rename.date or None))
    return store.replace_graph(str(BACKGROUND_GRAPH), map_background(sorted(set(located)), sorted(set(renamed))))


def write_outputs(store: Any, out_dir: str | Path, summary: BuildSummary, *, validate: bool = True) -> BuildSummary:
    """Write ``graph.ttl`` and ``graph.html`` under ``out_dir``; validate the graph if asked."""
    from .viz import write_html

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ttl = out / "graph.ttl"
    store.dump(ttl, format="turtle")
    data = ttl.read_bytes()
    # COUNT(DISTINCT): pyoxigraph 0.5 repeats a triple once per named graph holding it (oxigraph #1919)
    summary.triples = store.query("SELECT (COUNT(DISTINCT *) AS ?n) WHERE { ?s ?p ?o }").rows[0][0]
    summary.files["turtle"] = str(ttl)
    html = out / "graph.html"
    write_html(store, html)
    summary.files["html"] = str(html)
    if validate:
        from .validate import validate as shacl

        summary.conforms, summary.shacl_report = shacl(data)
    return summary
