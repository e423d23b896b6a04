"""Training the relation scorer (``kg train relations``): labelled candidates from the real dev
gold, cross-validated by report, a threshold per predicate, the model written as JSON.

Owns: running the pipeline without the scorer over the gold's reports, labelling each candidate
pair (a gold relation of the same predicate whose subject and object share a normalised name and
type with the pair's), five-fold cross-validation grouped by report (out-of-fold probabilities
choose each predicate's threshold: the one that maximises that predicate's F1 with the rules'
own relations counted in), fitting scikit-learn's LogisticRegression on all of it, and the model
file with its figures. The held-out split is never read here: pass only the dev gold.
Must not: be imported at extraction time (scikit-learn is a training dependency only).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from ...eval import load_jsonl, normalise_name
from ...reading import read_report
from .scorer import RULES, entity_name, pair_features

SEED = 0


def _gold_index(report: dict[str, Any]) -> dict[str, list[tuple[set[str], str, set[str], str]]]:
    ents = {e["id"]: e for e in report["entities"]}
    names = {k: {normalise_name(n) for n in [e["name"], *e.get("aliases", [])] if n} for k, e in ents.items()}
    out: dict[str, list] = {}
    for r in report["relations"]:
        if r["predicate"] in RULES and r["object"] in ents:
            out.setdefault(r["predicate"], []).append((names[r["subject"]], ents[r["subject"]]["type"], names[r["object"]], ents[r["object"]]["type"]))
    return out


def collect(gold_path: str | Path, docs_dir: str | Path, families: tuple[str, ...], *, progress: bool = True) -> list[dict[str, Any]]:
    """One row per candidate: doc, predicate, features, label."""
    from .. import make_nlp
    from . import run_families

    gold = load_jsonl(gold_path)
    nlp = make_nlp()
    rows: list[dict[str, Any]] = []
    docs = sorted(gold)
    it = docs
    if progress:
        from tqdm import tqdm

        it = tqdm(docs, desc="candidates", unit="report")
    for doc_id in it:
        report = read_report(Path(docs_dir) / f"{doc_id}.txt")
        doc = nlp.make_doc(report.text)
        for name, proc in nlp.pipeline:
            if name == "kg_relation_rules":
                break
            doc = proc(doc)
        inp = nlp.get_pipe("kg_relation_rules").inputs(doc)
        run_families(inp, families)
        index = _gold_index(gold[doc_id])
        for s, o, pred, span, f in pair_features(inp):
            ms, mo = inp.mentions[s], inp.mentions[o]
            ns, no = {entity_name(ms), normalise_name(ms.text)}, {entity_name(mo), normalise_name(mo.text)}
            label = any(ts == ms.label and to == mo.label and gs & ns and go & no for gs, ts, go, to in index.get(pred, []))
            rows.append({"doc": doc_id, "pred": pred, "f": f, "y": int(label)})
    return rows


#: the least precision the pairs the scorer adds must have out of fold: a user reads every added
#: statement as a fact, so recall is bought only where most of what is added is right
MIN_ADDED_PRECISION = 0.5
#: the fewest pairs a threshold must add out of fold to be believed: 3 right of 4 is no evidence
MIN_ADDED_PAIRS = 10


def _best_threshold(probs: list[float], ys: list[int], base: dict[str, int]) -> tuple[float, dict[str, float]]:
    """The threshold that maximises F1 of rules + added pairs (base: the rules' tp, fp, fn) among
    those whose added pairs are at least MIN_ADDED_PRECISION right and at least MIN_ADDED_PAIRS."""
    order = sorted(zip(probs, ys), reverse=True)
    tp, fp, fn = base["tp"], base["fp"], base["fn"]
    best = (2 * tp / max(1, 2 * tp + fp + fn), 1.01, 0, 0)
    added_tp = added = 0
    for k, (p, y) in enumerate(order):
        tp, fp, fn = (tp + 1, fp, fn - 1) if y else (tp, fp + 1, fn)
        added_tp, added = added_tp + y, added + 1
        f1 = 2 * tp / max(1, 2 * tp + fp + fn)
        if (f1 > best[0] + 1e-9 and added_tp / added >= MIN_ADDED_PRECISION and added >= MIN_ADDED_PAIRS
                and (k + 1 == len(order) or order[k + 1][0] < p)):
            best = (f1, p, added_tp, added)
    f1, thr, a_tp, a_n = best
    return thr, {"f1_rules": round(2 * base["tp"] / max(1, 2 * base["tp"] + base["fp"] + base["fn"]), 4),
                 "f1_with_scorer": round(f1, 4), "added": a_n, "added_right": a_tp}


def train_scorer(gold_path: str | Path, docs_dir: str | Path, out: str | Path, *, folds: int = 5, progress: bool = True) -> dict[str, Any]:
    """Fit, cross-validate and write ``out`` (JSON); returns the model dict."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    from ...eval import score
    from ...nlp import extract_text
    from . import DEFAULT_FAMILIES

    t0 = time.time()
    families = tuple(f for f in DEFAULT_FAMILIES if f != "scorer")
    rows = collect(gold_path, docs_dir, families, progress=progress)
    gold = load_jsonl(gold_path)
    # the rules' own figures per predicate (the base the scorer adds to)
    import os

    old = os.environ.get("KG_RELATION_SCORER")
    os.environ["KG_RELATION_SCORER"] = "0"
    try:
        pred = {d: extract_text(read_report(Path(docs_dir) / f"{d}.txt").text, d) for d in gold}
    finally:
        if old is None:
            os.environ.pop("KG_RELATION_SCORER", None)
        else:
            os.environ["KG_RELATION_SCORER"] = old
    by_pred = score(gold, pred)["by_predicate"]
    model: dict[str, Any] = {
        "about": "Relation scorer of kg (kg.nlp.relations.scorer): logistic regression over layout and vocabulary features of "
                 "candidate pairs; trained by `kg train relations` on kg's real dev gold (tests/gold/real-dev.jsonl, labels written "
                 "by reading), never on the held-out split. Features hold no report text.",
        "licence": "Apache-2.0 (weights derived from kg's own annotations)",
        "trained": {"gold": Path(gold_path).name, "reports": len(gold), "candidates": len(rows), "folds": folds, "seed": SEED},
        "predicates": {},
    }
    for p in RULES:
        sub = [r for r in rows if r["pred"] == p]
        if not sub or sum(r["y"] for r in sub) < 5:
            continue
        vec = DictVectorizer()
        X = vec.fit_transform([r["f"] for r in sub])
        y = [r["y"] for r in sub]
        groups = [r["doc"] for r in sub]
        oof = [0.0] * len(sub)
        for train_idx, test_idx in GroupKFold(n_splits=folds).split(X, y, groups):
            clf = LogisticRegression(C=0.5, max_iter=2000, random_state=SEED)
            clf.fit(X[train_idx], [y[i] for i in train_idx])
            for i, pr in zip(test_idx, clf.predict_proba(X[test_idx])[:, 1]):
                oof[i] = float(pr)
        base = {k: by_pred.get(p, {}).get(k, 0) for k in ("tp", "fp", "fn")}
        thr, figs = _best_threshold(oof, y, base)
        clf = LogisticRegression(C=0.5, max_iter=2000, random_state=SEED).fit(X, y)
        weights = {name: round(float(w), 5) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) > 1e-6}
        model["predicates"][p] = {
            "threshold": round(thr, 4),
            "bias": round(float(clf.intercept_[0]), 5),
            "weights": dict(sorted(weights.items())),
            "cv": {"candidates": len(sub), "positives": sum(y), **figs},
        }
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(str(out) + ".tmp")
    tmp.write_text(json.dumps(model, ensure_ascii=False, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    tmp.replace(out)  # the same gold and code give the same file, byte for byte
    model["trained"]["seconds"] = round(time.time() - t0, 1)
    return model
