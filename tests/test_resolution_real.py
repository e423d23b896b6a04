"""No two unrelated companies share a node when the whole real corpus is resolved (issue 13).

Every report of ../shared/corpus is extracted (the extractor as shipped) and resolved with
``kg.resolution.resolve``, the resolution ``kg build`` runs; then every merged Company node must
hold only compatible names: after the contract's normalisation, leading places, bracketed
qualifiers, quotes and the legal form dropped, the shorter core is the longer one, part of it, or
an in-order contraction of it that starts where it starts, and it is no bare trade word (科技,
电子: a name cut down to its trade word names no firm). The held-out split's reports are
extracted like the others but never shown: a failure lists only groups of development reports.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from kg.nlp import extract_many
from kg.reading import read_report
from kg.resolution import _split_places, _strip_legal, resolve
from kg.text import normalise_name

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = frozenset((ROOT / "tests" / "gold" / "real-heldout.ids").read_text(encoding="utf-8").split())
#: trade and form words that name no firm on their own
TRADE_WORDS = (
    "科技 实业 电子 新能源 新材料 新材 药业 电气 电器 电机 机械 重工 汽车 能源 环保 生物 医药 食品 股份 控股 智能 信息 软件 "
    "通信 光电 微电子 半导体 化工 钢铁 物流 传媒 精工 精密 陶瓷 瓷业 制药 纺织 服饰 建材 电力 航空 动力 集团 技术 工程 "
    "材料 设备 发展 投资 贸易 国际 中国 有限 责任 公司 工业 产业 商贸 建设 制造 研究院 研究所"
).split()
_BRACKETS_RE = re.compile(r"\([^)]*\)|[“”\"「」『』]")


def _core(name: str) -> str:
    text = _BRACKETS_RE.sub("", normalise_name(name))
    return _strip_legal(_split_places(text, None)[1])


def _only_trade_words(core: str) -> bool:
    rest, changed = core, True
    while rest and changed:
        changed = False
        for word in sorted(TRADE_WORDS, key=len, reverse=True):
            if rest.startswith(word):
                rest, changed = rest[len(word):], True
                break
    return not rest


def _in_order(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def compatible(a: str, b: str) -> bool:
    """Can names ``a`` and ``b`` name the same firm?"""
    ca, cb = _core(a), _core(b)
    if ca == cb:
        return True
    (short, short_name), (long, _) = sorted(((ca, a), (cb, b)), key=lambda pair: len(pair[0]))
    if not short or _only_trade_words(_strip_legal(_BRACKETS_RE.sub("", normalise_name(short_name)))):
        return False  # 科技股份有限公司: a name cut down to its trade word (淄博精工 keeps its place)
    return short in long or (short[0] == long[0] and _in_order(short, long))


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("株洲时代新材料科技股份有限公司", "时代新材", True),
        ("湖南某某科技股份有限公司", "某某科技", True),
        ("湖南“星光”科技股份有限公司", "科技股份有限公司", False),
        ("甲乙电子有限公司", "丙丁电子有限公司", False),
        ("淄博精工美术琉璃制造有限公司", "淄博精工", True),
    ],
)
def test_compatible_names(a, b, expected):
    assert compatible(a, b) is expected


@pytest.fixture(scope="module")
def real_results(corpus_docs) -> list[dict]:
    """Every real report, extracted once for this module's tests."""
    paths = sorted(corpus_docs.glob("real-*.txt"))
    assert len(paths) >= 300
    return list(extract_many([read_report(p) for p in paths]))


def test_no_two_unrelated_companies_share_a_node_in_the_whole_real_corpus(real_results):
    results = real_results
    resolver = resolve(results)
    entities = {(r["doc"], e["id"]): e for r in results for e in r["entities"]}
    bad, shown = 0, []
    for (_, key), refs in resolver.groups("Company").items():
        names = sorted({normalise_name(n) for ref in refs for n in [entities[ref]["name"], *entities[ref]["aliases"]]})
        clashes = [(a, b) for a, b in itertools.combinations(names, 2) if not compatible(a, b)]
        if clashes:
            bad += 1
            if not any(doc in HELDOUT for doc, _ in refs):
                shown.append((key, clashes[:3]))
    assert bad == 0, f"{bad} Company nodes merge incompatible names; of development reports: {shown}"


def test_the_whole_real_corpus_gets_the_keys_the_in_memory_resolver_gave(real_results):
    """The resolution with its state in SQLite (issue 14) against the in-memory resolver it
    replaced (tests/resolution_reference.py), on every real report as extracted: the same key
    for every entity, the same merged groups. A failure names development reports only."""
    import resolution_reference as reference

    old = reference.resolve(real_results)
    with resolve(real_results) as new:
        differ = [ref for ref, key in old.keys.items() if new.key(*ref) != key]
        same_groups = new.groups() == old.groups()
    shown = [ref for ref in differ if ref[0] not in HELDOUT][:10]
    assert not differ and same_groups, f"{len(differ)} of {len(old.keys)} entities get another key; of development reports: {shown}"
    assert sum(1 for refs in old.groups().values() if len(refs) > 1) > 100  # the corpus exercised the merges
