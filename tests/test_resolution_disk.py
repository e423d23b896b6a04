"""The cross-report resolution with its state in SQLite gives the keys the in-memory one gave.

``kg.resolution.resolve`` keeps every entity's names, keys and the union-find in a SQLite file
(issue 14: flat memory); ``tests/resolution_reference.py`` is the in-memory resolver it replaced.
Both run on the same inputs: the development gold (real names, 225 reports), generated reports,
and a build's stored nodes; every entity must get the same key, and every name the same
canonical key. The whole real corpus, extracted, is compared in test_resolution_real.py.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import resolution_reference as reference
from kg.resolution import Resolver, resolve

ROOT = Path(__file__).resolve().parents[1]
DEV_GOLD = ROOT / "tests" / "gold" / "real-dev.jsonl"


def assert_same_keys(results: list[dict], *, link_aliases: bool = True) -> dict[str, int]:
    """Resolve ``results`` both ways; every (doc, id) and every name must get the same key.
    Returns how many entities and merged groups there were (so a caller can check the inputs
    exercised the merges)."""
    old = reference.resolve(results, link_aliases=link_aliases)
    with resolve(results, link_aliases=link_aliases) as new:
        differ = [ref for ref, key in old.keys.items() if new.key(*ref) != key]
        assert not differ, f"{len(differ)} of {len(old.keys)} entities get another key, e.g. {differ[:5]}"
        assert new.groups() == old.groups()
        names = [(e["type"], n, r["doc"]) for r in results for e in r["entities"] for n in [e["name"], *e.get("aliases", [])]][:3000]
        wrong = [(t, n, d) for t, n, d in names if new.canonical(t, n, d) != old.canonical(t, n, d)]
        assert not wrong, f"{len(wrong)} names get another canonical key, e.g. {wrong[:5]}"
        assert not [t for t, n, _ in names[:300] if new.canonical(t, n) != old.canonical(t, n)]
        merged = sum(1 for refs in old.groups().values() if len(refs) > 1)
    return {"entities": len(old.keys), "merged": merged}


def _dev_gold() -> list[dict]:
    return [json.loads(line) for line in DEV_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("link_aliases", [True, False])
def test_same_keys_as_the_in_memory_resolver_on_the_dev_gold(link_aliases):
    counts = assert_same_keys(_dev_gold(), link_aliases=link_aliases)
    assert counts["entities"] > 2000
    if link_aliases:
        assert counts["merged"] > 50  # names shared across reports were merged, not only kept apart


def test_same_keys_in_any_order_of_the_reports():
    results = _dev_gold()
    assert_same_keys(results[::-1])
    assert_same_keys(sorted(results, key=lambda r: -len(r["entities"])))


def test_same_keys_on_generated_reports():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    results = [generate.report(3, i)[1] for i in range(300)]
    counts = assert_same_keys(results)
    assert counts["merged"] > 100


def test_same_keys_with_a_stores_nodes(built):
    """The pseudo-reports of a store's nodes (``build.stored_entities``, with given contexts)."""
    from kg.build import stored_entities
    from kg.store import open_store

    store = open_store("oxigraph", built["store"])
    try:
        known = stored_entities(store)
    finally:
        store.close()
    assert known
    assert_same_keys([*known, *_dev_gold()[:60]])


def test_the_state_is_a_file_that_close_removes(tmp_path):
    path = tmp_path / "resolution.sqlite"
    resolver = Resolver(path)
    resolver.add({"doc": "a", "entities": [{"id": "e1", "type": "Company", "name": "中联重科"}]})
    with pytest.raises(RuntimeError, match="finish"):
        resolver.key("a", "e1")
    resolver.finish()
    assert path.exists() and resolver.key("a", "e1") == "中联重科"
    with pytest.raises(KeyError):
        resolver.key("a", "e9")
    with pytest.raises(RuntimeError, match="finished"):
        resolver.add({"doc": "b", "entities": []})
    resolver.close()
    assert not path.exists()


def test_a_stale_state_file_is_replaced(tmp_path):
    path = tmp_path / "resolution.sqlite"
    path.write_bytes(b"left over by a killed build")
    with resolve([{"doc": "a", "entities": [{"id": "e1", "type": "Company", "name": "中联重科"}]}], path=path) as resolver:
        assert resolver.key("a", "e1") == "中联重科"
