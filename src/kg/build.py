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

from .buildcache import Cache, cache_key, cached_result, extractor_fingerprint, outputs_of, unchanged_outputs
from .namespace import TYPE_CLASSES
from .rdfmap import BACKGROUND_GRAPH, key_iri, map_background, map_report
from .reading import report_paths
from .resolution import PlaceContext, Resolver, admin_links, enclosing_place, entity_key, name_place, renames, report_context
from .text import normalise_name

BATCH = 32
#: Reports wait to be extracted together until this many characters are pending.
PENDING_CHARS = 2_000_000


@dataclass
class BuildSummary:
    reports: int = 0
    entities: Counter[str] = field(default_factory=Counter)
    relations: Counter[str] = field(default_factory=Counter)
    triples: int = 0
    files: dict[str, str] = field(default_factory=dict)
    conforms: bool | None = None
    shacl_report: str = ""
    graph_counts: dict[str, Any] | None = None  # kg.graphdata.graph_counts of the store (the page's totals)

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

    Streaming: reports are extracted in batches (in a child process that starts ``jobs`` worker
    processes when ``jobs`` > 1, or as tasks on the Dask cluster at ``dask``;
    ``kg.parallel.Extractor``), and each result is spilled to a temporary file at once; its entities' names go to the resolution, which keeps them in SQLite
    (``resolution.Resolver``). Then the results are read back one by one, mapped and written
    (with the store's bulk loader when the store holds no report yet). Memory holds one batch,
    not the corpus nor its names."""
    from .parallel import Extractor
    from .reading import read_report

    files = report_paths(paths)
    summary = BuildSummary()
    fresh = hasattr(store, "bulk_add_reports") and not store.reports()
    resolver = Resolver() if link_aliases else None
    # extraction in a child process (kg.parallel.Extractor), which exits before the store is
    # written: the pipeline's memory is not carried into the phases that follow
    extractor = Extractor(jobs=jobs, dask=dask)
    batch_size = BATCH * max(1, jobs)
    try:
        with tempfile.TemporaryFile() as spill:
            if resolver is not None:
                for known in stored_entities(store):
                    resolver.add(known)

            def batches() -> Iterator[list[Any]]:
                for start in range(0, len(files), batch_size):
                    yield [read_report(path) for path in files[start:start + batch_size]]

            try:
                for reports in batches():
                    for report, result in zip(reports, extractor(reports)):
                        spill.write(json.dumps([report.id, report.path, result], ensure_ascii=False).encode("utf-8") + b"\n")
                        if resolver is not None:
                            resolver.add(_names_only(result))
                        summary.reports += 1
                        summary.entities.update(e["type"] for e in result["entities"])
                        summary.relations.update(r["predicate"] for r in result["relations"])
                        if progress:
                            progress(1)
            finally:
                extractor.close()
            if resolver is not None:
                resolver.finish()
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
    finally:
        if resolver is not None:
            resolver.close()
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

# labels as a UNION of two triple patterns, not the path skos:prefLabel|skos:altLabel, which
# pyoxigraph evaluates keeping every (node, label) it matched in a set until the query ends
_PARK_LABELS = """
SELECT DISTINCT ?park ?label WHERE { ?park a kg:Park . { ?park skos:prefLabel ?label } UNION { ?park skos:altLabel ?label } }
"""

# locatedIn that a report states (the background graph holds no kg:reportId)
_TEXT_LOCATED = """
SELECT DISTINCT ?subject ?object WHERE { GRAPH ?graph { ?subject kg:locatedIn ?object } ?graph kg:reportId ?report }
"""

_ENTITY_LABELS = """
SELECT DISTINCT ?entity ?type ?label WHERE {
  VALUES ?type { kg:Company kg:GovernmentAgency kg:Institution kg:StandardsBody }
  ?entity a ?type . { ?entity skos:prefLabel ?label } UNION { ?entity skos:altLabel ?label }
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

    places: dict[str, str] = {}  # at most one per administrative division
    for place, code in _rows(store, _PLACES_WITH_CODES):
        places.setdefault(str(code), str(place))
    located = [(URIRef(places[child]), URIRef(places[parent])) for child, parent in admin_links(places)]
    park_codes: dict[str, set[str]] = {}
    for park, label in _rows(store, _PARK_LABELS):
        code = name_place(str(label))
        park_codes.setdefault(str(park), set())
        if code:
            park_codes[str(park)].add(code)
    candidates = set()
    for park, codes in park_codes.items():
        targets = {enclosing_place(code, places) for code in codes} - {None}
        if len(targets) == 1:
            candidates.add((park, places[targets.pop()]))
    # of the locatedIn the reports state (one per statement in the corpus), only those of a park
    # and its place: the others are not kept in memory
    stated = {pair for pair in ((str(a), str(b)) for a, b in _rows(store, _TEXT_LOCATED)) if pair in candidates}
    parks = [(URIRef(park), URIRef(place)) for park, place in sorted(candidates - stated)]
    # the bearers of the names renames.tsv holds only (not of every label of the corpus)
    wanted = {(rename.type, normalise_name(name)) for rename in renames() for name in (rename.old, rename.new)}
    bearers: dict[tuple[str, str], set[str]] = {}
    for entity, type_iri, label in _rows(store, _ENTITY_LABELS):
        slot = (str(type_iri).rsplit("#", 1)[-1], normalise_name(str(label)))
        if slot in wanted:
            bearers.setdefault(slot, set()).add(str(entity))
    renamed = []
    for rename in renames():
        old = bearers.get((rename.type, normalise_name(rename.old)), set())
        new = bearers.get((rename.type, normalise_name(rename.new)), set())
        if len(old) == 1 and len(new) == 1 and old != new:
            renamed.append((URIRef(next(iter(old))), URIRef(next(iter(new))), rename.date or None))
    return store.replace_graph(str(BACKGROUND_GRAPH), map_background(sorted(set(located)), sorted(set(renamed)), sorted(set(parks))))


def _rows(store: Any, sparql: str) -> Iterable[tuple[Any, ...]]:
    """A query's rows, one at a time where the store can hand them so (``iter_query``), else
    its whole answer."""
    lazy = getattr(store, "iter_query", None)
    return lazy(sparql) if lazy is not None else store.query(sparql).rows


def write_outputs(store: Any, out_dir: str | Path, summary: BuildSummary, *, validate: bool = True) -> BuildSummary:
    """Write ``graph.ttl`` and ``graph.html`` under ``out_dir``; validate the graph if asked."""
    from .viz import write_html

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ttl = out / "graph.ttl"
    store.dump(ttl, format="turtle")  # streamed: sorted in runs on disk (kg.ordered)
    counted = getattr(store, "distinct_triples", None)  # counted by the dump, in bounded memory
    # COUNT(DISTINCT): pyoxigraph 0.5 repeats a triple once per named graph holding it (oxigraph #1919)
    summary.triples = counted() if counted is not None else store.query("SELECT (COUNT(DISTINCT *) AS ?n) WHERE { ?s ?p ?o }").rows[0][0]
    summary.files["turtle"] = str(ttl)
    html = out / "graph.html"
    # the page counts the whole graph as graph_counts does: the summary keeps them (counting
    # again read the store's graph a second time)
    summary.graph_counts = write_html(store, html)["totals"]
    summary.files["html"] = str(html)
    if validate:
        from .validate import validate_store

        # in slices of focus nodes, not the whole graph in rdflib at once
        summary.conforms, summary.shacl_report = validate_store(store)
    return summary


# -- the whole build: accounting, incremental rebuild, crash safety -------------------------------

TEXTS_DIR = "texts"
CACHE_DIR = "cache"
#: The cross-report resolution's scratch database, in the output folder during a build.
RESOLUTION_FILE = "resolution.sqlite"


@dataclass
class BuildResult:
    """What :func:`run_build` hands back: the counts summary and the manifest."""

    summary: BuildSummary
    manifest: Any


def run_build(
    paths: Iterable[str | Path],
    *,
    store_dir: str | Path,
    out_dir: str | Path,
    backend: str = "oxigraph",
    validate: bool = True,
    strict: bool = False,
    progress: Callable[[int], None] | None = None,
    on_total: Callable[[int], None] | None = None,
    graph_counts: bool = False,
    jobs: int = 1,
    dask: str | None = None,
) -> BuildResult:
    """The ``kg build`` job: every input accounted for in ``<out>/manifest.json``; only new or
    changed reports extracted (results of unchanged ones come from ``<out>/cache``), statements
    of reports whose files are gone removed; the store changed in a staging copy that replaces
    it only when complete (``staged_store``), every file written atomically, so a build killed at
    any point and run again ends exactly as an uninterrupted one. New and changed reports are
    extracted by ``jobs`` worker processes or on the Dask cluster at ``dask`` (``kg.parallel``),
    with the same results as in one process.

    All reports the store holds are resolved together and mapped again each build, so an
    incremental build gives the same graph as a clean build of the same reports. (A store built
    without a manifest falls back to resolving against its nodes, as ``add_reports`` does.)
    """
    from .manifest import MANIFEST_NAME, Entry, Manifest, Stored, deleted, now, plan
    from .errors import ReportError
    from .reading import input_files, read_report
    from .segments import extract_reports
    from .staging import staged_store, sweep_temporaries

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    texts, cache = out / TEXTS_DIR, Cache(out / CACHE_DIR)
    sweep_temporaries(out, texts, cache.folder)
    extractor = extractor_fingerprint()
    manifest = Manifest(store=str(store_dir) if backend != "memory" else "(memory)", extractor=extractor,
                        started=now(), strict=strict)
    previous = Manifest.load(out / MANIFEST_NAME) if backend != "memory" else None
    if previous is not None and Path(previous.store).resolve() != Path(store_dir).resolve():
        previous = None  # an account of another store says nothing about this one
    files = input_files(paths, every_file=True)
    if on_total:
        on_total(len(files))

    # 1. read every input (a report, or a refusal with its reason) and extract what is new or
    # changed, a few reports at a time, so that only those few texts are in memory at once; the
    # result and the text go to the content-addressed cache (an interrupted build's are reused)
    accepted: dict[str, Any] = {}  # id -> Entry
    keys: dict[str, str] = {}
    # the results are in the cache and read back from there, for the resolution and when
    # mapped, so memory holds neither results nor their names
    entity_counts: Counter[str] = Counter()
    relation_counts: Counter[str] = Counter()
    pending: list[Any] = []

    def take(result: dict[str, Any]) -> None:
        entity_counts.update(e["type"] for e in result["entities"])
        relation_counts.update(r["predicate"] for r in result["relations"])

    from .parallel import Extractor

    extractor_pool = Extractor(jobs=jobs, dask=dask)
    batch_size = BATCH * max(1, jobs)  # enough reports in hand to keep every worker busy

    def flush() -> None:
        for report, result in zip(pending, extract_reports(pending, extractor_pool)):
            cache.put(keys[report.id], result)
            take(result)
            if progress:
                progress(1)
        pending.clear()

    for path in files:
        report_id = path.stem
        if report_id in accepted:
            manifest.refuse(report_id, str(path), f"report id {report_id!r} is also used by {accepted[report_id].path}; ids must be unique")
            if progress:
                progress(1)
            continue
        try:
            report = read_report(path)
        except ReportError as exc:
            manifest.refuse(report_id, str(path), str(exc).removeprefix(f"{path}: "), **_file_facts(path))
            if progress:
                progress(1)
            continue
        key = keys[report.id] = cache_key(report, extractor)
        cached = cache.get(key)
        status = "skipped" if cached is not None and plan(previous, report.id, report.sha256, extractor) == "unchanged" else "processed"
        accepted[report.id] = Entry(id=report.id, path=str(path), sha256=report.sha256, size=report.size, encoding=report.encoding,
                                    format=report.format, status=status, notes=list(report.notes), text=f"{TEXTS_DIR}/{report.id}.txt")
        cache.put_text(key, report.text)
        if cached is not None:
            take(cached)
            if progress:
                progress(1)
            continue
        pending.append(report)
        if len(pending) >= batch_size or sum(len(r.text) for r in pending) >= PENDING_CHARS:
            flush()
    try:
        flush()
    finally:
        extractor_pool.close()

    # 3. what the store holds after this build: the inputs, and earlier reports whose files remain
    gone = deleted(previous, set(accepted))
    refused_ids = {e.id for e in manifest.refused() if e.id not in accepted}
    keep: dict[str, Stored] = {}
    for stored in (previous.stored if previous else []):
        if stored.id not in accepted and stored.id not in refused_ids and stored not in gone:
            result = cache.get(stored.cache_key) if stored.cache_key else None
            if result is not None:
                keep[stored.id] = stored
    for report_id, entry in accepted.items():
        keep[report_id] = Stored(id=report_id, path=entry.path, sha256=entry.sha256, cache_key=keys[report_id])

    # 4. the store, changed in a staging copy; or, where nothing changed since the last build and
    # no kg command wrote to the store since (its stamp), the store and the outputs as they are
    summary = BuildSummary(reports=len(accepted), entities=entity_counts, relations=relation_counts)
    reused = unchanged_outputs(previous, extractor, accepted, keep, gone, store_dir, out, backend, validate)
    if reused is not None:
        _reuse_outputs(summary, reused, validate)
        manifest.outputs = reused
        return _finish(manifest, previous, accepted, keep, gone, keys, files, cache, texts, set(keep), summary)
    with staged_store(store_dir, backend) as store:
        held = set(store.reports())
        legacy = held - set(keep) - {s.id for s in gone} - refused_ids
        known = stored_entities(store) if legacy else []
        for report_id in sorted(held - set(keep) - legacy):
            store.remove_report(report_id)
        # the resolution's state in SQLite in the output folder (a scratch file, removed after)
        with Resolver(out / RESOLUTION_FILE) as resolver:
            for node in known:
                resolver.add(node)
            del known
            for report_id in sorted(keep):
                resolver.add(_names_only(cached_result(cache, keep[report_id])))
            resolver.finish()

            def mapped() -> Iterator[tuple[str, Any]]:
                # one whole result at a time, from the cache (every result was put there above)
                for report_id in sorted(keep):
                    result = cached_result(cache, keep[report_id])
                    yield result["doc"], map_report(result, report_path=keep[report_id].path, resolver=resolver)

            if hasattr(store, "bulk_add_reports") and not held:
                # a fresh store: pyoxigraph's bulk loader (the staging copy is swapped in only when complete)
                store.bulk_add_reports(mapped())
            else:
                for doc_id, quads in mapped():
                    store.add_report(doc_id, quads)
        refresh_background(store)
        summary = write_outputs(store, out, summary, validate=validate)
        if graph_counts and summary.graph_counts is None:
            from .graphdata import graph_counts as count_graph

            summary.graph_counts = count_graph(store)

    manifest.outputs = outputs_of(summary, validate, store_dir, backend)
    return _finish(manifest, previous, accepted, keep, gone, keys, files, cache, texts, held, summary)


def _finish(manifest: Any, previous: Any, accepted: dict[str, Any], keep: dict[str, Any], gone: list[Any],
            keys: dict[str, str], files: list[Path], cache: Cache, texts: Path, held: set[str],
            summary: BuildSummary) -> BuildResult:
    """Step 5 of :func:`run_build`: the texts offsets point into, the manifest last (it marks
    the build complete)."""
    from .manifest import MANIFEST_NAME, now

    out = texts.parent
    for report_id in accepted:
        cache.copy_text(keys[report_id], texts / f"{report_id}.txt")
    for stored in (previous.stored if previous else []):
        if stored.id not in keep:
            (texts / f"{stored.id}.txt").unlink(missing_ok=True)
    for entry in manifest.refused():
        if entry.id in held and entry.id not in keep:
            entry.notes.append("the statements of an earlier build of this report were removed")
    order = {str(p): i for i, p in enumerate(files)}
    for entry in accepted.values():
        manifest.record(entry)
    manifest.entries.sort(key=lambda e: order.get(e.path, len(order)))
    manifest.stored = sorted(keep.values(), key=lambda s: s.id)
    manifest.removed = sorted(gone, key=lambda s: s.id)
    cache.keep_only({s.cache_key for s in manifest.stored})
    manifest.finished = now()
    manifest.write(out / MANIFEST_NAME)
    summary.files["manifest"] = str(out / MANIFEST_NAME)
    return BuildResult(summary, manifest)


def _reuse_outputs(summary: BuildSummary, outputs: dict[str, Any], validate: bool) -> None:
    summary.triples = outputs["triples"]
    summary.graph_counts = outputs["graph_counts"]
    summary.files.update(outputs["files"])
    if validate:
        summary.conforms, summary.shacl_report = outputs["conforms"], outputs["shacl_report"]


def _file_facts(path: Path) -> dict[str, Any]:
    """sha256 and size of a refused file, where it can be read (within the size limit)."""
    import hashlib

    from .reading import MAX_REPORT_BYTES

    try:
        size = path.stat().st_size
        if size > MAX_REPORT_BYTES:
            return {"size": size}
        return {"sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "size": size}
    except OSError:
        return {}
