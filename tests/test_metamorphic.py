"""The extractor reads how reports are written, not the names the development reports hold.

``bench/metamorphic.py`` changes each development report (read from ../shared/corpus at run time)
in ways that change nothing a reader extracts -- persons and legal-form firms renamed to generated
names of the same shape, places replaced by other divisions of the same level, punctuation
written half-width -- and scores against the gold changed the same way. A rule or lexicon that
memorised the development reports' names or places shows as a drop here. Measured when written
(seed 0): entity 0.899 as is, 0.895 renamed, 0.899 places swapped; Company 0.932 / 0.934 / 0.932.
The held-out split is never read.
"""

from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench(corpus_docs):
    spec = importlib.util.spec_from_file_location("metamorphic", ROOT / "bench" / "metamorphic.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    golds, texts = {}, {}
    for line in (ROOT / "tests" / "gold" / "real-dev.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        golds[gold["doc"]] = gold
        texts[gold["doc"]] = (corpus_docs / f"{gold['doc']}.txt").read_text(encoding="utf-8")
    return module, golds, texts, module.run(texts, golds)


def _variant(bench, name: str, seed: int = 0) -> dict[str, float]:
    module, golds, texts, _ = bench
    transform, _seeded = module.VARIANTS[name]
    rng = random.Random(seed)
    changed_texts, changed_golds = {}, {}
    divisions = module.admin_divisions()
    for doc in texts:
        changed_texts[doc], changed_golds[doc] = transform(texts[doc], golds[doc], rng, divisions)
    return module.run(changed_texts, changed_golds)


def test_renamed_persons_and_firms_read_about_as_well_as_the_real_names(bench):
    as_is = bench[3]
    renamed = _variant(bench, "names")
    # before the scan read brands the segmenter cuts (安腾|实业, 裕|正|生物), renamed firms read
    # 0.921 against 0.928: this floor would have caught it
    assert renamed["Company"] >= as_is["Company"] - 0.005, (renamed, as_is)
    assert renamed["entity"] >= as_is["entity"] - 0.008, (renamed, as_is)
    assert renamed["relation"] >= as_is["relation"] - 0.01, (renamed, as_is)


def test_swapped_places_read_as_well_as_the_real_ones(bench):
    as_is = bench[3]
    swapped = _variant(bench, "places")
    assert swapped["entity"] >= as_is["entity"] - 0.005, (swapped, as_is)
    assert swapped["relation"] >= as_is["relation"] - 0.01, (swapped, as_is)
    assert swapped["Place"] >= as_is["Place"] - 0.01, (swapped, as_is)


def test_half_width_punctuation_changes_nothing(bench):
    as_is = bench[3]
    half = _variant(bench, "halfwidth")
    assert abs(half["entity"] - as_is["entity"]) <= 0.002 and abs(half["relation"] - as_is["relation"]) <= 0.002, (half, as_is)


def test_hard_wrapped_lines_read_nearly_as_the_paragraphs(bench):
    # each dev report broken after every 30-40 characters, as text copied out of a PDF reads;
    # before kg.text.soften_wraps, relation F1 fell from 0.788 to 0.49-0.51 (a line's end read
    # as a clause's); with it 0.693-0.694 (seeds 0 and 1)
    as_is = bench[3]
    wrapped = _variant(bench, "wrapped")
    assert wrapped["relation"] >= as_is["relation"] - 0.12, (wrapped, as_is)
    assert wrapped["entity"] >= as_is["entity"] - 0.03, (wrapped, as_is)


def test_spaces_between_ideographs_and_digits_cost_little(bench):
    # 2019 年, 第 6 批, ISO 技术委员会: measured when written (seed 0) relation 0.789 -> 0.774,
    # entity 0.903 -> 0.898 (years, editions, ISO before a space, numbered names); after issue-12g
    # read spaced numbers (seventh session) relation 0.817 -> 0.816, entity 0.919 -> 0.914; a floor
    as_is = bench[3]
    spaced = _variant(bench, "spaced")
    assert spaced["relation"] >= as_is["relation"] - 0.01, (spaced, as_is)
    assert spaced["entity"] >= as_is["entity"] - 0.01, (spaced, as_is)
