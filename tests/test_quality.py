"""Extraction quality on the five seed reports against the hand gold, scored by the contract.

Two kinds of floor:

- ``MEASURED``: just under what the extractor measures today, so that a change which loses
  quality fails here (a ratchet: raise it when quality rises, never lower it to pass).
- ``TARGET``: the floors issue 4 asks for (entity F1 0.95, relation F1 0.90, strict 0.85), met
  by the rules alone (the statistical model adds a little on top).

The split (tuning reports 000, 001, 003; check reports 002, 004) is scored too: the check figures
are what a rule that memorises the tuning reports would not raise.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.eval import load_jsonl, score
from kg.nlp import extract
from kg.reading import read_report

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "seeds.jsonl"
TUNE = ("000", "001", "003")
CHECK = ("002", "004")

#: entity F1, relation F1, strict relation F1 measured on all five seeds, minus a small margin
MEASURED = {"entity": 0.95, "relation": 0.90, "strict": 0.90}
#: what the check split measures, minus a margin (it is smaller, so it moves more per error)
MEASURED_CHECK = {"entity": 0.91, "relation": 0.90, "strict": 0.90}
#: the composed development reports of tests/dev … dev5 (other provinces, Taiwan, Hong
#: Kong, Macau), rules alone, minus a margin: used to find patterns, never names, so a fall means a
#: pattern broke
MEASURED_DEV = {
    "dev": {"entity": 0.94, "relation": 0.94, "strict": 0.93},
    "dev2": {"entity": 0.95, "relation": 0.91, "strict": 0.91},
    "dev3": {"entity": 0.97, "relation": 0.96, "strict": 0.96},
    "dev4": {"entity": 0.92, "relation": 0.85, "strict": 0.85},
    "dev5": {"entity": 0.92, "relation": 0.77, "strict": 0.76},
}
TARGET = {"entity": 0.95, "relation": 0.90, "strict": 0.85}


@pytest.fixture(scope="module")
def predicted() -> dict[str, dict]:
    # the rules alone: the statistical model is measured on its own terms (tests/test_ner.py)
    old = os.environ.get("KG_NER")
    os.environ["KG_NER"] = "0"
    try:
        return {r.id: extract(r) for r in (read_report(p) for p in sorted((ROOT / "seeds").glob("*.txt")))}
    finally:
        if old is None:
            os.environ.pop("KG_NER", None)
        else:
            os.environ["KG_NER"] = old


def _scores(predicted: dict[str, dict], prefixes: tuple[str, ...] | None = None) -> dict:
    gold = load_jsonl(GOLD)
    ids = [d for d in gold if prefixes is None or d[:3] in prefixes]
    return score({d: gold[d] for d in ids}, {d: predicted[d] for d in ids})


def test_quality_on_all_seeds_keeps_the_measured_floor(predicted):
    scores = _scores(predicted)
    for key, floor in MEASURED.items():
        assert scores[key]["f1"] >= floor, f"{key} F1 {scores[key]['f1']:.3f} fell below {floor}"


def test_quality_on_the_check_split_keeps_its_floor(predicted):
    scores = _scores(predicted, CHECK)
    for key, floor in MEASURED_CHECK.items():
        assert scores[key]["f1"] >= floor, f"check-split {key} F1 {scores[key]['f1']:.3f} fell below {floor}"


@pytest.mark.parametrize("folder", sorted(MEASURED_DEV))
def test_quality_on_the_development_reports_keeps_its_floor(folder):
    dev = ROOT / "tests" / folder
    gold = load_jsonl(dev / "gold.jsonl")
    old = os.environ.get("KG_NER")
    os.environ["KG_NER"] = "0"
    try:
        pred = {r.id: extract(r) for r in (read_report(p) for p in sorted(dev.glob("*.txt")))}
    finally:
        if old is None:
            os.environ.pop("KG_NER", None)
        else:
            os.environ["KG_NER"] = old
    scores = score(gold, {d: pred[d] for d in gold})
    for key, floor in MEASURED_DEV[folder].items():
        assert scores[key]["f1"] >= floor, f"{folder} {key} F1 {scores[key]['f1']:.3f} fell below {floor}"


def test_check_split_is_not_far_behind_the_tuning_split(predicted):
    """Rules that only help the tuning reports would open this gap (issue 4: at most 0.05)."""
    tune, check = _scores(predicted, TUNE), _scores(predicted, CHECK)
    for key in ("entity", "relation", "strict"):
        assert tune[key]["f1"] - check[key]["f1"] <= 0.05, key


def test_relations_reach_the_issue_target(predicted):
    scores = _scores(predicted)
    assert scores["relation"]["f1"] >= TARGET["relation"]
    assert scores["strict"]["f1"] >= TARGET["strict"]


def test_entities_reach_the_issue_target(predicted):
    assert _scores(predicted)["entity"]["f1"] >= TARGET["entity"]


# --- the real reports (issue 11) -------------------------------------------------------------
#: entity / relation / strict F1 on the real gold (tests/gold/real-*.jsonl, reports read from
#: ../shared/corpus at run time), the extractor as shipped (rules and NER), minus a small margin:
#: the first-run figures, raised as the extractor improves, never lowered to pass. The held-out
#: figures are read by hand at most once a session and logged in tests/gold/REAL.md.
MEASURED_REAL = {
    # ninth session (code 6086d91): as shipped 0.934 / 0.856 / 0.828, rules alone
    # 0.927 / 0.851 / 0.823; the shipped NER is trained on this split, so the entity floor sits
    # below the rules-alone figure (tests/gold/REAL.md)
    "real-dev.jsonl": {"entity": 0.925, "relation": 0.845, "strict": 0.815},
    # the held-out split's ninth reading (2026-12-08, ninth session, code 6086d91, logged in
    # REAL.md: 0.848 / 0.606 / 0.541) minus 0.010-0.011
    "real-heldout.jsonl": {"entity": 0.838, "relation": 0.595, "strict": 0.530},
}


@pytest.mark.parametrize("name", sorted(MEASURED_REAL))
def test_quality_on_the_real_reports_keeps_its_floor(name, corpus_docs):
    gold = load_jsonl(ROOT / "tests" / "gold" / name)
    pred = {d: extract(read_report(corpus_docs / f"{d}.txt")) for d in gold}
    scores = score(gold, pred)
    for key, floor in MEASURED_REAL[name].items():
        assert scores[key]["f1"] >= floor, f"{name} {key} F1 fell below its floor {floor}"
