"""Scoring: predictions against gold, exactly as the annotation contract's "Scoring" section says.

This module owns the comparison of predicted reports with gold reports (both in the contract's
JSON Lines shape, see ``ANNOTATION.md``): name normalisation, entity and relation matching, and the
P/R/F1 figures. It hands on one JSON-serialisable ``dict`` of figures (:func:`score`) and a text
rendering of it (:func:`format_text`). It does not extract, read report texts, or print; the CLI
calls it.

Decisions where the contract leaves room (tests in ``tests/test_eval.py`` pin each one):

* **Entities.** A predicted entity may match a gold entity of the same ``type`` whose normalised
  name set (``name`` plus ``aliases``, see :func:`normalise_name`; empty strings dropped) shares at
  least one string with its own. The pairs actually counted are a *maximum one-to-one matching*
  (Hopcroft-Karp, ``networkx``) over those candidate pairs, so the result does not depend on the
  order entities are listed in. Two predicted entities with the same name can match one gold
  entity at most once: the other is a false positive.
* **Relations.** A predicted relation may match a gold relation when the predicates are equal and
  the subjects match, and the objects match, *as entities*: same type and a shared normalised name.
  This is judged on the two entities directly, not through the one-to-one entity assignment above,
  so a relation hanging off a duplicate predicted entity (one the entity matching left as a false
  positive) still matches; the duplicate is penalised once, in the entity score, not again in the
  relation score. For ``standardsCount`` the object is the level word and must be the identical
  string. Counted pairs are again a maximum one-to-one matching.
* **Strict relations** are their own maximum one-to-one matching, with the relation criterion
  plus: every qualifier among ``year``, ``edition``, ``grade``, ``count`` that gold sets (not null
  or absent) equals the predicted one. Qualifiers gold leaves null are not checked; ``role`` is
  not a scored qualifier. ``grade`` is compared after :func:`normalise_name`; the numeric ones by
  integer value, so ``"2015"`` equals ``2015``.
* **Reports.** Scored one by one, counts summed (micro-average). A report only in gold counts all
  its gold items as false negatives; a report only in the predictions counts all its items as
  false positives.
* **Zero denominators.** A ratio whose denominator is 0 is 0.0 (as spaCy's ``PRFScore``): an
  empty gold against an empty prediction gives P = R = F1 = 0.0 with tp = fp = fn = 0, so read
  the counts alongside. F1 is ``2tp / (2tp + fp + fn)``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import EvalError, KgError
from kg.text import normalise_name

__all__ = ["EvalError", "format_groups", "format_text", "group_scores", "load_jsonl", "normalise_name", "score"]

#: Predicates whose ``object`` is a literal level word, not an entity id.
LEVEL_OBJECT_PREDICATES = frozenset({"standardsCount"})
#: Qualifiers the strict score compares, when gold sets them.
STRICT_QUALIFIERS = ("year", "edition", "grade", "count")
#: Qualifiers shown when an error is listed.
SHOWN_QUALIFIERS = ("year", "edition", "grade", "count", "role")

Report = Mapping[str, Any]



def load_jsonl(path: str | os.PathLike[str]) -> dict[str, dict[str, Any]]:
    """Read a gold or prediction file: one report object per line, keyed by its ``doc``.

    Blank lines are skipped. Raises :class:`EvalError` naming the file and line when a line is not
    JSON, not a report in the contract's shape, or repeats a ``doc``.
    """
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise EvalError(
            f"{path}: no such file. Pass a JSON Lines file, one report per line."
        ) from exc
    except UnicodeDecodeError as exc:
        raise EvalError(
            f"{path}: not UTF-8 ({exc.reason} at byte {exc.start}). Save the file as UTF-8."
        ) from exc
    except OSError as exc:
        raise EvalError(f"{path}: cannot be read ({exc.strerror}).") from exc

    reports: dict[str, dict[str, Any]] = {}
    first_line: dict[str, int] = {}
    # Split on "\n" only: JSON strings may hold U+2028 and friends, which splitlines() breaks on.
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            report = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(
                f"{where}: not valid JSON ({exc.msg} at column {exc.colno}). "
                "Each line must hold one complete report object."
            ) from exc
        if not isinstance(report, dict):
            raise EvalError(f"{where}: a report must be a JSON object, not {_json_kind(report)}.")
        doc = report.get("doc")
        if not isinstance(doc, str) or not doc:
            raise EvalError(
                f'{where}: "doc" must be a non-empty string (the report\'s file name).'
            )
        if doc in reports:
            raise EvalError(
                f"{where}: report {doc!r} already given on line {first_line[doc]}. "
                "Keep one line per report."
            )
        _check_report(report, where)
        reports[doc] = report
        first_line[doc] = lineno
    return reports


def score(gold: Mapping[str, Report], pred: Mapping[str, Report]) -> dict[str, Any]:
    """Score predicted reports against gold reports, both keyed by ``doc``.

    Returns ``{"entity", "relation", "strict", "by_type", "by_predicate", "per_doc"}``. The first
    three are ``{"p", "r", "f1", "tp", "fp", "fn"}`` micro-averaged over all reports;
    ``by_type[type]`` is the same for entities of one type; ``by_predicate[predicate]`` adds the
    strict figures as ``strict_p`` ... ``strict_fn``; ``per_doc[doc]`` holds that report's
    ``entity``, ``relation`` and ``strict`` figures and its ``errors``: ``missed_entities``,
    ``false_entities``, ``missed_relations``, ``false_relations`` and ``qualifier_mismatches``
    (gold relations matched leniently but not strictly, with the predicted relation they matched).
    See the module docstring for the matching rules.

    Raises :class:`EvalError` when a report is malformed (e.g. a relation names an unknown entity).
    """
    totals = {kind: _Counts() for kind in ("entity", "relation", "strict")}
    by_type: dict[str, _Counts] = {}
    by_predicate: dict[str, tuple[_Counts, _Counts]] = {}
    per_doc: dict[str, Any] = {}

    for doc in sorted(set(gold) | set(pred)):
        gold_report = gold.get(doc, {})
        pred_report = pred.get(doc, {})
        _check_report(gold_report, f"gold report {doc!r}")
        _check_report(pred_report, f"predicted report {doc!r}")
        result = _score_report(gold_report, pred_report)

        for kind in totals:
            totals[kind].add(result.counts[kind])
        for type_, counts in result.by_type.items():
            by_type.setdefault(type_, _Counts()).add(counts)
        for predicate, (lenient, strict) in result.by_predicate.items():
            sums = by_predicate.setdefault(predicate, (_Counts(), _Counts()))
            sums[0].add(lenient)
            sums[1].add(strict)
        per_doc[doc] = {kind: result.counts[kind].as_dict() for kind in totals}
        per_doc[doc]["errors"] = result.errors

    predicate_figures: dict[str, dict[str, Any]] = {}
    for predicate, (lenient, strict) in sorted(by_predicate.items()):
        figures = lenient.as_dict()
        figures.update({f"strict_{key}": value for key, value in strict.as_dict().items()})
        predicate_figures[predicate] = figures

    return {
        **{kind: counts.as_dict() for kind, counts in totals.items()},
        "by_type": {type_: counts.as_dict() for type_, counts in sorted(by_type.items())},
        "by_predicate": predicate_figures,
        "per_doc": per_doc,
    }


def format_text(scores: Mapping[str, Any], *, show_errors: bool = False) -> str:
    """Render :func:`score`'s result as a plain-text table (ratios to 3 decimals).

    Overall entity / relation / strict figures first, then by entity type, then by predicate
    (lenient and strict side by side). With ``show_errors``, each report's misses and false hits.
    """
    header = f"{'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}"
    n_reports = len(scores.get("per_doc", {}))
    lines = [f"Scores, micro-averaged over {n_reports} report{'' if n_reports == 1 else 's'}"]

    overall = ["entity", "relation", "strict"]
    width = max(len(label) for label in overall)
    lines.append(f"{'':<{width}}  {header}")
    for kind in overall:
        lines.append(f"{kind:<{width}}  {_figures_row(scores[kind])}")

    by_type = scores.get("by_type", {})
    if by_type:
        width = max(len(type_) for type_ in by_type)
        lines += ["", "By entity type", f"{'':<{width}}  {header}"]
        for type_, figures in by_type.items():
            lines.append(f"{type_:<{width}}  {_figures_row(figures)}")

    by_predicate = scores.get("by_predicate", {})
    if by_predicate:
        width = max(len(predicate) for predicate in by_predicate)
        lines += ["", "By predicate (lenient | strict)", f"{'':<{width}}  {header} | {header}"]
        for predicate, figures in by_predicate.items():
            strict = {
                key.removeprefix("strict_"): value
                for key, value in figures.items()
                if key.startswith("strict_")
            }
            lines.append(f"{predicate:<{width}}  {_figures_row(figures)} | {_figures_row(strict)}")

    if show_errors:
        lines += ["", "Errors"]
        reported = 0
        for doc, result in scores.get("per_doc", {}).items():
            error_lines = _error_lines(result["errors"])
            if error_lines:
                reported += 1
                lines.append(doc)
                lines += [f"  {line}" for line in error_lines]
        if not reported:
            lines.append("  none")
    return "\n".join(lines) + "\n"


def group_scores(scores: Mapping[str, Any], groups: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    """Sum :func:`score`'s per-report counts by group (``groups``: doc -> label, e.g. its topic).

    Returns ``{label: {"reports": n, "entity": …, "relation": …, "strict": …}}``, micro-averaged
    within each group; reports without a label fall under ``"?"``.
    """
    sums: dict[str, dict[str, _Counts]] = {}
    sizes: dict[str, int] = {}
    for doc, result in scores.get("per_doc", {}).items():
        label = groups.get(doc, "?")
        sizes[label] = sizes.get(label, 0) + 1
        bucket = sums.setdefault(label, {kind: _Counts() for kind in ("entity", "relation", "strict")})
        for kind, counts in bucket.items():
            figures = result[kind]
            counts.add(_Counts(figures["tp"], figures["fp"], figures["fn"]))
    return {
        label: {"reports": sizes[label], **{kind: c.as_dict() for kind, c in bucket.items()}}
        for label, bucket in sorted(sums.items())
    }


def format_groups(title: str, groups: Mapping[str, Mapping[str, Any]]) -> str:
    """Render :func:`group_scores` as a table: one row per group, F1 of entity / relation / strict."""
    width = max([len(label) for label in groups] + [len(title)])
    lines = [f"{title:<{width}}  {'reports':>7}  {'entity':>6}  {'relation':>8}  {'strict':>6}"]
    for label, fig in groups.items():
        lines.append(
            f"{label:<{width}}  {fig['reports']:>7}  {fig['entity']['f1']:>6.3f}  "
            f"{fig['relation']['f1']:>8.3f}  {fig['strict']['f1']:>6.3f}"
        )
    return "\n".join(lines) + "\n"


# --- counting --------------------------------------------------------------------------------


@dataclass
class _Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: _Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, Any]:
        p = _ratio(self.tp, self.tp + self.fp)
        r = _ratio(self.tp, self.tp + self.fn)
        f1 = _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)
        return {"p": p, "r": r, "f1": f1, "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _ratio(numerator: int, denominator: int) -> float:
    """``numerator / denominator``, and 0.0 when the denominator is 0 (see module docstring)."""
    return numerator / denominator if denominator else 0.0


@dataclass
class _ReportResult:
    counts: dict[str, _Counts]
    by_type: dict[str, _Counts] = field(default_factory=dict)
    by_predicate: dict[str, tuple[_Counts, _Counts]] = field(default_factory=dict)
    errors: dict[str, list[Any]] = field(default_factory=dict)


# --- matching --------------------------------------------------------------------------------


def _score_report(gold: Report, pred: Report) -> _ReportResult:
    """Match one report's predictions against its gold and count the outcome."""
    gold_entities = list(gold.get("entities") or [])
    pred_entities = list(pred.get("entities") or [])
    gold_relations = list(gold.get("relations") or [])
    pred_relations = list(pred.get("relations") or [])

    # Candidate entity pairs: same type, shared normalised name.
    by_key: dict[tuple[str, str], list[int]] = {}
    for g, entity in enumerate(gold_entities):
        for name in _name_set(entity):
            by_key.setdefault((entity["type"], name), []).append(g)
    compatible: set[tuple[int, int]] = set()
    for p, entity in enumerate(pred_entities):
        for name in _name_set(entity):
            compatible.update((g, p) for g in by_key.get((entity["type"], name), ()))
    entity_match = _max_matching(len(gold_entities), len(pred_entities), compatible)

    # Relation endpoints as entity indices (or level words), then candidate pairs.
    gold_index = {entity["id"]: i for i, entity in enumerate(gold_entities)}
    pred_index = {entity["id"]: i for i, entity in enumerate(pred_entities)}

    def endpoints_match(gold_rel: Mapping[str, Any], pred_rel: Mapping[str, Any]) -> bool:
        predicate = gold_rel["predicate"]
        if predicate != pred_rel["predicate"]:
            return False
        if (gold_index[gold_rel["subject"]], pred_index[pred_rel["subject"]]) not in compatible:
            return False
        if predicate in LEVEL_OBJECT_PREDICATES:
            return gold_rel["object"] == pred_rel["object"]
        return (gold_index[gold_rel["object"]], pred_index[pred_rel["object"]]) in compatible

    lenient_pairs: set[tuple[int, int]] = set()
    strict_pairs: set[tuple[int, int]] = set()
    for g, gold_rel in enumerate(gold_relations):
        for p, pred_rel in enumerate(pred_relations):
            if endpoints_match(gold_rel, pred_rel):
                lenient_pairs.add((g, p))
                if _qualifiers_match(gold_rel, pred_rel):
                    strict_pairs.add((g, p))
    relation_match = _max_matching(len(gold_relations), len(pred_relations), lenient_pairs)
    strict_match = _max_matching(len(gold_relations), len(pred_relations), strict_pairs)

    result = _ReportResult(
        counts={
            "entity": _outcome(len(gold_entities), len(pred_entities), entity_match),
            "relation": _outcome(len(gold_relations), len(pred_relations), relation_match),
            "strict": _outcome(len(gold_relations), len(pred_relations), strict_match),
        }
    )

    # By type and by predicate: matched pairs share both, so each side is tallied on its own.
    _tally(result.by_type, "type", gold_entities, pred_entities, entity_match)
    lenient_by_predicate: dict[str, _Counts] = {}
    strict_by_predicate: dict[str, _Counts] = {}
    _tally(lenient_by_predicate, "predicate", gold_relations, pred_relations, relation_match)
    _tally(strict_by_predicate, "predicate", gold_relations, pred_relations, strict_match)
    result.by_predicate = {
        predicate: (counts, strict_by_predicate[predicate])
        for predicate, counts in lenient_by_predicate.items()
    }

    # Errors, for reading: unmatched items, and lenient matches that fail the strict test.
    matched_pred_entities = set(entity_match.values())
    matched_pred_relations = set(relation_match.values())
    result.errors = {
        "missed_entities": [
            _describe_entity(e) for g, e in enumerate(gold_entities) if g not in entity_match
        ],
        "false_entities": [
            _describe_entity(e)
            for p, e in enumerate(pred_entities)
            if p not in matched_pred_entities
        ],
        "missed_relations": [
            _describe_relation(r, gold_entities, gold_index)
            for g, r in enumerate(gold_relations)
            if g not in relation_match
        ],
        "false_relations": [
            _describe_relation(r, pred_entities, pred_index)
            for p, r in enumerate(pred_relations)
            if p not in matched_pred_relations
        ],
        "qualifier_mismatches": [
            {
                "gold": _describe_relation(gold_relations[g], gold_entities, gold_index),
                "pred": _describe_relation(pred_relations[p], pred_entities, pred_index),
            }
            for g, p in sorted(relation_match.items())
            if g not in strict_match
        ],
    }
    return result


def _max_matching(n_gold: int, n_pred: int, pairs: Iterable[tuple[int, int]]) -> dict[int, int]:
    """A maximum one-to-one matching over candidate ``(gold, pred)`` index pairs, as gold -> pred.

    Nodes are plain ints (gold ``0..n_gold-1``, pred shifted by ``n_gold``) and edges are added in
    sorted order, so networkx's Hopcroft-Karp returns the same pairs on every run.
    """
    edges = sorted(pairs)
    if not edges:
        return {}
    import networkx as nx  # imported on first use: it is slow to import and only scoring needs it

    graph = nx.Graph()
    graph.add_nodes_from(range(n_gold + n_pred))
    graph.add_edges_from((g, n_gold + p) for g, p in edges)
    matching = nx.bipartite.maximum_matching(graph, top_nodes=range(n_gold))
    return {g: matching[g] - n_gold for g in range(n_gold) if g in matching}


def _tally(
    table: dict[str, _Counts],
    key: str,
    gold_items: list[Mapping[str, Any]],
    pred_items: list[Mapping[str, Any]],
    match: Mapping[int, int],
) -> None:
    """Add each item's outcome (tp, fn or fp) to ``table[item[key]]``."""
    matched_pred = set(match.values())
    for g, item in enumerate(gold_items):
        counts = table.setdefault(item[key], _Counts())
        if g in match:
            counts.tp += 1
        else:
            counts.fn += 1
    for p, item in enumerate(pred_items):
        counts = table.setdefault(item[key], _Counts())
        if p not in matched_pred:
            counts.fp += 1


def _outcome(n_gold: int, n_pred: int, match: Mapping[int, int]) -> _Counts:
    return _Counts(tp=len(match), fp=n_pred - len(match), fn=n_gold - len(match))


def _name_set(entity: Mapping[str, Any]) -> set[str]:
    names = [entity.get("name") or "", *(entity.get("aliases") or [])]
    return {normalised for normalised in map(normalise_name, names) if normalised}


def _qualifiers_match(gold_rel: Mapping[str, Any], pred_rel: Mapping[str, Any]) -> bool:
    for key in STRICT_QUALIFIERS:
        expected = gold_rel.get(key)
        if expected is None:
            continue
        if _qualifier_value(key, expected) != _qualifier_value(key, pred_rel.get(key)):
            return False
    return True


def _qualifier_value(key: str, value: Any) -> Any:
    """The comparable form of a qualifier: grade normalised, numbers as ints where they are."""
    if value is None:
        return None
    if key == "grade":
        return normalise_name(str(value))
    if isinstance(value, bool):  # bool is an int subclass; true/false is no year or count
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdecimal():
        return int(value.strip())
    return value


# --- validation and description ---------------------------------------------------------------


def _check_report(report: Any, where: str) -> None:
    """Raise :class:`EvalError` unless ``report`` has the contract's entity/relation shape."""
    if not isinstance(report, Mapping):
        raise EvalError(f"{where}: a report must be a JSON object, not {_json_kind(report)}.")
    entities = report.get("entities") or []
    relations = report.get("relations") or []
    if not isinstance(entities, list):
        raise EvalError(f'{where}: "entities" must be a list, not {_json_kind(entities)}.')
    if not isinstance(relations, list):
        raise EvalError(f'{where}: "relations" must be a list, not {_json_kind(relations)}.')

    ids: set[str] = set()
    for i, entity in enumerate(entities):
        at = f"{where}: entities[{i}]"
        if not isinstance(entity, Mapping):
            raise EvalError(f"{at} must be an object, not {_json_kind(entity)}.")
        for key in ("id", "type", "name"):
            if not isinstance(entity.get(key), str):
                raise EvalError(f'{at}: "{key}" must be a string.')
        aliases = entity.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise EvalError(f'{at}: "aliases" must be a list of strings.')
        if entity["id"] in ids:
            raise EvalError(
                f'{at}: id {entity["id"]!r} is used twice. Give each entity its own id.'
            )
        ids.add(entity["id"])

    for i, relation in enumerate(relations):
        at = f"{where}: relations[{i}]"
        if not isinstance(relation, Mapping):
            raise EvalError(f"{at} must be an object, not {_json_kind(relation)}.")
        for key in ("subject", "predicate", "object"):
            if not isinstance(relation.get(key), str):
                raise EvalError(f'{at}: "{key}" must be a string.')
        ends = ["subject", "object"]
        if relation["predicate"] in LEVEL_OBJECT_PREDICATES:
            ends = ["subject"]  # the object is a level word, not an id
        for key in ends:
            if relation[key] not in ids:
                raise EvalError(
                    f"{at}: {key} {relation[key]!r} is not the id of an entity in this report."
                )


def _json_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    kinds = {dict: "an object", list: "a list", str: "a string", type(None): "null"}
    return kinds.get(type(value), type(value).__name__)


def _describe_entity(entity: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "id": entity["id"],
        "type": entity["type"],
        "name": entity["name"],
        "aliases": list(entity.get("aliases") or []),
    }


def _describe_relation(
    relation: Mapping[str, Any], entities: list[Mapping[str, Any]], index: Mapping[str, int]
) -> dict[str, Any]:
    subject = entities[index[relation["subject"]]]
    if relation["predicate"] in LEVEL_OBJECT_PREDICATES:
        object_name = relation["object"]
    else:
        object_name = entities[index[relation["object"]]]["name"]
    described: dict[str, Any] = {
        "subject": subject["name"],
        "predicate": relation["predicate"],
        "object": object_name,
    }
    described.update(
        {key: relation[key] for key in SHOWN_QUALIFIERS if relation.get(key) is not None}
    )
    return described


# --- text rendering ---------------------------------------------------------------------------


def _figures_row(figures: Mapping[str, Any]) -> str:
    return (
        f"{figures['p']:>6.3f} {figures['r']:>6.3f} {figures['f1']:>6.3f} "
        f"{figures['tp']:>5} {figures['fp']:>5} {figures['fn']:>5}"
    )


def _error_lines(errors: Mapping[str, list[Any]]) -> list[str]:
    lines = []
    for entity in errors.get("missed_entities", []):
        lines.append(f"missed entity     {_entity_text(entity)}")
    for entity in errors.get("false_entities", []):
        lines.append(f"false entity      {_entity_text(entity)}")
    for relation in errors.get("missed_relations", []):
        lines.append(f"missed relation   {_relation_text(relation)}")
    for relation in errors.get("false_relations", []):
        lines.append(f"false relation    {_relation_text(relation)}")
    for pair in errors.get("qualifier_mismatches", []):
        predicted = _qualifier_text(pair["pred"]) or "none"
        lines.append(f"wrong qualifiers  {_relation_text(pair['gold'])}; predicted {predicted}")
    return lines


def _entity_text(entity: Mapping[str, Any]) -> str:
    text = f"{entity['type']} {entity['name']}"
    if entity.get("aliases"):
        text += f" (aliases: {', '.join(entity['aliases'])})"
    return text


def _relation_text(relation: Mapping[str, Any]) -> str:
    text = f"{relation['subject']} {relation['predicate']} {relation['object']}"
    qualifiers = _qualifier_text(relation)
    return f"{text} [{qualifiers}]" if qualifiers else text


def _qualifier_text(relation: Mapping[str, Any]) -> str:
    return ", ".join(f"{key}={relation[key]}" for key in SHOWN_QUALIFIERS if key in relation)
