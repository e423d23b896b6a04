"""The learned relation scorer (kg.nlp.relations.scorer) and `kg train relations`.

The model is trained on the real dev gold (labels written by reading); these tests read the
reports from ../shared/corpus at run time and copy no report text.
"""

from __future__ import annotations

import json
import re

import pytest

from kg.nlp.relations import scorer
from tests.conftest import ROOT, run

MODEL = json.loads((ROOT / "src/kg/data/relations/scorer.json").read_text(encoding="utf-8"))
FEATURE_RE = re.compile(r"^(receivedAward|locatedIn|worksFor)(?:\|[a-z_]+=[^|]{0,40})?$")


def test_the_shipped_model_holds_weights_of_vocabulary_features_only():
    """No report text in the model: every feature is a predicate and a named layout or vocabulary
    value (a type, a bucket, y/n, one punctuation mark, a rule family)."""
    assert set(MODEL["predicates"]) <= set(scorer.RULES)
    for pred, m in MODEL["predicates"].items():
        assert 0 < m["threshold"] <= 1.01
        for name in m["weights"]:
            assert FEATURE_RE.match(name), name
            value = name.split("=", 1)[1] if "=" in name else ""
            assert not re.search(r"[\u4e00-\u9fff]{2,}", value.replace("和", "").replace("及", "")) or value in (
                "Company", "Institution"), name
        assert m["cv"]["f1_with_scorer"] >= m["cv"]["f1_rules"], "the threshold never makes the predicate worse out of fold"
    assert "heldout" not in MODEL["trained"]["gold"]


def test_probability_is_the_logistic_of_the_weighted_features():
    w = {"a": 2.0, "b": -1.0}
    assert scorer.probability(w, 0.0, {}) == pytest.approx(0.5)
    assert scorer.probability(w, 0.5, {"a": 1.0, "b": 1.0}) == pytest.approx(1 / (1 + 2.718281828459045 ** -1.5))


def test_the_shipped_thresholds_add_pairs_only_where_cross_validation_believed_them():
    """A predicate's threshold lets the scorer add pairs only where, out of fold, it added at least
    MIN_ADDED_PAIRS and at least half of them were right; else it is above 1 and adds none."""
    from kg.nlp.relations.training import MIN_ADDED_PAIRS, MIN_ADDED_PRECISION

    for pred, m in MODEL["predicates"].items():
        if m["threshold"] <= 1.0:
            assert m["cv"]["added"] >= MIN_ADDED_PAIRS, pred
            assert m["cv"]["added_right"] / m["cv"]["added"] >= MIN_ADDED_PRECISION, pred
        else:
            assert m["cv"]["added"] == 0, pred


def test_the_scorer_adds_the_pairs_its_threshold_lets_through(corpus_docs, monkeypatch):
    """With a predicate's threshold lowered, the scorer adds candidate pairs of that predicate no rule
    read (rule id scorer.*); at the shipped threshold it adds only what cross-validation allowed."""
    import copy

    from kg.nlp import extract_text

    text = (corpus_docs / "real-116.txt").read_text(encoding="utf-8")
    low = copy.deepcopy(scorer.model())
    for m in low["predicates"].values():
        m["threshold"] = 0.2
    monkeypatch.setattr(scorer, "model", lambda: low)
    added = [r for r in extract_text(text, "real-116")["relations"] if r["rule"].startswith("scorer.")]
    assert added and {r["rule"] for r in added} <= set(scorer.RULES.values())


def test_kg_relation_scorer_off_gives_the_rules_alone(corpus_docs, monkeypatch):
    from kg.nlp import extract_text

    text = (corpus_docs / "real-108.txt").read_text(encoding="utf-8")
    monkeypatch.setenv("KG_RELATION_SCORER", "0")
    assert not any(r["rule"].startswith("scorer.") for r in extract_text(text, "real-108")["relations"])


@pytest.mark.slow
def test_cli_train_relations_writes_a_model_with_cross_validated_figures(tmp_path, corpus_docs):
    out = tmp_path / "scorer.json"
    result = run("train", "relations", "--gold", str(ROOT / "tests/gold/real-dev.jsonl"), "--reports", str(corpus_docs),
                 "--out", str(out), "--limit", "80", "--quiet")
    assert result.exit_code == 0, result.output
    model = json.loads(out.read_text(encoding="utf-8"))
    assert model["trained"]["reports"] == 80 and model["trained"]["folds"] == 5
    assert "cross-validated F1" in result.output
    for m in model["predicates"].values():
        assert m["cv"]["candidates"] > 0 and all(FEATURE_RE.match(k) for k in m["weights"])


def test_cli_train_relations_refuses_a_missing_gold(tmp_path):
    result = run("train", "relations", "--gold", str(tmp_path / "nope.jsonl"), "--reports", str(tmp_path), "--out", str(tmp_path / "m.json"))
    assert result.exit_code != 0 and "no such gold file" in result.output
