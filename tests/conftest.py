"""Shared fixtures: the seed reports, and one build of them into a temporary store."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
#: The real reports (third-party text, never committed): read at run time from the shared folder.
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus_docs() -> Path:
    """The folder of the real reports; tests that need it skip with the reason where it is absent."""
    docs = CORPUS / "docs"
    if not docs.is_dir():
        pytest.skip(f"the real corpus is not at {docs} (it lives in ../shared beside the repository)")
    return docs


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """``kg build seeds/`` once per session; returns the store and output folders."""
    base = tmp_path_factory.mktemp("build")
    store, out = base / "store", base / "out"
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--store", str(store), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return {"store": store, "out": out, "base": base}


def run(*args: str) -> "CliRunner.invoke":
    return CliRunner().invoke(main, list(args))


# -- hypothesis: a few hundred examples per property in CI, 10,000 in the nightly run ----------
# Select with KG_HYPOTHESIS_PROFILE=ci|nightly|dev (default ci), e.g.
#   KG_HYPOTHESIS_PROFILE=nightly python -m pytest -q tests/test_properties.py
try:
    import os as _os

    from hypothesis import HealthCheck, settings

    _common = dict(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    settings.register_profile("ci", max_examples=300, derandomize=True, **_common)
    settings.register_profile("nightly", max_examples=10_000, **_common)
    settings.register_profile("dev", max_examples=30, **_common)
    settings.load_profile(_os.environ.get("KG_HYPOTHESIS_PROFILE", "ci"))
except ImportError:  # pragma: no cover - hypothesis is in the test extra
    pass


def relations_by_name(text: str, predicate: str) -> dict[tuple[str, str], dict]:
    """The ``predicate`` relations the extractor reads in ``text``, keyed by (subject name,
    object name or value): the phrasing tests' one way to ask what a sentence gives."""
    from kg.nlp import extract_text

    result = extract_text(text)
    names = {e["id"]: e["name"] for e in result["entities"]}
    return {
        (names[r["subject"]], names.get(r["object"], r["object"])): r
        for r in result["relations"] if r["predicate"] == predicate
    }
