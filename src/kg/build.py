"""Build: the main job, reports in, a persistent graph and its files out.

Owns: streaming reports through extraction and RDF mapping into a store, one named graph per
report (so a rebuild replaces, never duplicates), then writing ``graph.ttl`` and ``graph.html``
and validating against the shapes. Hands back a summary of counts. Must not: print (the CLI
does), or know how a store keeps its data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .nlp import extract_many
from .rdfmap import map_report
from .reading import read_report, report_paths

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


def add_reports(store: Any, paths: Iterable[str | Path], *, progress: Callable[[int], None] | None = None) -> BuildSummary:
    """Extract every report under ``paths`` and put its statements into ``store``."""
    files = report_paths(paths)
    summary = BuildSummary()
    for i in range(0, len(files), BATCH):
        reports = [read_report(p) for p in files[i:i + BATCH]]
        for report, result in zip(reports, extract_many(reports)):
            store.add_report(report.id, map_report(result, report_path=report.path))
            summary.reports += 1
            summary.entities.update(e["type"] for e in result["entities"])
            summary.relations.update(r["predicate"] for r in result["relations"])
            if progress:
                progress(1)
    return summary


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
