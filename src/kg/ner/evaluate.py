"""NER evaluation: score a model on a UNER ``.iob2`` file by exact span and label.

Owns: ``evaluate`` (micro P/R/F1 overall and per label, with tp/fp/fn counts) and
``format_text`` (a small plain-text table). Text is converted Traditional -> Simplified before
prediction (``predict`` does it; offsets do not move), so Traditional test sets such as
UNER Chinese-PUD can be scored directly.
Hands on: a plain dict, for the CLI (``kg ner evaluate``) and for ``train``'s meta.json.
Must not: print; the CLI does.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from .data import LABELS, read_iob2
from .model import load, predict_texts


def evaluate(path_iob2: str | Path, *, model: Language | str | Path | None = None) -> dict:
    """Score ``model`` (a loaded pipeline, a model path, or None for the shipped one).

    Returns ``{"overall": {"p", "r", "f1", "tp", "fp", "fn"}, "by_label": {"PER": {...}, ...},
    "sentences": n}``.
    """
    sentences = read_iob2(path_iob2, simplify=True)  # bad input fails before the model loads
    nlp = model if isinstance(model, Language) else load(model)
    predicted = predict_texts([s.text for s in sentences], nlp=nlp)
    counts = {label: {"tp": 0, "fp": 0, "fn": 0} for label in LABELS}
    for sentence, spans in zip(sentences, predicted):
        gold = set(sentence.spans)
        guess = {span for span in spans if span[2] in counts}
        for span in guess & gold:
            counts[span[2]]["tp"] += 1
        for span in guess - gold:
            counts[span[2]]["fp"] += 1
        for span in gold - guess:
            counts[span[2]]["fn"] += 1
    total = {key: sum(c[key] for c in counts.values()) for key in ("tp", "fp", "fn")}
    return {
        "overall": _prf(**total),
        "by_label": {label: _prf(**c) for label, c in counts.items()},
        "sentences": len(sentences),
    }


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4), "tp": tp, "fp": fp, "fn": fn}


def format_text(result: dict) -> str:
    """A plain-text table of an ``evaluate`` result.

    >>> row = {"p": 0.5, "r": 1.0, "f1": 0.6667, "tp": 1, "fp": 1, "fn": 0}
    >>> print(format_text({"overall": row, "by_label": {"PER": row}}))
    label        P      R     F1    tp    fp    fn
    PER      0.500  1.000  0.667     1     1     0
    overall  0.500  1.000  0.667     1     1     0
    """
    lines = [f"{'label':<7} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    rows = [*result["by_label"].items(), ("overall", result["overall"])]
    for name, row in rows:
        lines.append(
            f"{name:<7} {row['p']:>6.3f} {row['r']:>6.3f} {row['f1']:>6.3f}"
            f" {row['tp']:>5} {row['fp']:>5} {row['fn']:>5}"
        )
    return "\n".join(lines)
