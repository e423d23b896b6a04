"""Gold for real reports: anchoring annotators' drafts to the text, and checking gold files.

Owns: the contract's type signature of each predicate (which entity types may stand as subject and
object), the checks every gold file passes (:func:`check_report`), turning an annotator's draft
into contract gold without copying report text (:func:`anchor_report`: an evidence quote becomes a
``[start, end]`` span, mentions are found), and reading the real corpus's ``index.tsv`` for
breakdowns by topic and script. Must not: extract, score, or write report text anywhere.

Real reports are third-party text: gold kept in the project holds ids, offsets, names, labels
and qualifiers, and an evidence span into the report instead of a copied sentence.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import EvalError
from .text import normalise_name

ENTITY_TYPES = frozenset(
    {"Company", "GovernmentAgency", "Institution", "StandardsBody", "Park", "Place", "Award", "Standard", "Person"}
)
_ORGS = frozenset({"Company", "GovernmentAgency", "Institution"})
#: predicate -> (allowed subject types, allowed object types); None: the object is a level word.
SIGNATURES: Mapping[str, tuple[frozenset[str], frozenset[str] | None]] = {
    "receivedAward": (_ORGS | {"Park", "Place", "Person"}, frozenset({"Award"})),
    "locatedIn": (_ORGS | {"StandardsBody", "Park", "Place"}, frozenset({"Park", "Place"})),
    "subsidiaryOf": (frozenset({"Company", "Institution"}), _ORGS),
    "secretariatOf": (_ORGS, frozenset({"StandardsBody"})),
    "contributedToStandard": (_ORGS, frozenset({"Standard"})),
    "appliesStandard": (frozenset({"Company", "Institution"}), frozenset({"Standard"})),
    "standardsCount": (frozenset({"Company", "Institution", "Park", "Place"}), None),
    "worksFor": (frozenset({"Person"}), _ORGS),
}
#: (predicate, subject type) pairs whose objects are narrower than the signature says
#: (the contract: Park, Place -> Place only, so a Place is never locatedIn a Park).
NARROWER = {("locatedIn", "Place"): frozenset({"Place"})}
LEVELS = frozenset({"international", "national", "industry", "group", "local", "enterprise"})
#: An evidence span longer than this is no sentence, row or list item (most likely a mistake).
MAX_EVIDENCE = 600


def check_report(report: Mapping[str, Any], text: str) -> list[str]:
    """Return every way ``report`` (contract gold with span evidence) breaks the rules, for ``text``.

    Checked: entity types, unique ids, every name and alias found in the text (after the
    contract's normalisation), no two entities of one type sharing a name, mentions inside the
    text and spelling a name, predicates and their subject/object types, qualifiers well formed,
    an evidence span ``[start, end]`` inside the text, one relation per triple.
    """
    problems: list[str] = []
    norm_text = normalise_name(text)
    entities = {}
    seen_names: dict[tuple[str, str], str] = {}
    for i, ent in enumerate(report.get("entities") or []):
        at = f"entity {ent.get('id', i)!r}"
        if ent.get("id") in entities:
            problems.append(f"{at}: id used twice")
        entities[ent.get("id")] = ent
        if ent.get("type") not in ENTITY_TYPES:
            problems.append(f"{at}: type {ent.get('type')!r} is not one of the contract's nine")
        names = [ent.get("name") or ""] + list(ent.get("aliases") or [])
        for name in names:
            key = normalise_name(name)
            if not key:
                problems.append(f"{at}: empty name or alias")
                continue
            if key not in norm_text:
                problems.append(f"{at}: {name!r} does not occur in the text")
            other = seen_names.setdefault((ent.get("type"), key), ent.get("id"))
            if other != ent.get("id"):
                problems.append(f"{at}: {name!r} is also a name of {other!r} (same type)")
        keys = {normalise_name(n) for n in names}
        for start, end in ent.get("mentions") or []:
            if not (0 <= start < end <= len(text)) or normalise_name(text[start:end]) not in keys:
                problems.append(f"{at}: mention [{start}, {end}] does not spell one of its names")
    triples = set()
    for i, rel in enumerate(report.get("relations") or []):
        at = f"relation {i} ({rel.get('predicate')})"
        signature = SIGNATURES.get(rel.get("predicate"))
        if signature is None:
            problems.append(f"{at}: predicate is not one of the contract's eight")
            continue
        subjects, objects = signature
        subj = entities.get(rel.get("subject"))
        if subj is None:
            problems.append(f"{at}: subject {rel.get('subject')!r} is no entity of this report")
        elif subj.get("type") not in subjects:
            problems.append(f"{at}: a {subj.get('type')} cannot be its subject")
        if objects is None:
            if rel.get("object") not in LEVELS:
                problems.append(f"{at}: object must be a level word ({', '.join(sorted(LEVELS))})")
            if not _positive_int(rel.get("count")):
                problems.append(f"{at}: count must be a positive integer")
        else:
            obj = entities.get(rel.get("object"))
            if obj is None:
                problems.append(f"{at}: object {rel.get('object')!r} is no entity of this report")
            elif obj.get("type") not in NARROWER.get((rel.get("predicate"), subj and subj.get("type")), objects):
                problems.append(f"{at}: a {obj.get('type')} cannot be its object")
        problems += [f"{at}: {p}" for p in _qualifier_problems(rel)]
        evidence = rel.get("evidence")
        if not (isinstance(evidence, list) and len(evidence) == 2 and all(isinstance(x, int) for x in evidence)):
            problems.append(f"{at}: evidence must be a span [start, end]")
        elif not (0 <= evidence[0] < evidence[1] <= len(text)) or evidence[1] - evidence[0] > MAX_EVIDENCE:
            problems.append(f"{at}: evidence span {evidence} is outside the text or too long")
        triple = (rel.get("subject"), rel.get("predicate"), rel.get("object"), rel.get("count"))
        if triple in triples:
            problems.append(f"{at}: the same triple is annotated twice")
        triples.add(triple)
    return problems


def _positive_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _qualifier_problems(rel: Mapping[str, Any]) -> list[str]:
    out = []
    year = rel.get("year")
    if year is not None and not (_positive_int(year) and 1949 <= year <= 2030):
        out.append(f"year {year!r} is not a four-digit year")
    if rel.get("edition") is not None and not _positive_int(rel.get("edition")):
        out.append("edition must be a positive integer")
    for key in ("grade", "role"):
        if rel.get(key) is not None and not (isinstance(rel[key], str) and rel[key].strip()):
            out.append(f"{key} must be a non-empty string or null")
    if rel.get("grade") is not None and rel.get("predicate") != "receivedAward":
        out.append("only receivedAward takes a grade")
    if rel.get("role") is not None and rel.get("predicate") != "worksFor":
        out.append("only worksFor takes a role")
    if rel.get("count") is not None and rel.get("predicate") != "standardsCount":
        out.append("only standardsCount takes a count")
    return out


# --- drafts -> gold ----------------------------------------------------------------------------

_QUALIFIERS = ("year", "edition", "grade", "count", "role")


def anchor_report(draft: Mapping[str, Any], text: str) -> tuple[dict[str, Any], list[str]]:
    """Turn an annotator's draft into contract gold for ``text``; return ``(gold, problems)``.

    A draft is contract-shaped, but a relation's ``evidence`` is a quote of the text (the
    sentence, row or list item that states it) and mentions may be absent. The quote becomes the
    span of its first occurrence (matched exactly, else ignoring white space); mentions are every
    occurrence of a name or alias not inside a longer name of another entity. The gold carries
    no text of the report but its entities' names.
    """
    problems: list[str] = []
    spans = _name_spans(draft.get("entities") or [], text)
    entities = []
    for ent in draft.get("entities") or []:
        entities.append({
            "id": ent.get("id"), "type": ent.get("type"), "name": ent.get("name"),
            "aliases": list(ent.get("aliases") or []), "mentions": spans.get(ent.get("id"), []),
        })
    relations = []
    for i, rel in enumerate(draft.get("relations") or []):
        out = {k: rel.get(k) for k in ("subject", "predicate", "object")}
        out.update({k: rel[k] for k in _QUALIFIERS if rel.get(k) is not None})
        quote = rel.get("evidence")
        span = find_quote(quote, text) if isinstance(quote, str) else None
        if isinstance(quote, list):
            span = quote
        if span is None:
            problems.append(f"relation {i} ({rel.get('predicate')}): evidence quote not found in the text")
        out["evidence"] = span
        relations.append(out)
    gold = {"doc": draft.get("doc"), "entities": entities, "relations": relations}
    return gold, problems + check_report(gold, text)


def find_quote(quote: str, text: str) -> list[int] | None:
    """The ``[start, end]`` of ``quote`` in ``text``: exact first, else ignoring white space."""
    quote = quote.strip()
    if not quote:
        return None
    at = text.find(quote)
    if at >= 0:
        return [at, at + len(quote)]
    pattern = r"\s*".join(re.escape(ch) for ch in re.sub(r"\s+", "", quote))
    m = re.search(pattern, text)
    return [m.start(), m.end()] if m else None


def _name_spans(entities: list[Mapping[str, Any]], text: str) -> dict[str, list[list[int]]]:
    """Leftmost-longest occurrences of every entity's names, as written, that no longer name covers."""
    names = sorted(
        {(n, e.get("id")) for e in entities for n in [e.get("name") or ""] + list(e.get("aliases") or []) if n},
        key=lambda item: -len(item[0]),
    )
    taken = [False] * len(text)
    spans: dict[str, list[list[int]]] = {}
    for name, ent_id in names:
        for m in re.finditer(re.escape(name), text):
            if any(taken[m.start():m.end()]):
                continue
            taken[m.start():m.end()] = [True] * (m.end() - m.start())
            spans.setdefault(ent_id, []).append([m.start(), m.end()])
    return {k: sorted(v) for k, v in spans.items()}


# --- the corpus index --------------------------------------------------------------------------


def read_index(path: str | Path) -> dict[str, dict[str, str]]:
    """``index.tsv`` of the real corpus as ``{id: row}`` (columns topic, script, layout, ...)."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return {row["id"]: row for row in csv.DictReader(handle, delimiter="\t")}
    except (OSError, KeyError) as exc:
        raise EvalError(f"{path}: cannot read a corpus index with an 'id' column ({exc}).") from exc
