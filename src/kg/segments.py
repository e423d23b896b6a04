"""Segments: extracting from a report too long for one pass of the pipeline.

Owns: cutting a long text into segments at line ends (else at sentence ends, else at a hard
limit), running the extractor on each segment in turn, and merging the segments' results into one
contract object whose offsets point into the whole text. Memory then grows with the size of the
result, not with spaCy's document of the whole text (spaCy refuses texts over ``nlp.max_length``,
one million characters, and its memory grows with the text).

A report of at most ``SEGMENT_CHARS`` characters is extracted in one piece, exactly as before, so
this changes nothing for reports of ordinary size. Across segments, entities of one type that
share a normalised name or alias become one entity (the longest name is its name); a short form
declared in one segment is not linked to its full name in another. Must not: know any extraction
rule (that is ``kg.nlp``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any

from .reading import Report
from .text import normalise_name

#: Reports longer than this are extracted segment by segment.
SEGMENT_CHARS = 200_000
_SENTENCE_END = re.compile(r"[。！？；!?;]")

Extractor = Callable[[Iterable[Report]], Iterator[dict[str, Any]]]


def cut_points(text: str, limit: int = SEGMENT_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of segments of at most ``limit`` characters covering ``text``: each ends
    after the last line break in its second half, else after the last sentence end, else at the
    limit.

    >>> cut_points("ab\\ncd\\nef", 4)
    [(0, 3), (3, 6), (6, 8)]
    """
    out = []
    start, n = 0, len(text)
    while n - start > limit:
        window_from, window_to = start + limit // 2, start + limit
        end = text.rfind("\n", window_from, window_to) + 1
        if end <= 0:
            ends = [m.end() for m in _SENTENCE_END.finditer(text, window_from, window_to)]
            end = ends[-1] if ends else window_to
        out.append((start, end))
        start = end
    out.append((start, n))
    return out


def extract_report(report: Report, extract: Extractor, *, limit: int = SEGMENT_CHARS) -> dict[str, Any]:
    """Extract ``report`` with ``extract`` (e.g. ``kg.nlp.extract_many``), segment by segment
    when it is longer than ``limit``."""
    if len(report.text) <= limit:
        return next(extract([report]))
    results = []
    for start, end in cut_points(report.text, limit):
        piece = replace(report, text=report.text[start:end])
        results.append((start, next(extract([piece]))))
    return merge(report.id, results)


def extract_reports(reports: Iterable[Report], extract: Extractor, *, limit: int = SEGMENT_CHARS) -> Iterator[dict[str, Any]]:
    """Extract each report (short ones in batches through ``extract``, long ones by segments)."""
    batch: list[Report] = []
    for report in reports:
        if len(report.text) > limit:
            yield from extract(batch) if batch else ()
            batch = []
            yield extract_report(report, extract, limit=limit)
        else:
            batch.append(report)
    if batch:
        yield from extract(batch)


def merge(doc: str, results: list[tuple[int, dict[str, Any]]]) -> dict[str, Any]:
    """One contract object from segment results ``(offset, result)``: offsets shifted, entities
    of one type sharing a normalised name or alias merged, relations renumbered and deduplicated."""
    entities: list[dict[str, Any]] = []
    index: dict[tuple[str, str], int] = {}
    relations: list[dict[str, Any]] = []
    seen: set[str] = set()
    for offset, result in results:
        local: dict[str, int] = {}
        for entity in result["entities"]:
            keys = [(entity["type"], normalise_name(n)) for n in [entity["name"], *entity.get("aliases", [])]]
            slot = next((index[k] for k in keys if k in index), None)
            if slot is None:
                slot = len(entities)
                entities.append({"type": entity["type"], "names": set(), "mentions": []})
            target = entities[slot]
            target["names"].update([entity["name"], *entity.get("aliases", [])])
            target["mentions"].extend([a + offset, b + offset] for a, b in entity["mentions"])
            for k in keys:
                index.setdefault(k, slot)
            local[entity["id"]] = slot
        for relation in result["relations"]:
            # an object that is no entity id (standardsCount's "international") stays as it is
            moved = dict(relation, subject=local.get(relation["subject"], relation["subject"]),
                         object=local.get(relation["object"], relation["object"]))
            if relation.get("evidence_span"):
                moved["evidence_span"] = [relation["evidence_span"][0] + offset, relation["evidence_span"][1] + offset]
            key = repr(sorted(moved.items()))
            if key not in seen:
                seen.add(key)
                relations.append(moved)
    ids = {}
    out_entities = []
    for slot, entity in enumerate(entities):
        names = sorted(entity["names"], key=lambda n: (-len(n), n))
        ids[slot] = f"e{slot + 1}"
        out_entities.append({"id": ids[slot], "type": entity["type"], "name": names[0], "aliases": sorted(names[1:]),
                             "mentions": sorted(entity["mentions"])})
    for relation in relations:
        for end in ("subject", "object"):
            if isinstance(relation[end], int):
                relation[end] = ids[relation[end]]
    return {"doc": doc, "entities": out_entities, "relations": relations}
