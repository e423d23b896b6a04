"""Build: the main job, reports in, a persistent graph and its files out.

Owns: streaming reports through extraction and RDF mapping into a store, one named graph per
report (so a rebuild replaces, never duplicates), refreshing the background graph of lexicon
facts from what the store then holds (:func:`refresh_background`), then writing ``graph.ttl`` and
``graph.html`` and validating against the shapes. Hands back a summary of counts. Must not: print
(the CLI does), or know how a store keeps its data.

Entity IRIs come from canonical keys (``kg.resolution``). By default (``link_aliases=True``)
the whole batch is resolved first, so an organisation that only another report ties to its full
name gets one node (时代新材 alone in one report, 株洲时代新材料科技股份有限公司 in another, both
in a third). The nodes already in the store take part in that resolution as well (each with
its labels, when its labels still give its IRI's key), so building one report again on its own
gives the IRIs it got in the full build. A node the store does not know yet may still change
its key when a later batch brings a longer name for it; building all reports again settles it.
``link_aliases=False`` keys each report on its own evidence only (``resolution.entity_key``).
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .namespace import TYPE_CLASSES
from .rdfmap import BACKGROUND_GRAPH, key_iri, map_background, map_report
from .reading import report_paths
from .resolution import PlaceContext, admin_links, enclosing_place, entity_key, name_place, renames, report_context, resolve
from .text import normalise_name


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
    link_aliases: bool = True,
    jobs: int = 1,
    dask: str | None = None,
) -> BuildSummary:
    """Extract every report under ``paths``, put its statements into ``store``, then refresh the
    background graph. ``link_aliases`` resolves the whole batch before mapping (see the module).

    Streaming: reports are extracted in batches (``jobs`` worker processes, or tasks on the Dask
    cluster at ``dask``; ``kg.parallel``), and each result is spilled to a temporary file at
    once; only its entities' names stay in memory for the resolution. Then the results are read
    back one by one, mapped and written (with the store's bulk loader when the store holds no
    report yet). Memory holds one batch and the names, not the corpus."""
    from .parallel import extract_paths

    files = report_paths(paths)
    summary = BuildSummary()
    fresh = hasattr(store, "bulk_add_reports") and not store.reports()
    with tempfile.TemporaryFile() as spill:
        names: list[dict[str, Any]] = []
        for item in extract_paths(files, jobs=jobs, dask=dask):
            spill.write(json.dumps([item.id, item.path, item.result], ensure_ascii=False).encode("utf-8") + b"\n")
            if link_aliases:
                names.append(_names_only(item.result))
            summary.reports += 1
            summary.entities.update(e["type"] for e in item.result["entities"])
            summary.relations.update(r["predicate"] for r in item.result["relations"])
            if progress:
                progress(1)
        resolver = resolve([*stored_entities(store), *names]) if link_aliases else None
        del names
        spill.seek(0)

        def mapped() -> Iterator[tuple[str, Any]]:
            for line in spill:
                doc_id, path, result = json.loads(line)
                yield doc_id, map_report(result, report_path=path, resolver=resolver)

        if fresh:
            store.bulk_add_reports(mapped())
        else:
            for doc_id, quads in mapped():
                store.add_report(doc_id, quads)
    refresh_background(store)
    return summary


def _names_only(result: dict[str, Any]) -> dict[str, Any]:
    """What ``resolution.resolve`` reads of a result: its entities' names and its place context
    (from the mention counts, which are then dropped), not mentions, relations or evidence."""
    context = report_context(result["entities"])
    return {
        "doc": result["doc"],
        "context": {"province": context.province, "city": context.city},
        "entities": [{"id": e["id"], "type": e["type"], "name": e["name"], "aliases": e.get("aliases", [])}
                     for e in result["entities"]],
    }


_ENTITY_NAMES = """
SELECT DISTINCT ?entity ?type ?label ?preferred WHERE {
  ?entity a ?type .
  { ?entity skos:prefLabel ?label BIND(true AS ?preferred) } UNION { ?entity skos:altLabel ?label BIND(false AS ?preferred) }
}
"""

_ENTITY_REPORTS = """
SELECT DISTINCT ?entity ?report ?count WHERE {
  GRAPH ?graph { ?entity kg:mentionedIn ?graph . OPTIONAL { ?entity kg:mentionCount ?count } }
  ?graph kg:reportId ?report .
}
"""


def stored_entities(store: Any) -> list[dict[str, Any]]:
    """The store's entity nodes as contract results for ``resolution.resolve``: one pseudo-report
    (``doc`` ``@store:<iri>``) per node, holding one entity named by the node's labels, with the
    place context of the reports that mention it (``context``; none where they disagree).
    Only nodes whose labels still give the key of their own IRI are returned, so that resolving
    with them keeps their IRIs."""
    types = {str(iri): name for name, iri in TYPE_CLASSES.items()}
    nodes: dict[str, dict[str, Any]] = {}
    for entity, type_iri, label, preferred in store.query(_ENTITY_NAMES).rows:
        if str(type_iri) not in types:
            continue
        slot = nodes.setdefault(str(entity), {"type": types[str(type_iri)], "pref": set(), "alt": set()})
        (slot["pref"] if preferred else slot["alt"]).add(str(label))
    # each report's place context, from its Place nodes and their mention counts in that report
    reports_of: dict[str, set[str]] = defaultdict(set)
    places: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entity, report, count in store.query(_ENTITY_REPORTS).rows:
        reports_of[str(entity)].add(str(report))
        slot = nodes.get(str(entity))
        if slot and slot["type"] == "Place":
            labels = sorted(slot["pref"] | slot["alt"])
            places[str(report)].append(
                {"type": "Place", "name": labels[0], "aliases": labels[1:], "mentions": [[0, 0]] * int(count or 1)}
            )
    contexts = {report: report_context(entities) for report, entities in places.items()}
    out = []
    for iri, slot in sorted(nodes.items()):
        labels = sorted(slot["pref"] | slot["alt"], key=lambda n: (-len(normalise_name(n)), n))
        entity = {"id": "n", "type": slot["type"], "name": labels[0], "aliases": labels[1:], "mentions": []}
        seen = {contexts.get(r, PlaceContext()) for r in reports_of.get(iri, ())}
        provinces = {c.province for c in seen}
        context = seen.pop() if len(seen) == 1 else PlaceContext(provinces.pop() if len(provinces) == 1 else None)
        doc = f"@store:{iri}"
        if str(key_iri(slot["type"], entity_key(entity, context=context, doc=doc))) == iri:
            out.append({"doc": doc, "entities": [entity], "relations": [],
                        "context": {"province": context.province, "city": context.city}})
    return out


_PLACES_WITH_CODES = """
SELECT DISTINCT ?place ?code WHERE { ?place a kg:Place ; kg:adminCode ?code }
"""

_PARK_LABELS = """
SELECT DISTINCT ?park ?label WHERE { ?park a kg:Park ; skos:prefLabel|skos:altLabel ?label }
"""

# locatedIn that a report states (the background graph holds no kg:reportId)
_TEXT_LOCATED = """
SELECT DISTINCT ?subject ?object WHERE { GRAPH ?graph { ?subject kg:locatedIn ?object } ?graph kg:reportId ?report }
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
    holds; a Park whose names start with a place (攸县高新区) is ``kg:locatedIn`` that place, or
    the nearest place above it that the store holds, unless a report already says so; an old
    name of ``renames.tsv`` that a node bears is ``kg:renamedTo`` the node bearing the new name. Only nodes the reports mention take part, so no fact points at a node that no
    report names. Computed from the store alone: the same store gives the same graph.
    """
    from rdflib import URIRef

    places: dict[str, str] = {}
    for place, code in store.query(_PLACES_WITH_CODES).rows:
        places.setdefault(str(code), str(place))
    located = [(URIRef(places[child]), URIRef(places[parent])) for child, parent in admin_links(places)]
    stated = {(str(a), str(b)) for a, b in store.query(_TEXT_LOCATED).rows}
    park_codes: dict[str, set[str]] = {}
    for park, label in store.query(_PARK_LABELS).rows:
        code = name_place(str(label))
        park_codes.setdefault(str(park), set())
        if code:
            park_codes[str(park)].add(code)
    parks = []
    for park, codes in sorted(park_codes.items()):
        targets = {enclosing_place(code, places) for code in codes} - {None}
        if len(targets) == 1:
            place = places[targets.pop()]
            if (park, place) not in stated:
                parks.append((URIRef(park), URIRef(place)))
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
    return store.replace_graph(str(BACKGROUND_GRAPH), map_background(sorted(set(located)), sorted(set(renamed)), sorted(set(parks))))


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
